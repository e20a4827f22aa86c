"""The assignment workflows through GraphQL, as the roles of the demo organisation: ASG-1 within a
unit, ASG-2 across units to the Secretary General's letter and AC-8 access, the letter's revocation
(ASG-10), availableActions per role — and every way around refused with nothing changed."""

from __future__ import annotations

from typing import Any

import pytest

from models.assignments import Assignment, AssignmentLetter, InvolvementRequest
from models.audit import AuditEntry
from models.numbering import NumberSequence
from tests.client import error_codes, execute
from tests.organisation.conftest import Demo, as_staff
from tests.workflows.factories import snapshot

APPOINT = """
mutation Appoint($input: AssignmentAppointInput!) {
  assignmentAppoint(input: $input) {
    __typename
    ... on AssignmentAppointSuccess { record { id code status path staffId teamId team { status } } }
    ... on MutationError { code message field rule }
  }
}
"""
ISSUE_LETTER = """
mutation IssueLetter($id: ID!) {
  assignmentIssueLetter(id: $id) {
    __typename
    ... on AssignmentIssueLetterSuccess { record { id status staffId assignmentLetters { id number issuerCode status } } }
    ... on MutationError { code message field rule }
  }
}
"""
WITHDRAW = """
mutation Withdraw($id: ID!, $input: AssignmentWithdrawInput!) {
  assignmentWithdraw(id: $id, input: $input) {
    __typename
    ... on AssignmentWithdrawSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
REQUEST_INVOLVEMENT = """
mutation RequestInvolvement($input: AssignmentRequestInvolvementInput!) {
  assignmentRequestInvolvement(input: $input) {
    __typename
    ... on AssignmentRequestInvolvementSuccess {
      record { id status teamId involvementRequests { id status requestedStaffId } }
    }
    ... on MutationError { code message field rule }
  }
}
"""
APPROVE_INVOLVEMENT = """
mutation ApproveInvolvement($id: ID!, $input: InvolvementRequestApproveInput!) {
  involvementRequestApprove(id: $id, input: $input) {
    __typename
    ... on InvolvementRequestApproveSuccess { record { status decidedById availabilityNote assignment { status } } }
    ... on MutationError { code message field rule }
  }
}
"""
REJECT_INVOLVEMENT = """
mutation RejectInvolvement($id: ID!, $input: InvolvementRequestRejectInput!) {
  involvementRequestReject(id: $id, input: $input) {
    __typename
    ... on InvolvementRequestRejectSuccess { record { status reason assignment { status rejectionReason } } }
    ... on MutationError { code message field rule }
  }
}
"""
PROPOSE = """
mutation Propose($id: ID!) {
  assignmentProposeToSecretaryGeneral(id: $id) {
    __typename
    ... on AssignmentProposeToSecretaryGeneralSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
REVOKE_LETTER = """
mutation Revoke($id: ID!, $input: AssignmentLetterRevokeInput!) {
  assignmentLetterRevoke(id: $id, input: $input) {
    __typename
    ... on AssignmentLetterRevokeSuccess { record { number status revocationReason } }
    ... on MutationError { code message field rule }
  }
}
"""
AVAILABLE = """
query Available($type: WorkflowRecordType!, $id: ID!) {
  availableActions(recordType: $type, id: $id) {
    action mutation label requiresReason rules inputFields { name type required }
  }
}
"""
HISTORY = """
query History($id: ID!) {
  workflowHistories(filter: {subjectId: $id}, orderBy: OCCURRED_AT) {
    nodes { action fromState toState actorId reason }
  }
}
"""
ASSIGNMENT = "query One($id: ID!) { assignment(id: $id) { id status team { id } } }"


def payload(result: Any, field: str) -> dict[str, Any]:
    assert result.errors is None, result.errors
    return result.data[field]


async def next_letter_number(issuer: str) -> str:
    """The number the issuer's next letter of the year takes: right after its last (ASG-10)."""
    row = await NumberSequence.get_or_none(series="ST", issuer=issuer, year=2026)
    return f"ST-{(row.last_number if row else 0) + 1:04d}/{issuer}/2026"


async def actions(demo: Demo, role: str, record_type: str, record_id: str, language: str = "id") -> list[str]:
    result = await execute(
        AVAILABLE, {"type": record_type, "id": record_id}, as_=demo[role], language=language
    )
    return [a["action"] for a in payload(result, "availableActions")]


async def appoint_input(demo: Demo, **fields: Any) -> dict[str, Any]:
    unit = await demo.unit("BIRO-PP")
    staff = await demo.staff_of("BIRO-PP")
    values: dict[str, Any] = {"unitId": str(unit.id), "title": "Telaah permohonan prioritas"}
    values.update(fields or {"staffId": str(staff[0].id)})
    return values


async def test_assignment_appoint_and_issue_letter_as_unit_head_asg_1(demo):
    # given: the head of the application-review bureau
    head = demo["unit_head"]
    expected_number = await next_letter_number("BIRO-PP")
    # when: a draft, what can be done with it, the letter
    drafted = payload(
        await execute(APPOINT, {"input": await appoint_input(demo)}, as_=head), "assignmentAppoint"
    )
    record_id = drafted["record"]["id"]
    offered = payload(
        await execute(AVAILABLE, {"type": "ASSIGNMENT", "id": record_id}, as_=head), "availableActions"
    )
    english = await actions(demo, "unit_head", "ASSIGNMENT", record_id, "en")
    issued = payload(await execute(ISSUE_LETTER, {"id": record_id}, as_=head), "assignmentIssueLetter")
    again = payload(await execute(ISSUE_LETTER, {"id": record_id}, as_=head), "assignmentIssueLetter")
    history = payload(await execute(HISTORY, {"id": record_id}, as_=head), "workflowHistories")["nodes"]
    # then
    assert drafted["__typename"] == "AssignmentAppointSuccess"
    assert (drafted["record"]["status"], drafted["record"]["path"]) == ("DRAFT", "WITHIN_UNIT_APPOINTMENT")
    assert [(a["action"], a["mutation"], a["label"], a["requiresReason"]) for a in offered] == [
        ("issue_letter", "assignmentIssueLetter", "Terbitkan surat penugasan", False),
        ("withdraw", "assignmentWithdraw", "Batalkan penugasan", True),
    ]
    assert offered[1]["inputFields"] == [{"name": "reason", "type": "String!", "required": True}]
    assert english == ["issue_letter", "withdraw"]
    assert issued["record"]["status"] == "LETTER_ISSUED"
    [letter] = issued["record"]["assignmentLetters"]
    assert (letter["number"], letter["issuerCode"]) == (expected_number, "BIRO-PP")
    # the way around: the same step twice
    assert (again["code"], again["rule"]) == ("RULE_VIOLATION", "ASG-1")
    assert "letter_issued" in again["message"]
    assert [(h["action"], h["fromState"], h["toState"]) for h in history] == [
        ("appoint", None, "draft"),
        ("issue_letter", "draft", "letter_issued"),
    ]


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("reporter", "FORBIDDEN"),
        ("partner", "FORBIDDEN"),
        ("system_admin", "FORBIDDEN"),
        ("executor", "FORBIDDEN"),
        ("expert", "FORBIDDEN"),
        ("team_member", "FORBIDDEN"),
        ("hr_staff", "FORBIDDEN"),
        ("leader", "FORBIDDEN"),
        ("rights_head", "FORBIDDEN"),  # heads another unit (AC-6)
        ("secretary_general", "FORBIDDEN"),  # heads the secretariat, not this bureau (AC-6)
    ],
)
async def test_assignment_appoint_by_anyone_but_the_unit_head_is_refused_ac_6(demo, role, code):
    # given
    before = await snapshot()
    # when
    result = await execute(APPOINT, {"input": await appoint_input(demo)}, as_=demo[role])
    # then
    assert error_codes(result) == [code]
    assert await snapshot() == before


