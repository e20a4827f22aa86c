"""Who acts in the proactive actions beyond the engine's stock actors (workflows/engine/actors.py,
where the LPSK officer, the officer and the head of a unit by its function live): a member of a
proactive action's team — and `reachable`, the lookup of a record a step links to (a case, a
protectee, a program), within what the actor may read (AC-12).
"""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from tortoise.models import Model

from authz.principal import Principal, PrincipalKind
from authz.scope import scope
from models.proactive_actions import ProactiveTeamMember
from workflows.approvals import Capacity
from workflows.engine import Actor
from workflows.errors import NotFound

M = TypeVar("M", bound=Model)


def action_team_member(rule_id: str, label: str = "a member of the action's team") -> Actor:
    """An officer on the proactive action's investigation team (PRO-2, PRO-4).

    Granted with row scope `all` and narrowed by this check: an officer who may read the action (the
    review unit reads them all) but is off its team is refused FORBIDDEN, audited, rather than told
    the action does not exist. Team members read their action through `own` (authz/ownership.py)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        staff_id = principal.staff_id if principal.kind is PrincipalKind.STAFF else None
        if staff_id is None:
            return None
        on_team = await ProactiveTeamMember.filter(action_id=record.pk, staff_id=staff_id).exists()
        return Capacity(staff_id, post=f"team of proactive action {record.pk}") if on_team else None

    return Actor("action_team_member", rule_id, label, (("staff", "all"),), holds)


async def reachable(model: type[M], record_id: UUID, principal: Principal) -> M:
    """An id a step links to → the record, if the principal may read it; NOT_FOUND otherwise, exactly
    as for an unknown id (AC-12: linking must not reveal what one cannot see)."""
    found = await (await scope(model.filter(pk=record_id), principal)).first()
    if found is None:
        raise NotFound(model.__name__)
    return found


__all__ = ["action_team_member", "reachable"]
