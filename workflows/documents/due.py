"""Letters to the protectee that are due, and those overdue (ADM-2): for anyone listing them, and as
the `notification_letter` source of the deadlines list (workflows/deadlines.py). Rows are scoped in
SQL to what the principal may read (AC-12)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from authz.principal import Principal
from authz.scope import scope
from models.documents import NOTIFICATION_DUE_DAYS, Document, DocumentKind, DocumentStatus
from workflows.deadlines import MAX_PER_SOURCE, DeadlineItem, deadline_source
from workflows.engine import LOCAL_TIMEZONE
from workflows.messages import MESSAGES as CATALOGUE

RULE = "ADM-2"
SOURCE = "notification_letter"
LABEL_KEY = "documents.notification_due"
MAX_ITEMS = MAX_PER_SOURCE
CATALOGUE[LABEL_KEY] = (
    "Sampaikan surat pemberitahuan kepada Terlindung (paling lambat 7 hari setelah keputusan, ADM-2)",
    "Deliver the notification letter to the protectee (within 7 days of the decision, ADM-2)",
)


@dataclass(frozen=True)
class DueItem:
    """One thing with a deadline: what (`label_key` in the catalogue), which record, the last day and
    the moment it ends (`due_at`, end of that day in WIB), whether it is past due."""

    rule: str
    kind: str
    label_key: str
    record_type: str
    record_id: UUID
    code: str
    case_id: UUID
    due_on: dt.date
    due_at: dt.datetime
    overdue: bool


def _undelivered() -> object:
    return Document.filter(
        kind=DocumentKind.NOTIFICATION_PROTECTEE,
        status=DocumentStatus.ISSUED,
        delivered_at__isnull=True,
        due_on__isnull=False,
    )


def end_of(day: dt.date) -> dt.datetime:
    """The last moment of a calendar day in LPSK's offices (WIB), as UTC."""
    return dt.datetime.combine(day, dt.time.max, LOCAL_TIMEZONE).astimezone(dt.UTC)


async def due_items(principal: Principal | None, now: dt.datetime, limit: int = MAX_ITEMS) -> list[DueItem]:
    """Who asks + the moment → the protectee letters not yet delivered that they may read (scoped in
    SQL, AC-12), each with its last day (decision + 7 days) and whether that day has passed (ADM-2),
    soonest first, at most `limit`."""
    query = await scope(_undelivered(), principal)  # type: ignore[arg-type]
    rows = await query.order_by("due_on", "number").limit(limit).values("id", "number", "case_id", "due_on")
    return [
        DueItem(
            rule=RULE,
            kind="notification_letter",
            label_key=LABEL_KEY,
            record_type="Document",
            record_id=row["id"],
            code=row["number"],
            case_id=row["case_id"],
            due_on=row["due_on"],
            due_at=end_of(row["due_on"]),
            overdue=now > end_of(row["due_on"]),
        )
        for row in rows
    ]


@deadline_source(SOURCE)
async def letters_due(principal: Principal, now: dt.datetime) -> list[DeadlineItem]:
    """Who asks + the moment → the protectee letters they may read still to be delivered, each due at
    the end of the seventh day after the decision (ADM-2, Pasal 17(2)); past it, a breach."""
    return [
        DeadlineItem(
            source=SOURCE,
            rule_id=item.rule,
            record_type=item.record_type,
            record_id=item.record_id,
            code=item.code,
            label_key=item.label_key,
            due_at=item.due_at,
        )
        for item in await due_items(principal, now, MAX_PER_SOURCE)
    ]


async def overdue_letters(principal: Principal | None, now: dt.datetime) -> list[DueItem]:
    """Who asks + the moment → the protectee letters past their due date and still undelivered (ADM-2)."""
    return [item for item in await due_items(principal, now) if item.overdue]


def due_date(decided_on: dt.date) -> dt.date:
    """ADM-2 (Pasal 17(2)): 'selambat-lambatnya 7 (tujuh) hari setelah terbitnya Keputusan LPSK'."""
    return decided_on + dt.timedelta(days=NOTIFICATION_DUE_DAYS)


__all__ = [
    "LABEL_KEY",
    "RULE",
    "SOURCE",
    "DueItem",
    "due_date",
    "due_items",
    "end_of",
    "letters_due",
    "overdue_letters",
]
