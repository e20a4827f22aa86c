"""Piccolo's own database engine, built from the same URL as Tortoise's (stack notes, "the bridge").

Piccolo keeps its own connections: an admin write and a Tortoise query in one of its hooks are
not one transaction. Importing Piccolo also replaces process-wide `sqlite3` adapters —
`Decimal → float` among them, which silently rounds Tortoise's decimals on SQLite
(`123456789012345678.91` stored as `1.23456789012346e+17`). `restore_sqlite_adapters()` puts
Tortoise's back; it runs when this module is imported, right after Piccolo's.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import sqlite3
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from piccolo.engine.base import Engine
from piccolo.engine.postgres import PostgresEngine
from piccolo.engine.sqlite import SQLiteEngine

from server.settings import database_dialect

POOL_MAX_SIZE = 5  # the admin is a handful of people; the API keeps Tortoise's pool


def restore_sqlite_adapters() -> None:
    """Process-wide sqlite3 adapters → Tortoise's again (exact decimals, its datetime text form)."""
    sqlite3.register_adapter(Decimal, str)
    sqlite3.register_adapter(dt.date, lambda value: value.isoformat())
    sqlite3.register_adapter(dt.datetime, lambda value: value.isoformat(" "))


restore_sqlite_adapters()


def sqlite_path(database_url: str) -> str:
    """`sqlite://relative/or/absolute.sqlite3` (Tortoise's form) → the file path."""
    path = database_url.split("://", 1)[1].split("?", 1)[0]
    if not path or path == ":memory:":
        raise ValueError("the admin panel needs a database file, not an in-memory SQLite database")
    return path


def asyncpg_dsn(database_url: str) -> str:
    # Tortoise's query parameters (pool sizes) mean nothing to asyncpg.
    parts = urlsplit(database_url)
    return urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))


def engine_for(database_url: str) -> Engine[Any]:
    """The database URL of the settings → a Piccolo engine on the same database."""
    if database_dialect(database_url) == "sqlite":
        # Tortoise keeps the file in WAL mode, so this second connection reads while it writes.
        return SQLiteEngine(path=sqlite_path(database_url), timeout=15)
    return PostgresEngine(config={"dsn": asyncpg_dsn(database_url)})


async def start_pool(engine: Engine[Any]) -> None:
    if isinstance(engine, PostgresEngine) and engine.pool is None:
        await engine.start_connection_pool(min_size=1, max_size=POOL_MAX_SIZE)


async def close_pool(engine: Engine[Any]) -> None:
    if isinstance(engine, PostgresEngine) and engine.pool is not None:
        await engine.close_connection_pool()


_shadow: SQLiteEngine | None = None


def shadow_engine() -> SQLiteEngine:
    """A process-local SQLite file for piccolo-admin's own user rows (admin/auth.py).

    piccolo-admin looks its signed-in user up in a Piccolo table. That row is only a mirror of
    the staff account, rebuilt at each sign-in, so it lives outside the application database:
    the schema stays exactly what the migrations build, and there is no second user list.
    """
    global _shadow
    if _shadow is None:
        directory = Path(tempfile.mkdtemp(prefix="perisai-admin-"))
        atexit.register(shutil.rmtree, directory, ignore_errors=True)
        _shadow = SQLiteEngine(path=str(directory / "panel-users.sqlite3"))
    return _shadow
