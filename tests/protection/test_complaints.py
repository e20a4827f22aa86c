"""Complaints as a workflow, without GraphQL (PRO-5): recorded by the unit handling public
complaints from the channels the service standard names, taken up and answered by that unit —
an answer is required — with the complainant's identity kept out of history and audit (AC-11);
every way around refused with nothing changed."""

from __future__ import annotations

import pytest

from models.audit import AuditEntry, WorkflowHistory
from models.proactive_actions import (
    Complaint,
    ComplaintChannel,
    ComplaintKind,
    ComplaintStatus,
    ServiceConcerned,
)
from models.secrets import reveal
from tests.protection.test_proactive_factories import DAY, NOW, as_, case_with_person, organisation, snapshot
from workflows.complaints import COMPLAINT, AnswerInput, ReceiveInput
from workflows.engine import run
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed

NAME, CONTACT = "Pengadu Rahasia", "0812-9999-0000"


def complaint(**fields):
    values = {
        "channel": ComplaintChannel.HOTLINE,
        "kind": ComplaintKind.COMPLAINT,
        "service": ServiceConcerned.PROACTIVE_ACTION,
        "summary": "Tim datang terlambat.",
        "complainant_name": NAME,
        "complainant_contact": CONTACT,
    }
    values.update(fields)
    return ReceiveInput(**values)


async def received(org, **fields):
    return await run(COMPLAINT, "receive", None, await as_(org.legal_officer), complaint(**fields), now=NOW)


async def test_complaint_receive_take_up_and_answer_pro_5(policies):
    # given
    org = await organisation()
    officer = await as_(org.legal_officer)
    # when: recorded from WhatsApp, taken up, answered
    record = await received(org, channel=ComplaintChannel.WHATSAPP, received_at=NOW - DAY)
    await run(COMPLAINT, "take_up", record.id, officer, now=NOW)
    done = await run(
        COMPLAINT, "answer", record.id, officer, AnswerInput("Sudah kami tindak lanjuti."), now=NOW
    )
    # then: tracked to its answer, by the unit that received it
    stored = await Complaint.get(id=record.id)
    assert stored.code == "ADU-2026-0001" and stored.handling_unit_id == org.legal.id
    assert stored.received_at == NOW - DAY and stored.channel == ComplaintChannel.WHATSAPP
    assert done.status == stored.status == ComplaintStatus.ANSWERED
    assert (stored.answer, stored.answered_at, stored.answered_by_id) == (
        "Sudah kami tindak lanjuti.",
        NOW,
        org.legal_officer.staff.id,
    )
    history = await WorkflowHistory.filter(subject_id=record.id).order_by("occurred_at", "created_at")
    assert [h.to_state for h in history] == ["received", "in_progress", "answered"]


async def test_complaint_identity_stays_out_of_history_and_audit_ac_11(policies):
    # given
    org = await organisation()
    # when
    record = await received(org)
    await run(
        COMPLAINT, "answer", record.id, await as_(org.legal_officer), AnswerInput("Terima kasih."), now=NOW
    )
    # then: sealed at rest, and in no trail
    stored = await Complaint.get(id=record.id)
    assert (reveal(stored, "complainant_name"), reveal(stored, "complainant_contact")) == (NAME, CONTACT)
    raw = await Complaint.filter(id=record.id).values_list("complainant_name", flat=True)
    assert NAME not in str(raw)
    trails = [str(e) for e in await AuditEntry.all().values()] + [
        str(h) for h in await WorkflowHistory.all().values()
    ]
    assert not [t for t in trails if NAME in t or CONTACT in t]


async def test_complaint_answer_without_an_answer_is_invalid_pro_5():
    with pytest.raises(ValidationFailed) as refused:
        AnswerInput("   ")
    assert (refused.value.field, refused.value.rule) == ("answer", "PRO-5")


async def test_complaint_answer_twice_is_refused_pro_5(policies):
    # given: answered
    org = await organisation()
    officer = await as_(org.legal_officer)
    record = await received(org)
    await run(COMPLAINT, "answer", record.id, officer, AnswerInput("Jawaban."), now=NOW)
    before = await snapshot()
    # when: the way around — a second answer replacing the first
    with pytest.raises(RuleViolation) as refused:
        await run(COMPLAINT, "answer", record.id, officer, AnswerInput("Jawaban lain."), now=NOW)
    # then
    assert refused.value.key == "workflow.wrong_state" and refused.value.rule == "PRO-5"
    assert await snapshot() == before


async def test_complaint_answer_by_another_unit_is_refused_pro_5(policies):
    # given
    org = await organisation()
    record = await received(org)
    before = await snapshot()
    # when / then: staff of another unit do not reach it; another unit's head is not its handler
    with pytest.raises(NotFound):
        await run(COMPLAINT, "answer", record.id, await as_(org.other_officer), AnswerInput("X."), now=NOW)
    with pytest.raises((NotFound, Forbidden)):
        await run(COMPLAINT, "answer", record.id, await as_(org.review_head), AnswerInput("X."), now=NOW)
    assert await snapshot() == before


async def test_complaint_receive_outside_the_complaints_unit_is_forbidden_pro_5(policies):
    # given: an executor of another unit
    org = await organisation()
    before = await snapshot()
    # when / then
    with pytest.raises(Forbidden):
        await run(COMPLAINT, "receive", None, await as_(org.other_officer), complaint(), now=NOW)
    assert await snapshot() == before


async def test_complaint_receive_in_the_future_or_unreachable_case_is_refused_pro_5(policies):
    # given
    org = await organisation()
    case, _ = await case_with_person(org)
    before = await snapshot()
    # when / then: a time yet to come; a case the officer cannot reach (AC-12)
    with pytest.raises(RuleViolation) as refused:
        await received(org, received_at=NOW + DAY)
    assert (refused.value.rule, refused.value.field) == ("PRO-5", "receivedAt")
    with pytest.raises(NotFound):
        await received(org, case_id=case.id)
    assert await snapshot() == before


async def test_complaint_anonymous_suggestion_is_recorded_pro_5(policies):
    org = await organisation()
    record = await received(
        org,
        kind=ComplaintKind.SUGGESTION,
        channel=ComplaintChannel.NATIONAL_PORTAL,
        complainant_name=None,
        complainant_contact=None,
    )
    assert record.kind == ComplaintKind.SUGGESTION and record.status == ComplaintStatus.RECEIVED
