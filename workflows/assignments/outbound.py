"""ASG-3, another agency's officers on an LPSK team at LPSK's request (Lamp. 2.A.3):

the unit head puts the need to the Secretary General (`request_agency_involvement`: the team forms
with the unit's own people, the requests are drafted) → after consulting, the Secretary General sends
the written request to the agency (`send_agency_request`) or refuses → the agency answers in writing,
itself through a partner token with `involvement_requests:respond`, or LPSK staff (the Secretary
General) record its letter (`agency_approve` / `agency_reject`) → once every request is approved, the
Secretary General issues the team letter (LPSK series; the officers join on their approved request,
ASG-7, AC-8) → and sends it to the agency head to forward (`deliver`).
"""

from __future__ import annotations

from models.assignments import (
    Assignment,
    AssignmentPath,
    AssignmentStatus,
    InvolvementRequest,
    InvolvementStatus,
)
from models.organisation import Agency, Position
from workflows.assignments import effects, rules, steps
from workflows.assignments.inputs import (
    AgencyAnswerInput,
    AgencyRefusalInput,
    RequestAgencyInvolvementInput,
    SubmitInvolvementInput,
)
from workflows.assignments.records import AGENCY_APPROVAL
from workflows.engine import Step, Transition, guard, head_of, position
from workflows.errors import NotFound

S = AssignmentStatus
I = InvolvementStatus  # noqa: E741 — read as the involvement statuses

OWNING_HEAD = head_of("requesting_unit_id", "ASG-3", "head of the owning unit", name="owning_head")
SECRETARY_GENERAL = position(Position.SECRETARY_GENERAL, "ASG-3", "the Secretary General")
AGENCY = rules.partner_token(
    "target_agency_id", "involvement_requests:respond", "ASG-3", "the agency asked (partner token)"
)

# --- guards ------------------------------------------------------------------------------------------


@guard(
    "ASG-3",
    id="Yang dimohonkan harus petugas instansi yang dituju ('requestedStaffIds', ASG-3).",
    en="Those asked for must be officers of the agency asked ('requestedStaffIds', ASG-3).",
    uses_input=True,
    field="requestedStaffIds",
)
async def requested_from_agency(step: Step) -> bool:
    """ASG-3: the written request goes to the head of the agency the officers belong to."""
    return await rules.officers_of_agency(step.input.requested_staff_ids, step.input.agency_id)


@guard(
    "ASG-3",
    id="Sebutkan petugas yang disediakan instansi: permohonan ini belum menyebut seorang pun ('staffId', ASG-3).",
    en="Name the officer the agency makes available: this request names nobody yet ('staffId', ASG-3).",
    uses_input=True,
    field="staffId",
)
async def officer_named(step: Step) -> bool:
    """ASG-3: an approval makes a named officer available (AC-8 rests on it)."""
    return (step.input.staff_id or step.record.requested_staff_id) is not None


@guard(
    "ASG-3",
    id="Petugas yang disediakan harus petugas instansi yang menjawab ('staffId', ASG-3).",
    en="The officer made available must be an officer of the agency answering ('staffId', ASG-3).",
    uses_input=True,
    field="staffId",
)
async def officer_of_the_agency(step: Step) -> bool:
    """ASG-3: an agency makes its own officers available, not another's."""
    named = step.input.staff_id or step.record.requested_staff_id
    return await rules.officers_of_agency([named], step.record.target_agency_id)


@guard(
    "ASG-3",
    id="Jawaban instansi dicatat dari suratnya: sebutkan nomor dan tanggal surat ('agencyLetter', ASG-3).",
    en="An agency's answer is recorded from its letter: give its number and date ('agencyLetter', ASG-3).",
    uses_input=True,
    field="agencyLetter",
)
async def agency_letter_recorded(step: Step) -> bool:
    """ASG-3 ("in writing"): staff recording the answer cite the agency's letter; a partner token's
    answer is itself the agency's written answer."""
    if step.principal.staff_id is None:
        return True
    return bool((step.input.agency_letter or "").strip())


