"""Work reports up the line (Pasal 12–13, Lamp. 3.B.3, Lamp. 4): RPT-1 … RPT-4, as a workflow.

The line a report takes is read from the organisation when it is written, never chosen by its
author (so no level can be skipped):

- a team member → the team lead (RPT-1), who takes it in;
- an individual, or a lead's compiled team summary → the Secretary General *through* the head of
  the unit (the owning unit, for a team), who forwards it (RPT-4); in an administrative unit that
  head is the Administrator (RPT-3). A head's own report goes straight to the Secretary General;
- asked for: the Secretary General asks anyone, by a due date (RPT-2); a lead asks a member (RPT-1);
  the answer goes straight back to whoever asked.

Whoever holds a report may send it back to its author with a reason: only results that meet the
target go on to the Secretary General (Lamp. 3.B.3).
"""

from __future__ import annotations

from models.performance import WorkReport, WorkReportKind, WorkReportStatus
from workflows.engine import Step, Transition, Workflow
from workflows.reporting import lines
from workflows.reporting.inputs import DraftReportInput, ReasonInput, RequestReportInput, SubmitReportInput
from workflows.reporting.report_rules import (
    ASKING_SECRETARY_GENERAL,
    AUTHOR,
    DIRECT,
    RECIPIENT,
    REPORTING_HEAD,
    REQUESTING_LEAD,
    SECRETARY_GENERAL,
    THROUGH_HEAD,
    against_the_activity_plan,
    asked_of_reporting_staff,
    asked_on_the_team,
    due_date_ahead,
    lead_compiles_team_summary,
    member_reports_to_the_lead,
    members_reports_taken_in,
    not_ones_own_report,
    reports_to_a_superior,
    results_written,
    route,
)

S = WorkReportStatus


# --- builds and effects ----------------------------------------------------------------------------


async def _build_draft(step: Step) -> WorkReport:
    given: DraftReportInput = step.input
    author = step.principal.staff_id
    if given.team_id is not None:
        await lines.team(given.team_id)
    recipient, through = await route(author, given.kind.value, given.team_id, step)
    report = WorkReport(
        author_id=author,
        through_id=through,
        team_id=given.team_id,
        kind=given.kind,
        period_start=given.period_start,
        period_end=given.period_end,
        summary=lines.text(given.summary),
        status=S.DRAFT,
    )
    report.recipient_id = recipient  # None when there is no line: `reports_to_a_superior` refuses
    return report


async def _build_request(step: Step) -> WorkReport:
    given: RequestReportInput = step.input
    if given.team_id is not None:
        await lines.team(given.team_id)
    asker = step.principal.staff_id
    # Position-bound (AC-6): a request of the Secretary General answers to the Secretary General.
    recipient = (await lines.secretary_general_id() or asker) if lines.is_secretary_general(step) else asker
    return WorkReport(
        author_id=given.staff_id,
        recipient_id=recipient,
        requested_by_id=asker,
        team_id=given.team_id,
        kind=WorkReportKind.ON_DEMAND,
        period_start=given.period_start,
        period_end=given.period_end,
        due_on=given.due_on,
        status=S.REQUESTED,
    )


async def _submitted(step: Step) -> None:
    report: WorkReport = step.record
    written = lines.text(step.input.summary) if step.input else None
    if written is not None:
        report.summary = written
    report.submitted_at = step.now


async def _forwarded(step: Step) -> None:
    step.record.through_id = step.principal.staff_id  # who actually passed it on (acting heads too)


_RETURN_LABEL = ("Kembalikan laporan kepada penyusunnya", "Send the report back to its author")

