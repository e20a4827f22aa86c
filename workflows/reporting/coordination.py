"""Coordination notes (Lamp. 3.a.1.d.5–6, 3.b.5–6): RPT-6 as a workflow.

Teams coordinate with experts, other officials and other teams at planning, execution, monitoring
and evaluation; the note is recorded on the team. Experts linked to the team write notes too —
this is how they comment and give technical direction (ORG-3, AC-9); no step here approves anything.
"""

from __future__ import annotations

from uuid import UUID

from authz.principal import Principal
from models.assignments import Assignment
from models.organisation import Position
from models.performance import CoordinationNote, CoordinationNoteStatus
from workflows.approvals import Capacity
from workflows.engine import Actor, Step, Transition, Workflow, guard
from workflows.reporting import lines
from workflows.reporting.inputs import RecordCoordinationInput

S = CoordinationNoteStatus


async def _expert_holds(principal: Principal, note: CoordinationNote) -> Capacity | None:
    team_id: UUID | None = note.team_id  # type: ignore[attr-defined]
    if principal.staff_id is None or principal.position != Position.EXPERT.value or team_id is None:
        return None
    # ORG-3: linked by technical control of one of the team's tasks, or by sitting on the team.
    controls = await Assignment.filter(team_id=team_id, technical_controller_id=principal.staff_id).exists()
    if not controls and team_id not in principal.team_ids:
        return None
    return Capacity(principal.staff_id, post=f"expert linked to team {team_id}")


LINKED_EXPERT = Actor(
    "linked_expert",
    "AC-9",
    "an expert linked to the team (technical control or membership, ORG-3)",
    (("position:expert", "team"),),
    _expert_holds,
)
MEMBER = lines.team_member("team_id", "RPT-6", "a member of the team (the lead included)")
OWNING_HEAD = lines.head_of_related(
    "owning_head",
    "RPT-6",
    "head of the unit that owns the team",
    lambda note: lines.owning_unit(note.team_id),
)


@guard(
    "RPT-6",
    id="Sebutkan dengan siapa berkoordinasi: tenaga ahli atau pejabat, tim lain, atau pihak lain "
    "('withStaffId', RPT-6).",
    en="Name whom the team coordinated with: an expert or official, another team, or someone else "
    "('withStaffId', RPT-6).",
    uses_input=True,
    field="withStaffId",
)
async def names_the_counterpart(step: Step) -> bool:
    """RPT-6: a coordination note says with whom."""
    given: RecordCoordinationInput = step.input
    return (
        given.with_staff_id is not None
        or given.with_team_id is not None
        or lines.text(given.with_other) is not None
    )


@guard(
    "RPT-6",
    id="Tim lain harus tim yang berbeda dari tim ini ('withTeamId', RPT-6).",
    en="The other team must be a different team ('withTeamId', RPT-6).",
    uses_input=True,
    field="withTeamId",
)
async def another_team(step: Step) -> bool:
    """RPT-6: coordination between teams names the other team."""
    given: RecordCoordinationInput = step.input
    return given.with_team_id != given.team_id


async def _build(step: Step) -> CoordinationNote:
    given: RecordCoordinationInput = step.input
    await lines.team(given.team_id)
    if given.with_team_id is not None:
        await lines.team(given.with_team_id)
    if given.with_staff_id is not None:
        await lines.staff(given.with_staff_id)
    return CoordinationNote(
        team_id=given.team_id,
        author_id=step.principal.staff_id,
        with_staff_id=given.with_staff_id,
        with_team_id=given.with_team_id,
        with_other=lines.text(given.with_other),
        stage=given.stage,
        note=given.note.strip(),
        status=S.RECORDED,
    )


COORDINATION_NOTE = Workflow(
    name="coordination_note",
    model=CoordinationNote,
    state_field="status",
    description="Catatan koordinasi tim (Lamp. 3.a–3.b): coordination with experts, other officials and "
    "other teams at any stage, recorded on the team (RPT-6); experts linked to the team comment here, "
    "and only here (AC-9).",
    transitions=(
        Transition(
            action="record",
            sources=(),
            target=S.RECORDED,
            actors=(MEMBER, OWNING_HEAD, LINKED_EXPERT),
            guards=(names_the_counterpart, another_team),
            input=RecordCoordinationInput,
            build=_build,
            rule_ids=("RPT-6", "AC-9", "ORG-3"),
            label=("Catat koordinasi", "Record a coordination note"),
            description="A member or the lead, the owning unit head, or an expert linked to the team "
            "records a coordination with an expert, official or other team at any stage (RPT-6); an "
            "expert's comment or technical direction is such a note (ORG-3, AC-9).",
        ),
    ),
)

__all__ = ["COORDINATION_NOTE"]
