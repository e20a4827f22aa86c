"""Demo data: the PELUKAN module of a fictional district social service (VR-1–8).

Reporters, reports in every stage (some past their one-day deadline), confirmation
calls, field visits (live positions only for visits under way), identification reports
and referrals to UPTD PPA / Puspaga. All names, numbers and places are fictional.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from models.audit import PrincipalKind, WorkflowHistory
from models.numbering import NumberSequence
from models.organisation import Agency, AgencyKind, Gender, Position, Staff
from models.violence_reports import (
    ConfirmationCall,
    ConfirmationCallOutcome,
    FieldVisit,
    FieldVisitStatus,
    IdentificationReport,
    IdentificationRiskLevel,
    Referral,
    ReferralStatus,
    RelationToVictim,
    Reporter,
    ReporterStatus,
    VictimKind,
    ViolenceKind,
    ViolenceReport,
    VisitPosition,
)
from models.violence_reports import ViolenceReportStatus as S
from server.demo.context import DemoContext


def _id(record: Any) -> Any:
    """The id of a record from an earlier loader (bulk-created rows are not 'saved' instances)."""
    return None if record is None else record.id


ADMIN_TITLE = "Admin Aplikasi PELUKAN"
COMPANION_TITLE = "Pendamping PELUKAN"

# The path a report takes (VR-3–6); `rejected` branches off after submission.
PATH = [
    S.SUBMITTED,
    S.CONFIRMED,
    S.VERIFICATION_ASSIGNED,
    S.VISIT_UNDER_WAY,
    S.IDENTIFIED,
    S.REFERRED,
    S.CLOSED,
]
ACTIONS = {
    S.CONFIRMED: "confirm",
    S.VERIFICATION_ASSIGNED: "assign_verification",
    S.VISIT_UNDER_WAY: "start_visit",
    S.IDENTIFIED: "submit_identification",
    S.REFERRED: "refer",
    S.CLOSED: "close",
    S.REJECTED: "reject",
}

# (status, hours since submission): ~15 reports across every stage; a few are past due.
PLAN: list[tuple[S, int]] = [
    (S.SUBMITTED, 2),
    (S.SUBMITTED, 30),  # overdue: nobody picked it up
    (S.CONFIRMED, 5),
    (S.CONFIRMED, 27),  # overdue
    (S.VERIFICATION_ASSIGNED, 6),
    (S.VERIFICATION_ASSIGNED, 9),  # a first visit was cancelled
    (S.VISIT_UNDER_WAY, 4),  # companion en route
    (S.VISIT_UNDER_WAY, 8),  # companion arrived
    (S.IDENTIFIED, 12),
    (S.IDENTIFIED, 40),  # overdue
    (S.REFERRED, 20),
    (S.REFERRED, 70),
    (S.CLOSED, 24 * 5),
    (S.CLOSED, 24 * 9),  # Puspaga declined first, UPTD PPA handled it
    (S.REJECTED, 24 * 3),
]

NARRATIVES = {
    ViolenceKind.PHYSICAL: "Korban (fiktif) dipukul oleh anggota keluarga di rumah pada malam hari.",
    ViolenceKind.PSYCHOLOGICAL: "Korban (fiktif) terus diancam dan dihina sehingga takut keluar rumah.",
    ViolenceKind.SEXUAL: "Korban (fiktif) mengalami perbuatan tidak senonoh oleh orang yang dikenalnya.",
    ViolenceKind.NEGLECT: "Anak (fiktif) sering ditinggal sendirian berhari-hari tanpa makanan yang cukup.",
    ViolenceKind.EXPLOITATION: "Anak (fiktif) dipaksa mengemis di persimpangan jalan setiap hari.",
    ViolenceKind.TRAFFICKING: "Korban (fiktif) dijanjikan pekerjaan di kota lain lalu ditahan dokumennya.",
    ViolenceKind.OTHER: "Pelapor (fiktif) melihat kejadian mencurigakan yang menimpa korban.",
}
NUMBER_WORDS = ["Satu", "Dua", "Tiga", "Empat", "Lima", "Enam", "Tujuh", "Delapan", "Sembilan", "Sepuluh"]


async def _agency(ctx: DemoContext, kind: AgencyKind, code: str, name: str) -> Agency:
    """The agency of this kind from the organisation loader, or a fictional one."""
    agency = ctx.agencies.get(kind.value)
    if agency is None:
        agency = await Agency.create(code=code, name=name, kind=kind, region="Kabupaten Fiktif")
        ctx.agencies[kind.value] = agency
    return agency


async def _service_staff(ctx: DemoContext, agency: Agency, title: str, count: int, slug: str) -> list[Staff]:
    """The service's admins or companions (VR-8: 3 admins, 8 companions), created if absent."""
    existing = await Staff.filter(agency_id=agency.id, title=title).order_by("employee_number")
    people = list(existing)
    for number in range(len(people) + 1, count + 1):
        gender = Gender.FEMALE if (number % 3 != 0) else Gender.MALE
        person = await Staff.create(
            employee_number=f"PLK-{slug.upper()}-{number:02d}",
            full_name=f"{'Ibu' if gender is Gender.FEMALE else 'Bapak'} {slug.capitalize()} Fiktif {number}",
            email=f"{slug}{number}.pelukan@dinsos-fiktif.example",
            phone=f"0812-9{number:03d}-{ctx.rng.randint(1000, 9999)}",
            position=Position.EXTERNAL,
            title=title,
            gender=gender,
            agency_id=_id(agency),
        )
        people.append(person)
        ctx.staff.append(person)
    return people


