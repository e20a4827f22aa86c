"""The lines of the organisation that reporting and the performance cycle follow: who is whose
superior, who leads and who sits on a team, who heads the unit a record belongs to (ORG-2, ORG-7,
ORG-8, RPT-1, RPT-3, AC-6) — read from the data when a step is taken, never stored as a person.

Shared by workflows/reporting and workflows/performance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from uuid import UUID

from tortoise.expressions import Q
from tortoise.models import Model

from authz.principal import Principal
from models.assignments import Team, TeamMembership, TeamRole, TeamStatus
from models.organisation import ActingAppointment, Position, Staff, Unit
from workflows.approvals import Capacity
from workflows.approvals.rules import HEAD_POSITIONS
from workflows.engine import Actor, Step, head_of_unit, position
from workflows.errors import NotFound, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "performance.blank": ("'{field}' wajib diisi.", "'{field}' is required."),
        "performance.dates": (
            "Tanggal akhir tidak boleh sebelum tanggal awal ('{field}').",
            "The end date cannot be before the start date ('{field}').",
        ),
        "performance.amount": (
            "'{field}' harus berupa angka tidak negatif, mis. 12500000.00.",
            "'{field}' must be a non-negative number, e.g. 12500000.00.",
        ),
    }
)

# Positions that report up a line (Pasal 12–13): functional officials and executors, and the heads
# they report through. Leaders and the Secretary General have no superior in this mechanism;
# experts relate coordinatively and are nobody's subordinate here (ORG-3).
REPORTING_POSITIONS = frozenset(
    {
        Position.FUNCTIONAL_OFFICIAL.value,
        Position.EXECUTOR.value,
        Position.UNIT_HEAD.value,
        Position.ADMINISTRATOR.value,
    }
)
STAFF_POSITIONS = frozenset({Position.FUNCTIONAL_OFFICIAL.value, Position.EXECUTOR.value})

SECRETARY_GENERAL_GRANT = ("position:secretary_general", "all")
HEAD_GRANTS: tuple[tuple[str, str], ...] = (("position:unit_head", "subtree"),)


# --- input shape (VALIDATION naming the field) --------------------------------------------------


def required(value: str | None, field: str) -> None:
    if value is None or not value.strip():
        raise ValidationFailed("performance.blank", field=field)


def dates(start: dt.date | None, end: dt.date | None, field: str) -> None:
    if start and end and end < start:
        raise ValidationFailed("performance.dates", field=field)


def amount(value: Decimal | str | None, field: str) -> Decimal | None:
    """A Decimal or text '12500000.00' → Decimal; None stays None; anything else is a VALIDATION on
    `field`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValidationFailed("performance.amount", field=field) from exc
    if not number.is_finite() or number < 0:
        raise ValidationFailed("performance.amount", field=field)
    return number


def text(value: str | None) -> str | None:
    """Blank → None; otherwise stripped."""
    return (value or "").strip() or None


# --- the organisation, read now -------------------------------------------------------------------


async def secretary_general_id() -> UUID | None:
    """The Secretary General in post (active), if any."""
    found = await Staff.filter(position=Position.SECRETARY_GENERAL, active=True).order_by("created_at")
    return found[0].id if found else None


async def head_id(unit_id: UUID | None, now: dt.datetime | None = None) -> UUID | None:
    """The head (or Administrator) in post of `unit_id`; with `now`, else whoever acts as its head
    then (a vacant post, AC-6); None when nobody heads it."""
    if unit_id is None:
        return None
    heads = await Unit.filter(id=unit_id).values_list("head_id", flat=True)
    if heads and heads[0] is not None:
        return heads[0]  # type: ignore[return-value]
    if now is None:
        return None
    acting = (
        await ActingAppointment.filter(
            unit_id=unit_id, position__in=list(HEAD_POSITIONS), valid_from__lte=now, valid_until__gte=now
        )
        .order_by("valid_from")
        .values_list("acting_staff_id", flat=True)
    )
    return acting[0] if acting else None  # type: ignore[return-value]


async def unit_of_staff(staff_id: UUID | None) -> UUID | None:
    if staff_id is None:
        return None
    units = await Staff.filter(id=staff_id).values_list("unit_id", flat=True)
    return units[0] if units else None  # type: ignore[return-value]


async def staff_position(staff_id: UUID | None) -> str | None:
    if staff_id is None:
        return None
    found = await Staff.filter(id=staff_id, active=True).values_list("position", flat=True)
    return str(getattr(found[0], "value", found[0])) if found else None


