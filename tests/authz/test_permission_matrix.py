"""The permission matrix: every query and mutation, as every role of the demo organisation.

Each operation of the schema is called with well-typed arguments (random ids, where an id
is needed) as each role of tests/authz/demo_roles.py, and the answer is classed:

  A  allowed — past the gate (data, or a domain error such as NOT_FOUND); rows stay scoped
  D  refused — FORBIDDEN
  U  refused — UNAUTHENTICATED

and compared with the expected table in permission_matrix.txt. An operation missing from
the table fails the test, so no operation ships without a decision on who may call it. After
a deliberate policy change, regenerate the table and review its diff:

  PERISAI_UPDATE_MATRIX=1 pytest tests/authz/test_permission_matrix.py -k sqlite
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    get_named_type,
    is_leaf_type,
)

from authz.default_policy import load_default_policies
from server.demo.runner import load_demo_data
from tests.authz.demo_roles import ROLES, demo_principals
from tests.client import error_codes, execute, schema

MATRIX = Path(__file__).with_name("permission_matrix.txt")
HEADER = """\
# Permission matrix (AC-1 … AC-12): who may call which operation, on the demo organisation.
# A allowed (past the gate; rows stay scoped), D refused FORBIDDEN, U refused UNAUTHENTICATED.
# Checked by tests/authz/test_permission_matrix.py; regenerate after a deliberate policy change:
#   PERISAI_UPDATE_MATRIX=1 pytest tests/authz/test_permission_matrix.py -k sqlite
"""

SCALARS: dict[str, Any] = {
    "ID": lambda: str(uuid.uuid4()),
    "UUID": lambda: str(uuid.uuid4()),
    "String": lambda: "x",
    "Int": lambda: 1,
    "Float": lambda: 1.0,
    "Boolean": lambda: False,
    "Decimal": lambda: "1",
    "Date": lambda: "2026-01-05",
    "DateTime": lambda: dt.datetime(2026, 1, 5, tzinfo=dt.UTC).isoformat(),
    "JSON": lambda: {},
}


def sample(type_: Any) -> Any:
    """A GraphQL input type → a well-typed value (required fields only)."""
    if isinstance(type_, GraphQLNonNull):
        return sample(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [sample(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: sample(f.type) for name, f in type_.fields.items() if isinstance(f.type, GraphQLNonNull)
        }
    return SCALARS[type_.name]()


def document(kind: str, name: str, field: GraphQLField) -> tuple[str, dict[str, Any]]:
    """An operation → a document calling it with its required arguments, and their values."""
    required = {arg: spec for arg, spec in field.args.items() if isinstance(spec.type, GraphQLNonNull)}
    declared = ", ".join(f"${arg}: {spec.type}" for arg, spec in required.items())
    passed = ", ".join(f"{arg}: ${arg}" for arg in required)
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    text = f"{kind} Probe{f'({declared})' if declared else ''} {{ {name}{f'({passed})' if passed else ''}{selection} }}"
    return text, {arg: sample(spec.type) for arg, spec in required.items()}


def operations() -> list[tuple[str, str, GraphQLField]]:
    graphql_schema = schema()._schema
    found = [("query", name, field) for name, field in graphql_schema.query_type.fields.items()]
    if graphql_schema.mutation_type is not None:
        found += [("mutation", name, field) for name, field in graphql_schema.mutation_type.fields.items()]
    return sorted(found, key=lambda item: (item[0], item[1]))


def verdict(result: Any) -> str:
    codes = error_codes(result)
    if "UNAUTHENTICATED" in codes:
        return "U"
    if "FORBIDDEN" in codes:
        return "D"
    assert "INTERNAL" not in codes, result.errors
    return "A"


def read_matrix() -> dict[str, str]:
    expected: dict[str, str] = {}
    if not MATRIX.exists():
        return expected
    for line in MATRIX.read_text().splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("operation"):
            continue
        kind, name, *cells = line.split()
        expected[f"{kind} {name}"] = " ".join(cells)
    return expected


def write_matrix(observed: dict[str, str]) -> None:
    width = max(len(key) for key in observed) + 2
    short = [role[:6] for role in ROLES]
    lines = [HEADER, f"{'operation':<{width}}" + " ".join(f"{s:<6}" for s in short)]
    lines += [
        f"{key:<{width}}" + " ".join(f"{c:<6}" for c in cells.split()) for key, cells in observed.items()
    ]
    lines.append("\n# columns: " + ", ".join(ROLES))
    MATRIX.write_text("\n".join(line.rstrip() for line in lines) + "\n")


async def test_every_operation_as_every_demo_role_matches_the_matrix_ac_1_ac_12(db):
    # given: the demo organisation, its roles and the default policies
    await load_demo_data(progress=lambda _: None)
    await load_default_policies()
    principals = await demo_principals()
    expected = read_matrix()
    # when: every operation runs as every role
    observed: dict[str, str] = {}
    for kind, name, field in operations():
        text, variables = document(kind, name, field)
        cells = []
        for role in ROLES:
            cells.append(verdict(await execute(text, variables, as_=principals[role])))
        observed[f"{kind} {name}"] = " ".join(cells)
    if os.environ.get("PERISAI_UPDATE_MATRIX") and not db.is_postgres:
        write_matrix(observed)
        expected = read_matrix()
    # then
    missing = sorted(set(observed) - set(expected))
    stale = sorted(set(expected) - set(observed))
    differing = {
        key: (expected[key], observed[key])
        for key in observed
        if key in expected and expected[key] != observed[key]
    }
    assert not missing, f"operations without a row in {MATRIX.name} (decide who may call them): {missing}"
    assert not stale, f"rows in {MATRIX.name} for operations that no longer exist: {stale}"
    assert not differing, (
        "answers differ from the matrix (expected → observed), columns "
        + " ".join(ROLES)
        + "".join(f"\n  {key}: {want} → {got}" for key, (want, got) in differing.items())
    )
