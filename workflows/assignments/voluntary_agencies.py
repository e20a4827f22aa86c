"""Voluntary applications across agencies (Pasal 11(2), ORG-4), both ways.

Seed over spec: the spec's ASG-6 names units only, but Pasal 11(2) reads "berasal dari lintas Unit
Kerja dan/atau lintas Instansi, dilakukan dengan pengajuan permohonan pelibatan yang diajukan oleh
Pejabat Fungsional dan Pelaksana kepada Pimpinan Unit Kerja yang dituju melalui dan atas persetujuan
Atasan ... yang bersangkutan". Lamp. 2.B draws no mechanism across agencies, so these paths follow
Pasal 11(2) (the superior's approval first, then whoever heads the unit applied to) and Pasal 11(1)
(a voluntary assignment is set by the Secretary General's decision: the LPSK-series letter), with the
agency answering in writing as in Lamp. 2.A.3 (ASG-3). The steps cite ASG-6 (Pasal 11(2)) and ORG-4.

- LPSK staff to another agency (`apply_to_agency`): the applicant applies → their own head approves or
  rejects, weighing availability (VOLUNTARY_OWN_HEAD, never their own, AC-7), which forwards the
  request to the agency → the agency answers in writing: through its partner token
  (`involvement_requests:respond`, its own requests only, AC-2) or the Secretary General records its
  letter (`agency_approve` / `agency_reject`: LPSK's correspondent with other agencies, Lamp.
  2.A.3–4, and who sets the assignment, Pasal 11(1)) → the Secretary General issues the letter → the
  own head delivers it to the applicant and the agency.
- Another agency's officer to an LPSK unit (`receive_agency_application`): the application arrives
  through, and with the written approval of, the officer's superior at their agency — the head of the
  unit applied to records it with that approval → decides (VOLUNTARY_TARGET_HEAD: duties, expertise)
  → consults the Secretary General, who issues the letter (the officer joins the team applied to on
  the approved request, ASG-7, AC-8) → the head delivers it through the officer's agency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentPath,
    AssignmentStatus,
    InvolvementRequest,
    InvolvementStatus,
)
from models.organisation import Agency, Staff
from workflows.assignments import effects, outbound, rules, steps, voluntary
from workflows.assignments.inputs import (
    AgencyAnswerInput,
    AgencyRefusalInput,
    ApproveInvolvementInput,
    SubmitInvolvementInput,
    _dates,
    _required,
)
from workflows.engine import Step, Transition, doc, guard
from workflows.errors import NotFound

S = AssignmentStatus
I = InvolvementStatus  # noqa: E741 — read as the involvement statuses

# The same posts as across units (ASG-6): the applicant, their own head, the head of the unit applied to.
APPLICANT = voluntary.APPLICANT_6
OWN_HEAD = voluntary.OWN_HEAD
TARGET_HEAD = voluntary.TARGET_HEAD
SECRETARY_GENERAL = voluntary.SECRETARY_GENERAL
AGENCY = outbound.AGENCY  # the partner token of the agency the request is addressed to (AC-2)

# --- inputs ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ApplyToAgencyInput:
    """Pasal 11(2): a functional official or executor applies, through their own head, to work on
    another agency's task or team."""

    agency_id: UUID = field(metadata=doc("The agency applied to (Pasal 11(2), ORG-4)."))
    title: str = field(metadata=doc("The agency's task applied for.", max_length=200))
    description: str | None = field(
        default=None,
        metadata=doc("Why one applies: the agency's task or team, and one's duties and expertise for it."),
    )
    starts_on: dt.date | None = field(default=None, metadata=doc("Planned start."))
    due_on: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        _required(self.title, "title")
        _dates(self.starts_on, self.due_on)


