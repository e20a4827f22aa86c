"""The GraphQL face of identity: authLogin, authLogout, passwordChange (AC-1, AC-2, AC-3, AC-13).

Principals are made the way the server makes them: a real credential (session, token,
reporter session) read back by `principal_from_request`. The helpers here serve the other
tests/accounts/test_api_*.py modules too.
"""

from __future__ import annotations

import datetime as dt

import pytest

from authz.principal import Principal
from models.accounts import SignInThrottle, StaffAccount, StaffSession
from models.audit import AuditEntry
from models.organisation import Agency, AgencyKind
from server.auth import principal_from_request
from tests.accounts.factories import PASSWORD, Inbox, make_account, make_agency
from tests.client import error_codes, execute
from workflows import reporter_sessions
from workflows.accounts import authenticate_session, hash_token, login
from workflows.errors import Unauthenticated
from workflows.partner_tokens import create_token
from workflows.throttle import account_key

NEW_PASSWORD = "Sandi-Baru-Yang-Kuat-7"
PHONE = "+6281234567890"

LOGIN = """
mutation Login($email: String!, $password: String!) {
  authLogin(email: $email, password: $password) {
    __typename
    ... on AuthLoginSuccess { token expiresAt idleTimeoutSeconds }
    ... on MutationError { code field rule message }
  }
}
"""

LOGOUT = """
mutation { authLogout { __typename ... on Done { ok } ... on MutationError { code } } }
"""

PASSWORD_CHANGE = """
mutation Change($current: String!, $new: String!) {
  passwordChange(currentPassword: $current, newPassword: $new) {
    __typename
    ... on Done { ok }
    ... on MutationError { code field rule message }
  }
}
"""


# --- principals, made from real credentials -------------------------------------------------


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def principal_for(token: str) -> Principal:
    principal = await principal_from_request(bearer(token), ip=None)
    assert principal is not None
    return principal


async def staff_session(account: StaffAccount, password: str = PASSWORD) -> tuple[str, Principal]:
    """A signed-in staff member: the session token and the principal the server makes of it."""
    token, _ = await login(account.staff.email, password, ip=None)
    return token, await principal_for(token)


async def as_staff(**fields) -> Principal:
    return (await staff_session(await make_account(**fields)))[1]


async def as_admin() -> Principal:
    return await as_staff(is_system_admin=True)


async def as_partner(agency: Agency | None = None, scopes=("referrals:respond",), **options) -> Principal:
    agency = agency or await make_agency()
    secret, _ = await create_token(agency.id, "Sistem Polisi", list(scopes), 30, None, **options)
    return await principal_for(secret)


async def reporting_agency() -> Agency:
    return await make_agency(AgencyKind.DISTRICT_SOCIAL_SERVICE)


async def reporter_session(phone: str = PHONE) -> tuple[str, Principal]:
    """A phone-verified reporter (a district service must exist): token and principal."""
    inbox = Inbox()
    await reporter_sessions.request_code(phone, sender=inbox)
    token, _ = await reporter_sessions.verify_code(phone, inbox.last)
    return token, await principal_for(token)


async def as_reporter() -> Principal:
    await reporting_agency()
    return (await reporter_session())[1]


def payload(result, operation: str) -> dict:
    assert result.errors is None, result.errors
    return result.data[operation]


# --- authLogin ------------------------------------------------------------------------------


async def test_auth_login_right_password_answers_token_shown_once_ac_1(policies):
    # given
    await make_account("siti@perisai.example")
    before = dt.datetime.now(dt.UTC)
    # when
    result = await execute(LOGIN, {"email": "Siti@Perisai.example ", "password": PASSWORD})
    # then
    answer = payload(result, "authLogin")
    assert answer["__typename"] == "AuthLoginSuccess"
    assert answer["token"].startswith("pss_") and answer["idleTimeoutSeconds"] == 15 * 60
    expires = dt.datetime.fromisoformat(answer["expiresAt"])
    assert dt.timedelta(hours=11, minutes=59) < expires - before <= dt.timedelta(hours=12, minutes=1)
    session = await StaffSession.get(token_hash=hash_token(answer["token"]))
    assert await authenticate_session(answer["token"]) and session.token_hash != answer["token"]