# --- effects -----------------------------------------------------------------------------------------


async def build_outbound(step: Step) -> Assignment:
    """ASG-3: the team assignment the owning unit needs, under consultation with the Secretary General."""
    given: RequestAgencyInvolvementInput = step.input
    await effects.active_unit(given.unit_id)
    if not await Agency.filter(id=given.agency_id, active=True).exists():
        raise NotFound("Agency")
    return await effects.new_assignment(
        step, AssignmentPath.OUTBOUND_AGENCY_APPOINTMENT, True, requesting_agency_id=given.agency_id
    )


async def agency_involvement_requested(step: Step) -> None:
    """ASG-3, ASG-7: the team forms with the owning unit's own people; one request per officer asked
    for is drafted, not yet addressed to the agency (its token sees nothing before it is sent)."""
    given: RequestAgencyInvolvementInput = step.input
    await effects.form_team(
        step,
        given.team_name,
        given.lead_id,
        given.member_ids,
        cross_unit=False,
        cross_agency=True,
        justification=given.lead_justification,
    )
    for staff_id in given.requested_staff_ids or [None]:
        await step.fire(
            effects.involvements(),
            "prepare",
            input=SubmitInvolvementInput(
                assignment_id=step.record.id, purpose=given.purpose, staff_id=staff_id
            ),
        )


async def agency_request_sent(step: Step) -> None:
    """ASG-3: the Secretary General's written request goes out: each drafted request is addressed to
    the agency and sent."""
    for request in await InvolvementRequest.filter(assignment_id=step.record.id, status=I.DRAFT):
        await step.fire(effects.involvements(), "send", request)


async def addressed(step: Step) -> None:
    """ASG-3: a sent request is addressed to the agency of its assignment (AC-2: now its token sees it)."""
    assignment = await Assignment.get(id=step.record.assignment_id)
    step.record.target_agency_id = assignment.requesting_agency_id  # type: ignore[attr-defined]


async def agency_approved(step: Step) -> None:
    """ASG-3: the agency's written yes and the officer it makes available are recorded; once every
    request is approved, the assignment moves on (ASG-7)."""
    given: AgencyAnswerInput = step.input
    request = step.record
    effects.decided(step)
    request.agency_letter = (given.agency_letter or "").strip() or None
    request.availability_note = (given.note or "").strip() or None
    if given.staff_id is not None:
        request.requested_staff_id = given.staff_id
    await effects.after_approval(step)


async def agency_rejected(step: Step) -> None:
    """ASG-3: the agency's written no and its reason are recorded; the path ends."""
    step.record.agency_letter = (step.input.agency_letter or "").strip() or None
    await effects.involvement_rejected(step)


# --- transitions -------------------------------------------------------------------------------------

INVOLVEMENT_STEPS: tuple[Transition, ...] = (
    Transition(
        action="prepare",
        sources=(),
        target=I.DRAFT,
        input=SubmitInvolvementInput,
        build=effects.build_involvement_request,
        when=rules.TO_AGENCY,
        rule_ids=("ASG-3",),
        label=("Siapkan permohonan kepada instansi", "Draft the request to the agency"),
        description="Drafted with the need the unit head puts to the Secretary General.",
    ),
    Transition(
        action="send",
        sources=(I.DRAFT,),
        target=I.SUBMITTED,
        effect=addressed,
        when=rules.TO_AGENCY,
        rule_ids=("ASG-3",),
        label=("Kirim permohonan kepada instansi", "Send the request to the agency"),
        description="Follows the Secretary General's written request to the agency.",
    ),
    Transition(
        action=AGENCY_APPROVAL,  # records.approved_on_record looks for this step in the history
        sources=(I.SUBMITTED,),
        target=I.APPROVED,
        actors=(AGENCY, SECRETARY_GENERAL),
        guards=(officer_named, officer_of_the_agency, agency_letter_recorded),
        input=AgencyAnswerInput,
        effect=agency_approved,
        when=rules.TO_AGENCY,
        rule_ids=("ASG-3", "ASG-7", "AC-2"),
        label=("Catat persetujuan instansi", "Record the agency's approval"),
        description="The agency agrees in writing and names the officer it makes available: through its "
        "partner token (involvement_requests:respond, its own requests only, AC-2), or the Secretary "
        "General records its letter (ASG-3). The approval on record lets the officer join (ASG-7).",
    ),
    Transition(
        action="agency_reject",
        sources=(I.SUBMITTED,),
        target=I.REJECTED,
        actors=(AGENCY, SECRETARY_GENERAL),
        guards=(agency_letter_recorded,),
        input=AgencyRefusalInput,
        reason_required=True,
        effect=agency_rejected,
        when=rules.TO_AGENCY,
        rule_ids=("ASG-3", "AC-2"),
        label=("Catat penolakan instansi", "Record the agency's refusal"),
        description="The agency refuses in writing, with its reason, through its partner token or recorded "
        "by the Secretary General from its letter; the assignment's path ends (ASG-3).",
    ),
)

