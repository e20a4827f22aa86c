"""Voluntary applications across agencies (Pasal 11(2), cited as ASG-6 with ORG-4), at the workflow
level: LPSK staff applying to another agency through their own head (VOLUNTARY_OWN_HEAD), the agency
answering in writing through its partner token or recorded from its letter; another agency's officer
applying to an LPSK unit with their superior's written approval, decided by the unit's head
(VOLUNTARY_TARGET_HEAD); the Secretary General's letter (Pasal 11(1), ASG-10), team access on the
approved request (ASG-7, AC-8) — and each way around refused with nothing changed (AC-2, AC-6, AC-7)."""

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
from tests.client import error_codes, execute
from tests.organisation.assignment_path_factories import (
    agency,
    agency_application,
    applied_to_agency,
    requests_of,
    step,
    team_assignment,
    team_of,
    token_of,
)
from tests.workflows.factories import acting, organisation, principal, reason, snapshot
from workflows import audit
from workflows.assignments import ASSIGNMENT, INVOLVEMENT
from workflows.assignments.inputs import AgencyAnswerInput, AgencyRefusalInput, ApproveInvolvementInput
from workflows.engine import available_actions
from workflows.errors import Forbidden, NotFound, RuleViolation

LETTER = "B/88/III/2026 Kejati, 2 Maret 2026"

APPLY_TO_AGENCY = """
mutation ApplyToAgency($input: AssignmentApplyToAgencyInput!) {
  assignmentApplyToAgency(input: $input) {
    __typename
    ... on AssignmentApplyToAgencySuccess { record { id status path kind staffId requestingAgencyId } }
    ... on MutationError { code message field rule }
  }
}
"""
RECEIVE_AGENCY_APPLICATION = """
mutation Receive($input: AssignmentReceiveAgencyApplicationInput!) {
  assignmentReceiveAgencyApplication(input: $input) {
    __typename
    ... on AssignmentReceiveAgencyApplicationSuccess { record { id status path staffId targetUnitId } }
    ... on MutationError { code message field rule }
  }
}
"""

# --- LPSK staff applying to another agency -----------------------------------------------------------


async def test_apply_to_agency_through_the_own_head_and_the_agency_token_to_delivery_asg_6_org_4(policies):
    # given
    org = await organisation()
    partner = await agency()
    applicant = org.staff[0].staff
    # when: apply → own head approves (forwards) → the agency's yes by token → letter → delivery
    application = await applied_to_agency(org, partner)
    offered = [t.action for t in await available_actions(ASSIGNMENT, application, await principal(org.head))]
    forwarded = await step(ASSIGNMENT, "approve_application", application, org.head)
    [request] = await requests_of(application)
    await step(INVOLVEMENT, "agency_approve", request, partner.token, AgencyAnswerInput(note="Diterima."))
    approved = (await Assignment.get(id=application.id)).status
    issued = await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    delivered = await step(ASSIGNMENT, "deliver", issued, org.head)
    # then
    assert (application.path, application.kind, application.requesting_agency_id) == (
        "outbound_agency_voluntary",
        AssignmentKind.VOLUNTARY_APPLICATION,
        partner.agency.id,
    )
    assert sorted(offered) == ["approve_application", "reject"]
    assert (forwarded.status, approved, delivered.status) == (
        AssignmentStatus.OWN_HEAD_APPROVED,
        AssignmentStatus.APPROVED,
        AssignmentStatus.DELIVERED,
    )
    decided = await InvolvementRequest.get(id=request.id)
    assert (decided.direction, decided.kind, decided.target_agency_id, decided.requested_by_id) == (
        InvolvementDirection.OUTBOUND_TO_AGENCY,
        AssignmentKind.VOLUNTARY_APPLICATION,
        partner.agency.id,
        applicant.id,
    )
    assert (decided.status, decided.requested_staff_id, decided.decided_by_id) == (
        InvolvementStatus.APPROVED,
        applicant.id,
        None,
    )
    own_head = await Approval.get(subject_id=application.id)
    assert (own_head.step, own_head.approver_id) == ("own_head_approval", org.head.staff.id)
    letter = await AssignmentLetter.get(assignment_id=application.id)
    assert letter.number.endswith("/LPSK/2026") and letter.team_id is None
    history = await WorkflowHistory.filter(subject_id=application.id).order_by("occurred_at", "created_at")
    assert [h.action for h in history] == [
        "apply_to_agency",
        "approve_application",
        "involvement_approved",
        "issue_letter",
        "deliver",
    ]
    assert (await audit.verify()).ok


async def test_agency_approve_recorded_by_the_secretary_general_needs_the_letter_asg_6(policies):
    # given: the agency answered on paper
    org = await organisation()
    partner = await agency()
    application = await applied_to_agency(org, partner, forwarded=True)
    [request] = await requests_of(application)
    before = await snapshot()
    # when: recorded without its letter, then with it
    with pytest.raises(RuleViolation) as refused:
        await step(INVOLVEMENT, "agency_approve", request, org.secretary_general, AgencyAnswerInput())
    unchanged = await snapshot() == before
    await step(
        INVOLVEMENT, "agency_approve", request, org.secretary_general, AgencyAnswerInput(agency_letter=LETTER)
    )
    # then
    assert (refused.value.key, refused.value.rule, refused.value.field) == (
        "workflow.guard.answer_letter_recorded",
        "ASG-6",
        "agencyLetter",
    )
    assert unchanged
    recorded = await InvolvementRequest.get(id=request.id)
    assert (recorded.status, recorded.agency_letter, recorded.decided_by_id) == (
        InvolvementStatus.APPROVED,
        LETTER,
        org.secretary_general.staff.id,
    )
    assert (await Assignment.get(id=application.id)).status == AssignmentStatus.APPROVED


async def test_agency_approve_by_another_agencys_token_or_another_head_is_refused_asg_6_ac_2(policies):
    # given: a request with one agency
    org = await organisation()
    partner, stranger = await agency(), await agency()
    [request] = await requests_of(await applied_to_agency(org, partner, forwarded=True))
    before = await snapshot()
    # when / then: another agency's token does not even see it (AC-2); a token without the scope, the
    # applicant's own head and the other unit's head do not answer for the agency
    with pytest.raises(NotFound):
        await step(INVOLVEMENT, "agency_approve", request, stranger.token, AgencyAnswerInput())
    with pytest.raises(Forbidden):
        await step(
            INVOLVEMENT,
            "agency_approve",
            request,
            token_of(partner.agency, "notifications:read"),
            AgencyAnswerInput(),
        )
    for someone in (org.head, org.other_head, org.staff[0]):
        with pytest.raises((Forbidden, NotFound)):
            await step(
                INVOLVEMENT, "agency_approve", request, someone, AgencyAnswerInput(agency_letter=LETTER)
            )
    assert await snapshot() == before


async def test_agency_approve_naming_someone_else_is_refused_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    [request] = await requests_of(await applied_to_agency(org, partner, forwarded=True))
    before = await snapshot()
    # when: the agency would rather have one of its own officers
    with pytest.raises(RuleViolation) as refused:
        await step(
            INVOLVEMENT,
            "agency_approve",
            request,
            partner.token,
            AgencyAnswerInput(staff_id=partner.officers[0].staff.id),
        )
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.applicant_unchanged", "ASG-6")
    assert await snapshot() == before


async def test_approve_application_to_agency_by_anyone_but_the_own_head_is_refused_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    application = await applied_to_agency(org, partner)
    before = await snapshot()
    # when / then: the other unit's head, the bureau head above (AC-6: the head of *that* unit), the
    # Secretary General, the agency's token
    for someone in (org.other_head, org.parent_head, org.secretary_general, partner.token):
        with pytest.raises((Forbidden, NotFound)):
            await step(ASSIGNMENT, "approve_application", application, someone)
    assert await snapshot() == before


