"""Escalation to the head of the agency owning the performance (Lamp. 3.c.4, RPT-5), at the workflow
level: in a cross-agency team the lead may put a problem to that head for decision. For LPSK's own
performance the Secretary General decides; another agency's head decides in writing — through its
partner token (`escalations:respond`) or recorded by the Secretary General from its letter. Each way
around it is refused with nothing changed: a team that is not cross-agency, a member raising it, the
owning unit head deciding it, another agency's token, a token without the scope, staff without the
letter. (Seed over spec: RPT-5 in the spec names unit heads only; the seed's Lamp. 3.c.4 adds this.)"""

from __future__ import annotations

from typing import Any

import pytest

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentPath,
    AssignmentScope,
    AssignmentStatus,
    TeamMembership,
    TeamRole,
)
from models.audit import WorkflowHistory
from models.performance import AgencyEscalationDecision, EscalationStatus
from tests.accounts.factories import make_account, make_agency, short
from tests.client import error_codes, execute
from tests.organisation.assignment_path_factories import token_of
from tests.organisation.test_reporting_factories import DAY, NOW, TODAY, Org, as_, organisation, snapshot
from workflows.engine import available_actions, run
from workflows.errors import Forbidden, NotFound, RuleViolation
from workflows.reporting import AGENCY_ESCALATION_DECISION, ESCALATION
from workflows.reporting.inputs import AgencyDecisionInput, RaiseToAgencyHeadInput, ResolveEscalationInput

SCOPE = "escalations:respond"


def problem(org: Org, **fields: Any) -> RaiseToAgencyHeadInput:
    values = {
        "team_id": org.team.id,
        "problem": "Jadwal persidangan berubah tanpa pemberitahuan.",
        "alternatives": "Menunda pendampingan; meminta jadwal tetap.",
        "recommendation": "Meminta jadwal tetap dari kejaksaan.",
    }
    values.update(fields)
    return RaiseToAgencyHeadInput(**values)


async def cross_agency(org: Org, *, owned_by_agency: bool) -> Any:
    """The team made cross-agency: an agency's officer joined it; when `owned_by_agency`, the team works
    at that agency's request (ASG-4), so the agency owns the performance. Returns the agency."""
    agency = await make_agency()
    officer = await make_account(agency=agency)
    await TeamMembership.create(
        team=org.team, staff=officer.staff, role=TeamRole.MEMBER, home_agency=agency, joined_on=TODAY - DAY
    )
    org.team.is_cross_agency = True
    await org.team.save()
    if owned_by_agency:
        await Assignment.create(
            code=f"PNG-{short()}",
            title="Pendampingan saksi atas permintaan kejaksaan",
            kind=AssignmentKind.APPOINTMENT,
            scope=AssignmentScope.TEAM,
            path=AssignmentPath.INBOUND_AGENCY_REQUEST,
            status=AssignmentStatus.IN_PROGRESS,
            requesting_agency=agency,
            team=org.team,
        )
    return agency


def decision(escalation: Any, **fields: Any) -> AgencyDecisionInput:
    values = {"escalation_id": escalation.id, "decision": "Jadwal tetap disampaikan setiap Senin."}
    values.update(fields)
    return AgencyDecisionInput(**values)


# --- LPSK owns the performance: the Secretary General decides --------------------------------------


async def test_escalation_raise_to_agency_head_of_lpsk_goes_to_the_secretary_general_rpt_5(policies):
    # given: a cross-agency team working for LPSK's own target (ASG-3)
    org = await organisation()
    await cross_agency(org, owned_by_agency=False)
    # when
    raised = await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    resolved = await run(
        ESCALATION,
        "resolve",
        raised.id,
        await as_(org.sg),
        ResolveEscalationInput(resolution="Biro Hukum meminta jadwal tetap."),
        now=NOW,
    )
    # then
    assert (raised.to_agency_head, raised.owning_agency_id, raised.raised_to_id) == (
        True,
        None,
        org.sg.staff.id,
    )
    assert (resolved.status, resolved.resolution) == (
        EscalationStatus.RESOLVED,
        "Biro Hukum meminta jadwal tetap.",
    )


