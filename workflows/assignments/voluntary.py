"""Voluntary applications (pengajuan sukarela, Pasal 11, Lamp. 2.B): a functional official or executor
applies for a task (`apply`), optionally to work in a team of the unit that owns it.

- ASG-5, within one's unit: the unit head approves or rejects, weighing main duties and expertise —
  never their own application (AC-7) → issues the letter in the unit's series.
- ASG-6, across units: one's own head approves or rejects (availability, VOLUNTARY_OWN_HEAD) and so
  forwards it as an involvement request to the target unit head → who approves or rejects (duties,
  expertise, VOLUNTARY_TARGET_HEAD) → consults the Secretary General → who issues the letter (LPSK
  series; the applicant joins the team on the approved request, ASG-7, AC-8) → the target head
  delivers it through the applicant's own head.
"""

from __future__ import annotations

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentPath,
    AssignmentStatus,
    InvolvementStatus,
    Team,
    TeamMembership,
    TeamStatus,
)
from models.organisation import Position, Staff
from workflows.approvals import VOLUNTARY_OWN_HEAD, VOLUNTARY_TARGET_HEAD
from workflows.assignments import effects, rules, steps
from workflows.assignments.inputs import (
    ApplyInput,
    ApproveInvolvementInput,
    SubmitInvolvementInput,
)
from workflows.engine import Approves, Step, Transition, guard, head_of, position, staff_concerned
from workflows.errors import NotFound

S = AssignmentStatus
I = InvolvementStatus  # noqa: E741 — read as the involvement statuses

APPLICANT_5 = staff_concerned("staff_id", "ASG-5", "the applicant")
APPLICANT_6 = staff_concerned("staff_id", "ASG-6", "the applicant")
UNIT_HEAD = head_of("requesting_unit_id", "ASG-5", "head of the applicant's unit", name="applicants_head")
OWN_HEAD = head_of("requesting_unit_id", "ASG-6", "head of the applicant's own unit", name="own_head")
TARGET_HEAD = head_of("target_unit_id", "ASG-6", "head of the target unit", name="target_head")
SECRETARY_GENERAL = position(Position.SECRETARY_GENERAL, "ASG-6", "the Secretary General")

OWN_HEAD_DECISION = Approves(
    VOLUNTARY_OWN_HEAD,
    unit=lambda assignment: assignment.requesting_unit_id,
    requester=lambda assignment: assignment.proposer_id,
)
TARGET_HEAD_DECISION = Approves(
    VOLUNTARY_TARGET_HEAD,
    unit=lambda request: request.target_unit_id,
    requester=lambda request: request.requested_by_id,
    note=lambda step: step.input.availability_note,
)
APPLICANTS = (Position.FUNCTIONAL_OFFICIAL.value, Position.EXECUTOR.value)

# --- guards ------------------------------------------------------------------------------------------


@guard(
    "ASG-5",
    id="Pengajuan sukarela diajukan oleh pejabat fungsional atau pelaksana pada suatu unit kerja (ASG-5, ASG-6).",
    en="A voluntary application is made by a functional official or executor of a unit (ASG-5, ASG-6).",
)
async def applicant_may_apply(step: Step) -> bool:
    """Pasal 11: functional officials and executors of LPSK's units apply; heads appoint."""
    return await Staff.filter(
        id=step.record.staff_id,
        position__in=APPLICANTS,
        unit_id=step.record.requesting_unit_id,
        unit_id__isnull=False,
        agency_id=None,
        active=True,
    ).exists()


@guard(
    "ASG-7",
    id="Tim yang dituju harus tim unit kerja pemilik tugas yang masih berjalan, dan pemohon belum "
    "menjadi anggotanya ('teamId', ASG-7).",
    en="The team applied to must be a running or forming team of the unit that owns the task, not yet "
    "counting the applicant ('teamId', ASG-7).",
    field="teamId",
)
async def team_of_the_owning_unit(step: Step) -> bool:
    """ASG-7: one joins another unit's team only through its own path, and only that unit's team."""
    record: Assignment = step.record
    if record.team_id is None:  # type: ignore[attr-defined]
        return True
    owner = record.target_unit_id or record.requesting_unit_id  # type: ignore[attr-defined]
    team = await Team.get_or_none(id=record.team_id, owning_unit_id=owner)  # type: ignore[attr-defined]
    if team is None or team.status == TeamStatus.CLOSED:
        return False
    running = effects.current_membership(team.id, step.today)
    return not await TeamMembership.filter(running, staff_id=record.staff_id).exists()  # type: ignore[attr-defined]


