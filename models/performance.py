"""Reporting and the performance cycle: reports, escalations, coordination, targets,
activity plans, dialogues, evaluations and appraisals (RPT-1–6, PERF-1–5), and the team-level
responsibilities of Lamp. Bab II: the unit head's direction, the lead's division of roles and
report of members' performance (ORG-7, ORG-8), an outside agency's decision on an escalation
(Lamp. 3.c.4)."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from models.base import PerisaiModel, StrEnum


def _fk(target: str, related_name: str, description: str, null: bool = False) -> Any:
    return fields.ForeignKeyField(
        target, related_name=related_name, null=null, on_delete=fields.RESTRICT, description=description
    )


class WorkReportKind(StrEnum):
    PERIODIC = "periodic"  # RPT-1
    ON_DEMAND = "on_demand"  # RPT-1, RPT-2 (the SG asks)
    TEAM_SUMMARY = "team_summary"  # RPT-4: the lead's compiled report


class WorkReportStatus(StrEnum):
    REQUESTED = "requested"  # RPT-2: asked for, not yet written
    DRAFT = "draft"
    SUBMITTED = "submitted"
    FORWARDED = "forwarded"  # RPT-3/4: passed on by the unit head / Administrator
    RECEIVED = "received"


class EscalationStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class AgencyDecisionStatus(StrEnum):
    RECORDED = "recorded"  # Lamp. 3.c.4: the owning agency's written decision, kept as given


class TeamDirectionKind(StrEnum):
    """ORG-7 (Lamp. Bab II 2.c–d): arahan terpadu, masukan, umpan balik; collaboration between teams."""

    DIRECTION = "direction"
    INPUT = "input"
    FEEDBACK = "feedback"
    COLLABORATION = "collaboration"


class TeamDirectionStatus(StrEnum):
    GIVEN = "given"  # ORG-7: recorded as given


class RoleAllocationStatus(StrEnum):
    ALLOCATED = "allocated"  # ORG-8: the lead's division of roles, kept as made


class MemberPerformanceReportStatus(StrEnum):
    SENT = "sent"  # ORG-8: sent to the appraising official and the unit head


class CoordinationNoteStatus(StrEnum):
    RECORDED = "recorded"  # RPT-6: a note is a record of what was agreed, kept as written


class CoordinationStage(StrEnum):
    PLANNING = "planning"
    EXECUTION = "execution"
    MONITORING = "monitoring"
    EVALUATION = "evaluation"


class TargetLevel(StrEnum):
    ORGANISATION = "organisation"
    UNIT = "unit"
    TEAM = "team"
    INDIVIDUAL = "individual"


class PerformanceTargetStatus(StrEnum):
    SET = "set"  # PERF-1: in force, may be cascaded
    WITHDRAWN = "withdrawn"


class ActivityPlanStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"  # PERF-4: only the unit head's acceptance completes it
    RETURNED = "returned"


class PerformanceDialogueStatus(StrEnum):
    RECORDED = "recorded"  # PERF-2: recorded, any time or periodically


class EvaluationStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED_TO_SG = "submitted_to_sg"
    REVIEWED = "reviewed"
    RETURNED_FOR_FOLLOW_UP = "returned_for_follow_up"
    CLOSED = "closed"


class AppraisalStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"  # PERF-5: sent to the member's home unit head
    RECEIVED = "received"


class AppraisalRating(StrEnum):
    BELOW_EXPECTATIONS = "below_expectations"
    MEETS_EXPECTATIONS = "meets_expectations"
    ABOVE_EXPECTATIONS = "above_expectations"


class WorkReport(PerisaiModel):
    """A report of work: member → lead, individual or lead → superior, and to the
    Secretary General through the unit head (RPT-1–4); also the SG's request for one (RPT-2)."""

    author = _fk("models.Staff", "work_reports_written", "Who reports.")
    recipient = _fk("models.Staff", "work_reports_received", "Superior, lead or the Secretary General.")
    through = _fk(
        "models.Staff",
        "work_reports_forwarded",
        "Unit head or Administrator it passes through (RPT-3/4).",
        null=True,
    )
    requested_by = _fk(
        "models.Staff",
        "work_reports_requested",
        "Who asked for it, for on-demand reports (RPT-2).",
        null=True,
    )
    team = _fk("models.Team", "work_reports", "Team reported on.", null=True)
    assignment = _fk("models.Assignment", "work_reports", "Assignment reported on.", null=True)
    kind = fields.CharEnumField(
        WorkReportKind, max_length=40, db_index=True, description="Periodic, on demand or team summary."
    )
    period_start = fields.DateField(null=True, description="First day covered.")
    period_end = fields.DateField(null=True, description="Last day covered.")
    due_on = fields.DateField(null=True, db_index=True, description="When a requested report is due (RPT-2).")
    summary = fields.TextField(null=True, description="Results against the activity plan (internal).")
    status = fields.CharEnumField(
        WorkReportStatus,
        max_length=40,
        default=WorkReportStatus.DRAFT,
        db_index=True,
        description="Workflow state.",
    )
    submitted_at = fields.DatetimeField(null=True, description="When it was submitted.")

    class Meta:
        table = "work_reports"


