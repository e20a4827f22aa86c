"""Monitoring and evaluation through GraphQL, as the roles of the demo organisation (MON-1): the
rights-fulfilment head and a leader record visits and evaluations with findings; other roles, and a
visit to a program that is not running, are refused with nothing changed."""

from __future__ import annotations

import datetime as dt

import pytest

from models.programs import ProgramStatus, ProtectionProgram
from tests.client import error_codes, execute
from tests.organisation.conftest import demo  # noqa: F401 — the demo fixture
from tests.protection.test_proactive_factories import payload, snapshot
from workflows.engine import LOCAL_TIMEZONE

RECORD_VISIT = """
mutation Visit($input: MonitoringVisitRecordInput!) {
  monitoringVisitRecord(input: $input) {
    __typename
    ... on MonitoringVisitRecordSuccess { record { kind monitorRole findings followsDecision program { code } } }
    ... on MutationError { code message field rule }
  }
}
"""
RECORD_EVALUATION = """
mutation Evaluate($input: ProgramEvaluationRecordInput!) {
  programEvaluationRecord(input: $input) {
    __typename
    ... on ProgramEvaluationRecordSuccess { record { timing conclusion recommendation } }
    ... on MutationError { code message field rule }
  }
}
"""


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).astimezone(LOCAL_TIMEZONE).date()


async def a_program(*statuses: ProgramStatus) -> ProtectionProgram:
    query = ProtectionProgram.filter(status__in=statuses, period_start__lte=today(), period_end__gte=today())
    found = await query.order_by("code").first()
    assert found is not None, statuses
    return found


def visit(program: ProtectionProgram, **fields: object) -> dict[str, object]:
    return {
        "programId": str(program.id),
        "kind": "MONITORING",
        "visitedOn": today().isoformat(),
        "findings": "Terlindung kooperatif; pengawalan sesuai jadwal.",
        "followsDecision": True,
        **fields,
    }


@pytest.mark.parametrize(
    ("role", "monitor_role"), [("rights_head", "RIGHTS_FULFILMENT_UNIT"), ("leader", "LEADERS")]
)
async def test_monitoring_visit_record_by_the_monitors_mon_1(demo, role, monitor_role):  # noqa: F811
    # given
    program = await a_program(ProgramStatus.ACTIVE)
    # when
    result = payload(
        await execute(RECORD_VISIT, {"input": visit(program)}, as_=demo[role]), "monitoringVisitRecord"
    )
    # then
    assert result["__typename"] == "MonitoringVisitRecordSuccess"
    assert result["record"]["monitorRole"] == monitor_role and result["record"]["kind"] == "MONITORING"
    assert result["record"]["program"] == {"code": program.code}


@pytest.mark.parametrize(
    ("role", "code"),
    [
        ("anonymous", "UNAUTHENTICATED"),
        ("partner", "FORBIDDEN"),
        ("executor", "FORBIDDEN"),
        ("unit_head", "FORBIDDEN"),
        ("oversight", "FORBIDDEN"),
        ("secretary_general", "FORBIDDEN"),
    ],
)
async def test_monitoring_visit_record_by_other_roles_is_refused_mon_1(demo, role, code):  # noqa: F811
    # given
    program = await a_program(ProgramStatus.ACTIVE)
    before = await snapshot()
    # when
    result = await execute(RECORD_VISIT, {"input": visit(program)}, as_=demo[role])
    # then: Pasal 42(1) names the leaders and the rights-fulfilment unit
    assert error_codes(result) == [code]
    assert await snapshot() == before


async def test_monitoring_visit_record_of_a_program_not_running_is_refused_mon_1(demo):  # noqa: F811
    # given: a program waiting for its signature (ADM-6)
    program = await ProtectionProgram.filter(status=ProgramStatus.PENDING_SIGNATURE).order_by("code").first()
    before = await snapshot()
    # when
    result = payload(
        await execute(RECORD_VISIT, {"input": visit(program)}, as_=demo["rights_head"]),
        "monitoringVisitRecord",
    )
    # then
    assert (result["code"], result["rule"], result["field"]) == ("RULE_VIOLATION", "MON-1", "programId")
    assert await snapshot() == before


async def test_program_evaluation_record_during_and_wrong_timing_mon_1(demo):  # noqa: F811
    # given
    program = await a_program(ProgramStatus.ACTIVE)
    given = {
        "programId": str(program.id),
        "timing": "DURING",
        "evaluatedOn": today().isoformat(),
        "findings": "Kebutuhan terpenuhi.",
        "conclusion": "Lanjutkan.",
        "recommendation": "CONTINUE",
    }
    # when: during a running program; then "after" the same running program
    during = payload(
        await execute(RECORD_EVALUATION, {"input": given}, as_=demo["leader"]), "programEvaluationRecord"
    )
    after = payload(
        await execute(RECORD_EVALUATION, {"input": {**given, "timing": "AFTER"}}, as_=demo["leader"]),
        "programEvaluationRecord",
    )
    # then
    assert during["record"] == {"timing": "DURING", "conclusion": "Lanjutkan.", "recommendation": "CONTINUE"}
    assert (after["code"], after["rule"], after["field"]) == ("RULE_VIOLATION", "MON-1", "timing")


async def test_monitoring_visit_record_without_findings_is_invalid_mon_1(demo):  # noqa: F811
    program = await a_program(ProgramStatus.ACTIVE)
    result = payload(
        await execute(RECORD_VISIT, {"input": visit(program, findings=" ")}, as_=demo["rights_head"]),
        "monitoringVisitRecord",
    )
    assert (result["code"], result["field"], result["rule"]) == ("VALIDATION", "findings", "MON-1")
