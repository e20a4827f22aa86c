"""Benchmark (Q-P1, Q-P2, Q-P3): the case board, one case and a workflow mutation, with authorization on.

Loads the demo organisation and then a realistic volume (default 50,000 cases, 150,000
programs, 50,000 protectees, decisions and placements), plus 2,000 extra staff with their
own policy lines, and measures in-process GraphQL execution per caller:

- SQL statements per request (the N+1 guard: equal for pages of 10 and 100);
- p50 / p99 latency and requests per second (sequential, one process);
- the cost of authorization: the same page as the system principal (no policy check, no
  row filter) against a leader (policy check) and a case-team member (policy check and a
  row filter in SQL) — Q-P3 asks for < 20 %;
- a workflow mutation: a unit head issuing an assignment letter (ASG-10) through GraphQL —
  policy, row scope, lock, actor, guards, the gap-free letter number, history and the audit
  chain, one transaction — each run on a fresh draft.

    .venv/bin/python -m benchmarks.case_board [--cases 50000] [--runs 50] [--postgres URL]

Writes benchmarks/RESULTS.md. Quote medians and ratios: the machines are shared.
"""

from __future__ import annotations

import argparse
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
from tortoise.transactions import in_transaction

from authz import enforcer
from authz.default_policy import load_default_policies
from authz.principal import SYSTEM, Principal, PrincipalKind
from models.assignments import Team, TeamMembership, TeamStatus
from models.cases import Case, CrimeType, Decision, Protectee, ProtecteeRole
from models.organisation import Position, Staff, Unit
from models.placements import Placement, PlacementKind, PlacementStatus
from models.policies import PolicyRule
from models.programs import ProgramFamily, ProgramKind, ProtectionProgram
from models.safe_houses import SafeHouse
from server.db import init_db, migrate
from server.demo.runner import load_demo_data
from tests.api.test_query_count import CASE_BOARD
from tests.client import execute
from tests.conftest import _pg_admin, count_queries, make_settings
from tests.workflows.factories import appoint, organisation, principal

RESULTS = Path(__file__).with_name("RESULTS.md")
BATCH = 1000
EXTRA_STAFF = 2000

ONE_CASE = """
query OneCase($id: ID!) {
  case(id: $id) {
    code status crimeType
    owningUnit { code }
    protectees { code role fullNameMasked }
    protectionPrograms { code kind status periodStart periodEnd decision { number } }
    placements { code status house { code } }
  }
}
"""


ISSUE_LETTER = """
mutation IssueLetter($id: ID!) {
  assignmentIssueLetter(id: $id) {
    __typename
    ... on AssignmentIssueLetterSuccess { record { status assignmentLetters { number } } }
    ... on MutationError { code rule }
  }
}
"""


def progress(text: str) -> None:
    print(f"  … {text}", flush=True)


async def load_volume(cases: int) -> None:
    """Demo organisation + `cases` cases, each with a decision, a protectee, three programs and
    a placement; 2,000 staff with a policy line each (Q-P2, Q-P3)."""
    await load_demo_data(progress=lambda _: None)
    await load_default_policies()
    units = await Unit.all().values_list("id", flat=True)
    houses = await SafeHouse.all().values_list("id", flat=True)
    today = dt.date(2026, 11, 23)
    now = dt.datetime(2026, 11, 23, 1, tzinfo=dt.UTC)
    kinds = [ProgramKind.SAFE_HOUSE, ProgramKind.LEGAL_ADVICE, ProgramKind.LIVING_COST_MEDICAL]
    started = time.perf_counter()
    for start in range(0, cases, BATCH):
        async with in_transaction():
            batch = [
                Case(
                    code=f"B-{i:06d}",
                    crime_type=CrimeType.TRAFFICKING,
                    incident_summary="Peristiwa fiktif untuk benchmark.",
                    owning_unit_id=units[i % len(units)],
                )
                for i in range(start, min(start + BATCH, cases))
            ]
            await Case.bulk_create(batch)
            decisions = [Decision(number=f"KEP-B-{c.code}", decided_on=today, case_id=c.id) for c in batch]
            await Decision.bulk_create(decisions)
            people = [
                Protectee(
                    code=f"TL-{c.code}", case_id=c.id, role=ProtecteeRole.WITNESS, full_name=f"Saksi {c.code}"
                )
                for c in batch
            ]
            await Protectee.bulk_create(people)
            await ProtectionProgram.bulk_create(
                [
                    ProtectionProgram(
                        code=f"PRG-{c.code}-{k}",
                        kind=kind,
                        family=ProgramFamily.RIGHTS_FULFILMENT,
                        period_start=today,
                        period_end=today + dt.timedelta(days=180),
                        case_id=c.id,
                        decision_id=d.id,
                        protectee_id=p.id,
                    )
                    for c, d, p in zip(batch, decisions, people, strict=True)
                    for k, kind in enumerate(kinds)
                ]
            )
            await Placement.bulk_create(
                [
                    Placement(
                        code=f"PLC-{c.code}",
                        kind=PlacementKind.REGULAR,
                        status=PlacementStatus.PLACED,
                        requested_at=now,
                        case_id=c.id,
                        protectee_id=p.id,
                        house_id=houses[n % len(houses)],
                    )
                    for n, (c, p) in enumerate(zip(batch, people, strict=True))
                ]
            )
        done = min(start + BATCH, cases)
        if done % (BATCH * 10) == 0 or done == cases:
            progress(f"{done:,} / {cases:,} cases ({time.perf_counter() - started:.0f} s)")
    staff = [
        Staff(
            employee_number=f"BS-{i:05d}",
            full_name=f"Pegawai {i}",
            email=f"b{i}@perisai.example",
            position=Position.EXECUTOR,
        )
        for i in range(EXTRA_STAFF)
    ]
    await Staff.bulk_create(staff, batch_size=BATCH)
    await PolicyRule.bulk_create(
        [PolicyRule(ptype="g", v0=f"staff:{s.id}", v1="position:executor") for s in staff], batch_size=BATCH
    )
    progress(f"{EXTRA_STAFF:,} staff with a policy line each")


