"""What the decision steps take (DEC-1, DEC-2, ADM-1): dataclasses the engine turns into GraphQL
inputs. Shapes are checked on construction; the rules are guards."""

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
            "Sebutkan satu jangka waktu untuk semua program, atau satu untuk setiap program, dengan tanggal "
            "selesai tidak sebelum tanggal mulai ('{field}', DEC-2).",
            "Give one period for all programs, or one per program, each ending no earlier than it starts "
            "('{field}', DEC-2).",
        ),
    }
)


@dataclass(frozen=True)
class Grant:
    """One program granted by a decision, for its period (DEC-2)."""

    kind: ProgramKind
    period_start: dt.date
    period_end: dt.date


@dataclass(frozen=True, kw_only=True)
class DecideInput:
    """DEC-1, DEC-2: the leaders' decision on a reviewed application. Programs and periods are given
    side by side: `periodStarts`/`periodEnds` hold one date for all programs, or one per program."""

    application_id: UUID = field(metadata=doc("The reviewed application decided (DEC-1)."))
    outcome: DecisionOutcome = field(metadata=doc("Accepted wholly, partly, or rejected (DEC-1)."))
    programs: list[ProgramKind] = field(
        default_factory=list,
        metadata=doc(
            "The programs granted (DEC-2): all those asked for when accepted wholly, some when partly."
        ),
    )
    period_starts: list[dt.date] = field(
        default_factory=list, metadata=doc("First day of each program's period, or one day for all (DEC-2).")
    )
    period_ends: list[dt.date] = field(
        default_factory=list, metadata=doc("Last day of each program's period, or one day for all (DEC-2).")
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
            if self.programs:
                raise ValidationFailed("decisions.rejection_grants_nothing", field="programs", rule="DEC-2")
            return
        if not self.programs or len(set(self.programs)) != len(self.programs):
            raise ValidationFailed("decisions.acceptance_grants", field="programs", rule="DEC-2")
        for name, dates in (("periodStarts", self.period_starts), ("periodEnds", self.period_ends)):
            if len(dates) not in {1, len(self.programs)}:
                raise ValidationFailed("decisions.periods", field=name, rule="DEC-2")
        if any(g.period_end < g.period_start for g in self.grants):
            raise ValidationFailed("decisions.periods", field="periodEnds", rule="DEC-2")

    @property
    def grants(self) -> list[Grant]:
        """The programs with their periods, one per program."""
        if not self.programs:
            return []

        def at(dates: list[dt.date], index: int) -> dt.date:
            return dates[0] if len(dates) == 1 else dates[index]

        return [
            Grant(kind, at(self.period_starts, i), at(self.period_ends, i))
            for i, kind in enumerate(self.programs)
        ]


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


__all__ = ["DecideInput", "Grant", "IssueDecisionInput"]
