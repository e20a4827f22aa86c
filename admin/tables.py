"""Piccolo tables generated from the Tortoise models, the one definition of the data.

Every model of `Tortoise.apps["models"]` gets a Piccolo `Table` with one column per database
column, named after the column (`owning_unit_id`), with the model's null/unique/default/choices
and its description as help text. Foreign keys become `ForeignKey` columns, so the panel links
related rows. Left out entirely, never as `secret=True` columns (that wipes stored values on
save): credential tables (`api_hidden`), `api_exclude` fields, encrypted fields, their blind
indexes, and anything named like a password, hash, token, secret or salt (AC-11). A new model
or column appears in the panel without admin code; tests/admin compare both, column by column.
"""

from __future__ import annotations

import itertools
import sys
import types
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from piccolo.columns import Column
from piccolo.columns import column_types as pc
from piccolo.columns.base import OnDelete
from piccolo.columns.defaults.date import DateNow
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.columns.readable import Readable
from piccolo.columns.reference import LazyTableReference
from piccolo.engine.base import Engine
from piccolo.table import Table
from tortoise import Tortoise
from tortoise import fields as tf
from tortoise.fields.data import CharEnumFieldInstance
from tortoise.models import Model

from admin.readonly import workflow_owned
from models import MODEL_MODULES
from models.secrets import EncryptedField
from workflows.audit import secret_field_names

# Columns a row's readable form (foreign-key pickers, linked cells) is taken from, first found.
READABLE_COLUMNS = (
    "code",
    "number",
    "full_name",
    "name",
    "title",
    "email",
    "employee_number",
    "series",
    "ptype",
)
AUTO_COLUMNS = frozenset({"id", "created_at", "updated_at"})
ON_DELETE = {
    "CASCADE": OnDelete.cascade,
    "RESTRICT": OnDelete.restrict,
    "SET NULL": OnDelete.set_null,
    "SET DEFAULT": OnDelete.set_default,
    "NO ACTION": OnDelete.no_action,
}

_generation = itertools.count(1)


def admin_models() -> list[type[Model]]:
    """The models the panel shows: every Perisai model but the credential tables (api_hidden)."""
    if not Tortoise.apps:  # metadata only, as schema/build.py: the ORM may open later
        Tortoise.init_models([*MODEL_MODULES], "models", _init_relations=True)
    return [
        model
        for model in Tortoise.apps["models"].values()
        if model.__module__.startswith("models.") and not getattr(model, "api_hidden", False)
    ]


def excluded_fields(model: type[Model]) -> frozenset[str]:
    """Fields of `model` that never reach the panel: secret, blind index, credential-like, api_exclude."""
    return secret_field_names(model) | frozenset(getattr(model, "api_exclude", ()) or ())


def masked_fields(model: type[Model]) -> tuple[str, ...]:
    """Secret fields worth recognising in a list, shown only masked ('S***h'): names (AC-11)."""
    return tuple(
        name
        for name, f in model._meta.fields_map.items()
        if isinstance(f, EncryptedField) and name == "full_name"
    )


def column_names(model: type[Model]) -> dict[str, str]:
    """The database columns the panel shows → the Tortoise field behind each."""
    hidden = excluded_fields(model)
    return {column: name for name, column in model._meta.fields_db_projection.items() if name not in hidden}


@dataclass
class AdminTable:
    """One model as the panel sees it."""

    model: type[Model]
    table: type[Table]
    fields: dict[str, str]  # column → Tortoise field name
    read_only: frozenset[str]  # columns only workflows write (admin/readonly.py), and id/timestamps
    masked: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.model._meta.db_table

    def field(self, column: str) -> tf.Field:
        return self.model._meta.fields_map[self.fields[column]]


def admin_table_of(table: type[Table]) -> AdminTable:
    """A generated Piccolo table → what the panel knows of it."""
    return table.perisai_admin  # type: ignore[attr-defined, no-any-return]


@dataclass
class AdminTables:
    """The generated tables of one database, by table name."""

    engine: Engine[Any]
    module: str
    by_name: dict[str, AdminTable] = field(default_factory=dict)

    def for_table(self, table: type[Table]) -> AdminTable:
        return self.by_name[table._meta.tablename]


def _default(fobj: tf.Field) -> Any:
    """A Tortoise default → the same default for the Piccolo column (None: nothing static)."""
    default = fobj.default
    if callable(default) or default is None:
        return None
    return default.value if isinstance(default, Enum) else default


