"""Builders for the workflow engine tests: a small organisation, principals, and what a refusal
must leave untouched."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from authz.principal import Principal
from models.accounts import StaffAccount
from models.assignments import (
    Assignment,
    AssignmentLetter,
    InvolvementRequest,
    Team,
    TeamMembership,
)
from models.audit import Approval, AuditEntry, WorkflowHistory
from models.numbering import NumberSequence
from models.organisation import Position, Unit, UnitFunction
from tests.approvals.factories import DAY, NOW, acting, make_account, make_unit, principal, unit_head
from workflows.assignments import ASSIGNMENT
from workflows.assignments.inputs import AppointInput, ReasonInput, RequestInvolvementInput
from workflows.engine import run

__all__ = ["DAY", "NOW", "Org", "acting", "appoint", "organisation", "principal", "request", "snapshot"]


@dataclass
class Org:
    """A bureau (`parent`) with two divisions below it (`unit`, `other`), each with a head and
    two staff, and the Secretary General."""

    parent: Unit
    parent_head: StaffAccount
    unit: Unit
    head: StaffAccount
    staff: list[StaffAccount]
    other: Unit
    other_head: StaffAccount
    other_staff: list[StaffAccount]
    secretary_general: StaffAccount


async def organisation() -> Org:
    parent_head, parent = await unit_head(await make_unit(UnitFunction.RIGHTS_FULFILMENT))
    head, unit = await unit_head(await make_unit(UnitFunction.OTHER, parent=parent))
    other_head, other = await unit_head(await make_unit(UnitFunction.OTHER, parent=parent))
    staff = [await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=unit) for _ in range(2)]
    other_staff = [await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=other) for _ in range(2)]
    secretary_general = await make_account(position=Position.SECRETARY_GENERAL)
    return Org(parent, parent_head, unit, head, staff, other, other_head, other_staff, secretary_general)


async def appoint(org: Org, by: Principal | None = None, **fields: Any) -> Assignment:
    """ASG-1: the unit head's draft appointment of the unit's first staff member (or as given)."""
    values: dict[str, Any] = {"unit_id": org.unit.id, "title": "Analisis permohonan"}
    if "team_name" not in fields:
        values["staff_id"] = org.staff[0].staff.id
    values.update(fields)
    return await run(
        ASSIGNMENT, "appoint", None, by or await principal(org.head), AppointInput(**values), now=NOW
    )


async def request(org: Org, by: Principal | None = None, **fields: Any) -> Assignment:
    """ASG-2: the unit head asks the other unit's head for its first staff member."""
    values: dict[str, Any] = {
        "unit_id": org.unit.id,
        "target_unit_id": org.other.id,
        "title": "Penelaahan bersama",
        "purpose": "Keahlian penelaahan.",
        "requested_staff_ids": [org.other_staff[0].staff.id],
    }
    values.update(fields)
    return await run(
        ASSIGNMENT,
        "request_involvement",
        None,
        by or await principal(org.head),
        RequestInvolvementInput(**values),
        now=NOW,
    )


def reason(text: str = "Tidak lagi diperlukan.") -> ReasonInput:
    return ReasonInput(reason=text)


async def snapshot() -> tuple[Any, ...]:
    """Everything a workflow step may write except refusal audit entries: a refusal leaves it equal."""
    return (
        sorted(await Assignment.all().values_list("id", "status", "staff_id", "team_id", "rejection_reason")),
        sorted(
            await InvolvementRequest.all().values_list("id", "status", "requested_staff_id", "decided_by_id")
        ),
        sorted(await AssignmentLetter.all().values_list("number", "status")),
        sorted(await Team.all().values_list("id", "status")),
        await TeamMembership.all().count(),
        await WorkflowHistory.all().count(),
        await Approval.all().count(),
        sorted(await NumberSequence.all().values_list("series", "issuer", "last_number")),
    )


async def audit_count(outcome: str | None = None) -> int:
    query = AuditEntry.all() if outcome is None else AuditEntry.filter(outcome=outcome)
    return await query.count()
