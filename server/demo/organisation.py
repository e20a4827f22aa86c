"""Demo organisation of ORG-1: leaders and portfolios, the secretariat, bureaus, oversight,
regional offices, about 60 fictional staff, partner agencies, teams and assignments."""

from __future__ import annotations

import datetime as dt

from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentLetter,
    AssignmentPath,
    AssignmentScope,
    AssignmentStatus,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    LetterStatus,
    Team,
    TeamMembership,
    TeamRole,
    TeamStatus,
)
from models.audit import Approval, ApprovalDecision, PrincipalKind, WorkflowHistory
from models.numbering import NumberSequence
from models.organisation import (
    ActingAppointment,
    Agency,
    AgencyKind,
    Competency,
    CompetencyLevel,
    Gender,
    LeadershipPortfolio,
    PortfolioHolding,
    Position,
    Staff,
    StaffCompetency,
    Unit,
    UnitFunction,
    UnitKind,
)
from models.performance import (
    ActivityPlan,
    ActivityPlanStatus,
    Appraisal,
    AppraisalRating,
    AppraisalStatus,
    CoordinationNote,
    CoordinationStage,
    Escalation,
    EscalationStatus,
    Evaluation,
    EvaluationStatus,
    PerformanceDialogue,
    PerformanceTarget,
    TargetLevel,
    WorkReport,
    WorkReportKind,
    WorkReportStatus,
)
from server.demo.context import DemoContext
from workflows.approvals import (
    INVOLVEMENT_TARGET_HEAD,
    VOLUNTARY_OWN_HEAD,
    VOLUNTARY_TARGET_HEAD,
    ApprovalRule,
)
from workflows.assignments.records import AGENCY_APPROVAL

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)
YEAR = TODAY.year

# (code, name, kind, function, administrative, region, staff count under the head)
UNITS = [
    (
        "BIRO-UMUM",
        "Biro Umum dan Kepegawaian",
        UnitKind.BUREAU,
        UnitFunction.GENERAL_AFFAIRS_HR,
        False,
        None,
        5,
    ),
    (
        "BIRO-HUKUM",
        "Biro Hukum, Kerja Sama, dan Hubungan Masyarakat",
        UnitKind.BUREAU,
        UnitFunction.LEGAL_COOPERATION_PR,
        False,
        None,
        5,
    ),
    (
        "BIRO-PP",
        "Biro Penelaahan Permohonan",
        UnitKind.BUREAU,
        UnitFunction.APPLICATION_REVIEW,
        False,
        None,
        8,
    ),
    (
        "BIRO-PH",
        "Biro Pemenuhan Hak Saksi dan Korban",
        UnitKind.BUREAU,
        UnitFunction.RIGHTS_FULFILMENT,
        False,
        None,
        9,
    ),
    ("PENGAWASAN", "Bagian Pengawasan", UnitKind.DIVISION, UnitFunction.OVERSIGHT, True, None, 3),
    (
        "PWK-MEDAN",
        "Perwakilan LPSK Medan",
        UnitKind.REGIONAL_OFFICE,
        UnitFunction.REGIONAL,
        False,
        "Sumatera Utara",
        4,
    ),
    (
        "PWK-YOGYA",
        "Perwakilan LPSK Yogyakarta",
        UnitKind.REGIONAL_OFFICE,
        UnitFunction.REGIONAL,
        True,
        "DI Yogyakarta",
        3,
    ),
    (
        "PWK-MAKASSAR",
        "Perwakilan LPSK Makassar",
        UnitKind.REGIONAL_OFFICE,
        UnitFunction.REGIONAL,
        False,
        "Sulawesi Selatan",
        3,
    ),
]

PORTFOLIOS = [
    ("application_review", "Penelaahan Permohonan"),
    ("rights_fulfilment", "Pemenuhan Hak Saksi dan Korban"),
    ("legal_cooperation", "Hukum, Diseminasi, dan Humas"),
    ("oversight", "Pengawasan Internal"),
    ("general_affairs", "Umum dan Kepegawaian"),
]
# leader index (0 = chair) → portfolios; every portfolio has at least two holders (SH-4, EMG-1)
HOLDINGS = {
    1: ["application_review", "oversight"],
    2: ["application_review", "legal_cooperation"],
    3: ["rights_fulfilment"],
    4: ["rights_fulfilment", "general_affairs"],
    5: ["rights_fulfilment", "legal_cooperation"],
    6: ["oversight", "general_affairs"],
}

COMPETENCIES = [
    ("law", "Hukum"),
    ("investigation", "Investigasi"),
    ("psychology", "Psikologi"),
    ("medicine", "Kedokteran"),
    ("social_work", "Pekerjaan Sosial"),
    ("sign_language", "Bahasa Isyarat"),
    ("security", "Pengamanan"),
    ("finance", "Keuangan"),
    ("negotiation", "Negosiasi"),
    ("child_protection", "Perlindungan Anak"),
    ("victimology", "Viktimologi"),
    ("it", "Teknologi Informasi"),
]

