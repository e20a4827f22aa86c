"""Domain exceptions: workflows raise them, the API and the admin map them (CONVENTIONS, Errors)."""

from __future__ import annotations

from enum import StrEnum

from workflows.messages import both


class ErrorCode(StrEnum):
    """Stable machine-readable error codes (Q-S2)."""

    NOT_FOUND = "NOT_FOUND"
    VALIDATION = "VALIDATION"
    RULE_VIOLATION = "RULE_VIOLATION"
    CONFLICT = "CONFLICT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    RATE_LIMITED = "RATE_LIMITED"
    INTERNAL = "INTERNAL"
    UNAVAILABLE = "UNAVAILABLE"


class DomainError(Exception):
    """An expected failure with a code, a catalogue message, and optionally a field and rule."""

    code: ErrorCode = ErrorCode.VALIDATION

    def __init__(
        self, key: str, *, field: str | None = None, rule: str | None = None, **params: object
    ) -> None:
        self.key = key
        self.field = field
        self.rule = rule
        self.params = {"field": field, **params}
        self.messages = both(key, **self.params)
        super().__init__(self.messages["en"])


class NotFound(DomainError):
    code = ErrorCode.NOT_FOUND

    def __init__(self, entity: str) -> None:
        super().__init__("not_found", entity=entity)


class ValidationFailed(DomainError):
    code = ErrorCode.VALIDATION


class RuleViolation(DomainError):
    code = ErrorCode.RULE_VIOLATION


class Conflict(DomainError):
    code = ErrorCode.CONFLICT


class Unauthenticated(DomainError):
    code = ErrorCode.UNAUTHENTICATED

    def __init__(self) -> None:
        super().__init__("unauthenticated")


class Forbidden(DomainError):
    code = ErrorCode.FORBIDDEN

    def __init__(self) -> None:
        super().__init__("forbidden")
