"""The cached unit tree: ancestry and subtrees for AC-5, also as the Casbin function unitWithin."""

from __future__ import annotations

import uuid

import casbin

from authz import enforcer, units
from models.organisation import Unit, UnitFunction, UnitKind


async def make_unit(code: str, parent: Unit | None = None) -> Unit:
    return await Unit.create(
        code=code, name=code, kind=UnitKind.BUREAU, function=UnitFunction.OTHER, parent=parent
    )


async def three_levels() -> dict[str, Unit]:
    """SETJEN → (BIRO-A → SUB-A1, SUB-A2), (BIRO-B)."""
    top = await make_unit("SETJEN")
    a = await make_unit("BIRO-A", top)
    b = await make_unit("BIRO-B", top)
    a1 = await make_unit("SUB-A1", a)
    a2 = await make_unit("SUB-A2", a)
    await units.refresh_unit_tree()
    return {"top": top, "a": a, "b": b, "a1": a1, "a2": a2}


async def test_descendants_of_a_head_are_the_unit_and_all_below_ac_5(fresh_enforcer):
    # given
    tree = await three_levels()
    # when
    below_a = units.descendants({tree["a"].id})
    below_top = units.descendants({tree["top"].id})
    # then
    assert below_a == {tree["a"].id, tree["a1"].id, tree["a2"].id}
    assert below_top == {u.id for u in tree.values()}
    assert units.descendants({tree["a1"].id}) == {tree["a1"].id}
    assert units.descendants(set()) == frozenset()


async def test_is_within_follows_the_tree_upwards_only_ac_5(fresh_enforcer):
    # given
    tree = await three_levels()
    # when / then
    assert units.is_within(tree["a1"].id, tree["top"].id)
    assert units.is_within(tree["a1"].id, tree["a"].id)
    assert units.is_within(tree["a"].id, tree["a"].id)
    assert not units.is_within(tree["a1"].id, tree["b"].id)
    assert not units.is_within(tree["top"].id, tree["a"].id)
    assert not units.is_within(None, tree["a"].id)


async def test_unit_tree_refresh_sees_a_moved_unit_ac_5(fresh_enforcer):
    # given
    tree = await three_levels()
    sub = tree["a1"]
    # when: SUB-A1 moves under BIRO-B
    sub.parent = tree["b"]
    await sub.save()
    before = units.is_within(sub.id, tree["b"].id)
    await enforcer.reload()
    # then
    assert before is False
    assert units.is_within(sub.id, tree["b"].id) and not units.is_within(sub.id, tree["a"].id)


async def test_unit_tree_cycle_in_bad_data_does_not_hang(db):
    # given
    a, b = uuid.uuid4(), uuid.uuid4()
    units.load_tree([(a, b), (b, a)])
    try:
        # when / then
        assert units.descendants({a}) == {a, b}
        assert not units.is_within(a, uuid.uuid4())
    finally:
        units.load_tree(())


async def test_unit_within_is_a_casbin_function_of_the_enforcer_ac_5(fresh_enforcer):
    # given
    tree = await three_levels()
    e = await enforcer.get_enforcer()
    unit_within = e.fm.get_functions()["unitWithin"]
    # when / then
    assert unit_within(str(tree["a2"].id), str(tree["top"].id)) is True
    assert unit_within(str(tree["a2"].id), str(tree["b"].id)) is False
    assert unit_within("not-a-uuid", str(tree["top"].id)) is False


async def test_unit_within_decides_in_an_object_level_matcher_ac_5(fresh_enforcer):
    # given: a matcher that grants a head the records of units within theirs
    tree = await three_levels()
    model = casbin.AsyncEnforcer.new_model(
        text="""
[request_definition]
r = sub, unit, act
[policy_definition]
p = sub, unit, act
[policy_effect]
e = some(where (p.eft == allow))
[matchers]
m = r.sub == p.sub && unitWithin(r.unit, p.unit) && r.act == p.act
"""
    )
    e = casbin.AsyncEnforcer(model)
    e.add_function("unitWithin", units.unit_within)
    e.model.add_policy("p", "p", ["head-a", str(tree["a"].id), "read"])
    # when / then
    assert e.enforce("head-a", str(tree["a1"].id), "read")
    assert not e.enforce("head-a", str(tree["b"].id), "read")
