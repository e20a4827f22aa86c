"""Protection programs granted by decisions, their checklists, costs, monitoring and
emergency protection (DEC-2, PRG-1–10, ADM-6, CHG-1, EMG-1, TRM-1, MON-1)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import PerisaiModel, StrEnum

if TYPE_CHECKING:
    from models.cases import Case, Decision, FamilyMember, Protectee
    from models.documents import Document
    from models.organisation import Agency, Staff


def _fk(target: str, related_name: str, description: str, null: bool = False) -> Any:
    """A RESTRICT foreign key (records are never deleted in cascade)."""
    return fields.ForeignKeyField(
        target, related_name=related_name, null=null, on_delete=fields.RESTRICT, description=description
    )


class ProgramFamily(StrEnum):
    """The two families of programs (PRG-1, Pasal 2)."""

    RIGHTS_FULFILMENT = "rights_fulfilment"
    ASSISTANCE = "assistance"


class ProgramGroup(StrEnum):
    """The group a program kind belongs to (Pasal 4 a–h, Pasal 12–14)."""

    PHYSICAL = "physical"
    PROCEDURAL = "procedural"
    COST_REIMBURSEMENT = "cost_reimbursement"
    INFORMATION = "information"
    LEGAL_PROTECTION = "legal_protection"
    JUSTICE_COLLABORATOR = "justice_collaborator"
    RESTITUTION_COMPENSATION = "restitution_compensation"
    OTHER_RIGHTS = "other_rights"
    MEDICAL = "medical"
    PSYCHOSOCIAL = "psychosocial"
    PSYCHOLOGICAL = "psychological"
    DEATH_BENEFIT = "death_benefit"


class ProgramKind(StrEnum):
    """Every kind of program of PRG-1 (Pasal 5–14)."""

    # physical protection (Pasal 5)
    SAFE_HOUSE = "safe_house"
    CLOSE_PROTECTION = "close_protection"
    SECURITY_IN_CRIMINAL_PROCESS = "security_in_criminal_process"
    THREAT_MONITORING = "threat_monitoring"
    NEW_IDENTITY = "new_identity"
    TEMPORARY_RESIDENCE = "temporary_residence"
    NEW_RESIDENCE = "new_residence"
    OTHER_PHYSICAL = "other_physical"
    # procedural rights (Pasal 6)
    TESTIMONY_WITHOUT_PRESSURE = "testimony_without_pressure"
    INTERPRETER = "interpreter"
    FREEDOM_FROM_ENTRAPPING_QUESTIONS = "freedom_from_entrapping_questions"
    LEGAL_ADVICE = "legal_advice"
    LEGAL_AID_ADVOCATE = "legal_aid_advocate"
    ACCOMPANIMENT = "accompaniment"
    # cost reimbursement (Pasal 7, 27)
    LIVING_COST_LOST_INCOME = "living_cost_lost_income"
    LIVING_COST_CLOTHING_FOOD = "living_cost_clothing_food"
    LIVING_COST_EDUCATION = "living_cost_education"
    LIVING_COST_MEDICAL = "living_cost_medical"
    LIVING_COST_OTHER = "living_cost_other"
    TRANSPORT_COURT_HEARING = "transport_court_hearing"
    TRANSPORT_PROGRAM = "transport_program"
    # information (Pasal 8)
    INFO_CASE_PROGRESS = "info_case_progress"
    INFO_COURT_DECISION = "info_court_decision"
    INFO_CONVICT_RELEASE = "info_convict_release"
    # legal protection, justice collaborators, restitution/compensation, other (Pasal 9–11)
    LEGAL_PROTECTION = "legal_protection"
    JC_SPECIAL_HANDLING = "jc_special_handling"
    JC_REWARD = "jc_reward"
    RESTITUTION_FACILITATION = "restitution_facilitation"
    COMPENSATION_FACILITATION = "compensation_facilitation"
    OTHER_RIGHTS = "other_rights"
    # assistance (Pasal 12–14)
    MEDICAL = "medical"
    FUNERAL_COSTS = "funeral_costs"
    DEATH_BENEFIT = "death_benefit"
    PSYCHOSOCIAL_CLOTHING = "psychosocial_clothing"
    PSYCHOSOCIAL_FOOD = "psychosocial_food"
    PSYCHOSOCIAL_HOUSING = "psychosocial_housing"
    PSYCHOSOCIAL_EMPLOYMENT = "psychosocial_employment"
    PSYCHOSOCIAL_EDUCATION = "psychosocial_education"
    PSYCHOSOCIAL_OTHER = "psychosocial_other"
    PSYCHOLOGICAL_REHABILITATION = "psychological_rehabilitation"


K = ProgramKind
G = ProgramGroup
PROGRAM_GROUP: dict[ProgramKind, ProgramGroup] = {
    kind: group
    for group, kinds in (
        (G.PHYSICAL, (K.SAFE_HOUSE, K.CLOSE_PROTECTION, K.SECURITY_IN_CRIMINAL_PROCESS, K.THREAT_MONITORING)),
        (G.PHYSICAL, (K.NEW_IDENTITY, K.TEMPORARY_RESIDENCE, K.NEW_RESIDENCE, K.OTHER_PHYSICAL)),
        (G.PROCEDURAL, (K.TESTIMONY_WITHOUT_PRESSURE, K.INTERPRETER, K.FREEDOM_FROM_ENTRAPPING_QUESTIONS)),
        (G.PROCEDURAL, (K.LEGAL_ADVICE, K.LEGAL_AID_ADVOCATE, K.ACCOMPANIMENT)),
        (G.COST_REIMBURSEMENT, (K.LIVING_COST_LOST_INCOME, K.LIVING_COST_CLOTHING_FOOD)),
        (G.COST_REIMBURSEMENT, (K.LIVING_COST_EDUCATION, K.LIVING_COST_MEDICAL, K.LIVING_COST_OTHER)),
        (G.COST_REIMBURSEMENT, (K.TRANSPORT_COURT_HEARING, K.TRANSPORT_PROGRAM)),
        (G.INFORMATION, (K.INFO_CASE_PROGRESS, K.INFO_COURT_DECISION, K.INFO_CONVICT_RELEASE)),
        (G.LEGAL_PROTECTION, (K.LEGAL_PROTECTION,)),
        (G.JUSTICE_COLLABORATOR, (K.JC_SPECIAL_HANDLING, K.JC_REWARD)),
        (G.RESTITUTION_COMPENSATION, (K.RESTITUTION_FACILITATION, K.COMPENSATION_FACILITATION)),
        (G.OTHER_RIGHTS, (K.OTHER_RIGHTS,)),
        (G.MEDICAL, (K.MEDICAL, K.FUNERAL_COSTS)),
        (G.DEATH_BENEFIT, (K.DEATH_BENEFIT,)),
        (G.PSYCHOSOCIAL, (K.PSYCHOSOCIAL_CLOTHING, K.PSYCHOSOCIAL_FOOD, K.PSYCHOSOCIAL_HOUSING)),
        (G.PSYCHOSOCIAL, (K.PSYCHOSOCIAL_EMPLOYMENT, K.PSYCHOSOCIAL_EDUCATION, K.PSYCHOSOCIAL_OTHER)),
        (G.PSYCHOLOGICAL, (K.PSYCHOLOGICAL_REHABILITATION,)),
    )
    for kind in kinds
}
ASSISTANCE_GROUPS = frozenset({G.MEDICAL, G.PSYCHOSOCIAL, G.PSYCHOLOGICAL, G.DEATH_BENEFIT})
PROGRAM_FAMILY: dict[ProgramKind, ProgramFamily] = {
    kind: ProgramFamily.ASSISTANCE if group in ASSISTANCE_GROUPS else ProgramFamily.RIGHTS_FULFILMENT
    for kind, group in PROGRAM_GROUP.items()
}
# ADM-4/ADM-5, Pasal 21(2)–(3): physical programs need a protection agreement, the others
# a willingness statement.
PHYSICAL_KINDS = frozenset(kind for kind, group in PROGRAM_GROUP.items() if group is G.PHYSICAL)


class ProgramStatus(StrEnum):
    PENDING_SIGNATURE = "pending_signature"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    SUPERSEDED = "superseded"  # CHG-1: a later decision's row for the same program took its place
    ENDED = "ended"
    TERMINATED = "terminated"


class TerminationReason(StrEnum):
    """Grounds a–e for terminating a program (TRM-1, Pasal 40(2))."""

    PROTECTEE_REQUEST = "protectee_request"  # a: only if the application was the person's own
    OFFICIAL_REQUEST = "official_request"  # b: only if an official requested protection
    AGREEMENT_BREACH = "agreement_breach"  # c
    NO_LONGER_NEEDED = "no_longer_needed"  # d
    BAD_FAITH = "bad_faith"  # e


class InterpreterKind(StrEnum):
    """Kinds of interpreting (PRG-4, Pasal 24(2))."""

    VERBAL_SAME_LANGUAGE = "verbal_same_language"
    VERBAL_BETWEEN_LANGUAGES = "verbal_between_languages"
    VERBAL_NONVERBAL = "verbal_nonverbal"


class MedicalMechanism(StrEnum):
    """How medical assistance is delivered (PRG-6, Pasal 34)."""

    REFERRED_PROVIDER_GUARANTEED = "referred_provider_guaranteed"
    STATE_HEALTH_INSURANCE = "state_health_insurance"


class PsychologicalProviderKind(StrEnum):
    """Who gives psychological rehabilitation (PRG-7, Pasal 36–37)."""

    LICENSED_PSYCHOLOGIST = "licensed_psychologist"
    HOSPITAL = "hospital"
    PROFESSIONAL_BODY = "professional_body"
    PSYCHOLOGY_SERVICE = "psychology_service"
    CERTIFIED_STAFF = "certified_staff"
    REGIONAL_TECHNICAL_UNIT = "regional_technical_unit"
    PSYCHOLOGIST_FROM_ELSEWHERE = "psychologist_from_elsewhere"
    ONLINE_PSYCHOLOGIST = "online_psychologist"
    COMPETENT_PSYCHOLOGIST = "competent_psychologist"


class ChecklistItemKind(StrEnum):
    """Steps that precede or carry out a program (PRG-9, Pasal 22–25, 27)."""

    NEEDS_IDENTIFICATION = "needs_identification"
    THREAT_ANALYSIS = "threat_analysis"
    LOCAL_COORDINATION = "local_coordination"
    DOCUMENT_PREPARATION = "document_preparation"
    COURT_PETITION = "court_petition"
    CIVIL_REGISTRY_PETITION = "civil_registry_petition"
    COORDINATION = "coordination"
    ACCOMPANIMENT = "accompaniment"
    ADMINISTRATIVE_PREPARATION = "administrative_preparation"
    PROVIDER_COORDINATION = "provider_coordination"
    APPOINTMENT_DECISION = "appointment_decision"
    COST_GRANTING = "cost_granting"
    ADMIN_FINANCIAL_COMPLETION = "admin_financial_completion"


C = ChecklistItemKind
_PHYSICAL_STEPS = (C.NEEDS_IDENTIFICATION, C.THREAT_ANALYSIS, C.LOCAL_COORDINATION, C.DOCUMENT_PREPARATION)
_COST_STEPS = (C.NEEDS_IDENTIFICATION, C.COST_GRANTING, C.ADMIN_FINANCIAL_COMPLETION)
# PRG-9: the checklist each kind starts with. Pasal 22 (four physical kinds) and 23 (new identity)
# are in the spec; Pasal 24(3) interpreter, 25(3) advocate and 27(3) costs come from the seed.
PROGRAM_CHECKLIST: dict[ProgramKind, tuple[ChecklistItemKind, ...]] = {
    K.SAFE_HOUSE: _PHYSICAL_STEPS,
    K.CLOSE_PROTECTION: _PHYSICAL_STEPS,
    K.SECURITY_IN_CRIMINAL_PROCESS: _PHYSICAL_STEPS,
    K.THREAT_MONITORING: _PHYSICAL_STEPS,
    K.NEW_IDENTITY: (
        C.COURT_PETITION,
        C.CIVIL_REGISTRY_PETITION,
        C.COORDINATION,
        C.ACCOMPANIMENT,
        C.ADMIN_FINANCIAL_COMPLETION,
    ),
    K.INTERPRETER: (
        C.NEEDS_IDENTIFICATION,
        C.ADMINISTRATIVE_PREPARATION,
        C.PROVIDER_COORDINATION,
        C.APPOINTMENT_DECISION,
        C.ADMIN_FINANCIAL_COMPLETION,
    ),
    K.LEGAL_AID_ADVOCATE: (
        C.NEEDS_IDENTIFICATION,
        C.PROVIDER_COORDINATION,
        C.ADMINISTRATIVE_PREPARATION,
        C.APPOINTMENT_DECISION,
        C.ADMIN_FINANCIAL_COMPLETION,
    ),
    **{kind: _COST_STEPS for kind, group in PROGRAM_GROUP.items() if group is G.COST_REIMBURSEMENT},
}
del K, G, C


class CostCategory(StrEnum):
    """What a reimbursement pays for (PRG-8, Pasal 27)."""

    LOST_INCOME = "lost_income"
    CLOTHING_FOOD = "clothing_food"
    EDUCATION = "education"
    MEDICAL = "medical"
    OTHER_LIVING = "other_living"
    TRANSPORT_COURT_HEARING = "transport_court_hearing"
    TRANSPORT_PROGRAM = "transport_program"


class CostReimbursementStatus(StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    PAID = "paid"
    REJECTED = "rejected"


class MonitoringKind(StrEnum):
    MONITORING = "monitoring"
    EVALUATION = "evaluation"


class MonitorRole(StrEnum):
    """Who monitors or evaluates (MON-1, Pasal 42(1))."""

    LEADERS = "leaders"
    RIGHTS_FULFILMENT_UNIT = "rights_fulfilment_unit"
    AGENCY = "agency"


class EvaluationTiming(StrEnum):
    DURING = "during"
    AFTER = "after"


class EvaluationRecommendation(StrEnum):
    CONTINUE = "continue"
    EXTEND = "extend"
    ADD = "add"
    REDUCE = "reduce"
    TERMINATE = "terminate"
    NONE = "none"


class EmergencyGround(StrEnum):
    """Situations that allow emergency protection (EMG-1, Pasal 38(3))."""

    LIFE_AT_RISK = "life_at_risk"
    LAW_ENFORCEMENT_NEED = "law_enforcement_need"
    URGENT_MEDICAL_PSYCHOLOGICAL = "urgent_medical_psychological"


class EmergencyStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    ENDED = "ended"


class ProtectionProgram(PerisaiModel):
    """One protection measure granted to a protectee by a decision, for a period (DEC-2).
    It is active only once its agreement (physical, ADM-4) or willingness statement
    (ADM-5) is signed (ADM-6); a change is a new decision and a new program row that
    supersedes the old one (CHG-1); termination needs a reason a–e and a decision (TRM-1)."""

    code = fields.CharField(max_length=40, unique=True, description="Public program number.")
    decision: fields.ForeignKeyRelation[Decision] = _fk(
        "models.Decision", "protection_programs", "The decision granting it (DEC-2)."
    )
    protectee: fields.ForeignKeyRelation[Protectee] = _fk(
        "models.Protectee", "protection_programs", "The protectee."
    )
    family_member: fields.ForeignKeyNullableRelation[FamilyMember] = _fk(
        "models.FamilyMember",
        "protection_programs",
        "The family member covered, if not the protectee (APP-2).",
        True,
    )
    case: fields.ForeignKeyRelation[Case] = _fk("models.Case", "protection_programs", "The case.")
    kind = fields.CharEnumField(
        ProgramKind, max_length=40, db_index=True, description="Kind of program (PRG-1)."
    )
    family = fields.CharEnumField(
        ProgramFamily, max_length=40, db_index=True, description="Rights fulfilment or assistance (PRG-1)."
    )
    period_start = fields.DateField(db_index=True, description="First day of the granted period (DEC-2).")
    period_end = fields.DateField(db_index=True, description="Last day of the granted period (DEC-2).")
    status = fields.CharEnumField(
        ProgramStatus,
        max_length=40,
        default=ProgramStatus.PENDING_SIGNATURE,
        db_index=True,
        description="pending_signature → active → suspended → ended / terminated, or superseded by a "
        "change's row (ADM-6, CHG-1).",
    )
    agreement: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document",
        "protection_programs_agreed",
        "Protection agreement, for physical programs (ADM-4).",
        True,
    )
    willingness_statement: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document",
        "protection_programs_stated",
        "Willingness statement, for other programs (ADM-5).",
        True,
    )
    activated_at = fields.DatetimeField(null=True, description="When it took effect: the signing (ADM-6).")
    supersedes: fields.ForeignKeyNullableRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram",
        "protection_programs_superseding",
        "The program this one changes (CHG-1).",
        True,
    )
    details = fields.TextField(
        null=True, description="What is provided, as the decision states it (internal)."
    )
    provider_name = fields.CharField(
        max_length=200, null=True, description="Health provider, psychologist, interpreter or advocate."
    )
    provider_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency", "protection_programs_provided", "Hospital or other agency providing it.", True
    )
    provider_licence_number = fields.CharField(
        max_length=100,
        null=True,
        description="Practice licence of the psychologist or health worker (PRG-7).",
    )
    psychological_provider_kind = fields.CharEnumField(
        PsychologicalProviderKind,
        max_length=40,
        null=True,
        description="Who gives psychological help (PRG-7).",
    )
    medical_mechanism = fields.CharEnumField(
        MedicalMechanism,
        max_length=40,
        null=True,
        description="Referred provider or state insurance (PRG-6).",
    )
    medical_evidence_ref = fields.CharField(
        max_length=300, null=True, description="Attached doctor's or psychiatrist's statement (PRG-6)."
    )
    interpreter_kind = fields.CharEnumField(
        InterpreterKind, max_length=40, null=True, description="Kind of interpreting (PRG-4)."
    )
    appointment_number = fields.CharField(
        max_length=100,
        null=True,
        description="Chair's (interpreter, PRG-4) or SG's (advocate, PRG-5) decision.",
    )
    appointed_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff",
        "protection_programs_appointed",
        "Chair or Secretary General who appointed (PRG-4/5).",
        True,
    )
    appointment_until = fields.DateField(null=True, description="End of the interpreter's term (PRG-4).")
    extra_security_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency",
        "protection_programs_secured",
        "Police asked for extra security personnel (PRG-10).",
        True,
    )
    termination_reason = fields.CharEnumField(
        TerminationReason, max_length=40, null=True, db_index=True, description="Ground a–e (TRM-1)."
    )
    termination_decision: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision",
        "protection_programs_terminated",
        "The written decision terminating it (TRM-1).",
        True,
    )
    termination_note = fields.TextField(null=True, description="Evidence behind the termination (internal).")
    terminated_at = fields.DatetimeField(null=True, db_index=True, description="When it was terminated.")

    class Meta:
        table = "protection_programs"


class ProgramChecklistItem(PerisaiModel):
    """One preparatory or executing step of a program (PRG-9)."""

    program: fields.ForeignKeyRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram", "program_checklist_items", "The program."
    )
    item = fields.CharEnumField(
        ChecklistItemKind, max_length=40, db_index=True, description="The step (PRG-9)."
    )
    done = fields.BooleanField(default=False, db_index=True, description="Whether it is done.")
    waived = fields.BooleanField(
        default=False,
        description="Not needed for this program, with the reason in the note (Pasal 22 'dan/atau', PRG-9).",
    )
    done_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "program_checklist_items_done", "Who did it.", True
    )
    done_at = fields.DatetimeField(null=True, description="When it was done.")
    note = fields.TextField(null=True, description="Remarks (internal).")

    class Meta:
        table = "program_checklist_items"
        unique_together = (("program", "item"),)


class CostReimbursement(PerisaiModel):
    """A reimbursement of living or transport costs under a program: amount in rupiah,
    category, period and evidence (PRG-8, Pasal 27)."""

    program: fields.ForeignKeyRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram", "cost_reimbursements", "The cost-reimbursement program."
    )
    category = fields.CharEnumField(
        CostCategory, max_length=40, db_index=True, description="What it pays for."
    )
    amount = fields.DecimalField(max_digits=18, decimal_places=2, description="Amount (PRG-8).")
    currency = fields.CharField(max_length=3, default="IDR", description="Currency code (rupiah).")
    period_start = fields.DateField(description="First day the costs cover.")
    period_end = fields.DateField(description="Last day the costs cover.")
    evidence_ref = fields.CharField(
        max_length=300, null=True, description="Receipts or other evidence (PRG-8)."
    )
    description = fields.TextField(null=True, description="What was spent (internal).")
    submitted_at = fields.DatetimeField(db_index=True, description="When it was submitted.")
    submitted_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "cost_reimbursements_submitted", "Who submitted it (never its approver).", True
    )
    status = fields.CharEnumField(
        CostReimbursementStatus,
        max_length=40,
        default=CostReimbursementStatus.SUBMITTED,
        db_index=True,
        description="submitted → approved → paid (or rejected).",
    )
    approved_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "cost_reimbursements_approved", "Who approved or rejected it.", True
    )
    approved_at = fields.DatetimeField(null=True, description="When it was approved or rejected.")
    paid_at = fields.DatetimeField(null=True, description="When it was paid.")
    rejection_reason = fields.TextField(null=True, description="Why it was rejected.")

    class Meta:
        table = "cost_reimbursements"


class MonitoringVisit(PerisaiModel):
    """A monitoring (while protection runs) or evaluation visit, by the leaders, the
    rights-fulfilment unit and/or an agency, with findings (MON-1, Pasal 42–43)."""

    program: fields.ForeignKeyNullableRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram", "monitoring_visits", "The program visited.", True
    )
    case: fields.ForeignKeyNullableRelation[Case] = _fk("models.Case", "monitoring_visits", "The case.", True)
    kind = fields.CharEnumField(
        MonitoringKind, max_length=40, db_index=True, description="Monitoring or evaluation."
    )
    monitor_role = fields.CharEnumField(MonitorRole, max_length=40, description="Who monitors (Pasal 42(1)).")
    visited_on = fields.DateField(db_index=True, description="Day of the visit.")
    by_staff: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "monitoring_visits", "LPSK leader or officer who visited.", True
    )
    by_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency", "monitoring_visits", "Agency that took part.", True
    )
    follows_decision = fields.BooleanField(
        null=True, description="Protection follows the decision (Pasal 43a)."
    )
    follows_principles = fields.BooleanField(null=True, description="It follows the principles (Pasal 43b).")
    follows_law_and_ethics = fields.BooleanField(
        null=True, description="It follows the law, code of ethics and discipline (Pasal 43c)."
    )
    findings = fields.TextField(description="What was found (internal).")
    recommendations = fields.TextField(null=True, description="Improvements recommended (Pasal 43d).")

    class Meta:
        table = "monitoring_visits"


class ProgramEvaluation(PerisaiModel):
    """An evaluation of a program during or after it (MON-1, Pasal 42(3))."""

    program: fields.ForeignKeyRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram", "program_evaluations", "The program evaluated."
    )
    timing = fields.CharEnumField(EvaluationTiming, max_length=40, description="During or after the program.")
    evaluated_on = fields.DateField(db_index=True, description="Day of the evaluation.")
    evaluator: fields.ForeignKeyRelation[Staff] = _fk("models.Staff", "program_evaluations", "Who evaluated.")
    evaluator_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency", "program_evaluations", "Agency that took part.", True
    )
    findings = fields.TextField(description="Findings (internal).")
    conclusion = fields.TextField(description="Conclusion (internal).")
    recommendation = fields.CharEnumField(
        EvaluationRecommendation, max_length=40, null=True, description="What should follow (CHG-1, TRM-1)."
    )

    class Meta:
        table = "program_evaluations"


class EmergencyProtection(PerisaiModel):
    """Emergency protection, approved by at least two different leaders (`Approval` rows,
    AC-7) on one of the grounds of EMG-1, recorded in an official record; emergency
    medical or psychological help only by licensed workers (Pasal 39)."""

    code = fields.CharField(max_length=40, unique=True, description="Public number.")
    case: fields.ForeignKeyRelation[Case] = _fk("models.Case", "emergency_protections", "The case.")
    protectee: fields.ForeignKeyRelation[Protectee] = _fk(
        "models.Protectee", "emergency_protections", "The person protected."
    )
    ground = fields.CharEnumField(
        EmergencyGround, max_length=40, db_index=True, description="Ground (EMG-1)."
    )
    situation = fields.TextField(null=True, description="The urgent situation (internal).")
    measures = fields.TextField(null=True, description="What is done at once (internal).")
    requested_by: fields.ForeignKeyRelation[Staff] = _fk(
        "models.Staff", "emergency_protections_requested", "Who requested it."
    )
    requested_at = fields.DatetimeField(db_index=True, description="When it was requested.")
    required_approvals = fields.IntField(
        default=2, description="Distinct leaders needed (EMG-1, Pasal 38(2))."
    )
    status = fields.CharEnumField(
        EmergencyStatus,
        max_length=40,
        default=EmergencyStatus.REQUESTED,
        db_index=True,
        description="requested → approved → ended (or rejected).",
    )
    approved_at = fields.DatetimeField(null=True, description="When the last required approval came.")
    rejection_reason = fields.TextField(null=True, description="Why it was rejected.")
    decision: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision", "emergency_protections", "The emergency decision, if one was issued.", True
    )
    official_record: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document", "emergency_protections", "The official record of emergency protection.", True
    )
    health_worker_name = fields.CharField(max_length=200, null=True, description="Health worker (Pasal 39).")
    health_worker_licence = fields.CharField(max_length=100, null=True, description="Their practice licence.")
    psychologist_name = fields.CharField(max_length=200, null=True, description="Psychologist (Pasal 39).")
    psychologist_licence = fields.CharField(max_length=100, null=True, description="Their practice licence.")
    ended_at = fields.DatetimeField(null=True, db_index=True, description="When it ended.")

    class Meta:
        table = "emergency_protections"