class Escalation(PerisaiModel):
    """A problem in a team raised by the lead with alternatives and a recommendation, to
    the owning unit head or a member's own unit head (RPT-5) or, in a cross-agency team, to
    the head of the agency owning the performance (Lamp. 3.c.4), and its resolution."""

    team = _fk("models.Team", "escalations", "The team with the problem.")
    raised_by = _fk("models.Staff", "escalations_raised", "The team lead.")
    raised_to = _fk(
        "models.Staff",
        "escalations_received",
        "Owning unit head, a member's own unit head, or the Secretary General; empty when it is "
        "addressed to the head of another agency (Lamp. 3.c.4).",
        null=True,
    )
    to_agency_head = fields.BooleanField(
        default=False,
        description="Addressed to the head of the agency owning the performance (cross-agency team, "
        "Lamp. 3.c.4).",
    )
    owning_agency = _fk(
        "models.Agency",
        "escalations",
        "The outside agency owning the performance, whose head decides (Lamp. 3.c.4); empty for LPSK.",
        null=True,
    )
    agency_letter = fields.CharField(
        max_length=200, null=True, description="Reference of the agency's written decision, when recorded."
    )
    problem = fields.TextField(description="The problem.")
    alternatives = fields.TextField(null=True, description="Alternatives considered.")
    recommendation = fields.TextField(null=True, description="The lead's recommendation.")
    status = fields.CharEnumField(
        EscalationStatus,
        max_length=40,
        default=EscalationStatus.OPEN,
        db_index=True,
        description="open → resolved.",
    )
    resolution = fields.TextField(null=True, description="How it was resolved.")
    resolved_at = fields.DatetimeField(null=True, description="When it was resolved.")

    class Meta:
        table = "escalations"


class CoordinationNote(PerisaiModel):
    """A note of coordination with experts, other officials or teams at any stage (RPT-6)."""

    team = _fk("models.Team", "coordination_notes", "Team the note is recorded on.")
    author = _fk("models.Staff", "coordination_notes", "Who wrote it.")
    with_staff = _fk(
        "models.Staff", "coordination_notes_with", "Expert or official coordinated with.", null=True
    )
    with_team = _fk("models.Team", "coordination_notes_with", "Other team coordinated with.", null=True)
    with_other = fields.CharField(max_length=200, null=True, description="Anyone else, in words.")
    stage = fields.CharEnumField(
        CoordinationStage, max_length=40, db_index=True, description="Stage of the work."
    )
    note = fields.TextField(description="What was agreed.")
    status = fields.CharEnumField(
        CoordinationNoteStatus,
        max_length=40,
        default=CoordinationNoteStatus.RECORDED,
        db_index=True,
        description="Workflow state.",
    )

    class Meta:
        table = "coordination_notes"


class PerformanceTarget(PerisaiModel):
    """A performance target, set by the Secretary General and cascaded by unit heads and
    Administrators to teams and individuals (PERF-1)."""

    code = fields.CharField(max_length=60, unique=True, description="Short stable code.")
    title = fields.CharField(max_length=300, description="The target.")
    level = fields.CharEnumField(TargetLevel, max_length=40, db_index=True, description="Whose target it is.")
    parent = _fk(
        "models.PerformanceTarget", "performance_targets_cascaded", "Target it is cascaded from.", null=True
    )
    unit = _fk("models.Unit", "performance_targets", "Unit (unit and team levels).", null=True)
    team = _fk("models.Team", "performance_targets", "Team (team level).", null=True)
    staff = _fk("models.Staff", "performance_targets", "Person (individual level).", null=True)
    year = fields.IntField(db_index=True, description="Performance year.")
    indicator = fields.TextField(null=True, description="Performance indicator.")
    target_value = fields.CharField(
        max_length=200, null=True, description="Target value, as written in the agreement."
    )
    set_by = _fk("models.Staff", "performance_targets_set", "Who set it.", null=True)
    status = fields.CharEnumField(
        PerformanceTargetStatus,
        max_length=40,
        default=PerformanceTargetStatus.SET,
        db_index=True,
        description="Workflow state: set → withdrawn.",
    )

    class Meta:
        table = "performance_targets"


