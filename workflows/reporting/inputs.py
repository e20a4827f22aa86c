"""What the reporting steps take (RPT-1–6): dataclasses the engine turns into GraphQL inputs. Their
shape is checked on construction (VALIDATION naming the field); the rules are guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.performance import CoordinationStage, WorkReportKind
from workflows.engine import doc
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE
from workflows.reporting.lines import dates, required

CATALOGUE.update(
    {
        "reporting.on_demand_by_request": (
            "Laporan sewaktu-waktu berawal dari permintaan ('{field}', RPT-1, RPT-2).",
            "An on-demand report starts from a request ('{field}', RPT-1, RPT-2).",
        ),
        "reporting.team_required": (
            "Laporan tim menyebut timnya ('{field}', RPT-4).",
            "A team summary names its team ('{field}', RPT-4).",
        ),
    }
)


@dataclass(frozen=True)
class DraftReportInput:
    """RPT-1, RPT-4: a report of one's own work, or the lead's compiled report of the team."""

    kind: WorkReportKind = field(
        default=WorkReportKind.PERIODIC,
        metadata=doc(
            "PERIODIC: one's own results (to the team lead when `teamId` is given, RPT-1; otherwise to "
            "the Secretary General through the unit head, RPT-4). TEAM_SUMMARY: the lead's compiled "
            "report of the team (RPT-4). On-demand reports start from a request (RPT-2)."
        ),
    )
    team_id: UUID | None = field(
        default=None, metadata=doc("The team reported on: as a member (RPT-1) or as its lead (RPT-4).")
    )
    period_start: dt.date | None = field(default=None, metadata=doc("First day covered."))
    period_end: dt.date | None = field(default=None, metadata=doc("Last day covered."))
    summary: str | None = field(
        default=None, metadata=doc("Results against the activity plan (internal); needed to submit.")
    )

    def __post_init__(self) -> None:
        if self.kind == WorkReportKind.ON_DEMAND:
            raise ValidationFailed("reporting.on_demand_by_request", field="kind")
        if self.kind == WorkReportKind.TEAM_SUMMARY and self.team_id is None:
            raise ValidationFailed("reporting.team_required", field="teamId")
        dates(self.period_start, self.period_end, "periodEnd")


@dataclass(frozen=True)
class RequestReportInput:
    """RPT-2: the Secretary General asks anyone for a report by a date; RPT-1: a lead asks a member."""

    staff_id: UUID = field(metadata=doc("Who is to report: a team lead or any staff member (RPT-2)."))
    due_on: dt.date = field(metadata=doc("When the report is due (RPT-2)."))
    team_id: UUID | None = field(
        default=None,
        metadata=doc("The team the report is about; needed when a team lead asks a member (RPT-1)."),
    )
    period_start: dt.date | None = field(default=None, metadata=doc("First day to cover."))
    period_end: dt.date | None = field(default=None, metadata=doc("Last day to cover."))

    def __post_init__(self) -> None:
        dates(self.period_start, self.period_end, "periodEnd")


@dataclass(frozen=True)
class SubmitReportInput:
    """RPT-1: the author sends the report up its line."""

    summary: str | None = field(
        default=None, metadata=doc("The results, if not written in the draft (replaces the draft's text).")
    )


@dataclass(frozen=True)
class ReasonInput:
    """A step that sends something back or withdraws it: it needs a reason, kept in the history."""

    reason: str = field(metadata=doc("Why; kept in the record's history."))


@dataclass(frozen=True)
class RaiseEscalationInput:
    """RPT-5: a problem of the team, with alternatives and a recommendation, for a decision."""

    team_id: UUID = field(metadata=doc("The team with the problem (the caller leads it)."))
    problem: str = field(metadata=doc("The problem or obstacle."))
    alternatives: str = field(metadata=doc("The alternatives considered (RPT-5)."))
    recommendation: str = field(metadata=doc("The lead's recommendation (RPT-5)."))
    member_id: UUID | None = field(
        default=None,
        metadata=doc(
            "In a cross-unit team: the member whose own unit head it is raised with, to follow up within "
            "their unit (RPT-5); none: the owning unit head decides."
        ),
    )

    def __post_init__(self) -> None:
        required(self.problem, "problem")


@dataclass(frozen=True)
class ResolveEscalationInput:
    """RPT-5: the head raised with decides, and the decision is kept."""

    resolution: str = field(metadata=doc("The decision or follow-up (RPT-5)."))

    def __post_init__(self) -> None:
        required(self.resolution, "resolution")


@dataclass(frozen=True)
class RaiseToAgencyHeadInput:
    """Lamp. 3.c.4: in a cross-agency team, a problem for the head of the agency owning the performance."""

    team_id: UUID = field(metadata=doc("The cross-agency team with the problem (the caller leads it)."))
    problem: str = field(metadata=doc("The problem or obstacle."))
    alternatives: str = field(metadata=doc("The alternatives considered (Lamp. 3.c.4, RPT-5)."))
    recommendation: str = field(metadata=doc("The lead's recommendation (Lamp. 3.c.4, RPT-5)."))

    def __post_init__(self) -> None:
        required(self.problem, "problem")


@dataclass(frozen=True)
class AgencyDecisionInput:
    """Lamp. 3.c.4: the written decision of the head of the other agency owning the performance."""

    escalation_id: UUID = field(metadata=doc("The escalation addressed to the agency's head."))
    decision: str = field(metadata=doc("The agency head's decision or follow-up."))
    agency_letter: str | None = field(
        default=None,
        metadata=doc(
            "Number and date of the agency's letter; required when LPSK staff record it (Lamp. 3.c.4).",
            max_length=200,
        ),
    )

    def __post_init__(self) -> None:
        required(self.decision, "decision")


@dataclass(frozen=True)
class RecordCoordinationInput:
    """RPT-6: coordination with experts, other officials or other teams, recorded on the team."""

    team_id: UUID = field(metadata=doc("The team the note is recorded on."))
    stage: CoordinationStage = field(metadata=doc("Planning, execution, monitoring or evaluation (RPT-6)."))
    note: str = field(metadata=doc("What was discussed or agreed; an expert's direction or comment (AC-9)."))
    with_staff_id: UUID | None = field(default=None, metadata=doc("The expert or official coordinated with."))
    with_team_id: UUID | None = field(default=None, metadata=doc("The other team coordinated with."))
    with_other: str | None = field(
        default=None, metadata=doc("Anyone else coordinated with, in words.", max_length=200)
    )

    def __post_init__(self) -> None:
        required(self.note, "note")


__all__ = [
    "AgencyDecisionInput",
    "DraftReportInput",
    "RaiseEscalationInput",
    "RaiseToAgencyHeadInput",
    "ReasonInput",
    "RecordCoordinationInput",
    "RequestReportInput",
    "ResolveEscalationInput",
    "SubmitReportInput",
]