@guard(
    "AC-7",
    id="Pimpinan unit tidak dapat memutus pengajuannya sendiri, juga sebagai pelaksana tugas (AC-7).",
    en="A head cannot decide their own application, acting in the post or not (AC-7).",
)
async def not_own_application(step: Step) -> bool:
    """AC-7: the applicant acting as their unit's head does not approve their own application."""
    return bool(step.principal.staff_id != step.record.staff_id)


@guard(
    "ASG-5",
    id="Pemohon kini bukan lagi pegawai unit kerja ini (ASG-5).",
    en="The applicant is no longer on the staff of this unit (ASG-5).",
)
async def applicant_still_in_unit(step: Step) -> bool:
    """ASG-5, ASG-6: people move; the applicant is still of the unit whose head decides."""
    return await rules.staff_of_unit([step.record.staff_id], step.record.requesting_unit_id)


@guard(
    "ASG-6",
    id="Pengajuan sukarela menyangkut pemohon sendiri; tidak dapat menyediakan pegawai lain ('staffId', ASG-6).",
    en="A voluntary application concerns the applicant; no one else can be made available ('staffId', ASG-6).",
    uses_input=True,
    field="staffId",
)
async def applicant_unchanged(step: Step) -> bool:
    """ASG-6: the target head decides on the applicant, not on someone they would rather have."""
    return step.input.staff_id in (None, step.record.requested_staff_id)


# --- effects -----------------------------------------------------------------------------------------


async def build_application(step: Step) -> Assignment:
    """ASG-5/ASG-6: the applicant's own application; across units when the target is another unit."""
    given: ApplyInput = step.input
    applicant = await Staff.get_or_none(id=step.principal.staff_id)
    if applicant is None:
        raise NotFound("Staff")
    own = applicant.unit_id  # type: ignore[attr-defined]
    across = given.target_unit_id is not None and given.target_unit_id != own
    if across:
        await effects.active_unit(given.target_unit_id)
    return await effects.new_assignment(
        step,
        AssignmentPath.CROSS_UNIT_VOLUNTARY if across else AssignmentPath.WITHIN_UNIT_VOLUNTARY,
        False,
        kind=AssignmentKind.VOLUNTARY_APPLICATION,
        requesting_unit_id=own,
        target_unit_id=given.target_unit_id if across else None,
        staff_id=applicant.id,
        team_id=given.team_id,
    )


async def forwarded(step: Step) -> None:
    """ASG-6: with the own head's approval the application goes on, as the applicant's involvement
    request, to the target unit head."""
    record: Assignment = step.record
    await step.fire(
        effects.involvements(),
        "submit",
        input=SubmitInvolvementInput(
            assignment_id=record.id,
            purpose=(record.description or record.title).strip(),
            staff_id=record.staff_id,  # type: ignore[attr-defined]
        ),
    )


# --- transitions -------------------------------------------------------------------------------------

INVOLVEMENT_STEPS: tuple[Transition, ...] = (
    Transition(
        action="approve",
        sources=(I.SUBMITTED,),
        target=I.APPROVED,
        actors=(TARGET_HEAD,),
        guards=(applicant_unchanged,),
        approval=TARGET_HEAD_DECISION,
        input=ApproveInvolvementInput,
        effect=effects.involvement_approved,
        when=rules.VOLUNTARY_BETWEEN_UNITS,
        rule_ids=("ASG-6", "ASG-7", "AC-6", "AC-7"),
    ),
    steps.refusal(
        TARGET_HEAD_DECISION,
        TARGET_HEAD,
        effect=effects.involvement_rejected,
        when=rules.VOLUNTARY_BETWEEN_UNITS,
        rule_ids=("ASG-6", "AC-6"),
    ),
)

_WITHIN = rules.WITHIN_UNIT_VOLUNTARY
_ACROSS = rules.CROSS_UNIT_VOLUNTARY

