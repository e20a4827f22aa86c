"""What the document steps take (ADM-1 … ADM-5): dataclasses the engine turns into GraphQL inputs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.documents import DeliveryMethod, DocumentKind, OfficialRecordType
from workflows.engine import doc


@dataclass(frozen=True, kw_only=True)
class IssueDocumentInput:
    """A letter, agreement, statement, addendum or official record that follows a step (internal)."""

    kind: DocumentKind = field(metadata=doc("Kind of document."))
    case_id: UUID = field(metadata=doc("The case."))
    decision_id: UUID | None = field(default=None, metadata=doc("The decision it follows (ADM-1)."))
    protectee_id: UUID | None = field(default=None, metadata=doc("The protectee it concerns."))
    program_id: UUID | None = field(default=None, metadata=doc("The program it concerns, if one."))
    recipient_agency_id: UUID | None = field(default=None, metadata=doc("The agency addressed."))
    addendum_to_id: UUID | None = field(default=None, metadata=doc("The agreement an addendum amends."))
    record_type: OfficialRecordType | None = field(
        default=None, metadata=doc("What an official record records.")
    )
    title: str = field(metadata=doc("Subject line.", max_length=300))
    body: str | None = field(default=None, metadata=doc("Text; never an identity (APP-3)."))
    due_on: dt.date | None = field(default=None, metadata=doc("Delivery deadline (ADM-2)."))


@dataclass(frozen=True)
class DeliverInput:
    """ADM-2: how the letter reached its addressee — directly by an officer, or indirectly."""

    method: DeliveryMethod = field(
        metadata=doc(
            "Directly (an officer meets the protectee), or by post, fax, e-mail or mobile app (ADM-2)."
        )
    )


@dataclass(frozen=True)
class ProtecteeSignInput:
    """ADM-4, ADM-5: the protectee's signature, witnessed by the officer recording it."""

    thumbprint: bool = field(
        default=False,
        metadata=doc("Thumb-printed instead of signed: for a statement of willingness only (ADM-5, ADM-4)."),
    )


__all__ = ["DeliverInput", "IssueDocumentInput", "ProtecteeSignInput"]