async def test_escalation_resolve_to_lpsk_head_by_the_owning_unit_head_or_the_lead_is_refused_rpt_5(policies):
    # given
    org = await organisation()
    await cross_agency(org, owned_by_agency=False)
    raised = await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    before = await snapshot()
    # when: the owning unit head (not whom it was put to), the lead who raised it
    for someone in (org.head, org.lead):
        with pytest.raises(Forbidden):
            await run(
                ESCALATION,
                "resolve",
                raised.id,
                await as_(someone),
                ResolveEscalationInput("Sendiri."),
                now=NOW,
            )
    # then
    assert await snapshot() == before


async def test_escalation_raise_to_agency_head_outside_a_cross_agency_team_or_by_a_member_is_refused_rpt_5(
    policies,
):
    # given: the team is cross-unit, not cross-agency
    org = await organisation()
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as not_cross_agency:
        await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    unchanged = await snapshot()
    await cross_agency(org, owned_by_agency=False)
    joined = await snapshot()
    with pytest.raises(Forbidden):
        await run(ESCALATION, "raise_to_agency_head", None, await as_(org.member), problem(org), now=NOW)
    with pytest.raises(RuleViolation) as bare:
        await run(
            ESCALATION,
            "raise_to_agency_head",
            None,
            await as_(org.lead),
            problem(org, alternatives=""),
            now=NOW,
        )
    # then
    assert (not_cross_agency.value.key, not_cross_agency.value.rule) == (
        "workflow.guard.cross_agency_team",
        "RPT-5",
    )
    assert bare.value.key == "workflow.guard.alternatives_and_recommendation"
    assert unchanged == before
    assert await snapshot() == joined


# --- another agency owns the performance: its head decides in writing ------------------------------


async def test_agency_escalation_decision_record_by_the_owning_agency_token_resolves_it_rpt_5(policies):
    # given: the team works at the agency's request (ASG-4)
    org = await organisation()
    agency = await cross_agency(org, owned_by_agency=True)
    raised = await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    # when
    recorded = await run(
        AGENCY_ESCALATION_DECISION, "record", None, token_of(agency, SCOPE), decision(raised), now=NOW
    )
    # then
    escalation = await ESCALATION.model.get(id=raised.id)
    assert (raised.owning_agency_id, raised.raised_to_id) == (agency.id, None)
    assert (recorded.agency_id, recorded.recorded_by_id) == (agency.id, None)
    assert (escalation.status, escalation.resolution) == (
        EscalationStatus.RESOLVED,
        "Jadwal tetap disampaikan setiap Senin.",
    )
    history = await WorkflowHistory.filter(subject_id=raised.id).values_list("action", flat=True)
    assert list(history).count("agency_decided") == 1


async def test_agency_escalation_decision_record_from_the_letter_by_the_secretary_general_rpt_5(policies):
    # given
    org = await organisation()
    await cross_agency(org, owned_by_agency=True)
    raised = await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    before = await snapshot()
    # when: first without the agency's letter, then citing it
    with pytest.raises(RuleViolation) as no_letter:
        await run(AGENCY_ESCALATION_DECISION, "record", None, await as_(org.sg), decision(raised), now=NOW)
    unchanged = await snapshot()
    recorded = await run(
        AGENCY_ESCALATION_DECISION,
        "record",
        None,
        await as_(org.sg),
        decision(raised, agency_letter="B-123/KEJ/03/2026, 1 Maret 2026"),
        now=NOW,
    )
    # then
    assert (no_letter.value.key, no_letter.value.field) == (
        "workflow.guard.agency_letter_recorded",
        "agencyLetter",
    )
    assert unchanged == before
    escalation = await ESCALATION.model.get(id=raised.id)
    assert (recorded.recorded_by_id, escalation.agency_letter) == (
        org.sg.staff.id,
        "B-123/KEJ/03/2026, 1 Maret 2026",
    )
    assert escalation.status == EscalationStatus.RESOLVED


