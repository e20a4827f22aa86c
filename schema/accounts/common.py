"""What every identity operation shares: input checks, error field names, who may ask (AC-1–4).

Workflows name fields in snake_case (`new_password`); the API's arguments are camelCase
(`newPassword`), so an error is renamed to the argument the caller actually sent. Sign-in
throttling (RATE_LIMITED) stays a top-level error like UNAUTHENTICATED, carrying
`extensions.retryAfter`: it concerns the caller, not the arguments.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from strawberry.types import Info

from authz.principal import Principal, PrincipalKind
from authz.scope import audit_refusal
from schema.results import MutationError, error_from
from workflows.errors import DomainError, Forbidden, Unauthenticated, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE
from workflows.messages import both
from workflows.throttle import RateLimited

T = TypeVar("T")

MESSAGES: dict[str, tuple[str, str]] = {
    "accounts_api.required": ("Argumen '{field}' wajib diisi.", "Argument '{field}' is required."),
    "accounts_api.email": (
        "Argumen '{field}' bukan alamat e-mail yang sah.",
        "Argument '{field}' is not a valid e-mail address.",
    ),
    "accounts_api.code": (
        "Kode '{field}' harus terdiri dari {digits} angka.",
        "Code '{field}' must be {digits} digits.",
    ),
    "accounts_api.too_many": (
        "Argumen '{field}' berisi terlalu banyak nilai (maksimum {maximum}).",
        "Argument '{field}' has too many values (at most {maximum}).",
    ),
}
CATALOGUE.update(MESSAGES)

MAX_EMAIL_LENGTH = 200  # Staff.email
# Long enough for any passphrase; bounded so no request makes Argon2id hash megabytes.
MAX_PASSWORD_LENGTH = 256
MAX_LABEL_LENGTH = 200  # PartnerToken.name
MAX_PHONE_LENGTH = 32
MAX_SCOPE_LENGTH = 100
EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+$")

# Workflow field → argument name, where camelCase alone does not give it.
ARGUMENT_NAMES = {"old_password": "currentPassword", "name": "label"}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def argument_name(field: str) -> str:
    return ARGUMENT_NAMES.get(field, camel(field))


def _renamed(exc: DomainError) -> DomainError:
    if exc.field:
        exc.field = argument_name(exc.field)
        exc.params["field"] = exc.field
        exc.messages = both(exc.key, **exc.params)
    return exc


async def attempt(info: Info, action: Callable[[], Awaitable[T]]) -> T | MutationError:
    """Runs a mutation body: domain failures become a MutationError naming the argument;
    UNAUTHENTICATED, FORBIDDEN and RATE_LIMITED stay top-level errors."""
    try:
        return await action()
    except (Unauthenticated, Forbidden, RateLimited):
        raise
    except DomainError as exc:
        return error_from(_renamed(exc), info)


# --- input checks (Q-R3): each raises ValidationFailed naming the argument ------------------


def text(value: str, field: str, *, maximum: int, required: bool = True) -> str:
    if required and not value.strip():
        raise ValidationFailed("accounts_api.required", field=field)
    if len(value) > maximum:
        raise ValidationFailed("validation.too_long", field=field, maximum=maximum)
    return value


def email(value: str, field: str = "email") -> str:
    text(value, field, maximum=MAX_EMAIL_LENGTH)
    if not EMAIL_SHAPE.match(value.strip()):
        raise ValidationFailed("accounts_api.email", field=field)
    return value.strip()


def password(value: str, field: str) -> str:
    if not value:
        raise ValidationFailed("accounts_api.required", field=field)
    return text(value, field, maximum=MAX_PASSWORD_LENGTH, required=False)


def identifier(value: Any, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise ValidationFailed("validation.id", field=field) from exc


# --- who may ask --------------------------------------------------------------------------


def principal_of(info: Info) -> Principal:
    """The caller, or UNAUTHENTICATED."""
    principal = info.context.principal
    if principal is None:
        raise Unauthenticated()
    return principal


async def signed_in_staff(info: Info, resource: str, action: str) -> Principal:
    """A staff member acting on their own account (no policy line needed: it is theirs);
    anyone else is refused, and the refusal audited (AC-1, AC-13)."""
    principal = principal_of(info)
    if principal.kind is not PrincipalKind.STAFF or principal.staff_id is None:
        await audit_refusal(principal, resource, action)
        raise Forbidden()
    return principal
