"""Secret-field disclosure: one decision for GraphQL, the admin panel and exports (AC-11).

A secret field is shown in clear only to a principal whose roles hold a scope on the
pseudo-resource `secret_fields:<table>` that reaches the row (the case team, the
rights-fulfilment bureau head, safe-house managers for their residents, the leaders).
Everyone else gets `null` and a masked form. The decision is made in SQL for a batch
of rows, and every disclosure is audited (AC-13).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from uuid import UUID

from tortoise.models import Model

from authz import enforcer, units
from authz.principal import Principal, PrincipalKind
from authz.scope import condition_for
from models.secrets import SecretDecryptionError, mask, reveal

ROW_SCOPES_WITHOUT_IDENTITY = frozenset({"none_identity"})


def secret_resource(model: type[Model]) -> str:
    return f"secret_fields:{model._meta.db_table}"


async def revealable_ids(model: type[Model], ids: Iterable[UUID], principal: Principal | None) -> set[UUID]:
    """Rows of `model` among `ids` whose secret fields `principal` may read in clear."""
    wanted = list(ids)
    if principal is None or not wanted:
        return set()
    if principal.kind is PrincipalKind.SYSTEM:
        return set(wanted)
    granted = await enforcer.scopes(principal, secret_resource(model), "read") - ROW_SCOPES_WITHOUT_IDENTITY
    if not granted:
        return set()
    if "subtree" in granted:
        await units.ensure_fresh()
    condition = condition_for(model, granted, principal)
    query = model.filter(id__in=wanted)
    if condition is not None:
        query = query.filter(condition)
    return set(await query.values_list("id", flat=True))


def masked_value(instance: Any, field_name: str) -> str | None:
    """The masked form of a secret field ('S***i'); a value that fails to decrypt masks as '***'."""
    try:
        return mask(reveal(instance, field_name))
    except SecretDecryptionError:
        return "***"
