"""Idempotency keys of mutation requests (Q-R2): a retried request answers, it does not act twice."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from models.base import PerisaiModel
from models.secrets import EncryptedField


class IdempotencyStatus(StrEnum):
    PENDING = "pending"  # the first request is running
    DONE = "done"  # the first request answered; `response` holds its data


class IdempotencyKey(PerisaiModel):
    """A mutation request's `Idempotency-Key`, per caller: the request it named and the answer it got.
    Kept 24 hours."""

    api_hidden = True

    principal_ref = fields.CharField(
        max_length=100, description="Who sent it: staff id, token prefix, reporter id."
    )
    key = fields.CharField(max_length=100, description="The client's key, unique per caller.")
    request_hash = fields.CharField(
        max_length=64, description="SHA-256 of the document and variables the key was first used with."
    )
    status = fields.CharEnumField(IdempotencyStatus, max_length=40, description="Running or answered.")
    # The answer may hold secret fields as its caller saw them: sealed like every secret (AC-11).
    response = EncryptedField(description="The answer's data as JSON, returned again on a retry (sealed).")

    class Meta:
        table = "idempotency_keys"
        unique_together = (("principal_ref", "key"),)
