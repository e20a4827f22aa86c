"""Administrators manage agencies' API tokens: partnerTokenCreate, partnerTokens,
partnerTokenRevoke, partnerTokenScopes (AC-2, AC-4). Creating and revoking need `manage` on
partner_tokens, reading needs `read`; the secret is shown once, the hash never (AC-2)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from authz.principal import Principal
from authz.scope import require, scope
from authz.scopes import SCOPES
from schema.accounts import common
from schema.accounts.types import (
    PartnerTokenCreateSuccess,
    PartnerTokenScope,
    PartnerTokenSuccess,
    PartnerTokenView,
)
from schema.pagination import DEFAULT_PAGE_SIZE, Connection, SortDirection, paginate
from schema.results import MutationError
from workflows import partner_tokens
from workflows.errors import ValidationFailed

RESOURCE = "partner_tokens"
MAX_SCOPES = 50

PartnerTokenCreateResult = Annotated[
    PartnerTokenCreateSuccess | MutationError,
    strawberry.union(
        "PartnerTokenCreateResult", description="The new token (secret shown once), or why not."
    ),
]
PartnerTokenRevokeResult = Annotated[
    PartnerTokenSuccess | MutationError,
    strawberry.union("PartnerTokenRevokeResult", description="The revoked token, or why not."),
]


async def allowed(info: Info, action: str) -> Principal:
    return await require(info.context.principal, RESOURCE, action)


def _scopes(values: list[str]) -> list[str]:
    if len(values) > MAX_SCOPES:
        raise ValidationFailed("accounts_api.too_many", field="scopes", maximum=MAX_SCOPES)
    for value in values:
        common.text(value, "scopes", maximum=common.MAX_SCOPE_LENGTH)
    return values


@strawberry.type(description="Partner tokens, for administrators.")
class Query:
    @strawberry.field(
        description="Tokens of one agency (or of all), newest first: prefix, scopes, expiry, last use "
        "and revocation, never the secret nor its hash (AC-2). Administrators only."
    )
    async def partner_tokens(
        self,
        info: Info,
        agency_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this agency's tokens.")
        ] = None,
        first: Annotated[int, strawberry.argument(description="Page size, 0 to 100.")] = DEFAULT_PAGE_SIZE,
        after: Annotated[
            str | None, strawberry.argument(description="Cursor of the token after which the page starts.")
        ] = None,
    ) -> Connection[PartnerTokenView]:
        principal = await allowed(info, "read")
        agency = None if agency_id is None else common.identifier(agency_id, "agencyId")
        query = await scope(await partner_tokens.tokens_of(agency), principal)
        page = await paginate(
            query,
            model=query.model,
            first=first,
            after=after,
            order_field="created_at",
            direction=SortDirection.DESC,
        )
        for edge in page.edges:
            edge.node = PartnerTokenView.of(edge.node)
        page.nodes = [edge.node for edge in page.edges]
        return page  # type: ignore[return-value]

    @strawberry.field(
        description="The catalogue of scopes a partner token can be granted (AC-2). Administrators only."
    )
    async def partner_token_scopes(self, info: Info) -> list[PartnerTokenScope]:
        await allowed(info, "read")
        return [PartnerTokenScope(name=name, description=text) for name, text in SCOPES.items()]


@strawberry.type(description="Partner tokens, for administrators.")
class Mutation:
    @strawberry.mutation(
        description="Creates an API token for an active partner agency, with scopes from the "
        "catalogue, valid 1 to 90 days (AC-2). The secret is in this answer only; administrators only."
    )
    async def partner_token_create(
        self,
        info: Info,
        agency_id: Annotated[strawberry.ID, strawberry.argument(description="The agency the token is for.")],
        scopes: Annotated[
            list[str], strawberry.argument(description="Scopes to grant, from partnerTokenScopes.")
        ],
        expires_in_days: Annotated[
            int, strawberry.argument(description="Days until the token stops working: 1 to 90.")
        ],
        label: Annotated[
            str, strawberry.argument(description="What the token is for, e.g. the police intake system.")
        ],
        rate_limit_per_minute: Annotated[
            int, strawberry.argument(description="Requests allowed per minute: 1 to 6000.")
        ] = partner_tokens.DEFAULT_RATE_LIMIT_PER_MINUTE,
    ) -> PartnerTokenCreateResult:
        principal = await allowed(info, "manage")

        async def act() -> PartnerTokenCreateSuccess:
            agency = common.identifier(agency_id, "agencyId")
            name = common.text(label, "label", maximum=common.MAX_LABEL_LENGTH)
            secret, token = await partner_tokens.create_token(
                agency,
                name,
                _scopes(scopes),
                expires_in_days,
                principal.staff_id,
                rate_limit_per_minute=rate_limit_per_minute,
                request_id=info.context.request_id,
            )
            return PartnerTokenCreateSuccess(secret=secret, partner_token=PartnerTokenView.of(token))

        return await common.attempt(info, act)

    @strawberry.mutation(
        description="Revokes a partner token: refused from the next request on (AC-2). Revoking twice "
        "keeps the first time; administrators only."
    )
    async def partner_token_revoke(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="Id of the token record.")],
    ) -> PartnerTokenRevokeResult:
        principal = await allowed(info, "manage")

        async def act() -> PartnerTokenSuccess:
            token_id = common.identifier(id, "id")
            token = await partner_tokens.revoke_token(
                token_id, by=principal.staff_id, request_id=info.context.request_id
            )
            return PartnerTokenSuccess(partner_token=PartnerTokenView.of(token))

        return await common.attempt(info, act)
