"""The audit trail through GraphQL: oversight reads and verifies it, others cannot (AC-10, AC-13, AC-14)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from models.audit import AuditEntry
from tests.audit.helpers import NOW, chain
from tests.audit.helpers import execute as tamper
from tests.authz.conftest import partner, reporter, staff
from tests.client import error_codes, execute
from workflows import audit

ENTRIES = """
query Entries($filter: AuditEntryFilter, $first: Int!) {
  auditEntries(filter: $filter, first: $first, orderBy: SEQUENCE) {
    totalCount
    nodes { sequence action principalRef subjectType subjectId outcome requestId occurredAt }
  }
}
"""
VERIFY = """
query Verify($anchorSequence: Int, $anchorHash: String) {
  auditVerify(anchorSequence: $anchorSequence, anchorHash: $anchorHash) {
    intact checked firstBrokenSequence kind problem headSequence headHash
  }
}
"""

OVERSIGHT = staff("executor", unit_function="oversight")
CASE_TEAM = staff("executor", team_ids=frozenset({uuid.uuid4()}))
OUTSIDERS = {
    "case_team_staff": CASE_TEAM,
    "leader": staff("leader"),
    "unit_head": staff("unit_head", headed_unit_ids=frozenset({uuid.uuid4()})),
    "partner": partner("referrals:respond"),
    "reporter": reporter(),
    "anonymous": None,
}


# --- reading --------------------------------------------------------------------------------


async def test_audit_entries_oversight_filters_by_action_subject_principal_and_time_ac_10(policies):
    # given
    entries = await chain(4)
    other = staff("executor")
    late = await audit.record(
        "policy.add",
        principal=other,
        subject_type="PolicyRule",
        subject_id=uuid.uuid4(),
        now=NOW + dt.timedelta(hours=1),
    )
    filters = {
        "action": ({"action": "case.step_2"}, [3]),
        "subject": ({"subjectType": "Case", "subjectId": str(entries[1].subject_id)}, [2]),
        "principal": ({"principalRef": str(other.staff_id)}, [5]),
        "time": (
            {
                "occurredAtFrom": (NOW + dt.timedelta(minutes=1)).isoformat(),
                "occurredAtBefore": (NOW + dt.timedelta(minutes=3)).isoformat(),
            },
            [2, 3],
        ),
        "request": ({"requestId": "req-0", "outcome": "ok"}, [1]),
    }
    for name, (condition, sequences) in filters.items():
        # when
        result = await execute(ENTRIES, {"filter": condition, "first": 10}, as_=OVERSIGHT)
        # then
        assert result.errors is None, name
        page = result.data["auditEntries"]
        assert [n["sequence"] for n in page["nodes"]] == sequences, name
        assert page["totalCount"] == len(sequences), name
    assert late.sequence == 5


@pytest.mark.parametrize("role", OUTSIDERS)
async def test_audit_entries_outsider_refused_ac_10(policies, role):
    # given
    await chain(2)
    principal = OUTSIDERS[role]
    # when
    result = await execute(ENTRIES, {"first": 10}, as_=principal)
    # then
    assert error_codes(result) == (["UNAUTHENTICATED"] if principal is None else ["FORBIDDEN"])
    assert result.data is None


# --- verifying ------------------------------------------------------------------------------


async def test_audit_verify_intact_chain_for_oversight_ac_14(policies):
    # given
    await chain(3)
    sequence, entry_hash = await audit.head()
    # when
    result = await execute(VERIFY, {"anchorSequence": sequence, "anchorHash": entry_hash}, as_=OVERSIGHT)
    # then
    assert result.errors is None
    assert result.data["auditVerify"] == {
        "intact": True,
        "checked": 3,
        "firstBrokenSequence": None,
        "kind": None,
        "problem": None,
        "headSequence": 3,
        "headHash": entry_hash,
    }


@pytest.mark.parametrize("role", OUTSIDERS)
async def test_audit_verify_outsider_refused_ac_10(policies, role):
    # given
    principal = OUTSIDERS[role]
    # when
    result = await execute(VERIFY, as_=principal)
    # then
    assert error_codes(result) == (["UNAUTHENTICATED"] if principal is None else ["FORBIDDEN"])
    assert result.data is None


async def test_audit_verify_refusal_is_audited_ac_13(policies):
    # when
    await execute(VERIFY, as_=CASE_TEAM)
    # then
    entry = await AuditEntry.get(action="audit_entries.read")
    assert (entry.outcome, entry.principal_ref) == ("refused", str(CASE_TEAM.staff_id))


async def test_audit_verify_tampered_entry_reports_its_sequence_ac_14(policies):
    # given: entry 3 edited in the database behind the application's back
    await chain(5)
    await tamper("UPDATE audit_entries SET action = 'case.nothing_happened' WHERE sequence = 3")
    # when
    result = await execute(VERIFY, as_=OVERSIGHT)
    # then
    report = result.data["auditVerify"]
    assert result.errors is None
    assert (report["intact"], report["firstBrokenSequence"], report["kind"], report["checked"]) == (
        False,
        3,
        "EDITED",
        2,
    )
    assert report["headSequence"] == 2
    assert "3" in report["problem"]


async def test_audit_verify_problem_in_the_request_language_q_u3(policies):
    # given: entry 3 edited behind the application's back
    await chain(4)
    await tamper("UPDATE audit_entries SET action = 'case.nothing_happened' WHERE sequence = 3")
    # when: asked in Indonesian (the default) and in English
    indonesian = await execute(VERIFY, as_=OVERSIGHT)
    english = await execute(VERIFY, as_=OVERSIGHT, language="en")
    # then: the same finding, in each reader's language
    assert indonesian.data["auditVerify"]["problem"] == (
        "entri 3 tidak lagi cocok dengan hash-nya: isinya telah diubah"
    )
    assert (
        english.data["auditVerify"]["problem"]
        == "entry 3 no longer matches its hash: its content was changed"
    )


async def test_audit_verify_deleted_tail_found_through_anchor_ac_14(policies):
    # given: the head kept outside, then the newest entry deleted
    await chain(4)
    sequence, entry_hash = await audit.head()
    await tamper("DELETE FROM audit_entries WHERE sequence = 4")
    # when
    without_anchor = await execute(VERIFY, as_=OVERSIGHT)
    with_anchor = await execute(VERIFY, {"anchorSequence": sequence, "anchorHash": entry_hash}, as_=OVERSIGHT)
    # then: the chain alone looks sound; the anchor shows the loss
    assert without_anchor.data["auditVerify"]["intact"] is True
    report = with_anchor.data["auditVerify"]
    assert (report["intact"], report["firstBrokenSequence"], report["kind"]) == (False, 4, "DELETED")


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"anchorSequence": 3}, "anchorHash"),
        ({"anchorHash": "0" * 64}, "anchorSequence"),
        ({"anchorSequence": 0, "anchorHash": "0" * 64}, "anchorSequence"),
        ({"anchorSequence": 3, "anchorHash": "not-a-hash"}, "anchorHash"),
    ],
)
async def test_audit_verify_bad_anchor_is_validation_naming_it_ac_14(policies, variables, field):
    # when
    result = await execute(VERIFY, variables, as_=OVERSIGHT)
    # then
    assert error_codes(result) == ["VALIDATION"]
    assert result.errors[0].extensions["field"] == field