AGENCIES = [
    ("POLDA-FIKTIF", "Kepolisian Daerah Provinsi Fiktif", AgencyKind.POLICE),
    ("KEJATI-FIKTIF", "Kejaksaan Tinggi Provinsi Fiktif", AgencyKind.PROSECUTOR),
    ("PN-FIKTIF", "Pengadilan Negeri Kota Fiktif", AgencyKind.COURT),
    ("RSUD-FIKTIF", "RSUD Kota Fiktif", AgencyKind.HOSPITAL),
    ("DINSOS-FIKTIF", "Dinas Sosial Kabupaten Fiktif", AgencyKind.DISTRICT_SOCIAL_SERVICE),
    ("UPTD-PPA-FIKTIF", "UPTD PPA Kabupaten Fiktif", AgencyKind.UPTD_PPA),
    ("PUSPAGA-FIKTIF", "Puspaga Kabupaten Fiktif", AgencyKind.PUSPAGA),
    ("DUKCAPIL-FIKTIF", "Dinas Kependudukan dan Pencatatan Sipil Fiktif", AgencyKind.CIVIL_REGISTRY),
]

GIVEN = [
    "Adi",
    "Bunga",
    "Citra",
    "Dewi",
    "Eko",
    "Fajar",
    "Gita",
    "Hadi",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nia",
    "Oki",
    "Putri",
    "Rahmat",
    "Sari",
    "Taufik",
    "Umi",
    "Wahyu",
    "Yuni",
]
FAMILY = ["Contoh", "Fiktif", "Rekaan", "Samaran", "Khayal", "Ilustrasi"]


class _Namer:
    """Deterministic, obviously fictional, unique names and e-mail addresses."""

    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.used: set[str] = set()

    def next(self) -> tuple[str, str, Gender]:
        while True:
            given = self.ctx.rng.choice(GIVEN)
            family = self.ctx.rng.choice(FAMILY)
            name = f"{given} {family}"
            if name not in self.used:
                break
            name = f"{given} {family} {len(self.used)}"
            if name not in self.used:
                break
        self.used.add(name)
        gender = (
            Gender.FEMALE
            if given
            in {
                "Bunga",
                "Citra",
                "Dewi",
                "Gita",
                "Indah",
                "Kartika",
                "Lestari",
                "Nia",
                "Putri",
                "Sari",
                "Umi",
                "Yuni",
            }
            else Gender.MALE
        )
        email = name.lower().replace(" ", ".") + "@perisai.example"
        return name, email, gender


async def load(ctx: DemoContext) -> None:
    """Organisation, portfolios, staff and competencies, agencies, one acting post, teams."""
    namer = _Namer(ctx)
    counter = {"n": 0}

    async def person(position: Position, unit: Unit | None, title: str, **extra: object) -> Staff:
        counter["n"] += 1
        name, email, gender = namer.next()
        staff = await Staff.create(
            employee_number=f"19{80 + counter['n'] % 20}0{counter['n']:04d}",
            full_name=name,
            email=email,
            phone=f"0812{ctx.rng.randrange(10**7, 10**8)}",
            position=position,
            title=title,
            gender=gender,
            unit=unit,
            **extra,
        )
        ctx.staff.append(staff)
        return staff

    # leadership and portfolios
    top = await Unit.create(
        code="PIMPINAN", name="Pimpinan LPSK", kind=UnitKind.LEADERSHIP, function=UnitFunction.LEADERSHIP
    )
    ctx.units["PIMPINAN"] = top
    for code, name in PORTFOLIOS:
        ctx.portfolios[code] = await LeadershipPortfolio.create(code=code, name=name)
    for index in range(7):
        title = "Ketua LPSK" if index == 0 else "Wakil Ketua LPSK"
        ctx.leaders.append(await person(Position.LEADER, top, title, is_chair=index == 0))
    for index, codes in HOLDINGS.items():
        for code in codes:
            await PortfolioHolding.create(
                staff=ctx.leaders[index], portfolio=ctx.portfolios[code], valid_from=dt.date(YEAR - 1, 1, 1)
            )
    for _ in range(3):
        await person(Position.EXPERT, top, "Tenaga Ahli Pimpinan")
    top.head = ctx.leaders[0]
    await top.save()
    ctx.progress("organisation: leaders, portfolios, experts")

    # the secretariat and its units
    secretariat = await Unit.create(
        code="SETJEN",
        name="Sekretariat Jenderal",
        kind=UnitKind.SECRETARIAT,
        function=UnitFunction.SECRETARIAT,
        parent=top,
    )
    ctx.units["SETJEN"] = secretariat
    ctx.secretary_general = await person(Position.SECRETARY_GENERAL, secretariat, "Sekretaris Jenderal")
    secretariat.head = ctx.secretary_general
    await secretariat.save()
    for code, name, kind, function, administrative, region, count in UNITS:
        unit = await Unit.create(
            code=code,
            name=name,
            kind=kind,
            function=function,
            is_administrative=administrative,
            region=region,
            parent=secretariat,
        )
        ctx.units[code] = unit
        head_position = Position.ADMINISTRATOR if administrative else Position.UNIT_HEAD
        unit.head = await person(head_position, unit, "Administrator" if administrative else f"Kepala {name}")
        await unit.save()
        for i in range(count):
            position = Position.FUNCTIONAL_OFFICIAL if i % 3 != 2 else Position.EXECUTOR
            await person(
                position,
                unit,
                "Pejabat Fungsional" if position is Position.FUNCTIONAL_OFFICIAL else "Pelaksana",
            )
    ctx.progress(f"organisation: {len(ctx.units)} units, {len(ctx.staff)} staff")

    # competencies (ORG-5)
    competencies = [await Competency.create(code=code, name=name) for code, name in COMPETENCIES]
    links = []
    for staff in ctx.staff:
        if staff.position in (
            Position.FUNCTIONAL_OFFICIAL,
            Position.EXECUTOR,
            Position.UNIT_HEAD,
            Position.ADMINISTRATOR,
            Position.EXPERT,
        ):
            for competency in ctx.rng.sample(competencies, 2):
                certified = competency.code in {"psychology", "medicine"} and ctx.rng.random() < 0.6
                links.append(
                    StaffCompetency(
                        staff=staff,
                        competency=competency,
                        level=ctx.rng.choice(list(CompetencyLevel)),
                        certified=certified,
                        certificate_number=f"SIPP-FIKTIF-{len(links):04d}" if certified else None,
                    )
                )
    await StaffCompetency.bulk_create(links)

    # partner agencies and an acting appointment (AC-6)
    for code, name, kind in AGENCIES:
        ctx.agencies[kind.value] = await Agency.create(
            code=code,
            name=name,
            kind=kind,
            region="Provinsi Fiktif",
            contact_email=f"{code.lower()}@mitra.example",
        )
    medan = ctx.units["PWK-MEDAN"]
    deputy = next(
        s for s in ctx.staff if s.unit_id == medan.id and s.position is Position.FUNCTIONAL_OFFICIAL
    )
    await ActingAppointment.create(
        acting_staff=deputy,
        position=Position.UNIT_HEAD,
        unit=medan,
        acting_for=medan.head,
        valid_from=NOW - dt.timedelta(days=3),
        valid_until=NOW + dt.timedelta(days=11),
        letter_number=f"SPRIN-PLH-007/LPSK/{YEAR}",
    )
    ctx.progress(f"organisation: {len(competencies)} competencies, {len(ctx.agencies)} agencies")
    await _teams_and_assignments(ctx)


