"""What the proactive-action steps change, beyond the state the engine moves (PRO-1–4). Each runs
inside the step's transaction, after every check has passed."""

from __future__ import annotations

import dataclasses
import datetime as dt

from models.cases import Case, CrimeType
from models.proactive_actions import (
    ProactiveAction,
    ProactiveOutcome,
    ProactiveTeamMember,
    ProactiveTeamRole,
    ProactiveTrigger,
)
from models.programs import EmergencyProtection
from workflows.applications import ProactiveApplicationInput, file_from_proactive_action
from workflows.engine import LOCAL_TIMEZONE, Deadline, Step
from workflows.letters import next_code
from workflows.proactive_actions.access import reachable
from workflows.proactive_actions.inputs import (
    AnalyseInput,
    ConcludeInput,
    ConcludeWithApplicationInput,
    FormTeamInput,
    OutcomeRecords,
    ReportInput,
    parse_budget,
)
from workflows.proactive_actions.rules import letters_by_officer

# PRO-3 (SP A.3: "paling lama 1 (satu) hari kalender"): from the leader's approval to the outcome,
# counted in calendar days (weekends included), as 24 hours from the approval.
OUTCOME_DEADLINE = Deadline(1, "PRO-3", "outcome within 1 calendar day of the leader's approval")


def _text(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=LOCAL_TIMEZONE)


async def build_report(step: Step) -> ProactiveAction:
    """PRO-1: the crime event reported, by the officer (or leader) who reports it; a case only if
    they reach it (AC-12). Right after suspected terrorism the crime type is terrorism."""
    given: ReportInput = step.input
    case = None if given.case_id is None else await reachable(Case, given.case_id, step.principal)
    crime_type = given.crime_type
    if crime_type is None and given.trigger is ProactiveTrigger.TERRORISM:
        crime_type = CrimeType.TERRORISM
    return ProactiveAction(
        code=await next_code(ProactiveAction, "TP", step.today.year),
        trigger=given.trigger,
        crime_type=crime_type or (case.crime_type if case else None),
        event_summary=given.event_summary.strip(),
        event_at=_local(given.event_at),
        event_region=_text(given.event_region),
        case_id=case.id if case else None,
        reported_by_id=step.principal.staff_id,
        reported_at=step.now,
    )


async def analysed(step: Step) -> None:
    """PRO-2: the case analysis, the planned activities and budget, who made them and when."""
    given: AnalyseInput = step.input
    record: ProactiveAction = step.record
    record.analysis = given.analysis.strip()
    record.activity_plan = _text(given.activity_plan)
    record.budget = parse_budget(given.budget)  # type: ignore[assignment]
    record.analysed_by_id = step.principal.staff_id  # type: ignore[attr-defined]
    record.analysed_at = step.now


async def approved(step: Step) -> None:
    """PRO-2, PRO-3: the leader's approval, and the one-calendar-day deadline it starts."""
    record: ProactiveAction = step.record
    record.approved_by_id = step.principal.staff_id  # type: ignore[attr-defined]
    record.approved_at = step.now
    record.deadline_at = step.now + dt.timedelta(days=OUTCOME_DEADLINE.days)


async def rejected(step: Step) -> None:
    step.record.rejection_reason = step.reason


async def team_formed(step: Step) -> None:
    """PRO-2, PRO-4: the officers join the team, each with the letter that assigns them."""
    given: FormTeamInput = step.input
    record: ProactiveAction = step.record
    held = await letters_by_officer(given.assignment_letter_ids, step.today)
    for staff_id in dict.fromkeys(given.officer_ids):
        await ProactiveTeamMember.create(
            action_id=record.id,
            staff_id=staff_id,
            role=ProactiveTeamRole.LEAD if staff_id == given.lead_id else ProactiveTeamRole.MEMBER,
            assignment_letter_id=held[staff_id],
        )
    record.equipment = [item.value for item in dict.fromkeys(given.equipment)]


async def concluded(step: Step) -> None:
    """PRO-2: the outcome (a) or (c) and its time (PRO-3 measures it), with the report, minutes and
    service record; (c) links the emergency protection given (EMG-1), and its case if none yet."""
    given: ConcludeInput = step.input
    record: ProactiveAction = step.record
    _record_outcome(step, given.outcome, given)
    if given.outcome is ProactiveOutcome.EMERGENCY_PROTECTION:
        emergency = await EmergencyProtection.get(id=given.emergency_protection_id)
        record.emergency_protection_id = emergency.id  # type: ignore[attr-defined]
        record.case_id = record.case_id or emergency.case_id  # type: ignore[attr-defined]


async def concluded_with_application(step: Step) -> None:
    """PRO-2 (b): the application the action brings about, filed by the applications workflow in
    this transaction (channel 'proactive', APP-4), with the report, minutes and service record."""
    given: ConcludeWithApplicationInput = step.input
    record: ProactiveAction = step.record
    _record_outcome(step, ProactiveOutcome.APPLICATION_FILED, given)
    fields = {
        f.name: getattr(given, f.name)
        for f in dataclasses.fields(ProactiveApplicationInput)
        if hasattr(given, f.name)
    }
    application = await file_from_proactive_action(
        step, ProactiveApplicationInput(proactive_action_id=record.id, **fields)
    )
    record.application_id = application.id  # type: ignore[attr-defined]
    # The filing may open the case and store it on the action: keep it in this copy, saved next.
    record.case_id = application.case_id  # type: ignore[attr-defined]


def _record_outcome(step: Step, outcome: ProactiveOutcome, given: OutcomeRecords) -> None:
    record: ProactiveAction = step.record
    record.outcome = outcome
    record.outcome_at = step.now
    record.report = given.report.strip()
    record.minutes = given.minutes.strip()
    record.service_record = _text(given.service_record)


__all__ = [
    "OUTCOME_DEADLINE",
    "analysed",
    "approved",
    "build_report",
    "concluded",
    "concluded_with_application",
    "rejected",
    "team_formed",
]
