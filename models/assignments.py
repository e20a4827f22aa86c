"""Teams, memberships, assignments, assignment letters and involvement requests (ASG-1–10, AC-8)."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from models.base import PerisaiModel, StrEnum


def _fk(target: str, related_name: str, description: str, null: bool = False) -> Any:
    """A RESTRICT foreign key: records that others refer to are never deleted in cascade."""
    return fields.ForeignKeyField(
        target, related_name=related_name, null=null, on_delete=fields.RESTRICT, description=description
    )


class TeamStatus(StrEnum):
    FORMING = "forming"
    ACTIVE = "active"
    CLOSED = "closed"


class TeamRole(StrEnum):
    LEAD = "lead"
    MEMBER = "member"


class AssignmentKind(StrEnum):
    """Appointment (penunjukan) or voluntary application (pengajuan sukarela), Pasal 9."""

    APPOINTMENT = "appointment"
    VOLUNTARY_APPLICATION = "voluntary_application"


class AssignmentScope(StrEnum):
    INDIVIDUAL = "individual"
    TEAM = "team"


class AssignmentPath(StrEnum):
    """The six paths of Lamp. 2, one per rule ASG-1 … ASG-6, and the voluntary applications across
    agencies of Pasal 11(2)."""

    WITHIN_UNIT_APPOINTMENT = "within_unit_appointment"  # ASG-1
    CROSS_UNIT_APPOINTMENT = "cross_unit_appointment"  # ASG-2
    OUTBOUND_AGENCY_APPOINTMENT = "outbound_agency_appointment"  # ASG-3
    INBOUND_AGENCY_REQUEST = "inbound_agency_request"  # ASG-4
    WITHIN_UNIT_VOLUNTARY = "within_unit_voluntary"  # ASG-5
    CROSS_UNIT_VOLUNTARY = "cross_unit_voluntary"  # ASG-6
    # Pasal 11(2) "lintas Instansi" (ORG-4): the spec's ASG-6 names units only; the seed takes voluntary
    # applications across agencies too, both ways.
    OUTBOUND_AGENCY_VOLUNTARY = "outbound_agency_voluntary"  # LPSK staff to another agency's team
    INBOUND_AGENCY_VOLUNTARY = "inbound_agency_voluntary"  # another agency's officer to an LPSK team


class AssignmentStatus(StrEnum):
    """Steps across the six paths; each path uses the subset its rule names. Any step
    may be rejected with a reason, which ends the path."""

    DRAFT = "draft"
    SUBMITTED = "submitted"  # applied / requested / proposed
    CONSULTING = (
        "consulting"  # ASG-3 consultation, ASG-4 SG consults the unit head, ASG-6 target head consults SG
    )
    AWAITING_INVOLVEMENT = "awaiting_involvement"  # ASG-2/3: involvement request pending
    OWN_HEAD_APPROVED = "own_head_approved"  # ASG-6 first approval
    TARGET_HEAD_APPROVED = "target_head_approved"  # ASG-2/6 target head approval
    PROPOSED_TO_SG = "proposed_to_sg"  # ASG-2: the proposing head proposes to the Secretary General
    APPROVED = "approved"
    LETTER_ISSUED = "letter_issued"
    DELIVERED = "delivered"  # ASG-4/6: letter delivered to the staff member (and agency)
    IN_PROGRESS = "in_progress"
    RESULTS_SUBMITTED = "results_submitted"  # PERF-4: awaiting the unit head's acceptance
    COMPLETED = "completed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class LetterStatus(StrEnum):
    ISSUED = "issued"
    REVOKED = "revoked"


class InvolvementDirection(StrEnum):
    INTERNAL_CROSS_UNIT = "internal_cross_unit"  # ASG-2, ASG-6
    OUTBOUND_TO_AGENCY = "outbound_to_agency"  # ASG-3; Pasal 11(2) LPSK staff applying to an agency
    INBOUND_FROM_AGENCY = "inbound_from_agency"  # ASG-4; Pasal 11(2) an agency's officer applying


class InvolvementStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Team(PerisaiModel):
    """A work team (Tim Kerja) owned by a unit, with a lead and members. Members from other
    units or agencies join only through an approved involvement request (ASG-7) and reach
    the team's records only for the team's life (AC-8)."""

    code = fields.CharField(max_length=40, unique=True, description="Short stable code, e.g. TIM-2026-003.")
    name = fields.CharField(max_length=200, description="Team name.")
    owning_unit = _fk("models.Unit", "teams", "Unit that owns the team and its performance target (ASG-8).")
    lead = _fk("models.Staff", "teams_led", "Team lead (ketua tim).", null=True)
    lead_justification = fields.TextField(
        null=True, description="Why the lead comes from outside the owning unit (required then, ASG-8)."
    )
    # PerformanceTarget.team points here too; like Unit.head, this back-edge carries no
    # database constraint so the two tables can be created without a cycle.
    performance_target = fields.ForeignKeyField(
        "models.PerformanceTarget",
        related_name="teams",
        null=True,
        on_delete=fields.SET_NULL,
        db_constraint=False,
        description="The performance target the team works on; its unit should supply the lead (ASG-8).",
    )
    is_cross_unit = fields.BooleanField(default=False, description="Has members from other units.")
    is_cross_agency = fields.BooleanField(default=False, description="Has members from outside agencies.")
    starts_on = fields.DateField(null=True, db_index=True, description="First day of the team's life.")
    ends_on = fields.DateField(null=True, db_index=True, description="Last day of the team's life (AC-8).")
    status = fields.CharEnumField(
        TeamStatus,
        max_length=40,
        default=TeamStatus.FORMING,
        db_index=True,
        description="forming → active → closed.",
    )

    class Meta:
        table = "teams"


class TeamMembership(PerisaiModel):
    """A person's place on a team. Outside the owning unit it must rest on an approved
    involvement request (ASG-7); the home unit/agency is kept as it was at joining."""

    team = _fk("models.Team", "team_memberships", "The team.")
    staff = _fk("models.Staff", "team_memberships", "The member.")
    role = fields.CharEnumField(
        TeamRole, max_length=40, default=TeamRole.MEMBER, db_index=True, description="Lead or member."
    )
    home_unit = _fk("models.Unit", "team_memberships", "Member's unit when joining (snapshot).", null=True)
    home_agency = _fk(
        "models.Agency", "team_memberships", "Member's agency when joining, if external.", null=True
    )
    involvement_request = _fk(
        "models.InvolvementRequest",
        "team_memberships",
        "Approved request that brought the member in (ASG-7).",
        null=True,
    )
    joined_on = fields.DateField(db_index=True, description="First day on the team.")
    left_on = fields.DateField(null=True, db_index=True, description="Last day on the team (open if empty).")

    class Meta:
        table = "team_memberships"


class Assignment(PerisaiModel):
    """A task given to a person or a team (Penugasan) by appointment or voluntary
    application, along one of the six paths ASG-1 … ASG-6, made official by a letter."""

    code = fields.CharField(max_length=40, unique=True, description="Short stable code, e.g. PNG-2026-0012.")
    title = fields.CharField(max_length=200, description="What is to be done.")
    description = fields.TextField(null=True, description="Detail of the task (internal).")
    kind = fields.CharEnumField(
        AssignmentKind, max_length=40, db_index=True, description="Appointment or voluntary."
    )
    scope = fields.CharEnumField(
        AssignmentScope, max_length=40, db_index=True, description="Individual or team."
    )
    path = fields.CharEnumField(
        AssignmentPath, max_length=40, db_index=True, description="Which rule's path (ASG-1…6)."
    )
    status = fields.CharEnumField(
        AssignmentStatus,
        max_length=40,
        default=AssignmentStatus.DRAFT,
        db_index=True,
        description="Workflow state.",
    )
    requesting_unit = _fk(
        "models.Unit", "assignments_requested", "Unit that proposes or owns the task.", null=True
    )
    target_unit = _fk(
        "models.Unit", "assignments_targeted", "Unit whose staff are asked for (cross-unit).", null=True
    )
    requesting_agency = _fk("models.Agency", "assignments", "Outside agency involved (ASG-3/4).", null=True)
    staff = _fk("models.Staff", "assignments", "The person assigned (individual scope).", null=True)
    team = _fk("models.Team", "assignments", "The team assigned (team scope).", null=True)
    proposer = _fk(
        "models.Staff", "assignments_proposed", "Who applied, requested or proposed it.", null=True
    )
    technical_controller = _fk(
        "models.Staff",
        "assignments_controlled",
        "Expert exercising technical control, not command (ORG-3, AC-9).",
        null=True,
    )
    starts_on = fields.DateField(null=True, description="Planned start.")
    due_on = fields.DateField(null=True, db_index=True, description="Planned end.")
    rejection_reason = fields.TextField(null=True, description="Why the path ended in a rejection.")
    results_summary = fields.TextField(
        null=True, description="The results reported for the unit head's acceptance (PERF-4)."
    )

    class Meta:
        table = "assignments"


class AssignmentLetter(PerisaiModel):
    """The numbered letter that makes an assignment official (Surat Penugasan). Numbers
    run per issuer per year without gaps; issued letters are immutable and are revoked,
    never deleted (ASG-10)."""

    number = fields.CharField(
        max_length=60, unique=True, description="Letter number, e.g. ST-0042/LPSK/2026."
    )
    issuer_code = fields.CharField(
        max_length=60, db_index=True, description="Issuer: a unit code, or LPSK for the SG."
    )
    year = fields.IntField(db_index=True, description="Year of the numbering series.")
    sequence = fields.IntField(description="Position in the issuer's series for the year.")
    assignment = _fk("models.Assignment", "assignment_letters", "The assignment it makes official.")
    team = _fk("models.Team", "assignment_letters", "The team, for a team assignment letter.", null=True)
    issued_by = _fk("models.Staff", "assignment_letters_issued", "Who signed it (unit head or SG).")
    issued_at = fields.DatetimeField(db_index=True, description="When it was issued.")
    status = fields.CharEnumField(
        LetterStatus,
        max_length=40,
        default=LetterStatus.ISSUED,
        db_index=True,
        description="issued → revoked.",
    )
    revoked_at = fields.DatetimeField(null=True, description="When it was revoked.")
    revocation_reason = fields.TextField(null=True, description="Why it was revoked.")

    class Meta:
        table = "assignment_letters"
        unique_together = (("issuer_code", "year", "sequence"),)


class InvolvementRequest(PerisaiModel):
    """A request to involve staff of another unit or agency (Permohonan pelibatan):
    between units (ASG-2, ASG-6), to an agency (ASG-3) or from one (ASG-4). Nobody joins
    a team from outside without one approved on record (ASG-7)."""

    code = fields.CharField(max_length=40, unique=True, description="Short stable code.")
    direction = fields.CharEnumField(
        InvolvementDirection, max_length=40, db_index=True, description="Between whom."
    )
    kind = fields.CharEnumField(
        AssignmentKind,
        max_length=40,
        default=AssignmentKind.APPOINTMENT,
        db_index=True,
        description="For an appointment (ASG-2/3/4) or a voluntary application (ASG-6): "
        "which officials decide it.",
    )
    status = fields.CharEnumField(
        InvolvementStatus,
        max_length=40,
        default=InvolvementStatus.DRAFT,
        db_index=True,
        description="Workflow state.",
    )
    requesting_unit = _fk(
        "models.Unit", "involvement_requests_made", "Unit asking (internal, outbound).", null=True
    )
    target_unit = _fk(
        "models.Unit", "involvement_requests_received", "Unit asked (internal, inbound).", null=True
    )
    requesting_agency = _fk(
        "models.Agency", "involvement_requests_made", "Agency asking (inbound, ASG-4).", null=True
    )
    target_agency = _fk(
        "models.Agency", "involvement_requests_received", "Agency asked (outbound, ASG-3).", null=True
    )
    requested_staff = _fk(
        "models.Staff", "involvement_requests", "The person asked for, if named.", null=True
    )
    team = _fk("models.Team", "involvement_requests", "Team the person would join.", null=True)
    assignment = _fk("models.Assignment", "involvement_requests", "Assignment it belongs to.", null=True)
    requested_by = _fk("models.Staff", "involvement_requests_submitted", "Who submitted it.", null=True)
    purpose = fields.TextField(description="What the person is needed for.")
    availability_note = fields.TextField(null=True, description="The deciding head's view on availability.")
    decided_by = _fk(
        "models.Staff", "involvement_requests_decided", "Who approved or rejected it.", null=True
    )
    decided_at = fields.DatetimeField(null=True, description="When it was decided.")
    reason = fields.TextField(
        null=True, description="Reason given with the decision (required for rejection)."
    )
    agency_letter = fields.CharField(
        max_length=200,
        null=True,
        description="Reference of the outside agency's letter: its written request (ASG-4) or its "
        "written answer (ASG-3).",
    )

    class Meta:
        table = "involvement_requests"
