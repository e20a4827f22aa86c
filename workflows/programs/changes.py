"""Changes of programs (CHG-1, Pasal 15, 19(3)): extension, addition and reduction, each by a decision
of its own, each followed by an addendum where an agreement exists.

A program's history of periods is its chain of rows: every change grants a new row — same measure,
the period that decision set — which `supersedes` the one before; the earlier row becomes
`superseded` when the new one takes effect. `period_history(program_id)` reads the chain.

- Extension: the new row waits for its addendum to be signed (physical, ADM-4/ADM-6); a
  non-physical program continues under its signed statement at once.
- Reduction: LPSK's decision takes effect at once; a physical program's addendum records it.
- Addition: a program the protectee does not have yet, waiting for its addendum, agreement or
  statement (ADM-6).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from authz.scope import scope
from models.cases import Decision, DecisionKind, DecisionOutcome, FamilyMember, Protectee, ProtecteeStatus
from models.programs import PHYSICAL_KINDS, ProgramKind, ProgramStatus, ProtectionProgram
from workflows.decisions.effects import issue_decision
from workflows.decisions.inputs import IssueDecisionInput
from workflows.documents import content
from workflows.documents.administration import (
    LIVE,
    addendum,
    agreement_root,
    current_agreement,
    document_for_addition,
)
from workflows.engine import Condition, Step, guard
from workflows.errors import NotFound
from workflows.programs.effects import GrantInput, checklist_started, grant_program, new_program, settle
from workflows.programs.inputs import AddProgramInput, ExtendInput, ReduceInput

PHYSICAL = Condition("a physical program (agreement)", lambda r: ProgramKind(r.kind) in PHYSICAL_KINDS)
NOT_PHYSICAL = Condition(
    "a non-physical program (statement)", lambda r: ProgramKind(r.kind) not in PHYSICAL_KINDS
)


# --- guards --------------------------------------------------------------------------------


@guard(
    "CHG-1",
    id="Perpanjangan menetapkan tanggal selesai sesudah tanggal selesai yang berlaku ('periodEnd', CHG-1).",
    en="An extension sets a last day after the current one ('periodEnd', CHG-1).",
    uses_input=True,
    field="periodEnd",
)
async def later_end(step: Step) -> bool:
    """CHG-1: to extend is to go on longer."""
    return bool(step.input.period_end > step.record.period_end)


@guard(
    "CHG-1",
    id="Pengurangan menetapkan tanggal selesai lebih awal, tidak sebelum hari ini maupun awal program "
    "('periodEnd', CHG-1).",
    en="A reduction sets an earlier last day, not before today nor before the program began ('periodEnd', CHG-1).",
    uses_input=True,
    field="periodEnd",
)
async def earlier_end_not_past(step: Step) -> bool:
    """CHG-1: a reduction ends it sooner — it does not rewrite days already given."""
    end = step.input.period_end
    return bool(max(step.today, step.record.period_start) <= end < step.record.period_end)


@guard(
    "CHG-1",
    id="Perubahan sebelumnya atas program ini masih menunggu tanda tangan adendumnya (CHG-1).",
    en="An earlier change of this program is still waiting for its addendum's signatures (CHG-1).",
)
async def no_change_waiting(step: Step) -> bool:
    """CHG-1: one change at a time — the next decision changes what is in force, not a draft of it."""
    return not await ProtectionProgram.filter(
        supersedes_id=step.record.id, status=ProgramStatus.PENDING_SIGNATURE
    ).exists()


@guard(
    "CHG-1",
    id="Penambahan program hanya untuk Terlindung yang dilindungi berdasarkan keputusan menerima (CHG-1).",
    en="A program is added only for a person protected under an accepting decision (CHG-1).",
)
async def protectee_protected(step: Step) -> bool:
    """CHG-1: a change of programs changes an existing protection."""
    return await Protectee.filter(id=step.record.protectee_id, status=ProtecteeStatus.PROTECTED).exists()


@guard(
    "CHG-1",
    id="Terlindung sudah memiliki program ini; gunakan perpanjangan (CHG-1).",
    en="The protectee has this program already; extend it instead (CHG-1).",
)
async def not_held_already(step: Step) -> bool:
    """CHG-1: an addition adds what is not there; more time for what is there is an extension."""
    record = step.record
    held = ProtectionProgram.filter(protectee_id=record.protectee_id, kind=record.kind, status__in=LIVE)
    if record.family_member_id is None:
        held = held.filter(family_member_id__isnull=True)
    else:
        held = held.filter(family_member_id=record.family_member_id)
    return not await held.exclude(id=record.id).exists()


@guard(
    "DEC-2",
    id="Program yang ditambahkan dimulai sejak tanggal keputusan atau sesudahnya ('periodStart', DEC-2).",
    en="An added program starts on the decision's date or later ('periodStart', DEC-2).",
)
async def starts_from_the_decision(step: Step) -> bool:
    """DEC-2: a program exists only by its decision."""
    return bool(step.record.period_start >= step.today)


@guard(
    "APP-2",
    id="Anggota keluarga ini bukan keluarga Terlindung yang dilindungi ('familyMemberId', APP-2).",
    en="This family member is not a covered family member of the protectee ('familyMemberId', APP-2).",
)
async def covered_family_member(step: Step) -> bool:
    """APP-2: a program for a family member is for one the protection covers."""
    record = step.record
    return (
        record.family_member_id is None
        or await FamilyMember.filter(
            id=record.family_member_id, protectee_id=record.protectee_id, covered=True
        ).exists()
    )


# --- effects -------------------------------------------------------------------------------


async def _decision(
    step: Step, program: ProtectionProgram, kind: DecisionKind, notes: str | None
) -> Decision:
    return await issue_decision(
        step,
        IssueDecisionInput(
            kind=kind,
            case_id=program.case_id,  # type: ignore[attr-defined]
            protectee_id=program.protectee_id,  # type: ignore[attr-defined]
            supersedes_id=program.decision_id,  # type: ignore[attr-defined]
            outcome=DecisionOutcome.ACCEPTED,
            notes=notes,
        ),
    )


def _name(program: ProtectionProgram) -> str:
    return content.PROGRAM_NAMES[ProgramKind(program.kind)]


async def extended(step: Step) -> None:
    """CHG-1: the extension decision, and the program's new row to the new day — waiting for its
    addendum (physical), or in force at once under the signed statement."""
    given: ExtendInput = step.input
    old: ProtectionProgram = step.record
    decision = await _decision(step, old, DecisionKind.EXTENSION, given.notes)
    grant = GrantInput(
        decision_id=decision.id,
        protectee_id=old.protectee_id,  # type: ignore[attr-defined]
        kind=ProgramKind(old.kind),
        period_start=old.period_start,
        period_end=given.period_end,
        supersedes_id=old.id,
        statement_id=old.willingness_statement_id,  # type: ignore[attr-defined]
    )
    if ProgramKind(old.kind) in PHYSICAL_KINDS:
        agreement = await agreement_root(old.agreement_id) or await current_agreement(old.protectee_id)  # type: ignore[attr-defined]
        what = f"perpanjangan program {_name(old)} sampai {content.day(given.period_end)}"
        signing = await addendum(step, decision, agreement, what) if agreement else None
        if signing is None:
            signing = await document_for_addition(step, decision, ProgramKind(old.kind))
        grant = dataclasses.replace(grant, agreement_id=signing.id, statement_id=None)
    new = await grant_program(step, grant)
    await settle(step, new)


async def reduced(step: Step) -> None:
    """CHG-1: the reduction decision; the program's new, shorter row is in force at once; a physical
    program's agreement gets its addendum."""
    given: ReduceInput = step.input
    old: ProtectionProgram = step.record
    decision = await _decision(step, old, DecisionKind.REDUCTION, given.notes)
    if ProgramKind(old.kind) in PHYSICAL_KINDS:
        agreement = await agreement_root(old.agreement_id) or await current_agreement(old.protectee_id)  # type: ignore[attr-defined]
        if agreement is not None:
            what = f"pengurangan program {_name(old)} sampai {content.day(given.period_end)}"
            await addendum(step, decision, agreement, what)
    new = await grant_program(
        step,
        GrantInput(
            decision_id=decision.id,
            protectee_id=old.protectee_id,  # type: ignore[attr-defined]
            kind=ProgramKind(old.kind),
            period_start=old.period_start,
            period_end=given.period_end,
            supersedes_id=old.id,
            agreement_id=old.agreement_id,  # type: ignore[attr-defined]
            statement_id=old.willingness_statement_id,  # type: ignore[attr-defined]
        ),
    )
    await settle(step, new)


