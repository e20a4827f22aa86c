"""After the letter (PERF-4): the work starts, the results are reported, and only the head of the unit
that owns the task completes it by accepting them — or returns them with a reason; never whoever
reported them (AC-7). Every way around is refused with nothing changed."""

from __future__ import annotations

import pytest

from models.assignments import Assignment, AssignmentStatus
from models.audit import WorkflowHistory
from models.organisation import Position
from server.auth import reachable_team_ids
from tests.approvals.factories import TODAY
from tests.organisation.assignment_path_factories import (
    agency,
    approved_inbound,
    in_progress,
    results_reported,
    step,
    team_assignment,
)
from tests.workflows.factories import acting, appoint, organisation, reason, snapshot
from workflows.assignments import ASSIGNMENT
from workflows.assignments.inputs import SubmitResultsInput
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed


async def test_accept_results_by_the_unit_head_completes_the_assignment_perf_4(policies):
    # given: the results reported
    org = await organisation()
    reported = await results_reported(org)
    # when
    done = await step(ASSIGNMENT, "accept_results", reported, org.head)
    # then
    assert (reported.status, reported.results_summary) == (
        AssignmentStatus.RESULTS_SUBMITTED,
        "Analisis 12 permohonan selesai.",
    )
    assert done.status == AssignmentStatus.COMPLETED
    history = await WorkflowHistory.filter(subject_id=done.id).order_by("occurred_at", "created_at")
    assert [(h.action, h.actor_id) for h in history][-3:] == [
        ("start", org.staff[0].staff.id),
        ("submit_results", org.staff[0].staff.id),
        ("accept_results", org.head.staff.id),
    ]


async def test_return_results_with_reason_sends_the_work_back_perf_4(policies):
    # given
    org = await organisation()
    reported = await results_reported(org)
    # when: without a reason, then with one; then reported again
    with pytest.raises(ValidationFailed):
        await step(ASSIGNMENT, "return_results", reported, org.head, reason(""))
    back = await step(ASSIGNMENT, "return_results", reported, org.head, reason("Lampirkan data pendukung."))
    again = await step(
        ASSIGNMENT, "submit_results", back, org.staff[0], SubmitResultsInput("Dengan lampiran.")
    )
    # then
    assert back.status == AssignmentStatus.IN_PROGRESS
    assert (again.status, again.results_summary) == (AssignmentStatus.RESULTS_SUBMITTED, "Dengan lampiran.")
    returned = await WorkflowHistory.get(subject_id=reported.id, action="return_results")
    assert returned.reason == "Lampirkan data pendukung."


async def test_accept_results_by_whoever_reported_them_as_acting_head_is_refused_perf_4(policies):
    # given: the assignee acts as head of the unit
    org = await organisation()
    reported = await results_reported(org)
    await acting(org.staff[0], Position.UNIT_HEAD, unit=org.unit, acting_for=org.head.staff)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "accept_results", reported, org.staff[0])
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.guard.not_own_results", "PERF-4")
    assert await snapshot() == before


async def test_accept_results_before_they_are_reported_is_refused_perf_4(policies):
    # given: the work in progress, nothing reported
    org = await organisation()
    started = await in_progress(org)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(ASSIGNMENT, "accept_results", started, org.head)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.wrong_state", "PERF-4")
    assert await snapshot() == before


async def test_accept_results_by_the_assignee_or_the_head_above_is_forbidden_perf_4(policies):
    # given
    org = await organisation()
    reported = await results_reported(org)
    before = await snapshot()
    # when: the assignee (no unit-head line), the bureau head above (not the head of *that* unit)
    for someone in (org.staff[0], org.parent_head):
        with pytest.raises(Forbidden):
            await step(ASSIGNMENT, "accept_results", reported, someone)
    # then
    assert await snapshot() == before


async def test_start_by_someone_else_or_before_the_letter_is_refused_perf_4(policies):
    # given: a draft, and an issued letter
    org = await organisation()
    draft = await appoint(org)
    issued = await step(ASSIGNMENT, "issue_letter", await appoint(org), org.head)
    before = await snapshot()
    # when / then: before the letter; by a colleague not assigned (own scope: not even reached)
    with pytest.raises(RuleViolation) as early:
        await step(ASSIGNMENT, "start", draft, org.staff[0])
    assert early.value.key == "workflow.wrong_state"
    with pytest.raises(NotFound):
        await step(ASSIGNMENT, "start", issued, org.staff[1])
    assert await snapshot() == before


async def test_start_on_a_delivered_path_waits_for_the_delivery_asg_4(policies):
    # given: ASG-4, the letter issued, not yet delivered
    org = await organisation()
    partner = await agency()
    issued = await step(
        ASSIGNMENT, "issue_letter", await approved_inbound(org, partner), org.secretary_general
    )
    before = await snapshot()
    # when: the staff member starts before the unit head delivered the letter, then after
    with pytest.raises(RuleViolation) as early:
        await step(ASSIGNMENT, "start", issued, org.other_staff[0])
    assert await snapshot() == before
    delivered = await step(ASSIGNMENT, "deliver", issued, org.other_head)
    started = await step(ASSIGNMENT, "start", delivered, org.other_staff[0])
    # then
    assert (early.value.key, early.value.rule) == ("workflow.wrong_state", "PERF-2")
    assert started.status == AssignmentStatus.IN_PROGRESS


async def test_accept_results_of_a_team_closes_it_perf_4_ac_8(policies):
    # given: a running team; its lead reports for it
    org = await organisation()
    issued = await team_assignment(org)
    lead, member = org.staff[0], org.staff[1]
    started = await step(ASSIGNMENT, "start", issued, lead)
    reported = await step(
        ASSIGNMENT, "submit_results", started, lead, SubmitResultsInput("Semua target tercapai.")
    )
    reach_before = await reachable_team_ids(member.staff.id, TODAY)
    # when
    await step(ASSIGNMENT, "accept_results", reported, org.head)
    # then: the team has done its work; its members reach its records no longer (AC-8)
    assert issued.team_id in reach_before
    assert (await (await Assignment.get(id=issued.id)).team).status == "closed"
    assert issued.team_id not in await reachable_team_ids(member.staff.id, TODAY)
