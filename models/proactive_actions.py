"""Proactive actions after a crime, their teams, and complaints about services (PRO-1–5)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import PerisaiModel, StrEnum
from models.cases import CrimeType
from models.secrets import EncryptedField

if TYPE_CHECKING:
    from models.assignments import AssignmentLetter
    from models.cases import Application, Case
    from models.organisation import Staff, Unit
    from models.programs import EmergencyProtection


def _fk(target: str, related_name: str, description: str, null: bool = False, constraint: bool = True) -> Any:
    """A RESTRICT foreign key (records are never deleted in cascade). `constraint=False`
    marks a back-edge of a reference cycle: no database constraint, so tables can be created."""
    return fields.ForeignKeyField(
        target,
        related_name=related_name,
        null=null,
        on_delete=fields.RESTRICT,
        db_constraint=constraint,
        description=description,
    )


class ProactiveTrigger(StrEnum):
    """What set the action off (PRO-1)."""

    REMIT_OR_PUBLIC_CONCERN = "remit_or_public_concern"
    LEADERS_CONSIDERATION = "leaders_consideration"
    OFFICER_REPORT = "officer_report"
    LAW_ENFORCEMENT_INPUT = "law_enforcement_input"
    OTHER_AGENCY_INPUT = "other_agency_input"
    TERRORISM = "terrorism"


class ProactiveOutcome(StrEnum):
    """Outcome a–c of the execution (PRO-2)."""

    NO_APPLICATION = "no_application"
    APPLICATION_FILED = "application_filed"
    EMERGENCY_PROTECTION = "emergency_protection"


class ProactiveStatus(StrEnum):
    REPORTED = "reported"
    ANALYSED = "analysed"
    APPROVED = "approved"
    TEAM_FORMED = "team_formed"
    EXECUTING = "executing"
    CONCLUDED = "concluded"
    REJECTED = "rejected"


class FieldEquipment(StrEnum):
    """Field equipment the team carries (PRO-4, SP B.2); stored as a JSON list of values."""

    UNIFORM = "uniform"
    VEHICLE = "vehicle"
    LAPTOP = "laptop"
    RECORDER = "recorder"
    CAMERA = "camera"


class ProactiveTeamRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"


class ComplaintChannel(StrEnum):
    HOTLINE = "hotline"
    WEBSITE = "website"
    WHATSAPP = "whatsapp"
    NATIONAL_PORTAL = "national_portal"


class ComplaintKind(StrEnum):
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    APPRECIATION = "appreciation"


class ServiceConcerned(StrEnum):
    PROTECTION_APPLICATION = "protection_application"
    PROACTIVE_ACTION = "proactive_action"
    PROTECTION_PROGRAM = "protection_program"
    SAFE_HOUSE = "safe_house"
    VIOLENCE_REPORT = "violence_report"
    OTHER = "other"


class ComplaintStatus(StrEnum):
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"


class ProactiveAction(PerisaiModel):
    """Agency-initiated outreach after a crime (PRO-1): case analysis → approval by a
    leader responsible for application review → a team of at least two assigned officers
    → execution → outcome a–c within one calendar day of approval (PRO-2, PRO-3) →
    report, minutes and service record. Free of charge."""

    code = fields.CharField(max_length=40, unique=True, description="Public number.")
    trigger = fields.CharEnumField(
        ProactiveTrigger, max_length=40, db_index=True, description="Trigger (PRO-1)."
    )
    crime_type = fields.CharEnumField(
        CrimeType, max_length=40, null=True, description="Suspected crime type."
    )
    event_summary = fields.TextField(description="The crime event (internal).")
    event_at = fields.DatetimeField(null=True, description="When the event happened.")
    event_region = fields.CharField(max_length=100, null=True, description="Province or city of the event.")
    case: fields.ForeignKeyNullableRelation[Case] = _fk(
        "models.Case", "proactive_actions", "The case, once opened.", True
    )
    reported_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "proactive_actions_reported", "Officer who reported or proposed it.", True
    )
    reported_at = fields.DatetimeField(db_index=True, description="When it was reported.")
    analysis = fields.TextField(null=True, description="Case analysis (internal, PRO-2).")
    activity_plan = fields.TextField(null=True, description="Planned activities (internal).")
    budget = fields.DecimalField(
        max_digits=18, decimal_places=2, null=True, description="Planned budget (rupiah)."
    )
    analysed_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "proactive_actions_analysed", "Who analysed the case.", True
    )
    analysed_at = fields.DatetimeField(null=True, description="When the analysis was completed.")
    approved_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff",
        "proactive_actions_approved",
        "Leader responsible for application review (PRO-2).",
        True,
    )
    approved_at = fields.DatetimeField(null=True, description="When it was approved (PRO-3 counts from it).")
    deadline_at = fields.DatetimeField(
        null=True, db_index=True, description="Approval + 1 calendar day (PRO-3)."
    )
    rejection_reason = fields.TextField(null=True, description="Why it was not approved.")
    equipment = fields.JSONField(
        default=list, description="Field equipment carried (PRO-4), FieldEquipment values."
    )
    outcome = fields.CharEnumField(
        ProactiveOutcome, max_length=40, null=True, db_index=True, description="Outcome a–c (PRO-2)."
    )
    outcome_at = fields.DatetimeField(
        null=True, db_index=True, description="When the outcome was reached (PRO-3)."
    )
    # Outcome links point back along Application.proactive_action (and EmergencyProtection →
    # Decision → Application): back-edges of a cycle, so without a database constraint.
    application: fields.ForeignKeyNullableRelation[Application] = _fk(
        "models.Application",
        "proactive_actions",
        "The application filed (outcome b).",
        True,
        constraint=False,
    )
    emergency_protection: fields.ForeignKeyNullableRelation[EmergencyProtection] = _fk(
        "models.EmergencyProtection",
        "proactive_actions",
        "The emergency protection given (outcome c).",
        True,
        constraint=False,
    )
    status = fields.CharEnumField(
        ProactiveStatus,
        max_length=40,
        default=ProactiveStatus.REPORTED,
        db_index=True,
        description="reported → analysed → approved → team_formed → executing → concluded (or rejected).",
    )
    report = fields.TextField(null=True, description="Report of the action (internal).")
    minutes = fields.TextField(null=True, description="Minutes (risalah) (internal).")
    service_record = fields.TextField(
        null=True, description="Record of the protection service given (internal)."
    )

    class Meta:
        table = "proactive_actions"


class ProactiveTeamMember(PerisaiModel):
    """An officer on a proactive-action team, assigned by a superior's letter (PRO-2: at
    least two; PRO-4)."""

    action: fields.ForeignKeyRelation[ProactiveAction] = _fk(
        "models.ProactiveAction", "proactive_team_members", "The proactive action."
    )
    staff: fields.ForeignKeyRelation[Staff] = _fk("models.Staff", "proactive_team_members", "The officer.")
    role = fields.CharEnumField(
        ProactiveTeamRole, max_length=40, default=ProactiveTeamRole.MEMBER, description="Lead or member."
    )
    assignment_letter: fields.ForeignKeyNullableRelation[AssignmentLetter] = _fk(
        "models.AssignmentLetter", "proactive_team_members", "The assignment letter (PRO-4, SP B.7).", True
    )

    class Meta:
        table = "proactive_team_members"
        unique_together = (("action", "staff"),)


class Complaint(PerisaiModel):
    """A complaint, suggestion or appreciation about a service, tracked to an answer
    (PRO-5). The complainant's name and contact are secret."""

    code = fields.CharField(max_length=40, unique=True, description="Public number.")
    channel = fields.CharEnumField(
        ComplaintChannel, max_length=40, db_index=True, description="Channel (PRO-5)."
    )
    kind = fields.CharEnumField(ComplaintKind, max_length=40, db_index=True, description="What it is.")
    service = fields.CharEnumField(
        ServiceConcerned, max_length=40, db_index=True, description="Service concerned."
    )
    case: fields.ForeignKeyNullableRelation[Case] = _fk(
        "models.Case", "complaints", "The case, if one.", True
    )
    summary = fields.TextField(description="What was said (internal).")
    complainant_name = EncryptedField(description="Complainant's name (secret).")
    complainant_contact = EncryptedField(description="Complainant's phone or e-mail (secret).")
    received_at = fields.DatetimeField(db_index=True, description="When it was received.")
    handling_unit: fields.ForeignKeyNullableRelation[Unit] = _fk(
        "models.Unit", "complaints", "Unit handling it.", True
    )
    status = fields.CharEnumField(
        ComplaintStatus,
        max_length=40,
        default=ComplaintStatus.RECEIVED,
        db_index=True,
        description="received → in_progress → answered.",
    )
    answer = fields.TextField(null=True, description="The answer given.")
    answered_at = fields.DatetimeField(null=True, description="When it was answered.")
    answered_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "complaints_answered", "Who answered.", True
    )

    class Meta:
        table = "complaints"