async def build_added(step: Step) -> ProtectionProgram:
    """CHG-1: the addition decision and the program it adds, for a protectee the leader can reach."""
    given: AddProgramInput = step.input
    protectee = await (await scope(Protectee.filter(id=given.protectee_id), step.principal)).first()
    if protectee is None:
        raise NotFound("Protectee")
    latest = (
        await Decision.filter(
            protectee_id=protectee.id,
            outcome__in=[DecisionOutcome.ACCEPTED, DecisionOutcome.PARTIALLY_ACCEPTED],
        )
        .order_by("-decided_on", "-created_at")
        .first()
    )
    decision = await issue_decision(
        step,
        IssueDecisionInput(
            kind=DecisionKind.ADDITION,
            case_id=protectee.case_id,  # type: ignore[attr-defined]
            protectee_id=protectee.id,
            supersedes_id=latest.id if latest else None,
            outcome=DecisionOutcome.ACCEPTED,
            notes=given.notes,
        ),
    )
    return await new_program(
        step,
        GrantInput(
            decision_id=decision.id,
            protectee_id=protectee.id,
            kind=given.kind,
            period_start=given.period_start,
            period_end=given.period_end,
            family_member_id=given.family_member_id,
        ),
    )


async def added(step: Step) -> None:
    """CHG-1, ADM-4/ADM-5: the added program's addendum, agreement or statement; its checklist (PRG-9)."""
    program: ProtectionProgram = step.record
    decision = await Decision.get(id=program.decision_id)  # type: ignore[attr-defined]
    document = await document_for_addition(step, decision, ProgramKind(program.kind))
    if ProgramKind(program.kind) in PHYSICAL_KINDS:
        program.agreement_id = document.id  # type: ignore[attr-defined]
    else:
        program.willingness_statement_id = document.id  # type: ignore[attr-defined]
    await checklist_started(step)


