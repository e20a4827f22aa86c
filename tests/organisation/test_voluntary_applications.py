"""ASG-5 and ASG-6, voluntary applications, at the workflow level: within a unit to its head; across
units through one's own head (VOLUNTARY_OWN_HEAD) to the target head (VOLUNTARY_TARGET_HEAD), the
Secretary General's letter and the delivery — and each way around refused with nothing changed
(ASG-5, ASG-6, ASG-7, AC-6, AC-7, AC-8)."""

from __future__ import annotations

import pytest

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentLetter,
    AssignmentStatus,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    TeamMembership,
)
from models.audit import Approval, WorkflowHistory
from models.organisation import Position
from server.auth import reachable_team_ids
from tests.approvals.factories import TODAY
from tests.organisation.assignment_path_factories import applied, requests_of, step, team_assignment
from tests.workflows.factories import acting, organisation, principal, reason, snapshot
from workflows import audit
from workflows.assignments import ASSIGNMENT, INVOLVEMENT
from workflows.assignments.inputs import ApproveInvolvementInput
from workflows.engine import available_actions
from workflows.errors import Forbidden, NotFound, RuleViolation

# --- ASG-5 -------------------------------------------------------------------------------------------


async def test_apply_within_the_unit_to_the_heads_letter_asg_5(policies):
    # given: the unit's running team, and one of its staff not on it
    org = await organisation()
    team_work = await team_assignment(org)
    applicant = org.staff[1]
    await TeamMembership.filter(team_id=team_work.team_id, staff_id=applicant.staff.id).delete()
    # when: the application, the head's approval, the head's letter
    application = await applied(org, applicant, team_id=team_work.team_id)
    offered = [t.action for t in await available_actions(ASSIGNMENT, application, await principal(org.head))]
    approved = await step(ASSIGNMENT, "approve_application", application, org.head)
    issued = await step(ASSIGNMENT, "issue_letter", approved, org.head)
    # then
    assert (application.path, application.kind, application.status) == (
        "within_unit_voluntary",
        AssignmentKind.VOLUNTARY_APPLICATION,
        AssignmentStatus.SUBMITTED,
    )
    assert (application.staff_id, application.proposer_id) == (applicant.staff.id, applicant.staff.id)
    assert sorted(offered) == ["approve_application", "reject"]
    assert (approved.status, issued.status) == (AssignmentStatus.APPROVED, AssignmentStatus.LETTER_ISSUED)
    letter = await AssignmentLetter.get(assignment_id=application.id)
    assert letter.issuer_code == org.unit.code and letter.team_id is None
    joined = await TeamMembership.get(team_id=team_work.team_id, staff_id=applicant.staff.id)
    assert (joined.role, joined.involvement_request_id) == ("member", None)
    assert (await audit.verify()).ok


async def test_apply_by_a_unit_head_is_refused_asg_5(policies):
    # given: heads appoint; functional officials and executors apply (Pasal 11)
    org = await organisation()
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await applied(org, org.head)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.applicant_may_apply", "ASG-5")
    assert await snapshot() == before


async def test_approve_application_of_ones_own_as_acting_head_is_refused_ac_7(policies):
    # given: the applicant acts as head of their unit
    org = await organisation()
    applicant = org.staff[0]
    await acting(applicant, Position.UNIT_HEAD, unit=org.unit, acting_for=org.head.staff)
    application = await applied(org, applicant)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "approve_application", application, applicant)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.not_own_application", "AC-7")
    assert await snapshot() == before


async def test_approve_application_by_the_head_of_another_unit_is_forbidden_asg_5(policies):
    # given
    org = await organisation()
    application = await applied(org)
    before = await snapshot()
    # when / then: the other unit's head does not even reach it; the bureau head above reaches it
    # (AC-5) but is not the head of *that* unit (AC-6)
    with pytest.raises(NotFound):
        await step(ASSIGNMENT, "approve_application", application, org.other_head)
    with pytest.raises(Forbidden):
        await step(ASSIGNMENT, "approve_application", application, org.parent_head)
    assert await snapshot() == before


async def test_issue_letter_before_the_application_is_approved_is_refused_asg_5(policies):
    # given
    org = await organisation()
    application = await applied(org)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "issue_letter", application, org.head)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.wrong_state", "ASG-5")
    assert await snapshot() == before


