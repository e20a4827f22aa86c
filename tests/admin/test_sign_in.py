"""Signing in to the panel with the staff account: one user list, one session store (AC-1, AC-4)."""

from __future__ import annotations

import datetime as dt

from models.accounts import StaffSession
from models.audit import AuditEntry
from tests.accounts.factories import PASSWORD, make_account
from tests.admin.conftest import grant, hr_officer, open_panel, system_admin
from workflows import accounts
from workflows.accounts import hash_token


async def test_sign_in_system_admin_opens_a_staff_session_ac_1(panel):
    # given
    account = await system_admin()
    # when
    response = await panel.sign_in("admin@perisai.example")
    user = await panel.get("/admin/api/user/")
    # then: the cookie carries a staff session's token, stored only as its hash
    token = panel.client.cookies.get("id")
    assert response.status_code == 200
    assert token.startswith("pss_")
    session = await StaffSession.get(token_hash=hash_token(token))
    assert session.staff_id == account.staff.id  # type: ignore[attr-defined]
    assert user.status_code == 200 and user.json()["username"] == "admin@perisai.example"
    entry = await AuditEntry.filter(action="auth.sign_in").order_by("-sequence").first()
    assert entry.outcome == "ok" and entry.principal_ref == str(account.staff.id)


async def test_sign_in_unknown_email_and_wrong_password_answer_alike_ac_1(panel):
    # given
    await system_admin()
    # when
    wrong = await panel.sign_in("admin@perisai.example", "Bukan-Kata-Sandinya-1")
    unknown = await panel.sign_in("siapa@perisai.example", "Bukan-Kata-Sandinya-1")
    # then
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json() == {"detail": "E-mail atau kata sandi salah. (aturan AC-1)"}
    assert "id" not in panel.client.cookies
    refused = await AuditEntry.filter(action="auth.sign_in", outcome="refused").count()
    assert refused == 2


async def test_sign_in_staff_without_panel_grant_is_refused_ac_4(panel):
    # given: an ordinary staff member, right password
    account = await make_account("pegawai@perisai.example")
    # when
    response = await panel.sign_in("pegawai@perisai.example")
    tables = await panel.get("/admin/api/tables/")
    # then: refused in Indonesian, the session opened by the check is ended at once
    assert response.status_code == 403
    assert response.json() == {"detail": "Akun Anda tidak berwenang membuka panel admin. (aturan AC-4)"}
    assert tables.status_code == 401
    sessions = await StaffSession.filter(staff_id=account.staff.id)
    assert len(sessions) == 1 and sessions[0].revoked_at is not None
    assert await AuditEntry.filter(action="admin_panel.read", outcome="refused").exists()


async def test_sign_in_hr_officer_enters_the_panel_ac_4(panel):
    # given: ORG-1 — HR keeps the staff records in the panel
    await hr_officer()
    # when
    response = await panel.sign_in("hr@perisai.example")
    menu = (await panel.get("/admin/api/tables/")).json()
    # then: the menu lists only what HR may read
    assert response.status_code == 200
    assert "staff" in menu and "units" in menu
    assert "audit_entries" not in menu and "policy_rules" not in menu and "cases" in menu


async def test_sign_in_throttled_after_repeated_failures_q_s3(panel, monkeypatch):
    # given: the clock stands still, so the wait after five failures (1 s, doubling) cannot lapse
    # between attempts on a slow machine
    frozen = accounts.utcnow()
    monkeypatch.setattr(accounts, "utcnow", lambda: frozen)
    await system_admin()
    for _ in range(5):
        await panel.sign_in("admin@perisai.example", "Bukan-Kata-Sandinya-1")
    # when: even the right password must wait now
    response = await panel.sign_in("admin@perisai.example", PASSWORD)
    # then
    assert response.status_code == 429
    assert response.json()["detail"].startswith("Terlalu banyak percobaan masuk yang gagal.")
    assert "retry-after" in response.headers


async def test_session_ends_after_fifteen_idle_minutes_ac_1(panel):
    # given
    await system_admin()
    await panel.sign_in("admin@perisai.example")
    session = await StaffSession.get(token_hash=hash_token(panel.client.cookies.get("id")))
    # when
    session.last_seen_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16)
    await session.save()
    response = await panel.get("/admin/api/tables/")
    # then
    assert response.status_code == 401


async def test_session_ends_after_twelve_hours_whatever_the_activity_ac_1(panel):
    # given
    await system_admin()
    await panel.sign_in("admin@perisai.example")
    session = await StaffSession.get(token_hash=hash_token(panel.client.cookies.get("id")))
    # when
    session.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    await session.save()
    response = await panel.get("/admin/api/tables/units/")
    # then
    assert response.status_code == 401
    assert session.expires_at - session.created_at <= dt.timedelta(hours=12)


async def test_sign_out_ends_the_staff_session_and_is_audited_ac_13(panel):
    # given
    await system_admin()
    await panel.sign_in("admin@perisai.example")
    token = panel.client.cookies.get("id")
    # when
    response = await panel.sign_out()
    # then
    assert response.status_code == 200
    session = await StaffSession.get(token_hash=hash_token(token))
    assert session.revoked_at is not None
    assert await AuditEntry.filter(action="auth.sign_out", subject_id=session.id).exists()
    panel.client.cookies.set("id", token)
    assert (await panel.get("/admin/api/tables/")).status_code == 401


async def test_session_closes_when_the_policy_no_longer_grants_the_panel_ac_4(policies):
    # given: a regional administrator let in by an extra policy line
    from tests.admin.conftest import regional_administrator

    await regional_administrator("kp@perisai.example", "Sulawesi Selatan")
    await grant("position:administrator", "admin_panel", "read", "all")
    async with open_panel(policies) as panel:
        assert (await panel.sign_in("kp@perisai.example")).status_code == 200
        # when: the line is removed again
        from authz import enforcer
        from models.policies import PolicyRule

        await PolicyRule.filter(v0="position:administrator", v1="admin_panel").delete()
        await enforcer.reload()
        response = await panel.get("/admin/api/tables/")
    # then
    assert response.status_code == 401


async def test_change_password_goes_through_the_staff_account_ac_1(panel):
    # given
    await system_admin()
    await panel.sign_in("admin@perisai.example")
    body = {
        "current_password": PASSWORD,
        "new_password": "Sandi-Baru-Yang-Panjang-7",
        "confirm_new_password": "Sandi-Baru-Yang-Panjang-7",
    }
    # when
    short = await panel.post(
        "/admin/api/change-password/", {**body, "new_password": "pendek", "confirm_new_password": "pendek"}
    )
    changed = await panel.post("/admin/api/change-password/", body)
    # then: the password policy of the accounts applies, then every session ends
    assert short.status_code == 422 and "paling sedikit 12 karakter" in short.json()["detail"]
    assert changed.status_code == 303
    assert (await panel.get("/admin/api/tables/")).status_code == 401
    assert (await panel.sign_in("admin@perisai.example", "Sandi-Baru-Yang-Panjang-7")).status_code == 200
    assert await AuditEntry.filter(action="account.change_password", outcome="ok").exists()
