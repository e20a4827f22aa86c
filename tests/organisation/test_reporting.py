"""Reporting at the workflow level, no GraphQL: reports up the line (RPT-1 … RPT-4), escalations
(RPT-5), coordination notes (RPT-6) — each rule enforced, and each way around it (wrong actor,
wrong order, a skipped level, one's own report, an expert deciding) refused with nothing changed."""

from __future__ import annotations

import pytest

from models.audit import WorkflowHistory
from models.organisation import Position
from models.performance import (
    ActivityPlan,
    TargetLevel,
    WorkReport,
    WorkReportKind,
    WorkReportStatus,
)
from tests.approvals.factories import leader
from tests.organisation.test_reporting_factories import (
    NOW,
    SUMMARY,
    Org,
    acting,
    as_,
    at,
    draft,
    organisation,
    snapshot,
    step,
    submitted,
    target,
)
from workflows.engine import available_actions, run
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed
from workflows.reporting import WORK_REPORT
from workflows.reporting.inputs import (
    DraftReportInput,
    ReasonInput,
    RequestReportInput,
    SubmitReportInput,
)

S = WorkReportStatus


async def plan_of(org: Org) -> ActivityPlan:
    goal = await target(TargetLevel.TEAM, unit=org.bureau, team=org.team)
    return await ActivityPlan.create(target=goal, team=org.team, title="Telaah berkas")


# --- RPT-1: members report to their lead ---------------------------------------------------------


async def test_work_report_receive_member_report_as_the_lead_rpt_1(policies):
    # given
    org = await organisation()
    report = await submitted(org.member, team_id=org.team.id)
    # when
    received = await step("receive", report, org.lead)
    # then
    assert (report.recipient_id, report.through_id) == (org.lead.staff.id, None)
    assert received.status == S.RECEIVED and received.submitted_at == NOW
    history = await WorkflowHistory.filter(subject_id=report.id).order_by("occurred_at", "created_at")
    assert [(h.action, h.to_state) for h in history] == [
        ("draft", "draft"),
        ("submit", "submitted"),
        ("receive", "received"),
    ]


async def test_work_report_receive_member_report_by_anyone_but_the_lead_is_refused_rpt_1(policies):
    # given: a member's report waiting for the lead
    org = await organisation()
    report = await submitted(org.member, team_id=org.team.id)
    before = await snapshot()
    # when: the owning unit head, the Secretary General, another member, the author
    for someone in (org.head, org.sg, org.outsider, org.member):
        with pytest.raises(Forbidden):
            await step("receive", report, someone)
    # then
    assert await snapshot() == before


