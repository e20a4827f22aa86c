"""What partner tokens and public reporters see of the rows they reach (AC-2, AC-3, AC-11).

Row scope gives a partner agency the records addressed to it; authz/tiers.py gives it only their public
fields and what the agency itself submitted or must answer — never LPSK's working fields (the review's
findings, other cases' codes, staff references). LPSK's staff read the same rows in full. A filter or an
ordering on a hidden field is refused before any row is read, the same way whatever the data holds.
"""

from __future__ import annotations

import uuid
from typing import Any

from authz import enforcer
from authz.default_policy import default_lines
from authz.principal import SYSTEM, Principal, PrincipalKind
from authz.tiers import OUTSIDE_FIELDS, PUBLIC
from models.assignments import InvolvementRequest
from models.cases import Application
from models.organisation import Agency, AgencyKind, Staff, Unit
from models.violence_reports import Reporter, ViolenceReport
from schema.build import build_registry
from tests.client import error_codes, execute
from tests.organisation.test_api_assignment_paths import police_officer
from tests.protection.factories import NOW, world
from tests.protection.test_reads import referral, token
from workflows.applications import APPLICATION
from workflows.engine import run

APPLICATION_ONE = """
query One($id: ID!) {
  application(id: $id) {
    id number status channel receivedAt createdAt referredByAgencyId
    reviewSummary possibleDuplicates possibleDuplicateCount reviewerId caseId applicantId
    reviewer { id }
  }
}
"""
APPLICATIONS_BY_DUPLICATES = """
query ByDuplicates($from: Int!) {
  applications(first: 10, filter: {possibleDuplicateCountFrom: $from}) { totalCount nodes { id } }
}
"""
APPLICATIONS_BY_REVIEWER = """
query ByReviewer($reviewer: ID!) {
  applications(first: 10, filter: {reviewerId: $reviewer}) { totalCount nodes { id } }
}
"""
APPLICATIONS_ORDERED_BY_DUPLICATES = """
query Ordered { applications(first: 10, orderBy: POSSIBLE_DUPLICATE_COUNT) { totalCount nodes { id } } }
"""
APPLICATIONS_BY_STATUS = """
query ByStatus {
  applications(first: 10, filter: {status: RECEIVED}, orderBy: RECEIVED_AT) {
    totalCount nodes { id reviewSummary }
  }
}
"""
REQUEST_AGENCY = """
mutation RequestAgency($input: AssignmentRequestAgencyInvolvementInput!) {
  assignmentRequestAgencyInvolvement(input: $input) {
    ... on AssignmentRequestAgencyInvolvementSuccess { record { id involvementRequests { id } } }
    ... on MutationError { code message }
  }
}
"""
SEND_AGENCY_REQUEST = """
mutation Send($id: ID!) {
  assignmentSendAgencyRequest(id: $id) {
    ... on AssignmentSendAgencyRequestSuccess { record { status } }
    ... on MutationError { code message }
  }
}
"""
INVOLVEMENT_REQUEST = """
query One($id: ID!) {
  involvementRequest(id: $id) {
    code status direction purpose requestedStaffId targetAgencyId createdAt
    availabilityNote requestedById teamId assignmentId team { id } assignment { id }
  }
}
"""
AGENCY_APPROVE = """
mutation AgencyApprove($id: ID!, $input: InvolvementRequestAgencyApproveInput!) {
  involvementRequestAgencyApprove(id: $id, input: $input) {
    ... on InvolvementRequestAgencyApproveSuccess {
      record { status purpose requestedStaffId agencyLetter availabilityNote teamId }
    }
    ... on MutationError { code message }
  }
}
"""
ASSIGNMENTS = "query { assignments(first: 10) { totalCount } }"
MY_REPORTS = """
query Mine { violenceReports(first: 10) { nodes { id code status submittedAt intakeAdminId companionId } } }
"""

