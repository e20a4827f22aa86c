"""Request credentials → the `Principal` every resolver and workflow is given (AC-1–3, AC-5–8).

`Authorization: Bearer <token>` is dispatched by the token's prefix: `pss_` a staff session,
`perisai_pat_` a partner token, `psr_` a reporter session. No header means anonymous; a
header that does not name a live credential is refused, never treated as anonymous.

A staff principal's authority is read from the data at request time (AC-1): position and
unit, units headed in post or acting (AC-6), portfolios held today, acting posts in force,
teams reachable under AC-8, safe houses managed (SH-23). It costs a fixed handful of
queries, however many memberships a person has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from uuid import UUID

from tortoise.expressions import Q

from authz.principal import ActingPost, Principal, PrincipalKind
from models.accounts import StaffAccount, StaffSession
from models.assignments import InvolvementStatus, TeamMembership, TeamStatus
from models.organisation import ActingAppointment, PortfolioHolding, Position, Unit
from models.safe_houses import SafeHouseManager
from workflows.accounts import SESSION_PREFIX as STAFF_PREFIX
from workflows.accounts import authenticate_staff, utcnow
from workflows.errors import Unauthenticated
from workflows.partner_tokens import TOKEN_PREFIX as PARTNER_PREFIX
from workflows.partner_tokens import authenticate_token
from workflows.reporter_sessions import SESSION_PREFIX as REPORTER_PREFIX
from workflows.reporter_sessions import authenticate_reporter

# Calendar dates (portfolio holdings, team lives, memberships) are kept in Western
# Indonesian Time, where LPSK's offices keep their days.
LOCAL_TIMEZONE = dt.timezone(dt.timedelta(hours=7), "WIB")
HEAD_POSITIONS = (Position.UNIT_HEAD, Position.ADMINISTRATOR)


def local_today(now: dt.datetime) -> dt.date:
    return now.astimezone(LOCAL_TIMEZONE).date()


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """Request headers → the bearer token, None without an Authorization header; a header in
    another form is Unauthenticated."""
    value = next((v for k, v in headers.items() if k.lower() == "authorization"), None)
    if value is None:
        return None
    scheme, _, token = value.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        raise Unauthenticated()
    return token


async def principal_from_request(
    headers: Mapping[str, str],
    *,
    ip: str | None,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> Principal | None:
    """Request headers → the caller's Principal; None when no credential is presented;
    Unauthenticated for a malformed, unknown, expired or revoked one (AC-1, AC-2, AC-3)."""
    token = bearer_token(headers)
    if token is None:
        return None
    now = now or utcnow()
    if token.startswith(STAFF_PREFIX):
        session, account = await authenticate_staff(token, now=now)
        return await staff_principal(account, session=session, now=now)
    if token.startswith(PARTNER_PREFIX):
        partner = await authenticate_token(token, now=now, ip=ip, request_id=request_id)
        return Principal(
            kind=PrincipalKind.PARTNER_TOKEN,
            token_id=partner.id,
            token_prefix=partner.prefix,
            agency_id=partner.agency_id,  # type: ignore[attr-defined]
            scopes=frozenset(partner.scopes or ()),
            authenticated_at=now,
        )
    if token.startswith(REPORTER_PREFIX):
        reporter_session = await authenticate_reporter(token, now=now)
        return Principal(
            kind=PrincipalKind.REPORTER,
            reporter_id=reporter_session.reporter_id,  # type: ignore[attr-defined]
            session_id=reporter_session.id,
            authenticated_at=reporter_session.created_at,
        )
    raise Unauthenticated()


async def staff_principal(
    account: StaffAccount, *, session: StaffSession | None = None, now: dt.datetime | None = None
) -> Principal:
    """A staff account (staff and unit loaded) → its Principal, authority as of `now` (AC-1, AC-5–8)."""
    now = now or utcnow()
    today = local_today(now)
    staff = account.staff
    staff_id: UUID = staff.id

    portfolios = await PortfolioHolding.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today), staff_id=staff_id, valid_from__lte=today
    ).values_list("portfolio__code", flat=True)

    acting_rows = await ActingAppointment.filter(
        acting_staff_id=staff_id, valid_from__lte=now, valid_until__gte=now
    ).values("position", "unit_id", "portfolio__code", "acting_for_id")
    acting = tuple(
        ActingPost(
            position=str(row["position"]),
            unit_id=row["unit_id"],
            portfolio=row["portfolio__code"],
            acting_for_id=row["acting_for_id"],
        )
        for row in acting_rows
    )
    acting_unit_ids = [p.unit_id for p in acting if p.position in HEAD_POSITIONS and p.unit_id is not None]

    headed = await Unit.filter(Q(head_id=staff_id) | Q(id__in=acting_unit_ids), active=True).values(
        "id", "function"
    )

    return Principal(
        kind=PrincipalKind.STAFF,
        staff_id=staff_id,
        position=str(staff.position),
        unit_id=staff.unit_id,  # type: ignore[attr-defined]
        unit_function=str(staff.unit.function) if staff.unit else None,
        headed_unit_ids=frozenset(row["id"] for row in headed),
        headed_unit_functions=frozenset(str(row["function"]) for row in headed),
        portfolios=frozenset(str(code) for code in portfolios),
        acting=acting,
        team_ids=await reachable_team_ids(staff_id, today),
        managed_house_ids=await managed_house_ids(staff_id, today),
        is_system_admin=account.is_system_admin,
        session_id=session.id if session else None,
        authenticated_at=session.created_at if session else None,
    )


async def reachable_team_ids(staff_id: UUID, today: dt.date) -> frozenset[UUID]:
    """Teams whose records a person may reach today: a current membership of an active team
    within its life; from outside the owning unit only on an approved involvement request (AC-8)."""
    rows = await TeamMembership.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=today),
        Q(team__ends_on__isnull=True) | Q(team__ends_on__gte=today),
        Q(team__starts_on__isnull=True) | Q(team__starts_on__lte=today),
        staff_id=staff_id,
        joined_on__lte=today,
        team__status=TeamStatus.ACTIVE,
    ).values("team_id", "home_unit_id", "team__owning_unit_id", "involvement_request__status")
    return frozenset(
        row["team_id"]
        for row in rows
        if (row["home_unit_id"] is not None and row["home_unit_id"] == row["team__owning_unit_id"])
        or row["involvement_request__status"] == InvolvementStatus.APPROVED
    )


async def managed_house_ids(staff_id: UUID, today: dt.date) -> frozenset[UUID]:
    """Safe houses a person manages today, by an appointment naming the house (SH-23)."""
    rows = await SafeHouseManager.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today),
        staff_id=staff_id,
        valid_from__lte=today,
        house_id__isnull=False,
    ).values_list("house_id", flat=True)
    return frozenset(rows)  # type: ignore[arg-type]
