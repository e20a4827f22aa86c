"""The unit tree, cached in memory for synchronous lookups (AC-5).

Casbin's custom functions are synchronous and row scopes are built without a query per
request, so the tree (unit → parent) is read once and refreshed on the same change
notification as the policies (authz/watcher.py); units change rarely. A refresh builds
new maps and swaps them in one assignment, so a lookup never sees a half-built tree.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

log = logging.getLogger("perisai.authz")


@dataclass(frozen=True)
class _Tree:
    parent: dict[UUID, UUID | None] = field(default_factory=dict)
    children: dict[UUID, tuple[UUID, ...]] = field(default_factory=dict)


_tree = _Tree()
_stale = True  # nothing read yet; a saved or deleted Unit marks the tree stale again


def _build(rows: Iterable[tuple[UUID, UUID | None]]) -> _Tree:
    parent: dict[UUID, UUID | None] = {}
    children: dict[UUID, list[UUID]] = {}
    for unit_id, parent_id in rows:
        parent[unit_id] = parent_id
        if parent_id is not None:
            children.setdefault(parent_id, []).append(unit_id)
    return _Tree(parent=parent, children={k: tuple(v) for k, v in children.items()})


def load_tree(rows: Iterable[tuple[UUID, UUID | None]]) -> None:
    """(unit id, parent id) pairs → the cached tree, replaced at once."""
    global _tree, _stale
    _tree = _build(rows)
    _stale = False


def mark_stale() -> None:
    """A unit was saved or deleted in this process → the next scoped query re-reads the tree."""
    global _stale
    _stale = True


async def ensure_fresh() -> None:
    """Tree marked stale (by a unit change here, or never read) → read again before use."""
    if _stale:
        await refresh_unit_tree()


async def refresh_unit_tree() -> int:
    """Database reachable → the cached tree mirrors the units table; returns the unit count (AC-5)."""
    from models.organisation import Unit

    rows = await Unit.all().values_list("id", "parent_id")
    load_tree((UUID(str(unit_id)), UUID(str(parent)) if parent else None) for unit_id, parent in rows)
    return len(_tree.parent)


def descendants(unit_ids: Iterable[UUID]) -> frozenset[UUID]:
    """Units → those units and every unit below them in the cached tree (AC-5 subtree)."""
    tree = _tree
    seen: set[UUID] = set()
    stack = list(unit_ids)
    while stack:
        unit = stack.pop()
        if unit in seen:  # guards against a cycle in bad data
            continue
        seen.add(unit)
        stack.extend(tree.children.get(unit, ()))
    return frozenset(seen)


def is_within(unit_id: UUID | None, ancestor_id: UUID | None) -> bool:
    """True when `unit_id` is `ancestor_id` or lies below it in the cached tree (AC-5)."""
    if unit_id is None or ancestor_id is None:
        return False
    tree = _tree
    seen: set[UUID] = set()
    current: UUID | None = unit_id
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = tree.parent.get(current)
    return False


def unit_within(unit: object, ancestor: object) -> bool:
    """Casbin function `unitWithin(r.unit, p.unit)`: ids as text; anything malformed → False."""
    try:
        return is_within(UUID(str(unit)), UUID(str(ancestor)))
    except (TypeError, ValueError):
        return False
