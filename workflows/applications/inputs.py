"""What the application steps take (APP-1 … APP-4, DEC-1): dataclasses the engine turns into
GraphQL inputs. Shapes are checked on construction (VALIDATION naming the field, never echoing
an identity value); the rules are guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.cases import (
    ApplicationChannel,
    ApplicationInitiator,
    CrimeType,
    DisabilityKind,
    FamilyRelation,
    LawEnforcementStage,
    ProtecteeRole,
)
from models.organisation import Gender
from models.programs import ProgramKind
from models.secrets import normalise_digits
from workflows.engine import doc
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

NIK_DIGITS = 16

CATALOGUE.update(
    {
        "applications.blank": ("'{field}' wajib diisi.", "'{field}' is required."),
        "applications.nik": (
            "Nomor induk kependudukan terdiri atas {digits} angka ('{field}').",
            "A national ID number has {digits} digits ('{field}').",
        ),
        "applications.case_facts": (
            "Tanpa kasus yang sudah ada ('caseId'), sebutkan jenis tindak pidana dan peristiwanya "
            "('{field}', APP-1).",
            "Without an existing case ('caseId'), give the crime type and the incident ('{field}', APP-1).",
        ),
        "applications.official": (
            "Permohonan oleh pejabat menyebut nama dan jabatan pejabat itu ('{field}', APP-4).",
            "An application by an official names that official ('{field}', APP-4).",
        ),
        "applications.programs": (
            "Sebutkan program perlindungan yang dimohonkan, masing-masing sekali ('{field}', APP-4).",
            "Name the protection programs asked for, each once ('{field}', APP-4).",
        ),
        "applications.deceased_on": (
            "Tanggal meninggal hanya untuk yang telah meninggal dunia ('{field}', PRG-3).",
            "A day of death is for someone who has died ('{field}', PRG-3).",
        ),
        "applications.future": (
            "Tanggal tidak boleh di masa depan ('{field}').",
            "The date cannot be in the future ('{field}').",
        ),
    }
)


def required(value: str | None, name: str) -> None:
    if value is None or not value.strip():
        raise ValidationFailed("applications.blank", field=name)


def check_nik(value: str | None, name: str = "nik") -> None:
    """A national ID number, when given, has 16 digits (separators allowed); the value is never echoed."""
    if value is not None and len(normalise_digits(value)) != NIK_DIGITS:
        raise ValidationFailed("applications.nik", field=name, digits=NIK_DIGITS)


@dataclass(frozen=True, kw_only=True)
class PersonFields:
    """The person to be protected and the capacity they are protected in (APP-2); identity is secret (APP-3)."""

    role: ProtecteeRole = field(
        metadata=doc("Witness, victim, justice collaborator, whistleblower, expert … (APP-2).")
    )
    full_name: str = field(metadata=doc("Full name (secret, APP-3).", max_length=200))
    nik: str | None = field(
        default=None, metadata=doc("National ID number, 16 digits (secret, APP-3).", max_length=40)
    )
    birth_date: dt.date | None = field(default=None, metadata=doc("Birth date (secret, APP-3)."))
    address: str | None = field(default=None, metadata=doc("Address (secret, APP-3).", max_length=500))
    phone: str | None = field(default=None, metadata=doc("Phone number (secret, APP-3).", max_length=40))
    gender: Gender | None = field(default=None, metadata=doc("Gender."))
    is_child: bool = field(default=False, metadata=doc("Under 18."))
    has_disability: bool = field(default=False, metadata=doc("Has a disability."))
    disability_kind: DisabilityKind | None = field(default=None, metadata=doc("Kind of disability."))
    needs_interpreter: bool = field(default=False, metadata=doc("Cannot speak Indonesian (PRG-4)."))
    language: str | None = field(
        default=None, metadata=doc("Language spoken, or sign language (PRG-4).", max_length=100)
    )
    is_deceased: bool = field(default=False, metadata=doc("The victim has died (PRG-3)."))
    deceased_on: dt.date | None = field(default=None, metadata=doc("Day of death (PRG-3)."))

    def check_person(self) -> None:
        required(self.full_name, "fullName")
        check_nik(self.nik)
        if self.deceased_on is not None and not self.is_deceased:
            raise ValidationFailed("applications.deceased_on", field="deceasedOn", rule="PRG-3")


@dataclass(frozen=True, kw_only=True)
class CaseFields:
    """The crime event, when the application opens a new case (APP-1)."""

    crime_type: CrimeType | None = field(
        default=None, metadata=doc("Crime type (APP-1); required for a new case.")
    )
    incident_summary: str | None = field(
        default=None, metadata=doc("What happened (internal); required for a new case.")
    )
    incident_date: dt.date | None = field(default=None, metadata=doc("Day of the incident."))
    incident_region: str | None = field(
        default=None, metadata=doc("Province or city of the incident.", max_length=100)
    )
    law_enforcement_stage: LawEnforcementStage | None = field(
        default=None, metadata=doc("Stage of the criminal process (APP-1).")
    )
    law_enforcement_reference: str | None = field(
        default=None, metadata=doc("Police report or case file number (internal).", max_length=100)
    )
    law_enforcement_agency_id: UUID | None = field(
        default=None, metadata=doc("Police, prosecutor or court handling the case.")
    )

    def check_case(self, existing: bool) -> None:
        if existing:
            return
        if self.crime_type is None:
            raise ValidationFailed("applications.case_facts", field="crimeType", rule="APP-1")
        if self.incident_summary is None or not self.incident_summary.strip():
            raise ValidationFailed("applications.case_facts", field="incidentSummary", rule="APP-1")


@dataclass(frozen=True, kw_only=True)
class RequestFields:
    """Who asks and for what (APP-4): the initiator decides which termination grounds apply (TRM-1)."""

    initiator: ApplicationInitiator = field(
        metadata=doc("The person themself, or an authorised official on their behalf (APP-4, TRM-1).")
    )
    initiating_official_name: str | None = field(
        default=None,
        metadata=doc(
            "Name and title of the requesting official; required when an official asks.", max_length=200
        ),
    )
    requested_programs: list[ProgramKind] = field(
        default_factory=list,
        metadata=doc("The programs asked for; applicants choose freely (APP-4, SP B.6)."),
    )

    def check_request(self) -> None:
        if self.initiator is ApplicationInitiator.OFFICIAL:
            required_official = self.initiating_official_name
            if required_official is None or not required_official.strip():
                raise ValidationFailed("applications.official", field="initiatingOfficialName", rule="APP-4")
        if not self.requested_programs or len(set(self.requested_programs)) != len(self.requested_programs):
            raise ValidationFailed("applications.programs", field="requestedPrograms", rule="APP-4")


@dataclass(frozen=True, kw_only=True)
class FileInput(RequestFields, CaseFields, PersonFields):
    """APP-4: staff receive an application — walk-in, online, or a referral that came on paper."""

    case_id: UUID | None = field(
        default=None, metadata=doc("An existing case this person belongs to; none: a new case (APP-1).")
    )
    channel: ApplicationChannel = field(metadata=doc("Walk-in, online or referral (APP-4)."))
    initiating_agency_id: UUID | None = field(
        default=None, metadata=doc("The requesting official's agency, when an official asks.")
    )

    def __post_init__(self) -> None:
        self.check_person()
        self.check_case(self.case_id is not None)
        self.check_request()


@dataclass(frozen=True, kw_only=True)
class ReferInput(RequestFields, CaseFields, PersonFields):
    """APP-4, AC-2: a partner agency refers an application with its API token; it opens a new case.
    An official who asks is an official of the token's own agency."""

    def __post_init__(self) -> None:
        self.check_person()
        self.check_case(False)
        self.check_request()


