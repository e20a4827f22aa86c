"""Monitoring and evaluation as workflows, without GraphQL (MON-1, Pasal 42–43): visits and
evaluations recorded with findings by the leaders or the rights-fulfilment unit — monitoring while
a program runs, evaluation during or after it — and each way around refused with nothing changed."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from models.audit import WorkflowHistory
from models.programs import (
    EvaluationRecommendation,
    EvaluationTiming,
    MonitoringKind,
    MonitoringVisit,
    MonitorRole,
    ProgramStatus,
)
from tests.accounts.factories import make_agency
from tests.protection.test_proactive_factories import (
    DAY,
    NOW,
    TODAY,
    as_,
    case_with_person,
    organisation,
    program,
    snapshot,
)
from workflows.engine import run
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed
from workflows.monitoring import MONITORING_VISIT, PROGRAM_EVALUATION, RecordEvaluationInput, RecordVisitInput


def visit(program_id, **fields):
    values = {
        "program_id": program_id,
        "kind": MonitoringKind.MONITORING,
        "visited_on": TODAY - DAY,
        "findings": "Program berjalan sesuai keputusan.",
        "follows_decision": True,
    }
    values.update(fields)
    return RecordVisitInput(**values)


def evaluation(program_id, **fields):
    values = {
        "program_id": program_id,
        "timing": EvaluationTiming.DURING,
        "evaluated_on": TODAY,
        "findings": "Kebutuhan terlindung terpenuhi.",
        "conclusion": "Efektif.",
        "recommendation": EvaluationRecommendation.CONTINUE,
    }
    values.update(fields)
    return RecordEvaluationInput(**values)


async def programs(org, *statuses):
    case, person = await case_with_person(org)
    return [await program(case, person, status) for status in statuses]


async def test_monitoring_visit_record_while_program_runs_by_monitors_mon_1(policies):
    # given
    org = await organisation()
    agency = await make_agency()
    (running,) = await programs(org, ProgramStatus.ACTIVE)
    # when: a leader, the rights-fulfilment unit's officer, and a joint visit with an agency (Pasal 42(1))
    by_leader = await run(
        MONITORING_VISIT, "record", None, await as_(org.leaders[0]), visit(running.id), now=NOW
    )
    by_unit = await run(
        MONITORING_VISIT, "record", None, await as_(org.rights_head), visit(running.id), now=NOW
    )
    joint = await run(
        MONITORING_VISIT,
        "record",
        None,
        await as_(org.rights_head),
        visit(running.id, agency_id=agency.id, recommendations="Jadwal pengawalan baru."),
        now=NOW,
    )
    # then
    assert [v.monitor_role for v in (by_leader, by_unit, joint)] == [
        MonitorRole.LEADERS,
        MonitorRole.RIGHTS_FULFILMENT_UNIT,
        MonitorRole.AGENCY,
    ]
    assert by_leader.kind == MonitoringKind.MONITORING and by_leader.case_id == running.case_id
    assert by_leader.by_staff_id == org.leaders[0].staff.id and joint.by_agency_id == agency.id
    assert by_leader.findings == "Program berjalan sesuai keputusan." and by_leader.follows_decision is True
    history = await WorkflowHistory.filter(subject_id=by_leader.id).values_list("action", "to_state")
    assert history == [("record", "monitoring")]


async def test_monitoring_visit_record_when_program_not_running_is_refused_mon_1(policies):
    # given: a program not yet in force, one that has ended, and a running one visited outside its period
    org = await organisation()
    pending, ended, running = await programs(
        org, ProgramStatus.PENDING_SIGNATURE, ProgramStatus.ENDED, ProgramStatus.ACTIVE
    )
    leader = await as_(org.leaders[0])
    before = await snapshot()
    # when: the way around Pasal 42(2) — monitoring outside the protection's run
    for given in (
        visit(pending.id),
        visit(ended.id),
        visit(running.id, visited_on=running.period_start - DAY),
    ):
        with pytest.raises(RuleViolation) as refused:
            await run(MONITORING_VISIT, "record", None, leader, given, now=NOW)
        # then
        assert refused.value.rule == "MON-1" and refused.value.field == "programId"
    assert await snapshot() == before


async def test_monitoring_visit_evaluation_during_or_after_program_mon_1(policies):
    # given
    org = await organisation()
    ended, running, pending = await programs(
        org, ProgramStatus.ENDED, ProgramStatus.ACTIVE, ProgramStatus.PENDING_SIGNATURE
    )
    leader = await as_(org.leaders[0])
    # when: evaluation visits after and during (Pasal 42(3))
    after = await run(
        MONITORING_VISIT, "record", None, leader, visit(ended.id, kind=MonitoringKind.EVALUATION), now=NOW
    )
    during = await run(
        MONITORING_VISIT, "record", None, leader, visit(running.id, kind=MonitoringKind.EVALUATION), now=NOW
    )
    # then: both recorded; before the program took effect, refused
    assert after.kind == during.kind == MonitoringKind.EVALUATION
    with pytest.raises(RuleViolation) as refused:
        await run(
            MONITORING_VISIT,
            "record",
            None,
            leader,
            visit(pending.id, kind=MonitoringKind.EVALUATION),
            now=NOW,
        )
    assert refused.value.rule == "MON-1"


async def test_monitoring_visit_in_the_future_is_refused_mon_1(policies):
    # given
    org = await organisation()
    (running,) = await programs(org, ProgramStatus.ACTIVE)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await run(
            MONITORING_VISIT,
            "record",
            None,
            await as_(org.leaders[0]),
            visit(running.id, visited_on=TODAY + DAY),
            now=NOW,
        )
    # then
    assert (refused.value.rule, refused.value.field) == ("MON-1", "visitedOn")
    assert await snapshot() == before


async def test_monitoring_visit_without_findings_is_invalid_mon_1():
    with pytest.raises(ValidationFailed) as refused:
        visit(None, findings="   ")
    assert (refused.value.field, refused.value.rule) == ("findings", "MON-1")


async def test_monitoring_visit_by_staff_outside_the_monitors_is_forbidden_mon_1(policies):
    # given: an executor of another unit, and the head of the application-review unit
    org = await organisation()
    (running,) = await programs(org, ProgramStatus.ACTIVE)
    before = await snapshot()
    # when / then: Pasal 42(1) names the leaders and the rights-fulfilment unit only
    for someone in (org.other_officer, org.review_head):
        with pytest.raises(Forbidden):
            await run(MONITORING_VISIT, "record", None, await as_(someone), visit(running.id), now=NOW)
    assert await snapshot() == before


async def test_monitoring_visit_by_the_rights_unit_on_a_program_of_any_case_mon_1(policies):
    # given: the rights-fulfilment officer is not on the case — the unit as a whole monitors
    # (Pasal 42(1): "unit kerja yang menangani urusan di bidang pemenuhan hak")
    org = await organisation()
    (running,) = await programs(org, ProgramStatus.ACTIVE)
    # when
    recorded = await run(
        MONITORING_VISIT, "record", None, await as_(org.rights_officer), visit(running.id), now=NOW
    )
    # then
    assert recorded.program_id == running.id


async def test_monitoring_visit_of_an_unknown_program_is_not_found_ac_12(policies):
    # given
    org = await organisation()
    before = await MonitoringVisit.all().count()
    # when / then
    with pytest.raises(NotFound):
        await run(
            MONITORING_VISIT, "record", None, await as_(org.rights_officer), visit(uuid.uuid4()), now=NOW
        )
    assert await MonitoringVisit.all().count() == before


async def test_program_evaluation_record_during_and_after_mon_1(policies):
    # given
    org = await organisation()
    running, terminated = await programs(org, ProgramStatus.ACTIVE, ProgramStatus.TERMINATED)
    head = await as_(org.rights_head)
    # when
    during = await run(PROGRAM_EVALUATION, "record", None, head, evaluation(running.id), now=NOW)
    after = await run(
        PROGRAM_EVALUATION,
        "record",
        None,
        head,
        evaluation(terminated.id, timing=EvaluationTiming.AFTER, recommendation=None),
        now=NOW,
    )
    # then
    assert (during.timing, after.timing) == (EvaluationTiming.DURING, EvaluationTiming.AFTER)
    assert during.evaluator_id == org.rights_head.staff.id and during.conclusion == "Efektif."


async def test_program_evaluation_timing_not_matching_the_program_is_refused_mon_1(policies):
    # given
    org = await organisation()
    running, ended = await programs(org, ProgramStatus.ACTIVE, ProgramStatus.ENDED)
    head = await as_(org.rights_head)
    before = await snapshot()
    # when: the way around Pasal 42(3) — "after" a running program, "during" an ended one
    for given in (
        evaluation(running.id, timing=EvaluationTiming.AFTER),
        evaluation(ended.id),
        evaluation(running.id, evaluated_on=TODAY + DAY),
    ):
        with pytest.raises(RuleViolation) as refused:
            await run(PROGRAM_EVALUATION, "record", None, head, given, now=NOW)
        # then
        assert refused.value.rule == "MON-1"
    assert await snapshot() == before


async def test_program_evaluation_without_conclusion_is_invalid_mon_1():
    with pytest.raises(ValidationFailed) as refused:
        dataclasses.replace(evaluation(None), conclusion=" ")
    assert refused.value.field == "conclusion"
