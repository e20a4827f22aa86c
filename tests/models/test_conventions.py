"""Every model follows docs/models.md: the generated API, admin and audit depend on it."""

from __future__ import annotations

import pytest
from tortoise import Tortoise, fields
from tortoise.fields.relational import BackwardFKRelation, BackwardOneToOneRelation

from models.base import PerisaiModel
from schema.build import ensure_models


def all_models():
    ensure_models()
    return [m for m in Tortoise.apps["models"].values() if m.__module__.startswith("models.")]


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_model_is_documented_with_opaque_id(model):
    # then: a docstring of its own, an opaque UUID id, a description on every field
    assert issubclass(model, PerisaiModel)
    assert model.__dict__.get("__doc__"), f"{model.__name__} has no docstring"
    assert isinstance(model._meta.pk, fields.UUIDField)
    undocumented = [
        name
        for name, field in model._meta.fields_map.items()
        if not isinstance(field, (BackwardFKRelation, BackwardOneToOneRelation))
        and not name.endswith("_id")
        and not field.description
    ]
    assert undocumented == []


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_model_money_is_decimal_and_enums_have_room(model):
    # then
    for name, field in model._meta.fields_map.items():
        assert not isinstance(field, fields.FloatField), (
            f"{model.__name__}.{name}: money and measures are Decimal"
        )
        if getattr(field, "enum_type", None) is not None and isinstance(field, fields.CharField):
            assert field.max_length >= 40, f"{model.__name__}.{name}: max_length below 40"
            assert all(isinstance(m.value, str) and m.value == m.value.lower() for m in field.enum_type)


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_model_datetimes_are_timezone_aware(model):
    # then: the ORM runs with use_tz, so every DatetimeField is stored and read as UTC
    from server.db import tortoise_config

    assert tortoise_config("sqlite://:memory:")["use_tz"] is True
    assert any(isinstance(f, fields.DatetimeField) for f in model._meta.fields_map.values())


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_model_foreign_keys_are_indexed_q_p1(model):
    # then: every parent lookup (dataloaders, row scopes) can use an index, not a full scan
    together = model._meta.unique_together or ()
    leading = {group[0] for group in together if group}
    unindexed = [
        name
        for name in model._meta.fk_fields
        if not (field := model._meta.fields_map[f"{name}_id"]).index
        and not field.unique
        and not leading & {name, f"{name}_id"}
    ]
    assert unindexed == [], f"{model.__name__}: foreign keys without an index: {unindexed}"
