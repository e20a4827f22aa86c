"""The guards of the program steps, each citing its rule (DEC-2, ADM-6, PRG-2 … PRG-10).

`ready(program)` is the one answer to "may it take effect now?": its documents are signed (ADM-6),
and what must precede giving it is on record — physical preparation (PRG-9), the medical evidence
(PRG-6), the psychological provider (PRG-7).
"""

from __future__ import annotations

from models.cases import FamilyMember, Protectee
from models.documents import Document, DocumentKind, DocumentStatus
from models.organisation import Agency, AgencyKind
from models.programs import (
    PHYSICAL_KINDS,
    ChecklistItemKind,
    MedicalMechanism,
    ProgramChecklistItem,
    ProgramKind,
    ProtectionProgram,
    PsychologicalProviderKind,
)
from workflows.engine import Step, field_is, guard
from workflows.programs.eligibility import (
    Person,
    compensation_allowed,
    death_related_allowed,
    interpreter_allowed,
)

K = ProgramKind
C = ChecklistItemKind
P = PsychologicalProviderKind

INTERPRETER = field_is("kind", K.INTERPRETER)  # PRG-4
ADVOCATE = field_is("kind", K.LEGAL_AID_ADVOCATE)  # PRG-5
MEDICAL = field_is("kind", K.MEDICAL)  # PRG-6
PSYCHOLOGICAL = field_is("kind", K.PSYCHOLOGICAL_REHABILITATION)  # PRG-7
ACCOMPANIMENT = field_is("kind", K.ACCOMPANIMENT)  # PRG-10

# PRG-9, Pasal 22(1): these four kinds are *preceded* by the preparation steps ('dan/atau': a step
# not needed for the person may be waived with a reason).
PREPARED_KINDS = frozenset(
    {K.SAFE_HOUSE, K.CLOSE_PROTECTION, K.SECURITY_IN_CRIMINAL_PROCESS, K.THREAT_MONITORING}
)
# PRG-9, Pasal 23: a new identity goes through its stages in order; (a) is one petition, to the
# court or to the civil registry.
NEW_IDENTITY_STAGES: tuple[frozenset[ChecklistItemKind], ...] = (
    frozenset({C.COURT_PETITION, C.CIVIL_REGISTRY_PETITION}),
    frozenset({C.COORDINATION}),
    frozenset({C.ACCOMPANIMENT}),
    frozenset({C.ADMIN_FINANCIAL_COMPLETION}),
)
# PRG-7: who must hold a practice licence (or, an LPSK officer, a certificate) — Pasal 36(2)–(3).
LICENSED = frozenset(
    {P.LICENSED_PSYCHOLOGIST, P.PSYCHOLOGIST_FROM_ELSEWHERE, P.ONLINE_PSYCHOLOGIST, P.CERTIFIED_STAFF}
)
# PRG-7, Pasal 37: the ways used only where no licensed provider is available locally.
FALLBACKS = frozenset(
    {
        P.REGIONAL_TECHNICAL_UNIT,
        P.PSYCHOLOGIST_FROM_ELSEWHERE,
        P.ONLINE_PSYCHOLOGIST,
        P.COMPETENT_PSYCHOLOGIST,
    }
)


# --- may it take effect (ADM-6, PRG-6, PRG-7, PRG-9) ---------------------------------------------


async def documents_signed(program: ProtectionProgram) -> bool:
    """ADM-6 (Pasal 21): a physical program's agreement (or addendum), any other program's statement,
    signed by every party."""
    physical = ProgramKind(program.kind) in PHYSICAL_KINDS
    document_id = program.agreement_id if physical else program.willingness_statement_id  # type: ignore[attr-defined]
    if document_id is None:
        return False
    kinds = (
        [DocumentKind.PROTECTION_AGREEMENT, DocumentKind.ADDENDUM]
        if physical
        else [DocumentKind.WILLINGNESS_STATEMENT]
    )
    return await Document.filter(id=document_id, kind__in=kinds, status=DocumentStatus.SIGNED).exists()


async def preparation_complete(program: ProtectionProgram) -> bool:
    """PRG-9 (Pasal 22): every preparation step of a physical program done or waived."""
    if ProgramKind(program.kind) not in PREPARED_KINDS:
        return True
    return not await ProgramChecklistItem.filter(program_id=program.id, done=False, waived=False).exists()


