"""What each proactive-action step takes (PRO-1–4): dataclasses the engine turns into GraphQL inputs.
Their shape is checked on construction (VALIDATION naming the field); the rules are guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from uuid import UUID

from models.cases import CrimeType
from models.proactive_actions import FieldEquipment, ProactiveOutcome, ProactiveTrigger
from workflows.applications.inputs import CaseFields, PersonFields, RequestFields
from workflows.engine import doc
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "proactive.blank": ("'{field}' wajib diisi ({rule_id}).", "'{field}' is required ({rule_id})."),
        "proactive.budget": (
            "'{field}' harus jumlah rupiah, bilangan desimal tidak negatif dengan paling banyak dua angka "
            "di belakang koma, mis. 2500000.00.",
            "'{field}' must be an amount in rupiah: a non-negative decimal with at most two places, "
            "e.g. 2500000.00.",
        ),
        "proactive.lead_on_team": (
            "Ketua tim harus salah satu petugas tim ('{field}', PRO-2).",
            "The team lead must be one of the team's officers ('{field}', PRO-2).",
        ),
        "proactive.outcome_link": (
            "'{field}' hanya untuk hasil '{outcome}' (PRO-2).",
            "'{field}' belongs only to the outcome '{outcome}' (PRO-2).",
        ),
        "proactive.outcome_elsewhere": (
            "Hasil (b) dicatat bersama permohonannya: gunakan proactiveActionConcludeWithApplication "
            "('{field}', PRO-2).",
            "Outcome (b) is recorded with its application: use proactiveActionConcludeWithApplication "
            "('{field}', PRO-2).",
        ),
        "proactive.outcome_needs": (
            "Hasil '{outcome}' memerlukan '{field}' ({rule_id}).",
            "The outcome '{outcome}' needs '{field}' ({rule_id}).",
        ),
    }
)

MAX_BUDGET = Decimal("1e16")  # DecimalField(max_digits=18, decimal_places=2)


def _required(value: str, name: str, rule_id: str) -> None:
    if not value.strip():
        raise ValidationFailed("proactive.blank", field=name, rule=rule_id, rule_id=rule_id)


def parse_budget(value: Decimal | str | None) -> Decimal | None:
    """A Decimal (the API's `Decimal` scalar) or text '2500000.00' → Decimal('2500000.00'); money is
    decimal, never a float (PRG-8)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        amount = Decimal(value.strip()) if isinstance(value, str) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationFailed("proactive.budget", field="budget") from None
    if (
        not amount.is_finite()
        or amount < 0
        or amount >= MAX_BUDGET
        or amount != amount.quantize(Decimal("0.01"))
    ):
        raise ValidationFailed("proactive.budget", field="budget")
    return amount


@dataclass(frozen=True)
class ReportInput:
    """PRO-1: a crime event that may call for proactive action, and what set it off."""

    trigger: ProactiveTrigger = field(
        metadata=doc(
            "What set it off (PRO-1): a crime in LPSK's remit or of public concern, the leaders' "
            "consideration, an officer's report, input from law enforcement or another agency, or a "
            "suspected act of terrorism just now."
        )
    )
    event_summary: str = field(metadata=doc("The crime event (internal)."))
    crime_type: CrimeType | None = field(default=None, metadata=doc("Suspected crime type."))
    event_at: dt.datetime | None = field(
        default=None, metadata=doc("When the event happened (without a zone, in WIB).")
    )
    event_region: str | None = field(
        default=None, metadata=doc("Province or city of the event.", max_length=100)
    )
    case_id: UUID | None = field(default=None, metadata=doc("The case, if one is already open."))

    def __post_init__(self) -> None:
        _required(self.event_summary, "eventSummary", "PRO-1")


@dataclass(frozen=True)
class AnalyseInput:
    """PRO-2: the case analysis, and the activities and budget planned for the action."""

    analysis: str = field(metadata=doc("Case analysis: who may need protection, and why (internal)."))
    activity_plan: str | None = field(default=None, metadata=doc("Planned activities (internal)."))
    budget: Decimal | None = field(
        default=None, metadata=doc("Planned budget in rupiah, e.g. 2500000.00 (at most two decimals).")
    )

    def __post_init__(self) -> None:
        _required(self.analysis, "analysis", "PRO-2")
        parse_budget(self.budget)


@dataclass(frozen=True)
class FormTeamInput:
    """PRO-2, PRO-4: the investigation team — at least two officers, each with their assignment letter."""

    officer_ids: list[UUID] = field(
        metadata=doc("The officers of the team, the lead among them: at least two (PRO-2).")
    )
    lead_id: UUID = field(metadata=doc("The team lead: one of the officers."))
    assignment_letter_ids: list[UUID] = field(
        metadata=doc(
            "The assignment letters that assign the officers, from their superiors (PRO-4, SP B.7): each "
            "officer is named on one of them (an individual letter, or a team letter of a team they are on)."
        )
    )
    equipment: list[FieldEquipment] = field(
        default_factory=list,
        metadata=doc("Field equipment the team carries: uniform, vehicle, laptop, recorder, camera (PRO-4)."),
    )

    def __post_init__(self) -> None:
        if self.lead_id not in self.officer_ids:
            raise ValidationFailed("proactive.lead_on_team", field="leadId", rule="PRO-2")


@dataclass(frozen=True, kw_only=True)
class OutcomeRecords:
    """PRO-2: what every outcome is recorded with — the report, the minutes and the service record."""

    report: str = field(metadata=doc("Report of the action (internal)."))
    minutes: str = field(metadata=doc("Minutes of the action (risalah) (internal)."))
    service_record: str | None = field(
        default=None, metadata=doc("Record of the protection service given (internal).")
    )

    def check_records(self) -> None:
        _required(self.report, "report", "PRO-2")
        _required(self.minutes, "minutes", "PRO-2")


@dataclass(frozen=True, kw_only=True)
class ConcludeInput(OutcomeRecords):
    """PRO-2: the outcome (a) no application is filed, or (c) emergency protection was given (EMG-1);
    outcome (b) is recorded with the application, by `proactiveActionConcludeWithApplication`."""

    outcome: ProactiveOutcome = field(
        metadata=doc(
            "(a) no_application: no application is filed; (c) emergency_protection: emergency protection "
            "was given (EMG-1). For (b), record the application with proactiveActionConcludeWithApplication."
        )
    )
    emergency_protection_id: UUID | None = field(
        default=None, metadata=doc("Outcome (c): the emergency protection given (EMG-1).")
    )

    def __post_init__(self) -> None:
        self.check_records()
        if self.outcome is ProactiveOutcome.APPLICATION_FILED:
            raise ValidationFailed("proactive.outcome_elsewhere", field="outcome", rule="PRO-2")
        protects = self.outcome is ProactiveOutcome.EMERGENCY_PROTECTION
        if self.emergency_protection_id is not None and not protects:
            raise ValidationFailed(
                "proactive.outcome_link",
                field="emergencyProtectionId",
                outcome=self.outcome.value,
                rule="PRO-2",
            )
        if protects and self.emergency_protection_id is None:
            raise ValidationFailed(
                "proactive.outcome_needs",
                field="emergencyProtectionId",
                outcome=self.outcome.value,
                rule="PRO-2",
                rule_id="PRO-2",
            )


@dataclass(frozen=True, kw_only=True)
class ConcludeWithApplicationInput(OutcomeRecords, PersonFields, CaseFields, RequestFields):
    """PRO-2 (b): the outcome 'an application is filed' — the person applying, in their role, and the
    programs asked for; received with channel 'proactive' on the action's case (or, without one, a
    new case from the crime facts given or the action's own), by the applications workflow."""

    def __post_init__(self) -> None:
        self.check_records()
        self.check_person()
        self.check_request()


@dataclass(frozen=True)
class ReasonInput:
    """A step that ends the path: it needs a reason (01: "any step may be rejected with a reason")."""

    reason: str = field(metadata=doc("Why; kept on the record and in its history."))


__all__ = [
    "AnalyseInput",
    "ConcludeInput",
    "ConcludeWithApplicationInput",
    "FormTeamInput",
    "OutcomeRecords",
    "ReasonInput",
    "ReportInput",
    "parse_budget",
]
