"""Signing in to the panel with the staff account — no second user list, no second session store.

piccolo-admin keeps its sign-in page, CSRF protection, rate limit and sign-out; what it asks of
its user and session tables is answered from ours:

- `PanelUser.login()` checks the e-mail and password through `workflows.accounts.login`
  (Argon2id, throttling, an audited attempt, one answer for an unknown e-mail and a wrong
  password), then requires the policy line `admin_panel: read` (AC-4).
- The cookie piccolo-admin sets carries that staff session's bearer token, stored only as its
  hash: the session ends after 12 h, after 15 min without a request, at sign-out, on a password
  change or when the account is disabled — the same rules as the API's (AC-1).
- piccolo-admin reads its signed-in user from a Piccolo table; that row is a mirror of the staff
  account, kept in a process-local file (admin/engine.py), never in the application database.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from fastapi import HTTPException
from piccolo.apps.user.tables import BaseUser
from piccolo_api.session_auth.tables import SessionsBase

from admin.engine import shadow_engine
from admin.messages import text
from authz import enforcer
from authz.principal import Principal
from authz.scope import require
from models.accounts import StaffAccount, StaffSession
from server.auth import staff_principal
from workflows import accounts
from workflows.audit.chain import CURRENT_REQUEST
from workflows.errors import Forbidden, Unauthenticated
from workflows.messages import Language
from workflows.throttle import RateLimited

log = logging.getLogger("perisai.admin")

PANEL_RESOURCE = "admin_panel"
COOKIE_NAME = "id"  # piccolo-admin's session cookie
UNUSABLE_PASSWORD = "pbkdf2_sha256$0$-$no-password-here"  # noqa: S105 — a marker, never checked: login() is ours


@dataclass(frozen=True)
class PanelIdentity:
    """Who is using the panel in this request: their staff session, account and authority."""

    token: str
    session: StaffSession
    account: StaffAccount
    principal: Principal
    user_id: int  # the mirror row piccolo-admin reads


CURRENT: ContextVar[PanelIdentity | None] = ContextVar("perisai_panel_identity", default=None)
LANGUAGE: ContextVar[Language] = ContextVar("perisai_panel_language", default="id")
_SIGNED_IN_TOKEN: ContextVar[str | None] = ContextVar("perisai_panel_new_token", default=None)
_mirror_ids: dict[UUID, int] = {}
_mirror_ready = False


class PanelUser(BaseUser, tablename="perisai_panel_users"):
    """piccolo-admin's view of a signed-in staff member (a mirror, see the module docstring)."""

    @classmethod
    async def login(cls, username: str, password: str) -> int | None:
        """E-mail + password of a staff account whose policy grants the panel → the mirror row's
        id; a wrong pair → 401, the same for every cause; throttled → 429; no panel → 403 (AC-1, AC-4)."""
        facts = CURRENT_REQUEST.get()
        language = LANGUAGE.get()
        try:
            token, session = await accounts.login(
                username, password, ip=facts.source_ip, request_id=facts.request_id
            )
        except Unauthenticated:
            raise HTTPException(401, detail=text("admin.sign_in_failed", language, rule="AC-1")) from None
        except RateLimited as exc:
            raise HTTPException(429, detail=exc.messages[language], headers=exc_headers(exc)) from None
        account = await _account(session.staff_id)  # type: ignore[attr-defined]
        principal = await staff_principal(account, session=session)
        try:
            await require(principal, PANEL_RESOURCE, "read")  # audits the refusal (AC-13)
        except Forbidden:
            await accounts.end_session(session.id, ip=facts.source_ip, request_id=facts.request_id)
            raise HTTPException(403, detail=text("admin.no_panel", language, rule="AC-4")) from None
        _SIGNED_IN_TOKEN.set(token)
        return await mirror_user_id(account)

    @classmethod
    async def update_password(cls, user: str | int, password: str) -> None:
        raise NotImplementedError("passwords change through workflows.accounts (admin/gate.py)")


class PanelSession(SessionsBase, tablename="perisai_panel_sessions"):
    """piccolo-admin's session store, answered by the staff sessions of workflows.accounts."""

    @classmethod
    async def create_session(cls, user_id: int, expiry_date: Any = None, max_expiry_date: Any = None) -> Any:
        token = _SIGNED_IN_TOKEN.get()
        if token is None:
            raise RuntimeError("a panel session is only created right after PanelUser.login")
        return cls(token=token, user_id=user_id)

    @classmethod
    async def get_user_id(cls, token: str, increase_expiry: Any = None) -> int | None:
        identity = CURRENT.get()
        if identity is None or identity.token != token:
            identity = await identify(token)
        return identity.user_id if identity else None

    @classmethod
    async def remove_session(cls, token: str) -> None:
        facts = CURRENT_REQUEST.get()
        await accounts.logout(token, ip=facts.source_ip, request_id=facts.request_id)


def exc_headers(exc: RateLimited) -> dict[str, str]:
    return {"Retry-After": str(exc.retry_after)}


async def _account(staff_id: UUID) -> StaffAccount:
    account = await StaffAccount.filter(staff_id=staff_id).select_related("staff", "staff__unit").first()
    if account is None:  # the session was just opened for it
        raise Unauthenticated()
    return account


async def identify(token: str | None) -> PanelIdentity | None:
    """The panel cookie → who is using the panel, or None: no live staff session (expired, idle,
    revoked, account disabled) or the policy no longer grants the panel (AC-1, AC-4)."""
    if not token or not token.startswith(accounts.SESSION_PREFIX):
        return None
    try:
        session, account = await accounts.authenticate_staff(token)
    except Unauthenticated:
        return None
    principal = await staff_principal(account, session=session)
    if not await enforcer.allowed(principal, PANEL_RESOURCE, "read"):
        return None
    return PanelIdentity(
        token=token,
        session=session,
        account=account,
        principal=principal,
        user_id=await mirror_user_id(account),
    )


async def _ensure_mirror_table() -> None:
    global _mirror_ready
    if not _mirror_ready:
        engine = shadow_engine()
        PanelUser._meta.db = engine
        PanelSession._meta.db = engine
        await PanelUser.create_table(if_not_exists=True).run()
        _mirror_ready = True


async def mirror_user_id(account: StaffAccount) -> int:
    """A staff account → the id of its mirror row for piccolo-admin, created on first use."""
    cached = _mirror_ids.get(account.staff_id)  # type: ignore[attr-defined]
    if cached is not None:
        return cached
    await _ensure_mirror_table()
    email = account.staff.email.strip().lower()
    row = await PanelUser.select(PanelUser.id).where(PanelUser.email == email).first().run()
    if row is None:
        user = PanelUser(
            username=email[:100],
            email=email,
            password=UNUSABLE_PASSWORD,
            first_name=account.staff.full_name[:255],
            active=True,
            admin=True,
            superuser=False,
        )
        try:
            await user.save().run()
            user_id = int(user.id)
        except Exception:  # created by a parallel request in between
            row = await PanelUser.select(PanelUser.id).where(PanelUser.email == email).first().run()
            if row is None:
                raise
            user_id = int(row["id"])
    else:
        user_id = int(row["id"])
    _mirror_ids[account.staff_id] = user_id  # type: ignore[attr-defined]
    return user_id
