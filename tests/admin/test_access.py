"""Casbin in every admin read and write: actions per table, rows per scope, refusals in Indonesian
(AC-4, AC-5, AC-12, AC-13)."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any

from models.audit import AuditEntry
from models.cases import Case
from models.organisation import Agency, Staff, Unit
from tests.accounts.factories import make_agency, make_unit
from tests.admin.conftest import grant, hr_officer, open_panel, regional_administrator, system_admin

FORBIDDEN_UPDATE_UNITS = "Anda tidak berwenang mengubah data Unit Kerja. (aturan AC-4)"
OUT_OF_SCOPE = "Data ini berada di luar unit kewenangan Anda. (aturan AC-5)"


async def make_case(code: str, unit: Unit) -> Case:
    return await Case.create(
        code=code, crime_type="terrorism", incident_summary="Ringkasan", owning_unit=unit
    )


@asynccontextmanager
async def regional_panel(db: Any) -> Any:
    """Makassar's Administrator in the panel (let in by one policy line), with a case of Makassar
    and one of Medan."""
    makassar = await regional_administrator("kp.makassar@perisai.example", "Sulawesi Selatan")
    medan = await regional_administrator("kp.medan@perisai.example", "Sumatera Utara")
    own = await make_case("KASUS-MKS-1", await Unit.get(id=makassar.staff.unit_id))
    hidden = await make_case("KASUS-MDN-1", await Unit.get(id=medan.staff.unit_id))
    await grant("position:administrator", "admin_panel", "read", "all")
    async with open_panel(db) as panel:
        assert (await panel.sign_in("kp.makassar@perisai.example")).status_code == 200
        yield panel, own, hidden


async def test_admin_list_shows_only_rows_within_scope_ac_12(policies):
    async with regional_panel(policies) as (panel, own, _hidden):
        # when
        rows = await panel.rows("cases")
        count = await panel.count("cases")
        searched = await panel.rows("cases", code="KASUS-MDN")
        picker = (await panel.get("/admin/api/tables/cases/ids/", search="KASUS")).json()
        export = await panel.rows("cases", __visible_fields="code,owning_unit_id", __readable="true")
    # then: the hidden row is neither listed, counted, found, picked nor exported
    assert [r["code"] for r in rows] == ["KASUS-MKS-1"]
    assert count == 1 and searched == []
    assert set(picker) == {str(own.id)}
    assert [r["code"] for r in export] == ["KASUS-MKS-1"]


async def test_admin_read_by_id_outside_scope_is_not_found_ac_12(policies):
    async with regional_panel(policies) as (panel, own, hidden):
        # when
        mine = await panel.get(f"/admin/api/tables/cases/{own.id}/")
        other = await panel.get(f"/admin/api/tables/cases/{hidden.id}/")
        unknown = await panel.get("/admin/api/tables/cases/00000000-0000-4000-8000-000000000000/")
    # then: a hidden row answers exactly like a row that does not exist
    assert mine.status_code == 200 and mine.json()["code"] == "KASUS-MKS-1"
    assert other.status_code == unknown.status_code == 404
    assert other.text == unknown.text


async def test_admin_write_outside_scope_changes_nothing_ac_5(policies):
    async with regional_panel(policies) as (panel, _own, hidden):
        # when
        edit = await panel.patch(f"/admin/api/tables/cases/{hidden.id}/", {"incident_summary": "Diubah"})
        delete = await panel.delete(f"/admin/api/tables/cases/{hidden.id}/")
    # then
    assert edit.status_code == delete.status_code == 404
    assert (await Case.get(id=hidden.id)).incident_summary == "Ringkasan"


async def test_admin_edit_within_scope_is_saved_and_audited_ac_13(policies):
    async with regional_panel(policies) as (panel, own, _hidden):
        # when
        response = await panel.patch(f"/admin/api/tables/cases/{own.id}/", {"incident_summary": "Diperbarui"})
    # then: the change is audited like an API write — who, what, which row, before/after
    assert response.status_code == 200
    assert (await Case.get(id=own.id)).incident_summary == "Diperbarui"
    entry = await AuditEntry.get(action="admin.cases.update")
    staff = await Staff.get(email="kp.makassar@perisai.example")
    assert entry.outcome == "ok" and entry.subject_type == "Case" and entry.subject_id == own.id
    assert entry.principal_ref == str(staff.id) and entry.request_id
    assert entry.changes["incident_summary"] == ["Ringkasan", "Diperbarui"]


async def test_admin_move_out_of_scope_is_rolled_back_ac_5(policies):
    async with regional_panel(policies) as (panel, own, hidden):
        # when: the own case handed to Medan's office
        medan = str(hidden.owning_unit_id)  # type: ignore[attr-defined]
        response = await panel.patch(f"/admin/api/tables/cases/{own.id}/", {"owning_unit_id": medan})
    # then
    assert response.status_code == 405 and response.json()["detail"] == OUT_OF_SCOPE
    assert str((await Case.get(id=own.id)).owning_unit_id) != medan  # type: ignore[attr-defined]
    assert await AuditEntry.filter(action="cases.update", outcome="refused").exists()
    assert not await AuditEntry.filter(action="admin.cases.update").exists()


async def test_admin_create_outside_scope_is_rolled_back_ac_5(policies):
    async with regional_panel(policies) as (panel, own, hidden):
        body = {"code": "KASUS-X", "crime_type": "trafficking", "incident_summary": "Baru"}
        # when
        elsewhere = await panel.post(
            "/admin/api/tables/cases/", {**body, "owning_unit_id": str(hidden.owning_unit_id)}
        )
        at_home = await panel.post(
            "/admin/api/tables/cases/", {**body, "code": "KASUS-Y", "owning_unit_id": str(own.owning_unit_id)}
        )
    # then
    assert elsewhere.status_code == 405 and elsewhere.json()["detail"] == OUT_OF_SCOPE
    assert not await Case.filter(code="KASUS-X").exists()
    assert at_home.status_code == 201
    created = await Case.get(code="KASUS-Y")
    assert created.status == "open"  # the workflow's initial state, restored
    assert await AuditEntry.filter(action="admin.cases.create", subject_id=created.id).exists()


async def test_admin_action_not_granted_is_refused_in_indonesian_ac_4(policies):
    # given: HR keeps staff records, not the unit tree
    await hr_officer()
    unit = await make_unit()
    async with open_panel(policies) as panel:
        await panel.sign_in("hr@perisai.example")
        # when
        edit = await panel.patch(f"/admin/api/tables/units/{unit.id}/", {"name": "Nama Baru"})
        create = await panel.post(
            "/admin/api/tables/staff/",
            {
                "employee_number": "E-77",
                "full_name": "Pegawai Baru",
                "email": "baru@perisai.example",
                "position": "executor",
            },
        )
        created = await Staff.get(email="baru@perisai.example")
        delete = await panel.delete(f"/admin/api/tables/staff/{created.id}/")
    # then
    assert edit.status_code == 405 and edit.json()["detail"] == FORBIDDEN_UPDATE_UNITS
    assert (await Unit.get(id=unit.id)).name != "Nama Baru"
    assert create.status_code == 201
    assert delete.status_code == 405 and "menghapus data Pegawai" in delete.json()["detail"]
    assert await Staff.filter(id=created.id).exists()
    assert await AuditEntry.filter(action="units.update", outcome="refused").exists()


async def test_admin_refusal_in_english_when_chosen_ac_4(policies):
    # given
    await hr_officer()
    unit = await make_unit()
    async with open_panel(policies, language="en") as panel:
        await panel.sign_in("hr@perisai.example")
        # when
        edit = await panel.patch(f"/admin/api/tables/units/{unit.id}/", {"name": "Nama Baru"})
    # then
    assert edit.json()["detail"] == "You may not change Units records. (rule AC-4)"


async def test_admin_delete_with_manage_grant_is_audited_ac_4(policies):
    # given
    await system_admin()
    agency = await make_agency()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        response = await panel.delete(f"/admin/api/tables/agencies/{agency.id}/")
    # then
    assert response.status_code == 204
    assert not await Agency.filter(id=agency.id).exists()
    entry = await AuditEntry.get(action="admin.agencies.delete")
    assert entry.subject_id == agency.id and entry.changes["code"] == [agency.code, None]


async def test_admin_replace_whole_row_is_refused(policies):
    # given: PUT would skip the hooks; the UI never sends it
    await system_admin()
    unit = await make_unit()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        response = await panel.client.put(
            f"/admin/api/tables/units/{unit.id}/", json={"name": "X"}, headers=panel._headers()
        )
    # then
    assert response.status_code == 405


async def test_admin_without_session_reaches_nothing_ac_1(policies):
    # given
    unit = await make_unit()
    async with open_panel(policies) as panel:
        # when
        listed = await panel.get("/admin/api/tables/units/")
        edited = await panel.patch(f"/admin/api/tables/units/{unit.id}/", {"name": "X"})
    # then
    assert listed.status_code == edited.status_code == 401


async def test_admin_write_without_csrf_token_is_refused_q_s3(policies):
    # given
    await system_admin()
    unit = await make_unit()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        response = await panel.client.patch(f"/admin/api/tables/units/{unit.id}/", json={"name": "X"})
    # then
    assert response.status_code == 403
    assert (await Unit.get(id=unit.id)).name != "X"
