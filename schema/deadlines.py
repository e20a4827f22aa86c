"""What is due and overdue, over GraphQL: one list across every workflow with a time limit — the
proactive action's outcome (PRO-3), the notification letters (ADM-2), the safe-house preparations
(SH-12), as their sources are registered (workflows/deadlines.py). Rows are scoped to the caller
in each source's query (AC-12): someone who reads nothing of a kind sees none of it."""

import datetime as dt

import strawberry
from strawberry.types import Info

from workflows import audit
from workflows.deadlines import due
from workflows.messages import message


@strawberry.type(description="An open obligation with a time limit, and whether the limit has passed.")
class Deadline:
    source: str = strawberry.field(
        description="Kind of deadline, e.g. proactive_action, notification_letter."
    )
    rule: str = strawberry.field(description="The spec rule setting the limit, e.g. PRO-3, ADM-2, SH-12.")
    record_type: str = strawberry.field(description="Kind of record concerned, e.g. ProactiveAction.")
    record_id: strawberry.ID = strawberry.field(description="Id of the record concerned.")
    code: str = strawberry.field(description="Public number of the record, e.g. TP-2026-0003.")
    label: str = strawberry.field(description="What is due, in the request's language.")
    due_at: dt.datetime = strawberry.field(description="When it is due (UTC).")
    overdue: bool = strawberry.field(
        description="The limit has passed and the obligation is still open: a breach, flagged (PRO-3, ADM-2, SH-12)."
    )


@strawberry.type(description="Deadlines across the workflows.")
class Query:
    @strawberry.field(
        description="Everything due that the caller may read, earliest first, the overdue flagged: the outcome "
        "of a proactive action one calendar day after its approval (PRO-3), the notification letter to the "
        "protectee by the end of the seventh day after the decision (ADM-2), and the other time limits "
        "whose workflows register a source (SH-12)."
    )
    async def deadlines(self, info: Info) -> list[Deadline]:
        now = audit.utcnow()
        language = "en" if info.context.language == "en" else "id"
        return [
            Deadline(
                source=item.source,
                rule=item.rule_id,
                record_type=item.record_type,
                record_id=strawberry.ID(str(item.record_id)),
                code=item.code,
                label=message(item.label_key, language),
                due_at=item.due_at,
                overdue=item.overdue(now),
            )
            for item in await due(info.context.principal, now)
        ]
