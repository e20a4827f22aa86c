"""Organisation: units, outside agencies, staff, competencies, portfolios, acting posts (ORG-1–5)."""

from __future__ import annotations

from tortoise import fields

from models.base import PerisaiModel, StrEnum
from models.secrets import EncryptedField, normalise_phone


class UnitKind(StrEnum):
    LEADERSHIP = "leadership"
    SECRETARIAT = "secretariat"
    BUREAU = "bureau"
    DIVISION = "division"
    REGIONAL_OFFICE = "regional_office"
    ADMINISTRATIVE = "administrative"


class UnitFunction(StrEnum):
    """What a unit does; the rules refer to units by function, not by name (ORG-1)."""

    LEADERSHIP = "leadership"
    SECRETARIAT = "secretariat"
    GENERAL_AFFAIRS_HR = "general_affairs_hr"
    LEGAL_COOPERATION_PR = "legal_cooperation_pr"
    APPLICATION_REVIEW = "application_review"
    RIGHTS_FULFILMENT = "rights_fulfilment"
    OVERSIGHT = "oversight"
    REGIONAL = "regional"
    OTHER = "other"


class AgencyKind(StrEnum):
    POLICE = "police"
    PROSECUTOR = "prosecutor"
    COURT = "court"
    HOSPITAL = "hospital"
    DISTRICT_SOCIAL_SERVICE = "district_social_service"
    UPTD_PPA = "uptd_ppa"
    PUSPAGA = "puspaga"
    CIVIL_REGISTRY = "civil_registry"
    LOCAL_GOVERNMENT = "local_government"
    OTHER = "other"


class Position(StrEnum):
    """The structural position that authority comes from (AC-1, AC-6)."""

    LEADER = "leader"
    SECRETARY_GENERAL = "secretary_general"
    UNIT_HEAD = "unit_head"
    ADMINISTRATOR = "administrator"
    FUNCTIONAL_OFFICIAL = "functional_official"
    EXECUTOR = "executor"
    EXPERT = "expert"
    EXTERNAL = "external"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"


class CompetencyLevel(StrEnum):
    BASIC = "basic"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    EXPERT = "expert"


class Unit(PerisaiModel):
    """An organisational unit (Unit Kerja). Units form a tree; a unit has a head and a
    function the authority rules refer to (ORG-1, AC-5)."""

    code = fields.CharField(max_length=40, unique=True, description="Short stable code, e.g. BIRO-PH.")
    name = fields.CharField(max_length=200, description="Official name (Indonesian).")
    kind = fields.CharEnumField(
        UnitKind, max_length=40, db_index=True, description="Structural kind of unit."
    )
    function = fields.CharEnumField(
        UnitFunction,
        max_length=40,
        db_index=True,
        description="What the unit does; rules refer to it (ORG-1).",
    )
    is_administrative = fields.BooleanField(
        default=False,
        description="An administrative unit led by an Administrator acting as team lead (ORG-2).",
    )
    region = fields.CharField(
        max_length=100, null=True, description="Province or city, for regional offices."
    )
    parent: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "models.Unit",
        related_name="units_children",
        null=True,
        on_delete=fields.RESTRICT,
        description="The unit above this one in the tree (none for the top).",
    )
    # Staff.unit points here too; this back-edge carries no database constraint so the
    # tables can be created without a cycle. Workflows keep it pointing at real staff.
    head: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="units_headed",
        null=True,
        on_delete=fields.SET_NULL,
        db_constraint=False,
        description="The unit head (or Administrator) currently in post.",
    )
    active = fields.BooleanField(default=True, db_index=True, description="Whether the unit still exists.")

    class Meta:
        table = "units"


class Agency(PerisaiModel):
    """An outside institution (Instansi): police, prosecutor, court, hospital, district
    services, UPTD PPA, Puspaga. Partner tokens belong to an agency (AC-2)."""

    code = fields.CharField(max_length=40, unique=True, description="Short stable code.")
    name = fields.CharField(max_length=200, description="Official name.")
    kind = fields.CharEnumField(AgencyKind, max_length=40, db_index=True, description="Kind of institution.")
    region = fields.CharField(max_length=100, null=True, description="Province or city it serves.")
    contact_email = fields.CharField(max_length=200, null=True, description="Official contact address.")
    active = fields.BooleanField(
        default=True, db_index=True, description="Whether the agency is a current partner."
    )

    class Meta:
        table = "agencies"


