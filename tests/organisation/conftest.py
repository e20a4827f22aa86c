"""Fixtures of the organisation tests: the demo organisation with its roles (tests/authz/demo_roles.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from authz.principal import Principal
from models.accounts import StaffAccount
from models.organisation import Position, Staff, Unit
from server.auth import staff_principal


@dataclass
class Demo:
    """The demo roles, and the demo units and their staff by unit code (BIRO-PP, BIRO-PH, …)."""

    roles: dict[str, Principal | None]

    def __getitem__(self, role: str) -> Any:
        return self.roles[role]

    async def unit(self, code: str) -> Unit:
        return await Unit.get(code=code)

    async def staff_of(self, code: str) -> list[Staff]:
        """The unit's functional officials and executors (not its head), in a stable order."""
        unit = await Unit.get(code=code)
        return (
            await Staff.filter(
                unit_id=unit.id,
                position__in=[Position.FUNCTIONAL_OFFICIAL, Position.EXECUTOR],
                agency_id=None,
            )
            .exclude(id=unit.head_id)  # type: ignore[attr-defined]
            .order_by("employee_number")
        )


async def as_staff(staff: Staff) -> Principal:
    """The principal a signed-in request of this person gets, authority as of now (AC-1)."""
    account = await StaffAccount.get(staff_id=staff.id).prefetch_related("staff__unit")
    return await staff_principal(account)


@pytest.fixture
async def demo(policies: Any) -> Demo:
    """The demo organisation loaded with the default policies (workflow lines included)."""
    from server.demo.runner import load_demo_data
    from tests.authz.demo_roles import demo_principals

    await load_demo_data(progress=lambda _: None)
    return Demo(await demo_principals())
