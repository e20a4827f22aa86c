"""Builders for the tests of the assignment paths ASG-3 … ASG-6, the team steps (ASG-7 … ASG-9) and
completion (PERF-4), at the workflow level: an outside agency with officers, its partner token, and
each path taken up to a given step (no tests here)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from authz.principal import Principal, PrincipalKind
from models.accounts import StaffAccount
from models.assignments import Assignment, InvolvementRequest
from models.organisation import Agency, Position
from tests.accounts.factories import make_agency
from tests.workflows.factories import NOW, Org, appoint, principal, reason
from workflows.assignments import ASSIGNMENT, INVOLVEMENT, TEAM
from workflows.assignments.inputs import (
    AdviseInput,
    AgencyAnswerInput,
    ApplyInput,
    ApproveInvolvementInput,
    ReceiveAgencyRequestInput,
    RequestAgencyInvolvementInput,
    SubmitResultsInput,
)
from workflows.assignments.teams import AddMemberInput
from workflows.engine import Workflow, run

__all__ = [
    "NOW",
    "Partner",
    "add_member",
    "agency",
    "agency_application",
    "answered",
    "applied",
    "applied_to_agency",
    "approved_inbound",
    "in_progress",
    "inbound",
    "outbound",
    "reason",
    "requests_of",
    "results_reported",
    "sent",
    "step",
    "team_assignment",
    "team_of",
    "token_of",
]


@dataclass
class Partner:
    """An outside agency, two of its officers (with accounts), and a partner token of it."""

    agency: Agency
    officers: list[StaffAccount]
    token: Principal


def token_of(agency: Agency, *scopes: str) -> Principal:
    """A partner token of `agency` holding `scopes` (involvement_requests:respond by default), as the
    server builds it for a presented token (AC-2)."""
    return Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=uuid.uuid4(),
        token_prefix="perisai_pat_test0000",
        agency_id=agency.id,
        scopes=frozenset(scopes or ("involvement_requests:respond",)),
    )


async def agency() -> Partner:
    found = await make_agency()
    officers = [await make_account(found) for _ in range(2)]
    return Partner(found, officers, token_of(found))


async def make_account(found: Agency) -> StaffAccount:
    from tests.accounts.factories import make_account as account

    return await account(position=Position.EXTERNAL, agency=found)


async def step(
    workflow: Workflow, action: str, record: Any, by: StaffAccount | Principal, given: Any = None
) -> Any:
    """One step on a record by a staff member (or a principal), at NOW."""
    who = by if isinstance(by, Principal) else await principal(by)
    return await run(workflow, action, record.id if record is not None else None, who, given, now=NOW)


async def requests_of(assignment: Assignment) -> list[InvolvementRequest]:
    return await InvolvementRequest.filter(assignment_id=assignment.id).order_by("code")


async def team_of(assignment: Assignment) -> Any:
    return await (await Assignment.get(id=assignment.id)).team


# --- ASG-3 -------------------------------------------------------------------------------------------


async def outbound(org: Org, partner: Partner, **fields: Any) -> Assignment:
    """ASG-3: the unit head's need for the agency's first officer, on a team led from the unit."""
    values: dict[str, Any] = {
        "unit_id": org.unit.id,
        "agency_id": partner.agency.id,
        "title": "Koordinasi saksi persidangan",
        "purpose": "Jaksa penghubung untuk jadwal persidangan.",
        "team_name": "Tim Koordinasi",
        "lead_id": org.staff[0].staff.id,
        "member_ids": [org.staff[1].staff.id],
        "requested_staff_ids": [partner.officers[0].staff.id],
    }
    values.update(fields)
    return await step(
        ASSIGNMENT, "request_agency_involvement", None, org.head, RequestAgencyInvolvementInput(**values)
    )


async def sent(org: Org, partner: Partner, **fields: Any) -> Assignment:
    """ASG-3: … and the Secretary General's written request sent to the agency."""
    assignment = await outbound(org, partner, **fields)
    return await step(ASSIGNMENT, "send_agency_request", assignment, org.secretary_general)


async def answered(org: Org, partner: Partner, **fields: Any) -> Assignment:
    """ASG-3: … and the agency's written yes, through its token: awaiting the letter."""
    assignment = await sent(org, partner, **fields)
    for request in await requests_of(assignment):
        await step(INVOLVEMENT, "agency_approve", request, partner.token, AgencyAnswerInput())
    return await Assignment.get(id=assignment.id)


# --- ASG-4 -------------------------------------------------------------------------------------------


