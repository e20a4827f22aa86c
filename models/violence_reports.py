"""Reports of violence against women and children (PELUKAN), run by a district service (VR-1–8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import PerisaiModel, StrEnum
from models.organisation import Gender
from models.secrets import EncryptedField, normalise_phone

if TYPE_CHECKING:
    from models.organisation import Agency, Staff


class ReporterStatus(StrEnum):
    ACTIVE = "active"
    BLOCKED = "blocked"


class VictimKind(StrEnum):
    WOMAN = "woman"
    CHILD = "child"


class ViolenceKind(StrEnum):
    PHYSICAL = "physical"
    PSYCHOLOGICAL = "psychological"
    SEXUAL = "sexual"
    NEGLECT = "neglect"
    EXPLOITATION = "exploitation"
    TRAFFICKING = "trafficking"
    OTHER = "other"


class RelationToVictim(StrEnum):
    SELF = "self"
    PARENT = "parent"
    SPOUSE = "spouse"
    OTHER_FAMILY = "other_family"
    NEIGHBOUR = "neighbour"
    FRIEND = "friend"
    TEACHER = "teacher"
    OFFICIAL = "official"
    OTHER = "other"


class ViolenceReportStatus(StrEnum):
    SUBMITTED = "submitted"
    CONFIRMED = "confirmed"
    VERIFICATION_ASSIGNED = "verification_assigned"
    VISIT_UNDER_WAY = "visit_under_way"
    IDENTIFIED = "identified"
    REFERRED = "referred"
    CLOSED = "closed"
    REJECTED = "rejected"


class ConfirmationCallOutcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    DECLINED = "declined"


class FieldVisitStatus(StrEnum):
    ASSIGNED = "assigned"
    EN_ROUTE = "en_route"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class IdentificationRiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"


class ReferralStatus(StrEnum):
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    HANDLED = "handled"
    DECLINED = "declined"


class Reporter(PerisaiModel):
    """A victim or reporter registered with an active mobile number verified by a one-time
    code (VR-1). The phone is secret, found through its blind index; a reporter reaches only
    their own reports (AC-3)."""

    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency",
        related_name="reporters",
        on_delete=fields.RESTRICT,
        description="The district service that runs the reporting module.",
    )
    phone = EncryptedField(
        blind_index="phone_index",
        normalise=normalise_phone,
        index_purpose="phone",
        null=False,
        description="Registered mobile number (secret, VR-1).",
    )
    phone_index = fields.CharField(
        max_length=64, db_index=True, description="Blind index of the phone number."
    )
    phone_verified_at = fields.DatetimeField(
        null=True, description="When the one-time code was confirmed (VR-1)."
    )
    display_name = EncryptedField(description="Name the reporter gave, if any (secret).")
    status = fields.CharEnumField(
        ReporterStatus,
        max_length=40,
        default=ReporterStatus.ACTIVE,
        db_index=True,
        description="Active or blocked.",
    )
    last_seen_at = fields.DatetimeField(null=True, description="Last use of the app.")

    class Meta:
        table = "reporters"
        unique_together = (("agency", "phone_index"),)


class ViolenceReport(PerisaiModel):
    """A report of violence against a woman or child (VR-2), taken through confirmation
    (VR-3), field verification (VR-4), identification (VR-5) and referral (VR-6) within
    one day (VR-7). Victim data, the place and the narrative are secret (VR-8)."""

    code = fields.CharField(max_length=40, unique=True, description="Public report number.")
    reporter: fields.ForeignKeyRelation[Reporter] = fields.ForeignKeyField(
        "models.Reporter",
        related_name="violence_reports",
        on_delete=fields.RESTRICT,
        description="Who reported.",
    )
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency",
        related_name="violence_reports",
        on_delete=fields.RESTRICT,
        description="The district service handling it (its data scope).",
    )
    victim_kind = fields.CharEnumField(
        VictimKind, max_length=40, db_index=True, description="Woman or child."
    )
    victim_gender = fields.CharEnumField(
        Gender, max_length=40, null=True, description="Victim's gender, if given."
    )
    victim_age = fields.IntField(null=True, description="Victim's age in years.")
    victim_name = EncryptedField(description="Victim's name (secret, VR-8).")
    violence_kind = fields.CharEnumField(
        ViolenceKind, max_length=40, db_index=True, description="Kind of violence (VR-2)."
    )
    occurred_at = fields.DatetimeField(null=True, description="When it happened, as reported.")
    address = EncryptedField(description="Where it happened (secret).")
    coordinates = EncryptedField(description="Map coordinates as 'latitude,longitude' text (secret).")
    region = fields.CharField(
        max_length=100, null=True, db_index=True, description="District (kabupaten/kota)."
    )
    narrative = EncryptedField(description="What happened (secret: it may identify the victim).")
    relation_to_victim = fields.CharEnumField(
        RelationToVictim, max_length=40, description="The reporter's relation to the victim."
    )
    submitted_at = fields.DatetimeField(db_index=True, description="When it was submitted.")
    due_at = fields.DatetimeField(db_index=True, description="Service deadline: submission + 1 day (VR-7).")
    status = fields.CharEnumField(
        ViolenceReportStatus,
        max_length=40,
        default=ViolenceReportStatus.SUBMITTED,
        db_index=True,
        description="submitted → confirmed → verification_assigned → visit_under_way → identified → "
        "referred → closed (or rejected).",
    )
    intake_admin: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="violence_reports_taken",
        null=True,
        on_delete=fields.RESTRICT,
        description="The admin handling intake (VR-3, VR-8 queue).",
    )
    companion: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="violence_reports_accompanied",
        null=True,
        on_delete=fields.RESTRICT,
        description="The companion (pendamping) verifying on site (VR-4).",
    )
    confirmed_at = fields.DatetimeField(null=True, description="When an admin confirmed it (VR-3).")
    closed_at = fields.DatetimeField(null=True, db_index=True, description="When it was closed or rejected.")

    class Meta:
        table = "violence_reports"


class ConfirmationCall(PerisaiModel):
    """An admin's call to the reporter on the registered number, and its outcome (VR-3)."""

    report: fields.ForeignKeyRelation[ViolenceReport] = fields.ForeignKeyField(
        "models.ViolenceReport",
        related_name="confirmation_calls",
        on_delete=fields.RESTRICT,
        description="The report.",
    )
    admin: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="confirmation_calls",
        on_delete=fields.RESTRICT,
        description="Who called.",
    )
    called_at = fields.DatetimeField(db_index=True, description="When.")
    outcome = fields.CharEnumField(
        ConfirmationCallOutcome, max_length=40, db_index=True, description="Outcome of the call."
    )
    note = fields.TextField(null=True, description="Notes (no identity data).")

    class Meta:
        table = "confirmation_calls"


