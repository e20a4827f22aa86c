"""The responsibilities of Lamp. Bab II (ORG-6 … ORG-9), each mapped to the declared operation that
carries it out — and each test shows the right role doing it and the wrong role refused with
nothing changed. Operations are `<workflow>.<action>` on the workflow engine (their GraphQL mutation,
availableActions, policy line, admin form and diagram follow from the declaration).

ORG-6 Secretary General (Lamp. Bab II 1)
  a) roadmap and work plan ............... performance_target.set (the performance agreement, PERF-1)
  b) alignment with strategy ............. performance_target.cascade to the units (PERF-1);
                                           evaluation.review (PERF-3, tests in test_performance_review)
  c) infrastructure, governance, resources  assignment.send_agency_request (officers from outside, ASG-3)
  d) decisions ........................... escalation.resolve of what is put to the SG (RPT-5, ORG-2,
                                           Lamp. 3.c.4 for LPSK's own performance); work_report.request,
                                           the report asked for to decide on (RPT-2)
  e) collaboration between units ......... assignment.issue_letter across units (ASG-2)
ORG-7 unit head (Lamp. Bab II 2)
  a) activity plans ...................... activity_plan.draw_up of a team's plan (PERF-1)
  b) resources ........................... team.add_member (ASG-9)
  c) direction, input and feedback ....... team_direction.give (new)
  d) collaboration between teams ......... team_direction.give, kind COLLABORATION naming the other team (new)
  e) monitoring and evaluation of teams .. evaluation.draft of a team (PERF-3); activity_plan.accept (PERF-4,
                                           tests in test_performance)
ORG-8 team lead (Lamp. Bab II 3)
  a) detailed activity plan .............. activity_plan.detail (PERF-2)
  b) roles by competence ................. team_role_allocation.allocate (new, ORG-5)
  c) carries out to plan ................. activity_plan.submit of the team's results (PERF-4)
  d) periodic feedback to members ........ performance_dialogue.record with a member (PERF-2)
  e) members' performance to the appraiser
     and the unit head ................... member_performance_report.send (new)
  f) collaboration inside the team ....... work_report.request of a member (RPT-1)
  (and escalation.raise / raise_to_agency_head: RPT-5, test_reporting_escalations, test_escalation_to_agency)
ORG-9 team member (Lamp. Bab II 4)
  a) individual work plan ................ activity_plan.draw_up of one's own plan from an allocation (PERF-2)
  b) performs to the lead's expectations . activity_plan.detail / submit of one's own plan (PERF-2, PERF-4)
  c) reports results to the lead ......... work_report.draft / submit with the team, taken in by the
                                           lead (RPT-1)
"""

from __future__ import annotations

from typing import Any

import pytest

from models.assignments import AssignmentStatus, Team, TeamStatus
from models.organisation import Competency, CompetencyLevel, StaffCompetency
from models.performance import (
    ActivityPlanStatus,
    EscalationStatus,
    EvaluationStatus,
    PerformanceTargetStatus,
    TargetLevel,
    TeamDirectionKind,
    WorkReportStatus,
)
from tests.accounts.factories import short
from tests.organisation import assignment_path_factories as paths
from tests.organisation.test_reporting_factories import (
    DAY,
    NOW,
    TODAY,
    Org,
    organisation,
    snapshot,
    step,
    submitted,
    take,
    target,
    team_plan,
)
from tests.workflows import factories as assignments
from workflows.assignments import ASSIGNMENT, INVOLVEMENT, TEAM
from workflows.assignments.inputs import ApproveInvolvementInput
from workflows.assignments.teams import AddMemberInput
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed
from workflows.performance import (
    ACTIVITY_PLAN,
    EVALUATION,
    MEMBER_PERFORMANCE_REPORT,
    PERFORMANCE_DIALOGUE,
    PERFORMANCE_TARGET,
    TEAM_DIRECTION,
    TEAM_ROLE_ALLOCATION,
)
from workflows.performance.inputs import (
    AllocateRoleInput,
    CascadeTargetInput,
    DetailInput,
    DialogueInput,
    EvaluateInput,
    MemberPerformanceInput,
    PlanInput,
    SetTargetInput,
    TeamDirectionInput,
)
from workflows.reporting import ESCALATION, WORK_REPORT, lines
from workflows.reporting.inputs import RaiseEscalationInput, RequestReportInput, ResolveEscalationInput