def medical_basis(program: ProtectionProgram) -> bool:
    """PRG-6 (Pasal 33–34): evidence attached, and a referred provider or state insurance."""
    if ProgramKind(program.kind) is not K.MEDICAL:
        return True
    if not program.medical_evidence_ref or program.medical_mechanism is None:
        return False
    referred = program.medical_mechanism == MedicalMechanism.REFERRED_PROVIDER_GUARANTEED
    return not referred or program.provider_agency_id is not None  # type: ignore[attr-defined]


def psychological_provider(program: ProtectionProgram) -> bool:
    """PRG-7 (Pasal 36–37): who gives it is on record."""
    return ProgramKind(program.kind) is not K.PSYCHOLOGICAL_REHABILITATION or (
        program.psychological_provider_kind is not None
    )


async def ready(program: ProtectionProgram) -> bool:
    """Whether the program may take effect now (ADM-6, PRG-6, PRG-7, PRG-9)."""
    return (
        medical_basis(program)
        and psychological_provider(program)
        and await documents_signed(program)
        and await preparation_complete(program)
    )


@guard(
    "ADM-6",
    id="Program berlaku sejak perjanjian perlindungan dan/atau pernyataan kesediaannya ditandatangani; "
    "dokumennya belum ditandatangani (ADM-6).",
    en="A program takes effect once its agreement and/or statement is signed; it is not signed yet (ADM-6).",
)
async def signed_documents(step: Step) -> bool:
    """ADM-6."""
    return await documents_signed(step.record)


@guard(
    "PRG-9",
    id="Perlindungan fisik ini didahului identifikasi kebutuhan, analisa ancaman, koordinasi dan "
    "pengurusan dokumen; masih ada langkah yang belum selesai (PRG-9).",
    en="This physical protection is preceded by needs identification, threat analysis, coordination and "
    "document preparation; a step is still open (PRG-9).",
)
async def prepared(step: Step) -> bool:
    """PRG-9 (Pasal 22)."""
    return await preparation_complete(step.record)


@guard(
    "PRG-6",
    id="Bantuan medis diberikan atas keterangan dokter atau bukti pendukung (terlampir), melalui layanan "
    "kesehatan rujukan atau jaminan kesehatan negara; catat dahulu dasarnya (PRG-6).",
    en="Medical assistance is given on a doctor's statement or other evidence (attached), through a referred "
    "provider or state insurance; record its basis first (PRG-6).",
)
async def medical_basis_recorded(step: Step) -> bool:
    """PRG-6."""
    return medical_basis(step.record)


@guard(
    "PRG-7",
    id="Rehabilitasi psikologis diberikan oleh pemberi layanan yang berizin; catat dahulu pemberinya (PRG-7).",
    en="Psychological rehabilitation is given by a licensed provider; record who gives it first (PRG-7).",
)
async def psychological_provider_recorded(step: Step) -> bool:
    """PRG-7."""
    return psychological_provider(step.record)


TAKE_EFFECT_GUARDS = (medical_basis_recorded, psychological_provider_recorded, prepared)


# --- who may have it (DEC-2, PRG-2 … PRG-4), judged on the program row ---------------------------


async def _person(step: Step) -> Person | None:
    return await Person.of(step.record.protectee_id)


@guard(
    "PRG-2",
    id="Fasilitasi kompensasi atau restitusi tidak dapat diberikan kepada orang ini (PRG-2).",
    en="Compensation or restitution facilitation cannot be granted to this person (PRG-2).",
)
async def compensation_eligible(step: Step) -> bool:
    """PRG-2 (Pasal 11)."""
    person = await _person(step)
    return person is not None and compensation_allowed(person, [step.record.kind])


@guard(
    "PRG-3",
    id="Biaya pemakaman atau santunan hanya setelah korban meninggal dunia, santunan bagi "
    "keluarga korban terorisme yang dilindungi (PRG-3).",
    en="Funeral costs or the death benefit only after the victim's death, the benefit for a covered family "
    "member of a terrorism victim (PRG-3).",
)
async def death_related_eligible(step: Step) -> bool:
    """PRG-3 (Pasal 13–14)."""
    record = step.record
    person = await _person(step)
    family = 0
    if record.family_member_id is not None:
        family = await FamilyMember.filter(
            id=record.family_member_id, protectee_id=record.protectee_id, covered=True
        ).count()
    return person is not None and death_related_allowed(person, [record.kind], family)


