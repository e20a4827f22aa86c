"""ORG-4 (Pasal 8): staff may work inside their unit, across units and across agencies — each through its
own path (ASG-1; ASG-2; Pasal 11(2) both ways), and refused without it: nobody from another unit or
agency is put on a team, nor does LPSK staff work for another agency, without the approval on record
(ASG-7)."""

from __future__ import annotations

import pytest

from models.assignments import AssignmentStatus, TeamMembership
from server.auth import reachable_team_ids
from tests.approvals.factories import TODAY
from tests.organisation.assignment_path_factories import (
    add_member,
    agency,
    agency_application,
    applied_to_agency,
    requests_of,
    step,
    team_assignment,
)
from tests.organisation.test_cross_unit_appointment import through_to_the_secretary_general
from tests.workflows.factories import appoint, organisation, snapshot
from workflows.assignments import ASSIGNMENT, INVOLVEMENT
from workflows.assignments.inputs import AgencyAnswerInput, ApproveInvolvementInput
from workflows.errors import RuleViolation

ASG_7_GUARD = ("workflow.guard.own_staff_or_approved_request", "ASG-7")


async def members(team_id) -> set:
    return set(await TeamMembership.filter(team_id=team_id).values_list("staff_id", flat=True))


async def test_work_within_the_unit_by_the_heads_appointment_only_of_its_staff_org_4(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when: the head appoints another unit's person within the unit; then a team of the unit's own
    with pytest.raises(RuleViolation) as refused:
        await appoint(
            org, team_name="Tim", lead_id=org.staff[0].staff.id, member_ids=[org.other_staff[0].staff.id]
        )
    unchanged = await snapshot() == before
    issued = await step(
        ASSIGNMENT,
        "issue_letter",
        await appoint(
            org, team_name="Tim", lead_id=org.staff[0].staff.id, member_ids=[org.staff[1].staff.id]
        ),
        org.head,
    )
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.appointees_in_unit", "ASG-7")
    assert unchanged
    assert issued.status == AssignmentStatus.LETTER_ISSUED
    assert await members(issued.team_id) == {org.staff[0].staff.id, org.staff[1].staff.id}


async def test_work_across_units_only_through_an_approved_involvement_request_org_4(policies):
    # given: the unit's running team, and someone of the other unit
    org = await organisation()
    team_work = await team_assignment(org)
    outsider = org.other_staff[0].staff
    before = await snapshot()
    # when: put on the team directly; then through ASG-2 (the target head's approval, the letter)
    with pytest.raises(RuleViolation) as refused:
        await add_member(await team_work.team, org.head, outsider.id)
    unchanged = await snapshot() == before
    assignment = await through_to_the_secretary_general(
        org, team_name="Tim Lintas", lead_id=org.staff[0].staff.id
    )
    issued = await step(ASSIGNMENT, "issue_letter", assignment, org.secretary_general)
    # then
    assert (refused.value.key, refused.value.rule) == ASG_7_GUARD
    assert unchanged
    [request] = await requests_of(assignment)
    joined = await TeamMembership.get(team_id=issued.team_id, staff_id=outsider.id)
    assert (joined.home_unit_id, joined.involvement_request_id) == (org.other.id, request.id)
    assert issued.team_id in await reachable_team_ids(outsider.id, TODAY)


async def test_work_across_agencies_on_an_lpsk_team_only_through_an_approved_request_org_4(policies):
    # given: the unit's running team, and an outside agency's officer
    org = await organisation()
    partner = await agency()
    team = await (await team_assignment(org)).team
    officer = partner.officers[0].staff
    before = await snapshot()
    # when: put on the team directly; then on their request recorded but not yet approved
    with pytest.raises(RuleViolation) as direct:
        await add_member(team, org.head, officer.id)
    unchanged = await snapshot() == before
    application = await agency_application(org, partner, team_id=team.id)
    [request] = await requests_of(application)
    pending = await snapshot()
    with pytest.raises(RuleViolation) as unapproved:
        await add_member(team, org.head, officer.id, request.id)
    still_pending = await snapshot() == pending
    # … and through its path: the head's approval, the consultation, the Secretary General's letter
    await step(INVOLVEMENT, "approve", request, org.head, ApproveInvolvementInput())
    await step(ASSIGNMENT, "consult_secretary_general", application, org.head)
    await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    # then
    assert (direct.value.key, direct.value.rule) == ASG_7_GUARD
    assert (unapproved.value.key, unapproved.value.rule) == ASG_7_GUARD
    assert unchanged and still_pending
    joined = await TeamMembership.get(team_id=team.id, staff_id=officer.id)
    assert (joined.home_agency_id, joined.involvement_request_id) == (partner.agency.id, request.id)
    assert team.id in await reachable_team_ids(officer.id, TODAY)


async def test_work_for_another_agency_only_through_the_own_head_and_the_agencys_yes_org_4(policies):
    # given: LPSK staff applying to work on another agency's task
    org = await organisation()
    partner = await agency()
    application = await applied_to_agency(org, partner)
    before = await snapshot()
    # when: the Secretary General would assign them before their own head and the agency agreed
    with pytest.raises(RuleViolation) as early:
        await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    unchanged = await snapshot() == before
    nothing_sent = await requests_of(application)
    # … and through its path: the own head forwards, the agency says yes, the Secretary General's letter
    await step(ASSIGNMENT, "approve_application", application, org.head)
    [request] = await requests_of(application)
    await step(INVOLVEMENT, "agency_approve", request, partner.token, AgencyAnswerInput())
    issued = await step(ASSIGNMENT, "issue_letter", application, org.secretary_general)
    # then
    assert (early.value.key, early.value.rule) == ("workflow.wrong_state", "ASG-6")
    assert unchanged and nothing_sent == []
    assert (issued.status, issued.staff_id, issued.requesting_agency_id) == (
        AssignmentStatus.LETTER_ISSUED,
        org.staff[0].staff.id,
        partner.agency.id,
    )
