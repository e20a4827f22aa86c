"""What the assignment steps change, beyond the state the engine moves (ASG-1, ASG-2, ASG-7, ASG-10,
AC-8). Each runs inside the step's transaction, after every check has passed."""

from __future__ import annotations

from uuid import UUID

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentPath,
    AssignmentScope,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    Team,
    TeamMembership,
    TeamRole,
    TeamStatus,
)
from models.organisation import Staff, Unit
from workflows.assignments.inputs import (
    AppointInput,
    ApproveInvolvementInput,
    RequestInvolvementInput,
    SubmitInvolvementInput,
)
from workflows.engine import Step, workflow_for
from workflows.errors import NotFound
from workflows.letters import LETTER, SECRETARY_GENERAL_ISSUER, IssueInput, next_code


async def _unit(unit_id: UUID) -> Unit:
    unit = await Unit.get_or_none(id=unit_id, active=True)
    if unit is None:
        raise NotFound("Unit")
    return unit


async def _new_assignment(step: Step, path: AssignmentPath, team: bool, **fields: object) -> Assignment:
    given = step.input
    return Assignment(
        code=await next_code(Assignment, "PNG", step.today.year),
        title=given.title.strip(),
        description=given.description,
        kind=AssignmentKind.APPOINTMENT,
        scope=AssignmentScope.TEAM if team else AssignmentScope.INDIVIDUAL,
        path=path,
        requesting_unit_id=given.unit_id,
        proposer_id=step.principal.staff_id,
        starts_on=given.starts_on,
        due_on=given.due_on,
        **fields,
    )


async def _form_team(
    step: Step, name: str, lead_id: UUID, members: list[UUID], *, cross_unit: bool, justification: str | None
) -> None:
    """A forming team (not yet reachable, AC-8) with its lead and the members named directly."""
    record: Assignment = step.record
    team = await Team.create(
        code=await next_code(Team, "TIM", step.today.year, width=3),
        name=name.strip(),
        owning_unit_id=record.requesting_unit_id,  # type: ignore[attr-defined]
        lead_id=lead_id,
        lead_justification=(justification or "").strip() or None,
        is_cross_unit=cross_unit,
        starts_on=record.starts_on,
        ends_on=record.due_on,
        status=TeamStatus.FORMING,
    )
    record.team_id = team.id  # type: ignore[attr-defined]
    own = await Staff.filter(id__in=[lead_id, *members], unit_id=record.requesting_unit_id).values_list(  # type: ignore[attr-defined]
        "id", flat=True
    )
    for staff_id in dict.fromkeys([lead_id, *members]):
        if staff_id in own:
            await _join(step, team, staff_id, record.requesting_unit_id, None)  # type: ignore[attr-defined]


async def _join(
    step: Step, team: Team, staff_id: UUID, home_unit_id: UUID | None, request_id: UUID | None
) -> None:
    await TeamMembership.create(
        team_id=team.id,
        staff_id=staff_id,
        role=TeamRole.LEAD if staff_id == team.lead_id else TeamRole.MEMBER,  # type: ignore[attr-defined]
        home_unit_id=home_unit_id,
        involvement_request_id=request_id,
        joined_on=max(team.starts_on or step.today, step.today),
    )


async def _set_team_status(record: Assignment, status: TeamStatus, today: object = None) -> None:
    if record.team_id is None:  # type: ignore[attr-defined]
        return
    team = await Team.get(id=record.team_id)  # type: ignore[attr-defined]
    team.status = status
    if status is TeamStatus.ACTIVE and team.starts_on is None:
        team.starts_on = today  # type: ignore[assignment]
    await team.save()


async def _issue_letter(step: Step, issuer_code: str) -> None:
    record: Assignment = step.record
    await step.fire(
        LETTER,
        "issue",
        input=IssueInput(assignment_id=record.id, issuer_code=issuer_code, team_id=record.team_id),  # type: ignore[attr-defined]
    )


async def _withdraw_open_requests(step: Step) -> None:
    involvement = workflow_for(InvolvementRequest)
    assert involvement is not None
    for request in await InvolvementRequest.filter(
        assignment_id=step.record.id, status=InvolvementStatus.SUBMITTED
    ):
        await step.fire(involvement, "withdraw", request)


# --- ASG-1 -----------------------------------------------------------------------------------------


async def build_appointment(step: Step) -> Assignment:
    """ASG-1: the draft appointment, from the head's input (the unit must exist)."""
    given: AppointInput = step.input
    await _unit(given.unit_id)
    return await _new_assignment(
        step, AssignmentPath.WITHIN_UNIT_APPOINTMENT, given.team_name is not None, staff_id=given.staff_id
    )


async def appointed(step: Step) -> None:
    """ASG-1: a team appointment forms its team with the lead and members named."""
    given: AppointInput = step.input
    if given.team_name is not None and given.lead_id is not None:
        await _form_team(
            step, given.team_name, given.lead_id, given.member_ids, cross_unit=False, justification=None
        )


async def unit_letter_issued(step: Step) -> None:
    """ASG-1, ASG-10: the unit head's letter, numbered in the unit's series; the team starts."""
    unit = await _unit(step.record.requesting_unit_id)
    await _issue_letter(step, unit.code)
    await _set_team_status(step.record, TeamStatus.ACTIVE, step.today)


# --- ASG-2 -----------------------------------------------------------------------------------------


