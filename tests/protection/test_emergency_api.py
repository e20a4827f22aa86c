"""Emergency protection through GraphQL, as the roles of the demo organisation (EMG-1, AC-6, AC-7):
the second different leader grants the demo's waiting request and its official record is issued;
the same leader again, the other roles and unlicensed providers are refused with nothing changed."""

from __future__ import annotations

import pytest

from models.audit import Approval
from models.cases import Protectee
from models.documents import Document
from models.organisation import Position, Staff
from models.programs import EmergencyProtection, EmergencyStatus
from tests.client import error_codes, execute
from tests.organisation.conftest import as_staff, demo  # noqa: F401 — the demo fixture
from tests.protection.test_proactive_factories import payload, snapshot

APPROVE = """
mutation Approve($id: ID!) {
  emergencyProtectionApprove(id: $id) {
    __typename
    ... on EmergencyProtectionApproveSuccess {
      record { status approvedAt officialRecord { number kind recordType status } }
    }
    ... on MutationError { code message field rule }
  }
}
"""
REQUEST = """
mutation Request($input: EmergencyProtectionRequestInput!) {
  emergencyProtectionRequest(input: $input) {
    __typename
    ... on EmergencyProtectionRequestSuccess { record { id code status ground healthWorkerLicence } }
    ... on MutationError { code message field rule }
  }
}
"""
AVAILABLE = """
query Available($id: ID!) {
  availableActions(recordType: EMERGENCY_PROTECTION, id: $id) { action rules }
}
"""


async def waiting() -> EmergencyProtection:
    """The demo's emergency request with one leader's approval in."""
    return await EmergencyProtection.get(status=EmergencyStatus.REQUESTED)


async def first_approver(record: EmergencyProtection) -> Staff:
    approval = await Approval.get(subject_id=record.id)
    return await Staff.get(id=approval.approver_id)


async def test_emergency_protection_approve_as_second_leader_grants_it_emg_1(demo):  # noqa: F811
    # given: the demo request, approved by one rights-fulfilment leader; the chair comes second
    record = await waiting()
    offered = payload(
        await execute(AVAILABLE, {"id": str(record.id)}, as_=demo["leader"]), "availableActions"
    )
    # when
    result = payload(
        await execute(APPROVE, {"id": str(record.id)}, as_=demo["leader"]), "emergencyProtectionApprove"
    )
    # then: granted, with the numbered official record of emergency protection (SH-8)
    assert {"approve", "reject"} <= {a["action"] for a in offered}
    granted = result["record"]
    assert result["__typename"] == "EmergencyProtectionApproveSuccess" and granted["status"] == "APPROVED"
    official = granted["officialRecord"]
    assert (official["kind"], official["recordType"], official["status"]) == (
        "OFFICIAL_RECORD",
        "EMERGENCY",
        "ISSUED",
    )
    assert official["number"].startswith("BA-") and official["number"].endswith("/LPSK/2026")
    assert await Document.filter(number=official["number"]).count() == 1


async def test_emergency_protection_approve_as_same_leader_again_is_refused_emg_1(demo):  # noqa: F811
    # given
    record = await waiting()
    same = await as_staff(await first_approver(record))
    before = await snapshot()
    # when: the way around — the leader who approved counts a second time
    offered = payload(await execute(AVAILABLE, {"id": str(record.id)}, as_=same), "availableActions")
    result = payload(await execute(APPROVE, {"id": str(record.id)}, as_=same), "emergencyProtectionApprove")
    # then
    assert "approve" not in {a["action"] for a in offered}
    assert (result["code"], result["rule"]) == ("RULE_VIOLATION", "EMG-1")
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("partner", "FORBIDDEN"),
        ("executor", "FORBIDDEN"),
        ("team_member", "FORBIDDEN"),
        ("unit_head", "FORBIDDEN"),
        ("rights_head", "FORBIDDEN"),
        ("secretary_general", "FORBIDDEN"),
    ],
)
async def test_emergency_protection_approve_by_non_leaders_is_refused_emg_1(demo, role, code):  # noqa: F811
    # given
    record = await waiting()
    before = await snapshot()
    # when
    result = await execute(APPROVE, {"id": str(record.id)}, as_=demo[role])
    # then: only leaders decide (AC-6)
    assert error_codes(result) == [code]
    assert await snapshot() == before


async def test_emergency_protection_request_with_unlicensed_health_worker_is_refused_emg_1(demo):  # noqa: F811
    # given: the rights-fulfilment head reaches every protected person (AC-11)
    person = await Protectee.all().order_by("code").first()
    given = {
        "protecteeId": str(person.id),
        "ground": "URGENT_MEDICAL_PSYCHOLOGICAL",
        "situation": "Luka berat, perlu tindakan segera (fiktif).",
        "healthWorkerName": "Mantri Fiktif",
    }
    before = await snapshot()
    # when: without, then with, the practice licence (Pasal 39)
    refused = payload(
        await execute(REQUEST, {"input": given}, as_=demo["rights_head"]), "emergencyProtectionRequest"
    )
    after_refusal = await snapshot()
    licensed = {**given, "healthWorkerLicence": "SIP-FIKTIF-0099"}
    taken = payload(
        await execute(REQUEST, {"input": licensed}, as_=demo["rights_head"]), "emergencyProtectionRequest"
    )
    # then
    assert (refused["code"], refused["rule"], refused["field"]) == (
        "RULE_VIOLATION",
        "EMG-1",
        "healthWorkerLicence",
    )
    assert after_refusal == before
    assert (
        taken["record"]["status"] == "REQUESTED"
        and taken["record"]["healthWorkerLicence"] == "SIP-FIKTIF-0099"
    )


async def test_emergency_protection_request_by_an_expert_is_refused_emg_1(demo):  # noqa: F811
    # given: experts advise, they do not act (AC-9) — nor do they reach protected people (AC-11)
    expert = await as_staff(await Staff.filter(position=Position.EXPERT).first())
    person = await Protectee.all().order_by("code").first()
    given = {"protecteeId": str(person.id), "ground": "LIFE_AT_RISK", "situation": "Terancam."}
    before = await snapshot()
    # when
    result = payload(await execute(REQUEST, {"input": given}, as_=expert), "emergencyProtectionRequest")
    # then: the person is not found for them, exactly as an unknown id (AC-12)
    assert result["code"] == "NOT_FOUND"
    assert await snapshot() == before
