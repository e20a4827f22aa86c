"""The admin panel over HTTP, in process: sign in, list, read, write, as piccolo-admin's UI does."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from authz import enforcer
from models.organisation import Position, Unit, UnitFunction, UnitKind
from models.policies import PolicyRule
from server.app import create_app
from tests.accounts.factories import PASSWORD, make_account, make_unit

_addresses = itertools.count(1)


class Panel:
    """A browser's view of /admin: cookies (session, CSRF, language) and the JSON API."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    def _headers(self) -> dict[str, str]:
        return {"X-CSRFToken": self.client.cookies.get("csrftoken") or ""}

    async def sign_in(self, email: str, password: str = PASSWORD) -> httpx.Response:
        return await self.post("/admin/public/login/", {"username": email, "password": password})

    async def sign_out(self) -> httpx.Response:
        return await self.client.post("/admin/public/logout/", headers=self._headers())

    async def get(self, path: str, **params: Any) -> httpx.Response:
        return await self.client.get(path, params=params)

    async def post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return await self.client.post(path, json=body, headers=self._headers())

    async def patch(self, path: str, body: dict[str, Any]) -> httpx.Response:
        return await self.client.patch(path, json=body, headers=self._headers())

    async def delete(self, path: str) -> httpx.Response:
        return await self.client.delete(path, headers=self._headers())

    async def rows(self, table: str, **params: Any) -> list[dict[str, Any]]:
        response = await self.get(f"/admin/api/tables/{table}/", __page_size=1000, **params)
        assert response.status_code == 200, response.text
        return response.json()["rows"]

    async def count(self, table: str, **params: Any) -> int:
        response = await self.get(f"/admin/api/tables/{table}/count/", **params)
        assert response.status_code == 200, response.text
        return int(response.json()["count"])


@contextlib.asynccontextmanager
async def open_panel(db: Any, *, language: str | None = None) -> AsyncIterator[Panel]:
    """A client of a fresh app on the test database, from an address of its own (the sign-in
    rate limits count per address)."""
    app = create_app(db.settings, manage_db=False)
    n = next(_addresses)
    transport = httpx.ASGITransport(app=app, client=(f"10.9.{n // 250}.{n % 250 + 1}", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://perisai.test") as client:
        if language:
            client.cookies.set("perisai_admin_lang", language)
        await client.get("/admin/")  # the CSRF cookie, as the UI gets it
        yield Panel(client)


async def grant(subject: str, resource: str, action: str, scope: str) -> None:
    """A policy line added the way an administrator would, then in force."""
    await PolicyRule.create(ptype="p", v0=subject, v1=resource, v2=action, v3=scope)
    await enforcer.reload()


async def system_admin(email: str = "admin@perisai.example") -> Any:
    return await make_account(email, is_system_admin=True)


async def hr_officer(email: str = "hr@perisai.example") -> Any:
    unit = await make_unit(UnitFunction.GENERAL_AFFAIRS_HR)
    return await make_account(email, unit=unit, position=Position.EXECUTOR)


async def regional_administrator(email: str, region: str) -> Any:
    """The Administrator heading a regional office (ORG-2: acts like a unit head, AC-5)."""
    unit = await Unit.create(
        code=f"KP-{region[:20]}",
        name=f"Kantor Perwakilan {region}",
        kind=UnitKind.REGIONAL_OFFICE,
        function=UnitFunction.REGIONAL,
        region=region,
    )
    account = await make_account(email, unit=unit, position=Position.ADMINISTRATOR)
    unit.head_id = account.staff.id
    await unit.save()
    return account


@pytest.fixture
async def panel(policies: Any) -> AsyncIterator[Panel]:
    async with open_panel(policies) as opened:
        yield opened
