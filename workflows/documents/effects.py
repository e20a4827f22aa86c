"""What the document steps build and change (ADM-1 … ADM-6). Numbers are LPSK's per series per
year, taken with the series row locked (gap-free, as for letters, ASG-10); issued content is
immutable (ADM-2: a due date is not moved, a letter's text not rewritten)."""

from __future__ import annotations

from typing import Any

from tortoise.signals import pre_delete, pre_save

from models.documents import Document, DocumentKind, DocumentStatus
from models.programs import ProgramStatus, ProtectionProgram
from workflows.documents.inputs import IssueDocumentInput, ProtecteeSignInput
from workflows.engine import Step, workflow_for
from workflows.errors import RuleViolation
from workflows.letters import SECRETARY_GENERAL_ISSUER, next_number
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "documents.immutable": (
            "Isi dokumen yang telah diterbitkan tidak dapat diubah ('{field}', {rule_id}).",
            "An issued document's content cannot be changed ('{field}', {rule_id}).",
        ),
        "documents.never_deleted": (
            "Dokumen perlindungan tidak pernah dihapus ({rule_id}).",
            "Protection documents are never deleted ({rule_id}).",
        ),
    }
)

D = DocumentKind
SERIES: dict[DocumentKind, str] = {
    D.NOTIFICATION_PROTECTEE: "SPT",  # surat pemberitahuan kepada Terlindung (ADM-2)
    D.NOTIFICATION_LAW_ENFORCEMENT: "SPA",  # surat pemberitahuan kepada aparat penegak hukum (ADM-3)
    D.PROTECTION_AGREEMENT: "PP",  # perjanjian perlindungan (ADM-4)
    D.WILLINGNESS_STATEMENT: "SPK",  # surat pernyataan kesediaan (ADM-5)
    D.ADDENDUM: "ADD",  # adendum perjanjian (CHG-1)
    D.OFFICIAL_RECORD: "BA",  # berita acara (TRM-1, EMG-1)
    D.DECISION_LETTER: "SK",
    D.OTHER: "SRT",
}
AGREEMENTS = frozenset({D.PROTECTION_AGREEMENT, D.ADDENDUM})
NOTIFICATIONS = frozenset({D.NOTIFICATION_PROTECTEE, D.NOTIFICATION_LAW_ENFORCEMENT})
# The documents of ADM-1 … ADM-5 and CHG-1 this layer keeps immutable once issued.
GUARDED = frozenset({*AGREEMENTS, *NOTIFICATIONS, D.WILLINGNESS_STATEMENT})
CONTENT_FIELDS = (
    "number",
    "series",
    "issuer",
    "year",
    "sequence",
    "kind",
    "case_id",
    "decision_id",
    "program_id",
    "protectee_id",
    "recipient_agency_id",
    "addendum_to_id",
    "title",
    "body",
    "issued_on",
    "due_on",
)


async def build_issued(step: Step) -> Document:
    """ADM-1: a document numbered in its series for the year ('SPT-0003/LPSK/2026')."""
    given: IssueDocumentInput = step.input
    series, issuer, year = SERIES[given.kind], SECRETARY_GENERAL_ISSUER, step.today.year

    async def used() -> int:
        numbers = await Document.filter(series=series, issuer=issuer, year=year).values_list(
            "sequence", flat=True
        )
        return max((int(n) for n in numbers if n is not None), default=0)

    number = await next_number(series, issuer, year, seed=used)
    return Document(
        number=f"{series}-{number:04d}/{issuer}/{year}",
        series=series,
        issuer=issuer,
        year=year,
        sequence=number,
        kind=given.kind,
        record_type=given.record_type,
        case_id=given.case_id,
        decision_id=given.decision_id,
        program_id=given.program_id,
        protectee_id=given.protectee_id,
        recipient_agency_id=given.recipient_agency_id,
        addendum_to_id=given.addendum_to_id,
        title=given.title,
        body=given.body,
        issued_on=step.today,
        issued_by_id=step.principal.staff_id,
        due_on=given.due_on,
    )


