"""Placements in safe houses: requirements, preparation, daily protection, companions,
monitoring and termination (SH-6–22)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import PerisaiModel, StrEnum
from models.secrets import EncryptedField, normalise_phone

if TYPE_CHECKING:
    from models.cases import Case, Decision, FamilyMember, Protectee
    from models.documents import Document
    from models.organisation import Agency, Staff
    from models.programs import EmergencyProtection, ProtectionProgram
    from models.safe_houses import SafeHouse


class PlacementKind(StrEnum):
    REGULAR = "regular"  # SH-7
    EMERGENCY = "emergency"  # SH-8
    TEMPORARY_HANDLING = "temporary_handling"  # SH-9


class TemporaryHandlingPurpose(StrEnum):
    """What a temporary-handling placement is for (SH-1, Pasal 5)."""

    RAPID_RESPONSE = "rapid_response"
    TESTIMONY_PREPARATION = "testimony_preparation"
    MEDICAL_PSYCHOLOGICAL = "medical_psychological"
    EVACUATION = "evacuation"


class PlacementStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    PREPARING = "preparing"
    PLACED = "placed"
    TERMINATING = "terminating"
    ENDED = "ended"
    REJECTED = "rejected"


class PlacementTerminationReason(StrEnum):
    """Grounds to end protection in a safe house (SH-22, Pasal 32)."""

    PERSON_REQUEST = "person_request"
    OFFICIAL_REQUEST = "official_request"
    BREACH = "breach"
    NO_LONGER_NEEDED = "no_longer_needed"
    NOT_A_PROTECTEE = "not_a_protectee"


class PreparationItemKind(StrEnum):
    """Preparation items a–e of Pasal 12(1) (SH-13)."""

    INFORMATION_GIVEN = "information_given"
    BELONGINGS_SECURITY_CHECK = "belongings_security_check"
    INITIAL_MEDICAL_PSYCH_ASSESSMENT = "initial_medical_psych_assessment"
    INITIAL_THREAT_ASSESSMENT = "initial_threat_assessment"
    ACTIVITY_PROGRAM = "activity_program"


class BelongingsRecordKind(StrEnum):
    SECURED = "secured"
    RETURNED = "returned"


class BelongingsOwner(StrEnum):
    PROTECTEE = "protectee"
    COMPANION = "companion"


class BelongingsCategory(StrEnum):
    COMMUNICATION_DEVICE = "communication_device"
    SHARP_WEAPON = "sharp_weapon"
    DANGEROUS_ITEM = "dangerous_item"
    OTHER = "other"


class ResidentAssessmentKind(StrEnum):
    MEDICAL = "medical"
    PSYCHOLOGICAL = "psychological"
    THREAT_INITIAL = "threat_initial"
    THREAT_CONTINUED = "threat_continued"
    THREAT_FINAL = "threat_final"


class ResidentThreatLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class AccessibilityAidKind(StrEnum):
    INDEPENDENCE_AID = "independence_aid"
    HEALTH_AID = "health_aid"


class NeedsRequestCategory(StrEnum):
    BASIC = "basic"
    OTHER = "other"
    EDUCATION = "education"


class NeedsRequestStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    FULFILLED = "fulfilled"
    REJECTED = "rejected"


class ExaminationKind(StrEnum):
    MEDICAL = "medical"
    PSYCHOLOGICAL = "psychological"


class ExaminationTrigger(StrEnum):
    """Why an examination is asked for (Pasal 22(1)); the officer is LPSK daily-duty staff."""

    COMPLAINT = "complaint"
    MANAGER_OBSERVATION = "manager_observation"
    OFFICER_OBSERVATION = "officer_observation"


class SafeHousePlace(StrEnum):
    INSIDE = "inside"
    OUTSIDE = "outside"


class ExaminationStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    DONE = "done"
    REJECTED = "rejected"


class ResidentActivityKind(StrEnum):
    ROUTINE = "routine"  # in the house rules (Pasal 28(1)a)
    ASSESSED_OTHER = "assessed_other"  # on a doctor's/psychologist's assessment (Pasal 28(2))


class ResidentActivityStatus(StrEnum):
    PLANNED = "planned"
    APPROVED = "approved"
    DONE = "done"
    CANCELLED = "cancelled"


class CompanionKind(StrEnum):
    FAMILY_MEMBER = "family_member"
    LPSK_PROVIDED = "lpsk_provided"


class CompanionStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


class SafeHouseMonitoringSource(StrEnum):
    """What a monitoring report rests on (Pasal 30(1)–(2))."""

    MANAGERS = "managers"
    CASE_OFFICER = "case_officer"
    TASK_FORCE = "task_force"
    LEADERS = "leaders"
    BUREAU_HEAD = "bureau_head"
    AD_HOC = "ad_hoc"


def _fk(target: str, related_name: str, description: str, null: bool = False) -> Any:
    """A RESTRICT foreign key (records are never deleted in cascade)."""
    return fields.ForeignKeyField(
        target, related_name=related_name, null=null, on_delete=fields.RESTRICT, description=description
    )


class Placement(PerisaiModel):
    """The placement of a protectee in a safe house, from request to the end of protection
    there (SH-6). Requirements: decision, agreement and willingness (SH-7); emergency:
    decision, willingness and the emergency official record (SH-8); temporary handling:
    all three plus the bureau head's approval (SH-9). Another agency may request it (SH-10);
    never beyond capacity (SH-11). Preparation is due 7 days after acceptance (SH-12).
    Termination needs a reason, a leaders' decision and an official record (SH-22)."""

    code = fields.CharField(max_length=40, unique=True, description="Public placement number.")
    house: fields.ForeignKeyNullableRelation[SafeHouse] = _fk(
        "models.SafeHouse",
        "placements",
        "The house; may be chosen after the initial threat assessment (SH-13d), set before placing.",
        null=True,
    )
    protectee: fields.ForeignKeyRelation[Protectee] = _fk("models.Protectee", "placements", "Who is placed.")
    case: fields.ForeignKeyRelation[Case] = _fk("models.Case", "placements", "The case.")
    program: fields.ForeignKeyNullableRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram", "placements", "The safe-house protection program granted.", null=True
    )
    emergency_protection: fields.ForeignKeyNullableRelation[EmergencyProtection] = _fk(
        "models.EmergencyProtection",
        "placements",
        "The emergency protection, for emergency placements (SH-8).",
        null=True,
    )
    kind = fields.CharEnumField(
        PlacementKind, max_length=40, db_index=True, description="Regular, emergency or temporary handling."
    )
    handling_purpose = fields.CharEnumField(
        TemporaryHandlingPurpose,
        max_length=40,
        null=True,
        description="For temporary handling: what it is for (Pasal 5).",
    )
    requested_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "placements_requested", "LPSK staff member who requested it.", null=True
    )
    requesting_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency", "placements", "Agency whose authorised official requested it (SH-10).", null=True
    )
    requesting_official = fields.CharField(
        max_length=200, null=True, description="Name and title of the requesting official (SH-10, SH-22b)."
    )
    requested_at = fields.DatetimeField(db_index=True, description="When it was requested.")
    decision: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision", "placements", "The decision accepting the application (SH-7a).", null=True
    )
    agreement: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document", "placements_agreed", "The signed protection agreement (SH-7b).", null=True
    )
    willingness_statement = fields.BooleanField(
        default=False,
        description="The person stated willingness to be placed and follow the house rules (SH-7c).",
    )
    willingness_stated_at = fields.DatetimeField(null=True, description="When willingness was stated.")
    emergency_record: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document",
        "placements_emergency",
        "Official record of emergency protection (SH-8).",
        null=True,
    )
    bureau_head_approved_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff",
        "placements_bureau_approved",
        "Bureau head approving temporary handling (SH-9).",
        null=True,
    )
    bureau_head_approved_at = fields.DatetimeField(
        null=True, description="When the bureau head approved (SH-9)."
    )
    approved_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "placements_approved", "Who approved the placement.", null=True
    )
    approved_at = fields.DatetimeField(null=True, description="When the placement was approved.")
    status = fields.CharEnumField(
        PlacementStatus,
        max_length=40,
        default=PlacementStatus.REQUESTED,
        db_index=True,
        description="requested → approved → preparing → placed → terminating → ended (or rejected).",
    )
    accepted_on = fields.DateField(
        null=True, description="Day protection in the safe house was accepted, from which SH-12 counts."
    )
    preparation_due_on = fields.DateField(
        null=True, db_index=True, description="Preparation deadline: acceptance + 7 days (SH-12)."
    )
    preparation_completed_at = fields.DatetimeField(
        null=True, db_index=True, description="When all preparation items were done (SH-13)."
    )
    placed_at = fields.DatetimeField(
        null=True, db_index=True, description="When the person arrived in the house."
    )
    termination_reason = fields.CharEnumField(
        PlacementTerminationReason,
        max_length=40,
        null=True,
        db_index=True,
        description="Ground for ending (SH-22).",
    )
    termination_note = fields.TextField(null=True, description="Facts behind the termination reason.")
    termination_decision: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision", "placements_terminated", "Leaders' decision ending it (SH-22).", null=True
    )
    termination_record: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document", "placements_terminated", "Official record of termination (SH-22).", null=True
    )
    ended_at = fields.DatetimeField(null=True, db_index=True, description="When the person left the house.")
    is_child = fields.BooleanField(default=False, description="A child at request time (SH-14, SH-18).")
    is_woman = fields.BooleanField(default=False, description="A woman at request time (SH-14, SH-18).")
    has_disability = fields.BooleanField(
        default=False, description="Has a disability at request time (SH-15, SH-18)."
    )

    class Meta:
        table = "placements"


