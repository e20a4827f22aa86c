"""Builders and raw-SQL tampering for the audit tests (AC-13–15)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from tortoise import connections

from authz.principal import Principal, PrincipalKind
from models.cases import Case, CrimeType
from models.organisation import Position, Staff, Unit, UnitFunction, UnitKind
from workflows import audit

NOW = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
STAFF_ID = uuid.UUID("00000000-0000-4000-8000-000000000001")
OFFICER = Principal(kind=PrincipalKind.STAFF, staff_id=STAFF_ID, position=Position.EXECUTOR.value)


def short() -> str:
    return uuid.uuid4().hex[:8]


async def chain(n: int, *, start: int = 0) -> list[Any]:
    """n entries recorded one after the other, each a minute apart, with varied content."""
    entries = []
    for i in range(start, start + n):
        entries.append(
            await audit.record(
                f"case.step_{i}",
                principal=OFFICER,
                subject_type="Case",
                subject_id=uuid.uuid4(),
                changes={"status": ["open", "closed"], "amount": 1.5 * i, "ratio": i / 7, "n": i},
                source_ip="10.0.0.7",
                request_id=f"req-{i}",
                now=NOW + dt.timedelta(minutes=i),
            )
        )
    return entries


async def execute(sql: str) -> None:
    """Raw SQL, as a database superuser with the append-only triggers switched off would run it
    (PostgreSQL refuses UPDATE and DELETE on audit_entries to everyone else)."""
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        sql = f"SET session_replication_role = replica; {sql}; SET session_replication_role = DEFAULT;"
    await conn.execute_script(sql)


async def make_unit() -> Unit:
    code = short()
    return await Unit.create(
        code=f"U-{code}", name=f"Unit {code}", kind=UnitKind.BUREAU, function=UnitFunction.OTHER
    )


async def make_staff() -> Staff:
    return await Staff.create(
        employee_number=f"E-{short()}",
        full_name="Pegawai Fiktif",
        email=f"{short()}@perisai.example",
        position=Position.EXECUTOR,
    )


async def make_case() -> Case:
    return await Case.create(
        code=f"KASUS-{short()}",
        crime_type=CrimeType.TRAFFICKING,
        incident_summary="Fiktif.",
        owning_unit=await make_unit(),
    )
