"""Identity over real HTTP: sign in, use the token, sign out; a partner token over its rate
limit gets 429 (AC-1, AC-2, Q-S3)."""

from __future__ import annotations

import httpx

from models.audit import AuditEntry
from server.app import create_app
from tests.accounts.factories import PASSWORD, make_account, make_agency
from workflows.partner_tokens import create_token

LOGIN = """
mutation Login($email: String!, $password: String!) {
  authLogin(email: $email, password: $password) {
    ... on AuthLoginSuccess { token expiresAt }
    ... on MutationError { code field }
  }
}
"""
ME = "{ me { kind staff { email } partnerToken { agencyId } } }"
LOGOUT = "mutation { authLogout { ... on Done { ok } } }"


def client_for(db) -> httpx.AsyncClient:
    app = create_app(db.settings, manage_db=False)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://perisai.test")


def codes(response: httpx.Response) -> list[str]:
    return [e["extensions"]["code"] for e in response.json().get("errors") or []]


async def test_auth_login_then_me_then_logout_over_http_ac_1(policies):
    # given
    await make_account("siti@perisai.example")
    async with client_for(policies) as client:
        # when: sign in
        signed_in = await client.post(
            "/graphql",
            json={"query": LOGIN, "variables": {"email": "siti@perisai.example", "password": PASSWORD}},
            headers={"X-Request-Id": "login1"},
        )
        token = signed_in.json()["data"]["authLogin"]["token"]
        headers = {"Authorization": f"Bearer {token}"}
        # then: the token names the caller
        me = await client.post("/graphql", json={"query": ME}, headers=headers)
        assert me.json() == {
            "data": {
                "me": {"kind": "STAFF", "staff": {"email": "siti@perisai.example"}, "partnerToken": None}
            }
        }
        # when: sign out
        out = await client.post("/graphql", json={"query": LOGOUT}, headers=headers)
        assert out.json() == {"data": {"authLogout": {"ok": True}}}
        # then: the same token names nobody
        after = await client.post("/graphql", json={"query": ME}, headers=headers)
    assert after.status_code == 200 and codes(after) == ["UNAUTHENTICATED"]
    sign_in = await AuditEntry.get(action="auth.sign_in", outcome="ok")
    assert sign_in.request_id == "login1" and sign_in.source_ip == "127.0.0.1"


async def test_partner_token_over_rate_limit_answers_429_with_retry_after_ac_2(policies):
    # given: a token allowed one request a minute
    agency = await make_agency()
    secret, _ = await create_token(
        agency.id, "Sistem Polisi", ["referrals:respond"], 30, None, rate_limit_per_minute=1
    )
    headers = {"Authorization": f"Bearer {secret}"}
    # when: a few requests in a row (a minute boundary can reset the window once, not twice)
    async with client_for(policies) as client:
        responses = [await client.post("/graphql", json={"query": ME}, headers=headers) for _ in range(3)]
    # then
    assert responses[0].json()["data"]["me"]["partnerToken"] == {"agencyId": str(agency.id)}
    limited = [r for r in responses if r.status_code == 429]
    assert limited, [r.status_code for r in responses]
    assert 1 <= int(limited[0].headers["Retry-After"]) <= 60
    assert codes(limited[0]) == ["RATE_LIMITED"]
    assert limited[0].json()["errors"][0]["extensions"]["retryAfter"] == int(
        limited[0].headers["Retry-After"]
    )
