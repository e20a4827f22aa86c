"""Every GraphQL error leaves with a stable code and a catalogue message, nothing more (Q-S2).

Domain errors keep their code, field and rule; GraphQL syntax/validation errors become
`VALIDATION`; anything else is logged with the request id and answered as `INTERNAL`
without its message, stack or SQL.
"""

from __future__ import annotations

import logging

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from workflows.errors import DomainError, ErrorCode
from workflows.messages import message

log = logging.getLogger("perisai.graphql")


def error_extensions(error: DomainError) -> dict[str, object]:
    """A domain error → the `extensions` of its GraphQL error: code, English text, field, rule."""
    extensions: dict[str, object] = {"code": error.code.value, "messageEn": error.messages["en"]}
    if error.field:
        extensions["field"] = error.field
    if error.rule:
        extensions["rule"] = error.rule
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None:
        extensions["retryAfter"] = retry_after
    return extensions


# The database or its connection went away (Q-R4): the client may retry; nothing is corrupt,
# because every change runs in a transaction that then never committed.
_CONNECTION_ERRORS = frozenset(
    {
        "ConnectionDoesNotExistError",
        "InterfaceError",
        "InternalClientError",
        "CannotConnectNowError",
        "ConnectionFailureError",
        "TooManyConnectionsError",
        "DBConnectionError",
    }
)


def is_unavailable(error: BaseException | None) -> bool:
    """An exception (or what caused it) → True when it means the database cannot be reached now."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, (ConnectionError, TimeoutError)) or type(error).__name__ in _CONNECTION_ERRORS:
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


class PerisaiErrors(MaskErrors):
    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        context = self.execution_context.context
        language = getattr(context, "language", "id")
        request_id = getattr(context, "request_id", "-")
        return [self._convert(error, language, request_id) for error in errors]

    @staticmethod
    def _convert(error: GraphQLError, language: str, request_id: str) -> GraphQLError:
        original = error.original_error
        if isinstance(original, DomainError):
            extensions = error_extensions(original)
            text = original.messages["en" if language == "en" else "id"]
        elif original is None or (error.path is None and error.message.startswith("Variable '$")):
            # Errors before execution (a variable that does not coerce to its type, say)
            # concern the request as sent, never our data: the caller's own mistake.
            # Syntax, validation and limit errors from graphql-core name no data.
            extensions = {"code": ErrorCode.VALIDATION.value}
            text = error.message
        elif is_unavailable(original):
            log.warning("database unavailable (request %s): %s", request_id, type(original).__name__)
            extensions = {"code": ErrorCode.UNAVAILABLE.value, "requestId": request_id}
            text = message("unavailable", "en" if language == "en" else "id")
        else:
            log.error(
                "unexpected error in %s (request %s): %s",
                ".".join(str(p) for p in error.path or []),
                request_id,
                type(original).__name__,
                exc_info=original,
            )
            extensions = {"code": ErrorCode.INTERNAL.value, "requestId": request_id}
            text = message("internal", "en" if language == "en" else "id", request_id=request_id)
        return GraphQLError(
            message=text,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=None,
            extensions=extensions,
        )
