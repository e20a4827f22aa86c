"""Protection programs (Program Perlindungan, DEC-2, PRG-1 … PRG-10, ADM-6, CHG-1, TRM-1), declared as data.

`protection_program` — one state machine over `ProtectionProgram.status`:

- `grant` — internal: a decision grants it for a period (DEC-2), to whom it may go (PRG-2 … PRG-4),
  with its kind's checklist (PRG-9); it waits for its agreement or statement (`pending_signature`).
- `take_effect` (internal, on the signature) / `activate` (an officer, later) — in force only once
  its documents are signed (ADM-6) and what must precede it is on record: physical preparation
  (PRG-9), the medical evidence (PRG-6), the licensed psychological provider (PRG-7).
- while it runs: checklist steps (PRG-9), the chair's interpreter (PRG-4) and the Secretary
  General's advocate (PRG-5), the medical basis (PRG-6), the psychological provider (PRG-7), extra
  police for accompaniment (PRG-10). Cost reimbursements: workflows/programs/costs.py (PRG-8).
- changes by decision (CHG-1, workflows/programs/changes.py): `extend`, `reduce`, `add` — each a
  new row superseding the last, so `period_history` shows every period.
- `terminate` by a written decision on grounds a–e (TRM-1, workflows/programs/termination.py).
"""

from __future__ import annotations

from typing import Any

from models.programs import ProgramStatus, ProtectionProgram
from workflows.engine import Condition, Transition, Workflow, register
from workflows.programs import changes, effects, rules, termination
from workflows.programs.changes import Period, period_history
from workflows.programs.inputs import (
    AddProgramInput,
    AdvocateInput,
    ChecklistInput,
    ExtendInput,
    GrantInput,
    InterpreterInput,
    MedicalBasisInput,
    PoliceSupportInput,
    PsychologicalProviderInput,
    ReduceInput,
    TerminateInput,
)
from workflows.protection_actors import CHAIR, LEADER, RIGHTS_OFFICER, SECRETARY_GENERAL

S = ProgramStatus
RUNNING = (S.PENDING_SIGNATURE, S.ACTIVE)


def _while_running(action: str, *, when: Condition | None = None, **declared: Any) -> tuple[Transition, ...]:
    """A step that records something on the program without moving it: pending or active, it stays."""
    return tuple(Transition(action=action, sources=(s,), target=s, when=when, **declared) for s in RUNNING)


