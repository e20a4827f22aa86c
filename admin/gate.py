"""The door of the panel: every request learns who asks, in which language, from where (AC-1, AC-13).

Wrapped around piccolo-admin, before its own authentication: it resolves the session cookie to
the staff member and their authority once per request (admin/auth.py `identify`), binds the
request id and address for the audit trail, remembers the language the UI chose (a cookie set
when the UI loads a translation; Indonesian by default, Q-U3), and answers a password change
through workflows.accounts, so the panel never keeps a password of its own.
"""

from __future__ import annotations

import json

from starlette._utils import get_route_path
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from admin.auth import COOKIE_NAME, CURRENT, LANGUAGE, PanelIdentity, identify
from admin.messages import text
from workflows import accounts
from workflows.audit import bind_request
from workflows.errors import DomainError
from workflows.messages import Language, message

LANGUAGE_COOKIE = "perisai_admin_lang"
CSRF_COOKIE, CSRF_HEADER = "csrftoken", "X-CSRFToken"  # piccolo_api.csrf's defaults
LANGUAGES: tuple[Language, ...] = ("id", "en")
IDENTITY_KEY = "perisai.panel_identity"
LANGUAGE_KEY = "perisai.panel_language"


def language_of(request: Request) -> Language:
    chosen = request.cookies.get(LANGUAGE_COOKIE, "")
    return "en" if chosen == "en" else "id"


def identity_of(request: Request) -> PanelIdentity | None:
    return request.scope.get(IDENTITY_KEY) or CURRENT.get()


def request_language(request: Request) -> Language:
    return request.scope.get(LANGUAGE_KEY) or LANGUAGE.get()


class PanelGate:
    """ASGI middleware around the piccolo-admin app (see the module docstring)."""

    def __init__(self, app: ASGIApp, *, secure_cookies: bool) -> None:
        self.app = app
        self.secure_cookies = secure_cookies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        path = get_route_path(scope)
        language = language_of(request)
        scope[LANGUAGE_KEY] = language
        LANGUAGE.set(language)
        client = scope.get("client")
        bind_request((scope.get("state") or {}).get("request_id"), client[0] if client else None)

        if path.startswith("/api/"):
            identity = await identify(request.cookies.get(COOKIE_NAME))
            scope[IDENTITY_KEY] = identity
            CURRENT.set(identity)
            if path == "/api/change-password/" and request.method == "POST":
                response = await self._change_password(request, identity, language)
                await response(scope, receive, send)
                return

        chosen = path.removeprefix("/public/translations/").strip("/")
        if path.startswith("/public/translations/") and chosen in LANGUAGES:
            send = self._with_language_cookie(send, chosen)
        await self.app(scope, receive, send)

    def _with_language_cookie(self, send: Send, language: str) -> Send:
        """The UI fetched a translation → table and column labels follow it (schema endpoint)."""
        cookie = Response()
        cookie.set_cookie(
            LANGUAGE_COOKIE, language, samesite="lax", secure=self.secure_cookies, max_age=365 * 86400
        )
        header = next(v for k, v in cookie.raw_headers if k == b"set-cookie")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"set-cookie", header)]
            await send(message)

        return send_with_cookie

    async def _change_password(
        self, request: Request, identity: PanelIdentity | None, language: Language
    ) -> Response:
        """The panel's password form → workflows.accounts.change_password (Argon2id, policy,
        throttling, audit), then every session of the account ends, this one too (AC-1)."""
        if identity is None:
            return JSONResponse({"error": "Auth failed"}, status_code=401)
        # Answered here, before piccolo-admin's CSRF middleware: the same double-submit check.
        csrf = request.cookies.get(CSRF_COOKIE)
        if not csrf or request.headers.get(CSRF_HEADER) != csrf:
            return Response("The CSRF token in the header doesn't match the cookie.", status_code=403)
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            body = {}
        current = str(body.get("current_password") or "")
        new = str(body.get("new_password") or "")
        confirm = str(body.get("confirm_new_password") or "")
        if not (current and new and confirm):
            return JSONResponse({"detail": text("admin.password_fields_missing", language)}, status_code=422)
        if new != confirm:
            return JSONResponse({"detail": text("admin.passwords_differ", language)}, status_code=422)
        facts_ip = request.client.host if request.client else None
        try:
            await accounts.change_password(
                identity.account.staff_id,  # type: ignore[attr-defined]
                current,
                new,
                current_session_id=identity.session.id,
                ip=facts_ip,
            )
        except DomainError as exc:
            sentence = exc.messages[language]
            if exc.rule:
                sentence = message("admin.with_rule", language, text=sentence, rule=exc.rule)
            return JSONResponse({"detail": sentence}, status_code=422)
        await accounts.end_session(identity.session.id, ip=facts_ip)
        response = RedirectResponse(url="./../../public/login/", status_code=303)
        response.delete_cookie(COOKIE_NAME)
        return response