class Staff(PerisaiModel):
    """An employee (Pegawai), or an outside agency's officer seconded to a team (ORG-4).
    Authority comes from position, unit, portfolios and team memberships (AC-1)."""

    employee_number = fields.CharField(
        max_length=40, unique=True, description="Employee number (NIP) or external id."
    )
    full_name = fields.CharField(max_length=200, description="Name of the staff member.")
    email = fields.CharField(max_length=200, unique=True, description="Work e-mail; the sign-in name.")
    phone = EncryptedField(
        blind_index="phone_index",
        normalise=normalise_phone,
        index_purpose="phone",
        description="Mobile number (secret, AC-11).",
    )
    phone_index = fields.CharField(
        max_length=64, null=True, db_index=True, description="Blind index of the phone number."
    )
    position = fields.CharEnumField(
        Position, max_length=40, db_index=True, description="Structural position."
    )
    title = fields.CharField(max_length=200, null=True, description="Job title as written on letters.")
    gender = fields.CharEnumField(
        Gender, max_length=40, null=True, description="Gender (same-gender duty rules, SH-14)."
    )
    unit: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "models.Unit",
        related_name="staff",
        null=True,
        on_delete=fields.RESTRICT,
        description="Home unit (none for leaders and outside officers).",
    )
    agency: fields.ForeignKeyNullableRelation[Agency] = fields.ForeignKeyField(
        "models.Agency",
        related_name="staff",
        null=True,
        on_delete=fields.RESTRICT,
        description="Outside agency, for officers who are not LPSK employees.",
    )
    is_chair = fields.BooleanField(default=False, description="The chair (Ketua) among the leaders.")
    active = fields.BooleanField(default=True, db_index=True, description="Disabled accounts cannot sign in.")

    class Meta:
        table = "staff"


class Competency(PerisaiModel):
    """A competency or skill that assignments are matched on (ORG-5)."""

    code = fields.CharField(max_length=60, unique=True, description="Stable code, e.g. psychology.")
    name = fields.CharField(max_length=200, description="Name (Indonesian).")

    class Meta:
        table = "competencies"


class StaffCompetency(PerisaiModel):
    """A staff member's competency and level; unit heads search staff by it (ORG-5)."""

    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="staff_competencies",
        on_delete=fields.RESTRICT,
        description="The staff member.",
    )
    competency: fields.ForeignKeyRelation[Competency] = fields.ForeignKeyField(
        "models.Competency",
        related_name="staff_competencies",
        on_delete=fields.RESTRICT,
        description="The competency.",
    )
    level = fields.CharEnumField(
        CompetencyLevel, max_length=40, db_index=True, description="Proficiency level."
    )
    certified = fields.BooleanField(
        default=False, description="Holds a certificate for it (e.g. psychologist, PRG-7)."
    )
    certificate_number = fields.CharField(
        max_length=100, null=True, description="Certificate or licence number."
    )

    class Meta:
        table = "staff_competencies"
        unique_together = (("staff", "competency"),)


class LeadershipPortfolio(PerisaiModel):
    """A leadership portfolio, e.g. application review or rights fulfilment. Portfolios
    are data; rules name the portfolio they need (AC-6, PRO-2, SH-4, EMG-1)."""

    code = fields.CharField(max_length=60, unique=True, description="Stable code, e.g. rights_fulfilment.")
    name = fields.CharField(max_length=200, description="Name (Indonesian).")

    class Meta:
        table = "leadership_portfolios"


class PortfolioHolding(PerisaiModel):
    """A leader holding a portfolio for a period; a leader may hold several."""

    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="portfolio_holdings",
        on_delete=fields.RESTRICT,
        description="The leader.",
    )
    portfolio: fields.ForeignKeyRelation[LeadershipPortfolio] = fields.ForeignKeyField(
        "models.LeadershipPortfolio",
        related_name="portfolio_holdings",
        on_delete=fields.RESTRICT,
        description="The portfolio held.",
    )
    valid_from = fields.DateField(db_index=True, description="First day held.")
    valid_until = fields.DateField(null=True, db_index=True, description="Last day held (open if empty).")

    class Meta:
        table = "portfolio_holdings"


class ActingAppointment(PerisaiModel):
    """Someone acting in a position for a period (Plt./Plh.): approvals bound to the
    position accept them and record "X acting for Y" (AC-6)."""

    acting_staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="acting_appointments",
        on_delete=fields.RESTRICT,
        description="Who acts.",
    )
    position = fields.CharEnumField(
        Position, max_length=40, db_index=True, description="The position acted in."
    )
    unit: fields.ForeignKeyNullableRelation[Unit] = fields.ForeignKeyField(
        "models.Unit",
        related_name="acting_appointments",
        null=True,
        on_delete=fields.RESTRICT,
        description="The unit whose head is acted for (unit head / Administrator).",
    )
    portfolio: fields.ForeignKeyNullableRelation[LeadershipPortfolio] = fields.ForeignKeyField(
        "models.LeadershipPortfolio",
        related_name="acting_appointments",
        null=True,
        on_delete=fields.RESTRICT,
        description="The portfolio acted in, for a leader's step.",
    )
    acting_for: fields.ForeignKeyNullableRelation[Staff] = fields.ForeignKeyField(
        "models.Staff",
        related_name="acting_appointments_replaced",
        null=True,
        on_delete=fields.RESTRICT,
        description="The official replaced, if the post is not vacant.",
    )
    valid_from = fields.DatetimeField(db_index=True, description="Start of the acting period.")
    valid_until = fields.DatetimeField(db_index=True, description="End of the acting period.")
    letter_number = fields.CharField(
        max_length=100, null=True, description="Number of the appointing letter."
    )

    class Meta:
        table = "acting_appointments"