class PreparationItem(PerisaiModel):
    """One preparation item a–e of a placement, due within 7 days (SH-12, SH-13)."""

    placement: fields.ForeignKeyRelation[Placement] = _fk(
        "models.Placement", "preparation_items", "The placement."
    )
    item = fields.CharEnumField(
        PreparationItemKind, max_length=40, db_index=True, description="Item a–e (SH-13)."
    )
    done = fields.BooleanField(default=False, db_index=True, description="Whether it is done.")
    done_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "preparation_items_done", "Who did it.", null=True
    )
    done_at = fields.DatetimeField(null=True, description="When it was done.")
    adapted_for_disability = fields.BooleanField(
        default=False, description="Delivered in a form suited to the person's disability (Pasal 13(2))."
    )
    note = fields.TextField(null=True, description="Remarks.")

    class Meta:
        table = "preparation_items"
        unique_together = (("placement", "item"),)


class BelongingsRecord(PerisaiModel):
    """An official record of belongings secured by the security task force at the
    security check, or returned at the end (SH-13b, SH-22, Pasal 14)."""

    placement: fields.ForeignKeyRelation[Placement] = _fk(
        "models.Placement", "belongings_records", "The placement."
    )
    kind = fields.CharEnumField(
        BelongingsRecordKind, max_length=40, db_index=True, description="Secured or returned."
    )
    owner = fields.CharEnumField(
        BelongingsOwner,
        max_length=40,
        default=BelongingsOwner.PROTECTEE,
        description="Whose belongings: the person's or the companion's (Pasal 14(1)).",
    )
    official_record: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document",
        "belongings_records",
        "The official record (berita acara) (Pasal 14(3)).",
        null=True,
    )
    recorded_by: fields.ForeignKeyRelation[Staff] = _fk(
        "models.Staff", "belongings_records", "Task-force member who recorded it."
    )
    recorded_at = fields.DatetimeField(db_index=True, description="When.")

    class Meta:
        table = "belongings_records"


