"""Audit diffs carry before/after of non-secret fields only (AC-13, AC-11)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal

from tortoise import connections

from models.accounts import OneTimeCode, StaffAccount
from models.base import lookup_index
from models.cases import Case, CaseStatus, Protectee, ProtecteeRole, ProtecteeStatus
from models.secrets import Sealed
from tests.audit.helpers import OFFICER, make_case
from workflows import audit

FULL_NAME = "Siti Aminah Rahmawati"
NIK = "3171234567890123"
NEW_NIK = "3171000011112222"


async def make_protectee(case: Case) -> Protectee:
    return await Protectee.create(
        code=f"TL-{uuid.uuid4().hex[:8]}",
        case=case,
        role=ProtecteeRole.WITNESS,
        full_name=FULL_NAME,
        nik=NIK,
    )


def assert_no_secret(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text


async def test_diff_of_new_protectee_never_contains_a_secret_ac_13(db):
    # given
    case = await make_case()
    protectee = Protectee(
        code="TL-2026-0001", case=case, role=ProtecteeRole.WITNESS, full_name=FULL_NAME, nik=NIK
    )
    # when
    changes = audit.diff(None, protectee, model=Protectee)
    # then
    text = json.dumps(changes)
    assert_no_secret(text, FULL_NAME, "Siti", NIK, "3171", lookup_index(Protectee, "nik", NIK))
    assert changes["secret_fields_changed"] == ["full_name", "nik", "nik_index"]
    assert changes["code"] == [None, "TL-2026-0001"]
    assert changes["role"] == [None, "witness"] and changes["case_id"] == [None, str(case.id)]
    assert "updated_at" not in changes and "full_name" not in changes and "nik_index" not in changes


async def test_diff_of_changed_protectee_names_secret_fields_only_ac_13(db):
    # given
    protectee = await Protectee.get(id=(await make_protectee(await make_case())).id)
    stored = protectee.nik
    before = audit.snapshot(protectee)
    # when
    protectee.nik = NEW_NIK
    protectee.status = ProtecteeStatus.PROTECTED
    changes = audit.diff(before, protectee, model=Protectee)
    # then
    text = json.dumps(changes)
    assert isinstance(stored, Sealed)
    assert_no_secret(text, NIK, NEW_NIK, stored.token, lookup_index(Protectee, "nik", NEW_NIK))
    assert_no_secret(text, lookup_index(Protectee, "nik", NIK))
    assert changes == {
        "status": ["applicant", "protected"],
        "secret_fields_changed": ["nik", "nik_index"],
    }


async def test_diff_recorded_stores_no_secret_in_the_trail_ac_13(db):
    # given
    protectee = await make_protectee(await make_case())
    # when
    await audit.record(
        "protectee.create",
        principal=OFFICER,
        subject_type="Protectee",
        subject_id=protectee.id,
        changes=audit.diff(None, protectee, model=Protectee),
    )
    # then
    rows = await connections.get("default").execute_query_dict('SELECT * FROM "audit_entries"')
    assert_no_secret(repr(rows), FULL_NAME, NIK, lookup_index(Protectee, "nik", NIK), "v1.")
    assert (await audit.verify()).ok


def test_diff_fields_named_like_secrets_are_only_named_ac_13():
    # when
    account = audit.diff(
        {"password_hash": "$argon2id$old", "is_system_admin": False},
        {"password_hash": "$argon2id$new", "is_system_admin": True},
        model=StaffAccount,
    )
    code = audit.diff(
        None, {"phone_index": "ab" * 32, "code_hash": "cd" * 32, "salt": "ef" * 16}, model=OneTimeCode
    )
    # then
    assert account == {"is_system_admin": [False, True], "secret_fields_changed": ["password_hash"]}
    assert code == {"secret_fields_changed": ["phone_index", "code_hash", "salt"]}


def test_diff_leaves_unchanged_fields_out_and_values_json_safe_ac_13():
    # given
    closed = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    unit_id = uuid.uuid4()
    # when
    changes = audit.diff(
        {"status": CaseStatus.OPEN, "incident_date": None, "closed_at": None, "owning_unit_id": unit_id},
        {
            "status": CaseStatus.CLOSED,
            "incident_date": dt.date(2026, 1, 31),
            "closed_at": closed,
            "owning_unit_id": unit_id,
        },
        model=Case,
    )
    # then
    assert changes == {
        "status": ["open", "closed"],
        "incident_date": [None, "2026-01-31"],
        "closed_at": [None, "2026-03-02T02:00:00.000000+00:00"],
    }
    assert json.loads(json.dumps(changes)) == changes


def test_json_safe_turns_decimals_and_enums_into_text_ac_13():
    # then
    assert audit.json_safe({"budget": Decimal("1500000.50"), "ids": (uuid.UUID(int=1),)}) == {
        "budget": "1500000.50",
        "ids": ["00000000-0000-0000-0000-000000000001"],
    }
    assert audit.json_safe(CaseStatus.OPEN) == "open" and audit.json_safe(2.0) == 2
