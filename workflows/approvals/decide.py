"""Recording one approver's decision on one step: `approve` and `reject` (AC-6, AC-7, Q-R1)."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from authz.principal import Principal
from models.audit import Approval, ApprovalDecision
from workflows import audit
from workflows.approvals.guards import (
    Capacity,
    capacities,
    clean_note,
    ensure_entitled,
    ensure_not_decided,
    ensure_not_requester,
    ensure_open,
    ensure_staff,
    not_yet_represented,
    without_requester,
)
from workflows.approvals.rules import ApprovalRule
from workflows.approvals.state import ApprovalState, Decision, approval_state, subject_type_of
from workflows.errors import Conflict, NotFound
from workflows.history import audit_action

_VERBS = {ApprovalDecision.APPROVED: "approve", ApprovalDecision.REJECTED: "reject"}


async def approve(
    rule: ApprovalRule,
    subject: Model,
    principal: Principal,
    *,
    requester_id: UUID | None,
    unit_id: UUID | None = None,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> ApprovalState:
    """An entitled official (not the requester, not yet counted) on an open step → their
    approval and its audit entry recorded in one transaction; the step's new state (AC-6, AC-7)."""
    return await _decide(
        rule, subject, principal, ApprovalDecision.APPROVED, requester_id, unit_id, note, now
    )


async def reject(
    rule: ApprovalRule,
    subject: Model,
    principal: Principal,
    *,
    requester_id: UUID | None,
    unit_id: UUID | None = None,
    note: str | None = None,
    now: dt.datetime | None = None,
) -> ApprovalState:
    """An entitled official with a reason in `note`, on an open step → the rejection and its
    audit entry recorded; the step is then rejected, which ends the path (01, AC-6, AC-7)."""
    return await _decide(
        rule, subject, principal, ApprovalDecision.REJECTED, requester_id, unit_id, note, now
    )


async def _decide(
    rule: ApprovalRule,
    subject: Model,
    principal: Principal,
    decision: ApprovalDecision,
    requester_id: UUID | None,
    unit_id: UUID | None,
    note: str | None,
    now: dt.datetime | None,
) -> ApprovalState:
    # Who may decide is known before touching the database: refuse early, write nothing.
    staff_id = ensure_staff(principal)
    found = capacities(rule, principal, unit_id)
    ensure_entitled(rule, found, unit_id)
    ensure_not_requester(rule, staff_id, requester_id)
    found = without_requester(rule, found, requester_id)
    text = clean_note(rule, note, required=decision is ApprovalDecision.REJECTED)
    when = audit.as_utc(now or audit.utcnow())

    # A caller's transaction is joined (as a savepoint), so a workflow can move the record on
    # in the same commit as the approval that completes its step (Q-R1).
    async with in_transaction() as conn:
        await _lock(subject, conn)
        # Read after the lock: a decision committed while we waited is seen (READ COMMITTED).
        state = await approval_state(rule, subject)
        ensure_open(state)
        ensure_not_decided(state, staff_id)
        capacity = not_yet_represented(state, found)
        await _insert(rule, subject, capacity, decision, text, when)
        after = ApprovalState(
            rule=rule,
            subject_type=state.subject_type,
            subject_id=state.subject_id,
            decisions=(
                *state.decisions,
                Decision(staff_id, capacity.acting_for_id, decision, text, when),
            ),
        )
        await audit.record(
            audit_action(state.subject_type, f"{rule.step}.{_VERBS[decision]}"),
            principal=principal,
            subject_type=state.subject_type,
            subject_id=state.subject_id,
            acting_as=capacity.acting_as,
            changes=_changes(rule, capacity, decision, state, after),
            now=when,
        )
    return after


async def _lock(subject: Model, conn: BaseDBAsyncClient) -> None:
    """Lock the record decided on, so concurrent deciders queue up and see each other (Q-R1);
    SQLite has no row locks but serialises writers on its one connection."""
    # A full-row fetch: Tortoise adds FOR UPDATE only to model queries, not to exists()/values().
    locked = await type(subject).filter(pk=subject.pk).using_db(conn).select_for_update().first()
    if locked is None:
        raise NotFound(subject_type_of(subject))


async def _insert(
    rule: ApprovalRule,
    subject: Model,
    capacity: Capacity,
    decision: ApprovalDecision,
    note: str | None,
    when: dt.datetime,
) -> None:
    try:
        # A savepoint: on PostgreSQL a failed insert would otherwise poison the whole transaction.
        async with in_transaction():
            await Approval.create(
                subject_type=subject_type_of(subject),
                subject_id=subject.pk,
                step=rule.step,
                approver_id=capacity.staff_id,
                acting_for_id=capacity.acting_for_id,
                decision=decision,
                note=note,
                decided_at=when,
            )
    except IntegrityError as error:
        # The unique (subject, step, approver) constraint backs AC-7 when the lock did not
        # serialise two decisions of the same person (e.g. the record was not lockable).
        raise Conflict(
            "approvals.concurrent", rule=rule.rule_id, step=rule.step, rule_id=rule.rule_id
        ) from error


def _changes(
    rule: ApprovalRule,
    capacity: Capacity,
    decision: ApprovalDecision,
    before: ApprovalState,
    after: ApprovalState,
) -> dict[str, object]:
    # The note stays on the Approval row: free text may name people, and audit diffs hold
    # no secret values (AC-13).
    return {
        "rule": rule.rule_id,
        "step": rule.step,
        "decision": decision.value,
        "approver": capacity.staff_id,
        "acting_for": capacity.acting_for_id,
        "official": capacity.official_id,
        "approvals": [len(before.officials), len(after.officials)],
        "required": rule.required,
        "complete": after.complete,
        "rejected": after.rejected,
    }
