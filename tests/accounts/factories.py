"""Small builders for the identity tests: staff with accounts, agencies, an audit recorder."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from models.accounts import StaffAccount
from models.organisation import Agency, AgencyKind, Position, Staff, Unit, UnitFunction, UnitKind
from workflows.accounts import HASHER

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)  # 09:00 in Jakarta
PASSWORD = "Kuda-Laut-Berenang-42"

_hashes: dict[str, str] = {}


def password_hash(password: str = PASSWORD) -> str:
    """Argon2id is slow on purpose: hash each test password once per run."""
    if password not in _hashes:
        _hashes[password] = HASHER.hash(password)
    return _hashes[password]


def short() -> str:
    return uuid.uuid4().hex[:8]


async def make_unit(function: UnitFunction = UnitFunction.OTHER, **fields: Any) -> Unit:
    code = short()
    return await Unit.create(
        code=f"U-{code}", name=f"Unit {code}", kind=UnitKind.BUREAU, function=function, **fields
    )


async def make_staff(
    email: str | None = None,
    *,
    position: Position = Position.EXECUTOR,
    unit: Unit | None = None,
    **fields: Any,
) -> Staff:
    email = email or f"{short()}@perisai.example"
    return await Staff.create(
        employee_number=f"E-{short()}",
        full_name="Pegawai Fiktif",
        email=email,
        position=position,
        unit=unit,
        **fields,
    )


async def make_account(
    email: str | None = None,
    *,
    password: str = PASSWORD,
    is_system_admin: bool = False,
    hash_override: str | None = None,
    **staff_fields: Any,
) -> StaffAccount:
    staff = await make_staff(email, **staff_fields)
    account = await StaffAccount.create(
        staff=staff,
        password_hash=hash_override or password_hash(password),
        is_system_admin=is_system_admin,
    )
    account.staff = staff
    return account


async def make_agency(kind: AgencyKind = AgencyKind.POLICE, *, active: bool = True) -> Agency:
    code = short()
    return await Agency.create(code=f"A-{code}", name=f"Instansi {code}", kind=kind, active=active)


class AuditRecorder:
    """Stands in for workflows.audit.record and keeps what it was given."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []

    async def __call__(self, action: str, **entry: Any) -> None:
        self.entries.append({"action": action, **entry})

    def actions(self, action: str) -> list[dict[str, Any]]:
        return [e for e in self.entries if e["action"] == action]


class Inbox:
    """A CodeSender that keeps the codes it was asked to send (VR-1)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def send(self, phone: str, code: str) -> None:
        self.sent.append((phone, code))

    @property
    def last(self) -> str:
        return self.sent[-1][1]
