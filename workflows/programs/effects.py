"""What the program steps build and change (DEC-2, ADM-6, PRG-4 … PRG-10, CHG-1). Each runs inside
the step's transaction, after every check has passed."""

from __future__ import annotations

from models.cases import Protectee
from models.documents import DocumentKind
from models.programs import (
    PROGRAM_CHECKLIST,
    PROGRAM_FAMILY,
    ChecklistItemKind,
    ProgramChecklistItem,
    ProgramKind,
    ProgramStatus,
    ProtectionProgram,
)
from workflows.documents.effects import issue_document
from workflows.documents.inputs import IssueDocumentInput
from workflows.engine import Step, workflow_for
from workflows.errors import NotFound
from workflows.letters import SECRETARY_GENERAL_ISSUER, next_code, next_number
from workflows.programs.inputs import (
    AdvocateInput,
    ChecklistInput,
    GrantInput,
    InterpreterInput,
    MedicalBasisInput,
    PoliceSupportInput,
    PsychologicalProviderInput,
)
from workflows.programs.rules import ready

# Provider and appointment facts a changed program keeps (CHG-1: the same measure, a new period).
CARRIED = (
    "family_member_id",
    "details",
    "provider_name",
    "provider_agency_id",
    "provider_licence_number",
    "psychological_provider_kind",
    "medical_mechanism",
    "medical_evidence_ref",
    "interpreter_kind",
    "appointment_number",
    "appointed_by_id",
    "appointment_until",
    "extra_security_agency_id",
)
APPOINTERS = {"chair": "KET", "secretary_general": "SJ"}  # PRG-4: Keputusan Ketua; PRG-5: Keputusan Sekjen


def _workflow() -> object:
    program = workflow_for(ProtectionProgram)
    assert program is not None
    return program


async def new_program(step: Step, given: GrantInput) -> ProtectionProgram:
    """DEC-2: an unsaved program row of a decision (its code taken without gaps)."""
    protectee = await Protectee.get_or_none(id=given.protectee_id)
    if protectee is None:
        raise NotFound("Protectee")
    return ProtectionProgram(
        code=await next_code(ProtectionProgram, "PRG", step.today.year),
        decision_id=given.decision_id,
        protectee_id=protectee.id,
        case_id=protectee.case_id,  # type: ignore[attr-defined]
        family_member_id=given.family_member_id,
        kind=given.kind,
        family=PROGRAM_FAMILY[ProgramKind(given.kind)],
        period_start=given.period_start,
        period_end=given.period_end,
        agreement_id=given.agreement_id,
        willingness_statement_id=given.statement_id,
        supersedes_id=given.supersedes_id,
        details=given.details,
    )


async def build_granted(step: Step) -> ProtectionProgram:
    """DEC-2: the program a decision grants; a changed program keeps its provider facts (CHG-1)."""
    given: GrantInput = step.input
    program = await new_program(step, given)
    if given.supersedes_id is not None:
        old = await ProtectionProgram.get(id=given.supersedes_id)
        for name in CARRIED:
            if getattr(program, name) is None:
                setattr(program, name, getattr(old, name))
    return program


async def checklist_started(step: Step) -> None:
    """PRG-9: the program starts with its kind's checklist — a changed program with its predecessor's,
    as far as it went."""
    program: ProtectionProgram = step.record
    previous = {}
    if program.supersedes_id is not None:  # type: ignore[attr-defined]
        previous = {
            row.item: row
            for row in await ProgramChecklistItem.filter(program_id=program.supersedes_id)  # type: ignore[attr-defined]
        }
    items = []
    for kind in PROGRAM_CHECKLIST.get(ProgramKind(program.kind), ()):
        old = previous.get(kind)
        items.append(
            ProgramChecklistItem(
                program_id=program.id,
                item=kind,
                done=old.done if old else False,
                waived=old.waived if old else False,
                done_by_id=old.done_by_id if old else None,  # type: ignore[attr-defined]
                done_at=old.done_at if old else None,
                note=old.note if old else None,
            )
        )
    await ProgramChecklistItem.bulk_create(items)


async def grant_program(step: Step, given: GrantInput) -> ProtectionProgram:
    """Inside a decision's step → the program it grants, pending its documents (DEC-2, ADM-6)."""
    return await step.fire(_workflow(), "grant", input=given)  # type: ignore[arg-type,return-value]


async def settle(step: Step, program: ProtectionProgram) -> None:
    """A pending program whose documents are signed and whose preconditions are on record takes
    effect now (ADM-6); one that is not ready keeps waiting (its `activate` step follows later).
    Never the step's own record: the engine saves that one after the effect, in the step's state."""
    if program.pk == getattr(step.record, "pk", None):
        return
    if program.status == ProgramStatus.PENDING_SIGNATURE and await ready(program):
        await step.fire(_workflow(), "take_effect", program)  # type: ignore[arg-type]


async def took_effect(step: Step) -> None:
    """ADM-6: in force from the signing; the row it changes gives way to it (CHG-1)."""
    program: ProtectionProgram = step.record
    program.activated_at = step.now
    if program.supersedes_id is not None:  # type: ignore[attr-defined]
        old = await ProtectionProgram.get(id=program.supersedes_id)  # type: ignore[attr-defined]
        if old.status in (ProgramStatus.ACTIVE, ProgramStatus.SUSPENDED, ProgramStatus.PENDING_SIGNATURE):
            await step.fire(_workflow(), "supersede", old)  # type: ignore[arg-type]


async def checklist_item_settled(step: Step) -> None:
    """PRG-9: the step is done (or not needed, with the reason)."""
    given: ChecklistInput = step.input
    await _tick(step, given.item, given.note, waived=given.waived)


async def _tick(step: Step, item: ChecklistItemKind, note: str | None, *, waived: bool = False) -> None:
    row = await ProgramChecklistItem.get_or_none(program_id=step.record.id, item=item)
    if row is None or row.done:
        return
    row.done, row.waived = not waived, waived
    row.done_by_id = step.principal.staff_id  # type: ignore[attr-defined]
    row.done_at = step.now
    row.note = (note or "").strip() or None
    await row.save()


async def _appointment_number(step: Step, appointer: str) -> str:
    """PRG-4, PRG-5: 'KEP-0003/KET/LPSK/2026' — the appointing decision, gap-free per appointer per year."""
    code, year = APPOINTERS[appointer], step.today.year
    suffix = f"/{code}/{SECRETARY_GENERAL_ISSUER}/{year}"

    async def used() -> int:
        numbers = await ProtectionProgram.filter(appointment_number__endswith=suffix).values_list(
            "appointment_number", flat=True
        )
        tails = (str(n).removeprefix("KEP-").split("/")[0] for n in numbers)
        return max((int(t) for t in tails if t.isdigit()), default=0)

    number = await next_number(f"KEP-{code}", SECRETARY_GENERAL_ISSUER, year, seed=used)
    return f"KEP-{number:04d}{suffix}"


async def _appointed(step: Step, appointer: str, name: str) -> None:
    program: ProtectionProgram = step.record
    program.provider_name = name.strip()
    program.appointment_number = await _appointment_number(step, appointer)
    program.appointed_by_id = step.principal.staff_id  # type: ignore[attr-defined]
    await program.save()
    await _tick(step, ChecklistItemKind.APPOINTMENT_DECISION, f"Keputusan {program.appointment_number}")


async def interpreter_appointed(step: Step) -> None:
    """PRG-4 (Pasal 24(4)): the chair's decision appoints the interpreter for a term."""
    given: InterpreterInput = step.input
    step.record.interpreter_kind = given.interpreter_kind
    step.record.appointment_until = given.term_until
    await _appointed(step, "chair", given.interpreter_name)


async def advocate_appointed(step: Step) -> None:
    """PRG-5 (Pasal 25(3)(d)): the Secretary General's decision appoints the advocate."""
    given: AdvocateInput = step.input
    await _appointed(step, "secretary_general", given.advocate_name)


async def medical_basis_recorded(step: Step) -> None:
    """PRG-6: the evidence and the way medical assistance is given."""
    given: MedicalBasisInput = step.input
    program: ProtectionProgram = step.record
    program.medical_mechanism = given.mechanism
    program.medical_evidence_ref = given.evidence_ref.strip()
    program.provider_agency_id = given.provider_agency_id  # type: ignore[attr-defined]


async def psychological_provider_recorded(step: Step) -> None:
    """PRG-7: who gives the psychological rehabilitation, and their licence."""
    given: PsychologicalProviderInput = step.input
    program: ProtectionProgram = step.record
    program.psychological_provider_kind = given.provider_kind
    program.provider_name = (given.provider_name or "").strip() or None
    program.provider_licence_number = (given.licence_number or "").strip() or None
    program.provider_agency_id = given.provider_agency_id  # type: ignore[attr-defined]
    if given.no_local_provider_note:
        program.details = "\n".join(filter(None, [program.details, given.no_local_provider_note.strip()]))


async def police_support_requested(step: Step) -> None:
    """PRG-10 (Pasal 26(2)): the institution asked is recorded, and a letter goes to it — codes and the
    need only, never the protectee's identity or whereabouts (APP-3)."""
    given: PoliceSupportInput = step.input
    program: ProtectionProgram = step.record
    program.extra_security_agency_id = given.agency_id  # type: ignore[attr-defined]
    await issue_document(
        step,
        IssueDocumentInput(
            kind=DocumentKind.OTHER,
            case_id=program.case_id,  # type: ignore[attr-defined]
            decision_id=program.decision_id,  # type: ignore[attr-defined]
            program_id=program.id,
            recipient_agency_id=given.agency_id,
            title="Permintaan dukungan penambahan personel pengamanan",
            body=f"Pendampingan {program.code} memerlukan penambahan personel pengamanan (Pasal 26 ayat (2)).",
        ),
    )


__all__ = [
    "GrantInput",
    "advocate_appointed",
    "build_granted",
    "checklist_item_settled",
    "checklist_started",
    "grant_program",
    "interpreter_appointed",
    "medical_basis_recorded",
    "new_program",
    "police_support_requested",
    "psychological_provider_recorded",
    "settle",
    "took_effect",
]