L = TargetLevel
P = ActivityPlanStatus


def agreement() -> SetTargetInput:
    return SetTargetInput(title="Layanan perlindungan tepat waktu", year=TODAY.year)


async def detailed_plan(org: Org) -> Any:
    plan = await team_plan(org)
    return await take(ACTIVITY_PLAN, "detail", plan, org.lead, DetailInput(detail="Anggota: berkas 1–3."))


async def competency(account: Any, held: bool = True) -> Competency:
    skill = await Competency.create(code=f"skill-{short()}", name="Psikologi forensik")
    if held:
        await StaffCompetency.create(staff=account.staff, competency=skill, level=CompetencyLevel.ADVANCED)
    return skill


# --- ORG-6: the Secretary General ------------------------------------------------------------------


async def test_performance_target_set_by_the_secretary_general_not_a_unit_head_org_6(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when: a unit head and a team lead try to set the agreement's target; then the SG does
    for someone in (org.head, org.lead):
        with pytest.raises(Forbidden):
            await take(PERFORMANCE_TARGET, "set", None, someone, agreement())
    refused = await snapshot()
    made = await take(PERFORMANCE_TARGET, "set", None, org.sg, agreement())
    # then
    assert refused == before
    assert (made.level, made.status, made.set_by_id) == (
        L.ORGANISATION,
        PerformanceTargetStatus.SET,
        org.sg.staff.id,
    )


async def test_performance_target_cascade_to_a_unit_by_the_secretary_general_not_its_head_org_6(policies):
    # given: the agreement's target
    org = await organisation()
    top = await take(PERFORMANCE_TARGET, "set", None, org.sg, agreement())
    to_unit = CascadeTargetInput(
        parent_id=top.id, level=L.UNIT, title="Telaah tepat waktu", unit_id=org.bureau.id
    )
    before = await snapshot()
    # when: the bureau's own head aligns their unit to the agreement; then the SG does
    with pytest.raises(Forbidden):
        await take(PERFORMANCE_TARGET, "cascade", None, org.head, to_unit)
    refused = await snapshot()
    aligned = await take(PERFORMANCE_TARGET, "cascade", None, org.sg, to_unit)
    # then
    assert refused == before
    assert (aligned.parent_id, aligned.unit_id, aligned.level) == (top.id, org.bureau.id, L.UNIT)


async def test_assignment_send_agency_request_for_resources_by_the_secretary_general_only_org_6(policies):
    # given: a unit head put the need for an agency's officer (ASG-3)
    org = await assignments.organisation()
    partner = await paths.agency()
    need = await paths.outbound(org, partner)
    before = await assignments.snapshot()
    # when: the unit head sends the written request themself; then the SG does
    with pytest.raises(Forbidden):
        await paths.step(ASSIGNMENT, "send_agency_request", need, org.head)
    refused = await assignments.snapshot()
    sent = await paths.step(ASSIGNMENT, "send_agency_request", need, org.secretary_general)
    # then
    assert refused == before
    assert sent.status == AssignmentStatus.AWAITING_INVOLVEMENT


async def test_escalation_resolve_put_to_the_secretary_general_by_no_one_else_org_6(policies):
    # given: the Administrator leads their own team (ORG-2): their problem goes to the SG
    org = await organisation()
    raised = await take(
        ESCALATION,
        "raise",
        None,
        org.administrator,
        RaiseEscalationInput(
            team_id=org.admin_team.id,
            problem="Auditor kurang.",
            alternatives="Menunda audit; meminjam auditor.",
            recommendation="Meminjam auditor dari Biro Umum.",
        ),
    )
    decision = ResolveEscalationInput(resolution="Dua auditor dipinjamkan selama sebulan.")
    before = await snapshot()
    # when: a unit head who was not asked (the problem is outside their reach), the Administrator
    # themself; then the SG decides
    with pytest.raises(NotFound):
        await take(ESCALATION, "resolve", raised, org.head, decision)
    with pytest.raises(Forbidden):
        await take(ESCALATION, "resolve", raised, org.administrator, decision)
    refused = await snapshot()
    resolved = await take(ESCALATION, "resolve", raised, org.sg, decision)
    # then
    assert refused == before
    assert (raised.raised_to_id, resolved.status) == (org.sg.staff.id, EscalationStatus.RESOLVED)


async def test_work_report_request_to_decide_on_by_the_secretary_general_not_a_unit_head_org_6(policies):
    # given
    org = await organisation()
    ask = RequestReportInput(staff_id=org.loner.staff.id, due_on=TODAY + 7 * DAY)
    before = await snapshot()
    # when: the loner's unit head asks outside a team (that is the SG's, RPT-2); then the SG asks
    with pytest.raises(Forbidden):
        await take(WORK_REPORT, "request", None, org.head, ask)
    refused = await snapshot()
    asked = await take(WORK_REPORT, "request", None, org.sg, ask)
    # then
    assert refused == before
    assert (asked.status, asked.recipient_id) == (WorkReportStatus.REQUESTED, org.sg.staff.id)


async def test_assignment_issue_letter_across_units_by_the_secretary_general_only_org_6(policies):
    # given: an appointment across units approved by the target head and proposed (ASG-2)
    org = await assignments.organisation()
    proposal = await assignments.request(org)
    for involvement in await paths.requests_of(proposal):
        await paths.step(INVOLVEMENT, "approve", involvement, org.other_head, ApproveInvolvementInput())
    proposal = await paths.step(ASSIGNMENT, "propose_to_secretary_general", proposal, org.head)
    before = await assignments.snapshot()
    # when: either unit head issues the letter; then the SG does
    for someone in (org.head, org.other_head):
        with pytest.raises(Forbidden):
            await paths.step(ASSIGNMENT, "issue_letter", proposal, someone)
    refused = await assignments.snapshot()
    issued = await paths.step(ASSIGNMENT, "issue_letter", proposal, org.secretary_general)
    # then
    assert refused == before
    assert issued.status == AssignmentStatus.LETTER_ISSUED


# --- ORG-7: the unit head --------------------------------------------------------------------------


async def test_activity_plan_draw_up_for_a_team_by_the_owning_unit_head_not_the_lead_org_7(policies):
    # given
    org = await organisation()
    goal = await target(L.TEAM, unit=org.bureau, team=org.team)
    given = PlanInput(title="Telaah berkas", target_id=goal.id, team_id=org.team.id)
    before = await snapshot()
    # when
    for someone in (org.lead, org.other_head):
        with pytest.raises(Forbidden):
            await take(ACTIVITY_PLAN, "draw_up", None, someone, given)
    refused = await snapshot()
    plan = await take(ACTIVITY_PLAN, "draw_up", None, org.head, given)
    # then
    assert refused == before
    assert (plan.team_id, plan.status) == (org.team.id, P.PLANNED)


async def test_team_add_member_as_a_resource_by_the_owning_unit_head_not_the_lead_org_7(policies):
    # given: the loner, of the bureau, is not on the team
    org = await organisation()
    team = await Team.get(id=org.team.id)
    given = AddMemberInput(staff_id=org.loner.staff.id)
    before = await snapshot()
    # when
    with pytest.raises(Forbidden):
        await take(TEAM, "add_member", team, org.lead, given)
    refused = await snapshot()
    await take(TEAM, "add_member", team, org.head, given)
    # then
    assert refused == before
    assert await lines.is_member(org.team.id, org.loner.staff.id, TODAY)


async def test_team_direction_give_direction_and_feedback_by_the_owning_unit_head_org_7(policies):
    # given
    org = await organisation()
    plan = await team_plan(org)
    # when
    direction = await take(
        TEAM_DIRECTION,
        "give",
        None,
        org.head,
        TeamDirectionInput(
            team_id=org.team.id,
            kind=TeamDirectionKind.DIRECTION,
            content="Prioritaskan berkas anak.",
            activity_plan_id=plan.id,
        ),
    )
    feedback = await take(
        TEAM_DIRECTION,
        "give",
        None,
        org.head,
        TeamDirectionInput(team_id=org.team.id, kind=TeamDirectionKind.FEEDBACK, content="Laporan rapi."),
    )
    # then
    assert (direction.given_by_id, direction.activity_plan_id, direction.status) == (
        org.head.staff.id,
        plan.id,
        "given",
    )
    assert feedback.kind == TeamDirectionKind.FEEDBACK


async def test_team_direction_give_by_the_lead_a_member_or_another_head_is_refused_org_7(policies):
    # given: a plan of another team (the Administrator's)
    org = await organisation()
    goal = await target(L.TEAM, unit=org.admin_unit, team=org.admin_team)
    other_plan = await take(
        ACTIVITY_PLAN,
        "draw_up",
        None,
        org.administrator,
        PlanInput(title="Audit", target_id=goal.id, team_id=org.admin_team.id),
    )
    given = TeamDirectionInput(team_id=org.team.id, kind=TeamDirectionKind.INPUT, content="Masukan.")
    before = await snapshot()
    # when: the lead, a member, the head of another unit; the owning head naming another team's plan
    for someone in (org.lead, org.member, org.other_head):
        with pytest.raises(Forbidden):
            await take(TEAM_DIRECTION, "give", None, someone, given)
    with pytest.raises(RuleViolation) as wrong_plan:
        await take(
            TEAM_DIRECTION,
            "give",
            None,
            org.head,
            TeamDirectionInput(
                team_id=org.team.id, kind=TeamDirectionKind.INPUT, content="x", activity_plan_id=other_plan.id
            ),
        )
    # then
    assert (wrong_plan.value.key, wrong_plan.value.rule) == ("workflow.guard.plan_of_the_team", "ORG-7")
    assert await snapshot() == before


async def test_team_direction_give_collaboration_with_another_team_org_7(policies):
    # given: a second team of the bureau
    org = await organisation()
    second = await Team.create(
        code=f"TIM-{short()}",
        name="Tim Pemulihan",
        owning_unit=org.bureau,
        lead=org.loner.staff,
        status=TeamStatus.ACTIVE,
    )
    # when
    together = await take(
        TEAM_DIRECTION,
        "give",
        None,
        org.head,
        TeamDirectionInput(
            team_id=org.team.id,
            kind=TeamDirectionKind.COLLABORATION,
            content="Bagi data saksi dengan Tim Pemulihan.",
            with_team_id=second.id,
        ),
    )
    # then
    assert (together.kind, together.with_team_id) == (TeamDirectionKind.COLLABORATION, second.id)


async def test_team_direction_give_collaboration_with_itself_or_without_a_team_is_refused_org_7(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as itself:
        await take(
            TEAM_DIRECTION,
            "give",
            None,
            org.head,
            TeamDirectionInput(
                team_id=org.team.id,
                kind=TeamDirectionKind.COLLABORATION,
                content="x",
                with_team_id=org.team.id,
            ),
        )
    with pytest.raises(ValidationFailed) as unnamed:
        TeamDirectionInput(team_id=org.team.id, kind=TeamDirectionKind.COLLABORATION, content="x")
    # then
    assert (itself.value.key, itself.value.field) == ("workflow.guard.another_team_at_work", "withTeamId")
    assert unnamed.value.field == "withTeamId"
    assert await snapshot() == before


async def test_evaluation_draft_of_a_team_by_the_unit_head_not_the_lead_org_7(policies):
    # given
    org = await organisation()
    given = EvaluateInput(team_id=org.team.id, findings="Dua dari tiga berkas selesai.")
    before = await snapshot()
    # when
    for someone in (org.lead, org.member):
        with pytest.raises(Forbidden):
            await take(EVALUATION, "draft", None, someone, given)
    refused = await snapshot()
    evaluated = await take(EVALUATION, "draft", None, org.head, given)
    # then
    assert refused == before
    assert (evaluated.team_id, evaluated.unit_id, evaluated.status) == (
        org.team.id,
        org.bureau.id,
        EvaluationStatus.DRAFT,
    )


# --- ORG-8: the team lead --------------------------------------------------------------------------


async def test_activity_plan_detail_by_the_lead_not_a_member_org_8(policies):
    # given
    org = await organisation()
    plan = await team_plan(org)
    given = DetailInput(detail="Anggota A: berkas 1–3; anggota B: berkas 4–6.")
    before = await snapshot()
    # when
    with pytest.raises(Forbidden):
        await take(ACTIVITY_PLAN, "detail", plan, org.member, given)
    refused = await snapshot()
    detailed = await take(ACTIVITY_PLAN, "detail", plan, org.lead, given)
    # then
    assert refused == before
    assert (detailed.status, detailed.detail) == (P.IN_PROGRESS, given.detail)


async def test_team_role_allocation_allocate_by_competence_org_8(policies):
    # given: the outsider holds the competency the role needs
    org = await organisation()
    skill = await competency(org.outsider)
    plan = await detailed_plan(org)
    # when
    allocated = await take(
        TEAM_ROLE_ALLOCATION,
        "allocate",
        None,
        org.lead,
        AllocateRoleInput(
            team_id=org.team.id,
            staff_id=org.outsider.staff.id,
            competency_id=skill.id,
            role="Asesmen psikologis saksi anak.",
            activity_plan_id=plan.id,
        ),
    )
    # then
    assert (allocated.allocated_by_id, allocated.staff_id, allocated.competency_id) == (
        org.lead.staff.id,
        org.outsider.staff.id,
        skill.id,
    )
    assert allocated.status == "allocated"


async def test_team_role_allocation_allocate_without_competence_off_the_team_or_by_others_is_refused_org_8(
    policies,
):
    # given: the member lacks the skill; the loner holds it but is not on the team
    org = await organisation()
    skill = await competency(org.loner)

    def role(who: Any) -> AllocateRoleInput:
        return AllocateRoleInput(
            team_id=org.team.id, staff_id=who.staff.id, competency_id=skill.id, role="Asesmen."
        )

    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as unskilled:
        await take(TEAM_ROLE_ALLOCATION, "allocate", None, org.lead, role(org.member))
    with pytest.raises(RuleViolation) as outside:
        await take(TEAM_ROLE_ALLOCATION, "allocate", None, org.lead, role(org.loner))
    for someone in (org.member, org.head):
        with pytest.raises(Forbidden):
            await take(TEAM_ROLE_ALLOCATION, "allocate", None, someone, role(org.member))
    # then
    assert (unskilled.value.key, unskilled.value.rule) == ("workflow.guard.holds_the_competency", "ORG-8")
    assert outside.value.key == "workflow.guard.on_the_team"
    assert await snapshot() == before


async def test_activity_plan_submit_the_teams_results_by_the_lead_not_a_member_org_8(policies):
    # given: the plan is under way
    org = await organisation()
    plan = await detailed_plan(org)
    before = await snapshot()
    # when
    with pytest.raises(Forbidden):
        await take(ACTIVITY_PLAN, "submit", plan, org.member)
    refused = await snapshot()
    done = await take(ACTIVITY_PLAN, "submit", plan, org.lead)
    # then
    assert refused == before
    assert done.status == P.SUBMITTED


async def test_performance_dialogue_record_periodic_feedback_by_the_lead_not_a_member_org_8(policies):
    # given
    org = await organisation()
    given = DialogueInput(staff_id=org.outsider.staff.id, team_id=org.team.id, notes="Berkas 4 terlambat.")
    before = await snapshot()
    # when
    with pytest.raises(Forbidden):
        await take(PERFORMANCE_DIALOGUE, "record", None, org.member, given)
    refused = await snapshot()
    held = await take(PERFORMANCE_DIALOGUE, "record", None, org.lead, given)
    # then
    assert refused == before
    assert (held.superior_id, held.staff_id, held.team_id) == (
        org.lead.staff.id,
        org.outsider.staff.id,
        org.team.id,
    )


async def test_member_performance_report_send_to_the_appraiser_and_the_unit_head_org_8(policies):
    # given: one member of the bureau, one from the other bureau (ASG-7)
    org = await organisation()
    # when
    outsider = await take(
        MEMBER_PERFORMANCE_REPORT,
        "send",
        None,
        org.lead,
        MemberPerformanceInput(
            team_id=org.team.id, staff_id=org.outsider.staff.id, results="Tiga asesmen tepat waktu."
        ),
    )
    own = await take(
        MEMBER_PERFORMANCE_REPORT,
        "send",
        None,
        org.lead,
        MemberPerformanceInput(team_id=org.team.id, staff_id=org.member.staff.id, results="Dua berkas."),
    )
    # then: the appraiser is the head of the member's home unit; the unit head the owning one
    assert (outsider.appraiser_id, outsider.unit_head_id) == (org.other_head.staff.id, org.head.staff.id)
    assert (own.appraiser_id, own.unit_head_id, own.sent_at) == (org.head.staff.id, org.head.staff.id, NOW)


async def test_member_performance_report_by_a_member_on_oneself_or_off_the_team_is_refused_org_8(policies):
    # given
    org = await organisation()

    def about(who: Any) -> MemberPerformanceInput:
        return MemberPerformanceInput(team_id=org.team.id, staff_id=who.staff.id, results="Baik.")

    before = await snapshot()
    # when: a member on another; the head; the lead on themself and on someone off the team
    for someone in (org.member, org.head):
        with pytest.raises(Forbidden):
            await take(MEMBER_PERFORMANCE_REPORT, "send", None, someone, about(org.outsider))
    for who in (org.lead, org.loner):
        with pytest.raises(RuleViolation) as refused:
            await take(MEMBER_PERFORMANCE_REPORT, "send", None, org.lead, about(who))
        assert (refused.value.key, refused.value.rule) == ("workflow.guard.a_member_not_the_lead", "ORG-8")
    # then
    assert await snapshot() == before


async def test_work_report_request_inside_the_team_by_the_lead_not_a_member_org_8(policies):
    # given
    org = await organisation()
    ask = RequestReportInput(staff_id=org.outsider.staff.id, due_on=TODAY + 3 * DAY, team_id=org.team.id)
    before = await snapshot()
    # when
    with pytest.raises(Forbidden):
        await take(WORK_REPORT, "request", None, org.member, ask)
    refused = await snapshot()
    asked = await take(WORK_REPORT, "request", None, org.lead, ask)
    # then
    assert refused == before
    assert (asked.author_id, asked.recipient_id) == (org.outsider.staff.id, org.lead.staff.id)


# --- ORG-9: the team member ------------------------------------------------------------------------


async def test_activity_plan_draw_up_individual_work_plan_by_the_member_org_9(policies):
    # given: the head allocated the member a share of the team's target
    org = await organisation()
    team_goal = await target(L.TEAM, unit=org.bureau, team=org.team)
    share = await target(
        L.INDIVIDUAL, unit=org.bureau, team=org.team, staff=org.member.staff, parent=team_goal
    )
    given = PlanInput(title="Telaah berkas 1–3", target_id=share.id, staff_id=org.member.staff.id)
    before = await snapshot()
    # when: the lead, or another member, draws up the member's own plan; then the member does
    for someone in (org.lead, org.outsider):
        with pytest.raises(Forbidden):
            await take(ACTIVITY_PLAN, "draw_up", None, someone, given)
    refused = await snapshot()
    plan = await take(ACTIVITY_PLAN, "draw_up", None, org.member, given)
    # then
    assert refused == before
    assert (plan.staff_id, plan.team_id, plan.status) == (org.member.staff.id, None, P.PLANNED)


async def test_activity_plan_submit_own_plan_by_the_member_not_the_lead_org_9(policies):
    # given: the member's own plan, detailed and under way
    org = await organisation()
    share = await target(L.INDIVIDUAL, unit=org.bureau, team=org.team, staff=org.member.staff)
    plan = await take(
        ACTIVITY_PLAN,
        "draw_up",
        None,
        org.member,
        PlanInput(title="Telaah berkas 1–3", target_id=share.id, staff_id=org.member.staff.id),
    )
    plan = await take(
        ACTIVITY_PLAN, "detail", plan, org.member, DetailInput(detail="Satu berkas per minggu.")
    )
    before = await snapshot()
    # when: the lead — the member's own plan is not even within the lead's reach
    with pytest.raises(NotFound):
        await take(ACTIVITY_PLAN, "submit", plan, org.lead)
    refused = await snapshot()
    done = await take(ACTIVITY_PLAN, "submit", plan, org.member)
    # then
    assert refused == before
    assert done.status == P.SUBMITTED


async def test_work_report_submit_results_to_the_lead_by_the_member_org_9(policies):
    # given
    org = await organisation()
    # when
    report = await submitted(org.member, team_id=org.team.id)
    taken = await step("receive", report, org.lead)
    # then
    assert (report.recipient_id, taken.status) == (org.lead.staff.id, WorkReportStatus.RECEIVED)


async def test_work_report_receive_a_members_results_by_another_member_or_the_head_is_refused_org_9(policies):
    # given
    org = await organisation()
    report = await submitted(org.member, team_id=org.team.id)
    before = await snapshot()
    # when
    for someone in (org.outsider, org.head):
        with pytest.raises(Forbidden):
            await step("receive", report, someone)
    # then
    assert await snapshot() == before
