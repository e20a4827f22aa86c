"""Demo sign-in: every demo staff member gets an account, plus one system administrator.

Development only (the demo data set is never loaded in production): every account shares
the one password below, so a frontend developer can sign in as any role of the demo
organisation — a leader, a unit head, a case-team member, a safe-house manager, an expert.
"""

from __future__ import annotations

import datetime as dt

from models.accounts import StaffAccount
from models.organisation import Position, Staff
from server.demo.context import DemoContext
from workflows.accounts import hash_password

DEMO_PASSWORD = "Perisai-Demo-Sandi-2026"  # noqa: S105 — published demo credential, development only
ADMIN_EMAIL = "admin@perisai.example"


async def load(ctx: DemoContext) -> None:
    now = dt.datetime.now(dt.UTC)
    password_hash = hash_password(DEMO_PASSWORD)  # Argon2id once; every demo account shares it
    admin = await Staff.create(
        employee_number="ADM-0001",
        full_name="Administrator Sistem Demo",
        email=ADMIN_EMAIL,
        position=Position.EXECUTOR,
        title="Administrator Sistem",
    )
    staff = [*ctx.staff, admin]
    await StaffAccount.bulk_create(
        [
            StaffAccount(
                staff=member,
                password_hash=password_hash,
                is_system_admin=member is admin,
                password_changed_at=now,
            )
            for member in staff
            if member.email
        ]
    )
    ctx.progress(f"accounts: {len(staff)} demo sign-ins (password: {DEMO_PASSWORD})")
