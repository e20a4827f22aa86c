"""The GraphQL face of identity (AC-1–4): signing in and out, the caller, staff accounts,
partner tokens and public reporters' codes. One module per group of operations; the schema
builder picks up `Query` and `Mutation` from here."""

from __future__ import annotations

from strawberry.tools import merge_types

from schema.accounts import admin, partner_tokens, reporters, sessions

Query = merge_types("AccountsQuery", (sessions.Query, partner_tokens.Query))
Mutation = merge_types(
    "AccountsMutation", (sessions.Mutation, admin.Mutation, partner_tokens.Mutation, reporters.Mutation)
)

__all__ = ["Mutation", "Query"]
