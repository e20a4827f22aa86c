"""Verifying the audit trail over GraphQL (AC-10, AC-14).

The entries themselves are read through the generated `auditEntries` list (filters on
action, subject, principal, outcome, request and time). Verification walks the whole
chain, so it is offered only to those who read every entry: the oversight unit (AC-10).
"""

import re
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from authz import enforcer
from authz.principal import PrincipalKind
from authz.scope import UNRESTRICTED, audit_refusal, require
from workflows import audit
from workflows.errors import Forbidden, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "audit.anchor_pair": (
            "Argumen '{field}' wajib diisi bersama anchorSequence dan anchorHash.",
            "Argument '{field}' must be given together with anchorSequence and anchorHash.",
        ),
        "audit.anchor_sequence": (
            "Argumen '{field}' harus bilangan bulat positif.",
            "Argument '{field}' must be a positive whole number.",
        ),
        "audit.anchor_hash": (
            "Argumen '{field}' harus 64 karakter heksadesimal.",
            "Argument '{field}' must be 64 hexadecimal characters.",
        ),
    }
)

RESOURCE = "audit_entries"
HASH_PATTERN = re.compile(r"[0-9a-f]{64}")


@strawberry.enum(description="How the audit chain is broken (AC-14).")
class AuditBreakKind(Enum):
    EDITED = strawberry.enum_value("edited", description="An entry's content no longer matches its hash.")
    DELETED = strawberry.enum_value(
        "deleted", description="Entries are missing (within the chain or at its tail)."
    )
    REORDERED = strawberry.enum_value("reordered", description="Entries were moved to other positions.")


@strawberry.type(description="The outcome of walking the audit chain (AC-14).")
class AuditVerification:
    intact: bool = strawberry.field(
        description="Whether every entry matches its hash and links to the one before."
    )
    checked: int = strawberry.field(description="How many entries were found sound before the first break.")
    first_broken_sequence: int | None = strawberry.field(
        description="Sequence of the first broken entry; null when intact."
    )
    kind: AuditBreakKind | None = strawberry.field(description="How the chain is broken; null when intact.")
    problem: str | None = strawberry.field(
        description="What is wrong there, in words, in the request's language; null when intact."
    )
    head_sequence: int = strawberry.field(
        description="Sequence of the last sound entry; keep it with headHash outside the database as an anchor."
    )
    head_hash: str = strawberry.field(description="Hash of the last sound entry (64 zeros when none).")


def _anchor(sequence: int | None, entry_hash: str | None) -> tuple[int, str] | None:
    if sequence is None and entry_hash is None:
        return None
    if sequence is None:
        raise ValidationFailed("audit.anchor_pair", field="anchorSequence")
    if entry_hash is None:
        raise ValidationFailed("audit.anchor_pair", field="anchorHash")
    if sequence < 1:
        raise ValidationFailed("audit.anchor_sequence", field="anchorSequence")
    text = entry_hash.strip().lower()
    if not HASH_PATTERN.fullmatch(text):
        raise ValidationFailed("audit.anchor_hash", field="anchorHash")
    return sequence, text


@strawberry.type(description="Checking the audit trail.")
class Query:
    @strawberry.field(
        description="Walk the audit chain and report whether it is intact, or where and how it first breaks "
        "(AC-14). For those who read every audit entry: the oversight unit (AC-10)."
    )
    async def audit_verify(
        self,
        info: Info,
        anchor_sequence: Annotated[
            int | None,
            strawberry.argument(
                description="Sequence of a head recorded earlier (with anchorHash): detects a deleted tail."
            ),
        ] = None,
        anchor_hash: Annotated[
            str | None,
            strawberry.argument(description="Hash of that head, as headHash gave it (with anchorSequence)."),
        ] = None,
    ) -> AuditVerification:
        principal = await require(info.context.principal, RESOURCE, "read")
        # The walk reads every entry: a row-scoped reader would learn of entries it may not see.
        if principal.kind is not PrincipalKind.SYSTEM:
            if not await enforcer.scopes(principal, RESOURCE, "read") & UNRESTRICTED:
                await audit_refusal(principal, RESOURCE, "read")
                raise Forbidden()
        result = await audit.verify(anchor=_anchor(anchor_sequence, anchor_hash))
        return AuditVerification(
            intact=result.ok,
            checked=result.checked,
            first_broken_sequence=result.first_broken_sequence,
            kind=AuditBreakKind(result.kind) if result.kind else None,
            problem=result.problem_in("en" if getattr(info.context, "language", "id") == "en" else "id"),
            head_sequence=result.head_sequence,
            head_hash=result.head_hash,
        )
