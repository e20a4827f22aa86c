"""Workflow history: every state change of a workflow record, with actor, reason and time (AC-15).

A transition is recorded twice, in one transaction: a `WorkflowHistory` row (queryable per
record) and an audit entry `<subject_type>.<action>` with `{"status": [from, to]}` (AC-13).
Who may read a history is decided in `authz/` (AC-10): `history_of` does not scope.
"""

from __future__ import annotations

import datetime as dt
import re
from uuid import UUID

from tortoise.models import Model
from tortoise.transactions import in_transaction

from authz.principal import Principal
from authz.principal import PrincipalKind as RequestPrincipalKind
from models.audit import PrincipalKind, WorkflowHistory
from workflows import audit


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def audit_action(subject_type: str, action: str) -> str:
    """'ViolenceReport', 'verify' → 'violence_report.verify', the audit action of a transition."""
    return f"{re.sub(r'(?<!^)(?=[A-Z])', '_', subject_type).lower()}.{action}"


def _check_length(name: str, value: str | None, limit: int) -> None:
    if value is not None and len(value) > limit:
        raise ValueError(f"workflow history {name} longer than {limit} characters: {value[:limit]}…")


async def record_transition(
    subject: Model,
    *,
    action: str,
    from_state: str | None,
    to_state: str,
    principal: Principal | None,
    reason: str | None = None,
    acting_for_id: UUID | None = None,
    now: dt.datetime | None = None,
) -> WorkflowHistory:
    """A saved workflow record that changed state → a history row and its audit entry, in the
    caller's transaction when there is one, so they commit with the change (AC-15, AC-13).

    With no principal the change is the system's (a deadline job, say).
    """
    when = audit.as_utc(now or utcnow())
    subject_type = type(subject).__name__
    # str() of a StrEnum member is its value, so states may be passed as enum members.
    from_value = None if from_state is None else str(from_state)
    to_value = str(to_state)
    for name, value, limit in (
        ("subject_type", subject_type, 60),
        ("action", action, 60),
        ("from_state", from_value, 40),
        ("to_state", to_value, 40),
    ):
        _check_length(name, value, limit)
    kind = PrincipalKind(principal.kind.value) if principal else PrincipalKind.SYSTEM
    is_staff = principal is not None and principal.kind is RequestPrincipalKind.STAFF
    async with in_transaction() as conn:
        history = await WorkflowHistory.create(
            using_db=conn,
            subject_type=subject_type,
            subject_id=subject.pk,
            action=action,
            from_state=from_value,
            to_state=to_value,
            actor_id=principal.staff_id if is_staff and principal else None,
            acting_for_id=acting_for_id,
            principal_kind=kind,
            # The staff member is the actor; others are named by their non-secret reference.
            principal_ref=None if is_staff or principal is None else principal.ref[:100],
            reason=reason,
            occurred_at=when,
        )
        await audit.record(
            audit_action(subject_type, action),
            principal=principal,
            principal_kind=None if principal else PrincipalKind.SYSTEM.value,
            subject_type=subject_type,
            subject_id=subject.pk,
            changes={"status": [from_value, to_value]},
            now=when,
        )
    return history


async def history_of(subject_type: str, subject_id: UUID) -> list[WorkflowHistory]:
    """A workflow record's type and id → its state changes, oldest first (AC-15)."""
    return (
        await WorkflowHistory.filter(subject_type=subject_type, subject_id=subject_id)
        .order_by("occurred_at", "created_at", "id")
        .all()
    )


__all__ = ["audit_action", "history_of", "record_transition"]
