"""The per-request GraphQL context: who asks, in which language, and the dataloaders."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from resolvers.loaders import Loaders
from workflows.messages import DEFAULT_LANGUAGE, Language


@dataclass
class Context:
    request: Any = None
    principal: Any = None
    language: Language = DEFAULT_LANGUAGE
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    client_ip: str | None = None
    credential_refused: bool = False  # a bearer credential was presented but names nothing live
    idempotency_key: str | None = None  # the Idempotency-Key header of a mutation request (Q-R2)
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.principal, self.request_id)


def language_from_header(value: str | None) -> Language:
    """Accept-Language → 'en' only when English is preferred over Indonesian; else 'id'."""
    if not value:
        return DEFAULT_LANGUAGE
    for part in value.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("id"):
            return "id"
        if tag.startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE
