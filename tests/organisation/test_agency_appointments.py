"""ASG-3 (another agency's officers at LPSK's request) and ASG-4 (LPSK staff at another agency's
request) at the workflow level: the agency answering through its partner token or through the
Secretary General recording its letter, the Secretary General deciding after consulting the related
unit head — and each way around refused with nothing changed (ASG-3, ASG-4, ASG-7, ASG-8, AC-2, AC-6)."""

from __future__ import annotations

import pytest

from models.assignments import (
    Assignment,
    AssignmentLetter,
    AssignmentStatus,
    InvolvementRequest,
    InvolvementStatus,
    TeamMembership,
)
from models.audit import Approval, WorkflowHistory
from server.auth import reachable_team_ids
from tests.approvals.factories import TODAY
from tests.organisation.assignment_path_factories import (
    agency,
    answered,
    approved_inbound,
    inbound,
    outbound,
    requests_of,
    sent,
    step,
    team_of,
    token_of,
)
from tests.workflows.factories import organisation, principal, reason, snapshot
from workflows import audit
from workflows.assignments import ASSIGNMENT, INVOLVEMENT
from workflows.assignments.inputs import (
    AdviseInput,
    AgencyAnswerInput,
    AgencyRefusalInput,
    ApproveInvolvementInput,
)
from workflows.engine import available_actions
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed

# --- ASG-3 -------------------------------------------------------------------------------------------


async def test_request_agency_involvement_to_delivery_through_the_agency_token_asg_3_ac_8(policies):
    # given
    org = await organisation()
    partner = await agency()
    officer = partner.officers[0]
    # when: the need → the written request → the agency's yes by token → the letter → delivery
    assignment = await outbound(org, partner)
    consulting = (await Assignment.get(id=assignment.id)).status
    [drafted] = await requests_of(assignment)
    unaddressed = drafted.target_agency_id
    await step(ASSIGNMENT, "send_agency_request", assignment, org.secretary_general)
    [request] = await requests_of(assignment)
    await step(INVOLVEMENT, "agency_approve", request, partner.token, AgencyAnswerInput(note="Tersedia."))
    approved = (await Assignment.get(id=assignment.id)).status
    issued = await step(ASSIGNMENT, "issue_letter", assignment, org.secretary_general)
    delivered = await step(ASSIGNMENT, "deliver", issued, org.secretary_general)
    # then
    assert (consulting, approved, delivered.status) == (
        AssignmentStatus.CONSULTING,
        AssignmentStatus.APPROVED,
        AssignmentStatus.DELIVERED,
    )
    assert unaddressed is None  # the agency sees nothing before the Secretary General sends it (AC-2)
    decided = await InvolvementRequest.get(id=request.id)
    assert (decided.status, decided.target_agency_id, decided.decided_by_id) == (
        InvolvementStatus.APPROVED,
        partner.agency.id,
        None,
    )
    history = await WorkflowHistory.get(subject_id=request.id, action="agency_approve")
    assert (history.principal_kind, history.principal_ref) == ("partner_token", "perisai_pat_test0000")
    letter = await AssignmentLetter.get(assignment_id=assignment.id)
    assert letter.number.endswith("/LPSK/2026") and letter.team_id == issued.team_id
    joined = await TeamMembership.get(team_id=issued.team_id, staff_id=officer.staff.id)
    assert (joined.home_agency_id, joined.involvement_request_id) == (partner.agency.id, request.id)
    team = await team_of(assignment)
    assert (team.status, team.is_cross_agency) == ("active", True)
    assert issued.team_id in await reachable_team_ids(officer.staff.id, TODAY)  # AC-8
    assert (await audit.verify()).ok


async def test_agency_approve_recorded_by_the_secretary_general_needs_the_letter_asg_3(policies):
    # given: the agency answered on paper
    org = await organisation()
    partner = await agency()
    [request] = await requests_of(await sent(org, partner))
    before = await snapshot()
    # when: recorded without its letter, then with it
    with pytest.raises(RuleViolation) as refused:
        await step(INVOLVEMENT, "agency_approve", request, org.secretary_general, AgencyAnswerInput())
    assert await snapshot() == before
    await step(
        INVOLVEMENT,
        "agency_approve",
        request,
        org.secretary_general,
        AgencyAnswerInput(agency_letter="B/45/III/2026 Kejati, 2 Maret 2026"),
    )
    # then
    assert (refused.value.rule, refused.value.field) == ("ASG-3", "agencyLetter")
    recorded = await InvolvementRequest.get(id=request.id)
    assert (recorded.status, recorded.agency_letter, recorded.decided_by_id) == (
        InvolvementStatus.APPROVED,
        "B/45/III/2026 Kejati, 2 Maret 2026",
        org.secretary_general.staff.id,
    )


async def test_agency_approve_by_another_agency_or_the_unit_head_is_refused_asg_3_ac_2(policies):
    # given: a request sent to one agency
    org = await organisation()
    partner, stranger = await agency(), await agency()
    [request] = await requests_of(await sent(org, partner))
    before = await snapshot()
    # when / then: another agency's token does not reach it; a token without the scope may not answer;
    # the unit head is not the agency
    with pytest.raises(NotFound):
        await step(INVOLVEMENT, "agency_approve", request, stranger.token, AgencyAnswerInput())
    with pytest.raises(Forbidden):
        await step(
            INVOLVEMENT,
            "agency_approve",
            request,
            token_of(partner.agency, "referrals:respond"),
            AgencyAnswerInput(),
        )
    with pytest.raises(Forbidden):
        await step(INVOLVEMENT, "agency_approve", request, org.head, AgencyAnswerInput(agency_letter="x"))
    assert await snapshot() == before


async def test_agency_approve_before_the_request_is_sent_is_not_found_asg_3(policies):
    # given: the need still under consultation
    org = await organisation()
    partner = await agency()
    [draft] = await requests_of(await outbound(org, partner))
    # when / then: the agency's token cannot reach a request not yet addressed to it
    with pytest.raises(NotFound):
        await step(INVOLVEMENT, "agency_approve", draft, partner.token, AgencyAnswerInput())


async def test_agency_approve_naming_an_officer_of_another_agency_is_refused_asg_3(policies):
    # given: the request names nobody
    org = await organisation()
    partner, stranger = await agency(), await agency()
    [request] = await requests_of(await sent(org, partner, requested_staff_ids=[]))
    before = await snapshot()
    # when: approving without naming, or naming another agency's officer
    for given in (AgencyAnswerInput(), AgencyAnswerInput(staff_id=stranger.officers[0].staff.id)):
        with pytest.raises(RuleViolation) as refused:
            await step(INVOLVEMENT, "agency_approve", request, partner.token, given)
        # then
        assert refused.value.rule == "ASG-3"
    assert await snapshot() == before


async def test_agency_reject_with_reason_ends_the_path_asg_3(policies):
    # given
    org = await organisation()
    partner = await agency()
    assignment = await sent(org, partner)
    [request] = await requests_of(assignment)
    # when: without a reason, then with one
    with pytest.raises(ValidationFailed):
        await step(INVOLVEMENT, "agency_reject", request, partner.token, AgencyRefusalInput(reason=" "))
    await step(
        INVOLVEMENT,
        "agency_reject",
        request,
        partner.token,
        AgencyRefusalInput(reason="Jaksa sedang bersidang."),
    )
    # then
    ended = await Assignment.get(id=assignment.id)
    assert (ended.status, ended.rejection_reason) == (AssignmentStatus.REJECTED, "Jaksa sedang bersidang.")
    assert (await team_of(assignment)).status == "closed"


@pytest.mark.parametrize(
    ("fields", "guard", "rule"),
    [
        ({"requested_staff_ids": ["own"]}, "requested_from_agency", "ASG-3"),
        ({"member_ids": ["officer"]}, "own_members_in_unit", "ASG-7"),
        ({"lead_id": "officer"}, "lead_from_owning_unit_or_justified", "ASG-8"),
    ],
    ids=["unit_staff_asked_of_the_agency", "officer_named_member_directly", "officer_lead_unjustified"],
)
async def test_request_agency_involvement_guards_refuse_asg_3_asg_7_asg_8(policies, fields, guard, rule):
    # given
    org = await organisation()
    partner = await agency()
    named = {"own": org.staff[0].staff.id, "officer": partner.officers[0].staff.id}
    values = {
        k: [named[v] for v in value] if isinstance(value, list) else named[value]
        for k, value in fields.items()
    }
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await outbound(org, partner, **values)
    # then
    assert (refused.value.key, refused.value.rule) == (f"workflow.guard.{guard}", rule)
    assert await snapshot() == before


async def test_request_agency_involvement_officer_lead_with_justification_asg_8(policies):
    # given
    org = await organisation()
    partner = await agency()
    officer = partner.officers[0].staff.id
    # when
    assignment = await answered(
        org, partner, lead_id=officer, lead_justification="Jaksa penghubung memimpin koordinasi persidangan."
    )
    await step(ASSIGNMENT, "issue_letter", assignment, org.secretary_general)
    # then: the justification is on record and the lead joined on the agency's approval
    team = await team_of(assignment)
    lead = await TeamMembership.get(team_id=team.id, staff_id=officer)
    assert team.lead_justification and lead.role == "lead" and lead.involvement_request_id


async def test_assignment_steps_out_of_order_are_refused_asg_3(policies):
    # given: the need under consultation
    org = await organisation()
    partner = await agency()
    assignment = await outbound(org, partner)
    before = await snapshot()
    # when: the letter before the request is sent; the unit head sending the Secretary General's letter
    with pytest.raises(RuleViolation) as early:
        await step(ASSIGNMENT, "issue_letter", assignment, org.secretary_general)
    with pytest.raises(Forbidden):
        await step(ASSIGNMENT, "send_agency_request", assignment, org.head)
    # then
    assert (early.value.key, early.value.rule) == ("workflow.wrong_state", "ASG-3")
    assert await snapshot() == before


async def test_issue_letter_with_the_agency_answer_set_by_hand_is_refused_asg_7(policies):
    # given: the request marked approved by hand, the agency's answer nowhere on record
    org = await organisation()
    partner = await agency()
    assignment = await sent(org, partner)
    await InvolvementRequest.filter(assignment_id=assignment.id).update(status=InvolvementStatus.APPROVED)
    await Assignment.filter(id=assignment.id).update(status=AssignmentStatus.APPROVED)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "issue_letter", assignment, org.secretary_general)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.every_involvement_approved", "ASG-7")
    assert await snapshot() == before


# --- ASG-4 -------------------------------------------------------------------------------------------


async def test_receive_agency_request_to_delivery_after_consulting_the_unit_head_asg_4(policies):
    # given
    org = await organisation()
    partner = await agency()
    person = org.other_staff[0].staff
    # when: recorded → the related head advises → the Secretary General approves → letter → delivery
    assignment = await inbound(org, partner)
    [request] = await requests_of(assignment)
    offered_to_sg = [
        t.action
        for t in await available_actions(INVOLVEMENT, request, await principal(org.secretary_general))
    ]
    await step(
        INVOLVEMENT,
        "advise",
        request,
        org.other_head,
        AdviseInput(availability_note="Tersedia minggu depan.", staff_id=person.id),
    )
    await step(
        INVOLVEMENT,
        "approve",
        request,
        org.secretary_general,
        ApproveInvolvementInput(availability_note="Relevan dengan tugas LPSK."),
    )
    issued = await step(ASSIGNMENT, "issue_letter", assignment, org.secretary_general)
    delivered = await step(ASSIGNMENT, "deliver", issued, org.other_head)
    # then
    assert offered_to_sg == ["reject"]  # no approval before the advice (ASG-4)
    assert (issued.staff_id, delivered.status) == (person.id, AssignmentStatus.DELIVERED)
    recorded = await InvolvementRequest.get(id=request.id)
    assert (recorded.agency_letter, recorded.availability_note, recorded.requesting_agency_id) == (
        "B/123/III/2026, 1 Maret 2026",
        "Tersedia minggu depan.",
        partner.agency.id,
    )
    approval = await Approval.get(subject_id=request.id)
    assert (approval.step, approval.approver_id, approval.note) == (
        "secretary_general_approval",
        org.secretary_general.staff.id,
        "Relevan dengan tugas LPSK.",
    )
    letter = await AssignmentLetter.get(assignment_id=assignment.id)
    assert letter.issuer_code == "LPSK" and letter.team_id is None


async def test_involvement_approve_before_the_unit_head_was_consulted_is_refused_asg_4(policies):
    # given: recorded, not yet advised
    org = await organisation()
    partner = await agency()
    [request] = await requests_of(await inbound(org, partner, requested_staff_id=org.other_staff[0].staff.id))
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(INVOLVEMENT, "approve", request, org.secretary_general, ApproveInvolvementInput())
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.related_head_consulted", "ASG-4")
    assert await snapshot() == before


async def test_involvement_approve_by_the_related_head_or_the_agency_is_forbidden_asg_4(policies):
    # given: advised, awaiting the Secretary General
    org = await organisation()
    partner = await agency()
    [request] = await requests_of(await inbound(org, partner, advised=True))
    before = await snapshot()
    # when / then: the head advises but does not decide; the asking agency does not decide its own request
    for someone in (org.other_head, partner.token):
        with pytest.raises(Forbidden):
            await step(INVOLVEMENT, "approve", request, someone, ApproveInvolvementInput())
    assert await snapshot() == before


async def test_advise_naming_staff_of_another_unit_is_refused_asg_4(policies):
    # given
    org = await organisation()
    partner = await agency()
    [request] = await requests_of(await inbound(org, partner))
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(
            INVOLVEMENT,
            "advise",
            request,
            org.other_head,
            AdviseInput(availability_note="Pegawai unit lain saja.", staff_id=org.staff[0].staff.id),
        )
    # then
    assert (refused.value.rule, refused.value.field) == ("ASG-4", "staffId")
    assert await snapshot() == before


async def test_involvement_reject_by_the_secretary_general_ends_the_path_asg_4(policies):
    # given
    org = await organisation()
    partner = await agency()
    assignment = await inbound(org, partner, advised=True)
    [request] = await requests_of(assignment)
    # when
    await step(
        INVOLVEMENT, "reject", request, org.secretary_general, reason("Tidak relevan dengan tugas LPSK.")
    )
    # then: the written refusal is what the agency's token reads (AC-2)
    ended = await Assignment.get(id=assignment.id)
    assert (ended.status, ended.rejection_reason) == (
        AssignmentStatus.REJECTED,
        "Tidak relevan dengan tugas LPSK.",
    )
    assert (await InvolvementRequest.get(id=request.id)).reason == "Tidak relevan dengan tugas LPSK."
    assert (await Approval.get(subject_id=request.id)).decision == "rejected"


async def test_deliver_by_the_secretary_general_on_an_inbound_request_is_forbidden_asg_4(policies):
    # given: the letter is out; the related unit head delivers it
    org = await organisation()
    partner = await agency()
    issued = await step(
        ASSIGNMENT, "issue_letter", await approved_inbound(org, partner), org.secretary_general
    )
    before = await snapshot()
    # when
    with pytest.raises(Forbidden):
        await step(ASSIGNMENT, "deliver", issued, org.secretary_general)
    # then
    assert await snapshot() == before
