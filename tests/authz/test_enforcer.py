"""Decisions and scopes for representative principals under the default policy (AC-2 … AC-12)."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest

from authz import enforcer
from authz.default_policy import EVERY_RESOURCE
from authz.principal import SYSTEM, ActingPost
from models.policies import PolicyRule
from tests.authz.conftest import partner, reporter, staff

UNIT = uuid.uuid4()


# --- hierarchy (AC-5, AC-6) -----------------------------------------------------------------


async def test_scopes_unit_head_acts_on_the_subtree_of_cases_ac_5(defaults):
    # given
    head = staff("unit_head", unit_id=UNIT, headed_unit_ids=frozenset({UNIT}))
    # when
    granted = await enforcer.scopes(head, "cases", "read")
    # then
    assert "subtree" in granted
    assert await enforcer.scopes(head, "cases", "approve") == {"subtree"}


async def test_scopes_executor_reaches_only_own_cases_ac_5(defaults):
    # given
    executor = staff("executor", unit_id=UNIT)
    # when
    granted = await enforcer.scopes(executor, "cases", "read")
    # then
    assert granted == {"own"}
    assert not await enforcer.allowed(executor, "cases", "approve")


async def test_scopes_administrator_acts_like_a_unit_head_through_grouping_ac_5(defaults):
    # given: ORG-2, `g, position:administrator, position:unit_head`
    administrator = staff("administrator", headed_unit_ids=frozenset({UNIT}))
    # when / then
    assert await enforcer.scopes(administrator, "cases", "approve") == {"subtree"}


async def test_scopes_secretary_general_acts_on_the_secretariat_subtree_ac_5(defaults):
    # given
    secretary_general = staff("secretary_general", headed_unit_ids=frozenset({UNIT}))
    # when / then
    assert "subtree" in await enforcer.scopes(secretary_general, "assignment_letters", "approve")


async def test_scopes_acting_unit_head_gets_the_heads_scope_ac_6(defaults):
    # given: an executor acting as head of a unit
    acting = staff("executor", acting=(ActingPost(position="unit_head", unit_id=UNIT),))
    # when / then
    assert "subtree" in await enforcer.scopes(acting, "cases", "approve")


# --- oversight and administrators (AC-10, AC-4) ---------------------------------------------


async def test_allowed_executor_cannot_read_audit_entries_ac_10(defaults):
    # when / then
    assert not await enforcer.allowed(staff("executor"), "audit_entries", "read")


async def test_allowed_oversight_reads_audit_trails_but_not_identities_ac_10(defaults):
    # given
    auditor = staff("functional_official", unit_function="oversight")
    # when / then
    assert await enforcer.scopes(auditor, "audit_entries", "read") == {"all"}
    assert await enforcer.scopes(auditor, "workflow_histories", "read") >= {"all"}
    assert "none_identity" in await enforcer.scopes(auditor, "protectees", "read")
    assert not await enforcer.allowed(auditor, "secret_fields:protectees", "read")
    assert await enforcer.scopes(auditor, "staff_accounts", "read") == {"own"}  # credentials: own only


async def test_allowed_system_admin_manages_policies_but_reads_no_secret_field_ac_4(defaults):
    # given
    admin = staff("functional_official", is_system_admin=True)
    # when / then
    for resource in ("policy_rules", "staff_accounts", "partner_tokens", "units"):
        assert await enforcer.allowed(admin, resource, "manage"), resource
    assert "none_identity" in await enforcer.scopes(admin, "protectees", "read")
    for resource in EVERY_RESOURCE:  # at most what every staff member has: their own records
        assert await enforcer.scopes(admin, f"secret_fields:{resource}", "read") <= {"own"}, resource
    for resource in ("protectees", "family_members", "safe_houses", "companions", "documents"):
        assert not await enforcer.allowed(admin, f"secret_fields:{resource}", "read"), resource


async def test_scopes_system_admin_on_a_case_team_sees_that_teams_identities_ac_4(defaults):
    # given: separation of duties gives way to a case role only
    admin = staff("functional_official", is_system_admin=True, team_ids=frozenset({uuid.uuid4()}))
    # when / then
    assert await enforcer.scopes(admin, "secret_fields:protectees", "read") == {"team"}


async def test_allowed_non_admin_cannot_change_policies_ac_4(defaults):
    # when / then
    assert not await enforcer.allowed(staff("unit_head"), "policy_rules", "manage")
    assert not await enforcer.allowed(staff("leader"), "policy_rules", "update")


# --- teams and experts (AC-8, AC-9) -----------------------------------------------------------


async def test_scopes_team_member_reaches_team_records_and_identities_ac_8(defaults):
    # given
    member = staff("functional_official", team_ids=frozenset({uuid.uuid4()}))
    # when / then
    assert "team" in await enforcer.scopes(member, "cases", "read")
    assert await enforcer.scopes(member, "secret_fields:protectees", "read") == {"team"}
    assert not await enforcer.allowed(staff("functional_official"), "secret_fields:protectees", "read")


async def test_allowed_expert_on_a_team_comments_but_never_approves_ac_9(defaults):
    # given
    expert = staff("expert", team_ids=frozenset({uuid.uuid4()}))
    # when / then
    assert "team" in await enforcer.scopes(expert, "coordination_notes", "create")
    assert "team" in await enforcer.scopes(expert, "teams", "read")
    for resource in EVERY_RESOURCE:
        assert not await enforcer.allowed(expert, resource, "approve"), resource


# --- secret fields (AC-11) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("principal", "resource", "expected"),
    [
        (staff("leader"), "secret_fields:protectees", {"all"}),
        (
            staff("unit_head", headed_unit_functions=frozenset({"rights_fulfilment"})),
            "secret_fields:safe_houses",
            {"all"},
        ),
        (
            staff("functional_official", managed_house_ids=frozenset({UNIT})),
            "secret_fields:safe_houses",
            {"house"},
        ),
        (
            staff("functional_official", managed_house_ids=frozenset({UNIT})),
            "secret_fields:protectees",
            {"house"},
        ),
        (
            staff("unit_head", headed_unit_functions=frozenset({"application_review"})),
            "secret_fields:protectees",
            set(),
        ),
        (staff("secretary_general"), "secret_fields:protectees", set()),
    ],
    ids=[
        "leader",
        "rights-fulfilment-head",
        "house-manager",
        "house-resident",
        "other-head",
        "secretary-general",
    ],
)
async def test_scopes_secret_fields_only_for_the_entitled_ac_11(defaults, principal, resource, expected):
    # when / then
    assert await enforcer.scopes(principal, resource, "read") == expected


# --- partners and reporters (AC-2, AC-3) ------------------------------------------------------


async def test_scopes_partner_submits_violence_reports_for_its_agency_only_ac_2(defaults):
    # given
    token = partner("violence_reports:submit")
    # when / then
    assert await enforcer.scopes(token, "violence_reports", "create") == {"agency"}
    assert not await enforcer.allowed(token, "cases", "read")
    assert not await enforcer.allowed(token, "referrals", "update")


async def test_allowed_partner_without_the_scope_cannot_submit_ac_2(defaults):
    # when / then
    assert not await enforcer.allowed(partner("referrals:respond"), "violence_reports", "create")
    assert await enforcer.scopes(partner("referrals:respond"), "referrals", "update") == {"agency"}


async def test_scopes_reporter_reaches_only_own_reports_ac_3(defaults):
    # given
    public = reporter()
    # when / then
    assert await enforcer.scopes(public, "violence_reports", "read") == {"reporter"}
    assert await enforcer.scopes(public, "violence_reports", "create") == {"reporter"}
    assert not await enforcer.allowed(public, "violence_reports", "update")
    assert not await enforcer.allowed(public, "cases", "read")
    assert not await enforcer.allowed(public, "referrals", "read")


# --- deny by default and fail closed ----------------------------------------------------------


async def test_allowed_unknown_role_resource_or_action_is_denied_ac_12(defaults):
    # when / then
    assert not await enforcer.allowed(SimpleNamespace(roles=frozenset({"nobody"})), "cases", "read")
    assert not await enforcer.allowed(staff("leader"), "no_such_table", "read")
    assert not await enforcer.allowed(staff("leader"), "cases", "teleport")
    assert not await enforcer.allowed(staff("leader"), "secret_fields:protecteesX", "read")


async def test_allowed_empty_policy_denies_everything_ac_12(fresh_enforcer):
    # when / then
    assert not await enforcer.allowed(staff("leader"), "cases", "read")
    assert await enforcer.scopes(staff("leader"), "cases", "read") == frozenset()


async def test_allowed_system_principal_is_allowed_everything(defaults):
    # when / then
    assert await enforcer.scopes(SYSTEM, "policy_rules", "manage") == {"all"}


async def test_allowed_fails_closed_when_the_enforcer_raises_ac_12(defaults, monkeypatch):
    # given
    async def broken() -> None:
        raise RuntimeError("policy store unreachable")

    monkeypatch.setattr(enforcer, "get_enforcer", broken)
    leader = staff("leader", team_ids=frozenset({uuid.uuid4()}))  # a role set not cached yet
    # when / then
    assert await enforcer.allowed(leader, "cases", "read") is False
    assert await enforcer.scopes(leader, "cases", "read") == frozenset()


async def test_allowed_fails_closed_on_a_corrupt_matcher_ac_12(defaults):
    # given
    e = await enforcer.get_enforcer()
    e.model["m"]["m"].value = "r_sub +"
    enforcer._cache.clear()
    # when / then
    assert await enforcer.allowed(staff("leader"), "cases", "read") is False


async def test_allowed_fails_closed_on_a_principal_without_roles_ac_12(defaults):
    # when / then
    assert await enforcer.allowed(object(), "cases", "read") is False  # type: ignore[arg-type]
    assert await enforcer.allowed(None, "cases", "read") is False  # type: ignore[arg-type]


async def test_scopes_corrupt_lines_grant_nothing_and_spoil_nothing_ac_12(fresh_enforcer):
    # given: a line without its scope, a line with a misspelt scope, and a good line
    await PolicyRule.create(ptype="p", v0="staff", v1="cases", v2="read")
    await PolicyRule.create(ptype="p", v0="staff", v1="cases", v2="update", v3="everything")
    await PolicyRule.create(ptype="p", v0="staff", v1="teams", v2="read", v3="own")
    await enforcer.reload()
    # when / then
    assert not await enforcer.allowed(staff(), "cases", "read")
    assert not await enforcer.allowed(staff(), "cases", "update")
    assert await enforcer.scopes(staff(), "teams", "read") == {"own"}


# --- fidelity and freshness -------------------------------------------------------------------


async def test_scopes_agree_with_casbin_enforce_for_every_role_and_resource(defaults):
    # given
    e = await enforcer.get_enforcer()
    roles = {line[0] for line in e.get_policy()} | {"position:administrator", "nobody"}
    # when / then
    for role in sorted(roles):
        for resource in ("cases", "secret_fields:protectees", "audit_entries"):
            for action in ("read", "approve"):
                decision = await enforcer.allowed(SimpleNamespace(roles=frozenset({role})), resource, action)
                assert decision == e.enforce(role, resource, action), (role, resource, action)


async def test_scopes_change_through_the_enforcer_is_seen_at_once(defaults):
    # given
    executor = staff("executor")
    assert not await enforcer.allowed(executor, "audit_entries", "read")  # now cached
    # when
    await (await enforcer.get_enforcer()).add_policy("position:executor", "audit_entries", "read", "own")
    # then
    assert await enforcer.scopes(executor, "audit_entries", "read") == {"own"}


async def test_scopes_stored_change_is_seen_after_reload(defaults):
    # given
    executor = staff("executor")
    assert not await enforcer.allowed(executor, "audit_entries", "read")
    await PolicyRule.create(ptype="p", v0="position:executor", v1="audit_entries", v2="read", v3="own")
    # when
    reloaded = await enforcer.reload()
    # then
    assert reloaded and await enforcer.allowed(executor, "audit_entries", "read")


async def test_reload_failure_keeps_the_previous_policy(defaults, monkeypatch):
    # given
    leader = staff("leader")
    e = await enforcer.get_enforcer()

    async def unreadable(model: object) -> None:
        raise ConnectionError("database down")

    monkeypatch.setattr(e.adapter, "load_policy", unreadable)
    # when
    reloaded = await enforcer.reload()
    # then
    assert reloaded is False
    assert await enforcer.allowed(leader, "cases", "read")
