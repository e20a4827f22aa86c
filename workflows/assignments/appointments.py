"""The appointment paths between LPSK's own units, as transitions (01, Pasal 10, Lamp. 2.A.1–2):

- ASG-1, within a unit: the unit head drafts (`appoint`: a person, or a team with lead and members,
  all of the unit) → issues the letter in the unit's series (or withdraws).
- ASG-2, across units: the proposing head sends involvement requests (`request_involvement`) → the
  target unit head approves or rejects each (INVOLVEMENT_TARGET_HEAD) → once all are approved, the
  proposing head proposes to the Secretary General → who issues the letter (LPSK series; the people
  made available join the team on their approved request, AC-8) or rejects.
"""

from __future__ import annotations

from models.assignments import AssignmentStatus, InvolvementStatus
from workflows.approvals import INVOLVEMENT_TARGET_HEAD
from workflows.assignments import effects, rules
from workflows.assignments.inputs import (
    AppointInput,
    ApproveInvolvementInput,
    ReasonInput,
    RequestInvolvementInput,
)
from workflows.engine import Approves, Transition

S = AssignmentStatus
I = InvolvementStatus  # noqa: E741 — read as the involvement statuses

INVOLVEMENT_DECISION = Approves(
    INVOLVEMENT_TARGET_HEAD,
    unit=lambda request: request.target_unit_id,
    requester=lambda request: request.requested_by_id,
    note=lambda step: step.input.availability_note,
)

# --- involvement_request ---------------------------------------------------------------------------

INVOLVEMENT_STEPS: tuple[Transition, ...] = (
    Transition(
        action="approve",
        sources=(I.SUBMITTED,),
        target=I.APPROVED,
        actors=(rules.TARGET_HEAD,),
        guards=(rules.person_named, rules.named_person_in_target_unit),
        approval=INVOLVEMENT_DECISION,
        input=ApproveInvolvementInput,
        effect=effects.involvement_approved,
        when=rules.BETWEEN_UNITS,
        rule_ids=("ASG-2", "AC-6", "AC-7"),
        label=("Setujui permohonan pelibatan", "Approve the involvement request"),
        description="The official who decides the request agrees and names the person made available: the "
        "target unit head weighing availability (ASG-2, ASG-6), or the Secretary General after consulting "
        "the related unit head (ASG-4). Acting officials count (AC-6); never the requester (AC-7).",
    ),
    Transition(
        action="reject",
        sources=(I.SUBMITTED,),
        target=I.REJECTED,
        actors=(rules.TARGET_HEAD,),
        approval=Approves(
            INVOLVEMENT_TARGET_HEAD,
            unit=INVOLVEMENT_DECISION.unit,
            requester=INVOLVEMENT_DECISION.requester,
            rejects=True,
        ),
        input=ReasonInput,
        reason_required=True,
        effect=effects.involvement_rejected,
        when=rules.BETWEEN_UNITS,
        rule_ids=("ASG-2", "AC-6", "AC-7"),
        label=("Tolak permohonan pelibatan", "Reject the involvement request"),
        description="The official who decides the request refuses, with a reason; the assignment's path "
        "ends (ASG-2, ASG-4, ASG-6).",
    ),
)

# --- assignment ------------------------------------------------------------------------------------

