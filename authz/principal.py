"""Who is asking: the principal of a request and the roles its authority comes from (AC-1–4).

Authority is data read at request time (AC-1): position, unit (and the units below it,
AC-5), leadership portfolios held today, acting appointments in force (AC-6), team
memberships that rest on an approved involvement request and last only for the team's
life (AC-8). `roles` flattens that into the subject names the Casbin policies use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID


class PrincipalKind(StrEnum):
    STAFF = "staff"
    PARTNER_TOKEN = "partner_token"  # noqa: S105 — a kind of principal, not a secret
    REPORTER = "reporter"
    SYSTEM = "system"


@dataclass(frozen=True)
class ActingPost:
    """An acting appointment in force: `position` (of `unit_id`, or with `portfolio`) for `acting_for_id`."""

    position: str
    unit_id: UUID | None = None
    portfolio: str | None = None
    acting_for_id: UUID | None = None


@dataclass(frozen=True)
class Principal:
    kind: PrincipalKind
    # staff
    staff_id: UUID | None = None
    position: str | None = None
    unit_id: UUID | None = None
    unit_function: str | None = None
    headed_unit_ids: frozenset[UUID] = frozenset()  # units this person heads, in post or acting
    portfolios: frozenset[str] = frozenset()
    acting: tuple[ActingPost, ...] = ()
    headed_unit_functions: frozenset[str] = frozenset()  # functions of those units (head:rights_fulfilment)
    team_ids: frozenset[UUID] = frozenset()  # teams whose records this person may reach (AC-8)
    managed_house_ids: frozenset[UUID] = frozenset()  # safe houses this person manages (AC-11, SH-23)
    is_system_admin: bool = False
    # partner tokens
    token_id: UUID | None = None
    token_prefix: str | None = None
    agency_id: UUID | None = None
    scopes: frozenset[str] = frozenset()
    # public reporters
    reporter_id: UUID | None = None
    # request facts
    session_id: UUID | None = None
    authenticated_at: dt.datetime | None = None
    extra_roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def ref(self) -> str:
        """A non-secret reference for audit entries: staff id, token prefix or reporter id."""
        if self.kind is PrincipalKind.STAFF:
            return str(self.staff_id)
        if self.kind is PrincipalKind.PARTNER_TOKEN:
            return self.token_prefix or str(self.token_id)
        if self.kind is PrincipalKind.REPORTER:
            return str(self.reporter_id)
        return "system"

    @property
    def roles(self) -> frozenset[str]:
        """Subject names for the policies, e.g. position:unit_head, portfolio:rights_fulfilment."""
        roles: set[str] = set(self.extra_roles)
        if self.kind is PrincipalKind.STAFF:
            roles.add("staff")
            if self.position:
                roles.add(f"position:{self.position}")
            if self.unit_function:
                roles.add(f"unit:{self.unit_function}")
            roles.update(f"portfolio:{p}" for p in self.portfolios)
            for post in self.acting:
                roles.add(f"position:{post.position}")
                if post.portfolio:
                    roles.add(f"portfolio:{post.portfolio}")
            roles.update(f"head:{function}" for function in self.headed_unit_functions)
            if self.team_ids:
                roles.add("team_member")
            if self.managed_house_ids:
                roles.add("safe_house_manager")
            if self.is_system_admin:
                roles.add("system_admin")
        elif self.kind is PrincipalKind.PARTNER_TOKEN:
            roles.add("partner")
            roles.update(f"scope:{s}" for s in self.scopes)
        elif self.kind is PrincipalKind.REPORTER:
            roles.add("reporter")
        elif self.kind is PrincipalKind.SYSTEM:
            roles.add("system")
        return frozenset(roles)


SYSTEM = Principal(kind=PrincipalKind.SYSTEM)