class FieldVisit(PerisaiModel):
    """A companion's visit to confirm a report on site; the reporter follows the arrival
    live on a map (VR-4)."""

    report: fields.ForeignKeyRelation[ViolenceReport] = fields.ForeignKeyField(
        "models.ViolenceReport",
        related_name="field_visits",
        on_delete=fields.RESTRICT,
        description="The report.",
    )
    companion: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="field_visits", on_delete=fields.RESTRICT, description="The companion."
    )
    assigned_by: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="field_visits_assigned",
        null=True,
        on_delete=fields.RESTRICT,
        description="The admin who forwarded the report.",
    )
    status = fields.CharEnumField(
        FieldVisitStatus,
        max_length=40,
        default=FieldVisitStatus.ASSIGNED,
        db_index=True,
        description="assigned → en_route → arrived → completed (or cancelled).",
    )
    assigned_at = fields.DatetimeField(db_index=True, description="When it was assigned.")
    departed_at = fields.DatetimeField(null=True, description="When the companion set off.")
    arrived_at = fields.DatetimeField(null=True, description="When the companion arrived.")
    ended_at = fields.DatetimeField(null=True, description="When it was completed or cancelled.")

    class Meta:
        table = "field_visits"


class VisitPosition(PerisaiModel):
    """A position the companion's app posted during a visit. Secret — it leads to the
    victim — and kept only while the visit is under way (VR-4)."""

    visit: fields.ForeignKeyRelation[FieldVisit] = fields.ForeignKeyField(
        "models.FieldVisit",
        related_name="visit_positions",
        on_delete=fields.RESTRICT,
        description="The visit.",
    )
    latitude = EncryptedField(description="Latitude as text (secret).")
    longitude = EncryptedField(description="Longitude as text (secret).")
    recorded_at = fields.DatetimeField(db_index=True, description="When the position was taken.")

    class Meta:
        table = "visit_positions"


class IdentificationReport(PerisaiModel):
    """The companion's identification report on the victim/reporter after the visit (VR-5)."""

    report: fields.ForeignKeyRelation[ViolenceReport] = fields.ForeignKeyField(
        "models.ViolenceReport",
        related_name="identification_reports",
        on_delete=fields.RESTRICT,
        description="The report.",
    )
    visit: fields.ForeignKeyNullableRelation[FieldVisit] = fields.ForeignKeyField(
        "models.FieldVisit",
        related_name="identification_reports",
        null=True,
        on_delete=fields.RESTRICT,
        description="The visit it follows.",
    )
    companion: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="identification_reports",
        on_delete=fields.RESTRICT,
        description="The author.",
    )
    findings = EncryptedField(description="Findings about the victim and the situation (secret).")
    needs = fields.TextField(null=True, description="What the victim needs (services, shelter, protection).")
    risk_level = fields.CharEnumField(
        IdentificationRiskLevel, max_length=40, db_index=True, description="Assessed risk."
    )
    needs_protection = fields.BooleanField(
        default=False,
        db_index=True,
        description="May need witness/victim protection: refer on to LPSK (VR-6).",
    )
    written_at = fields.DatetimeField(db_index=True, description="When it was written.")

    class Meta:
        table = "identification_reports"


class Referral(PerisaiModel):
    """Hand-over of a report to UPTD PPA, Puspaga or LPSK, who acknowledge it and report
    their handling through their partner token (VR-6). A referral to LPSK becomes an
    Application, which links back to the report."""

    report: fields.ForeignKeyRelation[ViolenceReport] = fields.ForeignKeyField(
        "models.ViolenceReport",
        related_name="referrals",
        on_delete=fields.RESTRICT,
        description="The report.",
    )
    to_agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency",
        related_name="referrals_received",
        on_delete=fields.RESTRICT,
        description="Receiving agency.",
    )
    referred_by: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="referrals",
        on_delete=fields.RESTRICT,
        description="The admin who referred.",
    )
    referred_at = fields.DatetimeField(db_index=True, description="When.")
    reason = fields.TextField(null=True, description="Why, and what follow-up is asked for.")
    status = fields.CharEnumField(
        ReferralStatus,
        max_length=40,
        default=ReferralStatus.SENT,
        db_index=True,
        description="sent → acknowledged → handled (or declined).",
    )
    acknowledged_at = fields.DatetimeField(
        null=True, description="When the receiving agency acknowledged it."
    )
    decline_reason = fields.TextField(null=True, description="Why the receiving agency declined.")
    handling_report = fields.TextField(
        null=True, description="The receiving agency's report of its handling."
    )
    handled_at = fields.DatetimeField(null=True, description="When handling was reported.")

    class Meta:
        table = "referrals"