HIDDEN_ON_APPLICATION = (
    "reviewSummary",
    "possibleDuplicates",
    "possibleDuplicateCount",
    "reviewerId",
    "caseId",
    "applicantId",
)
OUTSIDE_ROLES = ("partner", "reporter")


def data(result: Any, field: str) -> Any:
    assert result.errors is None, result.errors
    return result.data[field]


def refusal(result: Any) -> tuple[Any, ...]:
    """A top-level refusal as the caller sees it: code, field, rule, and the data answered with it."""
    [error] = result.errors
    extensions = error.extensions
    return extensions["code"], extensions.get("field"), extensions.get("rule"), result.data


async def referred_and_reviewed() -> tuple[Any, Principal, Principal, Application]:
    """The police refer an application (APP-4); LPSK's reviewer works on it: findings, two other cases
    sharing a national ID (APP-3), the reviewer's own reference."""
    w = await world()
    police = token(w.police, "applications:refer", "applications:read")
    reviewer = await w.as_("reviewer")
    referred = await run(APPLICATION, "refer", None, police, referral(), now=NOW)
    await Application.filter(id=referred.id).update(
        review_summary="Layak dilindungi; cek ulang keterangan saksi.",
        possible_duplicate_count=2,
        possible_duplicates=[{"case": "KSS-2025-0007", "protectee": "TL-2025-0011", "role": "WITNESS"}],
        reviewer_id=reviewer.staff_id,
    )
    return w, police, reviewer, await Application.get(id=referred.id)


def outside_tables(lines: list[tuple[str, ...]]) -> set[str]:
    """Policy lines → the tables a partner token or a reporter holds any right on (not secret fields)."""
    return {
        line[2]
        for line in lines
        if line[0] == "p"
        and (line[1] in OUTSIDE_ROLES or line[1].startswith("scope:"))
        and not line[2].startswith("secret_fields:")
    }


# --- AC-2, AC-11: fields of a row in scope -----------------------------------------------------------


async def test_application_read_by_referring_partner_without_lpsk_working_fields_ac_2_ac_11(policies):
    # given: the police's referral, reviewed by LPSK
    _, police, reviewer, referred = await referred_and_reviewed()
    # when
    seen = data(await execute(APPLICATION_ONE, {"id": str(referred.id)}, as_=police), "application")
    in_full = data(await execute(APPLICATION_ONE, {"id": str(referred.id)}, as_=reviewer), "application")
    # then: the partner follows its referral's number, state and dates; the review, the other cases'
    # codes and the staff and case references answer null — the reviewer reads every one of them
    assert seen["id"] == str(referred.id)
    assert (seen["number"], seen["status"], seen["channel"]) == (referred.number, "RECEIVED", "REFERRAL")
    assert seen["receivedAt"] and seen["createdAt"] and seen["referredByAgencyId"]
    assert {name: seen[name] for name in HIDDEN_ON_APPLICATION} == dict.fromkeys(HIDDEN_ON_APPLICATION)
    assert seen["reviewer"] is None
    assert in_full["reviewSummary"] == "Layak dilindungi; cek ulang keterangan saksi."
    assert in_full["possibleDuplicateCount"] == 2
    assert in_full["possibleDuplicates"][0]["case"] == "KSS-2025-0007"
    assert in_full["reviewerId"] == str(reviewer.staff_id)
    assert in_full["caseId"] and in_full["applicantId"]


