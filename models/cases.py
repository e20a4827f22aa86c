"""Cases, protectees and their families, applications and decisions (APP-1–4, DEC-1–2,
CHG-1, TRM-1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.validators import MaxValueValidator, MinValueValidator

from models.base import PerisaiModel, StrEnum
from models.organisation import Gender
from models.programs import ProgramKind
from models.secrets import EncryptedField, normalise_digits, normalise_phone

if TYPE_CHECKING:
    from models.assignments import Team
    from models.organisation import Agency, Staff, Unit
    from models.proactive_actions import ProactiveAction
    from models.violence_reports import Referral


def _fk(target: str, related_name: str, description: str, null: bool = False) -> Any:
    """A RESTRICT foreign key (records are never deleted in cascade)."""
    return fields.ForeignKeyField(
        target, related_name=related_name, null=null, on_delete=fields.RESTRICT, description=description
    )


class CrimeType(StrEnum):
    TERRORISM = "terrorism"
    SEXUAL_VIOLENCE = "sexual_violence"
    GROSS_HUMAN_RIGHTS_VIOLATION = "gross_human_rights_violation"
    TRAFFICKING = "trafficking"
    TORTURE = "torture"
    CORRUPTION = "corruption"
    NARCOTICS = "narcotics"
    CHILD_ABUSE = "child_abuse"
    FINANCIAL = "financial"
    OTHER = "other"


# PRG-2 (Pasal 11): compensation facilitation only for victims of these crimes.
COMPENSATION_CRIME_TYPES = frozenset(
    {CrimeType.GROSS_HUMAN_RIGHTS_VIOLATION, CrimeType.TERRORISM, CrimeType.SEXUAL_VIOLENCE}
)


class LawEnforcementStage(StrEnum):
    REPORT = "report"
    INQUIRY = "inquiry"
    INVESTIGATION = "investigation"
    PROSECUTION = "prosecution"
    TRIAL = "trial"
    VERDICT = "verdict"
    APPEAL = "appeal"
    EXECUTED = "executed"


class ThreatLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ProtecteeRole(StrEnum):
    """The capacity in which someone is protected (APP-2, Pasal 1.5)."""

    WITNESS = "witness"
    VICTIM = "victim"
    JUSTICE_COLLABORATOR = "justice_collaborator"
    WHISTLEBLOWER = "whistleblower"
    EXPERT = "expert"
    RELATED_TESTIMONY = "related_testimony"


class AgeBand(StrEnum):
    CHILD_UNDER_6 = "child_under_6"
    CHILD_6_TO_12 = "child_6_to_12"
    CHILD_13_TO_17 = "child_13_to_17"
    ADULT_18_TO_59 = "adult_18_to_59"
    ELDERLY_60_PLUS = "elderly_60_plus"


class DisabilityKind(StrEnum):
    PHYSICAL = "physical"
    INTELLECTUAL = "intellectual"
    MENTAL = "mental"
    SENSORY = "sensory"
    MULTIPLE = "multiple"


class ProtecteeStatus(StrEnum):
    APPLICANT = "applicant"
    PROTECTED = "protected"
    ENDED = "ended"
    NOT_PROTECTED = "not_protected"


class FamilyRelation(StrEnum):
    """Family members who may be covered: blood relatives to the third degree, spouses,
    dependants (APP-2)."""

    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    SIBLING = "sibling"
    GRANDPARENT = "grandparent"
    OTHER_BLOOD_RELATIVE = "other_blood_relative"
    DEPENDANT = "dependant"


class ApplicationInitiator(StrEnum):
    """Who asked for protection; termination grounds depend on it (APP-4, TRM-1)."""

    SELF = "self"
    OFFICIAL = "official"


class ApplicationChannel(StrEnum):
    WALK_IN = "walk_in"
    ONLINE = "online"
    REFERRAL = "referral"
    PROACTIVE = "proactive"


class ApplicationStatus(StrEnum):
    RECEIVED = "received"
    UNDER_REVIEW = "under_review"
    REVIEWED = "reviewed"
    DECIDED_ACCEPTED = "decided_accepted"
    DECIDED_PARTIALLY_ACCEPTED = "decided_partially_accepted"
    DECIDED_REJECTED = "decided_rejected"
    WITHDRAWN = "withdrawn"


class DecisionKind(StrEnum):
    INITIAL = "initial"
    CHANGE = "change"
    EXTENSION = "extension"
    ADDITION = "addition"
    REDUCTION = "reduction"
    TERMINATION = "termination"
    EMERGENCY = "emergency"


class DecisionOutcome(StrEnum):
    ACCEPTED = "accepted"
    PARTIALLY_ACCEPTED = "partially_accepted"
    REJECTED = "rejected"


class DecisionStatus(StrEnum):
    DRAFT = "draft"
    DECIDED = "decided"


class Case(PerisaiModel):
    """One crime event and everything about it: crime type, incident, law-enforcement
    stage, owning unit and the people involved (APP-1). Its team and case officer are
    entitled to its secret data (AC-11); public attention and involvement of authorities
    feed the safe-house rules (SH-4)."""

    code = fields.CharField(
        max_length=40, unique=True, description="Public case number, e.g. KASUS-2026-0001."
    )
    crime_type = fields.CharEnumField(
        CrimeType, max_length=40, db_index=True, description="Crime type (APP-1)."
    )
    incident_summary = fields.TextField(description="What happened (internal tier, plain text).")
    incident_date = fields.DateField(null=True, db_index=True, description="Day of the incident.")
    incident_region = fields.CharField(
        max_length=100, null=True, description="Province or city of the incident."
    )
    law_enforcement_stage = fields.CharEnumField(
        LawEnforcementStage,
        max_length=40,
        default=LawEnforcementStage.REPORT,
        db_index=True,
        description="Stage of the criminal process (APP-1).",
    )
    law_enforcement_reference = fields.CharField(
        max_length=100, null=True, description="Police report or case file number (internal)."
    )
    law_enforcement_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency", "cases", "Police, prosecutor or court handling the case.", True
    )
    owning_unit: fields.ForeignKeyRelation[Unit] = _fk("models.Unit", "cases", "Unit that owns the case.")
    case_officer: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "cases_officered", "Officer in charge of the case.", True
    )
    team: fields.ForeignKeyNullableRelation[Team] = _fk(
        "models.Team", "cases", "The case team, entitled to its secret data (AC-11).", True
    )
    is_public_attention = fields.BooleanField(default=False, description="Of public concern (SH-4, PRO-1).")
    involves_authority = fields.BooleanField(default=False, description="Involves state officials (SH-4).")
    threat_level = fields.CharEnumField(
        ThreatLevel,
        max_length=40,
        default=ThreatLevel.LOW,
        db_index=True,
        description="Assessed threat level.",
    )
    status = fields.CharEnumField(
        CaseStatus, max_length=40, default=CaseStatus.OPEN, db_index=True, description="open → closed."
    )
    closed_at = fields.DatetimeField(null=True, description="When the case was closed.")

    class Meta:
        table = "cases"


class Protectee(PerisaiModel):
    """An applicant or protected person (Terlindung) in one of the roles of APP-2. Identity
    data is secret (APP-3, AC-11); national ID and phone are found by blind index."""

    code = fields.CharField(max_length=40, unique=True, description="Public code, e.g. TL-2026-0001.")
    case: fields.ForeignKeyRelation[Case] = _fk("models.Case", "protectees", "The case.")
    role = fields.CharEnumField(ProtecteeRole, max_length=40, db_index=True, description="Role (APP-2).")
    full_name = EncryptedField(description="Full name (secret, APP-3).")
    nik = EncryptedField(
        blind_index="nik_index",
        normalise=normalise_digits,
        index_purpose="nik",
        description="National ID number (secret, APP-3).",
    )
    nik_index = fields.CharField(
        max_length=64, null=True, db_index=True, description="Blind index of the NIK."
    )
    birth_date = EncryptedField(description="Birth date, ISO text (secret, APP-3).")
    address = EncryptedField(description="Address (secret, APP-3).")
    phone = EncryptedField(
        blind_index="phone_index",
        normalise=normalise_phone,
        index_purpose="phone",
        description="Phone number (secret, APP-3).",
    )
    phone_index = fields.CharField(
        max_length=64, null=True, db_index=True, description="Blind index of the phone."
    )
    photo_ref = EncryptedField(description="Reference to the photo file (secret, APP-3).")
    new_identity = EncryptedField(description="New identity, once granted (secret, APP-3).")
    gender = fields.CharEnumField(Gender, max_length=40, null=True, description="Gender (SH-14).")
    is_child = fields.BooleanField(default=False, db_index=True, description="Under 18 (SH-14, SH-18).")
    age_band = fields.CharEnumField(AgeBand, max_length=40, null=True, description="Age band (not secret).")
    has_disability = fields.BooleanField(default=False, description="Has a disability (SH-15).")
    disability_kind = fields.CharEnumField(
        DisabilityKind, max_length=40, null=True, description="Kind of disability."
    )
    needs_interpreter = fields.BooleanField(default=False, description="Cannot speak Indonesian (PRG-4).")
    language = fields.CharField(
        max_length=100, null=True, description="Language spoken, or sign language (PRG-4)."
    )
    is_deceased = fields.BooleanField(default=False, description="Has died (PRG-3).")
    deceased_on = fields.DateField(null=True, description="Day of death (PRG-3).")
    status = fields.CharEnumField(
        ProtecteeStatus,
        max_length=40,
        default=ProtecteeStatus.APPLICANT,
        db_index=True,
        description="applicant → protected → ended (not_protected when rejected).",
    )

    class Meta:
        table = "protectees"


class FamilyMember(PerisaiModel):
    """A family member of a protectee — blood relative to the third degree, spouse or
    dependant — who may be covered by the protection (APP-2). Identity is secret."""

    protectee: fields.ForeignKeyRelation[Protectee] = _fk(
        "models.Protectee", "family_members", "The protectee."
    )
    relation = fields.CharEnumField(FamilyRelation, max_length=40, description="Relation to the protectee.")
    degree = fields.IntField(
        validators=[MinValueValidator(1), MaxValueValidator(3)], description="Degree of kinship, 1–3 (APP-2)."
    )
    full_name = EncryptedField(description="Full name (secret).")
    nik = EncryptedField(
        blind_index="nik_index",
        normalise=normalise_digits,
        index_purpose="nik",
        description="National ID number (secret).",
    )
    nik_index = fields.CharField(
        max_length=64, null=True, db_index=True, description="Blind index of the NIK."
    )
    birth_date = EncryptedField(description="Birth date, ISO text (secret).")
    phone = EncryptedField(
        blind_index="phone_index",
        normalise=normalise_phone,
        index_purpose="phone",
        description="Phone number (secret).",
    )
    phone_index = fields.CharField(
        max_length=64, null=True, db_index=True, description="Blind index of the phone."
    )
    covered = fields.BooleanField(
        default=False, db_index=True, description="Covered by the protection (APP-2)."
    )

    class Meta:
        table = "family_members"


class Application(PerisaiModel):
    """A request for protection (APP-4): who initiated it (the person or an official on
    their behalf — TRM-1 depends on it), its channel and the programs asked for; reviewed
    by the application-review unit and decided by the leaders (DEC-1)."""

    number = fields.CharField(max_length=40, unique=True, description="Public application number.")
    case: fields.ForeignKeyRelation[Case] = _fk("models.Case", "applications", "The case.")
    applicant: fields.ForeignKeyRelation[Protectee] = _fk(
        "models.Protectee", "applications", "The person to be protected."
    )
    initiator = fields.CharEnumField(
        ApplicationInitiator, max_length=40, db_index=True, description="The person or an official (APP-4)."
    )
    initiating_official_name = fields.CharField(
        max_length=200, null=True, description="Name and title of the requesting official (APP-4, TRM-1b)."
    )
    initiating_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency", "applications_initiated", "The requesting official's agency.", True
    )
    channel = fields.CharEnumField(
        ApplicationChannel, max_length=40, db_index=True, description="Channel (APP-4)."
    )
    referral: fields.ForeignKeyNullableRelation[Referral] = _fk(
        "models.Referral", "applications", "The referral it came from (VR-6).", True
    )
    referred_by_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency",
        "applications_referred",
        "Partner agency that referred it with its API token; its token sees only these (APP-4, AC-2).",
        True,
    )
    proactive_action: fields.ForeignKeyNullableRelation[ProactiveAction] = _fk(
        "models.ProactiveAction", "applications", "The proactive action it came from (PRO-2b).", True
    )
    received_at = fields.DatetimeField(db_index=True, description="When it was received.")
    received_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "applications_received", "Who received it.", True
    )
    review_unit: fields.ForeignKeyNullableRelation[Unit] = _fk(
        "models.Unit", "applications_reviewed", "The application-review unit (DEC-1).", True
    )
    reviewer: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "applications_reviewed", "Officer reviewing it.", True
    )
    reviewed_at = fields.DatetimeField(null=True, description="When the review was completed.")
    review_summary = fields.TextField(null=True, description="Review findings and recommendation (internal).")
    possible_duplicate_count = fields.IntField(
        default=0,
        db_index=True,
        description="How many people of other cases share a national ID with this application's people (APP-3).",
    )
    possible_duplicates = fields.JSONField(
        null=True,
        description="Where those people appear, for the reviewers: case and protectee codes and the capacity, "
        "never an identity (APP-3, AC-11).",
    )
    status = fields.CharEnumField(
        ApplicationStatus,
        max_length=40,
        default=ApplicationStatus.RECEIVED,
        db_index=True,
        description="received → under_review → reviewed → decided_* (or withdrawn).",
    )
    withdrawn_at = fields.DatetimeField(null=True, description="When the applicant withdrew.")

    class Meta:
        table = "applications"


class ApplicationProgramRequest(PerisaiModel):
    """A program the applicant asks for; applicants choose freely (APP-4, SP B.6)."""

    application: fields.ForeignKeyRelation[Application] = _fk(
        "models.Application", "application_program_requests", "The application."
    )
    program_kind = fields.CharEnumField(ProgramKind, max_length=40, description="Program asked for (PRG-1).")
    note = fields.TextField(null=True, description="What exactly is asked for (internal).")

    class Meta:
        table = "application_program_requests"
        unique_together = (("application", "program_kind"),)


class Decision(PerisaiModel):
    """A formal decision of the leaders (Keputusan LPSK), with number and date (DEC-1):
    on an application (accepting wholly or partly, or rejecting), a change of programs
    (CHG-1), a termination (TRM-1) or emergency protection. Immutable once decided."""

    number = fields.CharField(max_length=60, unique=True, description="Decision number (DEC-1).")
    decided_on = fields.DateField(db_index=True, description="Date of the decision (DEC-1, ADM-2).")
    kind = fields.CharEnumField(
        DecisionKind,
        max_length=40,
        default=DecisionKind.INITIAL,
        db_index=True,
        description="What it decides.",
    )
    outcome = fields.CharEnumField(
        DecisionOutcome, max_length=40, null=True, db_index=True, description="Accepted, partly, or rejected."
    )
    application: fields.ForeignKeyNullableRelation[Application] = _fk(
        "models.Application", "decisions", "The application decided.", True
    )
    case: fields.ForeignKeyRelation[Case] = _fk("models.Case", "decisions", "The case.")
    protectee: fields.ForeignKeyNullableRelation[Protectee] = _fk(
        "models.Protectee", "decisions", "The protectee it concerns.", True
    )
    supersedes: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision", "decisions_superseding", "Earlier decision it changes (CHG-1).", True
    )
    signed_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "decisions_signed", "Leader who signed it.", True
    )
    notes = fields.TextField(null=True, description="Considerations (internal).")
    status = fields.CharEnumField(
        DecisionStatus,
        max_length=40,
        default=DecisionStatus.DRAFT,
        db_index=True,
        description="draft → decided (immutable after).",
    )

    class Meta:
        table = "decisions"
