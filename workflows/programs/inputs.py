"""What the program steps take (DEC-2, PRG-4 … PRG-10, CHG-1, TRM-1): dataclasses the engine turns
into GraphQL inputs. Shapes are checked on construction; the rules are guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.programs import (
    ChecklistItemKind,
    InterpreterKind,
    MedicalMechanism,
    ProgramKind,
    PsychologicalProviderKind,
    TerminationReason,
)
from workflows.engine import doc
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "programs.blank": ("'{field}' wajib diisi ({rule_id}).", "'{field}' is required ({rule_id})."),
        "programs.period": (
            "Tanggal selesai tidak boleh sebelum tanggal mulai ('{field}', DEC-2).",
            "The end cannot be before the start ('{field}', DEC-2).",
        ),
        "programs.grounds": (
            "Sebutkan alasan penghentian a–e, masing-masing sekali ('{field}', TRM-1).",
            "Give the termination grounds a–e, each once ('{field}', TRM-1).",
        ),
    }
)


def _required(value: str | None, name: str, rule: str) -> None:
    if value is None or not value.strip():
        raise ValidationFailed("programs.blank", field=name, rule=rule, rule_id=rule)


@dataclass(frozen=True, kw_only=True)
class GrantInput:
    """DEC-2: one program granted by a decision, for its period (internal: fired by the decision)."""

    decision_id: UUID = field(metadata=doc("The decision granting it."))
    protectee_id: UUID = field(metadata=doc("The protectee."))
    kind: ProgramKind = field(metadata=doc("Kind of program (PRG-1)."))
    period_start: dt.date = field(metadata=doc("First day of the period."))
    period_end: dt.date = field(metadata=doc("Last day of the period."))
    family_member_id: UUID | None = field(
        default=None, metadata=doc("The family member covered, if not the protectee.")
    )
    agreement_id: UUID | None = field(
        default=None, metadata=doc("The agreement or addendum it waits for (ADM-4).")
    )
    statement_id: UUID | None = field(default=None, metadata=doc("The statement it waits for (ADM-5)."))
    supersedes_id: UUID | None = field(default=None, metadata=doc("The program row it changes (CHG-1)."))
    details: str | None = field(default=None, metadata=doc("What is provided (internal)."))


@dataclass(frozen=True)
class ChecklistInput:
    """PRG-9: a preparatory or executing step of the program is done — or, for the steps of Pasal 22,
    not needed here, with the reason."""

    item: ChecklistItemKind = field(metadata=doc("The step (PRG-9)."))
    waived: bool = field(
        default=False,
        metadata=doc("Not needed for this program (Pasal 22 'dan/atau' only); give the reason."),
    )
    note: str | None = field(default=None, metadata=doc("What was done, or why it is not needed (internal)."))

    def __post_init__(self) -> None:
        if self.waived:
            _required(self.note, "note", "PRG-9")


@dataclass(frozen=True)
class InterpreterInput:
    """PRG-4 (Pasal 24(2)–(4)): the chair's decision appointing the interpreter, and the term."""

    interpreter_name: str = field(metadata=doc("Interpreter or interpreting service.", max_length=200))
    interpreter_kind: InterpreterKind = field(
        metadata=doc("Verbal within one language, between languages, or verbal ↔ non-verbal (sign language).")
    )
    term_until: dt.date = field(metadata=doc("Last day of the interpreter's term (PRG-4)."))

    def __post_init__(self) -> None:
        _required(self.interpreter_name, "interpreterName", "PRG-4")


@dataclass(frozen=True)
class AdvocateInput:
    """PRG-5 (Pasal 25(3)(d)): the Secretary General's decision appointing the advocate."""

    advocate_name: str = field(metadata=doc("The advocate giving legal aid.", max_length=200))

    def __post_init__(self) -> None:
        _required(self.advocate_name, "advocateName", "PRG-5")


