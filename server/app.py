"""The Starlette application: GraphQL at /graphql, health checks, request ids."""

from __future__ import annotations

import contextlib
import functools
import logging
import uuid
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL

from admin.panel import create_panel
from authz.enforcer import get_enforcer
from authz.watcher import start_watcher
from schema.build import build_schema
from schema.context import Context, language_from_header
from schema.errors import error_extensions
from server.auth import principal_from_request
from server.db import close_db, init_db, ping
from server.settings import Settings, load_settings
from workflows.audit import bind_request
from workflows.errors import Unauthenticated
from workflows.throttle import RateLimited

log = logging.getLogger("perisai.app")

MAX_BODY_BYTES = 256 * 1024  # GraphQL documents and variables; uploads go elsewhere


class PerisaiGraphQL(GraphQL):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        except RateLimited as exc:
            # Only get_context raises it (a partner token over its request rate, AC-2): no
            # byte of the response was sent yet.
            body = {"errors": [{"message": exc.messages["id"], "extensions": error_extensions(exc)}]}
            response = JSONResponse(body, status_code=429, headers={"Retry-After": str(exc.retry_after)})
            await response(scope, receive, send)

    async def get_context(self, request: Request, response: Any = None) -> Context:  # type: ignore[override]
        """Request → who asks (AC-1–3). A credential that names no live session or token leaves
        the request without a principal: every protected operation then answers UNAUTHENTICATED,
        only the public ones (sign-in, the reporter's code request) still run."""
        request_id = request.state.request_id
        ip = request.client.host if request.client else None
        credential_refused = False
        bind_request(request_id, ip)  # every audit entry of this request names it (AC-13)
        try:
            principal = await principal_from_request(request.headers, ip=ip, request_id=request_id)
        except Unauthenticated:
            principal, credential_refused = None, True
        return Context(
            request=request,
            principal=principal,
            language=language_from_header(request.headers.get("accept-language")),
            request_id=request_id,
            client_ip=ip,
            credential_refused=credential_refused,
            idempotency_key=request.headers.get("idempotency-key"),
        )


class RequestIdMiddleware:
    """Gives each request an id (or keeps a sane one from X-Request-Id), echoes it back,
    refuses oversized bodies before they are read, and sets defensive headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = incoming if incoming.isalnum() and len(incoming) <= 64 else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            response = JSONResponse(
                {
                    "errors": [
                        {
                            "message": "Permintaan terlalu besar / request too large",
                            "extensions": {"code": "VALIDATION"},
                        }
                    ]
                },
                status_code=413,
            )
            await response(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                extra = [
                    (b"x-request-id", request_id.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cache-control", b"no-store"),
                ]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def healthz(request: Request) -> Response:
    """Liveness: the process answers."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Readiness: the database answers."""
    if await ping():
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "unavailable"}, status_code=503)


@functools.cache
def _schema(production: bool, allowed_documents: frozenset[str] | None) -> Any:
    """The schema is pure code: built once per process and configuration, whatever the number of apps."""
    return build_schema(production=production, allowed_documents=allowed_documents)


def create_app(settings: Settings | None = None, *, manage_db: bool = True) -> Starlette:
    """Settings → the ASGI app. `manage_db=False` when the caller (tests) opened the ORM."""
    settings = settings or load_settings()
    schema = _schema(settings.is_production, settings.allowed_documents)
    graphql = PerisaiGraphQL(
        schema,
        graphql_ide=None if settings.is_production else "graphiql",
        allow_queries_via_get=False,
    )

    # --- admin panel (issue 4): piccolo-admin over the generated tables, at /admin -------------
    panel = create_panel(settings)
    # --- end admin panel ----------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if manage_db:
            await init_db(settings)
        watcher = None
        try:
            # Policies and the unit tree are read before the first request; a change made by
            # another process reaches this one through the watcher (≤ 5 s) or its reload (≤ 60 s).
            await get_enforcer()
            if manage_db:
                watcher = await start_watcher(settings)
            await panel.start()  # admin panel: Piccolo's own connection pool
            yield
        finally:
            await panel.stop()  # admin panel
            if watcher is not None:
                await watcher.stop()
            if manage_db:
                await close_db()

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Mount("/admin", app=panel.app),  # admin panel
        ],
        middleware=[Middleware(RequestIdMiddleware)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app
