"""Signing in and out, the caller's own account: authLogin, authLogout, me, passwordChange (AC-1, AC-3)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from authz.principal import PrincipalKind
from authz.scope import audit_refusal
from schema.accounts import common
from schema.accounts.types import (
    AuthLoginSuccess,
    CallerKind,
    Me,
    MePartnerToken,
    MeReporter,
    MeStaff,
)
from schema.results import Done, MutationError
from workflows import accounts
from workflows.errors import Forbidden

AuthLoginResult = Annotated[
    AuthLoginSuccess | MutationError,
    strawberry.union("AuthLoginResult", description="A new session, or why the input was refused."),
]
AuthLogoutResult = Annotated[
    Done | MutationError, strawberry.union("AuthLogoutResult", description="Signed out.")
]
PasswordChangeResult = Annotated[
    Done | MutationError,
    strawberry.union("PasswordChangeResult", description="Password changed, or why not."),
]


@strawberry.type(description="The caller.")
class Query:
    @strawberry.field(
        description="Who is asking: the signed-in staff member (with position, unit, portfolios, "
        "acting posts and policy roles), the partner token (agency and scopes) or the public "
        "reporter. UNAUTHENTICATED without a live credential (AC-1–3)."
    )
    async def me(self, info: Info) -> Me:
        principal = common.principal_of(info)
        if principal.kind is PrincipalKind.STAFF and principal.staff_id is not None:
            account = await accounts.get_account(principal.staff_id)
            staff = MeStaff.of(principal, account.staff, account.is_system_admin)
            return Me(kind=CallerKind.STAFF, staff=staff, partner_token=None, reporter=None)
        if principal.kind is PrincipalKind.PARTNER_TOKEN and principal.agency_id is not None:
            token = MePartnerToken(
                token_prefix=principal.token_prefix,
                agency_id=strawberry.ID(str(principal.agency_id)),
                scopes=sorted(principal.scopes),
            )
            return Me(kind=CallerKind.PARTNER_TOKEN, staff=None, partner_token=token, reporter=None)
        if principal.kind is PrincipalKind.REPORTER and principal.reporter_id is not None:
            reporter = MeReporter(reporter_id=strawberry.ID(str(principal.reporter_id)))
            return Me(kind=CallerKind.REPORTER, staff=None, partner_token=None, reporter=reporter)
        return Me(kind=CallerKind.SYSTEM, staff=None, partner_token=None, reporter=None)


@strawberry.type(description="Signing in and out.")
class Mutation:
    @strawberry.mutation(
        description="Signs a staff member in → a session token, shown once (AC-1). Public. A wrong "
        "e-mail or password answers the top-level error UNAUTHENTICATED, the same for both; too many "
        "failed attempts answer RATE_LIMITED with `extensions.retryAfter` in seconds (Q-S3). Every "
        "attempt is audited (AC-13)."
    )
    async def auth_login(
        self,
        info: Info,
        email: Annotated[str, strawberry.argument(description="Work e-mail, the sign-in name.")],
        password: Annotated[str, strawberry.argument(description="The account's password.")],
    ) -> AuthLoginResult:
        context = info.context

        async def act() -> AuthLoginSuccess:
            address = common.email(email)
            secret = common.password(password, "password")
            token, session = await accounts.login(
                address, secret, ip=context.client_ip, request_id=context.request_id
            )
            return AuthLoginSuccess(
                token=token,
                expires_at=session.expires_at,
                idle_timeout_seconds=int(accounts.SESSION_IDLE_TIMEOUT.total_seconds()),
            )

        return await common.attempt(info, act)

    @strawberry.mutation(
        description="Ends the caller's current session at once: a staff session or a public "
        "reporter's (AC-1, AC-3). Partner tokens have no session: an administrator revokes them."
    )
    async def auth_logout(self, info: Info) -> AuthLogoutResult:
        principal = common.principal_of(info)
        context = info.context
        if principal.kind is PrincipalKind.STAFF:
            if principal.session_id is not None:
                await accounts.end_session(
                    principal.session_id, ip=context.client_ip, request_id=context.request_id
                )
        elif principal.kind is PrincipalKind.REPORTER:
            if principal.session_id is not None:
                await accounts.end_reporter_session(
                    principal.session_id, ip=context.client_ip, request_id=context.request_id
                )
        else:
            await audit_refusal(principal, "staff_sessions", "update")
            raise Forbidden()
        return Done(ok=True)

    @strawberry.mutation(
        description="Changes the signed-in staff member's own password (AC-1): the current one must "
        "be right and the new one at least 12 characters and not a common password. Every other "
        "session of the account ends. Wrong current passwords count towards sign-in throttling."
    )
    async def password_change(
        self,
        info: Info,
        current_password: Annotated[str, strawberry.argument(description="The password in use now.")],
        new_password: Annotated[
            str, strawberry.argument(description="The new password: 12 to 256 characters, not a common one.")
        ],
    ) -> PasswordChangeResult:
        principal = await common.signed_in_staff(info, "staff_accounts", "update")
        context = info.context

        async def act() -> Done:
            current = common.password(current_password, "currentPassword")
            new = common.password(new_password, "newPassword")
            assert principal.staff_id is not None
            await accounts.change_password(
                principal.staff_id,
                current,
                new,
                current_session_id=principal.session_id,
                ip=context.client_ip,
                request_id=context.request_id,
            )
            return Done(ok=True)

        return await common.attempt(info, act)
