"""Emergency protection (Perlindungan darurat, EMG-1; seed 003, Pasal 38–39), declared as data.

An LPSK officer asks for it for a person, on one of the grounds of Pasal 38(3): a life at urgent
risk, a need of law enforcement, or medical / psychological treatment needed at once. It is
granted once two different leaders have approved it (Pasal 38(2)) through the one approval
mechanism (EMERGENCY_PROTECTION: the same leader never counts twice, the requester never
approves, AC-7); one leader's rejection ends it. The approval that completes the step issues the
numbered official record of emergency protection (berita acara) that an emergency safe-house
placement requires (SH-8). Emergency medical or psychological help is recorded only with the
practice licence of whoever gives it (Pasal 39).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from models.cases import Protectee
from models.documents import DocumentKind, OfficialRecordType
from models.organisation import Position
from models.programs import EmergencyGround, EmergencyProtection, EmergencyStatus
from workflows.approvals import EMERGENCY_PROTECTION
from workflows.documents.effects import issue_document
from workflows.documents.inputs import IssueDocumentInput
from workflows.engine import Approves, Step, Transition, Workflow, doc, guard, position, register
from workflows.engine.actors import lpsk_officer
from workflows.errors import ValidationFailed
from workflows.letters import next_code
from workflows.messages import MESSAGES as CATALOGUE
from workflows.proactive_actions.access import reachable

CATALOGUE.update(
    {
        "emergency.blank": ("'{field}' wajib diisi (EMG-1).", "'{field}' is required (EMG-1)."),
    }
)

S = EmergencyStatus


# --- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequestInput:
    """EMG-1: an officer asks for emergency protection of a person, on a ground of Pasal 38(3)."""

    protectee_id: UUID = field(
        metadata=doc(
            "The person to protect at once (Terlindung, Pasal 38(1)); the emergency joins their case."
        )
    )
    ground: EmergencyGround = field(
        metadata=doc(
            "Why it cannot wait (Pasal 38(3)): a life at urgent risk, a need of law enforcement, or "
            "medical / psychological treatment needed at once."
        )
    )
    situation: str = field(metadata=doc("The urgent situation (internal)."))
    measures: str | None = field(default=None, metadata=doc("What is to be done at once (internal)."))
    health_worker_name: str | None = field(
        default=None,
        metadata=doc(
            "Health worker giving emergency medical help; needs a practice licence (Pasal 39).",
            max_length=200,
        ),
    )
    health_worker_licence: str | None = field(
        default=None, metadata=doc("The health worker's practice licence number (Pasal 39).", max_length=100)
    )
    psychologist_name: str | None = field(
        default=None,
        metadata=doc(
            "Psychologist giving emergency psychological help; needs a practice licence (Pasal 39).",
            max_length=200,
        ),
    )
    psychologist_licence: str | None = field(
        default=None, metadata=doc("The psychologist's practice licence number (Pasal 39).", max_length=100)
    )

    def __post_init__(self) -> None:
        if not self.situation.strip():
            raise ValidationFailed("emergency.blank", field="situation", rule="EMG-1")


@dataclass(frozen=True)
class ReasonInput:
    """A step that ends the emergency path: it needs a reason."""

    reason: str = field(metadata=doc("Why; kept on the record and in its history."))


# --- who -------------------------------------------------------------------------------------

REQUESTER = lpsk_officer("EMG-1", "an LPSK officer who reaches the person's case")
LEADER = position(Position.LEADER, "EMG-1", "a leader")

LEADERS_DECISION = Approves(EMERGENCY_PROTECTION, requester=lambda record: record.requested_by_id)


# --- guards ----------------------------------------------------------------------------------


def _filled(value: str | None) -> bool:
    return bool(value and value.strip())


def _licensed(name: str | None, licence: str | None) -> bool:
    # Pasal 39: whoever gives the help holds a practice licence; a licence names someone.
    return _filled(name) == _filled(licence)


@guard(
    "EMG-1",
    id="Bantuan medis darurat hanya oleh tenaga kesehatan yang memiliki izin praktik: sebutkan nama "
    "dan nomor izin praktiknya ('healthWorkerLicence', EMG-1, Pasal 39).",
    en="Emergency medical help is given only by a licensed health worker: give their name and practice "
    "licence number ('healthWorkerLicence', EMG-1, Pasal 39).",
    uses_input=True,
    field="healthWorkerLicence",
)
async def health_worker_licensed(step: Step) -> bool:
    """EMG-1 (Pasal 39): a health worker named comes with their practice licence."""
    return _licensed(step.input.health_worker_name, step.input.health_worker_licence)


@guard(
    "EMG-1",
    id="Bantuan psikologis darurat hanya oleh psikolog yang memiliki izin praktik: sebutkan nama dan "
    "nomor izin praktiknya ('psychologistLicence', EMG-1, Pasal 39).",
    en="Emergency psychological help is given only by a licensed psychologist: give their name and "
    "practice licence number ('psychologistLicence', EMG-1, Pasal 39).",
    uses_input=True,
    field="psychologistLicence",
)
async def psychologist_licensed(step: Step) -> bool:
    """EMG-1 (Pasal 39): a psychologist named comes with their practice licence."""
    return _licensed(step.input.psychologist_name, step.input.psychologist_licence)


# --- effects ---------------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    return value.strip() if _filled(value) else None  # type: ignore[union-attr]


async def _build(step: Step) -> EmergencyProtection:
    """EMG-1: the request, for a person whose case the requester reaches (AC-12)."""
    given: RequestInput = step.input
    protectee = await reachable(Protectee, given.protectee_id, step.principal)
    return EmergencyProtection(
        code=await next_code(EmergencyProtection, "PD", step.today.year),
        case_id=protectee.case_id,  # type: ignore[attr-defined]
        protectee_id=protectee.id,
        ground=given.ground,
        situation=given.situation.strip(),
        measures=_text(given.measures),
        requested_by_id=step.principal.staff_id,
        requested_at=step.now,
        required_approvals=EMERGENCY_PROTECTION.required,
        health_worker_name=_text(given.health_worker_name),
        health_worker_licence=_text(given.health_worker_licence),
        psychologist_name=_text(given.psychologist_name),
        psychologist_licence=_text(given.psychologist_licence),
    )


def official_record(record: EmergencyProtection) -> IssueDocumentInput:
    """EMG-1, SH-8: the official record of emergency protection, issued through the documents
    workflow — numbered in LPSK's series of official records, without gaps (ASG-10)."""
    return IssueDocumentInput(
        kind=DocumentKind.OFFICIAL_RECORD,
        record_type=OfficialRecordType.EMERGENCY,
        case_id=record.case_id,  # type: ignore[attr-defined]
        protectee_id=record.protectee_id,  # type: ignore[attr-defined]
        title=f"Berita acara perlindungan darurat {record.code}",
        body=f"Perlindungan darurat {record.code} atas dasar '{record.ground}' (Pasal 38(3)), disetujui "
        f"oleh {EMERGENCY_PROTECTION.required} orang Pimpinan LPSK yang berbeda (Pasal 38(2)).",
    )


