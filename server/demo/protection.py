"""Demo data: 30 fictional cases with protectees, applications at every stage, decisions,
programs, letters (some overdue, ADM-2), changes, terminations, monitoring, emergency
protections, proactive actions and complaints (APP, DEC, PRG, ADM, CHG, EMG, TRM, MON,
PRO). Every name, number and address is fictional."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentLetter,
    AssignmentPath,
    AssignmentScope,
    AssignmentStatus,
    Team,
    TeamMembership,
    TeamRole,
    TeamStatus,
)
from models.audit import Approval, ApprovalDecision, PrincipalKind, WorkflowHistory
from models.cases import (
    COMPENSATION_CRIME_TYPES,
    AgeBand,
    Application,
    ApplicationChannel,
    ApplicationInitiator,
    ApplicationProgramRequest,
    ApplicationStatus,
    Case,
    CaseStatus,
    CrimeType,
    Decision,
    DecisionKind,
    DecisionOutcome,
    DecisionStatus,
    DisabilityKind,
    FamilyMember,
    FamilyRelation,
    LawEnforcementStage,
    Protectee,
    ProtecteeRole,
    ProtecteeStatus,
    ThreatLevel,
)
from models.documents import (
    NOTIFICATION_DUE_DAYS,
    DeliveryMethod,
    Document,
    DocumentKind,
    DocumentStatus,
    OfficialRecordType,
)
from models.numbering import NumberSequence
from models.organisation import (
    Agency,
    AgencyKind,
    Gender,
    PortfolioHolding,
    Position,
    Staff,
    Unit,
    UnitFunction,
)
from models.proactive_actions import (
    Complaint,
    ComplaintChannel,
    ComplaintKind,
    ComplaintStatus,
    FieldEquipment,
    ProactiveAction,
    ProactiveOutcome,
    ProactiveStatus,
    ProactiveTeamMember,
    ProactiveTeamRole,
    ProactiveTrigger,
    ServiceConcerned,
)
from models.programs import (
    PHYSICAL_KINDS,
    PROGRAM_CHECKLIST,
    PROGRAM_FAMILY,
    CostCategory,
    CostReimbursement,
    CostReimbursementStatus,
    EmergencyGround,
    EmergencyProtection,
    EmergencyStatus,
    EvaluationRecommendation,
    EvaluationTiming,
    InterpreterKind,
    MedicalMechanism,
    MonitoringKind,
    MonitoringVisit,
    MonitorRole,
    ProgramChecklistItem,
    ProgramEvaluation,
    ProgramKind,
    ProgramStatus,
    ProtectionProgram,
    PsychologicalProviderKind,
    TerminationReason,
)
from server.demo.context import DemoContext

T = CrimeType
K = ProgramKind
A, P, R = (
    ApplicationStatus.DECIDED_ACCEPTED,
    ApplicationStatus.DECIDED_PARTIALLY_ACCEPTED,
    ApplicationStatus.DECIDED_REJECTED,
)
HIGH, MEDIUM, LOW = ThreatLevel.HIGH, ThreatLevel.MEDIUM, ThreatLevel.LOW

# crime, people, application status, days since the decision (since receipt if undecided), threat
PLAN: list[tuple[CrimeType, int, ApplicationStatus, int, ThreatLevel]] = [
    (T.TERRORISM, 2, A, 190, HIGH),  # a deceased victim: funeral costs and death benefit (PRG-3)
    (T.SEXUAL_VIOLENCE, 1, A, 110, HIGH),  # later an addition decision (CHG-1)
    (T.CORRUPTION, 2, A, 290, HIGH),
    (T.TRAFFICKING, 2, A, 80, HIGH),  # one program terminated at the requester's wish (TRM-1a/b)
    (T.CHILD_ABUSE, 1, A, 50, MEDIUM),  # deaf child: sign-language interpreter (PRG-4)
    (T.GROSS_HUMAN_RIGHTS_VIOLATION, 2, A, 390, MEDIUM),  # compensation facilitation (PRG-2); extended
    (T.NARCOTICS, 1, A, 40, HIGH),  # justice collaborator, new identity (PRG-9)
    (T.TORTURE, 1, P, 140, MEDIUM),
    (T.SEXUAL_VIOLENCE, 2, A, 20, HIGH),  # notification letter delivered late (ADM-2)
    (T.FINANCIAL, 1, A, 240, LOW),  # extended with an addendum (CHG-1)
    (T.CORRUPTION, 1, A, 12, HIGH),  # notification letter overdue (ADM-2)
    (T.TRAFFICKING, 1, A, 15, MEDIUM),  # notification letter overdue (ADM-2)
    (T.CHILD_ABUSE, 2, A, 5, MEDIUM),  # letter not yet due
    (T.TERRORISM, 1, A, 30, HIGH),  # application filed through a proactive action (PRO-2b)
    (T.SEXUAL_VIOLENCE, 1, P, 60, MEDIUM),
    (T.OTHER, 1, R, 35, LOW),
    (T.CORRUPTION, 2, A, 500, HIGH),  # everything ended, case closed
    (T.TRAFFICKING, 1, A, 95, HIGH),  # terminated for breach of the agreement (TRM-1c)
    (T.NARCOTICS, 1, R, 50, LOW),
    (T.TORTURE, 1, A, 70, HIGH),  # one program suspended
    (T.GROSS_HUMAN_RIGHTS_VIOLATION, 1, P, 210, MEDIUM),
    (T.CHILD_ABUSE, 1, A, 120, HIGH),
    (T.FINANCIAL, 1, R, 55, LOW),
    (T.SEXUAL_VIOLENCE, 1, A, 150, HIGH),  # terminated: no longer needed (TRM-1d)
    (T.CORRUPTION, 1, P, 65, MEDIUM),
    (T.TERRORISM, 1, ApplicationStatus.RECEIVED, 2, HIGH),  # emergency protection (EMG-1, PRO-2c)
    (T.CHILD_ABUSE, 1, ApplicationStatus.UNDER_REVIEW, 8, MEDIUM),  # emergency awaiting 2nd leader
    (T.TRAFFICKING, 2, ApplicationStatus.REVIEWED, 16, MEDIUM),  # draft decision
    (T.OTHER, 1, ApplicationStatus.WITHDRAWN, 45, LOW),
    (T.SEXUAL_VIOLENCE, 1, A, 10, HIGH),  # notification letter overdue (ADM-2)
]
OVERDUE = {10, 11, 29}  # plan indexes whose letter to the protectee is undelivered past its due date
LATE = {8}  # delivered after the due date
TERMINATED = {3: 1, 17: 0, 23: 0}  # plan index → protectee index whose first program is terminated
SUSPENDED = {19}
CHANGES = {1: DecisionKind.ADDITION, 5: DecisionKind.EXTENSION, 9: DecisionKind.EXTENSION}
ROLES: dict[CrimeType, tuple[ProtecteeRole, ProtecteeRole]] = {
    T.TERRORISM: (ProtecteeRole.VICTIM, ProtecteeRole.WITNESS),
    T.SEXUAL_VIOLENCE: (ProtecteeRole.VICTIM, ProtecteeRole.WITNESS),
    T.CORRUPTION: (ProtecteeRole.WHISTLEBLOWER, ProtecteeRole.JUSTICE_COLLABORATOR),
    T.TRAFFICKING: (ProtecteeRole.VICTIM, ProtecteeRole.VICTIM),
    T.CHILD_ABUSE: (ProtecteeRole.VICTIM, ProtecteeRole.WITNESS),
    T.GROSS_HUMAN_RIGHTS_VIOLATION: (ProtecteeRole.VICTIM, ProtecteeRole.RELATED_TESTIMONY),
    T.NARCOTICS: (ProtecteeRole.JUSTICE_COLLABORATOR, ProtecteeRole.WITNESS),
    T.TORTURE: (ProtecteeRole.VICTIM, ProtecteeRole.EXPERT),
    T.FINANCIAL: (ProtecteeRole.WITNESS, ProtecteeRole.EXPERT),
    T.OTHER: (ProtecteeRole.WITNESS, ProtecteeRole.WITNESS),
}
CANDIDATES: dict[ProtecteeRole, list[ProgramKind]] = {
    ProtecteeRole.VICTIM: [K.MEDICAL, K.PSYCHOLOGICAL_REHABILITATION, K.RESTITUTION_FACILITATION],
    ProtecteeRole.WITNESS: [K.SECURITY_IN_CRIMINAL_PROCESS, K.TRANSPORT_COURT_HEARING, K.INFO_CASE_PROGRESS],
    ProtecteeRole.WHISTLEBLOWER: [K.LEGAL_PROTECTION, K.LIVING_COST_LOST_INCOME, K.CLOSE_PROTECTION],
    ProtecteeRole.JUSTICE_COLLABORATOR: [
        K.JC_SPECIAL_HANDLING,
        K.SECURITY_IN_CRIMINAL_PROCESS,
        K.LEGAL_AID_ADVOCATE,
    ],
    ProtecteeRole.EXPERT: [K.SECURITY_IN_CRIMINAL_PROCESS, K.TRANSPORT_COURT_HEARING],
    ProtecteeRole.RELATED_TESTIMONY: [K.TESTIMONY_WITHOUT_PRESSURE, K.INFO_COURT_DECISION],
}
STAGES = list(LawEnforcementStage)
STAGE_AGENCY = {
    LawEnforcementStage.PROSECUTION: AgencyKind.PROSECUTOR,
    LawEnforcementStage.TRIAL: AgencyKind.COURT,
    LawEnforcementStage.VERDICT: AgencyKind.COURT,
    LawEnforcementStage.APPEAL: AgencyKind.COURT,
    LawEnforcementStage.EXECUTED: AgencyKind.PROSECUTOR,
}
REGIONS = [
    "DKI Jakarta",
    "Jawa Barat",
    "Jawa Tengah",
    "Jawa Timur",
    "Sumatera Utara",
    "Sulawesi Selatan",
    "Bali",
]
NUMBER_WORDS = "Satu Dua Tiga Empat Lima Enam Tujuh Delapan Sembilan Sepuluh".split()
COST_CATEGORY = {
    K.LIVING_COST_LOST_INCOME: CostCategory.LOST_INCOME,
    K.TRANSPORT_COURT_HEARING: CostCategory.TRANSPORT_COURT_HEARING,
}
APP_PATH = [ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REVIEWED]


@dataclass
class _Run:
    """What the loader keeps while it builds: organisation lookups, numbering, batches."""

    ctx: DemoContext
    now: datetime
    units: dict[str, Unit]
    staff_by_unit: dict[Any, list[Staff]]
    heads: dict[Any, Staff]
    by_id: dict[Any, Any]  # staff and units by id
    leaders: list[Staff]
    chair: Staff
    review_leaders: list[Staff]
    rf_leaders: list[Staff]
    agencies: dict[str, Agency]
    numbers: dict[tuple[str, str, int], int] = field(default_factory=dict)  # (series, issuer, year)
    stored_numbers: dict[tuple[str, str, int], NumberSequence] = field(default_factory=dict)
    family: list[FamilyMember] = field(default_factory=list)
    history: list[WorkflowHistory] = field(default_factory=list)

    @property
    def today(self) -> date:
        return self.now.date()

    def next_number(self, series: str, year: int, issuer: str = "LPSK") -> int:
        key = (series, issuer, year)
        self.numbers[key] = self.numbers.get(key, 0) + 1
        return self.numbers[key]

    def code(self, series: str, on: date) -> str:
        return f"{series}-{on.year}-{self.next_number(series, on.year):04d}"

    def officer(self, unit: Unit, index: int) -> Staff:
        pool = self.staff_by_unit.get(unit.id, [])
        pool = pool if len(pool) >= 2 else self.staff_by_unit["*"]
        return pool[index % len(pool)]

    def head(self, unit: Unit) -> Staff:
        return self.heads.get(unit.id) or self.officer(unit, 0)

    def track(self, record: Any, path: list[Any], actor: Staff, start: datetime, step: timedelta) -> None:
        """Workflow history along a path of states (AC-15)."""
        previous = None
        for offset, state in enumerate(path):
            self.history.append(
                WorkflowHistory(
                    subject_type=type(record).__name__,
                    subject_id=record.id,
                    action="create" if previous is None else str(state),
                    from_state=None if previous is None else str(previous),
                    to_state=str(state),
                    actor_id=actor.id,
                    principal_kind=PrincipalKind.STAFF,
                    occurred_at=start + step * offset,
                )
            )
            previous = state


def _age_band(age: int) -> AgeBand:
    if age < 6:
        return AgeBand.CHILD_UNDER_6
    if age < 13:
        return AgeBand.CHILD_6_TO_12
    if age < 18:
        return AgeBand.CHILD_13_TO_17
    return AgeBand.ADULT_18_TO_59 if age < 60 else AgeBand.ELDERLY_60_PLUS


def _at(day: date, hour: int = 3) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


async def _holders(ctx: DemoContext, word: str) -> list[Staff]:
    """Leaders holding the portfolio whose code contains `word`, else two vice-chairs."""
    portfolio = next((p for code, p in ctx.portfolios.items() if word in code), None)
    by_id = {leader.id: leader for leader in ctx.leaders}
    people: list[Staff] = []
    if portfolio is not None:
        holdings = await PortfolioHolding.filter(portfolio_id=portfolio.id).order_by("valid_from")
        people = [by_id[h.staff_id] for h in holdings if h.staff_id in by_id]
    if len(people) < 2:
        people += [leader for leader in ctx.leaders if not leader.is_chair]
    return list(dict.fromkeys(people)) or ctx.leaders


async def _prepare(ctx: DemoContext) -> _Run:
    units = list(ctx.units.values())

    def by_function(function: UnitFunction) -> Unit:
        found = [u for u in units if u.function == function]
        return next((u for u in found if u.kind == "bureau"), found[0] if found else units[0])

    working = {Position.FUNCTIONAL_OFFICIAL, Position.EXECUTOR}
    staff_by_unit: dict[Any, list[Staff]] = {
        "*": [s for s in ctx.staff if s.position in working] or ctx.staff
    }
    for person in ctx.staff:
        if person.position in working and person.unit_id is not None:
            staff_by_unit.setdefault(person.unit_id, []).append(person)
    by_id = {person.id: person for person in ctx.staff}
    agencies = dict(ctx.agencies)
    for kind in (AgencyKind.POLICE, AgencyKind.PROSECUTOR, AgencyKind.COURT, AgencyKind.HOSPITAL):
        if kind.value not in agencies:
            agencies[kind.value] = await Agency.create(
                code=f"{kind.value.upper()}-FIKTIF", name=f"Instansi Fiktif ({kind.value})", kind=kind
            )
            ctx.agencies[kind.value] = agencies[kind.value]
    regional = [u for u in units if u.function == UnitFunction.REGIONAL]
    return _Run(
        ctx=ctx,
        now=datetime.now(UTC).replace(minute=0, second=0, microsecond=0),
        units={
            "review": by_function(UnitFunction.APPLICATION_REVIEW),
            "rights": by_function(UnitFunction.RIGHTS_FULFILMENT),
            **{f"regional{i}": unit for i, unit in enumerate(regional)},
        },
        staff_by_unit=staff_by_unit,
        heads={u.id: by_id[u.head_id] for u in units if u.head_id in by_id},
        by_id={**by_id, **{u.id: u for u in units}},
        leaders=ctx.leaders,
        chair=next((leader for leader in ctx.leaders if leader.is_chair), ctx.leaders[0]),
        review_leaders=await _holders(ctx, "review"),
        rf_leaders=await _holders(ctx, "rights"),
        agencies=agencies,
        stored_numbers={(n.series, n.issuer, n.year): n for n in await NumberSequence.all()},
    )


async def load(ctx: DemoContext) -> None:
    run = await _prepare(ctx)
    run.numbers = {key: sequence.last_number for key, sequence in run.stored_numbers.items()}
    cases, people = await _cases(run)
    applications = await _applications(run, cases, people)
    await _decisions_and_programs(run, cases, people, applications)
    await _emergencies_and_proactive(run, cases, people, applications)
    await _complaints(run, cases)
    await WorkflowHistory.bulk_create(run.history)
    await _save_numbers(run)
    # Later loaders get rows as stored (bulk_create leaves instances marked unsaved).
    ctx.cases[:] = await _reloaded(Case, ctx.cases)
    ctx.protectees[:] = await _reloaded(Protectee, ctx.protectees)
    ctx.decisions[:] = await _reloaded(Decision, ctx.decisions)
    ctx.programs[:] = await _reloaded(ProtectionProgram, ctx.programs)
    ctx.progress(f"protection: {len(run.numbers)} number sequences, {len(run.history)} history entries")


async def _save_numbers(run: _Run) -> None:
    """Numbering continues after this load without gaps or clashes (ASG-10)."""
    fresh = []
    for (series, issuer, year), last in sorted(run.numbers.items()):
        stored = run.stored_numbers.get((series, issuer, year))
        if stored is None:
            fresh.append(NumberSequence(series=series, issuer=issuer, year=year, last_number=last))
        else:
            stored.last_number = last
            await stored.save(update_fields=["last_number"])
    await NumberSequence.bulk_create(fresh)


async def _reloaded(model: Any, rows: list[Any]) -> list[Any]:
    stored = {row.id: row for row in await model.filter(id__in=[row.id for row in rows])}
    return [stored[row.id] for row in rows]


async def _cases(run: _Run) -> tuple[list[Case], list[list[Protectee]]]:
    rng, owners = run.ctx.rng, list(dict.fromkeys(run.units.values()))
    cases: list[Case] = []
    people: list[list[Protectee]] = []
    protectees: list[Protectee] = []
    for index, (crime, count, status, days, threat) in enumerate(PLAN):
        received = run.today - timedelta(days=days + (14 if status in (A, P, R) else 0))
        stage = STAGES[min(len(STAGES) - 1, days // 60 + rng.randint(0, 2))]
        unit = owners[index % len(owners)]
        closed = index == 16
        case = Case(
            code=run.code("KASUS", received),
            crime_type=crime,
            incident_summary=f"Peristiwa fiktif ({crime.value}) nomor {index + 1}: kronologi ringkas untuk demo.",
            incident_date=received - timedelta(days=rng.randint(5, 60)),
            incident_region=REGIONS[index % len(REGIONS)],
            law_enforcement_stage=LawEnforcementStage.EXECUTED if closed else stage,
            law_enforcement_reference=f"LP/B/{100 + index}/{received.year}/POLDA-FIKTIF",
            law_enforcement_agency_id=run.agencies[STAGE_AGENCY.get(stage, AgencyKind.POLICE).value].id,
            owning_unit_id=unit.id,
            case_officer_id=run.officer(unit, index).id,
            is_public_attention=crime in (T.TERRORISM, T.GROSS_HUMAN_RIGHTS_VIOLATION) or index % 7 == 0,
            involves_authority=crime in (T.CORRUPTION, T.TORTURE),
            threat_level=threat,
            status=CaseStatus.CLOSED if closed else CaseStatus.OPEN,
            closed_at=run.now - timedelta(days=100) if closed else None,
        )
        cases.append(case)
        group = []
        for number in range(count):
            role = ROLES[crime][number]
            child = (crime is T.CHILD_ABUSE and number == 0) or (index in (8, 3) and number == 1)
            female = (role is ProtecteeRole.VICTIM and crime is T.SEXUAL_VIOLENCE) or rng.random() < 0.5
            disability = {
                4: DisabilityKind.SENSORY,
                19: DisabilityKind.PHYSICAL,
                23: DisabilityKind.INTELLECTUAL,
            }
            kind = disability.get(index) if number == 0 else None
            born = received.year - (rng.randint(7, 16) if child else rng.randint(19, 64))
            serial = len(protectees) + 1
            person = Protectee(
                code=run.code("TL", received),
                case_id=case.id,
                role=role,
                full_name=f"{'Korban' if role is ProtecteeRole.VICTIM else 'Saksi'} Contoh {serial}",
                nik=f"99{rng.randint(10**13, 10**14 - 1)}",
                birth_date=date(born, rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
                address=f"Jl. Contoh No. {serial}, Kota Fiktif",
                phone=f"0812-0000-{1000 + serial}",
                photo_ref=f"photos/fiktif/{serial:04d}.jpg",
                new_identity="Nama Baru Fiktif, lahir Kota Fiktif Lain" if index == 6 else None,
                gender=Gender.FEMALE if female else Gender.MALE,
                is_child=child,
                age_band=_age_band(received.year - born),
                has_disability=kind is not None,
                disability_kind=kind,
                needs_interpreter=(index, number) in ((4, 0), (17, 0)),
                language={(4, 0): "Bahasa Isyarat Indonesia", (17, 0): "Bahasa Daerah Fiktif"}.get(
                    (index, number)
                ),
                is_deceased=(index, number) == (0, 0),
                deceased_on=received - timedelta(days=20) if (index, number) == (0, 0) else None,
            )
            group.append(person)
            protectees.append(person)
        people.append(group)
    await _case_teams(run, cases)
    await Case.bulk_create(cases)
    await Protectee.bulk_create(protectees)
    family = [
        FamilyMember(
            protectee_id=people[case][0].id,
            relation=relation,
            degree=degree,
            full_name=name,
            nik=f"99{run.ctx.rng.randint(10**13, 10**14 - 1)}",
            birth_date=born,
            phone=phone,
            covered=covered,
        )
        for case, relation, degree, name, born, phone, covered in [
            (0, FamilyRelation.SPOUSE, 1, "Istri Contoh Fiktif", "1985-03-14", "0812-0000-9001", True),
            (0, FamilyRelation.CHILD, 1, "Anak Contoh Fiktif", "2012-07-02", None, True),
            (2, FamilyRelation.SPOUSE, 1, "Suami Contoh Fiktif", "1979-11-23", "0812-0000-9003", True),
            (2, FamilyRelation.PARENT, 1, "Ibu Contoh Fiktif", "1950-01-30", None, False),
            (4, FamilyRelation.PARENT, 1, "Ayah Contoh Fiktif", "1982-05-09", "0812-0000-9005", True),
            (6, FamilyRelation.SIBLING, 2, "Kakak Contoh Fiktif", "1990-09-17", None, False),
        ]
    ]
    await FamilyMember.bulk_create(family)
    run.ctx.cases.extend(cases)
    run.ctx.protectees.extend(protectees)
    run.family = family
    run.ctx.progress(
        f"protection: cases {len(cases)}/30, protectees {len(protectees)}, family members {len(family)}"
    )
    return cases, people


def _letter(
    run: _Run, unit: Unit, assignment: Assignment, at: datetime, team: Team | None = None
) -> AssignmentLetter:
    """An assignment letter from the unit head, numbered per issuer and year (ASG-1, ASG-10)."""
    sequence = run.next_number("ST", at.year, unit.code)
    return AssignmentLetter(
        number=f"ST-{sequence:04d}/{unit.code}/{at.year}",
        issuer_code=unit.code,
        year=at.year,
        sequence=sequence,
        assignment_id=assignment.id,
        team_id=team.id if team else None,
        issued_by_id=run.head(unit).id,
        issued_at=at,
    )


async def _case_teams(run: _Run, cases: list[Case]) -> None:
    """Teams for the high-threat cases, appointed by the owning unit head with a team
    assignment letter (ASG-1); a case team may read the case's secret data (AC-11)."""
    teams, members, assignments, letters = [], [], [], []
    for number, case in enumerate(c for c in cases if c.threat_level is HIGH):
        if number >= 12:
            break
        unit, closed = run.by_id[case.owning_unit_id], case.status is CaseStatus.CLOSED
        assert case.incident_date is not None
        starts = case.incident_date + timedelta(days=10)
        team = Team(
            code=f"TIM-{case.code}",
            name=f"Tim Penanganan {case.code}",
            owning_unit_id=unit.id,
            lead_id=case.case_officer_id,
            starts_on=starts,
            ends_on=run.today - timedelta(days=100) if closed else None,
            status=TeamStatus.CLOSED if closed else TeamStatus.ACTIVE,
        )
        teams.append(team)
        case.team_id = team.id
        partner = run.officer(unit, number + 7)
        for person in dict.fromkeys([case.case_officer_id, partner.id]):
            members.append(
                TeamMembership(
                    team_id=team.id,
                    staff_id=person,
                    role=TeamRole.LEAD if person == case.case_officer_id else TeamRole.MEMBER,
                    home_unit_id=unit.id,
                    joined_on=starts,
                )
            )
        assignment = Assignment(
            code=f"PNG-{case.code}",
            title=f"Penanganan perlindungan kasus {case.code}",
            kind=AssignmentKind.APPOINTMENT,
            scope=AssignmentScope.TEAM,
            path=AssignmentPath.WITHIN_UNIT_APPOINTMENT,
            status=AssignmentStatus.COMPLETED if closed else AssignmentStatus.IN_PROGRESS,
            # PERF-4: completed only on results reported and accepted
            results_summary="Penanganan perlindungan kasus selesai (fiktif)." if closed else None,
            requesting_unit_id=unit.id,
            team_id=team.id,
            proposer_id=run.head(unit).id,
            starts_on=starts,
        )
        assignments.append(assignment)
        letters.append(_letter(run, unit, assignment, _at(starts), team))
    await Team.bulk_create(teams)
    await TeamMembership.bulk_create(members)
    await Assignment.bulk_create(assignments)
    await AssignmentLetter.bulk_create(letters)


