"""Complaints through GraphQL, as the roles of the demo organisation (PRO-5): the legal, cooperation
and public-relations bureau records what came in and answers it; the handling unit's head answers
the demo's open complaint; a blank answer, a second answer and other roles are refused."""

from __future__ import annotations

import pytest

from models.proactive_actions import Complaint, ComplaintStatus
from tests.client import error_codes, execute
from tests.organisation.conftest import Demo, as_staff, demo  # noqa: F401 — the demo fixture
from tests.protection.test_proactive_factories import payload, snapshot

RECEIVE = """
mutation Receive($input: ComplaintReceiveInput!) {
  complaintReceive(input: $input) {
    __typename
    ... on ComplaintReceiveSuccess { record { id code status channel handlingUnitId complainantName complainantNameMasked } }
    ... on MutationError { code message field rule }
  }
}
"""
TAKE_UP = """
mutation TakeUp($id: ID!) {
  complaintTakeUp(id: $id) {
    __typename
    ... on ComplaintTakeUpSuccess { record { status } }
    ... on MutationError { code message field rule }
  }
}
"""
ANSWER = """
mutation Answer($id: ID!, $input: ComplaintAnswerInput!) {
  complaintAnswer(id: $id, input: $input) {
    __typename
    ... on ComplaintAnswerSuccess { record { status answer answeredAt } }
    ... on MutationError { code message field rule }
  }
}
"""
GIVEN = {
    "channel": "WEBSITE",
    "kind": "COMPLAINT",
    "service": "SAFE_HOUSE",
    "summary": "Kamar rumah aman lembap (fiktif).",
    "complainantName": "Pengadu Contoh",
    "complainantContact": "0812-0000-1111",
}


async def complaints_officer(roles: Demo):
    return await as_staff((await roles.staff_of("BIRO-HUKUM"))[0])


async def test_complaint_receive_take_up_and_answer_by_the_complaints_bureau_pro_5(demo):  # noqa: F811
    # given
    officer = await complaints_officer(demo)
    bureau = await demo.unit("BIRO-HUKUM")
    # when
    received = payload(await execute(RECEIVE, {"input": GIVEN}, as_=officer), "complaintReceive")
    record_id = received["record"]["id"]
    taken = payload(await execute(TAKE_UP, {"id": record_id}, as_=officer), "complaintTakeUp")
    answered = payload(
        await execute(ANSWER, {"id": record_id, "input": {"answer": "Sudah diperbaiki."}}, as_=officer),
        "complaintAnswer",
    )
    # then: the bureau handles it; the complainant's name is secret to it (AC-11)
    assert received["record"]["status"] == "RECEIVED" and received["record"]["handlingUnitId"] == str(
        bureau.id
    )
    assert received["record"]["complainantName"] is None and received["record"]["complainantNameMasked"]
    assert taken["record"]["status"] == "IN_PROGRESS"
    assert answered["record"]["status"] == "ANSWERED" and answered["record"]["answer"] == "Sudah diperbaiki."


async def test_complaint_answer_blank_or_twice_is_refused_pro_5(demo):  # noqa: F811
    # given: the demo's complaint just received, handled by the application-review bureau
    record = await Complaint.filter(status=ComplaintStatus.RECEIVED).order_by("code").first()
    head = demo["unit_head"]
    blank = payload(
        await execute(ANSWER, {"id": str(record.id), "input": {"answer": "  "}}, as_=head), "complaintAnswer"
    )
    # when: the head of the handling unit answers, then answers again
    first = payload(
        await execute(ANSWER, {"id": str(record.id), "input": {"answer": "Dijelaskan."}}, as_=head),
        "complaintAnswer",
    )
    before = await snapshot()
    again = payload(
        await execute(ANSWER, {"id": str(record.id), "input": {"answer": "Lain."}}, as_=head),
        "complaintAnswer",
    )
    # then
    assert (blank["code"], blank["field"], blank["rule"]) == ("VALIDATION", "answer", "PRO-5")
    assert first["record"]["status"] == "ANSWERED"
    assert (again["code"], again["rule"]) == ("RULE_VIOLATION", "PRO-5")
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("partner", "FORBIDDEN"),
        ("reporter", "FORBIDDEN"),
        ("executor", "FORBIDDEN"),
        ("rights_head", "FORBIDDEN"),
        ("leader", "FORBIDDEN"),
    ],
)
async def test_complaint_receive_outside_the_complaints_bureau_is_refused_pro_5(demo, role, code):  # noqa: F811
    before = await snapshot()
    assert error_codes(await execute(RECEIVE, {"input": GIVEN}, as_=demo[role])) == [code]
    assert await snapshot() == before