PROGRAM = register(
    Workflow(
        name="protection_program",
        model=ProtectionProgram,
        state_field="status",
        description="Program perlindungan (DEC-2, PRG-1 … PRG-10): granted by a decision for a period, in force "
        "once its documents are signed (ADM-6), changed (CHG-1) or terminated (TRM-1) only by a decision.",
        transitions=(
            Transition(
                action="grant",
                sources=(),
                target=S.PENDING_SIGNATURE,
                guards=rules.ELIGIBILITY_GUARDS,
                input=GrantInput,
                build=effects.build_granted,
                effect=effects.checklist_started,
                rule_ids=("DEC-2", "PRG-1", "PRG-2", "PRG-3", "PRG-4", "PRG-9"),
                label=("Berikan program", "Grant the program"),
                description="Follows a decision: the program, its period and its checklist (DEC-2, PRG-9).",
            ),
            Transition(
                action="add",
                sources=(),
                target=S.PENDING_SIGNATURE,
                actors=(LEADER,),
                guards=rules.ELIGIBILITY_GUARDS + changes.ADD_GUARDS,
                input=AddProgramInput,
                build=changes.build_added,
                effect=changes.added,
                rule_ids=("CHG-1", "DEC-2", "PRG-2", "PRG-3", "PRG-4", "ADM-4", "ADM-5"),
                label=("Tambah program", "Add a program"),
                description="A leader's addition decision gives a protected person a program they do not have "
                "yet (CHG-1), to whom it may go (PRG-2 … PRG-4); it waits for its addendum, agreement or "
                "statement (ADM-4, ADM-5, ADM-6).",
            ),
            Transition(
                action="take_effect",
                sources=(S.PENDING_SIGNATURE,),
                target=S.ACTIVE,
                guards=(rules.signed_documents, *rules.TAKE_EFFECT_GUARDS),
                effect=effects.took_effect,
                rule_ids=("ADM-6", "PRG-6", "PRG-7", "PRG-9", "CHG-1"),
                label=("Program berlaku", "The program takes effect"),
                description="Follows the last signature of its agreement or statement (ADM-6).",
            ),
            Transition(
                action="activate",
                sources=(S.PENDING_SIGNATURE,),
                target=S.ACTIVE,
                actors=(RIGHTS_OFFICER,),
                guards=(rules.signed_documents, *rules.TAKE_EFFECT_GUARDS),
                effect=effects.took_effect,
                rule_ids=("ADM-6", "PRG-6", "PRG-7", "PRG-9", "CHG-1"),
                label=("Mulai program", "Start the program"),
                description="The program starts once its agreement and/or statement is signed (ADM-6) and what "
                "precedes it is on record: physical preparation (PRG-9), the medical evidence (PRG-6), the "
                "licensed psychological provider (PRG-7).",
            ),
            Transition(
                action="supersede",
                sources=(S.PENDING_SIGNATURE, S.ACTIVE, S.SUSPENDED),
                target=S.SUPERSEDED,
                rule_ids=("CHG-1",),
                label=("Digantikan perubahan program", "Superseded by a change"),
                description="Follows the change that took its place taking effect (CHG-1).",
            ),
            Transition(
                action="end_with_predecessor",
                sources=(S.PENDING_SIGNATURE,),
                target=S.TERMINATED,
                effect=termination.ended_with_predecessor,
                rule_ids=("TRM-1",),
                label=("Berakhir bersama program asal", "Ends with the program it changed"),
                description="Follows the termination of the program this unsigned change was for (TRM-1).",
            ),
            *_while_running(
                "complete_checklist_item",
                actors=(RIGHTS_OFFICER,),
                guards=rules.CHECKLIST_GUARDS,
                input=ChecklistInput,
                effect=effects.checklist_item_settled,
                rule_ids=("PRG-9",),
                label=("Selesaikan langkah program", "Complete a checklist step"),
                description="A preparatory or executing step is done — or, for the preparation of physical "
                "protection (Pasal 22), not needed here with the reason; a new identity's stages in order "
                "(Pasal 23) (PRG-9).",
            ),
            *_while_running(
                "appoint_interpreter",
                when=rules.INTERPRETER,
                actors=(CHAIR,),
                guards=(rules.interpreter_still_needed, rules.interpreter_term_within_program),
                input=InterpreterInput,
                effect=effects.interpreter_appointed,
                rule_ids=("PRG-4",),
                label=("Tunjuk penerjemah", "Appoint the interpreter"),
                description="The chair's numbered decision appoints the interpreter and sets the term, for a "
                "protectee who cannot speak Indonesian (PRG-4).",
            ),
            *_while_running(
                "appoint_advocate",
                when=rules.ADVOCATE,
                actors=(SECRETARY_GENERAL,),
                input=AdvocateInput,
                effect=effects.advocate_appointed,
                rule_ids=("PRG-5",),
                label=("Tunjuk advokat", "Appoint the advocate"),
                description="The Secretary General's numbered decision appoints the advocate giving legal aid (PRG-5).",
            ),
            *_while_running(
                "record_medical_basis",
                when=rules.MEDICAL,
                actors=(RIGHTS_OFFICER,),
                guards=(rules.referred_to_a_health_provider,),
                input=MedicalBasisInput,
                effect=effects.medical_basis_recorded,
                rule_ids=("PRG-6",),
                label=("Catat dasar bantuan medis", "Record the medical basis"),
                description="The attached doctor's or psychiatrist's statement, and a referred hospital with "
                "LPSK's cost guarantee or state insurance (PRG-6).",
            ),
            *_while_running(
                "record_psychological_provider",
                when=rules.PSYCHOLOGICAL,
                actors=(RIGHTS_OFFICER,),
                guards=(rules.licensed_provider, rules.fallback_only_without_local_provider),
                input=PsychologicalProviderInput,
                effect=effects.psychological_provider_recorded,
                rule_ids=("PRG-7",),
                label=("Catat pemberi rehabilitasi psikologis", "Record the psychological provider"),
                description="A licensed psychologist (licence number), a hospital or professional body, or a "
                "certified LPSK officer; the fallbacks of Pasal 37 only where none is available locally (PRG-7).",
            ),
            Transition(
                action="request_police_support",
                sources=(S.ACTIVE,),
                target=S.ACTIVE,
                when=rules.ACCOMPANIMENT,
                actors=(RIGHTS_OFFICER,),
                guards=(rules.security_institution,),
                input=PoliceSupportInput,
                reason_required=True,
                effect=effects.police_support_requested,
                rule_ids=("PRG-10",),
                label=("Minta tambahan personel pengamanan", "Ask for extra security personnel"),
                description="Accompaniment asks the local police (or another institution) for extra security "
                "personnel when the protectee's security requires it, with the reason; a letter goes to them (PRG-10).",
            ),
            Transition(
                action="extend",
                sources=(S.ACTIVE,),
                target=S.ACTIVE,
                when=changes.PHYSICAL,
                actors=(LEADER,),
                guards=(changes.later_end, changes.no_change_waiting),
                input=ExtendInput,
                effect=changes.extended,
                rule_ids=("CHG-1", "ADM-4", "ADM-6"),
                label=("Perpanjang program", "Extend the program"),
                description="A leader's extension decision (CHG-1): a physical program's new period waits for "
                "the addendum's signatures (ADM-4, ADM-6); another continues at once under its statement.",
            ),
            Transition(
                action="extend",
                sources=(S.ACTIVE,),
                target=S.SUPERSEDED,
                when=changes.NOT_PHYSICAL,
                actors=(LEADER,),
                guards=(changes.later_end, changes.no_change_waiting),
                input=ExtendInput,
                effect=changes.extended,
                rule_ids=("CHG-1",),
            ),
            Transition(
                action="reduce",
                sources=(S.ACTIVE,),
                target=S.SUPERSEDED,
                actors=(LEADER,),
                guards=(changes.earlier_end_not_past, changes.no_change_waiting),
                input=ReduceInput,
                effect=changes.reduced,
                rule_ids=("CHG-1", "ADM-4"),
                label=("Kurangi program", "Reduce the program"),
                description="A leader's reduction decision ends the program sooner — today, to remove it (CHG-1); "
                "a physical program's agreement gets its addendum (ADM-4).",
            ),
            Transition(
                action="terminate",
                sources=(S.PENDING_SIGNATURE, S.ACTIVE, S.SUSPENDED),
                target=S.TERMINATED,
                actors=(LEADER,),
                guards=termination.TERMINATE_GUARDS,
                input=TerminateInput,
                reason_required=True,
                effect=termination.terminated,
                rule_ids=("TRM-1",),
                label=("Hentikan program", "Terminate the program"),
                description="A leader's written decision ends the program on grounds a–e of Pasal 40(2), (a) and "
                "(b) only for the matching initiator, with the evidence; an official record follows (TRM-1).",
            ),
        ),
    )
)

__all__ = ["PROGRAM", "Period", "period_history"]
