"""Evaluations (Lamp. Bab III.C): PERF-3 as a workflow.

The Secretary General or a unit head evaluates (a unit, a team or a person) → the result goes to the
Secretary General for review → the Secretary General returns the review to the unit head → the unit
head records the follow-up. Each step is bound to its post (AC-6); none can be skipped.
"""

from __future__ import annotations

from uuid import UUID

from authz.principal import Principal
from models.organisation import Position, Staff, Unit
from models.performance import Evaluation, EvaluationStatus
from workflows.approvals import Capacity
from workflows.engine import Actor, Step, Transition, Workflow, guard, head_of
from workflows.errors import NotFound
from workflows.performance.inputs import EvaluateInput, FindingsInput, FollowUpInput, ReviewInput
from workflows.reporting import lines

S = EvaluationStatus

SECRETARY_GENERAL = lines.secretary_general("PERF-3")
# `unit_id` always names the unit evaluated or the unit of the team or person evaluated (see _build).
UNIT_HEAD = head_of(
    "unit_id", "PERF-3", "head of the unit evaluated (or its Administrator)", name="unit_head"
)


async def _evaluating_office(principal: Principal, evaluation: Evaluation) -> Capacity | None:
    # The post that evaluated, whoever holds it now (AC-6): the SG's office, or the unit head's.
    if await lines.staff_position(evaluation.evaluator_id) == Position.SECRETARY_GENERAL.value:  # type: ignore[attr-defined]
        return await SECRETARY_GENERAL.holds(principal, evaluation)
    return await UNIT_HEAD.holds(principal, evaluation)


EVALUATOR = Actor(
    "evaluating_office",
    "PERF-3",
    "the office that evaluated: the Secretary General or the unit head",
    (("position:unit_head", "subtree"), lines.SECRETARY_GENERAL_GRANT),
    _evaluating_office,
)


@guard(
    "PERF-3",
    id="Hasil evaluasi belum berisi temuan ('findings', PERF-3).",
    en="The evaluation states no findings yet ('findings', PERF-3).",
    uses_input=True,
    field="findings",
)
async def findings_written(step: Step) -> bool:
    """PERF-3: the Secretary General reviews findings."""
    given = lines.text(step.input.findings) if step.input else None
    return given is not None or lines.text(step.record.findings) is not None


@guard(
    "AC-7",
    id="Anda tidak mengevaluasi diri sendiri ('staffId', PERF-3, AC-7).",
    en="You do not evaluate yourself ('staffId', PERF-3, AC-7).",
    field="staffId",
)
async def not_oneself(step: Step) -> bool:
    """AC-7: a head evaluates their people, not their own performance."""
    return bool(step.record.staff_id != step.principal.staff_id)


async def _evaluated_unit(given: EvaluateInput) -> UUID | None:
    if given.unit_id is not None:
        if not await Unit.filter(id=given.unit_id).exists():
            raise NotFound("Unit")
        return given.unit_id
    if given.team_id is not None:
        return (await lines.team(given.team_id)).owning_unit_id  # type: ignore[attr-defined,no-any-return]
    units = await Staff.filter(id=given.staff_id).values_list("unit_id", flat=True)
    if not units:
        raise NotFound("Staff")
    return units[0]  # type: ignore[return-value]


async def _build(step: Step) -> Evaluation:
    given: EvaluateInput = step.input
    return Evaluation(
        evaluator_id=step.principal.staff_id,
        unit_id=await _evaluated_unit(given),
        team_id=given.team_id,
        staff_id=given.staff_id,
        period_start=given.period_start,
        period_end=given.period_end,
        findings=lines.text(given.findings),
        status=S.DRAFT,
    )


async def _submitted(step: Step) -> None:
    written = lines.text(step.input.findings)
    if written is not None:
        step.record.findings = written


async def _reviewed(step: Step) -> None:
    step.record.sg_review = step.input.review.strip()
    step.record.reviewed_at = step.now


async def _followed_up(step: Step) -> None:
    step.record.follow_up = step.input.follow_up.strip()


EVALUATION = Workflow(
    name="evaluation",
    model=Evaluation,
    state_field="status",
    description="Evaluasi pelaksanaan kinerja (Lamp. Bab III.C): the Secretary General or the unit head "
    "evaluates → the Secretary General reviews → returns the review to the unit head → follow-up (PERF-3).",
    transitions=(
        Transition(
            action="draft",
            sources=(),
            target=S.DRAFT,
            actors=(SECRETARY_GENERAL, UNIT_HEAD),
            guards=(not_oneself,),
            input=EvaluateInput,
            build=_build,
            rule_ids=("PERF-3", "ORG-7", "AC-6", "AC-7"),
            label=("Susun evaluasi", "Draft an evaluation"),
            description="The Secretary General, or the head of the unit concerned, evaluates a unit, a team "
            "or a person (PERF-3, ORG-7).",
        ),
        Transition(
            action="submit_to_secretary_general",
            sources=(S.DRAFT,),
            target=S.SUBMITTED_TO_SG,
            actors=(EVALUATOR,),
            guards=(findings_written,),
            input=FindingsInput,
            effect=_submitted,
            rule_ids=("PERF-3",),
            label=("Sampaikan kepada Sekretaris Jenderal", "Submit to the Secretary General"),
            description="The office that evaluated (the Secretary General, or the unit head — in post or "
            "acting) sends the result to the Secretary General for review (PERF-3).",
        ),
        Transition(
            action="review",
            sources=(S.SUBMITTED_TO_SG,),
            target=S.REVIEWED,
            actors=(SECRETARY_GENERAL,),
            input=ReviewInput,
            effect=_reviewed,
            rule_ids=("PERF-3", "AC-6"),
            label=("Tinjau hasil evaluasi", "Review the evaluation"),
            description="The Secretary General, and no one else, reviews the evaluation (PERF-3, AC-6).",
        ),
        Transition(
            action="return_for_follow_up",
            sources=(S.REVIEWED,),
            target=S.RETURNED_FOR_FOLLOW_UP,
            actors=(SECRETARY_GENERAL,),
            rule_ids=("PERF-3",),
            label=("Kembalikan untuk ditindaklanjuti", "Return for follow-up"),
            description="The Secretary General returns the review to the unit head for follow-up (PERF-3).",
        ),
        Transition(
            action="follow_up",
            sources=(S.RETURNED_FOR_FOLLOW_UP,),
            target=S.CLOSED,
            actors=(UNIT_HEAD,),
            input=FollowUpInput,
            effect=_followed_up,
            rule_ids=("PERF-3", "AC-6"),
            label=("Catat tindak lanjut", "Record the follow-up"),
            description="The head of the unit evaluated records the follow-up of the review, which closes "
            "the evaluation (PERF-3).",
        ),
    ),
)

__all__ = ["EVALUATION"]
