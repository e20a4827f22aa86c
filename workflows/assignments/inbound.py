"""ASG-4, LPSK staff at another agency's request (Lamp. 2.A.4):

the agency's written request is recorded by the Secretary General (`receive_agency_request`; the
agency's partner token then reads the request and its answer, AC-2) → the Secretary General consults
the related unit head, who advises on availability and may propose the person (`advise`) → the
Secretary General approves or rejects in writing, weighing availability and relevance to LPSK's tasks
(INBOUND_SECRETARY_GENERAL, only once the advice is on record) → issues the letter (LPSK series) →
the unit head delivers it to the staff member and to the requesting agency (`deliver`).
"""

from __future__ import annotations

from uuid import UUID

from models.assignments import Assignment, AssignmentPath, AssignmentStatus, InvolvementStatus
from models.audit import WorkflowHistory
from models.organisation import Agency, Position
from workflows.approvals import INBOUND_SECRETARY_GENERAL
from workflows.assignments import effects, rules, steps
from workflows.assignments.inputs import (
    AdviseInput,
    ApproveInvolvementInput,
    ReceiveAgencyRequestInput,
    SubmitInvolvementInput,
)
from workflows.engine import Approves, Step, Transition, guard, head_of, position
from workflows.errors import NotFound

S = AssignmentStatus
I = InvolvementStatus  # noqa: E741 — read as the involvement statuses

SECRETARY_GENERAL = position(Position.SECRETARY_GENERAL, "ASG-4", "the Secretary General")
RELATED_HEAD = head_of("target_unit_id", "ASG-4", "head of the related unit", name="related_head")

DECISION = Approves(
    INBOUND_SECRETARY_GENERAL,
    requester=lambda request: request.requested_by_id,
    note=lambda step: step.input.availability_note,
)
ADVICE = "advise"  # the step the Secretary General's decision waits for

# --- guards ------------------------------------------------------------------------------------------


def _named(step: Step) -> UUID | None:
    return step.input.staff_id or step.record.requested_staff_id


@guard(
    "ASG-4",
    id="Pegawai yang diminta harus pegawai unit kerja yang berkaitan ('requestedStaffId', ASG-4).",
    en="The person asked for must be on the staff of the related unit ('requestedStaffId', ASG-4).",
    uses_input=True,
    field="requestedStaffId",
)
async def asked_of_related_unit(step: Step) -> bool:
    """ASG-4: the Secretary General consults the head of the unit the person belongs to."""
    return await rules.staff_of_unit([step.input.requested_staff_id], step.input.target_unit_id)


@guard(
    "ASG-4",
    id="Pegawai yang diusulkan atau disediakan harus pegawai unit kerja yang berkaitan ('staffId', ASG-4).",
    en="The person proposed or made available must be on the staff of the related unit ('staffId', ASG-4).",
    uses_input=True,
    field="staffId",
)
async def person_of_related_unit(step: Step) -> bool:
    """ASG-4: LPSK makes available staff of the unit consulted."""
    return await rules.staff_of_unit([_named(step)], step.record.target_unit_id)


@guard(
    "ASG-4",
    id="Sebutkan pegawai yang disediakan: permintaan ini belum menyebut seorang pun ('staffId', ASG-4).",
    en="Name the person made available: this request names nobody yet ('staffId', ASG-4).",
    uses_input=True,
    field="staffId",
)
async def person_named(step: Step) -> bool:
    """ASG-4: an approval makes a named person available to the agency."""
    return _named(step) is not None


@guard(
    "ASG-4",
    id="Sekretaris Jenderal memutus setelah berkonsultasi dengan pimpinan unit kerja yang berkaitan: "
    "belum ada pertimbangannya (ASG-4).",
    en="The Secretary General decides after consulting the related unit head: no advice is on record "
    "yet (ASG-4).",
)
async def related_head_consulted(step: Step) -> bool:
    """ASG-4: the related unit head's advice on availability is on record before the decision."""
    return await WorkflowHistory.filter(
        subject_type=type(step.record).__name__, subject_id=step.record.id, action=ADVICE
    ).exists()


# --- effects -----------------------------------------------------------------------------------------