class ActivityPlan(PerisaiModel):
    """A (detailed) activity plan against a target. It is complete only when the unit
    head accepts its results as meeting the target (PERF-1, PERF-2, PERF-4)."""

    target = _fk("models.PerformanceTarget", "activity_plans", "Target it serves.", null=True)
    team = _fk("models.Team", "activity_plans", "Team that carries it out.", null=True)
    staff = _fk("models.Staff", "activity_plans", "Person who carries it out (individual plan).", null=True)
    title = fields.CharField(max_length=300, description="The activity.")
    detail = fields.TextField(null=True, description="Roles, steps and outputs.")
    budget = fields.DecimalField(max_digits=18, decimal_places=2, null=True, description="Budget in rupiah.")
    planned_start = fields.DateField(null=True, db_index=True, description="Planned start.")
    planned_end = fields.DateField(null=True, db_index=True, description="Planned end.")
    status = fields.CharEnumField(
        ActivityPlanStatus,
        max_length=40,
        default=ActivityPlanStatus.PLANNED,
        db_index=True,
        description="Workflow state.",
    )
    accepted_by = _fk(
        "models.Staff", "activity_plans_accepted", "Unit head who accepted the results (PERF-4).", null=True
    )
    accepted_at = fields.DatetimeField(null=True, description="When the results were accepted.")
    return_reason = fields.TextField(
        null=True, description="Why the unit head returned the results as not meeting the target."
    )

    class Meta:
        table = "activity_plans"


class PerformanceDialogue(PerisaiModel):
    """A recorded performance dialogue between a superior or lead and a staff member (PERF-2)."""

    superior = _fk("models.Staff", "performance_dialogues_led", "Superior or team lead.")
    staff = _fk("models.Staff", "performance_dialogues", "Staff member.")
    team = _fk("models.Team", "performance_dialogues", "Team context.", null=True)
    held_at = fields.DatetimeField(db_index=True, description="When it took place.")
    notes = fields.TextField(description="Progress and feedback.")
    follow_up = fields.TextField(null=True, description="Agreed follow-up.")
    status = fields.CharEnumField(
        PerformanceDialogueStatus,
        max_length=40,
        default=PerformanceDialogueStatus.RECORDED,
        db_index=True,
        description="Workflow state.",
    )

    class Meta:
        table = "performance_dialogues"


class Evaluation(PerisaiModel):
    """An evaluation by the Secretary General or a unit head, reviewed by the Secretary
    General and returned to the unit head for follow-up (PERF-3)."""

    evaluator = _fk("models.Staff", "evaluations_made", "Secretary General or unit head.")
    unit = _fk("models.Unit", "evaluations", "Unit evaluated.", null=True)
    team = _fk("models.Team", "evaluations", "Team evaluated.", null=True)
    staff = _fk("models.Staff", "evaluations", "Person evaluated.", null=True)
    period_start = fields.DateField(null=True, description="First day covered.")
    period_end = fields.DateField(null=True, description="Last day covered.")
    findings = fields.TextField(null=True, description="Findings.")
    status = fields.CharEnumField(
        EvaluationStatus,
        max_length=40,
        default=EvaluationStatus.DRAFT,
        db_index=True,
        description="Workflow state.",
    )
    sg_review = fields.TextField(null=True, description="The Secretary General's review.")
    reviewed_at = fields.DatetimeField(null=True, description="When the review was returned.")
    follow_up = fields.TextField(null=True, description="The unit head's follow-up of the review (PERF-3).")

    class Meta:
        table = "evaluations"


class Appraisal(PerisaiModel):
    """The owning unit head's (or SG's) appraisal of a member from another unit, sent to
    the member's home unit head (PERF-5)."""

    appraiser = _fk("models.Staff", "appraisals_made", "Owning unit head or the Secretary General.")
    staff = _fk("models.Staff", "appraisals", "Member appraised.")
    team = _fk("models.Team", "appraisals", "Team the work was done in.", null=True)
    home_unit_head = _fk("models.Staff", "appraisals_received", "Home unit head it is sent to.", null=True)
    period_start = fields.DateField(null=True, description="First day covered.")
    period_end = fields.DateField(null=True, description="Last day covered.")
    rating = fields.CharEnumField(AppraisalRating, max_length=40, null=True, description="Overall rating.")
    score = fields.DecimalField(
        max_digits=5, decimal_places=2, null=True, description="Numeric score (0–100), if the form has one."
    )
    narrative = fields.TextField(null=True, description="The appraisal.")
    sent_at = fields.DatetimeField(
        null=True, db_index=True, description="When it was sent to the home unit head."
    )
    status = fields.CharEnumField(
        AppraisalStatus,
        max_length=40,
        default=AppraisalStatus.DRAFT,
        db_index=True,
        description="Workflow state: draft → sent → received.",
    )

    class Meta:
        table = "appraisals"


