"""Decisions of the leaders, without GraphQL: numbered and dated, on reviewed applications, accepting
wholly or partly or rejecting, granting programs with their periods only to those who may have them
(DEC-1, DEC-2, PRG-2 … PRG-4, APP-2) — and every way around refused with nothing changed."""

from __future__ import annotations

import pytest

from models.cases import (
    Application,
    CrimeType,
    Decision,
    DecisionOutcome,
    FamilyMember,
    FamilyRelation,
    ProtecteeRole,
)
from models.programs import ProgramKind, ProgramStatus, ProtectionProgram
from tests.protection.factories import (
    DAY,
    NOW,
    TODAY,
    decide,
    file,
    grants,
    programs_of,
    review,
    reviewed,
    snapshot,
    world,
)
from workflows.applications import APPLICATION
from workflows.applications.inputs import FamilyMemberInput
from workflows.decisions import DECISION, DecideInput, Grant
from workflows.engine import run
from workflows.errors import Forbidden, RuleViolation, ValidationFailed

K = ProgramKind


async def test_decision_decide_numbers_dates_and_moves_the_application_dec_1(policies):
    # given
    w = await world()
    first, second = await reviewed(w), await reviewed(w, nik="3174010101900002")
    # when
    accepted = await decide(w, first)
    rejected = await decide(w, second, DecisionOutcome.REJECTED)
    # then: gap-free numbers of the year, the day, the signing leader; the applications follow
    assert (accepted.number, rejected.number) == ("KEP-0001/1.1/LPSK/2026", "KEP-0002/1.1/LPSK/2026")
    assert (accepted.decided_on, accepted.signed_by_id, accepted.kind) == (
        TODAY,
        w.leader.staff.id,
        "initial",
    )
    assert (await Application.get(id=first.id)).status == "decided_accepted"
    assert (await Application.get(id=second.id)).status == "decided_rejected"
    assert await ProtectionProgram.filter(decision_id=rejected.id).count() == 0


async def test_decision_decide_before_the_review_is_refused_dec_1(policies):
    # given: an application not yet reviewed
    w = await world()
    application = await file(w)
    before = await snapshot()
    # when / then: the way around the review — and the same decision twice
    with pytest.raises(RuleViolation) as refused:
        await decide(w, application, programs=[K.MEDICAL, K.SAFE_HOUSE])
    assert refused.value.rule == "DEC-1"
    assert await snapshot() == before
    done = await reviewed(w, nik="3174010101900002")
    await decide(w, done)
    again = await snapshot()
    with pytest.raises(RuleViolation):
        await decide(w, done)
    assert await snapshot() == again


async def test_decision_decide_by_anyone_but_a_leader_is_forbidden_dec_1(policies):
    # given
    w = await world()
    application = await reviewed(w)
    before = await snapshot()
    # when / then: the review head, the rights head, the Secretary General
    for role in ("review_head", "rights_head", "secretary_general", "reviewer"):
        with pytest.raises(Forbidden):
            await decide(w, application, by=role)
    assert await snapshot() == before


async def test_decision_grants_each_program_with_its_period_dec_2(policies):
    # given
    w = await world()
    application = await reviewed(w)
    # when: one period per program
    decision = await decide(
        w,
        application,
        grants=[
            Grant(program=K.SAFE_HOUSE, starts_on=TODAY, ends_on=TODAY + 90 * DAY),
            Grant(program=K.MEDICAL, starts_on=TODAY + DAY, ends_on=TODAY + 30 * DAY),
        ],
    )
    # then
    programs = await programs_of(decision)
    assert {k: (p.period_start, p.period_end) for k, p in programs.items()} == {
        K.SAFE_HOUSE: (TODAY, TODAY + 90 * DAY),
        K.MEDICAL: (TODAY + DAY, TODAY + 30 * DAY),
    }
    assert {p.status for p in programs.values()} == {ProgramStatus.PENDING_SIGNATURE}
    assert {p.family for p in programs.values()} == {"rights_fulfilment", "assistance"}
    assert all(p.code.startswith("PRG-2026-") for p in programs.values())


