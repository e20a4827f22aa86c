"""ASG-2, appointment across units, at the workflow level: the proposing head's involvement
request, the target head's decision through the approval mechanism, the proposal to the Secretary
General, the letter — and each way around refused with nothing changed (ASG-2, ASG-7, ASG-8, AC-6–8)."""

from __future__ import annotations

import asyncio

import pytest

from models.assignments import (
    Assignment,
    AssignmentLetter,
    AssignmentStatus,
    InvolvementRequest,
    InvolvementStatus,
    Team,
    TeamMembership,
)
from models.audit import Approval, WorkflowHistory
from models.organisation import Position
from tests.workflows.factories import NOW, Org, acting, organisation, principal, reason, request, snapshot
from workflows import audit
from workflows.assignments import ASSIGNMENT, INVOLVEMENT
from workflows.assignments.inputs import ApproveInvolvementInput
from workflows.engine import available_actions, run
from workflows.errors import Conflict, Forbidden, RuleViolation, ValidationFailed


async def requests_of(assignment: Assignment) -> list[InvolvementRequest]:
    return await InvolvementRequest.filter(assignment_id=assignment.id).order_by("code")


async def approve(org: Org, involvement: InvolvementRequest, **fields) -> InvolvementRequest:
    given = ApproveInvolvementInput(availability_note="Tersedia dua hari per minggu.", **fields)
    return await run(INVOLVEMENT, "approve", involvement.id, await principal(org.other_head), given, now=NOW)


async def through_to_the_secretary_general(org: Org, **fields) -> Assignment:
    """Requested, approved by the target head, proposed: awaiting the Secretary General."""
    assignment = await request(org, **fields)
    for involvement in await requests_of(assignment):
        await approve(org, involvement)
    return await run(
        ASSIGNMENT, "propose_to_secretary_general", assignment.id, await principal(org.head), now=NOW
    )


async def test_cross_unit_appointment_end_to_end_gives_team_access_after_the_letter_asg_2_ac_8(policies):
    # given
    org = await organisation()
    outsider = org.other_staff[0]
    # when: request → target head approves → proposal → the Secretary General's letter
    assignment = await request(org, team_name="Tim Gabungan", lead_id=org.staff[0].staff.id)
    [involvement] = await requests_of(assignment)
    after_request = (await Assignment.get(id=assignment.id)).status
    await approve(org, involvement)
    after_approval = (await Assignment.get(id=assignment.id)).status
    await run(ASSIGNMENT, "propose_to_secretary_general", assignment.id, await principal(org.head), now=NOW)
    reach_before_letter = (await principal(outsider)).team_ids
    issued = await run(
        ASSIGNMENT, "issue_letter", assignment.id, await principal(org.secretary_general), now=NOW
    )
    # then
    assert (after_request, after_approval) == (
        AssignmentStatus.AWAITING_INVOLVEMENT,
        AssignmentStatus.TARGET_HEAD_APPROVED,
    )
    assert issued.status == AssignmentStatus.LETTER_ISSUED
    letter = await AssignmentLetter.get(assignment_id=assignment.id)
    assert letter.number == "ST-0001/LPSK/2026" and letter.issued_by_id == org.secretary_general.staff.id
    decided = await InvolvementRequest.get(id=involvement.id)
    assert (decided.status, decided.decided_by_id, decided.availability_note) == (
        InvolvementStatus.APPROVED,
        org.other_head.staff.id,
        "Tersedia dua hari per minggu.",
    )
    approval = await Approval.get(subject_id=involvement.id)
    assert (approval.step, approval.approver_id) == ("target_head_approval", org.other_head.staff.id)
    joined = await TeamMembership.get(team_id=assignment.team_id, staff_id=outsider.staff.id)
    assert joined.involvement_request_id == involvement.id and joined.home_unit_id == org.other.id
    assert (await Team.get(id=assignment.team_id)).status == "active"
    # AC-8: the outside member reaches the team's records only once the approved team is running
    assert assignment.team_id not in reach_before_letter
    assert assignment.team_id in (await principal(outsider)).team_ids
    history = await WorkflowHistory.filter(subject_id=assignment.id).order_by("occurred_at", "created_at")
    assert [h.action for h in history] == [
        "request_involvement",
        "involvement_approved",
        "propose_to_secretary_general",
        "issue_letter",
    ]
    assert [
        h.action for h in await WorkflowHistory.filter(subject_id=involvement.id).order_by("created_at")
    ] == [
        "submit",
        "approve",
    ]
    assert (await audit.verify()).ok