@dataclass(frozen=True)
class ReceiveAgencyApplicationInput:
    """Pasal 11(2): the head of the unit applied to records an outside officer's application, which
    arrived through, and with the written approval of, the officer's superior at their agency."""

    agency_id: UUID = field(metadata=doc("The officer's agency (Pasal 11(2), ORG-4)."))
    staff_id: UUID = field(metadata=doc("The applicant: an active officer of that agency."))
    target_unit_id: UUID = field(metadata=doc("The unit applied to; its head records and decides."))
    title: str = field(metadata=doc("The task applied for.", max_length=200))
    superior_approval: str | None = field(
        default=None,
        metadata=doc(
            "Number and date of the officer's superior's written approval of the application; without "
            "it the application is not received (Pasal 11(2)).",
            max_length=200,
        ),
    )
    description: str | None = field(
        default=None, metadata=doc("Why the officer applies: the task, and their duties and expertise.")
    )
    team_id: UUID | None = field(
        default=None, metadata=doc("A running or forming team of that unit the officer offers to work in.")
    )
    starts_on: dt.date | None = field(default=None, metadata=doc("Planned start."))
    due_on: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        _required(self.title, "title")
        _dates(self.starts_on, self.due_on)


# --- guards ------------------------------------------------------------------------------------------


@guard(
    "ASG-6",
    id="Pemohon harus petugas aktif instansi yang disebut ('staffId', Pasal 11(2), ASG-6).",
    en="The applicant must be an active officer of the agency named ('staffId', Pasal 11(2), ASG-6).",
    uses_input=True,
    field="staffId",
)
async def officer_of_the_agency(step: Step) -> bool:
    """Pasal 11(2): an outside officer applies from their own agency, not from LPSK or another one."""
    return await rules.officers_of_agency([step.input.staff_id], step.input.agency_id)


@guard(
    "ASG-6",
    id="Pengajuan sukarela lintas instansi diajukan melalui dan atas persetujuan atasan pemohon: sebutkan "
    "nomor dan tanggal persetujuannya ('superiorApproval', Pasal 11(2), ASG-6).",
    en="A voluntary application across agencies comes through, and with the approval of, the applicant's "
    "superior: give its number and date ('superiorApproval', Pasal 11(2), ASG-6).",
    uses_input=True,
    field="superiorApproval",
)
async def superior_approval_given(step: Step) -> bool:
    """Pasal 11(2) "melalui dan atas persetujuan Atasan": the outside superior's approval is on record."""
    return bool((step.input.superior_approval or "").strip())


@guard(
    "ASG-6",
    id="Jawaban instansi dicatat dari suratnya: sebutkan nomor dan tanggal surat ('agencyLetter', ASG-6).",
    en="An agency's answer is recorded from its letter: give its number and date ('agencyLetter', ASG-6).",
    uses_input=True,
    field="agencyLetter",
)
async def answer_letter_recorded(step: Step) -> bool:
    """Pasal 11(2), as ASG-3 "in writing": staff recording the answer cite the agency's letter; a
    partner token's answer is itself the agency's written answer."""
    if step.principal.staff_id is None:
        return True
    return bool((step.input.agency_letter or "").strip())


@guard(
    "AC-7",
    id="Pemohon tidak dapat mencatat atau memutus pengajuannya sendiri, juga sebagai pelaksana tugas (AC-7).",
    en="The applicant cannot record or decide their own application, acting in a post or not (AC-7).",
)
async def not_the_applicant(step: Step) -> bool:
    """AC-7: an applicant acting in the recording post does not record the answer to their application."""
    record = step.record
    applicant = record.requested_by_id if isinstance(record, InvolvementRequest) else record.staff_id
    return step.principal.staff_id is None or step.principal.staff_id != applicant


# --- effects -----------------------------------------------------------------------------------------


async def _active_agency(agency_id: UUID) -> None:
    if not await Agency.filter(id=agency_id, active=True).exists():
        raise NotFound("Agency")


async def build_application_to_agency(step: Step) -> Assignment:
    """Pasal 11(2): the applicant's own application to another agency, for their own head first."""
    given: ApplyToAgencyInput = step.input
    applicant = await Staff.get_or_none(id=step.principal.staff_id)
    if applicant is None:
        raise NotFound("Staff")
    await _active_agency(given.agency_id)
    return await effects.new_assignment(
        step,
        AssignmentPath.OUTBOUND_AGENCY_VOLUNTARY,
        False,
        kind=AssignmentKind.VOLUNTARY_APPLICATION,
        requesting_unit_id=applicant.unit_id,  # type: ignore[attr-defined]
        requesting_agency_id=given.agency_id,
        staff_id=applicant.id,
    )


