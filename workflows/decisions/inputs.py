"""What the decision steps take (DEC-1, DEC-2, ADM-1): dataclasses the engine turns into GraphQL
inputs — a decision's grants are nested input objects, one per program with its own period.
Shapes are checked on construction; the rules are guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.cases import DecisionKind, DecisionOutcome
from models.programs import ProgramKind
from workflows.engine import doc
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "decisions.rejection_grants_nothing": (
            "Keputusan menolak tidak memberikan program ('{field}', DEC-2).",
            "A rejecting decision grants no program ('{field}', DEC-2).",
        ),
        "decisions.acceptance_grants": (
            "Keputusan menerima menyebut program yang diberikan, masing-masing sekali ('{field}', DEC-2).",
            "An accepting decision names the programs granted, each once ('{field}', DEC-2).",
        ),
        "decisions.periods": (
            "Jangka waktu program berakhir tidak sebelum tanggal mulainya ('{field}', DEC-2).",
            "A program's period ends no earlier than it starts ('{field}', DEC-2).",
        ),
    }
)


@dataclass(frozen=True, kw_only=True)
class Grant:
    """DEC-2: one program granted by a decision, with its own period."""

    program: ProgramKind = field(metadata=doc("The program granted (PRG-1)."))
    starts_on: dt.date = field(metadata=doc("First day of its period: the decision's day or later (DEC-2)."))
    ends_on: dt.date = field(metadata=doc("Last day of its period, not before the first (DEC-2)."))

    # The names the documents of an accepting decision read (workflows/documents/administration.py).
    @property
    def kind(self) -> ProgramKind:
        return self.program

    @property
    def period_start(self) -> dt.date:
        return self.starts_on

    @property
    def period_end(self) -> dt.date:
        return self.ends_on


def grant_field(index: int, name: str | None = None) -> str:
    """The path of a grant (or one of its fields) in the decision's input: 'input.grants[1].endsOn'."""
    return f"input.grants[{index}]" + (f".{name}" if name else "")


@dataclass(frozen=True, kw_only=True)
class DecideInput:
    """DEC-1, DEC-2: the leaders' decision on a reviewed application; an accepting one lists each
    program granted with its own period."""

    application_id: UUID = field(metadata=doc("The reviewed application decided (DEC-1)."))
    outcome: DecisionOutcome = field(metadata=doc("Accepted wholly, partly, or rejected (DEC-1)."))
    grants: list[Grant] = field(
        default_factory=list,
        metadata=doc(
            "The programs granted, each once with its period (DEC-2): all those asked for when accepted "
            "wholly, some when partly, none when rejected.",
            max_items=len(ProgramKind),
        ),
    )
    covered_family_member_ids: list[UUID] = field(
        default_factory=list, metadata=doc("The applicant's family members the protection covers (APP-2).")
    )
    law_enforcement_agency_ids: list[UUID] = field(
        default_factory=list,
        metadata=doc("The law-enforcement agencies notified (ADM-3); none: the agency handling the case."),
    )
    notes: str | None = field(default=None, metadata=doc("Considerations (internal)."))

    def __post_init__(self) -> None:
        if self.outcome is DecisionOutcome.REJECTED:
            if self.grants:
                raise ValidationFailed("decisions.rejection_grants_nothing", field="grants", rule="DEC-2")
            return
        if not self.grants:
            raise ValidationFailed("decisions.acceptance_grants", field="grants", rule="DEC-2")
        seen: set[ProgramKind] = set()
        for index, grant in enumerate(self.grants):
            if grant.program in seen:
                raise ValidationFailed(
                    "decisions.acceptance_grants", field=grant_field(index, "program"), rule="DEC-2"
                )
            seen.add(grant.program)
            if grant.ends_on < grant.starts_on:
                raise ValidationFailed("decisions.periods", field=grant_field(index, "endsOn"), rule="DEC-2")

    @property
    def programs(self) -> list[ProgramKind]:
        """The programs granted, in the order given."""
        return [grant.program for grant in self.grants]


@dataclass(frozen=True, kw_only=True)
class IssueDecisionInput:
    """A decision that follows another step (a change of programs, a termination, an emergency):
    numbered and dated like every decision (DEC-1)."""

    kind: DecisionKind = field(metadata=doc("What it decides."))
    case_id: UUID = field(metadata=doc("The case."))
    protectee_id: UUID | None = field(default=None, metadata=doc("The protectee it concerns."))
    supersedes_id: UUID | None = field(default=None, metadata=doc("The earlier decision it changes (CHG-1)."))
    outcome: DecisionOutcome | None = field(default=None, metadata=doc("Accepted, partly, or rejected."))
    notes: str | None = field(default=None, metadata=doc("Considerations (internal)."))


__all__ = ["DecideInput", "Grant", "IssueDecisionInput", "grant_field"]
