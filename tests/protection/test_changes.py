"""Changes of programs, without GraphQL: extension, addition and reduction, each by a decision of its
own, followed by an addendum where an agreement exists, and the history of every program's periods
(CHG-1) — and every way around refused with nothing changed."""

from __future__ import annotations

import pytest

from models.cases import Decision
from models.documents import Document, DocumentKind
from models.programs import ProgramKind, ProgramStatus, ProtectionProgram
from tests.protection.factories import (
    DAY,
    NOW,
    TODAY,
    World,
    accepted,
    document,
    prepare,
    programs_of,
    sign,
    snapshot,
    world,
)
from workflows.engine import run
from workflows.errors import Forbidden, RuleViolation
from workflows.programs import PROGRAM, period_history
from workflows.programs.inputs import AddProgramInput, ExtendInput, ReduceInput

K, D = ProgramKind, DocumentKind
END = TODAY + 180 * DAY


async def in_force(w: World) -> tuple[Decision, dict[ProgramKind, ProtectionProgram]]:
    """A safe house (agreement) and medical assistance (statement), both in force."""
    decision = await accepted(w)
    programs = await programs_of(decision)
    await prepare(programs[K.SAFE_HOUSE])
    await ProtectionProgram.filter(id=programs[K.MEDICAL].id).update(
        medical_mechanism="state_health_insurance", medical_evidence_ref="lampiran/dokter.pdf"
    )
    await sign(w, await document(decision, D.PROTECTION_AGREEMENT))
    await sign(w, await document(decision, D.WILLINGNESS_STATEMENT))
    programs = await programs_of(decision)
    assert {p.status for p in programs.values()} == {ProgramStatus.ACTIVE}
    return decision, programs


async def test_program_extend_physical_by_decision_and_addendum_then_history_chg_1(policies):
    # given
    w = await world()
    decision, programs = await in_force(w)
    old = programs[K.SAFE_HOUSE]
    # when: the extension decision — the old period runs on until the addendum is signed
    await run(PROGRAM, "extend", old.id, await w.as_("leader"), ExtendInput(END + 90 * DAY), now=NOW)
    extension = await Decision.get(kind="extension")
    new = await ProtectionProgram.get(decision_id=extension.id)
    addendum = await Document.get(kind=D.ADDENDUM)
    assert (await ProtectionProgram.get(id=old.id)).status == ProgramStatus.ACTIVE
    assert (new.status, new.supersedes_id, new.agreement_id) == (
        ProgramStatus.PENDING_SIGNATURE,
        old.id,
        addendum.id,
    )
    await sign(w, addendum)
    # then: the addendum amends the agreement; the new period took over; the history shows both
    agreement = await document(decision, D.PROTECTION_AGREEMENT)
    assert (addendum.addendum_to_id, addendum.decision_id, extension.supersedes_id) == (
        agreement.id,
        extension.id,
        decision.id,
    )
    assert (await ProtectionProgram.get(id=new.id)).status == ProgramStatus.ACTIVE
    history = await period_history(old.id)
    assert [(p.period_start, p.period_end, p.status) for p in history] == [
        (TODAY, END, "superseded"),
        (TODAY, END + 90 * DAY, "active"),
    ]
    assert await period_history(new.id) == history


async def test_program_extend_non_physical_continues_under_its_statement_chg_1(policies):
    # given
    w = await world()
    _, programs = await in_force(w)
    old = programs[K.MEDICAL]
    # when
    moved = await run(PROGRAM, "extend", old.id, await w.as_("leader"), ExtendInput(END + 30 * DAY), now=NOW)
    # then: no addendum (no agreement), the new period in force at once
    assert moved.status == ProgramStatus.SUPERSEDED
    [new] = await ProtectionProgram.filter(supersedes_id=old.id)
    assert (new.status, new.period_end, new.medical_evidence_ref) == (
        ProgramStatus.ACTIVE,
        END + 30 * DAY,
        "lampiran/dokter.pdf",
    )
    assert await Document.filter(kind=D.ADDENDUM).count() == 0