async def test_assignment_appoint_outside_member_without_approval_is_refused_asg_7(demo):
    # given: a team of the application-review bureau naming a rights-fulfilment officer
    own = await demo.staff_of("BIRO-PP")
    outsider = (await demo.staff_of("BIRO-PH"))[0]
    before = await snapshot()
    # when
    given = await appoint_input(
        demo, teamName="Tim Telaah", leadId=str(own[0].id), memberIds=[str(own[1].id), str(outsider.id)]
    )
    result = payload(await execute(APPOINT, {"input": given}, as_=demo["unit_head"]), "assignmentAppoint")
    # then
    assert (result["code"], result["rule"]) == ("RULE_VIOLATION", "ASG-7")
    assert "permohonan pelibatan" in result["message"]
    assert await snapshot() == before


async def test_assignment_appoint_team_then_withdraw_with_reason_asg_1(demo):
    # given
    own = await demo.staff_of("BIRO-PP")
    head = demo["unit_head"]
    given = await appoint_input(
        demo, teamName="Tim Telaah", leadId=str(own[0].id), memberIds=[str(own[1].id)]
    )
    drafted = payload(await execute(APPOINT, {"input": given}, as_=head), "assignmentAppoint")["record"]
    # when: without a reason, then with one
    refused = payload(
        await execute(WITHDRAW, {"id": drafted["id"], "input": {"reason": ""}}, as_=head),
        "assignmentWithdraw",
    )
    done = payload(
        await execute(WITHDRAW, {"id": drafted["id"], "input": {"reason": "Diganti tim lain."}}, as_=head),
        "assignmentWithdraw",
    )
    # then
    assert drafted["team"]["status"] == "FORMING"
    assert (refused["code"], refused["field"]) == ("VALIDATION", "reason")
    assert done["record"]["status"] == "WITHDRAWN"


