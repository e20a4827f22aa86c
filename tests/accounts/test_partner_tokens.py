"""Partner API tokens (AC-2, AC-13, Q-S3)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest
from tortoise import connections

from authz.scopes import SCOPES
from models.accounts import PartnerToken
from tests.accounts.factories import NOW, make_agency, make_staff
from workflows.errors import NotFound, Unauthenticated, ValidationFailed
from workflows.partner_tokens import (
    TOKEN_PREFIX,
    authenticate_token,
    create_token,
    list_tokens,
    revoke_token,
    tokens_of,
)
from workflows.throttle import RateLimited

MINUTE = dt.timedelta(minutes=1)


def test_scope_catalogue_names_the_partner_capabilities_ac_2():
    # then
    assert {
        "violence_reports:submit",
        "referrals:respond",
        "involvement_requests:respond",
        "notifications:read",
        "placements:request",
        "applications:refer",
    } <= set(SCOPES)


async def test_create_token_shows_secret_once_and_stores_only_its_hash_ac_2(db, audit_log):
    # given
    agency = await make_agency()
    admin = await make_staff()
    # when
    plaintext, token = await create_token(
        agency.id, "Polda intake", ["referrals:respond"], 30, admin.id, now=NOW
    )
    # then
    assert plaintext.startswith(TOKEN_PREFIX) and len(plaintext) - len(TOKEN_PREFIX) >= 43
    assert token.prefix == plaintext[: len(token.prefix)] and len(token.prefix) > len(TOKEN_PREFIX)
    rows = await connections.get("default").execute_query_dict('SELECT * FROM "partner_tokens"')
    assert plaintext not in repr(rows) and plaintext[len(token.prefix) :] not in repr(rows)
    assert rows[0]["secret_hash"] == hashlib.sha256(plaintext.encode()).hexdigest()
    assert token.expires_at == NOW + dt.timedelta(days=30) and token.scopes == ["referrals:respond"]
    assert plaintext not in repr(audit_log.entries)
    assert not any(plaintext in repr(vars(t)) for t in await list_tokens(agency.id))


async def test_create_token_two_tokens_differ_ac_2(db):
    # given
    agency = await make_agency()
    # when
    first, _ = await create_token(agency.id, "A", ["notifications:read"], 1, None, now=NOW)
    second, _ = await create_token(agency.id, "B", ["notifications:read"], 1, None, now=NOW)
    # then
    assert first != second


async def test_create_token_for_more_than_90_days_refused_ac_2(db):
    # given
    agency = await make_agency()
    # when
    with pytest.raises(ValidationFailed) as refused:
        await create_token(agency.id, "Lama", ["notifications:read"], 91, None, now=NOW)
    # then: 90 is the longest allowed
    assert refused.value.field == "expires_in_days"
    _, token = await create_token(agency.id, "Pas", ["notifications:read"], 90, None, now=NOW)
    assert token.expires_at == NOW + dt.timedelta(days=90)
    assert await PartnerToken.all().count() == 1


@pytest.mark.parametrize("scopes", [["referrals:respond", "cases:read_everything"], []])
async def test_create_token_unknown_or_no_scope_refused_ac_2(db, scopes):
    # given
    agency = await make_agency()
    # when
    with pytest.raises(ValidationFailed) as refused:
        await create_token(agency.id, "Salah", scopes, 30, None, now=NOW)
    # then
    assert refused.value.field == "scopes"
    assert await PartnerToken.all().count() == 0


async def test_create_token_for_unknown_agency_refused_ac_2(db):
    # given
    agency = await make_agency()
    await agency.delete()
    # when / then
    with pytest.raises(NotFound):
        await create_token(agency.id, "X", ["notifications:read"], 30, None, now=NOW)


async def test_authenticate_token_records_last_use_ac_2(db, audit_log):
    # given
    agency = await make_agency()
    plaintext, token = await create_token(agency.id, "A", ["notifications:read"], 30, None, now=NOW)
    # when
    used = await authenticate_token(plaintext, now=NOW + MINUTE, ip="10.1.1.1")
    # then
    assert used.id == token.id and used.agency_id == agency.id
    assert (await PartnerToken.get(id=token.id)).last_used_at == NOW + MINUTE
    use = audit_log.actions("partner_token.use")[-1]
    assert use["outcome"] == "ok" and use["principal_ref"] == token.prefix


async def test_revoke_token_refused_from_the_next_request_ac_2(db):
    # given
    agency = await make_agency()
    plaintext, token = await create_token(agency.id, "A", ["notifications:read"], 30, None, now=NOW)
    await authenticate_token(plaintext, now=NOW)
    # when
    await revoke_token(token.id, now=NOW + MINUTE)
    # then
    with pytest.raises(Unauthenticated):
        await authenticate_token(plaintext, now=NOW + MINUTE)


async def test_authenticate_token_after_expiry_refused_ac_2(db):
    # given
    agency = await make_agency()
    plaintext, _ = await create_token(agency.id, "A", ["notifications:read"], 1, None, now=NOW)
    await authenticate_token(plaintext, now=NOW + dt.timedelta(hours=23))
    # when / then
    with pytest.raises(Unauthenticated):
        await authenticate_token(plaintext, now=NOW + dt.timedelta(days=1))


async def test_authenticate_token_with_right_prefix_wrong_secret_refused_ac_2(db, audit_log):
    # given
    agency = await make_agency()
    plaintext, token = await create_token(agency.id, "A", ["notifications:read"], 30, None, now=NOW)
    forged = token.prefix + ("A" if plaintext[-1] != "A" else "B") * (len(plaintext) - len(token.prefix))
    # when / then
    with pytest.raises(Unauthenticated):
        await authenticate_token(forged, now=NOW)
    refused = audit_log.actions("partner_token.use")[-1]
    assert refused["outcome"] == "refused" and refused["principal_ref"] is None


async def test_authenticate_token_of_inactive_agency_refused_ac_2(db):
    # given
    agency = await make_agency()
    plaintext, _ = await create_token(agency.id, "A", ["notifications:read"], 30, None, now=NOW)
    agency.active = False
    await agency.save()
    # when / then
    with pytest.raises(Unauthenticated):
        await authenticate_token(plaintext, now=NOW)


async def test_authenticate_token_over_its_rate_limit_refused_until_next_minute_q_s3(db):
    # given
    agency = await make_agency()
    plaintext, _ = await create_token(
        agency.id, "A", ["notifications:read"], 30, None, rate_limit_per_minute=3, now=NOW
    )
    for _ in range(3):
        await authenticate_token(plaintext, now=NOW)
    # when
    with pytest.raises(RateLimited) as refused:
        await authenticate_token(plaintext, now=NOW + dt.timedelta(seconds=10))
    # then
    assert refused.value.rule == "AC-2" and refused.value.retry_after <= 60
    await authenticate_token(plaintext, now=NOW + MINUTE)


async def test_list_tokens_only_of_the_agency_asked_ac_2(db):
    # given
    police, court = await make_agency(), await make_agency()
    await create_token(police.id, "P", ["notifications:read"], 30, None, now=NOW)
    await create_token(court.id, "C", ["notifications:read"], 30, None, now=NOW)
    # when
    listed = await list_tokens(police.id)
    # then
    assert [t.name for t in listed] == ["P"]
    assert len(await list_tokens()) == 2


async def test_tokens_of_an_agency_or_all_unknown_agency_not_found_ac_2(db):
    # given
    police, court = await make_agency(), await make_agency()
    await create_token(police.id, "Polisi", ["referrals:respond"], 30, None, now=NOW)
    await create_token(court.id, "Pengadilan", ["referrals:respond"], 30, None, now=NOW)
    # when
    of_police = await (await tokens_of(police.id))
    every = await (await tokens_of())
    # then
    assert [t.name for t in of_police] == ["Polisi"] and len(every) == 2
    with pytest.raises(NotFound):
        await tokens_of(uuid.uuid4())