async def test_program_change_without_a_decision_or_backwards_is_refused_chg_1(policies):
    # given
    w = await world()
    _, programs = await in_force(w)
    old = programs[K.SAFE_HOUSE]
    before = await snapshot()
    # when / then: a change by anyone but a leader; an "extension" to an earlier day; a reduction
    # into the past; a second change while the first waits for its addendum
    for role in ("rights_head", "review_head", "secretary_general"):
        with pytest.raises(Forbidden):
            await run(PROGRAM, "extend", old.id, await w.as_(role), ExtendInput(END + DAY), now=NOW)
    with pytest.raises(RuleViolation) as earlier:
        await run(PROGRAM, "extend", old.id, await w.as_("leader"), ExtendInput(END - DAY), now=NOW)
    with pytest.raises(RuleViolation) as past:
        await run(PROGRAM, "reduce", old.id, await w.as_("leader"), ReduceInput(TODAY - DAY), now=NOW)
    assert {earlier.value.rule, past.value.rule} == {"CHG-1"}
    assert await snapshot() == before
    await run(PROGRAM, "extend", old.id, await w.as_("leader"), ExtendInput(END + DAY), now=NOW)
    waiting = await snapshot()
    with pytest.raises(RuleViolation) as twice:
        await run(PROGRAM, "extend", old.id, await w.as_("leader"), ExtendInput(END + 9 * DAY), now=NOW)
    assert twice.value.rule == "CHG-1"
    assert await snapshot() == waiting


async def test_program_reduce_by_decision_takes_effect_at_once_with_addendum_chg_1(policies):
    # given
    w = await world()
    _, programs = await in_force(w)
    old = programs[K.SAFE_HOUSE]
    # when: removed from today
    moved = await run(PROGRAM, "reduce", old.id, await w.as_("leader"), ReduceInput(TODAY), now=NOW)
    # then
    reduction = await Decision.get(kind="reduction")
    [new] = await ProtectionProgram.filter(supersedes_id=old.id)
    assert moved.status == ProgramStatus.SUPERSEDED
    assert (new.status, new.period_end, new.decision_id) == (ProgramStatus.ACTIVE, TODAY, reduction.id)
    addendum = await Document.get(kind=D.ADDENDUM)
    assert addendum.decision_id == reduction.id and "pengurangan" in addendum.body
    assert [p.period_end for p in await period_history(old.id)] == [END, TODAY]


async def test_program_add_by_decision_with_addendum_or_statement_chg_1(policies):
    # given: a protected person with an agreement
    w = await world()
    decision, _ = await in_force(w)
    leader = await w.as_("leader")
    # when: a physical program and a non-physical one added
    close = await run(
        PROGRAM,
        "add",
        None,
        leader,
        AddProgramInput(
            protectee_id=decision.protectee_id, kind=K.CLOSE_PROTECTION, period_start=TODAY, period_end=END
        ),
        now=NOW,
    )
    info = await run(
        PROGRAM,
        "add",
        None,
        leader,
        AddProgramInput(
            protectee_id=decision.protectee_id, kind=K.INFO_CASE_PROGRESS, period_start=TODAY, period_end=END
        ),
        now=NOW,
    )
    # then: each by an addition decision changing the one before; an addendum to the agreement, a new statement
    previous = decision.id
    for program in (close, info):
        added_by = await Decision.get(id=program.decision_id)
        assert (added_by.kind, added_by.supersedes_id, program.status) == (
            "addition",
            previous,
            "pending_signature",
        )
        previous = added_by.id
    addendum = await Document.get(id=close.agreement_id)
    assert (addendum.kind, addendum.addendum_to_id) == (
        D.ADDENDUM,
        (await document(decision, D.PROTECTION_AGREEMENT)).id,
    )
    assert (await Document.get(id=info.willingness_statement_id)).kind == D.WILLINGNESS_STATEMENT


async def test_program_add_what_is_held_or_for_the_unprotected_is_refused_chg_1(policies):
    # given
    w = await world()
    decision, _ = await in_force(w)
    stranger = await accepted(w, nik="3174010101900002")
    await run(
        PROGRAM,
        "terminate",
        (await programs_of(stranger))[K.MEDICAL].id,
        await w.as_("leader"),
        _terminate_input(),
        now=NOW,
    )
    await run(
        PROGRAM,
        "terminate",
        (await programs_of(stranger))[K.SAFE_HOUSE].id,
        await w.as_("leader"),
        _terminate_input(),
        now=NOW,
    )
    before = await snapshot()
    # when / then: the same kind again (extend it instead); someone whose protection ended
    for protectee_id, kind in (
        (decision.protectee_id, K.MEDICAL),
        (stranger.protectee_id, K.INFO_CASE_PROGRESS),
    ):
        with pytest.raises(RuleViolation) as refused:
            await run(
                PROGRAM,
                "add",
                None,
                await w.as_("leader"),
                AddProgramInput(protectee_id=protectee_id, kind=kind, period_start=TODAY, period_end=END),
                now=NOW,
            )
        assert refused.value.rule == "CHG-1"
    assert await snapshot() == before


def _terminate_input():
    from models.programs import TerminationReason
    from workflows.programs.inputs import TerminateInput

    return TerminateInput([TerminationReason.NO_LONGER_NEEDED], "Ancaman telah berakhir (bukti fiktif).")