@dataclass(frozen=True, kw_only=True)
class ProactiveApplicationInput(RequestFields, CaseFields, PersonFields):
    """PRO-2(b) → APP-4: the application a proactive action produced (internal: fired by its step).
    The case is the action's case, else a new one from the fields given or the action's own facts."""

    proactive_action_id: UUID = field(metadata=doc("The proactive action it came from (PRO-2b)."))

    def __post_init__(self) -> None:
        self.check_person()
        self.check_request()


@dataclass(frozen=True, kw_only=True)
class FamilyMemberInput:
    """APP-2: a family member who may be covered — blood relative to the third degree, spouse or dependant."""

    relation: FamilyRelation = field(metadata=doc("Relation to the applicant (APP-2)."))
    degree: int = field(metadata=doc("Degree of kinship: 1 (parent, child, spouse) to 3 (APP-2)."))
    full_name: str = field(metadata=doc("Full name (secret, APP-3).", max_length=200))
    nik: str | None = field(
        default=None, metadata=doc("National ID number, 16 digits (secret).", max_length=40)
    )
    birth_date: dt.date | None = field(default=None, metadata=doc("Birth date (secret)."))
    phone: str | None = field(default=None, metadata=doc("Phone number (secret).", max_length=40))

    def __post_init__(self) -> None:
        required(self.full_name, "fullName")
        check_nik(self.nik)


@dataclass(frozen=True)
class StartReviewInput:
    """DEC-1: the application-review unit takes the application up."""

    reviewer_id: UUID | None = field(
        default=None, metadata=doc("The reviewing officer, of the application-review unit; none: oneself.")
    )


@dataclass(frozen=True)
class CompleteReviewInput:
    """DEC-1: the review's findings and recommendation, for the leaders' decision."""

    summary: str = field(metadata=doc("Findings and recommendation (internal)."))

    def __post_init__(self) -> None:
        required(self.summary, "summary")


@dataclass(frozen=True)
class WithdrawInput:
    """The applicant withdraws before the decision."""

    reason: str = field(metadata=doc("Why; kept in the history."))


__all__ = [
    "CompleteReviewInput",
    "FamilyMemberInput",
    "FileInput",
    "ProactiveApplicationInput",
    "ReferInput",
    "StartReviewInput",
    "WithdrawInput",
    "check_nik",
    "required",
]
