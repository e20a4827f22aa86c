"""Activity and budget plans (Lamp. Bab III.A.3, B.1–2, C): PERF-1, PERF-2 and PERF-4 as a workflow.

- The head of the unit that owns a team draws up the team's activity and budget plan against a
  target (PERF-1); the team lead details it with the members and work starts (PERF-2).
- An individual plans their own activity from the allocation of their superior (an individual
  target) or their lead (a target of their team) (PERF-2).
- An activity is complete only when the unit head accepts its results as meeting the target
  (PERF-4); they may send the results back with a reason. Where the unit head carries the activity
  out themselves (an Administrator leading their own team, ORG-2), the Secretary General, the level
  above, accepts — nobody accepts their own results (AC-7).
"""

from __future__ import annotations

from uuid import UUID

from authz.principal import Principal
from models.performance import ActivityPlan, ActivityPlanStatus, PerformanceTarget, PerformanceTargetStatus
from workflows.approvals import Capacity
from workflows.engine import (
    Actor,
    Condition,
    Step,
    Transition,
    Workflow,
    guard,
    head_of_unit,
    staff_concerned,
    team_lead,
)
from workflows.performance.inputs import DetailInput, PlanInput, ReasonInput
from workflows.reporting import lines

S = ActivityPlanStatus
TEAM_PLAN = Condition("a team's plan", lambda plan: plan.team_id is not None)
OWN_PLAN = Condition("an individual plan", lambda plan: plan.team_id is None)


async def _unit(plan: ActivityPlan) -> UUID | None:
    if plan.team_id is not None:  # type: ignore[attr-defined]
        return await lines.owning_unit(plan.team_id)  # type: ignore[attr-defined]
    return await lines.unit_of_staff(plan.staff_id)  # type: ignore[attr-defined]


async def _doer(plan: ActivityPlan) -> UUID | None:
    """Who carries the activity out: the team lead, or the person of an individual plan."""
    if plan.team_id is not None:  # type: ignore[attr-defined]
        return await lines.lead_id(plan.team_id)  # type: ignore[attr-defined]
    return plan.staff_id  # type: ignore[attr-defined,no-any-return]


OWNING_HEAD = lines.head_of_related(
    "owning_head",
    "PERF-1",
    "head of the unit that owns the team (or its Administrator)",
    lambda plan: lines.owning_unit(plan.team_id),
)
LEAD = team_lead("team_id", "PERF-2", "the team lead")
PLANNER = staff_concerned("staff_id", "PERF-2", "the person planning their own work")
SECRETARY_GENERAL = lines.secretary_general("PERF-4")


async def _accepting_holds(principal: Principal, plan: ActivityPlan) -> Capacity | None:
    unit_id = await _unit(plan)
    doer = await _doer(plan)
    if doer is not None and doer == await lines.head_id(unit_id):
        return await SECRETARY_GENERAL.holds(principal, plan)  # ORG-2: the level above the head
    return head_of_unit(unit_id, principal)


ACCEPTING_HEAD = Actor(
    "accepting_head",
    "PERF-4",
    "the unit head of the activity (the Secretary General when that head carries it out, ORG-2)",
    (("position:unit_head", "subtree"), lines.SECRETARY_GENERAL_GRANT),
    _accepting_holds,
)


# --- guards ----------------------------------------------------------------------------------------


@guard(
    "PERF-1",
    id="Rencana kegiatan melayani target kinerja yang berlaku ('targetId', PERF-1).",
    en="An activity plan serves a performance target in force ('targetId', PERF-1).",
    field="targetId",
)
async def target_in_force(step: Step) -> bool:
    """PERF-1, PERF-4: there is a target to plan against and to meet."""
    target_id = step.record.target_id
    return (
        target_id is not None
        and await PerformanceTarget.filter(id=target_id, status=PerformanceTargetStatus.SET).exists()
    )


