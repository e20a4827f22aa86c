"""Protection programs while they run, without GraphQL: every kind of PRG-1, checklists (PRG-9),
appointments by the chair and the Secretary General (PRG-4, PRG-5), medical evidence (PRG-6),
licensed psychological providers (PRG-7), extra police for accompaniment (PRG-10) — and every way
around refused with nothing changed."""

from __future__ import annotations

import pytest

from models.documents import Document, DocumentKind
from models.programs import (
    PHYSICAL_KINDS,
    PROGRAM_CHECKLIST,
    PROGRAM_FAMILY,
    PROGRAM_GROUP,
    ChecklistItemKind,
    InterpreterKind,
    MedicalMechanism,
    ProgramChecklistItem,
    ProgramKind,
    ProgramStatus,
    ProtectionProgram,
    PsychologicalProviderKind,
)
from tests.protection.factories import (
    DAY,
    NOW,
    TODAY,
    World,
    accepted,
    programs_of,
    sign,
    snapshot,
    world,
)
from workflows.documents.content import PROGRAM_NAMES
from workflows.engine import run
from workflows.errors import Forbidden, RuleViolation, ValidationFailed
from workflows.programs import PROGRAM
from workflows.programs.eligibility import covering_document
from workflows.programs.inputs import (
    AdvocateInput,
    ChecklistInput,
    InterpreterInput,
    MedicalBasisInput,
    PoliceSupportInput,
    PsychologicalProviderInput,
)

K, C = ProgramKind, ChecklistItemKind


async def granted(w: World, kind: ProgramKind, **fields) -> ProtectionProgram:
    decision = await accepted(w, programs=[kind], **fields)
    return (await programs_of(decision))[kind]


async def signed(w: World, program: ProtectionProgram) -> ProtectionProgram:
    """ADM-4/5: its document signed by every party."""
    doc_id = program.agreement_id or program.willingness_statement_id
    await sign(w, await Document.get(id=doc_id))
    return await ProtectionProgram.get(id=program.id)


async def step(w: World, action: str, program: ProtectionProgram, given=None, *, by: str = "rights_officer"):
    return await run(PROGRAM, action, program.id, await w.as_(by), given, now=NOW)


# --- PRG-1 -------------------------------------------------------------------------------------


def test_every_kind_of_prg_1_has_its_family_group_name_and_document_prg_1():
    # then: the two families, the groups of Pasal 4–14, a name for the letters, agreement or statement
    assert set(PROGRAM_GROUP) == set(ProgramKind) == set(PROGRAM_FAMILY) == set(PROGRAM_NAMES)
    assert {PROGRAM_FAMILY[k] for k in ProgramKind} == {"rights_fulfilment", "assistance"}
    assert {k for k in ProgramKind if covering_document(k) == "agreement"} == PHYSICAL_KINDS
    assert len(ProgramKind) == 40  # 30 rights-fulfilment kinds (Pasal 5–11), 10 of assistance (12–14)


async def test_every_kind_can_be_granted_and_gets_its_checklist_prg_1_prg_9(policies):
    # given: a trafficking victim per kind (the kinds with conditions are tested with theirs)
    w = await world()
    conditional = (K.COMPENSATION_FACILITATION, K.FUNERAL_COSTS, K.DEATH_BENEFIT, K.INTERPRETER)
    for number, kind in enumerate(k for k in ProgramKind if k not in conditional):
        # when
        program = await granted(w, kind, nik=f"31740101019{number:05d}")
        # then
        assert (program.kind, program.family) == (kind, PROGRAM_FAMILY[kind])
        items = await ProgramChecklistItem.filter(program_id=program.id).values_list("item", flat=True)
        assert sorted(items) == sorted(PROGRAM_CHECKLIST.get(kind, ())), kind


# --- PRG-9: checklists -----------------------------------------------------------------------