async def test_decision_outcome_not_fitting_the_request_is_refused_dec_2(policies):
    # given: medical assistance and a safe house were asked for
    w = await world()
    application = await reviewed(w)
    before = await snapshot()
    # when / then: "wholly" granting one of two, "partly" granting both, a period before the decision
    for outcome, programs, fields in (
        (DecisionOutcome.ACCEPTED, [K.MEDICAL], {}),
        (DecisionOutcome.PARTIALLY_ACCEPTED, [K.MEDICAL, K.SAFE_HOUSE], {}),
        (
            DecisionOutcome.ACCEPTED,
            [K.MEDICAL, K.SAFE_HOUSE],
            {"grants": grants([K.MEDICAL, K.SAFE_HOUSE], TODAY - DAY)},
        ),
    ):
        with pytest.raises(RuleViolation) as refused:
            await decide(w, application, outcome, programs, **fields)
        assert refused.value.rule == "DEC-2"
    with pytest.raises(ValidationFailed):
        DecideInput(
            application_id=application.id, outcome=DecisionOutcome.REJECTED, grants=grants([K.MEDICAL])
        )
    with pytest.raises(ValidationFailed) as twice:
        DecideInput(
            application_id=application.id,
            outcome=DecisionOutcome.ACCEPTED,
            grants=grants([K.MEDICAL, K.SAFE_HOUSE, K.MEDICAL]),
        )
    assert twice.value.field == "input.grants[2].program"
    assert await snapshot() == before


async def test_decision_partly_accepting_grants_some_of_what_was_asked_dec_2(policies):
    # given
    w = await world()
    application = await reviewed(w)
    # when
    decision = await decide(w, application, DecisionOutcome.PARTIALLY_ACCEPTED, [K.MEDICAL])
    # then
    assert list(await programs_of(decision)) == [K.MEDICAL]
    assert (await Application.get(id=application.id)).status == "decided_partially_accepted"


async def test_program_exists_only_by_a_decision_dec_2(policies):
    # then: granting is internal to a decision — no mutation, no policy line, no direct run
    from workflows.programs import PROGRAM

    assert PROGRAM.transitions_for("grant")[0].internal
    w = await world()
    with pytest.raises(ValueError, match="internal"):
        await run(PROGRAM, "grant", None, await w.as_("leader"))
    assert (
        PROGRAM.transitions_for("add")[0].actors
        and "decision" in PROGRAM.transitions_for("add")[0].description
    )


# --- PRG-2, PRG-3, PRG-4: who may have which program ---------------------------------------------


async def test_decision_compensation_for_a_sexual_violence_victim_prg_2(policies):
    # given
    w = await world()
    application = await reviewed(
        w, crime_type=CrimeType.SEXUAL_VIOLENCE, requested_programs=[K.COMPENSATION_FACILITATION]
    )
    # when
    decision = await decide(w, application)
    # then
    assert list(await programs_of(decision)) == [K.COMPENSATION_FACILITATION]


async def test_decision_compensation_outside_its_crimes_or_to_a_witness_is_refused_prg_2(policies):
    # given: a trafficking victim asking for compensation, a witness asking for restitution
    w = await world()
    victim = await reviewed(w, requested_programs=[K.COMPENSATION_FACILITATION])
    witness = await reviewed(
        w, nik="3174010101900002", role=ProtecteeRole.WITNESS, requested_programs=[K.RESTITUTION_FACILITATION]
    )
    before = await snapshot()
    # when / then
    for application in (victim, witness):
        with pytest.raises(RuleViolation) as refused:
            await decide(w, application)
        assert (refused.value.rule, refused.value.field) == ("PRG-2", "grants")
    assert await snapshot() == before