async def test_auth_login_wrong_password_answers_like_unknown_email_ac_1(policies):
    # given
    await make_account("siti@perisai.example")
    # when
    wrong = await execute(LOGIN, {"email": "siti@perisai.example", "password": "Bukan-Sandi-Siti-1"})
    unknown = await execute(LOGIN, {"email": "budi@perisai.example", "password": PASSWORD})
    # then
    assert error_codes(wrong) == error_codes(unknown) == ["UNAUTHENTICATED"]
    assert wrong.errors[0].message == unknown.errors[0].message
    assert wrong.data == unknown.data is None
    assert await StaffSession.all().count() == 0


async def test_auth_login_disabled_account_answers_unauthenticated_ac_1(policies):
    # given
    await make_account("siti@perisai.example")
    await StaffAccount.all().update(disabled_at=dt.datetime.now(dt.UTC))
    # when
    result = await execute(LOGIN, {"email": "siti@perisai.example", "password": PASSWORD})
    # then
    assert error_codes(result) == ["UNAUTHENTICATED"]


async def test_auth_login_throttled_answers_rate_limited_with_retry_after_ac_1(policies):
    # given: ten failures in a row, the last just now: the next attempt must wait 32 s (Q-S3)
    await make_account("siti@perisai.example")
    await SignInThrottle.create(
        key=account_key("siti@perisai.example"),
        consecutive_failures=10,
        last_failure_at=dt.datetime.now(dt.UTC),
    )
    # when: even the right password
    result = await execute(LOGIN, {"email": "siti@perisai.example", "password": PASSWORD})
    # then
    assert error_codes(result) == ["RATE_LIMITED"]
    assert 1 <= result.errors[0].extensions["retryAfter"] <= 32
    assert await StaffSession.all().count() == 0


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [
        ("bukan-alamat", PASSWORD, "email"),
        ("", PASSWORD, "email"),
        ("a" * 200 + "@perisai.example", PASSWORD, "email"),
        ("siti@perisai.example", "", "password"),
        ("siti@perisai.example", "x" * 257, "password"),
    ],
)
async def test_auth_login_malformed_input_answers_validation_naming_field_ac_1(
    policies, email, password, field
):
    # given
    await make_account("siti@perisai.example")
    # when
    result = await execute(LOGIN, {"email": email, "password": password})
    # then
    answer = payload(result, "authLogin")
    assert answer["__typename"] == "MutationError"
    assert (answer["code"], answer["field"]) == ("VALIDATION", field)
    assert await SignInThrottle.all().count() == 0 and await StaffSession.all().count() == 0


async def test_auth_login_audits_each_attempt_once_ac_13(policies):
    # given
    await make_account("siti@perisai.example")
    # when
    await execute(LOGIN, {"email": "siti@perisai.example", "password": "Bukan-Sandi-Siti-1"})
    await execute(LOGIN, {"email": "siti@perisai.example", "password": PASSWORD})
    # then
    entries = await AuditEntry.filter(action="auth.sign_in").order_by("sequence")
    assert [e.outcome for e in entries] == ["refused", "ok"]
    assert all(PASSWORD not in str(e.changes) for e in entries)


# --- authLogout -------------------------------------------------------------------------------


async def test_auth_logout_as_staff_ends_current_session_only_ac_1(policies):
    # given: two sessions of the same person
    account = await make_account("siti@perisai.example")
    current, principal = await staff_session(account)
    other, _ = await staff_session(account)
    # when
    result = await execute(LOGOUT, as_=principal)
    # then
    assert payload(result, "authLogout") == {"__typename": "Done", "ok": True}
    with pytest.raises(Unauthenticated):
        await authenticate_session(current)
    assert await authenticate_session(other)
    assert await AuditEntry.filter(action="auth.sign_out", outcome="ok").count() == 1


