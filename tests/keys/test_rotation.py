"""Key rotation re-encrypts every secret under the new key, in batches (Q-S4)."""

from __future__ import annotations

import os

import pytest
from tortoise import connections

from models.base import lookup_index
from models.organisation import Position, Staff
from models.secrets import (
    KeyRing,
    SecretConfigurationError,
    configure_keyring,
    get_keyring,
    key_id_for,
    reveal,
)
from workflows.keys import rotate_keys


async def make_staff(n: int) -> list[Staff]:
    return [
        await Staff.create(
            employee_number=f"E{i}",
            full_name=f"Pegawai {i}",
            email=f"p{i}@perisai.example",
            phone=f"08120000{i:04d}",
            position=Position.EXECUTOR,
        )
        for i in range(n)
    ]


async def test_rotate_keys_reseals_every_row_under_the_active_key_q_s4(db):
    # given: rows sealed under the old key, then a new key becomes active
    old = get_keyring()
    staff = await make_staff(7)
    new_key = os.urandom(32)
    configure_keyring(KeyRing(active=new_key, index_key=old.index_key, retired=(old.active,)))
    try:
        # when
        report = await rotate_keys(batch_size=3, progress=lambda _: None)
        # then: the old key can go, every value still reads, all tokens name the new key
        configure_keyring(KeyRing(active=new_key, index_key=old.index_key))
        assert report.rows == 7
        rows = await connections.get("default").execute_query_dict('SELECT phone FROM "staff"')
        assert all(r["phone"].split(".")[1] == key_id_for(new_key) for r in rows)
        for person in staff:
            assert reveal(await Staff.get(id=person.id), "phone") == person.phone
        # and a second run has nothing left to do
        assert (await rotate_keys(progress=lambda _: None)).rows == 0
    finally:
        configure_keyring(old)


async def test_rotate_keys_without_the_old_key_changes_nothing_q_s4(db):
    # given
    old = get_keyring()
    await make_staff(2)
    before = await connections.get("default").execute_query_dict('SELECT phone FROM "staff" ORDER BY id')
    configure_keyring(KeyRing(active=os.urandom(32), index_key=old.index_key))
    try:
        # when / then: refused, and the stored values are untouched
        with pytest.raises(SecretConfigurationError):
            await rotate_keys(progress=lambda _: None)
    finally:
        configure_keyring(old)
    after = await connections.get("default").execute_query_dict('SELECT phone FROM "staff" ORDER BY id')
    assert before == after


async def test_rotate_keys_reindex_recomputes_blind_indexes_under_a_new_index_key(db):
    # given
    old = get_keyring()
    person = (await make_staff(1))[0]
    configure_keyring(KeyRing(active=old.active, index_key=os.urandom(32)))
    try:
        assert await Staff.filter(phone_index=lookup_index(Staff, "phone", person.phone)).count() == 0
        # when
        await rotate_keys(reindex=True, progress=lambda _: None)
        # then
        assert await Staff.filter(phone_index=lookup_index(Staff, "phone", person.phone)).count() == 1
    finally:
        configure_keyring(old)
