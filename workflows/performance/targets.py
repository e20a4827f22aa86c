"""Performance targets (Lamp. Bab III.A.1–2): PERF-1 as a workflow.

The Secretary General sets the performance agreement's targets and cascades them to the units
(their heads and Administrators); each unit head or Administrator cascades their unit's targets to
teams and people, one level at a time (organisation → unit → team → individual). A target stays
in force until withdrawn, and cannot be withdrawn while a target cascaded from it still is.
"""

from __future__ import annotations

from uuid import UUID

from models.assignments import Team
from models.organisation import Staff, Unit
from models.performance import PerformanceTarget, PerformanceTargetStatus, TargetLevel
from workflows.engine import Step, Transition, Workflow, field_is, guard, head_of
from workflows.errors import NotFound
from workflows.letters import next_code
from workflows.performance.inputs import CascadeTargetInput, ReasonInput, SetTargetInput
from workflows.reporting import lines

S = PerformanceTargetStatus
L = TargetLevel
# Which level a target may be cascaded to from which (PERF-1).
BELOW: dict[str, frozenset[str]] = {
    L.ORGANISATION.value: frozenset({L.UNIT.value}),
    L.UNIT.value: frozenset({L.TEAM.value, L.INDIVIDUAL.value}),
    L.TEAM.value: frozenset({L.INDIVIDUAL.value}),
    L.INDIVIDUAL.value: frozenset(),
}

SECRETARY_GENERAL = lines.secretary_general("PERF-1")
UNIT_HEAD = head_of("unit_id", "PERF-1", "head of the target's unit (or its Administrator)", name="unit_head")
AGREEMENT_LEVELS = field_is("level", L.ORGANISATION, L.UNIT)
CASCADED_LEVELS = field_is("level", L.TEAM, L.INDIVIDUAL)
UNIT_LEVEL = field_is("level", L.UNIT)


def _value(level: object) -> str:
    return str(getattr(level, "value", level))


async def _parent(target: PerformanceTarget) -> PerformanceTarget | None:
    return await PerformanceTarget.get_or_none(id=target.parent_id)  # type: ignore[attr-defined]


@guard(
    "PERF-1",
    id="Target induk tidak berlaku lagi ('parentId', PERF-1).",
    en="The parent target is no longer in force ('parentId', PERF-1).",
    field="parentId",
)
async def parent_in_force(step: Step) -> bool:
    """PERF-1: one cascades from a target in force."""
    parent = await _parent(step.record)
    return parent is not None and parent.status == S.SET


@guard(
    "PERF-1",
    id="Target diturunkan satu tingkat: organisasi → unit kerja → tim → individu ('level', PERF-1).",
    en="A target is cascaded one level down: organisation → unit → team → individual ('level', PERF-1).",
    field="level",
)
async def one_level_down(step: Step) -> bool:
    """PERF-1: no level is skipped — the SG to units, heads to their teams and people."""
    parent = await _parent(step.record)
    return parent is not None and _value(step.record.level) in BELOW[_value(parent.level)]


@guard(
    "PERF-1",
    id="Tim atau pegawai harus milik unit kerja target induk, atau anggota tim target induk ('teamId', "
    "'staffId', PERF-1).",
    en="The team or person must belong to the parent target's unit, or be on the parent target's team "
    "('teamId', 'staffId', PERF-1).",
    field="staffId",
)
async def within_the_parent(step: Step) -> bool:
    """PERF-1: a head cascades within their unit (a team it owns, its staff, its teams' members)."""
    record = step.record
    if record.team_id is not None and _value(record.level) == L.TEAM.value:
        return await Team.filter(id=record.team_id, owning_unit_id=record.unit_id).exists()
    if record.staff_id is not None:
        if record.team_id is not None:
            return await lines.is_member(record.team_id, record.staff_id, step.today)
        return await Staff.filter(id=record.staff_id, unit_id=record.unit_id, active=True).exists()
    return record.unit_id is not None


@guard(
    "PERF-1",
    id="Masih ada target turunan yang berlaku; tarik target turunan terlebih dahulu (PERF-1).",
    en="Targets cascaded from this one are still in force; withdraw them first (PERF-1).",
)
async def nothing_cascaded_in_force(step: Step) -> bool:
    """PERF-1: the cascade stays whole — no target in force hangs from a withdrawn one."""
    return not await PerformanceTarget.filter(parent_id=step.record.id, status=S.SET).exists()


