"""Typed mutation results: `XSuccess | MutationError`, the error carrying code, field and rule.

Expected failures are part of the schema (CONVENTIONS, Errors); "not signed in" and
"not allowed" stay top-level errors (UNAUTHENTICATED / FORBIDDEN) so clients handle
them in one place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from workflows.errors import DomainError, ErrorCode, Forbidden, Unauthenticated

T = TypeVar("T")

ErrorCodeType = strawberry.enum(
    ErrorCode, name="ErrorCode", description="Stable machine-readable error codes."
)


@strawberry.type(description="Why a mutation did not happen. Nothing was changed.")
class MutationError:
    code: ErrorCodeType = strawberry.field(description="Stable machine-readable code.")  # type: ignore[valid-type]
    message: str = strawberry.field(
        description="Human message, in the request's language (Indonesian by default)."
    )
    field: str | None = strawberry.field(description="The argument at fault, where one is.")
    rule: str | None = strawberry.field(description="The spec rule that refused it, e.g. SH-11.")


@strawberry.type(description="The mutation happened.")
class Done:
    ok: bool = strawberry.field(description="Always true.")


def error_from(exc: DomainError, info: Info) -> MutationError:
    language = getattr(info.context, "language", "id")
    return MutationError(
        code=exc.code,
        message=exc.messages["en" if language == "en" else "id"],
        field=exc.field,
        rule=exc.rule,
    )


async def attempt(info: Info, action: Callable[[], Awaitable[T]]) -> T | MutationError:
    """Runs a mutation body; domain failures become a MutationError member (auth failures stay top-level)."""
    try:
        return await action()
    except (Unauthenticated, Forbidden):
        raise
    except DomainError as exc:
        return error_from(exc, info)


__all__ = ["Any", "Done", "ErrorCodeType", "MutationError", "attempt", "error_from"]
