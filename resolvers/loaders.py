"""Per-request dataloaders: one batched, scoped query per relation per request (Q-P1)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from authz.masking import revealable_ids
from authz.scope import scope
from workflows.disclosure import audit_secret_read


class Loaders:
    """`by_id(Model)` loads records by id; `by_fk(Model, field)` loads the records whose
    foreign key `field` points at each key. Both go through authz.scope."""

    def __init__(self, principal: Any, request_id: str | None = None) -> None:
        self.principal = principal
        self.request_id = request_id
        self._loaders: dict[tuple[Any, ...], DataLoader[Any, Any]] = {}

    def by_id(self, model: type[Model]) -> DataLoader[UUID, Model | None]:
        key = ("id", model)
        if key not in self._loaders:

            async def load(ids: Sequence[UUID]) -> list[Model | None]:
                rows = await (await scope(model.filter(id__in=list(ids)), self.principal))
                found = {row.pk: row for row in rows}
                return [found.get(i) for i in ids]

            self._loaders[key] = DataLoader(load_fn=load)
        return self._loaders[key]

    def revealable(self, model: type[Model]) -> DataLoader[UUID, bool]:
        """Whether each row's secret fields may be shown in clear; one query per batch (AC-11)."""
        key = ("reveal", model)
        if key not in self._loaders:

            async def load(ids: Sequence[UUID]) -> list[bool]:
                allowed = await revealable_ids(model, ids, self.principal)
                if allowed:
                    await audit_secret_read(self.principal, model, sorted(allowed, key=str), self.request_id)
                return [i in allowed for i in ids]

            self._loaders[key] = DataLoader(load_fn=load)
        return self._loaders[key]

    def by_fk(self, model: type[Model], fk_field: str) -> DataLoader[UUID, list[Model]]:
        key = ("fk", model, fk_field)
        if key not in self._loaders:
            source = model._meta.fields_map[fk_field].source_field  # e.g. "unit_id"

            async def load(ids: Sequence[UUID]) -> list[list[Model]]:
                query = model.filter(**{f"{source}__in": list(ids)}).order_by("created_at", "id")
                groups: dict[Any, list[Model]] = defaultdict(list)
                for row in await (await scope(query, self.principal)):
                    groups[getattr(row, source)].append(row)
                return [groups.get(i, []) for i in ids]

            self._loaders[key] = DataLoader(load_fn=load)
        return self._loaders[key]