ASSIGNMENT_STEPS: tuple[Transition, ...] = (
    # ASG-5 — voluntary application within a unit (Pasal 11(1), Lamp. 2.B.1)
    Transition(
        action="apply",
        sources=(),
        target=S.SUBMITTED,
        actors=(APPLICANT_5,),
        guards=(applicant_may_apply, team_of_the_owning_unit),
        input=ApplyInput,
        build=build_application,
        when=_WITHIN,
        rule_ids=("ASG-5", "ASG-7"),
        label=("Ajukan diri untuk penugasan", "Apply for an assignment"),
        description="A functional official or executor applies for a task: of their own unit to its head "
        "(ASG-5), or of another unit through their own head (ASG-6); optionally to work in a team of the "
        "unit that owns it (ASG-7).",
    ),
    Transition(
        action="approve_application",
        sources=(S.SUBMITTED,),
        target=S.APPROVED,
        actors=(UNIT_HEAD,),
        guards=(not_own_application, applicant_still_in_unit),
        when=_WITHIN,
        rule_ids=("ASG-5", "AC-7"),
        label=("Setujui pengajuan", "Approve the application"),
        description="The applicant's head approves, weighing main duties and expertise (ASG-5) or the "
        "availability of staff (ASG-6, then forwarding it to the target unit head); never their own "
        "application (AC-7).",
    ),
    steps.ended("reject", (S.SUBMITTED,), (UNIT_HEAD,), when=_WITHIN, rule_ids=("ASG-5",)),
    Transition(
        action="issue_letter",
        sources=(S.APPROVED,),
        target=S.LETTER_ISSUED,
        actors=(UNIT_HEAD,),
        guards=(applicant_still_in_unit, team_of_the_owning_unit),
        effect=effects.unit_letter_issued,
        when=_WITHIN,
        rule_ids=("ASG-5", "ASG-10"),
    ),
    steps.ended(
        "withdraw",
        (S.SUBMITTED, S.APPROVED),
        (APPLICANT_5,),
        target=S.WITHDRAWN,
        when=_WITHIN,
        rule_ids=("ASG-5",),
    ),
    # ASG-6 — voluntary application across units (Pasal 11(2), Lamp. 2.B.2)
    Transition(
        action="apply",
        sources=(),
        target=S.SUBMITTED,
        actors=(APPLICANT_6,),
        guards=(applicant_may_apply, team_of_the_owning_unit),
        input=ApplyInput,
        build=build_application,
        when=_ACROSS,
        rule_ids=("ASG-6", "ASG-7"),
    ),
    Transition(
        action="approve_application",
        sources=(S.SUBMITTED,),
        target=S.OWN_HEAD_APPROVED,
        actors=(OWN_HEAD,),
        guards=(applicant_still_in_unit,),
        approval=OWN_HEAD_DECISION,
        effect=forwarded,
        when=_ACROSS,
        rule_ids=("ASG-6", "AC-6", "AC-7"),
    ),
    steps.refusal(OWN_HEAD_DECISION, OWN_HEAD, effect=effects.path_ended, when=_ACROSS, rule_ids=("ASG-6",)),
    *steps.involvement_outcome(
        S.OWN_HEAD_APPROVED, S.TARGET_HEAD_APPROVED, when=_ACROSS, rule_ids=("ASG-6", "ASG-7")
    ),
    Transition(
        action="consult_secretary_general",
        sources=(S.TARGET_HEAD_APPROVED,),
        target=S.CONSULTING,
        actors=(TARGET_HEAD,),
        guards=(rules.every_involvement_approved,),
        when=_ACROSS,
        rule_ids=("ASG-6", "ASG-7"),
        label=("Konsultasikan kepada Sekretaris Jenderal", "Consult the Secretary General"),
        description="Having approved, the target unit head consults the Secretary General on the "
        "application, who then issues the letter or rejects (ASG-6).",
    ),
    steps.secretary_general_letter(
        S.CONSULTING,
        SECRETARY_GENERAL,
        guards=(team_of_the_owning_unit,),
        when=_ACROSS,
        rule_ids=("ASG-6", "ASG-7", "ASG-10", "AC-8"),
    ),
    steps.ended("reject", (S.CONSULTING,), (SECRETARY_GENERAL,), when=_ACROSS, rule_ids=("ASG-6",)),
    Transition(
        action="deliver",
        sources=(S.LETTER_ISSUED,),
        target=S.DELIVERED,
        actors=(TARGET_HEAD,),
        when=_ACROSS,
        rule_ids=("ASG-6",),
    ),
    steps.ended(
        "withdraw",
        (S.SUBMITTED, S.OWN_HEAD_APPROVED, S.TARGET_HEAD_APPROVED, S.CONSULTING),
        (APPLICANT_6,),
        target=S.WITHDRAWN,
        when=_ACROSS,
        rule_ids=("ASG-6",),
    ),
)

__all__ = ["ASSIGNMENT_STEPS", "INVOLVEMENT_STEPS"]
