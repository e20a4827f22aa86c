"""Safe houses: houses, standards, managers, security task force, duty rosters (SH-1–5, SH-19, SH-23)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from models.base import PerisaiModel, StrEnum
from models.organisation import Gender
from models.secrets import EncryptedField

if TYPE_CHECKING:
    from models.cases import Case
    from models.organisation import Agency, Staff, Unit


class SafeHouseStatus(StrEnum):
    """Life of a house; only `meets_standards` takes placements (SH-4)."""

    PLANNED = "planned"
    UNDER_ASSESSMENT = "under_assessment"
    MEETS_STANDARDS = "meets_standards"
    SUSPENDED = "suspended"
    CLOSED = "closed"


class SafeHouseStandardCategory(StrEnum):
    SECURITY = "security"
    SAFETY = "safety"
    HEALTH = "health"


class SafeHouseStandardItemKind(StrEnum):
    """The standard items of Pasal 6 (SH-3)."""

    SECRECY = "secrecy"
    CCTV = "cctv"
    PERIMETER_FENCE = "perimeter_fence"
    METAL_DETECTOR = "metal_detector"
    SECURITY_OTHER = "security_other"
    DISASTER_SAFE_LOCATION = "disaster_safe_location"
    SECRET_TRANSPORT_ROUTE = "secret_transport_route"  # noqa: S105 (not a password)
    EVACUATION_ROUTE = "evacuation_route"
    SAFE_FROM_THREATS = "safe_from_threats"
    HEALTH_PROTOCOL = "health_protocol"
    HEALTHY_HOUSE_CRITERIA = "healthy_house_criteria"


# Which category each standard item belongs to (Pasal 6(2)–(4)).
STANDARD_ITEM_CATEGORY: dict[SafeHouseStandardItemKind, SafeHouseStandardCategory] = {
    SafeHouseStandardItemKind.SECRECY: SafeHouseStandardCategory.SECURITY,
    SafeHouseStandardItemKind.CCTV: SafeHouseStandardCategory.SECURITY,
    SafeHouseStandardItemKind.PERIMETER_FENCE: SafeHouseStandardCategory.SECURITY,
    SafeHouseStandardItemKind.METAL_DETECTOR: SafeHouseStandardCategory.SECURITY,
    SafeHouseStandardItemKind.SECURITY_OTHER: SafeHouseStandardCategory.SECURITY,
    SafeHouseStandardItemKind.DISASTER_SAFE_LOCATION: SafeHouseStandardCategory.SAFETY,
    SafeHouseStandardItemKind.SECRET_TRANSPORT_ROUTE: SafeHouseStandardCategory.SAFETY,
    SafeHouseStandardItemKind.EVACUATION_ROUTE: SafeHouseStandardCategory.SAFETY,
    SafeHouseStandardItemKind.SAFE_FROM_THREATS: SafeHouseStandardCategory.SAFETY,
    SafeHouseStandardItemKind.HEALTH_PROTOCOL: SafeHouseStandardCategory.HEALTH,
    SafeHouseStandardItemKind.HEALTHY_HOUSE_CRITERIA: SafeHouseStandardCategory.HEALTH,
}


class SafeHouseStandardsAssessmentStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"


class SafeHouseManagerRole(StrEnum):
    """Roles of the safe-house managers (Pasal 34–35, SH-23)."""

    BUREAU_HEAD_RESPONSIBLE = "bureau_head_responsible"
    HEAD_OF_SAFE_HOUSE = "head_of_safe_house"
    STAFF_MEALS = "staff_meals"
    STAFF_DAILY_NEEDS = "staff_daily_needs"
    STAFF_CLEANING = "staff_cleaning"
    STAFF_DRIVER = "staff_driver"
    STAFF_ADMIN = "staff_admin"
    DAILY_DUTY = "daily_duty"


class DutyRosterRole(StrEnum):
    MANAGER = "manager"
    GUARD = "guard"
    DAILY_STAFF = "daily_staff"


class SafeHouse(PerisaiModel):
    """A safe house (Rumah Aman): a confidential residence meeting LPSK's standards, used as
    a temporary or new residence, for emergency protection and temporary handling (SH-1).
    Its name, address, coordinates and phone are secret; everyone else sees only the code
    (SH-2). Capacity, child-friendliness and accessibility drive placement (SH-5, SH-11,
    SH-14, SH-15); only a house meeting the standards takes placements (SH-4)."""

    code = fields.CharField(max_length=40, unique=True, description="Public code, e.g. RA-07 (SH-2).")
    name = EncryptedField(description="Name or alias of the house (secret, SH-2).")
    address = EncryptedField(description="Street address (secret, SH-2).")
    coordinates = EncryptedField(description="Map coordinates as 'latitude,longitude' text (secret, SH-2).")
    contact_phone = EncryptedField(description="Contact phone of the house (secret, SH-2).")
    region = fields.CharField(
        max_length=100, null=True, db_index=True, description="Province only; never anything finer (SH-2)."
    )
    use_temporary_residence = fields.BooleanField(
        default=True, db_index=True, description="Serves as a temporary residence (SH-1, Pasal 4(1)a)."
    )
    use_new_residence = fields.BooleanField(
        default=False, db_index=True, description="Serves as a new residence (SH-1, Pasal 4(1)b)."
    )
    use_emergency = fields.BooleanField(
        default=False, db_index=True, description="Serves for emergency protection (SH-1, Pasal 4(2)a)."
    )
    use_temporary_handling = fields.BooleanField(
        default=False,
        db_index=True,
        description="Serves as a temporary handling place (SH-1, Pasal 4(2)b, 5).",
    )
    capacity = fields.IntField(description="How many people it can house at once (SH-11).")
    child_friendly = fields.BooleanField(
        default=False, db_index=True, description="Child-friendly; a child is placed only here (SH-14)."
    )
    accessible = fields.BooleanField(
        default=False, db_index=True, description="Accessible for people with disabilities (SH-15)."
    )
    accessibility_features = fields.TextField(
        null=True, description="Accessibility features available (SH-5)."
    )
    status = fields.CharEnumField(
        SafeHouseStatus,
        max_length=40,
        default=SafeHouseStatus.PLANNED,
        db_index=True,
        description="Stage of the house; only meets_standards takes placements (SH-4).",
    )
    standards_declared_at = fields.DatetimeField(
        null=True, description="When it was last declared to meet the standards (SH-4)."
    )
    managing_unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "models.Unit",
        related_name="safe_houses",
        on_delete=fields.RESTRICT,
        description="Unit that manages it: the rights-fulfilment bureau (SH-23).",
    )

    class Meta:
        table = "safe_houses"


class SafeHouseStandardsAssessment(PerisaiModel):
    """The managers' analysis that a house meets the standards (Pasal 7(1)). Where the
    threat is high, the case involves people with authority or draws public attention, or
    the managers judge it necessary, the declaration needs the consideration of at least
    two leaders responsible for rights fulfilment (SH-4, Pasal 7(2)–(4)); their approvals
    are `Approval` rows on this record."""

    house: fields.ForeignKeyRelation[SafeHouse] = fields.ForeignKeyField(
        "models.SafeHouse",
        related_name="safe_house_standards_assessments",
        on_delete=fields.RESTRICT,
        description="The house assessed.",
    )
    case: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "models.Case",
        related_name="safe_house_standards_assessments",
        null=True,
        on_delete=fields.RESTRICT,
        description="The case it was made for, when the case's circumstances are a trigger (Pasal 7(3)).",
    )
    analysed_by: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="safe_house_standards_assessments",
        on_delete=fields.RESTRICT,
        description="The manager who led the analysis and identification (Pasal 7(1)).",
    )
    analysis = fields.TextField(null=True, description="The managers' analysis and identification.")
    high_threat = fields.BooleanField(
        default=False, description="Potential or level of threat is high (Pasal 7(3)a)."
    )
    involves_authority = fields.BooleanField(
        default=False, description="The case involves people with a certain authority (Pasal 7(3)b)."
    )
    public_attention = fields.BooleanField(
        default=False, description="The case draws public attention (Pasal 7(3)c)."
    )
    managers_judgement = fields.BooleanField(
        default=False, description="The managers judge the leaders' consideration necessary (Pasal 7(3)d)."
    )
    requires_leaders_consideration = fields.BooleanField(
        default=False, db_index=True, description="Any trigger holds: leaders must consider it (SH-4)."
    )
    required_approvals = fields.IntField(
        default=0,
        description="Distinct rights-fulfilment leaders who must approve: 2 when any trigger holds.",
    )
    status = fields.CharEnumField(
        SafeHouseStandardsAssessmentStatus,
        max_length=40,
        default=SafeHouseStandardsAssessmentStatus.DRAFT,
        db_index=True,
        description="draft → submitted → approved / rejected.",
    )
    submitted_at = fields.DatetimeField(null=True, description="When it was submitted for declaration.")
    declared_at = fields.DatetimeField(
        null=True, db_index=True, description="When the house was declared to meet the standards."
    )

    class Meta:
        table = "safe_house_standards_assessments"


class SafeHouseStandardItem(PerisaiModel):
    """One standard item of one house — security, safety or health — and whether it is met
    (SH-3, Pasal 6)."""

    house: fields.ForeignKeyRelation[SafeHouse] = fields.ForeignKeyField(
        "models.SafeHouse",
        related_name="safe_house_standard_items",
        on_delete=fields.RESTRICT,
        description="The house.",
    )
    assessment: fields.ForeignKeyNullableRelation[SafeHouseStandardsAssessment] = fields.ForeignKeyField(
        "models.SafeHouseStandardsAssessment",
        related_name="safe_house_standard_items",
        null=True,
        on_delete=fields.RESTRICT,
        description="The standards assessment the item was checked in, if any.",
    )
    category = fields.CharEnumField(
        SafeHouseStandardCategory,
        max_length=40,
        db_index=True,
        description="Security, safety or health (Pasal 6(1)).",
    )
    item = fields.CharEnumField(
        SafeHouseStandardItemKind, max_length=40, db_index=True, description="The standard item."
    )
    met = fields.BooleanField(default=False, db_index=True, description="Whether the house meets it.")
    checked_on = fields.DateField(null=True, description="When it was last checked.")
    checked_by: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="safe_house_standard_items_checked",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who checked it.",
    )
    note = fields.TextField(null=True, description="Remarks, e.g. what 'other security facilities' are.")

    class Meta:
        table = "safe_house_standard_items"


class SafeHouseManager(PerisaiModel):
    """A person appointed to run safe houses (Pengurus Rumah Aman), by decision of the chair:
    the rights-fulfilment bureau head (responsible for all houses, no house), the head of a
    house (a functional official) and appointed staff; daily-duty staff are assigned by the
    bureau head (SH-23, Pasal 34–35)."""

    house: fields.ForeignKeyNullableRelation[SafeHouse] = fields.ForeignKeyField(
        "models.SafeHouse",
        related_name="safe_house_managers",
        null=True,
        on_delete=fields.RESTRICT,
        description="The house; empty for the bureau head, responsible for all houses.",
    )
    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="safe_house_managers",
        on_delete=fields.RESTRICT,
        description="The manager.",
    )
    role = fields.CharEnumField(
        SafeHouseManagerRole, max_length=40, db_index=True, description="Role among the managers."
    )
    appointment_number = fields.CharField(
        max_length=100,
        null=True,
        description="Number of the chair's decision (or the bureau head's assignment for daily duty).",
    )
    appointed_by: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="safe_house_managers_appointed",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who appointed: the chair, or the bureau head for daily duty (Pasal 34(1), (5)).",
    )
    valid_from = fields.DateField(db_index=True, description="First day of the appointment.")
    valid_until = fields.DateField(null=True, db_index=True, description="Last day (open if empty).")

    class Meta:
        table = "safe_house_managers"


class SecurityTaskForceMember(PerisaiModel):
    """A police officer of the security and escort task force (Satuan Tugas Pengamanan dan
    Pengawalan) posted to a house, with the equipment issued (SH-19, Pasal 26, 34(3))."""

    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="security_task_force_members",
        on_delete=fields.RESTRICT,
        description="The officer (a Staff record with an outside agency).",
    )
    house: fields.ForeignKeyNullableRelation[SafeHouse] = fields.ForeignKeyField(
        "models.SafeHouse",
        related_name="security_task_force_members",
        null=True,
        on_delete=fields.RESTRICT,
        description="The house guarded; empty for escort duty across houses.",
    )
    agency: fields.ForeignKeyRelation[Agency] = fields.ForeignKeyField(
        "models.Agency",
        related_name="security_task_force_members",
        on_delete=fields.RESTRICT,
        description="The seconding agency (the police).",
    )
    rank = fields.CharField(max_length=100, null=True, description="Police rank.")
    security_equipment = fields.TextField(null=True, description="Security equipment issued (Pasal 26(2)a).")
    communication_equipment = fields.TextField(
        null=True, description="Communication devices issued (Pasal 26(2)b)."
    )
    support_equipment = fields.TextField(null=True, description="Other support equipment (Pasal 26(2)c).")
    letter_number = fields.CharField(max_length=100, null=True, description="Number of the posting letter.")
    valid_from = fields.DateField(db_index=True, description="First day of the posting.")
    valid_until = fields.DateField(null=True, db_index=True, description="Last day (open if empty).")

    class Meta:
        table = "security_task_force_members"


class DutyRoster(PerisaiModel):
    """One shift of one person on duty in one house: who guards and manages when. The
    gender snapshot lets the system warn when no one of the resident's gender is on duty
    (SH-14, SH-23, AC-1)."""

    house: fields.ForeignKeyRelation[SafeHouse] = fields.ForeignKeyField(
        "models.SafeHouse", related_name="duty_rosters", on_delete=fields.RESTRICT, description="The house."
    )
    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="duty_rosters", on_delete=fields.RESTRICT, description="Who is on duty."
    )
    role = fields.CharEnumField(
        DutyRosterRole, max_length=40, db_index=True, description="Manager, guard or daily staff."
    )
    shift_start = fields.DatetimeField(db_index=True, description="Start of the shift (UTC).")
    shift_end = fields.DatetimeField(db_index=True, description="End of the shift (UTC).")
    gender = fields.CharEnumField(
        Gender, max_length=40, null=True, description="Gender of the person on duty, at rostering (SH-14)."
    )

    class Meta:
        table = "duty_rosters"
