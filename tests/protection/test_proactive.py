"""Proactive action as a workflow, without GraphQL (PRO-1–4): the path from the reported event to
the outcome — analysis, the application-review leader's approval, a team of at least two officers
each holding an assignment letter, the outcome a–c with its report — the one-day deadline set at
approval, and every way around refused with nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest

from models.assignments import AssignmentLetter, LetterStatus
from models.audit import WorkflowHistory
from models.cases import Application, ApplicationChannel, ApplicationInitiator, CrimeType, ProtecteeRole
from models.proactive_actions import (
    FieldEquipment,
    ProactiveAction,
    ProactiveOutcome,
    ProactiveStatus,
    ProactiveTeamMember,
    ProactiveTeamRole,
    ProactiveTrigger,
)
from models.programs import EmergencyGround, ProgramKind
from tests.protection.test_proactive_factories import (
    DAY,
    NOW,
    approved,
    as_,
    case_with_person,
    executing,
    letter_for,
    organisation,
    reported,
    snapshot,
)
from workflows.emergency import EMERGENCY, RequestInput
from workflows.engine import run
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed
from workflows.letters import LETTER, RevokeInput
from workflows.proactive_actions import PROACTIVE
from workflows.proactive_actions.inputs import (
    AnalyseInput,
    ConcludeInput,
    ConcludeWithApplicationInput,
    FormTeamInput,
    ReasonInput,
)


def outcome(kind=ProactiveOutcome.NO_APPLICATION, **fields):
    values = {"outcome": kind, "report": "Laporan tindakan.", "minutes": "Risalah tindakan."}
    values.update(fields)
    return ConcludeInput(**values)


def team(officers, letters, lead=None, **fields):
    ids = [o.staff.id for o in officers]
    return FormTeamInput(
        officer_ids=ids,
        lead_id=lead or ids[0],
        assignment_letter_ids=[letter.id for letter in letters],
        **fields,
    )


# --- the path -----------------------------------------------------------------------------------


async def test_proactive_action_from_report_to_outcome_a_pro_2(policies):
    # given
    org = await organisation()
    first, second = org.reviewers[0], org.reviewers[1]
    # when: reported, analysed, approved, the team formed with letters, set out, concluded (a)
    action = await reported(org, crime_type=CrimeType.TRAFFICKING, event_region="Kota Fiktif")
    analysis = AnalyseInput(
        analysis="Dua korban berpotensi diancam.", activity_plan="Penjangkauan.", budget="2500000.5"
    )
    await run(PROACTIVE, "analyse", action.id, await as_(org.reviewers[2]), analysis, now=NOW - DAY)
    await run(PROACTIVE, "approve", action.id, await as_(org.review_leaders[0]), now=NOW)
    letters = [await letter_for(org, first), await letter_for(org, second)]
    given = team(
        [first, second],
        letters,
        lead=second.staff.id,
        equipment=[FieldEquipment.VEHICLE, FieldEquipment.CAMERA],
    )
    await run(PROACTIVE, "form_team", action.id, await as_(org.review_head), given, now=NOW)
    await run(PROACTIVE, "start", action.id, await as_(first), now=NOW)
    done = await run(
        PROACTIVE, "conclude", action.id, await as_(second), outcome(service_record="-"), now=NOW + DAY / 2
    )
    # then
    stored = await ProactiveAction.get(id=action.id)
    assert done.status == stored.status == ProactiveStatus.CONCLUDED
    assert stored.code == "TP-2026-0001" and stored.reported_by_id == first.staff.id
    assert str(stored.budget) == "2500000.50" and stored.analysed_by_id == org.reviewers[2].staff.id
    assert stored.approved_by_id == org.review_leaders[0].staff.id and stored.approved_at == NOW
    assert stored.deadline_at == NOW + DAY  # PRO-3: one calendar day after the approval
    assert stored.outcome == ProactiveOutcome.NO_APPLICATION and stored.outcome_at == NOW + DAY / 2
    assert (stored.report, stored.minutes) == ("Laporan tindakan.", "Risalah tindakan.")
    assert stored.equipment == ["vehicle", "camera"]
    members = {
        (m.staff_id, m.role, m.assignment_letter_id)
        for m in await ProactiveTeamMember.filter(action_id=action.id)
    }
    assert members == {
        (first.staff.id, ProactiveTeamRole.MEMBER, letters[0].id),
        (second.staff.id, ProactiveTeamRole.LEAD, letters[1].id),
    }
    history = await WorkflowHistory.filter(subject_id=action.id).order_by("occurred_at", "created_at")
    assert [h.to_state for h in history] == [
        "reported",
        "analysed",
        "approved",
        "team_formed",
        "executing",
        "concluded",
    ]


# --- PRO-1: triggers ----------------------------------------------------------------------------


async def test_proactive_action_report_right_after_terrorism_is_a_terrorism_case_pro_1(policies):
    # given
    org = await organisation()
    # when: the trigger "right after a suspected act of terrorism", without a crime type
    action = await reported(org, trigger=ProactiveTrigger.TERRORISM)
    # then
    assert action.crime_type == CrimeType.TERRORISM and action.status == ProactiveStatus.REPORTED


async def test_proactive_action_report_terrorism_trigger_for_another_crime_is_refused_pro_1(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when: the way around — the terrorism trigger on a crime that is not terrorism, an event yet to come
    for fields, field in (
        ({"trigger": ProactiveTrigger.TERRORISM, "crime_type": CrimeType.NARCOTICS}, "crimeType"),
        ({"event_at": NOW + DAY}, "eventAt"),
    ):
        with pytest.raises(RuleViolation) as refused:
            await reported(org, **fields)
        # then
        assert (refused.value.rule, refused.value.field) == ("PRO-1", field)
    assert await snapshot() == before


async def test_proactive_action_report_by_an_expert_is_forbidden_pro_1(policies):
    # given: experts advise; they do not act (AC-9)
    from models.organisation import Position
    from tests.approvals.factories import make_account

    org = await organisation()
    expert = await make_account(position=Position.EXPERT)
    # when / then
    with pytest.raises(Forbidden):
        await reported(org, by=expert)


# --- PRO-2: the approval --------------------------------------------------------------------------


async def test_proactive_action_approve_by_leader_without_review_portfolio_is_refused_pro_2(policies):
    # given: an analysed action
    org = await organisation()
    action = await reported(org)
    await run(PROACTIVE, "analyse", action.id, await as_(org.reviewers[1]), AnalyseInput("Analisa."), now=NOW)
    before = await snapshot()
    # when: the way around — a leader who is not responsible for application review (AC-6)
    with pytest.raises(Forbidden):
        await run(PROACTIVE, "approve", action.id, await as_(org.leaders[0]), now=NOW)
    # then
    assert await snapshot() == before


async def test_proactive_action_approve_by_the_leader_who_reported_it_is_refused_pro_2(policies):
    # given: a review leader reported it on the leaders' consideration (PRO-1)
    org = await organisation()
    action = await reported(org, by=org.review_leaders[0], trigger=ProactiveTrigger.LEADERS_CONSIDERATION)
    await run(PROACTIVE, "analyse", action.id, await as_(org.reviewers[1]), AnalyseInput("Analisa."), now=NOW)
    before = await snapshot()
    # when: the way around — approving one's own proposal (AC-7)
    with pytest.raises(RuleViolation) as refused:
        await run(PROACTIVE, "approve", action.id, await as_(org.review_leaders[0]), now=NOW)
    # then: refused; the other review leader may
    assert refused.value.key == "approvals.own_request" and refused.value.rule == "PRO-2"
    assert await snapshot() == before
    done = await run(PROACTIVE, "approve", action.id, await as_(org.review_leaders[1]), now=NOW)
    assert done.status == ProactiveStatus.APPROVED


async def test_proactive_action_approve_before_the_analysis_is_refused_pro_2(policies):
    org = await organisation()
    action = await reported(org)
    with pytest.raises(RuleViolation) as refused:
        await run(PROACTIVE, "approve", action.id, await as_(org.review_leaders[0]), now=NOW)
    assert refused.value.key == "workflow.wrong_state"


async def test_proactive_action_reject_with_reason_pro_2(policies):
    org = await organisation()
    action = await reported(org)
    await run(PROACTIVE, "analyse", action.id, await as_(org.reviewers[1]), AnalyseInput("Analisa."), now=NOW)
    done = await run(
        PROACTIVE,
        "reject",
        action.id,
        await as_(org.review_leaders[0]),
        ReasonInput("Di luar kewenangan."),
        now=NOW,
    )
    assert done.status == ProactiveStatus.REJECTED and done.rejection_reason == "Di luar kewenangan."


async def test_proactive_action_analyse_budget_is_money_not_float_pro_2():
    for text in ("abc", "-1", "1.005", "NaN"):
        with pytest.raises(ValidationFailed) as refused:
            AnalyseInput(analysis="Analisa.", budget=text)
        assert refused.value.field == "budget"


# --- PRO-2, PRO-4: the team -----------------------------------------------------------------------


async def test_proactive_action_form_team_with_a_team_letter_pro_4(policies):
    # given: one team letter naming three officers
    org = await organisation()
    action = await approved(org)
    letter = await letter_for(org, *org.reviewers, team=True)
    # when
    await run(
        PROACTIVE, "form_team", action.id, await as_(org.review_head), team(org.reviewers, [letter]), now=NOW
    )
    # then
    held = await ProactiveTeamMember.filter(action_id=action.id).values_list(
        "assignment_letter_id", flat=True
    )
    assert held == [letter.id] * 3


async def test_proactive_action_form_team_of_one_officer_is_refused_pro_2(policies):
    # given
    org = await organisation()
    action = await approved(org)
    letter = await letter_for(org, org.reviewers[0])
    before = await snapshot()
    # when: the way around — a team of one (the same officer twice)
    given = FormTeamInput(
        officer_ids=[org.reviewers[0].staff.id] * 2,
        lead_id=org.reviewers[0].staff.id,
        assignment_letter_ids=[letter.id],
    )
    with pytest.raises(RuleViolation) as refused:
        await run(PROACTIVE, "form_team", action.id, await as_(org.review_head), given, now=NOW)
    # then
    assert (refused.value.rule, refused.value.field) == ("PRO-2", "officerIds")
    assert await snapshot() == before


async def test_proactive_action_form_team_officer_without_a_letter_is_refused_pro_4(policies):
    # given: the second officer has no letter, then a revoked one
    org = await organisation()
    action = await approved(org)
    first, second = org.reviewers[0], org.reviewers[1]
    held = await letter_for(org, first)
    revoked = await letter_for(org, second)
    await run(LETTER, "revoke", revoked.id, await as_(org.review_head), RevokeInput("Dibatalkan."), now=NOW)
    head = await as_(org.review_head)
    before = await snapshot()
    # when: the way around — an officer not assigned by a superior's current letter (SP B.7)
    for letters in ([held], [held, revoked]):
        with pytest.raises(RuleViolation) as refused:
            await run(PROACTIVE, "form_team", action.id, head, team([first, second], letters), now=NOW)
        # then
        assert (refused.value.rule, refused.value.field) == ("PRO-4", "assignmentLetterIds")
    assert (await AssignmentLetter.get(id=revoked.id)).status == LetterStatus.REVOKED
    assert await snapshot() == before


async def test_proactive_action_form_team_with_an_outside_officer_is_refused_pro_4(policies):
    # given: an expert named on the team
    from models.organisation import Position
    from tests.approvals.factories import make_account

    org = await organisation()
    action = await approved(org)
    expert = await make_account(position=Position.EXPERT)
    letters = [await letter_for(org, org.reviewers[0])]
    # when / then
    with pytest.raises(RuleViolation) as refused:
        await run(
            PROACTIVE,
            "form_team",
            action.id,
            await as_(org.review_head),
            team([org.reviewers[0], expert], letters),
            now=NOW,
        )
    assert refused.value.rule == "PRO-4"


async def test_proactive_action_form_team_by_someone_else_is_forbidden_pro_2(policies):
    org = await organisation()
    action = await approved(org)
    letters = [await letter_for(org, o) for o in org.reviewers[:2]]
    for someone in (org.reviewers[2], org.rights_head):
        with pytest.raises(Forbidden):
            await run(
                PROACTIVE,
                "form_team",
                action.id,
                await as_(someone),
                team(org.reviewers[:2], letters),
                now=NOW,
            )


# --- PRO-2: outcomes ------------------------------------------------------------------------------


async def test_proactive_action_conclude_by_someone_off_the_team_is_forbidden_pro_2(policies):
    org = await organisation()
    action = await executing(org)
    before = await snapshot()
    with pytest.raises(Forbidden):
        await run(PROACTIVE, "conclude", action.id, await as_(org.reviewers[2]), outcome(), now=NOW)
    assert await snapshot() == before


async def test_proactive_action_conclude_with_application_files_it_pro_2(policies):
    # given
    org = await organisation()
    action = await executing(org, crime_type=CrimeType.TRAFFICKING)
    given = ConcludeWithApplicationInput(
        report="Laporan.",
        minutes="Risalah.",
        role=ProtecteeRole.VICTIM,
        full_name="Korban Fiktif",
        initiator=ApplicationInitiator.SELF,
        requested_programs=[ProgramKind.MEDICAL],
    )
    # when: outcome (b)
    done = await run(
        PROACTIVE, "conclude_with_application", action.id, await as_(org.reviewers[0]), given, now=NOW
    )
    # then: received by the applications workflow, with channel proactive, on a new case the action now has
    application = await Application.get(proactive_action_id=action.id)
    assert application.channel == ApplicationChannel.PROACTIVE
    assert done.outcome == ProactiveOutcome.APPLICATION_FILED and done.application_id == application.id
    assert (await ProactiveAction.get(id=action.id)).case_id == application.case_id is not None
    assert await WorkflowHistory.filter(subject_id=application.id, action="file_proactive").exists()


async def test_proactive_action_conclude_outcome_b_through_conclude_is_invalid_pro_2():
    with pytest.raises(ValidationFailed) as refused:
        outcome(ProactiveOutcome.APPLICATION_FILED)
    assert refused.value.field == "outcome"
    with pytest.raises(ValidationFailed) as refused:
        outcome(ProactiveOutcome.EMERGENCY_PROTECTION)
    assert refused.value.field == "emergencyProtectionId"


async def _emergency(org, action, requester, grant=True):
    _, person = await case_with_person(org, requester)
    given = RequestInput(protectee_id=person.id, ground=EmergencyGround.LIFE_AT_RISK, situation="Terancam.")
    record = await run(EMERGENCY, "request", None, await as_(requester), given, now=NOW)
    if grant:
        for account in org.leaders:
            record = await run(EMERGENCY, "approve", record.id, await as_(account), now=NOW)
    return record


async def test_proactive_action_conclude_with_emergency_protection_given_pro_2(policies):
    # given: the team's officer asked for emergency protection, and two leaders granted it (EMG-1)
    org = await organisation()
    action = await executing(org)
    emergency = await _emergency(org, action, org.reviewers[0])
    # when: outcome (c)
    given = outcome(ProactiveOutcome.EMERGENCY_PROTECTION, emergency_protection_id=emergency.id)
    done = await run(PROACTIVE, "conclude", action.id, await as_(org.reviewers[1]), given, now=NOW)
    # then
    assert done.emergency_protection_id == emergency.id and done.case_id == emergency.case_id


async def test_proactive_action_conclude_with_emergency_not_granted_is_refused_pro_2(policies):
    # given: asked for, but only requested; and one granted, asked for by someone off the team on another case
    org = await organisation()
    action = await executing(org)
    waiting = await _emergency(org, action, org.reviewers[0], grant=False)
    elsewhere = await _emergency(org, action, org.rights_officer)
    member = await as_(org.reviewers[1])
    before = await snapshot()
    # when: the way around EMG-1 — claiming emergency protection that was not given by this action
    for emergency in (waiting, elsewhere):
        given = outcome(ProactiveOutcome.EMERGENCY_PROTECTION, emergency_protection_id=emergency.id)
        with pytest.raises(RuleViolation) as refused:
            await run(PROACTIVE, "conclude", action.id, member, given, now=NOW)
        # then
        assert (refused.value.rule, refused.value.field) == ("PRO-2", "emergencyProtectionId")
    with pytest.raises(NotFound):
        await run(
            PROACTIVE,
            "conclude",
            action.id,
            member,
            outcome(ProactiveOutcome.EMERGENCY_PROTECTION, emergency_protection_id=action.id),
            now=NOW,
        )
    assert await snapshot() == before


async def test_proactive_action_conclude_after_the_deadline_is_recorded_late_pro_3(policies):
    # given: approved at NOW, concluded two days later
    org = await organisation()
    action = await executing(org)
    # when: the deadline is shown, not a wall — the outcome is still recorded
    done = await run(
        PROACTIVE, "conclude", action.id, await as_(org.reviewers[0]), outcome(), now=NOW + 2 * DAY
    )
    # then: its time tells the breach
    assert done.outcome_at - done.deadline_at == dt.timedelta(days=1)
