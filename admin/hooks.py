"""Casbin at every admin read and write, defaults restored, workflow columns kept (AC-4, AC-5, AC-15).

Validators (run before each piccolo_api endpoint) ask `authz.scope.require` whether the
signed-in staff member's roles may read, create, update or delete (`manage`) rows of the table
at all. Hooks (run on the row before it is written) check the row against the principal's row
scope, restore the model's defaults for omitted fields — piccolo_api builds a row from the
whole pydantic dump, so an omitted field arrives as NULL — and refuse a change to a column a
workflow owns. Refusals are audited and shown in the UI's language with their rule id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException
from piccolo.columns import Column
from piccolo.table import Table
from piccolo_api.crud.endpoints import PiccoloCRUD
from piccolo_api.crud.hooks import Hook, HookType
from piccolo_api.crud.validators import Validators
from starlette.requests import Request
from tortoise import fields as tf

from admin.gate import identity_of, request_language
from admin.labels import column_label, table_label
from admin.messages import field_refusal, refusal, text
from admin.readonly import is_read_only_table
from admin.scoping import row_scope
from admin.tables import AUTO_COLUMNS, AdminTable
from authz.principal import Principal
from authz.scope import audit_refusal, require
from workflows.audit import json_safe
from workflows.errors import Forbidden, Unauthenticated
from workflows.messages import Language

Validator = Callable[[PiccoloCRUD, Request], Coroutine[Any, Any, None]]
ACTION_RULE = "AC-4"  # the panel is for administrators; a role without the action is refused
SCOPE_RULE = "AC-5"  # a row outside the units (or team, or own work) one has authority over
WORKFLOW_RULE = "AC-15"  # states change only through workflow steps, which keep the history


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def principal_of(request: Request) -> Principal:
    identity = identity_of(request)
    if identity is None:
        raise HTTPException(status_code=401, detail=text("unauthenticated", request_language(request)))
    return identity.principal


def model_default(fobj: tf.Field) -> Any:
    """What Tortoise would store for an omitted field (None: no default)."""
    if getattr(fobj, "auto_now", False) or getattr(fobj, "auto_now_add", False):
        return utcnow()
    default = fobj.default
    value = default() if callable(default) else default
    return getattr(value, "value", value)  # enum members → their stored text


async def require_action(request: Request, admin: AdminTable, action: str) -> Principal:
    """The panel user's roles may `action` rows of this table, or a 405 naming rule AC-4."""
    principal = principal_of(request)
    language = request_language(request)
    try:
        await require(principal, admin.name, action)  # audits a refusal (AC-13)
    except (Forbidden, Unauthenticated):
        raise refusal(
            "admin.forbidden",
            language,
            rule=ACTION_RULE,
            action=text(f"admin.action.{action}", language),
            table=table_label(admin.name, language),
        ) from None
    return principal


async def require_row(request: Request, admin: AdminTable, row_id: Any, action: str) -> None:
    """The row lies within the principal's scope for `action`, or a 405 naming rule AC-5."""
    principal = principal_of(request)
    scope = await row_scope(admin.model, principal, action)
    if scope.unrestricted:
        return
    table = admin.table
    found = await table.exists().where(table._meta.primary_key == row_id, scope.where()).run()
    if not found:
        await audit_refusal(principal, admin.name, action)
        raise refusal("admin.out_of_scope", request_language(request), rule=SCOPE_RULE)


def validators_for(admin: AdminTable) -> Validators:
    """Table-level authorization for every piccolo_api endpoint of one table."""

    def may(action: str) -> Validator:
        async def validator(piccolo_crud: PiccoloCRUD, request: Request) -> None:
            if action != "read" and is_read_only_table(admin.model):
                language = request_language(request)
                raise refusal(
                    "admin.read_only_table",
                    language,
                    rule=WORKFLOW_RULE,
                    table=table_label(admin.name, language),
                )
            await require_action(request, admin, action)

        return validator

    async def no_put(piccolo_crud: PiccoloCRUD, request: Request) -> None:
        raise refusal("admin.use_patch", request_language(request))

    return Validators(
        every=[may("read")],
        post_single=[may("create")],
        patch_single=[may("update")],
        delete_single=[may("manage")],
        put_single=[no_put],
        delete_all=[no_put],
    )


def _owned_refusal(column: str, language: Language) -> HTTPException:
    return field_refusal(
        column, "admin.workflow_owned", language, rule=WORKFLOW_RULE, column=column_label(column, language)
    )


def hooks_for(admin: AdminTable) -> list[Hook]:
    """Row-level checks and defaults for one table's writes."""

    async def pre_save(row: Table, request: Request) -> Table:
        try:
            sent = await request.json()
        except ValueError:
            sent = {}
        language = request_language(request)
        now = utcnow()
        for column in admin.fields:
            fobj = admin.field(column)
            if column in ("created_at", "updated_at"):
                setattr(row, column, now)
                continue
            if column in AUTO_COLUMNS:
                continue
            value = getattr(row, column, None)
            if column in admin.read_only:
                # A new record starts in the workflow's initial state, whatever the form says.
                initial = model_default(fobj)
                if initial is None and not fobj.null:
                    continue  # no initial state declared: the value given is the start
                if column in sent and value is not None and json_safe(value) != json_safe(initial):
                    raise _owned_refusal(column, language)
                setattr(row, column, initial)
            elif value is None and not fobj.null:
                default = model_default(fobj)
                if default is not None:
                    setattr(row, column, default)
        return row

    async def pre_patch(row_id: Any, values: dict[Column, Any], request: Request) -> dict[Column, Any]:
        await require_row(request, admin, row_id, "update")
        language = request_language(request)
        table = admin.table
        owned = [c for c in values if c._meta.name in admin.read_only]
        if owned:
            stored = await table.select(*owned).where(table._meta.primary_key == row_id).first().run() or {}
            for column in owned:
                name = column._meta.name
                if name not in AUTO_COLUMNS and json_safe(values[column]) != json_safe(stored.get(name)):
                    raise _owned_refusal(name, language)
                # The UI sends the whole form back: an unchanged owned column is simply not written.
                del values[column]
        if "updated_at" in admin.fields:
            values[table._meta.get_column_by_name("updated_at")] = utcnow()
        return values

    async def pre_delete(row_id: Any, request: Request) -> None:
        await require_row(request, admin, row_id, "manage")

    return [
        Hook(hook_type=HookType.pre_save, callable=pre_save),
        Hook(hook_type=HookType.pre_patch, callable=pre_patch),
        Hook(hook_type=HookType.pre_delete, callable=pre_delete),
    ]
