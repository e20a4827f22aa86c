"""No N+1 (Q-P1): a nested page costs the same few statements for 10 rows as for 100."""

from __future__ import annotations

import datetime as dt
import uuid

from authz.principal import Principal, PrincipalKind
from models.cases import Case, CrimeType, Decision, Protectee, ProtecteeRole
from models.organisation import Unit, UnitFunction, UnitKind
from models.placements import Placement, PlacementKind
from models.programs import ProgramFamily, ProgramKind, ProtectionProgram
from models.safe_houses import SafeHouse
from tests.client import execute
from tests.conftest import count_queries

CASE_BOARD = """
query CaseBoard($first: Int!) {
  cases(first: $first, orderBy: CODE) {
    totalCount
    edges {
      cursor
      node {
        code crimeType status
        owningUnit { code name parent { code } }
        protectees { code role fullNameMasked }
        protectionPrograms { code kind status decision { number } }
        placements { code status house { code } }
      }
    }
  }
}
"""


async def seed_cases(count: int) -> None:
    root = await Unit.create(
        code="SETJEN", name="Sekretariat", kind=UnitKind.SECRETARIAT, function=UnitFunction.SECRETARIAT
    )
    unit = await Unit.create(
        code="BIRO-PH",
        name="Biro Pemenuhan Hak",
        kind=UnitKind.BUREAU,
        function=UnitFunction.RIGHTS_FULFILMENT,
        parent=root,
    )
    house = await SafeHouse.create(code="RA-01", capacity=200, managing_unit=unit)
    today = dt.date(2026, 11, 23)
    now = dt.datetime(2026, 11, 23, 8, tzinfo=dt.UTC)
    for i in range(count):
        case = await Case.create(
            code=f"KASUS-2026-{i:04d}",
            crime_type=CrimeType.TRAFFICKING,
            incident_summary="Peristiwa fiktif.",
            owning_unit=unit,
        )
        decision = await Decision.create(number=f"KEP-{i:04d}", decided_on=today, case=case)
        for j in range(2):
            person = await Protectee.create(
                code=f"TL-{i:04d}-{j}",
                case=case,
                role=ProtecteeRole.WITNESS,
                full_name=f"Saksi Fiktif {i} {j}",
            )
            await ProtectionProgram.create(
                code=f"PRG-{i:04d}-{j}",
                kind=ProgramKind.SAFE_HOUSE,
                family=ProgramFamily.RIGHTS_FULFILMENT,
                period_start=today,
                period_end=today + dt.timedelta(days=180),
                case=case,
                decision=decision,
                protectee=person,
            )
        await Placement.create(
            code=f"PLC-{i:04d}",
            kind=PlacementKind.REGULAR,
            requested_at=now,
            case=case,
            protectee=person,
            house=house,
        )


# A leader reads the whole protection domain (AC-6): the scope adds no join, the count stays honest.
LEADER = Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position="leader")


async def statements_for(first: int) -> tuple[int, dict]:
    with count_queries() as statements:
        result = await execute(CASE_BOARD, {"first": first}, as_=LEADER)
    assert result.errors is None, result.errors
    return len(statements), result.data


async def test_case_board_page_of_100_costs_what_a_page_of_10_costs_q_p1(policies):
    # given
    await seed_cases(100)
    # when
    small, small_data = await statements_for(10)
    large, large_data = await statements_for(100)
    # then
    assert len(large_data["cases"]["edges"]) == 100 and len(small_data["cases"]["edges"]) == 10
    node = large_data["cases"]["edges"][99]["node"]
    assert len(node["protectees"]) == 2 and len(node["protectionPrograms"]) == 2
    assert node["placements"][0]["house"] == {"code": "RA-01"}
    assert [p["fullNameMasked"] for p in node["protectees"]] == ["S***0", "S***1"]
    # page + count + unit + parent unit + protectees + programs + decisions + placements + houses
    assert small == large
    assert large <= 9
