"""Request credentials → Principal: staff authority read at request time (AC-1–3, AC-5–8)."""

from __future__ import annotations

import datetime as dt

import pytest

from authz.principal import PrincipalKind
from models.assignments import (
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    Team,
    TeamMembership,
    TeamStatus,
)
from models.organisation import (
    ActingAppointment,
    AgencyKind,
    LeadershipPortfolio,
    PortfolioHolding,
    Position,
    UnitFunction,
)
from models.safe_houses import SafeHouse, SafeHouseManager, SafeHouseManagerRole
from server.auth import principal_from_request
from tests.accounts.factories import NOW, PASSWORD, Inbox, make_account, make_agency, make_unit, short
from tests.conftest import count_queries
from workflows.accounts import login
from workflows.errors import Unauthenticated
from workflows.partner_tokens import create_token
from workflows.reporter_sessions import request_code, verify_code

TODAY = dt.date(2026, 3, 2)
DAY = dt.timedelta(days=1)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def signed_in(account, at: dt.datetime = NOW) -> dict[str, str]:
    token, _ = await login(account.staff.email, PASSWORD, ip=None, now=at)
    return bearer(token)


async def make_team(owning_unit, *, status=TeamStatus.ACTIVE, ends_on=None) -> Team:
    return await Team.create(
        code=f"TIM-{short()}", name="Tim", owning_unit=owning_unit, status=status, ends_on=ends_on
    )


async def make_request(status: InvolvementStatus) -> InvolvementRequest:
    return await InvolvementRequest.create(
        code=f"PL-{short()}",
        direction=InvolvementDirection.INTERNAL_CROSS_UNIT,
        status=status,
        purpose="Bantuan",
    )


async def test_principal_from_request_without_credentials_is_anonymous(db):
    # when / then
    assert await principal_from_request({"Accept": "application/json"}, ip=None, now=NOW) is None


@pytest.mark.parametrize(
    "value", ["Basic c2l0aTpzYW5kaQ==", "Bearer", "Bearer pss_unknown", "Bearer xyz_token", "Bearer a b"]
)
async def test_principal_from_request_bad_credentials_refused_not_anonymous(db, value):
    # when / then
    with pytest.raises(Unauthenticated):
        await principal_from_request({"authorization": value}, ip=None, now=NOW)


async def test_principal_staff_carries_position_unit_and_admin_flag_ac_1(db):
    # given
    unit = await make_unit(UnitFunction.RIGHTS_FULFILMENT)
    account = await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=unit, is_system_admin=True)
    # when
    principal = await principal_from_request(await signed_in(account), ip=None, now=NOW)
    # then
    assert principal.kind is PrincipalKind.STAFF and principal.staff_id == account.staff.id
    assert principal.position == "functional_official" and principal.unit_id == unit.id
    assert principal.unit_function == "rights_fulfilment" and principal.is_system_admin
    assert {"staff", "position:functional_official", "system_admin"} <= principal.roles
    assert principal.session_id is not None


async def test_principal_headed_units_in_post_and_acting_ac_6(db):
    # given: heads one unit in post, acts for the head of another, had acted for a third
    account = await make_account(position=Position.UNIT_HEAD)
    own = await make_unit(UnitFunction.APPLICATION_REVIEW, head_id=account.staff.id)
    acted = await make_unit(UnitFunction.RIGHTS_FULFILMENT)
    past = await make_unit(UnitFunction.OVERSIGHT)
    for unit, start, end in ((acted, NOW - DAY, NOW + DAY), (past, NOW - 9 * DAY, NOW - DAY)):
        await ActingAppointment.create(
            acting_staff=account.staff,
            position=Position.UNIT_HEAD,
            unit=unit,
            valid_from=start,
            valid_until=end,
        )
    # when
    principal = await principal_from_request(await signed_in(account), ip=None, now=NOW)
    # then
    assert principal.headed_unit_ids == {own.id, acted.id}
    assert principal.headed_unit_functions == {"application_review", "rights_fulfilment"}
    assert [post.unit_id for post in principal.acting] == [acted.id]


async def test_principal_acting_leader_in_force_gives_position_and_portfolio_role_ac_6(db):
    # given
    account = await make_account(position=Position.UNIT_HEAD)
    portfolio = await LeadershipPortfolio.create(code="rights_fulfilment", name="Pemenuhan Hak")
    await ActingAppointment.create(
        acting_staff=account.staff,
        position=Position.LEADER,
        portfolio=portfolio,
        valid_from=NOW - DAY,
        valid_until=NOW + DAY,
    )
    # when
    during = await principal_from_request(await signed_in(account), ip=None, now=NOW)
    later = NOW + 2 * DAY
    after = await principal_from_request(await signed_in(account, later), ip=None, now=later)
    # then
    assert {"position:leader", "portfolio:rights_fulfilment"} <= during.roles
    assert "position:leader" not in after.roles and after.acting == ()


async def test_principal_portfolios_only_within_their_validity_ac_6(db):
    # given
    account = await make_account(position=Position.LEADER)
    codes = {}
    for code, start, end in (
        ("current", TODAY - 30 * DAY, None),
        ("ends_today", TODAY - 30 * DAY, TODAY),
        ("ended", TODAY - 30 * DAY, TODAY - DAY),
        ("future", TODAY + DAY, None),
    ):
        codes[code] = await LeadershipPortfolio.create(code=code, name=code)
        await PortfolioHolding.create(
            staff=account.staff, portfolio=codes[code], valid_from=start, valid_until=end
        )
    # when
    principal = await principal_from_request(await signed_in(account), ip=None, now=NOW)
    # then
    assert principal.portfolios == {"current", "ends_today"}