def _wanted(case: Case, person: Protectee, index: int, threat: ThreatLevel) -> list[ProgramKind]:
    """Programs the applicant asks for (APP-4), most needed first."""
    if person.is_deceased:  # PRG-3: only possible because the victim died
        return [K.FUNERAL_COSTS, K.DEATH_BENEFIT] if case.crime_type is T.TERRORISM else [K.FUNERAL_COSTS]
    kinds = list(CANDIDATES[person.role])
    if person.role is ProtecteeRole.VICTIM and case.crime_type in COMPENSATION_CRIME_TYPES:
        kinds.insert(1, K.COMPENSATION_FACILITATION)  # PRG-2
    shift = index % len(kinds)
    kinds = kinds[shift:] + kinds[:shift]  # vary what is asked for first
    if person.is_child:
        kinds.insert(1, K.PSYCHOSOCIAL_EDUCATION)
    if person.needs_interpreter:
        kinds.insert(0, K.INTERPRETER)  # PRG-4
    if index == 6:
        kinds.insert(0, K.NEW_IDENTITY)
    if threat is HIGH:
        kinds.insert(0, K.SAFE_HOUSE)
    return list(dict.fromkeys(kinds))


async def _applications(
    run: _Run, cases: list[Case], people: list[list[Protectee]]
) -> list[list[Application]]:
    rng = run.ctx.rng
    review = run.units["review"]
    apps: list[list[Application]] = []
    flat: list[Application] = []
    requests: list[ApplicationProgramRequest] = []
    for index, (case, group) in enumerate(zip(cases, people, strict=True)):
        _, _, status, days, threat = PLAN[index]
        decided = status in (A, P, R)
        received = run.now - timedelta(days=days + (14 if decided else 0), hours=rng.randint(0, 8))
        official = index % 4 == 1
        channel = (
            ApplicationChannel.PROACTIVE
            if index in (13, 25)
            else [ApplicationChannel.WALK_IN, ApplicationChannel.ONLINE, ApplicationChannel.REFERRAL][
                index % 3
            ]
        )
        row = []
        for number, person in enumerate(group):
            reviewer = run.officer(review, index + number)
            app = Application(
                number=run.code("PMH", received.date()),
                case_id=case.id,
                applicant_id=person.id,
                initiator=ApplicationInitiator.OFFICIAL if official else ApplicationInitiator.SELF,
                initiating_official_name="AKBP Contoh Fiktif, Penyidik Polda Fiktif" if official else None,
                initiating_agency_id=case.law_enforcement_agency_id if official else None,
                channel=channel,
                received_at=received,
                received_by_id=run.officer(review, index).id,
                review_unit_id=review.id if status is not ApplicationStatus.RECEIVED else None,
                reviewer_id=reviewer.id if status is not ApplicationStatus.RECEIVED else None,
                reviewed_at=received + timedelta(days=10) if decided or status is APP_PATH[2] else None,
                review_summary="Memenuhi syarat; ancaman nyata terhadap pemohon."
                if status not in (R, ApplicationStatus.RECEIVED, ApplicationStatus.UNDER_REVIEW)
                else "Keterangan tidak signifikan bagi pengungkapan perkara."
                if status is R
                else None,
                status=status,
                withdrawn_at=received + timedelta(days=6) if status is ApplicationStatus.WITHDRAWN else None,
            )
            for kind in _wanted(case, person, index, threat)[:3]:
                requests.append(ApplicationProgramRequest(application_id=app.id, program_kind=kind))
            if status is ApplicationStatus.WITHDRAWN:
                path = [*APP_PATH[:2], status]
            elif decided:
                path = [*APP_PATH, status]
            else:
                path = APP_PATH[: APP_PATH.index(status) + 1]
            run.track(app, path, reviewer, received, timedelta(days=4))
            row.append(app)
            flat.append(app)
        apps.append(row)
    await Application.bulk_create(flat)
    await ApplicationProgramRequest.bulk_create(requests)
    run.ctx.progress(f"protection: applications {len(flat)}, program requests {len(requests)}")
    return apps


