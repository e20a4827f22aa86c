"""Assignment letters (Surat Penugasan): numbered per issuer per year without gaps, immutable once
issued, revoked and never deleted (ASG-10).

- `next_number(series, issuer, year)` takes the next number of a series inside the caller's
  transaction, with the series row locked, so concurrent issues queue up and a rolled-back issue
  gives its number back: no gaps, no duplicates. `next_code` numbers record codes the same way.
- The `assignment_letter` workflow: `issue` is internal (the assignment workflow fires it when its
  letter step is taken), `revoke` is taken by the issuing office with a reason.
- Issued letters are guarded in this layer: saving a change to an issued letter's content, or
  un-revoking it, and deleting any letter, raise RULE_VIOLATION (ASG-10). The guard sees model
  instances; bulk `QuerySet.update()/delete()` bypass signals, so workflows never use them on
  letters, and the admin offers no edit or delete on them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.signals import pre_delete, pre_save
from tortoise.transactions import in_transaction

from authz.principal import Principal
from models.assignments import AssignmentLetter, LetterStatus
from models.numbering import NumberSequence
from models.organisation import Position, Unit
from workflows.approvals import Capacity
from workflows.engine import (
    LOCAL_TIMEZONE,
    Actor,
    Step,
    Transition,
    Workflow,
    doc,
    head_of_unit,
    position,
    register,
)
from workflows.errors import RuleViolation
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "letters.immutable": (
            "Surat penugasan yang telah diterbitkan tidak dapat diubah; cabut dan terbitkan yang baru "
            "('{field}', ASG-10).",
            "An issued assignment letter cannot be changed; revoke it and issue a new one ('{field}', ASG-10).",
        ),
        "letters.never_deleted": (
            "Surat penugasan tidak pernah dihapus; surat dicabut dengan alasan (ASG-10).",
            "Assignment letters are never deleted; they are revoked with a reason (ASG-10).",
        ),
    }
)

SERIES = "ST"  # Surat Tugas
SECRETARY_GENERAL_ISSUER = "LPSK"  # letters the Secretary General signs are numbered as LPSK's
CONTENT_FIELDS = (
    "number",
    "issuer_code",
    "year",
    "sequence",
    "assignment_id",
    "team_id",
    "issued_by_id",
    "issued_at",
)
REVOCATION_FIELDS = ("status", "revoked_at", "revocation_reason")


# --- gap-free numbering (ASG-10) -------------------------------------------------------------


async def next_number(
    series: str, issuer: str, year: int, *, seed: Callable[[], Awaitable[int]] | None = None
) -> int:
    """A series of an issuer in a year → its next number, taken with the series row locked in the
    caller's transaction (ASG-10): concurrent takers wait, a rollback returns the number. A series
    seen for the first time starts after `seed()` (numbers already used without the series row)."""
    async with in_transaction():
        query = NumberSequence.filter(series=series, issuer=issuer, year=year)
        row = await query.select_for_update().first()
        if row is None:
            start = await seed() if seed else 0
            try:
                async with in_transaction():  # a savepoint: a lost race must not poison the transaction
                    row = await NumberSequence.create(
                        series=series, issuer=issuer, year=year, last_number=start
                    )
            except IntegrityError:
                # Another transaction created it and has committed by now (the unique index waited).
                row = await query.select_for_update().first()
                if row is None:
                    raise
        row.last_number += 1
        await row.save()
        return row.last_number


async def next_code(model: type[Model], prefix: str, year: int, width: int = 4) -> str:
    """A record code 'PREFIX-YEAR-NNNN', numbered like letters (after any code already used)."""
    start = f"{prefix}-{year}-"

    async def used() -> int:
        codes = await model.filter(code__startswith=start).values_list("code", flat=True)
        tails = (str(code).removeprefix(start) for code in codes)
        return max((int(tail) for tail in tails if tail.isdigit()), default=0)

    number = await next_number(prefix, SECRETARY_GENERAL_ISSUER, year, seed=used)
    return f"{start}{number:0{width}d}"


# --- the letter workflow ------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueInput:
    """What the issuing step names: the assignment, the issuer's series, the team for a team letter."""

    assignment_id: UUID = field(metadata=doc("The assignment the letter makes official."))
    issuer_code: str = field(
        metadata=doc("Issuer: the unit code, or LPSK for the Secretary General.", max_length=60)
    )
    team_id: UUID | None = field(default=None, metadata=doc("The team, for a team assignment letter."))