def piccolo_column(
    fobj: tf.Field, *, column: str, references: str | None, module: str, dialect: str
) -> Column:
    """One Tortoise field → the Piccolo column for the same database column."""
    null = bool(fobj.null)
    static = _default(fobj)
    has_default = static is not None or fobj.default is not None or _is_auto(fobj)
    common: dict[str, Any] = {
        "null": null,
        "unique": bool(fobj.unique) and not fobj.pk,
        "help_text": fobj.description,
        "required": not null and not has_default and column not in AUTO_COLUMNS,
    }
    if null:
        common["default"] = None  # else Piccolo invents '' or 0 for an omitted value
    elif static is not None:
        common["default"] = static

    if references is not None:
        on_delete = ON_DELETE.get(str(getattr(fobj.reference, "on_delete", "RESTRICT")), OnDelete.restrict)
        common.pop("default", None)
        return pc.ForeignKey(
            references=LazyTableReference(references, module_path=module), on_delete=on_delete, **common
        )
    if fobj.pk:
        return pc.UUID(primary_key=True, help_text=fobj.description)
    if isinstance(fobj, CharEnumFieldInstance):
        return pc.Varchar(length=fobj.max_length, choices=fobj.enum_type, **common)
    if isinstance(fobj, tf.CharField):
        return pc.Varchar(length=fobj.max_length, **common)
    if isinstance(fobj, tf.TextField):
        return pc.Text(**common)
    if isinstance(fobj, tf.BooleanField):
        return pc.Boolean(**common)
    if isinstance(fobj, tf.BigIntField):
        return pc.BigInt(**common)
    if isinstance(fobj, tf.SmallIntField):
        return pc.SmallInt(**common)
    if isinstance(fobj, tf.IntField):
        return pc.Integer(**common)
    if isinstance(fobj, tf.DecimalField):
        return pc.Numeric(digits=(fobj.max_digits, fobj.decimal_places), **common)
    if isinstance(fobj, tf.FloatField):
        return pc.DoublePrecision(**common)
    if isinstance(fobj, tf.DatetimeField):
        if not null and "default" not in common:
            common["default"] = TimestamptzNow()
        return pc.Timestamptz(**common)
    if isinstance(fobj, tf.DateField):
        if not null and "default" not in common:
            common["default"] = DateNow()
        return pc.Date(**common)
    if isinstance(fobj, tf.TimeField):
        return pc.Time(**common)
    if isinstance(fobj, tf.UUIDField):
        return pc.UUID(**common)
    if isinstance(fobj, tf.JSONField):
        common.pop("default", None)
        json_type = pc.JSONB if dialect == "postgres" else pc.JSON
        return json_type(default=None if null else "{}", **{k: v for k, v in common.items()})
    raise TypeError(f"the admin panel has no column type for {type(fobj).__name__} ({column})")


def _is_auto(fobj: tf.Field) -> bool:
    return bool(getattr(fobj, "auto_now", False) or getattr(fobj, "auto_now_add", False))


def _readable(table_name: str, columns: dict[str, str]) -> Any:
    name = next((c for c in READABLE_COLUMNS if c in columns), "id")

    def get_readable(cls: type[Table]) -> Readable:
        return Readable(template="%s", columns=[getattr(cls, name)])

    return classmethod(get_readable)


def generate(engine: Engine[Any], dialect: str) -> AdminTables:
    """Every admin model → a Piccolo table on `engine`, foreign keys linked lazily (cycles allowed)."""
    models = admin_models()
    class_names = {model: model.__name__ for model in models}
    module_name = f"admin._generated_{next(_generation)}"
    module = types.ModuleType(module_name)
    # LazyTableReference imports the module by name to resolve a foreign key.
    sys.modules[module_name] = module
    generated = AdminTables(engine=engine, module=module_name)

    for model in models:
        fields = column_names(model)
        attrs: dict[str, Any] = {"get_readable": _readable(model._meta.db_table, fields)}
        for column, name in fields.items():
            fobj = model._meta.fields_map[name]
            target = getattr(fobj, "reference", None)
            related = getattr(target, "related_model", None) if target is not None else None
            references = class_names.get(related) if related is not None else None
            attrs[column] = piccolo_column(
                fobj, column=column, references=references, module=module_name, dialect=dialect
            )
        table = types.new_class(
            class_names[model],
            (Table,),
            {"tablename": model._meta.db_table, "db": engine},
            lambda ns, attrs=attrs: ns.update(attrs),  # type: ignore[misc]
        )
        setattr(module, class_names[model], table)
        owned = {c for c, name in fields.items() if name in workflow_owned(model)}
        generated.by_name[model._meta.db_table] = table.perisai_admin = AdminTable(  # type: ignore[attr-defined]
            model=model,
            table=table,
            fields=fields,
            read_only=frozenset(owned | (AUTO_COLUMNS & set(fields))),
            masked=masked_fields(model),
        )
    for admin_table in generated.by_name.values():
        for fk in admin_table.table._meta.foreign_key_columns:
            fk._foreign_key_meta.resolved_references  # noqa: B018 — resolve now: fail at start, not at a click
    return generated
