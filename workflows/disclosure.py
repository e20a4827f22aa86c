"""Disclosure of secret fields is itself recorded (AC-13): who read which rows' secrets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from tortoise.models import Model


async def audit_secret_read(
    principal: Any, model: type[Model], ids: Sequence[UUID], request_id: str | None
) -> None:
    """A batch of rows whose secret fields were shown in clear → one audit entry naming them."""
    from workflows.audit import record

    await record(
        "secret_fields.read",
        principal=principal,
        subject_type=model.__name__,
        subject_id=ids[0] if len(ids) == 1 else None,
        changes={"ids": [str(i) for i in ids]},
        request_id=request_id,
    )
