"""Escalations (Lamp. 3.a.1.d.3, 3.b.3–4): RPT-5 as a workflow.

The team lead raises a problem with alternatives and a recommendation; it goes to the head of the
unit that owns the team, who decides — or, in a cross-unit team, to a member's own unit head, who
follows it up within their unit. Who it goes to is read from the organisation (AC-6); the decision
is the head's, never the lead's and never an expert's (AC-7, AC-9).
"""

from __future__ import annotations

from uuid import UUID

from authz.principal import Principal
from models.organisation import Position
from models.performance import Escalation, EscalationStatus
from workflows.approvals import Capacity
from workflows.engine import Actor, Step, Transition, Workflow, guard, head_of_unit, team_lead
from workflows.reporting import lines
from workflows.reporting.inputs import RaiseEscalationInput, ResolveEscalationInput

S = EscalationStatus

LEAD = team_lead("team_id", "RPT-5", "the team lead")
SECRETARY_GENERAL = lines.secretary_general("RPT-5")


async def _raised_with_holds(principal: Principal, escalation: Escalation) -> Capacity | None:
    raised_to = escalation.raised_to_id  # type: ignore[attr-defined]
    if await lines.staff_position(raised_to) == Position.SECRETARY_GENERAL.value:
        return await SECRETARY_GENERAL.holds(principal, escalation)
    # The post, not the person (AC-6): whoever heads that unit now, in post or acting.
    return head_of_unit(await lines.unit_of_staff(raised_to), principal)


RAISED_WITH = Actor(
    "head_raised_with",
    "RPT-5",
    "the unit head it is raised with: the owning unit head, or a member's own unit head (RPT-5)",
    # `own`: a member's own unit head is outside the owning unit's subtree.
    (("position:unit_head", "subtree"), ("position:unit_head", "own"), lines.SECRETARY_GENERAL_GRANT),
    _raised_with_holds,
)


# --- guards ----------------------------------------------------------------------------------------


@guard(
    "RPT-5",
    id="Permasalahan disampaikan beserta alternatif dan rekomendasi ('alternatives', 'recommendation', "
    "RPT-5).",
    en="A problem is raised with its alternatives and a recommendation ('alternatives', "
    "'recommendation', RPT-5).",
    uses_input=True,
    field="recommendation",
)
async def alternatives_and_recommendation(step: Step) -> bool:
    """RPT-5: the head decides between alternatives, on the lead's recommendation."""
    given: RaiseEscalationInput = step.input
    return lines.text(given.alternatives) is not None and lines.text(given.recommendation) is not None


@guard(
    "RPT-5",
    id="Tim ini sudah ditutup ('teamId', RPT-5).",
    en="This team is closed ('teamId', RPT-5).",
    field="teamId",
)
async def team_still_working(step: Step) -> bool:
    """RPT-5: problems are raised while the team carries out its task."""
    return await lines.team_at_work(step.record.team_id)


@guard(
    "RPT-5",
    id="Hanya dalam tim lintas unit, dan hanya kepada pimpinan unit asal anggota dari unit lain "
    "('memberId', RPT-5).",
    en="Only in a cross-unit team, and only with the own unit head of a member from another unit "
    "('memberId', RPT-5).",
    uses_input=True,
    field="memberId",
)
async def member_from_another_unit(step: Step) -> bool:
    """RPT-5: the lead may also raise it with each outside member's own unit head."""
    given: RaiseEscalationInput = step.input
    if given.member_id is None:
        return True
    place = await lines.membership(given.team_id, given.member_id, step.today)
    owner = await lines.owning_unit(given.team_id)
    return place is not None and place.home_unit_id is not None and place.home_unit_id != owner  # type: ignore[attr-defined]


@guard(
    "RPT-5",
    id="Tidak ada pimpinan unit yang menjabat untuk menerima permasalahan ini (RPT-5).",
    en="No unit head is in post to take this problem (RPT-5).",
)
async def someone_to_decide(step: Step) -> bool:
    """RPT-5: the escalation reaches someone other than the lead who raised it."""
    record = step.record
    return record.raised_to_id is not None and record.raised_to_id != record.raised_by_id


@guard(
    "AC-7",
    id="Ketua tim tidak memutuskan permasalahan yang ia sampaikan sendiri (RPT-5, AC-7).",
    en="The lead does not decide the problem they raised (RPT-5, AC-7).",
)
async def not_decided_by_the_lead(step: Step) -> bool:
    """AC-7: an acting head who raised the problem does not resolve it."""
    return bool(step.record.raised_by_id != step.principal.staff_id)


# --- builds and effects ----------------------------------------------------------------------------


async def _raised_to(step: Step, given: RaiseEscalationInput) -> UUID | None:
    if given.member_id is not None:
        place = await lines.membership(given.team_id, given.member_id, step.today)
        return await lines.head_id(place.home_unit_id if place else None, step.now)  # type: ignore[attr-defined]
    head = await lines.head_id(await lines.owning_unit(given.team_id), step.now)
    if head == step.principal.staff_id:
        # ORG-2: an Administrator leads their own team like a team lead; above them is the SG.
        return await lines.secretary_general_id()
    return head


async def _build(step: Step) -> Escalation:
    given: RaiseEscalationInput = step.input
    await lines.team(given.team_id)
    record = Escalation(
        team_id=given.team_id,
        raised_by_id=step.principal.staff_id,
        problem=given.problem.strip(),
        alternatives=lines.text(given.alternatives),
        recommendation=lines.text(given.recommendation),
        status=S.OPEN,
    )
    record.raised_to_id = await _raised_to(step, given)  # None when nobody heads it: a guard refuses
    return record


async def _resolved(step: Step) -> None:
    record: Escalation = step.record
    record.resolution = step.input.resolution.strip()
    record.resolved_at = step.now


ESCALATION = Workflow(
    name="escalation",
    model=Escalation,
    state_field="status",
    description="Penyampaian permasalahan tim (Lamp. 3.a–3.b): the lead raises a problem with alternatives "
    "and a recommendation to the owning unit head — or, in a cross-unit team, to a member's own unit "
    "head — who resolves it (RPT-5). Experts comment through coordination notes, never decide (AC-9).",
    transitions=(
        Transition(
            action="raise",
            sources=(),
            target=S.OPEN,
            actors=(LEAD,),
            guards=(
                alternatives_and_recommendation,
                team_still_working,
                member_from_another_unit,
                someone_to_decide,
            ),
            input=RaiseEscalationInput,
            build=_build,
            rule_ids=("RPT-5",),
            label=("Sampaikan permasalahan", "Raise a problem"),
            description="The team lead raises a problem with alternatives and a recommendation to the "
            "owning unit head (the Secretary General when the lead heads it, ORG-2), or to an outside "
            "member's own unit head (RPT-5).",
        ),
        Transition(
            action="resolve",
            sources=(S.OPEN,),
            target=S.RESOLVED,
            actors=(RAISED_WITH,),
            guards=(not_decided_by_the_lead,),
            input=ResolveEscalationInput,
            effect=_resolved,
            rule_ids=("RPT-5", "AC-6", "AC-7", "AC-9"),
            label=("Putuskan permasalahan", "Resolve the problem"),
            description="The head it was raised with (in post or acting) records the decision or "
            "follow-up (RPT-5, AC-6); not the lead, not an expert (AC-7, AC-9).",
        ),
    ),
)

__all__ = ["ESCALATION"]