class BelongingsItem(PerisaiModel):
    """One item on a belongings record (SH-13b)."""

    record: fields.ForeignKeyRelation[BelongingsRecord] = _fk(
        "models.BelongingsRecord", "belongings_items", "The record listing it."
    )
    category = fields.CharEnumField(
        BelongingsCategory, max_length=40, db_index=True, description="Kind of item."
    )
    description = fields.TextField(description="What the item is.")
    quantity = fields.IntField(default=1, description="How many.")
    returned = fields.BooleanField(default=False, db_index=True, description="Returned to its owner (SH-22).")
    returned_record: fields.ForeignKeyNullableRelation[BelongingsRecord] = _fk(
        "models.BelongingsRecord", "belongings_items_returned", "The record of its return.", null=True
    )

    class Meta:
        table = "belongings_items"


class ResidentAssessment(PerisaiModel):
    """An assessment of a resident: initial medical/psychological (SH-13c), initial threat
    (SH-13d), continued threat (SH-16) or final threat (SH-21). Threat assessments cover the
    perpetrator's profile, the legal process and the house surroundings (Pasal 16, 23)."""

    placement: fields.ForeignKeyRelation[Placement] = _fk(
        "models.Placement", "resident_assessments", "The placement."
    )
    kind = fields.CharEnumField(
        ResidentAssessmentKind, max_length=40, db_index=True, description="Kind of assessment."
    )
    assessed_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "resident_assessments", "Staff or task-force member who assessed.", null=True
    )
    case_officer: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff",
        "resident_assessments_co_assessed",
        "Case officer assessing with the task force.",
        null=True,
    )
    assessor_name = fields.CharField(
        max_length=200, null=True, description="Outside health worker or psychologist, if not staff."
    )
    assessor_licence = fields.CharField(
        max_length=100, null=True, description="Licence number of the health worker or psychologist."
    )
    threat_level = fields.CharEnumField(
        ResidentThreatLevel,
        max_length=40,
        null=True,
        db_index=True,
        description="Threat level found (threat kinds).",
    )
    perpetrator_profile = fields.TextField(null=True, description="Perpetrator profile (Pasal 16(2)a).")
    legal_progress = fields.TextField(null=True, description="Progress of the legal process (Pasal 16(2)b).")
    surroundings = EncryptedField(
        description="Surroundings of the house (Pasal 16(2)c); secret, it can reveal the location."
    )
    findings = fields.TextField(null=True, description="Findings and recommendations.")
    assessed_at = fields.DatetimeField(db_index=True, description="When.")

    class Meta:
        table = "resident_assessments"