async def team_member() -> Principal:
    """A case-team member reaching every 5th case (AC-8): the row filter is a real condition."""
    staff = await Staff.filter(position=Position.EXECUTOR).order_by("employee_number").first()
    assert staff is not None
    unit_id = staff.unit_id or (await Unit.first()).id  # type: ignore[union-attr, attr-defined]
    team = await Team.create(
        code="TIM-BENCH", name="Tim Benchmark", owning_unit_id=unit_id, status=TeamStatus.ACTIVE
    )
    await TeamMembership.create(team=team, staff=staff, home_unit_id=unit_id, joined_on=dt.date(2026, 1, 1))
    ids = await Case.filter(code__startswith="B-").order_by("code").values_list("id", flat=True)
    await Case.filter(id__in=ids[::5]).update(team_id=team.id)
    return Principal(
        kind=PrincipalKind.STAFF, staff_id=staff.id, position="executor", team_ids=frozenset({team.id})
    )


async def measure(
    document: str, variables: dict[str, Any], principal: Principal, runs: int
) -> dict[str, Any]:
    await execute(document, variables, as_=principal)  # warm caches and the enforcer
    with count_queries() as statements:
        result = await execute(document, variables, as_=principal)
    assert result.errors is None, result.errors
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        await execute(document, variables, as_=principal)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    return {
        "statements": len(statements),
        "p50": p50,
        "p99": timings[max(0, int(len(timings) * 0.99) - 1)],
        "rps": 1000 / statistics.mean(timings),
    }


async def measure_mutation(runs: int) -> dict[str, Any]:
    """`runs` + 2 fresh draft appointments in a small organisation of their own; the unit head
    issues the letter of each through GraphQL (the first warms up, the second is counted)."""
    org = await organisation()
    head = await principal(org.head)
    drafts = [(await appoint(org)).id for _ in range(runs + 2)]

    async def issue(draft: uuid.UUID) -> None:
        result = await execute(ISSUE_LETTER, {"id": str(draft)}, as_=head)
        assert result.errors is None, result.errors
        assert result.data["assignmentIssueLetter"]["__typename"] == "AssignmentIssueLetterSuccess"

    await issue(drafts[0])
    with count_queries() as statements:
        await issue(drafts[1])
    timings = []
    for draft in drafts[2:]:
        started = time.perf_counter()
        await issue(draft)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "statements": len(statements),
        "p50": statistics.median(timings),
        "p99": timings[max(0, int(len(timings) * 0.99) - 1)],
        "rps": 1000 / statistics.mean(timings),
    }


