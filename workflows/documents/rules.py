"""Which records a document step applies to, and the guards it must pass (ADM-2 … ADM-5)."""

from __future__ import annotations

from models.documents import Document, DocumentKind
from workflows.documents.effects import AGREEMENTS
from workflows.engine import Condition, Step, field_is, guard

D = DocumentKind

PROTECTEE_LETTER = field_is("kind", D.NOTIFICATION_PROTECTEE)  # ADM-2
LAW_ENFORCEMENT_LETTER = field_is("kind", D.NOTIFICATION_LAW_ENFORCEMENT)  # ADM-3
STATEMENT = field_is("kind", D.WILLINGNESS_STATEMENT)  # ADM-5


def _agreement(record: Document) -> bool:
    return DocumentKind(record.kind) in AGREEMENTS


AGREEMENT_AWAITING_LPSK = Condition(
    "agreement or addendum, LPSK's side not yet signed",
    lambda r: _agreement(r) and r.countersigned_at is None,
)
AGREEMENT_SIGNED_BY_LPSK = Condition(
    "agreement or addendum, LPSK's side signed", lambda r: _agreement(r) and r.countersigned_at is not None
)
# countersign: what is left once LPSK signs — the protectee's signature, or nothing.
AWAITING_PROTECTEE = Condition("the protectee has not signed yet", lambda r: not r.signed_by_protectee)
PROTECTEE_SIGNED = Condition("the protectee has signed", lambda r: bool(r.signed_by_protectee))


@guard(
    "ADM-5",
    id="Hanya perjanjian perlindungan (dan adendumnya) yang ditandatangani pihak LPSK; surat pernyataan "
    "kesediaan ditandatangani atau dicap jempol oleh Terlindung sendiri (ADM-4, ADM-5).",
    en="Only a protection agreement (and its addenda) has an LPSK party; a statement of willingness is "
    "signed or thumb-printed by the protectee alone (ADM-4, ADM-5).",
)
async def has_an_lpsk_party(step: Step) -> bool:
    """ADM-4 / ADM-5 (Pasal 19–20): the head signs agreements for the chair, never statements."""
    return _agreement(step.record)


@guard(
    "ADM-4",
    id="Pihak LPSK telah menandatangani dokumen ini (ADM-4).",
    en="LPSK's side has signed this document already (ADM-4).",
)
async def lpsk_not_signed_yet(step: Step) -> bool:
    """ADM-4: one signature for the chair, recorded once."""
    return step.record.countersigned_at is None


@guard(
    "ADM-4",
    id="Perjanjian perlindungan ditandatangani oleh Terlindung; cap jempol hanya untuk surat pernyataan "
    "kesediaan ('thumbprint', ADM-4, ADM-5).",
    en="A protection agreement is signed by the protectee; a thumbprint is for a statement of willingness "
    "only ('thumbprint', ADM-4, ADM-5).",
    uses_input=True,
    field="thumbprint",
)
async def agreement_signed_not_thumb_printed(step: Step) -> bool:
    """ADM-4 (Pasal 19(1)) against ADM-5 (Pasal 20): 'ditandatangani' — 'ditandatangani atau cap jempol'."""
    return not (_agreement(step.record) and step.input.thumbprint)


@guard(
    "ADM-4",
    id="Terlindung telah menandatangani dokumen ini (ADM-4, ADM-5).",
    en="The protectee has signed this document already (ADM-4, ADM-5).",
)
async def protectee_not_signed_yet(step: Step) -> bool:
    """ADM-4, ADM-5: the protectee's signature is recorded once."""
    return not step.record.signed_by_protectee


__all__ = [
    "AGREEMENT_AWAITING_LPSK",
    "AGREEMENT_SIGNED_BY_LPSK",
    "AWAITING_PROTECTEE",
    "LAW_ENFORCEMENT_LETTER",
    "PROTECTEE_LETTER",
    "PROTECTEE_SIGNED",
    "STATEMENT",
    "agreement_signed_not_thumb_printed",
    "has_an_lpsk_party",
    "lpsk_not_signed_yet",
    "protectee_not_signed_yet",
]
