"""Termination of programs, without GraphQL: by a written decision on grounds a–e, (a) and (b) only
for the matching initiator, recorded in an official record (TRM-1) — and every way around refused
with nothing changed."""

from __future__ import annotations

import pytest

from models.cases import ApplicationInitiator, Decision, Protectee
from models.documents import Document, DocumentKind, OfficialRecordType
from models.programs import ProgramKind, ProgramStatus, ProtectionProgram, TerminationReason
from tests.protection.factories import DAY, NOW, TODAY, accepted, document, programs_of, sign, snapshot, world
from workflows.engine import run
from workflows.errors import Forbidden, RuleViolation, ValidationFailed
from workflows.programs import PROGRAM
from workflows.programs.inputs import ExtendInput, TerminateInput

R, K = TerminationReason, ProgramKind


def ending(
    *grounds: TerminationReason, reason: str = "Surat permintaan tertanggal 1 Maret 2026."
) -> TerminateInput:
    return TerminateInput(list(grounds), reason)


async def test_program_terminate_at_the_protectees_request_by_written_decision_trm_1(policies):
    # given: the person's own application, one program
    w = await world()
    decision = await accepted(w, programs=[K.MEDICAL])
    program = (await programs_of(decision))[K.MEDICAL]
    # when
    done = await run(
        PROGRAM, "terminate", program.id, await w.as_("leader"), ending(R.PROTECTEE_REQUEST), now=NOW
    )
    # then: the decision, its official record, the ground and evidence; the person's protection ended
    written = await Decision.get(id=done.termination_decision_id)
    assert (written.kind, written.supersedes_id, written.number) == (
        "termination",
        decision.id,
        "KEP-0002/1.1/LPSK/2026",
    )
    record = await Document.get(program_id=program.id, kind=DocumentKind.OFFICIAL_RECORD)
    assert (record.record_type, record.decision_id) == (OfficialRecordType.TERMINATION, written.id)
    assert "huruf a" in record.body
    assert (done.status, done.termination_reason, done.terminated_at) == (
        ProgramStatus.TERMINATED,
        R.PROTECTEE_REQUEST,
        NOW,
    )
    assert done.termination_note == "Surat permintaan tertanggal 1 Maret 2026."
    assert (await Protectee.get(id=decision.protectee_id)).status == "ended"


async def test_program_terminate_on_several_grounds_at_an_officials_request_trm_1(policies):
    # given: protection an official asked for; a signed statement
    w = await world()
    decision = await accepted(
        w,
        programs=[K.LEGAL_PROTECTION],
        initiator=ApplicationInitiator.OFFICIAL,
        initiating_official_name="AKBP Fiktif",
    )
    await sign(w, await document(decision, DocumentKind.WILLINGNESS_STATEMENT))
    program = (await programs_of(decision))[K.LEGAL_PROTECTION]
    # when: Pasal 40(2) "dan/atau" — (b) and (c)
    done = await run(
        PROGRAM,
        "terminate",
        program.id,
        await w.as_("leader"),
        ending(R.OFFICIAL_REQUEST, R.AGREEMENT_BREACH),
        now=NOW,
    )
    # then
    assert done.termination_reason == R.OFFICIAL_REQUEST
    assert "(c) agreement_breach" in done.termination_note


async def test_program_terminate_on_the_other_initiators_ground_is_refused_trm_1(policies):
    # given: the person's own application; an official's
    w = await world()
    own = (await programs_of(await accepted(w, programs=[K.MEDICAL])))[K.MEDICAL]
    official = (
        await programs_of(
            await accepted(
                w,
                programs=[K.MEDICAL],
                nik="3174010101900002",
                initiator=ApplicationInitiator.OFFICIAL,
                initiating_official_name="Kompol Fiktif",
            )
        )
    )[K.MEDICAL]
    before = await snapshot()
    # when / then: (b) on the person's own application, (a) on an official's, (c) with nothing signed
    for program, grounds in (
        (own, [R.OFFICIAL_REQUEST]),
        (official, [R.PROTECTEE_REQUEST]),
        (own, [R.AGREEMENT_BREACH]),
    ):
        with pytest.raises(RuleViolation) as refused:
            await run(PROGRAM, "terminate", program.id, await w.as_("leader"), ending(*grounds), now=NOW)
        assert (refused.value.rule, refused.value.field) == ("TRM-1", "grounds")
    assert await snapshot() == before


async def test_program_terminate_without_decision_reason_or_grounds_is_refused_trm_1(policies):
    # given
    w = await world()
    program = (await programs_of(await accepted(w, programs=[K.MEDICAL])))[K.MEDICAL]
    before = await snapshot()
    # when / then: not a leader's decision; no evidence; no ground
    for role in ("rights_head", "review_head", "secretary_general"):
        with pytest.raises(Forbidden):
            await run(
                PROGRAM, "terminate", program.id, await w.as_(role), ending(R.NO_LONGER_NEEDED), now=NOW
            )
    with pytest.raises(ValidationFailed) as no_reason:
        await run(
            PROGRAM, "terminate", program.id, await w.as_("leader"), ending(R.BAD_FAITH, reason=" "), now=NOW
        )
    assert no_reason.value.field == "reason"
    with pytest.raises(ValidationFailed) as no_ground:
        TerminateInput([], "x")
    assert no_ground.value.rule == "TRM-1"
    assert await snapshot() == before


async def test_program_terminate_ends_a_change_still_waiting_for_signature_trm_1(policies):
    # given: a safe house in force, its extension waiting for the addendum
    w = await world()
    decision = await accepted(w, programs=[K.SAFE_HOUSE])
    program = (await programs_of(decision))[K.SAFE_HOUSE]
    await ProtectionProgram.filter(id=program.id).update(status=ProgramStatus.ACTIVE)
    await run(PROGRAM, "extend", program.id, await w.as_("leader"), ExtendInput(TODAY + 400 * DAY), now=NOW)
    # when
    await run(PROGRAM, "terminate", program.id, await w.as_("leader"), ending(R.BAD_FAITH), now=NOW)
    # then
    [waiting] = await ProtectionProgram.filter(supersedes_id=program.id)
    assert (waiting.status, waiting.termination_reason) == (ProgramStatus.TERMINATED, R.BAD_FAITH)