async def _code(step: Step, year: int) -> str:
    return await next_code(PerformanceTarget, "IKU", year)


async def _build_set(step: Step) -> PerformanceTarget:
    given: SetTargetInput = step.input
    return PerformanceTarget(
        code=await _code(step, given.year),
        title=given.title.strip(),
        level=L.ORGANISATION,
        year=given.year,
        indicator=lines.text(given.indicator),
        target_value=lines.text(given.target_value),
        set_by_id=step.principal.staff_id,
        status=S.SET,
    )


async def _build_cascade(step: Step) -> PerformanceTarget:
    given: CascadeTargetInput = step.input
    parent = await PerformanceTarget.get_or_none(id=given.parent_id)
    if parent is None:
        raise NotFound("PerformanceTarget")
    unit_id: UUID | None = parent.unit_id  # type: ignore[attr-defined]
    team_id: UUID | None = given.team_id
    if given.unit_id is not None:
        if not await Unit.filter(id=given.unit_id, active=True).exists():
            raise NotFound("Unit")
        unit_id = given.unit_id
    if given.team_id is not None:
        await lines.team(given.team_id)
    if given.staff_id is not None:
        team_id = parent.team_id  # type: ignore[attr-defined]  # a team member's share of the team target
    return PerformanceTarget(
        code=await _code(step, parent.year),
        title=given.title.strip(),
        level=given.level,
        parent_id=parent.id,
        unit_id=unit_id,
        team_id=team_id,
        staff_id=given.staff_id,
        year=parent.year,
        indicator=lines.text(given.indicator),
        target_value=lines.text(given.target_value),
        set_by_id=step.principal.staff_id,
        status=S.SET,
    )


PERFORMANCE_TARGET = Workflow(
    name="performance_target",
    model=PerformanceTarget,
    state_field="status",
    description="Perjanjian dan target kinerja (Lamp. Bab III.A): the Secretary General sets the agreement's "
    "targets and cascades them to units; unit heads and Administrators cascade them to teams and people, "
    "one level at a time (PERF-1).",
    transitions=(
        Transition(
            action="set",
            sources=(),
            target=S.SET,
            actors=(SECRETARY_GENERAL,),
            input=SetTargetInput,
            build=_build_set,
            rule_ids=("PERF-1",),
            label=("Tetapkan target perjanjian kinerja", "Set a performance agreement target"),
            description="The Secretary General sets a target of the year's performance agreement (PERF-1).",
        ),
        Transition(
            action="cascade",
            sources=(),
            target=S.SET,
            actors=(SECRETARY_GENERAL,),
            guards=(parent_in_force, one_level_down, within_the_parent),
            input=CascadeTargetInput,
            build=_build_cascade,
            when=UNIT_LEVEL,
            rule_ids=("PERF-1", "AC-6"),
            label=("Turunkan target", "Cascade a target"),
            description="One level down: the Secretary General to a unit; the head of the target's unit "
            "(or its Administrator) to a team it owns or a person of the unit or team (PERF-1, AC-6).",
        ),
        Transition(
            action="cascade",
            sources=(),
            target=S.SET,
            actors=(UNIT_HEAD,),
            guards=(parent_in_force, one_level_down, within_the_parent),
            input=CascadeTargetInput,
            build=_build_cascade,
            when=CASCADED_LEVELS,
            rule_ids=("PERF-1", "AC-6"),
        ),
        Transition(
            action="withdraw",
            sources=(S.SET,),
            target=S.WITHDRAWN,
            actors=(SECRETARY_GENERAL,),
            guards=(nothing_cascaded_in_force,),
            input=ReasonInput,
            reason_required=True,
            when=AGREEMENT_LEVELS,
            rule_ids=("PERF-1",),
            label=("Tarik target", "Withdraw the target"),
            description="Whoever sets targets at that level withdraws one, with a reason, once nothing "
            "cascaded from it is still in force (PERF-1).",
        ),
        Transition(
            action="withdraw",
            sources=(S.SET,),
            target=S.WITHDRAWN,
            actors=(UNIT_HEAD,),
            guards=(nothing_cascaded_in_force,),
            input=ReasonInput,
            reason_required=True,
            when=CASCADED_LEVELS,
            rule_ids=("PERF-1", "AC-6"),
        ),
    ),
)

__all__ = ["PERFORMANCE_TARGET"]
