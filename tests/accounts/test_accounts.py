"""Staff accounts: password policy and Argon2id hashing (AC-1)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from models.accounts import StaffAccount
from workflows.accounts import PasswordPolicyError, check_password_policy, create_system_admin


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
