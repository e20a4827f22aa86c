"""The generated read API: lookup, keyset pages, filters, masking, and bad input."""

from __future__ import annotations

import base64
import uuid

from authz.principal import SYSTEM, Principal, PrincipalKind
from models.organisation import Position, Staff, Unit, UnitFunction, UnitKind
from tests.client import error_codes, execute

UNIT = """
query Unit($id: ID!) { unit(id: $id) { id code name kind parent { code } unitsChildren { code } } }
"""
UNITS = """
query Units($first: Int!, $after: String, $filter: UnitFilter, $orderBy: UnitOrderField!, $direction: SortDirection!) {
  units(first: $first, after: $after, filter: $filter, orderBy: $orderBy, direction: $direction) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { code } }
  }
}
"""
STAFF_BY_PHONE = """
query StaffByPhone($phone: String!) {
  staffList(filter: {phone: $phone}) { totalCount nodes { email phone phoneMasked } }
}
"""
DEEP = "query { units { nodes { parent { parent { parent { parent { parent { parent { parent { parent { parent { code } } } } } } } } } } } }"


async def make_units(count: int) -> list[Unit]:
    top = await Unit.create(
        code="TOP", name="Unit Puncak", kind=UnitKind.LEADERSHIP, function=UnitFunction.LEADERSHIP
    )
    units = [top]
    for i in range(count - 1):
        units.append(
            await Unit.create(
                code=f"U-{i:03d}",
                name=f"Unit Fiktif {i}",
                kind=UnitKind.BUREAU,
                function=UnitFunction.OTHER,
                parent=top,
            )
        )
    return units


def page_vars(first: int, after: str | None = None, order: str = "CODE", direction: str = "ASC", **extra):
    return {"first": first, "after": after, "orderBy": order, "direction": direction, **extra}


async def test_unit_lookup_returns_relations(db):
    # given
    units = await make_units(3)
    # when
    result = await execute(UNIT, {"id": str(units[1].id)}, as_=SYSTEM)
    # then
    assert result.errors is None
    assert result.data["unit"]["parent"] == {"code": "TOP"}
    top = await execute(UNIT, {"id": str(units[0].id)}, as_=SYSTEM)
    assert sorted(c["code"] for c in top.data["unit"]["unitsChildren"]) == ["U-000", "U-001"]


async def test_unit_lookup_unknown_id_is_not_found(db):
    # when
    result = await execute(UNIT, {"id": str(uuid.uuid4())}, as_=SYSTEM)
    # then
    assert result.data == {"unit": None}
    assert error_codes(result) == ["NOT_FOUND"]
    assert "tidak ditemukan" in result.errors[0].message


async def test_unit_lookup_malformed_id_is_validation_naming_id(db):
    # when
    result = await execute(UNIT, {"id": "1 OR 1=1"}, as_=SYSTEM)
    # then
    assert error_codes(result) == ["VALIDATION"]
    assert result.errors[0].extensions["field"] == "id"


async def test_units_pages_walk_every_row_once_both_directions(db):
    # given
    await make_units(25)
    for direction in ("ASC", "DESC"):
        seen: list[str] = []
        after = None
        # when
        while True:
            result = await execute(UNITS, page_vars(10, after, direction=direction), as_=SYSTEM)
            assert result.errors is None
            page = result.data["units"]
            seen += [e["node"]["code"] for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        # then
        assert page["totalCount"] == 25
        assert seen == sorted(seen, reverse=direction == "DESC") and len(set(seen)) == 25


async def test_units_filter_and_count_agree(db):
    # given
    await make_units(5)
    # when
    result = await execute(UNITS, page_vars(2, filter={"kind": "BUREAU"}), as_=SYSTEM)
    # then
    assert result.data["units"]["totalCount"] == 4
    assert len(result.data["units"]["edges"]) == 2


async def test_units_page_size_over_100_is_validation_naming_first(db):
    # when
    result = await execute(UNITS, page_vars(101), as_=SYSTEM)
    # then
    assert error_codes(result) == ["VALIDATION"]
    assert result.errors[0].extensions["field"] == "first"


async def test_units_malformed_cursor_is_validation_naming_after(db):
    # given
    await make_units(2)
    foreign = base64.urlsafe_b64encode(b'["created_at","x","y"]').decode()
    for cursor in ("not-a-cursor", foreign, "A" * 2000):
        # when
        result = await execute(UNITS, page_vars(5, cursor), as_=SYSTEM)
        # then
        assert error_codes(result) == ["VALIDATION"], cursor
        assert result.errors[0].extensions["field"] == "after"


async def test_units_filter_bad_id_is_validation(db):
    # when
    result = await execute(UNITS, page_vars(5, filter={"parentId": "nope"}), as_=SYSTEM)
    # then
    assert error_codes(result) == ["VALIDATION"]
    assert result.errors[0].extensions["field"] == "filter.parentId"


async def test_staff_list_filters_by_phone_through_blind_index_and_masks_it_ac_11(policies):
    # given
    await Staff.create(
        employee_number="1",
        full_name="Pegawai Satu",
        email="satu@perisai.example",
        phone="081234567890",
        position=Position.EXECUTOR,
    )
    await Staff.create(
        employee_number="2",
        full_name="Pegawai Dua",
        email="dua@perisai.example",
        phone="081200000000",
        position=Position.EXECUTOR,
    )
    # when
    colleague = Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position=Position.EXECUTOR)
    result = await execute(STAFF_BY_PHONE, {"phone": "+62 812-3456-7890"}, as_=colleague)
    # then
    assert result.errors is None
    assert result.data["staffList"]["totalCount"] == 1
    node = result.data["staffList"]["nodes"][0]
    assert node == {"email": "satu@perisai.example", "phone": None, "phoneMasked": "0***0"}


async def test_query_too_deep_is_refused_q_s1(db):
    # when
    result = await execute(DEEP, as_=SYSTEM)
    # then
    assert result.data is None
    assert error_codes(result) == ["VALIDATION"]
    assert "depth" in result.errors[0].message


async def test_unexpected_error_is_masked_with_request_id_q_s2(db, monkeypatch):
    # given: a failure whose text would leak SQL and data
    from schema import pagination

    async def boom(*args, **kwargs):
        raise RuntimeError('SELECT "phone" FROM staff WHERE nik = 3201010101010001')

    monkeypatch.setattr("schema.registry.paginate", boom)
    # when
    result = await execute(UNITS, page_vars(5), language="en", as_=SYSTEM)
    # then
    assert error_codes(result) == ["INTERNAL"]
    text = str(result.errors[0].formatted)
    assert "SELECT" not in text and "3201" not in text and "Traceback" not in text
    assert result.errors[0].extensions["requestId"] in result.errors[0].message
    assert pagination.MAX_PAGE_SIZE == 100
