"""The real ASGI app over HTTP: health, readiness, GraphiQL in development, request ids, limits."""

from __future__ import annotations

import httpx

from server.app import create_app
from tests.accounts.factories import PASSWORD, make_account
from workflows.accounts import login

QUERY = {"query": "{ units(first: 1) { totalCount } }"}


def client_for(db) -> httpx.AsyncClient:
    app = create_app(db.settings, manage_db=False)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://perisai.test")


async def test_healthz_answers_while_process_lives(db):
    # when
    async with client_for(db) as client:
        response = await client.get("/healthz")
    # then
    assert response.status_code == 200 and response.json() == {"status": "ok"}


async def test_readyz_reports_database_reachable(db):
    # when
    async with client_for(db) as client:
        response = await client.get("/readyz")
    # then
    assert response.status_code == 200 and response.json() == {"status": "ready"}


async def test_graphql_post_answers_with_request_id(policies):
    # given: a signed-in staff member (AC-1)
    await make_account("siti@perisai.example")
    token, _ = await login("siti@perisai.example", PASSWORD, ip=None)
    headers = {"X-Request-Id": "abc123", "Authorization": f"Bearer {token}"}
    # when
    async with client_for(policies) as client:
        response = await client.post("/graphql", json=QUERY, headers=headers)
    # then
    assert response.status_code == 200
    assert response.json() == {"data": {"units": {"totalCount": 0}}}
    assert response.headers["x-request-id"] == "abc123"
    assert response.headers["cache-control"] == "no-store"


async def test_graphql_without_credentials_is_unauthenticated_ac_1(db):
    # when
    async with client_for(db) as client:
        response = await client.post("/graphql", json=QUERY)
    # then
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]


async def test_graphql_with_unknown_token_is_unauthenticated_ac_1(policies):
    # given: a well-formed token no session was ever issued for
    headers = {"Authorization": "Bearer pss_" + "A" * 43}
    # when
    async with client_for(policies) as client:
        response = await client.post("/graphql", json=QUERY, headers=headers)
        malformed = await client.post("/graphql", json=QUERY, headers={"Authorization": "Basic x y"})
    # then
    for answer in (response, malformed):
        assert [e["extensions"]["code"] for e in answer.json()["errors"]] == ["UNAUTHENTICATED"]


async def test_graphiql_served_in_development(db):
    # when
    async with client_for(db) as client:
        response = await client.get("/graphql", headers={"Accept": "text/html"})
    # then
    assert response.status_code == 200 and "graphiql" in response.text.lower()


async def test_graphql_oversized_body_is_refused(db):
    # given
    huge = {"query": "{ units { totalCount } }", "variables": {"x": "a" * 300_000}}
    # when
    async with client_for(db) as client:
        response = await client.post("/graphql", json=huge)
    # then
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "VALIDATION"
