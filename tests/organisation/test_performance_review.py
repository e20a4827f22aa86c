"""Evaluation and review (PERF-3), acceptance of results (PERF-4) and appraisals of cross-unit
members (PERF-5) at the workflow level, no GraphQL — each rule enforced, and each way around it
(a head reviewing, a step skipped, the lead or an expert accepting, one's own results, the wrong
head) refused with nothing changed."""

from __future__ import annotations

import pytest

from models.audit import WorkflowHistory
from models.organisation import Position
from models.performance import (
    ActivityPlan,
    ActivityPlanStatus,
    AppraisalRating,
    AppraisalStatus,
    Evaluation,
    EvaluationStatus,
    PerformanceTarget,
    TargetLevel,
)
from tests.organisation.test_reporting_factories import (
    NOW,
    Org,
    acting,
    as_,
    organisation,
    snapshot,
    take,
    target,
    team_plan,
)
from workflows.engine import available_actions
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed
from workflows.performance import ACTIVITY_PLAN, APPRAISAL, EVALUATION
from workflows.performance.inputs import (
    AppraiseInput,
    DetailInput,
    EvaluateInput,
    FindingsInput,
    FollowUpInput,
    PlanInput,
    ReasonInput,
    ReviewInput,
)

L = TargetLevel
P = ActivityPlanStatus


# --- PERF-3: evaluation → the Secretary General's review → follow-up --------------------------------


async def test_evaluation_by_the_head_reviewed_by_the_secretary_general_followed_up_perf_3(policies):
    # given
    org = await organisation()
    # when
    drafted = await take(EVALUATION, "draft", None, org.head, EvaluateInput(team_id=org.team.id))
    submitted = await take(
        EVALUATION, "submit_to_secretary_general", drafted, org.head, FindingsInput(findings="Tepat waktu.")
    )
    reviewed = await take(EVALUATION, "review", submitted, org.sg, ReviewInput(review="Perlu percepatan."))
    returned = await take(EVALUATION, "return_for_follow_up", reviewed, org.sg)
    closed = await take(
        EVALUATION, "follow_up", returned, org.head, FollowUpInput(follow_up="Rencana aksi disusun.")
    )
    # then
    assert (drafted.unit_id, drafted.evaluator_id) == (org.bureau.id, org.head.staff.id)
    assert (reviewed.sg_review, reviewed.reviewed_at) == ("Perlu percepatan.", NOW)
    assert (closed.status, closed.follow_up) == (EvaluationStatus.CLOSED, "Rencana aksi disusun.")
    history = await WorkflowHistory.filter(subject_id=drafted.id).order_by("occurred_at", "created_at")
    assert [h.to_state for h in history] == [
        "draft",
        "submitted_to_sg",
        "reviewed",
        "returned_for_follow_up",
        "closed",
    ]


async def test_evaluation_review_by_a_head_or_follow_up_before_review_is_refused_perf_3(policies):
    # given: an evaluation with the Secretary General
    org = await organisation()
    drafted = await take(
        EVALUATION, "draft", None, org.head, EvaluateInput(staff_id=org.loner.staff.id, findings="x")
    )
    submitted = await take(EVALUATION, "submit_to_secretary_general", drafted, org.head, FindingsInput())
    before = await snapshot()
    # when: the head reviews it, the expert reviews it, the head follows up before any review
    for someone in (org.head, org.expert):
        with pytest.raises(Forbidden):
            await take(EVALUATION, "review", submitted, someone, ReviewInput(review="Baik."))
    with pytest.raises(RuleViolation) as early:
        await take(EVALUATION, "follow_up", submitted, org.head, FollowUpInput(follow_up="Selesai."))
    # then
    assert early.value.key == "workflow.wrong_state" and early.value.rule == "PERF-3"
    assert await snapshot() == before