@dataclass
class _Batch:
    decisions: list[Decision] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    programs: list[ProtectionProgram] = field(default_factory=list)
    later_documents: list[Document] = field(default_factory=list)
    later_programs: list[ProtectionProgram] = field(default_factory=list)


def _document(
    run: _Run, batch: list[Document], kind: DocumentKind, series: str, on: date, **values: Any
) -> Document:
    sequence = run.next_number(series, on.year)
    doc = Document(
        number=f"{series}-{sequence:04d}/LPSK/{on.year}",
        series=series,
        issuer="LPSK",
        year=on.year,
        sequence=sequence,
        kind=kind,
        issued_on=on,
        **values,
    )
    batch.append(doc)
    return doc


def _decision(run: _Run, batch: list[Decision], on: date, kind: DecisionKind, **values: Any) -> Decision:
    sequence = run.next_number("KEP", on.year)
    decision = Decision(
        number=f"KEP-{sequence:04d}/1.1/LPSK/{on.year}",
        decided_on=on,
        kind=kind,
        signed_by_id=run.leaders[sequence % len(run.leaders)].id,
        status=DecisionStatus.DECIDED,
        **values,
    )
    batch.append(decision)
    return decision


def _program_extras(kind: ProgramKind, run: _Run, person: Protectee) -> dict[str, Any]:
    """Provider facts some kinds need (PRG-4–7, PRG-10)."""
    hospital = run.agencies[AgencyKind.HOSPITAL.value]
    if kind is K.INTERPRETER:
        return {
            "interpreter_kind": InterpreterKind.VERBAL_NONVERBAL
            if person.has_disability
            else InterpreterKind.VERBAL_BETWEEN_LANGUAGES,
            "provider_name": "Juru Bahasa Fiktif",
            "appointment_number": "KEP-JB-0001/KET/LPSK",
            "appointed_by_id": run.chair.id,
        }
    if kind is K.LEGAL_AID_ADVOCATE:
        sg = run.ctx.secretary_general or run.chair
        return {
            "provider_name": "Advokat Contoh Fiktif, S.H.",
            "appointment_number": "KEP-ADV-0001/SJ/LPSK",
            "appointed_by_id": sg.id,
        }
    if kind in (K.MEDICAL, K.FUNERAL_COSTS):
        return {
            "medical_mechanism": MedicalMechanism.REFERRED_PROVIDER_GUARANTEED,
            "provider_agency_id": hospital.id,
            "medical_evidence_ref": "lampiran/surat-keterangan-dokter-fiktif.pdf",
        }
    if kind is K.PSYCHOLOGICAL_REHABILITATION:
        return {
            "psychological_provider_kind": PsychologicalProviderKind.LICENSED_PSYCHOLOGIST,
            "provider_name": "Psikolog Contoh Fiktif, M.Psi.",
            "provider_licence_number": "SIPP-FIKTIF-0101",
        }
    if kind is K.ACCOMPANIMENT:
        return {"extra_security_agency_id": run.agencies[AgencyKind.POLICE.value].id}
    return {}


