"""Row scoping: every list, lookup and loader asks here which rows the caller may reach (AC-12).

The policies (authz/enforcer.py) say which *scopes* a principal's roles hold on a
resource for an action; authz/ownership.py says which columns express each scope for
each table. The result is one SQL condition added to the query — never a filter after
fetch — so pages are full and counts never include hidden rows.
"""

from __future__ import annotations

from typing import Any, TypeVar

from tortoise import Tortoise
from tortoise.expressions import Q, Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet
from tortoise.signals import post_delete, post_save

from authz import enforcer, units
from authz.ownership import OWNERSHIP, Ownership, Path, Through
from authz.principal import Principal, PrincipalKind
from models.organisation import Unit
from workflows.errors import Forbidden, Unauthenticated

QS = TypeVar("QS", bound=QuerySet[Any])

# Scopes that reach every row (none_identity: every row, secret fields stay masked).
UNRESTRICTED = frozenset({"all", "none_identity"})
NOTHING = Q(id__isnull=True)  # ids are never null: matches no row


def _one(path: Path, values: list[Any]) -> Q:
    if isinstance(path, Through):
        linked = Tortoise.apps["models"][path.model].filter(**{f"{path.key}__in": values}, **dict(path.where))
        return Q(**{f"{path.on}__in": Subquery(linked.values(path.link))})
    return Q(**{f"{path}__in": values})


def _any_of(paths: tuple[Path, ...], values: Any) -> Q | None:
    values = list(values)
    if not paths or not values:
        return None
    condition = _one(paths[0], values)
    for path in paths[1:]:
        condition |= _one(path, values)
    return condition


def condition_for(model: type[Model], granted: frozenset[str], principal: Principal) -> Q | None:
    """Granted scopes → the SQL condition for `model` (None: no restriction)."""
    if granted & UNRESTRICTED:
        return None
    ownership = OWNERSHIP.get(model._meta.db_table, Ownership())
    parts: list[Q | None] = []
    if "subtree" in granted:
        parts.append(_any_of(ownership.unit, units.descendants(principal.headed_unit_ids)))
    if "unit" in granted and principal.unit_id is not None:
        parts.append(_any_of(ownership.unit, [principal.unit_id]))
    if "team" in granted:
        parts.append(_any_of(ownership.team, principal.team_ids))
    if "own" in granted and principal.staff_id is not None:
        parts.append(_any_of(ownership.own, [principal.staff_id]))
    if "agency" in granted and principal.agency_id is not None:
        parts.append(_any_of(ownership.agency, [principal.agency_id]))
    if "reporter" in granted and principal.reporter_id is not None:
        parts.append(_any_of(ownership.reporter, [principal.reporter_id]))
    if "house" in granted:
        parts.append(_any_of(ownership.house, principal.managed_house_ids))
    present = [p for p in parts if p is not None]
    if not present:
        return NOTHING
    condition = present[0]
    for part in present[1:]:
        condition |= part
    return condition


async def scope(queryset: QS, principal: Principal | None, action: str = "read") -> QS:
    """Query + who asks + what for → the same query restricted to the permitted rows.

    No principal → UNAUTHENTICATED; no granted scope → a query that matches nothing.
    """
    if principal is None:
        raise Unauthenticated()
    if principal.kind is PrincipalKind.SYSTEM:
        return queryset
    model = queryset.model
    granted = await enforcer.scopes(principal, model._meta.db_table, action)
    if "subtree" in granted:
        await units.ensure_fresh()
    condition = condition_for(model, granted, principal)
    return queryset if condition is None else queryset.filter(condition)


@post_save(Unit)
async def _unit_saved(sender: Any, instance: Unit, created: bool, using_db: Any, update_fields: Any) -> None:
    units.mark_stale()  # other processes hear of it through notify_units_changed (authz/watcher.py)


@post_delete(Unit)
async def _unit_deleted(sender: Any, instance: Unit, using_db: Any) -> None:
    units.mark_stale()


async def require(principal: Principal | None, resource: str, action: str) -> Principal:
    """Who asks + resource + action → the principal, or UNAUTHENTICATED / FORBIDDEN (deny by default).

    A refusal is audited (AC-13). Call it before opening the transaction of the change: an entry
    written inside a transaction that then rolls back would vanish with it.
    """
    if principal is None:
        raise Unauthenticated()
    if principal.kind is PrincipalKind.SYSTEM:
        return principal
    if not await enforcer.allowed(principal, resource, action):
        await audit_refusal(principal, resource, action)
        raise Forbidden()
    return principal


async def audit_refusal(principal: Principal, resource: str, action: str) -> None:
    """A refused operation → an audit entry naming who, what and the resource type, never a row."""
    from workflows.audit import record  # the trail imports principals: import on first use

    await record(f"{resource}.{action}", principal=principal, outcome="refused", subject_type=resource[:60])
