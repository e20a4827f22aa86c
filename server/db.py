"""Database wiring: the Tortoise configuration, start/stop, and migrations (aerich)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from tortoise import Tortoise, connections
from tortoise.backends.base.schema_generator import BaseSchemaGenerator

from models import MODEL_MODULES
from models.secrets import configure_keyring
from server.settings import Settings, database_dialect

log = logging.getLogger("perisai.db")


def _honour_db_constraint_in_table_order() -> None:
    """Tortoise 1.1.9 orders CREATE TABLEs by every foreign key, even one declared with
    db_constraint=False, so a deliberate back-edge (Unit.head ↔ Staff.unit) is reported
    as a cycle. A back-edge without a constraint does not need its target created first."""
    original = BaseSchemaGenerator._get_field_sql_and_related_table
    if getattr(original, "_perisai_patched", False):
        return

    def patched(self: Any, field_object: Any, *args: Any, **kwargs: Any) -> tuple[str, str]:
        sql, related = original(self, field_object, *args, **kwargs)
        reference = getattr(field_object, "reference", None)
        if reference is not None and not reference.db_constraint:
            return sql, ""
        return sql, related

    patched._perisai_patched = True  # type: ignore[attr-defined]
    BaseSchemaGenerator._get_field_sql_and_related_table = patched  # type: ignore[method-assign]


_honour_db_constraint_in_table_order()

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
APP = "models"


def tortoise_config(database_url: str, *, with_aerich: bool = True) -> dict[str, Any]:
    modules = [*MODEL_MODULES, "aerich.models"] if with_aerich else list(MODEL_MODULES)
    database_dialect(database_url)  # refuses unknown schemes with a clear message
    return {
        "connections": {"default": database_url},
        "apps": {APP: {"models": modules, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def init_db(settings: Settings) -> None:
    """Configure the key ring and open the ORM on the configured database."""
    configure_keyring(settings.keyring)
    # The global fallback lets request tasks (not only the lifespan task) see the ORM.
    await Tortoise.init(config=tortoise_config(settings.database_url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def ping() -> bool:
    """True when the database answers a trivial query (readiness)."""
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:
        log.warning("database ping failed", exc_info=True)
        return False
    return True


async def migrate(settings: Settings) -> list[str]:
    """Apply every migration in migrations/ not yet applied; returns the names applied.

    The ORM must already be initialised (init_db). Works on an empty database and on one
    that is part-way along the chain.
    """
    from aerich import Command

    command = Command(
        tortoise_config=tortoise_config(settings.database_url), app=APP, location=str(MIGRATIONS_DIR)
    )
    await command.init()
    return await command.upgrade(run_in_transaction=True)