def _history(
    report: ViolenceReport, states: list[S], times: list[datetime], actor: Staff | None
) -> list[Any]:
    rows = []
    previous: S | None = None
    for state, at in zip(states, times, strict=True):
        rows.append(
            WorkflowHistory(
                subject_type="ViolenceReport",
                subject_id=report.id,
                action="submit" if previous is None else ACTIONS[state],
                from_state=previous.value if previous else None,
                to_state=state.value,
                actor_id=_id(None if previous is None else actor),
                principal_kind=PrincipalKind.REPORTER if previous is None else PrincipalKind.STAFF,
                principal_ref=str(report.reporter_id) if previous is None else None,
                reason="Nomor tidak dapat dihubungi dan laporan tidak dapat diverifikasi."
                if state is S.REJECTED
                else None,
                occurred_at=at,
            )
        )
        previous = state
    return rows


async def load(ctx: DemoContext) -> None:
    rng = ctx.rng
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    service = await _agency(
        ctx, AgencyKind.DISTRICT_SOCIAL_SERVICE, "DINSOS-FIKTIF", "Dinas Sosial PPKB P3A Kabupaten Fiktif"
    )
    uptd = await _agency(ctx, AgencyKind.UPTD_PPA, "UPTD-PPA-FIKTIF", "UPTD PPA Kabupaten Fiktif")
    puspaga = await _agency(ctx, AgencyKind.PUSPAGA, "PUSPAGA-FIKTIF", "Puspaga Kabupaten Fiktif")
    admins = await _service_staff(ctx, service, ADMIN_TITLE, 3, "admin")
    companions = await _service_staff(ctx, service, COMPANION_TITLE, 8, "pendamping")
    ctx.progress("violence reports: 3 admins, 8 companions")

    reporters = []
    for number in range(1, 6):
        reporter = await Reporter.create(
            agency_id=_id(service),
            phone=f"0857-0000-{number:04d}",
            phone_verified_at=now - timedelta(days=30 - number),
            display_name=f"Pelapor Fiktif {NUMBER_WORDS[number - 1]}" if number != 4 else None,
            status=ReporterStatus.BLOCKED if number == 5 else ReporterStatus.ACTIVE,
            last_seen_at=now - timedelta(hours=number),
        )
        reporters.append(reporter)
    active_reporters = [r for r in reporters if r.status is ReporterStatus.ACTIVE]
    ctx.progress("violence reports: reporters 5/5")

    region = service.region or "Kabupaten Fiktif"
    history: list[Any] = []
    calls: list[ConfirmationCall] = []
    positions: list[VisitPosition] = []
    for index, (status, age_hours) in enumerate(PLAN, start=1):
        child = rng.random() < 0.6
        kind = rng.choice(list(ViolenceKind))
        if kind in (ViolenceKind.NEGLECT, ViolenceKind.EXPLOITATION):
            child = True
        submitted = now - timedelta(hours=age_hours, minutes=rng.randint(0, 50))
        admin = admins[index % len(admins)]
        companion = companions[index % len(companions)]
        reached = PATH.index(status) if status in PATH else -1
        lat, lon = -7.35 + rng.uniform(-0.1, 0.1), 108.1 + rng.uniform(-0.1, 0.1)
        report = await ViolenceReport.create(
            code=f"PLK-{now.year}-{index:04d}",
            reporter=rng.choice(active_reporters) if status is not S.REJECTED else reporters[4],
            agency_id=_id(service),
            victim_kind=VictimKind.CHILD if child else VictimKind.WOMAN,
            victim_gender=Gender.FEMALE if not child or rng.random() < 0.6 else Gender.MALE,
            victim_age=rng.randint(4, 16) if child else rng.randint(18, 55),
            victim_name=f"{'Anak' if child else 'Korban'} Fiktif {NUMBER_WORDS[index % 10]}",
            violence_kind=kind,
            occurred_at=submitted - timedelta(hours=rng.randint(2, 72)),
            address=f"Jl. Contoh No. {index}, Desa Fiktif, Kecamatan Contoh",
            coordinates=f"{lat:.5f},{lon:.5f}",
            region=region,
            narrative=NARRATIVES[kind],
            relation_to_victim=rng.choice(list(RelationToVictim)),
            submitted_at=submitted,
            due_at=submitted + timedelta(days=1),  # VR-7
            status=status,
            intake_admin_id=_id(admin if status is not S.SUBMITTED else None),
            companion_id=_id(companion if reached >= PATH.index(S.VERIFICATION_ASSIGNED) else None),
            confirmed_at=submitted + timedelta(hours=1) if reached >= 1 else None,
            closed_at=submitted + timedelta(hours=20) if status in (S.CLOSED, S.REJECTED) else None,
        )
        # Times of each stage reached, spread over the hours since submission.
        states = [S.SUBMITTED, S.REJECTED] if status is S.REJECTED else PATH[: reached + 1]
        step = timedelta(hours=min(age_hours, 20)) / max(len(states), 1)
        times = [submitted + step * i for i in range(len(states))]
        history += _history(report, states, times, admin)

        if status is S.REJECTED:
            calls += [
                ConfirmationCall(
                    report=report,
                    admin_id=_id(admin),
                    called_at=times[0] + timedelta(minutes=30),
                    outcome=ConfirmationCallOutcome.NO_ANSWER,
                    note="Tidak diangkat.",
                ),
                ConfirmationCall(
                    report=report,
                    admin_id=_id(admin),
                    called_at=times[0] + timedelta(hours=3),
                    outcome=ConfirmationCallOutcome.WRONG_NUMBER,
                    note="Nomor bukan milik pelapor.",
                ),
            ]
            continue
        if reached >= 1:
            if index % 4 == 0:
                calls.append(
                    ConfirmationCall(
                        report=report,
                        admin_id=_id(admin),
                        called_at=times[1] - timedelta(minutes=40),
                        outcome=ConfirmationCallOutcome.NO_ANSWER
                        if index % 8
                        else ConfirmationCallOutcome.DECLINED,
                        note="Dicoba lagi nanti." if index % 8 else "Pelapor minta dihubungi kembali nanti.",
                    )
                )
            calls.append(
                ConfirmationCall(
                    report=report,
                    admin_id=_id(admin),
                    called_at=times[1],
                    outcome=ConfirmationCallOutcome.REACHED,
                    note="Pelapor membenarkan laporan.",
                )
            )
        if reached < 2:
            continue
        if index == 6:  # a first visit cancelled (companion taken ill), then reassigned
            await FieldVisit.create(
                report=report,
                companion_id=_id(companions[(index + 3) % 8]),
                assigned_by_id=_id(admin),
                status=FieldVisitStatus.CANCELLED,
                assigned_at=times[2] - timedelta(hours=2),
                ended_at=times[2] - timedelta(hours=1),
            )
        visit_status = {
            S.VERIFICATION_ASSIGNED: FieldVisitStatus.ASSIGNED,
            S.VISIT_UNDER_WAY: FieldVisitStatus.EN_ROUTE if index % 2 else FieldVisitStatus.ARRIVED,
        }.get(status, FieldVisitStatus.COMPLETED)
        departed = times[2] + timedelta(minutes=20)
        arrived = departed + timedelta(minutes=rng.randint(25, 70))
        visit = await FieldVisit.create(
            report=report,
            companion_id=_id(companion),
            assigned_by_id=_id(admin),
            status=visit_status,
            assigned_at=times[2],
            departed_at=departed if visit_status is not FieldVisitStatus.ASSIGNED else None,
            arrived_at=arrived
            if visit_status in (FieldVisitStatus.ARRIVED, FieldVisitStatus.COMPLETED)
            else None,
            ended_at=arrived + timedelta(hours=1) if visit_status is FieldVisitStatus.COMPLETED else None,
        )
        if visit_status in (FieldVisitStatus.EN_ROUTE, FieldVisitStatus.ARRIVED):
            # VR-4: positions exist only while the visit is under way, closing in on the place.
            start_lat, start_lon = lat + 0.05, lon - 0.04
            points = 6
            for point in range(points):
                share = point / (points - 1) if visit_status is FieldVisitStatus.ARRIVED else point / points
                positions.append(
                    VisitPosition(
                        visit=visit,
                        latitude=f"{start_lat + (lat - start_lat) * share:.5f}",
                        longitude=f"{start_lon + (lon - start_lon) * share:.5f}",
                        recorded_at=departed + timedelta(minutes=5 * point),
                    )
                )
        if reached < PATH.index(S.IDENTIFIED):
            continue
        risk = rng.choice(list(IdentificationRiskLevel))
        await IdentificationReport.create(
            report=report,
            visit=visit,
            companion_id=_id(companion),
            findings="Korban (fiktif) ditemui bersama keluarga; kondisi fisik dan psikis dicatat.",
            needs=rng.choice(
                [
                    "Pendampingan psikologis dan pemeriksaan kesehatan.",
                    "Tempat tinggal sementara yang aman dan pendampingan hukum.",
                    "Konseling keluarga dan pemantauan sekolah anak.",
                ]
            ),
            risk_level=risk,
            needs_protection=risk in (IdentificationRiskLevel.HIGH, IdentificationRiskLevel.URGENT)
            and kind is ViolenceKind.TRAFFICKING,
            written_at=arrived + timedelta(hours=2),
        )
        if reached < PATH.index(S.REFERRED):
            continue
        referred_at = times[PATH.index(S.REFERRED)]
        if index == 14:
            await Referral.create(
                report=report,
                to_agency_id=_id(puspaga),
                referred_by_id=_id(admin),
                referred_at=referred_at - timedelta(hours=3),
                reason="Konseling keluarga.",
                status=ReferralStatus.DECLINED,
                decline_reason="Kasus memerlukan layanan UPTD PPA, bukan konseling keluarga.",
            )
        target = uptd if (kind in (ViolenceKind.SEXUAL, ViolenceKind.TRAFFICKING) or index == 14) else puspaga
        referral_status = {11: ReferralStatus.SENT, 12: ReferralStatus.ACKNOWLEDGED}.get(
            index, ReferralStatus.HANDLED
        )
        await Referral.create(
            report=report,
            to_agency_id=_id(target),
            referred_by_id=_id(admin),
            referred_at=referred_at,
            reason="Tindak lanjut penanganan korban sesuai hasil identifikasi.",
            status=referral_status,
            acknowledged_at=referred_at + timedelta(hours=2)
            if referral_status is not ReferralStatus.SENT
            else None,
            handling_report="Korban telah menerima layanan konseling dan pendampingan (fiktif)."
            if referral_status is ReferralStatus.HANDLED
            else None,
            handled_at=referred_at + timedelta(days=2) if referral_status is ReferralStatus.HANDLED else None,
        )
    await ConfirmationCall.bulk_create(calls)
    await VisitPosition.bulk_create(positions)
    await WorkflowHistory.bulk_create(history)
    await NumberSequence.create(series="PLK", issuer=service.code, year=now.year, last_number=len(PLAN))
    ctx.progress(f"violence reports: reports {len(PLAN)}/{len(PLAN)}")