async def test_cross_unit_individual_assigns_the_person_made_available_asg_2(policies):
    # given: nobody named; the target head names who is available
    org = await organisation()
    assignment = await request(org, requested_staff_ids=[])
    [involvement] = await requests_of(assignment)
    before = await snapshot()
    # when: the way around — approving without naming anyone, or naming someone of another unit
    for fields in ({}, {"staff_id": org.staff[1].staff.id}):
        with pytest.raises(RuleViolation) as refused:
            await approve(org, involvement, **fields)
        assert refused.value.rule == "ASG-2"
    assert await snapshot() == before
    await approve(org, involvement, staff_id=org.other_staff[1].staff.id)
    await run(ASSIGNMENT, "propose_to_secretary_general", assignment.id, await principal(org.head), now=NOW)
    issued = await run(
        ASSIGNMENT, "issue_letter", assignment.id, await principal(org.secretary_general), now=NOW
    )
    # then
    assert issued.staff_id == org.other_staff[1].staff.id


async def test_involvement_approve_by_the_proposing_head_is_forbidden_ac_6(policies):
    # given
    org = await organisation()
    [involvement] = await requests_of(await request(org))
    before = await snapshot()
    # when: the proposing head and the bureau head above try to decide for the target unit
    for someone in (org.head, org.parent_head):
        with pytest.raises(Forbidden):
            await run(
                INVOLVEMENT,
                "approve",
                involvement.id,
                await principal(someone),
                ApproveInvolvementInput(),
                now=NOW,
            )
    # then
    assert await snapshot() == before


async def test_involvement_self_approval_through_an_acting_post_is_refused_ac_7(policies):
    # given: the proposing head also acts as head of the target unit
    org = await organisation()
    await acting(org.head, Position.UNIT_HEAD, unit=org.other, acting_for=org.other_head.staff)
    [involvement] = await requests_of(await request(org))
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await run(
            INVOLVEMENT,
            "approve",
            involvement.id,
            await principal(org.head),
            ApproveInvolvementInput(),
            now=NOW,
        )
    # then
    assert (refused.value.key, refused.value.rule) == ("approvals.own_request", "ASG-2")
    assert await snapshot() == before


async def test_involvement_approved_by_acting_target_head_records_acting_for_ac_6(policies):
    # given
    org = await organisation()
    stand_in = org.other_staff[1]
    await acting(stand_in, Position.UNIT_HEAD, unit=org.other, acting_for=org.other_head.staff)
    [involvement] = await requests_of(await request(org))
    # when
    await run(
        INVOLVEMENT, "approve", involvement.id, await principal(stand_in), ApproveInvolvementInput(), now=NOW
    )
    # then
    history = await WorkflowHistory.get(subject_id=involvement.id, action="approve")
    assert (history.actor_id, history.acting_for_id) == (stand_in.staff.id, org.other_head.staff.id)
    approval = await Approval.get(subject_id=involvement.id)
    assert approval.acting_for_id == org.other_head.staff.id


