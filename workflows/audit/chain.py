"""Writing the chain: canonical form, hashes, `record()` and `head()` (AC-13, AC-14)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID, uuid4

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

from authz.principal import Principal
from authz.principal import PrincipalKind as RequestPrincipalKind
from models.audit import AuditEntry, PrincipalKind

ZERO_HASH = "0" * 64
HASH_VERSION = "perisai-audit-v1"
# Every stored field but entry_hash, fixed here so that adding a column to the model is a
# deliberate decision (and a new hash version), not a silent break of every old entry.
HASHED_FIELDS: tuple[str, ...] = (
    "id",
    "created_at",
    "updated_at",
    "sequence",
    "occurred_at",
    "principal_kind",
    "principal_ref",
    "acting_as",
    "action",
    "subject_type",
    "subject_id",
    "outcome",
    "changes",
    "source_ip",
    "request_id",
    "previous_hash",
)
# Constant key of the PostgreSQL advisory lock guarding the chain head ("PERISAI" in ASCII).
ADVISORY_LOCK_KEY = 0x50455249534149
APPEND_ATTEMPTS = 5

# Request-supplied texts are cut to their column; names chosen in code must fit.
_TRUNCATED = {"principal_ref": 100, "acting_as": 100, "source_ip": 64, "request_id": 64}
_CHECKED = {"action": 100, "outcome": 40, "subject_type": 60}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class RequestFacts:
    """Where the current request comes from; set once per request by the app (AC-13 "from where")."""

    request_id: str | None = None
    source_ip: str | None = None


NO_REQUEST = RequestFacts()  # frozen: safe to share as the default
CURRENT_REQUEST: ContextVar[RequestFacts] = ContextVar("perisai_current_request", default=NO_REQUEST)


def bind_request(request_id: str | None, source_ip: str | None) -> None:
    """The app, at the start of a request → every entry written while serving it names it."""
    CURRENT_REQUEST.set(RequestFacts(request_id=request_id, source_ip=source_ip))


# --- canonical form and hashing -------------------------------------------------------------


def as_utc(value: dt.datetime) -> dt.datetime:
    # A naive time is taken as UTC: the ORM runs with use_tz, so nothing stored is naive.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def json_safe(value: Any) -> Any:
    """Any value a model field holds → plain JSON (Decimal as text, times ISO UTC, enums by value)."""
    if isinstance(value, Enum):
        return json_safe(value.value)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        # PostgreSQL's jsonb prints 1e20 back as 100000000000000000000, an integer: store
        # whole floats as integers so the hash of what was written equals that of what is read.
        return int(value) if value.is_integer() else value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return as_utc(value).isoformat(timespec="microseconds")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [json_safe(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    return str(value)


def canonical(values: Mapping[str, Any]) -> str:
    """The hashed fields of an entry → one stable JSON text (sorted keys, no spaces)."""
    body = {name: json_safe(values.get(name)) for name in HASHED_FIELDS}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def compute_hash(values: Mapping[str, Any]) -> str:
    """The hashed fields of an entry (previous_hash among them) → its SHA-256 hex digest (AC-14)."""
    return hashlib.sha256(f"{HASH_VERSION}\n{canonical(values)}".encode()).hexdigest()


def fields_of(entry: AuditEntry) -> dict[str, Any]:
    """A stored entry → the values its hash covers."""
    return {name: getattr(entry, name) for name in HASHED_FIELDS}


# --- writing ------------------------------------------------------------------------------


def _acting_as(principal: Principal) -> str | None:
    if principal.kind is RequestPrincipalKind.STAFF:
        parts = [principal.position] if principal.position else []
        parts += [f"acting {post.position}" for post in principal.acting]
        if principal.is_system_admin:
            parts.append("system_admin")
        return ", ".join(parts) or None
    if principal.kind is RequestPrincipalKind.PARTNER_TOKEN:
        return f"agency:{principal.agency_id}" if principal.agency_id else "partner"
    return principal.kind.value


async def _append(conn: BaseDBAsyncClient, values: dict[str, Any]) -> AuditEntry:
    if conn.capabilities.dialect == "postgres":
        # Held until the outermost transaction ends, so the next writer reads the head only
        # after this entry is committed (or rolled back): no fork, no reused sequence.
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_KEY])
    head = (
        await AuditEntry.all()
        .using_db(conn)
        .order_by("-sequence")
        .limit(1)
        .values_list("sequence", "entry_hash")
    )
    sequence, previous = (head[0][0] + 1, head[0][1]) if head else (1, ZERO_HASH)
    entry = AuditEntry(id=uuid4(), sequence=sequence, previous_hash=previous, **values)
    entry.entry_hash = compute_hash(fields_of(entry))
    entry._chain_append = True
    await entry.save(using_db=conn)
    return entry


async def record(
    action: str,
    *,
    principal: Principal | None,
    outcome: str = "ok",
    subject_type: str | None = None,
    subject_id: UUID | None = None,
    changes: dict | None = None,
    source_ip: str | None = None,
    request_id: str | None = None,
    principal_kind: str | None = None,
    principal_ref: str | None = None,
    acting_as: str | None = None,
    now: dt.datetime | None = None,
) -> AuditEntry:
    """An auditable event → one entry appended to the chain, in the caller's transaction
    when there is one (else in its own), so it commits or rolls back with the change (AC-13, AC-14).

    `changes` must hold no secret value: build it with `diff()`. Explicit principal_kind,
    principal_ref and acting_as win over what `principal` says (sign-in attempts have none).
    """
    when = as_utc(now or utcnow())
    facts = CURRENT_REQUEST.get()
    source_ip = source_ip if source_ip is not None else facts.source_ip
    request_id = request_id if request_id is not None else facts.request_id
    kind = principal_kind or (principal.kind.value if principal else PrincipalKind.ANONYMOUS.value)
    values: dict[str, Any] = {
        "created_at": when,
        "updated_at": when,
        "occurred_at": when,
        "principal_kind": PrincipalKind(kind),
        "principal_ref": principal_ref
        if principal_ref is not None
        else (principal.ref if principal else None),
        "acting_as": acting_as if acting_as is not None else (_acting_as(principal) if principal else None),
        "action": action,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "outcome": outcome,
        # Stored as it will be read back, so the hash survives the database's JSON round trip.
        "changes": json.loads(json.dumps(json_safe(changes))) if changes is not None else None,
        "source_ip": source_ip,
        "request_id": request_id,
    }
    for name, limit in _CHECKED.items():
        if values[name] is not None and len(values[name]) > limit:
            raise ValueError(f"audit {name} longer than {limit} characters: {values[name][:limit]}…")
    for name, limit in _TRUNCATED.items():
        if values[name] is not None:
            values[name] = str(values[name])[:limit]

    for attempt in range(1, APPEND_ATTEMPTS + 1):
        try:
            # Nested in a caller's transaction this is a savepoint: a lost race on `sequence`
            # rolls back only the failed insert, and the retry reads the new head.
            async with in_transaction() as conn:
                return await _append(conn, values)
        except IntegrityError:
            if attempt == APPEND_ATTEMPTS:
                raise
    raise AssertionError("unreachable")


async def head() -> tuple[int, str]:
    """The chain → (sequence, entry_hash) of its newest entry, (0, zeros) when empty; keep it
    somewhere the database's owner cannot rewrite, to detect a deleted tail later (AC-14)."""
    rows = await AuditEntry.all().order_by("-sequence").limit(1).values_list("sequence", "entry_hash")
    return (rows[0][0], rows[0][1]) if rows else (0, ZERO_HASH)