async def test_physical_program_starts_once_prepared_prg_9(policies):
    # given: a signed safe-house agreement, preparation open
    w = await world()
    program = await signed(w, await granted(w, K.SAFE_HOUSE))
    assert program.status == ProgramStatus.PENDING_SIGNATURE
    # when: three steps done, threat analysis not needed here (Pasal 22 "dan/atau"), then started
    for item in (C.NEEDS_IDENTIFICATION, C.LOCAL_COORDINATION, C.DOCUMENT_PREPARATION):
        await step(w, "complete_checklist_item", program, ChecklistInput(item, note="Selesai."))
    await step(
        w,
        "complete_checklist_item",
        program,
        ChecklistInput(C.THREAT_ANALYSIS, waived=True, note="Sudah oleh Polda."),
    )
    started = await step(w, "activate", program)
    # then
    assert started.status == ProgramStatus.ACTIVE
    waived = await ProgramChecklistItem.get(program_id=program.id, item=C.THREAT_ANALYSIS)
    assert (waived.done, waived.waived, waived.note, waived.done_by_id) == (
        False,
        True,
        "Sudah oleh Polda.",
        w.rights_officer.staff.id,
    )


async def test_physical_program_started_before_preparation_is_refused_prg_9(policies):
    # given: signed, one preparation step still open
    w = await world()
    program = await signed(w, await granted(w, K.CLOSE_PROTECTION))
    for item in (C.NEEDS_IDENTIFICATION, C.THREAT_ANALYSIS, C.LOCAL_COORDINATION):
        await step(w, "complete_checklist_item", program, ChecklistInput(item))
    before = await snapshot()
    # when / then
    with pytest.raises(RuleViolation) as refused:
        await step(w, "activate", program)
    assert refused.value.rule == "PRG-9"
    # a step done twice, a step the kind does not have, a waiver without a reason
    for given in (ChecklistInput(C.NEEDS_IDENTIFICATION), ChecklistInput(C.COURT_PETITION)):
        with pytest.raises(RuleViolation) as again:
            await step(w, "complete_checklist_item", program, given)
        assert (again.value.rule, again.value.field) == ("PRG-9", "item")
    with pytest.raises(ValidationFailed):
        ChecklistInput(C.DOCUMENT_PREPARATION, waived=True)
    assert await snapshot() == before


async def test_new_identity_goes_through_its_stages_in_order_prg_9(policies):
    # given
    w = await world()
    program = await granted(w, K.NEW_IDENTITY)
    # when: the petition to the civil registry (the court's not needed), coordination, accompaniment
    await step(w, "complete_checklist_item", program, ChecklistInput(C.CIVIL_REGISTRY_PETITION))
    await step(
        w, "complete_checklist_item", program, ChecklistInput(C.COURT_PETITION, waived=True, note="Dukcapil.")
    )
    await step(w, "complete_checklist_item", program, ChecklistInput(C.COORDINATION))
    await step(w, "complete_checklist_item", program, ChecklistInput(C.ACCOMPANIMENT))
    # then
    done = await ProgramChecklistItem.filter(program_id=program.id, done=True).values_list("item", flat=True)
    assert sorted(done) == ["accompaniment", "civil_registry_petition", "coordination"]


async def test_new_identity_stage_skipped_or_waived_is_refused_prg_9(policies):
    # given
    w = await world()
    program = await granted(w, K.NEW_IDENTITY)
    before = await snapshot()
    # when / then: accompaniment before any petition; a petition waived before the other is done;
    # a stage of Pasal 23 waived
    for given, field in (
        (ChecklistInput(C.ACCOMPANIMENT), "item"),
        (ChecklistInput(C.COURT_PETITION, waived=True, note="x"), "item"),
        (ChecklistInput(C.COORDINATION, waived=True, note="x"), "waived"),
    ):
        with pytest.raises(RuleViolation) as refused:
            await step(w, "complete_checklist_item", program, given)
        assert (refused.value.rule, refused.value.field) == ("PRG-9", field)
    assert await snapshot() == before


# --- PRG-4, PRG-5: appointments -----------------------------------------------------------------


async def test_interpreter_appointed_by_the_chairs_decision_prg_4(policies):
    # given
    w = await world()
    program = await granted(w, K.INTERPRETER, needs_interpreter=True, language="Bahasa Isyarat Indonesia")
    # when
    done = await step(
        w,
        "appoint_interpreter",
        program,
        InterpreterInput("Juru Bahasa Isyarat Fiktif", InterpreterKind.VERBAL_NONVERBAL, TODAY + 60 * DAY),
        by="chair",
    )
    # then: a numbered decision of the chair, the term; the checklist's appointment step done
    assert done.appointment_number == "KEP-0001/KET/LPSK/2026"
    assert (done.appointed_by_id, done.appointment_until, done.interpreter_kind) == (
        w.chair.staff.id,
        TODAY + 60 * DAY,
        "verbal_nonverbal",
    )
    item = await ProgramChecklistItem.get(program_id=program.id, item=C.APPOINTMENT_DECISION)
    assert item.done