async def test_involvement_reject_with_reason_ends_the_path_asg_2(policies):
    # given: two people asked for
    org = await organisation()
    assignment = await request(
        org,
        team_name="Tim",
        lead_id=org.staff[0].staff.id,
        requested_staff_ids=[s.staff.id for s in org.other_staff],
    )
    first, second = await requests_of(assignment)
    target_head = await principal(org.other_head)
    # when: no reason, then a reason
    with pytest.raises(ValidationFailed) as refused:
        await run(INVOLVEMENT, "reject", first.id, target_head, reason(" "), now=NOW)
    assert refused.value.field == "reason"
    await run(INVOLVEMENT, "reject", first.id, target_head, reason("Sedang menangani perkara lain."), now=NOW)
    # then
    ended = await Assignment.get(id=assignment.id)
    assert (ended.status, ended.rejection_reason) == (
        AssignmentStatus.REJECTED,
        "Sedang menangani perkara lain.",
    )
    statuses = [r.status for r in await requests_of(assignment)]
    assert statuses == [InvolvementStatus.REJECTED, InvolvementStatus.WITHDRAWN]
    assert (await Team.get(id=assignment.team_id)).status == "closed"
    assert (await Approval.get(subject_id=first.id)).decision == "rejected"
    assert await Approval.filter(subject_id=second.id).count() == 0


async def test_involvement_of_several_people_waits_for_every_approval_asg_7(policies):
    # given
    org = await organisation()
    assignment = await request(
        org,
        team_name="Tim",
        lead_id=org.staff[0].staff.id,
        requested_staff_ids=[s.staff.id for s in org.other_staff],
    )
    first, second = await requests_of(assignment)
    # when
    await approve(org, first)
    halfway = (await Assignment.get(id=assignment.id)).status
    await approve(org, second)
    # then
    assert halfway == AssignmentStatus.AWAITING_INVOLVEMENT
    assert (await Assignment.get(id=assignment.id)).status == AssignmentStatus.TARGET_HEAD_APPROVED


async def test_cross_unit_steps_in_the_wrong_order_are_refused_asg_2(policies):
    # given: awaiting the target head
    org = await organisation()
    assignment = await request(org)
    before = await snapshot()
    # when: proposing before the approval; the Secretary General issuing before the proposal
    with pytest.raises(RuleViolation) as early_proposal:
        await run(
            ASSIGNMENT, "propose_to_secretary_general", assignment.id, await principal(org.head), now=NOW
        )
    with pytest.raises(RuleViolation) as early_letter:
        await run(ASSIGNMENT, "issue_letter", assignment.id, await principal(org.secretary_general), now=NOW)
    # then
    assert "awaiting_involvement" in early_proposal.value.messages["en"]
    assert early_letter.value.key == "workflow.wrong_state" and early_letter.value.rule == "ASG-2"
    assert await snapshot() == before


async def test_cross_unit_letter_without_approval_on_record_is_refused_asg_7(policies):
    # given: the request marked approved and the assignment proposed by hand, with no decision on record
    org = await organisation()
    assignment = await request(org)
    await InvolvementRequest.filter(assignment_id=assignment.id).update(status=InvolvementStatus.APPROVED)
    await Assignment.filter(id=assignment.id).update(status=AssignmentStatus.PROPOSED_TO_SG)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await run(ASSIGNMENT, "issue_letter", assignment.id, await principal(org.secretary_general), now=NOW)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.every_involvement_approved", "ASG-7")
    assert await snapshot() == before


async def test_cross_unit_letter_by_the_proposing_head_is_forbidden_asg_2(policies):
    # given
    org = await organisation()
    assignment = await through_to_the_secretary_general(org)
    before = await snapshot()
    # when
    with pytest.raises(Forbidden):
        await run(ASSIGNMENT, "issue_letter", assignment.id, await principal(org.head), now=NOW)
    # then
    assert await snapshot() == before


async def test_cross_unit_rejected_by_the_secretary_general_with_reason_asg_2(policies):
    # given
    org = await organisation()
    assignment = await through_to_the_secretary_general(org)
    # when
    ended = await run(
        ASSIGNMENT,
        "reject",
        assignment.id,
        await principal(org.secretary_general),
        reason("Anggaran habis."),
        now=NOW,
    )
    # then
    assert (ended.status, ended.rejection_reason) == (AssignmentStatus.REJECTED, "Anggaran habis.")
    assert await AssignmentLetter.filter(assignment_id=assignment.id).count() == 0