async def build_inbound(step: Step) -> Assignment:
    """ASG-4: the agency's request for LPSK staff, recorded; the Secretary General consults."""
    given: ReceiveAgencyRequestInput = step.input
    await effects.active_unit(given.target_unit_id)
    if not await Agency.filter(id=given.agency_id, active=True).exists():
        raise NotFound("Agency")
    return await effects.new_assignment(
        step,
        AssignmentPath.INBOUND_AGENCY_REQUEST,
        False,
        target_unit_id=given.target_unit_id,
        requesting_agency_id=given.agency_id,
        proposer_id=None,  # the agency asks; the Secretary General only records its letter
    )


async def agency_request_received(step: Step) -> None:
    """ASG-4: the request from the agency, to be decided by the Secretary General."""
    given: ReceiveAgencyRequestInput = step.input
    await step.fire(
        effects.involvements(),
        "submit",
        input=SubmitInvolvementInput(
            assignment_id=step.record.id,
            purpose=given.purpose,
            staff_id=given.requested_staff_id,
            agency_letter=given.agency_letter.strip(),
        ),
    )


async def advised(step: Step) -> None:
    """ASG-4: the related head's view on availability, and the person they propose, are kept."""
    given: AdviseInput = step.input
    step.record.availability_note = given.availability_note.strip()
    if given.staff_id is not None:
        step.record.requested_staff_id = given.staff_id


async def approved(step: Step) -> None:
    """ASG-4: the Secretary General's approval (its note kept with the approval, the head's advice on
    the request) and the person made available; the assignment moves on (ASG-7)."""
    effects.decided(step)
    if step.input.staff_id is not None:
        step.record.requested_staff_id = step.input.staff_id
    await effects.after_approval(step)


# --- transitions -------------------------------------------------------------------------------------

INVOLVEMENT_STEPS: tuple[Transition, ...] = (
    Transition(
        action=ADVICE,
        sources=(I.SUBMITTED,),
        target=I.SUBMITTED,
        actors=(RELATED_HEAD,),
        guards=(person_of_related_unit,),
        input=AdviseInput,
        effect=advised,
        when=rules.FROM_AGENCY,
        rule_ids=("ASG-4", "AC-6"),
        label=("Beri pertimbangan ketersediaan", "Advise on availability"),
        description="Consulted by the Secretary General, the related unit head advises on the availability "
        "of staff and may propose the person (ASG-4).",
    ),
    Transition(
        action="approve",
        sources=(I.SUBMITTED,),
        target=I.APPROVED,
        actors=(SECRETARY_GENERAL,),
        guards=(related_head_consulted, person_named, person_of_related_unit),
        approval=DECISION,
        input=ApproveInvolvementInput,
        effect=approved,
        when=rules.FROM_AGENCY,
        rule_ids=("ASG-4", "AC-6", "AC-7"),
    ),
    steps.refusal(
        DECISION,
        SECRETARY_GENERAL,
        effect=effects.involvement_rejected,
        when=rules.FROM_AGENCY,
        rule_ids=("ASG-4", "AC-6"),
    ),
)

ASSIGNMENT_STEPS: tuple[Transition, ...] = (
    Transition(
        action="receive_agency_request",
        sources=(),
        target=S.CONSULTING,
        actors=(SECRETARY_GENERAL,),
        guards=(asked_of_related_unit,),
        input=ReceiveAgencyRequestInput,
        build=build_inbound,
        effect=agency_request_received,
        when=rules.INBOUND,
        rule_ids=("ASG-4",),
        label=("Catat permintaan tertulis instansi", "Record an agency's written request"),
        description="The Secretary General records another agency's written request for LPSK staff and "
        "consults the related unit head (ASG-4).",
    ),
    *steps.involvement_outcome(S.CONSULTING, S.APPROVED, when=rules.INBOUND, rule_ids=("ASG-4", "ASG-7")),
    steps.secretary_general_letter(
        S.APPROVED, SECRETARY_GENERAL, when=rules.INBOUND, rule_ids=("ASG-4", "ASG-10")
    ),
    Transition(
        action="deliver",
        sources=(S.LETTER_ISSUED,),
        target=S.DELIVERED,
        actors=(RELATED_HEAD,),
        when=rules.INBOUND,
        rule_ids=("ASG-4",),
    ),
    steps.ended(
        "withdraw",
        (S.CONSULTING, S.APPROVED),
        (SECRETARY_GENERAL,),
        target=S.WITHDRAWN,
        when=rules.INBOUND,
        rule_ids=("ASG-4",),
    ),
)

__all__ = ["ASSIGNMENT_STEPS", "INVOLVEMENT_STEPS"]