class AccessibilityAid(PerisaiModel):
    """An independence or health aid for a resident with a disability (SH-15, Pasal 24(2))."""

    placement: fields.ForeignKeyRelation[Placement] = _fk(
        "models.Placement", "accessibility_aids", "The placement."
    )
    kind = fields.CharEnumField(
        AccessibilityAidKind, max_length=40, db_index=True, description="Independence or health aid."
    )
    description = fields.TextField(description="The aid.")
    recommended_by = fields.CharField(
        max_length=200, null=True, description="Health worker recommending a health aid (Pasal 24(2)c)."
    )
    provided = fields.BooleanField(default=False, db_index=True, description="Whether it was provided.")
    provided_at = fields.DatetimeField(null=True, description="When.")

    class Meta:
        table = "accessibility_aids"


class NeedsRequest(PerisaiModel):
    """A resident's request for basic or other needs, given after a manager's approval
    (SH-16, Pasal 21(1)); an education need may become a program (SH-17)."""

    placement: fields.ForeignKeyRelation[Placement] = _fk(
        "models.Placement", "needs_requests", "The placement."
    )
    category = fields.CharEnumField(
        NeedsRequestCategory, max_length=40, db_index=True, description="Basic, other or education."
    )
    description = fields.TextField(description="What is needed.")
    requested_at = fields.DatetimeField(db_index=True, description="When the resident asked.")
    status = fields.CharEnumField(
        NeedsRequestStatus,
        max_length=40,
        default=NeedsRequestStatus.REQUESTED,
        db_index=True,
        description="requested → approved → fulfilled (or rejected).",
    )
    decided_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "needs_requests_decided", "Manager who decided.", null=True
    )
    decided_at = fields.DatetimeField(null=True, description="When decided.")
    fulfilled_at = fields.DatetimeField(null=True, description="When fulfilled.")
    coordinated_with: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff",
        "needs_requests_coordinated",
        "Case officer consulted on education (SH-17).",
        null=True,
    )
    program: fields.ForeignKeyNullableRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram",
        "needs_requests",
        "Psychosocial-rehabilitation program it became (SH-17).",
        null=True,
    )

    class Meta:
        table = "needs_requests"


