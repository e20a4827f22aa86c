"""The roles of the demo organisation, as principals built from its data (AC-1 … AC-11).

Each role is a real demo person (or token, or reporter) whose authority `server.auth`
reads from the data exactly as it does for a signed-in request: position, unit,
portfolios, acting posts, teams reached under AC-8, safe houses managed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tortoise.expressions import Q

from authz.principal import Principal, PrincipalKind
from authz.scopes import SCOPES
from models.accounts import StaffAccount
from models.assignments import TeamMembership
from models.cases import Case
from models.organisation import Agency, AgencyKind, PortfolioHolding, Position, Staff, Unit, UnitFunction
from models.placements import Placement
from models.safe_houses import SafeHouseManager
from models.violence_reports import Reporter
from server.auth import local_today, reachable_team_ids, staff_principal
from server.demo.accounts import ADMIN_EMAIL
from workflows.accounts import utcnow

# Column order of the permission matrix.
ROLES = (
    "anonymous",
    "reporter",
    "partner",
    "system_admin",
    "executor",
    "expert",
    "team_member",
    "house_manager",
    "hr_staff",
    "oversight",
    "unit_head",
    "rights_head",
    "secretary_general",
    "leader",
)


async def _as_principal(staff: Staff | None, role: str) -> Principal:
    assert staff is not None, f"the demo organisation has no {role}"
    account = await StaffAccount.get(staff=staff).prefetch_related("staff__unit")
    return await staff_principal(account)


async def _head_of(function: UnitFunction) -> Staff | None:
    unit = await Unit.filter(function=function, head_id__isnull=False).order_by("code").first()
    return await Staff.get(id=unit.head_id) if unit else None  # type: ignore[attr-defined]


async def _member_of(function: UnitFunction) -> Staff | None:
    return (
        await Staff.filter(unit__function=function, position__not=Position.UNIT_HEAD, agency_id=None)
        .exclude(id__in=await Unit.filter(head_id__isnull=False).values_list("head_id", flat=True))
        .order_by("employee_number")
        .first()
    )


async def _team_member() -> Staff | None:
    # A functional official or executor on a case team, reaching it under AC-8 today.
    case_teams = set(await Case.filter(team_id__isnull=False).values_list("team_id", flat=True))
    memberships = await TeamMembership.filter(
        staff__position__in=[Position.FUNCTIONAL_OFFICIAL, Position.EXECUTOR],
        team_id__in=list(case_teams),
        left_on__isnull=True,
    ).order_by("joined_on", "staff__employee_number", "team__code")
    for membership in memberships:
        staff_id = membership.staff_id  # type: ignore[attr-defined]
        if case_teams & await reachable_team_ids(staff_id, local_today(utcnow())):
            return await Staff.get(id=staff_id)
    return None


async def _house_manager() -> Staff | None:
    # Deterministic (ids are random): the first manager, by house code, of a house with residents.
    lived_in = await Placement.filter(
        house_id__isnull=False, status__in=("approved", "preparing", "placed", "terminating")
    ).values_list("house_id", flat=True)
    appointment = (
        await SafeHouseManager.filter(house_id__in=list(set(lived_in)))
        .order_by("house__code", "staff__employee_number")
        .first()
    )
    return await Staff.get(id=appointment.staff_id) if appointment else None  # type: ignore[attr-defined]


async def _plain_executor() -> Staff | None:
    busy = Q(id__in=await TeamMembership.all().values_list("staff_id", flat=True)) | Q(
        id__in=await SafeHouseManager.all().values_list("staff_id", flat=True)
    )
    # An executor of a unit whose function grants nothing of the protection work: the demo has none in
    # an "other" unit, so the general-affairs bureau's (as SQLite's insertion order always picked).
    # Ordered, so that both backends pick the same person.
    for function in (UnitFunction.OTHER, UnitFunction.GENERAL_AFFAIRS_HR):
        found = await (
            Staff.filter(position=Position.EXECUTOR, agency_id=None, unit__function=function)
            .exclude(busy)
            .exclude(email=ADMIN_EMAIL)
            .order_by("employee_number")
            .first()
        )
        if found is not None:
            return found
    return None


async def _leader() -> Staff | None:
    # A leader without the rights-fulfilment portfolio: the plain leader's rights (AC-6).
    holders = await PortfolioHolding.filter(portfolio__code="rights_fulfilment").values_list(
        "staff_id", flat=True
    )
    return (
        await Staff.filter(position=Position.LEADER)
        .exclude(id__in=holders)
        .order_by("employee_number")
        .first()
    )


async def _partner() -> Principal:
    agency = await Agency.filter(kind=AgencyKind.POLICE).order_by("code").first()
    assert agency is not None, "the demo data has no police agency"
    return Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=agency.id,
        token_prefix="perisai_pat_matrix00",
        agency_id=agency.id,
        scopes=frozenset(SCOPES),
    )


async def _reporter() -> Principal:
    reporter = await Reporter.all().order_by("created_at", "id").first()
    assert reporter is not None, "the demo data has no reporter"
    return Principal(kind=PrincipalKind.REPORTER, reporter_id=reporter.id)


async def demo_principals() -> dict[str, Principal | None]:
    """Demo data loaded → one principal per role of ROLES (None for anonymous)."""
    staff_roles: dict[str, Callable[[], Any]] = {
        "system_admin": lambda: Staff.get(email=ADMIN_EMAIL),
        "executor": _plain_executor,
        "expert": lambda: Staff.filter(position=Position.EXPERT).order_by("employee_number").first(),
        "team_member": _team_member,
        "house_manager": _house_manager,
        "hr_staff": lambda: _member_of(UnitFunction.GENERAL_AFFAIRS_HR),
        "oversight": lambda: _member_of(UnitFunction.OVERSIGHT),
        "unit_head": lambda: _head_of(UnitFunction.APPLICATION_REVIEW),
        "rights_head": lambda: _head_of(UnitFunction.RIGHTS_FULFILMENT),
        "secretary_general": lambda: Staff.get(position=Position.SECRETARY_GENERAL),
        "leader": _leader,
    }
    found: dict[str, Principal | None] = {"anonymous": None, "reporter": await _reporter()}
    found["partner"] = await _partner()
    for role, pick in staff_roles.items():
        found[role] = await _as_principal(await pick(), role)
    return {role: found[role] for role in ROLES}