async def issue_document(step: Step, given: IssueDocumentInput) -> Document:
    """Inside another step → the document, issued and numbered with its history (ADM-1)."""
    documents = workflow_for(Document)
    assert documents is not None
    return await step.fire(documents, "issue", input=given)  # type: ignore[return-value]


async def delivered(step: Step) -> None:
    """ADM-2: the delivery is recorded as it happens — the officer, the way, the real time."""
    document: Document = step.record
    document.delivery_method = step.input.method
    document.delivered_at = step.now
    document.delivered_by_id = step.principal.staff_id  # type: ignore[attr-defined]


async def _settle_covered(step: Step, document: Document) -> None:
    """ADM-6: once signed, the programs it covers take effect — those whose other preconditions hold."""
    from workflows.programs.effects import settle

    programs = await ProtectionProgram.filter(
        status=ProgramStatus.PENDING_SIGNATURE, agreement_id=document.id
    ) + await ProtectionProgram.filter(
        status=ProgramStatus.PENDING_SIGNATURE, willingness_statement_id=document.id
    )
    for program in programs:
        await settle(step, program)


async def countersigned(step: Step) -> None:
    """ADM-4: the rights-fulfilment bureau head signed for the chair; with the protectee's signature
    the agreement is signed and its programs may take effect (ADM-6)."""
    document: Document = step.record
    document.signed_on_behalf_of_chair_by_id = step.principal.staff_id  # type: ignore[attr-defined]
    document.countersigned_at = step.now
    if document.status == DocumentStatus.SIGNED:
        await document.save()
        await _settle_covered(step, document)


async def protectee_signed(step: Step) -> None:
    """ADM-4, ADM-5: the protectee signed (or, on a statement, thumb-printed); once every party has
    signed, its programs may take effect (ADM-6)."""
    given: ProtecteeSignInput = step.input
    document: Document = step.record
    document.signed_by_protectee = True
    document.thumbprint = bool(given.thumbprint)
    document.signed_at = step.now
    if document.status == DocumentStatus.SIGNED:
        await document.save()
        await _settle_covered(step, document)


# --- immutability (ADM-2 … ADM-5) -------------------------------------------------------------------


def _plain(value: Any) -> Any:
    return getattr(value, "value", value)


def _rule(kind: Any) -> str:
    return {
        D.NOTIFICATION_PROTECTEE.value: "ADM-2",
        D.NOTIFICATION_LAW_ENFORCEMENT.value: "ADM-3",
        D.WILLINGNESS_STATEMENT.value: "ADM-5",
    }.get(_plain(kind), "ADM-4")


@pre_save(Document)
async def _issued_documents_are_immutable(
    sender: type[Document], instance: Document, using_db: Any, update_fields: Any
) -> None:
    if not instance._saved_in_db or _plain(instance.kind) not in {k.value for k in GUARDED}:
        return
    rows = await sender.filter(pk=instance.pk).using_db(using_db).values("status", *CONTENT_FIELDS)
    if not rows or _plain(rows[0]["status"]) == DocumentStatus.DRAFT.value:
        return
    for name in CONTENT_FIELDS:
        if _plain(rows[0][name]) != _plain(getattr(instance, name)):
            rule = _rule(instance.kind)
            raise RuleViolation("documents.immutable", field=name, rule=rule, rule_id=rule)


@pre_delete(Document)
async def _documents_are_never_deleted(sender: type[Document], instance: Document, using_db: Any) -> None:
    if _plain(instance.kind) in {k.value for k in GUARDED}:
        rule = _rule(instance.kind)
        raise RuleViolation("documents.never_deleted", rule=rule, rule_id=rule)


__all__ = [
    "AGREEMENTS",
    "NOTIFICATIONS",
    "SERIES",
    "build_issued",
    "countersigned",
    "delivered",
    "issue_document",
    "protectee_signed",
]