async def _decisions_and_programs(
    run: _Run, cases: list[Case], people: list[list[Protectee]], apps: list[list[Application]]
) -> None:
    rng, batch = run.ctx.rng, _Batch()
    rf_head = run.head(run.units["rights"])
    letters: list[Document] = []
    for index, (case, group) in enumerate(zip(cases, people, strict=True)):
        _, _, status, days, threat = PLAN[index]
        if status is ApplicationStatus.REVIEWED:  # a draft decision for the leaders' session
            draft = _decision(
                run,
                batch.decisions,
                run.today + timedelta(days=2),
                DecisionKind.INITIAL,
                case_id=case.id,
                application_id=apps[index][0].id,
                protectee_id=group[0].id,
                outcome=DecisionOutcome.ACCEPTED,
            )
            draft.status, draft.signed_by_id = DecisionStatus.DRAFT, None
            continue
        if status not in (A, P, R):
            continue
        decided_on = run.today - timedelta(days=days)
        for number, (person, app) in enumerate(zip(group, apps[index], strict=True)):
            outcome = {A: DecisionOutcome.ACCEPTED, P: DecisionOutcome.PARTIALLY_ACCEPTED}.get(status)
            decision = _decision(
                run,
                batch.decisions,
                decided_on,
                DecisionKind.INITIAL,
                case_id=case.id,
                application_id=app.id,
                protectee_id=person.id,
                outcome=outcome or DecisionOutcome.REJECTED,
                notes="Sidang Mahkamah Pimpinan LPSK (fiktif).",
            )
            if status is R:
                person.status = ProtecteeStatus.NOT_PROTECTED
                continue
            wanted = _wanted(case, person, index, threat)[:3]
            granted = wanted[:1] if status is P else wanted[:2]
            due = decided_on + timedelta(days=NOTIFICATION_DUE_DAYS)  # ADM-2
            delivered = None
            if index not in OVERDUE and days > 7:
                delivered = (
                    _at(due + timedelta(days=3))
                    if index in LATE
                    else _at(decided_on + timedelta(days=rng.randint(1, 6)))
                )
            signed = delivered is not None
            letter = _document(
                run,
                batch.documents,
                DocumentKind.NOTIFICATION_PROTECTEE,
                "SPT",
                decided_on,
                case_id=case.id,
                decision_id=decision.id,
                protectee_id=person.id,
                title="Pemberitahuan diterimanya permohonan perlindungan",
                issued_by_id=rf_head.id,
                due_on=due,
                delivered_at=delivered,
                delivery_method=[
                    DeliveryMethod.DIRECT,
                    DeliveryMethod.POST,
                    DeliveryMethod.EMAIL,
                    DeliveryMethod.MOBILE_APP,
                ][index % 4]
                if delivered
                else None,
                delivered_by_id=run.officer(run.units["rights"], index).id if delivered else None,
                status=DocumentStatus.DELIVERED if delivered else DocumentStatus.ISSUED,
            )
            letters.append(letter)
            _document(
                run,
                batch.documents,
                DocumentKind.NOTIFICATION_LAW_ENFORCEMENT,
                "SPA",
                decided_on,
                case_id=case.id,
                decision_id=decision.id,
                protectee_id=person.id,
                recipient_agency_id=case.law_enforcement_agency_id,
                issued_by_id=rf_head.id,
                title="Pemberitahuan perlindungan kepada aparat penegak hukum",
                delivered_at=_at(decided_on, 6),
                delivery_method=DeliveryMethod.POST,
                status=DocumentStatus.DELIVERED,
            )
            docs: dict[bool, Document] = {}
            for physical in sorted({kind in PHYSICAL_KINDS for kind in granted}, reverse=True):
                docs[physical] = _document(
                    run,
                    batch.documents,
                    DocumentKind.PROTECTION_AGREEMENT if physical else DocumentKind.WILLINGNESS_STATEMENT,
                    "PP" if physical else "SPK",
                    decided_on,
                    case_id=case.id,
                    decision_id=decision.id,
                    protectee_id=person.id,
                    issued_by_id=rf_head.id,
                    signed_by_protectee=signed,
                    thumbprint=signed and not physical and (person.is_child or index % 5 == 0),
                    signed_at=delivered + timedelta(hours=2) if delivered else None,
                    signed_on_behalf_of_chair_by_id=rf_head.id if physical else None,  # ADM-4
                    countersigned_at=delivered if physical and delivered else None,
                    status=DocumentStatus.SIGNED if signed else DocumentStatus.ISSUED,
                )
            for order, kind in enumerate(granted):
                physical = kind in PHYSICAL_KINDS
                end = decided_on + timedelta(days=365 if physical else 180)
                program_status = ProgramStatus.PENDING_SIGNATURE
                if signed:  # ADM-6: active only once signed
                    program_status = ProgramStatus.ENDED if end < run.today else ProgramStatus.ACTIVE
                program = ProtectionProgram(
                    code=run.code("PRG", decided_on),
                    decision_id=decision.id,
                    protectee_id=person.id,
                    case_id=case.id,
                    kind=kind,
                    family=PROGRAM_FAMILY[kind],
                    period_start=decided_on,
                    period_end=end,
                    status=program_status,
                    agreement_id=docs[True].id if physical else None,
                    willingness_statement_id=None if physical else docs[False].id,
                    activated_at=docs[physical].signed_at,
                    details=f"Program {kind.value} sesuai Keputusan LPSK.",
                    family_member_id=run.family[0].id if kind is K.DEATH_BENEFIT else None,
                    **_program_extras(kind, run, person),
                )
                if order == 0 and TERMINATED.get(index) == number and signed:
                    _terminate(run, batch, program, case, app, index)
                elif order == 0 and index in SUSPENDED and number == 0:
                    program.status = ProgramStatus.SUSPENDED
                batch.programs.append(program)
                if order == 0 and number == 0 and index in CHANGES:
                    _change(run, batch, program, case, person, CHANGES[index], docs, granted)
            live = [p for p in batch.programs + batch.later_programs if p.protectee_id == person.id]
            person.status = (
                ProtecteeStatus.PROTECTED
                if any(
                    p.status
                    in (ProgramStatus.ACTIVE, ProgramStatus.PENDING_SIGNATURE, ProgramStatus.SUSPENDED)
                    for p in live
                )
                else ProtecteeStatus.ENDED
            )
    await Decision.bulk_create(batch.decisions)
    await Document.bulk_create(batch.documents)
    await ProtectionProgram.bulk_create(batch.programs)
    await Document.bulk_create(batch.later_documents)
    await ProtectionProgram.bulk_create(batch.later_programs)
    for status in (ProtecteeStatus.PROTECTED, ProtecteeStatus.ENDED, ProtecteeStatus.NOT_PROTECTED):
        ids = [person.id for group in people for person in group if person.status is status]
        if ids:
            await Protectee.filter(id__in=ids).update(status=status)
    run.ctx.decisions.extend(batch.decisions)
    programs = batch.programs + batch.later_programs
    run.ctx.programs.extend(sorted(programs, key=lambda p: p.status is not ProgramStatus.ACTIVE))
    overdue = sum(1 for d in letters if d.delivered_at is None and d.due_on < run.today)
    run.ctx.progress(
        f"protection: decisions {len(batch.decisions)}, programs {len(programs)}, "
        f"documents {len(batch.documents) + len(batch.later_documents)} ({overdue} letters overdue)"
    )
    await _program_records(run, programs)