@guard(
    "PERF-2",
    id="Target harus milik tim atau unit pemilik tim, atau — untuk rencana individu — dibagikan "
    "kepada Anda oleh atasan atau ketua tim Anda ('targetId', PERF-1, PERF-2).",
    en="The target must be the team's or its owning unit's, or — for an individual plan — allocated to "
    "you by your superior or your lead ('targetId', PERF-1, PERF-2).",
    field="targetId",
)
async def serves_its_own_target(step: Step) -> bool:
    """PERF-1: a team plans against its cascade; PERF-2: a person against their allocation."""
    plan = step.record
    target = await PerformanceTarget.get_or_none(id=plan.target_id)
    if target is None:
        return False
    if plan.team_id is not None:
        owner = await lines.owning_unit(plan.team_id)
        return target.team_id == plan.team_id or (target.team_id is None and target.unit_id == owner)  # type: ignore[attr-defined]
    if target.staff_id is not None:  # type: ignore[attr-defined]
        return target.staff_id == plan.staff_id  # type: ignore[attr-defined,no-any-return]
    return target.team_id is not None and await lines.is_member(target.team_id, plan.staff_id, step.today)  # type: ignore[attr-defined]


@guard(
    "PERF-2",
    id="Tim ini sudah ditutup ('teamId', PERF-2).",
    en="This team is closed ('teamId', PERF-2).",
    field="teamId",
)
async def team_still_working(step: Step) -> bool:
    """PERF-2: a closed team plans nothing more."""
    return step.record.team_id is None or await lines.team_at_work(step.record.team_id)


@guard(
    "PERF-1",
    id="Tunjuk ketua tim terlebih dahulu; rencana kegiatan tim dirinci oleh ketuanya ('teamId', PERF-1).",
    en="Appoint the team lead first; a team's activity plan is detailed by its lead ('teamId', PERF-1).",
    field="teamId",
)
async def team_has_a_lead(step: Step) -> bool:
    """PERF-1 (Lamp. III.A.3): the head appoints the team lead before the team's activity plan."""
    return step.record.team_id is None or await lines.lead_id(step.record.team_id) is not None


@guard(
    "PERF-2",
    id="Ketua tim merinci rencana bersama anggota tim; tim ini belum memiliki anggota (PERF-2).",
    en="The lead details the plan with the members; this team has no members yet (PERF-2).",
)
async def detailed_with_members(step: Step) -> bool:
    """PERF-2: the lead details the activity together with the members."""
    return await lines.members_besides_lead(step.record.team_id, step.today) > 0


@guard(
    "AC-7",
    id="Hasil kegiatan yang Anda laksanakan sendiri tidak dapat Anda terima atau kembalikan (PERF-4, AC-7).",
    en="You cannot accept or send back the results of an activity you carry out yourself (PERF-4, AC-7).",
)
async def not_own_results(step: Step) -> bool:
    """AC-7: the head does not accept their own results (an acting head who leads the team)."""
    return await _doer(step.record) != step.principal.staff_id


# --- builds and effects ----------------------------------------------------------------------------


async def _build(step: Step) -> ActivityPlan:
    given: PlanInput = step.input
    if given.team_id is not None:
        await lines.team(given.team_id)
    return ActivityPlan(
        target_id=given.target_id,
        team_id=given.team_id,
        staff_id=given.staff_id,
        title=given.title.strip(),
        detail=lines.text(given.detail),
        budget=lines.amount(given.budget, "budget"),
        planned_start=given.planned_start,
        planned_end=given.planned_end,
        status=S.PLANNED,
    )


async def _detailed(step: Step) -> None:
    step.record.detail = step.input.detail.strip()


async def _accepted(step: Step) -> None:
    step.record.accepted_by_id = step.principal.staff_id
    step.record.accepted_at = step.now


async def _returned(step: Step) -> None:
    step.record.return_reason = step.reason


PLAN_GUARDS = (target_in_force, serves_its_own_target, team_still_working, team_has_a_lead)
SUBMITTABLE = (S.IN_PROGRESS, S.RETURNED)

