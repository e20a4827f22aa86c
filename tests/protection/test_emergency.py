"""Emergency protection as a workflow, without GraphQL (EMG-1, Pasal 38–39): two different leaders
grant it, the requester never approves, the grant issues the numbered official record (SH-8), and
emergency help is recorded only with a practice licence — each way around refused with nothing
changed. Concurrency of the two-leader approval runs on PostgreSQL only."""

from __future__ import annotations

import asyncio

import pytest

from models.audit import WorkflowHistory
from models.documents import Document, DocumentKind, DocumentStatus, OfficialRecordType
from models.programs import EmergencyGround, EmergencyProtection, EmergencyStatus
from tests.approvals.factories import leader
from tests.protection.test_proactive_factories import NOW, as_, case_with_person, organisation, snapshot
from workflows import audit
from workflows.emergency import EMERGENCY, ReasonInput, RequestInput
from workflows.engine import available_actions, run
from workflows.errors import Conflict, Forbidden, NotFound, RuleViolation, ValidationFailed


def request_input(person, **fields):
    values = {
        "protectee_id": person.id,
        "ground": EmergencyGround.LIFE_AT_RISK,
        "situation": "Korban diancam akan dibunuh malam ini (fiktif).",
    }
    values.update(fields)
    return RequestInput(**values)


async def requested(org, officer=None, **fields):
    """EMG-1: the case officer asks for emergency protection of the case's person."""
    officer = officer or org.rights_officer
    _, person = await case_with_person(org, officer)
    return await run(EMERGENCY, "request", None, await as_(officer), request_input(person, **fields), now=NOW)


async def test_emergency_approve_by_two_different_leaders_grants_with_numbered_record_emg_1(policies):
    # given
    org = await organisation()
    record = await requested(org)
    first, second = [await as_(account) for account in org.leaders]
    # when: one leader, then another
    after_one = await run(EMERGENCY, "approve", record.id, first, now=NOW)
    after_two = await run(EMERGENCY, "approve", record.id, second, now=NOW)
    # then: one approval is not enough; the second grants it and issues the official record (SH-8)
    assert after_one.status == EmergencyStatus.REQUESTED and after_one.official_record_id is None
    assert after_two.status == EmergencyStatus.APPROVED and after_two.approved_at == NOW
    document = await Document.get(id=after_two.official_record_id)
    assert document.number == "BA-0001/LPSK/2026" and document.sequence == 1
    assert (document.kind, document.record_type, document.status) == (
        DocumentKind.OFFICIAL_RECORD,
        OfficialRecordType.EMERGENCY,
        DocumentStatus.ISSUED,
    )
    assert (document.case_id, document.protectee_id) == (record.case_id, record.protectee_id)
    rows = await WorkflowHistory.filter(subject_id=record.id).order_by("occurred_at", "created_at")
    assert [(h.action, h.to_state) for h in rows] == [("request", "requested"), ("approve", "approved")]
    assert (await audit.verify()).ok


async def test_emergency_official_records_are_numbered_without_gaps_emg_1(policies):
    # given: two emergencies
    org = await organisation()
    leaders = [await as_(account) for account in org.leaders]
    records = [await requested(org), await requested(org)]
    # when: both granted
    for record in records:
        for official in leaders:
            record = await run(EMERGENCY, "approve", record.id, official, now=NOW)
    # then
    numbers = await Document.all().order_by("sequence").values_list("number", flat=True)
    assert numbers == ["BA-0001/LPSK/2026", "BA-0002/LPSK/2026"]


async def test_emergency_approve_same_leader_twice_is_refused_emg_1(policies):
    # given: one leader has approved
    org = await organisation()
    record = await requested(org)
    first = await as_(org.leaders[0])
    await run(EMERGENCY, "approve", record.id, first, now=NOW)
    before = await snapshot()
    # when: the way around — the same leader counts again
    with pytest.raises(RuleViolation) as refused:
        await run(EMERGENCY, "approve", record.id, first, now=NOW)
    # then
    assert refused.value.key == "approvals.already_decided" and refused.value.rule == "EMG-1"
    assert await snapshot() == before
    assert (await EmergencyProtection.get(id=record.id)).status == EmergencyStatus.REQUESTED


async def test_emergency_approve_by_requesting_leader_is_refused_emg_1(policies):
    # given: a leader asks for it
    org = await organisation()
    record = await requested(org, officer=org.leaders[0])
    await run(EMERGENCY, "approve", record.id, await as_(org.leaders[1]), now=NOW)
    before = await snapshot()
    # when: the way around — the requester's own approval as the second one
    requester = await as_(org.leaders[0])
    offered = [t.action for t in await available_actions(EMERGENCY, record, requester)]
    with pytest.raises(RuleViolation) as refused:
        await run(EMERGENCY, "approve", record.id, requester, now=NOW)
    # then
    assert refused.value.key == "approvals.own_request" and refused.value.rule == "EMG-1"
    assert "approve" not in offered
    assert await snapshot() == before


async def test_emergency_approve_by_a_unit_head_is_forbidden_emg_1(policies):
    # given
    org = await organisation()
    record = await requested(org)
    before = await snapshot()
    # when: leaders' step taken by the head of the case's unit (AC-6)
    with pytest.raises(Forbidden):
        await run(EMERGENCY, "approve", record.id, await as_(org.rights_head), now=NOW)
    # then
    assert await snapshot() == before


