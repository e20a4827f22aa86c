"""Proactive action through GraphQL, as the roles of the demo organisation (PRO-1–4): the
application-review bureau reports and analyses, a leader responsible for application review
approves and the deadline shows, the bureau head forms a team of officers holding letters, the team
records the outcome — and the other roles, a one-officer team and an officer without a letter are
refused with nothing changed."""

from __future__ import annotations

from typing import Any

import pytest

from models.organisation import PortfolioHolding, Staff
from models.proactive_actions import ProactiveAction, ProactiveStatus, ProactiveTeamMember
from tests.client import error_codes, execute
from tests.organisation.conftest import Demo, as_staff, demo  # noqa: F401 — the demo fixture
from tests.protection.test_proactive_factories import payload, snapshot

REPORT = """
mutation Report($input: ProactiveActionReportInput!) {
  proactiveActionReport(input: $input) {
    __typename
    ... on ProactiveActionReportSuccess { record { id code status trigger crimeType } }
    ... on MutationError { code message field rule }
  }
}
"""
ANALYSE = """
mutation Analyse($id: ID!, $input: ProactiveActionAnalyseInput!) {
  proactiveActionAnalyse(id: $id, input: $input) {
    __typename
    ... on ProactiveActionAnalyseSuccess { record { status budget } }
    ... on MutationError { code message field rule }
  }
}
"""
APPROVE = """
mutation Approve($id: ID!) {
  proactiveActionApprove(id: $id) {
    __typename
    ... on ProactiveActionApproveSuccess { record { status approvedAt deadlineAt } }
    ... on MutationError { code message field rule }
  }
}
"""
FORM_TEAM = """
mutation FormTeam($id: ID!, $input: ProactiveActionFormTeamInput!) {
  proactiveActionFormTeam(id: $id, input: $input) {
    __typename
    ... on ProactiveActionFormTeamSuccess {
      record { status equipment }
    }
    ... on MutationError { code message field rule }
  }
}
"""
START = """
mutation Start($id: ID!) {
  proactiveActionStart(id: $id) {
    __typename
    ... on ProactiveActionStartSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
CONCLUDE = """
mutation Conclude($id: ID!, $input: ProactiveActionConcludeInput!) {
  proactiveActionConclude(id: $id, input: $input) {
    __typename
    ... on ProactiveActionConcludeSuccess { record { status outcome outcomeAt report } }
    ... on MutationError { code message field rule }
  }
}
"""
APPOINT = """
mutation Appoint($input: AssignmentAppointInput!) {
  assignmentAppoint(input: $input) {
    ... on AssignmentAppointSuccess { record { id } }
    ... on MutationError { code message }
  }
}
"""
ISSUE_LETTER = """
mutation Issue($id: ID!) {
  assignmentIssueLetter(id: $id) {
    ... on AssignmentIssueLetterSuccess { record { assignmentLetters { id } } }
    ... on MutationError { code message }
  }
}
"""
DEADLINES = "query { deadlines { source rule recordId code label dueAt overdue } }"


async def review_leader() -> Any:
    """A leader holding the application-review portfolio (PRO-2)."""
    holding = (
        await PortfolioHolding.filter(portfolio__code="application_review")
        .order_by("staff__employee_number")
        .first()
    )
    return await as_staff(await Staff.get(id=holding.staff_id))


async def analysed(roles: Demo) -> str:
    """Reported and analysed by the head of the application-review bureau; the action's id."""
    head = roles["unit_head"]
    given = {"trigger": "LAW_ENFORCEMENT_INPUT", "eventSummary": "Laporan polisi: korban TPPO (fiktif)."}
    reported = payload(await execute(REPORT, {"input": given}, as_=head), "proactiveActionReport")
    action_id = reported["record"]["id"]
    analysis = {"analysis": "Tiga korban perlu penjangkauan.", "budget": "1500000.00"}
    done = payload(
        await execute(ANALYSE, {"id": action_id, "input": analysis}, as_=head), "proactiveActionAnalyse"
    )
    assert done["record"] == {"status": "ANALYSED", "budget": "1500000.00"}
    return str(action_id)


async def letter(roles: Demo, officer: Staff) -> str:
    """ASG-1 through the API: the bureau head's letter assigning `officer`."""
    unit = await roles.unit("BIRO-PP")
    given = {"unitId": str(unit.id), "title": "Tindakan proaktif", "staffId": str(officer.id)}
    draft = payload(await execute(APPOINT, {"input": given}, as_=roles["unit_head"]), "assignmentAppoint")
    issued = payload(
        await execute(ISSUE_LETTER, {"id": draft["record"]["id"]}, as_=roles["unit_head"]),
        "assignmentIssueLetter",
    )
    return str(issued["record"]["assignmentLetters"][0]["id"])


