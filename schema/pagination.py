"""Cursor connections (`first`/`after`, `totalCount`) with keyset pagination.

A cursor is opaque to clients: base64url of JSON `[order field, value, id]`. Keyset
(not offset) pagination keeps a page stable while rows are added and costs the same on
page 1 and page 1,000.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import uuid
from decimal import Decimal
from enum import Enum
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.expressions import Q
from tortoise.fields import DateField, DatetimeField, DecimalField, Field, UUIDField
from tortoise.queryset import QuerySet

from workflows.errors import ValidationFailed

T = TypeVar("T")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


@strawberry.enum(description="Sort direction.")
class SortDirection(Enum):
    ASC = "asc"
    DESC = "desc"


@strawberry.type(description="Where a page stands in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more rows follow this page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last row; pass it as `after`.")


@strawberry.type(description="One row of a page and its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque position of this row.")
    node: T = strawberry.field(description="The row.")


@strawberry.type(description="A page of a list, with its total size.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The rows of this page with their cursors.")
    nodes: list[T] = strawberry.field(description="The rows of this page.")
    page_info: PageInfo = strawberry.field(description="Paging information.")
    count_query: strawberry.Private[Any]

    @strawberry.field(description="Number of rows in the whole (filtered, permitted) list.")
    async def total_count(self) -> int:
        return int(await self.count_query.count())


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def encode_cursor(order_field: str, row: Any) -> str:
    payload = json.dumps(
        [order_field, _jsonable(getattr(row, order_field)), str(row.pk)], separators=(",", ":")
    )
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _parse(field: Field, raw: Any) -> Any:
    if raw is None:
        raise ValueError("null order value")
    if isinstance(field, DatetimeField):
        parsed = dt.datetime.fromisoformat(raw)
        if parsed.tzinfo is None:
            raise ValueError("naive datetime")
        return parsed
    if isinstance(field, DateField):
        return dt.date.fromisoformat(raw)
    if isinstance(field, DecimalField):
        return Decimal(raw)
    if isinstance(field, UUIDField):
        return uuid.UUID(raw)
    enum_type = getattr(field, "enum_type", None)
    if enum_type is not None:
        return enum_type(raw)
    if not isinstance(raw, (str, int, bool)):
        raise ValueError("bad value")
    return raw


def decode_cursor(cursor: str, order_field: str, model: Any) -> tuple[Any, uuid.UUID]:
    """Cursor text → (order value, id), or VALIDATION naming `after`."""
    try:
        if len(cursor) > 512:
            raise ValueError("too long")
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not (isinstance(raw, list) and len(raw) == 3 and raw[0] == order_field):
            raise ValueError("shape")
        value = _parse(model._meta.fields_map[order_field], raw[1])
        return value, uuid.UUID(raw[2])
    except (ValueError, TypeError, KeyError, binascii.Error, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValidationFailed("validation.cursor", field="after") from exc


async def paginate(
    query: QuerySet[Any],
    *,
    model: Any,
    first: int,
    after: str | None,
    order_field: str,
    direction: SortDirection,
) -> Connection[Any]:
    """A filtered, scoped query → one keyset page of it, ordered by `order_field` then id."""
    if first < 0 or first > MAX_PAGE_SIZE:
        raise ValidationFailed("validation.page_size", field="first", maximum=MAX_PAGE_SIZE)
    count_query = query
    descending = direction is SortDirection.DESC
    if after is not None:
        value, last_id = decode_cursor(after, order_field, model)
        if order_field == "id":
            query = query.filter(id__lt=last_id) if descending else query.filter(id__gt=last_id)
        elif descending:
            query = query.filter(
                Q(**{f"{order_field}__lt": value}) | Q(**{order_field: value, "id__lt": last_id})
            )
        else:
            query = query.filter(
                Q(**{f"{order_field}__gt": value}) | Q(**{order_field: value, "id__gt": last_id})
            )
    prefix = "-" if descending else ""
    ordering = [f"{prefix}id"] if order_field == "id" else [f"{prefix}{order_field}", f"{prefix}id"]
    rows = list(await query.order_by(*ordering).limit(first + 1)) if first else []
    has_next = len(rows) > first
    rows = rows[:first]
    edges = [Edge(cursor=encode_cursor(order_field, row), node=row) for row in rows]
    return Connection(
        edges=edges,
        nodes=rows,
        page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
        count_query=count_query,
    )
