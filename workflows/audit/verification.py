"""Walking the chain: where and how it first breaks (AC-14)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.audit import AuditEntry
from workflows.audit.chain import ZERO_HASH, compute_hash, fields_of
from workflows.messages import MESSAGES, Language, message

MESSAGES.update(
    {
        "audit.break.reordered": (
            "entri {n} memuat entri yang ditulis sebagai entri {written}",
            "entry {n} holds the entry written as {written}",
        ),
        "audit.break.renumbered": (
            "entri {n} memuat entri yang ditulis sebagai entri {written}: {count} entri dihapus dan "
            "sisanya dinomori ulang",
            "entry {n} holds the entry written as {written}: {count} entries were deleted and the rest "
            "renumbered",
        ),
        "audit.break.edited": (
            "entri {n} tidak lagi cocok dengan hash-nya: isinya telah diubah",
            "entry {n} no longer matches its hash: its content was changed",
        ),
        "audit.break.unlinked": (
            "entri {n} terkait pada entri yang sudah tidak ada: entri sebelumnya dihapus (dan sisanya "
            "dinomori ulang), atau entri {previous} ditulis ulang dengan hash yang dihitung ulang",
            "entry {n} was chained to an entry that no longer exists: an entry before it was deleted "
            "(and the rest renumbered), or entry {previous} was rewritten with a recomputed hash",
        ),
        "audit.break.out_of_order": (
            "entri {n} ditulis setelah entri {origin}, bukan setelah entri {previous}",
            "entry {n} was written after entry {origin}, not after entry {previous}",
        ),
        "audit.break.missing": (
            "entri {n} hilang: rantai melompat dari {previous} ke {found}",
            "entry {n} is missing: the chain goes from {previous} to {found}",
        ),
        "audit.break.anchor": (
            "entri {n} berbeda dari jangkar",
            "entry {n} differs from the anchor",
        ),
        "audit.break.tail": (
            "rantai berakhir di {last} tetapi jangkar menyebut entri {anchor}: ekornya dihapus",
            "the chain ends at {last} but the anchor names entry {anchor}: its tail was deleted",
        ),
    }
)

# (kind, catalogue key, parameters) of a break.
Break = tuple[str, str, dict[str, int]]

# How far back `verify` looks for the written position of a renumbered entry (failure path only).
RENUMBER_WINDOW = 10_000


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of walking the chain: intact, or where and how it first breaks (AC-14)."""

    ok: bool
    checked: int
    first_broken_sequence: int | None = None
    problem: str | None = None  # in English, for the CLI and logs; problem_in() for a reader's language
    kind: str | None = None  # "edited", "deleted" or "reordered"
    head_sequence: int = 0
    head_hash: str = ZERO_HASH
    problem_key: str | None = None
    problem_params: tuple[tuple[str, int], ...] = ()

    def problem_in(self, language: Language) -> str | None:
        """What is wrong, from the catalogue, in `language` (Q-U3); None when intact."""
        if self.problem_key is None:
            return None
        return message(self.problem_key, language, **dict(self.problem_params))


async def _position_of(entry_hash: str) -> int | None:
    if entry_hash == ZERO_HASH:
        return 0
    rows = await AuditEntry.filter(entry_hash=entry_hash).limit(1).values_list("sequence", flat=True)
    return rows[0] if rows else None


async def _diagnose(entry: AuditEntry, expected_previous: str) -> Break | None:
    """An entry read in order → None when sound, else (kind, key, parameters) of what is wrong with it."""
    n = entry.sequence
    fields = fields_of(entry)
    if compute_hash(fields) != entry.entry_hash:
        origin = await _position_of(entry.previous_hash)
        # Content that hashes right under another position was moved, not rewritten.
        if origin is not None and origin + 1 != n:
            if compute_hash({**fields, "sequence": origin + 1}) == entry.entry_hash:
                return "reordered", "audit.break.reordered", {"n": n, "written": origin + 1}
        if origin is None:
            # Its predecessor is gone: were entries deleted and the rest renumbered down?
            for written in range(n + 1, n + 1 + RENUMBER_WINDOW):
                if compute_hash({**fields, "sequence": written}) == entry.entry_hash:
                    params = {"n": n, "written": written, "count": written - n}
                    return "deleted", "audit.break.renumbered", params
        return "edited", "audit.break.edited", {"n": n}
    if entry.previous_hash != expected_previous:
        origin = await _position_of(entry.previous_hash)
        if origin is None:
            return "deleted", "audit.break.unlinked", {"n": n, "previous": n - 1}
        return "reordered", "audit.break.out_of_order", {"n": n, "origin": origin, "previous": n - 1}
    return None


async def verify(
    batch_size: int = 1000,
    *,
    anchor: tuple[int, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> VerifyResult:
    """The whole chain → ok, or the first broken link and whether an entry was edited,
    deleted or reordered; streamed in batches of `batch_size` (AC-14).

    `anchor` (sequence, entry_hash), recorded earlier from `head()`, must still be in the
    chain: that is what detects a deleted tail. `progress(checked, last_sequence)` is
    called after every batch.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    checked, last_sequence, last_hash = 0, 0, ZERO_HASH

    def broken(sequence: int, kind: str, key: str, params: dict[str, int]) -> VerifyResult:
        return VerifyResult(
            False,
            checked,
            sequence,
            message(key, "en", **params),
            kind,
            last_sequence,
            last_hash,
            problem_key=key,
            problem_params=tuple(params.items()),
        )

    while True:
        batch = await AuditEntry.filter(sequence__gt=last_sequence).order_by("sequence").limit(batch_size)
        for entry in batch:
            expected = last_sequence + 1
            if entry.sequence != expected:
                params = {"n": expected, "previous": last_sequence, "found": entry.sequence}
                return broken(expected, "deleted", "audit.break.missing", params)
            problem = await _diagnose(entry, last_hash)
            if problem is not None:
                return broken(entry.sequence, *problem)
            if anchor is not None and entry.sequence == anchor[0] and entry.entry_hash != anchor[1]:
                return broken(entry.sequence, "edited", "audit.break.anchor", {"n": entry.sequence})
            checked, last_sequence, last_hash = checked + 1, entry.sequence, entry.entry_hash
        if progress is not None and batch:
            progress(checked, last_sequence)
        if len(batch) < batch_size:
            break
    if anchor is not None and last_sequence < anchor[0]:
        params = {"last": last_sequence, "anchor": anchor[0]}
        return broken(last_sequence + 1, "deleted", "audit.break.tail", params)
    return VerifyResult(True, checked, head_sequence=last_sequence, head_hash=last_hash)
