"""The database going away mid-service gives errors, not corruption, and is survived (Q-R4)."""

from __future__ import annotations

import pytest
from tortoise import connections

from authz.principal import SYSTEM
from models.organisation import Unit, UnitFunction, UnitKind
from tests.client import error_codes, execute
from tests.conftest import _pg_admin

UNITS = "{ units(first: 5) { totalCount } }"


async def test_units_after_every_connection_was_killed_answers_and_recovers_q_r4(db):
    # given: a working service, then PostgreSQL drops every connection to the database
    if not db.is_postgres:
        pytest.skip("connections are dropped on a PostgreSQL server; SQLite has no server to lose")
    await Unit.create(code="U-1", name="Unit Satu", kind=UnitKind.BUREAU, function=UnitFunction.OTHER)
    assert (await execute(UNITS, as_=SYSTEM)).data == {"units": {"totalCount": 1}}
    name = db.url.rsplit("/", 1)[1]
    await _pg_admin(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )
    # when: the clients keep asking
    answers = []
    for _ in range(10):
        answers.append(await execute(UNITS, as_=SYSTEM))
        if answers[-1].errors is None:
            break
    # then: while the pool reconnects, clean UNAVAILABLE answers only; then service again, no restart
    assert answers[-1].data == {"units": {"totalCount": 1}}
    assert all(error_codes(a) == ["UNAVAILABLE"] for a in answers[:-1])
    assert await connections.get("default").execute_query_dict("SELECT 1 AS one") == [{"one": 1}]


def test_is_unavailable_follows_the_cause_chain_q_r4():
    # given
    from tortoise.exceptions import OperationalError

    from schema.errors import is_unavailable

    wrapped = OperationalError("query failed")
    wrapped.__cause__ = ConnectionResetError("peer went away")
    # then
    assert is_unavailable(wrapped) and is_unavailable(ConnectionRefusedError())
    assert not is_unavailable(ValueError("bad value")) and not is_unavailable(None)
