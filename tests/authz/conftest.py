"""Fixtures of the authorization tests: a fresh enforcer per test, principals built directly."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest

from authz import enforcer
from authz.default_policy import load_default_policies
from authz.principal import Principal, PrincipalKind


@pytest.fixture
async def fresh_enforcer(db: Any) -> AsyncIterator[None]:
    """The process-wide enforcer forgotten before and after: each test loads what it stored."""
    enforcer.reset()
    yield
    enforcer.reset()


@pytest.fixture
async def defaults(fresh_enforcer: None) -> int:
    """The default policy set stored and loaded (AC-2 … AC-12)."""
    return await load_default_policies()


def staff(position: str = "executor", **fields: Any) -> Principal:
    return Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position=position, **fields)


def partner(*scopes: str) -> Principal:
    return Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=uuid.uuid4(),
        agency_id=uuid.uuid4(),
        scopes=frozenset(scopes),
    )


def reporter() -> Principal:
    return Principal(kind=PrincipalKind.REPORTER, reporter_id=uuid.uuid4())


@pytest.fixture
async def demo(policies: Any) -> dict[str, Principal | None]:
    """The demo organisation loaded with the default policies → one principal per demo role."""
    from server.demo.runner import load_demo_data
    from tests.authz.demo_roles import demo_principals

    await load_demo_data(progress=lambda _: None)
    return await demo_principals()