async def test_assignment_across_units_to_the_secretary_generals_letter_asg_2_ac_8(demo):
    # given: the review bureau asks the rights-fulfilment bureau for one of its officers
    review, rights = await demo.unit("BIRO-PP"), await demo.unit("BIRO-PH")
    own, outsider = (await demo.staff_of("BIRO-PP"))[0], (await demo.staff_of("BIRO-PH"))[0]
    given = {
        "unitId": str(review.id),
        "targetUnitId": str(rights.id),
        "title": "Telaah bersama kasus perdagangan orang",
        "purpose": "Keahlian pemenuhan hak untuk telaah.",
        "teamName": "Tim Telaah Gabungan",
        "leadId": str(own.id),
        "requestedStaffIds": [str(outsider.id)],
    }
    # when: the request
    requested = payload(
        await execute(REQUEST_INVOLVEMENT, {"input": given}, as_=demo["unit_head"]),
        "assignmentRequestInvolvement",
    )
    record = requested["record"]
    [involvement] = record["involvementRequests"]
    # then: only the target head may decide it
    assert (record["status"], involvement["status"]) == ("AWAITING_INVOLVEMENT", "SUBMITTED")
    assert await actions(demo, "rights_head", "INVOLVEMENT_REQUEST", involvement["id"]) == [
        "approve",
        "reject",
    ]
    assert await actions(demo, "unit_head", "INVOLVEMENT_REQUEST", involvement["id"]) == []
    assert await actions(demo, "secretary_general", "INVOLVEMENT_REQUEST", involvement["id"]) == []
    by_proposer = await execute(
        APPROVE_INVOLVEMENT, {"id": involvement["id"], "input": {}}, as_=demo["unit_head"]
    )
    assert error_codes(by_proposer) == ["FORBIDDEN"]
    early = payload(
        await execute(PROPOSE, {"id": record["id"]}, as_=demo["unit_head"]),
        "assignmentProposeToSecretaryGeneral",
    )
    assert (early["code"], early["rule"]) == ("RULE_VIOLATION", "ASG-2")
    # when: the target head approves, the proposing head proposes
    approved = payload(
        await execute(
            APPROVE_INVOLVEMENT,
            {"id": involvement["id"], "input": {"availabilityNote": "Tersedia tiga hari per minggu."}},
            as_=demo["rights_head"],
        ),
        "involvementRequestApprove",
    )["record"]
    proposed = payload(
        await execute(PROPOSE, {"id": record["id"]}, as_=demo["unit_head"]),
        "assignmentProposeToSecretaryGeneral",
    )
    # then: the Secretary General, and only they, may now issue or reject
    assert approved["status"] == "APPROVED" and approved["assignment"]["status"] == "TARGET_HEAD_APPROVED"
    assert proposed["record"]["status"] == "PROPOSED_TO_SG"
    assert await actions(demo, "secretary_general", "ASSIGNMENT", record["id"]) == ["issue_letter", "reject"]
    assert await actions(demo, "unit_head", "ASSIGNMENT", record["id"]) == ["withdraw"]
    assert error_codes(await execute(ISSUE_LETTER, {"id": record["id"]}, as_=demo["unit_head"])) == [
        "FORBIDDEN"
    ]
    outsider_principal = await as_staff(outsider)
    expected_number = await next_letter_number("LPSK")
    before_letter = await execute(ASSIGNMENT, {"id": record["id"]}, as_=outsider_principal)
    # when: the letter
    issued = payload(
        await execute(ISSUE_LETTER, {"id": record["id"]}, as_=demo["secretary_general"]),
        "assignmentIssueLetter",
    )
    # then: numbered as LPSK's, and the outside member reaches the team's records (AC-8)
    [letter] = issued["record"]["assignmentLetters"]
    assert (issued["record"]["status"], letter["number"]) == ("LETTER_ISSUED", expected_number)
    assert error_codes(before_letter) == ["NOT_FOUND"]
    after_letter = payload(
        await execute(ASSIGNMENT, {"id": record["id"]}, as_=await as_staff(outsider)), "assignment"
    )
    assert after_letter["team"]["id"] == record["teamId"]


