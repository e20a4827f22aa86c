"""Indonesian words for the values of the protection enums: cases, applications, decisions, programs
and their letters (Q-U3), in the terms of Peraturan LPSK 1/2022 (Pemberian Perlindungan).

Keyed by enum, then by stored value (admin/labels/__init__.py). A state value without a word here
takes its word from admin/labels/choices.py.
"""

from __future__ import annotations

from enum import Enum

from models.cases import (
    AgeBand,
    ApplicationChannel,
    ApplicationInitiator,
    CrimeType,
    DecisionKind,
    DecisionOutcome,
    DisabilityKind,
    FamilyRelation,
    LawEnforcementStage,
    ProtecteeRole,
    ThreatLevel,
)
from models.documents import DeliveryMethod, DocumentKind, OfficialRecordType
from models.programs import (
    ChecklistItemKind,
    CostCategory,
    EmergencyGround,
    EvaluationRecommendation,
    EvaluationTiming,
    InterpreterKind,
    MedicalMechanism,
    MonitoringKind,
    MonitorRole,
    ProgramFamily,
    ProgramKind,
    PsychologicalProviderKind,
    TerminationReason,
)

VALUES: dict[type[Enum], dict[str, str]] = {
    # Pasal 1 angka 5: who may be a Terlindung.
    ProtecteeRole: {
        "witness": "Saksi",
        "victim": "Korban",
        "justice_collaborator": "Saksi Pelaku",
        "whistleblower": "Pelapor",
        "expert": "Ahli",
        "related_testimony": "Pemberi keterangan terkait perkara",
    },
    ApplicationInitiator: {
        "self": "Atas inisiatif sendiri",
        "official": "Atas permintaan pejabat yang berwenang",
    },
    ApplicationChannel: {
        "walk_in": "Datang langsung",
        "online": "Daring",
        "referral": "Rujukan",
        "proactive": "Tindakan proaktif",
    },
    CrimeType: {
        "terrorism": "Terorisme",
        "sexual_violence": "Kekerasan seksual",
        "gross_human_rights_violation": "Pelanggaran hak asasi manusia yang berat",
        "trafficking": "Perdagangan orang",
        "torture": "Penyiksaan",
        "corruption": "Korupsi",
        "narcotics": "Narkotika",
        "child_abuse": "Kekerasan terhadap anak",
        "financial": "Tindak pidana keuangan",
        "other": "Lainnya",
    },
    LawEnforcementStage: {
        "report": "Pelaporan",
        "inquiry": "Penyelidikan",
        "investigation": "Penyidikan",
        "prosecution": "Penuntutan",
        "trial": "Pemeriksaan di sidang pengadilan",
        "verdict": "Putusan",
        "appeal": "Upaya hukum",
        "executed": "Pelaksanaan putusan",
    },
    ThreatLevel: {"low": "Rendah", "medium": "Sedang", "high": "Tinggi"},
    # Pasal 15: changes to a program are an extension, an addition or a reduction.
    DecisionKind: {
        "initial": "Keputusan awal",
        "change": "Perubahan program Perlindungan",
        "extension": "Perpanjangan",
        "addition": "Penambahan",
        "reduction": "Pengurangan",
        "termination": "Penghentian program Perlindungan",
        "emergency": "Perlindungan Darurat",
    },
    DecisionOutcome: {
        "accepted": "Diterima",
        "partially_accepted": "Diterima sebagian",
        "rejected": "Ditolak",
    },
    FamilyRelation: {
        "spouse": "Suami/istri",
        "child": "Anak",
        "parent": "Orang tua",
        "sibling": "Saudara kandung",
        "grandparent": "Kakek/nenek",
        "other_blood_relative": "Keluarga sedarah lainnya (sampai derajat ketiga)",
        "dependant": "Tanggungan",
    },
    AgeBand: {
        "child_under_6": "Anak di bawah 6 tahun",
        "child_6_to_12": "Anak 6–12 tahun",
        "child_13_to_17": "Anak 13–17 tahun",
        "adult_18_to_59": "Dewasa 18–59 tahun",
        "elderly_60_plus": "Lanjut usia (60 tahun ke atas)",
    },
    DisabilityKind: {
        "physical": "Disabilitas fisik",
        "intellectual": "Disabilitas intelektual",
        "mental": "Disabilitas mental",
        "sensory": "Disabilitas sensorik",
        "multiple": "Disabilitas ganda",
    },
    # Pasal 2, 4 and 12: the two families of programs.
    ProgramFamily: {
        "rights_fulfilment": "Pemenuhan Hak",
        "assistance": "Pemberian Bantuan",
    },
    # Pasal 5–14, in their order.
    ProgramKind: {
        "safe_house": "Perlindungan di Rumah Aman",
        "close_protection": "Pengamanan melekat",
        "security_in_criminal_process": "Pengamanan dalam proses peradilan pidana",
        "threat_monitoring": "Pengawasan tingkat Ancaman",
        "new_identity": "Fasilitasi pengurusan identitas baru",
        "temporary_residence": "Fasilitasi tempat kediaman sementara",
        "new_residence": "Fasilitasi tempat kediaman baru",
        "other_physical": "Kebutuhan Perlindungan fisik lainnya",
        "testimony_without_pressure": "Pemberian keterangan tanpa tekanan",
        "interpreter": "Fasilitasi penerjemah",
        "freedom_from_entrapping_questions": "Bebas dari pertanyaan yang menjerat",
        "legal_advice": "Pemberian nasihat hukum",
        "legal_aid_advocate": "Bantuan hukum oleh advokat",
        "accompaniment": "Pendampingan",
        "living_cost_lost_income": "Biaya hidup sementara: penggantian penghasilan",
        "living_cost_clothing_food": "Biaya hidup sementara: sandang dan/atau pangan",
        "living_cost_education": "Biaya hidup sementara: pendidikan",
        "living_cost_medical": "Biaya hidup sementara: pengobatan",
        "living_cost_other": "Biaya hidup sementara lainnya",
        "transport_court_hearing": "Biaya transportasi selama proses peradilan",
        "transport_program": "Biaya transportasi selama program Perlindungan",
        "info_case_progress": "Informasi perkembangan penanganan kasus",
        "info_court_decision": "Informasi putusan pengadilan",
        "info_convict_release": "Informasi pembebasan terpidana",
        "legal_protection": "Perlindungan hukum",
        "jc_special_handling": "Penanganan secara khusus Saksi Pelaku",
        "jc_reward": "Penghargaan atas kesaksian Saksi Pelaku",
        "restitution_facilitation": "Fasilitasi restitusi",
        "compensation_facilitation": "Fasilitasi kompensasi",
        "other_rights": "Hak lainnya",
        "medical": "Bantuan Medis",
        "funeral_costs": "Biaya pemakaman",
        "death_benefit": "Santunan bagi keluarga Korban meninggal dunia",
        "psychosocial_clothing": "Rehabilitasi Psikososial: sandang",
        "psychosocial_food": "Rehabilitasi Psikososial: pangan",
        "psychosocial_housing": "Rehabilitasi Psikososial: papan",
        "psychosocial_employment": "Rehabilitasi Psikososial: perolehan pekerjaan",
        "psychosocial_education": "Rehabilitasi Psikososial: keberlangsungan pendidikan",
        "psychosocial_other": "Rehabilitasi Psikososial lainnya",
        "psychological_rehabilitation": "Bantuan Rehabilitasi Psikologis",
    },
    # Pasal 27.
    CostCategory: {
        "lost_income": "Penggantian penghasilan",
        "clothing_food": "Sandang dan/atau pangan",
        "education": "Biaya pendidikan",
        "medical": "Biaya pengobatan",
        "other_living": "Biaya hidup lainnya",
        "transport_court_hearing": "Biaya transportasi selama proses peradilan",
        "transport_program": "Biaya transportasi selama program Perlindungan",
    },
    # Pasal 38 ayat (3).
    EmergencyGround: {
        "life_at_risk": "Situasi mendesak untuk keselamatan jiwa Terlindung",
        "law_enforcement_need": "Kebutuhan proses penegakan hukum",
        "urgent_medical_psychological": "Tindakan medis dan/atau rehabilitasi psikologis segera",
    },
    # Pasal 42.
    MonitoringKind: {"monitoring": "Pemantauan", "evaluation": "Evaluasi"},
    MonitorRole: {
        "leaders": "Pimpinan LPSK",
        "rights_fulfilment_unit": "Unit kerja pemenuhan hak Saksi dan Korban",
        "agency": "Instansi terkait yang berwenang",
    },
    EvaluationTiming: {"during": "Saat pelaksanaan Perlindungan", "after": "Pasca pelaksanaan Perlindungan"},
    EvaluationRecommendation: {
        "continue": "Dilanjutkan",
        "extend": "Perpanjangan",
        "add": "Penambahan",
        "reduce": "Pengurangan",
        "terminate": "Penghentian",
        "none": "Tanpa rekomendasi",
    },
    # Pasal 22–25, 27: the steps before and during a program.
    ChecklistItemKind: {
        "needs_identification": "Identifikasi kebutuhan Terlindung",
        "threat_analysis": "Analisa tingkat Ancaman",
        "local_coordination": "Koordinasi dengan pemerintah setempat",
        "document_preparation": "Pengurusan dokumen administrasi",
        "court_petition": "Permohonan ke Pengadilan Negeri",
        "civil_registry_petition": "Permohonan ke Dinas Kependudukan dan Catatan Sipil",
        "coordination": "Koordinasi dengan instansi terkait",
        "accompaniment": "Pendampingan",
        "administrative_preparation": "Penyiapan administrasi",
        "provider_coordination": "Koordinasi dengan penyedia layanan",
        "appointment_decision": "Keputusan penunjukan",
        "cost_granting": "Pemberian penggantian biaya",
        "admin_financial_completion": "Penyelesaian administrasi dan keuangan",
    },
    # Pasal 36–37.
    PsychologicalProviderKind: {
        "licensed_psychologist": "Psikolog berizin praktik",
        "hospital": "Rumah sakit",
        "professional_body": "Lembaga profesi psikolog",
        "psychology_service": "Lembaga layanan psikologi",
        "certified_staff": "Petugas LPSK tersertifikasi",
        "regional_technical_unit": "Unit pelaksana teknis di daerah",
        "psychologist_from_elsewhere": "Psikolog dari wilayah lain",
        "online_psychologist": "Layanan psikolog daring",
        "competent_psychologist": "Psikolog yang memiliki kompetensi",
    },
    # Pasal 34 ayat (1).
    MedicalMechanism: {
        "referred_provider_guaranteed": "Layanan kesehatan rujukan dengan penjaminan biaya LPSK",
        "state_health_insurance": "Program jaminan asuransi kesehatan pemerintah",
    },
    # Pasal 24 ayat (2).
    InterpreterKind: {
        "verbal_same_language": "Bahasa verbal ke bahasa verbal lain dalam bahasa yang sama",
        "verbal_between_languages": "Dari satu bahasa ke bahasa yang lain",
        "verbal_nonverbal": "Bahasa verbal ke non verbal, atau sebaliknya",
    },
    # Pasal 40 ayat (2) huruf a–e.
    TerminationReason: {
        "protectee_request": "Permintaan Terlindung",
        "official_request": "Permintaan pejabat yang berwenang",
        "agreement_breach": "Melanggar perjanjian Perlindungan",
        "no_longer_needed": "Tidak lagi memerlukan Perlindungan",
        "bad_faith": "Keterangan tidak diberikan dengan iktikad baik",
    },
    # Pasal 16–20.
    DocumentKind: {
        "notification_protectee": "Surat pemberitahuan kepada Terlindung",
        "notification_law_enforcement": "Surat pemberitahuan kepada aparat penegak hukum",
        "protection_agreement": "Perjanjian Perlindungan",
        "willingness_statement": "Surat pernyataan kesediaan",
        "addendum": "Adendum perjanjian Perlindungan",
        "official_record": "Berita acara",
        "decision_letter": "Keputusan LPSK",
        "other": "Lainnya",
    },
    OfficialRecordType: {
        "emergency": "Berita acara Perlindungan Darurat",
        "termination": "Berita acara penghentian Perlindungan",
        "seizure_of_belongings": "Berita acara pengamanan barang",
        "return_of_belongings": "Berita acara pengembalian barang",
        "handover": "Berita acara serah terima",
        "proactive_minutes": "Risalah tindakan proaktif",
        "other": "Lainnya",
    },
    # Pasal 17 ayat (3)–(5).
    DeliveryMethod: {
        "direct": "Langsung",
        "post": "Pos",
        "fax": "Faksimili",
        "email": "Surat elektronik",
        "mobile_app": "Aplikasi telepon selular",
    },
}