def _terminate(
    run: _Run, batch: _Batch, program: ProtectionProgram, case: Case, app: Application, index: int
) -> None:
    """A written termination decision and its official record (TRM-1, Pasal 40–41)."""
    reason = {
        3: TerminationReason.OFFICIAL_REQUEST
        if app.initiator is ApplicationInitiator.OFFICIAL
        else TerminationReason.PROTECTEE_REQUEST,  # a/b must match the initiator
        17: TerminationReason.AGREEMENT_BREACH,
        23: TerminationReason.NO_LONGER_NEEDED,
    }[index]
    on = run.today - timedelta(days=12 + index)
    decision = _decision(
        run,
        batch.decisions,
        on,
        DecisionKind.TERMINATION,
        case_id=case.id,
        protectee_id=program.protectee_id,
        supersedes_id=program.decision_id,
        notes=f"Penghentian program: {reason.value}.",
    )
    _document(
        run,
        batch.later_documents,
        DocumentKind.OFFICIAL_RECORD,
        "BA",
        on,
        case_id=case.id,
        decision_id=decision.id,
        program_id=program.id,
        protectee_id=program.protectee_id,
        record_type=OfficialRecordType.TERMINATION,
        title="Berita acara penghentian perlindungan",
        status=DocumentStatus.ISSUED,  # an official record is issued, never signed (documents workflow)
    )
    program.status, program.termination_reason = ProgramStatus.TERMINATED, reason
    program.termination_decision_id, program.terminated_at = decision.id, _at(on, 7)
    program.termination_note = "Fakta pendukung penghentian (fiktif)."


