"""What the performance-cycle steps take (PERF-1–5): dataclasses the engine turns into GraphQL
inputs. Their shape is checked on construction (VALIDATION naming the field); the rules are guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from models.performance import AppraisalRating, TargetLevel, TeamDirectionKind
from workflows.engine import doc
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE
from workflows.reporting.lines import amount, dates, required

CATALOGUE.update(
    {
        "performance.one_subject": (
            "Sebutkan tepat satu: {options} ('{field}').",
            "Name exactly one of: {options} ('{field}').",
        ),
        "performance.year": (
            "Tahun kinerja tidak sah ('{field}').",
            "The performance year is not valid ('{field}').",
        ),
        "performance.level_subject": (
            "Target tingkat {level} menyebut '{field}'.",
            "A {level} target names its '{field}'.",
        ),
        "performance.collaboration_team": (
            "Arahan kolaborasi menyebut tim lain, dan hanya arahan kolaborasi yang menyebutnya ('{field}', "
            "ORG-7).",
            "A collaboration direction names the other team, and only it does ('{field}', ORG-7).",
        ),
        "performance.score": (
            "Nilai antara 0 dan 100 ('{field}').",
            "The score lies between 0 and 100 ('{field}').",
        ),
    }
)


def _exactly_one(values: dict[str, object]) -> None:
    given = [name for name, value in values.items() if value is not None]
    if len(given) != 1:
        raise ValidationFailed(
            "performance.one_subject",
            field=(given[1] if given else next(iter(values))),
            options=", ".join(values),
        )


@dataclass(frozen=True)
class SetTargetInput:
    """PERF-1: a target of the performance agreement the Secretary General sets for the year."""

    title: str = field(metadata=doc("The target.", max_length=300))
    year: int = field(metadata=doc("Performance year."))
    indicator: str | None = field(default=None, metadata=doc("Performance indicator."))
    target_value: str | None = field(
        default=None, metadata=doc("Target value, as written in the agreement.", max_length=200)
    )

    def __post_init__(self) -> None:
        required(self.title, "title")
        if not 2000 <= self.year <= 2100:
            raise ValidationFailed("performance.year", field="year")


@dataclass(frozen=True)
class CascadeTargetInput:
    """PERF-1: a target cascaded one level down: to a unit (the Secretary General), to a team or a
    person (the head of the parent target's unit)."""

    parent_id: UUID = field(metadata=doc("The target it is cascaded from."))
    level: TargetLevel = field(metadata=doc("UNIT, TEAM or INDIVIDUAL: one level below the parent."))
    title: str = field(metadata=doc("The target.", max_length=300))
    unit_id: UUID | None = field(default=None, metadata=doc("The unit, for a unit target."))
    team_id: UUID | None = field(default=None, metadata=doc("The team, for a team target."))
    staff_id: UUID | None = field(default=None, metadata=doc("The person, for an individual target."))
    indicator: str | None = field(default=None, metadata=doc("Performance indicator."))
    target_value: str | None = field(default=None, metadata=doc("Target value.", max_length=200))

    def __post_init__(self) -> None:
        required(self.title, "title")
        _exactly_one({"unitId": self.unit_id, "teamId": self.team_id, "staffId": self.staff_id})
        named = {TargetLevel.UNIT: ("unitId", self.unit_id), TargetLevel.TEAM: ("teamId", self.team_id)}
        named[TargetLevel.INDIVIDUAL] = ("staffId", self.staff_id)
        if self.level in named and named[self.level][1] is None:
            level = self.level.value
            raise ValidationFailed("performance.level_subject", field=named[self.level][0], level=level)


@dataclass(frozen=True)
class PlanInput:
    """PERF-1, PERF-2: an activity and budget plan against a target — for a team (by the owning unit
    head) or for oneself, from one's superior's or lead's allocation."""

    title: str = field(metadata=doc("The activity.", max_length=300))
    target_id: UUID = field(metadata=doc("The target it serves (PERF-1)."))
    team_id: UUID | None = field(default=None, metadata=doc("The team that carries it out."))
    staff_id: UUID | None = field(
        default=None, metadata=doc("The person who carries it out: oneself (individual plan, PERF-2).")
    )
    detail: str | None = field(default=None, metadata=doc("Roles, steps and outputs."))
    budget: Decimal | None = field(default=None, metadata=doc("Budget in rupiah, e.g. 12500000.00."))
    planned_start: dt.date | None = field(default=None, metadata=doc("Planned start."))
    planned_end: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        required(self.title, "title")
        _exactly_one({"teamId": self.team_id, "staffId": self.staff_id})
        amount(self.budget, "budget")
        dates(self.planned_start, self.planned_end, "plannedEnd")


@dataclass(frozen=True)
class DetailInput:
    """PERF-2: the lead details the plan with the members (roles, steps, outputs) and work starts."""

    detail: str = field(metadata=doc("Roles by competence, steps and outputs (PERF-2, ORG-8)."))

    def __post_init__(self) -> None:
        required(self.detail, "detail")


@dataclass(frozen=True)
class ReasonInput:
    """A step that sends something back or withdraws it: it needs a reason."""

    reason: str = field(metadata=doc("Why; kept on the record and in its history."))


@dataclass(frozen=True)
class DialogueInput:
    """PERF-2: a performance dialogue — progress and feedback — with a staff member."""

    staff_id: UUID = field(metadata=doc("The staff member the dialogue is with."))
    notes: str = field(metadata=doc("Progress and feedback."))
    team_id: UUID | None = field(
        default=None, metadata=doc("The team, when the lead holds it with a member.")
    )
    held_at: dt.datetime | None = field(default=None, metadata=doc("When it took place; now if not given."))
    follow_up: str | None = field(default=None, metadata=doc("Agreed follow-up."))

    def __post_init__(self) -> None:
        required(self.notes, "notes")


@dataclass(frozen=True)
class EvaluateInput:
    """PERF-3: an evaluation of a unit, a team or a person, by the Secretary General or the unit head."""

    unit_id: UUID | None = field(default=None, metadata=doc("The unit evaluated."))
    team_id: UUID | None = field(default=None, metadata=doc("The team evaluated."))
    staff_id: UUID | None = field(default=None, metadata=doc("The person evaluated."))
    period_start: dt.date | None = field(default=None, metadata=doc("First day covered."))
    period_end: dt.date | None = field(default=None, metadata=doc("Last day covered."))
    findings: str | None = field(default=None, metadata=doc("Findings; needed to submit."))

    def __post_init__(self) -> None:
        _exactly_one({"unitId": self.unit_id, "teamId": self.team_id, "staffId": self.staff_id})
        dates(self.period_start, self.period_end, "periodEnd")


@dataclass(frozen=True)
class FindingsInput:
    """PERF-3: the evaluator sends the result to the Secretary General for review."""

    findings: str | None = field(default=None, metadata=doc("The findings, if not written yet."))


@dataclass(frozen=True)
class ReviewInput:
    """PERF-3: the Secretary General's review of the evaluation."""

    review: str = field(metadata=doc("The review (PERF-3)."))

    def __post_init__(self) -> None:
        required(self.review, "review")


@dataclass(frozen=True)
class FollowUpInput:
    """PERF-3: the unit head's follow-up of the Secretary General's review."""

    follow_up: str = field(metadata=doc("What the unit does about the review (PERF-3)."))

    def __post_init__(self) -> None:
        required(self.follow_up, "followUp")


@dataclass(frozen=True)
class AppraiseInput:
    """PERF-5: the performance owner's appraisal of a member from another unit (Pasal 14(2))."""

    team_id: UUID = field(metadata=doc("The team the work was done in."))
    staff_id: UUID = field(metadata=doc("The member from another unit."))
    period_start: dt.date | None = field(default=None, metadata=doc("First day covered."))
    period_end: dt.date | None = field(default=None, metadata=doc("Last day covered."))
    rating: AppraisalRating | None = field(default=None, metadata=doc("Overall rating."))
    score: str | None = field(
        default=None, metadata=doc("Numeric score 0–100, e.g. 88.50, if the form has one.", max_length=10)
    )
    narrative: str | None = field(default=None, metadata=doc("The appraisal."))

    def __post_init__(self) -> None:
        number = amount(self.score, "score")
        if number is not None and number > 100:
            raise ValidationFailed("performance.score", field="score")
        dates(self.period_start, self.period_end, "periodEnd")


@dataclass(frozen=True)
class TeamDirectionInput:
    """ORG-7: the unit head's direction, input or feedback to a team, or a direction to collaborate
    with another team."""

    team_id: UUID = field(metadata=doc("The team directed: one the caller's unit owns."))
    kind: TeamDirectionKind = field(
        metadata=doc("DIRECTION, INPUT or FEEDBACK on the activity; COLLABORATION with another team (ORG-7).")
    )
    content: str = field(metadata=doc("What the head directs or says."))
    activity_plan_id: UUID | None = field(default=None, metadata=doc("The team's activity it is about."))
    with_team_id: UUID | None = field(
        default=None, metadata=doc("The other team to collaborate with; required for COLLABORATION.")
    )

    def __post_init__(self) -> None:
        required(self.content, "content")
        if (self.kind == TeamDirectionKind.COLLABORATION) != (self.with_team_id is not None):
            raise ValidationFailed("performance.collaboration_team", field="withTeamId")


@dataclass(frozen=True)
class AllocateRoleInput:
    """ORG-8: the lead gives a member a role in the team, on a competency the member holds."""

    team_id: UUID = field(metadata=doc("The team (the caller leads it)."))
    staff_id: UUID = field(metadata=doc("The member given the role."))
    competency_id: UUID = field(metadata=doc("The member's competency the role rests on (ORG-5, ORG-8)."))
    role: str = field(metadata=doc("The role and what the lead expects of the member.", max_length=300))
    activity_plan_id: UUID | None = field(default=None, metadata=doc("The team's activity the role is in."))

    def __post_init__(self) -> None:
        required(self.role, "role")


@dataclass(frozen=True)
class MemberPerformanceInput:
    """ORG-8: the lead reports a member's performance to their appraising official and the unit head."""

    team_id: UUID = field(metadata=doc("The team (the caller leads it)."))
    staff_id: UUID = field(metadata=doc("The member reported on."))
    results: str = field(metadata=doc("The member's results against the role and plan (internal)."))
    period_start: dt.date | None = field(default=None, metadata=doc("First day covered."))
    period_end: dt.date | None = field(default=None, metadata=doc("Last day covered."))

    def __post_init__(self) -> None:
        required(self.results, "results")
        dates(self.period_start, self.period_end, "periodEnd")


__all__ = [
    "AllocateRoleInput",
    "AppraiseInput",
    "CascadeTargetInput",
    "DetailInput",
    "DialogueInput",
    "EvaluateInput",
    "FindingsInput",
    "FollowUpInput",
    "MemberPerformanceInput",
    "PlanInput",
    "ReasonInput",
    "ReviewInput",
    "SetTargetInput",
    "TeamDirectionInput",
]
