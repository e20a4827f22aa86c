"""Partner tokens over GraphQL: partnerTokenCreate, partnerTokens, partnerTokenRevoke,
partnerTokenScopes (AC-2, AC-4, AC-13). Administrators only; the secret once, the hash never."""

from __future__ import annotations

import uuid

import pytest

from authz.scopes import SCOPES
from models.accounts import PartnerToken
from models.audit import AuditEntry
from tests.accounts.factories import make_agency
from tests.accounts.test_api import as_admin, as_partner, as_reporter, as_staff, payload, principal_for
from tests.client import error_codes, execute
from workflows.accounts import hash_token
from workflows.errors import Unauthenticated
from workflows.partner_tokens import authenticate_token, create_token

TOKEN_FIELDS = (
    "id label prefix agencyId scopes expiresAt lastUsedAt revoked revokedAt rateLimitPerMinute createdById"
)

CREATE = f"""
mutation Create($agencyId: ID!, $scopes: [String!]!, $days: Int!, $label: String!) {{
  partnerTokenCreate(agencyId: $agencyId, scopes: $scopes, expiresInDays: $days, label: $label) {{
    __typename
    ... on PartnerTokenCreateSuccess {{ secret partnerToken {{ {TOKEN_FIELDS} }} }}
    ... on MutationError {{ code field rule message }}
  }}
}}
"""

LIST = f"""
query List($agencyId: ID, $first: Int! = 20, $after: String) {{
  partnerTokens(agencyId: $agencyId, first: $first, after: $after) {{
    totalCount
    nodes {{ {TOKEN_FIELDS} }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}
"""

REVOKE = f"""
mutation Revoke($id: ID!) {{
  partnerTokenRevoke(id: $id) {{
    __typename
    ... on PartnerTokenSuccess {{ partnerToken {{ {TOKEN_FIELDS} }} }}
    ... on MutationError {{ code field rule }}
  }}
}}
"""

SCOPE_CATALOGUE = "{ partnerTokenScopes { name description } }"
TOKEN_TYPE_FIELDS = '{ __type(name: "PartnerToken") { fields { name } } }'


def create_variables(agency, **overrides):
    return {
        "agencyId": str(agency.id),
        "scopes": ["referrals:respond"],
        "days": 30,
        "label": "Sistem Polisi",
        **overrides,
    }


async def caller(role: str):
    if role == "staff":
        return await as_staff()
    if role == "partner":
        return await as_partner()
    if role == "reporter":
        return await as_reporter()
    return None


# --- partnerTokenCreate -----------------------------------------------------------------------


async def test_partner_token_create_as_admin_shows_secret_once_stores_hash_ac_2(policies):
    # given
    admin = await as_admin()
    agency = await make_agency()
    # when
    result = await execute(CREATE, create_variables(agency), as_=admin)
    # then
    answer = payload(result, "partnerTokenCreate")
    secret, token = answer["secret"], answer["partnerToken"]
    assert secret.startswith("perisai_pat_") and secret.startswith(token["prefix"])
    assert token["agencyId"] == str(agency.id) and token["scopes"] == ["referrals:respond"]
    assert token["label"] == "Sistem Polisi" and token["revoked"] is False
    assert token["createdById"] == str(admin.staff_id)
    stored = await PartnerToken.get(id=token["id"])
    assert stored.secret_hash == hash_token(secret) and secret not in str(stored.__dict__.values())
    assert (await authenticate_token(secret)).id == stored.id
    assert await AuditEntry.filter(action="partner_token.create", outcome="ok").count() == 1


async def test_partner_token_type_has_no_secret_or_hash_field_ac_2(policies):
    # when
    result = await execute(TOKEN_TYPE_FIELDS, as_=await as_admin())
    # then
    names = {f["name"].lower() for f in result.data["__type"]["fields"]}
    assert not {n for n in names if "hash" in n or "secret" in n}


@pytest.mark.parametrize("role", ["staff", "partner", "reporter", "anonymous"])
async def test_partner_token_create_as_non_admin_is_refused_and_creates_nothing_ac_2(policies, role):
    # given
    principal = await caller(role)
    agency = await make_agency()
    # when
    result = await execute(CREATE, create_variables(agency), as_=principal)
    # then
    assert error_codes(result) == ["UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"]
    assert not await PartnerToken.exists(agency_id=agency.id)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"days": 91}, "expiresInDays"),
        ({"days": 0}, "expiresInDays"),
        ({"scopes": ["cases:read_everything"]}, "scopes"),
        ({"scopes": []}, "scopes"),
        ({"scopes": ["x" * 101]}, "scopes"),
        ({"label": "  "}, "label"),
        ({"label": "x" * 201}, "label"),
        ({"agencyId": "bukan-id"}, "agencyId"),
    ],
)
async def test_partner_token_create_bad_input_answers_validation_naming_field_ac_2(
    policies, overrides, field
):
    # given
    admin = await as_admin()
    agency = await make_agency()
    # when
    result = await execute(CREATE, create_variables(agency, **overrides), as_=admin)
    # then
    answer = payload(result, "partnerTokenCreate")
    assert (answer["code"], answer["field"]) == ("VALIDATION", field)
    assert field in answer["message"]
    assert await PartnerToken.all().count() == 0


async def test_partner_token_create_unknown_agency_answers_not_found_ac_2(policies):
    # given
    admin = await as_admin()
    # when
    result = await execute(
        CREATE, {**create_variables(await make_agency()), "agencyId": str(uuid.uuid4())}, as_=admin
    )
    # then
    assert payload(result, "partnerTokenCreate")["code"] == "NOT_FOUND"


