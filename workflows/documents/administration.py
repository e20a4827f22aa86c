"""The administration that follows a decision (Pasal 16–21): which documents a decision produces,
what they say, and which document each program waits for (ADM-1 … ADM-6, CHG-1).

- An accepting decision (ADM-1): a protection agreement when a physical program is granted
  (ADM-4), a statement of willingness when any other is (ADM-5), the programs — each waiting for
  its document (ADM-6) — then the letter to the protectee, due 7 days after the decision
  (ADM-2), and one letter to each law-enforcement agency concerned (ADM-3).
- A change of programs (CHG-1): an addendum to the agreement where one exists (Pasal 19(3)); a
  program added without one gets an agreement or a statement of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from uuid import UUID

from models.cases import Case, Decision, FamilyMember, Protectee
from models.documents import Document, DocumentKind, DocumentStatus
from models.programs import PHYSICAL_KINDS, ProgramKind, ProgramStatus, ProtectionProgram
from workflows.documents import content
from workflows.documents.due import due_date
from workflows.documents.effects import issue_document
from workflows.documents.inputs import IssueDocumentInput
from workflows.engine import Step

if TYPE_CHECKING:
    from workflows.decisions.inputs import Grant

D = DocumentKind
LIVE = (ProgramStatus.PENDING_SIGNATURE, ProgramStatus.ACTIVE, ProgramStatus.SUSPENDED)


async def _signing_document(step: Step, decision: Decision, kind: str) -> Document:
    document_kind = {"agreement": D.PROTECTION_AGREEMENT, "statement": D.WILLINGNESS_STATEMENT}[kind]
    return await issue_document(
        step,
        IssueDocumentInput(
            kind=document_kind,
            case_id=decision.case_id,  # type: ignore[attr-defined]
            decision_id=decision.id,
            protectee_id=decision.protectee_id,  # type: ignore[attr-defined]
            title=content.signing_document_title(kind, decision),
        ),
    )


async def after_acceptance(
    step: Step, decision: Decision, grants: Sequence[Grant], agency_ids: Sequence[UUID]
) -> list[ProtectionProgram]:
    """ADM-1 … ADM-6, DEC-2: an accepting decision's documents and programs; returns the programs."""
    from workflows.programs.effects import GrantInput, grant_program

    kinds = [grant.kind for grant in grants]
    agreement = await _signing_document(step, decision, "agreement") if content.physical(kinds) else None
    others = [kind for kind in kinds if kind not in PHYSICAL_KINDS]
    statement = await _signing_document(step, decision, "statement") if others else None
    family = (
        await FamilyMember.filter(protectee_id=decision.protectee_id, covered=True)
        .order_by(  # type: ignore[attr-defined]
            "created_at", "id"
        )
        .values_list("id", flat=True)
    )
    programs: list[ProtectionProgram] = []
    for grant in grants:
        physical = grant.kind in PHYSICAL_KINDS
        # PRG-3: the death benefit is the family's — one program per family member covered.
        beneficiaries = family if grant.kind is ProgramKind.DEATH_BENEFIT else [None]
        for member in beneficiaries:
            programs.append(
                await grant_program(
                    step,
                    GrantInput(
                        decision_id=decision.id,
                        protectee_id=decision.protectee_id,  # type: ignore[attr-defined]
                        kind=grant.kind,
                        period_start=grant.period_start,
                        period_end=grant.period_end,
                        family_member_id=member,  # type: ignore[arg-type]
                        agreement_id=agreement.id if physical and agreement else None,
                        statement_id=statement.id if not physical and statement else None,
                    ),
                )
            )
    await _notify(step, decision, programs, agreement, statement, agency_ids)
    return programs


