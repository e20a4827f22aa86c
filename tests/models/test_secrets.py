"""Secret fields at rest (AC-11, APP-3, SH-2, Q-S4): encrypted, bound to their place, rotatable."""

from __future__ import annotations

import os

import pytest
from tortoise import connections

from models.base import lookup_index
from models.organisation import Position, Staff
from models.secrets import (
    KeyRing,
    Sealed,
    SecretConfigurationError,
    SecretDecryptionError,
    configure_keyring,
    get_keyring,
    reveal,
)

PHONE = "0812-9999-0001"


async def make_staff(email: str, phone: str | None = PHONE) -> Staff:
    return await Staff.create(
        employee_number=email,
        full_name="Pegawai Fiktif",
        email=email,
        phone=phone,
        position=Position.EXECUTOR,
    )


async def raw_rows(table: str) -> list[dict]:
    return await connections.get("default").execute_query_dict(f'SELECT * FROM "{table}"')


async def test_secret_field_stores_no_plaintext_ac_11(db):
    # given
    await make_staff("a@perisai.example")
    # when
    rows = await raw_rows("staff")
    # then
    dump = repr(rows)
    assert "0812" not in dump and "9999" not in dump
    assert rows[0]["phone"].startswith("v1.")


async def test_secret_field_each_write_uses_a_fresh_nonce_ac_11(db):
    # given
    first = await make_staff("a@perisai.example")
    second = await make_staff("b@perisai.example")
    # when
    rows = {r["email"]: r["phone"] for r in await raw_rows("staff")}
    # then
    assert rows[first.email] != rows[second.email]


async def test_secret_field_reveals_only_through_reveal_app_3(db):
    # given
    staff = await make_staff("a@perisai.example")
    # when
    loaded = await Staff.get(id=staff.id)
    # then
    assert isinstance(loaded.phone, Sealed)
    assert PHONE not in repr(loaded.phone) and PHONE not in str(loaded.phone)
    assert reveal(loaded, "phone") == PHONE


async def test_secret_field_copied_to_another_row_is_refused_ac_11(db):
    # given
    victim = await make_staff("a@perisai.example")
    other = await make_staff("b@perisai.example", phone="0813-0000-0000")
    rows = {r["email"]: r["phone"] for r in await raw_rows("staff")}
    token = rows[victim.email]
    # when: someone with database access moves a ciphertext to another row
    await connections.get("default").execute_query(
        'UPDATE "staff" SET "phone" = ' + ('$1 WHERE "id" = $2' if db.is_postgres else '? WHERE "id" = ?'),
        [token, str(other.id)],
    )
    moved = await Staff.get(id=other.id)
    # then
    with pytest.raises(SecretDecryptionError):
        reveal(moved, "phone")


async def test_secret_field_swapped_between_instances_is_refused_ac_11(db):
    # given
    victim = await make_staff("a@perisai.example")
    other = await make_staff("b@perisai.example", phone=None)
    loaded_victim = await Staff.get(id=victim.id)
    # when: the ORM copies the sealed value as is
    other.phone = loaded_victim.phone
    await other.save()
    # then
    with pytest.raises(SecretDecryptionError):
        reveal(await Staff.get(id=other.id), "phone")


async def test_secret_field_tampered_ciphertext_is_refused_ac_11(db):
    # given
    staff = await make_staff("a@perisai.example")
    token = (await raw_rows("staff"))[0]["phone"]
    flipped = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    # when
    staff_row = await Staff.get(id=staff.id)
    staff_row.phone = Sealed(flipped)
    # then
    with pytest.raises(SecretDecryptionError):
        reveal(staff_row, "phone")


async def test_secret_field_refuses_bulk_update_and_plain_filter_ac_11(db):
    # given
    staff = await make_staff("a@perisai.example")
    # when / then: no row to bind a ciphertext to, so no plaintext can reach the database
    with pytest.raises(SecretConfigurationError):
        await Staff.filter(id=staff.id).update(phone="0812")
    with pytest.raises(SecretConfigurationError):
        await Staff.filter(phone=PHONE)
    assert reveal(await Staff.get(id=staff.id), "phone") == PHONE


async def test_blind_index_finds_a_phone_however_written(db):
    # given
    staff = await make_staff("a@perisai.example")
    # when
    found = await Staff.filter(phone_index=lookup_index(Staff, "phone", "+62 812 9999 0001")).first()
    missing = await Staff.filter(phone_index=lookup_index(Staff, "phone", "0812 9999 0002")).first()
    # then
    assert found is not None and found.id == staff.id
    assert missing is None
    assert PHONE not in repr(await raw_rows("staff"))


async def test_key_rotation_keeps_old_rows_readable_q_s4(db):
    # given: a row sealed under the old key
    old_ring = get_keyring()
    staff = await make_staff("a@perisai.example")
    # when: a new active key arrives and the old one is retired
    configure_keyring(
        KeyRing(active=os.urandom(32), index_key=old_ring.index_key, retired=(old_ring.active,))
    )
    try:
        loaded = await Staff.get(id=staff.id)
        newer = await make_staff("b@perisai.example")
        # then
        assert reveal(loaded, "phone") == PHONE
        assert reveal(await Staff.get(id=newer.id), "phone") == PHONE
        # and without the retired key the old row is refused, not garbled
        configure_keyring(KeyRing(active=get_keyring().active, index_key=old_ring.index_key))
        with pytest.raises(SecretConfigurationError):
            reveal(loaded, "phone")
    finally:
        configure_keyring(old_ring)