def _change(
    run: _Run,
    batch: _Batch,
    old: ProtectionProgram,
    case: Case,
    person: Protectee,
    kind: DecisionKind,
    docs: dict[bool, Document],
    granted: list[ProgramKind],
) -> None:
    """An extension (a program superseding the old one from the decision on, with an addendum
    if physical) or an addition of a program the protectee does not have yet (CHG-1)."""
    extension = kind is DecisionKind.EXTENSION
    on = old.period_end - timedelta(days=10) if extension else old.period_start + timedelta(days=45)
    on = min(on, run.today - timedelta(days=3))
    decision = _decision(
        run,
        batch.decisions,
        on,
        kind,
        case_id=case.id,
        protectee_id=person.id,
        supersedes_id=old.decision_id,
        outcome=DecisionOutcome.ACCEPTED,
    )
    new_kind = old.kind
    if not extension:
        options = (K.PSYCHOLOGICAL_REHABILITATION, K.MEDICAL, K.INFO_CASE_PROGRESS)
        new_kind = next(k for k in options if k not in granted)
    physical = new_kind in PHYSICAL_KINDS
    signed_at = _at(on + timedelta(days=4))
    if physical:
        basis = _document(
            run,
            batch.later_documents,
            DocumentKind.ADDENDUM,
            "ADD",
            on,
            case_id=case.id,
            decision_id=decision.id,
            protectee_id=person.id,
            addendum_to_id=docs[True].id,
            signed_by_protectee=True,
            signed_at=signed_at,
            countersigned_at=signed_at,
            signed_on_behalf_of_chair_by_id=run.head(run.units["rights"]).id,
            status=DocumentStatus.SIGNED,
        )
    else:
        basis = _document(
            run,
            batch.later_documents,
            DocumentKind.WILLINGNESS_STATEMENT,
            "SPK",
            on,
            case_id=case.id,
            decision_id=decision.id,
            protectee_id=person.id,
            signed_by_protectee=True,
            signed_at=signed_at,
            status=DocumentStatus.SIGNED,
        )
    end = old.period_end + timedelta(days=365) if extension else on + timedelta(days=180)
    if extension:
        old.status = ProgramStatus.ENDED  # superseded from the decision on
    program = ProtectionProgram(
        code=run.code("PRG", on),
        decision_id=decision.id,
        protectee_id=person.id,
        case_id=case.id,
        kind=new_kind,
        family=PROGRAM_FAMILY[new_kind],
        period_start=on,
        period_end=end,
        status=ProgramStatus.ACTIVE if end >= run.today else ProgramStatus.ENDED,
        agreement_id=docs[True].id if physical else None,
        willingness_statement_id=None if physical else basis.id,
        activated_at=signed_at,
        supersedes_id=old.id if extension else None,
        details=f"{kind.value} program {new_kind.value} (CHG-1).",
        **_program_extras(new_kind, run, person),
    )
    batch.later_programs.append(program)


