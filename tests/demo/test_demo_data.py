"""The demo data set: the organisation of ORG-1, varied stages, secrets sealed, idempotent."""

from __future__ import annotations

from tortoise import Tortoise, connections

from models.cases import Case
from models.organisation import (
    Agency,
    LeadershipPortfolio,
    PortfolioHolding,
    Position,
    Staff,
    Unit,
    UnitFunction,
)
from models.programs import ProtectionProgram
from models.safe_houses import SafeHouse
from models.secrets import EncryptedField
from server.demo.runner import load_demo_data


def quiet(_: str) -> None:
    return None


async def test_demo_data_builds_the_organisation_of_org_1(db):
    # when
    assert await load_demo_data(quiet)
    # then
    leaders = await Staff.filter(position=Position.LEADER)
    assert len(leaders) == 7 and sum(1 for s in leaders if s.is_chair) == 1
    assert await Staff.filter(position=Position.SECRETARY_GENERAL).count() == 1
    functions = {u.function for u in await Unit.all()}
    assert {
        UnitFunction.APPLICATION_REVIEW,
        UnitFunction.RIGHTS_FULFILMENT,
        UnitFunction.OVERSIGHT,
        UnitFunction.GENERAL_AFFAIRS_HR,
        UnitFunction.LEGAL_COOPERATION_PR,
    } <= functions
    assert await Unit.filter(function=UnitFunction.REGIONAL).count() >= 3
    assert await Unit.filter(is_administrative=True).count() == 2
    assert 55 <= await Staff.filter(agency_id=None).count() <= 75
    kinds = {a.kind.value for a in await Agency.all()}
    assert {
        "police",
        "prosecutor",
        "court",
        "hospital",
        "district_social_service",
        "uptd_ppa",
        "puspaga",
    } <= kinds
    rights = await LeadershipPortfolio.get(code="rights_fulfilment")
    assert await PortfolioHolding.filter(portfolio=rights).count() >= 2  # SH-4 / EMG-1 need two


async def test_demo_data_has_cases_at_varied_stages_and_five_houses(db):
    # when
    await load_demo_data(quiet)
    # then
    assert await Case.all().count() == 30
    assert await SafeHouse.all().count() == 5
    statuses = {p.status for p in await ProtectionProgram.all()}
    assert len(statuses) >= 4


async def test_demo_data_stores_no_secret_in_clear_ac_11(db):
    # given
    await load_demo_data(quiet)
    conn = connections.get("default")
    # when
    unsealed = []
    for model in Tortoise.apps["models"].values():
        for name, field in model._meta.fields_map.items():
            if isinstance(field, EncryptedField):
                column = field.source_field or name
                rows = await conn.execute_query_dict(f'SELECT "{column}" AS v FROM "{model._meta.db_table}"')
                unsealed += [
                    (model.__name__, name)
                    for r in rows
                    if r["v"] is not None and not r["v"].startswith("v1.")
                ]
    # then
    assert unsealed == []
    names = [s.full_name for s in await Staff.all()]  # staff names are not secret: proves the dump is real
    dump = repr(await conn.execute_query_dict('SELECT * FROM "protectees"'))
    assert names and "Saksi" not in dump and "Jl." not in dump


async def test_demo_data_second_run_changes_nothing(db):
    # given
    await load_demo_data(quiet)
    before = await Staff.all().count(), await Case.all().count()
    # when
    loaded_again = await load_demo_data(quiet)
    # then
    assert loaded_again is False
    assert (await Staff.all().count(), await Case.all().count()) == before
