"""Scoped lists and masked secret fields on the demo organisation, per role (AC-11, AC-12).

Counts and pages come from one SQL query restricted by the caller's scopes: a page never
hides rows after the fact and `totalCount` never counts a row the caller cannot read. Secret
fields are `null` with a masked form for everyone but the case team, the rights-fulfilment
bureau head, the safe-house managers (their residents) and the leaders, and every disclosure
in clear is itself audited.
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from authz import units
from models.assignments import TeamMembership
from models.audit import AuditEntry
from models.cases import Case, Protectee
from models.organisation import Staff, Unit, UnitFunction
from models.placements import Placement
from models.violence_reports import ViolenceReport
from tests.client import error_codes, execute
from tests.organisation.conftest import as_staff

CASES = """
query Cases($first: Int!, $after: String) {
  cases(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id } }
  }
}
"""

PROTECTEES = """
query Protectees {
  protectees(first: 100) { totalCount edges { node { id fullName fullNameMasked } } }
}
"""

REPORTS = """
query Reports { violenceReports(first: 100) { totalCount edges { node { id } } } }
"""

ACTIVE_PLACEMENT = ("approved", "preparing", "placed", "terminating")


async def every_case_id(principal: Any) -> tuple[int, list[str]]:
    """Walks the case list five at a time → (totalCount, every id seen)."""
    seen: list[str] = []
    after = None
    while True:
        result = await execute(CASES, {"first": 5, "after": after}, as_=principal)
        assert result.errors is None, result.errors
        page = result.data["cases"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return page["totalCount"], seen
        after = page["pageInfo"]["endCursor"]


async def reachable_case_ids(principal: Any) -> set[str]:
    """What AC-5/AC-8 say a staff member reaches, computed apart from the scope code."""
    await units.ensure_fresh()
    condition = Q(case_officer_id=principal.staff_id)
    if principal.team_ids:
        condition |= Q(team_id__in=list(principal.team_ids))
    if principal.headed_unit_ids:
        condition |= Q(owning_unit_id__in=list(units.descendants(principal.headed_unit_ids)))
    return {str(i) for i in await Case.filter(condition).values_list("id", flat=True)}


async def test_cases_leader_and_oversight_count_every_case_ac_12(demo):
    # given
    total = await Case.all().count()
    # when
    counts = {role: (await every_case_id(demo[role]))[0] for role in ("leader", "oversight")}
    # then
    assert total > 0 and counts == {"leader": total, "oversight": total}


async def regional_team_member() -> Any:
    """A member of a case team at a regional office: no unit-wide read of the protection files, so
    what they reach is AC-8's alone (the demo's team member is on the rights-fulfilment bureau's staff)."""
    offices = await Unit.filter(function=UnitFunction.REGIONAL).values_list("id", flat=True)
    case_teams = await Case.filter(team_id__isnull=False).values_list("team_id", flat=True)
    for membership in await TeamMembership.filter(
        staff__unit_id__in=list(offices), team_id__in=list(set(case_teams)), left_on__isnull=True
    ).order_by("staff__employee_number"):
        principal = await as_staff(await Staff.get(id=membership.staff_id))  # type: ignore[attr-defined]
        if principal.team_ids:
            return principal
    raise AssertionError("the demo has no case team at a regional office")


async def test_cases_team_member_pages_hold_exactly_the_reachable_cases_ac_8_ac_12(demo):
    # given
    member = await regional_team_member()
    expected = await reachable_case_ids(member)
    # when
    total, seen = await every_case_id(member)
    # then: no row hidden from a page, none counted that is not shown
    assert 0 < len(expected) < await Case.all().count()
    assert total == len(seen) == len(set(seen)) and set(seen) == expected


async def test_cases_unit_head_reaches_the_subtree_only_ac_5_ac_12(demo):
    # given: the head of a regional office (the review bureau's head reads every case, DEC-1)
    office = await Unit.filter(function=UnitFunction.REGIONAL, head_id__isnull=False).order_by("code").first()
    head = await as_staff(await Staff.get(id=office.head_id))
    expected = await reachable_case_ids(head)
    # when
    total, seen = await every_case_id(head)
    # then
    assert 0 < total == len(seen) and set(seen) == expected
    assert total < await Case.all().count()


async def test_cases_review_and_rights_units_count_every_case_dec_1_adm_1(demo):
    # given: the review bureau's head and a rights-fulfilment officer (the demo's team member)
    total = await Case.all().count()
    # when
    counts = {role: (await every_case_id(demo[role]))[0] for role in ("unit_head", "team_member")}
    # then: every application is reviewed there, every program carried out there
    assert counts == {"unit_head": total, "team_member": total}


async def test_cases_executor_outside_every_team_counts_nothing_ac_12(demo):
    # when
    total, seen = await every_case_id(demo["executor"])
    # then
    assert (total, seen) == (0, [])


async def test_cases_partner_and_reporter_are_forbidden_ac_2_ac_3(demo):
    # when
    answers = [await execute(CASES, {"first": 5}, as_=demo[role]) for role in ("partner", "reporter")]
    # then
    assert [error_codes(a) for a in answers] == [["FORBIDDEN"], ["FORBIDDEN"]]