# --- history of periods ----------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """One row of a program's history: the period one decision set, and what became of it."""

    program_id: UUID
    code: str
    decision_id: UUID
    period_start: dt.date
    period_end: dt.date
    status: str


async def period_history(program_id: UUID) -> list[Period]:
    """A program row → every period of that program, from the first decision to the latest change (CHG-1)."""
    rows: list[ProtectionProgram] = []
    current = await ProtectionProgram.get_or_none(id=program_id)
    while current is not None:  # back to the first grant
        rows.insert(0, current)
        current = (
            await ProtectionProgram.get_or_none(id=current.supersedes_id) if current.supersedes_id else None
        )  # type: ignore[attr-defined]
    while rows:  # forward to the latest change
        following = await ProtectionProgram.filter(supersedes_id=rows[-1].id).order_by("created_at").first()
        if following is None:
            break
        rows.append(following)
    return [
        Period(r.id, r.code, r.decision_id, r.period_start, r.period_end, str(r.status))  # type: ignore[attr-defined]
        for r in rows
    ]


ADD_GUARDS = (protectee_protected, not_held_already, starts_from_the_decision, covered_family_member)

__all__ = [
    "ADD_GUARDS",
    "NOT_PHYSICAL",
    "PHYSICAL",
    "Period",
    "added",
    "build_added",
    "earlier_end_not_past",
    "extended",
    "later_end",
    "no_change_waiting",
    "period_history",
    "reduced",
]
