"""What the assignment steps change, beyond the state the engine moves (ASG-1, ASG-2, ASG-7, ASG-10,
AC-8), and the helpers the other paths share: teams formed and joined, involvement requests sent and
decided, letters issued, paths ended. Each runs inside the step's transaction, after every check."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from tortoise.expressions import Q

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
from workflows.engine import Step, Workflow, workflow_for
from workflows.errors import NotFound
from workflows.letters import LETTER, SECRETARY_GENERAL_ISSUER, IssueInput, next_code


async def active_unit(unit_id: UUID | None) -> Unit:
    """The unit, if it exists and is active (NOT_FOUND otherwise)."""
    unit = await Unit.get_or_none(id=unit_id, active=True) if unit_id is not None else None
    if unit is None:
        raise NotFound("Unit")
    return unit


async def new_assignment(
    step: Step,
    path: AssignmentPath,
    team: bool,
    *,
    kind: AssignmentKind = AssignmentKind.APPOINTMENT,
    **fields: object,
) -> Assignment:
    """The new, unsaved assignment of a path from the step's input (title, dates, the unit asking)."""
    given = step.input
    values: dict[str, object] = {
        "code": await next_code(Assignment, "PNG", step.today.year),
        "title": given.title.strip(),
        "description": given.description,
        "kind": kind,
        "scope": AssignmentScope.TEAM if team else AssignmentScope.INDIVIDUAL,
        "path": path,
        "requesting_unit_id": getattr(given, "unit_id", None),
        "proposer_id": step.principal.staff_id,
        "starts_on": given.starts_on,
        "due_on": given.due_on,
    }
    values.update(fields)
    return Assignment(**values)


async def form_team(
    step: Step,
    name: str,
    lead_id: UUID,
    members: list[UUID],
    *,
    cross_unit: bool,
    justification: str | None,
    cross_agency: bool = False,
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
        is_cross_agency=cross_agency,
        starts_on=record.starts_on,
        ends_on=record.due_on,
        status=TeamStatus.FORMING,
    )
    record.team_id = team.id  # type: ignore[attr-defined]
    await record.save(update_fields=["team_id"])  # its involvement requests name the team (ASG-7, AC-8)
    own = await Staff.filter(id__in=[lead_id, *members], unit_id=record.requesting_unit_id).values_list(  # type: ignore[attr-defined]
        "id", flat=True
    )
    for staff_id in dict.fromkeys([lead_id, *members]):
        if staff_id in own:
            await join_team(step, team, staff_id, record.requesting_unit_id, None)  # type: ignore[attr-defined]


def current_membership(team_id: UUID, today: dt.date) -> Q:
    """The memberships of `team_id` still running on `today` (AC-8)."""
    return Q(team_id=team_id) & (Q(left_on__isnull=True) | Q(left_on__gte=today))


async def join_team(
    step: Step,
    team: Team,
    staff_id: UUID,
    home_unit_id: UUID | None,
    request_id: UUID | None,
    home_agency_id: UUID | None = None,
) -> None:
    """ASG-7, AC-8: a membership, its home unit or agency kept as at joining and, from outside the
    owning unit, the approved request it rests on; the team is marked cross-unit / cross-agency.
    Someone already on the team stays as they are."""
    if await TeamMembership.filter(current_membership(team.id, step.today), staff_id=staff_id).exists():
        return
    await TeamMembership.create(
        team_id=team.id,
        staff_id=staff_id,
        role=TeamRole.LEAD if staff_id == team.lead_id else TeamRole.MEMBER,  # type: ignore[attr-defined]
        home_unit_id=home_unit_id,
        home_agency_id=home_agency_id,
        involvement_request_id=request_id,
        joined_on=max(team.starts_on or step.today, step.today),
    )
    flags = {
        "is_cross_unit": home_unit_id is not None and home_unit_id != team.owning_unit_id,  # type: ignore[attr-defined]
        "is_cross_agency": home_agency_id is not None,
    }
    changed = [name for name, value in flags.items() if value and not getattr(team, name)]
    for name in changed:
        setattr(team, name, True)
    if changed:
        await team.save(update_fields=changed)


