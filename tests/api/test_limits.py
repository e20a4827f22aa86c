"""Query cost, batching and the document allow-list (Q-S1)."""

from __future__ import annotations

import httpx
from graphql import parse

from authz.principal import SYSTEM
from schema.build import build_schema
from schema.context import Context
from schema.limits import MAX_COST, document_cost, document_hash
from server.app import create_app
from tests.api.test_query_count import CASE_BOARD
from tests.client import error_codes, execute, schema

FAN_OUT = """
query FanOut {
  cases(first: 100) {
    edges {
      node {
        protectees {
          protectionPrograms { __typename }
          placements { __typename }
          documents { __typename }
          decisions { __typename }
          applications { __typename }
          familyMembers { __typename }
        }
      }
    }
  }
}
"""


def test_case_board_page_of_100_costs_under_the_limit_q_s1():
    # when
    cost = document_cost(schema()._schema, parse(CASE_BOARD), None, {"first": 100})
    # then: a real screen fits, with room
    assert 1_000 < cost < MAX_COST / 3


async def test_nested_fan_out_over_the_cost_limit_is_refused_before_running_q_s1(db):
    # when
    result = await execute(FAN_OUT, as_=SYSTEM)
    # then
    assert result.data is None
    assert error_codes(result) == ["VALIDATION"]
    assert str(MAX_COST) in result.errors[0].message


async def test_cost_counts_page_size_from_variables_q_s1(db):
    # given
    small = document_cost(schema()._schema, parse(CASE_BOARD), None, {"first": 1})
    large = document_cost(schema()._schema, parse(CASE_BOARD), None, {"first": 100})
    # then
    assert large > 50 * small


async def test_document_off_the_allow_list_is_refused_and_one_on_it_runs_q_s1(db):
    # given: only the case board is allowed
    allowed = build_schema(allowed_documents=frozenset({document_hash(CASE_BOARD)}))
    context = {"context_value": Context(principal=SYSTEM)}
    # when
    ok = await allowed.execute(CASE_BOARD, variable_values={"first": 1}, **context)
    refused = await allowed.execute("{ units { totalCount } }", **context)
    # then
    assert ok.errors is None
    assert refused.data is None and [e.extensions["code"] for e in refused.errors] == ["VALIDATION"]


async def test_batched_request_is_refused_q_s1(db):
    # given
    app = create_app(db.settings, manage_db=False)
    batch = [{"query": "{ units { totalCount } }"}] * 50
    # when
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://perisai.test"
    ) as client:
        response = await client.post("/graphql", json=batch)
    # then: one operation per request, never fifty
    assert response.status_code == 400
