"""Who reads what in the protection workflows, through GraphQL (AC-2, AC-12, APP-4, PRO-2, EMG-1): a
partner agency follows the applications it referred or its official requested — and nothing of the
people, the case or the decisions; the officers of a proactive action's team read that action and
its roster; whoever asked for an emergency protection follows it. Each next to the neighbouring read
refused: another agency's referral, another team's action, someone else's emergency protection —
answered as if the id did not exist (AC-12)."""

from __future__ import annotations

import uuid
from typing import Any

from authz.principal import Principal, PrincipalKind
from models.accounts import StaffAccount
from models.assignments import AssignmentLetter
from models.cases import ApplicationChannel, ApplicationInitiator, Case, CrimeType, ProtecteeRole
from models.organisation import Agency, AgencyKind, Position
from models.programs import EmergencyGround, ProgramKind
from tests.accounts.factories import make_account
from tests.client import error_codes, execute
from tests.protection import test_proactive_factories as pro
from tests.protection.factories import NOW, file, principal, world
from tests.protection.test_proactive_factories import Org, as_, case_with_person, organisation
from workflows.applications import APPLICATION
from workflows.applications.inputs import ReferInput
from workflows.assignments import ASSIGNMENT
from workflows.assignments.inputs import AppointInput
from workflows.emergency import EMERGENCY, RequestInput
from workflows.engine import run
from workflows.proactive_actions import PROACTIVE
from workflows.proactive_actions.inputs import FormTeamInput

APPLICATION_ONE = """
query One($id: ID!) {
  application(id: $id) {
    id status channel initiator referredByAgencyId initiatingAgencyId
    case { code }
    applicant { code fullName fullNameMasked }
    decisions { number }
    applicationProgramRequests { programKind }
  }
}
"""
APPLICATIONS = "query Mine { applications(first: 100) { totalCount nodes { id } } }"
PROGRAM_REQUESTS = "query Asked { applicationProgramRequests(first: 100) { totalCount } }"
PEOPLE_AND_PLACES = {
    "cases": "query { cases(first: 10) { totalCount } }",
    "protectees": "query { protectees(first: 10) { totalCount } }",
    "familyMembers": "query { familyMembers(first: 10) { totalCount } }",
    "decisions": "query { decisions(first: 10) { totalCount } }",
    "safeHouses": "query { safeHouses(first: 10) { totalCount } }",
    "placements": "query { placements(first: 10) { totalCount } }",
}
ACTION = "query One($id: ID!) { proactiveAction(id: $id) { code status } }"
ACTIONS = "query { proactiveActions(first: 100) { totalCount nodes { id } } }"
ROSTER = "query { proactiveTeamMembers(first: 100) { totalCount nodes { actionId staffId role } } }"
EMERGENCY_ONE = "query One($id: ID!) { emergencyProtection(id: $id) { code status requestedById } }"
EMERGENCIES = "query { emergencyProtections(first: 100) { totalCount nodes { id } } }"


def data(result: Any, field: str) -> Any:
    assert result.errors is None, result.errors
    return result.data[field]


def token(agency: Agency, *scopes: str) -> Principal:
    """A partner agency's API token with `scopes` (AC-2), as the server builds it."""
    return Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=uuid.uuid4(),
        token_prefix="perisai_pat_reads000",
        agency_id=agency.id,
        scopes=frozenset(scopes),
    )


def referral(**fields: Any) -> ReferInput:
    values: dict[str, Any] = {
        "role": ProtecteeRole.WITNESS,
        "full_name": "Budi Saksi Fiktif",
        "nik": "3174010101880009",
        "address": "Jl. Saksi Fiktif No. 9",
        "crime_type": CrimeType.CORRUPTION,
        "incident_summary": "Saksi perkara korupsi (fiktif).",
        "initiator": ApplicationInitiator.OFFICIAL,
        "initiating_official_name": "AKP Fiktif",
        "requested_programs": [ProgramKind.INFO_CASE_PROGRESS],
    }
    values.update(fields)
    return ReferInput(**values)


# --- AC-2, APP-4: partner agencies -------------------------------------------------------------


async def test_application_read_by_the_referring_agency_only_ac_2_app_4(policies):
    # given: the police refer one application, the hospital another; staff file a third
    w = await world()
    police = token(w.police, "applications:refer")
    hospital = token(w.hospital, "applications:refer")
    ours = await run(APPLICATION, "refer", None, police, referral(), now=NOW)
    theirs = await run(APPLICATION, "refer", None, hospital, referral(nik="3174010101880010"), now=NOW)
    walk_in = await file(w)
    # when
    mine = data(await execute(APPLICATION_ONE, {"id": str(ours.id)}, as_=police), "application")
    listed = data(await execute(APPLICATIONS, as_=police), "applications")
    asked = data(await execute(PROGRAM_REQUESTS, as_=police), "applicationProgramRequests")
    other_agency = await execute(APPLICATION_ONE, {"id": str(theirs.id)}, as_=police)
    staff_filed = await execute(APPLICATION_ONE, {"id": str(walk_in.id)}, as_=police)
    unknown = await execute(APPLICATION_ONE, {"id": str(uuid.uuid4())}, as_=police)
    # then: its own referral, its state and the programs asked for — not the case, the person or the
    # decisions; another agency's referral and a walk-in answer exactly like an unknown id
    assert (mine["status"], mine["channel"], mine["referredByAgencyId"]) == (
        "RECEIVED",
        "REFERRAL",
        str(w.police.id),
    )
    assert (mine["case"], mine["applicant"], mine["decisions"]) == (None, None, [])
    assert mine["applicationProgramRequests"] == [{"programKind": "INFO_CASE_PROGRESS"}]
    assert listed == {"totalCount": 1, "nodes": [{"id": str(ours.id)}]}
    assert asked == {"totalCount": 1}
    for refused in (other_agency, staff_filed):
        assert error_codes(refused) == error_codes(unknown) == ["NOT_FOUND"]
        assert refused.data == unknown.data == {"application": None}