@guard(
    "PRG-4",
    id="Penerjemah hanya untuk Terlindung yang tidak dapat berbahasa Indonesia (PRG-4).",
    en="An interpreter is only for a protectee who cannot speak Indonesian (PRG-4).",
)
async def interpreter_eligible(step: Step) -> bool:
    """PRG-4 (Pasal 24(1))."""
    person = await _person(step)
    return person is not None and interpreter_allowed(person, [step.record.kind])


@guard(
    "DEC-2",
    id="Jangka waktu program tidak sah: tanggal selesai sebelum tanggal mulai (DEC-2).",
    en="The program's period is invalid: it ends before it starts (DEC-2).",
)
async def valid_period(step: Step) -> bool:
    """DEC-2: a program is granted for a period."""
    return bool(step.record.period_end >= step.record.period_start)


ELIGIBILITY_GUARDS = (valid_period, compensation_eligible, death_related_eligible, interpreter_eligible)


# --- checklists (PRG-9) -------------------------------------------------------------------------


async def _item(step: Step) -> ProgramChecklistItem | None:
    return await ProgramChecklistItem.get_or_none(program_id=step.record.id, item=step.input.item)


@guard(
    "PRG-9",
    id="Langkah ini tidak ada pada program ini, atau telah diselesaikan ('item', PRG-9).",
    en="This step is not on this program's checklist, or it is settled already ('item', PRG-9).",
    uses_input=True,
    field="item",
)
async def open_item_of_the_program(step: Step) -> bool:
    """PRG-9: the checklist each kind starts with; a step is settled once."""
    item = await _item(step)
    return item is not None and not item.done and not item.waived


@guard(
    "PRG-9",
    id="Hanya langkah persiapan perlindungan fisik (Pasal 22) atau permohonan alternatif identitas "
    "baru yang dapat dinyatakan tidak diperlukan ('waived', PRG-9).",
    en="Only the preparation steps of physical protection (Pasal 22), or the alternative petition of a new "
    "identity, can be marked not needed ('waived', PRG-9).",
    uses_input=True,
    field="waived",
)
async def waived_only_where_optional(step: Step) -> bool:
    """PRG-9: Pasal 22 lists its steps 'dan/atau'; Pasal 23 goes through every stage, its petition to
    the court or to the civil registry."""
    if not step.input.waived:
        return True
    kind = ProgramKind(step.record.kind)
    return kind in PREPARED_KINDS or (kind is K.NEW_IDENTITY and step.input.item in NEW_IDENTITY_STAGES[0])


@guard(
    "PRG-9",
    id="Tahapan identitas baru dijalankan berurutan: selesaikan dahulu tahapan sebelumnya ('item', PRG-9).",
    en="A new identity goes through its stages in order: finish the earlier stage first ('item', PRG-9).",
    uses_input=True,
    field="item",
)
async def new_identity_in_order(step: Step) -> bool:
    """PRG-9 (Pasal 23 a–d)."""
    if ProgramKind(step.record.kind) is not K.NEW_IDENTITY:
        return True
    item = step.input.item
    done = set(
        await ProgramChecklistItem.filter(program_id=step.record.id, done=True).values_list("item", flat=True)
    )
    for stage in NEW_IDENTITY_STAGES:
        if item in stage:
            # (a) is one petition: the alternative may be waived once the other one is done.
            return not step.input.waived or bool((stage - {item}) & done)
        if not stage & done:
            return False
    return True


@guard(
    "PRG-4",
    id="Langkah penunjukan selesai dengan keputusan penunjukan (Ketua untuk penerjemah, Sekretaris "
    "Jenderal untuk advokat) ('item', PRG-4, PRG-5).",
    en="The appointment step is done by the appointing decision (the chair's for an interpreter, the "
    "Secretary General's for an advocate) ('item', PRG-4, PRG-5).",
    uses_input=True,
    field="item",
)
async def appointment_by_its_decision(step: Step) -> bool:
    """PRG-4, PRG-5: nobody ticks 'appointed' without the appointing decision on record."""
    return step.input.item is not C.APPOINTMENT_DECISION or bool(step.record.appointment_number)


CHECKLIST_GUARDS = (
    open_item_of_the_program,
    waived_only_where_optional,
    new_identity_in_order,
    appointment_by_its_decision,
)