async def test_violence_reports_partner_sees_only_its_agency_and_reporter_only_own_ac_2_ac_3(demo):
    # given
    partner, reporter = demo["partner"], demo["reporter"]
    agency_rows = await ViolenceReport.filter(agency_id=partner.agency_id).count()
    own_rows = await ViolenceReport.filter(reporter_id=reporter.reporter_id).count()
    # when
    as_partner = await execute(REPORTS, as_=partner)
    as_reporter = await execute(REPORTS, as_=reporter)
    # then
    assert as_partner.data["violenceReports"]["totalCount"] == agency_rows
    assert as_reporter.data["violenceReports"]["totalCount"] == own_rows >= 1
    assert own_rows < await ViolenceReport.all().count()


def names(result: Any) -> dict[str, tuple[str | None, str | None]]:
    assert result.errors is None, result.errors
    return {
        e["node"]["id"]: (e["node"]["fullName"], e["node"]["fullNameMasked"])
        for e in result.data["protectees"]["edges"]
    }


async def test_protectees_leader_and_rights_head_read_names_in_clear_ac_11(demo):
    # when
    seen = {role: names(await execute(PROTECTEES, as_=demo[role])) for role in ("leader", "rights_head")}
    # then
    for rows in seen.values():
        assert len(rows) == await Protectee.all().count()
        assert all(clear and masked and clear != masked for clear, masked in rows.values())


async def test_protectees_oversight_and_system_admin_get_null_and_masked_form_ac_10_ac_4(demo):
    # when
    seen = {role: names(await execute(PROTECTEES, as_=demo[role])) for role in ("oversight", "system_admin")}
    # then: every row, no identity
    for rows in seen.values():
        assert len(rows) == await Protectee.all().count()
        assert all(clear is None and masked and "*" in masked for clear, masked in rows.values())


async def test_protectees_team_member_reads_own_team_names_only_ac_8_ac_11(demo):
    # given
    member = demo["team_member"]
    team_case_ids = {
        str(i) for i in await Case.filter(team_id__in=list(member.team_ids)).values_list("id", flat=True)
    }
    mine = {
        str(i) for i in await Protectee.filter(case_id__in=list(team_case_ids)).values_list("id", flat=True)
    }
    # when
    rows = names(await execute(PROTECTEES, as_=member))
    # then
    assert mine and set(rows) >= mine
    assert all(rows[i][0] is not None for i in mine)
    assert all(rows[i][0] is None for i in set(rows) - mine)


async def test_protectees_house_manager_reads_current_residents_only_ac_11(demo):
    # given
    manager = demo["house_manager"]
    residents = {
        str(i)
        for i in await Placement.filter(
            house_id__in=list(manager.managed_house_ids), status__in=ACTIVE_PLACEMENT
        ).values_list("protectee_id", flat=True)
    }
    # when
    rows = names(await execute(PROTECTEES, as_=manager))
    team_protectees = {
        str(i)
        for i in await Protectee.filter(case__team_id__in=list(manager.team_ids)).values_list("id", flat=True)
    }
    # then: residents in clear; any other row the manager reaches (own cases) stays masked
    assert residents and set(rows) >= residents
    assert all(rows[i][0] is not None for i in residents)
    assert all(rows[i][0] is None for i in set(rows) - residents - team_protectees)


async def test_protectees_executor_sees_no_row_ac_12(demo):
    # when
    result = await execute(PROTECTEES, as_=demo["executor"])
    # then
    assert result.data["protectees"] == {"totalCount": 0, "edges": []}


async def test_protectees_disclosure_in_clear_is_audited_and_masked_read_is_not_ac_13(demo):
    # given
    before = await AuditEntry.filter(action="secret_fields.read").count()
    # when
    await execute(PROTECTEES, as_=demo["oversight"])
    after_masked = await AuditEntry.filter(action="secret_fields.read").count()
    await execute(PROTECTEES, as_=demo["leader"])
    # then
    entries = await AuditEntry.filter(action="secret_fields.read").order_by("sequence")
    assert after_masked == before
    assert len(entries) == before + 1
    entry = entries[-1]
    assert entry.subject_type == "Protectee" and entry.principal_ref == str(demo["leader"].staff_id)
    assert len(entry.changes["ids"]) == await Protectee.all().count()
    assert not any(
        p.full_name in str(entry.changes) for p in await Protectee.all() if isinstance(p.full_name, str)
    )


CASE = """
query OneCase($id: ID!) { case(id: $id) { code } }
"""


async def test_case_lookup_of_unreachable_id_answers_like_unknown_id_ac_12(demo):
    # given: a case the executor cannot reach, and an id that exists nowhere
    hidden = await Case.all().order_by("code").first()
    # when
    unreachable = await execute(CASE, {"id": str(hidden.id)}, as_=demo["executor"])
    unknown = await execute(CASE, {"id": "2d1c7c62-3f0e-4d38-9a43-1f0b8f9a1e55"}, as_=demo["executor"])
    # then: no existence leak
    assert unreachable.data == unknown.data == {"case": None}
    assert [e.formatted for e in unreachable.errors] == [e.formatted for e in unknown.errors]
    assert error_codes(unreachable) == ["NOT_FOUND"]
