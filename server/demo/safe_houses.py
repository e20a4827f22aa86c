"""Demo data: five fictional safe houses with standards, managers, task force, rosters and
placements in every stage (SH-1–23). Every name, address and coordinate is fictional."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from models.audit import Approval, ApprovalDecision, PrincipalKind, WorkflowHistory
from models.cases import Decision, DecisionKind, DecisionStatus, FamilyMember, Protectee
from models.documents import Document, DocumentKind, DocumentStatus, OfficialRecordType
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
from models.placements import (
    AccessibilityAid,
    AccessibilityAidKind,
    BelongingsCategory,
    BelongingsItem,
    BelongingsRecord,
    BelongingsRecordKind,
    Companion,
    CompanionKind,
    CompanionNote,
    CompanionStatus,
    Examination,
    ExaminationKind,
    ExaminationStatus,
    ExaminationTrigger,
    NeedsRequest,
    NeedsRequestCategory,
    NeedsRequestStatus,
    Placement,
    PlacementKind,
    PlacementStatus,
    PlacementTerminationReason,
    PreparationItem,
    PreparationItemKind,
    ResidentActivity,
    ResidentActivityKind,
    ResidentActivityStatus,
    ResidentAssessment,
    ResidentAssessmentKind,
    ResidentThreatLevel,
    SafeHouseMonitoringReport,
    SafeHouseMonitoringSource,
    SafeHousePlace,
    TemporaryHandlingPurpose,
)
from models.programs import EmergencyProtection, ProgramKind, ProgramStatus
from models.safe_houses import (
    STANDARD_ITEM_CATEGORY,
    DutyRoster,
    DutyRosterRole,
    SafeHouse,
    SafeHouseManager,
    SafeHouseManagerRole,
    SafeHouseStandardItem,
    SafeHouseStandardItemKind,
    SafeHouseStandardsAssessment,
    SafeHouseStandardsAssessmentStatus,
    SafeHouseStatus,
    SecurityTaskForceMember,
)
from server.demo.context import DemoContext


def _id(record: Any) -> Any:
    """The id of a record from an earlier loader (bulk-created rows are not 'saved' instances)."""
    return None if record is None else record.id


WIB = timezone(timedelta(hours=7))

# code, province, capacity, child-friendly, accessible, status, uses (temp, new, emergency, handling),
# SH-4 triggers
HOUSES: list[tuple[str, str, int, bool, bool, SafeHouseStatus, tuple[bool, ...], tuple[str, ...]]] = [
    ("RA-01", "DKI Jakarta", 8, True, True, SafeHouseStatus.MEETS_STANDARDS, (True, False, True, True), ()),
    (
        "RA-02",
        "Jawa Barat",
        12,
        False,
        True,
        SafeHouseStatus.MEETS_STANDARDS,
        (True, True, False, False),
        ("high_threat", "public_attention"),
    ),
    ("RA-03", "Jawa Timur", 6, True, False, SafeHouseStatus.MEETS_STANDARDS, (True, False, True, False), ()),
    (
        "RA-04",
        "Sumatera Utara",
        4,
        False,
        False,
        SafeHouseStatus.MEETS_STANDARDS,
        (False, False, True, True),
        (),
    ),
    (
        "RA-05",
        "Sulawesi Selatan",
        10,
        True,
        True,
        SafeHouseStatus.UNDER_ASSESSMENT,
        (True, True, False, False),
        ("involves_authority",),
    ),
]
HOUSE_NAMES = [
    "Wisma Fiktif Melati",
    "Wisma Fiktif Kenanga",
    "Wisma Fiktif Cempaka",
    "Wisma Fiktif Anggrek",
    "Wisma Fiktif Teratai",
]
STAFF_ROLES = [
    SafeHouseManagerRole.STAFF_MEALS,
    SafeHouseManagerRole.STAFF_DAILY_NEEDS,
    SafeHouseManagerRole.STAFF_CLEANING,
    SafeHouseManagerRole.STAFF_DRIVER,
    SafeHouseManagerRole.STAFF_ADMIN,
]
RANKS = ["Brigadir", "Bripka", "Aipda", "Aiptu", "Ipda"]


def _rights_fulfilment_bureau(ctx: DemoContext) -> Unit:
    units = list(ctx.units.values())
    for unit in units:
        if unit.function == UnitFunction.RIGHTS_FULFILMENT and unit.kind == "bureau":
            return unit
    for unit in units:
        if unit.function == UnitFunction.RIGHTS_FULFILMENT:
            return unit
    return units[0]


def _pick(pool: list[Staff], fallback: list[Staff], index: int) -> Staff:
    people = pool or fallback
    return people[index % len(people)]


async def _rights_fulfilment_leaders(ctx: DemoContext) -> list[Staff]:
    portfolio = ctx.portfolios.get("rights_fulfilment") or next(
        (p for code, p in ctx.portfolios.items() if "right" in code or "hak" in code), None
    )
    leaders: list[Staff] = []
    if portfolio is not None:
        holdings = await PortfolioHolding.filter(portfolio_id=portfolio.id).order_by("valid_from")
        by_id = {leader.id: leader for leader in ctx.leaders}
        leaders = [by_id[h.staff_id] for h in holdings if h.staff_id in by_id]
    if len(leaders) < 2:
        leaders = [leader for leader in ctx.leaders if not leader.is_chair][:2] or ctx.leaders[:2]
    return list(dict.fromkeys(leaders))


async def _police_officers(ctx: DemoContext, police: Agency) -> list[Staff]:
    officers = []
    for number in range(1, 11):
        gender = Gender.FEMALE if number % 3 == 0 else Gender.MALE
        officer = await Staff.create(
            employee_number=f"POL-FIKTIF-{number:02d}",
            full_name=f"{RANKS[number % len(RANKS)]} Polisi Fiktif {number}",
            email=f"satgas{number}@polri-fiktif.example",
            phone=f"0813-7{number:03d}-{ctx.rng.randint(1000, 9999)}",
            position=Position.EXTERNAL,
            title="Anggota Satuan Tugas Pengamanan dan Pengawalan",
            gender=gender,
            agency_id=_id(police),
        )
        officers.append(officer)
        ctx.staff.append(officer)
    return officers


async def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    today = now.date()
    year = today.year
    bureau = await Unit.get(id=_rights_fulfilment_bureau(ctx).id)  # fresh: its head may be set after insert
    by_id = {person.id: person for person in ctx.staff}
    bureau_head = by_id.get(bureau.head_id) or next(
        (s for s in ctx.staff if s.position == Position.UNIT_HEAD and s.unit_id == bureau.id),
        next(s for s in ctx.staff if s.position == Position.UNIT_HEAD),
    )
    chair = next((leader for leader in ctx.leaders if leader.is_chair), ctx.leaders[0])
    rf_leaders = await _rights_fulfilment_leaders(ctx)
    in_bureau = [s for s in ctx.staff if s.unit_id == bureau.id]
    functionals = [s for s in in_bureau if s.position == Position.FUNCTIONAL_OFFICIAL]
    executors = [s for s in in_bureau if s.position == Position.EXECUTOR]
    any_functionals = [s for s in ctx.staff if s.position == Position.FUNCTIONAL_OFFICIAL]
    any_executors = [s for s in ctx.staff if s.position == Position.EXECUTOR] or any_functionals

    # --- houses, standards, assessments (SH-1–5) -------------------------------------------------
    houses: list[SafeHouse] = []
    items: list[SafeHouseStandardItem] = []
    approvals: list[Approval] = []
    for index, (code, province, capacity, child, accessible, status, uses, triggers) in enumerate(HOUSES):
        assessed_on = today - timedelta(days=200 - 30 * index)
        meets = status is SafeHouseStatus.MEETS_STANDARDS
        declared_at = datetime.combine(assessed_on, time(3, 0), tzinfo=UTC) if meets else None
        house = await SafeHouse.create(
            code=code,
            name=HOUSE_NAMES[index],
            address=f"Jl. Contoh Rahasia No. {3 + 4 * index}, Kota Fiktif",
            coordinates=f"{-6.9 - rng.uniform(0, 0.5):.5f},{107.0 + rng.uniform(0, 0.5):.5f}",
            contact_phone=f"021-5550-{1000 + index * 37}",
            region=province,
            use_temporary_residence=uses[0],
            use_new_residence=uses[1],
            use_emergency=uses[2],
            use_temporary_handling=uses[3],
            capacity=capacity,
            child_friendly=child,
            accessible=accessible,
            accessibility_features="Ramp di pintu masuk, kamar mandi dengan pegangan, kamar di lantai dasar."
            if accessible
            else None,
            status=status,
            standards_declared_at=declared_at,
            managing_unit_id=_id(bureau),
        )
        houses.append(house)
        head = _pick(functionals, any_functionals, index)
        assessment = await SafeHouseStandardsAssessment.create(
            house=house,
            analysed_by_id=_id(head),
            analysis="Analisa dan identifikasi pengurus: standar keamanan, keselamatan dan kesehatan "
            + ("terpenuhi." if meets else "sebagian belum terpenuhi (detektor logam, jalur evakuasi)."),
            high_threat="high_threat" in triggers,
            involves_authority="involves_authority" in triggers,
            public_attention="public_attention" in triggers,
            managers_judgement="managers_judgement" in triggers,
            requires_leaders_consideration=bool(triggers),
            required_approvals=2 if triggers else 0,  # SH-4: at least two rights-fulfilment leaders
            status=SafeHouseStandardsAssessmentStatus.APPROVED
            if meets
            else SafeHouseStandardsAssessmentStatus.SUBMITTED,
            submitted_at=datetime.combine(assessed_on - timedelta(days=3), time(2, 0), tzinfo=UTC),
            declared_at=declared_at,
        )
        if not meets:  # RA-05: a first analysis was rejected; the new one waits for a second leader
            rejected = await SafeHouseStandardsAssessment.create(
                house=house,
                analysed_by_id=_id(head),
                analysis="Analisa awal: pagar pembatas dan CCTV belum terpasang.",
                involves_authority=True,
                requires_leaders_consideration=True,
                required_approvals=2,
                status=SafeHouseStandardsAssessmentStatus.REJECTED,
                submitted_at=datetime.combine(assessed_on - timedelta(days=60), time(2, 0), tzinfo=UTC),
            )
            approvals.append(
                Approval(
                    subject_type="SafeHouseStandardsAssessment",
                    subject_id=rejected.id,
                    step="leaders_consideration",
                    approver_id=_id(rf_leaders[0]),
                    decision=ApprovalDecision.REJECTED,
                    note="Standar keamanan belum terpenuhi.",
                    decided_at=datetime.combine(assessed_on - timedelta(days=58), time(4, 0), tzinfo=UTC),
                )
            )
        approvers = rf_leaders[:2] if meets else rf_leaders[1:2]
        for leader in approvers if triggers else []:
            approvals.append(
                Approval(
                    subject_type="SafeHouseStandardsAssessment",
                    subject_id=assessment.id,
                    step="leaders_consideration",
                    approver_id=_id(leader),
                    decision=ApprovalDecision.APPROVED,
                    note="Rumah aman layak dengan pengamanan tambahan.",
                    decided_at=datetime.combine(assessed_on - timedelta(days=1), time(4, 0), tzinfo=UTC),
                )
            )
        for item in SafeHouseStandardItemKind:
            met = meets or item not in (
                SafeHouseStandardItemKind.METAL_DETECTOR,
                SafeHouseStandardItemKind.EVACUATION_ROUTE,
            )
            items.append(
                SafeHouseStandardItem(
                    house=house,
                    assessment=assessment,
                    category=STANDARD_ITEM_CATEGORY[item],
                    item=item,
                    met=met,
                    checked_on=assessed_on - timedelta(days=5),
                    checked_by_id=_id(head),
                    note="Pos jaga dan penerangan tambahan."
                    if item is SafeHouseStandardItemKind.SECURITY_OTHER
                    else None,
                )
            )
    await SafeHouseStandardItem.bulk_create(items)
    await Approval.bulk_create(approvals)
    ctx.safe_houses.extend(houses)
    ctx.progress(f"safe houses: houses {len(houses)}/{len(HOUSES)}")

    # --- managers (SH-23) ------------------------------------------------------------------------
    appointed_from = date(year, 1, 2)
    managers: list[SafeHouseManager] = [
        SafeHouseManager(
            house=None,
            staff_id=_id(bureau_head),
            role=SafeHouseManagerRole.BUREAU_HEAD_RESPONSIBLE,
            appointment_number=f"KEP-001/1.3/KET/LPSK/{year}",
            appointed_by_id=_id(chair),
            valid_from=appointed_from,
        )
    ]
    house_staff: dict[Any, list[Staff]] = {}
    for index, house in enumerate(houses):
        head = _pick(functionals, any_functionals, index)
        people = [head]
        managers.append(
            SafeHouseManager(
                house=house,
                staff_id=_id(head),
                role=SafeHouseManagerRole.HEAD_OF_SAFE_HOUSE,
                appointment_number=f"KEP-{10 + index:03d}/1.3/KET/LPSK/{year}",
                appointed_by_id=_id(chair),
                valid_from=appointed_from,
            )
        )
        for offset, role in enumerate(STAFF_ROLES[: 3 + index % 3]):
            person = _pick(executors, any_executors, index * 2 + offset)
            people.append(person)
            managers.append(
                SafeHouseManager(
                    house=house,
                    staff_id=_id(person),
                    role=role,
                    appointment_number=f"KEP-{10 + index:03d}/1.3/KET/LPSK/{year}",
                    appointed_by_id=_id(chair),
                    valid_from=appointed_from,
                )
            )
        daily = _pick(executors, any_executors, index * 2 + 5)
        people.append(daily)
        managers.append(
            SafeHouseManager(
                house=house,
                staff_id=_id(daily),
                role=SafeHouseManagerRole.DAILY_DUTY,
                appointment_number=f"ST-{100 + index:03d}/BIRO-PH/{year}",
                appointed_by_id=_id(bureau_head),
                valid_from=today - timedelta(days=60),
                valid_until=today + timedelta(days=30),
            )
        )
        house_staff[house.id] = list(dict.fromkeys(people))
    await SafeHouseManager.bulk_create(managers)
    ctx.progress(f"safe houses: managers {len(managers)}")

    # --- security task force (SH-19) ---------------------------------------------------------------
    police = ctx.agencies.get(AgencyKind.POLICE.value)
    if police is None:
        police = await Agency.create(
            code="POLDA-FIKTIF", name="Kepolisian Daerah Fiktif", kind=AgencyKind.POLICE
        )
        ctx.agencies[AgencyKind.POLICE.value] = police
    officers = await _police_officers(ctx, police)
    guards: dict[Any, list[Staff]] = {house.id: [] for house in houses}
    task_force = []
    for number, officer in enumerate(officers):
        house = houses[number % 4] if number < 8 else None  # two left for escort duty
        if house is not None:
            guards[house.id].append(officer)
        task_force.append(
            SecurityTaskForceMember(
                staff_id=_id(officer),
                house=house,
                agency_id=_id(police),
                rank=officer.full_name.split(" ")[0],
                security_equipment="Rompi pelindung, tongkat, senter.",
                communication_equipment="Radio genggam terenkripsi, telepon dinas.",
                support_equipment="Kendaraan operasional, kotak P3K." if number % 2 else "Kotak P3K.",
                letter_number=f"SPRIN/{200 + number}/{year}/POLDA-FIKTIF",
                valid_from=today - timedelta(days=90),
                valid_until=today + timedelta(days=275),
            )
        )
    await SecurityTaskForceMember.bulk_create(task_force)
    ctx.progress(f"safe houses: task force {len(task_force)}")

    # --- a week of duty rosters (SH-14, SH-23): day 07–19 WIB, night 19–07 WIB ------------------------
    rosters = []
    first_day = today - timedelta(days=3)
    for house in houses:
        if house.status is not SafeHouseStatus.MEETS_STANDARDS:
            continue
        staff_pool, guard_pool = house_staff[house.id], guards[house.id]
        for day in range(7):
            for shift in range(2):
                start = datetime.combine(first_day + timedelta(days=day), time(7 + 12 * shift), tzinfo=WIB)
                end = start + timedelta(hours=12)
                slot = day * 2 + shift
                on_duty = [
                    (DutyRosterRole.MANAGER, staff_pool[slot % len(staff_pool)]),
                    (DutyRosterRole.GUARD, guard_pool[slot % len(guard_pool)]),
                ]
                if shift == 0:  # daily-duty staff work day shifts (Pasal 34(4))
                    on_duty.append((DutyRosterRole.DAILY_STAFF, staff_pool[-1]))
                for role, person in on_duty:
                    rosters.append(
                        DutyRoster(
                            house=house,
                            staff_id=_id(person),
                            role=role,
                            shift_start=start.astimezone(UTC),
                            shift_end=end.astimezone(UTC),
                            gender=person.gender,
                        )
                    )
    await DutyRoster.bulk_create(rosters)
    ctx.progress(f"safe houses: duty rosters {len(rosters)}")

    await _load_placements(
        ctx,
        houses=houses,
        house_staff=house_staff,
        guards=guards,
        bureau_head=bureau_head,
        rf_leaders=rf_leaders,
        now=now,
    )


# --- placements (SH-6–22) ------------------------------------------------------------------------

# (status, kind, days since the request), most telling first: a short protection list
# still shows the overdue preparation and the open request.
PLACEMENT_PLAN: list[tuple[PlacementStatus, PlacementKind, int]] = [
    (PlacementStatus.PLACED, PlacementKind.REGULAR, 60),
    (PlacementStatus.PREPARING, PlacementKind.REGULAR, 12),  # preparation overdue (SH-12)
    (PlacementStatus.REQUESTED, PlacementKind.TEMPORARY_HANDLING, 1),  # asked by the police (SH-10)
    (PlacementStatus.ENDED, PlacementKind.REGULAR, 150),
    (PlacementStatus.PLACED, PlacementKind.EMERGENCY, 9),  # preparation after arrival (SH-12)
    (PlacementStatus.TERMINATING, PlacementKind.REGULAR, 90),
    (PlacementStatus.APPROVED, PlacementKind.REGULAR, 3),
    (PlacementStatus.REJECTED, PlacementKind.REGULAR, 20),
    (PlacementStatus.PLACED, PlacementKind.TEMPORARY_HANDLING, 6),
]
PATH = [
    PlacementStatus.REQUESTED,
    PlacementStatus.APPROVED,
    PlacementStatus.PREPARING,
    PlacementStatus.PLACED,
    PlacementStatus.TERMINATING,
    PlacementStatus.ENDED,
]
ACTIVE = {
    PlacementStatus.APPROVED,
    PlacementStatus.PREPARING,
    PlacementStatus.PLACED,
    PlacementStatus.TERMINATING,
}


# Program states that fit a placement in a given state.
PROGRAM_STATES: dict[PlacementStatus, set[ProgramStatus]] = {
    PlacementStatus.REQUESTED: {ProgramStatus.ACTIVE, ProgramStatus.PENDING_SIGNATURE},
    PlacementStatus.APPROVED: {ProgramStatus.ACTIVE},
    PlacementStatus.PREPARING: {ProgramStatus.ACTIVE},
    PlacementStatus.PLACED: {ProgramStatus.ACTIVE},
    PlacementStatus.TERMINATING: {ProgramStatus.ACTIVE},
    PlacementStatus.ENDED: {ProgramStatus.ENDED, ProgramStatus.TERMINATED, ProgramStatus.ACTIVE},
}


def _flags(protectee: Protectee) -> tuple[bool, bool, bool]:
    """(is child, is woman, has disability): the facts SH-14, SH-15 and SH-18 turn on."""
    return protectee.is_child, protectee.gender == Gender.FEMALE, protectee.has_disability


def _choose_house(
    houses: list[SafeHouse],
    start: int,
    flags: tuple[bool, bool, bool],
    kind: PlacementKind,
    occupancy: dict[Any, int],
) -> SafeHouse | None:
    """A house meeting the standards that fits the person (SH-4, SH-11, SH-14, SH-15)."""
    child, _, disability = flags
    for offset in range(len(houses)):
        house = houses[(start + offset) % len(houses)]
        if house.status is not SafeHouseStatus.MEETS_STANDARDS or occupancy[house.id] >= house.capacity:
            continue
        if (child and not house.child_friendly) or (disability and not house.accessible):
            continue
        if kind is PlacementKind.EMERGENCY and not house.use_emergency:
            continue
        if kind is PlacementKind.TEMPORARY_HANDLING and not house.use_temporary_handling:
            continue
        return house
    return None


DOCUMENT_TITLES = {
    None: "Perjanjian Perlindungan di Rumah Aman",
    OfficialRecordType.EMERGENCY: "Berita Acara Perlindungan Darurat",
    OfficialRecordType.TERMINATION: "Berita Acara Penghentian Perlindungan di Rumah Aman",
    OfficialRecordType.SEIZURE_OF_BELONGINGS: "Berita Acara Pengamanan Barang",
    OfficialRecordType.RETURN_OF_BELONGINGS: "Berita Acara Pengembalian Barang",
}


async def _document(
    case_id: Any,
    protectee_id: Any,
    record_type: OfficialRecordType | None,
    number: str,
    at: datetime,
    issued_by: Staff,
    **links: Any,
) -> Document:
    """An agreement (record_type None, ADM-4) or an official record (SH-8, SH-13b, SH-22)."""
    agreement = record_type is None
    return await Document.create(
        number=number,
        kind=DocumentKind.PROTECTION_AGREEMENT if agreement else DocumentKind.OFFICIAL_RECORD,
        record_type=record_type,
        case_id=case_id,
        protectee_id=protectee_id,
        title=DOCUMENT_TITLES[record_type],
        issued_on=at.date(),
        issued_by_id=_id(issued_by),
        signed_on_behalf_of_chair_by_id=_id(issued_by if agreement else None),
        countersigned_at=at if agreement else None,
        signed_by_protectee=agreement,
        signed_at=at if agreement else None,
        status=DocumentStatus.SIGNED if agreement else DocumentStatus.ISSUED,
        **links,
    )


async def _load_placements(
    ctx: DemoContext,
    *,
    houses: list[SafeHouse],
    house_staff: dict[Any, list[Staff]],
    guards: dict[Any, list[Staff]],
    bureau_head: Staff,
    rf_leaders: list[Staff],
    now: datetime,
) -> None:
    rng = ctx.rng
    protectees = {p.id: p for p in ctx.protectees}
    programs = [p for p in ctx.programs if p.kind == ProgramKind.SAFE_HOUSE and p.protectee_id in protectees]
    # People who need a child-friendly or accessible house first, so the demo shows SH-14/15.
    programs.sort(key=lambda p: tuple(not flag for flag in _flags(protectees[p.protectee_id]))[::-1])
    police = ctx.agencies[AgencyKind.POLICE.value]
    case_officers = [s for s in ctx.staff if s.position == Position.FUNCTIONAL_OFFICIAL] or ctx.staff
    occupancy = {house.id: 0 for house in houses}
    used: set[Any] = set()
    placements: list[tuple[Placement, Any, tuple[bool, bool, bool]]] = []
    history: list[WorkflowHistory] = []
    for number, (status, kind, days) in enumerate(PLACEMENT_PLAN, start=1):
        fresh = [p for p in programs if p.protectee_id not in used]
        if not fresh and status in ACTIVE | {PlacementStatus.REQUESTED}:
            continue
        pool = fresh or programs
        if not pool:
            break
        # ADM-6: a placement under way rests on a program in effect (its agreement signed).
        wanted = PROGRAM_STATES.get(status, set(ProgramStatus))
        program = next((p for p in pool if p.status in wanted), pool[0])
        used.add(program.protectee_id)
        protectee = protectees[program.protectee_id]
        flags = _flags(protectee)
        requested_at = now - timedelta(days=days, hours=rng.randint(1, 6))
        accepted = requested_at + timedelta(days=1)
        house = None
        if status not in (PlacementStatus.REQUESTED, PlacementStatus.REJECTED):
            house = _choose_house(houses, number, flags, kind, occupancy)
            if house is None:
                continue
            if status in ACTIVE:
                occupancy[house.id] += 1
        reached = PATH.index(status) if status in PATH else 0
        placed_at = None
        if reached >= PATH.index(PlacementStatus.PLACED):
            placed_at = requested_at + (
                timedelta(hours=3) if kind is PlacementKind.EMERGENCY else timedelta(days=6)
            )
        by_agency = status is PlacementStatus.REQUESTED
        case_id = protectee.case_id
        code = f"PRA-{now.year}-{number:04d}"
        agreement_id = emergency_record_id = termination_decision = termination_record = None
        if kind is not PlacementKind.EMERGENCY and status is not PlacementStatus.REJECTED:
            agreement_id = (
                program.agreement_id
                or (
                    await _document(
                        case_id,
                        protectee.id,
                        None,
                        f"PP/{code}",
                        accepted,
                        bureau_head,
                        program_id=program.id,
                    )
                ).id
            )
        emergency = None
        if kind is PlacementKind.EMERGENCY:  # SH-8: the emergency record; the agreement may follow
            emergency = await EmergencyProtection.filter(protectee_id=protectee.id).first()
            emergency_record_id = (emergency.official_record_id if emergency else None) or (
                await _document(
                    case_id,
                    protectee.id,
                    OfficialRecordType.EMERGENCY,
                    f"BA-D/{code}",
                    requested_at,
                    bureau_head,
                )
            ).id
        ended_at = now - timedelta(days=20) if status is PlacementStatus.ENDED else None
        if ended_at is not None:  # SH-22: a leaders' decision and an official record of termination
            termination_decision = await Decision.create(
                number=f"KEP-{code}/HENTI",
                decided_on=(ended_at - timedelta(days=2)).date(),
                kind=DecisionKind.TERMINATION,
                case_id=case_id,
                protectee_id=_id(protectee),
                signed_by_id=_id(rf_leaders[0]),
                notes="Penghentian perlindungan di rumah aman atas permintaan terlindung (SH-22a).",
                status=DecisionStatus.DECIDED,
            )
            termination_record = await _document(
                case_id,
                protectee.id,
                OfficialRecordType.TERMINATION,
                f"BA-H/{code}",
                ended_at,
                bureau_head,
                decision=termination_decision,
            )
        placement = await Placement.create(
            code=code,
            house=house,
            protectee_id=_id(protectee),
            case_id=case_id,
            program_id=_id(program),
            kind=kind,
            handling_purpose={
                PlacementStatus.REQUESTED: TemporaryHandlingPurpose.RAPID_RESPONSE,
                PlacementStatus.PLACED: TemporaryHandlingPurpose.TESTIMONY_PREPARATION,
            }.get(status)
            if kind is PlacementKind.TEMPORARY_HANDLING
            else None,
            requested_by_id=_id(None if by_agency else case_officers[number % len(case_officers)]),
            requesting_agency_id=_id(police if by_agency else None),
            requesting_official="AKBP Contoh Fiktif, Direktur Reserse Polda Fiktif" if by_agency else None,
            requested_at=requested_at,
            decision_id=program.decision_id,
            agreement_id=agreement_id,
            willingness_statement=status is not PlacementStatus.REJECTED,
            willingness_stated_at=requested_at if status is not PlacementStatus.REJECTED else None,
            emergency_protection=emergency,
            emergency_record_id=emergency_record_id,
            bureau_head_approved_by_id=_id(
                bureau_head if kind is PlacementKind.TEMPORARY_HANDLING and reached >= 1 else None
            ),
            bureau_head_approved_at=accepted
            if kind is PlacementKind.TEMPORARY_HANDLING and reached >= 1
            else None,
            approved_by_id=_id(bureau_head if reached >= 1 else None),
            approved_at=accepted if reached >= 1 else None,
            status=status,
            accepted_on=accepted.date() if reached >= 1 else None,
            preparation_due_on=(accepted + timedelta(days=7)).date() if reached >= 1 else None,  # SH-12
            preparation_completed_at=placed_at + timedelta(days=2 if kind is PlacementKind.EMERGENCY else -1)
            if placed_at
            else None,
            placed_at=placed_at,
            termination_reason={
                PlacementStatus.ENDED: PlacementTerminationReason.PERSON_REQUEST,
                PlacementStatus.TERMINATING: PlacementTerminationReason.BREACH,
            }.get(status),
            termination_note={
                PlacementStatus.ENDED: "Terlindung meminta penghentian setelah memberikan kesaksian.",
                PlacementStatus.TERMINATING: "Terlindung berulang kali keluar tanpa izin pengurus.",
            }.get(status),
            termination_decision=termination_decision,
            termination_record=termination_record,
            ended_at=ended_at,
            is_child=flags[0],
            is_woman=flags[1],
            has_disability=flags[2],
        )
        placements.append((placement, program, flags))
        states = (
            [PlacementStatus.REQUESTED, PlacementStatus.REJECTED]
            if reached == 0 and status is PlacementStatus.REJECTED
            else PATH[: reached + 1]
        )
        for step, state in enumerate(states):
            history.append(
                WorkflowHistory(
                    subject_type="Placement",
                    subject_id=placement.id,
                    action=state.value if step else "request",
                    from_state=states[step - 1].value if step else None,
                    to_state=state.value,
                    actor_id=bureau_head.id if step else placement.requested_by_id,
                    principal_kind=PrincipalKind.PARTNER_TOKEN
                    if by_agency and not step
                    else PrincipalKind.STAFF,
                    principal_ref=police.code if by_agency and not step else None,
                    reason="Belum ada pernyataan kesediaan ditempatkan (SH-7c)."
                    if state is PlacementStatus.REJECTED
                    else None,
                    occurred_at=requested_at + timedelta(days=step),
                )
            )
    await WorkflowHistory.bulk_create(history)
    ctx.progress(f"safe houses: placements {len(placements)}/{len(PLACEMENT_PLAN)}")
    await _daily_life(ctx, placements, house_staff, guards, bureau_head, rf_leaders, case_officers, now)


async def _daily_life(
    ctx: DemoContext,
    placements: list[tuple[Placement, Any, tuple[bool, bool, bool]]],
    house_staff: dict[Any, list[Staff]],
    guards: dict[Any, list[Staff]],
    bureau_head: Staff,
    rf_leaders: list[Staff],
    case_officers: list[Staff],
    now: datetime,
) -> None:
    """Preparation, belongings, assessments, aids, needs, examinations, activities,
    companions and monitoring of the placements (SH-12–21)."""
    rng = ctx.rng
    items: list[PreparationItem] = []
    belongings: list[BelongingsItem] = []
    aids: list[AccessibilityAid] = []
    notes: list[CompanionNote] = []
    placed = [
        entry
        for entry in placements
        if entry[0].status in (PlacementStatus.PLACED, PlacementStatus.TERMINATING, PlacementStatus.ENDED)
    ]
    for index, (placement, _, (_, _, disability)) in enumerate(placements):
        status = placement.status
        if status in (PlacementStatus.REQUESTED, PlacementStatus.REJECTED):
            continue
        house = placement.house
        assert house is not None
        guard = guards[house.id][index % len(guards[house.id])]
        head = house_staff[house.id][0]
        officer = case_officers[index % len(case_officers)]
        start = placement.placed_at or placement.approved_at or now
        # SH-13: preparation items a–e; an approved placement has not started, a preparing one is part-way.
        done_items = {
            PlacementStatus.APPROVED: set(),
            PlacementStatus.PREPARING: {
                PreparationItemKind.INFORMATION_GIVEN,
                PreparationItemKind.BELONGINGS_SECURITY_CHECK,
                PreparationItemKind.INITIAL_THREAT_ASSESSMENT,
            },
        }.get(status, set(PreparationItemKind))
        for offset, item in enumerate(PreparationItemKind):
            done = item in done_items
            items.append(
                PreparationItem(
                    placement=placement,
                    item=item,
                    done=done,
                    done_by_id=_id(
                        (guard if item is PreparationItemKind.BELONGINGS_SECURITY_CHECK else head)
                        if done
                        else None
                    ),
                    done_at=start - timedelta(days=1, hours=-offset) if done else None,
                    adapted_for_disability=done
                    and disability
                    and item is PreparationItemKind.INFORMATION_GIVEN,
                    note="Tata tertib disampaikan dengan bahasa isyarat dan tulisan besar."
                    if done and disability and item is PreparationItemKind.INFORMATION_GIVEN
                    else None,
                )
            )
        if PreparationItemKind.BELONGINGS_SECURITY_CHECK in done_items:  # SH-13b, Pasal 14
            record_doc = await _document(
                placement.case_id,
                placement.protectee_id,
                OfficialRecordType.SEIZURE_OF_BELONGINGS,
                f"BA-S/{placement.code}",
                start,
                guard,
            )
            secured = await BelongingsRecord.create(
                placement=placement,
                kind=BelongingsRecordKind.SECURED,
                official_record=record_doc,
                recorded_by_id=_id(guard),
                recorded_at=start - timedelta(days=1),
            )
            returned = None
            if status is PlacementStatus.ENDED:  # SH-22: returned on record
                return_doc = await _document(
                    placement.case_id,
                    placement.protectee_id,
                    OfficialRecordType.RETURN_OF_BELONGINGS,
                    f"BA-K/{placement.code}",
                    placement.ended_at or now,
                    guard,
                )
                returned = await BelongingsRecord.create(
                    placement=placement,
                    kind=BelongingsRecordKind.RETURNED,
                    official_record=return_doc,
                    recorded_by_id=_id(guard),
                    recorded_at=placement.ended_at,
                )
            for category, description in (
                (BelongingsCategory.COMMUNICATION_DEVICE, "Telepon genggam (merek fiktif) beserta kartu SIM"),
                (BelongingsCategory.SHARP_WEAPON, "Pisau lipat kecil")
                if index % 2
                else (
                    BelongingsCategory.DANGEROUS_ITEM,
                    "Korek api gas",
                ),
            ):
                belongings.append(
                    BelongingsItem(
                        record=secured,
                        category=category,
                        description=description,
                        quantity=1,
                        returned=returned is not None,
                        returned_record=returned,
                    )
                )
        # SH-13c/d, SH-16, SH-21: assessments.
        assessments: dict[ResidentAssessmentKind, ResidentAssessment] = {}
        kinds = [ResidentAssessmentKind.THREAT_INITIAL]
        if PreparationItemKind.INITIAL_MEDICAL_PSYCH_ASSESSMENT in done_items:
            kinds += [ResidentAssessmentKind.MEDICAL, ResidentAssessmentKind.PSYCHOLOGICAL]
        if status in (PlacementStatus.PLACED, PlacementStatus.TERMINATING, PlacementStatus.ENDED):
            kinds.append(ResidentAssessmentKind.THREAT_CONTINUED)
        if status is PlacementStatus.ENDED:
            kinds.append(ResidentAssessmentKind.THREAT_FINAL)
        if PreparationItemKind.INITIAL_THREAT_ASSESSMENT not in done_items:
            kinds.remove(ResidentAssessmentKind.THREAT_INITIAL)
        for order, kind in enumerate(kinds):
            threat = kind.value.startswith("threat")
            at = start - timedelta(days=1) if order < 3 else start + timedelta(days=10 * order)
            if placement.ended_at and kind is ResidentAssessmentKind.THREAT_FINAL:
                at = placement.ended_at - timedelta(days=3)
            assessments[kind] = await ResidentAssessment.create(
                placement=placement,
                kind=kind,
                assessed_by_id=_id(guard if threat else None),
                case_officer_id=_id(officer if threat else None),
                assessor_name={
                    ResidentAssessmentKind.MEDICAL: "dr. Contoh Fiktif",
                    ResidentAssessmentKind.PSYCHOLOGICAL: "Psikolog Contoh Fiktif, M.Psi.",
                }.get(kind),
                assessor_licence={
                    ResidentAssessmentKind.MEDICAL: "SIP-FIKTIF-0001",
                    ResidentAssessmentKind.PSYCHOLOGICAL: "SIPP-FIKTIF-0002",
                }.get(kind),
                threat_level=rng.choice(list(ResidentThreatLevel)) if threat else None,
                perpetrator_profile="Pelaku (fiktif) masih bebas dan mengenal keluarga terlindung."
                if threat
                else None,
                legal_progress="Perkara dalam tahap penyidikan di Polda Fiktif." if threat else None,
                surroundings="Lingkungan perumahan tenang; akses jalan tunggal dapat diawasi."
                if threat
                else None,
                findings={
                    ResidentAssessmentKind.MEDICAL: "Kondisi fisik baik; perlu kontrol tekanan darah.",
                    ResidentAssessmentKind.PSYCHOLOGICAL: "Cemas dan sulit tidur; perlu konseling mingguan.",
                }.get(kind, "Ancaman masih ada; pengawalan tetap diperlukan di luar rumah aman."),
                assessed_at=at,
            )
        if disability:  # SH-15
            aids += [
                AccessibilityAid(
                    placement=placement,
                    kind=AccessibilityAidKind.INDEPENDENCE_AID,
                    description="Kursi roda lipat",
                    provided=True,
                    provided_at=start,
                ),
                AccessibilityAid(
                    placement=placement,
                    kind=AccessibilityAidKind.HEALTH_AID,
                    description="Alat bantu dengar",
                    recommended_by="dr. Contoh Fiktif, Sp.THT",
                    provided=status is not PlacementStatus.PREPARING,
                    provided_at=start + timedelta(days=3)
                    if status is not PlacementStatus.PREPARING
                    else None,
                ),
            ]
    await PreparationItem.bulk_create(items)
    await BelongingsItem.bulk_create(belongings)
    await AccessibilityAid.bulk_create(aids)
    ctx.progress(f"safe houses: preparation items {len(items)}, belongings {len(belongings)}")

    if placed:
        await _resident_records(ctx, placed, house_staff, guards, case_officers, rf_leaders, now, notes)
    await CompanionNote.bulk_create(notes)
    await _monitoring(ctx, placements, house_staff, guards, bureau_head, rf_leaders, now)


async def _resident_records(
    ctx: DemoContext,
    placed: list[tuple[Placement, Any, tuple[bool, bool, bool]]],
    house_staff: dict[Any, list[Staff]],
    guards: dict[Any, list[Staff]],
    case_officers: list[Staff],
    rf_leaders: list[Staff],
    now: datetime,
    notes: list[CompanionNote],
) -> None:
    """Needs, examinations, activities and a companion for residents (SH-16–20)."""
    first, _, _ = placed[0]
    assert first.house is not None and first.placed_at is not None
    head = house_staff[first.house.id][0]
    officer = case_officers[0]
    since = first.placed_at
    await NeedsRequest.bulk_create(
        [
            NeedsRequest(
                placement=first,
                category=NeedsRequestCategory.BASIC,
                description="Perlengkapan mandi dan pakaian ganti.",
                requested_at=since + timedelta(days=1),
                status=NeedsRequestStatus.FULFILLED,
                decided_by_id=_id(head),
                decided_at=since + timedelta(days=1, hours=2),
                fulfilled_at=since + timedelta(days=2),
            ),
            NeedsRequest(
                placement=first,
                category=NeedsRequestCategory.OTHER,
                description="Buku bacaan dan alat tulis.",
                requested_at=now - timedelta(days=2),
                status=NeedsRequestStatus.APPROVED,
                decided_by_id=_id(head),
                decided_at=now - timedelta(days=1),
            ),
            NeedsRequest(
                placement=first,
                category=NeedsRequestCategory.OTHER,
                description="Kunjungan teman ke rumah aman.",
                requested_at=now - timedelta(days=5),
                status=NeedsRequestStatus.REJECTED,
                decided_by_id=_id(head),
                decided_at=now - timedelta(days=4),
            ),
            NeedsRequest(  # SH-17: may become a psychosocial-rehabilitation program by a leaders' decision
                placement=first,
                category=NeedsRequestCategory.EDUCATION,
                description="Melanjutkan sekolah paket C selama di rumah aman.",
                requested_at=now - timedelta(days=3),
                status=NeedsRequestStatus.REQUESTED,
                coordinated_with_id=_id(officer),
            ),
        ]
    )
    # SH-16: examinations — one done outside, its follow-up waiting for a leaders' decision.
    exam = await Examination.create(
        placement=first,
        kind=ExaminationKind.MEDICAL,
        trigger=ExaminationTrigger.COMPLAINT,
        requested_at=now - timedelta(days=8),
        approved_by_id=_id(head),
        approved_at=now - timedelta(days=8, hours=-2),
        location=SafeHousePlace.OUTSIDE,
        provider="Klinik Contoh Fiktif",
        status=ExaminationStatus.DONE,
        performed_at=now - timedelta(days=7),
        result_summary="Gangguan lambung ringan; disarankan pemeriksaan lanjutan ke spesialis.",
    )
    psych = await Examination.create(
        placement=first,
        kind=ExaminationKind.PSYCHOLOGICAL,
        trigger=ExaminationTrigger.MANAGER_OBSERVATION,
        requested_at=since + timedelta(days=4),
        approved_by_id=_id(head),
        approved_at=since + timedelta(days=4, hours=1),
        location=SafeHousePlace.INSIDE,
        provider="Psikolog Contoh Fiktif, M.Psi.",
        status=ExaminationStatus.DONE,
        performed_at=since + timedelta(days=5),
        result_summary="Disarankan kegiatan seni sebagai terapi.",
    )
    await Examination.bulk_create(
        [
            Examination(
                placement=first,
                kind=ExaminationKind.MEDICAL,
                trigger=ExaminationTrigger.COMPLAINT,
                is_follow_up=True,
                follow_up_of=exam,
                requested_at=now - timedelta(days=6),
                location=SafeHousePlace.OUTSIDE,
                provider="Rumah Sakit Contoh Fiktif",
                status=ExaminationStatus.REQUESTED,  # waits for the leaders' decision (Pasal 22(4))
            ),
            Examination(
                placement=placed[-1][0],
                kind=ExaminationKind.PSYCHOLOGICAL,
                trigger=ExaminationTrigger.OFFICER_OBSERVATION,
                requested_at=now - timedelta(days=10),
                location=SafeHousePlace.INSIDE,
                status=ExaminationStatus.REJECTED,
            ),
            Examination(
                placement=placed[-1][0],
                kind=ExaminationKind.PSYCHOLOGICAL,
                trigger=ExaminationTrigger.COMPLAINT,
                requested_at=now - timedelta(days=1),
                approved_by_id=_id(house_staff[placed[-1][0].house_id][0]),
                approved_at=now - timedelta(hours=20),
                location=SafeHousePlace.INSIDE,
                provider="Psikolog Contoh Fiktif, M.Psi.",
                status=ExaminationStatus.APPROVED,
            ),
        ]
    )
    # SH-20: activities inside and outside; outside needs a manager's approval and a threat assessment.
    threat = await ResidentAssessment.filter(
        placement_id=first.id, kind=ResidentAssessmentKind.THREAT_CONTINUED
    ).first()
    await ResidentActivity.bulk_create(
        [
            ResidentActivity(
                placement=first,
                place=SafeHousePlace.INSIDE,
                kind=ResidentActivityKind.ROUTINE,
                description="Olahraga pagi dan kebersihan kamar.",
                scheduled_at=now - timedelta(days=1, hours=-1),
                status=ResidentActivityStatus.DONE,
            ),
            ResidentActivity(
                placement=first,
                place=SafeHousePlace.INSIDE,
                kind=ResidentActivityKind.ASSESSED_OTHER,
                description="Kelas melukis (terapi seni).",
                scheduled_at=now + timedelta(days=1),
                basis_examination=psych,
                approved_by_id=_id(head),
                status=ResidentActivityStatus.APPROVED,
            ),
            ResidentActivity(
                placement=first,
                place=SafeHousePlace.OUTSIDE,
                kind=ResidentActivityKind.ROUTINE,
                description="Menghadiri sidang di Pengadilan Negeri Fiktif dengan pengawalan Satgas.",
                scheduled_at=now + timedelta(days=3),
                approved_by_id=_id(head),
                threat_assessment=threat,
                status=ResidentActivityStatus.APPROVED,
            ),
            ResidentActivity(
                placement=first,
                place=SafeHousePlace.OUTSIDE,
                kind=ResidentActivityKind.ROUTINE,
                description="Ibadah di tempat ibadah terdekat.",
                scheduled_at=now + timedelta(days=5),
                status=ResidentActivityStatus.PLANNED,  # no approval nor assessment yet
            ),
            ResidentActivity(
                placement=first,
                place=SafeHousePlace.OUTSIDE,
                kind=ResidentActivityKind.ROUTINE,
                description="Belanja kebutuhan pribadi.",
                scheduled_at=now - timedelta(days=4),
                status=ResidentActivityStatus.CANCELLED,
            ),
        ]
    )
    # SH-18: a family companion for a child or woman (by a leaders' decision), an LPSK one otherwise.
    current = [entry for entry in placed if entry[0].status is not PlacementStatus.ENDED] or placed
    chosen = next((e for e in current if e[2][0]), None) or next((e for e in current if e[2][1]), current[0])
    placement, program, _ = chosen
    relative = await FamilyMember.filter(protectee_id=placement.protectee_id).first()
    women = [s for s in case_officers if s.gender == Gender.FEMALE] or case_officers
    companion = await Companion.create(
        placement=placement,
        kind=CompanionKind.FAMILY_MEMBER,
        family_member=relative,
        full_name="Ibu Pendamping Fiktif",
        phone="0812-3333-0001",
        leaders_decision_id=program.decision_id,
        valid_from=(placement.placed_at or now).date(),
        status=CompanionStatus.ACTIVE,
    )
    for week in range(3):
        notes.append(
            CompanionNote(
                companion=companion,
                noted_at=(placement.placed_at or now) + timedelta(days=7 * (week + 1)),
                physical_condition=["Sehat, nafsu makan baik.", "Sedikit demam, sudah membaik.", "Sehat."][
                    week
                ],
                psychological_condition=[
                    "Masih cemas di malam hari.",
                    "Mulai tenang.",
                    "Lebih percaya diri.",
                ][week],
                activities="Mengikuti kegiatan rutin dan konseling.",
                reported_to_manager=week < 2,
            )
        )
    for ended, ended_program, _ in placed:
        if (
            ended.status is PlacementStatus.ENDED
            and ended is not placement
            and ended.placed_at
            and ended.ended_at
        ):
            await Companion.create(
                placement=ended,
                kind=CompanionKind.LPSK_PROVIDED,
                staff_id=_id(women[-1]),
                leaders_decision_id=ended_program.decision_id,
                valid_from=ended.placed_at.date(),
                valid_until=ended.ended_at.date(),
                status=CompanionStatus.ENDED,
            )
    ctx.progress("safe houses: needs, examinations, activities, companions")


async def _monitoring(
    ctx: DemoContext,
    placements: list[tuple[Placement, Any, tuple[bool, bool, bool]]],
    house_staff: dict[Any, list[Staff]],
    guards: dict[Any, list[Staff]],
    bureau_head: Staff,
    rf_leaders: list[Staff],
    now: datetime,
) -> None:
    """Monitoring reports and the bureau head's control (SH-21)."""
    reports: list[SafeHouseMonitoringReport] = []
    for index, house in enumerate(ctx.safe_houses):
        if house.status is not SafeHouseStatus.MEETS_STANDARDS:
            continue
        reports.append(
            SafeHouseMonitoringReport(
                house=house,
                reported_by_id=_id(house_staff[house.id][0]),
                source=SafeHouseMonitoringSource.MANAGERS,
                condition="Penghuni dalam kondisi baik.",
                facilities="Sarana layak; CCTV berfungsi.",
                compliance="Tugas harian berjalan sesuai surat penugasan.",
                reported_at=now - timedelta(days=14 - index),
            )
        )
    first = ctx.safe_houses[0]
    reports.append(
        SafeHouseMonitoringReport(
            house=first,
            reported_by_id=_id(bureau_head),
            source=SafeHouseMonitoringSource.BUREAU_HEAD,
            condition="Satu penghuni mengeluh sulit tidur.",
            facilities="Pendingin ruangan kamar 2 rusak.",
            compliance="Pengawalan shift malam hanya satu personel.",
            problems="Fasilitas kamar rusak; personel Satgas kurang pada shift malam.",
            control_actions="Perbaikan pendingin ruangan; minta tambahan personel Satgas (Pasal 31).",
            controlled_by_id=_id(bureau_head),
            reported_at=now - timedelta(days=3),
        )
    )
    reports.append(
        SafeHouseMonitoringReport(
            house=first,
            reported_by_id=_id(bureau_head),
            source=SafeHouseMonitoringSource.AD_HOC,
            condition="Pemeriksaan mendadak malam hari: penghuni dan petugas di tempat.",
            compliance="Buku jaga terisi lengkap.",
            reported_at=now - timedelta(days=9),
        )
    )
    if rf_leaders:
        reports.append(
            SafeHouseMonitoringReport(
                house=first,
                reported_by_id=_id(rf_leaders[0]),
                source=SafeHouseMonitoringSource.LEADERS,
                condition="Kunjungan pimpinan: penghuni tenang.",
                compliance="Perlindungan sesuai arahan tertulis pimpinan.",
                reported_at=now - timedelta(days=30),
            )
        )
    for placement, _, _ in placements:
        if placement.status is PlacementStatus.ENDED and placement.house is not None:
            guard = guards[placement.house.id][0]
            reports.append(
                SafeHouseMonitoringReport(
                    house=placement.house,
                    placement=placement,
                    reported_by_id=_id(guard),
                    source=SafeHouseMonitoringSource.TASK_FORCE,
                    final_threat_assessment="Ancaman menurun setelah terdakwa ditahan; rumah aman tidak lagi "
                    "diperlukan.",
                    reported_at=(placement.ended_at or now) - timedelta(days=5),
                )
            )
    await SafeHouseMonitoringReport.bulk_create(reports)
    ctx.progress(f"safe houses: monitoring reports {len(reports)}")
