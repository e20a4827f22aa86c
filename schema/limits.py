"""Query cost and the document allow-list (Q-S1).

Depth, aliases and tokens are limited by Strawberry's own extensions (schema/build.py).
What they miss is *fan-out*: a document of modest depth whose nested lists multiply
(a page of 100 cases, each with its protectees, each with their case's programs …). The
cost here is the number of objects the answer could hold in the worst case: every field
costs one, a paginated list multiplies what is under it by its `first` (default 20), a
relation list by an assumed fan-out of 10. A document over MAX_COST is refused before it
runs, with VALIDATION and the computed cost.

The allow-list (production, for the agency's own frontends): when a set of SHA-256
hashes of documents is configured, any other document is refused — hostile queries then
cannot even be tried.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from strawberry.extensions import SchemaExtension

from schema.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from workflows.messages import MESSAGES, message

MAX_COST = 50_000
RELATION_FAN_OUT = 10

MESSAGES.update(
    {
        "validation.query_cost": (
            "Kueri terlalu mahal (biaya {cost}, maksimum {maximum}): perkecil halaman atau kedalaman.",
            "Query too costly (cost {cost}, at most {maximum}): use smaller pages or less nesting.",
        ),
        "validation.not_allowed_document": (
            "Dokumen kueri ini tidak ada dalam daftar yang diizinkan.",
            "This query document is not on the allow-list.",
        ),
    }
)


def document_hash(text: str) -> str:
    """A document's text → the SHA-256 hex the allow-list holds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _first(field: FieldNode, variables: dict[str, Any]) -> int | None:
    for argument in field.arguments or ():
        if argument.name.value == "first":
            node = argument.value
            value = (
                variables.get(node.name.value)
                if isinstance(node, VariableNode)
                else getattr(node, "value", None)
            )
            try:
                return max(0, min(int(value), MAX_PAGE_SIZE)) if value is not None else DEFAULT_PAGE_SIZE
            except (TypeError, ValueError):
                return DEFAULT_PAGE_SIZE
    return None


def _is_list(type_: Any) -> bool:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def _fields(
    selection_set: SelectionSetNode | None, fragments: dict[str, FragmentDefinitionNode], seen: frozenset[str]
) -> Iterator[FieldNode]:
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                yield from _fields(fragment.selection_set, fragments, seen | {selection.name.value})


def selection_cost(
    schema: GraphQLSchema,
    parent: GraphQLObjectType,
    selection_set: SelectionSetNode | None,
    fragments: dict[str, FragmentDefinitionNode],
    variables: dict[str, Any],
    seen: frozenset[str] = frozenset(),
    page_size: int | None = None,
) -> int:
    """A selection on `parent` → the most objects and values its answer could hold. `page_size`:
    `parent` is a page (connection) of that size, so its lists (`edges`, `nodes`) hold that many."""
    total = 0
    for field in _fields(selection_set, fragments, seen):
        definition = parent.fields.get(field.name.value)
        if definition is None:  # __typename and friends
            total += 1
            continue
        child = get_named_type(definition.type)
        first = _first(field, variables)
        inner = 0
        if field.selection_set is not None:
            members = [child] if isinstance(child, GraphQLObjectType) else schema.get_possible_types(child)  # type: ignore[arg-type]
            inner = max(
                (
                    selection_cost(schema, m, field.selection_set, fragments, variables, seen, first)
                    for m in members
                ),
                default=0,
            )
        if _is_list(definition.type):
            total += 1 + (page_size if page_size is not None else RELATION_FAN_OUT) * inner
        else:
            total += 1 + inner
    return total


def document_cost(
    schema: GraphQLSchema, document: Any, operation_name: str | None, variables: dict[str, Any]
) -> int:
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    cost = 0
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        if operation_name and definition.name and definition.name.value != operation_name:
            continue
        root = schema.get_root_type(definition.operation)
        if root is not None:
            cost = max(cost, selection_cost(schema, root, definition.selection_set, fragments, variables))
    return cost


class QueryLimits(SchemaExtension):
    """Refuses, before execution, a document over MAX_COST or (when an allow-list is set) not on it."""

    allowed_hashes: frozenset[str] | None = None

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        language = getattr(context.context, "language", "id")
        # Errors set here, before graphql-core's own validation, end the request unexecuted.
        if self.allowed_hashes is not None and document_hash(context.query or "") not in self.allowed_hashes:
            context.pre_execution_errors = [
                GraphQLError(message("validation.not_allowed_document", language))
            ]
        elif context.graphql_document is not None:
            cost = document_cost(
                context.schema._schema,
                context.graphql_document,
                context.operation_name,
                context.variables or {},
            )
            if cost > MAX_COST:
                text = message("validation.query_cost", language, cost=cost, maximum=MAX_COST)
                context.pre_execution_errors = [GraphQLError(text)]
        yield


def query_limits(allowed_hashes: frozenset[str] | None = None) -> type[QueryLimits]:
    """An allow-list (or none) → the extension class to give the schema."""
    return type("ConfiguredQueryLimits", (QueryLimits,), {"allowed_hashes": allowed_hashes})