@pytest.mark.parametrize(
    ("fields", "guard", "rule"),
    [
        ({"target_unit_id": "own"}, "target_is_another_unit", "ASG-2"),
        ({"requested_staff_ids": ["own"]}, "requested_from_target_unit", "ASG-2"),
        ({"team_name": "Tim", "lead_id": "own", "member_ids": ["other"]}, "own_members_in_unit", "ASG-7"),
        ({"team_name": "Tim", "lead_id": "other"}, "lead_from_owning_unit_or_justified", "ASG-8"),
    ],
    ids=["same_unit", "staff_of_another_unit", "outside_member_without_request", "outside_lead_unjustified"],
)
async def test_request_involvement_guards_refuse_asg_2_asg_7_asg_8(policies, fields, guard, rule):
    # given
    org = await organisation()
    named = {"own": org.staff[0].staff.id, "other": org.other_staff[0].staff.id}
    values = {
        key: (
            org.unit.id
            if value == "own" and key == "target_unit_id"
            else [named[v] for v in value]
            if isinstance(value, list)
            else named.get(value, value)
        )
        for key, value in fields.items()
    }
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await request(org, **values)
    # then
    assert (refused.value.key, refused.value.rule) == (f"workflow.guard.{guard}", rule)
    assert await snapshot() == before


async def test_request_involvement_lead_from_the_target_unit_with_justification_asg_8(policies):
    # given
    org = await organisation()
    lead = org.other_staff[0].staff.id
    # when
    assignment = await through_to_the_secretary_general(
        org, team_name="Tim", lead_id=lead, lead_justification="Pengalaman memimpin penelaahan serupa."
    )
    await run(ASSIGNMENT, "issue_letter", assignment.id, await principal(org.secretary_general), now=NOW)
    # then: the lead joined on the approved request
    team = await Team.get(id=assignment.team_id)
    membership = await TeamMembership.get(team_id=team.id, staff_id=lead)
    assert team.lead_justification and membership.role == "lead" and membership.involvement_request_id


async def test_available_actions_on_cross_unit_records_per_actor_asg_2(policies):
    # given
    org = await organisation()
    assignment = await request(org)
    [involvement] = await requests_of(assignment)
    # when / then: the target head may decide; the proposer may not decide their own request (AC-7)
    assert [
        t.action for t in await available_actions(INVOLVEMENT, involvement, await principal(org.other_head))
    ] == [
        "approve",
        "reject",
    ]
    assert await available_actions(INVOLVEMENT, involvement, await principal(org.head)) == []
    assert [t.action for t in await available_actions(ASSIGNMENT, assignment, await principal(org.head))] == [
        "withdraw"
    ]
    proposed = await through_to_the_secretary_general(org)
    sg = await principal(org.secretary_general)
    assert [t.action for t in await available_actions(ASSIGNMENT, proposed, sg)] == ["issue_letter", "reject"]


async def test_withdraw_and_approve_racing_one_wins_without_deadlock_q_r_1(policies):
    if not policies.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: the proposing head withdraws while the target head approves
    org = await organisation()
    assignment = await request(org)
    [involvement] = await requests_of(assignment)
    head, target_head = await principal(org.head), await principal(org.other_head)
    # when
    results = await asyncio.gather(
        run(ASSIGNMENT, "withdraw", assignment.id, head, reason(), now=NOW),
        run(INVOLVEMENT, "approve", involvement.id, target_head, ApproveInvolvementInput(), now=NOW),
        return_exceptions=True,
    )
    # then: one step happened; the other was told the record changed or has moved on (no deadlock)
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(losers) == 1 and isinstance(losers[0], Conflict | RuleViolation), results
    final = (await Assignment.get(id=assignment.id)).status
    assert final in (AssignmentStatus.WITHDRAWN, AssignmentStatus.TARGET_HEAD_APPROVED)
    assert (await audit.verify()).ok
