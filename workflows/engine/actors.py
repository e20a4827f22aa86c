"""Who may take a transition, declared as data: a position, a portfolio, or a relation to the
record ("head of the record's target unit", "the staff member concerned", "the team lead").

Each actor is evaluated against the Principal — authority read from the data at request time,
acting appointments in force included (AC-6) — and the locked record, and answers with the
`Capacity` it acts in (own post, or acting for someone: recorded in the history). It also says
which policy roles may hold it and with which row scope: the Casbin lines are derived from that.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from uuid import UUID

from tortoise.models import Model

from authz.principal import Principal, PrincipalKind
from models.organisation import Position
from workflows.approvals import Capacity
from workflows.approvals.rules import HEAD_POSITIONS

Holds = Callable[[Principal, Model], Awaitable[Capacity | None]]


@dataclass(frozen=True)
class Actor:
    """One kind of actor: `holds(principal, record)` → the capacity, or None when this principal
    is not that actor for that record. `grants` are the (policy role, row scope) pairs of the
    default policy lines that let the holders through `require()`."""

    name: str
    rule_id: str
    label: str
    grants: tuple[tuple[str, str], ...]
    holds: Holds

    @property
    def doc(self) -> str:
        return f"{self.label} ({self.rule_id})"


def _staff_id(principal: Principal) -> UUID | None:
    if principal.kind is not PrincipalKind.STAFF:
        return None
    return principal.staff_id


def position(post: Position, rule_id: str, label: str | None = None) -> Actor:
    """Whoever holds `post`, in their own right or acting in it (AC-6)."""
    value = post.value

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        staff_id = _staff_id(principal)
        if staff_id is None:
            return None
        if principal.position == value:
            return Capacity(staff_id, post=value)
        for acting in principal.acting:
            if acting.position == value:
                return Capacity(staff_id, True, acting.acting_for_id, value)
        return None

    return Actor(value, rule_id, label or value.replace("_", " "), ((f"position:{value}", "all"),), holds)


def portfolio(code: str, rule_id: str, label: str | None = None) -> Actor:
    """A leader holding the portfolio `code` today, or acting in a leader's post with it (AC-6)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        staff_id = _staff_id(principal)
        if staff_id is None:
            return None
        post = f"leader[{code}]"
        if principal.position == Position.LEADER.value and code in principal.portfolios:
            return Capacity(staff_id, post=post)
        for acting in principal.acting:
            if acting.position == Position.LEADER.value and acting.portfolio == code:
                return Capacity(staff_id, True, acting.acting_for_id, post)
        return None

    return Actor(
        f"portfolio_{code}", rule_id, label or f"leader for {code}", ((f"portfolio:{code}", "all"),), holds
    )


def head_of_unit(unit_id: UUID | None, principal: Principal) -> Capacity | None:
    """The capacity in which `principal` heads exactly `unit_id` — in post, or acting (AC-6)."""
    staff_id = _staff_id(principal)
    if staff_id is None or unit_id is None or unit_id not in principal.headed_unit_ids:
        return None
    post = f"head of unit {unit_id}"
    for acting in principal.acting:
        if acting.position in HEAD_POSITIONS and acting.unit_id == unit_id:
            return Capacity(staff_id, True, acting.acting_for_id, post)
    return Capacity(staff_id, post=post)


def head_of(unit_field: str, rule_id: str, label: str, name: str | None = None) -> Actor:
    """The head of the unit the record's `unit_field` names — that unit only, not a unit above
    it (AC-6) — in post or acting; the Administrator of an administrative unit counts (ORG-2)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        return head_of_unit(getattr(record, unit_field), principal)

    # Administrators and the Secretary General reach position:unit_head lines by grouping.
    return Actor(
        name or f"head_of_{unit_field.removesuffix('_id')}",
        rule_id,
        label,
        (("position:unit_head", "subtree"),),
        holds,
    )


def staff_concerned(staff_field: str, rule_id: str, label: str = "the staff member concerned") -> Actor:
    """The person the record's `staff_field` names, for their own application or report."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        staff_id = _staff_id(principal)
        if staff_id is None or staff_id != getattr(record, staff_field):
            return None
        return Capacity(staff_id, post="staff member concerned")

    return Actor(f"staff_{staff_field.removesuffix('_id')}", rule_id, label, (("staff", "own"),), holds)


def team_lead(team_field: str, rule_id: str, label: str = "the team lead") -> Actor:
    """The current lead of the team the record's `team_field` names (ORG-8)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        from models.assignments import Team

        staff_id = _staff_id(principal)
        team_id = getattr(record, team_field)
        if staff_id is None or team_id is None:
            return None
        lead = await Team.filter(id=team_id).values_list("lead_id", flat=True)
        if not lead or lead[0] != staff_id:
            return None
        return Capacity(staff_id, post=f"lead of team {team_id}")

    return Actor("team_lead", rule_id, label, (("team_member", "team"),), holds)


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


def lpsk_officer(rule_id: str, label: str = "an LPSK officer") -> Actor:
    """Any of LPSK's own staff in a structural or functional post (leaders included)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        staff_id = _staff_id(principal)
        if staff_id is None or principal.position not in OFFICER_POSITIONS:
            return None
        return Capacity(staff_id, post=str(principal.position))

    return Actor("lpsk_officer", rule_id, label, (("staff", "own"),), holds)


def of_function(principal: Principal, *functions: str) -> Capacity | None:
    """Staff of a unit with one of `functions` (ORG-1: rules name units by function), or the head
    (in post or acting, AC-6) of such a unit → their capacity; anyone else → None."""
    staff_id = _staff_id(principal)
    if staff_id is None:
        return None
    if principal.unit_function in functions:
        return Capacity(staff_id, post=f"{principal.position} of a {principal.unit_function} unit")
    headed = principal.headed_unit_functions & set(functions)
    if headed:
        return Capacity(staff_id, post=f"head of a {sorted(headed)[0]} unit")
    return None


def unit_officer(function: str, rule_id: str, label: str) -> Actor:
    """Staff of a unit with `function`, its head included (see `of_function`)."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        return of_function(principal, function)

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
        staff_id = _staff_id(principal)
        if staff_id is None or function not in principal.headed_unit_functions:
            return None
        return Capacity(staff_id, post=f"head of a {function} unit")

    return Actor(f"head_{function}", rule_id, label, ((f"head:{function}", "all"),), holds)


__all__ = [
    "OFFICER_POSITIONS",
    "Actor",
    "Holds",
    "head_of",
    "head_of_function",
    "head_of_unit",
    "lpsk_officer",
    "of_function",
    "portfolio",
    "position",
    "staff_concerned",
    "team_lead",
    "unit_officer",
]
