"""The audit trail: append-only, hash-chained entries and their verification (AC-13, AC-14).

Every entry carries `sequence` (gap-free from 1), `previous_hash` (the `entry_hash` of
entry `sequence - 1`, 64 zeros for the first) and `entry_hash`: SHA-256 over
"perisai-audit-v1", a newline and a canonical JSON (sorted keys, ISO UTC times, UUIDs as text) of
every other field of the entry, previous_hash included. Changing any stored
field breaks that entry's hash; deleting or moving an entry breaks the link of the one
after it. `verify` walks the chain and names the first broken link.

What the chain cannot show on its own: a deleted *tail* (the newest entries removed, the
chain still consistent up to its new head). Anchor the head elsewhere — `head()` gives
`(sequence, entry_hash)`; print it to an external log daily — and pass the anchor to
`verify` (or `perisai audit verify --anchor SEQ:HASH`) to detect that too.

Transactions (Q-R1): a caller that changes data calls `record()` inside its own
`async with in_transaction():` block. Tortoise then uses the same connection, so the
change and its audit entry commit or roll back together, and a rolled-back entry leaves
no gap. On PostgreSQL `record()` takes a transaction-level advisory lock that serialises
writers until the caller's transaction ends: call it as the last step before commit.
Called outside a transaction, `record()` opens one of its own. On SQLite the single
connection already serialises writers; a lost race on `sequence` is retried either way.

`chain` writes entries, `diffs` builds secret-free before/after, `verification` walks the chain.
"""

from workflows.audit.chain import (
    ADVISORY_LOCK_KEY,
    HASHED_FIELDS,
    ZERO_HASH,
    as_utc,
    bind_request,
    canonical,
    compute_hash,
    fields_of,
    head,
    json_safe,
    record,
    utcnow,
)
from workflows.audit.diffs import diff, secret_field_names, snapshot
from workflows.audit.verification import VerifyResult, verify

__all__ = [
    "ADVISORY_LOCK_KEY",
    "HASHED_FIELDS",
    "ZERO_HASH",
    "VerifyResult",
    "as_utc",
    "bind_request",
    "canonical",
    "compute_hash",
    "diff",
    "fields_of",
    "head",
    "json_safe",
    "record",
    "secret_field_names",
    "snapshot",
    "utcnow",
    "verify",
]