async def test_approve_application_to_agency_of_ones_own_as_acting_head_is_refused_ac_7(policies):
    # given: the applicant acts as head of their own unit
    org = await organisation()
    partner = await agency()
    applicant = org.staff[0]
    await acting(applicant, Position.UNIT_HEAD, unit=org.unit, acting_for=org.head.staff)
    application = await applied_to_agency(org, partner, applicant)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "approve_application", application, applicant)
    # then: the approval mechanism refuses the requester (AC-7)
    assert (refused.value.key, refused.value.rule) == ("approvals.own_request", "ASG-6")
    assert await snapshot() == before


async def test_agency_approve_recorded_by_the_applicant_acting_as_secretary_general_is_refused_ac_7(policies):
    # given: forwarded by the head; the applicant then acts as Secretary General
    org = await organisation()
    partner = await agency()
    applicant = org.staff[0]
    [request] = await requests_of(await applied_to_agency(org, partner, forwarded=True))
    await acting(applicant, Position.SECRETARY_GENERAL, acting_for=org.secretary_general.staff)
    before = await snapshot()
    # when: they record the agency's yes to their own application
    with pytest.raises(RuleViolation) as refused:
        await step(INVOLVEMENT, "agency_approve", request, applicant, AgencyAnswerInput(agency_letter=LETTER))
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.not_the_applicant", "AC-7")
    assert await snapshot() == before


async def test_issue_letter_to_agency_without_the_own_heads_approval_is_refused_asg_6_asg_7(policies):
    # given: not yet through the own head — nothing reached the agency
    org = await organisation()
    partner = await agency()
    application = await applied_to_agency(org, partner)
    before = await snapshot()
    # when: the Secretary General would issue the letter straight away
    with pytest.raises(RuleViolation) as early:
        await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    # then
    assert (early.value.key, early.value.rule) == ("workflow.wrong_state", "ASG-6")
    assert await requests_of(application) == []
    assert await snapshot() == before


async def test_issue_letter_to_agency_with_the_own_heads_approval_removed_is_refused_asg_7(policies):
    # given: answered by the agency, the own head's approval then taken off the record
    org = await organisation()
    partner = await agency()
    application = await applied_to_agency(org, partner, forwarded=True)
    [request] = await requests_of(application)
    await step(INVOLVEMENT, "agency_approve", request, partner.token, AgencyAnswerInput())
    await Approval.filter(subject_id=application.id).delete()
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.every_involvement_approved", "ASG-7")
    assert await snapshot() == before


async def test_agency_reject_by_token_ends_the_path_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    application = await applied_to_agency(org, partner, forwarded=True)
    [request] = await requests_of(application)
    # when
    await step(
        INVOLVEMENT, "agency_reject", request, partner.token, AgencyRefusalInput(reason="Tim sudah penuh.")
    )
    # then
    ended = await Assignment.get(id=application.id)
    refused = await InvolvementRequest.get(id=request.id)
    assert (ended.status, refused.status, refused.reason) == (
        AssignmentStatus.REJECTED,
        InvolvementStatus.REJECTED,
        "Tim sudah penuh.",
    )


async def test_apply_to_agency_by_a_unit_head_is_refused_asg_6(policies):
    # given: heads appoint; functional officials and executors apply (Pasal 11)
    org = await organisation()
    partner = await agency()
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await applied_to_agency(org, partner, org.head)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.applicant_may_apply", "ASG-5")
    assert await snapshot() == before


# --- another agency's officer applying to an LPSK unit -----------------------------------------------