class Examination(PerisaiModel):
    """A medical or psychological examination on a complaint or an observation, approved by
    a manager, possibly outside the house; a follow-up needs a leaders' decision (SH-16,
    Pasal 22)."""

    placement: fields.ForeignKeyRelation[Placement] = _fk(
        "models.Placement", "examinations", "The placement."
    )
    kind = fields.CharEnumField(
        ExaminationKind, max_length=40, db_index=True, description="Medical or psychological."
    )
    trigger = fields.CharEnumField(
        ExaminationTrigger,
        max_length=40,
        description="The resident's complaint, or an observation of a manager or of LPSK daily-duty staff.",
    )
    is_follow_up = fields.BooleanField(default=False, description="A follow-up examination (Pasal 22(4)).")
    follow_up_of: fields.ForeignKeyNullableRelation[Examination] = _fk(
        "models.Examination", "examinations_follow_ups", "The examination it follows up.", null=True
    )
    leaders_decision: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision",
        "examinations",
        "Leaders' decision, required for a follow-up (Pasal 22(4)).",
        null=True,
    )
    requested_at = fields.DatetimeField(db_index=True, description="When it was asked for.")
    approved_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "examinations_approved", "Manager who approved (Pasal 22(2)).", null=True
    )
    approved_at = fields.DatetimeField(null=True, description="When approved.")
    location = fields.CharEnumField(
        SafeHousePlace,
        max_length=40,
        default=SafeHousePlace.INSIDE,
        description="Inside or outside the house.",
    )
    provider = fields.CharField(max_length=200, null=True, description="Doctor, psychologist or facility.")
    status = fields.CharEnumField(
        ExaminationStatus,
        max_length=40,
        default=ExaminationStatus.REQUESTED,
        db_index=True,
        description="requested → approved → done (or rejected).",
    )
    performed_at = fields.DatetimeField(null=True, description="When it took place.")
    result_summary = fields.TextField(null=True, description="Summary of the result.")

    class Meta:
        table = "examinations"


class ResidentActivity(PerisaiModel):
    """An activity of a resident inside the house (routine, or other on an assessment) or
    outside it — outside only with a manager's approval and a threat assessment (SH-20)."""

    placement: fields.ForeignKeyRelation[Placement] = _fk(
        "models.Placement", "resident_activities", "The placement."
    )
    place = fields.CharEnumField(
        SafeHousePlace, max_length=40, db_index=True, description="Inside or outside the house."
    )
    kind = fields.CharEnumField(
        ResidentActivityKind,
        max_length=40,
        description="Routine in the house rules, or other on an assessment.",
    )
    description = fields.TextField(description="What the activity is.")
    scheduled_at = fields.DatetimeField(db_index=True, description="When it is planned.")
    basis_examination: fields.ForeignKeyNullableRelation[Examination] = _fk(
        "models.Examination",
        "resident_activities",
        "Examination an 'other' activity rests on (Pasal 28(2)).",
        null=True,
    )
    approved_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "resident_activities_approved", "Manager who approved (required outside).", null=True
    )
    threat_assessment: fields.ForeignKeyNullableRelation[ResidentAssessment] = _fk(
        "models.ResidentAssessment",
        "resident_activities",
        "Threat assessment (required outside, Pasal 29(2)).",
        null=True,
    )
    status = fields.CharEnumField(
        ResidentActivityStatus,
        max_length=40,
        default=ResidentActivityStatus.PLANNED,
        db_index=True,
        description="planned → approved → done (or cancelled).",
    )

    class Meta:
        table = "resident_activities"


