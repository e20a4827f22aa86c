"""Administrators over GraphQL: accountCreate, accountPasswordReset, accountDisable, accountEnable
(AC-1, AC-4, AC-13). Only `manage` on staff_accounts passes; a refusal changes nothing."""

from __future__ import annotations

import uuid

import pytest

from models.accounts import StaffAccount, StaffSession
from models.audit import AuditEntry
from tests.accounts.factories import PASSWORD, make_account, make_staff
from tests.accounts.test_api import (
    NEW_PASSWORD,
    as_admin,
    as_partner,
    as_reporter,
    as_staff,
    payload,
    staff_session,
)
from tests.client import error_codes, execute
from workflows.accounts import authenticate_session, login
from workflows.errors import Unauthenticated

ACCOUNT_FIELDS = """
    __typename
    ... on AccountSuccess {
      account { staffId email isSystemAdmin disabled disabledAt lastLoginAt passwordChangedAt }
    }
    ... on MutationError { code field rule message }
"""

CREATE = f"""
mutation Create($staffId: ID!, $password: String!, $admin: Boolean!) {{
  accountCreate(staffId: $staffId, password: $password, isSystemAdmin: $admin) {{ {ACCOUNT_FIELDS} }}
}}
"""

RESET = f"""
mutation Reset($staffId: ID!, $password: String!) {{
  accountPasswordReset(staffId: $staffId, newPassword: $password) {{ {ACCOUNT_FIELDS} }}
}}
"""

DISABLE = f"""
mutation Disable($staffId: ID!) {{ accountDisable(staffId: $staffId) {{ {ACCOUNT_FIELDS} }} }}
"""

ENABLE = f"""
mutation Enable($staffId: ID!) {{ accountEnable(staffId: $staffId) {{ {ACCOUNT_FIELDS} }} }}
"""

ACCOUNT_SUMMARY_FIELDS = '{ __type(name: "AccountSummary") { fields { name } } }'


async def caller(role: str):
    """A principal of the given role that is not an administrator."""
    if role == "staff":
        return await as_staff()
    if role == "partner":
        return await as_partner()
    if role == "reporter":
        return await as_reporter()
    return None


# --- accountCreate ----------------------------------------------------------------------------


async def test_account_create_as_admin_creates_account_that_signs_in_ac_4(policies):
    # given
    admin = await as_admin()
    staff = await make_staff("budi@perisai.example")
    # when
    result = await execute(
        CREATE, {"staffId": str(staff.id), "password": NEW_PASSWORD, "admin": False}, as_=admin
    )
    # then
    account = payload(result, "accountCreate")["account"]
    assert account["staffId"] == str(staff.id) and account["email"] == "budi@perisai.example"
    assert account["isSystemAdmin"] is False and account["disabled"] is False
    stored = await StaffAccount.get(staff_id=staff.id)
    assert stored.password_hash.startswith("$argon2id$") and NEW_PASSWORD not in stored.password_hash
    assert await login("budi@perisai.example", NEW_PASSWORD, ip=None)
    entry = await AuditEntry.get(action="account.create")
    assert entry.principal_ref == str(admin.staff_id) and entry.subject_id == stored.id


async def test_account_create_system_admin_flag_is_kept_ac_4(policies):
    # given
    admin = await as_admin()
    staff = await make_staff()
    # when
    result = await execute(
        CREATE, {"staffId": str(staff.id), "password": NEW_PASSWORD, "admin": True}, as_=admin
    )
    # then
    assert payload(result, "accountCreate")["account"]["isSystemAdmin"] is True


@pytest.mark.parametrize("role", ["staff", "partner", "reporter", "anonymous"])
async def test_account_create_as_non_admin_is_refused_and_creates_nothing_ac_4(policies, role):
    # given
    principal = await caller(role)
    staff = await make_staff()
    # when
    result = await execute(
        CREATE, {"staffId": str(staff.id), "password": NEW_PASSWORD, "admin": True}, as_=principal
    )
    # then
    assert error_codes(result) == ["UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"]
    assert not await StaffAccount.exists(staff_id=staff.id)