async def test_receive_agency_application_to_the_team_letter_and_delivery_asg_6_org_4_ac_8(policies):
    # given: a running team of the unit
    org = await organisation()
    partner = await agency()
    officer = partner.officers[0].staff
    team_work = await team_assignment(org)
    # when: recorded with the superior's approval → the head approves → consults → letter → delivery
    application = await agency_application(org, partner, team_id=team_work.team_id)
    [request] = await requests_of(application)
    reach_before = await reachable_team_ids(officer.id, TODAY)
    await step(
        INVOLVEMENT, "approve", request, org.head, ApproveInvolvementInput(availability_note="Sesuai.")
    )
    approved = (await Assignment.get(id=application.id)).status
    await step(ASSIGNMENT, "consult_secretary_general", application, org.head)
    issued = await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    delivered = await step(ASSIGNMENT, "deliver", issued, org.head)
    # then
    assert (application.path, application.staff_id, application.proposer_id) == (
        "inbound_agency_voluntary",
        officer.id,
        officer.id,
    )
    assert (request.direction, request.kind, request.requesting_agency_id, request.requested_by_id) == (
        InvolvementDirection.INBOUND_FROM_AGENCY,
        AssignmentKind.VOLUNTARY_APPLICATION,
        partner.agency.id,
        officer.id,
    )
    assert request.agency_letter == "B/77/III/2026 Kepala Subdit, 1 Maret 2026"
    assert (approved, delivered.status) == (AssignmentStatus.TARGET_HEAD_APPROVED, AssignmentStatus.DELIVERED)
    decision = await Approval.get(subject_id=request.id)
    assert (decision.step, decision.approver_id) == ("target_head_approval", org.head.staff.id)
    assert (await AssignmentLetter.get(assignment_id=application.id)).issuer_code == "LPSK"
    joined = await TeamMembership.get(team_id=team_work.team_id, staff_id=officer.id)
    assert (joined.home_agency_id, joined.involvement_request_id) == (partner.agency.id, request.id)
    assert (await team_of(team_work)).is_cross_agency
    assert team_work.team_id not in reach_before
    assert team_work.team_id in await reachable_team_ids(officer.id, TODAY)  # AC-8
    assert (await audit.verify()).ok


async def test_receive_agency_application_without_the_superiors_approval_is_refused_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    before = await snapshot()
    # when: the superior's approval is missing, or blank
    for missing in (None, "  "):
        with pytest.raises(RuleViolation) as refused:
            await agency_application(org, partner, superior_approval=missing)
        assert (refused.value.key, refused.value.rule, refused.value.field) == (
            "workflow.guard.superior_approval_given",
            "ASG-6",
            "superiorApproval",
        )
    # then
    assert await snapshot() == before


async def test_receive_agency_application_by_the_head_of_another_unit_is_forbidden_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    before = await snapshot()
    # when / then: only the head of the unit applied to records it
    for someone in (org.other_head, org.parent_head, org.staff[0], partner.officers[0]):
        with pytest.raises(Forbidden):
            await agency_application(org, partner, by=someone)
    assert await snapshot() == before


async def test_receive_agency_application_of_someone_not_of_the_agency_is_refused_asg_6(policies):
    # given: LPSK's own staff, and another agency's officer
    org = await organisation()
    partner, stranger = await agency(), await agency()
    before = await snapshot()
    # when / then
    for person in (org.other_staff[0].staff.id, stranger.officers[0].staff.id):
        with pytest.raises(RuleViolation) as refused:
            await agency_application(org, partner, staff_id=person)
        assert (refused.value.key, refused.value.field) == ("workflow.guard.officer_of_the_agency", "staffId")
    assert await snapshot() == before


async def test_receive_agency_application_to_another_units_team_is_refused_asg_7(policies):
    # given: a team of another organisation's unit
    org = await organisation()
    partner = await agency()
    elsewhere = await team_assignment(await organisation())
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await agency_application(org, partner, team_id=elsewhere.team_id)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.team_of_the_owning_unit", "ASG-7")
    assert await snapshot() == before


async def test_approve_agency_application_by_anyone_but_the_target_head_is_refused_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    [request] = await requests_of(await agency_application(org, partner))
    before = await snapshot()
    # when / then: the other unit's head, the bureau head above, the Secretary General, the agency's token
    for someone in (org.other_head, org.parent_head, org.secretary_general, partner.token):
        with pytest.raises((Forbidden, NotFound)):
            await step(INVOLVEMENT, "approve", request, someone, ApproveInvolvementInput())
    assert await snapshot() == before