async def _notify(
    step: Step,
    decision: Decision,
    programs: list[ProtectionProgram],
    agreement: Document | None,
    statement: Document | None,
    agency_ids: Sequence[UUID],
) -> None:
    """ADM-2: the protectee's letter, due 7 days after the decision; ADM-3: one per agency concerned."""
    case_id = decision.case_id  # type: ignore[attr-defined]
    await issue_document(
        step,
        IssueDocumentInput(
            kind=D.NOTIFICATION_PROTECTEE,
            case_id=case_id,
            decision_id=decision.id,
            protectee_id=decision.protectee_id,  # type: ignore[attr-defined]
            title="Pemberitahuan diterimanya permohonan perlindungan",
            body=content.protectee_letter(decision, programs, agreement, statement),
            due_on=due_date(decision.decided_on),
        ),
    )
    protectee = await Protectee.get(id=decision.protectee_id)  # type: ignore[attr-defined]
    agencies = list(dict.fromkeys(agency_ids))
    if not agencies:
        handling = await Case.filter(id=case_id).values_list("law_enforcement_agency_id", flat=True)
        agencies = [agency for agency in handling if agency is not None]  # type: ignore[misc]
    kinds = [ProgramKind(p.kind) for p in programs]
    for agency_id in agencies:
        # ADM-3: the protected subject and the programs — no program row, no period, no due date.
        await issue_document(
            step,
            IssueDocumentInput(
                kind=D.NOTIFICATION_LAW_ENFORCEMENT,
                case_id=case_id,
                decision_id=decision.id,
                protectee_id=protectee.id,
                recipient_agency_id=agency_id,
                title="Pemberitahuan perlindungan kepada aparat penegak hukum",
                body=content.law_enforcement_letter(decision, protectee, kinds),
            ),
        )


# --- changes of programs (CHG-1) ---------------------------------------------------------------


async def current_agreement(protectee_id: UUID) -> Document | None:
    """The protectee's protection agreement in force: the first not revoked (its addenda amend it)."""
    return (
        await Document.filter(protectee_id=protectee_id, kind=D.PROTECTION_AGREEMENT)
        .exclude(status=DocumentStatus.REVOKED)
        .order_by("issued_on", "sequence")
        .first()
    )


async def agreement_root(document_id: UUID | None) -> Document | None:
    """An agreement or addendum → the agreement it belongs to."""
    document = await Document.get_or_none(id=document_id) if document_id else None
    while document is not None and document.kind == D.ADDENDUM and document.addendum_to_id:  # type: ignore[attr-defined]
        document = await Document.get_or_none(id=document.addendum_to_id)  # type: ignore[attr-defined]
    return document


async def addendum(step: Step, decision: Decision, agreement: Document, what: str) -> Document:
    """CHG-1, ADM-4 (Pasal 19(3)): the addendum that follows a change of programs under an agreement."""
    return await issue_document(
        step,
        IssueDocumentInput(
            kind=D.ADDENDUM,
            case_id=decision.case_id,  # type: ignore[attr-defined]
            decision_id=decision.id,
            protectee_id=decision.protectee_id,  # type: ignore[attr-defined]
            addendum_to_id=agreement.id,
            title=content.signing_document_title("addendum", decision),
            body=f"Adendum perjanjian perlindungan Nomor {agreement.number} berdasarkan "
            f"{content.decision_ref(decision)}: {what}.",
        ),
    )


async def document_for_addition(step: Step, decision: Decision, kind: ProgramKind) -> Document:
    """CHG-1: an added program's document — an addendum where an agreement exists, else a new
    agreement (physical, ADM-4) or a new statement (other programs, ADM-5)."""
    if kind not in PHYSICAL_KINDS:
        return await _signing_document(step, decision, "statement")
    agreement = await current_agreement(decision.protectee_id)  # type: ignore[attr-defined]
    if agreement is None:
        return await _signing_document(step, decision, "agreement")
    return await addendum(step, decision, agreement, f"penambahan program {content.PROGRAM_NAMES[kind]}")


__all__ = [
    "LIVE",
    "addendum",
    "after_acceptance",
    "agreement_root",
    "current_agreement",
    "document_for_addition",
]