async def set_team_status(record: Assignment, status: TeamStatus, today: object = None) -> None:
    """The assignment's team, if any → in `status` (a starting team takes `today` as its first day)."""
    if record.team_id is None:  # type: ignore[attr-defined]
        return
    team = await Team.get(id=record.team_id)  # type: ignore[attr-defined]
    team.status = status
    if status is TeamStatus.ACTIVE and team.starts_on is None:
        team.starts_on = today  # type: ignore[assignment]
    await team.save()


async def team_of(record: Assignment) -> Team | None:
    """The team an assignment is given to, or that its applicant works in."""
    team_id = record.team_id  # type: ignore[attr-defined]
    return None if team_id is None else await Team.get_or_none(id=team_id)


def is_team(record: Assignment) -> bool:
    """Whether the assignment is given to a team (not to a person, even one who joins a team)."""
    return str(getattr(record.scope, "value", record.scope)) == AssignmentScope.TEAM.value


async def issue_letter(step: Step, issuer_code: str) -> None:
    """The step's assignment → its letter issued in `issuer_code`'s series, in the same transaction."""
    record: Assignment = step.record
    # A team letter names the team; an individual's letter names the person, even to join a team.
    team_id = record.team_id if is_team(record) else None  # type: ignore[attr-defined]
    await step.fire(
        LETTER, "issue", input=IssueInput(assignment_id=record.id, issuer_code=issuer_code, team_id=team_id)
    )


def involvements() -> Workflow:
    """The involvement_request workflow (looked up when run: the paths declare it after this module)."""
    found = workflow_for(InvolvementRequest)
    assert found is not None
    return found


def assignments() -> Workflow:
    """The assignment workflow (looked up when run, like `involvements`)."""
    found = workflow_for(Assignment)
    assert found is not None
    return found


async def _withdraw_open_requests(step: Step) -> None:
    for request in await InvolvementRequest.filter(
        assignment_id=step.record.id, status__in=[InvolvementStatus.DRAFT, InvolvementStatus.SUBMITTED]
    ):
        await step.fire(involvements(), "withdraw", request)


# --- ASG-1 -----------------------------------------------------------------------------------------


async def build_appointment(step: Step) -> Assignment:
    """ASG-1: the draft appointment, from the head's input (the unit must exist)."""
    given: AppointInput = step.input
    await active_unit(given.unit_id)
    return await new_assignment(
        step, AssignmentPath.WITHIN_UNIT_APPOINTMENT, given.team_name is not None, staff_id=given.staff_id
    )


async def appointed(step: Step) -> None:
    """ASG-1: a team appointment forms its team with the lead and members named."""
    given: AppointInput = step.input
    if given.team_name is not None and given.lead_id is not None:
        await form_team(
            step, given.team_name, given.lead_id, given.member_ids, cross_unit=False, justification=None
        )


async def unit_letter_issued(step: Step) -> None:
    """ASG-1, ASG-5, ASG-10: the unit head's letter, numbered in the unit's series; a team assigned
    starts, a person who applied to work in a team of the unit joins it."""
    record: Assignment = step.record
    unit = await active_unit(record.requesting_unit_id)  # type: ignore[attr-defined]
    await issue_letter(step, unit.code)
    if is_team(record):
        await set_team_status(record, TeamStatus.ACTIVE, step.today)
    elif record.team_id is not None and record.staff_id is not None:  # type: ignore[attr-defined]
        team = await Team.get(id=record.team_id)  # type: ignore[attr-defined]
        await join_team(step, team, record.staff_id, unit.id, None)  # type: ignore[attr-defined]


# --- ASG-2 -----------------------------------------------------------------------------------------


