"""Compose the one Strawberry schema from the registry and the per-domain modules."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from tortoise import Tortoise

from models import MODEL_MODULES
from schema.errors import PerisaiErrors
from schema.idempotency import IdempotentMutations
from schema.limits import query_limits
from schema.registry import Registry
from workflows.errors import DomainError

log = logging.getLogger("perisai.graphql")

# Hostile-query limits (Q-S1). A page of cases with nested relations needs depth ~6.
MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 3000


def ensure_models() -> None:
    """Resolve model relations without a database (enough to build the schema)."""
    if not Tortoise.apps:
        Tortoise.init_models([*MODEL_MODULES], "models", _init_relations=True)


@cache  # one registry per process: domain modules return its generated types (schema/workflows.py)
def build_registry() -> Registry:
    ensure_models()
    registry = Registry()
    for model in Tortoise.apps["models"].values():
        if model.__module__.startswith("models.") and not getattr(model, "api_hidden", False):
            registry.register(model, exclude=getattr(model, "api_exclude", ()))
    registry.build()
    return registry


class PerisaiSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: Any = None) -> None:
        # Expected failures are not server errors; the rest is logged by PerisaiErrors.
        return None


# Hand-written, per-domain parts of the API: each module may define `Query` and/or
# `Mutation` (Strawberry types); they are merged with the generated read API.
DOMAIN_MODULES: list[str] = [
    "schema.policies",
    "schema.audit",
    "schema.accounts",
    "schema.workflows",
    "schema.staff_search",
    "schema.deadlines",
]


def _domain_types(kind: str) -> list[type]:
    import importlib

    found = []
    for name in DOMAIN_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, kind):
            found.append(getattr(module, kind))
    return found


def build_schema(
    *, production: bool = False, allowed_documents: frozenset[str] | None = None
) -> strawberry.Schema:
    """The schema; in production without introspection or suggestions; with an allow-list of
    document hashes, refusing every other document (Q-S1)."""
    registry = build_registry()
    namespace: dict[str, Any] = {"__module__": __name__, **registry.query_fields()}
    generated = strawberry.type(type("GeneratedQuery", (), namespace), description="Generated read access.")
    query = merge_types("Query", (*_domain_types("Query"), generated))
    query.__strawberry_definition__.description = "Read access to Perisai records."
    mutations = _domain_types("Mutation")
    mutation = merge_types("Mutation", tuple(mutations)) if mutations else None
    if mutation is not None:
        mutation.__strawberry_definition__.description = "Every change to Perisai data."
    # Factories, so every request gets fresh extension instances.
    extensions: list[Any] = [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        query_limits(allowed_documents),
        IdempotentMutations,
        PerisaiErrors,
    ]
    if production:
        extensions.insert(0, DisableIntrospection)
    return PerisaiSchema(
        query=query,
        mutation=mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production),
    )


__all__ = ["DomainError", "build_schema"]
