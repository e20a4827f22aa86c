"""PRO-3's deadline as a source of the deadlines list (workflows/deadlines.py): every approved
proactive action without its outcome yet, due one calendar day after the leader's approval, as
far as the caller may read proactive actions (AC-12)."""

from __future__ import annotations

import datetime as dt

from authz.principal import Principal
from authz.scope import scope
from models.proactive_actions import ProactiveAction, ProactiveStatus
from workflows.deadlines import MAX_PER_SOURCE, DeadlineItem, deadline_source

# Approved, and the outcome not reached yet: the clock of PRO-3 runs.
AWAITING_OUTCOME = (ProactiveStatus.APPROVED, ProactiveStatus.TEAM_FORMED, ProactiveStatus.EXECUTING)


@deadline_source("proactive_action")
async def outcomes_due(principal: Principal, now: dt.datetime) -> list[DeadlineItem]:
    """Who asks → the proactive actions they may read whose outcome is due (PRO-3), earliest first."""
    query = ProactiveAction.filter(status__in=AWAITING_OUTCOME, deadline_at__isnull=False)
    rows = (
        await (await scope(query, principal))
        .order_by("deadline_at", "code")
        .limit(MAX_PER_SOURCE)
        .values("id", "code", "deadline_at")
    )
    return [
        DeadlineItem(
            source="proactive_action",
            rule_id="PRO-3",
            record_type=ProactiveAction.__name__,
            record_id=row["id"],
            code=row["code"],
            label_key="workflow.proactive_action.conclude",
            due_at=row["deadline_at"],
        )
        for row in rows
    ]


__all__ = ["AWAITING_OUTCOME", "outcomes_due"]