async def test_decision_funeral_costs_and_death_benefit_after_a_terrorism_victims_death_prg_3(policies):
    # given: a terrorism victim who died, and their covered spouse
    w = await world()
    application = await file(
        w,
        crime_type=CrimeType.TERRORISM,
        is_deceased=True,
        deceased_on=TODAY - 5 * DAY,
        requested_programs=[K.FUNERAL_COSTS, K.DEATH_BENEFIT],
    )
    await run(
        APPLICATION,
        "add_family_member",
        application.id,
        await w.as_("reviewer"),
        FamilyMemberInput(relation=FamilyRelation.SPOUSE, degree=1, full_name="Janda Fiktif"),
        now=NOW,
    )
    spouse = await FamilyMember.get(protectee_id=application.applicant_id)
    # when
    decision = await decide(w, await review(w, application), covered_family_member_ids=[spouse.id])
    # then: the benefit is the family's
    programs = await programs_of(decision)
    assert programs[K.DEATH_BENEFIT].family_member_id == spouse.id
    assert programs[K.FUNERAL_COSTS].family_member_id is None
    assert (await FamilyMember.get(id=spouse.id)).covered


async def test_decision_funeral_costs_or_death_benefit_for_the_living_is_refused_prg_3(policies):
    # given: a living victim asking for funeral costs; a dead trafficking victim's family asking the benefit
    w = await world()
    living = await reviewed(w, requested_programs=[K.FUNERAL_COSTS])
    not_terrorism = await reviewed(
        w, nik="3174010101900002", is_deceased=True, requested_programs=[K.DEATH_BENEFIT]
    )
    before = await snapshot()
    # when / then
    for application in (living, not_terrorism):
        with pytest.raises(RuleViolation) as refused:
            await decide(w, application)
        assert refused.value.rule == "PRG-3"
    assert await snapshot() == before


async def test_decision_interpreter_for_who_cannot_speak_indonesian_prg_4(policies):
    # given
    w = await world()
    application = await reviewed(
        w, needs_interpreter=True, language="Bahasa Isyarat Indonesia", requested_programs=[K.INTERPRETER]
    )
    # when
    decision = await decide(w, application)
    # then
    assert list(await programs_of(decision)) == [K.INTERPRETER]


async def test_decision_interpreter_for_an_indonesian_speaker_is_refused_prg_4(policies):
    # given
    w = await world()
    application = await reviewed(w, requested_programs=[K.INTERPRETER])
    before = await snapshot()
    # when / then
    with pytest.raises(RuleViolation) as refused:
        await decide(w, application)
    assert refused.value.rule == "PRG-4"
    assert await snapshot() == before


async def test_decision_covering_someone_elses_family_is_refused_app_2(policies):
    # given: a family member of another applicant
    w = await world()
    other = await file(w, nik="3174010101900002")
    await run(
        APPLICATION,
        "add_family_member",
        other.id,
        await w.as_("reviewer"),
        FamilyMemberInput(relation=FamilyRelation.CHILD, degree=1, full_name="Anak Fiktif"),
        now=NOW,
    )
    stranger = await FamilyMember.get(protectee_id=other.applicant_id)
    application = await reviewed(w)
    before = await snapshot()
    # when / then
    with pytest.raises(RuleViolation) as refused:
        await decide(w, application, covered_family_member_ids=[stranger.id])
    assert (refused.value.rule, refused.value.field) == ("APP-2", "coveredFamilyMemberIds")
    assert await snapshot() == before


async def test_decision_numbers_of_refused_decisions_leave_no_gap_dec_1(policies):
    # given: a refused decision took a number inside its rolled-back transaction
    w = await world()
    application = await reviewed(w, requested_programs=[K.INTERPRETER])
    with pytest.raises(RuleViolation):
        await decide(w, application)
    # when
    decision = await decide(w, application, DecisionOutcome.REJECTED)
    # then
    assert decision.number == "KEP-0001/1.1/LPSK/2026"
    assert await Decision.all().count() == 1
    assert DECISION.name == "decision"
