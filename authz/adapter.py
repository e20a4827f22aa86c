"""A Casbin adapter over the `policy_rules` table (models/policies.py), for casbin.AsyncEnforcer.

Our own, not casbin-tortoise-adapter: that one pulls in the old `casbin` distribution and
its batch insert breaks on Tortoise 1.x (stack-notes). Every write is idempotent — a
line another process already stored is not an error — because each process's
in-memory policy may lag the table by up to one reload.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from casbin.persist.adapters.asyncio import AsyncAdapter, AsyncBatchAdapter
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from models.policies import PolicyRule

FIELDS = ("v0", "v1", "v2", "v3", "v4", "v5")


def _row(ptype: str, rule: Sequence[str]) -> dict[str, str]:
    values = [str(v).strip() for v in rule]
    if len(values) > len(FIELDS):
        raise ValueError(f"a policy line has at most {len(FIELDS)} fields")
    return {"ptype": ptype, **dict(zip(FIELDS, values + [""] * (len(FIELDS) - len(values)), strict=True))}


def _values(row: dict[str, Any]) -> list[str]:
    values = [row[f] or "" for f in FIELDS]
    while values and values[-1] == "":
        values.pop()
    return values


async def stored_lines() -> set[tuple[str, ...]]:
    """Every stored line as (ptype, v0, …) without trailing empty fields."""
    rows = await PolicyRule.all().values("ptype", *FIELDS)
    return {(row["ptype"], *_values(row)) for row in rows}


class PolicyRuleAdapter(AsyncAdapter, AsyncBatchAdapter):
    """Loads and stores Casbin `p`/`g` lines as PolicyRule rows (AC-2 … AC-12)."""

    async def load_policy(self, model: Any) -> None:
        rows = await PolicyRule.all().order_by("ptype", *FIELDS).values("ptype", *FIELDS)
        for row in rows:
            ptype = row["ptype"]
            section = model.model.get(ptype[:1])
            if section is not None and ptype in section:
                section[ptype].policy.append(_values(row))

    async def save_policy(self, model: Any) -> bool:
        lines = [
            (ptype, rule)
            for sec in ("p", "g")
            for ptype, assertion in model.model.get(sec, {}).items()
            for rule in assertion.policy
        ]
        async with in_transaction():
            await PolicyRule.all().delete()
            await self.store_missing(lines)
        return True

    async def add_policy(self, sec: str, ptype: str, rule: Sequence[str]) -> bool:
        await self.store_missing([(ptype, rule)])
        return True

    async def add_policies(self, sec: str, ptype: str, rules: Iterable[Sequence[str]]) -> bool:
        async with in_transaction():
            await self.store_missing([(ptype, rule) for rule in rules])
        return True

    async def remove_policy(self, sec: str, ptype: str, rule: Sequence[str]) -> bool:
        await PolicyRule.filter(**_row(ptype, rule)).delete()
        return True

    async def remove_policies(self, sec: str, ptype: str, rules: Iterable[Sequence[str]]) -> bool:
        async with in_transaction():
            for rule in rules:
                await PolicyRule.filter(**_row(ptype, rule)).delete()
        return True

    async def remove_filtered_policy(
        self, sec: str, ptype: str, field_index: int, *field_values: str
    ) -> bool:
        if not 0 <= field_index < len(FIELDS) or field_index + len(field_values) > len(FIELDS):
            raise ValueError("filter outside the policy fields")
        condition = Q(ptype=ptype)
        for offset, value in enumerate(field_values):
            if value:  # Casbin: an empty filter value matches anything
                condition &= Q(**{FIELDS[field_index + offset]: str(value).strip()})
        await PolicyRule.filter(condition).delete()
        return True

    @staticmethod
    async def store_missing(lines: Iterable[tuple[str, Sequence[str]]]) -> int:
        """(ptype, rule) lines → those not yet stored are stored; returns how many were new."""
        wanted: dict[tuple[str, ...], dict[str, str]] = {}
        for ptype, rule in lines:
            row = _row(ptype, rule)
            wanted[tuple(row[k] for k in ("ptype", *FIELDS))] = row
        if not wanted:
            return 0
        existing = {
            tuple(r)
            for r in await PolicyRule.filter(ptype__in={k[0] for k in wanted}).values_list("ptype", *FIELDS)
        }
        missing = [PolicyRule(**row) for key, row in wanted.items() if key not in existing]
        if missing:
            # ignore_conflicts: a concurrent writer may store the same line meanwhile.
            await PolicyRule.bulk_create(missing, ignore_conflicts=True)
        return len(missing)
