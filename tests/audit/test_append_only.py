"""The database itself keeps the audit trail append-only on PostgreSQL (AC-14)."""

from __future__ import annotations

import pytest
from tortoise import connections

from models.audit import AuditEntry, AuditTrailAppendOnly
from tests.audit.helpers import chain

STATEMENTS = (
    'UPDATE "audit_entries" SET "outcome" = \'ok\'',
    'DELETE FROM "audit_entries"',
    'TRUNCATE "audit_entries"',
)


@pytest.mark.parametrize("statement", STATEMENTS, ids=["update", "delete", "truncate"])
async def test_raw_sql_change_of_audit_entries_is_refused_by_postgres_ac_14(db, statement):
    # given
    if not db.is_postgres:
        pytest.skip("the append-only triggers exist on PostgreSQL; SQLite relies on the ORM guard")
    await chain(3)
    # when
    with pytest.raises(Exception, match="append-only"):
        await connections.get("default").execute_script(statement)
    # then
    assert await AuditEntry.all().count() == 3


async def test_orm_update_and_delete_of_audit_entries_are_refused_ac_14(db):
    # given
    entry = (await chain(1))[0]
    # when / then
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.filter(id=entry.id).update(outcome="refused")
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.filter(id=entry.id).delete()
    assert (await AuditEntry.get(id=entry.id)).outcome == "ok"
