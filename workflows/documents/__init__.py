"""Documents that follow decisions (ADM-1 … ADM-6, CHG-1, TRM-1), declared as data.

`document` — one state machine over `Document.status` for the letters, agreements, statements,
addenda and official records of the protection domain:

- `issue` — internal: a decision's step produces them (ADM-1, workflows/documents/administration.py),
  numbered per series per year without gaps; their content is immutable once issued.
- `deliver` — the letter to the protectee, due 7 days after the decision, delivered directly or
  indirectly (ADM-2; `due_items` / `overdue_letters` list what is due); the letter to law
  enforcement, which says no more than ADM-3 allows.
- `countersign` — the rights-fulfilment bureau head signs an agreement or addendum for the chair
  (ADM-4); `protectee_sign` — the protectee signs (agreements) or signs or thumb-prints
  (statements, ADM-5). Once every party has signed, the programs it covers take effect (ADM-6).
"""

from __future__ import annotations

from models.documents import Document, DocumentStatus
from workflows.documents import effects, rules
from workflows.documents.due import DueItem, due_date, due_items, overdue_letters
from workflows.documents.effects import issue_document
from workflows.documents.inputs import DeliverInput, IssueDocumentInput, ProtecteeSignInput
from workflows.engine import Deadline, Transition, Workflow, register
from workflows.protection_actors import RIGHTS_BUREAU_HEAD, RIGHTS_OFFICER

S = DocumentStatus

_COUNTERSIGN = {
    "actors": (RIGHTS_BUREAU_HEAD,),
    "guards": (rules.has_an_lpsk_party, rules.lpsk_not_signed_yet),
    "effect": effects.countersigned,
    "rule_ids": ("ADM-4", "ADM-5", "ADM-6"),
    "label": ("Tanda tangani atas nama Ketua", "Sign for the chair"),
    "description": "The head of the rights-fulfilment bureau signs the protection agreement or addendum on "
    "behalf of the chair (ADM-4); statements have no LPSK party (ADM-5). With the protectee's signature, "
    "its programs take effect (ADM-6).",
}
_PROTECTEE_SIGN = {
    "actors": (RIGHTS_OFFICER,),
    "guards": (rules.protectee_not_signed_yet, rules.agreement_signed_not_thumb_printed),
    "input": ProtecteeSignInput,
    "effect": effects.protectee_signed,
    "rule_ids": ("ADM-4", "ADM-5", "ADM-6"),
    "label": ("Catat tanda tangan Terlindung", "Record the protectee's signature"),
    "description": "The officer records that the protectee signed the agreement or addendum (ADM-4), or "
    "signed or thumb-printed the statement of willingness (ADM-5); once every party has signed, the "
    "programs it covers take effect (ADM-6).",
}

DOCUMENT = register(
    Workflow(
        name="document",
        model=Document,
        state_field="status",
        description="Surat, perjanjian, pernyataan, adendum dan berita acara (ADM-1 … ADM-6): produced by "
        "decisions, delivered (ADM-2, ADM-3), signed (ADM-4, ADM-5); programs start only once signed (ADM-6).",
        transitions=(
            Transition(
                action="issue",
                sources=(),
                target=S.ISSUED,
                input=IssueDocumentInput,
                build=effects.build_issued,
                rule_ids=("ADM-1",),
                label=("Terbitkan dokumen", "Issue the document"),
                description="Follows a decision (ADM-1), a change (CHG-1) or a termination (TRM-1).",
            ),
            Transition(
                action="deliver",
                sources=(S.ISSUED,),
                target=S.DELIVERED,
                actors=(RIGHTS_OFFICER,),
                input=DeliverInput,
                effect=effects.delivered,
                when=rules.PROTECTEE_LETTER,
                deadline=Deadline(7, "ADM-2", "7 days after the decision"),
                rule_ids=("ADM-2",),
                label=("Catat penyampaian surat", "Record the delivery"),
                description="The letter reached its addressee: directly (an officer met the protectee) or "
                "indirectly (post, fax, e-mail, mobile app); the time recorded is the real one, so a late "
                "letter stays late (ADM-2).",
            ),
            Transition(
                action="deliver",
                sources=(S.ISSUED,),
                target=S.DELIVERED,
                actors=(RIGHTS_OFFICER,),
                input=DeliverInput,
                effect=effects.delivered,
                when=rules.LAW_ENFORCEMENT_LETTER,
                rule_ids=("ADM-3",),
            ),
            Transition(
                action="countersign",
                sources=(S.ISSUED,),
                target=S.ISSUED,
                when=rules.AWAITING_PROTECTEE,
                **_COUNTERSIGN,  # type: ignore[arg-type]
            ),
            Transition(
                action="countersign",
                sources=(S.ISSUED,),
                target=S.SIGNED,
                when=rules.PROTECTEE_SIGNED,
                **_COUNTERSIGN,  # type: ignore[arg-type]
            ),
            Transition(
                action="protectee_sign",
                sources=(S.ISSUED,),
                target=S.SIGNED,
                when=rules.STATEMENT,
                **_PROTECTEE_SIGN,  # type: ignore[arg-type]
            ),
            Transition(
                action="protectee_sign",
                sources=(S.ISSUED,),
                target=S.ISSUED,
                when=rules.AGREEMENT_AWAITING_LPSK,
                **_PROTECTEE_SIGN,  # type: ignore[arg-type]
            ),
            Transition(
                action="protectee_sign",
                sources=(S.ISSUED,),
                target=S.SIGNED,
                when=rules.AGREEMENT_SIGNED_BY_LPSK,
                **_PROTECTEE_SIGN,  # type: ignore[arg-type]
            ),
        ),
    )
)

__all__ = [
    "DOCUMENT",
    "DeliverInput",
    "DueItem",
    "IssueDocumentInput",
    "ProtecteeSignInput",
    "due_date",
    "due_items",
    "issue_document",
    "overdue_letters",
]
