"""`staffSearch` (ORG-5): whom a unit head may appoint, by competency, unit (with the units below it)
and current load; scoped by what the caller may read (AC-12); a page costs the same few statements
whatever its size (Q-P1); per demo role, only staff search."""

from __future__ import annotations

from typing import Any

import pytest

from models.organisation import Competency, CompetencyLevel, Position, StaffCompetency
from tests.approvals.factories import make_account
from tests.authz.demo_roles import ROLES
from tests.client import error_codes, execute
from tests.conftest import count_queries
from tests.organisation.assignment_path_factories import step, team_assignment
from tests.workflows.factories import appoint, organisation, principal
from workflows.assignments import ASSIGNMENT

SEARCH = """
query Search($first: Int!, $after: String, $filter: StaffSearchFilter, $orderBy: StaffSearchOrder!) {
  staffSearch(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        activeAssignments
        staff { id fullName position unit { code } staffCompetencies { level competency { code } } }
      }
    }
  }
}
"""
PROBE = "query Probe { staffSearch(first: 1) { totalCount } }"


def page(result: Any) -> dict[str, Any]:
    assert result.errors is None, result.errors
    return result.data["staffSearch"]


def ids(found: dict[str, Any]) -> list[str]:
    return [edge["node"]["staff"]["id"] for edge in found["edges"]]


async def skilled(account: Any, code: str, level: CompetencyLevel) -> None:
    competency, _ = await Competency.get_or_create(code=code, defaults={"name": code})
    await StaffCompetency.create(staff=account.staff, competency=competency, level=level)


async def searched(
    as_: Any, first: int = 20, after: str | None = None, order: str = "LOAD", **criteria: Any
) -> Any:
    variables = {"first": first, "after": after, "filter": criteria or None, "orderBy": order}
    return await execute(SEARCH, variables, as_=as_)


async def staffed_organisation() -> Any:
    """Two divisions under a bureau; competencies on three people; loads 2, 1, 0, 0."""
    org = await organisation()
    await skilled(org.staff[0], "psychology", CompetencyLevel.ADVANCED)
    await skilled(org.staff[1], "psychology", CompetencyLevel.BASIC)
    await skilled(org.staff[1], "law", CompetencyLevel.EXPERT)
    await skilled(org.other_staff[0], "psychology", CompetencyLevel.EXPERT)
    await team_assignment(org)  # staff[0] leads, staff[1] is on it: one each
    await step(ASSIGNMENT, "issue_letter", await appoint(org), org.head)  # staff[0]: a second
    await appoint(org, staff_id=org.staff[1].staff.id)  # a draft is not load yet
    return org


async def test_staff_search_by_competency_unit_and_load_org_5(policies):
    # given: the bureau head, whose subtree holds both divisions
    org = await staffed_organisation()
    bureau_head = await principal(org.parent_head)
    # when
    by_competency = page(
        await searched(
            bureau_head, competencies=["psychology"], minLevel="ADVANCED", unitId=str(org.parent.id)
        )
    )
    by_load = page(await searched(bureau_head, unitId=str(org.unit.id)))
    light = page(await searched(bureau_head, unitId=str(org.parent.id), maxLoad=0))
    both = page(await searched(bureau_head, competencies=["psychology", "law"]))
    # then: every competency named at the level asked, within the subtree
    assert sorted(ids(by_competency)) == sorted(
        [str(org.staff[0].staff.id), str(org.other_staff[0].staff.id)]
    )
    assert [(e["node"]["staff"]["id"], e["node"]["activeAssignments"]) for e in by_load["edges"]] == [
        (str(org.staff[1].staff.id), 1),
        (str(org.staff[0].staff.id), 2),
    ]
    assert by_load["totalCount"] == 2  # the head is not a candidate: heads appoint (Pasal 9(1))
    assert sorted(ids(light)) == sorted(str(a.staff.id) for a in org.other_staff)
    assert light["totalCount"] == 2
    assert ids(both) == [str(org.staff[1].staff.id)]
    node = by_load["edges"][0]["node"]["staff"]
    assert node["unit"] == {"code": org.unit.code}
    assert sorted((c["competency"]["code"], c["level"]) for c in node["staffCompetencies"]) == [
        ("law", "EXPERT"),
        ("psychology", "BASIC"),
    ]


async def test_staff_search_competencies_one_may_not_read_do_not_match_ac_12(policies):
    # given: a division head reads the competencies of their own division only
    org = await staffed_organisation()
    head = await principal(org.head)
    # when
    found = page(await searched(head, competencies=["psychology"]))
    everyone = page(await searched(head, unitId=str(org.other.id)))
    # then: the other division's psychologist is not found by competency, though on the org chart
    assert sorted(ids(found)) == sorted([str(org.staff[0].staff.id), str(org.staff[1].staff.id)])
    assert found["totalCount"] == 2
    assert [n["node"]["staff"]["staffCompetencies"] for n in everyone["edges"]] == [[], []]


async def test_staff_search_pages_by_cursor_in_load_and_name_order_org_5(policies):
    # given
    org = await staffed_organisation()
    bureau_head = await principal(org.parent_head)
    for order in ("LOAD", "NAME"):
        # when: one row at a time
        seen: list[str] = []
        after = None
        while True:
            current = page(
                await searched(bureau_head, first=1, after=after, order=order, unitId=str(org.parent.id))
            )
            seen += ids(current)
            if not current["pageInfo"]["hasNextPage"]:
                break
            after = current["pageInfo"]["endCursor"]
        whole = page(await searched(bureau_head, first=10, order=order, unitId=str(org.parent.id)))
        # then: the same rows in the same order, each once
        assert seen == ids(whole) and len(seen) == whole["totalCount"] == 4


async def test_staff_search_with_a_bad_cursor_or_criteria_is_refused_org_5(policies):
    # given
    org = await organisation()
    head = await principal(org.head)
    # when
    bad_cursor = await searched(head, after="bm90LWEtY3Vyc29y")
    bad_load = await searched(head, maxLoad=-1)
    too_many = await searched(head, competencies=[f"c{i}" for i in range(11)])
    # then
    assert error_codes(bad_cursor) == error_codes(bad_load) == error_codes(too_many) == ["VALIDATION"]


async def test_staff_search_page_costs_the_same_statements_for_any_size_q_p_1(policies):
    # given: twelve candidates with competencies and assignments
    org = await staffed_organisation()
    for i in range(8):
        account = await make_account(position=Position.EXECUTOR, unit=org.unit)
        await skilled(account, "psychology", CompetencyLevel.INTERMEDIATE)
        await skilled(account, f"skill-{i}", CompetencyLevel.BASIC)
    bureau_head = await principal(org.parent_head)
    await searched(bureau_head, first=2)  # policies and the unit tree are read once per process
    # when
    with count_queries() as small:
        few = page(await searched(bureau_head, first=3))
    with count_queries() as large:
        many = page(await searched(bureau_head, first=12))
    # then
    assert (len(few["edges"]), len(many["edges"])) == (3, 12)
    assert len(small) == len(large), (small, large)
    assert len(large) <= 5, large


@pytest.mark.parametrize("role", ROLES)
async def test_staff_search_per_demo_role_org_5(demo, role):
    # when
    result = await execute(PROBE, as_=demo[role])
    # then: staff search the organisation chart (AC-1); partners and reporters do not
    expected = {"anonymous": ["UNAUTHENTICATED"], "reporter": ["FORBIDDEN"], "partner": ["FORBIDDEN"]}
    assert error_codes(result) == expected.get(role, [])
