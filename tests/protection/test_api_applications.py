"""Applications and decisions through GraphQL, as the roles of the demo organisation: the
application-review unit files and reviews, a partner refers, the leaders decide; identities are
masked for everyone not entitled (AC-11) and duplicates are shown by code only (APP-3, APP-4,
DEC-1, DEC-2) — every way around refused with nothing changed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from models.cases import Application
from models.programs import ProgramKind
from tests.client import error_codes, execute
from tests.organisation.conftest import Demo
from tests.protection.factories import snapshot
from workflows.engine import LOCAL_TIMEZONE
from workflows.history import utcnow

FILE = """
mutation File($input: ApplicationFileInput!) {
  applicationFile(input: $input) {
    __typename
    ... on ApplicationFileSuccess { record { id number status channel initiator possibleDuplicateCount case { code } } }
    ... on MutationError { code message field rule }
  }
}
"""
REFER = """
mutation Refer($input: ApplicationReferInput!) {
  applicationRefer(input: $input) {
    __typename
    ... on ApplicationReferSuccess { record { id status channel referredByAgencyId initiatingAgencyId } }
    ... on MutationError { code message field rule }
  }
}
"""
START_REVIEW = """
mutation Start($id: ID!, $input: ApplicationStartReviewInput!) {
  applicationStartReview(id: $id, input: $input) {
    __typename
    ... on ApplicationStartReviewSuccess { record { status reviewerId reviewUnitId } }
    ... on MutationError { code message field rule }
  }
}
"""
COMPLETE_REVIEW = """
mutation Complete($id: ID!, $input: ApplicationCompleteReviewInput!) {
  applicationCompleteReview(id: $id, input: $input) {
    __typename
    ... on ApplicationCompleteReviewSuccess { record { status reviewSummary } }
    ... on MutationError { code message field rule }
  }
}
"""
DECIDE = """
mutation Decide($input: DecisionDecideInput!) {
  decisionDecide(input: $input) {
    __typename
    ... on DecisionDecideSuccess {
      record { id number decidedOn outcome application { status } protectionPrograms { kind status periodEnd } }
    }
    ... on MutationError { code message field rule }
  }
}
"""
APPLICATION = """
query One($id: ID!) {
  application(id: $id) {
    number possibleDuplicates possibleDuplicateCount
    applicant { code fullName fullNameMasked nik nikMasked address addressMasked }
  }
}
"""
AVAILABLE = """
query Available($id: ID!) {
  availableActions(recordType: APPLICATION, id: $id) { action rules }
}
"""
NIK = "3174010101950001"


def payload(result: Any, field: str) -> dict[str, Any]:
    assert result.errors is None, result.errors
    return result.data[field]


def filing(**fields: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "crimeType": "TRAFFICKING",
        "incidentSummary": "Perdagangan orang (fiktif).",
        "role": "VICTIM",
        "fullName": "Rina Contoh Fiktif",
        "nik": NIK,
        "address": "Jl. Rahasia No. 7, Kota Fiktif",
        "initiator": "SELF",
        "channel": "WALK_IN",
        "requestedPrograms": ["MEDICAL", "SAFE_HOUSE"],
    }
    values.update(fields)
    return values


async def reviewed_by_the_review_head(demo: Demo, **fields: Any) -> dict[str, Any]:
    head = demo["unit_head"]
    filed = payload(await execute(FILE, {"input": filing(**fields)}, as_=head), "applicationFile")
    assert filed["__typename"] == "ApplicationFileSuccess", filed
    record_id = filed["record"]["id"]
    started = payload(
        await execute(START_REVIEW, {"id": record_id, "input": {}}, as_=head), "applicationStartReview"
    )
    assert started["__typename"] == "ApplicationStartReviewSuccess", started
    done = payload(
        await execute(COMPLETE_REVIEW, {"id": record_id, "input": {"summary": "Memenuhi syarat."}}, as_=head),
        "applicationCompleteReview",
    )
    assert done["record"]["status"] == "REVIEWED"
    return filed["record"]


def today() -> dt.date:
    return utcnow().astimezone(LOCAL_TIMEZONE).date()


async def test_application_file_and_review_as_the_application_review_unit_app_4_dec_1(demo):
    # given: the head of the application-review bureau
    head = demo["unit_head"]
    # when
    filed = payload(await execute(FILE, {"input": filing()}, as_=head), "applicationFile")
    record_id = filed["record"]["id"]
    offered = payload(await execute(AVAILABLE, {"id": record_id}, as_=head), "availableActions")
    started = payload(
        await execute(START_REVIEW, {"id": record_id, "input": {}}, as_=head), "applicationStartReview"
    )
    done = payload(
        await execute(COMPLETE_REVIEW, {"id": record_id, "input": {"summary": "Layak."}}, as_=head),
        "applicationCompleteReview",
    )
    # then
    assert (filed["record"]["status"], filed["record"]["channel"]) == ("RECEIVED", "WALK_IN")
    assert filed["record"]["case"]["code"].startswith("KASUS-")
    assert {"start_review", "add_family_member", "withdraw"} <= {a["action"] for a in offered}
    assert started["record"]["status"] == "UNDER_REVIEW" and started["record"]["reviewUnitId"]
    assert (done["record"]["status"], done["record"]["reviewSummary"]) == ("REVIEWED", "Layak.")


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("reporter", "FORBIDDEN"),
        ("partner", "FORBIDDEN"),  # partners refer, through applicationRefer (AC-2)
        ("system_admin", "FORBIDDEN"),
        ("expert", "FORBIDDEN"),
        ("hr_staff", "FORBIDDEN"),
        ("oversight", "FORBIDDEN"),
        ("rights_head", "FORBIDDEN"),
        ("secretary_general", "FORBIDDEN"),
        ("leader", "FORBIDDEN"),
    ],
)
async def test_application_file_by_anyone_but_receiving_staff_is_refused_app_4(demo, role, code):
    # given
    before = await snapshot()
    # when
    result = await execute(FILE, {"input": filing()}, as_=demo[role])
    # then
    assert error_codes(result) == [code]
    assert await snapshot() == before


async def test_application_file_claiming_the_proactive_channel_answers_the_rule_app_4(demo):
    before = await snapshot()
    result = payload(
        await execute(FILE, {"input": filing(channel="PROACTIVE")}, as_=demo["unit_head"]), "applicationFile"
    )
    assert (result["code"], result["rule"], result["field"]) == ("RULE_VIOLATION", "APP-4", "channel")
    assert await snapshot() == before


async def test_application_refer_as_partner_agency_app_4_ac_2(demo):
    # given: the police's token (scope applications:refer)
    partner = demo["partner"]
    given = filing(
        role="WITNESS", initiator="OFFICIAL", initiatingOfficialName="AKP Fiktif", nik="3174010101950002"
    )
    for key in ("channel",):
        given.pop(key)
    # when
    referred = payload(await execute(REFER, {"input": given}, as_=partner), "applicationRefer")
    # then: recorded as the agency's
    record = referred["record"]
    assert (record["status"], record["channel"]) == ("RECEIVED", "REFERRAL")
    assert record["referredByAgencyId"] == record["initiatingAgencyId"] == str(partner.agency_id)


async def test_decision_decide_as_a_leader_dec_1_dec_2(demo):
    # given
    filed = await reviewed_by_the_review_head(demo)
    end = (today() + dt.timedelta(days=180)).isoformat()
    given = {
        "applicationId": filed["id"],
        "outcome": "ACCEPTED",
        "grants": [
            {"program": "MEDICAL", "startsOn": today().isoformat(), "endsOn": end},
            {"program": "SAFE_HOUSE", "startsOn": today().isoformat(), "endsOn": end},
        ],
        "lawEnforcementAgencyIds": [str(demo["partner"].agency_id)],
    }
    # when: the review head tries first, then a leader decides
    refused = await execute(DECIDE, {"input": given}, as_=demo["unit_head"])
    decided = payload(await execute(DECIDE, {"input": given}, as_=demo["leader"]), "decisionDecide")
    # then
    assert error_codes(refused) == ["FORBIDDEN"]
    assert decided["__typename"] == "DecisionDecideSuccess", decided
    record = decided["record"]
    assert record["number"].startswith("KEP-") and record["decidedOn"] == today().isoformat()
    assert (record["outcome"], record["application"]["status"]) == ("ACCEPTED", "DECIDED_ACCEPTED")
    assert sorted((p["kind"], p["status"], p["periodEnd"]) for p in record["protectionPrograms"]) == [
        ("MEDICAL", "PENDING_SIGNATURE", end),
        ("SAFE_HOUSE", "PENDING_SIGNATURE", end),
    ]


async def test_decision_decide_wholly_without_all_programs_answers_the_rule_dec_2(demo):
    # given
    filed = await reviewed_by_the_review_head(demo)
    before = await snapshot()
    # when
    result = payload(
        await execute(
            DECIDE,
            {
                "input": {
                    "applicationId": filed["id"],
                    "outcome": "ACCEPTED",
                    "grants": [
                        {"program": "MEDICAL", "startsOn": today().isoformat(), "endsOn": today().isoformat()}
                    ],
                }
            },
            as_=demo["leader"],
        ),
        "decisionDecide",
    )
    # then
    assert (result["code"], result["rule"], result["field"]) == ("RULE_VIOLATION", "DEC-2", "grants")
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("role", "clear"),
    [
        ("leader", True),
        ("rights_head", True),
        ("unit_head", False),  # reviews, but is not entitled to identities (AC-11)
        ("oversight", False),
        ("system_admin", False),
    ],
)
async def test_application_identity_is_clear_only_to_the_entitled_ac_11(demo, role, clear):
    # given
    filed = await reviewed_by_the_review_head(demo)
    # when
    result = payload(await execute(APPLICATION, {"id": filed["id"]}, as_=demo[role]), "application")
    # then
    applicant = result["applicant"]
    assert applicant["fullNameMasked"] == "R***f" and applicant["nikMasked"] == "3***1"
    if clear:
        assert (applicant["fullName"], applicant["nik"]) == ("Rina Contoh Fiktif", NIK)
    else:
        assert (applicant["fullName"], applicant["nik"], applicant["address"]) == (None, None, None)


async def test_application_duplicates_are_shown_to_reviewers_by_code_only_app_3(demo):
    # given: the same person applied in another case
    head = demo["unit_head"]
    first = payload(await execute(FILE, {"input": filing()}, as_=head), "applicationFile")["record"]
    # when
    second = payload(
        await execute(FILE, {"input": filing(fullName="Nama Samaran", nik="3174-0101-0195-0001")}, as_=head),
        "applicationFile",
    )["record"]
    shown = payload(await execute(APPLICATION, {"id": second["id"]}, as_=head), "application")
    # then: the other case by code, no identity of it
    assert second["possibleDuplicateCount"] == 1
    [match] = shown["possibleDuplicates"]
    assert match["caseCode"] == first["case"]["code"] and match["as"] == "victim"
    assert match["protecteeCode"].startswith("TL-")
    assert "Rina" not in str(shown["possibleDuplicates"]) and NIK not in str(shown["possibleDuplicates"])
    assert (await Application.get(id=first["id"])).possible_duplicate_count == 1


DECIDE_PERIODS = """
mutation Decide($input: DecisionDecideInput!) {
  decisionDecide(input: $input) {
    __typename
    ... on DecisionDecideSuccess { record { outcome protectionPrograms { kind periodStart periodEnd } } }
    ... on MutationError { code message field rule }
  }
}
"""


def grant(program: str, starts: int, ends: int) -> dict[str, str]:
    """A grant of `program` from `starts` to `ends` days after today, as the API takes it (DEC-2)."""
    day = dt.timedelta(days=1)
    return {
        "program": program,
        "startsOn": (today() + starts * day).isoformat(),
        "endsOn": (today() + ends * day).isoformat(),
    }


def deciding(filed: dict[str, Any], demo: Demo, *grants: dict[str, str], **fields: Any) -> dict[str, Any]:
    return {
        "input": {
            "applicationId": filed["id"],
            "outcome": "ACCEPTED",
            "grants": list(grants),
            "lawEnforcementAgencyIds": [str(demo["partner"].agency_id)],
            **fields,
        }
    }


async def test_decision_grant_with_nested_periods_dec_1(demo):
    # given: a reviewed application asking for medical assistance and a safe house
    filed = await reviewed_by_the_review_head(demo)
    leader = demo["leader"]
    before = await snapshot()
    # when: the ways around refused first — a period ending before it starts, one starting before
    # the decision, a program granted twice, the review head deciding — then the leader decides
    backwards = await execute(
        DECIDE_PERIODS, deciding(filed, demo, grant("MEDICAL", 0, 30), grant("SAFE_HOUSE", 10, 5)), as_=leader
    )
    early = await execute(
        DECIDE_PERIODS,
        deciding(filed, demo, grant("MEDICAL", 0, 30), grant("SAFE_HOUSE", -1, 90)),
        as_=leader,
    )
    twice = await execute(
        DECIDE_PERIODS, deciding(filed, demo, grant("MEDICAL", 0, 30), grant("MEDICAL", 0, 90)), as_=leader
    )
    english = await execute(
        DECIDE_PERIODS,
        deciding(filed, demo, grant("MEDICAL", 0, 30), grant("SAFE_HOUSE", 10, 5)),
        as_=leader,
        language="en",
    )
    wrong_actor = await execute(
        DECIDE_PERIODS,
        deciding(filed, demo, grant("MEDICAL", 0, 30), grant("SAFE_HOUSE", 1, 90)),
        as_=demo["unit_head"],
    )
    unchanged = await snapshot()
    done = payload(
        await execute(
            DECIDE_PERIODS,
            deciding(filed, demo, grant("MEDICAL", 0, 30), grant("SAFE_HOUSE", 1, 90)),
            as_=leader,
        ),
        "decisionDecide",
    )
    # then: each refusal names the grant's field, nothing changed; each program has its own period
    refusals = [payload(r, "decisionDecide") for r in (backwards, early, twice)]
    assert [(r["code"], r["rule"], r["field"]) for r in refusals] == [
        ("VALIDATION", "DEC-2", "input.grants[1].endsOn"),
        ("RULE_VIOLATION", "DEC-2", "input.grants[1].startsOn"),
        ("VALIDATION", "DEC-2", "input.grants[1].program"),
    ]
    assert refusals[0]["message"].startswith("Jangka waktu program berakhir")
    assert payload(english, "decisionDecide")["message"].startswith("A program's period ends")
    assert error_codes(wrong_actor) == ["FORBIDDEN"]
    assert unchanged == before
    assert done["__typename"] == "DecisionDecideSuccess", done
    periods = sorted(
        (p["kind"], p["periodStart"], p["periodEnd"]) for p in done["record"]["protectionPrograms"]
    )
    assert periods == [tuple(grant("MEDICAL", 0, 30).values()), tuple(grant("SAFE_HOUSE", 1, 90).values())]


async def test_decision_decide_with_an_over_long_list_is_refused_dec_2(demo):
    # given: more grants than there are programs, more family members than any list may hold
    filed = await reviewed_by_the_review_head(demo)
    before = await snapshot()
    too_many_grants = [grant("MEDICAL", 0, 30)] * 1000
    too_many_members = {"coveredFamilyMemberIds": [str(uuid.uuid4()) for _ in range(101)]}
    # when
    grants_refused = payload(
        await execute(DECIDE_PERIODS, deciding(filed, demo, *too_many_grants), as_=demo["leader"]),
        "decisionDecide",
    )
    members_refused = payload(
        await execute(
            DECIDE_PERIODS,
            deciding(filed, demo, grant("MEDICAL", 0, 30), **too_many_members),
            as_=demo["leader"],
        ),
        "decisionDecide",
    )
    # then: refused before anything is built from them, naming the list; nothing changed
    assert (grants_refused["code"], grants_refused["field"]) == ("VALIDATION", "input.grants")
    assert (members_refused["code"], members_refused["field"]) == (
        "VALIDATION",
        "input.coveredFamilyMemberIds",
    )
    assert await snapshot() == before


async def test_decision_input_fields_describe_the_nested_grants_dec_2():
    # given
    from schema.workflows import INPUTS

    # when
    fields = {f.name: f for f in INPUTS[("decision", "decide")].fields()}
    # then: the grants are described field by field, with their limit
    grants = fields["grants"]
    assert (grants.type, grants.required, grants.max_items) == ("[GrantInput!]!", False, len(ProgramKind))
    assert [(f.name, f.type, f.required) for f in grants.fields] == [
        ("program", "ProgramKind!", True),
        ("startsOn", "Date!", True),
        ("endsOn", "Date!", True),
    ]
    assert fields["notes"].fields == [] and fields["notes"].max_items is None