ASSIGNMENT_STEPS: tuple[Transition, ...] = (
    Transition(
        action="request_agency_involvement",
        sources=(),
        target=S.CONSULTING,
        actors=(OWNING_HEAD,),
        guards=(
            requested_from_agency,
            rules.own_members_in_unit,
            rules.lead_from_owning_unit_or_justified,
        ),
        input=RequestAgencyInvolvementInput,
        build=build_outbound,
        effect=agency_involvement_requested,
        when=rules.OUTBOUND,
        rule_ids=("ASG-3", "ASG-7", "ASG-8"),
        label=("Ajukan kebutuhan petugas instansi lain", "Put the need for another agency's officers"),
        description="The unit head consults the Secretary General on the need for another agency's officers "
        "on a team of the unit; the team forms with the unit's own people (ASG-3, ASG-7, ASG-8).",
    ),
    Transition(
        action="send_agency_request",
        sources=(S.CONSULTING,),
        target=S.AWAITING_INVOLVEMENT,
        actors=(SECRETARY_GENERAL,),
        effect=agency_request_sent,
        when=rules.OUTBOUND,
        rule_ids=("ASG-3",),
        label=("Kirim permohonan tertulis kepada instansi", "Send the written request to the agency"),
        description="After the consultation, the Secretary General sends the written request to the head "
        "of the agency (ASG-3).",
    ),
    steps.ended("reject", (S.CONSULTING,), (SECRETARY_GENERAL,), when=rules.OUTBOUND, rule_ids=("ASG-3",)),
    # Fired by the agency's answer: the record of every answer (ASG-7) is checked at the letter.
    *steps.involvement_outcome(
        S.AWAITING_INVOLVEMENT, S.APPROVED, guards=(), when=rules.OUTBOUND, rule_ids=("ASG-3", "ASG-7")
    ),
    steps.secretary_general_letter(
        S.APPROVED, SECRETARY_GENERAL, when=rules.OUTBOUND, rule_ids=("ASG-3", "ASG-7", "ASG-10", "AC-8")
    ),
    Transition(
        action="deliver",
        sources=(S.LETTER_ISSUED,),
        target=S.DELIVERED,
        actors=(SECRETARY_GENERAL,),
        when=rules.OUTBOUND,
        rule_ids=("ASG-3",),
        label=("Sampaikan surat penugasan", "Deliver the assignment letter"),
        description="The letter reaches whom it must: sent to the agency head to forward to the officer "
        "(ASG-3, by the Secretary General); delivered to the staff member and the requesting agency "
        "(ASG-4, by the related unit head); to the applicant through their own head (ASG-6, by the "
        "target unit head).",
    ),
    steps.ended(
        "withdraw",
        (S.CONSULTING, S.AWAITING_INVOLVEMENT, S.APPROVED),
        (OWNING_HEAD,),
        target=S.WITHDRAWN,
        when=rules.OUTBOUND,
        rule_ids=("ASG-3",),
    ),
)

__all__ = ["AGENCY", "ASSIGNMENT_STEPS", "INVOLVEMENT_STEPS"]
