"""What the letters of ADM-1 say — and, for the letter to law enforcement, nothing more (ADM-2, ADM-3).

Texts hold codes, numbers, dates and program names only. Identities are merged in when a letter
is rendered for the person entitled to see them, never stored in a body (APP-3, AC-11).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from models.cases import Decision, Protectee, ProtecteeRole
from models.documents import Document
from models.programs import PHYSICAL_KINDS, ProgramKind, ProtectionProgram

K = ProgramKind
PROGRAM_NAMES: dict[ProgramKind, str] = {
    K.SAFE_HOUSE: "perlindungan di rumah aman",
    K.CLOSE_PROTECTION: "pengamanan melekat",
    K.SECURITY_IN_CRIMINAL_PROCESS: "pengamanan dalam proses peradilan pidana",
    K.THREAT_MONITORING: "pengawasan tingkat ancaman",
    K.NEW_IDENTITY: "fasilitasi pengurusan identitas baru",
    K.TEMPORARY_RESIDENCE: "fasilitasi tempat kediaman sementara",
    K.NEW_RESIDENCE: "fasilitasi tempat kediaman baru",
    K.OTHER_PHYSICAL: "perlindungan fisik lainnya",
    K.TESTIMONY_WITHOUT_PRESSURE: "pemberian keterangan tanpa tekanan",
    K.INTERPRETER: "fasilitasi penerjemah",
    K.FREEDOM_FROM_ENTRAPPING_QUESTIONS: "bebas dari pertanyaan yang menjerat",
    K.LEGAL_ADVICE: "pemberian nasihat hukum",
    K.LEGAL_AID_ADVOCATE: "bantuan hukum oleh advokat",
    K.ACCOMPANIMENT: "pendampingan",
    K.LIVING_COST_LOST_INCOME: "biaya hidup sementara: penggantian penghasilan",
    K.LIVING_COST_CLOTHING_FOOD: "biaya hidup sementara: sandang dan pangan",
    K.LIVING_COST_EDUCATION: "biaya hidup sementara: pendidikan",
    K.LIVING_COST_MEDICAL: "biaya hidup sementara: pengobatan",
    K.LIVING_COST_OTHER: "biaya hidup sementara lainnya",
    K.TRANSPORT_COURT_HEARING: "biaya transportasi mengikuti proses peradilan",
    K.TRANSPORT_PROGRAM: "biaya transportasi mengikuti program perlindungan",
    K.INFO_CASE_PROGRESS: "informasi perkembangan penanganan kasus",
    K.INFO_COURT_DECISION: "informasi putusan pengadilan",
    K.INFO_CONVICT_RELEASE: "informasi pembebasan terpidana",
    K.LEGAL_PROTECTION: "perlindungan hukum",
    K.JC_SPECIAL_HANDLING: "penanganan secara khusus saksi pelaku",
    K.JC_REWARD: "penghargaan atas kesaksian saksi pelaku",
    K.RESTITUTION_FACILITATION: "fasilitasi restitusi",
    K.COMPENSATION_FACILITATION: "fasilitasi kompensasi",
    K.OTHER_RIGHTS: "hak lainnya",
    K.MEDICAL: "bantuan medis",
    K.FUNERAL_COSTS: "biaya pemakaman",
    K.DEATH_BENEFIT: "santunan bagi keluarga",
    K.PSYCHOSOCIAL_CLOTHING: "rehabilitasi psikososial: sandang",
    K.PSYCHOSOCIAL_FOOD: "rehabilitasi psikososial: pangan",
    K.PSYCHOSOCIAL_HOUSING: "rehabilitasi psikososial: papan",
    K.PSYCHOSOCIAL_EMPLOYMENT: "rehabilitasi psikososial: perolehan pekerjaan",
    K.PSYCHOSOCIAL_EDUCATION: "rehabilitasi psikososial: keberlangsungan pendidikan",
    K.PSYCHOSOCIAL_OTHER: "rehabilitasi psikososial lainnya",
    K.PSYCHOLOGICAL_REHABILITATION: "rehabilitasi psikologis",
}
ROLE_NAMES: dict[ProtecteeRole, str] = {
    ProtecteeRole.WITNESS: "saksi",
    ProtecteeRole.VICTIM: "korban",
    ProtecteeRole.JUSTICE_COLLABORATOR: "saksi pelaku",
    ProtecteeRole.WHISTLEBLOWER: "pelapor",
    ProtecteeRole.EXPERT: "ahli",
    ProtecteeRole.RELATED_TESTIMONY: "pemberi keterangan terkait tindak pidana",
}


def day(value: dt.date) -> str:
    return value.strftime("%d-%m-%Y")


def decision_ref(decision: Decision) -> str:
    """ADM-2a / ADM-3a: the decision's number and date."""
    return f"Keputusan LPSK Nomor {decision.number} tanggal {day(decision.decided_on)}"


