"""Staff sign-in and sessions (AC-1, AC-4, AC-13)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from argon2 import PasswordHasher
from tortoise import connections

from models.accounts import StaffAccount, StaffSession
from models.organisation import AgencyKind
from tests.accounts.factories import NOW, PASSWORD, Inbox, make_account, make_agency
from workflows import accounts
from workflows.accounts import (
    DUMMY_HASH,
    HASHER,
    admin_reset_password,
    authenticate_session,
    change_password,
    disable_account,
    login,
    logout,
)
from workflows.errors import Forbidden, RuleViolation, Unauthenticated, ValidationFailed
from workflows.reporter_sessions import authenticate_reporter, request_code, verify_code

MINUTE = dt.timedelta(minutes=1)


async def test_login_returns_prefixed_token_and_stores_only_its_hash_ac_1(db):
    # given
    account = await make_account("siti@perisai.example")
    # when
    token, session = await login("Siti@Perisai.example ", PASSWORD, ip="10.0.0.1", now=NOW)
    # then
    assert token.startswith("pss_") and len(token) >= 4 + 43
    rows = await connections.get("default").execute_query_dict('SELECT * FROM "staff_sessions"')
    assert token not in repr(rows)
    assert rows[0]["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert session.staff_id == account.staff.id
    assert session.expires_at == NOW + dt.timedelta(hours=12) and session.ip == "10.0.0.1"
    assert (await authenticate_session(token, now=NOW + MINUTE)).id == session.id


async def test_login_unknown_email_and_wrong_password_give_the_same_answer_ac_1(db, audit_log):
    # given
    await make_account("siti@perisai.example")
    # when
    with pytest.raises(Unauthenticated) as unknown:
        await login("nobody@perisai.example", PASSWORD, ip=None, now=NOW)
    with pytest.raises(Unauthenticated) as wrong:
        await login("siti@perisai.example", "Salah-Sandi-Sekali-1", ip=None, now=NOW)
    # then
    assert unknown.value.messages == wrong.value.messages
    assert unknown.value.key == wrong.value.key == "unauthenticated"
    assert await StaffSession.all().count() == 0


async def test_login_unknown_email_still_verifies_a_hash_ac_1(db, monkeypatch):
    # given: the stand-in hash costs what a real one does
    assert not HASHER.check_needs_rehash(DUMMY_HASH)
    checked: list[str] = []
    real_verify = accounts._verify
    monkeypatch.setattr(accounts, "_verify", lambda h, p: checked.append(h) or real_verify(h, p))
    # when
    with pytest.raises(Unauthenticated):
        await login("nobody@perisai.example", PASSWORD, ip=None, now=NOW)
    # then
    assert checked == [DUMMY_HASH]


async def test_login_disabled_account_refused_even_with_right_password_ac_1(db):
    # given
    account = await make_account("siti@perisai.example")
    await disable_account(account.staff.id, now=NOW)
    # when / then
    with pytest.raises(Unauthenticated):
        await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)


async def test_login_audits_good_and_bad_attempts_without_secrets_ac_13(db, audit_log):
    # given
    account = await make_account("siti@perisai.example")
    # when
    with pytest.raises(Unauthenticated):
        await login("ghost@perisai.example", "Sandi-Hantu-Rahasia-9", ip="10.0.0.9", now=NOW)
    token, _ = await login("siti@perisai.example", PASSWORD, ip="10.0.0.1", now=NOW)
    # then
    entries = audit_log.actions("auth.sign_in")
    assert [e["outcome"] for e in entries] == ["refused", "ok"]
    assert entries[0]["principal_kind"] == "anonymous" and len(entries[0]["principal_ref"]) == 64
    assert entries[1]["principal_ref"] == str(account.staff.id) and entries[1]["source_ip"] == "10.0.0.1"
    dump = repr(audit_log.entries)
    for secret in ("ghost@perisai.example", "ghost", "Sandi-Hantu-Rahasia-9", PASSWORD, token):
        assert secret not in dump


async def test_login_upgrades_a_weaker_stored_hash_ac_1(db):
    # given
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024).hash(PASSWORD)
    account = await make_account("siti@perisai.example", hash_override=weak)
    # when
    await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # then
    stored = (await StaffAccount.get(id=account.id)).password_hash
    assert stored != weak and "m=19456,t=2,p=1" in stored
    assert HASHER.verify(stored, PASSWORD) and not HASHER.check_needs_rehash(stored)


async def test_login_keeps_a_current_hash_ac_1(db):
    # given
    account = await make_account("siti@perisai.example")
    before = account.password_hash
    # when
    await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # then
    assert (await StaffAccount.get(id=account.id)).password_hash == before


async def test_authenticate_session_idle_15_minutes_refused_ac_1(db):
    # given
    await make_account("siti@perisai.example")
    token, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # when: 14 minutes idle is still fine, and counts as activity
    await authenticate_session(token, now=NOW + 14 * MINUTE)
    # then: 15 minutes after that last request it is over
    with pytest.raises(Unauthenticated):
        await authenticate_session(token, now=NOW + 29 * MINUTE)


async def test_authenticate_session_ends_after_12_hours_even_if_active_ac_1(db):
    # given
    await make_account("siti@perisai.example")
    token, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    moment = NOW
    while moment < NOW + dt.timedelta(hours=12) - 10 * MINUTE:
        moment += 10 * MINUTE
        await authenticate_session(token, now=moment)
    # when / then
    with pytest.raises(Unauthenticated):
        await authenticate_session(token, now=NOW + dt.timedelta(hours=12))


async def test_authenticate_session_writes_last_seen_at_most_once_a_minute_ac_1(db):
    # given
    await make_account("siti@perisai.example")
    token, session = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # when
    await authenticate_session(token, now=NOW + dt.timedelta(seconds=30))
    after_30s = (await StaffSession.get(id=session.id)).last_seen_at
    await authenticate_session(token, now=NOW + dt.timedelta(seconds=90))
    after_90s = (await StaffSession.get(id=session.id)).last_seen_at
    # then
    assert after_30s == NOW
    assert after_90s == NOW + dt.timedelta(seconds=90)


async def test_authenticate_session_unknown_or_malformed_token_refused_ac_1(db):
    # when / then
    for token in ("pss_" + "x" * 43, "pss_", "not-a-token", "pss_" + "x" * 500):
        with pytest.raises(Unauthenticated):
            await authenticate_session(token, now=NOW)


async def test_logout_ends_the_session_at_once_ac_1(db, audit_log):
    # given
    await make_account("siti@perisai.example")
    token, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    other, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # when
    await logout(token, now=NOW + MINUTE)
    # then
    with pytest.raises(Unauthenticated):
        await authenticate_session(token, now=NOW + MINUTE)
    assert await authenticate_session(other, now=NOW + MINUTE)
    assert len(audit_log.actions("auth.sign_out")) == 1


async def test_disable_account_ends_every_session_at_once_ac_1(db):
    # given
    account = await make_account("siti@perisai.example")
    tokens = [(await login("siti@perisai.example", PASSWORD, ip=None, now=NOW))[0] for _ in range(2)]
    # when
    await disable_account(account.staff.id, now=NOW + MINUTE)
    # then
    for token in tokens:
        with pytest.raises(Unauthenticated):
            await authenticate_session(token, now=NOW + MINUTE)
    assert await StaffSession.filter(revoked_at__isnull=True).count() == 0


async def test_session_of_account_disabled_behind_its_back_refused_ac_1(db):
    # given: disabled by a direct edit, with the session rows untouched
    account = await make_account("siti@perisai.example")
    token, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    await StaffAccount.filter(id=account.id).update(disabled_at=NOW)
    # when / then
    with pytest.raises(Unauthenticated):
        await authenticate_session(token, now=NOW + MINUTE)


@pytest.mark.parametrize(("new", "key"), [("pendek", "too_short"), ("passwordpassword", "too_common")])
async def test_change_password_against_policy_refused_ac_1(db, new, key):
    # given
    account = await make_account("siti@perisai.example")
    # when
    with pytest.raises(ValidationFailed) as refused:
        await change_password(account.staff.id, PASSWORD, new, now=NOW)
    # then
    assert refused.value.key == f"accounts.password_{key}" and refused.value.field == "new_password"
    assert (await StaffAccount.get(id=account.id)).password_hash == account.password_hash


async def test_change_password_wrong_old_password_refused_ac_1(db):
    # given
    account = await make_account("siti@perisai.example")
    # when / then
    with pytest.raises(ValidationFailed) as refused:
        await change_password(account.staff.id, "Bukan-Sandi-Lama-1", "Sandi-Baru-Yang-Kuat-7", now=NOW)
    assert refused.value.field == "old_password"


async def test_change_password_ends_other_sessions_keeps_current_ac_1(db):
    # given
    account = await make_account("siti@perisai.example")
    current, session = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    other, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # when
    await change_password(
        account.staff.id, PASSWORD, "Sandi-Baru-Yang-Kuat-7", current_session_id=session.id, now=NOW
    )
    # then
    assert await authenticate_session(current, now=NOW + MINUTE)
    with pytest.raises(Unauthenticated):
        await authenticate_session(other, now=NOW + MINUTE)
    with pytest.raises(Unauthenticated):
        await login("siti@perisai.example", PASSWORD, ip=None, now=NOW + MINUTE)
    assert await login("siti@perisai.example", "Sandi-Baru-Yang-Kuat-7", ip=None, now=NOW + MINUTE)


async def test_admin_reset_password_by_non_admin_refused_ac_4(db):
    # given
    clerk = await make_account("clerk@perisai.example")
    target = await make_account("siti@perisai.example")
    # when / then
    with pytest.raises(Forbidden):
        await admin_reset_password(clerk.staff.id, target.staff.id, "Sandi-Baru-Yang-Kuat-7", now=NOW)
    assert (await StaffAccount.get(id=target.id)).password_hash == target.password_hash


async def test_admin_reset_password_sets_password_and_ends_sessions_ac_4(db):
    # given
    admin = await make_account("admin@perisai.example", is_system_admin=True)
    target = await make_account("siti@perisai.example")
    token, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # when
    await admin_reset_password(admin.staff.id, target.staff.id, "Sandi-Baru-Yang-Kuat-7", now=NOW)
    # then
    with pytest.raises(Unauthenticated):
        await authenticate_session(token, now=NOW + MINUTE)
    assert await login("siti@perisai.example", "Sandi-Baru-Yang-Kuat-7", ip=None, now=NOW + MINUTE)


async def test_login_attempts_reach_the_real_audit_trail_ac_13(db, monkeypatch):
    # given: the hook wired as the application does
    trail = pytest.importorskip("workflows.audit")
    monkeypatch.setattr(accounts, "AUDIT_HOOK", trail.record)
    await make_account("siti@perisai.example")
    # when
    with pytest.raises(Unauthenticated):
        await login("ghost@perisai.example", "Sandi-Hantu-Rahasia-9", ip="10.0.0.9", now=NOW)
    await login("siti@perisai.example", PASSWORD, ip="10.0.0.1", now=NOW)
    # then
    rows = await connections.get("default").execute_query_dict(
        'SELECT * FROM "audit_entries" WHERE "action" = \'auth.sign_in\' ORDER BY "sequence"'
    )
    assert [(r["outcome"], r["principal_kind"]) for r in rows] == [("refused", "anonymous"), ("ok", "staff")]
    assert "ghost" not in repr(rows) and "Hantu" not in repr(rows)


async def test_end_session_ends_that_session_once_and_audits_once_ac_1(db, audit_log):
    # given
    await make_account("siti@perisai.example")
    token, session = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    other, _ = await login("siti@perisai.example", PASSWORD, ip=None, now=NOW)
    # when
    first = await accounts.end_session(session.id, now=NOW + MINUTE, request_id="r1")
    again = await accounts.end_session(session.id, now=NOW + MINUTE)
    # then
    assert (first, again) == (True, False)
    with pytest.raises(Unauthenticated):
        await authenticate_session(token, now=NOW + MINUTE)
    assert await authenticate_session(other, now=NOW + MINUTE)
    [entry] = audit_log.actions("auth.sign_out")
    assert entry["subject_id"] == session.id and entry["request_id"] == "r1"


async def test_end_reporter_session_ends_that_session_and_audits_ac_3(db, audit_log):
    # given
    await make_agency(AgencyKind.DISTRICT_SOCIAL_SERVICE)
    inbox = Inbox()
    await request_code("081234567890", now=NOW, sender=inbox)
    token, session = await verify_code("081234567890", inbox.last, now=NOW)
    # when
    ended = await accounts.end_reporter_session(session.id, now=NOW + MINUTE)
    # then
    assert ended and not await accounts.end_reporter_session(session.id, now=NOW + MINUTE)
    with pytest.raises(Unauthenticated):
        await authenticate_reporter(token, now=NOW + MINUTE)
    [entry] = audit_log.actions("reporter.sign_out")
    assert entry["principal_ref"] == str(session.reporter_id)


async def test_disable_account_of_last_active_admin_is_refused_ac_4(db):
    # given: one enabled administrator, one already disabled
    admin = await make_account("admin@perisai.example", is_system_admin=True)
    retired = await make_account("lama@perisai.example", is_system_admin=True)
    await disable_account(retired.staff.id, by=admin.staff.id, now=NOW)
    # when / then: not even by themselves
    with pytest.raises(RuleViolation) as refused:
        await disable_account(admin.staff.id, by=admin.staff.id, now=NOW + MINUTE)
    assert refused.value.rule == "AC-4"
    assert (await StaffAccount.get(id=admin.id)).disabled_at is None


async def test_disable_account_of_admin_with_another_active_admin_succeeds_ac_4(db):
    # given
    admin = await make_account("admin@perisai.example", is_system_admin=True)
    other = await make_account("kedua@perisai.example", is_system_admin=True)
    # when
    await disable_account(other.staff.id, by=admin.staff.id, now=NOW)
    # then
    assert (await StaffAccount.get(id=other.id)).disabled_at is not None