async def test_applications_filter_or_order_by_hidden_field_refused_to_partner_ac_11(policies):
    # given: the police's reviewed referral (two possible duplicates, a named reviewer)
    _, police, reviewer, referred = await referred_and_reviewed()
    # when: the partner filters or orders on hidden fields — with a condition its row meets, and not
    matching = await execute(APPLICATIONS_BY_DUPLICATES, {"from": 1}, as_=police)
    not_matching = await execute(APPLICATIONS_BY_DUPLICATES, {"from": 10}, as_=police)
    by_reviewer = await execute(APPLICATIONS_BY_REVIEWER, {"reviewer": str(reviewer.staff_id)}, as_=police)
    by_stranger = await execute(APPLICATIONS_BY_REVIEWER, {"reviewer": str(uuid.uuid4())}, as_=police)
    ordered = await execute(APPLICATIONS_ORDERED_BY_DUPLICATES, as_=police)
    # … and on public fields; LPSK's reviewer filters on the hidden one
    by_status = data(await execute(APPLICATIONS_BY_STATUS, as_=police), "applications")
    reviewers_view = data(
        await execute(APPLICATIONS_BY_DUPLICATES, {"from": 1}, as_=reviewer), "applications"
    )
    # then: refused the same way whatever the data holds — no count, no row, no hint
    duplicates = ("FORBIDDEN", "filter.possibleDuplicateCountFrom", "AC-11", None)
    assert refusal(matching) == refusal(not_matching) == duplicates
    assert refusal(by_reviewer) == refusal(by_stranger) == ("FORBIDDEN", "filter.reviewerId", "AC-11", None)
    assert refusal(ordered) == ("FORBIDDEN", "orderBy", "AC-11", None)
    assert by_status == {"totalCount": 1, "nodes": [{"id": str(referred.id), "reviewSummary": None}]}
    assert reviewers_view == {"totalCount": 1, "nodes": [{"id": str(referred.id)}]}


async def test_involvement_request_answered_by_partner_shows_what_it_must_answer_asg_3_ac_11(demo):
    # given: the review bureau asks the police for a named officer; the Secretary General sends it;
    # the deciding head's note is on the request
    review = await Unit.get(code="BIRO-PP")
    lead = (
        await Staff.filter(unit_id=review.id).exclude(id=review.head_id).order_by("employee_number").first()
    )
    officer = await police_officer()
    given = {
        "unitId": str(review.id),
        "agencyId": str(officer.agency_id),
        "title": "Pengamanan saksi kunci",
        "purpose": "Penghubung kepolisian untuk pengamanan.",
        "teamName": "Tim Pengamanan Saksi",
        "leadId": str(lead.id),
        "requestedStaffIds": [str(officer.id)],
    }
    record = data(
        await execute(REQUEST_AGENCY, {"input": given}, as_=demo["unit_head"]),
        "assignmentRequestAgencyInvolvement",
    )["record"]
    data(
        await execute(SEND_AGENCY_REQUEST, {"id": record["id"]}, as_=demo["secretary_general"]),
        "assignmentSendAgencyRequest",
    )
    [request] = record["involvementRequests"]
    await InvolvementRequest.filter(id=request["id"]).update(
        availability_note="Catatan internal kepala unit."
    )
    # when
    seen = data(
        await execute(INVOLVEMENT_REQUEST, {"id": request["id"]}, as_=demo["partner"]), "involvementRequest"
    )
    in_full = data(
        await execute(INVOLVEMENT_REQUEST, {"id": request["id"]}, as_=demo["secretary_general"]),
        "involvementRequest",
    )
    answered = data(
        await execute(
            AGENCY_APPROVE, {"id": request["id"], "input": {"note": "Tersedia."}}, as_=demo["partner"]
        ),
        "involvementRequestAgencyApprove",
    )
    # then: the agency reads what it is asked (purpose, the officer named, to whom) and answers it; the
    # head's note, the team, the assignment and the staff who asked stay LPSK's — the SG reads them
    assert (seen["status"], seen["direction"], seen["purpose"]) == (
        "SUBMITTED",
        "OUTBOUND_TO_AGENCY",
        "Penghubung kepolisian untuk pengamanan.",
    )
    assert (seen["requestedStaffId"], seen["targetAgencyId"]) == (str(officer.id), str(officer.agency_id))
    assert seen["code"] and seen["createdAt"]
    hidden = ("availabilityNote", "requestedById", "teamId", "assignmentId", "team", "assignment")
    assert {name: seen[name] for name in hidden} == dict.fromkeys(hidden)
    assert in_full["availabilityNote"] == "Catatan internal kepala unit."
    assert in_full["teamId"] and in_full["assignmentId"] and in_full["team"] and in_full["assignment"]
    assert answered["record"] == {
        "status": "APPROVED",
        "purpose": "Penghubung kepolisian untuk pengamanan.",
        "requestedStaffId": str(officer.id),
        "agencyLetter": None,
        "availabilityNote": None,
        "teamId": None,
    }


