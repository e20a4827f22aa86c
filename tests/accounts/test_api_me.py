"""The caller over GraphQL: `me` for staff, partner tokens and reporters (AC-1, AC-2, AC-3).
Staff see where their authority comes from, never a secret field."""

from __future__ import annotations

import datetime as dt

from models.organisation import ActingAppointment, LeadershipPortfolio, PortfolioHolding, Position
from tests.accounts.factories import make_account, make_agency, make_staff, make_unit
from tests.accounts.test_api import as_partner, as_reporter, payload, staff_session
from tests.client import error_codes, execute

ME = """
query {
  me {
    kind
    staff {
      staffId fullName email position title unitId portfolios roles isSystemAdmin
      acting { position unitId portfolio actingForId }
    }
    partnerToken { tokenPrefix agencyId scopes }
    reporter { reporterId }
  }
}
"""

ME_STAFF_FIELDS = '{ __type(name: "MeStaff") { fields { name } } }'


async def test_me_as_staff_shows_authority_without_secret_fields_ac_1(policies):
    # given: a unit head holding a portfolio and acting for a colleague
    unit = await make_unit()
    colleague = await make_staff()
    account = await make_account(
        "siti@perisai.example", position=Position.UNIT_HEAD, unit=unit, phone="+628111222333", title="Kepala"
    )
    portfolio = await LeadershipPortfolio.create(code="rights_fulfilment", name="Pemenuhan Hak")
    today = dt.datetime.now(dt.UTC).date()
    await PortfolioHolding.create(
        staff=account.staff, portfolio=portfolio, valid_from=today - dt.timedelta(1)
    )
    now = dt.datetime.now(dt.UTC)
    await ActingAppointment.create(
        acting_staff=account.staff,
        position=Position.UNIT_HEAD,
        unit=unit,
        acting_for=colleague,
        valid_from=now - dt.timedelta(days=1),
        valid_until=now + dt.timedelta(days=1),
    )
    _, principal = await staff_session(account)
    # when
    result = await execute(ME, as_=principal)
    fields = await execute(ME_STAFF_FIELDS, as_=principal)
    # then
    me = payload(result, "me")
    assert me["kind"] == "STAFF" and me["partnerToken"] is None and me["reporter"] is None
    staff = me["staff"]
    assert staff["staffId"] == str(account.staff.id) and staff["email"] == "siti@perisai.example"
    assert (staff["position"], staff["unitId"], staff["title"]) == ("UNIT_HEAD", str(unit.id), "Kepala")
    assert staff["portfolios"] == ["rights_fulfilment"] and staff["isSystemAdmin"] is False
    assert staff["acting"] == [
        {"position": "UNIT_HEAD", "unitId": str(unit.id), "portfolio": None, "actingForId": str(colleague.id)}
    ]
    assert {"staff", "position:unit_head", "portfolio:rights_fulfilment"} <= set(staff["roles"])
    names = {f["name"] for f in fields.data["__type"]["fields"]}
    assert not {n for n in names if "phone" in n.lower()}
    assert "628111222333" not in str(result.data)


async def test_me_as_partner_token_shows_agency_and_scopes_ac_2(policies):
    # given
    agency = await make_agency()
    principal = await as_partner(agency, scopes=("referrals:respond", "notifications:read"))
    # when
    result = await execute(ME, as_=principal)
    # then
    me = payload(result, "me")
    assert me["kind"] == "PARTNER_TOKEN" and me["staff"] is None and me["reporter"] is None
    assert me["partnerToken"]["agencyId"] == str(agency.id)
    assert me["partnerToken"]["scopes"] == ["notifications:read", "referrals:respond"]
    assert me["partnerToken"]["tokenPrefix"].startswith("perisai_pat_")


async def test_me_as_reporter_shows_only_reporter_id_ac_3(policies):
    # given
    principal = await as_reporter()
    # when
    result = await execute(ME, as_=principal)
    # then
    me = payload(result, "me")
    assert me == {
        "kind": "REPORTER",
        "staff": None,
        "partnerToken": None,
        "reporter": {"reporterId": str(principal.reporter_id)},
    }


async def test_me_anonymous_is_unauthenticated_ac_1(policies):
    # when
    result = await execute(ME)
    # then
    assert error_codes(result) == ["UNAUTHENTICATED"] and result.data is None
