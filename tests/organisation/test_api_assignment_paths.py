"""The assignment paths ASG-3 … ASG-6, the team steps (ASG-7 … ASG-9) and completion (PERF-4) through
GraphQL, as the roles of the demo organisation — the partner token answering for its agency (AC-2),
each official only on their own step (AC-6) — and every way around refused with nothing changed."""

from __future__ import annotations

from typing import Any

import pytest

from models.assignments import Assignment, InvolvementRequest, Team, TeamStatus
from models.organisation import Agency, AgencyKind, Position, Staff, Unit
from tests.client import error_codes, execute
from tests.organisation.conftest import as_staff
from tests.workflows.factories import snapshot

APPLY = """
mutation Apply($input: AssignmentApplyInput!) {
  assignmentApply(input: $input) {
    __typename
    ... on AssignmentApplySuccess { record { id status path kind staffId requestingUnitId } }
    ... on MutationError { code message field rule }
  }
}
"""
APPROVE_APPLICATION = """
mutation ApproveApplication($id: ID!) {
  assignmentApproveApplication(id: $id) {
    __typename
    ... on AssignmentApproveApplicationSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
ISSUE_LETTER = """
mutation IssueLetter($id: ID!) {
  assignmentIssueLetter(id: $id) {
    __typename
    ... on AssignmentIssueLetterSuccess { record { status staffId assignmentLetters { number issuerCode } } }
    ... on MutationError { code message field rule }
  }
}
"""
REQUEST_AGENCY = """
mutation RequestAgency($input: AssignmentRequestAgencyInvolvementInput!) {
  assignmentRequestAgencyInvolvement(input: $input) {
    __typename
    ... on AssignmentRequestAgencyInvolvementSuccess {
      record { id status teamId involvementRequests { id status direction targetAgencyId } }
    }
    ... on MutationError { code message field rule }
  }
}
"""
SEND_AGENCY_REQUEST = """
mutation Send($id: ID!) {
  assignmentSendAgencyRequest(id: $id) {
    __typename
    ... on AssignmentSendAgencyRequestSuccess { record { status involvementRequests { id status targetAgencyId } } }
    ... on MutationError { code message field rule }
  }
}
"""
AGENCY_APPROVE = """
mutation AgencyApprove($id: ID!, $input: InvolvementRequestAgencyApproveInput!) {
  involvementRequestAgencyApprove(id: $id, input: $input) {
    __typename
    ... on InvolvementRequestAgencyApproveSuccess { record { status requestedStaffId decidedById } }
    ... on MutationError { code message field rule }
  }
}
"""
DELIVER = """
mutation Deliver($id: ID!) {
  assignmentDeliver(id: $id) {
    __typename
    ... on AssignmentDeliverSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
RECEIVE_AGENCY_REQUEST = """
mutation Receive($input: AssignmentReceiveAgencyRequestInput!) {
  assignmentReceiveAgencyRequest(input: $input) {
    __typename
    ... on AssignmentReceiveAgencyRequestSuccess { record { id status involvementRequests { id status } } }
    ... on MutationError { code message field rule }
  }
}
"""
ADVISE = """
mutation Advise($id: ID!, $input: InvolvementRequestAdviseInput!) {
  involvementRequestAdvise(id: $id, input: $input) {
    __typename
    ... on InvolvementRequestAdviseSuccess { record { status availabilityNote requestedStaffId } }
    ... on MutationError { code message field rule }
  }
}
"""
APPROVE_INVOLVEMENT = """
mutation ApproveInvolvement($id: ID!, $input: InvolvementRequestApproveInput!) {
  involvementRequestApprove(id: $id, input: $input) {
    __typename
    ... on InvolvementRequestApproveSuccess { record { status assignment { status } } }
    ... on MutationError { code message field rule }
  }
}
"""
INVOLVEMENT_REQUEST = "query One($id: ID!) { involvementRequest(id: $id) { status reason agencyLetter } }"
TEAM_ADD_MEMBER = """
mutation AddMember($id: ID!, $input: TeamAddMemberInput!) {
  teamAddMember(id: $id, input: $input) {
    __typename
    ... on TeamAddMemberSuccess { record { id teamMemberships { staffId role leftOn } } }
    ... on MutationError { code message field rule }
  }
}
"""
START = """
mutation Start($id: ID!) {
  assignmentStart(id: $id) {
    __typename
    ... on AssignmentStartSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
SUBMIT_RESULTS = """
mutation Submit($id: ID!, $input: AssignmentSubmitResultsInput!) {
  assignmentSubmitResults(id: $id, input: $input) {
    __typename
    ... on AssignmentSubmitResultsSuccess { record { status resultsSummary } }
    ... on MutationError { code message field rule }
  }
}
"""
ACCEPT_RESULTS = """
mutation Accept($id: ID!) {
  assignmentAcceptResults(id: $id) {
    __typename
    ... on AssignmentAcceptResultsSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
APPOINT = """
mutation Appoint($input: AssignmentAppointInput!) {
  assignmentAppoint(input: $input) {
    __typename
    ... on AssignmentAppointSuccess { record { id } }
    ... on MutationError { code message field rule }
  }
}
"""
AVAILABLE = """
query Available($type: WorkflowRecordType!, $id: ID!) {
  availableActions(recordType: $type, id: $id) { action }
}
"""


def payload(result: Any, field: str) -> dict[str, Any]:
    assert result.errors is None, result.errors
    return result.data[field]


def refusal(result: Any) -> str:
    """How a step was refused: the top-level code (UNAUTHENTICATED, FORBIDDEN) or the MutationError's."""
    codes = error_codes(result)
    if codes:
        return str(codes[0])
    (answer,) = result.data.values()
    return str(answer["code"])


async def actions(as_: Any, record_type: str, record_id: str) -> list[str]:
    result = await execute(AVAILABLE, {"type": record_type, "id": record_id}, as_=as_)
    return sorted(a["action"] for a in payload(result, "availableActions"))


async def head_of_unit_of(staff_id: Any) -> Any:
    staff = await Staff.get(id=staff_id)
    unit = await Unit.get(id=staff.unit_id)
    return await as_staff(await Staff.get(id=unit.head_id))


# --- ASG-5 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "code", "rule"),
    [
        ("anonymous", "UNAUTHENTICATED", None),
        ("reporter", "FORBIDDEN", None),
        ("partner", "FORBIDDEN", None),
        ("system_admin", "RULE_VIOLATION", "ASG-5"),  # an account without a unit
        ("expert", "RULE_VIOLATION", "ASG-5"),
        ("unit_head", "RULE_VIOLATION", "ASG-5"),  # heads appoint; they do not apply
        ("secretary_general", "RULE_VIOLATION", "ASG-5"),
        ("leader", "RULE_VIOLATION", "ASG-5"),
        ("executor", None, None),
    ],
)
async def test_assignment_apply_per_demo_role_asg_5(demo, role, code, rule):
    # given
    before = await snapshot()
    # when
    result = await execute(APPLY, {"input": {"title": "Kajian layanan"}}, as_=demo[role])
    # then: only functional officials and executors of a unit apply (Pasal 11)
    if code in ("UNAUTHENTICATED", "FORBIDDEN"):
        assert error_codes(result) == [code]
        assert await snapshot() == before
    elif code:
        answer = payload(result, "assignmentApply")
        assert (answer["code"], answer["rule"]) == (code, rule)
        assert await snapshot() == before
    else:
        record = payload(result, "assignmentApply")["record"]
        assert (record["status"], record["path"], record["kind"]) == (
            "SUBMITTED",
            "WITHIN_UNIT_VOLUNTARY",
            "VOLUNTARY_APPLICATION",
        )


async def test_assignment_apply_within_unit_to_the_heads_letter_asg_5(demo):
    # given: the executor applies; their unit head decides
    applicant = demo["executor"]
    head = await head_of_unit_of(applicant.staff_id)
    record = payload(
        await execute(APPLY, {"input": {"title": "Penyusunan kajian arsip"}}, as_=applicant),
        "assignmentApply",
    )["record"]
    # when / then: only the head of the applicant's unit may decide; the applicant may not
    assert await actions(head, "ASSIGNMENT", record["id"]) == ["approve_application", "reject"]
    assert await actions(applicant, "ASSIGNMENT", record["id"]) == ["withdraw"]
    assert error_codes(await execute(APPROVE_APPLICATION, {"id": record["id"]}, as_=applicant)) == [
        "FORBIDDEN"
    ]
    early = payload(await execute(ISSUE_LETTER, {"id": record["id"]}, as_=head), "assignmentIssueLetter")
    assert (early["code"], early["rule"]) == ("RULE_VIOLATION", "ASG-5")
    approved = payload(
        await execute(APPROVE_APPLICATION, {"id": record["id"]}, as_=head), "assignmentApproveApplication"
    )
    issued = payload(await execute(ISSUE_LETTER, {"id": record["id"]}, as_=head), "assignmentIssueLetter")
    # then
    unit = await Unit.get(id=record["requestingUnitId"])
    assert approved["record"]["status"] == "APPROVED"
    [letter] = issued["record"]["assignmentLetters"]
    assert (issued["record"]["status"], letter["issuerCode"]) == ("LETTER_ISSUED", unit.code)


# --- ASG-6 -------------------------------------------------------------------------------------------


async def test_assignment_apply_across_units_reaches_the_target_head_through_the_own_head_asg_6(demo):
    # given: a reviewer of the application-review bureau applies for a task of rights fulfilment
    review, rights = await demo.unit("BIRO-PP"), await demo.unit("BIRO-PH")
    applicant = await as_staff((await demo.staff_of("BIRO-PP"))[-1])
    given = {"title": "Pendampingan saksi", "targetUnitId": str(rights.id)}
    record = payload(await execute(APPLY, {"input": given}, as_=applicant), "assignmentApply")["record"]
    # when / then: the target head cannot skip the own head
    assert record["path"] == "CROSS_UNIT_VOLUNTARY" and record["requestingUnitId"] == str(review.id)
    assert error_codes(await execute(APPROVE_APPLICATION, {"id": record["id"]}, as_=demo["rights_head"])) == [
        "FORBIDDEN"
    ]
    forwarded = payload(
        await execute(APPROVE_APPLICATION, {"id": record["id"]}, as_=demo["unit_head"]),
        "assignmentApproveApplication",
    )
    [request] = await InvolvementRequest.filter(assignment_id=record["id"])
    # then: now the target head, and only they, decide the request
    assert forwarded["record"]["status"] == "OWN_HEAD_APPROVED"
    assert await actions(demo["rights_head"], "INVOLVEMENT_REQUEST", str(request.id)) == ["approve", "reject"]
    assert await actions(demo["unit_head"], "INVOLVEMENT_REQUEST", str(request.id)) == []
    approved = payload(
        await execute(APPROVE_INVOLVEMENT, {"id": str(request.id), "input": {}}, as_=demo["rights_head"]),
        "involvementRequestApprove",
    )
    assert approved["record"]["assignment"]["status"] == "TARGET_HEAD_APPROVED"


# --- ASG-3 -------------------------------------------------------------------------------------------


async def police_officer() -> Staff:
    police = await Agency.filter(kind=AgencyKind.POLICE).order_by("code").first()
    return await Staff.create(
        employee_number="POL-UJI-01",
        full_name="Petugas Polisi Uji",
        email="petugas.uji@polda-fiktif.example",
        position=Position.EXTERNAL,
        agency=police,
    )


async def test_involvement_request_agency_approve_by_the_partner_token_asg_3(demo):
    # given: the review bureau needs a police officer on a team; the Secretary General sends the request
    review = await demo.unit("BIRO-PP")
    lead = (await demo.staff_of("BIRO-PP"))[0]
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
    record = payload(
        await execute(REQUEST_AGENCY, {"input": given}, as_=demo["unit_head"]),
        "assignmentRequestAgencyInvolvement",
    )["record"]
    [draft] = record["involvementRequests"]
    # the agency sees nothing of a request not yet sent (AC-2)
    assert (record["status"], draft["status"], draft["targetAgencyId"]) == ("CONSULTING", "DRAFT", None)
    assert (
        refusal(await execute(AGENCY_APPROVE, {"id": draft["id"], "input": {}}, as_=demo["partner"]))
        == "NOT_FOUND"
    )
    assert error_codes(await execute(SEND_AGENCY_REQUEST, {"id": record["id"]}, as_=demo["unit_head"])) == [
        "FORBIDDEN"
    ]
    sent = payload(
        await execute(SEND_AGENCY_REQUEST, {"id": record["id"]}, as_=demo["secretary_general"]),
        "assignmentSendAgencyRequest",
    )
    # when: LPSK's heads try to answer for the agency; then the agency's token answers
    for role in ("unit_head", "rights_head", "executor"):
        refused = await execute(
            AGENCY_APPROVE, {"id": draft["id"], "input": {"agencyLetter": "x"}}, as_=demo[role]
        )
        assert error_codes(refused) == ["FORBIDDEN"], role
    answered = payload(
        await execute(
            AGENCY_APPROVE, {"id": draft["id"], "input": {"note": "Tersedia."}}, as_=demo["partner"]
        ),
        "involvementRequestAgencyApprove",
    )
    issued = payload(
        await execute(ISSUE_LETTER, {"id": record["id"]}, as_=demo["secretary_general"]),
        "assignmentIssueLetter",
    )
    delivered = payload(
        await execute(DELIVER, {"id": record["id"]}, as_=demo["secretary_general"]), "assignmentDeliver"
    )
    # then
    assert sent["record"]["status"] == "AWAITING_INVOLVEMENT"
    assert sent["record"]["involvementRequests"][0]["targetAgencyId"] == str(officer.agency_id)
    assert answered["record"] == {
        "status": "APPROVED",
        "requestedStaffId": str(officer.id),
        "decidedById": None,
    }
    assert issued["record"]["status"] == "LETTER_ISSUED"
    assert issued["record"]["assignmentLetters"][0]["issuerCode"] == "LPSK"
    assert delivered["record"]["status"] == "DELIVERED"


# --- ASG-4 -------------------------------------------------------------------------------------------


async def test_assignment_receive_agency_request_decided_by_the_secretary_general_asg_4(demo):
    # given: the police ask for a rights-fulfilment officer, in writing
    rights = await demo.unit("BIRO-PH")
    person = (await demo.staff_of("BIRO-PH"))[0]
    police = await Agency.filter(kind=AgencyKind.POLICE).order_by("code").first()
    given = {
        "agencyId": str(police.id),
        "targetUnitId": str(rights.id),
        "title": "Narasumber pelatihan penyidik",
        "purpose": "Materi hak saksi dan korban.",
        "agencyLetter": "B/77/XI/2026/Polda",
    }
    refused = await execute(RECEIVE_AGENCY_REQUEST, {"input": given}, as_=demo["rights_head"])
    record = payload(
        await execute(RECEIVE_AGENCY_REQUEST, {"input": given}, as_=demo["secretary_general"]),
        "assignmentReceiveAgencyRequest",
    )["record"]
    [request] = record["involvementRequests"]
    # when: the Secretary General cannot decide before consulting; the related head advises
    early = payload(
        await execute(APPROVE_INVOLVEMENT, {"id": request["id"], "input": {}}, as_=demo["secretary_general"]),
        "involvementRequestApprove",
    )
    by_other_head = await execute(
        ADVISE, {"id": request["id"], "input": {"availabilityNote": "x"}}, as_=demo["unit_head"]
    )
    advised = payload(
        await execute(
            ADVISE,
            {"id": request["id"], "input": {"availabilityNote": "Tersedia.", "staffId": str(person.id)}},
            as_=demo["rights_head"],
        ),
        "involvementRequestAdvise",
    )
    by_agency = await execute(APPROVE_INVOLVEMENT, {"id": request["id"], "input": {}}, as_=demo["partner"])
    approved = payload(
        await execute(APPROVE_INVOLVEMENT, {"id": request["id"], "input": {}}, as_=demo["secretary_general"]),
        "involvementRequestApprove",
    )
    # then
    assert error_codes(refused) == ["FORBIDDEN"]
    assert record["status"] == "CONSULTING"
    assert (early["code"], early["rule"]) == ("RULE_VIOLATION", "ASG-4")
    assert refusal(by_other_head) == "NOT_FOUND"  # not of the review bureau's subtree (AC-5)
    assert advised["record"] == {
        "status": "SUBMITTED",
        "availabilityNote": "Tersedia.",
        "requestedStaffId": str(person.id),
    }
    assert error_codes(by_agency) == ["FORBIDDEN"]  # the asking agency reads, never decides (AC-2, AC-6)
    assert approved["record"] == {"status": "APPROVED", "assignment": {"status": "APPROVED"}}
    seen_by_agency = payload(
        await execute(INVOLVEMENT_REQUEST, {"id": request["id"]}, as_=demo["partner"]), "involvementRequest"
    )
    assert (seen_by_agency["status"], seen_by_agency["agencyLetter"]) == ("APPROVED", "B/77/XI/2026/Polda")


# --- ASG-9 -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("reporter", "FORBIDDEN"),
        ("partner", "FORBIDDEN"),
        ("executor", "FORBIDDEN"),
        ("team_member", "FORBIDDEN"),
        ("expert", "FORBIDDEN"),
        ("unit_head", "NOT_FOUND"),  # another bureau's team: out of reach (AC-5)
        ("secretary_general", "FORBIDDEN"),  # reaches it, but is not the head of *that* unit (AC-6)
        ("leader", "FORBIDDEN"),
    ],
)
async def test_team_add_member_by_anyone_but_the_owning_head_is_refused_asg_9(demo, role, code):
    # given: the rights-fulfilment bureau's running team, and one of its staff not on it
    team = await Team.filter(owning_unit__code="BIRO-PH", status=TeamStatus.ACTIVE).order_by("code").first()
    newcomer = (await demo.staff_of("BIRO-PH"))[-1]
    before = await snapshot()
    # when
    result = await execute(
        TEAM_ADD_MEMBER, {"id": str(team.id), "input": {"staffId": str(newcomer.id)}}, as_=demo[role]
    )
    # then
    assert refusal(result) == code
    assert await snapshot() == before


async def test_team_add_member_by_the_owning_head_asg_9_and_outsider_refused_asg_7(demo):
    # given
    team = await Team.filter(owning_unit__code="BIRO-PH", status=TeamStatus.ACTIVE).order_by("code").first()
    newcomer = (await demo.staff_of("BIRO-PH"))[-1]
    outsider = (await demo.staff_of("BIRO-PP"))[-1]
    # when
    added = payload(
        await execute(
            TEAM_ADD_MEMBER,
            {"id": str(team.id), "input": {"staffId": str(newcomer.id)}},
            as_=demo["rights_head"],
        ),
        "teamAddMember",
    )
    refused = payload(
        await execute(
            TEAM_ADD_MEMBER,
            {"id": str(team.id), "input": {"staffId": str(outsider.id)}},
            as_=demo["rights_head"],
        ),
        "teamAddMember",
    )
    # then
    assert {"staffId": str(newcomer.id), "role": "MEMBER", "leftOn": None} in added["record"][
        "teamMemberships"
    ]
    assert (refused["code"], refused["rule"], refused["field"]) == (
        "RULE_VIOLATION",
        "ASG-7",
        "involvementRequestId",
    )


# --- PERF-4 ------------------------------------------------------------------------------------------


async def test_assignment_accept_results_only_by_the_owning_head_perf_4(demo):
    # given: the review bureau head appoints one of the bureau; the letter; the work; the results
    person = (await demo.staff_of("BIRO-PP"))[0]
    review = await demo.unit("BIRO-PP")
    assignee = await as_staff(person)
    given = {"unitId": str(review.id), "title": "Telaah ulang", "staffId": str(person.id)}
    record_id = payload(await execute(APPOINT, {"input": given}, as_=demo["unit_head"]), "assignmentAppoint")[
        "record"
    ]["id"]
    payload(await execute(ISSUE_LETTER, {"id": record_id}, as_=demo["unit_head"]), "assignmentIssueLetter")
    payload(await execute(START, {"id": record_id}, as_=assignee), "assignmentStart")
    submitted = payload(
        await execute(
            SUBMIT_RESULTS, {"id": record_id, "input": {"summary": "40 berkas ditelaah."}}, as_=assignee
        ),
        "assignmentSubmitResults",
    )
    # when: the assignee, another head, the Secretary General, then the owning head
    by_assignee = await execute(ACCEPT_RESULTS, {"id": record_id}, as_=assignee)
    by_rights_head = await execute(ACCEPT_RESULTS, {"id": record_id}, as_=demo["rights_head"])
    by_sg = await execute(ACCEPT_RESULTS, {"id": record_id}, as_=demo["secretary_general"])
    accepted = payload(
        await execute(ACCEPT_RESULTS, {"id": record_id}, as_=demo["unit_head"]), "assignmentAcceptResults"
    )
    # then
    assert submitted["record"] == {"status": "RESULTS_SUBMITTED", "resultsSummary": "40 berkas ditelaah."}
    assert error_codes(by_assignee) == ["FORBIDDEN"]
    assert refusal(by_rights_head) == "NOT_FOUND"
    assert error_codes(by_sg) == ["FORBIDDEN"]
    assert accepted["record"]["status"] == "COMPLETED"
    assert (await Assignment.get(id=record_id)).status == "completed"
