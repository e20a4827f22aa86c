"""Behind HTTPS the panel's CSRF check accepts only the hosts of PERISAI_ALLOWED_HOSTS (issue 4)."""

from __future__ import annotations

import dataclasses

import httpx

from server.app import create_app

HOST = "perisai.lpsk.go.id"


async def test_panel_post_over_https_checks_origin_against_allowed_hosts(policies):
    # given: the panel served over HTTPS under its configured host name
    settings = dataclasses.replace(policies.settings, allowed_hosts=(HOST,))
    app = create_app(settings, manage_db=False)
    transport = httpx.ASGITransport(app=app, client=("10.8.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url=f"https://{HOST}") as client:
        await client.get("/admin/")
        token = client.cookies.get("csrftoken") or ""
        body = {"username": "nobody@perisai.example", "password": "wrong"}

        # when: a sign-in posted from the panel's own page, and one from another site
        own = await client.post(
            "/admin/public/login/", json=body, headers={"X-CSRFToken": token, "Origin": f"https://{HOST}"}
        )
        other = await client.post(
            "/admin/public/login/",
            json=body,
            headers={"X-CSRFToken": token, "Origin": "https://evil.example"},
        )
    # then: the first reaches the sign-in check (wrong password), the second is stopped by CSRF
    assert own.status_code == 401, own.text
    assert other.status_code == 403 and "referer" in other.text.lower()
