"""Leaders' steps: N distinct leaders, the right position and portfolio, never the requester
(EMG-1, SH-4, AC-6, AC-7, AC-9)."""

from __future__ import annotations

import pytest

from authz.principal import SYSTEM, Principal, PrincipalKind
from models.audit import Approval, ApprovalDecision, AuditEntry
from models.organisation import Position
from tests.approvals.factories import (
    DAY,
    NOW,
    TODAY,
    acting,
    emergency_request,
    leader,
    make_account,
    principal,
    standards_assessment,
    written,
)
from workflows.approvals import EMERGENCY_PROTECTION, SAFE_HOUSE_STANDARDS, approval_state, approve
from workflows.errors import ErrorCode, Forbidden, RuleViolation


async def test_approve_by_two_distinct_leaders_completes_step_emg_1(db):
    # given
    requester = await make_account(position=Position.FUNCTIONAL_OFFICIAL)
    first, second = await leader(), await leader()
    request = await emergency_request(requester.staff)
    # when
    halfway = await approve(
        EMERGENCY_PROTECTION, request, await principal(first), requester_id=requester.staff.id, now=NOW
    )
    done = await approve(
        EMERGENCY_PROTECTION,
        request,
        await principal(second),
        requester_id=requester.staff.id,
        note="Setuju, segera.",
        now=NOW,
    )
    # then
    assert (halfway.complete, halfway.remaining, len(halfway.officials)) == (False, 1, 1)
    assert done.complete and not done.rejected and done.remaining == 0
    assert done.officials == {first.staff.id, second.staff.id}
    assert await approval_state(EMERGENCY_PROTECTION, request) == done
    rows = await Approval.filter(subject_type="EmergencyProtection", subject_id=request.id).order_by(
        "created_at"
    )
    assert [(r.step, r.decision, r.acting_for_id) for r in rows] == [
        ("leaders_approval", ApprovalDecision.APPROVED, None)
    ] * 2
    entries = await AuditEntry.filter(action="emergency_protection.leaders_approval.approve")
    assert {e.principal_ref for e in entries} == {str(first.staff.id), str(second.staff.id)}
    assert {e.acting_as for e in entries} == {"leader"}
    assert sorted(e.changes["approvals"] for e in entries) == [[0, 1], [1, 2]]


async def test_approve_same_leader_twice_is_refused_ac_7(db):
    # given
    requester = await make_account()
    only = await leader()
    request = await emergency_request(requester.staff)
    await approve(EMERGENCY_PROTECTION, request, await principal(only), requester_id=requester.staff.id)
    before = await written()
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(EMERGENCY_PROTECTION, request, await principal(only), requester_id=requester.staff.id)
    # then
    assert refused.value.key == "approvals.already_decided" and refused.value.rule == "EMG-1"
    assert await written() == before
    assert not (await approval_state(EMERGENCY_PROTECTION, request)).complete


async def test_approve_by_requester_is_refused_ac_7(db):
    # given: a leader asks for emergency protection and then tries to approve it
    requester = await leader()
    request = await emergency_request(requester.staff)
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(
            EMERGENCY_PROTECTION, request, await principal(requester), requester_id=requester.staff.id
        )
    # then
    assert refused.value.key == "approvals.own_request" and refused.value.code is ErrorCode.RULE_VIOLATION
    assert "AC-7" in refused.value.messages["id"] and "AC-7" in refused.value.messages["en"]
    assert await written() == (0, 0)


async def test_approve_acting_for_requester_is_refused_ac_7(db):
    # given: the requester is a leader on leave; a unit head acts for them as leader
    requester = await leader()
    stand_in = await make_account(position=Position.UNIT_HEAD)
    await acting(stand_in, Position.LEADER, acting_for=requester.staff)
    request = await emergency_request(requester.staff)
    # when: the way around AC-7 — approving in the requester's name
    with pytest.raises(RuleViolation) as refused:
        await approve(
            EMERGENCY_PROTECTION, request, await principal(stand_in), requester_id=requester.staff.id
        )
    # then
    assert refused.value.key == "approvals.acting_for_requester"
    assert await written() == (0, 0)


@pytest.mark.parametrize(
    "position",
    [Position.UNIT_HEAD, Position.SECRETARY_GENERAL, Position.FUNCTIONAL_OFFICIAL, Position.EXPERT],
)
async def test_approve_by_wrong_position_is_refused_ac_6(db, position):
    # given: experts advise but never approve (AC-9); others hold no leader's post
    requester = await make_account()
    outsider = await make_account(position=position)
    request = await emergency_request(requester.staff)
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(
            EMERGENCY_PROTECTION, request, await principal(outsider), requester_id=requester.staff.id
        )
    # then
    assert refused.value.key == "approvals.position_required" and refused.value.rule == "EMG-1"
    assert await written() == (0, 0)


@pytest.mark.parametrize(
    "who",
    [
        SYSTEM,
        Principal(kind=PrincipalKind.PARTNER_TOKEN, token_prefix="perisai_pat_x", position="leader"),
        Principal(kind=PrincipalKind.REPORTER, position="leader"),
    ],
)
async def test_approve_by_non_staff_is_forbidden_ac_6(db, who):
    # given
    requester = await make_account()
    request = await emergency_request(requester.staff)
    # when / then
    with pytest.raises(Forbidden):
        await approve(EMERGENCY_PROTECTION, request, who, requester_id=requester.staff.id)
    assert await written() == (0, 0)


async def test_approve_by_two_rights_fulfilment_leaders_completes_step_sh_4(db):
    # given
    manager = await make_account(position=Position.FUNCTIONAL_OFFICIAL)
    first = await leader("rights_fulfilment")
    second = await leader("application_review", "rights_fulfilment")
    assessment = await standards_assessment(manager.staff)
    # when
    for official in (first, second):
        state = await approve(
            SAFE_HOUSE_STANDARDS, assessment, await principal(official), requester_id=manager.staff.id
        )
    # then
    assert state.complete and state.officials == {first.staff.id, second.staff.id}
    entry = await AuditEntry.filter(
        action="safe_house_standards_assessment.leaders_consideration.approve"
    ).first()
    assert entry is not None and entry.acting_as == "leader[rights_fulfilment]"


async def test_approve_by_leader_without_portfolio_is_refused_sh_4(db):
    # given: a leader of another portfolio
    manager = await make_account()
    other = await leader("application_review")
    assessment = await standards_assessment(manager.staff)
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(SAFE_HOUSE_STANDARDS, assessment, await principal(other), requester_id=manager.staff.id)
    # then
    assert refused.value.key == "approvals.portfolio_required" and refused.value.rule == "SH-4"
    assert "rights_fulfilment" in refused.value.messages["en"]
    assert await written() == (0, 0)


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [(TODAY - 30 * DAY, TODAY - DAY), (TODAY + DAY, None)],
    ids=["ended", "not_yet_begun"],
)
async def test_approve_by_leader_whose_portfolio_is_not_held_today_is_refused_sh_4(
    db, valid_from, valid_until
):
    # given: the way around — a holding of the portfolio, but not today
    manager = await make_account()
    former = await leader("rights_fulfilment", valid_from=valid_from, valid_until=valid_until)
    assessment = await standards_assessment(manager.staff)
    # when
    with pytest.raises(RuleViolation) as refused:
        await approve(
            SAFE_HOUSE_STANDARDS, assessment, await principal(former), requester_id=manager.staff.id
        )
    # then
    assert refused.value.key == "approvals.portfolio_required"
    assert await written() == (0, 0)