class _Letters:
    """Assignment letters numbered per issuer per year without gaps (ASG-10), through one
    NumberSequence row per issuer, as the issuing workflow will do."""

    def __init__(self) -> None:
        self.sequences: dict[str, NumberSequence] = {}

    async def issue(
        self,
        assignment: Assignment,
        issuer_code: str,
        issued_by: Staff,
        days_ago: int,
        team: Team | None = None,
    ) -> AssignmentLetter:
        sequence = self.sequences.get(issuer_code)
        if sequence is None:
            sequence = await NumberSequence.create(series="ST", issuer=issuer_code, year=YEAR)
            self.sequences[issuer_code] = sequence
        sequence.last_number += 1
        await sequence.save()
        return await AssignmentLetter.create(
            number=f"ST-{sequence.last_number:04d}/{issuer_code}/{YEAR}",
            issuer_code=issuer_code,
            year=YEAR,
            sequence=sequence.last_number,
            assignment=assignment,
            team=team,
            issued_by=issued_by,
            issued_at=NOW - dt.timedelta(days=days_ago),
        )


def _members(ctx: DemoContext, unit: Unit, position: Position = Position.FUNCTIONAL_OFFICIAL) -> list[Staff]:
    return [s for s in ctx.staff if s.unit_id == unit.id and s.position is position]


async def _team(
    code: int, name: str, owner: Unit, lead: Staff, start: int, end: int, status: TeamStatus, **extra: object
) -> Team:
    """A team living from `start` days before today to `end` days after it (AC-8)."""
    return await Team.create(
        code=f"TIM-{YEAR}-{code:03d}",
        name=name,
        owning_unit=owner,
        lead=lead,
        starts_on=TODAY - dt.timedelta(days=start),
        ends_on=TODAY + dt.timedelta(days=end),
        status=status,
        **extra,
    )


async def _join(
    team: Team, staff: Staff, days_ago: int, request: InvolvementRequest | None = None, **extra: object
) -> None:
    await TeamMembership.create(
        team=team,
        staff=staff,
        role=TeamRole.LEAD if staff.id == team.lead_id else TeamRole.MEMBER,
        home_unit_id=staff.unit_id,
        home_agency_id=staff.agency_id,
        involvement_request=request,
        joined_on=TODAY - dt.timedelta(days=days_ago),
        **extra,
    )


async def _assignment(
    number: int, title: str, path: AssignmentPath, status: AssignmentStatus, **extra: object
) -> Assignment:
    voluntary = path in (AssignmentPath.WITHIN_UNIT_VOLUNTARY, AssignmentPath.CROSS_UNIT_VOLUNTARY)
    return await Assignment.create(
        code=f"PNG-{YEAR}-{number:04d}",
        title=title,
        kind=AssignmentKind.VOLUNTARY_APPLICATION if voluntary else AssignmentKind.APPOINTMENT,
        scope=AssignmentScope.TEAM if extra.get("team") else AssignmentScope.INDIVIDUAL,
        path=path,
        status=status,
        **extra,
    )


async def _involvement(
    number: int, direction: InvolvementDirection, status: InvolvementStatus, **extra: object
) -> InvolvementRequest:
    """A request of an assignment's path; its kind is the assignment's (ASG-2 and ASG-6 share a
    direction: the kind tells who decides, records.deciding_rule)."""
    assignment = extra.get("assignment")
    kind = assignment.kind if isinstance(assignment, Assignment) else AssignmentKind.APPOINTMENT
    return await InvolvementRequest.create(
        code=f"PLB-{YEAR}-{number:04d}", direction=direction, status=status, kind=kind, **extra
    )