async def test_approve_agency_application_naming_someone_else_is_refused_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    [request] = await requests_of(await agency_application(org, partner))
    before = await snapshot()
    # when: the head would rather have the agency's other officer
    with pytest.raises(RuleViolation) as refused:
        await step(
            INVOLVEMENT,
            "approve",
            request,
            org.head,
            ApproveInvolvementInput(staff_id=partner.officers[1].staff.id),
        )
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.applicant_unchanged", "ASG-6")
    assert await snapshot() == before


async def test_issue_letter_with_the_superiors_approval_removed_is_refused_asg_7(policies):
    # given: approved and consulted, the superior's approval then taken off the request
    org = await organisation()
    partner = await agency()
    application = await agency_application(org, partner)
    [request] = await requests_of(application)
    await step(INVOLVEMENT, "approve", request, org.head, ApproveInvolvementInput())
    await step(ASSIGNMENT, "consult_secretary_general", application, org.head)
    await InvolvementRequest.filter(id=request.id).update(agency_letter=None)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.every_involvement_approved", "ASG-7")
    assert await snapshot() == before


async def test_reject_agency_application_by_the_target_head_ends_the_path_asg_6(policies):
    # given
    org = await organisation()
    partner = await agency()
    application = await agency_application(org, partner)
    [request] = await requests_of(application)
    # when
    await step(INVOLVEMENT, "reject", request, org.head, reason("Keahlian belum dibutuhkan."))
    # then: the rejection is on record through the approval mechanism; the path ends
    assert (await Assignment.get(id=application.id)).status == AssignmentStatus.REJECTED
    assert (await InvolvementRequest.get(id=request.id)).status == InvolvementStatus.REJECTED
    assert (await Approval.get(subject_id=request.id)).decision == "rejected"


# --- through GraphQL (the generated mutations) -------------------------------------------------------


async def test_apply_to_agency_and_receive_agency_application_through_graphql_asg_6_org_4(policies):
    # given
    org = await organisation()
    partner = await agency()
    officer = partner.officers[0].staff
    application = {"agencyId": str(partner.agency.id), "title": "Pendampingan saksi di Kejaksaan"}
    received = {
        "agencyId": str(partner.agency.id),
        "staffId": str(officer.id),
        "targetUnitId": str(org.unit.id),
        "title": "Analisis keuangan perkara",
    }
    # when: the staff member applies; the head records the officer's application without, then with,
    # the superior's approval; another unit's head tries to record it
    applied = await execute(APPLY_TO_AGENCY, {"input": application}, as_=await principal(org.staff[0]))
    missing = await execute(RECEIVE_AGENCY_APPLICATION, {"input": received}, as_=await principal(org.head))
    elsewhere = await execute(
        RECEIVE_AGENCY_APPLICATION,
        {"input": {**received, "superiorApproval": LETTER}},
        as_=await principal(org.other_head),
    )
    recorded = await execute(
        RECEIVE_AGENCY_APPLICATION,
        {"input": {**received, "superiorApproval": LETTER}},
        as_=await principal(org.head),
    )
    # then
    assert applied.errors is None and recorded.errors is None
    record = applied.data["assignmentApplyToAgency"]["record"]
    assert (record["status"], record["path"], record["kind"], record["requestingAgencyId"]) == (
        "SUBMITTED",
        "OUTBOUND_AGENCY_VOLUNTARY",
        "VOLUNTARY_APPLICATION",
        str(partner.agency.id),
    )
    refused = missing.data["assignmentReceiveAgencyApplication"]
    assert (refused["code"], refused["field"], refused["rule"]) == (
        "RULE_VIOLATION",
        "superiorApproval",
        "ASG-6",
    )
    assert error_codes(elsewhere) == ["FORBIDDEN"]
    record = recorded.data["assignmentReceiveAgencyApplication"]["record"]
    assert (record["status"], record["path"], record["staffId"]) == (
        "SUBMITTED",
        "INBOUND_AGENCY_VOLUNTARY",
        str(officer.id),
    )
