"""Who may be granted which program (PRG-2, PRG-3, PRG-4): plain functions over the person and the
case, shared by the guards of every step that grants a program (a decision, an addition)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from models.cases import COMPENSATION_CRIME_TYPES, Case, CrimeType, Protectee, ProtecteeRole
from models.programs import PHYSICAL_KINDS, ProgramKind

K = ProgramKind


@dataclass(frozen=True)
class Person:
    """What eligibility reads of a protectee and their case."""

    role: ProtecteeRole
    crime_type: CrimeType
    is_deceased: bool
    needs_interpreter: bool

    @classmethod
    async def of(cls, protectee_id: object) -> Person | None:
        protectee = await Protectee.get_or_none(id=protectee_id)
        if protectee is None:
            return None
        case = await Case.get(id=protectee.case_id)  # type: ignore[attr-defined]
        return cls(
            ProtecteeRole(protectee.role),
            CrimeType(case.crime_type),
            protectee.is_deceased,
            protectee.needs_interpreter,
        )


def compensation_allowed(person: Person, kinds: Iterable[ProgramKind]) -> bool:
    """PRG-2 (Pasal 11): compensation only for victims of gross human-rights violations, terrorism or
    sexual violence; restitution for victims of any crime — neither for anyone else."""
    kinds = set(kinds)
    if K.COMPENSATION_FACILITATION in kinds and not (
        person.role is ProtecteeRole.VICTIM and person.crime_type in COMPENSATION_CRIME_TYPES
    ):
        return False
    return not (K.RESTITUTION_FACILITATION in kinds and person.role is not ProtecteeRole.VICTIM)


def death_related_allowed(person: Person, kinds: Iterable[ProgramKind], family_covered: int) -> bool:
    """PRG-3 (Pasal 13–14): funeral costs only when the protectee has died; the death benefit only for
    the family (at least one covered member) of a terrorism victim who died."""
    kinds = set(kinds)
    if K.FUNERAL_COSTS in kinds and not person.is_deceased:
        return False
    if K.DEATH_BENEFIT in kinds:
        terrorism_victim = person.role is ProtecteeRole.VICTIM and person.crime_type is CrimeType.TERRORISM
        if not (terrorism_victim and person.is_deceased and family_covered > 0):
            return False
    return True


def interpreter_allowed(person: Person, kinds: Iterable[ProgramKind]) -> bool:
    """PRG-4 (Pasal 24(1)): an interpreter only for a protectee who cannot speak Indonesian."""
    return K.INTERPRETER not in set(kinds) or person.needs_interpreter


def covering_document(kind: ProgramKind) -> str:
    """ADM-4/ADM-5 (Pasal 21(2)–(3)): a physical program is agreed; every other one is stated."""
    return "agreement" if kind in PHYSICAL_KINDS else "statement"


__all__ = [
    "Person",
    "compensation_allowed",
    "covering_document",
    "death_related_allowed",
    "interpreter_allowed",
]