async def bench(backend: str, url: str, cases: int, runs: int) -> list[tuple[Any, ...]]:
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    settings = make_settings(url)
    EXECUTOR_CACHE.clear()  # compiled statements are cached per connection name, not dialect
    enforcer.reset()
    await init_db(settings)
    try:
        await migrate(settings)
        progress(f"{backend}: loading {cases:,} cases")
        await load_volume(cases)
        await enforcer.reload()
        leader = Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position="leader")
        member = await team_member()
        # Planner statistics, as a database in service has them (autovacuum on PostgreSQL; SQLite
        # keeps none until asked), taken once the data is complete: stale or missing ones make the
        # planners misjudge the row filter (10,000 cases of one team taken for one).
        await Tortoise.get_connection("default").execute_script("ANALYZE")
        a_case = await Case.filter(team__code="TIM-BENCH").first()
        assert a_case is not None
        rows = []
        callers = (("system (no authorization)", SYSTEM), ("leader", leader), ("case-team member", member))
        for first in (10, 100):
            baseline = None
            for name, principal in callers:
                m = await measure(CASE_BOARD, {"first": first}, principal, runs)
                baseline = baseline or m["p50"]
                overhead = f"{(m['p50'] / baseline - 1) * 100:+.0f} %"
                rows.append(
                    (
                        backend,
                        f"case board, page {first}",
                        name,
                        m["statements"],
                        f"{m['p50']:.1f}",
                        f"{m['p99']:.1f}",
                        f"{m['rps']:.1f}",
                        overhead,
                    )
                )
                print(rows[-1], flush=True)
        baseline = None
        for name, principal in callers:
            m = await measure(ONE_CASE, {"id": str(a_case.id)}, principal, runs)
            baseline = baseline or m["p50"]
            rows.append(
                (
                    backend,
                    "one case",
                    name,
                    m["statements"],
                    f"{m['p50']:.1f}",
                    f"{m['p99']:.1f}",
                    f"{m['rps']:.1f}",
                    f"{(m['p50'] / baseline - 1) * 100:+.0f} %",
                )
            )
            print(rows[-1], flush=True)
        m = await measure_mutation(runs)
        rows.append(
            (
                backend,
                "workflow mutation: issue an assignment letter",
                "unit head",
                m["statements"],
                f"{m['p50']:.1f}",
                f"{m['p99']:.1f}",
                f"{m['rps']:.1f}",
                "—",
            )
        )
        print(rows[-1], flush=True)
        return rows
    finally:
        await Tortoise.close_connections()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("PERISAI_BENCH_POSTGRES"),
        help="server URL, e.g. postgres://postgres@127.0.0.1:5432/postgres",
    )
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    rows: list[tuple[Any, ...]] = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += await bench("SQLite", f"sqlite://{tmp}/bench.sqlite3", args.cases, args.runs)
    if args.postgres:
        os.environ["PERISAI_TEST_DATABASE_URL"] = args.postgres
        name = f"perisai_bench_{uuid.uuid4().hex[:8]}"
        await _pg_admin(f'CREATE DATABASE "{name}"')
        try:
            rows += await bench(
                "PostgreSQL", args.postgres.rsplit("/", 1)[0] + "/" + name, args.cases, args.runs
            )
        finally:
            await _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    load_after = os.getloadavg()[0]
    busy = (
        " — other jobs were running: read the ratios and statement counts, and re-measure\n"
        "absolute figures on an idle machine before quoting them"
        if max(load_before, load_after) > (os.cpu_count() or 1) / 2
        else ""
    )
    lines = [
        "# Benchmark results",
        "",
        "`python -m benchmarks.case_board` — in-process GraphQL execution with authorization on,",
        f"over the demo organisation plus {args.cases:,} cases ({args.cases * 3:,} programs, {args.cases:,}",
        f"protectees, decisions and placements) and {EXTRA_STAFF:,} extra staff with a policy line each;",
        f"{args.runs} sequential runs per row after one warm-up. Requests/s is 1 / mean latency, one process.",
        "",
        f"Recorded {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores",
        f"(shared), Python {platform.python_version()}; load average {load_before:.1f} at the start and",
        f"{load_after:.1f} at the end{busy}.",
        "",
        "| backend | request | caller | SQL statements | p50 ms | p99 ms | req/s | vs system p50 |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
        *(f"| {' | '.join(str(c) for c in row)} |" for row in rows),
        "",
        "- Statements are the same for a page of 10 and of 100 (Q-P1): the page, the count, then",
        "  one batched query per relation, whoever asks.",
        '- "vs system" is the cost of authorization (Q-P3: < 20 %): the system principal skips the',
        "  policy check and the row filter; the leader pays the check; the case-team member pays the",
        "  check and a row filter in SQL. Pages of 10 take tens of milliseconds, where a shared",
        "  machine's run-to-run noise is a few milliseconds: the page of 100 is the steadier ratio.",
        "  The case-team member's team reaches every 5th case (10,000 at the default volume). The",
        "  planners need statistics taken after the data is complete (ANALYZE, as autovacuum does in",
        "  service): without them PostgreSQL took the team's 10,000 cases for one and its filtered",
        "  page of 100 cost +273 %.",
        "- The workflow mutation is counted whole: policy check, row scope, the locked record, its",
        "  actor and guards, the letter's gap-free number, the history row and the audit entry; it",
        "  does not depend on the volume of cases.",
        "- Every foreign-key column is indexed (tests/models/test_conventions.py): the batched",
        "  relation queries look rows up by parent id.",
        "",
    ]
    RESULTS.write_text("\n".join(lines))
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    asyncio.run(main())
