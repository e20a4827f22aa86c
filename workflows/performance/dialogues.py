"""Performance dialogues (Lamp. Bab III.B.4): the PERF-2 monitoring and feedback, as a workflow.

Progress is monitored and feedback given, periodically or at any time, by the Secretary General, the
unit head and/or the team lead, through a dialogue that is recorded (PERF-2, ORG-7, ORG-8).
"""

from __future__ import annotations

from models.performance import PerformanceDialogue, PerformanceDialogueStatus
from workflows.engine import Step, Transition, Workflow, guard, team_lead
from workflows.performance.inputs import DialogueInput
from workflows.reporting import lines

S = PerformanceDialogueStatus

SECRETARY_GENERAL = lines.secretary_general("PERF-2")
STAFF_HEAD = lines.head_of_related(
    "staff_unit_head",
    "PERF-2",
    "head of the staff member's unit (or its Administrator)",
    lambda dialogue: lines.unit_of_staff(dialogue.staff_id),
)
LEAD = team_lead("team_id", "PERF-2", "the lead of the staff member's team")


@guard(
    "PERF-2",
    id="Dialog kinerja diadakan dengan orang lain, bukan dengan diri sendiri ('staffId', PERF-2).",
    en="A performance dialogue is held with someone else, not oneself ('staffId', PERF-2).",
    field="staffId",
)
async def with_someone_else(step: Step) -> bool:
    """PERF-2: a superior or lead gives feedback to a staff member."""
    return bool(step.record.staff_id != step.record.superior_id)


@guard(
    "PERF-2",
    id="Pegawai tersebut bukan anggota tim ini ('teamId', PERF-2).",
    en="That staff member is not on this team ('teamId', PERF-2).",
    field="teamId",
)
async def on_the_team(step: Step) -> bool:
    """PERF-2: a dialogue in a team's context is with one of its members."""
    record = step.record
    return record.team_id is None or await lines.is_member(record.team_id, record.staff_id, step.today)


@guard(
    "PERF-2",
    id="Dialog kinerja dicatat setelah berlangsung ('heldAt', PERF-2).",
    en="A performance dialogue is recorded once it has taken place ('heldAt', PERF-2).",
    field="heldAt",
)
async def already_held(step: Step) -> bool:
    """PERF-2: what is recorded took place."""
    return bool(step.record.held_at <= step.now)


async def _build(step: Step) -> PerformanceDialogue:
    given: DialogueInput = step.input
    await lines.staff(given.staff_id)
    if given.team_id is not None:
        await lines.team(given.team_id)
    return PerformanceDialogue(
        superior_id=step.principal.staff_id,
        staff_id=given.staff_id,
        team_id=given.team_id,
        held_at=given.held_at or step.now,
        notes=given.notes.strip(),
        follow_up=lines.text(given.follow_up),
        status=S.RECORDED,
    )


PERFORMANCE_DIALOGUE = Workflow(
    name="performance_dialogue",
    model=PerformanceDialogue,
    state_field="status",
    description="Dialog kinerja (Lamp. Bab III.B.4): monitoring and feedback, any time or periodically, by "
    "the Secretary General, the staff member's unit head or their team lead, recorded (PERF-2).",
    transitions=(
        Transition(
            action="record",
            sources=(),
            target=S.RECORDED,
            actors=(SECRETARY_GENERAL, STAFF_HEAD, LEAD),
            guards=(with_someone_else, on_the_team, already_held),
            input=DialogueInput,
            build=_build,
            rule_ids=("PERF-2", "ORG-7", "ORG-8", "AC-6"),
            label=("Catat dialog kinerja", "Record a performance dialogue"),
            description="The Secretary General, the head of the staff member's unit, or the lead of a team "
            "they are on records a dialogue on progress and feedback (PERF-2, ORG-7, ORG-8).",
        ),
    ),
)

__all__ = ["PERFORMANCE_DIALOGUE"]