async def staff(staff_id: UUID) -> None:
    """The person exists, or NOT_FOUND (never a foreign-key error at the write)."""
    if not await Staff.filter(id=staff_id).exists():
        raise NotFound("Staff")


async def team(team_id: UUID) -> Team:
    """The team, or NOT_FOUND."""
    found = await Team.get_or_none(id=team_id)
    if found is None:
        raise NotFound("Team")
    return found


async def owning_unit(team_id: UUID | None) -> UUID | None:
    if team_id is None:
        return None
    units = await Team.filter(id=team_id).values_list("owning_unit_id", flat=True)
    return units[0] if units else None  # type: ignore[return-value]


async def lead_id(team_id: UUID | None) -> UUID | None:
    if team_id is None:
        return None
    leads = await Team.filter(id=team_id).values_list("lead_id", flat=True)
    return leads[0] if leads else None  # type: ignore[return-value]


async def membership(team_id: UUID | None, staff_id: UUID | None, today: dt.date) -> TeamMembership | None:
    """The person's current place on the team (joined, not left), if any."""
    if team_id is None or staff_id is None:
        return None
    return (
        await TeamMembership.filter(
            Q(left_on__isnull=True) | Q(left_on__gte=today),
            team_id=team_id,
            staff_id=staff_id,
            joined_on__lte=today,
        )
        .order_by("-joined_on")
        .first()
    )


async def is_member(team_id: UUID | None, staff_id: UUID | None, today: dt.date) -> bool:
    return await membership(team_id, staff_id, today) is not None


async def members_besides_lead(team_id: UUID, today: dt.date) -> int:
    return (
        await TeamMembership.filter(
            Q(left_on__isnull=True) | Q(left_on__gte=today),
            team_id=team_id,
            role=TeamRole.MEMBER,
            joined_on__lte=today,
        )
        .exclude(staff_id=await lead_id(team_id))
        .count()
    )


async def leads_a_team(staff_id: UUID | None) -> bool:
    """The person leads a team that is not closed."""
    if staff_id is None:
        return False
    return await Team.filter(lead_id=staff_id).exclude(status=TeamStatus.CLOSED).exists()


async def team_at_work(team_id: UUID | None) -> bool:
    """The team exists and is not closed (forming or active)."""
    if team_id is None:
        return False
    return await Team.filter(id=team_id).exclude(status=TeamStatus.CLOSED).exists()


def is_secretary_general(step: Step) -> bool:
    """The step is taken as the Secretary General (in post or acting), not in another capacity."""
    return bool(step.capacity and step.capacity.post == Position.SECRETARY_GENERAL.value)


# --- actors ----------------------------------------------------------------------------------------


def secretary_general(rule_id: str) -> Actor:
    """The Secretary General, in post or acting (AC-6)."""
    return position(Position.SECRETARY_GENERAL, rule_id, "the Secretary General")


def head_of_related(
    name: str,
    rule_id: str,
    label: str,
    unit_of: Callable[[Model], Awaitable[UUID | None]],
    grants: tuple[tuple[str, str], ...] = HEAD_GRANTS,
) -> Actor:
    """The head of the unit `unit_of(record)` names — that unit only, in post or acting (AC-6); the
    Administrator of an administrative unit counts (ORG-2). Like engine.head_of, for a unit reached
    through the record's relations (a team's owning unit, a person's unit)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        return head_of_unit(await unit_of(record), principal)

    return Actor(name, rule_id, label, grants, holds)


def team_member(team_field: str, rule_id: str, label: str = "a member of the team") -> Actor:
    """A current member (or the lead) of the team the record's `team_field` names, who reaches
    the team's records today (AC-8: from outside the owning unit only on an approved request)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        team_id = getattr(record, team_field)
        if principal.staff_id is None or team_id is None or team_id not in principal.team_ids:
            return None
        return Capacity(principal.staff_id, post=f"member of team {team_id}")

    return Actor("team_member", rule_id, label, (("team_member", "team"),), holds)


__all__ = [
    "HEAD_GRANTS",
    "REPORTING_POSITIONS",
    "SECRETARY_GENERAL_GRANT",
    "STAFF_POSITIONS",
    "amount",
    "dates",
    "head_id",
    "head_of_related",
    "is_member",
    "is_secretary_general",
    "lead_id",
    "leads_a_team",
    "members_besides_lead",
    "membership",
    "owning_unit",
    "required",
    "secretary_general",
    "secretary_general_id",
    "staff",
    "staff_position",
    "team",
    "team_at_work",
    "team_member",
    "text",
    "unit_of_staff",
]