async def test_emergency_request_with_licensed_providers_records_them_emg_1(policies):
    # given
    org = await organisation()
    # when: urgent treatment, by a licensed doctor and a licensed psychologist (Pasal 39)
    record = await requested(
        org,
        ground=EmergencyGround.URGENT_MEDICAL_PSYCHOLOGICAL,
        health_worker_name="dr. Contoh Fiktif",
        health_worker_licence="SIP-0001",
        psychologist_name="Psikolog Fiktif",
        psychologist_licence="SIPP-0002",
    )
    # then
    stored = await EmergencyProtection.get(id=record.id)
    assert stored.code == "PD-2026-0001" and stored.required_approvals == 2
    assert (stored.health_worker_licence, stored.psychologist_licence) == ("SIP-0001", "SIPP-0002")
    assert stored.requested_by_id == org.rights_officer.staff.id


async def test_emergency_request_unlicensed_provider_is_refused_emg_1(policies):
    # given
    org = await organisation()
    _, person = await case_with_person(org, org.rights_officer)
    officer = await as_(org.rights_officer)
    before = await snapshot()
    # when: the way around Pasal 39 — a provider without a practice licence (or a licence naming no one)
    for fields, field in (
        ({"health_worker_name": "Mantri Fiktif"}, "healthWorkerLicence"),
        ({"health_worker_name": "Mantri", "health_worker_licence": "   "}, "healthWorkerLicence"),
        ({"psychologist_name": "Konselor Fiktif"}, "psychologistLicence"),
        ({"psychologist_licence": "SIPP-9"}, "psychologistLicence"),
    ):
        given = request_input(person, ground=EmergencyGround.URGENT_MEDICAL_PSYCHOLOGICAL, **fields)
        with pytest.raises(RuleViolation) as refused:
            await run(EMERGENCY, "request", None, officer, given, now=NOW)
        # then
        assert (refused.value.rule, refused.value.field) == ("EMG-1", field)
    assert await snapshot() == before


async def test_emergency_request_without_situation_is_invalid_emg_1():
    with pytest.raises(ValidationFailed) as refused:
        RequestInput(protectee_id=NOW, ground=EmergencyGround.LIFE_AT_RISK, situation="  ")  # type: ignore[arg-type]
    assert refused.value.field == "situation" and refused.value.rule == "EMG-1"


async def test_emergency_request_for_a_person_one_cannot_reach_is_not_found_ac_12(policies):
    # given: a case of which the officer is not the case officer
    org = await organisation()
    _, person = await case_with_person(org)
    before = await snapshot()
    # when
    with pytest.raises(NotFound):
        await run(EMERGENCY, "request", None, await as_(org.other_officer), request_input(person), now=NOW)
    # then
    assert await snapshot() == before


async def test_emergency_reject_by_one_leader_ends_it_emg_1(policies):
    # given
    org = await organisation()
    record = await requested(org)
    # when
    rejected = await run(
        EMERGENCY, "reject", record.id, await as_(org.leaders[0]), ReasonInput("Tidak mendesak."), now=NOW
    )
    # then: rejected with its reason; no later approval grants it
    assert rejected.status == EmergencyStatus.REJECTED and rejected.rejection_reason == "Tidak mendesak."
    with pytest.raises(RuleViolation) as refused:
        await run(EMERGENCY, "approve", record.id, await as_(org.leaders[1]), now=NOW)
    assert refused.value.key == "workflow.wrong_state"
    assert await Document.all().count() == 0


async def test_emergency_end_after_grant_emg_1(policies):
    # given
    org = await organisation()
    record = await requested(org)
    for account in org.leaders:
        await run(EMERGENCY, "approve", record.id, await as_(account), now=NOW)
    # when
    ended = await run(EMERGENCY, "end", record.id, await as_(org.leaders[0]), ReasonInput("Aman."), now=NOW)
    # then
    assert ended.status == EmergencyStatus.ENDED and ended.ended_at == NOW


# --- concurrency (PostgreSQL) --------------------------------------------------------------------


async def test_emergency_concurrent_last_approvals_one_winner_emg_1(db, policies):
    if not db.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: one leader has approved; three more race for the second place
    org = await organisation()
    record = await requested(org)
    await run(EMERGENCY, "approve", record.id, await as_(org.leaders[0]), now=NOW)
    racers = [await as_(org.leaders[1]), await as_(await leader()), await as_(await leader())]
    # when
    results = await asyncio.gather(
        *(run(EMERGENCY, "approve", record.id, p, now=NOW) for p in racers), return_exceptions=True
    )
    # then: exactly one grant, one official record; the others are told it changed (or, if they
    # looked after the grant committed, that it is approved already)
    winners = [r for r in results if not isinstance(r, BaseException)]
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(winners) == 1 and winners[0].status == EmergencyStatus.APPROVED
    told = {(type(e), e.key) for e in losers}  # type: ignore[attr-defined]
    assert told <= {(Conflict, "workflow.changed"), (RuleViolation, "workflow.wrong_state")}, losers
    assert await Document.all().count() == 1
    assert await WorkflowHistory.filter(subject_id=record.id, action="approve").count() == 1
    assert (await audit.verify()).ok


async def test_emergency_concurrent_first_approvals_both_count_emg_1(db, policies):
    if not db.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: no approval yet
    org = await organisation()
    record = await requested(org)
    leaders = [await as_(account) for account in org.leaders]
    # when: two different leaders approve at the same moment
    results = await asyncio.gather(
        *(run(EMERGENCY, "approve", record.id, p, now=NOW) for p in leaders), return_exceptions=True
    )
    # then: both count — the one that came second grants it, once
    assert not [r for r in results if isinstance(r, BaseException)], results
    stored = await EmergencyProtection.get(id=record.id)
    assert stored.status == EmergencyStatus.APPROVED and stored.official_record_id is not None
    assert await Document.all().count() == 1
    assert (await audit.verify()).ok
