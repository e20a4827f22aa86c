"""Complaints, suggestions and appreciation about any service (Pengaduan, PRO-5; seed 000, SP A.6),
tracked to an answer, declared as data.

The unit that handles public complaints (ORG-1: legal, cooperation and public relations) records
what came in by hotline, website, WhatsApp or the national complaint portal; the record belongs to
that unit, whose staff or head takes it up and answers it. An answer is required to close it.
The complainant's name and contact are secret fields (AC-11): they are stored encrypted and never
reach the history, the audit trail or an error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from tortoise.models import Model

from authz.principal import Principal, PrincipalKind
from models.cases import Case
from models.organisation import UnitFunction
from models.proactive_actions import (
    Complaint,
    ComplaintChannel,
    ComplaintKind,
    ComplaintStatus,
    ServiceConcerned,
)
from workflows.approvals import Capacity
from workflows.engine import LOCAL_TIMEZONE, Actor, Step, Transition, Workflow, doc, guard, head_of, register
from workflows.engine.actors import unit_officer
from workflows.errors import ValidationFailed
from workflows.letters import next_code
from workflows.messages import MESSAGES as CATALOGUE
from workflows.proactive_actions.access import reachable

CATALOGUE.update(
    {
        "complaints.blank": ("'{field}' wajib diisi (PRO-5).", "'{field}' is required (PRO-5)."),
    }
)

S = ComplaintStatus


# --- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiveInput:
    """PRO-5: a complaint, suggestion or appreciation that came in through one of the channels."""

    channel: ComplaintChannel = field(
        metadata=doc("How it came in: hotline, website, WhatsApp or the national complaint portal (PRO-5).")
    )
    kind: ComplaintKind = field(metadata=doc("A complaint, a suggestion or appreciation."))
    service: ServiceConcerned = field(metadata=doc("The service it is about."))
    summary: str = field(metadata=doc("What was said (internal)."))
    complainant_name: str | None = field(
        default=None, metadata=doc("Complainant's name, if given (secret, AC-11).", max_length=200)
    )
    complainant_contact: str | None = field(
        default=None,
        metadata=doc("Complainant's phone or e-mail, for the answer (secret, AC-11).", max_length=200),
    )
    case_id: UUID | None = field(default=None, metadata=doc("The case it concerns, if one."))
    received_at: dt.datetime | None = field(
        default=None,
        metadata=doc("When it came in, if earlier than now (not in the future; without a zone, in WIB)."),
    )

    def __post_init__(self) -> None:
        if not self.summary.strip():
            raise ValidationFailed("complaints.blank", field="summary", rule="PRO-5")


@dataclass(frozen=True)
class AnswerInput:
    """PRO-5: the answer given to the complainant."""

    answer: str = field(metadata=doc("The answer given (kept on the complaint)."))

    def __post_init__(self) -> None:
        if not self.answer.strip():
            raise ValidationFailed("complaints.blank", field="answer", rule="PRO-5")


# --- who -------------------------------------------------------------------------------------

COMPLAINTS_UNIT = unit_officer(
    UnitFunction.LEGAL_COOPERATION_PR.value, "PRO-5", "an officer of the unit handling public complaints"
)


async def _of_handling_unit(principal: Principal, record: Model) -> Capacity | None:
    if principal.kind is not PrincipalKind.STAFF or principal.staff_id is None:
        return None
    if principal.unit_id is None or principal.unit_id != record.handling_unit_id:
        return None
    return Capacity(principal.staff_id, post=f"staff of unit {principal.unit_id}")


HANDLING_STAFF = Actor(
    "handling_unit_staff", "PRO-5", "staff of the handling unit", (("staff", "unit"),), _of_handling_unit
)
HANDLING_HEAD = head_of("handling_unit_id", "PRO-5", "head of the handling unit", name="handling_head")
HANDLERS = (HANDLING_STAFF, HANDLING_HEAD)


# --- guards and effects ------------------------------------------------------------------------


@guard(
    "PRO-5",
    id="Waktu diterimanya pengaduan tidak boleh di masa depan ('receivedAt', PRO-5).",
    en="The time a complaint came in cannot be in the future ('receivedAt', PRO-5).",
    field="receivedAt",
)
async def received_not_in_future(step: Step) -> bool:
    """PRO-5: what is recorded has come in."""
    return bool(step.record.received_at <= step.now)


async def _build(step: Step) -> Complaint:
    """PRO-5: the complaint, handled by the receiving officer's unit; a case only if they reach it."""
    given: ReceiveInput = step.input
    case_id = None if given.case_id is None else (await reachable(Case, given.case_id, step.principal)).id
    received_at = given.received_at or step.now
    if received_at.tzinfo is None:
        received_at = received_at.replace(tzinfo=LOCAL_TIMEZONE)
    return Complaint(
        code=await next_code(Complaint, "ADU", step.today.year),
        channel=given.channel,
        kind=given.kind,
        service=given.service,
        case_id=case_id,
        summary=given.summary.strip(),
        complainant_name=(given.complainant_name or "").strip() or None,
        complainant_contact=(given.complainant_contact or "").strip() or None,
        received_at=received_at,
        handling_unit_id=step.principal.unit_id,
    )


async def _answered(step: Step) -> None:
    """PRO-5: the answer, who gave it and when."""
    record: Complaint = step.record
    record.answer = step.input.answer.strip()
    record.answered_at = step.now
    record.answered_by_id = step.principal.staff_id  # type: ignore[attr-defined]


COMPLAINT = register(
    Workflow(
        name="complaint",
        model=Complaint,
        state_field="status",
        description="Pengaduan, saran dan apresiasi (PRO-5): recorded by the unit handling public complaints "
        "from hotline, website, WhatsApp or the national portal, taken up and answered by that unit.",
        transitions=(
            Transition(
                action="receive",
                sources=(),
                target=S.RECEIVED,
                actors=(COMPLAINTS_UNIT,),
                guards=(received_not_in_future,),
                input=ReceiveInput,
                build=_build,
                rule_ids=("PRO-5",),
                label=("Catat pengaduan", "Record a complaint"),
                description="An officer of the unit handling public complaints records a complaint, suggestion or "
                "appreciation and the channel it came through; their unit handles it (PRO-5).",
            ),
            Transition(
                action="take_up",
                sources=(S.RECEIVED,),
                target=S.IN_PROGRESS,
                actors=HANDLERS,
                rule_ids=("PRO-5",),
                label=("Tindak lanjuti pengaduan", "Take up the complaint"),
                description="Staff or the head of the handling unit start working on it (PRO-5).",
            ),
            Transition(
                action="answer",
                sources=(S.RECEIVED, S.IN_PROGRESS),
                target=S.ANSWERED,
                actors=HANDLERS,
                input=AnswerInput,
                effect=_answered,
                rule_ids=("PRO-5",),
                label=("Jawab pengaduan", "Answer the complaint"),
                description="Staff or the head of the handling unit give the answer, which closes it (PRO-5).",
            ),
        ),
    )
)

__all__ = ["COMPLAINT", "AnswerInput", "ReceiveInput"]
