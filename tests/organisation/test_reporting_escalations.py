"""Escalations (RPT-5) and coordination notes (RPT-6) at the workflow level, no GraphQL — each rule
enforced, and each way around it (a member raising, the lead or an expert deciding, a head not
raised with, an unlinked expert) refused with nothing changed; experts comment, never decide (AC-9)."""

from __future__ import annotations

import pytest

from models.organisation import Position
from models.performance import CoordinationStage, EscalationStatus
from tests.approvals.factories import make_account
from tests.organisation.test_reporting_factories import NOW, Org, as_, organisation, snapshot, step, submitted
from workflows.engine import run
from workflows.errors import Forbidden, RuleViolation
from workflows.reporting import COORDINATION_NOTE, ESCALATION
from workflows.reporting.inputs import RaiseEscalationInput, RecordCoordinationInput, ResolveEscalationInput

# --- RPT-5: escalations with alternatives and a recommendation -------------------------------------


def problem(org: Org, **fields) -> RaiseEscalationInput:
    values = {
        "team_id": org.team.id,
        "problem": "Berkas kepolisian belum lengkap.",
        "alternatives": "Meminta berkas langsung; menunda telaah.",
        "recommendation": "Meminta berkas melalui Biro Hukum.",
    }
    values.update(fields)
    return RaiseEscalationInput(**values)


async def test_escalation_raise_then_resolve_by_the_owning_unit_head_rpt_5(policies):
    # given
    org = await organisation()
    # when
    raised = await run(ESCALATION, "raise", None, await as_(org.lead), problem(org), now=NOW)
    resolved = await run(
        ESCALATION,
        "resolve",
        raised.id,
        await as_(org.head),
        ResolveEscalationInput(resolution="Berkas diminta melalui Biro Hukum."),
        now=NOW,
    )
    # then
    assert (raised.raised_by_id, raised.raised_to_id) == (org.lead.staff.id, org.head.staff.id)
    assert (resolved.status, resolved.resolved_at) == (EscalationStatus.RESOLVED, NOW)
    assert resolved.resolution == "Berkas diminta melalui Biro Hukum."


async def test_escalation_raise_with_a_members_own_unit_head_in_a_cross_unit_team_rpt_5(policies):
    # given
    org = await organisation()
    # when
    raised = await run(
        ESCALATION, "raise", None, await as_(org.lead), problem(org, member_id=org.outsider.staff.id), now=NOW
    )
    resolved = await run(
        ESCALATION,
        "resolve",
        raised.id,
        await as_(org.other_head),
        ResolveEscalationInput(resolution="Anggota dibebaskan dari tugas lain dua hari per minggu."),
        now=NOW,
    )
    # then
    assert raised.raised_to_id == org.other_head.staff.id
    assert resolved.status == EscalationStatus.RESOLVED


async def test_escalation_raise_without_alternatives_by_a_member_or_via_own_unit_is_refused_rpt_5(policies):
    # given
    org = await organisation()
    lead = await as_(org.lead)
    before = await snapshot()
    # when: no alternatives; a member's "own unit head" who is the owning head; a member raising it
    with pytest.raises(RuleViolation) as bare:
        await run(ESCALATION, "raise", None, lead, problem(org, alternatives=" "), now=NOW)
    with pytest.raises(RuleViolation) as same_unit:
        await run(ESCALATION, "raise", None, lead, problem(org, member_id=org.member.staff.id), now=NOW)
    with pytest.raises(Forbidden):
        await run(ESCALATION, "raise", None, await as_(org.member), problem(org), now=NOW)
    # then
    assert (bare.value.key, bare.value.rule) == ("workflow.guard.alternatives_and_recommendation", "RPT-5")
    assert same_unit.value.key == "workflow.guard.member_from_another_unit"
    assert await snapshot() == before


