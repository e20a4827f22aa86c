"""Row scope for Piccolo's queries, from the one place that decides it: `authz.scope.scope()` (AC-12).

`scope()` answers with a Tortoise queryset restricted by a SQL condition. The admin runs its
list, count, lookup and write queries through Piccolo, so that condition is carried over as SQL:
`<table>.id IN (SELECT id FROM <table> WHERE <scope condition>)`, parameters kept separate. Rows
are therefore filtered in the database — a page is never short and a count never includes a
hidden row — and the rule stays in authz/, not copied here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from piccolo.columns.combination import WhereRaw
from tortoise.models import Model

from authz.principal import Principal
from authz.scope import scope

_PG_PARAMETER = re.compile(r"\$(\d+)")


@dataclass(frozen=True)
class RowScope:
    """The rows of one table a principal may reach for one action; `where` None means all."""

    table: str
    where_sql: str | None = None
    args: tuple[Any, ...] = ()

    @property
    def unrestricted(self) -> bool:
        return self.where_sql is None

    def where(self) -> WhereRaw | None:
        """The condition as a Piccolo `WhereRaw` for a query on this table (None: no restriction)."""
        if self.where_sql is None:
            return None
        return WhereRaw(self.where_sql, *self.args)


def _piccolo_template(sql: str, params: list[Any], dialect: str) -> tuple[str, tuple[Any, ...]]:
    """Tortoise's parameterised SQL → Piccolo's QueryString template (`{}` placeholders)."""
    text = sql.replace("{", "{{").replace("}", "}}")
    if dialect == "postgres":
        ordered = [params[int(n) - 1] for n in _PG_PARAMETER.findall(text)]
        return _PG_PARAMETER.sub("{}", text), tuple(ordered)
    return text.replace("?", "{}"), tuple(params)


def _sql_of(queryset: Any) -> tuple[str, list[Any]]:
    # QuerySet.sql() drops the parameters; the same two steps keep them.
    queryset._choose_db_if_not_chosen()
    queryset._make_query()
    sql, params = queryset.query.get_parameterized_sql()
    return sql, list(params)


async def row_scope(model: type[Model], principal: Principal, action: str) -> RowScope:
    """Principal + model + action → the SQL condition on the model's table that `scope()` builds."""
    base = model.all()
    restricted = await scope(base, principal, action)
    table = model._meta.db_table
    if restricted is base:
        return RowScope(table=table)
    ids = restricted.values_list("id", flat=True)
    sql, params = _sql_of(ids)
    dialect = ids._db.capabilities.dialect
    template, args = _piccolo_template(sql, params, dialect)
    return RowScope(table=table, where_sql=f'"{table}"."id" IN ({template})', args=args)
