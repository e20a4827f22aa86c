"""Appraisals of members from other units (Pasal 14(2)): PERF-5 as a workflow.

When staff of another unit work on a team, the owner of the team's performance — the head of the
unit that owns it, which is the Secretary General for a team of the secretariat itself — appraises
their work and sends the appraisal to the head of the unit they came from, who takes it in for the
member's own performance appraisal.
"""

from __future__ import annotations

from uuid import UUID

from tortoise.models import Model

from models.assignments import TeamMembership
from models.performance import Appraisal, AppraisalStatus
from workflows.engine import Step, Transition, Workflow, guard
from workflows.performance.inputs import AppraiseInput
from workflows.reporting import lines

S = AppraisalStatus


async def _home_unit(record: Model) -> UUID | None:
    """The unit the member came from, as recorded when they joined the team (ASG-7)."""
    homes = (
        await TeamMembership.filter(team_id=record.team_id, staff_id=record.staff_id)  # type: ignore[attr-defined]
        .order_by("-joined_on")
        .values_list("home_unit_id", flat=True)
    )
    return homes[0] if homes else None  # type: ignore[return-value]


OWNING_HEAD = lines.head_of_related(
    "owning_head",
    "PERF-5",
    "the owner of the team's performance: the head of its unit (the SG for the secretariat's own)",
    lambda appraisal: lines.owning_unit(appraisal.team_id),
    # `own`: the member belongs to another unit, outside the owning head's subtree.
    (("position:unit_head", "subtree"), ("position:unit_head", "own")),
)
HOME_HEAD = lines.head_of_related("home_unit_head", "PERF-5", "head of the member's home unit", _home_unit)


@guard(
    "PERF-5",
    id="Penilaian ini untuk anggota tim yang berasal dari unit kerja lain ('staffId', PERF-5).",
    en="This appraisal is for a team member who came from another unit ('staffId', PERF-5).",
    field="staffId",
)
async def member_from_another_unit(step: Step) -> bool:
    """PERF-5: the member worked on the team and came from a unit other than the owning one."""
    home = await _home_unit(step.record)
    return home is not None and home != await lines.owning_unit(step.record.team_id)


@guard(
    "AC-7",
    id="Anda tidak menilai diri sendiri ('staffId', AC-7).",
    en="You do not appraise yourself ('staffId', AC-7).",
    field="staffId",
)
async def not_oneself(step: Step) -> bool:
    """AC-7: nobody appraises their own work."""
    return bool(step.record.staff_id != step.principal.staff_id)


@guard(
    "PERF-5",
    id="Penilaian belum berisi nilai atau uraian ('rating', PERF-5).",
    en="The appraisal holds no rating or narrative yet ('rating', PERF-5).",
    field="rating",
)
async def assessment_written(step: Step) -> bool:
    """PERF-5: what is sent is an appraisal."""
    record = step.record
    return record.rating is not None or lines.text(record.narrative) is not None


@guard(
    "PERF-5",
    id="Unit asal anggota tidak memiliki pimpinan yang menjabat untuk menerima penilaian (PERF-5).",
    en="The member's home unit has no head in post to send the appraisal to (PERF-5).",
)
async def home_head_in_post(step: Step) -> bool:
    """PERF-5: the appraisal reaches the head of the member's home unit."""
    return await lines.head_id(await _home_unit(step.record), step.now) is not None


async def _build(step: Step) -> Appraisal:
    given: AppraiseInput = step.input
    await lines.team(given.team_id)
    record = Appraisal(
        appraiser_id=step.principal.staff_id,
        staff_id=given.staff_id,
        team_id=given.team_id,
        period_start=given.period_start,
        period_end=given.period_end,
        rating=given.rating,
        score=lines.amount(given.score, "score"),
        narrative=lines.text(given.narrative),
        status=S.DRAFT,
    )
    record.home_unit_head_id = await lines.head_id(await _home_unit(record), step.now)  # type: ignore[attr-defined]
    return record


async def _sent(step: Step) -> None:
    # The head in post when it is sent (AC-6: the post, whoever holds it now).
    step.record.home_unit_head_id = await lines.head_id(await _home_unit(step.record), step.now)
    step.record.sent_at = step.now


APPRAISAL = Workflow(
    name="appraisal",
    model=Appraisal,
    state_field="status",
    description="Penilaian pelaksanaan tugas anggota lintas unit (Pasal 14(2)): the owner of the team's "
    "performance (its unit head; the Secretary General for the secretariat's own teams) appraises a member "
    "from another unit and sends it to the member's home unit head, who takes it in (PERF-5).",
    transitions=(
        Transition(
            action="draft",
            sources=(),
            target=S.DRAFT,
            actors=(OWNING_HEAD,),
            guards=(member_from_another_unit, not_oneself),
            input=AppraiseInput,
            build=_build,
            rule_ids=("PERF-5", "AC-6", "AC-7"),
            label=("Susun penilaian anggota lintas unit", "Appraise a member from another unit"),
            description="The owner of the team's performance — the head of the unit that owns the team, the "
            "Secretary General for the secretariat's own — appraises a member who came from another unit "
            "(PERF-5).",
        ),
        Transition(
            action="send",
            sources=(S.DRAFT,),
            target=S.SENT,
            actors=(OWNING_HEAD,),
            guards=(assessment_written, home_head_in_post),
            effect=_sent,
            rule_ids=("PERF-5",),
            label=("Kirim kepada pimpinan unit asal", "Send to the home unit head"),
            description="The appraisal goes to the head of the member's home unit (PERF-5).",
        ),
        Transition(
            action="acknowledge",
            sources=(S.SENT,),
            target=S.RECEIVED,
            actors=(HOME_HEAD,),
            rule_ids=("PERF-5", "AC-6"),
            label=("Terima penilaian", "Acknowledge the appraisal"),
            description="The head of the member's home unit (in post or acting) takes the appraisal in for "
            "the member's own performance appraisal (PERF-5).",
        ),
    ),
)

__all__ = ["APPRAISAL"]
