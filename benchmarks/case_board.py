"""Benchmark: the case board (a page of cases with unit, protectees, programs, placements).

Measures, per backend, page size and caller: SQL statements per request (the N+1 guard,
Q-P1) and the median and p95 wall time of the whole in-process GraphQL execution, with the
authorization scope applied as in production. Writes benchmarks/RESULTS.md.

    .venv/bin/python -m benchmarks.case_board                     # SQLite only
    PERISAI_BENCH_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python -m benchmarks.case_board
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import platform
import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from tortoise import Tortoise

from authz import enforcer
from authz.default_policy import load_default_policies
from authz.principal import Principal, PrincipalKind
from models.assignments import Team, TeamMembership, TeamStatus
from models.organisation import Position, Staff
from server.db import init_db, migrate
from tests.api.test_query_count import CASE_BOARD, seed_cases
from tests.client import execute
from tests.conftest import _pg_admin, count_queries, make_settings

RESULTS = Path(__file__).with_name("RESULTS.md")
CASES = 300
RUNS = 30


async def _team_member() -> Principal:
    """A case-team member reaching a third of the cases (AC-8): the scope is a real condition."""
    staff = await Staff.create(
        employee_number="B-1",
        full_name="Anggota Tim",
        email="tim@perisai.example",
        position=Position.EXECUTOR,
    )
    from models.cases import Case

    unit_id = (await Case.first()).owning_unit_id  # type: ignore[union-attr]
    team = await Team.create(
        code="TIM-BENCH", name="Tim Bench", owning_unit_id=unit_id, status=TeamStatus.ACTIVE
    )
    await TeamMembership.create(team=team, staff=staff, home_unit_id=unit_id, joined_on=dt.date(2026, 1, 1))
    ids = await Case.all().order_by("code").values_list("id", flat=True)
    await Case.filter(id__in=ids[::3]).update(team_id=team.id)
    return Principal(
        kind=PrincipalKind.STAFF, staff_id=staff.id, position="executor", team_ids=frozenset({team.id})
    )


async def _measure(principal: Principal, first: int) -> tuple[int, float, float]:
    await execute(CASE_BOARD, {"first": first}, as_=principal)  # warm caches and the enforcer
    with count_queries() as statements:
        result = await execute(CASE_BOARD, {"first": first}, as_=principal)
    assert result.errors is None, result.errors
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        await execute(CASE_BOARD, {"first": first}, as_=principal)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return len(statements), statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


async def bench(backend: str, url: str) -> list[tuple[Any, ...]]:
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    settings = make_settings(url)
    EXECUTOR_CACHE.clear()  # compiled statements are cached per connection name, not dialect
    enforcer.reset()
    await init_db(settings)
    try:
        await migrate(settings)
        await load_default_policies()
        await seed_cases(CASES)
        leader = Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position="leader")
        member = await _team_member()
        rows = []
        for name, principal in (("leader (all rows)", leader), ("team member (AC-8 scope)", member)):
            for first in (10, 100):
                statements, median, p95 = await _measure(principal, first)
                rows.append((backend, name, first, statements, f"{median:.1f}", f"{p95:.1f}"))
                print(rows[-1], flush=True)
        return rows
    finally:
        await Tortoise.close_connections()


async def main() -> None:
    rows: list[tuple[Any, ...]] = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += await bench("SQLite", f"sqlite://{tmp}/bench.sqlite3")
    pg = os.environ.get("PERISAI_BENCH_POSTGRES")
    if pg:
        os.environ["PERISAI_TEST_DATABASE_URL"] = pg
        name = f"perisai_bench_{uuid.uuid4().hex[:8]}"
        await _pg_admin(f'CREATE DATABASE "{name}"')
        try:
            rows += await bench("PostgreSQL", pg.rsplit("/", 1)[0] + "/" + name)
        finally:
            await _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    lines = [
        "# Benchmark results",
        "",
        "`python -m benchmarks.case_board` — the case board query (cases with unit and parent,",
        f"protectees, programs with decision, placements with house) over {CASES} cases, in-process",
        f"GraphQL execution including authorization; {RUNS} runs after one warm-up.",
        "",
        f"Recorded {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()},"
        f" Python {platform.python_version()}, {os.cpu_count()} cores.",
        "",
        "| backend | caller | page | SQL statements | median ms | p95 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
        *(f"| {' | '.join(str(c) for c in row)} |" for row in rows),
        "",
        "The statement count is the same for a page of 10 and of 100 (no N+1, Q-P1): one page",
        "query, one count, then one batched query per relation. Time grows with the rows",
        "turned into GraphQL objects — the per-field cost of Python execution (CONVENTIONS,",
        "Performance direction), not the database.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    asyncio.run(main())