@pytest.mark.parametrize(
    ("password", "key"),
    [("pendek", "password_too_short"), ("qwerty123456", "password_too_common")],
)
async def test_account_create_weak_password_answers_field_and_rule_ac_1(policies, password, key):
    # given
    admin = await as_admin()
    staff = await make_staff()
    # when
    result = await execute(
        CREATE, {"staffId": str(staff.id), "password": password, "admin": False}, as_=admin
    )
    # then
    answer = payload(result, "accountCreate")
    assert (answer["code"], answer["field"], answer["rule"]) == ("VALIDATION", "password", "AC-1")
    assert not await StaffAccount.exists(staff_id=staff.id)


async def test_account_create_unknown_staff_answers_not_found_ac_4(policies):
    # given
    admin = await as_admin()
    # when
    result = await execute(
        CREATE, {"staffId": str(uuid.uuid4()), "password": NEW_PASSWORD, "admin": False}, as_=admin
    )
    # then
    assert payload(result, "accountCreate")["code"] == "NOT_FOUND"


async def test_account_create_for_staff_with_account_answers_conflict_ac_4(policies):
    # given
    admin = await as_admin()
    existing = await make_account()
    # when
    result = await execute(
        CREATE, {"staffId": str(existing.staff.id), "password": NEW_PASSWORD, "admin": True}, as_=admin
    )
    # then
    answer = payload(result, "accountCreate")
    assert (answer["code"], answer["field"], answer["rule"]) == ("CONFLICT", "staffId", "AC-4")
    stored = await StaffAccount.get(id=existing.id)
    assert stored.password_hash == existing.password_hash and stored.is_system_admin is False


async def test_account_create_malformed_staff_id_answers_validation_ac_4(policies):
    # given
    admin = await as_admin()
    # when
    result = await execute(
        CREATE, {"staffId": "bukan-id", "password": NEW_PASSWORD, "admin": False}, as_=admin
    )
    # then
    answer = payload(result, "accountCreate")
    assert (answer["code"], answer["field"]) == ("VALIDATION", "staffId")


async def test_account_summary_never_exposes_the_password_hash_ac_1(policies):
    # given
    admin = await as_admin()
    # when
    result = await execute(ACCOUNT_SUMMARY_FIELDS, as_=admin)
    # then
    names = {f["name"] for f in result.data["__type"]["fields"]}
    assert not {n for n in names if "password" in n.lower() and n != "passwordChangedAt"}
    assert not {n for n in names if "hash" in n.lower()}


# --- accountPasswordReset ----------------------------------------------------------------------


async def test_account_password_reset_as_admin_sets_password_and_ends_sessions_ac_4(policies):
    # given
    admin = await as_admin()
    target = await make_account("siti@perisai.example")
    token, _ = await staff_session(target)
    # when
    result = await execute(RESET, {"staffId": str(target.staff.id), "password": NEW_PASSWORD}, as_=admin)
    # then
    assert payload(result, "accountPasswordReset")["account"]["staffId"] == str(target.staff.id)
    with pytest.raises(Unauthenticated):
        await authenticate_session(token)
    assert await login("siti@perisai.example", NEW_PASSWORD, ip=None)
    assert await AuditEntry.filter(action="account.reset_password", outcome="ok").count() == 1


@pytest.mark.parametrize("role", ["staff", "reporter"])
async def test_account_password_reset_as_non_admin_is_forbidden_and_changes_nothing_ac_4(policies, role):
    # given
    principal = await caller(role)
    target = await make_account()
    # when
    result = await execute(RESET, {"staffId": str(target.staff.id), "password": NEW_PASSWORD}, as_=principal)
    # then
    assert error_codes(result) == ["FORBIDDEN"]
    assert (await StaffAccount.get(id=target.id)).password_hash == target.password_hash
    assert await AuditEntry.filter(action="staff_accounts.manage", outcome="refused").count() == 1


