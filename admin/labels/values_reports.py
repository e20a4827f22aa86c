"""Indonesian words for the values of the proactive-action, complaint and violence-report enums (Q-U3),
in the terms of the service standards for proactive action and for PELUKAN reports.

Keyed by enum, then by stored value (admin/labels/__init__.py). A state value without a word here
takes its word from admin/labels/choices.py.
"""

from __future__ import annotations

from enum import Enum

from models.proactive_actions import (
    ComplaintChannel,
    ComplaintKind,
    ProactiveOutcome,
    ProactiveTeamRole,
    ProactiveTrigger,
    ServiceConcerned,
)
from models.violence_reports import (
    ConfirmationCallOutcome,
    IdentificationRiskLevel,
    RelationToVictim,
    VictimKind,
    ViolenceKind,
)

VALUES: dict[type[Enum], dict[str, str]] = {
    # Standar pelayanan tindakan proaktif, A.1 angka 1–4.
    ProactiveTrigger: {
        "remit_or_public_concern": "Tindak pidana kewenangan LPSK dan/atau perhatian publik",
        "leaders_consideration": "Pertimbangan Pimpinan LPSK",
        "officer_report": "Laporan petugas LPSK",
        "law_enforcement_input": "Masukan penegak hukum",
        "other_agency_input": "Masukan instansi terkait lainnya",
        "terrorism": "Sesaat setelah dugaan tindak pidana terorisme",
    },
    # A.2 Keterangan angka 4 huruf a–c.
    ProactiveOutcome: {
        "no_application": "Tidak ada pengajuan permohonan",
        "application_filed": "Terdapat pengajuan permohonan",
        "emergency_protection": "Dilakukan Perlindungan Darurat",
    },
    ProactiveTeamRole: {"lead": "Ketua tim", "member": "Anggota tim"},
    # A.6: Penanganan Pengaduan, Saran, dan Masukan/Apresiasi.
    ComplaintKind: {"complaint": "Pengaduan", "suggestion": "Saran", "appreciation": "Masukan/Apresiasi"},
    ComplaintChannel: {
        "hotline": "Hotline",
        "website": "Website LPSK",
        "whatsapp": "WhatsApp",
        "national_portal": "lapor.go.id",
    },
    ServiceConcerned: {
        "protection_application": "Permohonan Perlindungan",
        "proactive_action": "Tindakan proaktif",
        "protection_program": "Program Perlindungan",
        "safe_house": "Rumah Aman",
        "violence_report": "Laporan tindak kekerasan (PELUKAN)",
        "other": "Lainnya",
    },
    # PELUKAN: Pelayanan Laporan Tindak Kekerasan terhadap Perempuan dan Anak.
    VictimKind: {"woman": "Perempuan", "child": "Anak"},
    ViolenceKind: {
        "physical": "Kekerasan fisik",
        "psychological": "Kekerasan psikis",
        "sexual": "Kekerasan seksual",
        "neglect": "Penelantaran",
        "exploitation": "Eksploitasi",
        "trafficking": "Perdagangan orang",
        "other": "Lainnya",
    },
    RelationToVictim: {
        "self": "Korban sendiri",
        "parent": "Orang tua",
        "spouse": "Suami/istri",
        "other_family": "Keluarga lainnya",
        "neighbour": "Tetangga",
        "friend": "Teman",
        "teacher": "Guru",
        "official": "Pejabat/petugas",
        "other": "Lainnya",
    },
    ConfirmationCallOutcome: {
        "reached": "Tersambung",
        "no_answer": "Tidak diangkat",
        "wrong_number": "Nomor salah",
        "declined": "Pelapor menolak",
    },
    IdentificationRiskLevel: {"low": "Rendah", "medium": "Sedang", "high": "Tinggi", "urgent": "Mendesak"},
}
