"""Test fixtures: one migrated database per backend (SQLite always, PostgreSQL when available).

Every test that takes `db` runs once per backend. PostgreSQL is used when
PERISAI_TEST_DATABASE_URL is set (e.g. postgres://postgres@127.0.0.1:5432/); the
fixture creates its own uniquely named database there and drops it at the end. Without
the variable the PostgreSQL runs are skipped with a message saying so.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from tortoise import Tortoise, connections

from models.secrets import KeyRing, configure_keyring
from server.db import MIGRATIONS_DIR, tortoise_config
from server.settings import Settings

BACKENDS = ["sqlite", "postgres"]
PG_URL_VAR = "PERISAI_TEST_DATABASE_URL"


def make_settings(database_url: str) -> Settings:
    keyring = KeyRing(active=os.urandom(32), index_key=os.urandom(32))
    return Settings(env="development", database_url=database_url, secret_key="t" * 48, keyring=keyring)


def pytest_report_header(config: pytest.Config) -> str:
    if postgres_admin_url():
        return f"PostgreSQL: tests run on SQLite and on {postgres_admin_url().split('@')[-1]}"
    return f"PostgreSQL: {PG_URL_VAR} is not set — the PostgreSQL half of the suite is SKIPPED"


def postgres_admin_url() -> str | None:
    url = os.environ.get(PG_URL_VAR, "").strip()
    if not url:
        return None
    return url.replace("postgresql://", "postgres://", 1)


def database_url_for(backend: str, tmp_dir: Any) -> tuple[str, str | None]:
    """Backend → (URL of a fresh database, name of the PostgreSQL database to drop)."""
    if backend == "sqlite":
        return f"sqlite://{tmp_dir}/perisai-test-{uuid.uuid4().hex[:8]}.sqlite3", None
    admin = postgres_admin_url()
    if admin is None:
        pytest.skip(f"PostgreSQL tests skipped: set {PG_URL_VAR} (e.g. postgres://postgres@127.0.0.1:5432/)")
    name = f"perisai_test_{uuid.uuid4().hex[:10]}"
    base = admin.rsplit("/", 1)[0]
    return f"{base}/{name}", name


async def _pg_admin(sql: str) -> None:
    import asyncpg

    admin = postgres_admin_url()
    assert admin is not None
    base = admin.rsplit("/", 1)[0]
    conn = await asyncpg.connect(base.replace("postgres://", "postgresql://", 1) + "/postgres")
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@dataclass
class Database:
    backend: str
    url: str
    settings: Settings
    tables: list[str] = field(default_factory=list)

    @property
    def is_postgres(self) -> bool:
        return self.backend == "postgres"


async def open_database(backend: str, url: str, pg_name: str | None) -> Database:
    """Create (PostgreSQL) and migrate a fresh database, leaving the ORM open on it."""
    from tortoise.backends.base.executor import EXECUTOR_CACHE

    from server.db import init_db, migrate

    if pg_name:
        await _pg_admin(f'CREATE DATABASE "{pg_name}"')
    # Tortoise caches compiled INSERT/UPDATE statements per connection *name*, not per
    # dialect; the suite switches backends under the same name, so start clean.
    EXECUTOR_CACHE.clear()
    settings = make_settings(url)
    await init_db(settings)
    await migrate(settings)
    tables = [
        m._meta.db_table for m in Tortoise.apps["models"].values() if m.__module__.startswith("models.")
    ]
    return Database(backend=backend, url=url, settings=settings, tables=tables)


@pytest.fixture(scope="session", params=BACKENDS)
async def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Database]:
    url, pg_name = database_url_for(request.param, tmp_path_factory.mktemp("db"))
    db = await open_database(request.param, url, pg_name)
    try:
        yield db
    finally:
        await Tortoise.close_connections()
        if pg_name:
            await _pg_admin(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')


async def wipe(db: Database) -> None:
    conn = connections.get("default")
    if db.is_postgres:
        # DELETE, not TRUNCATE: on ~90 mostly empty tables it is ten times faster. Replica
        # mode skips the foreign-key triggers, so the order of the tables does not matter.
        await conn.execute_script(
            "SET session_replication_role = replica;"
            + "".join(f'DELETE FROM "{t}";' for t in db.tables)
            + "SET session_replication_role = DEFAULT;"
        )
    else:
        await conn.execute_script(
            "PRAGMA foreign_keys = OFF;"
            + "".join(f'DELETE FROM "{t}";' for t in db.tables)
            + "PRAGMA foreign_keys = ON;"
        )


@pytest.fixture
async def db(database: Database) -> AsyncIterator[Database]:
    """A migrated, empty database on the current backend; emptied again after the test.
    The process's enforcer and unit tree are forgotten too: each test decides on what it stored."""
    from authz import enforcer

    configure_keyring(database.settings.keyring)
    await wipe(database)
    enforcer.reset()
    yield database
    enforcer.reset()
    await wipe(database)


@pytest.fixture
async def policies(db: Database) -> Database:
    """`db` with the default policy set stored and loaded (AC-2 … AC-12)."""
    from authz.default_policy import load_default_policies

    await load_default_policies()
    return db


# --- SQL statement counting (Q-P1) -------------------------------------------------------

SQL_PREFIXES = ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = str(
            record.msg if not record.args else record.args[0] if record.msg == "%s: %s" else record.msg
        )
        if text.lstrip().upper().startswith(SQL_PREFIXES):
            self.statements.append(text)


@contextmanager
def count_queries() -> Iterator[list[str]]:
    """Collects every SQL statement the ORM sends while the block runs."""
    logger = logging.getLogger("tortoise.db_client")
    handler = _Counter()
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    try:
        yield handler.statements
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


__all__ = ["MIGRATIONS_DIR", "Database", "count_queries", "make_settings", "tortoise_config"]