async def _approved(
    rule: ApprovalRule, subject: Assignment | InvolvementRequest, approver: Staff, days_ago: int
) -> None:
    """The deciding official's approval on record through the one approval mechanism (AC-6), which
    ASG-7 reads — a status set by hand is not a record (workflows/assignments/records.py)."""
    await Approval.create(
        subject_type=type(subject).__name__,
        subject_id=subject.id,
        step=rule.step,
        approver=approver,
        decision=ApprovalDecision.APPROVED,
        note="Disetujui.",
        decided_at=NOW - dt.timedelta(days=days_ago),
    )


async def _agency_answered(request: InvolvementRequest, days_ago: int) -> None:
    """ASG-3: the agency's written yes, given through its partner token, as the workflow records it."""
    await WorkflowHistory.create(
        subject_type=InvolvementRequest.__name__,
        subject_id=request.id,
        action=AGENCY_APPROVAL,
        from_state=InvolvementStatus.SUBMITTED.value,
        to_state=InvolvementStatus.APPROVED.value,
        principal_kind=PrincipalKind.PARTNER_TOKEN,
        principal_ref="perisai_pat_demo0000",
        occurred_at=NOW - dt.timedelta(days=days_ago),
    )


async def _teams_and_assignments(ctx: DemoContext) -> None:
    """Teams within a unit, across units and across agencies (each outside member through an
    approved involvement request, ASG-7), assignments on all six paths at varied steps,
    letters numbered without gaps and one revoked (ASG-10); then the performance cycle."""
    u = ctx.units
    sg = ctx.secretary_general
    rights, review, general, legal = u["BIRO-PH"], u["BIRO-PP"], u["BIRO-UMUM"], u["BIRO-HUKUM"]
    oversight, medan = u["PENGAWASAN"], u["PWK-MEDAN"]
    in_unit, reviewers = _members(ctx, rights), _members(ctx, review)
    experts = [s for s in ctx.staff if s.position is Position.EXPERT]
    prosecutor, police = ctx.agencies[AgencyKind.PROSECUTOR.value], ctx.agencies[AgencyKind.POLICE.value]
    uptd = ctx.agencies[AgencyKind.UPTD_PPA.value]
    letters = _Letters()

    # performance targets cascaded from the SG's agreement (PERF-1)
    org_target = await PerformanceTarget.create(
        code=f"IKU-{YEAR}-01",
        title="Persentase terlindung yang menerima layanan tepat waktu",
        level=TargetLevel.ORGANISATION,
        year=YEAR,
        indicator="Layanan diberikan dalam tenggat keputusan",
        target_value="90%",
        set_by=sg,
    )
    targets = {"org": org_target}
    for key, code, title, level, unit, value, parent in (
        ("ph", "01-PH", "Layanan rumah aman sesuai standar", TargetLevel.UNIT, rights, "100%", "org"),
        ("pp", "01-PP", "Permohonan ditelaah dalam 30 hari", TargetLevel.UNIT, review, "95%", "org"),
        (
            "aw",
            "02-AW",
            "Audit internal unit kerja terlaksana",
            TargetLevel.UNIT,
            oversight,
            "4 audit",
            "org",
        ),
        ("t1", "01-PH-T1", "Penempatan tertangani dalam 7 hari", TargetLevel.TEAM, rights, "100%", "ph"),
        (
            "i1",
            "01-PH-I1",
            "Laporan pemantauan bulanan tepat waktu",
            TargetLevel.INDIVIDUAL,
            rights,
            "12",
            "ph",
        ),
    ):
        targets[key] = await PerformanceTarget.create(
            code=f"IKU-{YEAR}-{code}",
            title=title,
            level=level,
            parent=targets[parent],
            unit=unit,
            staff=in_unit[2] if level is TargetLevel.INDIVIDUAL else None,
            year=YEAR,
            target_value=value,
            set_by=sg if level is TargetLevel.UNIT else unit.head,
        )

    # ASG-1: a team within the rights-fulfilment bureau, letter from the unit head
    unit_team = await _team(
        1,
        "Tim Layanan Rumah Aman",
        rights,
        in_unit[0],
        60,
        120,
        TeamStatus.ACTIVE,
        performance_target=targets["t1"],
    )
    targets["t1"].team = unit_team
    await targets["t1"].save()
    for member in in_unit[:3]:
        await _join(unit_team, member, 60)
    a1 = await _assignment(
        1,
        "Pengelolaan layanan rumah aman",
        AssignmentPath.WITHIN_UNIT_APPOINTMENT,
        AssignmentStatus.IN_PROGRESS,
        requesting_unit=rights,
        team=unit_team,
        proposer=rights.head,
        starts_on=TODAY - dt.timedelta(days=60),
        due_on=TODAY + dt.timedelta(days=120),
    )
    await letters.issue(a1, rights.code, rights.head, 61, unit_team)

    # ASG-2: a cross-unit team, the reviewer joins through an approved request (ASG-7);
    # an expert keeps technical control without command (ORG-3, AC-9)
    cross_team = await _team(
        2,
        "Tim Penelaahan Kasus Perdagangan Orang",
        rights,
        in_unit[1],
        20,
        70,
        TeamStatus.ACTIVE,
        is_cross_unit=True,
        performance_target=targets["ph"],
    )
    a2 = await _assignment(
        2,
        "Penelaahan bersama kasus perdagangan orang",
        AssignmentPath.CROSS_UNIT_APPOINTMENT,
        AssignmentStatus.LETTER_ISSUED,
        requesting_unit=rights,
        target_unit=review,
        team=cross_team,
        proposer=rights.head,
        technical_controller=experts[0],
        due_on=TODAY + dt.timedelta(days=70),
    )
    approved = await _involvement(
        1,
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        InvolvementStatus.APPROVED,
        requesting_unit=rights,
        target_unit=review,
        requested_staff=reviewers[0],
        team=cross_team,
        assignment=a2,
        requested_by=rights.head,
        decided_by=review.head,
        decided_at=NOW - dt.timedelta(days=21),
        purpose="Keahlian penelaahan permohonan untuk kasus perdagangan orang.",
        availability_note="Tersedia dua hari per minggu.",
        reason="Disetujui.",
    )
    await _approved(INVOLVEMENT_TARGET_HEAD, approved, review.head, 21)
    await _join(cross_team, in_unit[1], 20)
    await _join(cross_team, reviewers[0], 20, approved)
    await letters.issue(a2, "LPSK", sg, 20, cross_team)

    # ASG-3: a cross-agency team owned by the review bureau; a prosecutor's officer joins
    # after the agency agreed in writing; the lead comes from another unit (ASG-8)
    officer = await Staff.create(
        employee_number="KJT-FIKTIF-01",
        full_name="Jaksa Contoh Mitra",
        email="jaksa.contoh.mitra@kejati-fiktif.example",
        phone="0813-5550-0101",
        position=Position.EXTERNAL,
        title="Jaksa Fungsional (mitra)",
        gender=Gender.FEMALE,
        agency=prosecutor,
    )
    ctx.staff.append(officer)
    agency_team = await _team(
        3,
        "Tim Koordinasi Saksi Persidangan Korupsi",
        review,
        in_unit[3],
        10,
        80,
        TeamStatus.ACTIVE,
        is_cross_unit=True,
        is_cross_agency=True,
        performance_target=targets["pp"],
        lead_justification="Ketua tim berpengalaman mendampingi saksi di persidangan tindak pidana korupsi.",
    )
    a3 = await _assignment(
        3,
        "Koordinasi perlindungan saksi persidangan",
        AssignmentPath.OUTBOUND_AGENCY_APPOINTMENT,
        AssignmentStatus.DELIVERED,
        requesting_unit=review,
        target_unit=rights,
        requesting_agency=prosecutor,
        team=agency_team,
        proposer=review.head,
        due_on=TODAY + dt.timedelta(days=80),
    )
    lead_request = await _involvement(
        2,
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        InvolvementStatus.APPROVED,
        requesting_unit=review,
        target_unit=rights,
        requested_staff=in_unit[3],
        team=agency_team,
        assignment=a3,
        requested_by=review.head,
        decided_by=rights.head,
        decided_at=NOW - dt.timedelta(days=14),
        purpose="Ketua tim untuk koordinasi saksi persidangan.",
        reason="Disetujui.",
    )
    agency_request = await _involvement(
        3,
        InvolvementDirection.OUTBOUND_TO_AGENCY,
        InvolvementStatus.APPROVED,
        requesting_unit=review,
        target_agency=prosecutor,
        requested_staff=officer,
        team=agency_team,
        assignment=a3,
        requested_by=sg,
        decided_at=NOW - dt.timedelta(days=12),
        purpose="Jaksa penghubung untuk jadwal persidangan.",
        reason="Persetujuan tertulis Kejati Fiktif.",
    )
    await _approved(INVOLVEMENT_TARGET_HEAD, lead_request, rights.head, 14)
    await _agency_answered(agency_request, 12)
    await _join(agency_team, in_unit[3], 10, lead_request)
    await _join(agency_team, officer, 10, agency_request)
    await letters.issue(a3, "LPSK", sg, 11, agency_team)

    # ASG-1 in an administrative unit: a closed audit team, letter from the Administrator
    auditors = [
        s for s in ctx.staff if s.unit_id == oversight.id and s.position is not Position.ADMINISTRATOR
    ]
    audit_team = await _team(
        4,
        "Tim Audit Internal Semester I",
        oversight,
        oversight.head,
        200,
        -60,
        TeamStatus.CLOSED,
        performance_target=targets["aw"],
    )
    for member in [oversight.head, *auditors[:2]]:
        await _join(audit_team, member, 200, left_on=TODAY - dt.timedelta(days=60))
    a4 = await _assignment(
        4,
        "Audit internal semester I",
        AssignmentPath.WITHIN_UNIT_APPOINTMENT,
        AssignmentStatus.COMPLETED,
        results_summary="Empat audit internal selesai; temuan ditindaklanjuti.",  # PERF-4
        requesting_unit=oversight,
        team=audit_team,
        proposer=oversight.head,
        starts_on=TODAY - dt.timedelta(days=200),
        due_on=TODAY - dt.timedelta(days=60),
    )
    await letters.issue(a4, oversight.code, oversight.head, 201, audit_team)

    # ASG-2 waiting for the SG, a forming team (lead only, members join with the letter)
    forming = await _team(
        5,
        "Tim Penyusunan Standar Pelayanan",
        general,
        _members(ctx, general)[0],
        -7,
        90,
        TeamStatus.FORMING,
        is_cross_unit=True,
    )
    await _join(forming, _members(ctx, general)[0], -7)
    a5 = await _assignment(
        5,
        "Penyusunan standar pelayanan terpadu",
        AssignmentPath.CROSS_UNIT_APPOINTMENT,
        AssignmentStatus.PROPOSED_TO_SG,
        requesting_unit=general,
        target_unit=legal,
        team=forming,
        proposer=general.head,
    )
    standards_request = await _involvement(
        4,
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        InvolvementStatus.APPROVED,
        requesting_unit=general,
        target_unit=legal,
        requested_staff=_members(ctx, legal)[0],
        team=forming,
        assignment=a5,
        requested_by=general.head,
        decided_by=legal.head,
        decided_at=NOW - dt.timedelta(days=2),
        purpose="Ahli hukum untuk penyusunan standar.",
        availability_note="Tersedia penuh.",
    )
    await _approved(INVOLVEMENT_TARGET_HEAD, standards_request, legal.head, 2)

    # individual paths at other steps
    a6 = await _assignment(
        6,
        "Pendampingan saksi di persidangan",
        AssignmentPath.CROSS_UNIT_VOLUNTARY,
        AssignmentStatus.OWN_HEAD_APPROVED,
        requesting_unit=review,
        target_unit=rights,
        staff=reviewers[1],
        proposer=reviewers[1],
        due_on=TODAY + dt.timedelta(days=30),
    )
    await _involvement(
        5,
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        InvolvementStatus.SUBMITTED,
        requesting_unit=review,
        target_unit=rights,
        requested_staff=reviewers[1],
        assignment=a6,
        requested_by=reviewers[1],
        purpose="Mengajukan diri untuk pendampingan persidangan.",
    )
    await _approved(VOLUNTARY_OWN_HEAD, a6, review.head, 3)  # ASG-6: forwarded with it
    a7 = await _assignment(
        7,
        "Sosialisasi layanan ke kepolisian",
        AssignmentPath.INBOUND_AGENCY_REQUEST,
        AssignmentStatus.REJECTED,
        requesting_agency=police,
        target_unit=legal,
        rejection_reason="Tidak relevan dengan tugas LPSK saat ini.",
    )
    await _involvement(
        6,
        InvolvementDirection.INBOUND_FROM_AGENCY,
        InvolvementStatus.REJECTED,
        requesting_agency=police,
        target_unit=legal,
        assignment=a7,
        decided_by=sg,
        decided_at=NOW - dt.timedelta(days=5),
        purpose="Narasumber sosialisasi.",
        reason="Tidak relevan dengan tugas LPSK saat ini.",
    )
    psychologist = _members(ctx, medan)[0]
    a8 = await _assignment(
        8,
        "Asesmen psikologis korban atas permintaan UPTD PPA",
        AssignmentPath.INBOUND_AGENCY_REQUEST,
        AssignmentStatus.CONSULTING,
        requesting_agency=uptd,
        target_unit=medan,
        staff=psychologist,
    )
    await _involvement(
        7,
        InvolvementDirection.INBOUND_FROM_AGENCY,
        InvolvementStatus.SUBMITTED,
        requesting_agency=uptd,
        target_unit=medan,
        requested_staff=psychologist,
        assignment=a8,
        purpose="Asesmen psikologis dua korban anak.",
    )
    a9 = await _assignment(
        9,
        "Penyusunan kajian internal layanan",
        AssignmentPath.WITHIN_UNIT_VOLUNTARY,
        # ASG-10: a letter is revoked, not deleted; an assignment is withdrawn only before its letter
        AssignmentStatus.LETTER_ISSUED,
        requesting_unit=general,
        staff=_members(ctx, general)[1],
        proposer=_members(ctx, general)[1],
    )
    revoked = await letters.issue(a9, general.code, general.head, 40)
    revoked.status, revoked.revoked_at = LetterStatus.REVOKED, NOW - dt.timedelta(days=25)
    revoked.revocation_reason = "Pegawai ditugaskan ke kegiatan prioritas lain."
    await revoked.save()
    await _assignment(
        10,
        "Pengelolaan arsip perwakilan",
        AssignmentPath.WITHIN_UNIT_VOLUNTARY,
        AssignmentStatus.APPROVED,
        requesting_unit=medan,
        staff=_members(ctx, medan)[1],
        proposer=_members(ctx, medan)[1],
    )
    a11 = await _assignment(
        11,
        "Dukungan hukum perwakilan",
        AssignmentPath.CROSS_UNIT_APPOINTMENT,
        AssignmentStatus.AWAITING_INVOLVEMENT,
        requesting_unit=medan,
        target_unit=legal,
        proposer=medan.head,
        staff=_members(ctx, legal)[1],
    )
    await _involvement(
        8,
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        InvolvementStatus.SUBMITTED,
        requesting_unit=medan,
        target_unit=legal,
        requested_staff=_members(ctx, legal)[1],
        assignment=a11,
        requested_by=medan.head,
        purpose="Pendampingan hukum di wilayah Sumatera Utara.",
    )
    await _involvement(
        9,
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        InvolvementStatus.WITHDRAWN,
        requesting_unit=medan,
        target_unit=review,
        requested_by=medan.head,
        purpose="Digantikan permohonan lain.",
    )
    await _assignment(
        12,
        "Telaah ulang permohonan tertunda",
        AssignmentPath.WITHIN_UNIT_APPOINTMENT,
        AssignmentStatus.DRAFT,
        requesting_unit=review,
        staff=reviewers[2],
        proposer=review.head,
    )
    monitor = _members(ctx, medan)[2]
    a13 = await _assignment(
        13,
        "Pemantauan program di wilayah",
        AssignmentPath.CROSS_UNIT_VOLUNTARY,
        AssignmentStatus.TARGET_HEAD_APPROVED,
        requesting_unit=medan,
        target_unit=rights,
        staff=monitor,
        proposer=monitor,
    )
    # ASG-6: the own head approved and forwarded it; the target head approved the request
    await _approved(VOLUNTARY_OWN_HEAD, a13, medan.head, 6)
    monitoring_request = await _involvement(
        10,
        InvolvementDirection.INTERNAL_CROSS_UNIT,
        InvolvementStatus.APPROVED,
        requesting_unit=medan,
        target_unit=rights,
        requested_staff=monitor,
        assignment=a13,
        requested_by=monitor,
        decided_by=rights.head,
        decided_at=NOW - dt.timedelta(days=4),
        purpose="Mengajukan diri untuk pemantauan program di wilayah.",
        availability_note="Sesuai keahlian pemantauan.",
    )
    await _approved(VOLUNTARY_TARGET_HEAD, monitoring_request, rights.head, 4)
    await _assignment(
        14,
        "Pengumpulan data layanan",
        AssignmentPath.WITHIN_UNIT_VOLUNTARY,
        AssignmentStatus.SUBMITTED,
        requesting_unit=review,
        staff=reviewers[3],
        proposer=reviewers[3],
    )

    ctx.progress(
        f"organisation: 5 teams, 14 assignments, {sum(s.last_number for s in letters.sequences.values())} letters"
    )
    await _performance_cycle(ctx, targets, unit_team, cross_team, agency_team, audit_team, forming)


