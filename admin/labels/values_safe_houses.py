"""Indonesian words for the values of the safe-house and placement enums (Q-U3), in the terms of
Peraturan LPSK 4/2023 (Pengelolaan Rumah Aman).

Keyed by enum, then by stored value (admin/labels/__init__.py). A state value without a word here
takes its word from admin/labels/choices.py. Words name kinds and roles only, never a place.
"""

from __future__ import annotations

from enum import Enum

from models.placements import (
    AccessibilityAidKind,
    BelongingsCategory,
    BelongingsOwner,
    BelongingsRecordKind,
    CompanionKind,
    ExaminationKind,
    ExaminationTrigger,
    NeedsRequestCategory,
    PlacementKind,
    PlacementTerminationReason,
    PreparationItemKind,
    ResidentActivityKind,
    ResidentAssessmentKind,
    ResidentThreatLevel,
    SafeHouseMonitoringSource,
    SafeHousePlace,
    TemporaryHandlingPurpose,
)
from models.safe_houses import (
    DutyRosterRole,
    SafeHouseManagerRole,
    SafeHouseStandardCategory,
    SafeHouseStandardItemKind,
)

VALUES: dict[type[Enum], dict[str, str]] = {
    # Pasal 6.
    SafeHouseStandardCategory: {"security": "Keamanan", "safety": "Keselamatan", "health": "Kesehatan"},
    SafeHouseStandardItemKind: {
        "secrecy": "Sifat rahasia",
        "cctv": "Kamera pengawas",
        "perimeter_fence": "Pagar pembatas",
        "metal_detector": "Alat deteksi logam",
        "security_other": "Fasilitas keamanan lainnya",
        "disaster_safe_location": "Lokasi aman dari bahaya bencana",
        "secret_transport_route": "Jalur transportasi rahasia",
        "evacuation_route": "Jalur evakuasi rahasia",
        "safe_from_threats": "Aman dari ancaman fisik dan psikologis",
        "health_protocol": "Standar protokol kesehatan",
        "healthy_house_criteria": "Kriteria rumah sehat",
    },
    # Pasal 34–35.
    SafeHouseManagerRole: {
        "bureau_head_responsible": "Penanggung jawab Rumah Aman (kepala biro)",
        "head_of_safe_house": "Kepala Rumah Aman",
        "staff_meals": "Pegawai yang ditunjuk: keperluan konsumsi",
        "staff_daily_needs": "Pegawai yang ditunjuk: keperluan harian",
        "staff_cleaning": "Pegawai yang ditunjuk: kebersihan",
        "staff_driver": "Pegawai yang ditunjuk: pengemudi",
        "staff_admin": "Pegawai yang ditunjuk: administrasi",
        "daily_duty": "Pegawai tugas harian",
    },
    DutyRosterRole: {
        "manager": "Pengurus Rumah Aman",
        "guard": "Satuan Tugas Pengamanan dan Pengawalan",
        "daily_staff": "Pegawai tugas harian",
    },
    # Pasal 4 ayat (2) and Pasal 9.
    PlacementKind: {
        "regular": "Penempatan reguler",
        "emergency": "Perlindungan Darurat",
        "temporary_handling": "Penanganan sementara",
    },
    # Pasal 5.
    TemporaryHandlingPurpose: {
        "rapid_response": "Penanganan respon cepat",
        "testimony_preparation": "Persiapan pemberian keterangan",
        "medical_psychological": "Bantuan medis dan/atau psikologis",
        "evacuation": "Evakuasi",
    },
    # Pasal 12 ayat (1) huruf a–e.
    PreparationItemKind: {
        "information_given": "Pemberian informasi Rumah Aman",
        "belongings_security_check": "Pemeriksaan keamanan barang",
        "initial_medical_psych_assessment": "Penilaian awal kondisi medis dan psikologis",
        "initial_threat_assessment": "Penilaian awal tingkat ancaman",
        "activity_program": "Penyusunan program kegiatan",
    },
    # Pasal 14.
    BelongingsCategory: {
        "communication_device": "Alat komunikasi",
        "sharp_weapon": "Senjata tajam",
        "dangerous_item": "Barang lain yang membahayakan",
        "other": "Lainnya",
    },
    BelongingsRecordKind: {"secured": "Diamankan", "returned": "Dikembalikan"},
    BelongingsOwner: {"protectee": "Saksi dan/atau Korban", "companion": "Pendamping"},
    # Pasal 25 ayat (2).
    CompanionKind: {"family_member": "Keluarga", "lpsk_provided": "Pendamping yang disediakan LPSK"},
    # Pasal 24 ayat (2) huruf b–c.
    AccessibilityAidKind: {
        "independence_aid": "Alat bantu kemandirian",
        "health_aid": "Alat bantu kesehatan",
    },
    # Pasal 22.
    ExaminationKind: {"medical": "Pemeriksaan medis", "psychological": "Pemeriksaan psikologis"},
    ExaminationTrigger: {
        "complaint": "Keluhan Saksi dan/atau Korban",
        "manager_observation": "Pengamatan Pengurus Rumah Aman",
        "officer_observation": "Pengamatan pegawai tugas harian",
    },
    # Pasal 20, 27–29.
    SafeHousePlace: {"inside": "Di dalam Rumah Aman", "outside": "Di luar Rumah Aman"},
    ResidentActivityKind: {
        "routine": "Kegiatan rutin (tata tertib)",
        "assessed_other": "Kegiatan lainnya sesuai kebutuhan",
    },
    # Pasal 21.
    NeedsRequestCategory: {
        "basic": "Kebutuhan pokok",
        "other": "Kebutuhan lainnya",
        "education": "Fasilitasi pendidikan",
    },
    # Pasal 15–16, 23, 30 ayat (3) huruf a.
    ResidentAssessmentKind: {
        "medical": "Kondisi medis",
        "psychological": "Kondisi psikologis",
        "threat_initial": "Penilaian awal tingkat ancaman",
        "threat_continued": "Penilaian lanjutan tingkat ancaman",
        "threat_final": "Penilaian akhir tingkat ancaman",
    },
    ResidentThreatLevel: {"low": "Rendah", "medium": "Sedang", "high": "Tinggi"},
    # Pasal 30 ayat (1)–(2).
    SafeHouseMonitoringSource: {
        "managers": "Laporan Pengurus Rumah Aman",
        "case_officer": "Laporan pegawai LPSK yang menangani kasus",
        "task_force": "Laporan Satuan Tugas Pengamanan dan Pengawalan",
        "leaders": "Pimpinan LPSK",
        "bureau_head": "Kepala biro pemenuhan hak Saksi dan Korban",
        "ad_hoc": "Sewaktu-waktu sesuai kebutuhan",
    },
    # Pasal 32 huruf a–e.
    PlacementTerminationReason: {
        "person_request": "Permintaan Saksi dan/atau Korban",
        "official_request": "Permintaan pejabat yang berwenang",
        "breach": "Melanggar perjanjian Perlindungan atau tata tertib Rumah Aman",
        "no_longer_needed": "Tidak lagi memerlukan Perlindungan di Rumah Aman",
        "not_a_protectee": "Diputuskan tidak menjadi Terlindung",
    },
}