async def test_apply_within_the_unit_to_another_units_team_is_refused_asg_7(policies):
    # given: a team of the other unit
    org = await organisation()
    other = await organisation()
    team_work = await team_assignment(other)
    before = await snapshot()
    # when: applying in one's own unit to work in it
    with pytest.raises(RuleViolation) as refused:
        await applied(org, team_id=team_work.team_id)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.team_of_the_owning_unit", "ASG-7")
    assert await snapshot() == before


async def test_withdraw_by_the_applicant_with_reason_asg_5(policies):
    # given
    org = await organisation()
    application = await applied(org)
    # when: the head may not withdraw the applicant's application; the applicant may
    with pytest.raises(Forbidden):
        await step(ASSIGNMENT, "withdraw", application, org.head, reason())
    withdrawn = await step(
        ASSIGNMENT, "withdraw", application, org.staff[0], reason("Beban kerja bertambah.")
    )
    # then
    assert withdrawn.status == AssignmentStatus.WITHDRAWN


# --- ASG-6 -------------------------------------------------------------------------------------------


async def across(org, **fields) -> Assignment:
    """ASG-6: staff[0] applies for a task of the other unit."""
    return await applied(org, target_unit_id=org.other.id, **fields)


async def test_apply_across_units_through_both_heads_to_delivery_asg_6_ac_8(policies):
    # given: a running team of the other unit the applicant offers to work in
    org = await organisation()
    team_work = await team_assignment_of_other(org)
    applicant = org.staff[0].staff
    # when: own head → target head → consult the Secretary General → letter → delivery
    application = await across(org, team_id=team_work.team_id)
    forwarded = await step(ASSIGNMENT, "approve_application", application, org.head)
    [request] = await requests_of(application)
    await step(
        INVOLVEMENT,
        "approve",
        request,
        org.other_head,
        ApproveInvolvementInput(availability_note="Keahliannya sesuai."),
    )
    approved = (await Assignment.get(id=application.id)).status
    await step(ASSIGNMENT, "consult_secretary_general", application, org.other_head)
    issued = await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    delivered = await step(ASSIGNMENT, "deliver", issued, org.other_head)
    # then
    assert (application.path, forwarded.status, approved, delivered.status) == (
        "cross_unit_voluntary",
        AssignmentStatus.OWN_HEAD_APPROVED,
        AssignmentStatus.TARGET_HEAD_APPROVED,
        AssignmentStatus.DELIVERED,
    )
    assert (request.direction, request.kind, request.requested_by_id, request.requested_staff_id) == (
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        AssignmentKind.VOLUNTARY_APPLICATION,
        applicant.id,
        applicant.id,
    )
    steps = {
        a.step: a.approver_id for a in await Approval.filter(subject_id__in=[application.id, request.id])
    }
    assert steps == {"own_head_approval": org.head.staff.id, "target_head_approval": org.other_head.staff.id}
    assert (await AssignmentLetter.get(assignment_id=application.id)).issuer_code == "LPSK"
    joined = await TeamMembership.get(team_id=team_work.team_id, staff_id=applicant.id)
    assert (joined.home_unit_id, joined.involvement_request_id) == (org.unit.id, request.id)
    assert team_work.team_id in await reachable_team_ids(applicant.id, TODAY)  # AC-8
    history = await WorkflowHistory.filter(subject_id=application.id).order_by("occurred_at", "created_at")
    assert [h.action for h in history] == [
        "apply",
        "approve_application",
        "involvement_approved",
        "consult_secretary_general",
        "issue_letter",
        "deliver",
    ]


async def team_assignment_of_other(org):
    """A running ASG-1 team of `org.other` (lead and member: its two staff)."""
    from tests.workflows.factories import Org

    mirrored = Org(
        org.parent,
        org.parent_head,
        org.other,
        org.other_head,
        org.other_staff,
        org.unit,
        org.head,
        org.staff,
        org.secretary_general,
    )
    return await team_assignment(mirrored)


async def test_involvement_approve_of_an_application_by_the_own_head_is_forbidden_asg_6(policies):
    # given: forwarded by the own head, awaiting the target head
    org = await organisation()
    application = await across(org)
    await step(ASSIGNMENT, "approve_application", application, org.head)
    [request] = await requests_of(application)
    before = await snapshot()
    # when: the own head tries the target head's step
    with pytest.raises(Forbidden):
        await step(INVOLVEMENT, "approve", request, org.head, ApproveInvolvementInput())
    # then
    assert await snapshot() == before


