"""Idempotency keys on mutations (Q-R2): a retried request answers again, it does not act twice."""

from __future__ import annotations

import uuid

from tortoise import connections

from authz.principal import Principal, PrincipalKind
from models.idempotency import IdempotencyKey
from models.policies import PolicyRule
from schema.context import Context
from tests.client import error_codes, schema

LINE_ADD = """
mutation LineAdd($ptype: PolicyLineType!, $values: [String!]!) {
  policyLineAdd(ptype: $ptype, values: $values) {
    __typename
    ... on PolicyLineSuccess { line { id values } }
    ... on MutationError { code field }
  }
}
"""
LINE = {"ptype": "P", "values": ["position:expert", "cases", "read", "team"]}
ADMIN = Principal(kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position="executor", is_system_admin=True)


async def send(variables: dict, key: str | None, as_: Principal | None = ADMIN):
    context = Context(principal=as_, idempotency_key=key)
    return await schema().execute(LINE_ADD, variable_values=variables, context_value=context)


async def lines() -> int:
    return await PolicyRule.filter(v0="position:expert", v1="cases", v3="team").count()


async def test_policy_line_add_retried_with_same_key_acts_once_and_answers_the_same_q_r2(policies):
    # given
    first = await send(LINE, "retry-1")
    # when
    second = await send(LINE, "retry-1")
    # then
    assert first.errors is None and first.data["policyLineAdd"]["__typename"] == "PolicyLineSuccess"
    assert second.errors is None and second.data == first.data
    assert await lines() == 1


async def test_policy_line_add_retried_without_key_acts_again_q_r2(policies):
    # given
    await send(LINE, None)
    # when: no key, so the second call is a new request: a duplicate line, refused by the workflow
    second = await send(LINE, None)
    # then
    assert second.data["policyLineAdd"]["code"] == "CONFLICT"
    assert await lines() == 1


async def test_same_key_with_other_variables_is_conflict_and_changes_nothing_q_r2(policies):
    # given
    await send(LINE, "reused")
    other = {"ptype": "P", "values": ["position:expert", "cases", "read", "unit"]}
    # when
    result = await send(other, "reused")
    # then
    assert error_codes(result) == ["CONFLICT"]
    assert await PolicyRule.filter(v0="position:expert", v1="cases", v3="unit").count() == 0


async def test_key_of_a_refused_request_is_forgotten_q_r2(policies):
    # given: the first attempt is refused at the gate (not an administrator)
    outsider = Principal(kind=PrincipalKind.STAFF, staff_id=ADMIN.staff_id, position="executor")
    refused = await send(LINE, "after-refusal", as_=outsider)
    # when
    accepted = await send(LINE, "after-refusal")
    # then
    assert error_codes(refused) == ["FORBIDDEN"]
    assert accepted.data["policyLineAdd"]["__typename"] == "PolicyLineSuccess"


async def test_keys_are_per_caller_q_r2(policies):
    # given
    other_admin = Principal(
        kind=PrincipalKind.STAFF, staff_id=uuid.uuid4(), position="executor", is_system_admin=True
    )
    await send(LINE, "shared-name")
    # when: another caller's identical key is their own
    result = await send(LINE, "shared-name", as_=other_admin)
    # then: it acted (and met the duplicate line)
    assert result.data["policyLineAdd"]["code"] == "CONFLICT"


async def test_stored_answer_is_sealed_at_rest_q_r2(policies):
    # when
    await send(LINE, "sealed")
    # then
    rows = await connections.get("default").execute_query_dict('SELECT "response" FROM "idempotency_keys"')
    assert rows and all("position:expert" not in str(row["response"]) for row in rows)
    assert await IdempotencyKey.filter(key="sealed").count() == 1


async def test_malformed_key_is_validation_and_nothing_runs_q_r2(policies):
    # when
    result = await send(LINE, "no spaces allowed")
    # then
    assert error_codes(result) == ["VALIDATION"]
    assert await lines() == 0
