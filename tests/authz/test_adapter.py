"""The Casbin adapter over policy_rules: every change made through the enforcer is in the table (AC-4)."""

from __future__ import annotations

from authz import enforcer
from authz.adapter import PolicyRuleAdapter, stored_lines
from models.policies import PolicyRule

LINE = ["position:executor", "cases", "read", "own"]


async def test_adapter_add_policy_is_stored_and_loaded_by_a_new_enforcer_ac_4(fresh_enforcer):
    # given
    first = await enforcer.get_enforcer()
    # when
    added = await first.add_policy(*LINE)
    enforcer.reset()
    second = await enforcer.get_enforcer()
    # then
    assert added is True
    assert ("p", *LINE) in await stored_lines()
    assert second is not first and second.has_policy(*LINE)


async def test_adapter_remove_policy_deletes_the_row_ac_4(fresh_enforcer):
    # given
    e = await enforcer.get_enforcer()
    await e.add_policy(*LINE)
    await e.add_policy("position:executor", "cases", "update", "own")
    # when
    await e.remove_policy(*LINE)
    # then
    assert await stored_lines() == {("p", "position:executor", "cases", "update", "own")}


async def test_adapter_add_policies_and_remove_filtered_policy_ac_4(fresh_enforcer):
    # given
    e = await enforcer.get_enforcer()
    await e.add_policies(
        [
            ["position:expert", "teams", "read", "team"],
            ["position:expert", "coordination_notes", "create", "team"],
            ["position:leader", "cases", "read", "all"],
        ]
    )
    await e.add_grouping_policy("position:administrator", "position:unit_head")
    # when: every expert line goes, whatever its resource
    await e.remove_filtered_policy(0, "position:expert")
    # then
    assert await stored_lines() == {
        ("p", "position:leader", "cases", "read", "all"),
        ("g", "position:administrator", "position:unit_head"),
    }
    assert e.get_policy() == [["position:leader", "cases", "read", "all"]]


async def test_adapter_remove_filtered_policy_on_a_later_field_keeps_others_ac_4(fresh_enforcer):
    # given
    e = await enforcer.get_enforcer()
    await e.add_policies([["staff", "cases", "read", "own"], ["staff", "cases", "update", "own"]])
    # when: field 2 (action) = update, with an empty value meaning "any" before it
    await e.remove_filtered_policy(1, "", "update")
    # then
    assert await stored_lines() == {("p", "staff", "cases", "read", "own")}


async def test_adapter_add_line_already_stored_elsewhere_is_not_an_error_ac_4(fresh_enforcer):
    # given: another process stored the line after this one loaded
    e = await enforcer.get_enforcer()
    await PolicyRule.create(ptype="p", v0=LINE[0], v1=LINE[1], v2=LINE[2], v3=LINE[3])
    # when
    added = await e.add_policy(*LINE)
    # then
    assert added is True
    assert await PolicyRule.filter(ptype="p").count() == 1


async def test_adapter_save_policy_replaces_the_table_ac_4(fresh_enforcer):
    # given
    await PolicyRule.create(ptype="p", v0="stale", v1="cases", v2="read", v3="all")
    e = await enforcer.get_enforcer()
    e.model.clear_policy()
    e.model.add_policy("p", "p", LINE)
    # when
    await e.save_policy()
    # then
    assert await stored_lines() == {("p", *LINE)}


async def test_adapter_store_missing_counts_only_new_lines_ac_4(fresh_enforcer):
    # given
    lines = [("p", LINE), ("g", ["position:administrator", "position:unit_head"])]
    # when
    first = await PolicyRuleAdapter.store_missing(lines)
    second = await PolicyRuleAdapter.store_missing(lines)
    # then
    assert (first, second) == (2, 0)
    assert await PolicyRule.all().count() == 2