def program_names(kinds: Iterable[ProgramKind]) -> str:
    return "; ".join(PROGRAM_NAMES[ProgramKind(kind)] for kind in dict.fromkeys(kinds))


def protectee_letter(
    decision: Decision,
    programs: Sequence[ProtectionProgram],
    agreement: Document | None,
    statement: Document | None,
) -> str:
    """ADM-2 (Pasal 17(1)): the decision's number and date, the programs, their period, and how the
    agreement and/or statement is signed to start them."""
    lines = [f"Berdasarkan {decision_ref(decision)}, permohonan perlindungan Saudara diterima."]
    lines.append("Program perlindungan dan jangka waktunya:")
    lines += [
        f"- {PROGRAM_NAMES[ProgramKind(p.kind)]}: {day(p.period_start)} s.d. {day(p.period_end)}"
        for p in programs
    ]
    signing = []
    if agreement is not None:
        signing.append(
            f"perjanjian perlindungan Nomor {agreement.number} ditandatangani oleh kepala biro pemenuhan hak "
            "Saksi dan Korban atas nama Ketua LPSK dan oleh Saudara"
        )
    if statement is not None:
        signing.append(
            f"surat pernyataan kesediaan Nomor {statement.number} ditandatangani atau dibubuhi cap jempol oleh Saudara"
        )
    lines.append(
        "Program perlindungan berlaku sejak " + " dan ".join(signing) + " (Pasal 21 ayat (1))."
        if signing
        else "Program perlindungan berlaku sejak penandatanganan (Pasal 21 ayat (1))."
    )
    return "\n".join(lines)


def law_enforcement_letter(decision: Decision, protectee: Protectee, kinds: Iterable[ProgramKind]) -> str:
    """ADM-3 (Pasal 18): the decision's number and date, the protected subject and the programs —
    nothing more (no period, no place, no identity in the stored text)."""
    role = ROLE_NAMES[ProtecteeRole(protectee.role)]
    return "\n".join(
        [
            f"{decision_ref(decision)} tentang diterimanya permohonan perlindungan.",
            f"Subjek hukum Terlindung: {protectee.code} ({role}).",
            f"Program perlindungan: {program_names(kinds)}.",
        ]
    )


def signing_document_title(kind: str, decision: Decision) -> str:
    titles = {
        "agreement": "Perjanjian perlindungan",
        "statement": "Surat pernyataan kesediaan mengikuti syarat perlindungan",
        "addendum": "Adendum perjanjian perlindungan",
    }
    return f"{titles[kind]} — {decision.number}"


def physical(kinds: Iterable[ProgramKind]) -> list[ProgramKind]:
    return [kind for kind in kinds if kind in PHYSICAL_KINDS]


__all__ = [
    "PROGRAM_NAMES",
    "ROLE_NAMES",
    "decision_ref",
    "law_enforcement_letter",
    "physical",
    "program_names",
    "protectee_letter",
    "signing_document_title",
]
