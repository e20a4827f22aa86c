"""Escalations (Lamp. 3.a.1.d.3, 3.b.3–4, 3.c.4): RPT-5 as a workflow.

The team lead raises a problem with alternatives and a recommendation; it goes to the head of the
unit that owns the team, who decides — or, in a cross-unit team, to a member's own unit head, who
follows it up within their unit. Who it goes to is read from the organisation (AC-6); the decision
is the head's, never the lead's and never an expert's (AC-7, AC-9).

In a cross-agency team the lead may also put it to the head of the agency owning the performance
(`raise_to_agency_head`, Lamp. 3.c.4: "kepada pimpinan instansi pemilik kinerja untuk diputuskan").
Seed over spec: RPT-5 in 01-organisation.md names only unit heads; the seed's Lamp. 3.c.4 adds this
path, so it is implemented here from the seed. The owning agency is read from the data: the agency
that asked for LPSK's staff for the team (an ASG-4 assignment of the team), otherwise LPSK itself.
For LPSK the Secretary General decides (`resolve`): the secretariat's performance agreement is the
Secretary General's (Lamp. Bab III.A.1, PERF-1; Pasal 14(2) "Sekretaris Jenderal sebagai pemilik
kinerja") and so are its decisions (Lamp. Bab II 1.d, ORG-6). Another agency's head decides in writing,
through its partner token or recorded by the Secretary General from its letter
(agency_decisions.py, then `agency_decided` here).
"""

from __future__ import annotations

from uuid import UUID

from authz.principal import Principal
from models.assignments import Assignment, AssignmentPath, AssignmentStatus, Team
from models.organisation import Agency, Position
from models.performance import Escalation, EscalationStatus
from workflows.approvals import Capacity
from workflows.engine import Actor, Condition, Step, Transition, Workflow, guard, head_of_unit, team_lead
from workflows.reporting import lines
from workflows.reporting.inputs import (
    AgencyDecisionInput,
    RaiseEscalationInput,
    RaiseToAgencyHeadInput,
    ResolveEscalationInput,
)

S = EscalationStatus
TO_OTHER_AGENCY = Condition(
    "addressed to another agency's head (Lamp. 3.c.4)", lambda e: e.owning_agency_id is not None
)

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


@guard(
    "RPT-5",
    id="Hanya ketua tim lintas instansi yang dapat menyampaikan permasalahan kepada pimpinan instansi "
    "pemilik kinerja ('teamId', RPT-5, Lamp. 3.c.4).",
    en="Only the lead of a cross-agency team may put a problem to the head of the agency owning the "
    "performance ('teamId', RPT-5, Lamp. 3.c.4).",
    field="teamId",
)
async def cross_agency_team(step: Step) -> bool:
    """Lamp. 3.c.4: the path to an agency's head exists in cross-agency work only."""
    return await Team.filter(id=step.record.team_id, is_cross_agency=True).exists()


@guard(
    "RPT-5",
    id="Tidak ada pimpinan instansi pemilik kinerja untuk memutuskan permasalahan ini: Sekretaris Jenderal "
    "tidak menjabat, atau instansi bukan mitra aktif (RPT-5, Lamp. 3.c.4).",
    en="There is no head of the agency owning the performance to decide: no Secretary General in post, or "
    "the agency is not an active partner (RPT-5, Lamp. 3.c.4).",
)
async def agency_head_to_decide(step: Step) -> bool:
    """Lamp. 3.c.4: LPSK's Secretary General (not the lead themself), or an active partner agency."""
    record = step.record
    if record.owning_agency_id is not None:
        return await Agency.filter(id=record.owning_agency_id, active=True).exists()
    return record.raised_to_id is not None and record.raised_to_id != record.raised_by_id


# --- builds and effects ----------------------------------------------------------------------------


async def owning_agency(team_id: UUID) -> UUID | None:
    """The outside agency owning the performance a team works for — the agency whose request brought
    LPSK's staff to the team (ASG-4) — or None: LPSK's own performance (ASG-3 and every other path)."""
    found = (
        await Assignment.filter(team_id=team_id, path=AssignmentPath.INBOUND_AGENCY_REQUEST)
        .exclude(status__in=[AssignmentStatus.REJECTED, AssignmentStatus.WITHDRAWN])
        .exclude(requesting_agency_id=None)
        .order_by("created_at")
        .values_list("requesting_agency_id", flat=True)
    )
    return found[0] if found else None  # type: ignore[return-value]


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


async def _build_to_agency_head(step: Step) -> Escalation:
    given: RaiseToAgencyHeadInput = step.input
    await lines.team(given.team_id)
    agency = await owning_agency(given.team_id)
    record = Escalation(
        team_id=given.team_id,
        raised_by_id=step.principal.staff_id,
        problem=given.problem.strip(),
        alternatives=lines.text(given.alternatives),
        recommendation=lines.text(given.recommendation),
        to_agency_head=True,
        owning_agency_id=agency,
        status=S.OPEN,
    )
    # LPSK's performance: the Secretary General decides (see the module docstring); another agency's
    # head is outside LPSK's staff, so nobody here is `raised_to`.
    record.raised_to_id = await lines.secretary_general_id() if agency is None else None
    return record


async def _resolved(step: Step) -> None:
    record: Escalation = step.record
    record.resolution = step.input.resolution.strip()
    record.resolved_at = step.now


async def _agency_decided(step: Step) -> None:
    given: AgencyDecisionInput = step.input
    record: Escalation = step.record
    record.resolution = given.decision.strip()
    record.agency_letter = lines.text(given.agency_letter)
    record.resolved_at = step.now


ESCALATION = Workflow(
    name="escalation",
    model=Escalation,
    state_field="status",
    description="Penyampaian permasalahan tim (Lamp. 3.a–3.c): the lead raises a problem with alternatives "
    "and a recommendation to the owning unit head — or, in a cross-unit team, to a member's own unit "
    "head; in a cross-agency team, to the head of the agency owning the performance — who resolves it "
    "(RPT-5, Lamp. 3.c.4). Experts comment through coordination notes, never decide (AC-9).",
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
            action="raise_to_agency_head",
            sources=(),
            target=S.OPEN,
            actors=(LEAD,),
            guards=(
                alternatives_and_recommendation,
                team_still_working,
                cross_agency_team,
                agency_head_to_decide,
            ),
            input=RaiseToAgencyHeadInput,
            build=_build_to_agency_head,
            rule_ids=("RPT-5", "ORG-8"),
            label=(
                "Sampaikan kepada pimpinan instansi pemilik kinerja",
                "Raise with the owning agency's head",
            ),
            description="In a cross-agency team the lead puts a problem, with alternatives and a "
            "recommendation, to the head of the agency owning the performance for decision (Lamp. 3.c.4): "
            "the Secretary General for LPSK's own; another agency's head answers in writing.",
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
        # Fired by the agency's written decision (agency_decisions.py), by its token or recorded by staff.
        Transition(
            action="agency_decided",
            sources=(S.OPEN,),
            target=S.RESOLVED,
            input=AgencyDecisionInput,
            effect=_agency_decided,
            when=TO_OTHER_AGENCY,
            rule_ids=("RPT-5",),
            label=("Keputusan pimpinan instansi dicatat", "The agency head's decision recorded"),
            description="The other agency's written decision resolves the escalation (Lamp. 3.c.4).",
        ),
    ),
)

__all__ = ["ESCALATION", "TO_OTHER_AGENCY", "owning_agency"]