async def test_work_report_draft_by_the_lead_to_themselves_is_refused_rpt_1(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when: the lead files a member's report on their own team — to themselves
    with pytest.raises(RuleViolation) as refused:
        await draft(org.lead, team_id=org.team.id)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.member_reports_to_the_lead", "RPT-1")
    assert await snapshot() == before


async def test_work_report_draft_by_someone_without_a_superior_is_refused_rpt_1(policies):
    # given: the Secretary General and an expert (coordinative, ORG-3) have no one to report to
    org = await organisation()
    before = await snapshot()
    # when
    for someone in (org.sg, org.expert):
        with pytest.raises(RuleViolation) as refused:
            await draft(someone)
        # then
        assert refused.value.key == "workflow.guard.reports_to_a_superior"
    assert await snapshot() == before


async def test_work_report_request_by_the_lead_of_a_member_comes_back_to_the_lead_rpt_1(policies):
    # given
    org = await organisation()
    given = RequestReportInput(staff_id=org.outsider.staff.id, due_on=at(3), team_id=org.team.id)
    # when
    asked = await run(WORK_REPORT, "request", None, await as_(org.lead), given, now=NOW)
    answered = await step("submit", asked, org.outsider, SubmitReportInput(summary=SUMMARY))
    offered = await available_actions(WORK_REPORT, answered, await as_(org.lead))
    received = await step("receive", answered, org.lead)
    # then
    assert (asked.status, asked.kind, asked.recipient_id) == (S.REQUESTED, "on_demand", org.lead.staff.id)
    assert [t.action for t in offered] == ["receive", "return_to_author"]
    assert received.status == S.RECEIVED


async def test_work_report_request_by_a_member_or_of_an_outsider_is_refused_rpt_1(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when: a member asks another member; the lead asks someone not on the team
    with pytest.raises(Forbidden):
        await run(
            WORK_REPORT,
            "request",
            None,
            await as_(org.member),
            RequestReportInput(staff_id=org.outsider.staff.id, due_on=at(3), team_id=org.team.id),
            now=NOW,
        )
    with pytest.raises(RuleViolation) as refused:
        await run(
            WORK_REPORT,
            "request",
            None,
            await as_(org.lead),
            RequestReportInput(staff_id=org.loner.staff.id, due_on=at(3), team_id=org.team.id),
            now=NOW,
        )
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.asked_on_the_team", "RPT-1")
    assert await snapshot() == before


# --- RPT-2: the Secretary General asks anyone, by a due date ---------------------------------------


async def test_work_report_request_by_the_secretary_general_with_a_due_date_rpt_2(policies):
    # given
    org = await organisation()
    given = RequestReportInput(staff_id=org.loner.staff.id, due_on=at(7))
    # when: asked, answered, taken in straight by the Secretary General
    asked = await run(WORK_REPORT, "request", None, await as_(org.sg), given, now=NOW)
    answered = await step("submit", asked, org.loner, SubmitReportInput(summary=SUMMARY))
    received = await step("receive", answered, org.sg)
    # then
    assert (asked.status, asked.due_on, asked.requested_by_id) == (S.REQUESTED, at(7), org.sg.staff.id)
    assert (asked.recipient_id, asked.through_id) == (org.sg.staff.id, None)
    assert (received.status, received.summary) == (S.RECEIVED, SUMMARY)


async def test_work_report_request_past_due_by_a_head_or_of_a_head_or_leader_is_refused_rpt_2(policies):
    # given
    org = await organisation()
    chair = await leader()
    before = await snapshot()
    # when: a due date already past; a unit head asking outside any team they lead; asking a leader,
    # or a unit head (Pasal 12(3): team leads, functional officials and executors)
    with pytest.raises(RuleViolation) as past:
        await run(
            WORK_REPORT,
            "request",
            None,
            await as_(org.sg),
            RequestReportInput(staff_id=org.loner.staff.id, due_on=at(-1)),
            now=NOW,
        )
    with pytest.raises(Forbidden):
        await run(
            WORK_REPORT,
            "request",
            None,
            await as_(org.head),
            RequestReportInput(staff_id=org.loner.staff.id, due_on=at(3)),
            now=NOW,
        )
    for someone in (chair, org.other_head):
        with pytest.raises(RuleViolation) as not_reporting:
            await run(
                WORK_REPORT,
                "request",
                None,
                await as_(org.sg),
                RequestReportInput(staff_id=someone.staff.id, due_on=at(3)),
                now=NOW,
            )
        assert not_reporting.value.key == "workflow.guard.asked_of_reporting_staff"
    # then
    assert (past.value.key, past.value.field, past.value.rule) == (
        "workflow.guard.due_date_ahead",
        "dueOn",
        "RPT-2",
    )
    assert await snapshot() == before


# --- RPT-3: in an administrative unit, through the Administrator -----------------------------------


async def test_work_report_in_an_administrative_unit_goes_through_the_administrator_rpt_3(policies):
    # given
    org = await organisation()
    # when
    report = await submitted(org.admin_staff[1])
    offered = await available_actions(WORK_REPORT, report, await as_(org.administrator))
    forwarded = await step("forward", report, org.administrator)
    received = await step("receive", forwarded, org.sg)
    # then
    assert (report.recipient_id, report.through_id) == (org.sg.staff.id, org.administrator.staff.id)
    assert [t.action for t in offered] == ["forward", "return_to_author"]
    assert (forwarded.status, received.status) == (S.FORWARDED, S.RECEIVED)


async def test_work_report_receive_skipping_the_administrator_is_refused_rpt_3(policies):
    # given: an executor's report waiting for the Administrator
    org = await organisation()
    report = await submitted(org.admin_staff[1])
    before = await snapshot()
    # when: the Secretary General takes it in first; forwards it in the Administrator's place
    with pytest.raises(RuleViolation) as skipped:
        await step("receive", report, org.sg)
    with pytest.raises(Forbidden):
        await step("forward", report, org.sg)
    # then
    assert skipped.value.key == "workflow.wrong_state" and "submitted" in skipped.value.messages["en"]
    assert await snapshot() == before


# --- RPT-4: through the unit head; the lead compiles the team's results ------------------------------


async def test_work_report_individual_through_the_unit_head_to_the_secretary_general_rpt_4(policies):
    # given
    org = await organisation()
    report = await submitted(org.loner)
    # when
    forwarded = await step("forward", report, org.head)
    received = await step("receive", forwarded, org.sg)
    # then
    assert (report.recipient_id, report.through_id) == (org.sg.staff.id, org.head.staff.id)
    assert received.status == S.RECEIVED


async def test_work_report_forward_by_another_head_or_receive_before_forwarding_is_refused_rpt_4(policies):
    # given
    org = await organisation()
    report = await submitted(org.loner)
    before = await snapshot()
    # when: the other bureau's head (outside their unit), the SG before the unit head
    with pytest.raises(NotFound):
        await step("forward", report, org.other_head)
    with pytest.raises(RuleViolation) as early:
        await step("receive", report, org.sg)
    # then
    assert early.value.key == "workflow.wrong_state"
    assert await snapshot() == before


async def test_work_report_forward_own_report_as_acting_head_is_refused_ac_7(policies):
    # given: the author is appointed acting head of their own unit
    org = await organisation()
    report = await submitted(org.loner)
    await acting(org.loner, Position.UNIT_HEAD, unit=org.bureau, acting_for=org.head.staff)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step("forward", report, org.loner)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.not_ones_own_report", "AC-7")
    assert await snapshot() == before


async def test_work_report_team_summary_compiled_by_the_lead_through_the_owning_head_rpt_4(policies):
    # given: a member's report taken in, and the team's activity plan
    org = await organisation()
    member_report = await submitted(org.member, team_id=org.team.id)
    await step("receive", member_report, org.lead)
    await plan_of(org)
    # when
    summary = await submitted(org.lead, kind=WorkReportKind.TEAM_SUMMARY, team_id=org.team.id)
    forwarded = await step("forward", summary, org.head)
    received = await step("receive", forwarded, org.sg)
    # then
    assert (summary.recipient_id, summary.through_id) == (org.sg.staff.id, org.head.staff.id)
    assert received.status == S.RECEIVED


async def test_work_report_team_summary_before_compiling_or_by_a_member_is_refused_rpt_4(policies):
    # given: a member's report still waiting for the lead, and no activity plan
    org = await organisation()
    await submitted(org.member, team_id=org.team.id)
    summary = await draft(org.lead, kind=WorkReportKind.TEAM_SUMMARY, team_id=org.team.id)
    # when: submitted before the member's report is taken in; then with no plan to compare against;
    # and a member compiling the team's report
    with pytest.raises(RuleViolation) as uncompiled:
        await step("submit", summary, org.lead, SubmitReportInput())
    waiting = await WorkReport.get(author_id=org.member.staff.id)
    await step("receive", waiting, org.lead)
    with pytest.raises(RuleViolation) as unplanned:
        await step("submit", summary, org.lead, SubmitReportInput())
    with pytest.raises(RuleViolation) as by_member:
        await draft(org.member, kind=WorkReportKind.TEAM_SUMMARY, team_id=org.team.id)
    # then
    assert uncompiled.value.key == "workflow.guard.members_reports_taken_in"
    assert unplanned.value.key == "workflow.guard.against_the_activity_plan"
    assert (by_member.value.key, by_member.value.rule) == (
        "workflow.guard.lead_compiles_team_summary",
        "RPT-4",
    )
    assert (await WorkReport.get(id=summary.id)).status == S.DRAFT
    assert not await WorkflowHistory.filter(subject_id=summary.id, action="submit").exists()


async def test_work_report_return_to_author_needs_a_reason_then_resubmits_rpt_4(policies):
    # given
    org = await organisation()
    report = await submitted(org.loner)
    before = await snapshot()
    # when
    with pytest.raises(ValidationFailed) as bare:
        await step("return_to_author", report, org.head, ReasonInput(reason=" "))
    assert await snapshot() == before
    returned = await step(
        "return_to_author", report, org.head, ReasonInput(reason="Capaian belum sesuai target.")
    )
    again = await step("submit", returned, org.loner, SubmitReportInput(summary="Capaian diperbaiki."))
    # then
    assert (bare.value.key, bare.value.field) == ("workflow.reason_required", "reason")
    assert returned.status == S.DRAFT and again.status == S.SUBMITTED
    history = await WorkflowHistory.get(subject_id=report.id, action="return_to_author")
    assert history.reason == "Capaian belum sesuai target."


async def test_work_report_submit_without_results_is_refused_rpt_1(policies):
    # given
    org = await organisation()
    report = await draft(org.loner, summary=None)
    # when
    with pytest.raises(RuleViolation) as refused:
        await step("submit", report, org.loner, SubmitReportInput())
    # then
    assert (refused.value.key, refused.value.field) == ("workflow.guard.results_written", "summary")


def test_work_report_draft_on_demand_without_a_request_is_invalid_rpt_2():
    with pytest.raises(ValidationFailed) as refused:
        DraftReportInput(kind=WorkReportKind.ON_DEMAND)
    assert refused.value.field == "kind"