async def test_interpreter_appointed_by_another_leader_or_past_the_program_is_refused_prg_4(policies):
    # given
    w = await world()
    program = await granted(w, K.INTERPRETER, needs_interpreter=True)
    given = InterpreterInput("Juru Bahasa Fiktif", InterpreterKind.VERBAL_BETWEEN_LANGUAGES, TODAY + 30 * DAY)
    before = await snapshot()
    # when / then: a vice-chair, the Secretary General
    for role in ("leader", "secretary_general", "rights_head"):
        with pytest.raises(Forbidden):
            await step(w, "appoint_interpreter", program, given, by=role)
    # a term beyond what the decision granted
    late = InterpreterInput("Juru Bahasa Fiktif", InterpreterKind.VERBAL_BETWEEN_LANGUAGES, TODAY + 400 * DAY)
    with pytest.raises(RuleViolation) as refused:
        await step(w, "appoint_interpreter", program, late, by="chair")
    assert (refused.value.rule, refused.value.field) == ("PRG-4", "termUntil")
    # ticking "appointed" by hand
    with pytest.raises(RuleViolation) as by_hand:
        await step(w, "complete_checklist_item", program, ChecklistInput(C.APPOINTMENT_DECISION))
    assert by_hand.value.rule == "PRG-4"
    assert await snapshot() == before


async def test_advocate_appointed_by_the_secretary_generals_decision_prg_5(policies):
    # given
    w = await world()
    program = await granted(w, K.LEGAL_AID_ADVOCATE)
    # when
    done = await step(
        w, "appoint_advocate", program, AdvocateInput("Advokat Fiktif, S.H."), by="secretary_general"
    )
    # then
    assert (done.appointment_number, done.appointed_by_id, done.provider_name) == (
        "KEP-0001/SJ/LPSK/2026",
        w.secretary_general.staff.id,
        "Advokat Fiktif, S.H.",
    )


async def test_advocate_appointed_by_a_leader_or_on_another_program_is_refused_prg_5(policies):
    # given
    w = await world()
    program = await granted(w, K.LEGAL_AID_ADVOCATE)
    other = await granted(w, K.LEGAL_ADVICE, nik="3174010101900002")
    before = await snapshot()
    # when / then
    for role in ("chair", "leader", "rights_head"):
        with pytest.raises(Forbidden):
            await step(w, "appoint_advocate", program, AdvocateInput("Advokat Fiktif"), by=role)
    with pytest.raises(RuleViolation) as refused:
        await step(w, "appoint_advocate", other, AdvocateInput("Advokat Fiktif"), by="secretary_general")
    assert refused.value.key == "workflow.not_applicable"
    assert await snapshot() == before


# --- PRG-6: medical assistance ------------------------------------------------------------------


async def test_medical_assistance_given_on_evidence_through_a_referred_hospital_prg_6(policies):
    # given: signed statement, no basis yet
    w = await world()
    program = await signed(w, await granted(w, K.MEDICAL))
    assert program.status == ProgramStatus.PENDING_SIGNATURE
    # when
    await step(
        w,
        "record_medical_basis",
        program,
        MedicalBasisInput(
            MedicalMechanism.REFERRED_PROVIDER_GUARANTEED, "lampiran/keterangan-dokter.pdf", w.hospital.id
        ),
    )
    started = await step(w, "activate", program)
    # then
    assert started.status == ProgramStatus.ACTIVE
    assert (started.medical_evidence_ref, started.provider_agency_id) == (
        "lampiran/keterangan-dokter.pdf",
        w.hospital.id,
    )


