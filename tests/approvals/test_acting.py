"""Approvals bound to a position, not a person: the head of *that* unit, and acting officials
for their period, recorded as "X acting for Y" (AC-6, ASG-2, AC-7)."""

from __future__ import annotations

import pytest

from models.audit import Approval, AuditEntry
from models.organisation import Position, UnitFunction
from tests.approvals.factories import (
    DAY,
    NOW,
    acting,
    emergency_request,
    involvement_request,
    leader,
    make_account,
    make_unit,
    principal,
    standards_assessment,
    unit_head,
    written,
)
from workflows.approvals import (
    EMERGENCY_PROTECTION,
    INVOLVEMENT_TARGET_HEAD,
    SAFE_HOUSE_STANDARDS,
    approval_state,
    approve,
)
from workflows.errors import RuleViolation


async def asg_2_request():
    """A proposing head, a target unit with its head, and the request between them."""
    proposer, requesting = await unit_head()
    target_head, target = await unit_head(await make_unit(UnitFunction.RIGHTS_FULFILMENT))
    request = await involvement_request(proposer.staff, requesting, target)
    return proposer, target_head, target, request


async def test_approve_by_target_unit_head_completes_step_asg_2(db):
    # given
    proposer, target_head, target, request = await asg_2_request()
    # when
    state = await approve(
        INVOLVEMENT_TARGET_HEAD,
        request,
        await principal(target_head),
        requester_id=proposer.staff.id,
        unit_id=target.id,
        note="Tersedia dua analis.",
    )
    # then
    assert state.complete and state.officials == {target_head.staff.id}
    row = await Approval.get(subject_id=request.id)
    assert (row.approver_id, row.acting_for_id, row.note) == (
        target_head.staff.id,
        None,
        "Tersedia dua analis.",
    )
    entry = await AuditEntry.get(action="involvement_request.target_head_approval.approve")
    assert entry.acting_as == f"head of unit {target.id}"


async def test_approve_by_head_of_another_unit_is_refused_asg_2(db):
    # given: the proposing head tries to approve for the target unit; so does a third head
    proposer, _, target, request = await asg_2_request()
    other_head, _ = await unit_head()
    for someone in (proposer, other_head):
        # when
        with pytest.raises(RuleViolation) as refused:
            await approve(
                INVOLVEMENT_TARGET_HEAD,
                request,
                await principal(someone),
                requester_id=proposer.staff.id,
                unit_id=target.id,
            )
        # then
        assert refused.value.key == "approvals.unit_head_required" and refused.value.rule == "ASG-2"
    assert await written() == (0, 0)


async def test_approve_by_acting_unit_head_is_recorded_as_acting_for_ac_6(db):
    # given: the target head is away; an official of the unit acts as its head
    proposer, target_head, target, request = await asg_2_request()
    stand_in = await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=target)
    await acting(stand_in, Position.UNIT_HEAD, unit=target, acting_for=target_head.staff)
    # when
    state = await approve(
        INVOLVEMENT_TARGET_HEAD,
        request,
        await principal(stand_in),
        requester_id=proposer.staff.id,
        unit_id=target.id,
        now=NOW,
    )
    # then: the stand-in decided, counted as the head acted for
    assert state.complete and state.officials == {target_head.staff.id}
    row = await Approval.get(subject_id=request.id)
    assert (row.approver_id, row.acting_for_id) == (stand_in.staff.id, target_head.staff.id)
    entry = await AuditEntry.get(action="involvement_request.target_head_approval.approve")
    assert entry.principal_ref == str(stand_in.staff.id)
    assert entry.acting_as.startswith(f"acting for {target_head.staff.id}")
    assert entry.changes["acting_for"] == str(target_head.staff.id)


@pytest.mark.parametrize(
    ("start", "end"),
    [(NOW - 10 * DAY, NOW - DAY), (NOW + DAY, NOW + 10 * DAY)],
    ids=["expired", "not_yet_in_force"],
)
async def test_approve_by_acting_head_out_of_period_is_refused_ac_6(db, start, end):
    # given: the way around — an acting appointment, but not in force now
    proposer, target_head, target, request = await asg_2_request()
    stand_in = await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=target)
    await acting(
        stand_in, Position.UNIT_HEAD, unit=target, acting_for=target_head.staff, start=start, end=end
    )
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(
            INVOLVEMENT_TARGET_HEAD,
            request,
            await principal(stand_in, at=NOW),
            requester_id=proposer.staff.id,
            unit_id=target.id,
            now=NOW,
        )
    # then
    assert refused.value.key == "approvals.unit_head_required"
    assert await written() == (0, 0)


