"""piccolo_api's CRUD endpoints, scoped, labelled and audited (AC-11, AC-12, AC-13).

`PanelCRUD` serves each generated table. What it adds to `PiccoloCRUD`:

- reads: the principal's row scope (admin/scoping.py) joins every list, count, id lookup and
  foreign-key picker as a SQL condition; a row outside it answers 404 (a hidden row is neither
  listed, counted, readable by id nor editable);
- writes: each runs in one Piccolo transaction that is rolled back when the row would end up
  outside the principal's scope (a create in another unit, a move out of one's unit); after
  commit it is audited like an API write — who, what, which row, secret-free before/after;
- the table schema carries labels in the UI's language, and list pages add a masked column
  (`full_name_masked`, 'S***h') where a secret name helps to recognise a row.
"""

from __future__ import annotations

import json
import uuid
import warnings
from contextvars import ContextVar
from typing import Any

from piccolo.columns.column_types import Text, Varchar
from piccolo_api.crud.endpoints import PiccoloCRUD
from piccolo_api.crud.validators import apply_validators
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.models import Model

from admin.gate import request_language
from admin.hooks import SCOPE_RULE, principal_of
from admin.labels import choice_label, column_label, table_label
from admin.messages import refusal, text
from admin.scoping import RowScope, row_scope
from admin.tables import AdminTable, admin_table_of
from authz.masking import masked_value
from authz.scope import audit_refusal
from authz.watcher import notify_policy_changed
from workflows.audit import diff, record

MASK_SUFFIX = "_masked"
MAX_IDS = 200  # foreign-key pickers page through; nobody reads more in one go

_READ_SCOPE: ContextVar[RowScope | None] = ContextVar("perisai_panel_read_scope", default=None)


class _Rollback(Exception):
    """Leaves the write's transaction without committing; carries the answer to give."""

    def __init__(self, response: Response | None = None) -> None:
        super().__init__("rolled back")
        self.response = response


