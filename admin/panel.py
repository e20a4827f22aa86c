"""The admin panel: piccolo-admin over the generated tables, mounted at /admin (issue 4).

`create_panel(settings)` generates a Piccolo table per model (admin/tables.py), configures each
one — list columns, filters, order, menu group, validators and hooks — adds a form per workflow
step (admin/forms.py) and wraps piccolo-admin in the gate (admin/gate.py). Nothing here names a
model or a workflow: a new one appears with no admin code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import piccolo_admin.endpoints as piccolo_admin_endpoints
from fastapi import HTTPException
from piccolo.columns import Column
from piccolo.columns.column_types import JSON, Text
from piccolo_admin.endpoints import (
    AdminRouter,
    FormConfigResponseModel,
    GroupedFormsResponseModel,
    GroupedTableNamesResponseModel,
    TableConfig,
)
from piccolo_api.crud.endpoints import OrderBy, PiccoloCRUD
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.types import ASGIApp

from admin.auth import PanelSession, PanelUser
from admin.crud import PanelCRUD
from admin.engine import close_pool, engine_for, start_pool
from admin.forms import WorkflowForm, workflow_forms
from admin.gate import PanelGate, identity_of, request_language
from admin.hooks import hooks_for, validators_for
from admin.labels import group_label, table_label
from admin.labels_script import SCRIPT as LABELS_SCRIPT
from admin.tables import AdminTable, AdminTables, generate
from admin.translation import TRANSLATIONS
from authz import enforcer
from server.settings import Settings

# piccolo warns at every development sign-in (cookies are Secure in production) and at every
# SQLite text search (LIKE, case-insensitive for ASCII, stands in for ILIKE): both known here.
warnings.filterwarnings("ignore", message="If running sessions in production", category=UserWarning)
warnings.filterwarnings("ignore", message=".*SQLite doesn't support ILIKE")

SITE_NAME = "Perisai — Panel Admin LPSK"
PAGE_SIZE = 25
MAX_LIST_COLUMNS = 8
SESSION_IDLE = dt.timedelta(minutes=15)  # enforced by the staff session itself (workflows.accounts)
SESSION_MAX = dt.timedelta(hours=12)

_generated: dict[str, AdminTables] = {}


def generated_tables(settings: Settings) -> AdminTables:
    """The tables of one database, generated once per process (the models do not change)."""
    if settings.database_url not in _generated:
        _generated[settings.database_url] = generate(engine_for(settings.database_url), settings.dialect)
    return _generated[settings.database_url]


def menu_group(admin: AdminTable) -> str:
    return admin.model.__module__.removeprefix("models.")


def list_columns(admin: AdminTable) -> list[Column]:
    """What a list page shows: the readable column first, then short non-text columns."""
    table = admin.table
    readable = table.get_readable().columns[0]
    shown = [readable]
    for column in table._meta.columns:
        name = column._meta.name
        if (
            column is readable
            or name in ("id", "created_at", "updated_at")
            or isinstance(column, (Text, JSON))
        ):
            continue
        shown.append(column)
    return shown[:MAX_LIST_COLUMNS]


def filter_columns(admin: AdminTable) -> list[Column]:
    """Filters on every column but free text, JSON and the bookkeeping timestamps."""
    return [
        column
        for column in admin.table._meta.columns
        if not isinstance(column, (Text, JSON)) and column._meta.name not in ("updated_at",)
    ]


def table_config(admin: AdminTable) -> TableConfig:
    table = admin.table
    readable = table.get_readable().columns[0]
    order = [OrderBy(table.created_at, ascending=False)] if "created_at" in admin.fields else None
    return TableConfig(
        table_class=table,
        visible_columns=list_columns(admin),
        visible_filters=filter_columns(admin),
        hooks=hooks_for(admin),
        validators=validators_for(admin),
        menu_group=menu_group(admin),
        order_by=order,
        link_column=readable if readable._meta.name != "id" else None,
    )


class PanelRouter(AdminRouter):
    """piccolo-admin's app, with a menu of the tables the signed-in user may read, labelled."""

    generated: AdminTables
    workflow_forms: dict[str, WorkflowForm] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_api_route("/perisai-labels.json", self.get_labels, methods=["GET"], include_in_schema=False)

    async def get_root(self, request: Request) -> HTMLResponse:
        # The SPA names tables by their database names in its menu and titles: a small script
        # puts the catalogue's labels there (admin/labels_script.js).
        script = f"<script>{LABELS_SCRIPT}</script>"  # admin/labels_script.py
        return HTMLResponse(self.template.replace("</body>", f"{script}</body>", 1))

    async def get_labels(self, request: Request) -> JSONResponse:
        """Table labels in the request's language (not secret: served before sign-in too)."""
        language = request_language(request)
        names = [config.table_class._meta.tablename for config in self.table_configs]
        return JSONResponse({"language": language, "tables": {n: table_label(n, language) for n in names}})

    async def get_table_list(self, request: Request) -> list[str]:  # type: ignore[override]
        return [name for name in await self._readable_tables(request)]

    async def get_table_list_grouped(self, request: Request) -> GroupedTableNamesResponseModel:  # type: ignore[override]
        language = request_language(request)
        response = GroupedTableNamesResponseModel()
        readable = await self._readable_tables(request)
        for config in self.table_configs:
            name = config.table_class._meta.tablename
            if name in readable and config.menu_group:
                response.grouped.setdefault(group_label(config.menu_group, language), []).append(name)
        for names in response.grouped.values():
            names.sort(key=lambda n: table_label(n, language))
        response.grouped = dict(sorted(response.grouped.items()))
        return response

    # --- workflow forms (admin/forms.py): named in the UI's language, listed to those who may ---

    async def _offered_forms(self, request: Request) -> list[WorkflowForm]:
        """The forms whose workflow action the policy grants the signed-in user's roles."""
        identity = identity_of(request)
        if identity is None:
            return []
        return [
            form
            for form in self.workflow_forms.values()
            if await enforcer.allowed(identity.principal, form.table, form.slug)
        ]

    def _form(self, form_slug: str) -> WorkflowForm:
        form = self.workflow_forms.get(form_slug)
        if form is None:
            raise HTTPException(status_code=404, detail="No such form found")
        return form

    @staticmethod
    def _form_response(form: WorkflowForm, request: Request) -> FormConfigResponseModel:
        language = request_language(request)
        return FormConfigResponseModel(
            name=form.name(language), slug=form.slug, description=form.description(language)
        )

    async def get_forms(self, request: Request) -> list[FormConfigResponseModel]:  # type: ignore[override]
        return [self._form_response(form, request) for form in await self._offered_forms(request)]

    async def get_grouped_forms(self, request: Request) -> GroupedFormsResponseModel:  # type: ignore[override]
        language = request_language(request)
        response = GroupedFormsResponseModel()
        for form in await self._offered_forms(request):
            response.grouped.setdefault(form.group(language), []).append(self._form_response(form, request))
        for forms in response.grouped.values():
            forms.sort(key=lambda f: f.name)
        response.grouped = dict(sorted(response.grouped.items()))
        return response

    async def get_single_form(self, request: Request, form_slug: str) -> FormConfigResponseModel:  # type: ignore[override]
        return self._form_response(self._form(form_slug), request)

    async def get_single_form_schema(self, request: Request, form_slug: str) -> dict[str, Any]:  # type: ignore[override]
        return self._form(form_slug).schema(request_language(request))

    async def _readable_tables(self, request: Request) -> list[str]:
        identity = identity_of(request)
        if identity is None:
            return []
        names = [config.table_class._meta.tablename for config in self.table_configs]
        return [name for name in names if await enforcer.allowed(identity.principal, name, "read")]


