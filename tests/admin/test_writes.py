"""Admin writes: defaults kept, nulls kept, workflow columns kept, secrets never shown (AC-11, AC-15)."""

from __future__ import annotations

from models.audit import AuditEntry
from models.cases import Case, Protectee
from models.numbering import NumberSequence
from models.organisation import Unit
from models.secrets import reveal
from tests.accounts.factories import make_unit
from tests.admin.conftest import grant, open_panel, regional_administrator, system_admin

UNIT = {"code": "BIRO-BARU", "name": "Biro Baru", "kind": "bureau", "function": "other"}


async def test_create_restores_defaults_of_omitted_fields_and_keeps_nulls(policies):
    # given
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when: only the required fields, as a client other than the form may send
        response = await panel.post("/admin/api/tables/units/", UNIT)
        explicit = await panel.post(
            "/admin/api/tables/units/", {**UNIT, "code": "BIRO-DUA", "region": None, "active": None}
        )
    # then: the model's defaults, not NULL and not Piccolo's inventions ('' or 0)
    assert response.status_code == explicit.status_code == 201
    unit = await Unit.get(code="BIRO-BARU")
    assert unit.active is True and unit.is_administrative is False
    assert unit.region is None and unit.parent_id is None  # type: ignore[attr-defined]
    assert unit.created_at is not None and unit.updated_at is not None
    second = await Unit.get(code="BIRO-DUA")
    assert second.region is None and second.active is True


async def test_create_unit_refreshes_the_unit_tree_ac_5(policies):
    # given
    from authz import units

    await system_admin()
    parent = await make_unit()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        await panel.post("/admin/api/tables/units/", {**UNIT, "parent_id": str(parent.id)})
    # then: subtree scopes see the new unit at once
    child = await Unit.get(code="BIRO-BARU")
    assert child.id in units.descendants({parent.id})


async def test_edit_workflow_state_is_refused_ac_15(policies):
    # given
    account = await regional_administrator("kp@perisai.example", "Bali")
    await grant("position:administrator", "admin_panel", "read", "all")
    case = await Case.create(
        code="KASUS-1", crime_type="terrorism", incident_summary="Awal", owning_unit_id=account.staff.unit_id
    )
    async with open_panel(policies) as panel:
        await panel.sign_in("kp@perisai.example")
        # when: the state changed by hand, then the whole form sent back unchanged
        state = await panel.patch(f"/admin/api/tables/cases/{case.id}/", {"status": "closed"})
        form = await panel.patch(
            f"/admin/api/tables/cases/{case.id}/",
            {"status": "open", "incident_summary": "Lengkap", "created_at": "2020-01-01T00:00:00Z"},
        )
        create = await panel.post(
            "/admin/api/tables/cases/",
            {
                "code": "KASUS-2",
                "crime_type": "torture",
                "incident_summary": "x",
                "status": "closed",
                "owning_unit_id": str(account.staff.unit_id),
            },
        )
    # then
    assert state.status_code == 422
    [problem] = state.json()["detail"]
    assert problem["loc"] == ["body", "status"]
    assert problem["msg"] == (
        "Kolom 'Status' dikelola alur kerja dan hanya berubah melalui langkah alur kerjanya. (aturan AC-15)"
    )
    assert form.status_code == 200
    stored = await Case.get(id=case.id)
    assert stored.status == "open" and stored.incident_summary == "Lengkap"
    assert stored.created_at.year != 2020
    assert create.status_code == 422 and not await Case.filter(code="KASUS-2").exists()


async def test_read_only_tables_refuse_every_write_ac_15(policies):
    # given: even a system administrator, who manages number series, writes them only through workflows
    await system_admin()
    sequence = await NumberSequence.create(series="ST", issuer="LPSK", year=2026, last_number=41)
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        edit = await panel.patch(f"/admin/api/tables/number_sequences/{sequence.id}/", {"last_number": 40})
        create = await panel.post(
            "/admin/api/tables/number_sequences/", {"series": "ST", "issuer": "X", "year": 2026}
        )
        rows = await panel.rows("number_sequences")
    # then
    assert edit.status_code == create.status_code == 405
    assert edit.json()["detail"].startswith("Data Urutan Penomoran hanya dapat dibaca di panel admin")
    assert (await NumberSequence.get(id=sequence.id)).last_number == 41
    assert [r["last_number"] for r in rows] == [41]


async def test_secret_name_shown_only_masked_and_never_written_ac_11(policies):
    # given: a protectee of the regional office's case
    account = await regional_administrator("kp@perisai.example", "Papua")
    await grant("position:administrator", "admin_panel", "read", "all")
    case = await Case.create(
        code="KASUS-1", crime_type="terrorism", incident_summary="x", owning_unit_id=account.staff.unit_id
    )
    protectee = await Protectee.create(code="TL-1", case=case, role="witness", full_name="Siti Aminah")
    async with open_panel(policies) as panel:
        await panel.sign_in("kp@perisai.example")
        # when
        listed = await panel.get("/admin/api/tables/protectees/")
        exported = await panel.get(
            "/admin/api/tables/protectees/", __visible_fields="code,full_name_masked", __readable="true"
        )
        single = await panel.get(f"/admin/api/tables/protectees/{protectee.id}/")
        schema = (await panel.get("/admin/api/tables/protectees/schema/")).json()
        edit = await panel.patch(
            f"/admin/api/tables/protectees/{protectee.id}/", {"full_name_masked": "Budi", "language": "Bugis"}
        )
    # then: 'S***h' in lists, exports and the form; the clear name and its ciphertext nowhere
    assert listed.json()["rows"][0]["full_name_masked"] == "S***h"
    assert exported.json()["rows"] == [{"id": str(protectee.id), "code": "TL-1", "full_name_masked": "S***h"}]
    assert single.json()["full_name_masked"] == "S***h"
    for answer in (listed, exported, single):
        assert "Siti" not in answer.text and "v1." not in answer.text and 'full_name"' not in answer.text
    assert schema["properties"]["full_name_masked"]["title"] == "Nama (disamarkan)"
    assert "full_name_masked" in schema["extra"]["visible_column_names"]
    assert edit.status_code == 200
    stored = await Protectee.get(id=protectee.id)
    assert reveal(stored, "full_name") == "Siti Aminah" and stored.language == "Bugis"
    entry = await AuditEntry.get(action="admin.protectees.update")
    assert entry.changes == {"language": [None, "Bugis"]}
