"""The performance cycle at the workflow level, no GraphQL: targets and their cascade (PERF-1),
activity plans and dialogues (PERF-2), evaluation and review (PERF-3), acceptance of results
(PERF-4), appraisals of cross-unit members (PERF-5) — each rule enforced, and each way around it
(wrong actor, wrong order, a skipped level, one's own results, an expert deciding) refused."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from models.assignments import Team, TeamMembership, TeamStatus
from models.performance import (
    ActivityPlanStatus,
    PerformanceTargetStatus,
    TargetLevel,
)
from tests.organisation.test_reporting_factories import (
    NOW,
    as_,
    organisation,
    snapshot,
    take,
    target,
    team_plan,
)
from workflows.engine import available_actions
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed
from workflows.performance import (
    ACTIVITY_PLAN,
    PERFORMANCE_DIALOGUE,
    PERFORMANCE_TARGET,
)
from workflows.performance.inputs import (
    CascadeTargetInput,
    DetailInput,
    DialogueInput,
    PlanInput,
    ReasonInput,
    SetTargetInput,
)

L = TargetLevel
P = ActivityPlanStatus


# --- PERF-1: targets set by the Secretary General, cascaded one level at a time ---------------------


async def test_performance_target_set_and_cascade_down_to_a_person_perf_1(policies):
    # given
    org = await organisation()
    # when: the agreement's target → a unit (SG) → a team and a person (the unit head)
    agreement = await take(
        PERFORMANCE_TARGET, "set", None, org.sg, SetTargetInput(title="Layanan tepat waktu", year=2026)
    )
    unit_goal = await take(
        PERFORMANCE_TARGET,
        "cascade",
        None,
        org.sg,
        CascadeTargetInput(
            parent_id=agreement.id, level=L.UNIT, title="Telaah 30 hari", unit_id=org.bureau.id
        ),
    )
    team_goal = await take(
        PERFORMANCE_TARGET,
        "cascade",
        None,
        org.head,
        CascadeTargetInput(parent_id=unit_goal.id, level=L.TEAM, title="Telaah tim", team_id=org.team.id),
    )
    personal = await take(
        PERFORMANCE_TARGET,
        "cascade",
        None,
        org.head,
        CascadeTargetInput(
            parent_id=team_goal.id, level=L.INDIVIDUAL, title="Telaah anggota", staff_id=org.outsider.staff.id
        ),
    )
    # then
    assert (agreement.level, agreement.set_by_id, agreement.status) == (
        L.ORGANISATION,
        org.sg.staff.id,
        "set",
    )
    assert agreement.code.startswith("IKU-2026-")
    assert (unit_goal.parent_id, unit_goal.unit_id, unit_goal.year) == (agreement.id, org.bureau.id, 2026)
    assert (team_goal.unit_id, team_goal.team_id, team_goal.set_by_id) == (
        org.bureau.id,
        org.team.id,
        org.head.staff.id,
    )
    assert (personal.staff_id, personal.team_id) == (org.outsider.staff.id, org.team.id)


async def test_performance_target_set_or_cascade_by_the_wrong_office_or_skipping_a_level_is_refused_perf_1(
    policies,
):
    # given: the bureau's unit target
    org = await organisation()
    agreement = await target(L.ORGANISATION)
    unit_goal = await target(L.UNIT, unit=org.bureau, parent=agreement)
    before = await snapshot()
    # when: a unit head sets the agreement or a unit's target; another head cascades the bureau's;
    # the SG goes from the agreement straight to a team; the head cascades to a team of another unit
    with pytest.raises(Forbidden):
        await take(PERFORMANCE_TARGET, "set", None, org.head, SetTargetInput(title="Target", year=2026))
    cascades = [
        (
            org.head,
            CascadeTargetInput(parent_id=agreement.id, level=L.UNIT, title="T", unit_id=org.bureau.id),
        ),
        (
            org.other_head,
            CascadeTargetInput(parent_id=unit_goal.id, level=L.TEAM, title="T", team_id=org.team.id),
        ),
        (org.sg, CascadeTargetInput(parent_id=agreement.id, level=L.TEAM, title="T", team_id=org.team.id)),
    ]
    for someone, given in cascades:
        with pytest.raises(Forbidden):
            await take(PERFORMANCE_TARGET, "cascade", None, someone, given)
    with pytest.raises(RuleViolation) as elsewhere:
        await take(
            PERFORMANCE_TARGET,
            "cascade",
            None,
            org.head,
            CascadeTargetInput(parent_id=unit_goal.id, level=L.TEAM, title="T", team_id=org.admin_team.id),
        )
    with pytest.raises(RuleViolation) as upwards:
        await take(
            PERFORMANCE_TARGET,
            "cascade",
            None,
            org.sg,
            CascadeTargetInput(parent_id=unit_goal.id, level=L.UNIT, title="T", unit_id=org.other.id),
        )
    # then
    assert (elsewhere.value.key, elsewhere.value.rule) == ("workflow.guard.within_the_parent", "PERF-1")
    assert upwards.value.key == "workflow.guard.one_level_down"
    assert await snapshot() == before


async def test_performance_target_withdraw_with_cascade_in_force_is_refused_perf_1(policies):
    # given: a unit target with a team target cascaded from it
    org = await organisation()
    unit_goal = await target(L.UNIT, unit=org.bureau, parent=await target(L.ORGANISATION))
    team_goal = await target(L.TEAM, unit=org.bureau, team=org.team, parent=unit_goal)
    why = ReasonInput(reason="Target direvisi.")
    # when: the unit target first; then the team's, then the unit's
    with pytest.raises(RuleViolation) as refused:
        await take(PERFORMANCE_TARGET, "withdraw", unit_goal, org.sg, why)
    with pytest.raises(NotFound):  # outside the other head's units (AC-12)
        await take(PERFORMANCE_TARGET, "withdraw", team_goal, org.other_head, why)
    with pytest.raises(Forbidden):  # a team's target is its unit head's (AC-6)
        await take(PERFORMANCE_TARGET, "withdraw", team_goal, org.sg, why)
    await take(PERFORMANCE_TARGET, "withdraw", team_goal, org.head, why)
    withdrawn = await take(PERFORMANCE_TARGET, "withdraw", unit_goal, org.sg, why)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.nothing_cascaded_in_force", "PERF-1")
    assert withdrawn.status == PerformanceTargetStatus.WITHDRAWN


def test_performance_target_cascade_naming_the_wrong_subject_is_invalid_perf_1():
    with pytest.raises(ValidationFailed) as refused:
        CascadeTargetInput(parent_id=uuid.uuid4(), level=L.TEAM, title="T", staff_id=uuid.uuid4())
    assert refused.value.field == "teamId"


# --- PERF-2: plans detailed with members, individual plans, dialogues ------------------------------


async def test_activity_plan_drawn_up_by_the_head_detailed_by_the_lead_perf_2(policies):
    # given
    org = await organisation()
    # when
    planned = await team_plan(org)
    offered = await available_actions(ACTIVITY_PLAN, planned, await as_(org.lead))
    detailed = await take(
        ACTIVITY_PLAN, "detail", planned, org.lead, DetailInput(detail="Anggota A: berkas 1–3.")
    )
    # then
    assert (planned.status, str(planned.budget)) == (P.PLANNED, "12500000.00")
    assert [t.action for t in offered] == ["detail"]
    assert (detailed.status, detailed.detail) == (P.IN_PROGRESS, "Anggota A: berkas 1–3.")


async def test_activity_plan_for_a_team_without_a_lead_is_refused_perf_1(policies):
    # given: a team of the bureau whose lead has not been appointed yet
    org = await organisation()
    leaderless = await Team.create(
        code="TIM-TANPA-KETUA", name="Tim baru", owning_unit=org.bureau, status=TeamStatus.FORMING
    )
    goal = await target(L.TEAM, unit=org.bureau, team=leaderless)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await take(
            ACTIVITY_PLAN,
            "draw_up",
            None,
            org.head,
            PlanInput(title="Rencana", target_id=goal.id, team_id=leaderless.id),
        )
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.team_has_a_lead", "PERF-1")
    assert await snapshot() == before


async def test_activity_plan_by_the_lead_or_detail_by_a_member_is_refused_perf_2(policies):
    # given
    org = await organisation()
    goal = await target(L.TEAM, unit=org.bureau, team=org.team)
    planned = await team_plan(org, goal)
    before = await snapshot()
    # when: the lead draws up the team's plan; a member, or the head, details it
    with pytest.raises(Forbidden):
        await take(
            ACTIVITY_PLAN,
            "draw_up",
            None,
            org.lead,
            PlanInput(title="X", target_id=goal.id, team_id=org.team.id),
        )
    with pytest.raises(Forbidden):
        await take(ACTIVITY_PLAN, "detail", planned, org.member, DetailInput(detail="Rincian."))
    with pytest.raises(NotFound):  # the head reaches no detailing line: that is the lead's (PERF-2)
        await take(ACTIVITY_PLAN, "detail", planned, org.head, DetailInput(detail="Rincian."))
    # then
    assert await snapshot() == before


async def test_activity_plan_detail_without_members_is_refused_perf_2(policies):
    # given: the Administrator's team has one member besides them; they leave
    org = await organisation()
    goal = await target(L.TEAM, unit=org.admin_unit, team=org.admin_team)
    plan = await take(
        ACTIVITY_PLAN,
        "draw_up",
        None,
        org.administrator,
        PlanInput(title="Audit", target_id=goal.id, team_id=org.admin_team.id),
    )
    await TeamMembership.filter(team_id=org.admin_team.id, staff_id=org.admin_staff[0].staff.id).update(
        left_on=NOW.date() - dt.timedelta(days=1)
    )
    # when
    with pytest.raises(RuleViolation) as refused:
        await take(ACTIVITY_PLAN, "detail", plan, org.administrator, DetailInput(detail="Sendiri."))
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.detailed_with_members", "PERF-2")


async def test_activity_plan_individual_from_an_allocation_perf_2(policies):
    # given: the head allocated the loner an individual target
    org = await organisation()
    mine = await target(L.INDIVIDUAL, unit=org.bureau, staff=org.loner.staff)
    # when
    plan = await take(
        ACTIVITY_PLAN,
        "draw_up",
        None,
        org.loner,
        PlanInput(title="Laporan bulanan", target_id=mine.id, staff_id=org.loner.staff.id),
    )
    started = await take(
        ACTIVITY_PLAN, "detail", plan, org.loner, DetailInput(detail="Satu laporan per bulan.")
    )
    # then
    assert (plan.staff_id, started.status) == (org.loner.staff.id, P.IN_PROGRESS)


async def test_activity_plan_individual_without_allocation_or_for_someone_else_is_refused_perf_2(policies):
    # given: a target allocated to someone else, and the unit's own target
    org = await organisation()
    theirs = await target(L.INDIVIDUAL, unit=org.bureau, staff=org.member.staff)
    unit_goal = await target(L.UNIT, unit=org.bureau)
    before = await snapshot()
    # when
    for goal in (theirs, unit_goal):
        with pytest.raises(RuleViolation) as refused:
            await take(
                ACTIVITY_PLAN,
                "draw_up",
                None,
                org.loner,
                PlanInput(title="X", target_id=goal.id, staff_id=org.loner.staff.id),
            )
        assert refused.value.key == "workflow.guard.serves_its_own_target"
    with pytest.raises(Forbidden):
        await take(
            ACTIVITY_PLAN,
            "draw_up",
            None,
            org.loner,
            PlanInput(title="X", target_id=theirs.id, staff_id=org.member.staff.id),
        )
    # then
    assert await snapshot() == before


async def test_performance_dialogue_recorded_by_the_head_and_by_the_lead_perf_2(policies):
    # given
    org = await organisation()
    # when
    by_head = await take(
        PERFORMANCE_DIALOGUE,
        "record",
        None,
        org.head,
        DialogueInput(staff_id=org.loner.staff.id, notes="Sesuai rencana."),
    )
    by_lead = await take(
        PERFORMANCE_DIALOGUE,
        "record",
        None,
        org.lead,
        DialogueInput(
            staff_id=org.outsider.staff.id,
            team_id=org.team.id,
            notes="Laporan terlambat.",
            follow_up="Mingguan.",
        ),
    )
    # then
    assert (by_head.superior_id, by_head.held_at, by_head.status) == (org.head.staff.id, NOW, "recorded")
    assert (by_lead.superior_id, by_lead.team_id) == (org.lead.staff.id, org.team.id)


async def test_performance_dialogue_by_a_member_with_oneself_or_in_the_future_is_refused_perf_2(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when: a member with the lead; the head with themselves; a dialogue not yet held
    with pytest.raises(Forbidden):
        await take(
            PERFORMANCE_DIALOGUE,
            "record",
            None,
            org.member,
            DialogueInput(staff_id=org.lead.staff.id, team_id=org.team.id, notes="x"),
        )
    with pytest.raises(RuleViolation) as oneself:
        await take(
            PERFORMANCE_DIALOGUE, "record", None, org.sg, DialogueInput(staff_id=org.sg.staff.id, notes="x")
        )
    with pytest.raises(RuleViolation) as future:
        await take(
            PERFORMANCE_DIALOGUE,
            "record",
            None,
            org.head,
            DialogueInput(staff_id=org.loner.staff.id, notes="x", held_at=NOW + dt.timedelta(days=1)),
        )
    # then
    assert oneself.value.key == "workflow.guard.with_someone_else"
    assert (future.value.key, future.value.field) == ("workflow.guard.already_held", "heldAt")
    assert await snapshot() == before