WORK_REPORT = Workflow(
    name="work_report",
    model=WorkReport,
    state_field="status",
    description="Laporan pelaksanaan tugas (Pasal 12–13, Lamp. 4): member → lead (RPT-1); individual or "
    "team summary → Secretary General through the unit head, or the Administrator in an administrative "
    "unit (RPT-3, RPT-4); asked for by the Secretary General by a due date (RPT-2). The line is read from "
    "the organisation, never chosen, so no level is skipped.",
    transitions=(
        Transition(
            action="draft",
            sources=(),
            target=S.DRAFT,
            actors=(AUTHOR,),
            guards=(lead_compiles_team_summary, member_reports_to_the_lead, reports_to_a_superior),
            input=DraftReportInput,
            build=_build_draft,
            rule_ids=("RPT-1", "RPT-3", "RPT-4"),
            label=("Susun laporan", "Draft a report"),
            description="A staff member drafts a report of their own work: to their team lead as a member "
            "(RPT-1), or to the Secretary General through their unit head — the Administrator in an "
            "administrative unit (RPT-3, RPT-4); a lead drafts the team summary (RPT-4).",
        ),
        Transition(
            action="request",
            sources=(),
            target=S.REQUESTED,
            actors=(ASKING_SECRETARY_GENERAL, REQUESTING_LEAD),
            guards=(due_date_ahead, asked_of_reporting_staff, asked_on_the_team),
            input=RequestReportInput,
            build=_build_request,
            rule_ids=("RPT-2", "RPT-1"),
            label=("Minta laporan", "Request a report"),
            description="The Secretary General asks any team lead or staff member for a report by a due "
            "date (RPT-2); a team lead asks a member of the team (RPT-1). It comes straight back.",
        ),
        Transition(
            action="submit",
            sources=(S.REQUESTED, S.DRAFT),
            target=S.SUBMITTED,
            actors=(AUTHOR,),
            guards=(results_written, members_reports_taken_in, against_the_activity_plan),
            input=SubmitReportInput,
            effect=_submitted,
            rule_ids=("RPT-1", "RPT-2", "RPT-4"),
            label=("Sampaikan laporan", "Submit the report"),
            description="The author sends the report up its line; a team summary only once the members' "
            "reports are taken in, against the team's activity plan (RPT-4).",
        ),
        Transition(
            action="forward",
            sources=(S.SUBMITTED,),
            target=S.FORWARDED,
            actors=(REPORTING_HEAD,),
            guards=(not_ones_own_report,),
            effect=_forwarded,
            when=THROUGH_HEAD,
            rule_ids=("RPT-4", "RPT-3", "AC-6"),
            label=("Teruskan kepada Sekretaris Jenderal", "Forward to the Secretary General"),
            description="The head of the unit (the Administrator in an administrative unit, RPT-3) passes "
            "the report on to the Secretary General (RPT-4); no one else, and not their own (AC-6, AC-7).",
        ),
        Transition(
            action="receive",
            sources=(S.SUBMITTED,),
            target=S.RECEIVED,
            actors=(RECIPIENT,),
            guards=(not_ones_own_report,),
            when=DIRECT,
            rule_ids=("RPT-1", "RPT-2", "AC-6"),
            label=("Terima laporan", "Take the report in"),
            description="The recipient takes the report in: the team lead (RPT-1), the Secretary General "
            "(RPT-2, RPT-4) — only once the unit head has forwarded it where it passes through one.",
        ),
        Transition(
            action="receive",
            sources=(S.FORWARDED,),
            target=S.RECEIVED,
            actors=(SECRETARY_GENERAL,),
            guards=(not_ones_own_report,),
            when=THROUGH_HEAD,
            rule_ids=("RPT-4", "RPT-3", "AC-6"),
        ),
        Transition(
            action="return_to_author",
            sources=(S.SUBMITTED,),
            target=S.DRAFT,
            actors=(RECIPIENT,),
            guards=(not_ones_own_report,),
            input=ReasonInput,
            reason_required=True,
            when=DIRECT,
            rule_ids=("RPT-1", "AC-6"),
            label=_RETURN_LABEL,
            description="Whoever holds the report sends it back to its author with a reason: only results "
            "that meet the target go on to the Secretary General (Lamp. 3.B.3).",
        ),
        Transition(
            action="return_to_author",
            sources=(S.SUBMITTED,),
            target=S.DRAFT,
            actors=(REPORTING_HEAD,),
            guards=(not_ones_own_report,),
            input=ReasonInput,
            reason_required=True,
            when=THROUGH_HEAD,
            rule_ids=("RPT-4", "AC-6"),
        ),
        Transition(
            action="return_to_author",
            sources=(S.FORWARDED,),
            target=S.DRAFT,
            actors=(SECRETARY_GENERAL,),
            guards=(not_ones_own_report,),
            input=ReasonInput,
            reason_required=True,
            when=THROUGH_HEAD,
            rule_ids=("RPT-4", "AC-6"),
        ),
    ),
)

__all__ = ["WORK_REPORT"]
