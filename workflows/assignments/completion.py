"""After the letter, on every path (PERF-4, Lamp. Bab III.C: "Pelaksanaan kegiatan dinyatakan selesai
setelah Pimpinan Unit Kerja menerima hasil pelaksanaan kegiatan"):

the person assigned or the team lead starts the work (after the letter, or after its delivery where
the path delivers it) → reports the results (`submit_results`, RPT-1, RPT-4) → the head of the unit
that owns the task accepts them, which alone completes it (`accept_results`) — or returns them with a
reason, back to work (`return_results`). Whoever reported the results never accepts them (AC-7).
"""

from __future__ import annotations

from uuid import UUID

from tortoise.models import Model

from authz.principal import Principal
from models.assignments import Assignment, AssignmentPath, AssignmentStatus, TeamStatus
from workflows.approvals import Capacity
from workflows.assignments import effects
from workflows.assignments.inputs import ReasonInput, SubmitResultsInput
from workflows.engine import (
    Actor,
    Step,
    Transition,
    field_is,
    guard,
    head_of_unit,
    staff_concerned,
    team_lead,
)

S = AssignmentStatus

# The unit that owns the task: the one asking for it — except where staff work for another's target
# (ASG-4: the unit whose staff serve the agency; ASG-6 and an agency's officer applying, Pasal 11(2):
# the unit applied to). LPSK staff applying to an agency report to their own unit's head (RPT-1).
OWNED_BY_TARGET = (
    AssignmentPath.INBOUND_AGENCY_REQUEST.value,
    AssignmentPath.CROSS_UNIT_VOLUNTARY.value,
    AssignmentPath.INBOUND_AGENCY_VOLUNTARY.value,
)
DELIVERED_PATHS = field_is(
    "path",
    AssignmentPath.OUTBOUND_AGENCY_APPOINTMENT,
    AssignmentPath.INBOUND_AGENCY_REQUEST,
    AssignmentPath.CROSS_UNIT_VOLUNTARY,
    AssignmentPath.OUTBOUND_AGENCY_VOLUNTARY,
    AssignmentPath.INBOUND_AGENCY_VOLUNTARY,
)  # ASG-3, ASG-4, ASG-6, Pasal 11(2) across agencies: the letter is delivered before the work starts
UNDELIVERED_PATHS = field_is(
    "path",
    AssignmentPath.WITHIN_UNIT_APPOINTMENT,
    AssignmentPath.CROSS_UNIT_APPOINTMENT,
    AssignmentPath.WITHIN_UNIT_VOLUNTARY,
)


def owning_unit_id(record: Model) -> UUID | None:
    """The unit whose head accepts the results (PERF-4)."""
    path = str(getattr(record.path, "value", record.path))
    return record.target_unit_id if path in OWNED_BY_TARGET else record.requesting_unit_id  # type: ignore[no-any-return]


async def _owning_head(principal: Principal, record: Model) -> Capacity | None:
    return head_of_unit(owning_unit_id(record), principal)


OWNING_HEAD = Actor(
    "owning_head",
    "PERF-4",
    "head of the unit that owns the task",
    (("position:unit_head", "subtree"),),
    _owning_head,
)
ASSIGNEE = staff_concerned("staff_id", "PERF-4", "the person assigned")
LEAD = team_lead("team_id", "PERF-4", "the team lead")


@guard(
    "PERF-4",
    id="Hasil pelaksanaan diterima oleh pimpinan unit kerja, bukan oleh yang melaporkannya (PERF-4, AC-7).",
    en="Results are accepted by the unit head, not by whoever reports them (PERF-4, AC-7).",
)
async def not_own_results(step: Step) -> bool:
    """PERF-4, AC-7: the assignee or the team lead, even acting as the head, does not accept their
    own results."""
    record: Assignment = step.record
    reporters = {record.staff_id}  # type: ignore[attr-defined]
    if record.team_id is not None:  # type: ignore[attr-defined]
        team = await effects.team_of(record)
        reporters.add(team.lead_id if team else None)  # type: ignore[attr-defined]
    return step.principal.staff_id not in reporters


async def results_submitted(step: Step) -> None:
    """PERF-4: the results reported are kept for the head's acceptance."""
    step.record.results_summary = step.input.summary.strip()


async def completed(step: Step) -> None:
    """PERF-4: the task is complete; a team formed for it has done its work and closes (AC-8: its
    members reach its records no longer)."""
    record: Assignment = step.record
    if effects.is_team(record):
        await effects.set_team_status(record, TeamStatus.CLOSED)


ASSIGNMENT_STEPS: tuple[Transition, ...] = (
    Transition(
        action="start",
        sources=(S.LETTER_ISSUED,),
        target=S.IN_PROGRESS,
        actors=(ASSIGNEE, LEAD),
        when=UNDELIVERED_PATHS,
        rule_ids=("PERF-2",),
        label=("Mulai pelaksanaan", "Start the work"),
        description="The person assigned, or the team lead, starts the work the letter gives: after the "
        "letter, or after its delivery where the path delivers it (ASG-3, ASG-4, ASG-6).",
    ),
    Transition(
        action="start",
        sources=(S.DELIVERED,),
        target=S.IN_PROGRESS,
        actors=(ASSIGNEE, LEAD),
        when=DELIVERED_PATHS,
        rule_ids=("PERF-2",),
    ),
    Transition(
        action="submit_results",
        sources=(S.IN_PROGRESS,),
        target=S.RESULTS_SUBMITTED,
        actors=(ASSIGNEE, LEAD),
        input=SubmitResultsInput,
        effect=results_submitted,
        rule_ids=("PERF-4", "RPT-1", "RPT-4"),
        label=("Laporkan hasil pelaksanaan", "Report the results"),
        description="The person assigned, or the team lead for the team, reports the results against the "
        "target to the unit head (RPT-1, RPT-4), for acceptance (PERF-4).",
    ),
    Transition(
        action="accept_results",
        sources=(S.RESULTS_SUBMITTED,),
        target=S.COMPLETED,
        actors=(OWNING_HEAD,),
        guards=(not_own_results,),
        effect=completed,
        rule_ids=("PERF-4", "AC-7"),
        label=("Terima hasil pelaksanaan", "Accept the results"),
        description="The head of the unit that owns the task accepts the results as meeting the target: "
        "only this completes the assignment (PERF-4); never by whoever reported them (AC-7).",
    ),
    Transition(
        action="return_results",
        sources=(S.RESULTS_SUBMITTED,),
        target=S.IN_PROGRESS,
        actors=(OWNING_HEAD,),
        input=ReasonInput,
        reason_required=True,
        rule_ids=("PERF-4",),
        label=("Kembalikan hasil pelaksanaan", "Return the results"),
        description="The head of the unit that owns the task does not accept the results: with a reason, "
        "the work goes back in progress (PERF-4).",
    ),
)

__all__ = ["ASSIGNMENT_STEPS", "OWNING_HEAD", "owning_unit_id"]
