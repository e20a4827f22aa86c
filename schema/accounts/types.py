"""The identity API's own types: sessions, the caller, accounts, partner tokens (AC-1–4).

None of them carries a secret that is stored: password and token hashes never leave the
database, and a bearer token appears only in the one answer that creates it.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

import strawberry

from authz.principal import Principal
from models.accounts import PartnerToken as PartnerTokenRow
from models.accounts import StaffAccount
from models.organisation import Position, Staff


@strawberry.type(
    description="A new staff session. The bearer token is shown this once and never again (AC-1)."
)
class AuthLoginSuccess:
    token: str = strawberry.field(
        description="Bearer token, sent as `Authorization: Bearer <token>`. Only its hash is kept."
    )
    expires_at: dt.datetime = strawberry.field(
        description="Absolute end of the session, however active (12 hours after sign-in)."
    )
    idle_timeout_seconds: int = strawberry.field(
        description="The session also ends after this many seconds without a request."
    )


@strawberry.type(
    description="A new public-reporter session, reaching only the reporter's own reports (VR-1, AC-3). "
    "The bearer token is shown this once and never again."
)
class ReporterCodeVerifySuccess:
    token: str = strawberry.field(
        description="Bearer token, sent as `Authorization: Bearer <token>`. Only its hash is kept."
    )
    expires_at: dt.datetime = strawberry.field(description="Absolute end of the session.")
    idle_timeout_seconds: int = strawberry.field(
        description="The session also ends after this many seconds without a request."
    )
    reporter_id: strawberry.ID = strawberry.field(description="The verified reporter.")


# --- the caller ---------------------------------------------------------------------------


@strawberry.enum(description="What kind of caller a request comes from (AC-1–3).")
class CallerKind(Enum):
    STAFF = "staff"
    PARTNER_TOKEN = "partner_token"  # noqa: S105 — a kind of caller, not a secret
    REPORTER = "reporter"
    SYSTEM = "system"


@strawberry.type(description="An acting appointment in force for the caller (AC-6).")
class MeActingPost:
    position: Position = strawberry.field(description="The position held in an acting capacity.")
    unit_id: strawberry.ID | None = strawberry.field(description="The unit of that position, where one.")
    portfolio: str | None = strawberry.field(description="The leadership portfolio, where one.")
    acting_for_id: strawberry.ID | None = strawberry.field(
        description="The staff member whose post is held (acting for)."
    )


@strawberry.type(
    description="The signed-in staff member and where their authority comes from today (AC-1). "
    "No secret field (e.g. the phone number) is shown here."
)
class MeStaff:
    staff_id: strawberry.ID = strawberry.field(description="Id of the Staff record.")
    full_name: str = strawberry.field(description="Name of the staff member.")
    email: str = strawberry.field(description="Work e-mail; the sign-in name.")
    position: Position = strawberry.field(description="Structural position.")
    title: str | None = strawberry.field(description="Job title as written on letters.")
    unit_id: strawberry.ID | None = strawberry.field(description="Home unit (none for leaders).")
    portfolios: list[str] = strawberry.field(description="Codes of the leadership portfolios held today.")
    acting: list[MeActingPost] = strawberry.field(description="Acting appointments in force (acting for).")
    roles: list[str] = strawberry.field(
        description="The policy roles this authority resolves to, e.g. position:unit_head (AC-1)."
    )
    is_system_admin: bool = strawberry.field(description="Manages accounts, tokens and policies (AC-4).")

    @classmethod
    def of(cls, principal: Principal, staff: Staff, is_system_admin: bool) -> MeStaff:
        return cls(
            staff_id=strawberry.ID(str(staff.id)),
            full_name=staff.full_name,
            email=staff.email,
            position=Position(staff.position),
            title=staff.title,
            unit_id=_id(staff.unit_id),  # type: ignore[attr-defined]
            portfolios=sorted(principal.portfolios),
            acting=[
                MeActingPost(
                    position=Position(post.position),
                    unit_id=_id(post.unit_id),
                    portfolio=post.portfolio,
                    acting_for_id=_id(post.acting_for_id),
                )
                for post in principal.acting
            ],
            roles=sorted(principal.roles),
            is_system_admin=is_system_admin,
        )


@strawberry.type(description="The partner token a request is made with (AC-2).")
class MePartnerToken:
    token_prefix: str | None = strawberry.field(description="Non-secret start of the token.")
    agency_id: strawberry.ID = strawberry.field(description="The agency the token belongs to.")
    scopes: list[str] = strawberry.field(description="Scopes granted to the token.")


@strawberry.type(description="The public reporter of a phone-verified session (AC-3).")
class MeReporter:
    reporter_id: strawberry.ID = strawberry.field(description="Id of the reporter.")


@strawberry.type(description="Who is asking: exactly one of staff, partnerToken or reporter is set.")
class Me:
    kind: CallerKind = strawberry.field(description="What kind of caller this is.")
    staff: MeStaff | None = strawberry.field(description="Set for a signed-in staff member.")
    partner_token: MePartnerToken | None = strawberry.field(description="Set for a partner token.")
    reporter: MeReporter | None = strawberry.field(description="Set for a public reporter.")


# --- accounts -----------------------------------------------------------------------------


@strawberry.type(
    description="A staff member's sign-in account as administrators see it (AC-4): never its password hash."
)
class AccountSummary:
    staff_id: strawberry.ID = strawberry.field(description="Whose account: the Staff id.")
    email: str = strawberry.field(description="The sign-in name.")
    is_system_admin: bool = strawberry.field(description="Manages accounts, tokens and policies (AC-4).")
    disabled: bool = strawberry.field(description="Whether the account is disabled (cannot sign in).")
    disabled_at: dt.datetime | None = strawberry.field(description="When it was disabled.")
    last_login_at: dt.datetime | None = strawberry.field(description="Last successful sign-in.")
    password_changed_at: dt.datetime | None = strawberry.field(description="When the password was last set.")

    @classmethod
    def of(cls, account: StaffAccount) -> AccountSummary:
        return cls(
            staff_id=strawberry.ID(str(account.staff_id)),  # type: ignore[attr-defined]
            email=account.staff.email,
            is_system_admin=account.is_system_admin,
            disabled=account.disabled_at is not None,
            disabled_at=account.disabled_at,
            last_login_at=account.last_login_at,
            password_changed_at=account.password_changed_at,
        )


@strawberry.type(description="The account after the change.")
class AccountSuccess:
    account: AccountSummary = strawberry.field(description="The account as it now stands.")


# --- partner tokens -----------------------------------------------------------------------


@strawberry.type(
    name="PartnerToken",
    description="An agency's API token (AC-2): its prefix, scopes and life, never its secret or hash.",
)
class PartnerTokenView:
    id: strawberry.ID = strawberry.field(description="Id of the token record.")
    label: str = strawberry.field(description="What the token is for, e.g. the police intake system.")
    prefix: str = strawberry.field(description="Non-secret start of the token, to recognise it.")
    agency_id: strawberry.ID = strawberry.field(description="The agency the token belongs to.")
    scopes: list[str] = strawberry.field(description="Granted scopes, from the catalogue.")
    expires_at: dt.datetime = strawberry.field(description="When it stops working (at most 90 days).")
    last_used_at: dt.datetime | None = strawberry.field(
        description="Last request made with it (to the minute)."
    )
    revoked: bool = strawberry.field(description="Whether it was revoked.")
    revoked_at: dt.datetime | None = strawberry.field(description="When it was revoked.")
    rate_limit_per_minute: int = strawberry.field(description="Requests allowed per minute (Q-S3).")
    created_at: dt.datetime = strawberry.field(description="When it was created.")
    created_by_id: strawberry.ID | None = strawberry.field(description="The administrator who created it.")

    @classmethod
    def of(cls, row: PartnerTokenRow) -> PartnerTokenView:
        return cls(
            id=strawberry.ID(str(row.id)),
            label=row.name,
            prefix=row.prefix,
            agency_id=strawberry.ID(str(row.agency_id)),  # type: ignore[attr-defined]
            scopes=list(row.scopes or ()),
            expires_at=row.expires_at,
            last_used_at=row.last_used_at,
            revoked=row.revoked_at is not None,
            revoked_at=row.revoked_at,
            rate_limit_per_minute=row.rate_limit_per_minute,
            created_at=row.created_at,
            created_by_id=_id(row.created_by_id),  # type: ignore[attr-defined]
        )


@strawberry.type(description="A new partner token. The secret is shown this once and never again (AC-2).")
class PartnerTokenCreateSuccess:
    secret: str = strawberry.field(
        description="The whole token, for the agency's system: `Authorization: Bearer <secret>`. "
        "Only its hash is kept; it cannot be shown again."
    )
    partner_token: PartnerTokenView = strawberry.field(description="The token's record.")


@strawberry.type(description="The token after the change.")
class PartnerTokenSuccess:
    partner_token: PartnerTokenView = strawberry.field(description="The token as it now stands.")


@strawberry.type(description="A scope a partner token can be granted (AC-2).")
class PartnerTokenScope:
    name: str = strawberry.field(description="The scope, e.g. referrals:respond.")
    description: str = strawberry.field(description="What it lets the agency do.")


def _id(value: object) -> strawberry.ID | None:
    return None if value is None else strawberry.ID(str(value))