ASSIGNMENT_STEPS: tuple[Transition, ...] = (
    # ASG-1 — appointment within a unit (Lamp. 2.A.1)
    Transition(
        action="appoint",
        sources=(),
        target=S.DRAFT,
        actors=(rules.APPOINTING_HEAD,),
        guards=(rules.appointees_in_unit,),
        input=AppointInput,
        build=effects.build_appointment,
        effect=effects.appointed,
        when=rules.WITHIN_UNIT,
        rule_ids=("ASG-1", "ASG-7"),
        label=("Tunjuk pegawai unit", "Appoint staff of the unit"),
        description="The unit head drafts an appointment of the unit's staff: one person, or a "
        "team with its lead and members (ASG-1). Staff of other units need ASG-2 (ASG-7).",
    ),
    Transition(
        action="issue_letter",
        sources=(S.DRAFT,),
        target=S.LETTER_ISSUED,
        actors=(rules.APPOINTING_HEAD,),
        guards=(rules.appointees_still_in_unit,),
        effect=effects.unit_letter_issued,
        when=rules.WITHIN_UNIT,
        rule_ids=("ASG-1", "ASG-10"),
        label=("Terbitkan surat penugasan", "Issue the assignment letter"),
        description="The letter that makes the assignment official (ASG-10). ASG-1 and ASG-5: the unit "
        "head's letter, numbered in the unit's series. ASG-2, ASG-3, ASG-4, ASG-6: the Secretary "
        "General's, numbered as LPSK's, once every involvement request is approved on record (ASG-7); "
        "the people made available join the team on their approved request (AC-8). A team starts.",
    ),
    Transition(
        action="withdraw",
        sources=(S.DRAFT,),
        target=S.WITHDRAWN,
        actors=(rules.APPOINTING_HEAD,),
        input=ReasonInput,
        reason_required=True,
        effect=effects.path_ended,
        when=rules.WITHIN_UNIT,
        rule_ids=("ASG-1",),
        label=("Batalkan penugasan", "Withdraw the assignment"),
        description="Whoever started the path withdraws it before its letter (or the agency's request, "
        "before the decision), with a reason: the proposing or appointing head, the applicant, the "
        "Secretary General for an agency's request.",
    ),
    # ASG-2 — appointment across units (Pasal 10(2)–(3), Lamp. 2.A.2)
    Transition(
        action="request_involvement",
        sources=(),
        target=S.AWAITING_INVOLVEMENT,
        actors=(rules.PROPOSING_HEAD,),
        guards=(
            rules.target_is_another_unit,
            rules.requested_from_target_unit,
            rules.own_members_in_unit,
            rules.lead_from_owning_unit_or_justified,
        ),
        input=RequestInvolvementInput,
        build=effects.build_cross_unit,
        effect=effects.involvement_requested,
        when=rules.CROSS_UNIT,
        rule_ids=("ASG-2", "ASG-7", "ASG-8"),
        label=("Ajukan permohonan pelibatan", "Request staff of another unit"),
        description="The proposing unit head asks the target unit head for staff, one involvement "
        "request per person (ASG-2); the team forms with the proposing unit's own people (ASG-7, ASG-8).",
    ),
    Transition(
        action="involvement_approved",
        sources=(S.AWAITING_INVOLVEMENT,),
        target=S.TARGET_HEAD_APPROVED,
        guards=(rules.every_involvement_approved,),
        when=rules.CROSS_UNIT,
        rule_ids=("ASG-2", "ASG-7"),
        label=("Pelibatan disetujui", "Involvement approved"),
        description="Follows the approval of the last open involvement request.",
    ),
    Transition(
        action="involvement_rejected",
        sources=(S.AWAITING_INVOLVEMENT,),
        target=S.REJECTED,
        effect=effects.path_ended,
        when=rules.CROSS_UNIT,
        rule_ids=("ASG-2",),
        label=("Pelibatan ditolak", "Involvement rejected"),
        description="Follows the rejection of an involvement request, with its reason.",
    ),
    Transition(
        action="propose_to_secretary_general",
        sources=(S.TARGET_HEAD_APPROVED,),
        target=S.PROPOSED_TO_SG,
        actors=(rules.PROPOSING_HEAD,),
        guards=(rules.every_involvement_approved,),
        when=rules.CROSS_UNIT,
        rule_ids=("ASG-2", "ASG-7"),
        label=("Usulkan kepada Sekretaris Jenderal", "Propose to the Secretary General"),
        description="With the involvement approved, the proposing head proposes the assignment to "
        "the Secretary General (ASG-2).",
    ),
    Transition(
        action="issue_letter",
        sources=(S.PROPOSED_TO_SG,),
        target=S.LETTER_ISSUED,
        actors=(rules.SECRETARY_GENERAL,),
        guards=(rules.every_involvement_approved,),
        effect=effects.secretary_general_letter_issued,
        when=rules.CROSS_UNIT,
        rule_ids=("ASG-2", "ASG-7", "ASG-10", "AC-8"),
    ),
    Transition(
        action="reject",
        sources=(S.PROPOSED_TO_SG,),
        target=S.REJECTED,
        actors=(rules.SECRETARY_GENERAL,),
        input=ReasonInput,
        reason_required=True,
        effect=effects.path_ended,
        when=rules.CROSS_UNIT,
        rule_ids=("ASG-2",),
        label=("Tolak penugasan", "Reject the assignment"),
        description="The official whose decision the step awaits refuses, with a reason, which ends the "
        "path: the Secretary General (ASG-2, ASG-3, ASG-6), the unit head on an application (ASG-5, ASG-6).",
    ),
    Transition(
        action="withdraw",
        sources=(S.AWAITING_INVOLVEMENT, S.TARGET_HEAD_APPROVED, S.PROPOSED_TO_SG),
        target=S.WITHDRAWN,
        actors=(rules.PROPOSING_HEAD,),
        input=ReasonInput,
        reason_required=True,
        effect=effects.path_ended,
        when=rules.CROSS_UNIT,
        rule_ids=("ASG-2",),
    ),
)

__all__ = ["ASSIGNMENT_STEPS", "INVOLVEMENT_DECISION", "INVOLVEMENT_STEPS"]