async def build_application_from_agency(step: Step) -> Assignment:
    """Pasal 11(2): an outside officer's application to the unit, recorded by its head (the officer
    applies: they are its proposer and the requester no LPSK official may be, AC-7)."""
    given: ReceiveAgencyApplicationInput = step.input
    await effects.active_unit(given.target_unit_id)
    await _active_agency(given.agency_id)
    return await effects.new_assignment(
        step,
        AssignmentPath.INBOUND_AGENCY_VOLUNTARY,
        False,
        kind=AssignmentKind.VOLUNTARY_APPLICATION,
        target_unit_id=given.target_unit_id,
        requesting_agency_id=given.agency_id,
        staff_id=given.staff_id,
        team_id=given.team_id,
        proposer_id=given.staff_id,
    )


async def application_received(step: Step) -> None:
    """Pasal 11(2): the officer's request, with their superior's written approval, goes to the head."""
    given: ReceiveAgencyApplicationInput = step.input
    record: Assignment = step.record
    await step.fire(
        effects.involvements(),
        "submit",
        input=SubmitInvolvementInput(
            assignment_id=record.id,
            purpose=(record.description or record.title).strip(),
            staff_id=given.staff_id,
            agency_letter=(given.superior_approval or "").strip(),
        ),
    )


# --- transitions -------------------------------------------------------------------------------------

_TO = rules.OUTBOUND_VOLUNTARY
_FROM = rules.INBOUND_VOLUNTARY

INVOLVEMENT_STEPS: tuple[Transition, ...] = (
    # LPSK staff to another agency: the agency answers in writing (its token, or the Secretary General
    # records its letter).
    Transition(
        action="agency_approve",
        sources=(I.SUBMITTED,),
        target=I.APPROVED,
        actors=(AGENCY, SECRETARY_GENERAL),
        guards=(not_the_applicant, voluntary.applicant_unchanged, answer_letter_recorded),
        input=AgencyAnswerInput,
        effect=outbound.agency_approved,
        when=rules.VOLUNTARY_TO_AGENCY,
        rule_ids=("ASG-6", "ORG-4", "ASG-7", "AC-2", "AC-7"),
    ),
    Transition(
        action="agency_reject",
        sources=(I.SUBMITTED,),
        target=I.REJECTED,
        actors=(AGENCY, SECRETARY_GENERAL),
        guards=(not_the_applicant, answer_letter_recorded),
        input=AgencyRefusalInput,
        reason_required=True,
        effect=outbound.agency_rejected,
        when=rules.VOLUNTARY_TO_AGENCY,
        rule_ids=("ASG-6", "ORG-4", "AC-2"),
    ),
    # An agency's officer to an LPSK unit: its head decides through the approval mechanism.
    Transition(
        action="approve",
        sources=(I.SUBMITTED,),
        target=I.APPROVED,
        actors=(TARGET_HEAD,),
        guards=(voluntary.applicant_unchanged,),
        approval=voluntary.TARGET_HEAD_DECISION,
        input=ApproveInvolvementInput,
        effect=effects.involvement_approved,
        when=rules.VOLUNTARY_FROM_AGENCY,
        rule_ids=("ASG-6", "ORG-4", "ASG-7", "AC-6", "AC-7"),
    ),
    steps.refusal(
        voluntary.TARGET_HEAD_DECISION,
        TARGET_HEAD,
        effect=effects.involvement_rejected,
        when=rules.VOLUNTARY_FROM_AGENCY,
        rule_ids=("ASG-6", "ORG-4", "AC-6"),
    ),
)