async def test_application_read_by_the_agency_whose_official_requested_it_ac_2_trm_1(policies):
    # given: staff file an application an official of the hospital requested (APP-4, TRM-1b)
    w = await world()
    requested = await file(
        w,
        initiator=ApplicationInitiator.OFFICIAL,
        initiating_official_name="dr. Fiktif, Sp.F",
        initiating_agency_id=w.hospital.id,
        channel=ApplicationChannel.WALK_IN,
    )
    following = token(w.hospital, "applications:read")
    police_following = token(w.police, "applications:read")
    notices_only = token(w.hospital, "notifications:read")
    # when
    seen = data(await execute(APPLICATION_ONE, {"id": str(requested.id)}, as_=following), "application")
    police = await execute(APPLICATION_ONE, {"id": str(requested.id)}, as_=police_following)
    without_scope = await execute(APPLICATIONS, as_=notices_only)
    # then: the hospital follows it without the person; the police (not named) do not find it; a
    # token without an applications scope is refused outright
    assert (seen["initiator"], seen["initiatingAgencyId"], seen["referredByAgencyId"]) == (
        "OFFICIAL",
        str(w.hospital.id),
        None,
    )
    assert (seen["applicant"], seen["case"], seen["decisions"]) == (None, None, [])
    assert error_codes(police) == ["NOT_FOUND"]
    assert error_codes(without_scope) == ["FORBIDDEN"]


async def test_partner_reads_no_people_case_decision_or_safe_house_ac_2_ac_11(policies):
    # given: the police, holding every application scope, referred an application
    w = await world()
    police = token(w.police, "applications:refer", "applications:read")
    await run(APPLICATION, "refer", None, police, referral(), now=NOW)
    # when
    answers = {name: await execute(query, as_=police) for name, query in PEOPLE_AND_PLACES.items()}
    # then: not the identities of anyone, nor the case file, nor where people are kept (SH)
    assert {name: error_codes(result) for name, result in answers.items()} == {
        name: ["FORBIDDEN"] for name in PEOPLE_AND_PLACES
    }


# --- PRO-2, PRO-4: the investigation team ------------------------------------------------------


async def letter_from_own_head(org: Org, officer: StaffAccount) -> uuid.UUID:
    """PRO-4 (SP B.7), ASG-1: the head of the officer's unit assigns them by letter."""
    account = await StaffAccount.get(staff_id=org.other.head_id).prefetch_related("staff__unit")  # type: ignore[attr-defined]
    head = await as_(account)
    given = AppointInput(unit_id=org.other.id, title="Tindakan proaktif", staff_id=officer.staff.id)
    draft = await run(ASSIGNMENT, "appoint", None, head, given, now=NOW)
    await run(ASSIGNMENT, "issue_letter", draft.id, head, now=NOW)
    return (await AssignmentLetter.get(assignment_id=draft.id)).id


async def team_from_another_unit(org: Org) -> tuple[Any, list[StaffAccount]]:
    """PRO-2: an approved action whose team is two officers of a unit outside the application review —
    so only the team path, not the review unit's reading of every action, lets them in."""
    action = await pro.approved(org)
    officers = [org.other_officer, await make_account(position=Position.EXECUTOR, unit=org.other)]
    letters = [await letter_from_own_head(org, officer) for officer in officers]
    team = FormTeamInput(
        officer_ids=[o.staff.id for o in officers],
        lead_id=officers[0].staff.id,
        assignment_letter_ids=letters,
    )
    await run(PROACTIVE, "form_team", action.id, await as_(org.review_head), team, now=NOW)
    return action, officers


