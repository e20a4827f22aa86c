"""Possible duplicates: the same person (by national ID) in another case (APP-3, AC-11).

People are matched on the keyed blind index of their national ID number, never on plaintext, and
only across cases. What the reviewers are shown is codes and capacities — the other case's code,
the protectee's code, the role they have there — never a name or a number: an application's
`possibleDuplicates` tells a reviewer "look at case X", and whether they may see who that is stays
with the policy on that case (AC-11, AC-12).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from models.cases import Application, FamilyMember, Protectee

FAMILY = "family_member"


async def _indexes(application: Application) -> set[str]:
    """The NIK blind indexes of the application's people: the applicant and their family."""
    applicant: list[Any] = await Protectee.filter(id=application.applicant_id).values_list(  # type: ignore[attr-defined]
        "nik_index", flat=True
    )
    family = await FamilyMember.filter(protectee_id=application.applicant_id).values_list(  # type: ignore[attr-defined]
        "nik_index", flat=True
    )
    return {value for value in [*applicant, *family] if value}


async def matches(application: Application) -> list[dict[str, str]]:
    """Where the application's people appear in other cases: case code, protectee code, capacity."""
    indexes = await _indexes(application)
    if not indexes:
        return []
    case_id = application.case_id  # type: ignore[attr-defined]
    found: set[tuple[str, str, str]] = set()
    for row in (
        await Protectee.filter(nik_index__in=list(indexes))
        .exclude(case_id=case_id)
        .values("code", "role", "case__code")
    ):
        found.add((row["case__code"], row["code"], str(row["role"])))
    for row in (
        await FamilyMember.filter(nik_index__in=list(indexes))
        .exclude(protectee__case_id=case_id)
        .values("protectee__code", "protectee__case__code")
    ):
        found.add((row["protectee__case__code"], row["protectee__code"], FAMILY))
    return [
        {"caseCode": case, "protecteeCode": person, "as": capacity}
        for case, person, capacity in sorted(found)
    ]


async def _store(application: Application, found: list[dict[str, str]]) -> None:
    application.possible_duplicates = found or None
    application.possible_duplicate_count = len(found)


async def refresh(application: Application, *, both_ways: bool = True) -> None:
    """The application's duplicate flags recomputed (the caller saves it); with `both_ways`, the
    applications of the people matched are flagged too, so the earlier case's reviewers see it."""
    found = await matches(application)
    await _store(application, found)
    if not both_ways or not found:
        return
    codes = [row["protecteeCode"] for row in found]
    others: list[UUID] = await Protectee.filter(code__in=codes).values_list("id", flat=True)  # type: ignore[assignment]
    for other in await Application.filter(applicant_id__in=others).exclude(id=application.id):
        await _store(other, await matches(other))
        await other.save(update_fields=["possible_duplicates", "possible_duplicate_count", "updated_at"])


__all__ = ["FAMILY", "matches", "refresh"]
