"""What is due and what is overdue, across the workflows that carry a time limit: the proactive
action's outcome within one calendar day of approval (PRO-3), the notification letter within 7
days of the decision (ADM-2), the safe-house preparation within 7 days (SH-12), …

Each kind of deadline is a *source*: an async function `(principal, now) → items`, registered
with `@deadline_source("name")` in the workflow module that owns the deadline (a module named in
WORKFLOW_MODULES, so it is imported before the sources are asked). A source answers the open
obligations — not yet met — that the principal may read, selected with `authz.scope` in the
database query (AC-12), at most MAX_PER_SOURCE of them, earliest first. `due(principal, now)`
merges every source, earliest first; an item past its time is overdue: the breach is flagged
(PRO-3, ADM-2, SH-12). Registered today: `proactive_action` (PRO-3,
workflows/proactive_actions/deadlines.py) and `notification_letter` (ADM-2, workflows/documents/due.py).

    @deadline_source("proactive_action")
    async def proactive_actions_due(principal: Principal, now: dt.datetime) -> list[DeadlineItem]:
        query = await scope(ProactiveAction.filter(status__in=OPEN), principal)
        ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from uuid import UUID

from authz.principal import Principal
from workflows import audit
from workflows.engine import workflows
from workflows.errors import Unauthenticated

MAX_PER_SOURCE = 500


@dataclass(frozen=True)
class DeadlineItem:
    """One open obligation with a time limit: which record, what is due (a catalogue key, shown in
    the caller's language), by when, and the rule that sets the limit. Plain values only: no
    secret field, nothing that needs the record loaded again to be shown."""

    source: str
    rule_id: str
    record_type: str
    record_id: UUID
    code: str
    label_key: str
    due_at: dt.datetime

    def overdue(self, now: dt.datetime) -> bool:
        """The time limit has passed with the obligation still open: a breach."""
        return now > self.due_at


DeadlineSource = Callable[[Principal, dt.datetime], Awaitable[Sequence[DeadlineItem]]]

_sources: dict[str, DeadlineSource] = {}


def deadline_source(name: str) -> Callable[[DeadlineSource], DeadlineSource]:
    """Decorator: registers a source of deadlines under `name` (once per name)."""

    def wrap(source: DeadlineSource) -> DeadlineSource:
        known = _sources.get(name)
        if known is not None and known is not source:
            raise ValueError(f"two deadline sources are named {name}")
        _sources[name] = source
        return source

    return wrap


def sources() -> dict[str, DeadlineSource]:
    """Every registered source, by name (the workflow modules imported first, so theirs are in)."""
    workflows()
    return dict(sorted(_sources.items()))


async def due(principal: Principal | None, now: dt.datetime | None = None) -> list[DeadlineItem]:
    """Who asks → every open obligation they may read, from every source, earliest due first;
    UNAUTHENTICATED without a principal."""
    if principal is None:
        raise Unauthenticated()
    when = audit.as_utc(now or audit.utcnow())
    found: list[DeadlineItem] = []
    for source in sources().values():
        found.extend(await source(principal, when))
    return sorted(found, key=lambda item: (item.due_at, item.code))


__all__ = ["MAX_PER_SOURCE", "DeadlineItem", "DeadlineSource", "deadline_source", "due", "sources"]