async def test_account_password_reset_too_short_answers_field_and_rule_ac_1(policies):
    # given
    admin = await as_admin()
    target = await make_account()
    # when
    result = await execute(RESET, {"staffId": str(target.staff.id), "password": "pendek"}, as_=admin)
    # then
    answer = payload(result, "accountPasswordReset")
    assert (answer["code"], answer["field"], answer["rule"]) == ("VALIDATION", "newPassword", "AC-1")
    assert (await StaffAccount.get(id=target.id)).password_hash == target.password_hash


async def test_account_password_reset_unknown_staff_answers_not_found_ac_4(policies):
    # given
    admin = await as_admin()
    # when
    result = await execute(RESET, {"staffId": str(uuid.uuid4()), "password": NEW_PASSWORD}, as_=admin)
    # then
    assert payload(result, "accountPasswordReset")["code"] == "NOT_FOUND"


# --- accountDisable / accountEnable ------------------------------------------------------------


async def test_account_disable_as_admin_ends_every_session_ac_4(policies):
    # given
    admin = await as_admin()
    target = await make_account("siti@perisai.example")
    token, _ = await staff_session(target)
    # when
    result = await execute(DISABLE, {"staffId": str(target.staff.id)}, as_=admin)
    # then
    account = payload(result, "accountDisable")["account"]
    assert account["disabled"] is True and account["disabledAt"] is not None
    with pytest.raises(Unauthenticated):
        await authenticate_session(token)
    with pytest.raises(Unauthenticated):
        await login("siti@perisai.example", PASSWORD, ip=None)
    assert await AuditEntry.filter(action="account.disable", outcome="ok").count() == 1


@pytest.mark.parametrize("role", ["staff", "partner"])
async def test_account_disable_as_non_admin_is_forbidden_and_changes_nothing_ac_4(policies, role):
    # given
    principal = await caller(role)
    target = await make_account()
    token, _ = await staff_session(target)
    # when
    result = await execute(DISABLE, {"staffId": str(target.staff.id)}, as_=principal)
    # then
    assert error_codes(result) == ["FORBIDDEN"]
    assert (await StaffAccount.get(id=target.id)).disabled_at is None
    assert await authenticate_session(token)


async def test_account_disable_unknown_staff_answers_not_found_ac_4(policies):
    # given
    admin = await as_admin()
    # when
    result = await execute(DISABLE, {"staffId": str(uuid.uuid4())}, as_=admin)
    # then
    assert payload(result, "accountDisable")["code"] == "NOT_FOUND"
    assert await AuditEntry.filter(action="account.disable").count() == 0


async def test_account_enable_as_admin_lets_account_sign_in_again_old_sessions_stay_ended_ac_4(policies):
    # given
    admin = await as_admin()
    target = await make_account("siti@perisai.example")
    token, _ = await staff_session(target)
    await execute(DISABLE, {"staffId": str(target.staff.id)}, as_=admin)
    # when
    result = await execute(ENABLE, {"staffId": str(target.staff.id)}, as_=admin)
    # then
    assert payload(result, "accountEnable")["account"]["disabled"] is False
    with pytest.raises(Unauthenticated):
        await authenticate_session(token)
    assert await login("siti@perisai.example", PASSWORD, ip=None)


@pytest.mark.parametrize("role", ["staff", "anonymous"])
async def test_account_enable_as_non_admin_is_refused_ac_4(policies, role):
    # given
    principal = await caller(role)
    target = await make_account()
    await StaffAccount.filter(id=target.id).update(disabled_at=target.created_at)
    # when
    result = await execute(ENABLE, {"staffId": str(target.staff.id)}, as_=principal)
    # then
    assert error_codes(result) == ["UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"]
    assert (await StaffAccount.get(id=target.id)).disabled_at is not None
    assert await StaffSession.filter(staff_id=target.staff.id).count() == 0
