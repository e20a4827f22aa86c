"""Policy administration through GraphQL: add, remove, check — who may, what is refused (AC-4, AC-13)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from authz.principal import Principal
from models.audit import AuditEntry
from models.policies import PolicyRule
from tests.authz.conftest import partner, reporter, staff
from tests.client import error_codes, execute

LINE_ADD = """
mutation LineAdd($ptype: PolicyLineType!, $values: [String!]!) {
  policyLineAdd(ptype: $ptype, values: $values) {
    __typename
    ... on PolicyLineSuccess { line { id ptype values } }
    ... on MutationError { code field rule message }
  }
}
"""
LINE_REMOVE = """
mutation LineRemove($id: ID!) {
  policyLineRemove(id: $id) {
    __typename
    ... on Done { ok }
    ... on MutationError { code field rule message }
  }
}
"""
CHECK = """
query Check($roles: [String!]!, $resource: String!, $action: String!) {
  policyCheck(roles: $roles, resource: $resource, action: $action) { allowed scopes }
}
"""
AUDIT_ENTRIES = """
query Entries($filter: AuditEntryFilter) {
  auditEntries(filter: $filter) { totalCount nodes { action principalRef subjectType subjectId changes } }
}
"""

ADMIN = staff("executor", is_system_admin=True)
EXECUTOR = staff("executor")
OVERSIGHT = staff("executor", unit_function="oversight")

NON_ADMINS: dict[str, Principal | None] = {
    "staff": EXECUTOR,
    "leader": staff("leader"),
    "oversight": OVERSIGHT,
    "partner": partner("referrals:respond"),
    "reporter": reporter(),
    "anonymous": None,
}

OVERSIGHT_READS_TRAIL = ("p", "unit:oversight", "audit_entries", "read", "all")
ADMIN_MANAGES_POLICIES = ("p", "system_admin", "policy_rules", "manage", "all")


async def stored(line: tuple[str, ...]) -> PolicyRule:
    ptype, *values = line
    fields = dict(zip(("v0", "v1", "v2", "v3"), values, strict=False))
    return await PolicyRule.get(ptype=ptype, **fields)


async def policy_state() -> tuple[set[tuple[Any, ...]], int]:
    """Every stored line, and how many policy changes the trail records."""
    lines = set(await PolicyRule.all().values_list("ptype", "v0", "v1", "v2", "v3", "v4", "v5"))
    return lines, await AuditEntry.filter(action__startswith="policy.").count()


# --- adding ---------------------------------------------------------------------------------


async def test_policy_line_add_grant_in_force_at_once_ac_4(policies):
    # given: an executor may not read the audit trail
    refused = await execute(AUDIT_ENTRIES, as_=EXECUTOR)
    assert error_codes(refused) == ["FORBIDDEN"]
    # when
    result = await execute(
        LINE_ADD, {"ptype": "P", "values": ["position:executor", "audit_entries", "read", "all"]}, as_=ADMIN
    )
    # then: stored, and the same process decides on it at once
    added = result.data["policyLineAdd"]
    assert result.errors is None and added["__typename"] == "PolicyLineSuccess"
    assert added["line"]["ptype"] == "P"
    assert added["line"]["values"] == ["position:executor", "audit_entries", "read", "all"]
    assert str((await stored(("p", "position:executor", "audit_entries", "read"))).id) == added["line"]["id"]
    granted = await execute(AUDIT_ENTRIES, as_=EXECUTOR)
    assert granted.errors is None
    assert granted.data["auditEntries"]["totalCount"] >= 1


async def test_policy_line_add_grouping_in_force_at_once_ac_4(policies):
    # given
    assert error_codes(await execute(AUDIT_ENTRIES, as_=EXECUTOR)) == ["FORBIDDEN"]
    # when: executors act as the oversight unit
    result = await execute(
        LINE_ADD, {"ptype": "G", "values": ["position:executor", "unit:oversight"]}, as_=ADMIN
    )
    # then
    assert result.data["policyLineAdd"]["__typename"] == "PolicyLineSuccess"
    assert (await execute(AUDIT_ENTRIES, as_=EXECUTOR)).errors is None


async def test_policy_line_add_is_audited_with_the_line_ac_13(policies):
    # when
    values = ["position:expert", "cases", "read", "team"]
    result = await execute(LINE_ADD, {"ptype": "P", "values": values}, as_=ADMIN)
    # then: oversight finds the change, who made it and the line
    line_id = result.data["policyLineAdd"]["line"]["id"]
    trail = await execute(AUDIT_ENTRIES, {"filter": {"action": "policy.add"}}, as_=OVERSIGHT)
    assert trail.errors is None
    assert trail.data["auditEntries"]["nodes"] == [
        {
            "action": "policy.add",
            "principalRef": str(ADMIN.staff_id),
            "subjectType": "PolicyRule",
            "subjectId": line_id,
            "changes": {"ptype": "p", "values": values},
        }
    ]


INVALID_LINES = [
    ("P", ["staff", "cases", "read"], "values"),
    ("P", ["staff", "cases", "read", "own", "extra"], "values"),
    ("P", ["", "cases", "read", "own"], "values.subject"),
    ("P", ["staff role", "cases", "read", "own"], "values.subject"),
    ("P", ["s" * 201, "cases", "read", "own"], "values.subject"),
    ("P", ["staff", "no_such_table", "read", "own"], "values.resource"),
    ("P", ["staff", "secret_fields:no_such_table", "read", "own"], "values.resource"),
    ("P", ["staff", "cas*s", "read", "own"], "values.resource"),
    ("P", ["staff", "zz_nothing*", "read", "own"], "values.resource"),
    ("P", ["staff", "cases", "delete", "own"], "values.action"),
    ("P", ["staff", "cases", "read", "everything"], "values.scope"),
    ("P", ["staff", "cases", "read", ""], "values.scope"),
    ("G", ["position:executor"], "values"),
    ("G", ["position:executor", "position:executor"], "values.parentRole"),
    ("G", ["position:executor", "unit head"], "values.parentRole"),
    ("G", ["r" * 201, "position:leader"], "values.role"),
]


@pytest.mark.parametrize(("ptype", "values", "field"), INVALID_LINES)
async def test_policy_line_add_invalid_line_refused_naming_field_ac_4(policies, ptype, values, field):
    # given
    before = await policy_state()
    # when
    result = await execute(LINE_ADD, {"ptype": ptype, "values": values}, as_=ADMIN)
    # then
    error = result.data["policyLineAdd"]
    assert error["__typename"] == "MutationError"
    assert (error["code"], error["field"]) == ("VALIDATION", field)
    assert await policy_state() == before


async def test_policy_line_add_duplicate_is_conflict_ac_4(policies):
    # given
    before = await policy_state()
    # when: a default line, with stray spaces
    result = await execute(
        LINE_ADD, {"ptype": "P", "values": [" unit:oversight", "audit_entries", "read ", "all"]}, as_=ADMIN
    )
    # then
    assert result.data["policyLineAdd"]["code"] == "CONFLICT"
    assert await policy_state() == before


async def test_policy_line_add_pattern_and_secret_fields_accepted_ac_4(policies):
    # when
    pattern = await execute(
        LINE_ADD, {"ptype": "P", "values": ["auditor", "secret_fields:*", "read", "all"]}, as_=ADMIN
    )
    secret = await execute(
        LINE_ADD, {"ptype": "P", "values": ["auditor", "secret_fields:cases", "*", "all"]}, as_=ADMIN
    )
    # then
    assert pattern.data["policyLineAdd"]["__typename"] == "PolicyLineSuccess"
    assert secret.data["policyLineAdd"]["__typename"] == "PolicyLineSuccess"
    check = await execute(
        CHECK, {"roles": ["auditor"], "resource": "secret_fields:protectees", "action": "read"}, as_=ADMIN
    )
    assert check.data["policyCheck"] == {"allowed": True, "scopes": ["all"]}


# --- removing -------------------------------------------------------------------------------


async def test_policy_line_remove_revokes_at_once_ac_4(policies):
    # given: oversight reads the trail (AC-10)
    assert (await execute(AUDIT_ENTRIES, as_=OVERSIGHT)).errors is None
    line = await stored(OVERSIGHT_READS_TRAIL)
    # when
    result = await execute(LINE_REMOVE, {"id": str(line.id)}, as_=ADMIN)
    # then
    assert result.errors is None and result.data["policyLineRemove"] == {"__typename": "Done", "ok": True}
    assert not await PolicyRule.exists(id=line.id)
    assert error_codes(await execute(AUDIT_ENTRIES, as_=OVERSIGHT)) == ["FORBIDDEN"]


async def test_policy_line_remove_is_audited_with_the_line_ac_13(policies):
    # given
    line = await stored(OVERSIGHT_READS_TRAIL)
    # when
    await execute(LINE_REMOVE, {"id": str(line.id)}, as_=ADMIN)
    # then
    entry = await AuditEntry.get(action="policy.remove")
    assert (entry.principal_ref, entry.subject_type, entry.subject_id, entry.outcome) == (
        str(ADMIN.staff_id),
        "PolicyRule",
        line.id,
        "ok",
    )
    assert entry.changes == {"ptype": "p", "values": list(OVERSIGHT_READS_TRAIL[1:])}


async def test_policy_line_remove_last_admin_grant_refused_ac_4(policies):
    # given
    line = await stored(ADMIN_MANAGES_POLICIES)
    before = await policy_state()
    # when
    result = await execute(LINE_REMOVE, {"id": str(line.id)}, as_=ADMIN)
    # then
    error = result.data["policyLineRemove"]
    assert (error["__typename"], error["code"], error["rule"]) == ("MutationError", "RULE_VIOLATION", "AC-4")
    assert "AC-4" in error["message"]
    assert await policy_state() == before
    assert (
        await execute(
            CHECK, {"roles": ["system_admin"], "resource": "policy_rules", "action": "manage"}, as_=ADMIN
        )
    ).data["policyCheck"]["allowed"]


async def test_policy_line_remove_admin_grant_kept_through_grouping_ac_4(policies):
    # given: administrators also manage the policies as policy_officer
    for ptype, values in (
        ("G", ["system_admin", "policy_officer"]),
        ("P", ["policy_officer", "policy_rules", "manage", "all"]),
    ):
        added = await execute(LINE_ADD, {"ptype": ptype, "values": values}, as_=ADMIN)
        assert added.data["policyLineAdd"]["__typename"] == "PolicyLineSuccess"
    direct = await stored(ADMIN_MANAGES_POLICIES)
    grouping = await stored(("g", "system_admin", "policy_officer"))
    # when: the direct line goes, then the grouping that is now the only way left
    removed = await execute(LINE_REMOVE, {"id": str(direct.id)}, as_=ADMIN)
    refused = await execute(LINE_REMOVE, {"id": str(grouping.id)}, as_=ADMIN)
    # then
    assert removed.data["policyLineRemove"]["__typename"] == "Done"
    assert (refused.data["policyLineRemove"]["code"], refused.data["policyLineRemove"]["rule"]) == (
        "RULE_VIOLATION",
        "AC-4",
    )
    assert await PolicyRule.exists(id=grouping.id)


async def test_policy_line_remove_unknown_id_is_not_found_ac_4(policies):
    # when
    unknown = await execute(LINE_REMOVE, {"id": str(uuid.uuid4())}, as_=ADMIN)
    malformed = await execute(LINE_REMOVE, {"id": "1 OR 1=1"}, as_=ADMIN)
    # then
    assert unknown.data["policyLineRemove"]["code"] == "NOT_FOUND"
    assert (malformed.data["policyLineRemove"]["code"], malformed.data["policyLineRemove"]["field"]) == (
        "VALIDATION",
        "id",
    )


# --- checking -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "resource", "action", "expected"),
    [
        (["unit:oversight"], "audit_entries", "read", {"allowed": True, "scopes": ["all"]}),
        (["staff"], "cases", "read", {"allowed": True, "scopes": ["own"]}),
        (["staff", "team_member"], "cases", "update", {"allowed": True, "scopes": ["own", "team"]}),
        (["position:administrator"], "teams", "approve", {"allowed": True, "scopes": ["subtree"]}),
        (["position:expert"], "teams", "approve", {"allowed": False, "scopes": []}),
        (["system_admin"], "secret_fields:protectees", "read", {"allowed": False, "scopes": []}),
    ],
)
async def test_policy_check_reports_granted_scopes_ac_4(policies, roles, resource, action, expected):
    # when
    result = await execute(CHECK, {"roles": roles, "resource": resource, "action": action}, as_=ADMIN)
    # then
    assert result.errors is None
    assert result.data["policyCheck"] == expected


@pytest.mark.parametrize(
    ("roles", "resource", "action", "field"),
    [
        ([], "cases", "read", "roles"),
        (["bad role"], "cases", "read", "roles"),
        (["staff"], "no_such_table", "read", "resource"),
        (["staff"], "case*", "read", "resource"),
        (["staff"], "cases", "*", "action"),
        (["staff"], "cases", "delete", "action"),
    ],
)
async def test_policy_check_invalid_argument_is_validation_naming_it_ac_4(
    policies, roles, resource, action, field
):
    # when
    result = await execute(CHECK, {"roles": roles, "resource": resource, "action": action}, as_=ADMIN)
    # then
    assert error_codes(result) == ["VALIDATION"]
    assert result.errors[0].extensions["field"] == field


# --- who may --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", NON_ADMINS)
async def test_policy_operations_by_non_admin_refused_ac_4(policies, role):
    # given
    principal = NON_ADMINS[role]
    expected = ["UNAUTHENTICATED"] if principal is None else ["FORBIDDEN"]
    line = await stored(OVERSIGHT_READS_TRAIL)
    before = await policy_state()
    # when
    added = await execute(
        LINE_ADD,
        {"ptype": "P", "values": ["position:executor", "audit_entries", "read", "all"]},
        as_=principal,
    )
    removed = await execute(LINE_REMOVE, {"id": str(line.id)}, as_=principal)
    # then
    for result, name in ((added, "policyLineAdd"), (removed, "policyLineRemove")):
        assert error_codes(result) == expected
        assert result.data is None or result.data.get(name) is None
    assert await policy_state() == before


@pytest.mark.parametrize("role", ["staff", "leader", "partner", "reporter", "anonymous"])
async def test_policy_check_by_non_admin_refused_ac_4(policies, role):
    # given
    principal = NON_ADMINS[role]
    # when
    result = await execute(CHECK, {"roles": ["staff"], "resource": "cases", "action": "read"}, as_=principal)
    # then
    assert error_codes(result) == (["UNAUTHENTICATED"] if principal is None else ["FORBIDDEN"])
    assert result.data is None