async def test_proactive_action_read_by_its_team_not_another_teams_pro_2(policies):
    # given: an action of a team from another unit, and an action of the reviewers' team
    org = await organisation()
    ours, officers = await team_from_another_unit(org)
    other_team = await pro.executing(org)
    member = await as_(officers[1])  # a member, not the lead: the roster, not the lead column, lets in
    colleague = await as_(await make_account(position=Position.EXECUTOR, unit=org.other))
    # when
    own = data(await execute(ACTION, {"id": str(ours.id)}, as_=member), "proactiveAction")
    listed = data(await execute(ACTIONS, as_=member), "proactiveActions")
    roster = data(await execute(ROSTER, as_=member), "proactiveTeamMembers")
    another = await execute(ACTION, {"id": str(other_team.id)}, as_=member)
    off_team = await execute(ACTION, {"id": str(ours.id)}, as_=colleague)
    # then: the team reads its action and its whole roster; not the other team's action, and a colleague
    # of the same unit off the team reads neither
    assert own == {"code": ours.code, "status": "TEAM_FORMED"}
    assert listed == {"totalCount": 1, "nodes": [{"id": str(ours.id)}]}
    assert roster["totalCount"] == 2
    assert {(n["actionId"], n["staffId"]) for n in roster["nodes"]} == {
        (str(ours.id), str(o.staff.id)) for o in officers
    }
    assert error_codes(another) == error_codes(off_team) == ["NOT_FOUND"]
    assert data(await execute(ACTIONS, as_=colleague), "proactiveActions")["totalCount"] == 0


# --- EMG-1: the requester -------------------------------------------------------------------------


async def requested_by(org: Org, officer: StaffAccount) -> Any:
    """EMG-1: `officer`, the case officer, asks for emergency protection of the case's person."""
    _, person = await case_with_person(org, officer)
    given = RequestInput(
        protectee_id=person.id,
        ground=EmergencyGround.LIFE_AT_RISK,
        situation="Korban diancam akan dibunuh malam ini (fiktif).",
    )
    return await run(EMERGENCY, "request", None, await as_(officer), given, now=NOW)


async def test_emergency_protection_read_by_its_requester_not_someone_elses_emg_1(policies):
    # given: an officer outside the rights-fulfilment unit asks, then the case passes to a colleague;
    # another officer asks for someone else's
    org = await organisation()
    requester = org.other_officer
    mine = await requested_by(org, requester)
    successor = await make_account(position=Position.EXECUTOR, unit=org.other)
    await Case.filter(id=mine.case_id).update(case_officer_id=successor.staff.id)
    someone_elses = await requested_by(org, org.legal_officer)
    asker = await as_(requester)
    # when
    own = data(await execute(EMERGENCY_ONE, {"id": str(mine.id)}, as_=asker), "emergencyProtection")
    listed = data(await execute(EMERGENCIES, as_=asker), "emergencyProtections")
    by_case = data(
        await execute(EMERGENCY_ONE, {"id": str(mine.id)}, as_=await as_(successor)), "emergencyProtection"
    )
    other = await execute(EMERGENCY_ONE, {"id": str(someone_elses.id)}, as_=asker)
    stranger = await execute(
        EMERGENCY_ONE,
        {"id": str(mine.id)},
        as_=await as_(await make_account(position=Position.EXECUTOR, unit=org.other)),
    )
    # then: the requester still follows theirs off the case, beside the new case officer; not another's,
    # and a colleague of the same unit without either tie reads none
    assert own == {"code": mine.code, "status": "REQUESTED", "requestedById": str(requester.staff.id)}
    assert listed == {"totalCount": 1, "nodes": [{"id": str(mine.id)}]}
    assert by_case["code"] == mine.code
    assert error_codes(other) == error_codes(stranger) == ["NOT_FOUND"]


async def test_partner_of_another_kind_reads_nothing_without_a_referral_ac_2(policies):
    # given: a district service's token with the application scopes and nothing referred or requested
    w = await world()
    await file(w)
    service = await Agency.create(
        code="DINSOS-FIKTIF", name="Dinas Fiktif", kind=AgencyKind.DISTRICT_SOCIAL_SERVICE
    )
    # when
    listed = data(
        await execute(APPLICATIONS, as_=token(service, "applications:refer", "applications:read")),
        "applications",
    )
    # then
    assert listed == {"totalCount": 0, "nodes": []}


# --- APP-3, AC-5: who received an application follows it ---------------------------------------------


async def test_application_read_by_the_officer_who_received_it_not_by_another_app_3_ac_12(policies):
    # given: a regional office's officer takes an application in (APP-3); another officer did not
    w = await world()
    received = await file(w, by="regional_officer")
    another = await make_account(position=Position.EXECUTOR, unit=await w.regional_officer.staff.unit)
    # when
    own = await execute(APPLICATION_ONE, {"id": str(received.id)}, as_=await w.as_("regional_officer"))
    other = await execute(APPLICATION_ONE, {"id": str(received.id)}, as_=await w.as_("outsider"))
    colleague = await execute(APPLICATIONS, as_=await principal(another))
    # then: the receiver follows the application — not the person or the case, which are the case
    # team's and the review's (AC-11, AC-12: out of reach, the links answer null)
    found = data(own, "application")
    assert (found["id"], found["channel"], found["status"]) == (str(received.id), "WALK_IN", "RECEIVED")
    assert (found["applicant"], found["case"]) == (None, None)
    # and nobody else of the office or outside it learns it exists (AC-12)
    assert error_codes(other) == ["NOT_FOUND"]
    assert data(colleague, "applications")["totalCount"] == 0
