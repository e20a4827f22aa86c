"""Cross-cutting records: workflow history, approvals and the audit trail (AC-7, AC-13–15)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tortoise import fields
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.manager import Manager
from tortoise.queryset import QuerySet

from models.base import PerisaiModel, StrEnum


class PrincipalKind(StrEnum):
    STAFF = "staff"
    PARTNER_TOKEN = "partner_token"  # noqa: S105 — a kind of principal, not a secret
    REPORTER = "reporter"
    SYSTEM = "system"
    ANONYMOUS = "anonymous"


class ApprovalDecision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


class WorkflowHistory(PerisaiModel):
    """One state change of a workflow record: from, action, to, who, why, when (AC-15)."""

    subject_type = fields.CharField(
        max_length=60, db_index=True, description="Model name of the record, e.g. Placement."
    )
    subject_id = fields.UUIDField(db_index=True, description="Id of the record.")
    action = fields.CharField(max_length=60, db_index=True, description="Workflow action taken.")
    from_state = fields.CharField(max_length=40, null=True, description="State before (none at creation).")
    to_state = fields.CharField(max_length=40, description="State after.")
    actor: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Staff",
        related_name="workflow_histories",
        null=True,
        on_delete=fields.RESTRICT,
        description="Staff member who acted (none for partners, reporters and the system).",
    )
    acting_for: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Staff",
        related_name="workflow_histories_acted_for",
        null=True,
        on_delete=fields.RESTRICT,
        description="The official the actor was acting for, if any (AC-6).",
    )
    principal_kind = fields.CharEnumField(
        PrincipalKind, max_length=40, description="Kind of principal that acted."
    )
    principal_ref = fields.CharField(
        max_length=100, null=True, description="Token prefix or reporter id, for non-staff."
    )
    reason = fields.TextField(null=True, description="Reason given (required for rejections).")
    occurred_at = fields.DatetimeField(db_index=True, description="When the change happened.")

    class Meta:
        table = "workflow_histories"


class Approval(PerisaiModel):
    """One approver's decision on one step of a workflow record. Distinct approvers per
    step are enforced by a unique constraint as well as by the workflow (AC-7)."""

    subject_type = fields.CharField(
        max_length=60, db_index=True, description="Model name of the record approved."
    )
    subject_id = fields.UUIDField(db_index=True, description="Id of the record approved.")
    step = fields.CharField(max_length=60, description="Workflow step the approval belongs to.")
    approver: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Staff", related_name="approvals", on_delete=fields.RESTRICT, description="Who approved."
    )
    acting_for: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Staff",
        related_name="approvals_acted_for",
        null=True,
        on_delete=fields.RESTRICT,
        description="The official the approver acted for, if any (AC-6).",
    )
    decision = fields.CharEnumField(ApprovalDecision, max_length=40, description="Approved or rejected.")
    note = fields.TextField(null=True, description="Consideration or reason.")
    decided_at = fields.DatetimeField(description="When the approver decided.")

    class Meta:
        table = "approvals"
        unique_together = (("subject_type", "subject_id", "step", "approver"),)


class AuditTrailAppendOnly(Exception):
    """An attempt to change, delete or insert around the audit chain through the ORM (AC-14)."""


class _AppendOnlyQuerySet(QuerySet):
    """Bulk writes would bypass the chain: refused, like instance updates and deletes (AC-14)."""

    def update(self, **kwargs: Any) -> Any:
        raise AuditTrailAppendOnly("audit entries are append-only (AC-14): they cannot be updated")

    def delete(self) -> Any:
        raise AuditTrailAppendOnly("audit entries are append-only (AC-14): they cannot be deleted")

    def bulk_update(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditTrailAppendOnly("audit entries are append-only (AC-14): they cannot be updated")

    def bulk_create(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditTrailAppendOnly("audit entries are written one by one by workflows.audit.record")


class _AppendOnlyManager(Manager):
    def get_queryset(self) -> QuerySet:
        return _AppendOnlyQuerySet(self._model)


class AuditEntry(PerisaiModel):
    """An append-only, hash-chained audit record (AC-13, AC-14). Diffs never contain
    secret fields; the chain makes an edit or deletion detectable."""

    # Timestamps are part of the hashed content, so both are set once by the writer
    # instead of by the ORM at save time (auto_now would change them behind the hash).
    created_at = fields.DatetimeField(description="When the entry was written (UTC); hashed, never changes.")
    updated_at = fields.DatetimeField(
        description="Equal to created_at: an entry is never updated (AC-14); hashed."
    )
    sequence = fields.BigIntField(unique=True, description="Position in the chain, gap-free from 1.")
    occurred_at = fields.DatetimeField(db_index=True, description="When it happened.")
    principal_kind = fields.CharEnumField(PrincipalKind, max_length=40, description="Kind of principal.")
    principal_ref = fields.CharField(
        max_length=100, null=True, db_index=True, description="Staff id, token prefix or reporter id."
    )
    acting_as = fields.CharField(
        max_length=100, null=True, description="Position or role the principal acted as."
    )
    action = fields.CharField(
        max_length=100, db_index=True, description="What was done, e.g. placement.request."
    )
    subject_type = fields.CharField(
        max_length=60, null=True, db_index=True, description="Model name of the record."
    )
    subject_id = fields.UUIDField(null=True, db_index=True, description="Id of the record.")
    outcome = fields.CharField(max_length=40, db_index=True, description="ok, refused or failed.")
    changes = fields.JSONField(null=True, description="Before/after of non-secret fields.")
    source_ip = fields.CharField(max_length=64, null=True, description="Where the request came from.")
    request_id = fields.CharField(
        max_length=64, null=True, db_index=True, description="Request id for correlation."
    )
    previous_hash = fields.CharField(
        max_length=64, description="Hash of the previous entry (zeros for the first)."
    )
    entry_hash = fields.CharField(
        max_length=64, unique=True, description="SHA-256 over this entry and previous_hash."
    )

    class Meta:
        table = "audit_entries"
        manager = _AppendOnlyManager()

    async def save(
        self,
        using_db: BaseDBAsyncClient | None = None,
        update_fields: Iterable[str] | None = None,
        force_create: bool = False,
        force_update: bool = False,
    ) -> None:
        """Insert once, through workflows.audit.record only; any update is refused (AC-14)."""
        if self._saved_in_db or update_fields or force_update:
            raise AuditTrailAppendOnly("audit entries are append-only (AC-14): they cannot be updated")
        if not getattr(self, "_chain_append", False):
            raise AuditTrailAppendOnly("audit entries are written only by workflows.audit.record (AC-14)")
        await super().save(using_db=using_db, force_create=True)

    async def delete(self, using_db: BaseDBAsyncClient | None = None) -> None:
        """Always refused: a deleted entry would break the chain (AC-14)."""
        raise AuditTrailAppendOnly("audit entries are append-only (AC-14): they cannot be deleted")