@dataclass(frozen=True)
class RevokeInput:
    reason: str = field(metadata=doc("Why the letter is revoked (kept on the letter and in its history)."))


async def _build_letter(step: Step) -> AssignmentLetter:
    issue: IssueInput = step.input
    year = step.now.astimezone(LOCAL_TIMEZONE).year

    async def used() -> int:
        numbers = await AssignmentLetter.filter(issuer_code=issue.issuer_code, year=year).values_list(
            "sequence", flat=True
        )
        return max((int(n) for n in numbers), default=0)

    number = await next_number(SERIES, issue.issuer_code, year, seed=used)
    return AssignmentLetter(
        number=f"{SERIES}-{number:04d}/{issue.issuer_code}/{year}",
        issuer_code=issue.issuer_code,
        year=year,
        sequence=number,
        assignment_id=issue.assignment_id,
        team_id=issue.team_id,
        issued_by_id=step.principal.staff_id,
        issued_at=step.now,
    )


async def _revoked(step: Step) -> None:
    step.record.revoked_at = step.now
    step.record.revocation_reason = step.reason


_SECRETARY_GENERAL = position(Position.SECRETARY_GENERAL, "ASG-10")


async def _issuer_holds(principal: Principal, letter: Model) -> Capacity | None:
    if letter.issuer_code == SECRETARY_GENERAL_ISSUER:
        return await _SECRETARY_GENERAL.holds(principal, letter)
    unit_ids = await Unit.filter(code=letter.issuer_code).values_list("id", flat=True)
    return head_of_unit(unit_ids[0] if unit_ids else None, principal)  # type: ignore[arg-type]


ISSUING_OFFICE = Actor(
    "issuing_office",
    "ASG-10",
    "the issuing office (head of the issuing unit, or the Secretary General for LPSK letters)",
    (("position:unit_head", "subtree"), ("position:secretary_general", "all")),
    _issuer_holds,
)

LETTER = register(
    Workflow(
        name="assignment_letter",
        model=AssignmentLetter,
        state_field="status",
        description="Surat Penugasan (ASG-10): issued by the step of an assignment path that makes it "
        "official, numbered per issuer per year without gaps, immutable, revoked — never deleted.",
        transitions=(
            Transition(
                action="issue",
                sources=(),
                target=LetterStatus.ISSUED,
                input=IssueInput,
                build=_build_letter,
                rule_ids=("ASG-10",),
                label=("Terbitkan surat penugasan", "Issue the assignment letter"),
                description="Numbered in the issuer's series for the year, with the series row locked.",
            ),
            Transition(
                action="revoke",
                sources=(LetterStatus.ISSUED,),
                target=LetterStatus.REVOKED,
                actors=(ISSUING_OFFICE,),
                input=RevokeInput,
                reason_required=True,
                effect=_revoked,
                rule_ids=("ASG-10",),
                label=("Cabut surat penugasan", "Revoke the assignment letter"),
                description="Revoke an issued letter with a reason; it stays on record, never deleted (ASG-10).",
            ),
        ),
    )
)


# --- immutability (ASG-10) --------------------------------------------------------------------


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


@pre_save(AssignmentLetter)
async def _issued_letters_are_immutable(
    sender: type[AssignmentLetter], instance: AssignmentLetter, using_db: Any, update_fields: Any
) -> None:
    if not instance._saved_in_db:
        return
    rows = await sender.filter(pk=instance.pk).using_db(using_db).values(*CONTENT_FIELDS, *REVOCATION_FIELDS)
    if not rows:
        return
    stored = rows[0]
    for name in CONTENT_FIELDS:
        if _plain(stored[name]) != _plain(getattr(instance, name)):
            raise RuleViolation("letters.immutable", field=name, rule="ASG-10")
    if _plain(stored["status"]) == LetterStatus.REVOKED.value:
        # A revocation is recorded once: its time and reason may be filled in, never changed.
        for name in REVOCATION_FIELDS:
            if stored[name] is not None and _plain(stored[name]) != _plain(getattr(instance, name)):
                raise RuleViolation("letters.immutable", field=name, rule="ASG-10")


@pre_delete(AssignmentLetter)
async def _letters_are_never_deleted(
    sender: type[AssignmentLetter], instance: AssignmentLetter, using_db: Any
) -> None:
    raise RuleViolation("letters.never_deleted", rule="ASG-10")


__all__ = [
    "LETTER",
    "SECRETARY_GENERAL_ISSUER",
    "SERIES",
    "IssueInput",
    "RevokeInput",
    "next_code",
    "next_number",
]
