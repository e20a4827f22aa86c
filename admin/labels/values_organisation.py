"""Indonesian words for the values of the organisation, assignment, performance and audit enums (Q-U3),
in the terms of Peraturan Sekretaris Jenderal LPSK 3/2023 (Mekanisme Kerja).

Keyed by enum, then by stored value (admin/labels/__init__.py). A state value without a word here
takes its word from admin/labels/choices.py.
"""

from __future__ import annotations

from enum import Enum

from models.assignments import (
    AssignmentKind,
    AssignmentPath,
    AssignmentScope,
    InvolvementDirection,
    TeamRole,
)
from models.audit import PrincipalKind
from models.idempotency import IdempotencyStatus
from models.organisation import AgencyKind, CompetencyLevel, Gender, Position, UnitFunction, UnitKind
from models.performance import (
    AppraisalRating,
    CoordinationStage,
    PerformanceTargetStatus,
    RoleAllocationStatus,
    TargetLevel,
    TeamDirectionKind,
    TeamDirectionStatus,
    WorkReportKind,
    WorkReportStatus,
)

VALUES: dict[type[Enum], dict[str, str]] = {
    # Pasal 1 and Lamp. Bab II.
    Position: {
        "leader": "Pimpinan LPSK",
        "secretary_general": "Sekretaris Jenderal",
        "unit_head": "Pimpinan Unit Kerja",
        "administrator": "Administrator",
        "functional_official": "Pejabat Fungsional",
        "executor": "Pelaksana",
        "expert": "Tenaga Ahli",
        "external": "Pegawai instansi mitra",
    },
    UnitKind: {
        "leadership": "Pimpinan",
        "secretariat": "Sekretariat Jenderal",
        "bureau": "Biro",
        "division": "Bagian",
        "regional_office": "Perwakilan LPSK",
        "administrative": "Unit Kerja Jabatan Administrasi",
    },
    UnitFunction: {
        "leadership": "Pimpinan",
        "secretariat": "Sekretariat Jenderal",
        "general_affairs_hr": "Umum dan Kepegawaian",
        "legal_cooperation_pr": "Hukum, Kerja Sama, dan Hubungan Masyarakat",
        "application_review": "Penelaahan Permohonan",
        "rights_fulfilment": "Pemenuhan Hak Saksi dan Korban",
        "oversight": "Pengawasan",
        "regional": "Perwakilan",
        "other": "Lainnya",
    },
    AgencyKind: {
        "police": "Kepolisian",
        "prosecutor": "Kejaksaan",
        "court": "Pengadilan",
        "hospital": "Rumah sakit",
        "district_social_service": "Dinas Sosial kabupaten/kota",
        "uptd_ppa": "UPTD PPA",
        "puspaga": "Puspaga",
        "civil_registry": "Dinas Kependudukan dan Catatan Sipil",
        "local_government": "Pemerintah daerah",
        "other": "Lainnya",
    },
    Gender: {"female": "Perempuan", "male": "Laki-laki"},
    CompetencyLevel: {"basic": "Dasar", "intermediate": "Menengah", "advanced": "Mahir", "expert": "Ahli"},
    # Pasal 9 ayat (1).
    AssignmentKind: {"appointment": "Penunjukan", "voluntary_application": "Pengajuan Sukarela"},
    AssignmentScope: {"individual": "Individu", "team": "Tim kerja"},
    # Lamp. Bab III A–B: the mechanisms, one per figure (Gambar 3–9).
    AssignmentPath: {
        "within_unit_appointment": "Penunjukan dalam lingkup Unit Kerja",
        "cross_unit_appointment": "Penunjukan lintas Unit Kerja",
        "outbound_agency_appointment": "Penunjukan lintas Instansi atas permintaan LPSK",
        "inbound_agency_request": "Penunjukan lintas Instansi atas permintaan instansi lain",
        "within_unit_voluntary": "Pengajuan Sukarela dalam lingkup Unit Kerja",
        "cross_unit_voluntary": "Pengajuan Sukarela lintas Unit Kerja",
        "outbound_agency_voluntary": "Pengajuan Sukarela lintas Instansi ke instansi lain",
        "inbound_agency_voluntary": "Pengajuan Sukarela lintas Instansi dari instansi lain",
    },
    InvolvementDirection: {
        "internal_cross_unit": "Lintas Unit Kerja",
        "outbound_to_agency": "Ke instansi lain",
        "inbound_from_agency": "Dari instansi lain",
    },
    TeamRole: {"lead": "Ketua tim", "member": "Anggota tim"},
    TargetLevel: {
        "organisation": "Organisasi",
        "unit": "Unit Kerja",
        "team": "Tim kerja",
        "individual": "Individu",
    },
    # A target is withdrawn by whoever set it, not by an applicant.
    PerformanceTargetStatus: {"withdrawn": "Ditarik"},
    # Lamp. Bab III 3.a.1.d.6: coordination at planning, execution, monitoring and evaluation.
    CoordinationStage: {
        "planning": "Perencanaan",
        "execution": "Pelaksanaan",
        "monitoring": "Pemantauan",
        "evaluation": "Evaluasi",
    },
    # Lamp. Bab II 2.c–d.
    TeamDirectionKind: {
        "direction": "Arahan terpadu",
        "input": "Masukan",
        "feedback": "Umpan balik",
        "collaboration": "Kolaborasi antartim",
    },
    TeamDirectionStatus: {"given": "Diberikan"},
    RoleAllocationStatus: {"allocated": "Peran dibagikan"},
    AppraisalRating: {
        "below_expectations": "Di bawah ekspektasi",
        "meets_expectations": "Sesuai ekspektasi",
        "above_expectations": "Di atas ekspektasi",
    },
    WorkReportKind: {
        "periodic": "Berkala",
        "on_demand": "Atas permintaan",
        "team_summary": "Kompilasi laporan tim",
    },
    # A work report is asked for by the Secretary General, not filed by someone (RPT-2).
    WorkReportStatus: {"requested": "Diminta"},
    PrincipalKind: {
        "staff": "Pegawai",
        "partner_token": "Token instansi mitra",
        "reporter": "Pelapor",
        "system": "Sistem",
        "anonymous": "Anonim",
    },
    IdempotencyStatus: {"pending": "Sedang diproses", "done": "Selesai"},
}