class Companion(PerisaiModel):
    """A companion (Pendamping) of a woman, child or person with a disability, by a leaders'
    decision: a family member or one provided by LPSK (SH-18, Pasal 25). A family
    companion's name and phone are secret."""

    placement: fields.ForeignKeyRelation[Placement] = _fk("models.Placement", "companions", "The placement.")
    kind = fields.CharEnumField(
        CompanionKind, max_length=40, db_index=True, description="Family or LPSK-provided."
    )
    staff: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "companions", "The LPSK-provided companion.", null=True
    )
    family_member: fields.ForeignKeyNullableRelation[FamilyMember] = _fk(
        "models.FamilyMember", "companions", "The family member, if recorded on the case.", null=True
    )
    full_name = EncryptedField(description="Family companion's name (secret).")
    phone = EncryptedField(
        blind_index="phone_index",
        normalise=normalise_phone,
        index_purpose="phone",
        description="Family companion's phone (secret).",
    )
    phone_index = fields.CharField(
        max_length=64, null=True, db_index=True, description="Blind index of the phone."
    )
    leaders_decision: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision", "companions", "Leaders' decision granting the companion (Pasal 25(1)).", null=True
    )
    valid_from = fields.DateField(db_index=True, description="First day.")
    valid_until = fields.DateField(null=True, db_index=True, description="Last day (open if empty).")
    status = fields.CharEnumField(
        CompanionStatus,
        max_length=40,
        default=CompanionStatus.ACTIVE,
        db_index=True,
        description="Active or ended.",
    )

    class Meta:
        table = "companions"


class CompanionNote(PerisaiModel):
    """A companion's note on the resident's physical and psychological condition and
    activities, reported to the managers (SH-18, Pasal 25(3))."""

    companion: fields.ForeignKeyRelation[Companion] = _fk(
        "models.Companion", "companion_notes", "The companion."
    )
    noted_at = fields.DatetimeField(db_index=True, description="When.")
    physical_condition = fields.TextField(null=True, description="Physical condition.")
    psychological_condition = fields.TextField(null=True, description="Psychological condition.")
    activities = fields.TextField(null=True, description="Activities inside and outside the house.")
    reported_to_manager = fields.BooleanField(
        default=False, db_index=True, description="Reported to the managers."
    )

    class Meta:
        table = "companion_notes"


class SafeHouseMonitoringReport(PerisaiModel):
    """Monitoring of protection in a house by the leaders and the bureau head, on reports of
    the managers, case officer or task force or at any time: final threat assessment,
    condition, facilities, compliance (SH-21, Pasal 30); problems and the bureau head's
    control actions (Pasal 31)."""

    house: fields.ForeignKeyRelation[SafeHouse] = _fk(
        "models.SafeHouse", "safe_house_monitoring_reports", "The house."
    )
    placement: fields.ForeignKeyNullableRelation[Placement] = _fk(
        "models.Placement",
        "safe_house_monitoring_reports",
        "The placement, if about one resident.",
        null=True,
    )
    reported_by: fields.ForeignKeyRelation[Staff] = _fk(
        "models.Staff", "safe_house_monitoring_reports", "Who wrote it."
    )
    source = fields.CharEnumField(
        SafeHouseMonitoringSource, max_length=40, db_index=True, description="What it rests on."
    )
    final_threat_assessment = fields.TextField(
        null=True, description="Final threat assessment (Pasal 30(3)a)."
    )
    condition = fields.TextField(
        null=True, description="Physical and psychological condition (Pasal 30(3)b)."
    )
    facilities = fields.TextField(null=True, description="Fitness of facilities (Pasal 30(3)d).")
    compliance = fields.TextField(
        null=True, description="Compliance with assignments, directions, law and ethics (Pasal 30(3)e–g)."
    )
    problems = fields.TextField(null=True, description="Problems found.")
    control_actions = fields.TextField(null=True, description="The bureau head's control actions (Pasal 31).")
    controlled_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "safe_house_monitoring_reports_controlled", "Bureau head who took control.", null=True
    )
    reported_at = fields.DatetimeField(db_index=True, description="When.")

    class Meta:
        table = "safe_house_monitoring_reports"