async def test_approve_by_acting_leader_with_portfolio_is_honoured_sh_4(db):
    # given: a rights-fulfilment leader on leave, a stand-in appointed for that portfolio
    manager = await make_account()
    away, present = await leader("rights_fulfilment"), await leader("rights_fulfilment")
    stand_in = await make_account(position=Position.UNIT_HEAD)
    await acting(stand_in, Position.LEADER, acting_for=away.staff, portfolio_code="rights_fulfilment")
    assessment = await standards_assessment(manager.staff)
    # when
    await approve(SAFE_HOUSE_STANDARDS, assessment, await principal(present), requester_id=manager.staff.id)
    state = await approve(
        SAFE_HOUSE_STANDARDS, assessment, await principal(stand_in), requester_id=manager.staff.id
    )
    # then
    assert state.complete and state.officials == {present.staff.id, away.staff.id}
    assert [d.acting_for_id for d in state.approvals] == [None, away.staff.id]


async def test_approve_by_acting_leader_without_portfolio_is_refused_sh_4(db):
    # given: the way around — acting as leader, but not for the portfolio the step names
    manager = await make_account()
    away = await leader("rights_fulfilment")
    stand_in = await make_account(position=Position.UNIT_HEAD)
    await acting(stand_in, Position.LEADER, acting_for=away.staff)
    assessment = await standards_assessment(manager.staff)
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(
            SAFE_HOUSE_STANDARDS, assessment, await principal(stand_in), requester_id=manager.staff.id
        )
    # then
    assert refused.value.key == "approvals.portfolio_required"
    assert await written() == (0, 0)


async def test_approve_by_stand_in_after_official_approved_is_refused_ac_7(db):
    # given: leader Y approved in person; X acts for Y
    requester = await make_account()
    official = await leader()
    stand_in = await make_account(position=Position.UNIT_HEAD)
    await acting(stand_in, Position.LEADER, acting_for=official.staff)
    request = await emergency_request(requester.staff)
    await approve(EMERGENCY_PROTECTION, request, await principal(official), requester_id=requester.staff.id)
    before = await written()
    # when: the way around the count — a second approval in Y's name
    with pytest.raises(RuleViolation) as refused:
        await approve(
            EMERGENCY_PROTECTION, request, await principal(stand_in), requester_id=requester.staff.id
        )
    # then
    assert refused.value.key == "approvals.official_already_counted"
    assert await written() == before
    assert len((await approval_state(EMERGENCY_PROTECTION, request)).officials) == 1


async def test_approve_by_official_after_stand_in_approved_is_refused_ac_7(db):
    # given: X acting for leader Y approved; Y comes back early and approves too
    requester = await make_account()
    official = await leader()
    stand_in = await make_account(position=Position.UNIT_HEAD)
    await acting(stand_in, Position.LEADER, acting_for=official.staff)
    request = await emergency_request(requester.staff)
    await approve(EMERGENCY_PROTECTION, request, await principal(stand_in), requester_id=requester.staff.id)
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(
            EMERGENCY_PROTECTION, request, await principal(official), requester_id=requester.staff.id
        )
    # then
    assert refused.value.key == "approvals.official_already_counted"
    assert await Approval.all().count() == 1


async def test_approve_by_leader_also_acting_for_one_who_approved_counts_in_own_right_ac_7(db):
    # given: leader X also acts for leader Y, who already approved
    requester = await make_account()
    absent, both = await leader(), await leader()
    await acting(both, Position.LEADER, acting_for=absent.staff)
    request = await emergency_request(requester.staff)
    await approve(EMERGENCY_PROTECTION, request, await principal(absent), requester_id=requester.staff.id)
    # when
    state = await approve(
        EMERGENCY_PROTECTION, request, await principal(both), requester_id=requester.staff.id
    )
    # then: X counts as X, so the two officials are distinct
    assert state.complete and state.officials == {absent.staff.id, both.staff.id}
    assert state.approvals[-1].acting_for_id is None
