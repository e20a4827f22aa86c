"""The generated read API: every registered model gets a type, a lookup and a list.

From a Tortoise model's own metadata (fields, descriptions, indexes, relations) this
builds, without hand-copying:

- a Strawberry object type (docstring → description, `description=` → field docs),
  foreign keys resolved through `by_id` dataloaders, reverse relations through `by_fk`
  dataloaders, secret fields answered as `null` + `<field>Masked` (AC-11); for partner tokens and
  reporters, the fields authz/tiers.py does not open to them answered as `null` (AC-2, AC-11);
- a `<Model>Filter` input over the indexed, unique and foreign-key fields;
- a `<Model>OrderField` enum over the non-null indexed fields (plus createdAt, id);
- root fields `<model>(id)` and `<models>(first, after, filter, orderBy, direction)`.

Hand-written types and mutations live beside it in the per-domain schema modules.
"""

import datetime as dt
import decimal
import inspect
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Optional

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info
from tortoise import fields as tf
from tortoise.fields.relational import BackwardFKRelation, ForeignKeyFieldInstance, OneToOneFieldInstance
from tortoise.models import Model

from authz import tiers
from authz.masking import masked_value
from authz.scope import audit_refusal, require, scope
from models.secrets import EncryptedField, blind_index, reveal
from schema.pagination import DEFAULT_PAGE_SIZE, Connection, SortDirection, paginate
from workflows.errors import Forbidden, NotFound, ValidationFailed

MAX_IN_LIST = 100
MAX_FILTER_TEXT = 200


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@dataclass
class ModelSpec:
    """What the generator knows about one model."""

    model: type[Model]
    name: str
    single: str
    plural: str
    description: str
    scalars: dict[str, tf.Field] = field(default_factory=dict)
    secrets: dict[str, EncryptedField] = field(default_factory=dict)
    forward: dict[str, ForeignKeyFieldInstance] = field(default_factory=dict)
    backward: dict[str, BackwardFKRelation] = field(default_factory=dict)
    gql_type: Any = None
    filter_type: Any = None
    order_type: Any = None
    filter_appliers: dict[str, Callable[[Any], dict[str, Any]]] = field(default_factory=dict)
    filter_columns: dict[str, str] = field(default_factory=dict)  # filter argument → column it reads
    hidden: frozenset[str] = frozenset()  # columns outside principals get as null (authz/tiers.py)

    @property
    def table(self) -> str:
        return self.model._meta.db_table