async def test_escalation_resolve_by_the_lead_an_expert_or_another_head_is_refused_rpt_5_ac_9(policies):
    # given
    org = await organisation()
    raised = await run(ESCALATION, "raise", None, await as_(org.lead), problem(org), now=NOW)
    decision = ResolveEscalationInput(resolution="Diputuskan sendiri.")
    before = await snapshot()
    # when: the lead, the expert in technical control (AC-9), the Secretary General (not raised with)
    for someone in (org.lead, org.expert, org.sg):
        with pytest.raises(Forbidden):
            await run(ESCALATION, "resolve", raised.id, await as_(someone), decision, now=NOW)
    # then
    assert await snapshot() == before


async def test_escalation_raise_by_an_administrator_leading_their_team_goes_to_the_secretary_general_org_2(
    policies,
):
    # given: the Administrator leads their own team (ORG-2)
    org = await organisation()
    # when
    raised = await run(
        ESCALATION,
        "raise",
        None,
        await as_(org.administrator),
        problem(org, team_id=org.admin_team.id),
        now=NOW,
    )
    resolved = await run(
        ESCALATION,
        "resolve",
        raised.id,
        await as_(org.sg),
        ResolveEscalationInput(resolution="Tambahan auditor dari Biro Umum."),
        now=NOW,
    )
    # then
    assert raised.raised_to_id == org.sg.staff.id and resolved.status == EscalationStatus.RESOLVED


# --- RPT-6: coordination notes; experts comment, never decide (AC-9) -------------------------------


def coordination(org: Org, **fields) -> RecordCoordinationInput:
    values = {
        "team_id": org.team.id,
        "stage": CoordinationStage.PLANNING,
        "note": "Arahan teknis penelaahan disepakati.",
        "with_staff_id": org.expert.staff.id,
    }
    values.update(fields)
    return RecordCoordinationInput(**values)


async def test_coordination_note_record_by_the_lead_and_the_linked_expert_rpt_6_ac_9(policies):
    # given
    org = await organisation()
    # when
    by_lead = await run(COORDINATION_NOTE, "record", None, await as_(org.lead), coordination(org), now=NOW)
    by_expert = await run(
        COORDINATION_NOTE,
        "record",
        None,
        await as_(org.expert),
        coordination(org, stage=CoordinationStage.EXECUTION, with_staff_id=org.lead.staff.id),
        now=NOW,
    )
    # then
    assert (by_lead.author_id, by_lead.status) == (org.lead.staff.id, "recorded")
    assert (by_expert.author_id, by_expert.stage) == (org.expert.staff.id, CoordinationStage.EXECUTION)


async def test_coordination_note_without_counterpart_or_by_unlinked_people_is_refused_rpt_6(policies):
    # given: an expert not linked to the team, a staff member not on it
    org = await organisation()
    stranger = await make_account(position=Position.EXPERT)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as nobody:
        await run(
            COORDINATION_NOTE,
            "record",
            None,
            await as_(org.lead),
            coordination(org, with_staff_id=None),
            now=NOW,
        )
    with pytest.raises(RuleViolation) as itself:
        await run(
            COORDINATION_NOTE,
            "record",
            None,
            await as_(org.lead),
            coordination(org, with_team_id=org.team.id),
            now=NOW,
        )
    for someone in (stranger, org.loner):
        with pytest.raises(Forbidden):
            await run(COORDINATION_NOTE, "record", None, await as_(someone), coordination(org), now=NOW)
    # then
    assert (nobody.value.key, nobody.value.rule) == ("workflow.guard.names_the_counterpart", "RPT-6")
    assert itself.value.key == "workflow.guard.another_team"
    assert await snapshot() == before


async def test_work_report_forward_or_receive_by_an_expert_is_refused_ac_9(policies):
    # given: reports waiting at each step; the expert in technical control of the team
    org = await organisation()
    member_report = await submitted(org.member, team_id=org.team.id)
    individual = await submitted(org.loner)
    before = await snapshot()
    # when
    for action, report in (("receive", member_report), ("forward", individual), ("receive", individual)):
        with pytest.raises(Forbidden):
            await step(action, report, org.expert)
    # then
    assert await snapshot() == before