class _MountedCRUD:
    """Stands in for piccolo_api's FastAPIWrapper: mounts PiccoloCRUD's own Starlette router at
    the same URLs. The wrapper builds ~11 FastAPI routes with pydantic models per table — about
    6 s for every app created — only to document them in an OpenAPI page the panel does not use."""

    def __init__(self, root_url: str, fastapi_app: Any, piccolo_crud: PiccoloCRUD, **_: Any) -> None:
        fastapi_app.mount(root_url.rstrip("/"), piccolo_crud)


@contextlib.contextmanager
def _panel_classes() -> Iterator[None]:
    # AdminRouter builds its CRUD endpoints inline; ours add scope, labels and audit.
    originals = (piccolo_admin_endpoints.PiccoloCRUD, piccolo_admin_endpoints.FastAPIWrapper)
    piccolo_admin_endpoints.PiccoloCRUD = PanelCRUD  # type: ignore[misc]
    piccolo_admin_endpoints.FastAPIWrapper = _MountedCRUD  # type: ignore[misc, assignment]
    try:
        yield
    finally:
        piccolo_admin_endpoints.PiccoloCRUD, piccolo_admin_endpoints.FastAPIWrapper = originals  # type: ignore[misc]


@dataclass
class AdminPanel:
    """The mounted panel and the Piccolo engine its pool belongs to."""

    app: ASGIApp
    tables: AdminTables

    async def start(self) -> None:
        await start_pool(self.tables.engine)

    async def stop(self) -> None:
        await close_pool(self.tables.engine)


def create_panel(settings: Settings) -> AdminPanel:
    """Settings → the admin panel ASGI app for /admin."""
    tables = generated_tables(settings)
    configs = [table_config(admin) for admin in tables.by_name.values()]
    forms = workflow_forms()
    router_kwargs: dict[str, Any] = {
        "auth_table": PanelUser,
        "session_table": PanelSession,
        "session_expiry": SESSION_IDLE,
        "max_session_expiry": SESSION_MAX,
        "increase_expiry": SESSION_IDLE,
        "page_size": PAGE_SIZE,
        "production": settings.is_production,
        "site_name": SITE_NAME,
        "default_language_code": "id",
        "translations": TRANSLATIONS,
        "forms": [form.config() for form in forms],
        "allowed_hosts": settings.allowed_hosts,  # PERISAI_ALLOWED_HOSTS: CSRF behind HTTPS
    }
    with _panel_classes():
        router = PanelRouter(*configs, **router_kwargs)
    router.generated = tables
    router.workflow_forms = {form.slug: form for form in forms}
    return AdminPanel(app=PanelGate(router, secure_cookies=settings.is_production), tables=tables)
