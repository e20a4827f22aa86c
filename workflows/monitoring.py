"""Monitoring and evaluation of protection (Pemantauan dan evaluasi, MON-1; seed 003, Pasal 42–43).

The leaders and the rights-fulfilment unit — together with agencies concerned where they take
part — monitor protection while it runs (Pasal 42(2)) and evaluate it during or after it
(Pasal 42(3)), against the decision, the principles, the law and code of ethics, and to improve
the service (Pasal 43). Each visit and each evaluation is recorded with its findings.

A visit or an evaluation is a fact recorded once, not a process: it never moves. The engine keys
a workflow on an enum column; here the record's kind (`MonitoringVisit.kind`) or timing
(`ProgramEvaluation.timing`) serves, so that each path carries its own rule of Pasal 42:

- `monitoring_visit.record` → monitoring: the program is running, and the visit fell within its
  period (Pasal 42(2)); → evaluation: the program has taken effect (Pasal 42(3));
- `program_evaluation.record` → during: the program is running (and the day within its period);
  → after: the program has ended or was terminated (Pasal 42(3)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.organisation import Agency, Position
from models.programs import (
    EvaluationRecommendation,
    EvaluationTiming,
    MonitoringKind,
    MonitoringVisit,
    MonitorRole,
    ProgramEvaluation,
    ProgramStatus,
    ProtectionProgram,
)
from workflows.engine import Step, Transition, Workflow, doc, field_is, guard, position, register
from workflows.engine.actors import unit_officer
from workflows.errors import NotFound, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE
from workflows.proactive_actions.access import reachable

CATALOGUE.update(
    {
        "monitoring.blank": ("'{field}' wajib diisi (MON-1).", "'{field}' is required (MON-1)."),
    }
)

RUNNING = frozenset({ProgramStatus.ACTIVE, ProgramStatus.SUSPENDED})
OVER = frozenset({ProgramStatus.ENDED, ProgramStatus.TERMINATED})


def _required(value: str, name: str) -> None:
    if not value.strip():
        raise ValidationFailed("monitoring.blank", field=name, rule="MON-1")


# --- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordVisitInput:
    """MON-1: a monitoring or evaluation visit to a program, with its findings (Pasal 42–43)."""

    program_id: UUID = field(metadata=doc("The protection program visited."))
    kind: MonitoringKind = field(
        metadata=doc(
            "Monitoring, while the program runs (Pasal 42(2)); or evaluation, during or after it (42(3))."
        )
    )
    visited_on: dt.date = field(metadata=doc("Day of the visit (not in the future)."))
    findings: str = field(metadata=doc("What was found (internal)."))
    follows_decision: bool | None = field(
        default=None, metadata=doc("Protection follows the LPSK decision (Pasal 43a).")
    )
    follows_principles: bool | None = field(
        default=None, metadata=doc("It follows the principles of protection (Pasal 43b).")
    )
    follows_law_and_ethics: bool | None = field(
        default=None, metadata=doc("It follows the law, the code of ethics and staff discipline (Pasal 43c).")
    )
    recommendations: str | None = field(default=None, metadata=doc("Improvements recommended (Pasal 43d)."))
    agency_id: UUID | None = field(
        default=None, metadata=doc("The agency concerned that took part in the visit, if one (Pasal 42(1)).")
    )

    def __post_init__(self) -> None:
        _required(self.findings, "findings")


@dataclass(frozen=True)
class RecordEvaluationInput:
    """MON-1: an evaluation of a program during or after it, with findings and conclusion (Pasal 42(3))."""

    program_id: UUID = field(metadata=doc("The protection program evaluated."))
    timing: EvaluationTiming = field(
        metadata=doc("During the program (it is running) or after it (it has ended or was terminated).")
    )
    evaluated_on: dt.date = field(metadata=doc("Day of the evaluation (not in the future)."))
    findings: str = field(metadata=doc("Findings (internal)."))
    conclusion: str = field(metadata=doc("Conclusion (internal)."))
    recommendation: EvaluationRecommendation | None = field(
        default=None,
        metadata=doc("What should follow: continue, extend, add, reduce, terminate (CHG-1, TRM-1)."),
    )
    agency_id: UUID | None = field(
        default=None, metadata=doc("The agency concerned that took part, if one (Pasal 42(1)).")
    )

    def __post_init__(self) -> None:
        _required(self.findings, "findings")
        _required(self.conclusion, "conclusion")


# --- who: the leaders and the rights-fulfilment unit (Pasal 42(1)) ----------------------------

LEADER = position(Position.LEADER, "MON-1", "a leader")
RIGHTS_FULFILMENT = unit_officer("rights_fulfilment", "MON-1", "an officer of the rights-fulfilment unit")
MONITORS = (LEADER, RIGHTS_FULFILMENT)


# --- guards ----------------------------------------------------------------------------------


async def _program(step: Step) -> ProtectionProgram:
    return await ProtectionProgram.get(id=step.record.program_id)


def _not_in_future(day: dt.date, step: Step) -> bool:
    return day <= step.today


def _within_period(program: ProtectionProgram, day: dt.date) -> bool:
    return program.period_start <= day <= program.period_end


@guard(
    "MON-1",
    id="Tanggal kunjungan atau evaluasi tidak boleh di masa depan (MON-1).",
    en="The day of a visit or evaluation cannot be in the future (MON-1).",
    field="visitedOn",
)
async def visited_not_in_future(step: Step) -> bool:
    """MON-1: what is recorded has happened."""
    return _not_in_future(step.record.visited_on, step)


@guard(
    "MON-1",
    id="Pemantauan dilakukan pada saat pelaksanaan perlindungan: program harus sedang berjalan dan "
    "tanggal kunjungan dalam jangka waktunya (MON-1, Pasal 42(2)).",
    en="Monitoring happens while protection runs: the program must be running and the visit within its "
    "period (MON-1, Pasal 42(2)).",
    field="programId",
)
async def program_running_on_visit(step: Step) -> bool:
    """MON-1 (Pasal 42(2)): monitoring of a program in force, on a day of its period."""
    program = await _program(step)
    return program.status in RUNNING and _within_period(program, step.record.visited_on)


@guard(
    "MON-1",
    id="Evaluasi dilakukan pada saat atau pasca pelaksanaan perlindungan: program harus sudah berlaku "
    "(MON-1, Pasal 42(3)).",
    en="Evaluation happens during or after protection: the program must have taken effect (MON-1, Pasal 42(3)).",
    field="programId",
)
async def program_has_taken_effect(step: Step) -> bool:
    """MON-1 (Pasal 42(3)): an evaluation visit of a program that is running or over, not before it."""
    program = await _program(step)
    return program.status in RUNNING | OVER and step.record.visited_on >= program.period_start


@guard(
    "MON-1",
    id="Tanggal evaluasi tidak boleh di masa depan (MON-1).",
    en="The day of an evaluation cannot be in the future (MON-1).",
    field="evaluatedOn",
)
async def evaluated_not_in_future(step: Step) -> bool:
    """MON-1: what is recorded has happened."""
    return _not_in_future(step.record.evaluated_on, step)


@guard(
    "MON-1",
    id="Evaluasi 'selama' hanya untuk program yang sedang berjalan, pada tanggal dalam jangka waktunya "
    "(MON-1, Pasal 42(3)).",
    en="An evaluation 'during' is of a running program, on a day within its period (MON-1, Pasal 42(3)).",
    field="timing",
)
async def evaluated_while_running(step: Step) -> bool:
    """MON-1 (Pasal 42(3)): during — the program is running."""
    program = await _program(step)
    return program.status in RUNNING and _within_period(program, step.record.evaluated_on)


@guard(
    "MON-1",
    id="Evaluasi 'pasca' hanya untuk program yang telah berakhir atau dihentikan (MON-1, Pasal 42(3)).",
    en="An evaluation 'after' is of a program that has ended or was terminated (MON-1, Pasal 42(3)).",
    field="timing",
)
async def evaluated_after_end(step: Step) -> bool:
    """MON-1 (Pasal 42(3)): after — the program is over."""
    return (await _program(step)).status in OVER


# --- building the records ----------------------------------------------------------------------


async def _agency(agency_id: UUID | None) -> UUID | None:
    if agency_id is not None and not await Agency.filter(id=agency_id, active=True).exists():
        raise NotFound("Agency")
    return agency_id


def _role(step: Step, agency_id: UUID | None) -> MonitorRole:
    """Who monitors (Pasal 42(1)), from who records it: with an agency, a joint visit."""
    if agency_id is not None:
        return MonitorRole.AGENCY
    if step.principal.position == Position.LEADER.value:
        return MonitorRole.LEADERS
    return MonitorRole.RIGHTS_FULFILMENT_UNIT


async def _build_visit(step: Step) -> MonitoringVisit:
    """MON-1: the visit, to a program the monitor reaches (AC-12), by the one who records it."""
    given: RecordVisitInput = step.input
    program = await reachable(ProtectionProgram, given.program_id, step.principal)
    agency_id = await _agency(given.agency_id)
    return MonitoringVisit(
        program_id=program.id,
        case_id=program.case_id,  # type: ignore[attr-defined]
        kind=given.kind,
        monitor_role=_role(step, agency_id),
        visited_on=given.visited_on,
        by_staff_id=step.principal.staff_id,
        by_agency_id=agency_id,
        follows_decision=given.follows_decision,
        follows_principles=given.follows_principles,
        follows_law_and_ethics=given.follows_law_and_ethics,
        findings=given.findings.strip(),
        recommendations=(given.recommendations or "").strip() or None,
    )


async def _build_evaluation(step: Step) -> ProgramEvaluation:
    """MON-1: the evaluation of a program the evaluator reaches (AC-12)."""
    given: RecordEvaluationInput = step.input
    program = await reachable(ProtectionProgram, given.program_id, step.principal)
    return ProgramEvaluation(
        program_id=program.id,
        timing=given.timing,
        evaluated_on=given.evaluated_on,
        evaluator_id=step.principal.staff_id,
        evaluator_agency_id=await _agency(given.agency_id),
        findings=given.findings.strip(),
        conclusion=given.conclusion.strip(),
        recommendation=given.recommendation,
    )


_VISIT_LABEL = ("Catat kunjungan pemantauan atau evaluasi", "Record a monitoring or evaluation visit")
_EVALUATION_LABEL = ("Catat evaluasi program", "Record a program evaluation")

MONITORING_VISIT = register(
    Workflow(
        name="monitoring_visit",
        model=MonitoringVisit,
        state_field="kind",
        description="Kunjungan pemantauan dan evaluasi (MON-1, Pasal 42–43): recorded once with findings, by "
        "a leader or the rights-fulfilment unit, with an agency where one takes part; its kind is its state.",
        transitions=(
            Transition(
                action="record",
                sources=(),
                target=MonitoringKind.MONITORING,
                actors=MONITORS,
                guards=(visited_not_in_future, program_running_on_visit),
                input=RecordVisitInput,
                build=_build_visit,
                when=field_is("kind", MonitoringKind.MONITORING),
                rule_ids=("MON-1",),
                label=_VISIT_LABEL,
                description="A leader or an officer of the rights-fulfilment unit records a visit with its "
                "findings on Pasal 43 a–d: monitoring while the program runs (Pasal 42(2)), or evaluation "
                "during or after it (Pasal 42(3)).",
            ),
            Transition(
                action="record",
                sources=(),
                target=MonitoringKind.EVALUATION,
                actors=MONITORS,
                guards=(visited_not_in_future, program_has_taken_effect),
                input=RecordVisitInput,
                build=_build_visit,
                when=field_is("kind", MonitoringKind.EVALUATION),
                rule_ids=("MON-1",),
            ),
        ),
    )
)

PROGRAM_EVALUATION = register(
    Workflow(
        name="program_evaluation",
        model=ProgramEvaluation,
        state_field="timing",
        description="Evaluasi program (MON-1, Pasal 42(3)): recorded once with findings and a conclusion, "
        "during a running program or after it; its timing is its state.",
        transitions=(
            Transition(
                action="record",
                sources=(),
                target=EvaluationTiming.DURING,
                actors=MONITORS,
                guards=(evaluated_not_in_future, evaluated_while_running),
                input=RecordEvaluationInput,
                build=_build_evaluation,
                when=field_is("timing", EvaluationTiming.DURING),
                rule_ids=("MON-1",),
                label=_EVALUATION_LABEL,
                description="A leader or an officer of the rights-fulfilment unit records an evaluation of a "
                "program with findings, conclusion and recommendation: during it, or after it (Pasal 42(3)).",
            ),
            Transition(
                action="record",
                sources=(),
                target=EvaluationTiming.AFTER,
                actors=MONITORS,
                guards=(evaluated_not_in_future, evaluated_after_end),
                input=RecordEvaluationInput,
                build=_build_evaluation,
                when=field_is("timing", EvaluationTiming.AFTER),
                rule_ids=("MON-1",),
            ),
        ),
    )
)

__all__ = ["MONITORING_VISIT", "PROGRAM_EVALUATION", "RecordEvaluationInput", "RecordVisitInput"]