async def test_auth_logout_as_reporter_ends_reporter_session_ac_3(policies):
    # given
    await reporting_agency()
    token, principal = await reporter_session()
    # when
    result = await execute(LOGOUT, as_=principal)
    # then
    assert payload(result, "authLogout")["ok"] is True
    with pytest.raises(Unauthenticated):
        await reporter_sessions.authenticate_reporter(token)


async def test_auth_logout_as_partner_token_is_forbidden_ac_2(policies):
    # given
    principal = await as_partner()
    # when
    result = await execute(LOGOUT, as_=principal)
    # then
    assert error_codes(result) == ["FORBIDDEN"]


async def test_auth_logout_anonymous_is_unauthenticated_ac_1(policies):
    # when
    result = await execute(LOGOUT)
    # then
    assert error_codes(result) == ["UNAUTHENTICATED"]


# --- passwordChange ---------------------------------------------------------------------------


async def test_password_change_as_self_replaces_password_and_ends_other_sessions_ac_1(policies):
    # given
    account = await make_account("siti@perisai.example")
    current, principal = await staff_session(account)
    other, _ = await staff_session(account)
    # when
    result = await execute(PASSWORD_CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, as_=principal)
    # then
    assert payload(result, "passwordChange") == {"__typename": "Done", "ok": True}
    assert await authenticate_session(current)
    with pytest.raises(Unauthenticated):
        await authenticate_session(other)
    assert await login("siti@perisai.example", NEW_PASSWORD, ip=None)
    assert await AuditEntry.filter(action="account.change_password", outcome="ok").count() == 1


@pytest.mark.parametrize(
    ("new", "key"), [("pendek", "too_short"), ("passwordpassword", "too_common"), ("", "required")]
)
async def test_password_change_against_policy_answers_field_and_rule_ac_1(policies, new, key):
    # given
    account = await make_account("siti@perisai.example")
    _, principal = await staff_session(account)
    # when
    result = await execute(PASSWORD_CHANGE, {"current": PASSWORD, "new": new}, as_=principal)
    # then
    answer = payload(result, "passwordChange")
    assert (answer["code"], answer["field"]) == ("VALIDATION", "newPassword")
    assert answer["rule"] == (None if key == "required" else "AC-1")
    assert "newPassword" in answer["message"]
    assert (await StaffAccount.get(id=account.id)).password_hash == account.password_hash


async def test_password_change_wrong_current_password_answers_validation_ac_1(policies):
    # given
    account = await make_account("siti@perisai.example")
    _, principal = await staff_session(account)
    # when
    result = await execute(
        PASSWORD_CHANGE, {"current": "Bukan-Sandi-Siti-1", "new": NEW_PASSWORD}, as_=principal, language="en"
    )
    # then
    answer = payload(result, "passwordChange")
    assert answer == {
        "__typename": "MutationError",
        "code": "VALIDATION",
        "field": "currentPassword",
        "rule": "AC-1",
        "message": "Password 'currentPassword' is wrong.",
    }
    assert (await StaffAccount.get(id=account.id)).password_hash == account.password_hash


@pytest.mark.parametrize("caller", ["partner", "reporter"])
async def test_password_change_as_non_staff_is_forbidden_ac_1(policies, caller):
    # given
    principal = await (as_partner() if caller == "partner" else as_reporter())
    # when
    result = await execute(PASSWORD_CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD}, as_=principal)
    # then
    assert error_codes(result) == ["FORBIDDEN"]
    assert await AuditEntry.filter(action="staff_accounts.update", outcome="refused").count() == 1


async def test_password_change_anonymous_is_unauthenticated_ac_1(policies):
    # when
    result = await execute(PASSWORD_CHANGE, {"current": PASSWORD, "new": NEW_PASSWORD})
    # then
    assert error_codes(result) == ["UNAUTHENTICATED"]
