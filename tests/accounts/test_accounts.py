"""Staff accounts: password policy and Argon2id hashing (AC-1)."""

from __future__ import annotations

import uuid

import pytest
from argon2 import PasswordHasher

from models.accounts import StaffAccount
from tests.accounts.factories import PASSWORD, make_account, make_staff
from workflows.accounts import PasswordPolicyError, check_password_policy, create_account, create_system_admin
from workflows.errors import Conflict, NotFound, ValidationFailed


@pytest.mark.parametrize("password", ["short", "passwordpassword", "aaaaaaaaaaaaaaaa", "123456789012"])
def test_check_password_policy_refuses_short_or_common_ac_1(password):
    # when / then
    with pytest.raises(PasswordPolicyError):
        check_password_policy(password)


async def test_create_system_admin_stores_argon2id_hash_only_ac_1(db):
    # given
    password = "Kuda-Laut-Berenang-42"
    # when
    account = await create_system_admin(
        email="Admin@Perisai.example", full_name="Admin Fiktif", password=password
    )
    # then
    stored = await StaffAccount.get(id=account.id).prefetch_related("staff")
    assert stored.is_system_admin and stored.staff.email == "admin@perisai.example"
    assert stored.password_hash.startswith("$argon2id$") and password not in stored.password_hash
    params = stored.password_hash.split("$")[3]
    assert "m=19456" in params and "t=2" in params and "p=1" in params
    assert PasswordHasher().verify(stored.password_hash, password)


async def test_create_system_admin_twice_resets_password_without_duplicates(db):
    # given
    await create_system_admin(
        email="admin@perisai.example", full_name="Admin", password="Pertama-Kali-Sandi-1"
    )
    # when
    await create_system_admin(
        email="admin@perisai.example", full_name="Admin", password="Kedua-Kali-Sandi-22"
    )
    # then
    accounts = await StaffAccount.all()
    assert len(accounts) == 1
    assert PasswordHasher().verify(accounts[0].password_hash, "Kedua-Kali-Sandi-22")


async def test_create_system_admin_weak_password_changes_nothing_ac_1(db):
    # when
    with pytest.raises(PasswordPolicyError):
        await create_system_admin(email="admin@perisai.example", full_name="Admin", password="pendek")
    # then
    assert await StaffAccount.all().count() == 0


async def test_create_account_stores_hash_and_audits_ac_4(db, audit_log):
    # given
    staff = await make_staff("budi@perisai.example")
    admin = await make_staff()
    # when
    account = await create_account(staff.id, PASSWORD, is_system_admin=True, by=admin.id)
    # then
    stored = await StaffAccount.get(staff_id=staff.id)
    assert stored.id == account.id and stored.is_system_admin and stored.password_changed_at is not None
    assert PasswordHasher().verify(stored.password_hash, PASSWORD)
    [entry] = audit_log.actions("account.create")
    assert entry["principal_ref"] == str(admin.id) and entry["changes"] == {"is_system_admin": True}


async def test_create_account_for_staff_with_account_refused_changes_nothing_ac_4(db):
    # given
    existing = await make_account()
    # when
    with pytest.raises(Conflict) as refused:
        await create_account(existing.staff.id, "Sandi-Baru-Yang-Kuat-7", is_system_admin=True)
    # then
    assert (refused.value.field, refused.value.rule) == ("staff_id", "AC-4")
    stored = await StaffAccount.get(id=existing.id)
    assert stored.password_hash == existing.password_hash and not stored.is_system_admin


async def test_create_account_unknown_staff_not_found(db):
    # when / then
    with pytest.raises(NotFound):
        await create_account(uuid.uuid4(), PASSWORD)


async def test_create_account_weak_password_refused_creates_nothing_ac_1(db):
    # given
    staff = await make_staff()
    # when
    with pytest.raises(ValidationFailed) as refused:
        await create_account(staff.id, "pendek")
    # then
    assert (refused.value.key, refused.value.field) == ("accounts.password_too_short", "password")
    assert await StaffAccount.all().count() == 0
