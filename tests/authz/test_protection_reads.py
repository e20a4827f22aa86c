"""Reads of the protection domain per role, through GraphQL (DEC-1, ADM-1, MON-1, APP-3, AC-11, AC-12).

The application-review unit reads every application with its case and people, the rights-fulfilment
unit every program with its letters — both with the people's identities masked. The three tiers of
AC-11 on one protected person: public fields (codes, statuses) for every reader, internal ones (case
facts) for LPSK's readers and not for a partner following the application, secret ones (name,
national ID, phone, address) in clear only for the leaders, the rights-fulfilment bureau head and the
case team — null with a masked form for everyone else. Duplicates by national ID reach a reviewer as
a match by code, never as the other case's identities.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from authz.principal import Principal, PrincipalKind
from models.assignments import Team, TeamMembership, TeamStatus
from models.cases import Application, ApplicationInitiator, Case, ProtecteeRole
from models.documents import Document
from models.organisation import Position, Unit, UnitFunction
from models.programs import ProtectionProgram
from tests.accounts.factories import make_account, make_unit
from tests.client import error_codes, execute
from tests.protection.factories import DAY, NIK, TODAY, World, accepted, file, principal, world

NAME, PHONE, ADDRESS = "Siti Contoh Fiktif", "0812-0000-0001", "Jl. Contoh No. 1, Kota Fiktif"
INCIDENT = "Peristiwa fiktif untuk pengujian."

PERSON = """
query One($id: ID!) {
  protectee(id: $id) {
    code status role
    fullName fullNameMasked nik nikMasked phone phoneMasked address addressMasked
    case { code status incidentSummary }
  }
}
"""
FOLLOWED = "query One($id: ID!) { application(id: $id) { status case { code } applicant { code } } }"
SECRET = ("fullName", "nik", "phone", "address")
BY_NIK = """
query ByNik($nik: String!) {
  protectees(first: 100, filter: {nik: $nik}) {
    totalCount nodes { code caseId fullName fullNameMasked nik nikMasked }
  }
}
"""
DUPLICATES = "query One($id: ID!) { application(id: $id) { possibleDuplicateCount possibleDuplicates } }"
COUNTS = {
    "applications": "query { applications(first: 100) { totalCount } }",
    "cases": "query { cases(first: 100) { totalCount } }",
    "protectees": "query { protectees(first: 100) { totalCount } }",
    "decisions": "query { decisions(first: 100) { totalCount } }",
    "protectionPrograms": "query { protectionPrograms(first: 100) { totalCount } }",
    "documents": "query { documents(first: 100) { totalCount } }",
}


def data(result: Any, field: str) -> Any:
    assert result.errors is None, result.errors
    return result.data[field]


async def counts(principal: Principal | None) -> dict[str, int | str]:
    """Rows per list the caller reaches, or the refusal's code."""
    found: dict[str, int | str] = {}
    for name, query in COUNTS.items():
        result = await execute(query, as_=principal)
        found[name] = error_codes(result)[0] if result.errors else result.data[name]["totalCount"]
    return found


async def people(w: World) -> tuple[Application, dict[str, Principal]]:
    """An application a regional office received (its case owned there, out of every other unit's
    subtree), its case team, and one principal per reader."""
    filed = await file(w, by="regional_officer")
    regional = await Unit.get(id=w.regional_officer.staff.unit_id)  # type: ignore[attr-defined]
    regional_id = regional.id
    member = await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=regional)
    team = await Team.create(
        code=f"TIM-{uuid.uuid4().hex[:8]}",
        name="Tim kasus",
        owning_unit_id=regional_id,
        status=TeamStatus.ACTIVE,
    )
    await TeamMembership.create(
        team=team, staff=member.staff, home_unit_id=regional_id, joined_on=TODAY - 10 * DAY
    )
    await Case.filter(id=filed.case_id).update(team_id=team.id)  # type: ignore[attr-defined]
    oversight = await make_account(
        position=Position.FUNCTIONAL_OFFICIAL, unit=await make_unit(UnitFunction.OVERSIGHT)
    )
    admin = await make_account(is_system_admin=True)
    readers = {
        role: await w.as_(role) for role in ("leader", "chair", "rights_head", "reviewer", "review_head")
    }
    readers |= {
        "rights_officer": await w.as_("rights_officer"),
        "team_member": await principal(member),
        "oversight": await principal(oversight),
        "system_admin": await principal(admin),
    }
    return filed, readers


async def person_as(reader: Principal, filed: Application) -> dict[str, Any]:
    """The applicant of `filed`, as `reader` reads them."""
    result = await execute(PERSON, {"id": str(filed.applicant_id)}, as_=reader)  # type: ignore[attr-defined]
    return data(result, "protectee")  # type: ignore[no-any-return]


ENTITLED = ("leader", "chair", "rights_head", "team_member")
NOT_ENTITLED = ("reviewer", "review_head", "rights_officer", "oversight", "system_admin")


# --- DEC-1, ADM-1, MON-1: what the two units read ---------------------------------------------------


async def test_reads_application_review_unit_reads_every_application_not_the_programs_dec_1(policies):
    # given: one application received at a regional office, one decided
    w = await world()
    await file(w, by="regional_officer")
    await accepted(w)
    outsider = await w.as_("outsider")
    # when
    reviewer = await counts(await w.as_("reviewer"))
    neighbour = await counts(outsider)
    # then: every application with its case, person and decision — none of the programs or letters,
    # which are the rights-fulfilment unit's; an officer of another unit reaches nothing
    assert reviewer == {
        "applications": 2,
        "cases": 2,
        "protectees": 2,
        "decisions": 1,
        "protectionPrograms": 0,
        "documents": 0,
    }
    assert neighbour == dict.fromkeys(COUNTS, 0)


