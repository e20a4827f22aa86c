"""The default policy set: complete over every resource, consistent, stored idempotently (AC-2 … AC-12)."""

from __future__ import annotations

from tortoise import Tortoise

from authz.adapter import stored_lines
from authz.default_policy import EVERY_RESOURCE, NON_TABLE_RESOURCES, default_lines, load_default_policies
from authz.enforcer import ACTIONS, SCOPES
from models.policies import PolicyRule
from models.secrets import EncryptedField


def model_tables() -> set[str]:
    return {m._meta.db_table for m in Tortoise.apps["models"].values() if m.__module__.startswith("models.")}


def secret_tables() -> set[str]:
    return {
        m._meta.db_table
        for m in Tortoise.apps["models"].values()
        if any(isinstance(f, EncryptedField) for f in m._meta.fields_map.values())
    }


def p_lines() -> list[tuple[str, ...]]:
    return [line[1:] for line in default_lines() if line[0] == "p"]


async def test_default_policies_load_idempotently(fresh_enforcer):
    # when
    first = await load_default_policies()
    second = await load_default_policies()
    # then
    assert first == len(default_lines()) and second == 0
    assert await stored_lines() == set(default_lines())


async def test_default_policies_replace_drops_lines_not_in_the_defaults(fresh_enforcer):
    # given
    await load_default_policies()
    await PolicyRule.create(ptype="p", v0="position:executor", v1="audit_entries", v2="read", v3="all")
    # when
    stored = await load_default_policies(replace=True)
    # then
    assert stored == len(default_lines())
    assert await stored_lines() == set(default_lines())


async def test_default_policy_names_every_table_once_ac_12(db):
    # then: a new model without a place in the policy fails here
    assert sorted(EVERY_RESOURCE) == sorted(model_tables())
    assert len(EVERY_RESOURCE) == len(set(EVERY_RESOURCE))


async def test_default_policy_every_resource_has_read_create_and_update_lines_ac_12(db):
    # given
    granted = {(obj, act) for _, obj, act, _ in p_lines() if obj != "*" and act != "*"}
    # then: beyond the system principal, someone reads every table; domain rows are written by someone
    missing_read = sorted(t for t in model_tables() if (t, "read") not in granted)
    assert missing_read == []
    # trails and replayed answers are written by the server itself, never through a role
    written = set(EVERY_RESOURCE) - {"audit_entries", "workflow_histories", "approvals", "idempotency_keys"}
    missing_write = sorted((t, a) for t in written for a in ("create", "update") if (t, a) not in granted)
    assert missing_write == []


async def test_default_policy_every_secret_table_has_a_clear_text_reader_ac_11(db):
    # given
    readers = {
        obj.removeprefix("secret_fields:") for _, obj, act, _ in p_lines() if obj.startswith("secret_fields:")
    }
    # then: the sealed answers of idempotent retries go back only to the caller who sent them
    assert secret_tables() - {"idempotency_keys"} <= readers
    assert readers <= model_tables()


async def test_default_policy_uses_known_scopes_actions_and_resources(db):
    # then
    for subject, obj, act, scope in p_lines():
        assert scope in SCOPES, (subject, obj, act, scope)
        assert act in (*ACTIONS, "*"), (subject, obj, act, scope)
        known = (
            obj == "*" or obj in NON_TABLE_RESOURCES or obj.removeprefix("secret_fields:") in model_tables()
        )
        assert known, obj


async def test_default_policy_secret_fields_never_granted_without_identity_ac_11(db):
    # then: none_identity means "rows, but never the secret fields"
    assert [
        line for line in p_lines() if line[1].startswith("secret_fields:") and line[3] == "none_identity"
    ] == []


async def test_default_policy_no_approve_line_for_experts_staff_or_team_members_ac_9(db):
    # then
    assert [
        line
        for line in p_lines()
        if line[0] in ("position:expert", "staff", "team_member") and line[2] in ("approve", "*")
    ] == []


async def test_default_policy_system_admin_has_no_secret_fields_ac_4(db):
    # then
    assert [
        line for line in p_lines() if line[0] == "system_admin" and line[1].startswith("secret_fields:")
    ] == []