class AgencyEscalationDecision(PerisaiModel):
    """The written decision of the head of another agency owning the performance on a
    cross-agency team's escalation: given through the agency's partner token, or recorded by
    the Secretary General from its letter (Lamp. 3.c.4)."""

    escalation = _fk("models.Escalation", "agency_decisions", "The escalation decided.")
    agency = _fk(
        "models.Agency",
        "escalation_decisions",
        "The agency owning the performance (always set once recorded; a guard refuses otherwise).",
        null=True,
    )
    decision = fields.TextField(description="The agency head's decision or follow-up.")
    agency_letter = fields.CharField(
        max_length=200, null=True, description="Number and date of the agency's letter (staff recording it)."
    )
    recorded_by = _fk(
        "models.Staff",
        "escalation_decisions_recorded",
        "Staff who recorded the letter; empty when the agency's token gave it.",
        null=True,
    )
    status = fields.CharEnumField(
        AgencyDecisionStatus,
        max_length=40,
        default=AgencyDecisionStatus.RECORDED,
        db_index=True,
        description="Workflow state.",
    )

    class Meta:
        table = "agency_escalation_decisions"


class TeamDirection(PerisaiModel):
    """The unit head's integrated direction, input or feedback to a team on its activity, or a
    direction to collaborate with another team (ORG-7, Lamp. Bab II 2.c–d)."""

    team = _fk("models.Team", "team_directions", "The team directed.")
    given_by = _fk("models.Staff", "team_directions_given", "Head of the unit that owns the team.")
    kind = fields.CharEnumField(
        TeamDirectionKind,
        max_length=40,
        db_index=True,
        description="Direction, input, feedback, collaboration.",
    )
    activity_plan = _fk("models.ActivityPlan", "team_directions", "Activity it is about.", null=True)
    with_team = _fk(
        "models.Team",
        "team_directions_with",
        "The other team to collaborate with (collaboration).",
        null=True,
    )
    content = fields.TextField(description="What the head directs or says.")
    status = fields.CharEnumField(
        TeamDirectionStatus,
        max_length=40,
        default=TeamDirectionStatus.GIVEN,
        db_index=True,
        description="Workflow state.",
    )

    class Meta:
        table = "team_directions"


class TeamRoleAllocation(PerisaiModel):
    """The lead's division of a role in the team to a member by competence (ORG-8, ORG-5)."""

    team = _fk("models.Team", "role_allocations", "The team.")
    staff = _fk("models.Staff", "role_allocations", "The member given the role.")
    allocated_by = _fk("models.Staff", "role_allocations_made", "The team lead.")
    competency = _fk("models.Competency", "role_allocations", "The competency the role rests on (ORG-5).")
    activity_plan = _fk("models.ActivityPlan", "role_allocations", "Activity the role is in.", null=True)
    role = fields.CharField(max_length=300, description="The role and what is expected of the member.")
    status = fields.CharEnumField(
        RoleAllocationStatus,
        max_length=40,
        default=RoleAllocationStatus.ALLOCATED,
        db_index=True,
        description="Workflow state.",
    )

    class Meta:
        table = "team_role_allocations"


class MemberPerformanceReport(PerisaiModel):
    """The lead's report of a member's performance to the member's appraising official and the
    head of the unit that owns the team, for the member's appraisal (ORG-8, Lamp. Bab II 3.e)."""

    team = _fk("models.Team", "member_performance_reports", "The team.")
    staff = _fk("models.Staff", "member_performance_reports", "The member reported on.")
    lead = _fk("models.Staff", "member_performance_reports_written", "The team lead.")
    appraiser = _fk(
        "models.Staff",
        "member_performance_reports_appraised",
        "The member's appraising official: the head of their home unit.",
        null=True,
    )
    unit_head = _fk(
        "models.Staff",
        "member_performance_reports_received",
        "Head of the unit that owns the team.",
        null=True,
    )
    period_start = fields.DateField(null=True, description="First day covered.")
    period_end = fields.DateField(null=True, description="Last day covered.")
    results = fields.TextField(description="The member's results and conduct (internal).")
    status = fields.CharEnumField(
        MemberPerformanceReportStatus,
        max_length=40,
        default=MemberPerformanceReportStatus.SENT,
        db_index=True,
        description="Workflow state.",
    )
    sent_at = fields.DatetimeField(db_index=True, description="When it was sent.")

    class Meta:
        table = "member_performance_reports"
