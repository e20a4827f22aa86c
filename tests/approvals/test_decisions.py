"""Rejections, completed steps, atomicity and races of approval decisions (01, AC-7, Q-R1)."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from tortoise.transactions import in_transaction

from models.audit import Approval, ApprovalDecision, AuditEntry
from models.organisation import Position
from models.programs import EmergencyProtection
from tests.approvals.factories import emergency_request, leader, make_account, principal, written
from workflows import audit
from workflows.approvals import (
    EMERGENCY_PROTECTION,
    INVOLVEMENT_TARGET_HEAD,
    approval_state,
    approve,
    decide,
    reject,
)
from workflows.errors import Conflict, DomainError, ErrorCode, NotFound, RuleViolation, ValidationFailed


@pytest.mark.parametrize("note", [None, "", "   \n"])
async def test_reject_without_reason_is_refused_emg_1(db, note):
    # given
    requester = await make_account()
    official = await leader()
    request = await emergency_request(requester.staff)
    # when
    with pytest.raises(ValidationFailed) as refused:
        await reject(
            EMERGENCY_PROTECTION,
            request,
            await principal(official),
            requester_id=requester.staff.id,
            note=note,
        )
    # then
    assert (refused.value.key, refused.value.field, refused.value.rule) == (
        "approvals.reason_required",
        "note",
        "EMG-1",
    )
    assert await written() == (0, 0)


async def test_reject_with_reason_ends_step_emg_1(db):
    # given
    requester = await make_account()
    first, second = await leader(), await leader()
    request = await emergency_request(requester.staff)
    await approve(EMERGENCY_PROTECTION, request, await principal(first), requester_id=requester.staff.id)
    # when
    state = await reject(
        EMERGENCY_PROTECTION,
        request,
        await principal(second),
        requester_id=requester.staff.id,
        note="  Ancaman belum terbukti.  ",
    )
    # then
    assert state.rejected and not state.complete
    [rejection] = state.rejections
    assert (rejection.approver_id, rejection.note) == (second.staff.id, "Ancaman belum terbukti.")
    row = await Approval.get(approver_id=second.staff.id)
    assert row.decision is ApprovalDecision.REJECTED and row.note == "Ancaman belum terbukti."
    entry = await AuditEntry.get(action="emergency_protection.leaders_approval.reject")
    assert entry.changes["rejected"] is True and "note" not in entry.changes


async def test_approve_after_rejection_is_refused_emg_1(db):
    # given: the way around a rejection — more approvals to outnumber it
    requester = await make_account()
    rejecting, late = await leader(), await leader()
    request = await emergency_request(requester.staff)
    await reject(
        EMERGENCY_PROTECTION,
        request,
        await principal(rejecting),
        requester_id=requester.staff.id,
        note="Tidak.",
    )
    before = await written()
    # when
    with pytest.raises(Conflict) as refused:
        await approve(EMERGENCY_PROTECTION, request, await principal(late), requester_id=requester.staff.id)
    # then
    assert refused.value.key == "approvals.step_rejected" and refused.value.code is ErrorCode.CONFLICT
    assert await written() == before


async def test_approve_after_step_complete_is_refused_emg_1(db):
    # given
    requester = await make_account()
    first, second, third = await leader(), await leader(), await leader()
    request = await emergency_request(requester.staff)
    for official in (first, second):
        await approve(
            EMERGENCY_PROTECTION, request, await principal(official), requester_id=requester.staff.id
        )
    before = await written()
    # when / then: neither a further approval nor a late rejection
    with pytest.raises(Conflict) as late_approval:
        await approve(EMERGENCY_PROTECTION, request, await principal(third), requester_id=requester.staff.id)
    with pytest.raises(Conflict) as late_rejection:
        await reject(
            EMERGENCY_PROTECTION,
            request,
            await principal(third),
            requester_id=requester.staff.id,
            note="Tidak.",
        )
    assert late_approval.value.key == late_rejection.value.key == "approvals.step_complete"
    assert await written() == before
    assert (await approval_state(EMERGENCY_PROTECTION, request)).complete


async def test_approve_refused_writes_nothing_ac_7(db):
    # given: every kind of refusal, one after the other, on one request
    requester = await leader()
    official = await leader()
    executor = await make_account(position=Position.EXECUTOR)
    request = await emergency_request(requester.staff)
    await approve(EMERGENCY_PROTECTION, request, await principal(official), requester_id=requester.staff.id)
    rows_before = await Approval.all().values("id", "approver_id", "decision", "note")
    before = await written()
    attempts = [
        (requester, None),  # own request
        (official, None),  # twice
        (executor, None),  # wrong position
    ]
    # when
    for account, note in attempts:
        with pytest.raises(DomainError):
            await approve(
                EMERGENCY_PROTECTION,
                request,
                await principal(account),
                requester_id=requester.staff.id,
                note=note,
            )
    # then
    assert await written() == before
    assert await Approval.all().values("id", "approver_id", "decision", "note") == rows_before
    assert (await audit.verify()).ok


async def test_approve_rolls_back_with_callers_transaction_q_r_1(db):
    # given
    requester = await make_account()
    official = await leader()
    request = await emergency_request(requester.staff)
    # when: the workflow fails after the approval, within its own transaction
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await approve(
                EMERGENCY_PROTECTION, request, await principal(official), requester_id=requester.staff.id
            )
            raise RuntimeError("the transition failed")
    # then
    assert await written() == (0, 0)


async def test_approve_unknown_record_is_not_found(db):
    # given: a record that was never saved
    requester = await make_account()
    official = await leader()
    ghost = EmergencyProtection(id=uuid.uuid4())
    # when / then
    with pytest.raises(NotFound):
        await approve(EMERGENCY_PROTECTION, ghost, await principal(official), requester_id=requester.staff.id)
    assert await written() == (0, 0)


async def test_approve_head_step_without_unit_is_a_programming_error_asg_2(db):
    # given
    requester = await make_account()
    official = await leader()
    request = await emergency_request(requester.staff)
    # when / then: the workflow must say which unit's head decides
    with pytest.raises(ValueError):
        await approve(
            INVOLVEMENT_TARGET_HEAD, request, await principal(official), requester_id=requester.staff.id
        )


# --- concurrency (PostgreSQL) -----------------------------------------------------------------


async def test_approve_concurrent_last_approvals_one_winner_q_r_1(db):
    if not db.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: one approval in, three leaders race for the last place
    requester = await make_account()
    first = await leader()
    racers = [await principal(await leader()) for _ in range(3)]
    request = await emergency_request(requester.staff)
    await approve(EMERGENCY_PROTECTION, request, await principal(first), requester_id=requester.staff.id)
    # when
    results = await asyncio.gather(
        *(approve(EMERGENCY_PROTECTION, request, p, requester_id=requester.staff.id) for p in racers),
        return_exceptions=True,
    )
    # then
    winners = [r for r in results if not isinstance(r, BaseException)]
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(winners) == 1 and winners[0].complete
    assert all(isinstance(e, Conflict) and e.key == "approvals.step_complete" for e in losers)
    assert await Approval.all().count() == 2
    assert (await audit.verify()).ok


async def test_approve_concurrent_same_leader_counts_once_ac_7(db):
    if not db.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given
    requester = await make_account()
    official = await principal(await leader())
    request = await emergency_request(requester.staff)
    # when: a double submission
    results = await asyncio.gather(
        *(
            approve(EMERGENCY_PROTECTION, request, official, requester_id=requester.staff.id)
            for _ in range(3)
        ),
        return_exceptions=True,
    )
    # then
    assert sum(not isinstance(r, BaseException) for r in results) == 1
    assert all(isinstance(r, RuleViolation | Conflict) for r in results if isinstance(r, BaseException))
    assert len((await approval_state(EMERGENCY_PROTECTION, request)).officials) == 1


async def test_approve_race_past_the_lock_is_a_conflict_ac_7(db, monkeypatch):
    if not db.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: a record that could not be locked, so only the unique constraint stands in the way

    async def no_lock(subject, conn):
        await asyncio.sleep(0)

    monkeypatch.setattr(decide, "_lock", no_lock)
    requester = await make_account()
    official = await principal(await leader())
    request = await emergency_request(requester.staff)
    # when: a double submission
    results = await asyncio.gather(
        *(
            approve(EMERGENCY_PROTECTION, request, official, requester_id=requester.staff.id)
            for _ in range(3)
        ),
        return_exceptions=True,
    )
    # then
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(losers) == 2
    assert all(isinstance(e, Conflict) and e.key == "approvals.concurrent" for e in losers), losers
    assert await Approval.all().count() == 1 and (await audit.verify()).ok