async def test_reads_rights_fulfilment_unit_reads_every_program_and_letter_not_applications_adm_1_mon_1(
    policies,
):
    # given: an accepted application (programs, letters, agreement, statement) and one still received
    w = await world()
    decision = await accepted(w)
    await file(w, by="regional_officer")
    # when
    officer = await counts(await w.as_("rights_officer"))
    # then: the programs with their decision, letters, cases and people; not the applications
    assert officer == {
        "applications": 0,
        "cases": 2,
        "protectees": 2,
        "decisions": 1,
        "protectionPrograms": await ProtectionProgram.filter(decision_id=decision.id).count(),
        "documents": await Document.filter(decision_id=decision.id).count(),
    }
    assert officer["protectionPrograms"] == 2 and officer["documents"] == 4


# --- AC-11: the three tiers -------------------------------------------------------------------------


async def test_public_tier_codes_and_statuses_reach_every_reader_ac_11(policies):
    # given
    w = await world()
    filed, readers = await people(w)
    applicant = await Application.get(id=filed.id).prefetch_related("applicant", "case")
    # when
    seen = {role: await person_as(p, filed) for role, p in readers.items()}
    # then
    for role, person in seen.items():
        assert (person["code"], person["status"], person["role"]) == (
            applicant.applicant.code,
            "APPLICANT",
            "VICTIM",
        ), role
        assert (person["case"]["code"], person["case"]["status"]) == (applicant.case.code, "OPEN"), role


async def test_internal_tier_case_facts_reach_lpsk_readers_not_a_following_partner_ac_11_ac_2(policies):
    # given: the police's official requested the protection, so the police's token follows it
    w = await world()
    filed, readers = await people(w)
    await Application.filter(id=filed.id).update(
        initiator=ApplicationInitiator.OFFICIAL, initiating_agency_id=w.police.id
    )
    police = Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=uuid.uuid4(),
        agency_id=w.police.id,
        scopes=frozenset({"applications:read"}),
    )
    # when
    facts = {role: (await person_as(p, filed))["case"]["incidentSummary"] for role, p in readers.items()}
    followed = data(await execute(FOLLOWED, {"id": str(filed.id)}, as_=police), "application")
    person = await execute(PERSON, {"id": str(filed.applicant_id)}, as_=police)  # type: ignore[attr-defined]
    # then: the facts for LPSK's readers; the partner follows its application, not the case file or person
    assert facts == dict.fromkeys(readers, INCIDENT)
    assert followed == {"status": "RECEIVED", "case": None, "applicant": None}
    assert error_codes(person) == ["FORBIDDEN"]


@pytest.mark.parametrize(
    ("role", "clear"), [*((r, True) for r in ENTITLED), *((r, False) for r in NOT_ENTITLED)]
)
async def test_secret_tier_identity_in_clear_only_for_the_entitled_ac_11(policies, role, clear):
    # given
    w = await world()
    filed, readers = await people(w)
    # when
    person = await person_as(readers[role], filed)
    # then: the masked forms for all; the values only for the leaders, the bureau head and the case team
    masked = {f: person[f"{f}Masked"] for f in SECRET}
    assert masked == {"fullName": "S***f", "nik": "3***1", "phone": "0***1", "address": "J***f"}
    values = {f: person[f] for f in SECRET}
    if clear:
        assert values == {"fullName": NAME, "nik": NIK, "phone": PHONE, "address": ADDRESS}
    else:
        assert values == dict.fromkeys(SECRET)


# --- APP-3, AC-11: duplicates by national ID --------------------------------------------------------


async def test_duplicate_by_national_id_shows_the_reviewer_the_match_not_the_identity_app_3_ac_11(policies):
    # given: a person received at a regional office; the same national ID, written otherwise and under
    # another name, filed again by the review unit
    w = await world()
    first, _ = await people(w)
    first_case = await Case.get(id=first.case_id)  # type: ignore[attr-defined]
    reviewer = await w.as_("reviewer")
    second = await file(w, full_name="Nama Samaran", nik="3174-0101-0190-0001", role=ProtecteeRole.WITNESS)
    # when
    flagged = data(await execute(DUPLICATES, {"id": str(second.id)}, as_=reviewer), "application")
    as_reviewer = data(await execute(BY_NIK, {"nik": NIK}, as_=reviewer), "protectees")
    as_leader = data(await execute(BY_NIK, {"nik": NIK}, as_=await w.as_("leader")), "protectees")
    as_outsider = data(await execute(BY_NIK, {"nik": NIK}, as_=await w.as_("outsider")), "protectees")
    # then: the reviewer learns where to look — the other case's code, the person's code and role — and
    # finds both people by the blind index, masked; the leader sees the same rows in clear
    [match] = flagged["possibleDuplicates"]
    assert flagged["possibleDuplicateCount"] == 1
    assert (match["caseCode"], match["as"]) == (first_case.code, "victim")
    assert NAME not in str(flagged) and NIK not in str(flagged) and "Siti" not in str(flagged)
    assert as_reviewer["totalCount"] == 2 and match["protecteeCode"] in {
        n["code"] for n in as_reviewer["nodes"]
    }
    assert {(n["fullName"], n["nik"]) for n in as_reviewer["nodes"]} == {(None, None)}
    assert {n["fullNameMasked"] for n in as_reviewer["nodes"]} == {"S***f", "N***n"}
    assert {n["fullName"] for n in as_leader["nodes"]} == {NAME, "Nama Samaran"}
    assert as_outsider == {"totalCount": 0, "nodes": []}
