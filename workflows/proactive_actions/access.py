"""Who acts in the protection workflows (EMG-1, MON-1, PRO-1–5), beyond the engine's stock actors
(workflows/engine/actors.py): an LPSK officer, an officer of a unit by its function, the head of a
unit by its function, and a member of a proactive action's team — and `reachable`, the lookup of a
record a step links to (a case, a protectee, a program), within what the actor may read (AC-12).

Authority is read from the Principal (AC-1, AC-6); the grants are the policy lines that let the
holders through `require()`. Where a grant's row scope is `all`, the actor check — not the row
scope — is what narrows the step to the right people (see `action_team_member`).
"""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from tortoise.models import Model

from authz.principal import Principal, PrincipalKind
from authz.scope import scope
from models.organisation import Position
from models.proactive_actions import ProactiveTeamMember
from workflows.approvals import Capacity
from workflows.engine import Actor
from workflows.errors import NotFound

M = TypeVar("M", bound=Model)

# Posts of LPSK's own people: not an expert, who advises and does not act (AC-9, ORG-3), nor an
# outside agency's officer seconded to a team (ORG-4).
OFFICER_POSITIONS = frozenset(
    p.value
    for p in (
        Position.LEADER,
        Position.SECRETARY_GENERAL,
        Position.UNIT_HEAD,
        Position.ADMINISTRATOR,
        Position.FUNCTIONAL_OFFICIAL,
        Position.EXECUTOR,
    )
)


def _staff(principal: Principal) -> Capacity | None:
    if principal.kind is not PrincipalKind.STAFF or principal.staff_id is None:
        return None
    return Capacity(principal.staff_id, post=str(principal.position))


def lpsk_officer(rule_id: str, label: str = "an LPSK officer") -> Actor:
    """Any of LPSK's own staff in a structural or functional post (leaders included)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        capacity = _staff(principal)
        return capacity if capacity and principal.position in OFFICER_POSITIONS else None

    return Actor("lpsk_officer", rule_id, label, (("staff", "own"),), holds)


def unit_officer(function: str, rule_id: str, label: str) -> Actor:
    """Staff of a unit with `function` (ORG-1: rules name units by function), its head included."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        capacity = _staff(principal)
        if capacity is None:
            return None
        if principal.unit_function == function or function in principal.headed_unit_functions:
            return Capacity(capacity.staff_id, post=f"{principal.position} of a {function} unit")
        return None

    return Actor(
        f"officer_{function}",
        rule_id,
        label,
        ((f"unit:{function}", "all"), (f"head:{function}", "all")),
        holds,
    )


def head_of_function(function: str, rule_id: str, label: str) -> Actor:
    """The head (in post or acting, AC-6) of a unit with `function`."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        capacity = _staff(principal)
        if capacity is None or function not in principal.headed_unit_functions:
            return None
        return Capacity(capacity.staff_id, post=f"head of a {function} unit")

    return Actor(f"head_{function}", rule_id, label, ((f"head:{function}", "all"),), holds)


def action_team_member(rule_id: str, label: str = "a member of the action's team") -> Actor:
    """An officer on the proactive action's investigation team (PRO-2, PRO-4).

    Granted with row scope `all`: the proactive actions' ownership (authz/ownership.py) has no path
    through the team yet, so a narrower scope would hide the action from its own team."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        capacity = _staff(principal)
        if capacity is None:
            return None
        on_team = await ProactiveTeamMember.filter(action_id=record.pk, staff_id=capacity.staff_id).exists()
        return Capacity(capacity.staff_id, post=f"team of proactive action {record.pk}") if on_team else None

    return Actor("action_team_member", rule_id, label, (("staff", "all"),), holds)


async def reachable(model: type[M], record_id: UUID, principal: Principal) -> M:
    """An id a step links to → the record, if the principal may read it; NOT_FOUND otherwise, exactly
    as for an unknown id (AC-12: linking must not reveal what one cannot see)."""
    found = await (await scope(model.filter(pk=record_id), principal)).first()
    if found is None:
        raise NotFound(model.__name__)
    return found


__all__ = [
    "OFFICER_POSITIONS",
    "action_team_member",
    "head_of_function",
    "lpsk_officer",
    "reachable",
    "unit_officer",
]
