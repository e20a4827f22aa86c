"""workflows/policies.py without GraphQL: validation, the lock-out guard, concurrency (AC-4, AC-13)."""

from __future__ import annotations

import asyncio

import pytest

from authz import enforcer
from authz.default_policy import default_lines
from authz.principal import SYSTEM
from models.audit import AuditEntry
from models.policies import PolicyRule
from tests.authz.conftest import staff
from workflows import policies as policy_admin
from workflows.errors import Forbidden, RuleViolation, Unauthenticated, ValidationFailed

ADMIN = staff("executor", is_system_admin=True)


async def test_validate_line_cleans_values_ac_4(db):
    # when
    line = policy_admin.validate_line(" p ", [" staff ", "cases", "read", "own "])
    # then
    assert line == ("p", ("staff", "cases", "read", "own"))


@pytest.mark.parametrize("ptype", ["", "x", "P", "pp", "g2"])
async def test_validate_line_unknown_ptype_names_ptype_ac_4(db, ptype):
    # when
    with pytest.raises(ValidationFailed) as refused:
        policy_admin.validate_line(ptype, ["staff", "cases", "read", "own"])
    # then
    assert refused.value.field == "ptype"


def test_admin_keeps_control_default_policy_ac_4():
    # given
    lines = default_lines()
    # then
    assert policy_admin.admin_keeps_control(lines)
    assert not policy_admin.admin_keeps_control([line for line in lines if line[1] != "system_admin"])
    # a pattern or a grouping is as good as a direct line
    assert policy_admin.admin_keeps_control([("p", "system_admin", "policy_*", "*", "all")])
    assert policy_admin.admin_keeps_control(
        [("g", "system_admin", "root"), ("g", "root", "owner"), ("p", "owner", "*", "manage", "all")]
    )
    # a line with an unknown scope grants nothing (authz/enforcer.py)
    assert not policy_admin.admin_keeps_control(
        [("p", "system_admin", "policy_rules", "manage", "everything")]
    )


async def test_add_line_stores_audits_and_reloads_ac_13(policies):
    # given
    assert not await enforcer.allowed(staff("expert"), "audit_entries", "read")
    # when
    rule = await policy_admin.add_line(ADMIN, "p", ["position:expert", "audit_entries", "read", "all"])
    # then
    assert policy_admin.line_values(rule) == ("position:expert", "audit_entries", "read", "all")
    assert await enforcer.scopes(staff("expert"), "audit_entries", "read") == frozenset({"all"})
    entry = await AuditEntry.get(action="policy.add", subject_id=rule.id)
    assert entry.changes == {"ptype": "p", "values": ["position:expert", "audit_entries", "read", "all"]}


async def test_add_line_by_system_principal_allowed_ac_4(policies):
    # when
    rule = await policy_admin.add_line(SYSTEM, "g", ["position:expert", "position:leader"])
    # then
    assert await policy_admin.find_line("g", ["position:expert", "position:leader"]) == rule


async def test_add_line_refuses_before_validating_ac_4(policies):
    # when / then: no hint about the line to someone who may not change lines
    with pytest.raises(Forbidden):
        await policy_admin.add_line(staff("leader"), "x", [])
    with pytest.raises(Unauthenticated):
        await policy_admin.add_line(None, "x", [])
    assert not await AuditEntry.filter(action__startswith="policy.").exists()


async def test_remove_line_without_admin_grant_beforehand_allowed_ac_4(db):
    # given: a policy that already gave administrators no way to manage it (e.g. a broken import)
    rule = await policy_admin.add_line(SYSTEM, "p", ["staff", "cases", "read", "own"])
    # when: the system principal (CLI) repairs it; the guard only stops changes that lock out
    await policy_admin.remove_line(SYSTEM, rule.id)
    # then
    assert not await PolicyRule.exists(id=rule.id)


async def test_remove_line_concurrent_removals_cannot_lock_out_ac_4(policies):
    if not policies.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: two ways for administrators to manage the policies; each removal alone is harmless
    await policy_admin.add_line(ADMIN, "p", ["system_admin", "policy_rules", "*", "all"])
    direct = await policy_admin.find_line("p", ["system_admin", "policy_rules", "manage", "all"])
    wildcard = await policy_admin.find_line("p", ["system_admin", "policy_rules", "*", "all"])
    assert direct is not None and wildcard is not None
    # when
    outcomes = await asyncio.gather(
        policy_admin.remove_line(ADMIN, direct.id),
        policy_admin.remove_line(ADMIN, wildcard.id),
        return_exceptions=True,
    )
    # then: one went through, the other was refused once it saw the first
    refused = [o for o in outcomes if isinstance(o, RuleViolation)]
    assert len(refused) == 1 and refused[0].rule == "AC-4"
    assert await PolicyRule.filter(id__in=[direct.id, wildcard.id]).count() == 1
    assert await enforcer.allowed(ADMIN, "policy_rules", "manage")


async def test_add_line_granting_the_admin_panel_lets_that_role_enter_ac_4(policies):
    # given: legal staff may not enter the admin panel by default
    lawyer = staff("executor", unit_function="legal_cooperation_pr")
    assert not await enforcer.allowed(lawyer, "admin_panel", "read")
    # when
    await policy_admin.add_line(ADMIN, "p", ["unit:legal_cooperation_pr", "admin_panel", "read", "all"])
    # then
    assert await enforcer.allowed(lawyer, "admin_panel", "read")