async def _program_records(run: _Run, programs: list[ProtectionProgram]) -> None:
    """Checklists (PRG-9), reimbursements (PRG-8), monitoring and evaluations (MON-1)."""
    rng, rights = run.ctx.rng, run.units["rights"]
    started = {ProgramStatus.ACTIVE, ProgramStatus.SUSPENDED, ProgramStatus.ENDED, ProgramStatus.TERMINATED}
    items, costs, visits, evaluations = [], [], [], []
    for index, program in enumerate(programs):
        officer = run.officer(rights, index)
        for step, item in enumerate(PROGRAM_CHECKLIST.get(program.kind, ())):
            done = program.status in started or step < 2
            items.append(
                ProgramChecklistItem(
                    program_id=program.id,
                    item=item,
                    done=done,
                    done_by_id=officer.id if done else None,
                    done_at=_at(program.period_start + timedelta(days=step)) if done else None,
                )
            )
        category = COST_CATEGORY.get(program.kind)
        if category is not None and program.status in started:
            for month, status in enumerate(
                [
                    CostReimbursementStatus.PAID,
                    CostReimbursementStatus.APPROVED,
                    CostReimbursementStatus.SUBMITTED,
                    CostReimbursementStatus.REJECTED,
                ][: 2 + index % 3]
            ):
                start = program.period_start + timedelta(days=30 * month)
                costs.append(
                    CostReimbursement(
                        program_id=program.id,
                        category=category,
                        amount=Decimal(rng.randrange(150, 3000) * 1000),
                        period_start=start,
                        period_end=start + timedelta(days=29),
                        evidence_ref=f"bukti/fiktif/{program.code}-{month + 1}.pdf",
                        description="Penggantian biaya sesuai bukti (fiktif).",
                        submitted_at=_at(start + timedelta(days=31)),
                        status=status,
                        approved_by_id=run.head(rights).id
                        if status is not CostReimbursementStatus.SUBMITTED
                        else None,
                        approved_at=_at(start + timedelta(days=33))
                        if status is not CostReimbursementStatus.SUBMITTED
                        else None,
                        paid_at=_at(start + timedelta(days=36))
                        if status is CostReimbursementStatus.PAID
                        else None,
                        rejection_reason="Bukti tidak lengkap."
                        if status is CostReimbursementStatus.REJECTED
                        else None,
                    )
                )
        if program.status is ProgramStatus.ACTIVE and len(visits) < 10:
            role = [MonitorRole.RIGHTS_FULFILMENT_UNIT, MonitorRole.LEADERS, MonitorRole.AGENCY][
                len(visits) % 3
            ]
            visits.append(
                MonitoringVisit(
                    program_id=program.id,
                    case_id=program.case_id,
                    kind=MonitoringKind.MONITORING,
                    monitor_role=role,
                    visited_on=min(run.today, program.period_start + timedelta(days=20)),
                    by_staff_id=(run.rf_leaders[0] if role is MonitorRole.LEADERS else officer).id,
                    by_agency_id=run.agencies[AgencyKind.POLICE.value].id
                    if role is MonitorRole.AGENCY
                    else None,
                    follows_decision=True,
                    follows_principles=True,
                    follows_law_and_ethics=len(visits) != 4,
                    findings="Program berjalan sesuai keputusan; terlindung kooperatif."
                    if len(visits) != 4
                    else "Petugas pengawalan terlambat dua kali.",
                    recommendations=None
                    if len(visits) != 4
                    else "Teguran tertulis dan jadwal pengawalan baru.",
                )
            )
        if (
            program.status in (ProgramStatus.ACTIVE, ProgramStatus.ENDED)
            and len(evaluations) < 5
            and index % 3 == 0
        ):
            during = program.status is ProgramStatus.ACTIVE
            evaluations.append(
                ProgramEvaluation(
                    program_id=program.id,
                    timing=EvaluationTiming.DURING if during else EvaluationTiming.AFTER,
                    evaluated_on=min(run.today, program.period_end),
                    evaluator_id=run.head(rights).id,
                    findings="Kebutuhan terlindung terpenuhi sebagian besar.",
                    conclusion="Program efektif.",
                    recommendation=EvaluationRecommendation.CONTINUE
                    if during
                    else EvaluationRecommendation.NONE,
                )
            )
    await ProgramChecklistItem.bulk_create(items)
    await CostReimbursement.bulk_create(costs)
    await MonitoringVisit.bulk_create(visits)
    await ProgramEvaluation.bulk_create(evaluations)
    run.ctx.progress(
        f"protection: checklist items {len(items)}, reimbursements {len(costs)}, "
        f"monitoring visits {len(visits)}, evaluations {len(evaluations)}"
    )


