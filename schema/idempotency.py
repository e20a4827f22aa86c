"""Idempotent mutations (Q-R2): an `Idempotency-Key` header makes a retried request answer, not act.

The first request with a key (per caller) records it as running, executes, and stores the
answer's data. A retry with the same key and the same document and variables gets that
data back without executing; with a different document or variables it is refused
(CONFLICT); while the first is still running, CONFLICT too (retry later). A first request
that ends in a top-level error (not signed in, forbidden, internal) forgets the key, so
the client may try again. Keys live 24 hours.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import AsyncIterator
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType
from tortoise.exceptions import IntegrityError

from models.idempotency import IdempotencyKey, IdempotencyStatus
from models.secrets import reveal
from workflows.errors import Conflict, ValidationFailed
from workflows.messages import MESSAGES

KEY_LIFETIME = dt.timedelta(hours=24)
MAX_KEY_LENGTH = 100

MESSAGES.update(
    {
        "idempotency.reused": (
            "Kunci idempotensi ini sudah dipakai untuk permintaan lain.",
            "This idempotency key was already used for a different request.",
        ),
        "idempotency.running": (
            "Permintaan dengan kunci idempotensi ini masih diproses; coba lagi sebentar lagi.",
            "A request with this idempotency key is still running; retry shortly.",
        ),
        "idempotency.key": (
            "Kunci idempotensi harus 1–{maximum} karakter huruf, angka, '-' atau '_'.",
            "The idempotency key must be 1–{maximum} letters, digits, '-' or '_'.",
        ),
    }
)


def request_hash(query: str | None, variables: dict[str, Any] | None, operation_name: str | None) -> str:
    text = json.dumps([query or "", variables or {}, operation_name], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _error(exc: Exception) -> GraphQLError:
    return GraphQLError(str(exc), original_error=exc)


async def claim(owner: str, key: str, digest: str) -> ExecutionResult | None:
    """Key unused → claimed (None: execute now); a finished retry → its stored answer; else an error."""
    if not key or len(key) > MAX_KEY_LENGTH or not all(c.isalnum() or c in "-_" for c in key):
        return ExecutionResult(None, [_error(ValidationFailed("idempotency.key", maximum=MAX_KEY_LENGTH))])
    expired = dt.datetime.now(dt.UTC) - KEY_LIFETIME
    await IdempotencyKey.filter(principal_ref=owner, key=key, created_at__lt=expired).delete()
    try:
        await IdempotencyKey.create(
            principal_ref=owner, key=key, request_hash=digest, status=IdempotencyStatus.PENDING
        )
        return None
    except IntegrityError:
        existing = await IdempotencyKey.get_or_none(principal_ref=owner, key=key)
    if existing is None or existing.status is not IdempotencyStatus.DONE:
        return ExecutionResult(None, [_error(Conflict("idempotency.running"))])
    if existing.request_hash != digest:
        return ExecutionResult(None, [_error(Conflict("idempotency.reused"))])
    return ExecutionResult(json.loads(reveal(existing, "response") or "null"), None)


class IdempotentMutations(SchemaExtension):
    """Claims the caller's key before a mutation runs and stores its answer after (Q-R2)."""

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        context = self.execution_context
        key = getattr(context.context, "idempotency_key", None)
        principal = getattr(context.context, "principal", None)
        if key is None or principal is None or context.operation_type is not OperationType.MUTATION:
            yield
            return
        digest = request_hash(context.query, context.variables, context.operation_name)
        stored = await claim(principal.ref, key, digest)
        if stored is not None:
            context.result = stored  # Strawberry then skips execution
            yield
            return
        yield
        result = context.result
        mine = await IdempotencyKey.get(principal_ref=principal.ref, key=key)
        if isinstance(result, ExecutionResult) and not result.errors and not _holds_credential(context.query):
            mine.status = IdempotencyStatus.DONE
            mine.response = json.dumps(result.data, default=str)
            await mine.save(update_fields=["status", "response", "updated_at"])
        else:
            await mine.delete()


# Answers that carry a credential shown once (a session token, a partner token's secret) are
# never stored: a retry acts again instead of handing the credential out a second time.
ONCE_ONLY = ("authLogin", "partnerTokenCreate", "reporterCodeVerify")


def _holds_credential(query: str | None) -> bool:
    return any(name in (query or "") for name in ONCE_ONLY)