# --- appointments and providers (PRG-4 … PRG-7, PRG-10) -------------------------------------------


@guard(
    "PRG-4",
    id="Masa tugas penerjemah berada dalam jangka waktu program dan belum lewat ('termUntil', PRG-4).",
    en="The interpreter's term lies within the program's period and is not over ('termUntil', PRG-4).",
    uses_input=True,
    field="termUntil",
)
async def interpreter_term_within_program(step: Step) -> bool:
    """PRG-4 (Pasal 24(4)): the chair sets the term — within what the decision granted."""
    return bool(step.today <= step.input.term_until <= step.record.period_end)


@guard(
    "PRG-4",
    id="Terlindung ini dapat berbahasa Indonesia: penerjemah tidak diberikan (PRG-4).",
    en="This protectee speaks Indonesian: no interpreter is given (PRG-4).",
)
async def interpreter_still_needed(step: Step) -> bool:
    """PRG-4 (Pasal 24(1))."""
    return await Protectee.filter(id=step.record.protectee_id, needs_interpreter=True).exists()


@guard(
    "PRG-6",
    id="Rujukan dengan penjaminan biaya LPSK menyebut layanan kesehatan (rumah sakit) yang dirujuk "
    "('providerAgencyId', PRG-6).",
    en="A guaranteed referral names the referred health provider, a hospital ('providerAgencyId', PRG-6).",
    uses_input=True,
    field="providerAgencyId",
)
async def referred_to_a_health_provider(step: Step) -> bool:
    """PRG-6 (Pasal 34(1)(a))."""
    given = step.input
    if given.mechanism is not MedicalMechanism.REFERRED_PROVIDER_GUARANTEED:
        return True
    return (
        given.provider_agency_id is not None
        and await Agency.filter(id=given.provider_agency_id, kind=AgencyKind.HOSPITAL, active=True).exists()
    )


@guard(
    "PRG-7",
    id="Psikolog harus memiliki surat izin praktik (petugas LPSK: sertifikat); lembaga disebut namanya "
    "('licenceNumber', PRG-7).",
    en="A psychologist must hold a practice licence (an LPSK officer: a certificate); an institution is named "
    "('licenceNumber', PRG-7).",
    uses_input=True,
    field="licenceNumber",
)
async def licensed_provider(step: Step) -> bool:
    """PRG-7 (Pasal 36(2)–(3))."""
    given = step.input
    if given.provider_kind in LICENSED:
        return bool((given.licence_number or "").strip())
    return given.provider_agency_id is not None or bool((given.provider_name or "").strip())


@guard(
    "PRG-7",
    id="Cara pengganti (Pasal 37) hanya bila di wilayah Terlindung tidak ada psikolog berizin; "
    "catat alasannya ('noLocalProviderNote', PRG-7).",
    en="The fallbacks of Pasal 37 apply only where no licensed psychologist is available locally; record "
    "why ('noLocalProviderNote', PRG-7).",
    uses_input=True,
    field="noLocalProviderNote",
)
async def fallback_only_without_local_provider(step: Step) -> bool:
    """PRG-7 (Pasal 37)."""
    given = step.input
    return given.provider_kind not in FALLBACKS or bool((given.no_local_provider_note or "").strip())


@guard(
    "PRG-10",
    id="Instansi yang diminta tidak dikenal atau tidak aktif ('agencyId', PRG-10).",
    en="The institution asked is unknown or not active ('agencyId', PRG-10).",
    uses_input=True,
    field="agencyId",
)
async def security_institution(step: Step) -> bool:
    """PRG-10 (Pasal 26(2)): the local police, or another institution."""
    return await Agency.filter(id=step.input.agency_id, active=True).exists()


__all__ = [
    "ACCOMPANIMENT",
    "ADVOCATE",
    "CHECKLIST_GUARDS",
    "ELIGIBILITY_GUARDS",
    "INTERPRETER",
    "MEDICAL",
    "NEW_IDENTITY_STAGES",
    "PREPARED_KINDS",
    "PSYCHOLOGICAL",
    "TAKE_EFFECT_GUARDS",
    "documents_signed",
    "fallback_only_without_local_provider",
    "interpreter_still_needed",
    "interpreter_term_within_program",
    "licensed_provider",
    "ready",
    "referred_to_a_health_provider",
    "security_institution",
    "signed_documents",
]