async def test_approve_application_by_the_target_head_before_the_own_head_is_forbidden_asg_6(policies):
    # given: not yet through the own head
    org = await organisation()
    application = await across(org)
    before = await snapshot()
    # when: the target head skips the own head
    with pytest.raises(Forbidden):
        await step(ASSIGNMENT, "approve_application", application, org.other_head)
    # then: no request reached the target head yet
    assert await requests_of(application) == []
    assert await snapshot() == before


async def test_approve_application_of_ones_own_through_an_acting_post_is_refused_asg_6_ac_7(policies):
    # given: the applicant acts as head of their own unit
    org = await organisation()
    applicant = org.staff[0]
    await acting(applicant, Position.UNIT_HEAD, unit=org.unit, acting_for=org.head.staff)
    application = await across(org)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "approve_application", application, applicant)
    # then: the approval mechanism refuses the requester (AC-7)
    assert (refused.value.key, refused.value.rule) == ("approvals.own_request", "ASG-6")
    assert await snapshot() == before


async def test_involvement_approve_naming_someone_else_is_refused_asg_6(policies):
    # given
    org = await organisation()
    application = await across(org)
    await step(ASSIGNMENT, "approve_application", application, org.head)
    [request] = await requests_of(application)
    before = await snapshot()
    # when: the target head would rather have one of their own
    with pytest.raises(RuleViolation) as refused:
        await step(
            INVOLVEMENT,
            "approve",
            request,
            org.other_head,
            ApproveInvolvementInput(staff_id=org.other_staff[0].staff.id),
        )
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.applicant_unchanged", "ASG-6")
    assert await snapshot() == before


async def test_reject_by_the_own_head_with_reason_ends_the_path_asg_6(policies):
    # given
    org = await organisation()
    application = await across(org)
    # when
    ended = await step(ASSIGNMENT, "reject", application, org.head, reason("Unit sedang kekurangan petugas."))
    # then: the own head's decision is on record through the approval mechanism; nothing was forwarded
    assert (ended.status, ended.rejection_reason) == (
        AssignmentStatus.REJECTED,
        "Unit sedang kekurangan petugas.",
    )
    assert (await Approval.get(subject_id=application.id)).decision == "rejected"
    assert await requests_of(application) == []


async def test_involvement_reject_by_the_target_head_ends_the_path_asg_6(policies):
    # given
    org = await organisation()
    application = await across(org)
    await step(ASSIGNMENT, "approve_application", application, org.head)
    [request] = await requests_of(application)
    # when
    await step(INVOLVEMENT, "reject", request, org.other_head, reason("Keahlian tidak sesuai."))
    # then
    assert (await Assignment.get(id=application.id)).status == AssignmentStatus.REJECTED
    assert (await InvolvementRequest.get(id=request.id)).status == InvolvementStatus.REJECTED


async def test_issue_letter_without_the_own_heads_approval_on_record_is_refused_asg_7(policies):
    # given: the request approved by the target head, the own head's approval removed from the record
    org = await organisation()
    application = await across(org)
    await step(ASSIGNMENT, "approve_application", application, org.head)
    [request] = await requests_of(application)
    await step(INVOLVEMENT, "approve", request, org.other_head, ApproveInvolvementInput())
    await step(ASSIGNMENT, "consult_secretary_general", application, org.other_head)
    await Approval.filter(subject_id=application.id).delete()
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.every_involvement_approved", "ASG-7")
    assert await snapshot() == before


async def test_involvement_request_of_an_application_is_not_decided_by_the_asg_2_step_asg_6(policies):
    # given: an ASG-6 request and an ASG-2 request, both between the same units
    org = await organisation()
    application = await across(org)
    await step(ASSIGNMENT, "approve_application", application, org.head)
    [voluntary] = await requests_of(application)
    # when: the target head approves it
    await step(INVOLVEMENT, "approve", voluntary, org.other_head, ApproveInvolvementInput())
    # then: taken as ASG-6's step (the kind tells the paths apart, not the direction): as ASG-2's, the
    # applicant — not of the target unit — would have been refused as "not the target unit's staff"
    history = await WorkflowHistory.get(subject_id=voluntary.id, action="approve")
    assert history.to_state == "approved"
    assert (await Assignment.get(id=application.id)).status == AssignmentStatus.TARGET_HEAD_APPROVED
