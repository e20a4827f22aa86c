"""What an outside principal may see of a row it reaches: one allow-list per table (AC-2, AC-3, AC-11).

Row scope (authz/scope.py) decides *which* rows a partner agency's token or a public reporter
reaches; this declaration decides *which fields* of those rows they see. AC-2: a token sees "only
data addressed to its own agency" — a record addressed to it still carries LPSK's working notes
(review findings, other cases' codes, staff references, internal assessments) that are not. AC-11
tiers: the *public* fields (ids, codes, statuses, dates) are always listed, plus what the agency or
reporter itself submitted or what is addressed to it; everything else is hidden.

Deny by default: a column added to one of these tables later is hidden from outside principals until
someone adds it here; a table an outside principal reaches without an entry here is refused
(schema/registry.py). Secret fields (models.secrets.EncryptedField) are not listed: authz/masking.py
governs them as before. Staff and the system are never restricted by this declaration.
"""

from __future__ import annotations

from collections.abc import Mapping

from authz.principal import Principal, PrincipalKind
from authz.scope import audit_refusal
from workflows.errors import DomainError, ErrorCode
from workflows.messages import MESSAGES

MESSAGES.update(
    {
        "forbidden.outside_field": (
            "Kolom '{field}' tidak terbuka bagi instansi mitra dan pelapor: tidak dapat dipakai untuk "
            "menyaring atau mengurutkan (AC-2, AC-11).",
            "Field '{field}' is not open to partner agencies and reporters: it cannot filter or order "
            "(AC-2, AC-11).",
        ),
    }
)

# Kinds this declaration does not restrict; every other kind (and no principal) sees the allow-list only.
INSIDE_KINDS = frozenset({PrincipalKind.STAFF, PrincipalKind.SYSTEM})

# AC-11 "public": on every row an outside principal reaches.
PUBLIC = frozenset({"id", "created_at", "updated_at"})


def _fields(*names: str) -> frozenset[str]:
    return PUBLIC | frozenset(names)


OUTSIDE_FIELDS: dict[str, frozenset[str]] = {
    # The agency's own record (AC-2: the partner role reads its agency only).
    "agencies": _fields("code", "name", "kind", "region", "contact_email", "active"),
    # APP-4, TRM-1b: the agency follows its referral's number, channel and state — never the review
    # (review_summary, possible_duplicates: OTHER cases' codes), the case, the person or the reviewers.
    "applications": _fields(
        "number",
        "initiator",
        "initiating_official_name",
        "channel",
        "received_at",
        "reviewed_at",
        "status",
        "withdrawn_at",
        "initiating_agency_id",
        "referred_by_agency_id",
    ),
    # APP-4: the programs asked for, without LPSK's internal note on them.
    "application_program_requests": _fields("application_id", "program_kind"),
    # ADM-3: the letter addressed to the agency (its text says only what ADM-3 allows) and its delivery —
    # not the case, decision, program or person it was made from, nor who issued or delivered it.
    "documents": _fields(
        "number",
        "kind",
        "record_type",
        "title",
        "body",
        "issued_on",
        "countersigned_at",
        "signed_at",
        "delivery_method",
        "due_on",
        "delivered_at",
        "status",
        "revoked_at",
        "recipient_agency_id",
    ),
    # ASG-3, ASG-4: what the agency must answer (purpose, the officer named) and the written answers and
    # decision — not the deciding head's availability note, the team, assignment or LPSK staff involved.
    "involvement_requests": _fields(
        "code",
        "direction",
        "kind",
        "status",
        "purpose",
        "decided_at",
        "reason",
        "agency_letter",
        "requesting_agency_id",
        "target_agency_id",
        "requested_staff_id",
    ),
    # SH-10: the requesting agency follows its request's state and dates — not the house (a secret-tier
    # location), the person, case, decisions or approving staff, nor the grounds of a termination.
    "placements": _fields(
        "code",
        "kind",
        "handling_purpose",
        "requesting_official",
        "requested_at",
        "willingness_statement",
        "willingness_stated_at",
        "bureau_head_approved_at",
        "approved_at",
        "status",
        "accepted_on",
        "preparation_due_on",
        "preparation_completed_at",
        "placed_at",
        "ended_at",
        "requesting_agency_id",
    ),
    # VR-6: the referral addressed to the agency, with its own acknowledgement and handling report —
    # not the admin who referred it.
    "referrals": _fields(
        "referred_at",
        "reason",
        "status",
        "acknowledged_at",
        "decline_reason",
        "handling_report",
        "handled_at",
        "report_id",
        "to_agency_id",
    ),
    # VR-2, VR-7: what the reporter (or the district service's token) submitted, its state and deadline —
    # not the intake admin or companion working it.
    "violence_reports": _fields(
        "code",
        "victim_kind",
        "victim_gender",
        "victim_age",
        "violence_kind",
        "occurred_at",
        "region",
        "relation_to_victim",
        "submitted_at",
        "due_at",
        "status",
        "confirmed_at",
        "closed_at",
        "agency_id",
        "reporter_id",
    ),
    # AC-3: the reporter's own account state (phone and name stay with masking).
    "reporters": _fields("phone_verified_at", "status", "last_seen_at", "agency_id"),
    # VR-4: the reporter follows the visit's progress — not which staff member goes or assigned it.
    "field_visits": _fields("report_id", "status", "assigned_at", "departed_at", "arrived_at", "ended_at"),
    # VR-4: the companion's positions while under way (coordinates stay with masking).
    "visit_positions": _fields("visit_id", "recorded_at"),
    # Lamp. 3.c.4: the problem put to the head of the agency owning the performance, which it must read
    # to decide — not the team, the lead or the LPSK official it might otherwise have gone to.
    "escalations": _fields(
        "to_agency_head",
        "owning_agency_id",
        "agency_letter",
        "problem",
        "alternatives",
        "recommendation",
        "status",
        "resolution",
        "resolved_at",
    ),
    # Lamp. 3.c.4: the decision the agency's head recorded itself — not the staff member who recorded it.
    "agency_escalation_decisions": _fields(
        "escalation_id", "agency_id", "decision", "agency_letter", "status"
    ),
}


def is_outside(principal: Principal | None) -> bool:
    """Who asks → True unless LPSK staff or the system: partner tokens, reporters, anyone else (AC-2)."""
    return principal is None or principal.kind not in INSIDE_KINDS


def declared(table: str) -> bool:
    """Table → whether outside principals may reach it at all (deny by default)."""
    return table in OUTSIDE_FIELDS


def outside_may_see(table: str, column: str) -> bool:
    """Table + non-secret column → whether outside principals see it (unknown table or column: no)."""
    return column in OUTSIDE_FIELDS.get(table, frozenset())


class OutsideField(DomainError):
    """A filter or ordering on a field hidden from outside principals (AC-2, AC-11)."""

    code = ErrorCode.FORBIDDEN

    def __init__(self, argument: str) -> None:
        super().__init__("forbidden.outside_field", field=argument, rule="AC-11")


async def refuse_hidden(table: str, principal: Principal, columns: Mapping[str, str]) -> None:
    """Outside principal + the columns a query filters or orders by (argument → column) → FORBIDDEN on
    the first one hidden from them (AC-11), audited like any refusal; nothing when all are visible.

    Refused rather than dropped: a dropped condition would answer rows the caller believes match it,
    and the refusal depends only on this declaration, never on the data, so it reveals nothing."""
    for argument, column in columns.items():
        if not outside_may_see(table, column):
            await audit_refusal(principal, table, "read")
            raise OutsideField(argument)
