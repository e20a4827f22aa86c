"""Before/after of a record's non-secret fields, for audit entries (AC-13, AC-11)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tortoise.models import Model

from models.secrets import EncryptedField
from workflows.audit.chain import json_safe

# Names that mark a secret even on a plain column: credentials, their hashes and salts, and
# blind indexes kept without their encrypted sibling (OneTimeCode.phone_index).
_SECRET_NAME = re.compile(r"password|hash|token|secret|salt|_index$", re.IGNORECASE)
# Bookkeeping: the entry's own occurred_at says when; these would only add noise.
_NOT_DIFFED = frozenset({"created_at", "updated_at"})


def secret_field_names(model: type[Model]) -> frozenset[str]:
    """Fields of `model` never shown in an audit diff: encrypted ones, their blind indexes,
    and any named like a password, hash, token, secret, salt or index (AC-11, AC-13)."""
    names: set[str] = set()
    for name, field in model._meta.fields_map.items():
        if isinstance(field, EncryptedField) or getattr(field, "is_secret", False):
            names.add(name)
            if getattr(field, "blind_index_field", None):
                names.add(field.blind_index_field)
        if _SECRET_NAME.search(name):
            names.add(name)
    return frozenset(names)


def _diffed_fields(model: type[Model]) -> list[str]:
    # fields_db_projection lists data columns under their attribute names (a foreign key
    # as `case_id`), which is what an instance and a snapshot both answer to.
    return [name for name in model._meta.fields_db_projection if name not in _NOT_DIFFED]


def snapshot(instance: Model) -> dict[str, Any]:
    """A model instance → its field values now, to diff against after a change. Kept in
    memory only; secret values in it never reach `diff()`'s output."""
    return {name: getattr(instance, name, None) for name in type(instance)._meta.fields_db_projection}


def _value(source: Model | Mapping[str, Any] | None, name: str) -> Any:
    if source is None:
        return None
    if isinstance(source, Mapping):
        if name in source:
            return source[name]
        related = source.get(name[:-3]) if name.endswith("_id") else None
        return related.pk if isinstance(related, Model) else related
    return getattr(source, name, None)


def _names(source: Model | Mapping[str, Any] | None, every: list[str]) -> set[str]:
    if source is None:
        return set()
    if isinstance(source, Mapping):
        keys = {k if k in every else f"{k}_id" for k in source}
        return keys & set(every)
    return set(every)


def diff(
    before: Model | Mapping[str, Any] | None,
    after: Model | Mapping[str, Any] | None,
    *,
    model: type[Model],
) -> dict[str, Any]:
    """Two states of a record (None for "did not exist") → `{field: [before, after]}` for the
    changed non-secret fields, JSON-safe, plus `secret_fields_changed: [names]` — never a
    secret value, not even masked (AC-13, AC-11).

    Pass a `snapshot()` as `before` when the same instance is then changed in place. A
    mapping compares only the fields it names.
    """
    every = _diffed_fields(model)
    if isinstance(before, Model) and isinstance(after, Model):
        names = set(every)
    elif isinstance(before, Mapping) and isinstance(after, Model):
        names = _names(before, every)
    elif isinstance(after, Mapping) and isinstance(before, Model):
        names = _names(after, every)
    else:
        names = _names(before, every) | _names(after, every)
    secret = secret_field_names(model)
    changes: dict[str, Any] = {}
    secrets_changed: list[str] = []
    for name in (n for n in every if n in names):
        old, new = _value(before, name), _value(after, name)
        if name in secret:
            # Compared in memory only; a re-encrypted or newly assigned value counts as changed.
            if old != new:
                secrets_changed.append(name)
            continue
        old_json, new_json = json_safe(old), json_safe(new)
        if old_json != new_json:
            changes[name] = [old_json, new_json]
    if secrets_changed:
        changes["secret_fields_changed"] = secrets_changed
    return changes