ASSIGNMENT_STEPS: tuple[Transition, ...] = (
    # LPSK staff to another agency (Pasal 11(2), ORG-4)
    Transition(
        action="apply_to_agency",
        sources=(),
        target=S.SUBMITTED,
        actors=(APPLICANT,),
        guards=(voluntary.applicant_may_apply,),
        input=ApplyToAgencyInput,
        build=build_application_to_agency,
        when=_TO,
        rule_ids=("ASG-6", "ORG-4"),
        label=("Ajukan diri untuk tugas instansi lain", "Apply for another agency's task"),
        description="A functional official or executor applies to work on another agency's task or team, "
        "through and with the approval of their own head, who forwards it to the agency (Pasal 11(2), "
        "ORG-4).",
    ),
    Transition(
        action="approve_application",
        sources=(S.SUBMITTED,),
        target=S.OWN_HEAD_APPROVED,
        actors=(OWN_HEAD,),
        guards=(voluntary.applicant_still_in_unit,),
        approval=voluntary.OWN_HEAD_DECISION,
        effect=voluntary.forwarded,
        when=_TO,
        rule_ids=("ASG-6", "ORG-4", "AC-6", "AC-7"),
    ),
    steps.refusal(
        voluntary.OWN_HEAD_DECISION, OWN_HEAD, effect=effects.path_ended, when=_TO, rule_ids=("ASG-6",)
    ),
    *steps.involvement_outcome(S.OWN_HEAD_APPROVED, S.APPROVED, when=_TO, rule_ids=("ASG-6", "ASG-7")),
    # Pasal 11(1): a voluntary assignment is set by the Secretary General's decision.
    steps.secretary_general_letter(
        S.APPROVED, SECRETARY_GENERAL, when=_TO, rule_ids=("ASG-6", "ORG-4", "ASG-7", "ASG-10")
    ),
    steps.ended("reject", (S.APPROVED,), (SECRETARY_GENERAL,), when=_TO, rule_ids=("ASG-6",)),
    Transition(
        action="deliver",
        sources=(S.LETTER_ISSUED,),
        target=S.DELIVERED,
        actors=(OWN_HEAD,),
        when=_TO,
        rule_ids=("ASG-6", "ORG-4"),
    ),
    steps.ended(
        "withdraw",
        (S.SUBMITTED, S.OWN_HEAD_APPROVED, S.APPROVED),
        (APPLICANT,),
        target=S.WITHDRAWN,
        when=_TO,
        rule_ids=("ASG-6",),
    ),
    # An agency's officer to an LPSK unit (Pasal 11(2), ORG-4)
    Transition(
        action="receive_agency_application",
        sources=(),
        target=S.SUBMITTED,
        actors=(TARGET_HEAD,),
        guards=(officer_of_the_agency, superior_approval_given, voluntary.team_of_the_owning_unit),
        input=ReceiveAgencyApplicationInput,
        build=build_application_from_agency,
        effect=application_received,
        when=_FROM,
        rule_ids=("ASG-6", "ORG-4", "ASG-7"),
        label=(
            "Catat pengajuan sukarela petugas instansi lain",
            "Record another agency's officer's application",
        ),
        description="The head of the unit applied to records an outside officer's voluntary application, "
        "which arrived through and with the written approval of the officer's superior; the head then "
        "decides it as an involvement request (Pasal 11(2), ORG-4, ASG-7).",
    ),
    *steps.involvement_outcome(S.SUBMITTED, S.TARGET_HEAD_APPROVED, when=_FROM, rule_ids=("ASG-6", "ASG-7")),
    Transition(
        action="consult_secretary_general",
        sources=(S.TARGET_HEAD_APPROVED,),
        target=S.CONSULTING,
        actors=(TARGET_HEAD,),
        guards=(rules.every_involvement_approved,),
        when=_FROM,
        rule_ids=("ASG-6", "ASG-7"),
    ),
    steps.secretary_general_letter(
        S.CONSULTING,
        SECRETARY_GENERAL,
        guards=(voluntary.team_of_the_owning_unit,),
        when=_FROM,
        rule_ids=("ASG-6", "ORG-4", "ASG-7", "ASG-10", "AC-8"),
    ),
    steps.ended("reject", (S.CONSULTING,), (SECRETARY_GENERAL,), when=_FROM, rule_ids=("ASG-6",)),
    Transition(
        action="deliver",
        sources=(S.LETTER_ISSUED,),
        target=S.DELIVERED,
        actors=(TARGET_HEAD,),
        when=_FROM,
        rule_ids=("ASG-6", "ORG-4"),
    ),
    steps.ended(
        "withdraw",
        (S.SUBMITTED, S.TARGET_HEAD_APPROVED, S.CONSULTING),
        (TARGET_HEAD,),
        target=S.WITHDRAWN,
        when=_FROM,
        rule_ids=("ASG-6",),
    ),
)

__all__ = [
    "ASSIGNMENT_STEPS",
    "INVOLVEMENT_STEPS",
    "ApplyToAgencyInput",
    "ReceiveAgencyApplicationInput",
]