async def test_proactive_action_path_as_the_review_bureau_and_leader_pro_2(demo):  # noqa: F811
    # given
    action_id = await analysed(demo)
    leader = await review_leader()
    first, second = (await demo.staff_of("BIRO-PP"))[:2]
    # when: approved, the deadline listed, the team formed with letters, set out, concluded (a)
    approved = payload(await execute(APPROVE, {"id": action_id}, as_=leader), "proactiveActionApprove")
    listed = [
        d for d in payload(await execute(DEADLINES, as_=leader), "deadlines") if d["recordId"] == action_id
    ]
    team = {
        "officerIds": [str(first.id), str(second.id)],
        "leadId": str(first.id),
        "assignmentLetterIds": [await letter(demo, first), await letter(demo, second)],
        "equipment": ["UNIFORM", "VEHICLE", "RECORDER"],
    }
    formed = payload(
        await execute(FORM_TEAM, {"id": action_id, "input": team}, as_=demo["unit_head"]),
        "proactiveActionFormTeam",
    )
    member = await as_staff(second)
    started = payload(await execute(START, {"id": action_id}, as_=member), "proactiveActionStart")
    outcome = {"outcome": "NO_APPLICATION", "report": "Korban menolak.", "minutes": "Risalah penjangkauan."}
    done = payload(
        await execute(CONCLUDE, {"id": action_id, "input": outcome}, as_=member), "proactiveActionConclude"
    )
    # then
    assert approved["record"]["status"] == "APPROVED" and approved["record"]["deadlineAt"] is not None
    assert [(d["rule"], d["overdue"], d["label"]) for d in listed] == [
        ("PRO-3", False, "Catat hasil tindakan proaktif")
    ]
    assert formed["record"]["status"] == "TEAM_FORMED"
    members = await ProactiveTeamMember.filter(action_id=action_id).values_list(
        "staff_id", "assignment_letter_id"
    )
    assert {m for m, _ in members} == {first.id, second.id} and all(held for _, held in members)
    assert formed["record"]["equipment"] == ["uniform", "vehicle", "recorder"]
    assert started["record"]["status"] == "EXECUTING"
    assert done["record"]["status"] == "CONCLUDED" and done["record"]["outcome"] == "NO_APPLICATION"


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("partner", "FORBIDDEN"),
        ("executor", "FORBIDDEN"),
        ("unit_head", "FORBIDDEN"),
        ("rights_head", "FORBIDDEN"),
        ("secretary_general", "FORBIDDEN"),
        ("leader", "FORBIDDEN"),
    ],
)
async def test_proactive_action_approve_by_other_than_a_review_leader_is_refused_pro_2(demo, role, code):  # noqa: F811
    # given: the demo "leader" holds no application-review portfolio
    action_id = await analysed(demo)
    before = await snapshot()
    # when
    result = await execute(APPROVE, {"id": action_id}, as_=demo[role])
    # then (AC-6)
    assert error_codes(result) == [code]
    assert await snapshot() == before


async def test_proactive_action_form_team_of_one_or_without_letter_is_refused_pro_2(demo):  # noqa: F811
    # given: approved; one officer has a letter, the other none
    action_id = await analysed(demo)
    payload(await execute(APPROVE, {"id": action_id}, as_=await review_leader()), "proactiveActionApprove")
    first, second = (await demo.staff_of("BIRO-PP"))[2:4]
    held = await letter(demo, first)
    before = await snapshot()
    # when: a team of one; a second officer without a letter
    alone = {"officerIds": [str(first.id)], "leadId": str(first.id), "assignmentLetterIds": [held]}
    unlettered = {**alone, "officerIds": [str(first.id), str(second.id)]}
    results = [
        payload(
            await execute(FORM_TEAM, {"id": action_id, "input": given}, as_=demo["unit_head"]),
            "proactiveActionFormTeam",
        )
        for given in (alone, unlettered)
    ]
    # then
    assert [(r["code"], r["rule"], r["field"]) for r in results] == [
        ("RULE_VIOLATION", "PRO-2", "officerIds"),
        ("RULE_VIOLATION", "PRO-4", "assignmentLetterIds"),
    ]
    assert await snapshot() == before
    assert (await ProactiveAction.get(id=action_id)).status == ProactiveStatus.APPROVED


async def test_proactive_action_conclude_by_someone_off_the_team_is_forbidden_pro_2(demo):  # noqa: F811
    # given: the demo's action still being carried out
    action = await ProactiveAction.get(status=ProactiveStatus.EXECUTING)
    outcome = {"outcome": "NO_APPLICATION", "report": "X.", "minutes": "Y."}
    before = await snapshot()
    # when / then
    for role in ("executor", "unit_head", "team_member"):
        result = await execute(CONCLUDE, {"id": str(action.id), "input": outcome}, as_=demo[role])
        assert error_codes(result) == ["FORBIDDEN"], role
    assert await snapshot() == before
