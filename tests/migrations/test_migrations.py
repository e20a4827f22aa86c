"""The migration chain builds, from an empty database, exactly the schema the models describe."""

from __future__ import annotations

import sqlite3
import uuid

from aerich.models import Aerich
from tortoise import connections
from tortoise.utils import get_schema_sql

from server.db import MIGRATIONS_DIR

IGNORED_TABLES = {"aerich", "sqlite_sequence"}


def migration_files() -> list[str]:
    return sorted(p.name for p in (MIGRATIONS_DIR / "models").glob("[0-9]*_*.py"))


async def sqlite_shape(execute) -> dict:
    tables = [r["name"] for r in await execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    shape = {}
    for table in tables:
        if table in IGNORED_TABLES:
            continue
        columns = await execute(f'PRAGMA table_info("{table}")')
        indexes = await execute(f'PRAGMA index_list("{table}")')
        shape[table] = {
            "columns": sorted(
                (c["name"], c["type"].upper(), bool(c["notnull"]), bool(c["pk"])) for c in columns
            ),
            "indexes": sorted((i["name"], bool(i["unique"])) for i in indexes),
        }
    return shape


PG_COLUMNS = """
SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, 0) AS length
FROM information_schema.columns WHERE table_schema = 'public'
"""
PG_INDEXES = "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"


async def postgres_shape(fetch) -> dict:
    shape: dict = {}
    for row in await fetch(PG_COLUMNS):
        if row["table_name"] in IGNORED_TABLES:
            continue
        shape.setdefault(row["table_name"], {"columns": [], "indexes": []})["columns"].append(
            (row["column_name"], row["data_type"], row["is_nullable"], row["length"])
        )
    for row in await fetch(PG_INDEXES):
        if row["tablename"] in IGNORED_TABLES:
            continue
        shape[row["tablename"]]["indexes"].append((row["indexname"], row["indexdef"]))
    for table in shape.values():
        table["columns"].sort()
        table["indexes"].sort()
    return shape


async def test_migrations_apply_whole_chain_from_empty_database(db):
    # then: the session database was built by the migrations alone, every file applied once
    applied = sorted(row.version for row in await Aerich.filter(app="models"))
    assert applied == migration_files()
    assert applied, "there is at least the initial migration"


async def test_migrations_match_models(db):
    # given
    client = connections.get("default")
    expected_sql = get_schema_sql(client, safe=False)
    if db.is_postgres:
        import asyncpg

        migrated = await postgres_shape(client.execute_query_dict)
        name = f"perisai_shape_{uuid.uuid4().hex[:8]}"
        base = db.url.rsplit("/", 1)[0].replace("postgres://", "postgresql://", 1)
        admin = await asyncpg.connect(base + "/postgres")
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            scratch = await asyncpg.connect(f"{base}/{name}")
            try:
                await scratch.execute(expected_sql)
                expected = await postgres_shape(scratch.fetch)
            finally:
                await scratch.close()
        finally:
            await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            await admin.close()
    else:
        migrated = await sqlite_shape(client.execute_query_dict)
        scratch = sqlite3.connect(":memory:")
        scratch.row_factory = sqlite3.Row
        scratch.executescript(expected_sql)

        async def run(sql: str) -> list[dict]:
            return [dict(r) for r in scratch.execute(sql).fetchall()]

        expected = await sqlite_shape(run)
    # then
    assert sorted(migrated) == sorted(expected), "tables differ"
    for table in expected:
        assert migrated[table] == expected[table], table
