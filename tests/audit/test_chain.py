"""The audit trail is append-only and hash-chained; tampering is found by verify (AC-13, AC-14)."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import uuid

import pytest
from tortoise.transactions import in_transaction

from authz.principal import ActingPost, Principal, PrincipalKind
from models.audit import AuditEntry, AuditTrailAppendOnly
from models.audit import PrincipalKind as AuditPrincipalKind
from tests.audit.helpers import NOW, OFFICER, STAFF_ID, chain, execute, make_unit
from workflows import audit
from workflows.audit import chain as chain_module


async def test_record_chain_of_entries_verifies_ac_14(db):
    # given
    entries = await chain(12)
    # when
    result = await audit.verify(batch_size=5)
    # then
    assert result.ok and result.checked == 12 and result.first_broken_sequence is None
    assert [e.sequence for e in entries] == list(range(1, 13))
    assert entries[0].previous_hash == audit.ZERO_HASH
    assert all(b.previous_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    assert (result.head_sequence, result.head_hash) == await audit.head() == (12, entries[-1].entry_hash)


async def test_verify_empty_chain_is_intact_ac_14(db):
    # when
    result = await audit.verify()
    # then
    assert result.ok and result.checked == 0
    assert await audit.head() == (0, audit.ZERO_HASH)


def test_hashed_fields_are_every_column_but_the_hash_ac_14():
    # then: a new column must be added to the hash deliberately, not left unprotected
    columns = set(AuditEntry._meta.fields_db_projection) - {"entry_hash"}
    assert set(audit.HASHED_FIELDS) == columns


async def test_verify_streams_in_batches_with_progress_ac_14(db):
    # given
    await chain(7)
    calls: list[tuple[int, int]] = []
    # when
    result = await audit.verify(batch_size=3, progress=lambda checked, last: calls.append((checked, last)))
    # then
    assert result.ok
    assert calls == [(3, 3), (6, 6), (7, 7)]


EDITS = {
    "id": "'6f1c1b8e-0000-4000-8000-000000000009'",
    "created_at": "'2020-01-01 00:00:00+00:00'",
    "updated_at": "'2020-01-01 00:00:00+00:00'",
    "occurred_at": "'2026-03-02 02:02:00.000001+00:00'",
    "principal_kind": "'system'",
    "principal_ref": "'someone-else'",
    "acting_as": "NULL",
    "action": "'case.nothing_happened'",
    "subject_type": "'Placement'",
    "subject_id": "'6f1c1b8e-0000-4000-8000-00000000000a'",
    "outcome": "'refused'",
    "changes": """'{"status": ["open", "open"], "amount": 3, "ratio": 0.2857142857142857, "n": 2}'""",
    "source_ip": "'10.9.9.9'",
    "request_id": "NULL",
    "previous_hash": "'" + "f" * 64 + "'",
    "entry_hash": "'" + "e" * 64 + "'",
}


@pytest.mark.parametrize("column", sorted(EDITS))
async def test_verify_entry_edited_by_raw_sql_is_reported_ac_14(db, column):
    # given
    await chain(5)
    # when: someone with database access rewrites one field of entry 3
    await execute(f'UPDATE "audit_entries" SET "{column}" = {EDITS[column]} WHERE "sequence" = 3')
    result = await audit.verify(batch_size=2)
    # then
    assert not result.ok
    assert result.first_broken_sequence == 3 and result.kind == "edited", result.problem
    assert result.checked == 2


async def test_verify_entry_with_recomputed_hash_breaks_the_next_link_ac_14(db):
    # given: an editor who also recomputes the edited entry's own hash
    entries = await chain(5)
    forged = {**audit.fields_of(entries[2]), "action": "case.nothing_happened"}
    new_hash = audit.compute_hash(forged)
    # when
    await execute(
        f'UPDATE "audit_entries" SET "action" = \'case.nothing_happened\', "entry_hash" = \'{new_hash}\' '
        'WHERE "sequence" = 3'
    )
    result = await audit.verify()
    # then: entry 3 is self-consistent, entry 4 still points at the old hash
    assert not result.ok and result.first_broken_sequence == 4
    assert "entry 3 was rewritten" in result.problem


async def test_verify_sequence_edited_is_reported_ac_14(db):
    # given
    await chain(5)
    # when
    await execute('UPDATE "audit_entries" SET "sequence" = 99 WHERE "sequence" = 3')
    result = await audit.verify()
    # then
    assert not result.ok and result.first_broken_sequence == 3 and result.kind == "deleted"


async def test_verify_entry_deleted_in_the_middle_is_reported_ac_14(db):
    # given
    await chain(6)
    # when
    await execute('DELETE FROM "audit_entries" WHERE "sequence" = 4')
    result = await audit.verify()
    # then
    assert not result.ok
    assert result.first_broken_sequence == 4 and result.kind == "deleted"
    assert "entry 4 is missing" in result.problem and result.checked == 3


async def test_verify_entries_deleted_and_renumbered_are_reported_ac_14(db):
    # given
    await chain(6)
    # when: entries 3 and 4 deleted, 5 and 6 renumbered to close the gap
    await execute(
        'DELETE FROM "audit_entries" WHERE "sequence" IN (3, 4);'
        'UPDATE "audit_entries" SET "sequence" = 3 WHERE "sequence" = 5;'
        'UPDATE "audit_entries" SET "sequence" = 4 WHERE "sequence" = 6;'
    )
    result = await audit.verify()
    # then
    assert not result.ok and result.first_broken_sequence == 3 and result.kind == "deleted"
    assert "written as 5" in result.problem


async def test_verify_swapped_entries_are_reported_as_reordered_ac_14(db):
    # given
    await chain(6)
    # when: entries 2 and 5 trade places
    await execute(
        'UPDATE "audit_entries" SET "sequence" = -1 WHERE "sequence" = 2;'
        'UPDATE "audit_entries" SET "sequence" = 2 WHERE "sequence" = 5;'
        'UPDATE "audit_entries" SET "sequence" = 5 WHERE "sequence" = -1;'
    )
    result = await audit.verify()
    # then
    assert not result.ok
    assert result.first_broken_sequence == 2 and result.kind == "reordered"
    assert "written as 5" in result.problem


async def test_verify_deleted_tail_is_found_only_with_an_anchor_ac_14(db):
    # given
    await chain(5)
    anchor = await audit.head()
    # when: the newest two entries are deleted
    await execute('DELETE FROM "audit_entries" WHERE "sequence" > 3')
    alone = await audit.verify()
    anchored = await audit.verify(anchor=anchor)
    # then: by design the chain alone cannot tell; the anchor kept elsewhere can
    assert alone.ok and alone.checked == 3
    assert not anchored.ok and anchored.first_broken_sequence == 4 and anchored.kind == "deleted"


async def test_verify_anchor_that_differs_is_reported_ac_14(db):
    # given
    await chain(3)
    # when
    result = await audit.verify(anchor=(2, "a" * 64))
    # then
    assert not result.ok and result.first_broken_sequence == 2


# --- transactions (Q-R1) ------------------------------------------------------------------


async def test_record_rolled_back_with_its_change_leaves_no_entry_and_no_gap_ac_13(db):
    # given
    await chain(2)
    # when: the change and its audit entry are in one transaction that fails
    with pytest.raises(RuntimeError):
        async with in_transaction():
            unit = await make_unit()
            await audit.record("unit.create", principal=OFFICER, subject_type="Unit", subject_id=unit.id)
            raise RuntimeError("the workflow fails after auditing")
    after = await audit.record("case.next", principal=OFFICER)
    # then
    from models.organisation import Unit

    assert await Unit.filter(id=unit.id).count() == 0
    assert await AuditEntry.filter(action="unit.create").count() == 0
    assert after.sequence == 3
    assert (await audit.verify()).ok


async def test_record_commits_with_its_change_ac_13(db):
    # given
    from models.organisation import Unit

    # when
    async with in_transaction():
        unit = await make_unit()
        entry = await audit.record("unit.create", principal=OFFICER, subject_type="Unit", subject_id=unit.id)
    # then
    assert await Unit.filter(id=unit.id).exists()
    assert (await AuditEntry.get(sequence=1)).id == entry.id


async def test_record_fills_who_acted_from_the_principal_ac_13(db):
    # given
    acting = Principal(
        kind=PrincipalKind.STAFF,
        staff_id=STAFF_ID,
        position="unit_head",
        acting=(ActingPost(position="secretary_general"),),
    )
    # when
    staff_entry = await audit.record("case.update", principal=acting, request_id="r" * 100, now=NOW)
    anonymous = await audit.record("auth.sign_in", principal=None, outcome="refused")
    explicit = await audit.record(
        "account.disable", principal=None, principal_kind=AuditPrincipalKind.SYSTEM, principal_ref=None
    )
    # then
    assert staff_entry.principal_kind == AuditPrincipalKind.STAFF
    assert staff_entry.principal_ref == str(STAFF_ID)
    assert staff_entry.acting_as == "unit_head, acting secretary_general"
    assert staff_entry.occurred_at == NOW and len(staff_entry.request_id) == 64
    assert anonymous.principal_kind == AuditPrincipalKind.ANONYMOUS and anonymous.principal_ref is None
    assert explicit.principal_kind == AuditPrincipalKind.SYSTEM
    assert (await audit.verify()).ok


async def test_record_refuses_an_overlong_action_ac_13(db):
    # when / then
    with pytest.raises(ValueError, match="action"):
        await audit.record("x" * 101, principal=None)
    assert await AuditEntry.all().count() == 0


# --- append-only through the ORM ------------------------------------------------------------


async def test_audit_entry_update_through_orm_is_refused_ac_14(db):
    # given
    entry = (await chain(2))[0]
    # when
    entry.action = "case.nothing_happened"
    with pytest.raises(AuditTrailAppendOnly):
        await entry.save()
    with pytest.raises(AuditTrailAppendOnly):
        await entry.save(update_fields=["action"])
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.filter(sequence=1).update(action="case.nothing_happened")
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.bulk_update([entry], fields=["action"])
    # then
    assert (await AuditEntry.get(sequence=1)).action == "case.step_0"
    assert (await audit.verify()).ok


async def test_audit_entry_delete_through_orm_is_refused_ac_14(db):
    # given
    entry = (await chain(2))[0]
    # when
    with pytest.raises(AuditTrailAppendOnly):
        await entry.delete()
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.filter(sequence=1).delete()
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.all().delete()
    # then
    assert await AuditEntry.all().count() == 2


async def test_audit_entry_created_around_the_chain_is_refused_ac_14(db):
    # given
    forged = {
        "sequence": 1,
        "occurred_at": NOW,
        "created_at": NOW,
        "updated_at": NOW,
        "principal_kind": AuditPrincipalKind.SYSTEM,
        "action": "case.forged",
        "outcome": "ok",
        "previous_hash": audit.ZERO_HASH,
        "entry_hash": "a" * 64,
    }
    # when / then
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.create(**forged)
    with pytest.raises(AuditTrailAppendOnly):
        await AuditEntry.bulk_create([AuditEntry(**forged)])
    assert await AuditEntry.all().count() == 0


# --- concurrency (PostgreSQL) -----------------------------------------------------------------


async def test_record_concurrent_writers_keep_the_chain_gap_free_ac_14(db, monkeypatch):
    if not db.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: no retries, so only the lock can keep writers apart
    monkeypatch.setattr(chain_module, "APPEND_ATTEMPTS", 1)

    async def writer(i: int) -> None:
        async with in_transaction():
            await make_unit()  # some work of the caller's own in the same transaction
            await audit.record(f"case.concurrent_{i}", principal=OFFICER, subject_id=uuid.uuid4())
            await asyncio.sleep(0.01)  # hold the transaction open while others queue

    # when
    await asyncio.gather(*(writer(i) for i in range(20)))
    # then
    sequences = sorted(await AuditEntry.all().values_list("sequence", flat=True))
    assert sequences == list(range(1, 21))
    result = await audit.verify(batch_size=7)
    assert result.ok and result.checked == 20


async def test_record_concurrent_writers_without_transaction_ac_14(db, monkeypatch):
    if not db.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given
    monkeypatch.setattr(chain_module, "APPEND_ATTEMPTS", 1)
    when = NOW + dt.timedelta(days=1)
    # when: each record() opens its own transaction
    await asyncio.gather(*(audit.record(f"case.solo_{i}", principal=None, now=when) for i in range(20)))
    # then
    assert sorted(await AuditEntry.all().values_list("sequence", flat=True)) == list(range(1, 21))
    assert (await audit.verify()).ok
