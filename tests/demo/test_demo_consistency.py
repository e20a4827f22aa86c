"""The demo data fits the workflows: every record with a workflow state is in a state its workflow
reaches on that kind of record (its path, direction, kind), and its fields say what that state
means — the letter of an assignment past its letter (ASG-10), the approval on record of every
approved involvement request and of every outsider on a team (ASG-7), an appraisal's sending (PERF-5),
an evaluation's unit and review (PERF-3). A demo that a workflow could not have produced shows the
frontend and the admin steps that do not exist, or hides those that do."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentLetter,
    AssignmentPath,
    AssignmentScope,
    AssignmentStatus,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    Team,
    TeamMembership,
    TeamStatus,
)
from models.performance import (
    ActivityPlan,
    ActivityPlanStatus,
    Appraisal,
    AppraisalStatus,
    Escalation,
    EscalationStatus,
    Evaluation,
    EvaluationStatus,
    WorkReport,
    WorkReportStatus,
)
from server.demo.runner import load_demo_data
from workflows.approvals import VOLUNTARY_OWN_HEAD, approval_state
from workflows.assignments.records import approved_on_record
from workflows.engine import Workflow, workflows

S = AssignmentStatus
Check = Callable[[Any], Awaitable[str | None]]


def _value(value: Any) -> str:
    return str(value.value if isinstance(value, Enum) else value)


def misplaced(workflow: Workflow, record: Any) -> bool:
    """Whether the record is in a state that is not its workflow's, or one that only another kind of
    record reaches (another path, direction or kind: the transitions' `when`). States no transition
    of the workflow reaches are set by another's steps (a team closes as its assignment completes)."""
    state = workflow.state_of(record)
    if state not in workflow.states:
        return True
    reaching = [t for t in workflow.transitions if _value(t.target) == state]
    return bool(reaching) and not any(t.when is None or t.when.test(record) for t in reaching)


async def problems(model: type, check: Check) -> list[str]:
    found = []
    for record in await model.all():
        problem = await check(record)
        if problem:
            found.append(f"{model.__name__} {getattr(record, 'code', record.id)}: {problem}")
    return found


# --- what each state means ------------------------------------------------------------------------

VOLUNTARY = {p.value for p in AssignmentPath if p.value.endswith("_voluntary")}  # Pasal 11
LETTERED = {S.LETTER_ISSUED, S.DELIVERED, S.IN_PROGRESS, S.RESULTS_SUBMITTED, S.COMPLETED}
REPORTED = {S.RESULTS_SUBMITTED, S.COMPLETED}
# The states an assignment reaches only once every involvement request is approved (ASG-7).
INVOLVED = {
    AssignmentPath.CROSS_UNIT_APPOINTMENT.value: {S.TARGET_HEAD_APPROVED, S.PROPOSED_TO_SG, *LETTERED},
    AssignmentPath.OUTBOUND_AGENCY_APPOINTMENT.value: {S.APPROVED, *LETTERED},
    AssignmentPath.INBOUND_AGENCY_REQUEST.value: {S.APPROVED, *LETTERED},
    AssignmentPath.CROSS_UNIT_VOLUNTARY.value: {S.TARGET_HEAD_APPROVED, S.CONSULTING, *LETTERED},
}
TEAM_STATE = {S.DRAFT: TeamStatus.FORMING, S.COMPLETED: TeamStatus.CLOSED} | {
    s: TeamStatus.ACTIVE for s in LETTERED - {S.COMPLETED}
}


async def assignment_problem(record: Assignment) -> str | None:
    path, status = _value(record.path), AssignmentStatus(_value(record.status))
    voluntary = _value(record.kind) == AssignmentKind.VOLUNTARY_APPLICATION.value
    if voluntary != (path in VOLUNTARY):
        return f"kind {_value(record.kind)} on path {path}"
    letters = await AssignmentLetter.filter(assignment_id=record.id).count()
    if (status in LETTERED) != bool(letters):
        return f"{letters} letter(s) in state {status.value} (ASG-10)"
    if (status in REPORTED) != bool(record.results_summary):
        return f"results summary {record.results_summary!r} in state {status.value} (PERF-4)"
    if status is S.REJECTED and not record.rejection_reason:
        return "rejected without a reason"
    requests = await InvolvementRequest.filter(assignment_id=record.id)
    if status in INVOLVED.get(path, set()):
        if not requests:
            return f"no involvement request in state {status.value} (ASG-7)"
        for request in requests:
            if not await approved_on_record(request):
                return f"{request.code} not approved on record in state {status.value} (ASG-7)"
    if path == AssignmentPath.CROSS_UNIT_VOLUNTARY.value and status not in (
        S.SUBMITTED,
        S.WITHDRAWN,
        S.REJECTED,
    ):
        if not (await approval_state(VOLUNTARY_OWN_HEAD, record)).complete:
            return f"no own head's approval on record in state {status.value} (ASG-6)"
        if not requests:
            return f"not forwarded as an involvement request in state {status.value} (ASG-6)"
    if _value(record.scope) == AssignmentScope.TEAM.value and status in TEAM_STATE:
        team = await Team.get_or_none(id=record.team_id)  # type: ignore[attr-defined]
        if team is None or _value(team.status) != TEAM_STATE[status].value:
            return f"team {team and _value(team.status)} in state {status.value} (ASG-1)"
    return None


async def involvement_problem(request: InvolvementRequest) -> str | None:
    assignment = await Assignment.get_or_none(id=request.assignment_id)  # type: ignore[attr-defined]
    if assignment is not None and _value(request.kind) != _value(assignment.kind):
        return f"kind {_value(request.kind)} on an assignment of kind {_value(assignment.kind)}"
    direction = _value(request.direction)
    if direction == InvolvementDirection.OUTBOUND_TO_AGENCY.value:
        sent = _value(request.status) != InvolvementStatus.DRAFT.value
        if sent != (request.target_agency_id is not None):  # type: ignore[attr-defined]
            return "addressed to the agency before it is sent, or sent to nobody (ASG-3)"
    elif request.target_unit_id is None:  # type: ignore[attr-defined]
        return "no target unit"
    if _value(request.status) == InvolvementStatus.APPROVED.value and not await approved_on_record(request):
        return "approved without the approval on record (ASG-7)"
    return None


async def membership_problem(membership: TeamMembership) -> str | None:
    team = await Team.get(id=membership.team_id)  # type: ignore[attr-defined]
    request_id = membership.involvement_request_id  # type: ignore[attr-defined]
    own = membership.home_unit_id == team.owning_unit_id  # type: ignore[attr-defined]
    if request_id is None:
        return None if own else "from outside the owning unit without an involvement request (ASG-7)"
    request = await InvolvementRequest.get(id=request_id)
    if request.requested_staff_id != membership.staff_id or request.team_id != team.id:  # type: ignore[attr-defined]
        return f"joined on {request.code}, which is not for them on this team (ASG-7)"
    if not await approved_on_record(request):
        return f"joined on {request.code}, not approved on record (ASG-7)"
    return None


async def appraisal_problem(record: Appraisal) -> str | None:
    sent = _value(record.status) in (AppraisalStatus.SENT.value, AppraisalStatus.RECEIVED.value)
    if sent != (record.sent_at is not None) or (sent and record.home_unit_head_id is None):  # type: ignore[attr-defined]
        return f"sent_at {record.sent_at} in state {_value(record.status)} (PERF-5)"
    return None


REVIEWED = {
    EvaluationStatus.REVIEWED.value,
    EvaluationStatus.RETURNED_FOR_FOLLOW_UP.value,
    EvaluationStatus.CLOSED.value,
}


async def evaluation_problem(record: Evaluation) -> str | None:
    status = _value(record.status)
    if record.unit_id is None:  # type: ignore[attr-defined]
        return "no unit: the unit evaluated, or of the team or person evaluated (PERF-3)"
    if (status in REVIEWED) != bool(record.sg_review and record.reviewed_at):
        return f"review {record.sg_review!r} in state {status} (PERF-3)"
    if (status == EvaluationStatus.CLOSED.value) != bool(record.follow_up):
        return f"follow-up {record.follow_up!r} in state {status} (PERF-3)"
    return None


async def plan_problem(record: ActivityPlan) -> str | None:
    status = _value(record.status)
    accepted = status == ActivityPlanStatus.ACCEPTED.value
    if accepted != (record.accepted_at is not None and record.accepted_by_id is not None):  # type: ignore[attr-defined]
        return f"acceptance on record in state {status} (PERF-4)"
    if status == ActivityPlanStatus.RETURNED.value and not record.return_reason:
        return "returned without a reason (PERF-4)"
    return None


async def escalation_problem(record: Escalation) -> str | None:
    resolved = _value(record.status) == EscalationStatus.RESOLVED.value
    if resolved != bool(record.resolution and record.resolved_at):
        return f"resolution in state {_value(record.status)} (RPT-5)"
    return None


async def report_problem(record: WorkReport) -> str | None:
    status = _value(record.status)
    written = status not in (WorkReportStatus.REQUESTED.value, WorkReportStatus.DRAFT.value)
    if written != (record.submitted_at is not None):
        return f"submitted_at {record.submitted_at} in state {status} (RPT-1)"
    return None


# --- the tests ------------------------------------------------------------------------------------


async def test_demo_records_are_in_states_their_workflow_reaches_on_their_path_asg_1_asg_6(db):
    # given
    assert await load_demo_data(lambda _: None)
    # when: each record of each declared workflow, against the transitions that apply to it
    found = []
    for workflow in workflows():
        for record in await workflow.model.all():
            if misplaced(workflow, record):
                found.append(
                    f"{workflow.name} {getattr(record, 'code', record.id)}: {workflow.state_of(record)}"
                )
    # then
    assert found == [], "\n".join(found)


async def test_demo_assignments_and_involvement_fit_their_state_asg_7_asg_10(db):
    # given
    assert await load_demo_data(lambda _: None)
    # when
    found = (
        await problems(Assignment, assignment_problem)
        + await problems(InvolvementRequest, involvement_problem)
        + await problems(TeamMembership, membership_problem)
    )
    # then
    assert found == [], "\n".join(found)


async def test_demo_performance_records_fit_their_state_perf_3_perf_5(db):
    # given
    assert await load_demo_data(lambda _: None)
    # when
    found = (
        await problems(Appraisal, appraisal_problem)
        + await problems(Evaluation, evaluation_problem)
        + await problems(ActivityPlan, plan_problem)
        + await problems(Escalation, escalation_problem)
        + await problems(WorkReport, report_problem)
    )
    # then
    assert found == [], "\n".join(found)
