"""In-process GraphQL execution for tests: execute(QUERY, variables, as_=principal)."""

from __future__ import annotations

from functools import cache
from typing import Any

import strawberry

from schema.build import build_schema
from schema.context import Context


@cache
def schema() -> strawberry.Schema:
    return build_schema()


async def execute(
    query: str, variables: dict[str, Any] | None = None, *, as_: Any = None, language: str = "id"
) -> Any:
    """Runs a document as `as_` and returns the ExecutionResult (data + formatted errors)."""
    return await schema().execute(
        query, variable_values=variables, context_value=Context(principal=as_, language=language)
    )


def error_codes(result: Any) -> list[str]:
    return [e.extensions.get("code") for e in result.errors or []]
