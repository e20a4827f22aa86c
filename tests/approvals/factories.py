"""Builders for the approval tests: officials with portfolios and acting posts, and records to decide."""

from __future__ import annotations

import datetime as dt

from authz.principal import Principal
from models.accounts import StaffAccount
from models.assignments import InvolvementDirection, InvolvementRequest
from models.audit import Approval, AuditEntry
from models.cases import Case, CrimeType, Protectee, ProtecteeRole
from models.organisation import (
    ActingAppointment,
    LeadershipPortfolio,
    PortfolioHolding,
    Position,
    Staff,
    Unit,
    UnitFunction,
)
from models.programs import EmergencyGround, EmergencyProtection
from models.safe_houses import SafeHouse, SafeHouseStandardsAssessment
from server.auth import staff_principal
from tests.accounts.factories import NOW, make_account, make_unit, short

DAY = dt.timedelta(days=1)
TODAY = dt.date(2026, 3, 2)  # NOW in Jakarta

__all__ = ["DAY", "NOW", "TODAY", "make_account", "make_unit"]


async def principal(account: StaffAccount, at: dt.datetime = NOW) -> Principal:
    """The principal the server would build for this account at `at`, from the stored data."""
    return await staff_principal(account, now=at)


async def portfolio(code: str) -> LeadershipPortfolio:
    found, _ = await LeadershipPortfolio.get_or_create(code=code, defaults={"name": code})
    return found


async def leader(
    *portfolios: str, valid_from: dt.date = TODAY - 30 * DAY, valid_until: dt.date | None = None
) -> StaffAccount:
    """A leader account holding `portfolios` over the given days."""
    account = await make_account(position=Position.LEADER)
    for code in portfolios:
        await PortfolioHolding.create(
            staff=account.staff,
            portfolio=await portfolio(code),
            valid_from=valid_from,
            valid_until=valid_until,
        )
    return account


async def unit_head(unit: Unit | None = None) -> tuple[StaffAccount, Unit]:
    """A unit head in post, and the unit they head (a new one unless given)."""
    unit = unit or await make_unit(UnitFunction.OTHER)
    account = await make_account(position=Position.UNIT_HEAD, unit=unit)
    unit.head_id = account.staff.id
    await unit.save(update_fields=["head_id"])
    return account, unit


async def acting(
    account: StaffAccount,
    position: Position,
    *,
    acting_for: Staff | None = None,
    unit: Unit | None = None,
    portfolio_code: str | None = None,
    start: dt.datetime = NOW - DAY,
    end: dt.datetime = NOW + DAY,
) -> ActingAppointment:
    """An acting appointment (Plt.) of `account` in `position` for `acting_for`, from start to end."""
    return await ActingAppointment.create(
        acting_staff=account.staff,
        position=position,
        unit=unit,
        portfolio=await portfolio(portfolio_code) if portfolio_code else None,
        acting_for=acting_for,
        valid_from=start,
        valid_until=end,
        letter_number=f"PLT-{short()}",
    )


async def emergency_request(requester: Staff) -> EmergencyProtection:
    """An emergency protection awaiting its two leaders (EMG-1)."""
    case = await Case.create(
        code=f"KASUS-{short()}",
        crime_type=CrimeType.TRAFFICKING,
        incident_summary="Fiktif.",
        owning_unit=await make_unit(UnitFunction.RIGHTS_FULFILMENT),
    )
    protectee = await Protectee.create(
        code=f"TL-{short()}", case=case, role=ProtecteeRole.WITNESS, full_name="Saksi Fiktif"
    )
    return await EmergencyProtection.create(
        code=f"PD-{short()}",
        case=case,
        protectee=protectee,
        ground=EmergencyGround.LIFE_AT_RISK,
        requested_by=requester,
        requested_at=NOW - DAY,
    )


async def standards_assessment(manager: Staff) -> SafeHouseStandardsAssessment:
    """A high-threat standards assessment needing two rights-fulfilment leaders (SH-4)."""
    house = await SafeHouse.create(
        code=f"RA-{short()}", capacity=4, managing_unit=await make_unit(UnitFunction.RIGHTS_FULFILMENT)
    )
    return await SafeHouseStandardsAssessment.create(
        house=house,
        analysed_by=manager,
        high_threat=True,
        requires_leaders_consideration=True,
        required_approvals=2,
    )


async def involvement_request(requester: Staff, requesting: Unit, target: Unit) -> InvolvementRequest:
    """A cross-unit involvement request awaiting the target unit head (ASG-2)."""
    return await InvolvementRequest.create(
        code=f"PL-{short()}",
        direction=InvolvementDirection.INTERNAL_CROSS_UNIT,
        requesting_unit=requesting,
        target_unit=target,
        requested_by=requester,
        purpose="Bantuan analisis.",
    )


async def written() -> tuple[int, int]:
    """How many approvals and audit entries exist: a refusal must leave both unchanged."""
    return await Approval.all().count(), await AuditEntry.all().count()
