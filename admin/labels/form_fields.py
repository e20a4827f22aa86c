"""Labels of the workflow forms' input fields that are no table column (admin/forms.py, Q-U3).

Keyed like the columns (admin/labels/__init__.py): `<field>`, or `<table>.<field>` where one
workflow's form needs its own word. A value is the Indonesian word, or (Indonesian, English) where
the English generated from the name reads badly ('officer_ids' → 'Officer ids'). The words are the
regulations' (/work/shared/seeds): Surat Penugasan, Petugas, Terlindung, advokat, penerjemah,
alasan penghentian (Pasal 40(2)), persetujuan Atasan (Pasal 11(2)), surat pemberitahuan.
"""

from __future__ import annotations

FORM_FIELDS: dict[str, str | tuple[str, str]] = {
    # A person's data on an application (APP-3: secret, kept encrypted).
    "address": "Alamat",
    "birth_date": "Tanggal lahir",
    "nik": ("NIK (Nomor Induk Kependudukan)", "NIK (national ID number)"),
    "phone": ("Nomor telepon", "Phone number"),
    "requested_programs": ("Program perlindungan yang dimohonkan", "Protection programs requested"),
    # A complaint (AC-11: the complainant's identity is secret).
    "complainant_name": "Nama pengadu",
    "complainant_contact": ("Kontak pengadu (telepon atau e-mail)", "Complainant's phone or e-mail"),
    # The LPSK decision (DEC-1, DEC-2, APP-2, ADM-3).
    "grants": ("Program perlindungan yang diberikan", "Protection programs granted"),
    "covered_family_member_ids": ("Anggota keluarga yang dilindungi", "Covered family members"),
    "law_enforcement_agency_ids": (
        "Aparat penegak hukum yang diberi surat pemberitahuan",
        "Law-enforcement agencies notified",
    ),
    # Assignments and teams (ASG-1…ASG-8, PRO-2, PRO-4, Pasal 11(2)).
    "team_name": "Nama tim",
    "member_ids": ("Anggota tim", "Team members"),
    "requested_staff_ids": ("Petugas yang diminta", "Staff requested"),
    "superior_approval": ("Persetujuan tertulis Atasan", "Superior's written approval"),
    "officer_ids": ("Petugas", "Officers"),
    "assignment_letter_ids": ("Surat Penugasan para Petugas", "Assignment letters of the officers"),
    # The escalation of a cross-unit team's problem (RPT-5).
    "member_id": ("Anggota tim", "Team member"),
    # The evaluation reviewed (PERF-3): the same word as the evaluation's sg_review column.
    "review": "Telaah",
    # Delivering a document to the protectee (ADM-2): as the documents' delivery_method column.
    "method": ("Cara penyampaian", "Delivery method"),
    # Programs: legal aid by an advocate, interpreters (PRG-4), medical (PRG-6) and psychological
    # (PRG-7, Pasal 36–37) help, termination (Pasal 40(2)).
    "advocate_name": "Nama advokat",
    "interpreter_name": ("Nama penerjemah atau layanan penerjemahan", "Interpreter or interpreting service"),
    "term_until": ("Jangka waktu penugasan sampai", "Term ends on"),
    "mechanism": ("Mekanisme layanan medis", "Medical service mechanism"),
    "provider_kind": ("Pemberi bantuan rehabilitasi psikologis", "Psychological help provider"),
    "licence_number": ("Nomor izin praktik atau sertifikat", "Practice licence or certificate number"),
    "no_local_provider_note": (
        "Keterangan tidak tersedianya psikolog berizin di wilayah tempat tinggal",
        "Why no licensed provider is available locally",
    ),
    # The spec says "terminate"; the seed's word for it is penghentian (Pasal 40–41).
    "grounds": ("Alasan penghentian", "Grounds for termination"),
}