async def test_partner_token_create_inactive_agency_answers_validation_ac_2(policies):
    # given
    admin = await as_admin()
    agency = await make_agency(active=False)
    # when
    result = await execute(CREATE, create_variables(agency), as_=admin)
    # then
    answer = payload(result, "partnerTokenCreate")
    assert (answer["code"], answer["field"], answer["rule"]) == ("VALIDATION", "agencyId", "AC-2")


# --- partnerTokens ----------------------------------------------------------------------------


async def test_partner_tokens_as_admin_lists_agency_tokens_newest_first_without_secret_ac_2(policies):
    # given
    admin = await as_admin()
    police, court = await make_agency(), await make_agency()
    first, _ = await create_token(police.id, "Pertama", ["referrals:respond"], 30, None)
    second, _ = await create_token(police.id, "Kedua", ["notifications:read"], 10, None)
    await create_token(court.id, "Pengadilan", ["referrals:respond"], 30, None)
    # when
    result = await execute(LIST, {"agencyId": str(police.id)}, as_=admin)
    # then
    page = payload(result, "partnerTokens")
    assert page["totalCount"] == 2
    assert [t["label"] for t in page["nodes"]] == ["Kedua", "Pertama"]
    assert all(t["agencyId"] == str(police.id) for t in page["nodes"])
    assert first not in str(result.data) and second not in str(result.data)
    assert (await PartnerToken.get(name="Pertama")).secret_hash not in str(result.data)


async def test_partner_tokens_pages_with_cursor_ac_2(policies):
    # given
    admin = await as_admin()
    agency = await make_agency()
    for label in ("A", "B", "C"):
        await create_token(agency.id, label, ["referrals:respond"], 30, None)
    # when
    one = payload(await execute(LIST, {"first": 2}, as_=admin), "partnerTokens")
    two = payload(
        await execute(LIST, {"first": 2, "after": one["pageInfo"]["endCursor"]}, as_=admin), "partnerTokens"
    )
    # then
    assert one["totalCount"] == 3 and one["pageInfo"]["hasNextPage"] is True
    assert {t["label"] for t in one["nodes"] + two["nodes"]} == {"A", "B", "C"}
    assert two["pageInfo"]["hasNextPage"] is False


async def test_partner_tokens_unknown_agency_answers_not_found_ac_2(policies):
    # when
    result = await execute(LIST, {"agencyId": str(uuid.uuid4())}, as_=await as_admin())
    # then
    assert error_codes(result) == ["NOT_FOUND"]


@pytest.mark.parametrize("role", ["staff", "partner", "reporter"])
async def test_partner_tokens_as_non_admin_is_forbidden_ac_2(policies, role):
    # given
    principal = await caller(role)
    # when
    result = await execute(LIST, {}, as_=principal)
    # then
    assert error_codes(result) == ["FORBIDDEN"] and result.data is None


# --- partnerTokenRevoke -----------------------------------------------------------------------


async def test_partner_token_revoke_as_admin_refuses_token_from_next_request_ac_2(policies):
    # given
    admin = await as_admin()
    agency = await make_agency()
    secret, token = await create_token(agency.id, "Sistem Polisi", ["referrals:respond"], 30, None)
    # when
    result = await execute(REVOKE, {"id": str(token.id)}, as_=admin)
    # then
    revoked = payload(result, "partnerTokenRevoke")["partnerToken"]
    assert revoked["revoked"] is True and revoked["revokedAt"] is not None
    with pytest.raises(Unauthenticated):
        await authenticate_token(secret)
    assert await AuditEntry.filter(action="partner_token.revoke", outcome="ok").count() == 1


@pytest.mark.parametrize("role", ["staff", "partner"])
async def test_partner_token_revoke_as_non_admin_is_forbidden_and_token_still_works_ac_2(policies, role):
    # given
    principal = await caller(role)
    secret, token = await create_token((await make_agency()).id, "Sistem", ["referrals:respond"], 30, None)
    # when
    result = await execute(REVOKE, {"id": str(token.id)}, as_=principal)
    # then
    assert error_codes(result) == ["FORBIDDEN"]
    assert await principal_for(secret)


async def test_partner_token_revoke_unknown_id_answers_not_found_ac_2(policies):
    # when
    result = await execute(REVOKE, {"id": str(uuid.uuid4())}, as_=await as_admin())
    # then
    assert payload(result, "partnerTokenRevoke")["code"] == "NOT_FOUND"


async def test_partner_token_revoke_malformed_id_answers_validation_ac_2(policies):
    # when
    result = await execute(REVOKE, {"id": "123"}, as_=await as_admin())
    # then
    assert payload(result, "partnerTokenRevoke") == {
        "__typename": "MutationError",
        "code": "VALIDATION",
        "field": "id",
        "rule": None,
    }


# --- partnerTokenScopes -----------------------------------------------------------------------


async def test_partner_token_scopes_as_admin_lists_the_catalogue_ac_2(policies):
    # when
    result = await execute(SCOPE_CATALOGUE, as_=await as_admin())
    # then
    assert {s["name"]: s["description"] for s in payload(result, "partnerTokenScopes")} == SCOPES


@pytest.mark.parametrize("role", ["partner", "anonymous"])
async def test_partner_token_scopes_as_non_admin_is_refused_ac_2(policies, role):
    # when
    result = await execute(SCOPE_CATALOGUE, as_=await caller(role))
    # then
    assert error_codes(result) == ["UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"]