async def _granted(step: Step) -> None:
    """EMG-1: the second leader's approval grants it — its time, and its official record (SH-8)."""
    record: EmergencyProtection = step.record
    record.approved_at = step.now
    record.official_record_id = (await issue_document(step, official_record(record))).id  # type: ignore[attr-defined]


async def _rejected(step: Step) -> None:
    step.record.rejection_reason = step.reason


async def _ended(step: Step) -> None:
    step.record.ended_at = step.now


EMERGENCY = register(
    Workflow(
        name="emergency_protection",
        model=EmergencyProtection,
        state_field="status",
        description="Perlindungan darurat (EMG-1, Pasal 38–39): granted on the approvals of two different "
        "leaders, on a ground of Pasal 38(3); the grant issues the numbered official record an emergency "
        "placement needs (SH-8); emergency medical or psychological help only by licensed providers.",
        transitions=(
            Transition(
                action="request",
                sources=(),
                target=S.REQUESTED,
                actors=(REQUESTER,),
                guards=(health_worker_licensed, psychologist_licensed),
                input=RequestInput,
                build=_build,
                rule_ids=("EMG-1",),
                label=("Ajukan perlindungan darurat", "Request emergency protection"),
                description="An LPSK officer asks for emergency protection of a person whose case they reach, on "
                "one ground of Pasal 38(3); any health worker or psychologist named for emergency help comes "
                "with their practice licence (Pasal 39).",
            ),
            Transition(
                action="approve",
                sources=(S.REQUESTED,),
                target=S.APPROVED,
                actors=(LEADER,),
                approval=LEADERS_DECISION,
                effect=_granted,
                rule_ids=("EMG-1", "AC-6", "AC-7", "SH-8"),
                label=("Setujui perlindungan darurat", "Approve emergency protection"),
                description="A leader approves; the second different leader's approval grants it and issues the "
                "numbered official record of emergency protection (Pasal 38(2), SH-8). The same leader never "
                "counts twice, and the requester never approves (AC-7).",
            ),
            Transition(
                action="reject",
                sources=(S.REQUESTED,),
                target=S.REJECTED,
                actors=(LEADER,),
                approval=Approves(EMERGENCY_PROTECTION, requester=LEADERS_DECISION.requester, rejects=True),
                input=ReasonInput,
                reason_required=True,
                effect=_rejected,
                rule_ids=("EMG-1", "AC-6", "AC-7"),
                label=("Tolak perlindungan darurat", "Reject emergency protection"),
                description="A leader refuses, with a reason; the request ends (01: a rejection ends the path).",
            ),
            Transition(
                action="end",
                sources=(S.APPROVED,),
                target=S.ENDED,
                actors=(LEADER,),
                input=ReasonInput,
                reason_required=True,
                effect=_ended,
                rule_ids=("EMG-1",),
                label=("Akhiri perlindungan darurat", "End emergency protection"),
                description="A leader ends the emergency protection once the emergency has passed, with a reason.",
            ),
        ),
    )
)

__all__ = ["EMERGENCY", "ReasonInput", "RequestInput", "official_record"]