async def test_evaluation_of_oneself_or_without_findings_is_refused_perf_3(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as oneself:
        await take(EVALUATION, "draft", None, org.head, EvaluateInput(staff_id=org.head.staff.id))
    drafted = await take(EVALUATION, "draft", None, org.sg, EvaluateInput(unit_id=org.other.id))
    with pytest.raises(RuleViolation) as empty:
        await take(EVALUATION, "submit_to_secretary_general", drafted, org.sg, FindingsInput())
    with pytest.raises(Forbidden):
        await take(EVALUATION, "draft", None, org.other_head, EvaluateInput(unit_id=org.bureau.id))
    # then
    assert (oneself.value.key, oneself.value.rule) == ("workflow.guard.not_oneself", "AC-7")
    assert (empty.value.key, empty.value.rule) == ("workflow.guard.findings_written", "PERF-3")
    assert await Evaluation.all().values_list("evaluator_id", "status") == [(org.sg.staff.id, "draft")]
    assert (await snapshot())[:6] == before[:6]


# --- PERF-4: complete only on the unit head's acceptance -------------------------------------------


async def in_progress(org: Org) -> ActivityPlan:
    plan = await team_plan(org)
    return await take(ACTIVITY_PLAN, "detail", plan, org.lead, DetailInput(detail="Berkas dibagi."))


async def test_activity_plan_accept_by_the_unit_head_completes_it_perf_4(policies):
    # given
    org = await organisation()
    plan = await take(ACTIVITY_PLAN, "submit", await in_progress(org), org.lead)
    # when
    offered = await available_actions(ACTIVITY_PLAN, plan, await as_(org.head))
    accepted = await take(ACTIVITY_PLAN, "accept", plan, org.head)
    # then
    assert [t.action for t in offered] == ["accept", "return"]
    assert (accepted.status, accepted.accepted_by_id, accepted.accepted_at) == (
        P.ACCEPTED,
        org.head.staff.id,
        NOW,
    )


async def test_activity_plan_accept_by_the_lead_an_expert_or_before_submission_is_refused_perf_4(policies):
    # given: results not yet submitted, then submitted
    org = await organisation()
    plan = await in_progress(org)
    before = await snapshot()
    with pytest.raises(RuleViolation) as early:
        await take(ACTIVITY_PLAN, "accept", plan, org.head)
    assert early.value.key == "workflow.wrong_state" and await snapshot() == before
    plan = await take(ACTIVITY_PLAN, "submit", plan, org.lead)
    before = await snapshot()
    # when: the lead, the expert (AC-9), the Secretary General (not the unit head), the other head
    for someone in (org.lead, org.expert, org.sg):
        with pytest.raises(Forbidden):
            await take(ACTIVITY_PLAN, "accept", plan, someone)
    # then
    assert await snapshot() == before


async def test_activity_plan_accept_own_results_as_acting_head_is_refused_ac_7(policies):
    # given: the lead is appointed acting head of the bureau
    org = await organisation()
    plan = await take(ACTIVITY_PLAN, "submit", await in_progress(org), org.lead)
    await acting(org.lead, Position.UNIT_HEAD, unit=org.bureau, acting_for=org.head.staff)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await take(ACTIVITY_PLAN, "accept", plan, org.lead)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.not_own_results", "AC-7")
    assert await snapshot() == before


async def test_activity_plan_of_an_administrators_own_team_accepted_by_the_secretary_general_perf_4(policies):
    # given: the Administrator leads the team and submits its results (ORG-2)
    org = await organisation()
    goal = await target(L.TEAM, unit=org.admin_unit, team=org.admin_team)
    plan = await take(
        ACTIVITY_PLAN,
        "draw_up",
        None,
        org.administrator,
        PlanInput(title="Audit", target_id=goal.id, team_id=org.admin_team.id),
    )
    plan = await take(ACTIVITY_PLAN, "detail", plan, org.administrator, DetailInput(detail="Dua auditor."))
    plan = await take(ACTIVITY_PLAN, "submit", plan, org.administrator)
    # when: the Administrator accepts their own results; the SG, the level above, accepts
    with pytest.raises(Forbidden):
        await take(ACTIVITY_PLAN, "accept", plan, org.administrator)
    accepted = await take(ACTIVITY_PLAN, "accept", plan, org.sg)
    # then
    assert (accepted.status, accepted.accepted_by_id) == (P.ACCEPTED, org.sg.staff.id)


async def test_activity_plan_return_with_reason_then_resubmit_perf_4(policies):
    # given
    org = await organisation()
    plan = await take(ACTIVITY_PLAN, "submit", await in_progress(org), org.lead)
    # when
    with pytest.raises(ValidationFailed):
        await take(ACTIVITY_PLAN, "return", plan, org.head, ReasonInput(reason=""))
    returned = await take(
        ACTIVITY_PLAN, "return", plan, org.head, ReasonInput(reason="Dua berkas belum dilampirkan.")
    )
    again = await take(ACTIVITY_PLAN, "submit", returned, org.lead)
    # then
    assert (returned.status, returned.return_reason) == (P.RETURNED, "Dua berkas belum dilampirkan.")
    assert again.status == P.SUBMITTED


# --- PERF-5: appraisals of cross-unit members sent to their home unit head --------------------------


def appraisal_of(org: Org, who, **fields) -> AppraiseInput:
    values = {"team_id": org.team.id, "staff_id": who.staff.id, "rating": AppraisalRating.ABOVE_EXPECTATIONS}
    values.update(fields)
    return AppraiseInput(**values)


async def test_appraisal_by_the_owning_head_sent_and_acknowledged_by_the_home_head_perf_5(policies):
    # given
    org = await organisation()
    # when
    drafted = await take(APPRAISAL, "draft", None, org.head, appraisal_of(org, org.outsider, score="88.50"))
    sent = await take(APPRAISAL, "send", drafted, org.head)
    offered = await available_actions(APPRAISAL, sent, await as_(org.other_head))
    received = await take(APPRAISAL, "acknowledge", sent, org.other_head)
    # then
    assert (drafted.appraiser_id, drafted.home_unit_head_id) == (org.head.staff.id, org.other_head.staff.id)
    assert (sent.status, sent.sent_at) == (AppraisalStatus.SENT, NOW)
    assert [t.action for t in offered] == ["acknowledge"]
    assert received.status == AppraisalStatus.RECEIVED


async def test_appraisal_of_an_own_unit_member_or_by_the_wrong_head_is_refused_perf_5(policies):
    # given
    org = await organisation()
    drafted = await take(APPRAISAL, "draft", None, org.head, appraisal_of(org, org.outsider, rating=None))
    before = await snapshot()
    # when: appraising a member of the owning unit; the home head appraising or sending; sending
    # without a rating; the SG (not the owner); the SG or the owning head acknowledging
    with pytest.raises(RuleViolation) as own_unit:
        await take(APPRAISAL, "draft", None, org.head, appraisal_of(org, org.member))
    with pytest.raises(Forbidden):
        await take(APPRAISAL, "draft", None, org.other_head, appraisal_of(org, org.outsider))
    with pytest.raises(Forbidden):
        await take(APPRAISAL, "send", drafted, org.other_head)
    with pytest.raises(RuleViolation) as empty:
        await take(APPRAISAL, "send", drafted, org.head)
    # then
    assert (own_unit.value.key, own_unit.value.rule) == ("workflow.guard.member_from_another_unit", "PERF-5")
    assert empty.value.key == "workflow.guard.assessment_written"
    assert await snapshot() == before
    with pytest.raises(Forbidden):  # Pasal 14(2): the SG appraises as the owner of the performance only
        await take(APPRAISAL, "draft", None, org.sg, appraisal_of(org, org.outsider))
    sent = await take(
        APPRAISAL,
        "send",
        await take(APPRAISAL, "draft", None, org.head, appraisal_of(org, org.outsider)),
        org.head,
    )
    with pytest.raises(Forbidden):  # the SG reaches it, but is not the home unit head
        await take(APPRAISAL, "acknowledge", sent, org.sg)
    with pytest.raises(NotFound):  # the member is not of the owning head's units (AC-12)
        await take(APPRAISAL, "acknowledge", sent, org.head)


async def test_appraisal_acknowledge_before_it_is_sent_is_refused_perf_5(policies):
    # given
    org = await organisation()
    drafted = await take(APPRAISAL, "draft", None, org.head, appraisal_of(org, org.outsider))
    # when
    with pytest.raises(RuleViolation) as early:
        await take(APPRAISAL, "acknowledge", drafted, org.other_head)
    # then
    assert early.value.key == "workflow.wrong_state"
    assert (await PerformanceTarget.all().count(), drafted.status) == (0, AppraisalStatus.DRAFT)
