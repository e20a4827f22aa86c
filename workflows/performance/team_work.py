"""The team-level responsibilities of Lamp. Bab II that had no step of their own (ORG-7, ORG-8):

- `team_direction` — the head of the unit that owns a team gives it integrated direction, input or
  feedback on its activity, or directs it to collaborate with another team (ORG-7 c–d: "memberikan
  arahan terpadu, masukan, dan umpan balik"; "memastikan kolaborasi ... antar tim");
- `team_role_allocation` — the team lead divides roles among the members by the competencies they
  hold (ORG-8 b: "membagi peran anggota tim sesuai dengan kompetensi, keahlian, dan/atau
  keterampilan", ORG-5);
- `member_performance_report` — the lead reports a member's performance to the member's appraising
  official (the head of their home unit) and to the head of the unit that owns the team (ORG-8 e).

Each is a record of what was given, kept as given: one creating step, taken only by its role.
"""

from __future__ import annotations

from models.organisation import StaffCompetency
from models.performance import (
    ActivityPlan,
    MemberPerformanceReport,
    MemberPerformanceReportStatus,
    RoleAllocationStatus,
    TeamDirection,
    TeamDirectionStatus,
    TeamRoleAllocation,
)
from workflows.engine import Step, Transition, Workflow, guard, team_lead
from workflows.errors import NotFound
from workflows.performance.inputs import AllocateRoleInput, MemberPerformanceInput, TeamDirectionInput
from workflows.reporting import lines

OWNING_HEAD = lines.head_of_related(
    "owning_head",
    "ORG-7",
    "head of the unit that owns the team (or its Administrator)",
    lambda record: lines.owning_unit(record.team_id),
)
LEAD = team_lead("team_id", "ORG-8", "the team lead")


# --- guards ----------------------------------------------------------------------------------------


@guard(
    "ORG-7",
    id="Tim ini sudah ditutup ('teamId', ORG-7).",
    en="This team is closed ('teamId', ORG-7).",
    field="teamId",
)
async def team_still_working(step: Step) -> bool:
    """ORG-7, ORG-8: directions and roles are for a team at work."""
    return await lines.team_at_work(step.record.team_id)


@guard(
    "ORG-7",
    id="Kegiatan yang disebut bukan rencana kegiatan tim ini ('activityPlanId', ORG-7).",
    en="The activity named is not this team's activity plan ('activityPlanId', ORG-7).",
    field="activityPlanId",
)
async def plan_of_the_team(step: Step) -> bool:
    """ORG-7, ORG-8: the activity named is the team's own."""
    record = step.record
    plan_id = record.activity_plan_id
    return plan_id is None or await ActivityPlan.filter(id=plan_id, team_id=record.team_id).exists()


@guard(
    "ORG-7",
    id="Kolaborasi diarahkan dengan tim lain yang masih bekerja ('withTeamId', ORG-7).",
    en="Collaboration is directed with another team still at work ('withTeamId', ORG-7).",
    field="withTeamId",
)
async def another_team_at_work(step: Step) -> bool:
    """ORG-7 d: collaboration between teams — another team, not closed."""
    record = step.record
    if record.with_team_id is None:
        return True
    return record.with_team_id != record.team_id and await lines.team_at_work(record.with_team_id)


@guard(
    "ORG-8",
    id="Peran dibagikan kepada anggota tim saat ini ('staffId', ORG-8).",
    en="Roles are given to current members of the team ('staffId', ORG-8).",
    field="staffId",
)
async def on_the_team(step: Step) -> bool:
    """ORG-8 b: the lead divides roles among the team's members."""
    return await lines.is_member(step.record.team_id, step.record.staff_id, step.today)


@guard(
    "ORG-8",
    id="Anggota tidak memiliki kompetensi yang menjadi dasar peran ini ('competencyId', ORG-8, ORG-5).",
    en="The member does not hold the competency this role rests on ('competencyId', ORG-8, ORG-5).",
    field="competencyId",
)
async def holds_the_competency(step: Step) -> bool:
    """ORG-8 b, ORG-5: roles by competence — one the member's staff record carries."""
    record = step.record
    return await StaffCompetency.filter(staff_id=record.staff_id, competency_id=record.competency_id).exists()


@guard(
    "ORG-8",
    id="Laporan kinerja anggota menyangkut anggota tim saat ini, bukan ketua tim sendiri ('staffId', ORG-8).",
    en="A member performance report is about a current member of the team, not the lead ('staffId', ORG-8).",
    field="staffId",
)
async def a_member_not_the_lead(step: Step) -> bool:
    """ORG-8 e: the lead reports their members' performance, not their own (AC-7)."""
    record = step.record
    return record.staff_id != record.lead_id and await lines.is_member(
        record.team_id, record.staff_id, step.today
    )


@guard(
    "ORG-8",
    id="Tidak ada pimpinan unit kerja yang menjabat untuk menerima laporan kinerja anggota (ORG-8).",
    en="No unit head is in post to receive the member performance report (ORG-8).",
)
async def someone_to_report_to(step: Step) -> bool:
    """ORG-8 e: the report reaches the unit head (and the appraiser, when the member has one here)."""
    record = step.record
    return record.unit_head_id is not None and record.unit_head_id != record.lead_id


# --- builds ----------------------------------------------------------------------------------------