async def test_agency_escalation_decision_by_another_agency_a_scopeless_token_or_a_unit_head_is_refused_rpt_5(
    policies,
):
    # given
    org = await organisation()
    owner = await cross_agency(org, owned_by_agency=True)
    raised = await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    stranger = await make_agency()
    before = await snapshot()
    # when: another agency's token, the owner's token without the scope, the owning unit head, the
    # lead; and resolving it as an LPSK head would
    with pytest.raises(Forbidden):
        await run(
            AGENCY_ESCALATION_DECISION, "record", None, token_of(stranger, SCOPE), decision(raised), now=NOW
        )
    with pytest.raises(Forbidden):
        await run(AGENCY_ESCALATION_DECISION, "record", None, token_of(owner), decision(raised), now=NOW)
    for someone in (org.head, org.lead):
        with pytest.raises(Forbidden):
            await run(
                AGENCY_ESCALATION_DECISION,
                "record",
                None,
                await as_(someone),
                decision(raised, agency_letter="B-1"),
                now=NOW,
            )
    with pytest.raises(Forbidden):
        await run(
            ESCALATION, "resolve", raised.id, await as_(org.sg), ResolveEscalationInput("Sendiri."), now=NOW
        )
    # then
    assert await snapshot() == before
    assert await AgencyEscalationDecision.all().count() == 0
    assert [t.action for t in await available_actions(ESCALATION, raised, await as_(org.sg))] == []


async def test_agency_escalation_decision_twice_or_on_an_lpsk_escalation_is_refused_rpt_5(policies):
    # given: one escalation decided by the agency, one put to LPSK's head
    org = await organisation()
    agency = await cross_agency(org, owned_by_agency=True)
    token = token_of(agency, SCOPE)
    decided = await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    await run(AGENCY_ESCALATION_DECISION, "record", None, token, decision(decided), now=NOW)
    own_team = await cross_agency_lpsk_team(org)
    to_lpsk = await run(
        ESCALATION,
        "raise_to_agency_head",
        None,
        await as_(org.administrator),
        problem(org, team_id=own_team.id),
        now=NOW,
    )
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as twice:
        await run(AGENCY_ESCALATION_DECISION, "record", None, token, decision(decided), now=NOW)
    with pytest.raises(RuleViolation) as lpsk:
        await run(
            AGENCY_ESCALATION_DECISION,
            "record",
            None,
            await as_(org.sg),
            decision(to_lpsk, agency_letter="B-2"),
            now=NOW,
        )
    with pytest.raises(NotFound):
        await run(
            AGENCY_ESCALATION_DECISION,
            "record",
            None,
            token,
            decision(decided, escalation_id=org.team.id),
            now=NOW,
        )
    # then
    assert twice.value.key == lpsk.value.key == "workflow.guard.addressed_to_the_agency"
    assert to_lpsk.raised_to_id == org.sg.staff.id
    assert await snapshot() == before


async def cross_agency_lpsk_team(org: Org) -> Any:
    """The Administrator's own team made cross-agency, working for LPSK (ORG-2: they lead it)."""
    agency = await make_agency()
    officer = await make_account(agency=agency)
    await TeamMembership.create(
        team=org.admin_team,
        staff=officer.staff,
        role=TeamRole.MEMBER,
        home_agency=agency,
        joined_on=TODAY - DAY,
    )
    org.admin_team.is_cross_agency = True
    await org.admin_team.save()
    return org.admin_team


ESCALATION_READ = """
query Escalation($id: ID!) {
  escalation(id: $id) { problem alternatives recommendation status raisedById teamId }
}
"""


async def test_escalation_read_by_the_owning_agency_token_shows_what_it_decides_rpt_5_ac_2(policies):
    # given: a problem put to the head of the agency owning the performance
    org = await organisation()
    agency = await cross_agency(org, owned_by_agency=True)
    raised = await run(ESCALATION, "raise_to_agency_head", None, await as_(org.lead), problem(org), now=NOW)
    other = await make_agency()
    # when
    own = await execute(ESCALATION_READ, {"id": str(raised.id)}, as_=token_of(agency, SCOPE))
    foreign = await execute(ESCALATION_READ, {"id": str(raised.id)}, as_=token_of(other, SCOPE))
    # then: the agency reads the problem, its alternatives and the recommendation — not LPSK's people
    assert own.errors is None
    assert own.data["escalation"] == {
        "problem": "Jadwal persidangan berubah tanpa pemberitahuan.",
        "alternatives": "Menunda pendampingan; meminta jadwal tetap.",
        "recommendation": "Meminta jadwal tetap dari kejaksaan.",
        "status": "OPEN",
        "raisedById": None,
        "teamId": None,
    }
    # and another agency's token learns nothing of it (AC-12)
    assert error_codes(foreign) == ["NOT_FOUND"]