async def _performance_cycle(
    ctx: DemoContext,
    targets: dict,
    unit_team: Team,
    cross_team: Team,
    agency_team: Team,
    audit_team: Team,
    forming: Team,
) -> None:
    """Reports up the line (RPT-1–4), escalations (RPT-5), coordination (RPT-6), activity
    plans at every step (PERF-1/2/4), dialogues, evaluations and appraisals (PERF-2/3/5)."""
    sg = ctx.secretary_general
    rights, review, oversight = ctx.units["BIRO-PH"], ctx.units["BIRO-PP"], ctx.units["PENGAWASAN"]
    in_unit, reviewers = _members(ctx, rights), _members(ctx, review)
    auditor = next(
        s for s in ctx.staff if s.unit_id == oversight.id and s.position is not Position.ADMINISTRATOR
    )
    expert = next(s for s in ctx.staff if s.position is Position.EXPERT)
    month = (TODAY - dt.timedelta(days=30), TODAY)

    def days(n: int) -> dt.datetime:
        return NOW - dt.timedelta(days=n)

    # RPT-1 member → lead; RPT-4 lead → SG through the unit head; RPT-2 SG asks; RPT-3 Administrator
    for author, recipient, through, team, kind, status, extra in (
        (in_unit[2], in_unit[0], None, unit_team, WorkReportKind.PERIODIC, WorkReportStatus.SUBMITTED, {}),
        (in_unit[0], sg, rights.head, unit_team, WorkReportKind.TEAM_SUMMARY, WorkReportStatus.FORWARDED, {}),
        (
            in_unit[1],
            sg,
            rights.head,
            cross_team,
            WorkReportKind.ON_DEMAND,
            WorkReportStatus.REQUESTED,
            {"requested_by": sg},
        ),
        (auditor, sg, oversight.head, audit_team, WorkReportKind.PERIODIC, WorkReportStatus.RECEIVED, {}),
        (reviewers[2], sg, review.head, None, WorkReportKind.PERIODIC, WorkReportStatus.DRAFT, {}),
    ):
        done = status not in (WorkReportStatus.REQUESTED, WorkReportStatus.DRAFT)
        await WorkReport.create(
            author=author,
            recipient=recipient,
            through=through,
            team=team,
            kind=kind,
            status=status,
            period_start=month[0],
            period_end=month[1],
            summary=None if status is WorkReportStatus.REQUESTED else "Ringkasan fiktif hasil kerja.",
            submitted_at=days(2) if done else None,
            **extra,
        )
    await Escalation.create(
        team=cross_team,
        raised_by=cross_team.lead,
        raised_to=rights.head,
        problem="Berkas permohonan dari kepolisian belum lengkap.",
        alternatives="Meminta berkas langsung; menunda telaah.",
        recommendation="Meminta berkas melalui Biro Hukum.",
        status=EscalationStatus.RESOLVED,
        resolution="Berkas diminta dan diterima.",
        resolved_at=days(6),
    )
    await Escalation.create(
        team=cross_team,
        raised_by=cross_team.lead,
        raised_to=review.head,  # the member's own unit head (RPT-5)
        problem="Anggota tim dari Biro Penelaahan Permohonan hanya tersedia dua hari per minggu.",
        alternatives="Menambah anggota; memperpanjang tenggat.",
        recommendation="Menambah satu anggota dari unit yang sama.",
    )
    for team, stage, extra, note in (
        (
            cross_team,
            CoordinationStage.PLANNING,
            {"with_staff": expert},
            "Arahan teknis penelaahan disepakati.",
        ),
        (
            agency_team,
            CoordinationStage.EXECUTION,
            {"with_team": unit_team},
            "Jadwal pengawalan saksi diselaraskan.",
        ),
        (
            unit_team,
            CoordinationStage.MONITORING,
            {"with_other": "Kepolisian Daerah Provinsi Fiktif"},
            "Pemantauan bersama dijadwalkan bulanan.",
        ),
    ):
        await CoordinationNote.create(team=team, author=team.lead, stage=stage, note=note, **extra)

    # activity plans at each step; only the unit head's acceptance completes one (PERF-4)
    for target, team, staff, title, budget, status, extra in (
        (
            targets["ph"],
            unit_team,
            None,
            "Pemeriksaan standar rumah aman triwulan IV",
            "12500000.00",
            ActivityPlanStatus.IN_PROGRESS,
            {},
        ),
        (
            targets["aw"],
            audit_team,
            None,
            "Audit internal semester I",
            "8000000.00",
            ActivityPlanStatus.ACCEPTED,
            {"accepted_by": oversight.head, "accepted_at": days(62)},
        ),
        (
            targets["i1"],
            None,
            in_unit[2],
            "Laporan pemantauan bulanan",
            None,
            ActivityPlanStatus.RETURNED,
            {"return_reason": "Dua laporan bulanan belum dilampirkan."},
        ),
        (
            targets["ph"],
            cross_team,
            None,
            "Telaah bersama berkas perdagangan orang",
            "5000000.00",
            ActivityPlanStatus.SUBMITTED,
            {},
        ),
        (
            None,
            forming,
            None,
            "Penyusunan draf standar pelayanan",
            "15000000.00",
            ActivityPlanStatus.PLANNED,
            {},
        ),
    ):
        await ActivityPlan.create(
            target=target,
            team=team,
            staff=staff,
            title=title,
            budget=budget,
            planned_start=TODAY - dt.timedelta(days=30),
            planned_end=TODAY + dt.timedelta(days=30),
            status=status,
            **extra,
        )
    await PerformanceDialogue.create(
        superior=rights.head,
        staff=in_unit[0],
        held_at=days(10),
        notes="Kemajuan tim sesuai rencana.",
        follow_up="Menambah pemantauan mingguan.",
    )
    await PerformanceDialogue.create(
        superior=in_unit[0],
        staff=in_unit[2],
        team=unit_team,
        held_at=days(3),
        notes="Laporan bulanan terlambat.",
    )

    # PERF-3: evaluation → SG review → returned for follow-up → closed
    # PERF-3: `unit` always names the unit evaluated, or the unit of the team or person evaluated
    for evaluator, extra, status in (
        (rights.head, {"team": unit_team, "unit": rights}, EvaluationStatus.SUBMITTED_TO_SG),
        (sg, {"unit": review}, EvaluationStatus.RETURNED_FOR_FOLLOW_UP),
        (oversight.head, {"team": audit_team, "unit": oversight}, EvaluationStatus.CLOSED),
        (review.head, {"staff": reviewers[2], "unit": review}, EvaluationStatus.DRAFT),
    ):
        reviewed = status in (EvaluationStatus.RETURNED_FOR_FOLLOW_UP, EvaluationStatus.CLOSED)
        await Evaluation.create(
            evaluator=evaluator,
            period_start=dt.date(YEAR, 1, 1),
            period_end=dt.date(YEAR, 6, 30),
            findings="Temuan fiktif evaluasi.",
            status=status,
            sg_review="Perlu percepatan tindak lanjut." if reviewed else None,
            reviewed_at=days(20) if reviewed else None,
            follow_up="Rencana aksi disusun." if status is EvaluationStatus.CLOSED else None,
            **extra,
        )
    # PERF-5: members from other units appraised by the owning unit head and sent home — the
    # team's first ten days sent, the days since still a draft (a sent one carries its sending)
    for start, end, status, narrative in (
        (20, 11, AppraisalStatus.SENT, "Telaah cermat dan tepat waktu."),
        (10, 0, AppraisalStatus.DRAFT, "Telaah lanjutan sesuai jadwal."),
    ):
        await Appraisal.create(
            appraiser=rights.head,
            staff=reviewers[0],
            team=cross_team,
            home_unit_head=review.head,
            period_start=TODAY - dt.timedelta(days=start),
            period_end=TODAY - dt.timedelta(days=end),
            rating=AppraisalRating.ABOVE_EXPECTATIONS,
            score="88.50",
            narrative=narrative,
            status=status,
            sent_at=days(end) if status is AppraisalStatus.SENT else None,
        )
    await Appraisal.create(
        appraiser=review.head,
        staff=agency_team.lead,
        team=agency_team,
        home_unit_head=rights.head,
        period_start=month[0],
        period_end=month[1],
        rating=AppraisalRating.MEETS_EXPECTATIONS,
        narrative="Koordinasi berjalan baik.",
    )
    ctx.progress("organisation: reports, escalations, plans, evaluations, appraisals")
