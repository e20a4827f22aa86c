"""Paths A.1 and A.2 of Lamp. 2 (ASG-1, ASG-2) end to end through the admin panel's generated workflow
forms, over HTTP: the same steps as through GraphQL (tests/organisation/test_end_to_end_paths.py), run
by the same workflow functions under the same rules — the letter (ASG-10), the team (ASG-7, ASG-9), the
results the owning unit head accepts (PERF-4) — and a wrong person's step refused, nothing changed."""

from __future__ import annotations

from typing import Any

from admin.forms import RECORD_FIELD
from models.accounts import StaffAccount
from models.assignments import (
    Assignment,
    AssignmentLetter,
    AssignmentStatus,
    InvolvementRequest,
    Team,
    TeamMembership,
    TeamStatus,
)
from tests.admin.conftest import Panel, grant, open_panel
from tests.workflows.factories import Org, organisation, snapshot

# Who may sign in to /admin is the administrator's policy; here heads, the SG and the unit's staff.
PANEL_USERS = ("position:unit_head", "position:secretary_general", "position:functional_official")


def form(slug: str) -> str:
    return f"/admin/api/forms/{slug}/"


async def panel_users() -> None:
    for subject in PANEL_USERS:
        await grant(subject, "admin_panel", "read", "all")


async def step(panel: Panel, who: StaffAccount, slug: str, values: dict[str, Any]) -> str:
    """`who` signs in and sends the step's form; the panel answers with the step taken."""
    await panel.sign_out()
    assert (await panel.sign_in(who.staff.email)).status_code in (200, 303)
    response = await panel.post(form(slug), values)
    assert response.status_code == 200, response.text
    return str(response.json()["custom_form_success"])


async def refused(panel: Panel, who: StaffAccount, slug: str, values: dict[str, Any]) -> str:
    """`who`'s form is refused beside it, with the rule, and nothing changed."""
    await panel.sign_out()
    await panel.sign_in(who.staff.email)
    before = await snapshot()
    response = await panel.post(form(slug), values)
    assert response.status_code == 422, response.text
    assert await snapshot() == before
    return str(response.json()["custom_form_error"])


async def completed_through_the_forms(
    panel: Panel, org: Org, assignment: Assignment, lead: StaffAccount
) -> None:
    """PERF-4: the lead starts and reports; the owning unit head accepts."""
    record = {RECORD_FIELD: str(assignment.id)}
    await step(panel, lead, "assignment.start", record)
    await step(panel, lead, "assignment.submit_results", {**record, "summary": "Target tercapai."})
    await step(panel, org.head, "assignment.accept_results", record)


async def test_form_path_a1_within_unit_to_completion_asg_1_asg_10_perf_4(policies):
    # given: a unit head, two of the unit's staff and a third to add later
    org = await organisation()
    await panel_users()
    lead, member = org.staff
    async with open_panel(policies) as panel:
        # when: the head appoints a team and issues the letter in the unit's series
        await step(
            panel,
            org.head,
            "assignment.appoint",
            {
                "unit_id": str(org.unit.id),
                "title": "Analisis permohonan",
                "team_name": "Tim Analisis",
                "lead_id": str(lead.staff.id),
                "member_ids": [str(member.staff.id)],
            },
        )
        draft = await Assignment.get(title="Analisis permohonan")
        record = {RECORD_FIELD: str(draft.id)}
        # only this unit's head issues its letter: not its staff (ASG-1); another unit's head does
        # not even reach the draft (AC-12)
        refusal = await refused(panel, lead, "assignment.issue_letter", record)
        hidden = await refused(panel, org.other_head, "assignment.issue_letter", record)
        done = await step(panel, org.head, "assignment.issue_letter", record)
        # the team: the head removes the member, with a reason (ASG-9)
        await step(
            panel,
            org.head,
            "team.remove_member",
            {RECORD_FIELD: str(draft.team_id), "staff_id": str(member.staff.id), "reason": "Dialihkan."},  # type: ignore[attr-defined]
        )
        await completed_through_the_forms(panel, org, draft, lead)
    # then
    assert "ASG-1" in refusal and hidden == "Assignment tidak ditemukan."
    assert "'letter_issued'" in done
    letter = await AssignmentLetter.get(assignment_id=draft.id)
    assert letter.issuer_code == org.unit.code and letter.number.startswith("ST-")
    stored = await Assignment.get(id=draft.id)
    team = await Team.get(id=stored.team_id)  # type: ignore[attr-defined]
    assert (stored.status, team.status) == (AssignmentStatus.COMPLETED, TeamStatus.CLOSED)
    left = await TeamMembership.get(team_id=team.id, staff_id=member.staff.id)
    assert left.left_on is not None


async def test_form_path_a2_across_units_to_completion_asg_2_asg_7_asg_10_perf_4(policies):
    # given: the unit head needs the other unit's first staff member on a team led from the unit
    org = await organisation()
    await panel_users()
    lead = org.staff[0]
    wanted = org.other_staff[0]
    async with open_panel(policies) as panel:
        # when: the proposing head asks; the target head decides — not the proposing head (ASG-2)
        await step(
            panel,
            org.head,
            "assignment.request_involvement",
            {
                "unit_id": str(org.unit.id),
                "target_unit_id": str(org.other.id),
                "title": "Penelaahan bersama",
                "purpose": "Keahlian penelaahan.",
                "team_name": "Tim Penelaahan Bersama",
                "lead_id": str(lead.staff.id),
                "requested_staff_ids": [str(wanted.staff.id)],
            },
        )
        asked = await Assignment.get(title="Penelaahan bersama")
        request = await InvolvementRequest.get(assignment_id=asked.id)
        decision = {RECORD_FIELD: str(request.id), "availability_note": "Tersedia."}
        refusal = await refused(panel, org.head, "involvement_request.approve", decision)
        await step(panel, org.other_head, "involvement_request.approve", decision)
        record = {RECORD_FIELD: str(asked.id)}
        await step(panel, org.head, "assignment.propose_to_secretary_general", record)
        await step(panel, org.secretary_general, "assignment.issue_letter", record)
        # the team: nobody else of the other unit joins without an approved request (ASG-7)
        outsider = {RECORD_FIELD: str(asked.team_id), "staff_id": str(org.other_staff[1].staff.id)}  # type: ignore[attr-defined]
        outsider_refusal = await refused(panel, org.head, "team.add_member", outsider)
        await completed_through_the_forms(panel, org, asked, lead)
    # then: the LPSK letter; the person made available joined on the approved request (AC-8)
    assert "ASG-2" in refusal and "ASG-7" in outsider_refusal
    letter = await AssignmentLetter.get(assignment_id=asked.id)
    assert letter.issuer_code == "LPSK"
    joined = await TeamMembership.get(team_id=asked.team_id, staff_id=wanted.staff.id)  # type: ignore[attr-defined]
    assert joined.involvement_request_id == request.id  # type: ignore[attr-defined]
    assert (await Assignment.get(id=asked.id)).status == AssignmentStatus.COMPLETED
