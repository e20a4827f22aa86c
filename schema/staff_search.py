"""`staffSearch` — whom a unit head may appoint: staff by competency, unit (with the units below
it) and current load, a keyset-paginated connection (ORG-5). The query is built in
workflows/staff_search.py; rows and competencies are scoped there (AC-12), relations of the rows
(unit, competencies) come through the request's dataloaders (Q-P1)."""

import base64
import binascii
import json
import uuid
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from models.organisation import CompetencyLevel, Staff
from schema.build import build_registry
from schema.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Connection, Edge, PageInfo
from workflows import audit
from workflows.engine import LOCAL_TIMEZONE
from workflows.errors import ValidationFailed
from workflows.staff_search import StaffCriteria, StaffOrder, after, ordered, search_staff

REGISTRY = build_registry()
StaffType = REGISTRY.specs[Staff].gql_type
CompetencyLevelType = REGISTRY.enum_type(CompetencyLevel)


@strawberry.enum(description="How staff candidates are ordered (then by id, for stable pages).")
class StaffSearchOrder(Enum):
    LOAD = strawberry.enum_value("load", description="Fewest active assignments first.")
    NAME = strawberry.enum_value("full_name", description="By name, A to Z.")


@strawberry.input(
    description="What a unit head looks for in a candidate (ORG-5); every condition given must hold."
)
class StaffSearchFilter:
    competencies: list[str] | None = strawberry.field(
        default=None,
        description="Competency codes (e.g. psychology) the person must all hold, at minLevel or above; "
        "only competencies you may read count (AC-12).",
    )
    min_level: CompetencyLevelType | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="The lowest level of the named competencies that counts."
    )
    unit_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only staff of this unit or of the units below it."
    )
    max_load: int | None = strawberry.field(
        default=None, description="Only staff with at most this many active assignments."
    )


@strawberry.type(description="A person one may appoint, with their current load (ORG-5).")
class StaffCandidate:
    staff: StaffType = strawberry.field(  # type: ignore[valid-type]
        description="The staff member: unit, position and competencies through their own fields."
    )
    active_assignments: int = strawberry.field(
        description="Assignments on their desk now: given to them or to a team they are on, from the "
        "letter until the unit head accepts the results (ASG-10, PERF-4)."
    )


def _cursor(order: StaffOrder, row: Any) -> str:
    value = row.load if order is StaffOrder.LOAD else row.full_name
    payload = json.dumps([order.value, value, str(row.pk)], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _decode(cursor: str, order: StaffOrder) -> tuple[Any, uuid.UUID]:
    try:
        if len(cursor) > 512:
            raise ValueError("too long")
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not (isinstance(raw, list) and len(raw) == 3 and raw[0] == order.value):
            raise ValueError("shape")
        wanted = int if order is StaffOrder.LOAD else str
        if type(raw[1]) is not wanted:
            raise ValueError("value")
        return raw[1], uuid.UUID(raw[2])
    except (ValueError, TypeError, binascii.Error, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValidationFailed("validation.cursor", field="after") from exc


def _criteria(given: StaffSearchFilter | None) -> StaffCriteria:
    if given is None:
        return StaffCriteria()
    unit_id = None
    if given.unit_id is not None:
        try:
            unit_id = uuid.UUID(str(given.unit_id))
        except ValueError as exc:
            raise ValidationFailed("validation.id", field="filter.unitId") from exc
    return StaffCriteria(
        competency_codes=tuple(code.strip() for code in given.competencies or () if code.strip()),
        min_level=CompetencyLevel(given.min_level.value) if given.min_level is not None else None,
        unit_id=unit_id,
        max_load=given.max_load,
    )


@strawberry.type(description="Finding staff to appoint (ORG-5).")
class Query:
    @strawberry.field(
        description="Staff a unit head may appoint — functional officials and executors — by competency, "
        "unit (with the units below it) and current load, a page at a time (ORG-5). Only staff and "
        "competencies you may read are searched (AC-12)."
    )
    async def staff_search(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="Page size, 0 to 100.")] = DEFAULT_PAGE_SIZE,
        after_cursor: Annotated[
            str | None,
            strawberry.argument(name="after", description="Cursor of the row after which the page starts."),
        ] = None,
        filter: Annotated[
            StaffSearchFilter | None, strawberry.argument(description="Conditions every candidate meets.")
        ] = None,
        order_by: Annotated[
            StaffSearchOrder, strawberry.argument(description="Fewest active assignments first, or by name.")
        ] = StaffSearchOrder.LOAD,
    ) -> Connection[StaffCandidate]:
        order = StaffOrder(order_by.value)
        if first < 0 or first > MAX_PAGE_SIZE:
            raise ValidationFailed("validation.page_size", field="first", maximum=MAX_PAGE_SIZE)
        today = audit.utcnow().astimezone(LOCAL_TIMEZONE).date()
        query = await search_staff(info.context.principal, _criteria(filter), today)
        page = query
        if after_cursor is not None:
            value, last_id = _decode(after_cursor, order)
            page = after(query, order, value, last_id)
        rows = list(await ordered(page, order).limit(first + 1)) if first else []
        has_next = len(rows) > first
        edges = [
            Edge(cursor=_cursor(order, row), node=StaffCandidate(staff=row, active_assignments=int(row.load)))
            for row in rows[:first]
        ]
        return Connection(
            edges=edges,
            nodes=[edge.node for edge in edges],
            page_info=PageInfo(has_next_page=has_next, end_cursor=edges[-1].cursor if edges else None),
            count_query=query,
        )
