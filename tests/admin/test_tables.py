"""Generated tables: every model, column by column, nothing secret, the bridge's traps handled."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from piccolo.columns import column_types as pc
from tortoise import Tortoise
from tortoise import fields as tf
from tortoise.fields.data import CharEnumFieldInstance

from admin.panel import generated_tables
from admin.readonly import READ_ONLY_TABLES, workflow_owned
from admin.tables import admin_models, excluded_fields
from models.accounts import StaffAccount
from models.assignments import Team
from models.audit import AuditEntry
from models.cases import Case, Protectee
from models.organisation import Staff, Unit
from models.performance import ActivityPlan
from models.secrets import EncryptedField

# Tortoise field → the Piccolo column type the panel must use for it.
EXPECTED_TYPES: list[tuple[type, type]] = [
    (CharEnumFieldInstance, pc.Varchar),
    (tf.CharField, pc.Varchar),
    (tf.TextField, pc.Text),
    (tf.BooleanField, pc.Boolean),
    (tf.BigIntField, pc.BigInt),
    (tf.IntField, pc.Integer),
    (tf.DecimalField, pc.Numeric),
    (tf.DatetimeField, pc.Timestamptz),
    (tf.DateField, pc.Date),
    (tf.JSONField, pc.JSON),
    (tf.UUIDField, pc.UUID),
]


def expected_type(field: tf.Field) -> type:
    if getattr(field, "reference", None) is not None:
        return pc.ForeignKey
    return next(column for kind, column in EXPECTED_TYPES if isinstance(field, kind))


def model_tables() -> set[str]:
    return {m._meta.db_table for m in Tortoise.apps["models"].values() if m.__module__.startswith("models.")}


async def test_generate_every_model_gets_a_table_matching_it_column_by_column_ac_12(db):
    # given
    tables = generated_tables(db.settings)
    # then: every model but the credential tables, and nothing else
    hidden = {m._meta.db_table for m in Tortoise.apps["models"].values() if getattr(m, "api_hidden", False)}
    assert set(tables.by_name) == model_tables() - hidden
    for model in admin_models():
        table = tables.by_name[model._meta.db_table].table
        left_out = excluded_fields(model)
        expected = {
            column: model._meta.fields_map[name]
            for name, column in model._meta.fields_db_projection.items()
            if name not in left_out
        }
        columns = {c._meta.name: c for c in table._meta.columns}
        assert set(columns) == set(expected), model.__name__
        for name, field in expected.items():
            column = columns[name]
            where = f"{model.__name__}.{name}"
            assert isinstance(column, expected_type(field)), where
            assert column._meta.null == bool(field.null), where
            assert column._meta.unique == (bool(field.unique) and not field.pk), where
            assert column._meta.help_text == field.description, where
            assert column._meta.secret is False, where
            if isinstance(field, CharEnumFieldInstance):
                assert column._meta.choices is field.enum_type, where
            if isinstance(field, tf.CharField):
                assert column.length == field.max_length, where
            if isinstance(column, pc.ForeignKey):
                target = column._foreign_key_meta.resolved_references._meta.tablename
                assert target == field.reference.related_model._meta.db_table, where


async def test_generate_leaves_every_secret_out_entirely_ac_11(db):
    # given
    tables = generated_tables(db.settings)
    # then: no encrypted field, no blind index, no password hash, no credential table
    for admin in tables.by_name.values():
        names = {c._meta.name for c in admin.table._meta.columns}
        for field_name, field in admin.model._meta.fields_map.items():
            if isinstance(field, EncryptedField):
                assert field_name not in names
                assert field.blind_index_field not in names
    staff = {c._meta.name for c in tables.by_name["staff"].table._meta.columns}
    assert "phone" not in staff and "phone_index" not in staff and "email" in staff
    protectees = {c._meta.name for c in tables.by_name["protectees"].table._meta.columns}
    assert not protectees & {
        "full_name",
        "nik",
        "nik_index",
        "address",
        "phone",
        "new_identity",
        "birth_date",
    }
    accounts = {c._meta.name for c in tables.by_name["staff_accounts"].table._meta.columns}
    assert "password_hash" not in accounts and "is_system_admin" in accounts
    assert not {"staff_sessions", "partner_tokens", "one_time_codes", "sign_in_throttles"} & set(
        tables.by_name
    )
    assert not {"entry_hash", "previous_hash"} & {
        c._meta.name for c in tables.by_name["audit_entries"].table._meta.columns
    }


async def test_generate_nullable_columns_default_to_null_and_required_ones_are_marked(db):
    # given
    units = generated_tables(db.settings).by_name["units"].table
    # then: Piccolo would invent '' for an omitted nullable text; the model says NULL
    assert units.region._meta.null and units.region.default is None
    assert units.parent_id._meta.null and units.head_id._meta.null
    assert units.code._meta.required and units.name._meta.required
    assert units.active.default is True and not units.active._meta.required
    assert units.is_administrative.default is False


async def test_workflow_owned_names_states_model_declarations_and_read_only_tables_ac_15(db):
    # given: a model declaring more workflow columns of its own (a relation by its name)
    declared = type("Declared", (), {"_meta": Case._meta, "workflow_owned": ("closed_at", "team")})

    # then
    assert workflow_owned(Case) == {"status"}
    assert "status" in workflow_owned(Protectee) and "code" not in workflow_owned(Protectee)
    assert workflow_owned(Unit) == set() and workflow_owned(Staff) == set()
    assert workflow_owned(Team) >= {"status"}
    assert workflow_owned(declared) == {"status", "closed_at", "team_id"}
    assert workflow_owned(AuditEntry) == set(AuditEntry._meta.fields_db_projection)
    assert READ_ONLY_TABLES >= {"approvals", "workflow_histories", "audit_entries", "assignment_letters"}
    assert READ_ONLY_TABLES >= {"number_sequences", "policy_rules"}
    assert "staff_accounts" in READ_ONLY_TABLES  # accounts change through workflows.accounts
    assert "password_hash" in workflow_owned(StaffAccount)  # the whole table, never written here


async def test_workflow_owned_includes_the_state_of_a_declared_workflow_ac_15(db, monkeypatch):
    # given: a workflow declared in workflows/engine whose state column has another name
    from types import SimpleNamespace

    from models.performance import CoordinationNote
    from workflows.engine import registry

    declared = SimpleNamespace(state_field="stage")
    monkeypatch.setattr(
        registry, "workflow_for", lambda model: declared if model is CoordinationNote else None
    )
    # then
    assert "stage" in workflow_owned(CoordinationNote)
    assert "stage" not in workflow_owned(ActivityPlan)


async def test_generate_marks_workflow_columns_read_only_ac_15(db):
    # given
    tables = generated_tables(db.settings)
    # then
    assert "status" in tables.by_name["cases"].read_only
    assert "owning_unit_id" not in tables.by_name["cases"].read_only
    assert tables.by_name["number_sequences"].read_only >= {"series", "issuer", "year", "last_number"}


async def test_decimal_keeps_its_precision_after_piccolo_is_imported(db):
    # given: Piccolo imported (the panel is built), which registers Decimal → float for sqlite3
    tables = generated_tables(db.settings)
    amount = Decimal("1234567890123456.78")
    # when: written and read through Tortoise, and read through Piccolo
    plan = await ActivityPlan.create(title="Pelatihan", budget=amount)
    reread = await ActivityPlan.get(id=plan.id)
    piccolo_row = await tables.by_name["activity_plans"].table.select().first().run()
    # then
    assert reread.budget == amount
    assert Decimal(str(piccolo_row["budget"])) == amount
    if not db.is_postgres:
        adapter = sqlite3.adapters[(Decimal, sqlite3.PrepareProtocol)]
        assert adapter(amount) == "1234567890123456.78"


@pytest.mark.parametrize("name", ["id", "created_at", "updated_at"])
async def test_generate_bookkeeping_columns_are_never_written_by_hand(db, name):
    # then
    for admin in generated_tables(db.settings).by_name.values():
        if name in admin.fields:
            assert name in admin.read_only, admin.name


async def test_panel_pool_starts_and_stops_with_the_app(db):
    # given: the lifespan of a served app starts Piccolo's own pool (PostgreSQL; SQLite has none)
    from admin.panel import create_panel

    panel = create_panel(db.settings)
    await Unit.create(code="U-1", name="Unit Satu", kind="bureau", function="other")
    # when
    await panel.start()
    try:
        rows = await panel.tables.by_name["units"].table.select().run()
    finally:
        await panel.stop()
    # then
    assert [row["code"] for row in rows] == ["U-1"]
    assert getattr(panel.tables.engine, "pool", None) is None