class Registry:
    """Models registered for the generated API, and the Strawberry types built from them."""

    def __init__(self) -> None:
        self.specs: dict[type[Model], ModelSpec] = {}
        self._enums: dict[type[Enum], Any] = {}

    # --- registration --------------------------------------------------------------

    def register(self, model: type[Model], *, plural: str | None = None, exclude: Iterable[str] = ()) -> None:
        meta = model._meta
        excluded = set(exclude)
        index_columns = {
            f.blind_index_field
            for f in meta.fields_map.values()
            if isinstance(f, EncryptedField) and f.blind_index_field
        }
        single = camel(snake(model.__name__))
        plural_name = plural or camel(meta.db_table)
        if plural_name == single:
            plural_name = f"{single}List"
        spec = ModelSpec(
            model=model,
            name=model.__name__,
            single=single,
            plural=plural_name,
            description=inspect.cleandoc(model.__dict__.get("__doc__") or model.__name__),
        )
        for name, fobj in meta.fields_map.items():
            if name in excluded or name in index_columns:
                continue
            if isinstance(fobj, EncryptedField):
                spec.secrets[name] = fobj
            elif isinstance(fobj, (ForeignKeyFieldInstance, OneToOneFieldInstance)):
                spec.forward[name] = fobj
            elif isinstance(fobj, BackwardFKRelation):
                spec.backward[name] = fobj
            elif name in meta.fk_fields or name in meta.backward_fk_fields or name in meta.m2m_fields:
                continue
            elif name in meta.fields_db_projection:
                # Plain columns, and FK source columns (unit_id) as cheap ID scalars.
                spec.scalars[name] = fobj
        if tiers.declared(spec.table):
            spec.hidden = frozenset(n for n in spec.scalars if not tiers.outside_may_see(spec.table, n))
        self.specs[model] = spec

    # --- type building -------------------------------------------------------------------

    def enum_type(self, enum_cls: type[Enum]) -> Any:
        if enum_cls not in self._enums:
            clash = [e for e in self._enums if e.__name__ == enum_cls.__name__]
            if clash:
                raise TypeError(f"two enums are named {enum_cls.__name__}: {clash[0]} and {enum_cls}")
            own_doc = enum_cls.__dict__.get("__doc__")
            description = (
                inspect.cleandoc(own_doc)
                if own_doc
                else f"Values of {snake(enum_cls.__name__).replace('_', ' ')}."
            )
            self._enums[enum_cls] = strawberry.enum(enum_cls, description=description)
        return self._enums[enum_cls]

    def python_type(self, fobj: tf.Field) -> Any:
        enum_cls = getattr(fobj, "enum_type", None)
        if enum_cls is not None:
            return self.enum_type(enum_cls)
        if isinstance(fobj, tf.UUIDField):
            return strawberry.ID
        if isinstance(fobj, tf.BooleanField):
            return bool
        if isinstance(fobj, (tf.IntField, tf.BigIntField, tf.SmallIntField)):
            return int
        if isinstance(fobj, tf.DecimalField):
            return decimal.Decimal
        if isinstance(fobj, tf.FloatField):
            return float
        if isinstance(fobj, tf.DatetimeField):
            return dt.datetime
        if isinstance(fobj, tf.DateField):
            return dt.date
        if isinstance(fobj, tf.JSONField):
            return JSON
        return str

    def build(self) -> None:
        # Phase 1: a class object per model, so relations can refer to each other.
        for spec in self.specs.values():
            spec.gql_type = type(spec.name, (), {"__module__": __name__})
        for spec in self.specs.values():
            self._build_object(spec)
            self._build_filter(spec)
            self._build_order(spec)

    def _build_object(self, spec: ModelSpec) -> None:
        cls = spec.gql_type
        annotations: dict[str, Any] = {}
        namespace: dict[str, Any] = {}
        for name, fobj in spec.scalars.items():
            py = self.python_type(fobj)
            hidden = name in spec.hidden
            # A field hidden from outside principals answers null to them, so it must be nullable.
            gql = Optional[py] if fobj.null or hidden else py  # noqa: UP045 — runtime-built annotation
            description = _hidden_description(fobj.description) if hidden else fobj.description
            if py is strawberry.ID:
                namespace[name] = strawberry.field(
                    resolver=_id_resolver(name, hidden), graphql_type=gql, description=description
                )
            elif hidden:
                namespace[name] = strawberry.field(
                    resolver=_hidden_resolver(name), graphql_type=gql, description=description
                )
            else:
                annotations[name] = gql
                namespace[name] = strawberry.field(description=fobj.description)
        for name, fobj in spec.secrets.items():
            namespace[name] = strawberry.field(
                resolver=_secret_resolver(name),
                graphql_type=Optional[str],  # noqa: UP045
                description=f"{fobj.description} Secret: null unless you are entitled (AC-11).",
            )
            namespace[f"{name}_masked"] = strawberry.field(
                resolver=_masked_resolver(name),
                graphql_type=Optional[str],  # noqa: UP045
                description=f"Masked form of {camel(name)}, for those not entitled (AC-11).",
            )
        for name, fobj in spec.forward.items():
            target = self.specs.get(fobj.related_model)
            if target is None:
                continue
            # Always nullable: the related row loads through the caller's scope, and a row one may
            # read can point at one one may not (a partner's referral → its applicant, AC-2, AC-12) —
            # that relation answers null, it does not fail the whole record.
            hidden = fobj.source_field in spec.hidden
            description = _relation_description(fobj.description, fobj.null)
            namespace[name] = strawberry.field(
                resolver=_forward_resolver(
                    fobj.source_field, fobj.related_model, outside=not hidden and tiers.declared(target.table)
                ),
                graphql_type=Optional[target.gql_type],  # noqa: UP045
                description=_hidden_description(description) if hidden else description,
            )
        for name, fobj in spec.backward.items():
            source = self.specs.get(fobj.related_model)
            if source is None:
                continue
            fk_name = _fk_name_for(fobj)
            namespace[name] = strawberry.field(
                resolver=_backward_resolver(
                    fobj.related_model, fk_name, outside=tiers.declared(source.table)
                ),
                graphql_type=list[source.gql_type],
                description=f"{source.name} records linked to this {spec.name} ({fk_name}).",
            )
        cls.__annotations__ = annotations
        for key, value in namespace.items():
            setattr(cls, key, value)
        strawberry.type(cls, name=spec.name, description=spec.description)

    def _build_filter(self, spec: ModelSpec) -> None:
        annotations: dict[str, Any] = {}
        namespace: dict[str, Any] = {"__module__": __name__}
        appliers: dict[str, Callable[[Any], dict[str, Any]]] = {}
        columns: dict[str, str] = {}
        column = "id"  # the column the filters added next read; `add` records it (AC-11 checks)

        def add(name: str, gql: Any, description: str, apply: Callable[[Any], dict[str, Any]]) -> None:
            annotations[name] = Optional[gql]  # noqa: UP045
            namespace[name] = strawberry.field(default=None, description=description)
            appliers[name] = apply
            columns[name] = column

        add("ids", list[strawberry.ID], "Only these ids.", lambda v: {"id__in": _uuids(v, "filter.ids")})
        for name, fobj in spec.scalars.items():
            column = name
            if name == "id":
                continue
            is_fk_column = any(f.source_field == name for f in spec.forward.values())
            if not (fobj.index or fobj.unique or is_fk_column):
                continue
            py = self.python_type(fobj)
            label = camel(name)
            if py is strawberry.ID:
                add(name, strawberry.ID, f"Equal to ({label}).", _eq_uuid(name))
                add(f"{name}_in", list[strawberry.ID], f"One of ({label}).", _in_uuid(name))
            elif getattr(fobj, "enum_type", None) is not None:
                add(name, py, f"Equal to ({label}).", lambda v, n=name: {n: v})
                add(f"{name}_in", list[py], f"One of ({label}).", _in_list(name))
            elif py in (dt.date, dt.datetime, int, decimal.Decimal):
                add(f"{name}_from", py, f"At or after ({label}).", lambda v, n=name: {f"{n}__gte": v})
                add(f"{name}_before", py, f"Strictly before ({label}).", lambda v, n=name: {f"{n}__lt": v})
                if py is int:
                    add(name, py, f"Equal to ({label}).", lambda v, n=name: {n: v})
            elif py is bool:
                add(name, bool, f"Equal to ({label}).", lambda v, n=name: {n: v})
            elif py is str:
                add(name, str, f"Exactly ({label}).", _eq_text(name))
        for name, fobj in spec.secrets.items():
            column = name
            if fobj.blind_index_field:
                add(
                    name,
                    str,
                    f"Exact match on {camel(name)}, through its blind index (no plaintext is stored).",
                    _blind(name, fobj),
                )
        namespace["__annotations__"] = annotations
        cls = type(f"{spec.name}Filter", (), namespace)
        spec.filter_type = strawberry.input(
            cls, name=f"{spec.name}Filter", description=f"Filters for {spec.plural}."
        )
        spec.filter_appliers = appliers
        spec.filter_columns = columns

    def _build_order(self, spec: ModelSpec) -> None:
        members = {"CREATED_AT": "created_at", "UPDATED_AT": "updated_at", "ID": "id"}
        for name, fobj in spec.scalars.items():
            if (fobj.index or fobj.unique) and not fobj.null and not isinstance(fobj, tf.JSONField):
                members[name.upper()] = name
        enum_cls = Enum(f"{spec.name}OrderField", members)  # type: ignore[misc]
        spec.order_type = strawberry.enum(enum_cls, description=f"Fields {spec.plural} can be ordered by.")

    # --- root fields --------------------------------------------------------------------

    def query_fields(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.specs.values():
            result[spec.single] = strawberry.field(
                resolver=_get_resolver(spec),
                description=f"One {spec.name} by id. {first_line(spec.description)}",
            )
            result[spec.plural] = strawberry.field(
                resolver=_list_resolver(spec),
                description=f"A page of {spec.name} records. {first_line(spec.description)}",
            )
        return result


def first_line(text: str) -> str:
    return text.split("\n\n")[0].replace("\n", " ")


def _fk_name_for(backward: BackwardFKRelation) -> str:
    """The forward FK attribute name on the source model that this reverse relation mirrors."""
    source = backward.related_model
    for name in source._meta.fk_fields | source._meta.o2o_fields:
        fobj = source._meta.fields_map[name]
        if fobj.source_field == backward.relation_field:
            return name
    raise LookupError(backward.relation_field)


def _uuids(values: list[Any], label: str) -> list[uuid.UUID]:
    if len(values) > MAX_IN_LIST:
        raise ValidationFailed("validation.filter", field=label, reason=f"at most {MAX_IN_LIST} values")
    return [_uuid(v, label) for v in values]


def _uuid(value: Any, label: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise ValidationFailed("validation.id", field=label) from exc


def _eq_uuid(name: str) -> Callable[[Any], dict[str, Any]]:
    return lambda v: {name: _uuid(v, f"filter.{camel(name)}")}


def _in_uuid(name: str) -> Callable[[Any], dict[str, Any]]:
    return lambda v: {f"{name}__in": _uuids(v, f"filter.{camel(name)}In")}


def _in_list(name: str) -> Callable[[Any], dict[str, Any]]:
    def apply(values: list[Any]) -> dict[str, Any]:
        if len(values) > MAX_IN_LIST:
            raise ValidationFailed(
                "validation.filter", field=f"filter.{camel(name)}In", reason="too many values"
            )
        return {f"{name}__in": values}

    return apply


def _eq_text(name: str) -> Callable[[Any], dict[str, Any]]:
    def apply(value: str) -> dict[str, Any]:
        if len(value) > MAX_FILTER_TEXT:
            raise ValidationFailed(
                "validation.too_long", field=f"filter.{camel(name)}", maximum=MAX_FILTER_TEXT
            )
        return {name: value}

    return apply


def _blind(name: str, fobj: EncryptedField) -> Callable[[Any], dict[str, Any]]:
    def apply(value: str) -> dict[str, Any]:
        if len(value) > MAX_FILTER_TEXT:
            raise ValidationFailed(
                "validation.too_long", field=f"filter.{camel(name)}", maximum=MAX_FILTER_TEXT
            )
        return {fobj.blind_index_field: blind_index(value, fobj.index_purpose or name, fobj.normalise)}

    return apply


# --- resolvers (closures; `info: Info` marks the reserved parameter) ------------------------


def _id_resolver(attr: str, hidden: bool = False) -> Callable[..., Any]:
    if hidden:

        def resolve_hidden(root: Any, info: Info) -> Any:
            value = None if tiers.is_outside(info.context.principal) else getattr(root, attr)
            return None if value is None else str(value)

        return resolve_hidden

    def resolve(root: Any) -> Any:
        value = getattr(root, attr)
        return None if value is None else str(value)

    return resolve


def _hidden_resolver(attr: str) -> Callable[..., Any]:
    """A field authz/tiers.py does not open to outside principals: null for them (AC-2, AC-11)."""

    def resolve(root: Any, info: Info) -> Any:
        return None if tiers.is_outside(info.context.principal) else getattr(root, attr)

    return resolve


def _hidden_description(description: str | None) -> str:
    return (
        f"{description or ''} Null for partner agencies' tokens and public reporters (AC-2, AC-11).".strip()
    )


def _secret_resolver(attr: str) -> Callable[..., Any]:
    async def resolve(root: Any, info: Info) -> str | None:
        if await info.context.loaders.revealable(type(root)).load(root.pk):
            return reveal(root, attr)
        return None

    return resolve


def _masked_resolver(attr: str) -> Callable[..., Any]:
    def resolve(root: Any) -> str | None:
        return masked_value(root, attr)

    return resolve


def _relation_description(description: str | None, nullable: bool) -> str | None:
    """A forward relation's description; a required one says why it may still answer null."""
    if nullable:
        return description
    return f"{description or ''} Null when you may not read the linked record (AC-12).".strip()


def _forward_resolver(source_field: str, target: type[Model], *, outside: bool) -> Callable[..., Any]:
    """`outside`: whether partner tokens and reporters may follow it (its column and table declared)."""

    async def resolve(root: Any, info: Info) -> Any:
        key = getattr(root, source_field)
        if key is None or (not outside and tiers.is_outside(info.context.principal)):
            return None
        return await info.context.loaders.by_id(target).load(key)

    return resolve


def _backward_resolver(source: type[Model], fk_name: str, *, outside: bool) -> Callable[..., Any]:
    async def resolve(root: Any, info: Info) -> list[Any]:
        if not outside and tiers.is_outside(info.context.principal):
            return []  # a table tiers.py does not declare: deny by default (AC-2)
        return await info.context.loaders.by_fk(source, fk_name).load(root.pk)

    return resolve


def _get_resolver(spec: ModelSpec) -> Callable[..., Any]:
    async def resolve(info: Info, id: strawberry.ID) -> Any:
        await _require_read(info.context.principal, spec)
        row = await info.context.loaders.by_id(spec.model).load(_uuid(id, "id"))
        if row is None:
            raise NotFound(spec.name)
        return row

    resolve.__annotations__ = {
        "info": Info,
        "id": Annotated[strawberry.ID, strawberry.argument(description=f"Id of the {spec.name}.")],
        "return": Optional[spec.gql_type],  # noqa: UP045 — null with a NOT_FOUND error
    }
    return resolve


async def _require_read(principal: Any, spec: ModelSpec) -> Any:
    """`require(read)`, and deny by default a table authz/tiers.py does not open to outside principals
    even if a policy line (policies are data, AC-2) grants it."""
    principal = await require(principal, spec.table, "read")
    if tiers.is_outside(principal) and not tiers.declared(spec.table):
        await audit_refusal(principal, spec.table, "read")
        raise Forbidden()
    return principal


def _list_resolver(spec: ModelSpec) -> Callable[..., Any]:
    async def resolve(
        info: Info,
        first: int = DEFAULT_PAGE_SIZE,
        after: str | None = None,
        filter: Any = None,
        order_by: Any = spec.order_type.CREATED_AT,
        direction: SortDirection = SortDirection.ASC,
    ) -> Any:
        conditions: dict[str, Any] = {}
        if filter is not None:
            for name, apply in spec.filter_appliers.items():
                value = getattr(filter, name)
                if value is not None:
                    conditions.update(apply(value))
        principal = await _require_read(info.context.principal, spec)
        if tiers.is_outside(principal):
            used = {
                f"filter.{camel(n)}": c
                for n, c in spec.filter_columns.items()
                if getattr(filter, n, None) is not None
            }
            await tiers.refuse_hidden(spec.table, principal, {**used, "orderBy": order_by.value})
        query = await scope(spec.model.filter(**conditions), principal)
        return await paginate(
            query, model=spec.model, first=first, after=after, order_field=order_by.value, direction=direction
        )

    resolve.__annotations__ = {
        "info": Info,
        "first": Annotated[int, strawberry.argument(description="Page size, 0 to 100.")],
        "after": Annotated[
            Optional[str],  # noqa: UP045
            strawberry.argument(description="Cursor of the row after which the page starts."),
        ],
        "filter": Annotated[
            Optional[spec.filter_type],  # noqa: UP045
            strawberry.argument(description="Conditions every row must meet."),
        ],
        "order_by": Annotated[spec.order_type, strawberry.argument(description="Field to order by.")],
        "direction": Annotated[SortDirection, strawberry.argument(description="Ascending or descending.")],
        "return": Connection[spec.gql_type],
    }
    return resolve
