"""Letters, agreements, statements and official records that follow decisions
(ADM-1–6, CHG-1, EMG-1, TRM-1, SH-8, SH-13, SH-22)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise import fields

from models.base import PerisaiModel, StrEnum
from models.secrets import EncryptedField

if TYPE_CHECKING:
    from models.cases import Case, Decision, Protectee
    from models.organisation import Agency, Staff
    from models.programs import ProtectionProgram


def _fk(target: str, related_name: str, description: str, null: bool = False, constraint: bool = True) -> Any:
    """A RESTRICT foreign key (records are never deleted in cascade). `constraint=False`
    marks a back-edge of a reference cycle: no database constraint, so tables can be created."""
    return fields.ForeignKeyField(
        target,
        related_name=related_name,
        null=null,
        on_delete=fields.RESTRICT,
        db_constraint=constraint,
        description=description,
    )


class DocumentKind(StrEnum):
    NOTIFICATION_PROTECTEE = "notification_protectee"  # ADM-2, Pasal 17
    NOTIFICATION_LAW_ENFORCEMENT = "notification_law_enforcement"  # ADM-3, Pasal 18
    PROTECTION_AGREEMENT = "protection_agreement"  # ADM-4, Pasal 19
    WILLINGNESS_STATEMENT = "willingness_statement"  # ADM-5, Pasal 20
    ADDENDUM = "addendum"  # ADM-4, CHG-1, Pasal 19(3)
    OFFICIAL_RECORD = "official_record"  # berita acara, with a record_type
    DECISION_LETTER = "decision_letter"
    OTHER = "other"


class OfficialRecordType(StrEnum):
    """What an official record (berita acara) records."""

    EMERGENCY = "emergency"  # EMG-1, SH-8
    TERMINATION = "termination"  # TRM-1, SH-22
    SEIZURE_OF_BELONGINGS = "seizure_of_belongings"  # SH-13b
    RETURN_OF_BELONGINGS = "return_of_belongings"  # SH-22
    HANDOVER = "handover"
    PROACTIVE_MINUTES = "proactive_minutes"  # PRO-2 risalah
    OTHER = "other"


class DeliveryMethod(StrEnum):
    """How a letter reached the protectee: directly, or by post, fax, e-mail or mobile app (ADM-2)."""

    DIRECT = "direct"
    POST = "post"
    FAX = "fax"
    EMAIL = "email"
    MOBILE_APP = "mobile_app"


class DocumentStatus(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    DELIVERED = "delivered"
    SIGNED = "signed"
    REVOKED = "revoked"


# ADM-2 (Pasal 17(2)): the protectee's notification letter is due 7 days after the decision.
NOTIFICATION_DUE_DAYS = 7


class Document(PerisaiModel):
    """A numbered letter or record of the protection domain: notification letters to the
    protectee (due 7 days after the decision, ADM-2) and to law enforcement (ADM-3),
    protection agreements signed by the rights-fulfilment bureau head for the chair and
    the protectee (ADM-4), willingness statements signed or thumb-printed (ADM-5),
    addenda (CHG-1) and official records. Signing makes programs effective (ADM-6)."""

    number = fields.CharField(max_length=80, unique=True, description="Document number (public).")
    series = fields.CharField(max_length=40, null=True, description="Numbering series (NumberSequence).")
    issuer = fields.CharField(max_length=60, null=True, description="Issuer code of the numbering series.")
    year = fields.IntField(null=True, description="Numbering year.")
    sequence = fields.IntField(null=True, description="Number within series, issuer and year (gap-free).")
    kind = fields.CharEnumField(DocumentKind, max_length=40, db_index=True, description="Kind of document.")
    record_type = fields.CharEnumField(
        OfficialRecordType, max_length=40, null=True, db_index=True, description="For official records: what."
    )
    case: fields.ForeignKeyRelation[Case] = _fk("models.Case", "documents", "The case.")
    decision: fields.ForeignKeyNullableRelation[Decision] = _fk(
        "models.Decision", "documents", "The decision it follows (ADM-1).", True
    )
    # ProtectionProgram.agreement / willingness_statement point here: a back-edge, no constraint.
    program: fields.ForeignKeyNullableRelation[ProtectionProgram] = _fk(
        "models.ProtectionProgram", "documents", "The program it concerns, if one.", True, constraint=False
    )
    protectee: fields.ForeignKeyNullableRelation[Protectee] = _fk(
        "models.Protectee", "documents", "The protectee it concerns or is addressed to.", True
    )
    recipient_agency: fields.ForeignKeyNullableRelation[Agency] = _fk(
        "models.Agency", "documents_received", "Law-enforcement or other agency addressed (ADM-3).", True
    )
    title = fields.CharField(max_length=300, null=True, description="Subject line.")
    body = fields.TextField(
        null=True, description="Text (internal); identities are merged in at rendering, never stored here."
    )
    scan_ref = EncryptedField(description="Reference to the signed scan (secret: it shows the identity).")
    issued_on = fields.DateField(null=True, db_index=True, description="Date of issue.")
    issued_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "documents_issued", "Who issued it.", True
    )
    signed_on_behalf_of_chair_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff",
        "documents_signed_for_chair",
        "Rights-fulfilment bureau head signing for the chair (ADM-4).",
        True,
    )
    countersigned_at = fields.DatetimeField(null=True, description="When LPSK's side signed (ADM-4).")
    signed_by_protectee = fields.BooleanField(
        default=False, description="Signed by the protectee (ADM-4/5/6)."
    )
    thumbprint = fields.BooleanField(default=False, description="Thumb-printed instead of signed (ADM-5).")
    signed_at = fields.DatetimeField(
        null=True, db_index=True, description="When the protectee signed (ADM-6)."
    )
    addendum_to: fields.ForeignKeyNullableRelation[Document] = _fk(
        "models.Document", "documents_addenda", "The agreement this addendum amends (CHG-1).", True
    )
    delivery_method = fields.CharEnumField(
        DeliveryMethod, max_length=40, null=True, description="How it was delivered (ADM-2)."
    )
    due_on = fields.DateField(
        null=True, db_index=True, description="Delivery deadline: decision + 7 days (ADM-2)."
    )
    delivered_at = fields.DatetimeField(
        null=True, db_index=True, description="When it was delivered (ADM-2)."
    )
    delivered_by: fields.ForeignKeyNullableRelation[Staff] = _fk(
        "models.Staff", "documents_delivered", "Officer who delivered it.", True
    )
    status = fields.CharEnumField(
        DocumentStatus,
        max_length=40,
        default=DocumentStatus.DRAFT,
        db_index=True,
        description="draft → issued → delivered / signed → revoked.",
    )
    revoked_at = fields.DatetimeField(null=True, description="When it was revoked.")
    revocation_reason = fields.TextField(null=True, description="Why it was revoked.")

    class Meta:
        table = "documents"