async def test_principal_team_member_from_another_unit_needs_approved_request_ac_8(db):
    # given: one team of the member's own unit, two of another unit
    home, other = await make_unit(), await make_unit()
    account = await make_account(unit=home)
    own_team, approved_team, pending_team = (
        await make_team(home),
        await make_team(other),
        await make_team(other),
    )
    for team, request in (
        (own_team, None),
        (approved_team, await make_request(InvolvementStatus.APPROVED)),
        (pending_team, await make_request(InvolvementStatus.SUBMITTED)),
    ):
        await TeamMembership.create(
            team=team, staff=account.staff, home_unit=home, involvement_request=request, joined_on=TODAY - DAY
        )
    # when
    principal = await principal_from_request(await signed_in(account), ip=None, now=NOW)
    # then
    assert principal.team_ids == {own_team.id, approved_team.id}
    assert "team_member" in principal.roles


async def test_principal_team_after_its_end_or_after_leaving_not_reached_ac_8(db):
    # given
    unit = await make_unit()
    account = await make_account(unit=unit)
    ended = await make_team(unit, ends_on=TODAY - DAY)
    closed = await make_team(unit, status=TeamStatus.CLOSED)
    left = await make_team(unit)
    last_day = await make_team(unit, ends_on=TODAY)
    for team, left_on in ((ended, None), (closed, None), (left, TODAY - DAY), (last_day, None)):
        await TeamMembership.create(
            team=team, staff=account.staff, home_unit=unit, joined_on=TODAY - 9 * DAY, left_on=left_on
        )
    # when
    principal = await principal_from_request(await signed_in(account), ip=None, now=NOW)
    # then
    assert principal.team_ids == {last_day.id}


async def test_principal_managed_houses_by_current_appointment_sh_23(db):
    # given
    unit = await make_unit(UnitFunction.RIGHTS_FULFILMENT)
    account = await make_account(unit=unit)
    current = await SafeHouse.create(code=f"RA-{short()}", capacity=4, managing_unit=unit)
    ended = await SafeHouse.create(code=f"RA-{short()}", capacity=4, managing_unit=unit)
    for house, until in ((current, None), (ended, TODAY - DAY)):
        await SafeHouseManager.create(
            house=house,
            staff=account.staff,
            role=SafeHouseManagerRole.HEAD_OF_SAFE_HOUSE,
            valid_from=TODAY - 9 * DAY,
            valid_until=until,
        )
    # when
    principal = await principal_from_request(await signed_in(account), ip=None, now=NOW)
    # then
    assert principal.managed_house_ids == {current.id}


async def test_principal_staff_costs_a_fixed_handful_of_queries_q_p1(db):
    # given: many memberships, portfolios and acting posts
    unit = await make_unit()
    account = await make_account(unit=unit, position=Position.LEADER)
    for _ in range(12):
        team = await make_team(unit)
        await TeamMembership.create(team=team, staff=account.staff, home_unit=unit, joined_on=TODAY - DAY)
        portfolio = await LeadershipPortfolio.create(code=short(), name="P")
        await PortfolioHolding.create(staff=account.staff, portfolio=portfolio, valid_from=TODAY - DAY)
    headers = await signed_in(account)
    # when
    with count_queries() as statements:
        principal = await principal_from_request(headers, ip=None, now=NOW)
    # then
    assert len(principal.team_ids) == 12 and len(principal.portfolios) == 12
    assert len(statements) <= 8


async def test_principal_partner_token_carries_agency_and_scopes_ac_2(db):
    # given
    agency = await make_agency(AgencyKind.POLICE)
    plaintext, token = await create_token(
        agency.id, "Polres", ["referrals:respond", "notifications:read"], 30, None, now=NOW
    )
    # when
    principal = await principal_from_request(bearer(plaintext), ip="10.2.2.2", now=NOW)
    # then
    assert principal.kind is PrincipalKind.PARTNER_TOKEN and principal.agency_id == agency.id
    assert principal.scopes == {"referrals:respond", "notifications:read"}
    assert principal.token_prefix == token.prefix and principal.ref == token.prefix
    assert {"partner", "scope:referrals:respond"} <= principal.roles and principal.staff_id is None


async def test_principal_reporter_reaches_only_their_own_reporter_ac_3(db):
    # given: two reporters
    await make_agency(AgencyKind.DISTRICT_SOCIAL_SERVICE)
    sessions = []
    for phone in ("081200000001", "081200000002"):
        inbox = Inbox()
        await request_code(phone, now=NOW, sender=inbox)
        sessions.append(await verify_code(phone, inbox.last, now=NOW))
    (token, mine), (_, theirs) = sessions
    # when
    principal = await principal_from_request(bearer(token), ip=None, now=NOW)
    # then
    assert principal.kind is PrincipalKind.REPORTER and principal.reporter_id == mine.reporter_id
    assert principal.reporter_id != theirs.reporter_id
    assert principal.roles == {"reporter"} and principal.staff_id is None and principal.agency_id is None