async def test_violence_report_read_by_reporter_without_staff_references_ac_3_ac_11(demo):
    # given: the demo reporter's own reports, worked by an intake admin
    reporter = await Reporter.get(id=demo["reporter"].reporter_id)
    admin = await Staff.all().order_by("employee_number").first()
    await ViolenceReport.filter(reporter_id=reporter.id).update(intake_admin_id=admin.id)
    reports = await ViolenceReport.filter(reporter_id=reporter.id)
    assert reports, "the demo reporter has no report"
    # when
    seen = data(await execute(MY_REPORTS, as_=demo["reporter"]), "violenceReports")["nodes"]
    # then: code, state and date of every own report; who at the service works it answers null
    assert {node["code"] for node in seen} == {report.code for report in reports}
    assert all(node["status"] and node["submittedAt"] for node in seen)
    assert {(node["intakeAdminId"], node["companionId"]) for node in seen} == {(None, None)}


# --- deny by default ---------------------------------------------------------------------------------


def test_every_table_an_outside_role_reaches_has_a_field_declaration_ac_2_ac_11():
    # given: the default policy, and the same policy with a line an outside role holds on a table
    # nobody declared
    lines = default_lines()
    widened = [*lines, ("p", "scope:applications:read", "cases", "read", "agency")]
    # when
    missing = outside_tables(lines) - set(OUTSIDE_FIELDS)
    missing_widened = outside_tables(widened) - set(OUTSIDE_FIELDS)
    # then: every table a partner scope or a reporter reaches is declared; an undeclared one is caught
    assert missing == set(), f"declare the fields outside principals may see in authz/tiers.py: {missing}"
    assert missing_widened == {"cases"}


def test_field_declaration_names_public_and_existing_non_secret_columns_ac_11():
    # given: the generated read API
    specs = {spec.table: spec for spec in build_registry().specs.values()}
    # when
    unknown = {
        table: sorted(names - set(specs[table].scalars))
        for table, names in OUTSIDE_FIELDS.items()
        if table in specs
    }
    # then: each declared table is in the API, lists id and its dates, and names only plain columns
    # (a secret field listed here would change nothing: masking governs it, AC-11)
    assert set(OUTSIDE_FIELDS) <= set(specs)
    assert all(PUBLIC <= names for names in OUTSIDE_FIELDS.values())
    assert unknown == {table: [] for table in OUTSIDE_FIELDS}
    assert "review_summary" in specs["applications"].hidden
    assert "possible_duplicates" in specs["applications"].hidden
    assert not specs["applications"].hidden & OUTSIDE_FIELDS["applications"]


async def test_undeclared_table_granted_to_partner_at_runtime_stays_refused_ac_2(policies):
    # given: an administrator grants the police's token its agency's assignments — a table
    # authz/tiers.py does not declare
    police = await Agency.create(code="POL-UJI", name="Polda Fiktif", kind=AgencyKind.POLICE)
    partner = Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=uuid.uuid4(),
        agency_id=police.id,
        scopes=frozenset({"applications:read"}),
    )
    e = await enforcer.get_enforcer()
    await e.add_policy("scope:applications:read", "assignments", "read", "agency")
    # when
    refused = await execute(ASSIGNMENTS, as_=partner)
    allowed = await execute(ASSIGNMENTS, as_=SYSTEM)
    # then: refused until someone decides which of its fields an agency may see; LPSK's side still reads it
    assert error_codes(refused) == ["FORBIDDEN"]
    assert allowed.errors is None