ACTIVITY_PLAN = Workflow(
    name="activity_plan",
    model=ActivityPlan,
    state_field="status",
    description="Rencana kegiatan dan anggaran (Lamp. Bab III): the owning unit head plans a team's activity "
    "against a target (PERF-1), the lead details it with the members (PERF-2), individuals plan from "
    "their allocation (PERF-2); complete only on the unit head's acceptance of the results (PERF-4).",
    transitions=(
        Transition(
            action="draw_up",
            sources=(),
            target=S.PLANNED,
            actors=(OWNING_HEAD,),
            guards=PLAN_GUARDS,
            input=PlanInput,
            build=_build,
            when=TEAM_PLAN,
            rule_ids=("PERF-1", "AC-6"),
            label=("Susun rencana kegiatan", "Draw up an activity plan"),
            description="The head of the unit that owns the team draws up the team's activity and budget "
            "plan against a target (PERF-1); a person plans their own activity from their superior's or "
            "lead's allocation (PERF-2).",
        ),
        Transition(
            action="draw_up",
            sources=(),
            target=S.PLANNED,
            actors=(PLANNER,),
            guards=PLAN_GUARDS,
            input=PlanInput,
            build=_build,
            when=OWN_PLAN,
            rule_ids=("PERF-2",),
        ),
        Transition(
            action="detail",
            sources=(S.PLANNED,),
            target=S.IN_PROGRESS,
            actors=(LEAD,),
            guards=(detailed_with_members,),
            input=DetailInput,
            effect=_detailed,
            when=TEAM_PLAN,
            rule_ids=("PERF-2", "ORG-8"),
            label=("Rinci rencana dan mulai", "Detail the plan and start"),
            description="The team lead details the plan with the members — roles by competence, steps, "
            "outputs — and work starts (PERF-2, ORG-8); a person does so for their own plan.",
        ),
        Transition(
            action="detail",
            sources=(S.PLANNED,),
            target=S.IN_PROGRESS,
            actors=(PLANNER,),
            input=DetailInput,
            effect=_detailed,
            when=OWN_PLAN,
            rule_ids=("PERF-2", "ORG-9"),
        ),
        Transition(
            action="submit",
            sources=SUBMITTABLE,
            target=S.SUBMITTED,
            actors=(LEAD,),
            when=TEAM_PLAN,
            rule_ids=("PERF-4",),
            label=("Sampaikan hasil kegiatan", "Submit the results"),
            description="The lead (or the person, for their own plan) submits the results for the unit "
            "head's acceptance (PERF-4).",
        ),
        Transition(
            action="submit",
            sources=SUBMITTABLE,
            target=S.SUBMITTED,
            actors=(PLANNER,),
            when=OWN_PLAN,
            rule_ids=("PERF-4",),
        ),
        Transition(
            action="accept",
            sources=(S.SUBMITTED,),
            target=S.ACCEPTED,
            actors=(ACCEPTING_HEAD,),
            guards=(not_own_results, target_in_force),
            effect=_accepted,
            rule_ids=("PERF-4", "AC-6", "AC-7"),
            label=("Terima hasil kegiatan", "Accept the results"),
            description="The unit head accepts the results as meeting the target: only this completes the "
            "activity (PERF-4). Not the lead, not an expert, not one's own (AC-6, AC-7, AC-9).",
        ),
        Transition(
            action="return",
            sources=(S.SUBMITTED,),
            target=S.RETURNED,
            actors=(ACCEPTING_HEAD,),
            guards=(not_own_results,),
            input=ReasonInput,
            reason_required=True,
            effect=_returned,
            rule_ids=("PERF-4", "AC-6"),
            label=("Kembalikan hasil kegiatan", "Send the results back"),
            description="The unit head sends results that do not meet the target back, with a reason; the "
            "lead resubmits (PERF-4).",
        ),
    ),
)

__all__ = ["ACTIVITY_PLAN"]