def _parse_id(raw: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        return None


class PanelCRUD(PiccoloCRUD):
    """The CRUD endpoints of one generated table (see the module docstring)."""

    @property
    def admin(self) -> AdminTable:
        return admin_table_of(self.table)

    @property
    def masked_columns(self) -> tuple[str, ...]:
        return tuple(f"{name}{MASK_SUFFIX}" for name in self.admin.masked)

    # --- scope -------------------------------------------------------------------------------

    async def _scope(self, request: Request, action: str = "read") -> RowScope:
        scope = await row_scope(self.admin.model, principal_of(request), action)
        if action == "read":
            _READ_SCOPE.set(scope)
        return scope

    def _apply_filters(self, query: Any, params: Any) -> Any:
        with warnings.catch_warnings():
            # Text filters use ILIKE; SQLite's LIKE (case-insensitive for ASCII) stands in, known.
            warnings.filterwarnings("ignore", message=".*SQLite doesn't support ILIKE")
            query = super()._apply_filters(query, params)
        scope = _READ_SCOPE.get()
        if scope is None or scope.table != self.admin.name:
            raise RuntimeError("an admin query without its row scope")  # fail closed
        where = scope.where()
        return query if where is None else query.where(where)

    async def _in_scope(self, row_id: Any, scope: RowScope) -> bool:
        if scope.unrestricted:
            return True
        pk = self.table._meta.primary_key
        return bool(await self.table.exists().where(pk == row_id, scope.where()).run())

    # --- reads -------------------------------------------------------------------------------

    async def get_all(self, request: Request, params: dict[str, Any] | None = None) -> Response:
        await self._scope(request)
        params = {
            k: v for k, v in (params or {}).items() if k not in ("__range_header", "__range_header_name")
        }
        masked = self.admin.masked
        if masked and "__visible_fields" in params:
            # The CSV export names the columns it wants, masked ones among them: those are not
            # columns of the table, they are added below; the id is needed to add them.
            wanted = params["__visible_fields"]
            names = wanted.split(",") if isinstance(wanted, str) else list(wanted)
            kept = [n for n in names if n not in self.masked_columns]
            params["__visible_fields"] = ",".join(kept if "id" in kept else ["id", *kept])
        response = await super().get_all(request, params=params)
        if response.status_code == 200 and masked:
            response = await self._with_masks(response)
        return response

    async def get_single(self, request: Request, row_id: Any) -> Response:
        response = await super().get_single(request, row_id)
        if response.status_code == 200 and self.admin.masked:
            response = await self._with_masks(response, single=True)
        return response

    async def get_count(self, request: Request) -> Response:
        await self._scope(request)
        return await super().get_count(request)

    @apply_validators
    async def get_ids(self, request: Request) -> Response:
        """Scoped `{id: readable}` for foreign-key pickers, optionally searched and paged."""
        scope = await self._scope(request)
        readable = self.table.get_readable()
        pk = self.table._meta.primary_key
        query: Any = self.table.select(pk, readable)
        if (where := scope.where()) is not None:
            query = query.where(where)
        search = request.query_params.get("search")
        shown = readable.columns[0]
        if search and isinstance(shown, (Varchar, Text)):
            # SQLite's LIKE is already case-insensitive (ASCII); it has no ILIKE.
            postgres = self.table._meta.db.engine_type == "postgres"
            query = query.where((shown.ilike if postgres else shown.like)(f"%{search}%"))
        try:
            limit = min(int(request.query_params.get("limit", MAX_IDS)), MAX_IDS)
            offset = max(int(request.query_params.get("offset", 0)), 0)
        except ValueError:
            return Response("The limit and offset must be integers", status_code=400)
        rows = await query.order_by(shown).limit(limit).offset(offset).run()
        return JSONResponse({str(row[pk._meta.name]): row["readable"] for row in rows})

    async def detail(self, request: Request) -> Response:
        row_id = _parse_id(request.path_params.get("row_id"))
        if row_id is None:
            return Response("The ID is invalid", status_code=400)
        if not await self._in_scope(row_id, await self._scope(request)):
            # The same answer as for a row that does not exist: a hidden row leaks nothing.
            language = request_language(request)
            return Response(text("not_found", language, entity=table_label(self.admin.name, language)), 404)
        return await super().detail(request)

    @apply_validators
    async def get_schema(self, request: Request) -> JSONResponse:
        """The table's form schema, titled in the UI's language."""
        language = request_language(request)
        schema = self.pydantic_model.model_json_schema()
        table = self.admin.name
        columns = {c._meta.name: c for c in self.table._meta.columns}
        for name, prop in schema.get("properties", {}).items():
            prop["title"] = column_label(name, language, table)
            enum = columns[name]._meta.choices if name in columns else None
            for choice in ((prop.get("extra") or {}).get("choices") or {}).values():
                # The enum's own word first: one stored value may mean different things in two enums.
                label = choice_label(str(choice["value"]), language, enum)
                choice["display_name"] = label or choice["value"]
        schema["title"] = table_label(table, language)
        extra = schema.setdefault("extra", {})
        extra["help_text"] = table_label(table, language)
        for name in self.masked_columns:
            schema.setdefault("properties", {})[name] = {
                "anyOf": [{"type": "string"}, {"type": "null"}],
                "default": None,
                "title": column_label(name, language, table),
                "extra": {
                    "help_text": text("admin.masked_help", language),
                    "choices": None,
                    "secret": False,
                    "nullable": True,
                    "unique": False,
                },
            }
            visible = list(extra.get("visible_column_names") or [])
            extra["visible_column_names"] = [*visible[:1], name, *visible[1:]]
        return JSONResponse(schema)

    @apply_validators
    async def get_references(self, request: Request) -> JSONResponse:
        """Tables linking to this one, from this database's generated set only."""
        references = [
            {"tableName": column._meta.table._meta.tablename, "columnName": column._meta.name}
            for column in self.table._meta.foreign_key_references
            if column._meta.table.__module__ == self.table.__module__
        ]
        return JSONResponse({"references": references})

    async def _with_masks(self, response: Response, *, single: bool = False) -> Response:
        """Rows → each with `<secret>_masked` beside them ('S***h'), never the clear value (AC-11)."""
        body = json.loads(bytes(response.body))
        rows = [body] if single else body.get("rows", [])
        ids = [_parse_id(row.get("id")) for row in rows]
        model: type[Model] = self.admin.model
        names = self.admin.masked
        found = {obj.pk: obj for obj in await model.filter(id__in=[i for i in ids if i]).only("id", *names)}
        for row, row_id in zip(rows, ids, strict=True):
            obj = found.get(row_id)
            for name in names:
                row[f"{name}{MASK_SUFFIX}"] = masked_value(obj, name) if obj is not None else None
        return JSONResponse(body)

    # --- writes ------------------------------------------------------------------------------

    def _strip_virtual(self, data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k not in self.masked_columns}

    async def _written(self, request: Request, action: str, row_id: Any, write: Any) -> tuple[Response, Any]:
        """Runs `write()` in one transaction, kept only if the row stays within the principal's
        scope for `action`; answers the response and the row's id."""
        scope = await self._scope(request, action)
        try:
            async with self.table._meta.db.transaction():
                response: Response = await write()
                if response.status_code >= 300:
                    raise _Rollback(response)  # refused or failed: nothing to keep
                if row_id is None:
                    row_id = json.loads(bytes(response.body))[0][self.table._meta.primary_key._meta.name]
                if action != "manage" and not await self._in_scope(row_id, scope):
                    raise _Rollback()
        except _Rollback as stop:
            if stop.response is not None:
                return stop.response, None
            # Audited only now: the trail is written through Tortoise, outside Piccolo's transaction.
            await audit_refusal(principal_of(request), self.admin.name, action)
            raise refusal("admin.out_of_scope", request_language(request), rule=SCOPE_RULE) from None
        return response, row_id

    async def _audit(self, request: Request, action: str, row_id: Any, before: Model | None) -> None:
        model = self.admin.model
        after = await model.get_or_none(id=row_id) if action != "delete" else None
        await record(
            f"admin.{self.admin.name}.{action}",
            principal=principal_of(request),
            subject_type=model.__name__,
            subject_id=_parse_id(row_id),
            changes=diff(before, after, model=model),
        )
        if self.admin.name == "units":
            await notify_policy_changed()  # the unit tree behind subtree scopes changed (AC-5)

    async def post_single(self, request: Request, data: dict[str, Any]) -> Response:
        data = self._strip_virtual(data)
        response, row_id = await self._written(
            request, "create", None, lambda: super(PanelCRUD, self).post_single(request, data)
        )
        if row_id is not None:
            await self._audit(request, "create", row_id, None)
        return response

    async def patch_single(self, request: Request, row_id: Any, data: dict[str, Any]) -> Response:
        data = self._strip_virtual(data)
        before = await self.admin.model.get_or_none(id=row_id)
        response, written = await self._written(
            request, "update", row_id, lambda: super(PanelCRUD, self).patch_single(request, row_id, data)
        )
        if written is not None:
            await self._audit(request, "update", row_id, before)
        return response

    async def delete_single(self, request: Request, row_id: Any) -> Response:
        before = await self.admin.model.get_or_none(id=row_id)
        response, written = await self._written(
            request, "manage", row_id, lambda: super(PanelCRUD, self).delete_single(request, row_id)
        )
        if written is not None:
            await self._audit(request, "delete", row_id, before)
        return response

    async def put_single(self, request: Request, row_id: Any, data: dict[str, Any]) -> Response:
        # Validators refuse it (admin.use_patch); PUT would skip the pre_patch hook otherwise.
        return await super().put_single(request, row_id, self._strip_virtual(data))