async def build_cross_unit(step: Step) -> Assignment:
    """ASG-2: the appointment across units, awaiting the target head's decision."""
    given: RequestInvolvementInput = step.input
    await _unit(given.unit_id)
    await _unit(given.target_unit_id)
    return await _new_assignment(
        step,
        AssignmentPath.CROSS_UNIT_APPOINTMENT,
        given.team_name is not None,
        target_unit_id=given.target_unit_id,
    )


async def involvement_requested(step: Step) -> None:
    """ASG-2, ASG-7: the team forms with the proposing unit's own people; one involvement request
    goes to the target unit head per person asked for (one unnamed request when none is named)."""
    given: RequestInvolvementInput = step.input
    if given.team_name is not None and given.lead_id is not None:
        await _form_team(
            step,
            given.team_name,
            given.lead_id,
            given.member_ids,
            cross_unit=True,
            justification=given.lead_justification,
        )
    involvement = workflow_for(InvolvementRequest)
    assert involvement is not None
    for staff_id in given.requested_staff_ids or [None]:
        await step.fire(
            involvement,
            "submit",
            input=SubmitInvolvementInput(
                assignment_id=step.record.id, purpose=given.purpose, staff_id=staff_id
            ),
        )


async def build_involvement_request(step: Step) -> InvolvementRequest:
    """ASG-2: a request between the assignment's units, by the proposing head."""
    given: SubmitInvolvementInput = step.input
    assignment = await Assignment.get(id=given.assignment_id)
    return InvolvementRequest(
        code=await next_code(InvolvementRequest, "PLB", step.today.year),
        direction=InvolvementDirection.INTERNAL_CROSS_UNIT,
        requesting_unit_id=assignment.requesting_unit_id,  # type: ignore[attr-defined]
        target_unit_id=assignment.target_unit_id,  # type: ignore[attr-defined]
        requested_staff_id=given.staff_id,
        team_id=assignment.team_id,  # type: ignore[attr-defined]
        assignment_id=assignment.id,
        requested_by_id=step.principal.staff_id,
        purpose=given.purpose.strip(),
    )


async def _decided(step: Step) -> None:
    request: InvolvementRequest = step.record
    request.decided_by_id = step.principal.staff_id  # type: ignore[attr-defined]
    request.decided_at = step.now


async def involvement_approved(step: Step) -> None:
    """ASG-2: the decision and the person made available are recorded; once every request of the
    assignment is approved, the assignment moves on (ASG-7)."""
    given: ApproveInvolvementInput = step.input
    request: InvolvementRequest = step.record
    await _decided(step)
    request.availability_note = (given.availability_note or "").strip() or None
    if given.staff_id is not None:
        request.requested_staff_id = given.staff_id  # type: ignore[attr-defined]
    await request.save()  # the assignment's guard reads the person made available
    assignment_id = request.assignment_id  # type: ignore[attr-defined]
    if assignment_id is None:
        return
    open_or_refused = (
        await InvolvementRequest.filter(assignment_id=assignment_id)
        .exclude(status__in=[InvolvementStatus.APPROVED, InvolvementStatus.WITHDRAWN])
        .count()
    )
    if not open_or_refused:
        assignments = workflow_for(Assignment)
        assert assignments is not None
        await step.fire(assignments, "involvement_approved", await Assignment.get(id=assignment_id))


async def involvement_rejected(step: Step) -> None:
    """ASG-2: the rejection and its reason are recorded; the assignment's path ends with it."""
    request: InvolvementRequest = step.record
    await _decided(step)
    request.reason = step.reason
    if request.assignment_id is not None:  # type: ignore[attr-defined]
        assignments = workflow_for(Assignment)
        assert assignments is not None
        await step.fire(assignments, "involvement_rejected", await Assignment.get(id=request.assignment_id))  # type: ignore[attr-defined]


async def path_ended(step: Step) -> None:
    """01: a rejection or withdrawal ends the path — open requests are withdrawn, the team closed."""
    record: Assignment = step.record
    if step.transition.target == "rejected":
        record.rejection_reason = step.reason
    await _withdraw_open_requests(step)
    await _set_team_status(record, TeamStatus.CLOSED)


async def secretary_general_letter_issued(step: Step) -> None:
    """ASG-2, ASG-10, AC-8: the Secretary General's letter (LPSK series); the people made available
    join the team on their approved request, and the team starts — or the person is assigned."""
    record: Assignment = step.record
    requests = await InvolvementRequest.filter(
        assignment_id=record.id, status=InvolvementStatus.APPROVED
    ).order_by("created_at", "id")
    if record.team_id is None:  # type: ignore[attr-defined]
        record.staff_id = requests[0].requested_staff_id  # type: ignore[attr-defined]
    else:
        team = await Team.get(id=record.team_id)  # type: ignore[attr-defined]
        homes = dict(
            await Staff.filter(id__in=[r.requested_staff_id for r in requests]).values_list("id", "unit_id")  # type: ignore[attr-defined]
        )
        for request in requests:
            staff_id = request.requested_staff_id  # type: ignore[attr-defined]
            await _join(step, team, staff_id, homes.get(staff_id), request.id)
        await _set_team_status(record, TeamStatus.ACTIVE, step.today)
    await _issue_letter(step, SECRETARY_GENERAL_ISSUER)


__all__ = [
    "appointed",
    "build_appointment",
    "build_cross_unit",
    "build_involvement_request",
    "involvement_approved",
    "involvement_rejected",
    "involvement_requested",
    "path_ended",
    "secretary_general_letter_issued",
    "unit_letter_issued",
]