async def _plan(plan_id: object) -> None:
    if plan_id is not None and not await ActivityPlan.filter(id=plan_id).exists():
        raise NotFound("ActivityPlan")


async def _build_direction(step: Step) -> TeamDirection:
    given: TeamDirectionInput = step.input
    await lines.team(given.team_id)
    if given.with_team_id is not None:
        await lines.team(given.with_team_id)
    await _plan(given.activity_plan_id)
    return TeamDirection(
        team_id=given.team_id,
        given_by_id=step.principal.staff_id,
        kind=given.kind,
        activity_plan_id=given.activity_plan_id,
        with_team_id=given.with_team_id,
        content=given.content.strip(),
        status=TeamDirectionStatus.GIVEN,
    )


async def _build_allocation(step: Step) -> TeamRoleAllocation:
    given: AllocateRoleInput = step.input
    await lines.team(given.team_id)
    await lines.staff(given.staff_id)
    await _plan(given.activity_plan_id)
    return TeamRoleAllocation(
        team_id=given.team_id,
        staff_id=given.staff_id,
        allocated_by_id=step.principal.staff_id,
        competency_id=given.competency_id,
        activity_plan_id=given.activity_plan_id,
        role=given.role.strip(),
        status=RoleAllocationStatus.ALLOCATED,
    )


async def _build_report(step: Step) -> MemberPerformanceReport:
    given: MemberPerformanceInput = step.input
    await lines.team(given.team_id)
    await lines.staff(given.staff_id)
    lead = step.principal.staff_id
    place = await lines.membership(given.team_id, given.staff_id, step.today)
    # The appraising official of a functional official or executor is their superior: the head of
    # the unit they came from (an outside agency's officer has none here).
    appraiser = await lines.head_id(place.home_unit_id if place else None, step.now)  # type: ignore[attr-defined]
    unit_head = await lines.head_id(await lines.owning_unit(given.team_id), step.now)
    if unit_head == lead:
        unit_head = await lines.secretary_general_id()  # ORG-2: an Administrator leading their own team
    return MemberPerformanceReport(
        team_id=given.team_id,
        staff_id=given.staff_id,
        lead_id=lead,
        appraiser_id=None if appraiser == lead else appraiser,
        unit_head_id=unit_head,
        period_start=given.period_start,
        period_end=given.period_end,
        results=given.results.strip(),
        status=MemberPerformanceReportStatus.SENT,
        sent_at=step.now,
    )


# --- the workflows ---------------------------------------------------------------------------------

TEAM_DIRECTION = Workflow(
    name="team_direction",
    model=TeamDirection,
    state_field="status",
    description="Arahan Pimpinan Unit Kerja (Lamp. Bab II 2.c–d): the head of the unit owning a team gives "
    "it integrated direction, input or feedback, or directs collaboration with another team (ORG-7).",
    transitions=(
        Transition(
            action="give",
            sources=(),
            target=TeamDirectionStatus.GIVEN,
            actors=(OWNING_HEAD,),
            guards=(team_still_working, plan_of_the_team, another_team_at_work),
            input=TeamDirectionInput,
            build=_build_direction,
            rule_ids=("ORG-7", "AC-6"),
            label=("Berikan arahan kepada tim", "Give the team direction"),
            description="The head of the unit that owns the team (in post or acting) gives it direction, "
            "input or feedback on its activity, or directs it to collaborate with another team (ORG-7). "
            "Not the lead, not a member.",
        ),
    ),
)

TEAM_ROLE_ALLOCATION = Workflow(
    name="team_role_allocation",
    model=TeamRoleAllocation,
    state_field="status",
    description="Pembagian peran anggota tim (Lamp. Bab II 3.b): the team lead gives a member a role on a "
    "competency the member holds (ORG-8, ORG-5).",
    transitions=(
        Transition(
            action="allocate",
            sources=(),
            target=RoleAllocationStatus.ALLOCATED,
            actors=(LEAD,),
            guards=(team_still_working, on_the_team, holds_the_competency, plan_of_the_team),
            input=AllocateRoleInput,
            build=_build_allocation,
            rule_ids=("ORG-8", "ORG-5"),
            label=("Bagi peran anggota tim", "Allocate a team role"),
            description="The team lead gives a current member a role, on a competency on the member's "
            "record (ORG-8, ORG-5). Not a member, not the unit head.",
        ),
    ),
)

MEMBER_PERFORMANCE_REPORT = Workflow(
    name="member_performance_report",
    model=MemberPerformanceReport,
    state_field="status",
    description="Laporan hasil kinerja anggota tim (Lamp. Bab II 3.e): the team lead reports a member's "
    "performance to the member's appraising official and to the head of the unit that owns the team (ORG-8).",
    transitions=(
        Transition(
            action="send",
            sources=(),
            target=MemberPerformanceReportStatus.SENT,
            actors=(LEAD,),
            guards=(a_member_not_the_lead, someone_to_report_to),
            input=MemberPerformanceInput,
            build=_build_report,
            rule_ids=("ORG-8",),
            label=("Laporkan kinerja anggota tim", "Report a member's performance"),
            description="The team lead reports a member's results to the member's appraising official (the "
            "head of their home unit) and the head of the owning unit, for the member's appraisal (ORG-8).",
        ),
    ),
)

__all__ = ["MEMBER_PERFORMANCE_REPORT", "TEAM_DIRECTION", "TEAM_ROLE_ALLOCATION"]