async def inbound(org: Org, partner: Partner, *, advised: bool = False, **fields: Any) -> Assignment:
    """ASG-4: the agency's written request for staff of the other unit, recorded by the Secretary
    General (and, when `advised`, the related head's advice naming its first staff member)."""
    values: dict[str, Any] = {
        "agency_id": partner.agency.id,
        "target_unit_id": org.other.id,
        "title": "Asesmen psikologis korban",
        "purpose": "Asesmen psikologis dua korban anak.",
        "agency_letter": "B/123/III/2026, 1 Maret 2026",
    }
    values.update(fields)
    assignment = await step(
        ASSIGNMENT, "receive_agency_request", None, org.secretary_general, ReceiveAgencyRequestInput(**values)
    )
    if advised:
        [request] = await requests_of(assignment)
        advice = AdviseInput(availability_note="Tersedia minggu depan.", staff_id=org.other_staff[0].staff.id)
        await step(INVOLVEMENT, "advise", request, org.other_head, advice)
    return assignment


async def approved_inbound(org: Org, partner: Partner) -> Assignment:
    """ASG-4: … advised and approved by the Secretary General: awaiting the letter."""
    assignment = await inbound(org, partner, advised=True)
    [request] = await requests_of(assignment)
    await step(INVOLVEMENT, "approve", request, org.secretary_general, ApproveInvolvementInput())
    return await Assignment.get(id=assignment.id)


# --- ASG-5 / ASG-6 -----------------------------------------------------------------------------------


async def applied(org: Org, applicant: StaffAccount | None = None, **fields: Any) -> Assignment:
    """ASG-5 (no target) or ASG-6 (`target_unit_id` of another unit): the applicant applies."""
    values: dict[str, Any] = {"title": "Pendampingan saksi di persidangan"}
    values.update(fields)
    return await step(ASSIGNMENT, "apply", None, applicant or org.staff[0], ApplyInput(**values))


# --- teams and completion ----------------------------------------------------------------------------


async def team_assignment(org: Org) -> Assignment:
    """ASG-1: a team of the unit (lead staff[0], member staff[1]) with its letter: the team runs."""
    draft = await appoint(
        org, team_name="Tim Analisis", lead_id=org.staff[0].staff.id, member_ids=[org.staff[1].staff.id]
    )
    return await step(ASSIGNMENT, "issue_letter", draft, org.head)


async def in_progress(org: Org) -> Assignment:
    """ASG-1: an individual appointment of staff[0], its letter out and the work started."""
    draft = await appoint(org)
    issued = await step(ASSIGNMENT, "issue_letter", draft, org.head)
    return await step(ASSIGNMENT, "start", issued, org.staff[0])


async def results_reported(org: Org) -> Assignment:
    """PERF-4: … the results reported, awaiting the unit head."""
    started = await in_progress(org)
    return await step(
        ASSIGNMENT,
        "submit_results",
        started,
        org.staff[0],
        SubmitResultsInput("Analisis 12 permohonan selesai."),
    )


async def add_member(
    team: Any, by: StaffAccount | Principal, staff_id: uuid.UUID, request_id: Any = None
) -> Any:
    return await step(
        TEAM, "add_member", team, by, AddMemberInput(staff_id=staff_id, involvement_request_id=request_id)
    )


# --- Pasal 11(2): voluntary applications across agencies (ORG-4) -------------------------------------


async def applied_to_agency(
    org: Org, partner: Partner, applicant: StaffAccount | None = None, *, forwarded: bool = False
) -> Assignment:
    """LPSK staff[0] (or `applicant`) applies to work on the agency's task (and, when `forwarded`, the
    own head approves: the request is with the agency)."""
    from workflows.assignments.voluntary_agencies import ApplyToAgencyInput

    given = ApplyToAgencyInput(
        agency_id=partner.agency.id,
        title="Pendampingan saksi di Kejaksaan",
        description="Berpengalaman mendampingi saksi anak.",
    )
    application = await step(ASSIGNMENT, "apply_to_agency", None, applicant or org.staff[0], given)
    if forwarded:
        application = await step(ASSIGNMENT, "approve_application", application, org.head)
    return application


async def agency_application(
    org: Org, partner: Partner, by: StaffAccount | None = None, **fields: Any
) -> Assignment:
    """The agency's first officer applies to the unit, with their superior's written approval, recorded
    by the unit's head (or `by`)."""
    from workflows.assignments.voluntary_agencies import ReceiveAgencyApplicationInput

    values: dict[str, Any] = {
        "agency_id": partner.agency.id,
        "staff_id": partner.officers[0].staff.id,
        "target_unit_id": org.unit.id,
        "title": "Analisis keuangan perkara",
        "superior_approval": "B/77/III/2026 Kepala Subdit, 1 Maret 2026",
    }
    values.update(fields)
    return await step(
        ASSIGNMENT,
        "receive_agency_application",
        None,
        by or org.head,
        ReceiveAgencyApplicationInput(**values),
    )