@dataclass(frozen=True)
class MedicalBasisInput:
    """PRG-6 (Pasal 33–34): the evidence medical assistance is given on, and how it is given."""

    mechanism: MedicalMechanism = field(
        metadata=doc("A referred health provider with LPSK guaranteeing the cost, or state health insurance.")
    )
    evidence_ref: str = field(
        metadata=doc(
            "The attached doctor's or psychiatrist's statement or other evidence (PRG-6).", max_length=300
        )
    )
    provider_agency_id: UUID | None = field(
        default=None, metadata=doc("The referred health provider (a hospital), for a guaranteed referral.")
    )

    def __post_init__(self) -> None:
        _required(self.evidence_ref, "evidenceRef", "PRG-6")


@dataclass(frozen=True)
class PsychologicalProviderInput:
    """PRG-7 (Pasal 36–37): who gives the psychological rehabilitation."""

    provider_kind: PsychologicalProviderKind = field(
        metadata=doc("Licensed psychologist, hospital, … (PRG-7).")
    )
    provider_name: str | None = field(default=None, metadata=doc("Name of the provider.", max_length=200))
    licence_number: str | None = field(
        default=None,
        metadata=doc(
            "Practice licence (SIPP), or the certificate of a certified LPSK officer (PRG-7).", max_length=100
        ),
    )
    provider_agency_id: UUID | None = field(default=None, metadata=doc("Hospital or institution, where one."))
    no_local_provider_note: str | None = field(
        default=None,
        metadata=doc(
            "For the fallbacks of Pasal 37: why no licensed provider is available where the person lives."
        ),
    )


@dataclass(frozen=True)
class PoliceSupportInput:
    """PRG-10 (Pasal 26(2)): accompaniment asks for extra security personnel."""

    agency_id: UUID = field(metadata=doc("The local police (or, per Pasal 26(2), another institution)."))
    reason: str = field(metadata=doc("Why the protectee's security needs it (PRG-10)."))


@dataclass(frozen=True)
class ExtendInput:
    """CHG-1: the program continues to a later day, by a decision."""

    period_end: dt.date = field(metadata=doc("The new last day (after the current one)."))
    notes: str | None = field(default=None, metadata=doc("Considerations (internal)."))


@dataclass(frozen=True)
class ReduceInput:
    """CHG-1: the program ends earlier, by a decision — ending it now is its removal."""

    period_end: dt.date = field(metadata=doc("The new last day (before the current one, not before today)."))
    notes: str | None = field(default=None, metadata=doc("Considerations (internal)."))


@dataclass(frozen=True, kw_only=True)
class AddProgramInput:
    """CHG-1: a program the protectee does not have yet, by a decision."""

    protectee_id: UUID = field(metadata=doc("The protected person."))
    kind: ProgramKind = field(metadata=doc("Kind of program added (PRG-1)."))
    period_start: dt.date = field(metadata=doc("First day (the decision's day or later)."))
    period_end: dt.date = field(metadata=doc("Last day."))
    family_member_id: UUID | None = field(
        default=None, metadata=doc("The covered family member it is for (the death benefit, PRG-3).")
    )
    notes: str | None = field(default=None, metadata=doc("Considerations (internal)."))

    def __post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise ValidationFailed("programs.period", field="periodEnd", rule="DEC-2")


@dataclass(frozen=True)
class TerminateInput:
    """TRM-1 (Pasal 40–41): the written decision ending the program, on grounds a–e and the evidence."""

    grounds: list[TerminationReason] = field(
        metadata=doc(
            "Grounds a–e (Pasal 40(2), 'dan/atau'): one or more; a and b only for the matching initiator."
        )
    )
    reason: str = field(metadata=doc("The facts and evidence the decision rests on (kept with it)."))

    def __post_init__(self) -> None:
        if not self.grounds or len(set(self.grounds)) != len(self.grounds):
            raise ValidationFailed("programs.grounds", field="grounds", rule="TRM-1")


__all__ = [
    "AddProgramInput",
    "AdvocateInput",
    "ChecklistInput",
    "ExtendInput",
    "GrantInput",
    "InterpreterInput",
    "MedicalBasisInput",
    "PoliceSupportInput",
    "PsychologicalProviderInput",
    "ReduceInput",
    "TerminateInput",
]