async def test_involvement_request_reject_as_target_head_ends_the_path_asg_2(demo):
    # given
    review, rights = await demo.unit("BIRO-PP"), await demo.unit("BIRO-PH")
    given = {
        "unitId": str(review.id),
        "targetUnitId": str(rights.id),
        "title": "Pendampingan saksi",
        "purpose": "Pendamping berpengalaman.",
    }
    record = payload(
        await execute(REQUEST_INVOLVEMENT, {"input": given}, as_=demo["unit_head"]),
        "assignmentRequestInvolvement",
    )["record"]
    [involvement] = record["involvementRequests"]
    # when: no reason, then a reason
    bare = payload(
        await execute(
            REJECT_INVOLVEMENT, {"id": involvement["id"], "input": {"reason": " "}}, as_=demo["rights_head"]
        ),
        "involvementRequestReject",
    )
    rejected = payload(
        await execute(
            REJECT_INVOLVEMENT,
            {"id": involvement["id"], "input": {"reason": "Semua petugas sedang bertugas."}},
            as_=demo["rights_head"],
        ),
        "involvementRequestReject",
    )["record"]
    # then
    assert (bare["code"], bare["field"]) == ("VALIDATION", "reason")
    assert (rejected["status"], rejected["reason"]) == ("REJECTED", "Semua petugas sedang bertugas.")
    assert rejected["assignment"] == {
        "status": "REJECTED",
        "rejectionReason": "Semua petugas sedang bertugas.",
    }
    assert await actions(demo, "rights_head", "INVOLVEMENT_REQUEST", involvement["id"]) == []


async def test_involvement_request_approve_by_an_unrelated_head_is_forbidden_and_audited_ac_6(demo):
    # given: the demo's open request from the review bureau to the rights-fulfilment bureau
    open_request = await InvolvementRequest.filter(status="submitted", target_unit__code="BIRO-PH").first()
    refusals = await AuditEntry.filter(outcome="refused").count()
    before = await snapshot()
    # when
    result = await execute(
        APPROVE_INVOLVEMENT, {"id": str(open_request.id), "input": {}}, as_=demo["unit_head"]
    )
    # then: the review head reaches it (it comes from their bureau) but is not the target head
    assert error_codes(result) == ["FORBIDDEN"]
    assert await snapshot() == before
    assert await AuditEntry.filter(outcome="refused").count() == refusals + 1


async def test_assignment_letter_revoke_by_its_issuer_only_asg_10(demo):
    # given: a letter of the Secretary General from the demo data
    letter = await AssignmentLetter.filter(issuer_code="LPSK").order_by("sequence").first()
    # when: the rights-fulfilment head (whose team it concerns), then the Secretary General
    by_head = await execute(
        REVOKE_LETTER, {"id": str(letter.id), "input": {"reason": "Keliru."}}, as_=demo["rights_head"]
    )
    by_sg = payload(
        await execute(
            REVOKE_LETTER,
            {"id": str(letter.id), "input": {"reason": "Tim dibubarkan."}},
            as_=demo["secretary_general"],
        ),
        "assignmentLetterRevoke",
    )
    # then
    assert error_codes(by_head) == ["FORBIDDEN"]
    assert by_sg["record"] == {
        "number": letter.number,
        "status": "REVOKED",
        "revocationReason": "Tim dibubarkan.",
    }
    assert await AssignmentLetter.filter(id=letter.id).count() == 1


async def test_available_actions_on_a_record_one_may_not_read_is_not_found_ac_12(demo):
    # given: an assignment of the rights-fulfilment bureau
    record = await Assignment.filter(requesting_unit__code="BIRO-PH").order_by("code").first()
    # when
    result = await execute(AVAILABLE, {"type": "ASSIGNMENT", "id": str(record.id)}, as_=demo["executor"])
    # then
    assert error_codes(result) == ["NOT_FOUND"]
