"""A GraphQL fuzzer over every operation of the schema (Q-R3, Q-S2).

Every query and mutation is called with hostile arguments — malformed ids, oversized and
odd strings, out-of-range numbers, impossible dates — as callers who pass the gate (a
system administrator and a leader). Whatever it does, an answer must be a clear error or
data: never INTERNAL, never a stack trace, SQL or a value the caller sent echoed back as
text of a server failure.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    get_named_type,
    is_leaf_type,
)

from authz.default_policy import load_default_policies
from authz.principal import Principal, PrincipalKind
from tests.authz.test_permission_matrix import operations
from tests.client import error_codes, execute

HOSTILE: dict[str, list[Any]] = {
    "ID": [
        "not-a-uuid",
        "",
        "1 OR 1=1",
        "00000000-0000-0000-0000-000000000000",
        "ü" * 300,
        str(uuid.uuid4()),
    ],
    "UUID": ["not-a-uuid", "", "' OR ''='", str(uuid.uuid4())],
    "String": [
        "",
        "x" * 100_000,
        "'; DROP TABLE staff; --",
        "\u0000nul",
        "<script>alert(1)</script>",
        "ü" * 5000,
    ],
    "Int": [-1, 0, 2**31 - 1, -(2**31), 101],
    "Float": [-1.0, 0.0, 1e308, -1e308],
    "Boolean": [True, False],
    "Decimal": ["NaN", "-1", "1e309", "abc", "0.0000000001", "99999999999999999999999"],
    "Date": ["2026-13-45", "", "0000-00-00", "9999-12-31", "2026-02-30"],
    "DateTime": ["2026-13-45T25:61:00", "yesterday", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00"],
    "JSON": [{}, [], "x", {"a": {"b": {"c": "d" * 10_000}}}],
}
LEAKS = ("Traceback", "SELECT ", "INSERT ", "asyncpg", "sqlite3", "tortoise", 'File "')


def hostile(type_: Any, k: int) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return hostile(type_.of_type, k)
    if isinstance(type_, GraphQLList):
        return [hostile(type_.of_type, k + i) for i in range(k % 3)]
    if isinstance(type_, GraphQLEnumType):
        values = list(type_.values)
        return values[k % len(values)]
    if isinstance(type_, GraphQLInputObjectType):
        return {name: hostile(f.type, k + i) for i, (name, f) in enumerate(type_.fields.items())}
    choices = HOSTILE[type_.name]
    return choices[k % len(choices)]


def variants(field: Any, count: int) -> list[dict[str, Any]]:
    """The operation's arguments (optional ones too), each hostile, `count` different ways."""
    return [
        {arg: hostile(spec.type, k + i) for i, (arg, spec) in enumerate(field.args.items())}
        for k in range(count)
    ]


def full_document(kind: str, name: str, field: Any) -> str:
    """An operation → a document declaring and passing every argument, optional ones included."""
    declared = ", ".join(f"${arg}: {spec.type}" for arg, spec in field.args.items())
    passed = ", ".join(f"{arg}: ${arg}" for arg in field.args)
    selection = "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"
    return f"{kind} Fuzz{f'({declared})' if declared else ''} {{ {name}{f'({passed})' if passed else ''}{selection} }}"


async def test_every_operation_with_hostile_arguments_answers_without_internal_errors_q_r3(db):
    # given: callers who get past the gates
    await load_default_policies()
    callers = [
        Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position="leader", is_system_admin=True),
        Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position="executor"),
    ]
    failures: list[str] = []
    # when
    for (kind, name, field), caller in itertools.product(operations(), callers):
        text = full_document(kind, name, field)
        for variables in variants(field, 4):
            result = await execute(text, variables, as_=caller)
            errors = [e.formatted for e in result.errors or []]
            # then
            if "INTERNAL" in error_codes(result):
                failures.append(f"{kind} {name}: INTERNAL with {str(variables)[:200]}")
            elif any(leak in str(errors) for leak in LEAKS):
                failures.append(f"{kind} {name}: leaks internals: {str(errors)[:300]}")
    assert not failures, "\n".join(failures[:40])
