"""Whom to appoint (ORG-5, Pasal 9(2): assignments rest on professionalism, competence and
collaboration): staff searched by competency, by unit with the units below it, and by current load —
the number of their assignments between the letter and the unit head's acceptance (ASG-10, PERF-4).

One SQL query answers a page, whatever its size: the load is a correlated count in the same
statement, the competency criteria are subqueries over the competencies the caller may read, and the
rows are those the caller may read (`authz.scope`, AC-12) — nothing is filtered after fetch.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from tortoise.expressions import Q, RawSQL, Subquery
from tortoise.queryset import QuerySet

from authz import units
from authz.principal import Principal
from authz.scope import require, scope
from models.assignments import AssignmentScope, AssignmentStatus
from models.organisation import CompetencyLevel, Position, Staff, StaffCompetency
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "staff_search.criteria": (
            "Kriteria pencarian tidak sah ('{field}': {reason}).",
            "The search criteria are not valid ('{field}': {reason}).",
        ),
    }
)

# Between the letter and the unit head's acceptance, an assignment is work on someone's desk.
ACTIVE = (
    AssignmentStatus.LETTER_ISSUED,
    AssignmentStatus.DELIVERED,
    AssignmentStatus.IN_PROGRESS,
    AssignmentStatus.RESULTS_SUBMITTED,
)
LEVELS = tuple(CompetencyLevel)  # lowest first
# Assignments are given to functional officials and executors (Pasal 9(1)).
ASSIGNABLE = (Position.FUNCTIONAL_OFFICIAL, Position.EXECUTOR)
MAX_COMPETENCIES = 10


class StaffOrder(StrEnum):
    LOAD = "load"  # least busy first
    NAME = "full_name"


@dataclass(frozen=True)
class StaffCriteria:
    """What a unit head looks for: every competency named (at `min_level` or above), within
    `unit_id` and the units below it, with at most `max_load` active assignments."""

    competency_codes: tuple[str, ...] = ()
    min_level: CompetencyLevel | None = None
    unit_id: UUID | None = None
    max_load: int | None = None

    def __post_init__(self) -> None:
        if len(self.competency_codes) > MAX_COMPETENCIES:
            raise ValidationFailed(
                "staff_search.criteria", field="filter.competencies", reason=f"at most {MAX_COMPETENCIES}"
            )
        if self.max_load is not None and self.max_load < 0:
            raise ValidationFailed("staff_search.criteria", field="filter.maxLoad", reason="not below 0")


# The load of the outer query's staff row, in plain SQL that SQLite and PostgreSQL both run.
LOAD_SQL = (
    '(SELECT COUNT(*) FROM "assignments" "load_a" WHERE "load_a"."status" IN ({statuses}) '
    'AND ("load_a"."staff_id" = "staff"."id" OR ("load_a"."scope" = \'{team}\' '
    'AND "load_a"."team_id" IN (SELECT "load_m"."team_id" FROM "team_memberships" "load_m" '
    'WHERE "load_m"."staff_id" = "staff"."id" '
    'AND ("load_m"."left_on" IS NULL OR "load_m"."left_on" >= \'{today}\')))))'
)


def load_expression(today: dt.date) -> RawSQL:
    """The load of each staff row: its active assignments, given to the person or to a team they
    are on today. Only enum constants and an ISO date are spliced in, never caller input."""
    if not isinstance(today, dt.date):
        raise TypeError("today must be a date")
    statuses = ", ".join(f"'{status.value}'" for status in ACTIVE)
    sql = LOAD_SQL.format(statuses=statuses, team=AssignmentScope.TEAM.value, today=today.isoformat())
    return RawSQL(sql)


async def search_staff(
    principal: Principal | None, criteria: StaffCriteria, today: dt.date
) -> QuerySet[Staff]:
    """Who asks + criteria → the query of matching, assignable staff the caller may read, each row
    annotated with its `load` (ORG-5); competencies count only where the caller may read them (AC-12)."""
    principal = await require(principal, Staff._meta.db_table, "read")
    query = Staff.filter(active=True, agency_id=None, position__in=list(ASSIGNABLE))
    if criteria.unit_id is not None:
        await units.ensure_fresh()
        query = query.filter(unit_id__in=list(units.descendants([criteria.unit_id])))
    levels = LEVELS[LEVELS.index(criteria.min_level) :] if criteria.min_level else LEVELS
    for code in dict.fromkeys(criteria.competency_codes):
        held = StaffCompetency.filter(competency__code=code, level__in=list(levels))
        visible = await scope(held, principal)
        query = query.filter(id__in=Subquery(visible.values("staff_id")))
    query = query.annotate(load=load_expression(today))
    if criteria.max_load is not None:
        query = query.filter(load__lte=criteria.max_load)
    return await scope(query, principal)


def after(query: QuerySet[Staff], order: StaffOrder, value: object, last_id: UUID) -> QuerySet[Staff]:
    """The rows strictly after (`value`, `last_id`) in `order` (keyset pagination)."""
    field = order.value
    return query.filter(Q(**{f"{field}__gt": value}) | Q(**{field: value, "id__gt": last_id}))


def ordered(query: QuerySet[Staff], order: StaffOrder) -> QuerySet[Staff]:
    """The rows in `order`, then by id, so that a page boundary is stable."""
    return query.order_by(order.value, "id")


__all__ = ["ACTIVE", "StaffCriteria", "StaffOrder", "after", "load_expression", "ordered", "search_staff"]
