"""The base every Perisai model stands on: opaque ids, UTC timestamps, secret fields."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.fields.relational import ForeignKeyFieldInstance, OneToOneFieldInstance
from tortoise.models import Model, ModelMeta

from models.secrets import EncryptedField, blind_index, secret_fields

_SECRET_NAMES: dict[type, tuple[str, ...]] = {}

__all__ = ["PerisaiModel", "StrEnum", "lookup_index"]  # StrEnum: stored values are stable strings


class _IndexedForeignKeys(ModelMeta):
    """Every foreign-key column gets an index of its own (Q-P1): the dataloaders, the row scopes
    and the ownership subqueries all look rows up by their parent (`WHERE case_id IN (…)`), which
    without one is a full scan of e.g. 150,000 programs. One-to-one keys are unique, hence indexed,
    already; a key leading a unique-together constraint is served by that constraint's index."""

    def __new__(mcs, name: str, bases: tuple[type, ...], attrs: dict[str, Any]) -> ModelMeta:
        meta = attrs.get("Meta")
        together = getattr(meta, "unique_together", ()) or ()
        if together and isinstance(together[0], str):
            together = (together,)
        leading = {group[0] for group in together if group}
        for key, value in attrs.items():
            if (
                isinstance(value, ForeignKeyFieldInstance)
                and not isinstance(value, OneToOneFieldInstance)
                and key not in leading
                and f"{key}_id" not in leading
            ):
                value.index = True
        return super().__new__(mcs, name, bases, attrs)


class PerisaiModel(Model, metaclass=_IndexedForeignKeys):
    """Abstract base: a random UUID id (never sequential), created/updated timestamps.

    Secret fields (`EncryptedField`) keep plaintext only in memory: values passed to the
    constructor or assigned are sealed on save, and their blind index is refreshed at
    assignment so `bulk_create` gets it too.
    """

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4, description="Opaque public id.")
    created_at = fields.DatetimeField(auto_now_add=True, description="When the record was created (UTC).")
    updated_at = fields.DatetimeField(auto_now=True, description="When the record last changed (UTC).")

    class Meta:
        abstract = True

    def __init__(self, **kwargs: Any) -> None:
        # Tortoise runs constructor values through to_python_value, which for a secret
        # field means "this came from the database": hand plaintext in after that.
        secret_names = _SECRET_NAMES.get(type(self))
        if secret_names is None:
            secret_names = _SECRET_NAMES[type(self)] = tuple(secret_fields(type(self)))
        secrets = {name: kwargs.pop(name) for name in secret_names if name in kwargs}
        super().__init__(**kwargs)
        for name, value in secrets.items():
            setattr(self, name, value)

    def __setattr__(self, key: str, value: Any) -> None:
        super().__setattr__(key, value)
        if isinstance(value, str):
            field = self._meta.fields_map.get(key)
            if isinstance(field, EncryptedField) and field.blind_index_field:
                purpose = field.index_purpose or key
                super().__setattr__(field.blind_index_field, blind_index(value, purpose, field.normalise))

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.pk}>"

    __str__ = __repr__


def lookup_index(model: type[Model], field_name: str, value: str) -> str:
    """The blind-index value to filter `model` by the secret `field_name` equal to `value`."""
    field = model._meta.fields_map[field_name]
    if not isinstance(field, EncryptedField) or not field.blind_index_field:
        raise ValueError(f"{model.__name__}.{field_name} has no blind index")
    return blind_index(value, field.index_purpose or field_name, field.normalise)
