"""schema.graphql in the repo is the schema the code builds (Q-U2): CI fails when stale."""

from __future__ import annotations

from schema.build import build_schema
from server.cli import SCHEMA_FILE


def test_schema_export_file_is_current():
    # given
    expected = build_schema().as_str() + "\n"
    # when
    current = SCHEMA_FILE.read_text(encoding="utf-8")
    # then
    assert current == expected, "schema.graphql is stale: run `perisai schema export`"


def test_schema_every_type_and_field_is_described():
    # given
    schema = build_schema()._schema
    # when
    missing = []
    for name, gql_type in schema.type_map.items():
        if name.startswith("__") or name in {
            "String",
            "Int",
            "Float",
            "Boolean",
            "ID",
            "DateTime",
            "Date",
            "Decimal",
            "JSON",
            "UUID",
            "Time",
        }:
            continue
        if not gql_type.description:
            missing.append(name)
        for field_name, field in (getattr(gql_type, "fields", None) or {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
    # then
    assert missing == []