async def test_medical_assistance_without_evidence_or_a_hospital_is_refused_prg_6(policies):
    # given
    w = await world()
    program = await signed(w, await granted(w, K.MEDICAL))
    before = await snapshot()
    # when / then: started without its basis; referred to the police instead of a hospital; no evidence
    with pytest.raises(RuleViolation) as refused:
        await step(w, "activate", program)
    assert refused.value.rule == "PRG-6"
    with pytest.raises(RuleViolation) as not_a_hospital:
        await step(
            w,
            "record_medical_basis",
            program,
            MedicalBasisInput(MedicalMechanism.REFERRED_PROVIDER_GUARANTEED, "lampiran/x.pdf", w.police.id),
        )
    assert (not_a_hospital.value.rule, not_a_hospital.value.field) == ("PRG-6", "providerAgencyId")
    with pytest.raises(ValidationFailed):
        MedicalBasisInput(MedicalMechanism.STATE_HEALTH_INSURANCE, " ")
    assert await snapshot() == before


# --- PRG-7: psychological rehabilitation -----------------------------------------------------------


async def test_psychological_rehabilitation_by_a_licensed_psychologist_prg_7(policies):
    # given
    w = await world()
    program = await signed(w, await granted(w, K.PSYCHOLOGICAL_REHABILITATION))
    # when
    await step(
        w,
        "record_psychological_provider",
        program,
        PsychologicalProviderInput(
            PsychologicalProviderKind.LICENSED_PSYCHOLOGIST, "Psikolog Fiktif", "SIPP-0101"
        ),
    )
    started = await step(w, "activate", program)
    # then
    assert (started.status, started.provider_licence_number) == (ProgramStatus.ACTIVE, "SIPP-0101")


async def test_psychological_rehabilitation_unlicensed_or_fallback_without_cause_is_refused_prg_7(policies):
    # given
    w = await world()
    program = await signed(w, await granted(w, K.PSYCHOLOGICAL_REHABILITATION))
    before = await snapshot()
    # when / then: started without a provider; a psychologist without licence; online without cause
    with pytest.raises(RuleViolation) as refused:
        await step(w, "activate", program)
    assert refused.value.rule == "PRG-7"
    for given, field in (
        (
            PsychologicalProviderInput(PsychologicalProviderKind.LICENSED_PSYCHOLOGIST, "Psikolog Fiktif"),
            "licenceNumber",
        ),
        (
            PsychologicalProviderInput(PsychologicalProviderKind.ONLINE_PSYCHOLOGIST, "Daring", "SIPP-1"),
            "noLocalProviderNote",
        ),
    ):
        with pytest.raises(RuleViolation) as bad:
            await step(w, "record_psychological_provider", program, given)
        assert (bad.value.rule, bad.value.field) == ("PRG-7", field)
    assert await snapshot() == before


# --- PRG-10: extra police for accompaniment ------------------------------------------------------------


async def test_accompaniment_asks_the_police_for_extra_personnel_prg_10(policies):
    # given: an accompaniment in force
    w = await world()
    program = await signed(w, await granted(w, K.ACCOMPANIMENT))
    assert program.status == ProgramStatus.ACTIVE
    # when
    done = await step(
        w, "request_police_support", program, PoliceSupportInput(w.police.id, "Ancaman meningkat.")
    )
    # then: recorded, and a letter to the police — without identity or whereabouts
    assert done.extra_security_agency_id == w.police.id
    letter = await Document.get(program_id=program.id, kind=DocumentKind.OTHER)
    assert letter.recipient_agency_id == w.police.id and program.code in letter.body
    assert "Siti" not in letter.body and "Jl." not in letter.body


async def test_police_support_for_another_program_or_without_cause_is_refused_prg_10(policies):
    # given: a medical program, and an accompaniment not yet in force
    w = await world()
    medical = await granted(w, K.MEDICAL)
    pending = await granted(w, K.ACCOMPANIMENT, nik="3174010101900002")
    before = await snapshot()
    # when / then
    with pytest.raises(RuleViolation) as other:
        await step(w, "request_police_support", medical, PoliceSupportInput(w.police.id, "x"))
    assert other.value.key == "workflow.not_applicable"
    with pytest.raises(RuleViolation) as not_running:
        await step(w, "request_police_support", pending, PoliceSupportInput(w.police.id, "x"))
    assert not_running.value.key == "workflow.wrong_state"
    assert await snapshot() == before
    running = await signed(w, pending)
    with pytest.raises(ValidationFailed) as no_reason:
        await step(w, "request_police_support", running, PoliceSupportInput(w.police.id, " "))
    assert no_reason.value.field == "reason"