async def _emergencies_and_proactive(
    run: _Run, cases: list[Case], people: list[list[Protectee]], apps: list[list[Application]]
) -> None:
    """Two emergency protections (EMG-1) and three proactive actions (PRO-1–4)."""
    now, leaders = run.now, run.rf_leaders
    # EMG-1: approved by two different leaders (PRO-2c), and one still waiting for the second.
    urgent_case, waiting_case = cases[25], cases[26]
    requested = now - timedelta(days=3)  # within proactive action 2, before its outcome
    decision = _decision(
        run,
        [],
        requested.date(),
        DecisionKind.EMERGENCY,
        case_id=urgent_case.id,
        protectee_id=people[25][0].id,
        outcome=DecisionOutcome.ACCEPTED,
    )
    await decision.save()
    run.ctx.decisions.append(decision)
    docs: list[Document] = []
    record = _document(
        run,
        docs,
        DocumentKind.OFFICIAL_RECORD,
        "BA",
        requested.date(),
        case_id=urgent_case.id,
        decision_id=decision.id,
        protectee_id=people[25][0].id,
        record_type=OfficialRecordType.EMERGENCY,
        title="Berita acara perlindungan darurat",
        status=DocumentStatus.ISSUED,  # as workflows/emergency.py issues it
    )
    await Document.bulk_create(docs)
    officer = run.officer(run.units["review"], 3)
    urgent = await EmergencyProtection.create(
        code=run.code("PD", requested.date()),
        case_id=urgent_case.id,
        protectee_id=people[25][0].id,
        ground=EmergencyGround.URGENT_MEDICAL_PSYCHOLOGICAL,
        situation="Korban luka berat pascaledakan (fiktif).",
        measures="Rujukan ke rumah sakit mitra dan pendampingan psikolog.",
        requested_by_id=officer.id,
        requested_at=requested,
        status=EmergencyStatus.APPROVED,
        approved_at=requested + timedelta(hours=2),
        decision_id=decision.id,
        official_record_id=record.id,
        health_worker_name="dr. Contoh Fiktif",
        health_worker_licence="SIP-FIKTIF-0201",
        psychologist_name="Psikolog Contoh Fiktif, M.Psi.",
        psychologist_licence="SIPP-FIKTIF-0202",
    )
    waiting = await EmergencyProtection.create(
        code=run.code("PD", now.date()),
        case_id=waiting_case.id,
        protectee_id=people[26][0].id,
        ground=EmergencyGround.LIFE_AT_RISK,
        situation="Anak korban diancam keluarga pelaku (fiktif).",
        requested_by_id=run.officer(run.units["rights"], 2).id,
        requested_at=now - timedelta(hours=6),
    )
    await Approval.bulk_create(
        [
            Approval(
                subject_type="EmergencyProtection",
                subject_id=urgent.id,
                step="leaders_approval",
                approver_id=leader.id,
                decision=ApprovalDecision.APPROVED,
                note="Setuju, segera.",
                decided_at=requested + timedelta(hours=1 + n),
            )
            for n, leader in enumerate(leaders[:2])
        ]
        + [
            Approval(
                subject_type="EmergencyProtection",
                subject_id=waiting.id,
                step="leaders_approval",
                approver_id=leaders[0].id,
                decision=ApprovalDecision.APPROVED,
                decided_at=now - timedelta(hours=4),
            )
        ]
    )
    # PRO-1–4: outcomes b and c within a day, and one past its one-day deadline.
    review_leader = run.review_leaders[0]
    plan = [
        (
            ProactiveTrigger.TERRORISM,
            cases[13],
            ProactiveOutcome.APPLICATION_FILED,
            44,
            ProactiveStatus.CONCLUDED,
        ),
        (
            ProactiveTrigger.LAW_ENFORCEMENT_INPUT,
            urgent_case,
            ProactiveOutcome.EMERGENCY_PROTECTION,
            3,
            ProactiveStatus.CONCLUDED,
        ),
        (ProactiveTrigger.REMIT_OR_PUBLIC_CONCERN, None, None, 2, ProactiveStatus.EXECUTING),
    ]
    members, assignments, letters = [], [], []
    review = run.units["review"]
    for number, (trigger, case, outcome, days, status) in enumerate(plan):
        reported = now - timedelta(days=days, hours=6)
        approved = reported + timedelta(hours=4)
        action = await ProactiveAction.create(
            code=run.code("TP", reported.date()),
            trigger=trigger,
            crime_type=case.crime_type if case else T.TRAFFICKING,
            event_summary="Peristiwa fiktif yang menjadi perhatian publik.",
            event_at=reported - timedelta(hours=8),
            event_region=REGIONS[number],
            case_id=case.id if case else None,
            reported_by_id=run.officer(run.units["review"], number).id,
            reported_at=reported,
            analysis="Analisa kasus: korban dan saksi berpotensi membutuhkan perlindungan.",
            activity_plan="Penjangkauan ke lokasi, wawancara, penjelasan layanan LPSK.",
            budget=Decimal("2500000.00"),
            analysed_by_id=run.officer(run.units["review"], number + 1).id,
            analysed_at=reported + timedelta(hours=2),
            approved_by_id=review_leader.id,
            approved_at=approved,
            deadline_at=approved + timedelta(days=1),  # PRO-3
            equipment=[e.value for e in FieldEquipment][: 3 + number],
            outcome=outcome,
            outcome_at=approved + timedelta(hours=18) if outcome else None,
            application_id=apps[13][0].id if outcome is ProactiveOutcome.APPLICATION_FILED else None,
            emergency_protection_id=urgent.id if outcome is ProactiveOutcome.EMERGENCY_PROTECTION else None,
            status=status,
            report="Laporan tindakan proaktif (fiktif)." if outcome else None,
            minutes="Risalah tindakan proaktif (fiktif)." if outcome else None,
            service_record="Catatan pelayanan perlindungan (fiktif)." if outcome else None,
        )
        if outcome is ProactiveOutcome.APPLICATION_FILED:
            await Application.filter(id=apps[13][0].id).update(proactive_action_id=action.id)
        if outcome is ProactiveOutcome.EMERGENCY_PROTECTION:
            await Application.filter(id=apps[25][0].id).update(proactive_action_id=action.id)
        for seat in range(2):  # PRO-2: at least two officers, each with a superior's letter (PRO-4)
            officer = run.officer(review, number * 2 + seat + 4)
            assignment = Assignment(
                code=f"PNG-{action.code}-{seat + 1}",
                title=f"Tindakan proaktif {action.code}",
                kind=AssignmentKind.APPOINTMENT,
                scope=AssignmentScope.INDIVIDUAL,
                path=AssignmentPath.WITHIN_UNIT_APPOINTMENT,
                status=AssignmentStatus.COMPLETED if outcome else AssignmentStatus.IN_PROGRESS,
                results_summary="Tindakan proaktif dilaporkan (fiktif)." if outcome else None,  # PERF-4
                requesting_unit_id=review.id,
                staff_id=officer.id,
                proposer_id=run.head(review).id,
                starts_on=approved.date(),
                due_on=(approved + timedelta(days=1)).date(),
            )
            letter = _letter(run, review, assignment, approved + timedelta(hours=1))
            assignments.append(assignment)
            letters.append(letter)
            members.append(
                ProactiveTeamMember(
                    action_id=action.id,
                    staff_id=officer.id,
                    role=ProactiveTeamRole.LEAD if seat == 0 else ProactiveTeamRole.MEMBER,
                    assignment_letter_id=letter.id,
                )
            )
    await Assignment.bulk_create(assignments)
    await AssignmentLetter.bulk_create(letters)
    await ProactiveTeamMember.bulk_create(members)
    run.ctx.progress("protection: emergency protections 2, proactive actions 3")


async def _complaints(run: _Run, cases: list[Case]) -> None:
    """Complaints, suggestions and appreciation, tracked to an answer (PRO-5)."""
    now, handler = run.now, run.head(run.units["review"])
    rows = [
        (
            ComplaintChannel.HOTLINE,
            ComplaintKind.COMPLAINT,
            ServiceConcerned.PROTECTION_APPLICATION,
            15,
            ComplaintStatus.RECEIVED,
            "Permohonan ditolak tanpa penjelasan yang cukup.",
        ),
        (
            ComplaintChannel.WEBSITE,
            ComplaintKind.SUGGESTION,
            ServiceConcerned.PROTECTION_PROGRAM,
            None,
            ComplaintStatus.IN_PROGRESS,
            "Mohon informasi perkembangan kasus dikirim lewat aplikasi.",
        ),
        (
            ComplaintChannel.WHATSAPP,
            ComplaintKind.APPRECIATION,
            ServiceConcerned.PROACTIVE_ACTION,
            13,
            ComplaintStatus.ANSWERED,
            "Terima kasih atas respons cepat tim LPSK.",
        ),
        (
            ComplaintChannel.NATIONAL_PORTAL,
            ComplaintKind.COMPLAINT,
            ServiceConcerned.SAFE_HOUSE,
            None,
            ComplaintStatus.ANSWERED,
            "Fasilitas kamar kurang memadai.",
        ),
    ]
    await Complaint.bulk_create(
        [
            Complaint(
                code=run.code("ADU", now.date()),
                channel=channel,
                kind=kind,
                service=service,
                case_id=cases[case].id if case is not None else None,
                summary=summary,
                complainant_name=f"Pelapor Contoh {NUMBER_WORDS[n]}",
                complainant_contact=f"0812-0000-70{n:02d}",
                received_at=now - timedelta(days=10 - n * 2),
                handling_unit_id=run.units["review"].id,
                status=status,
                answer="Terima kasih; sudah kami tindak lanjuti."
                if status is ComplaintStatus.ANSWERED
                else None,
                answered_at=now - timedelta(days=5 - n) if status is ComplaintStatus.ANSWERED else None,
                answered_by_id=handler.id if status is ComplaintStatus.ANSWERED else None,
            )
            for n, (channel, kind, service, case, status, summary) in enumerate(rows)
        ]
    )
    run.ctx.progress("protection: complaints 4")