async def build_cross_unit(step: Step) -> Assignment:
    """ASG-2: the appointment across units, awaiting the target head's decision."""
    given: RequestInvolvementInput = step.input
    await active_unit(given.unit_id)
    await active_unit(given.target_unit_id)
    return await new_assignment(
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
        await form_team(
            step,
            given.team_name,
            given.lead_id,
            given.member_ids,
            cross_unit=True,
            justification=given.lead_justification,
        )
    for staff_id in given.requested_staff_ids or [None]:
        await step.fire(
            involvements(),
            "submit",
            input=SubmitInvolvementInput(
                assignment_id=step.record.id, purpose=given.purpose, staff_id=staff_id
            ),
        )


# Who asks whom, per path: the direction and kind of its involvement requests.
_REQUESTS: dict[str, tuple[InvolvementDirection, AssignmentKind]] = {
    AssignmentPath.CROSS_UNIT_APPOINTMENT.value: (
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        AssignmentKind.APPOINTMENT,
    ),
    AssignmentPath.CROSS_UNIT_VOLUNTARY.value: (
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        AssignmentKind.VOLUNTARY_APPLICATION,
    ),
    AssignmentPath.OUTBOUND_AGENCY_APPOINTMENT.value: (
        InvolvementDirection.OUTBOUND_TO_AGENCY,
        AssignmentKind.APPOINTMENT,
    ),
    AssignmentPath.INBOUND_AGENCY_REQUEST.value: (
        InvolvementDirection.INBOUND_FROM_AGENCY,
        AssignmentKind.APPOINTMENT,
    ),
    AssignmentPath.OUTBOUND_AGENCY_VOLUNTARY.value: (
        InvolvementDirection.OUTBOUND_TO_AGENCY,
        AssignmentKind.VOLUNTARY_APPLICATION,
    ),
    AssignmentPath.INBOUND_AGENCY_VOLUNTARY.value: (
        InvolvementDirection.INBOUND_FROM_AGENCY,
        AssignmentKind.VOLUNTARY_APPLICATION,
    ),
}


async def build_involvement_request(step: Step) -> InvolvementRequest:
    """ASG-2/3/4/6, Pasal 11(2): the request of an assignment's path — between its units (by the
    proposing head, or the applicant through their head), to an agency (its addressee set when the
    Secretary General sends it, or when an applicant's own head forwards it) or from one (the agency
    asks, or its officer applies; LPSK staff only record it)."""
    given: SubmitInvolvementInput = step.input
    assignment = await Assignment.get(id=given.assignment_id)
    direction, kind = _REQUESTS[str(getattr(assignment.path, "value", assignment.path))]
    inbound = direction is InvolvementDirection.INBOUND_FROM_AGENCY
    # Pasal 11(2): an applicant's request to an agency is addressed to it as the own head forwards it
    # (ASG-3's are addressed only when the Secretary General sends them).
    addressed = (
        direction is InvolvementDirection.OUTBOUND_TO_AGENCY and kind is AssignmentKind.VOLUNTARY_APPLICATION
    )
    requester = step.principal.staff_id
    if kind is AssignmentKind.VOLUNTARY_APPLICATION:
        requester = assignment.proposer_id  # type: ignore[attr-defined]  # the applicant asks (AC-7)
    elif inbound:
        requester = None  # the agency asks; the Secretary General decides
    return InvolvementRequest(
        code=await next_code(InvolvementRequest, "PLB", step.today.year),
        direction=direction,
        kind=kind,
        requesting_unit_id=None if inbound else assignment.requesting_unit_id,  # type: ignore[attr-defined]
        target_unit_id=assignment.target_unit_id,  # type: ignore[attr-defined]
        requesting_agency_id=assignment.requesting_agency_id if inbound else None,  # type: ignore[attr-defined]
        target_agency_id=assignment.requesting_agency_id if addressed else None,  # type: ignore[attr-defined]
        requested_staff_id=given.staff_id,
        team_id=assignment.team_id,  # type: ignore[attr-defined]
        assignment_id=assignment.id,
        requested_by_id=requester,
        purpose=given.purpose.strip(),
        agency_letter=given.agency_letter,
    )


def decided(step: Step) -> None:
    """Who decided the request and when (none for a partner token: the history names it)."""
    request: InvolvementRequest = step.record
    request.decided_by_id = step.principal.staff_id  # type: ignore[attr-defined]
    request.decided_at = step.now


async def after_approval(step: Step) -> None:
    """ASG-7: the approved request saved; once every request of the assignment is approved, the
    assignment moves on."""
    request: InvolvementRequest = step.record
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
        await step.fire(assignments(), "involvement_approved", await Assignment.get(id=assignment_id))


async def involvement_approved(step: Step) -> None:
    """ASG-2, ASG-4, ASG-6: the decision and the person made available are recorded; once every
    request of the assignment is approved, the assignment moves on (ASG-7)."""
    given: ApproveInvolvementInput = step.input
    request: InvolvementRequest = step.record
    decided(step)
    request.availability_note = (given.availability_note or "").strip() or request.availability_note
    if given.staff_id is not None:
        request.requested_staff_id = given.staff_id  # type: ignore[attr-defined]
    await after_approval(step)


async def involvement_rejected(step: Step) -> None:
    """ASG-2/3/4/6: the rejection and its reason are recorded; the assignment's path ends with it."""
    request: InvolvementRequest = step.record
    decided(step)
    request.reason = step.reason
    if request.assignment_id is not None:  # type: ignore[attr-defined]
        await step.fire(assignments(), "involvement_rejected", await Assignment.get(id=request.assignment_id))  # type: ignore[attr-defined]


async def path_ended(step: Step) -> None:
    """01: a rejection or withdrawal ends the path — open requests are withdrawn, a team formed for
    it closed (a team someone applied to join runs on)."""
    record: Assignment = step.record
    if step.transition.target == "rejected":
        record.rejection_reason = step.reason
    await _withdraw_open_requests(step)
    if is_team(record):
        await set_team_status(record, TeamStatus.CLOSED)


async def secretary_general_letter_issued(step: Step) -> None:
    """ASG-2/3/4/6, ASG-10, AC-8: the Secretary General's letter (LPSK series); the people made
    available join the team on their approved request, and the team starts — or the person is
    assigned (joining the team they applied to, ASG-6)."""
    record: Assignment = step.record
    requests = await InvolvementRequest.filter(
        assignment_id=record.id, status=InvolvementStatus.APPROVED
    ).order_by("created_at", "id")
    people = [r.requested_staff_id for r in requests]  # type: ignore[attr-defined]
    homes = {
        row[0]: (row[1], row[2])
        for row in await Staff.filter(id__in=people).values_list("id", "unit_id", "agency_id")
    }
    if record.staff_id is None and not is_team(record):  # type: ignore[attr-defined]
        record.staff_id = people[0]  # type: ignore[attr-defined]
    if record.team_id is not None:  # type: ignore[attr-defined]
        team = await Team.get(id=record.team_id)  # type: ignore[attr-defined]
        for request, staff_id in zip(requests, people, strict=True):
            home_unit, home_agency = homes.get(staff_id, (None, None))
            await join_team(step, team, staff_id, home_unit, request.id, home_agency)
        if is_team(record):
            await set_team_status(record, TeamStatus.ACTIVE, step.today)
    await issue_letter(step, SECRETARY_GENERAL_ISSUER)


__all__ = [
    "active_unit",
    "after_approval",
    "appointed",
    "assignments",
    "build_appointment",
    "build_cross_unit",
    "build_involvement_request",
    "current_membership",
    "decided",
    "form_team",
    "involvement_approved",
    "involvement_rejected",
    "involvement_requested",
    "involvements",
    "is_team",
    "issue_letter",
    "join_team",
    "new_assignment",
    "path_ended",
    "secretary_general_letter_issued",
    "set_team_status",
    "team_of",
    "unit_letter_issued",
]
