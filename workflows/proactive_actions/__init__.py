"""Proactive action (Tindakan proaktif, PRO-1–4; seed 000, service standard B), declared as data.

A crime event is reported (PRO-1: in LPSK's remit or of public concern, the leaders'
consideration or an officer's report, input from law enforcement or another agency, right after
suspected terrorism) → the application-review unit analyses the case and plans activities and
budget → a leader responsible for application review approves (PROACTIVE_ACTION; not the one who
reported it, AC-7) or rejects → the head of the application-review unit forms the investigation
team: at least two officers, each holding a current assignment letter from a superior (PRO-2,
PRO-4) → the team sets out and records the outcome — (a) no application, (b) an application, filed
with channel 'proactive', (c) emergency protection given (EMG-1) — with the report, minutes and
service record (PRO-2). The outcome is due one calendar day after the approval (PRO-3): the
deadline is set at approval, listed with what is due (workflows/deadlines.py), and an action past
it is flagged overdue there. The service is free of charge: nothing here bills anyone.
"""

from __future__ import annotations

from models.proactive_actions import ProactiveAction, ProactiveStatus
from workflows.approvals import PROACTIVE_ACTION
from workflows.engine import Approves, Transition, Workflow, register
from workflows.proactive_actions import deadlines as _deadlines  # noqa: F401 — registers PRO-3's source
from workflows.proactive_actions import effects, rules
from workflows.proactive_actions.inputs import (
    AnalyseInput,
    ConcludeInput,
    ConcludeWithApplicationInput,
    FormTeamInput,
    ReasonInput,
    ReportInput,
)

S = ProactiveStatus

LEADER_DECISION = Approves(PROACTIVE_ACTION, requester=lambda record: record.reported_by_id)

PROACTIVE = register(
    Workflow(
        name="proactive_action",
        model=ProactiveAction,
        state_field="status",
        description="Tindakan proaktif (PRO-1–4): reported, analysed, approved by a leader responsible for "
        "application review, carried out by a team of at least two officers holding assignment letters, "
        "concluded with outcome a–c within one calendar day of the approval.",
        transitions=(
            Transition(
                action="report",
                sources=(),
                target=S.REPORTED,
                actors=(rules.REPORTER,),
                guards=(rules.terrorism_trigger_names_terrorism, rules.event_not_in_future),
                input=ReportInput,
                build=effects.build_report,
                rule_ids=("PRO-1",),
                label=("Laporkan peristiwa untuk tindakan proaktif", "Report an event for proactive action"),
                description="An LPSK officer (or a leader, for the leaders' consideration) reports a crime event "
                "and what set it off (PRO-1).",
            ),
            Transition(
                action="analyse",
                sources=(S.REPORTED,),
                target=S.ANALYSED,
                actors=(rules.ANALYST,),
                input=AnalyseInput,
                effect=effects.analysed,
                rule_ids=("PRO-2",),
                label=("Catat analisa kasus", "Record the case analysis"),
                description="An officer of the application-review unit records the case analysis and plans the "
                "activities and budget (PRO-2).",
            ),
            Transition(
                action="approve",
                sources=(S.ANALYSED,),
                target=S.APPROVED,
                actors=(rules.APPROVER,),
                approval=LEADER_DECISION,
                effect=effects.approved,
                rule_ids=("PRO-2", "PRO-3", "AC-6", "AC-7"),
                label=("Setujui tindakan proaktif", "Approve the proactive action"),
                description="A leader responsible for application review approves (PRO-2) — not the one who "
                "reported it (AC-7); the one-calendar-day deadline for the outcome starts (PRO-3).",
            ),
            Transition(
                action="reject",
                sources=(S.ANALYSED,),
                target=S.REJECTED,
                actors=(rules.APPROVER,),
                approval=Approves(PROACTIVE_ACTION, requester=LEADER_DECISION.requester, rejects=True),
                input=ReasonInput,
                reason_required=True,
                effect=effects.rejected,
                rule_ids=("PRO-2", "AC-6", "AC-7"),
                label=("Tolak tindakan proaktif", "Reject the proactive action"),
                description="A leader responsible for application review refuses, with a reason (PRO-2).",
            ),
            Transition(
                action="form_team",
                sources=(S.APPROVED,),
                target=S.TEAM_FORMED,
                actors=(rules.TEAM_FORMER,),
                guards=(
                    rules.team_of_at_least_two,
                    rules.officers_of_lpsk,
                    rules.every_officer_holds_a_letter,
                ),
                input=FormTeamInput,
                effect=effects.team_formed,
                rule_ids=("PRO-2", "PRO-4"),
                label=("Bentuk tim investigasi", "Form the investigation team"),
                description="The head of the application-review unit forms the investigation team: at least two "
                "officers (PRO-2), each named on a current assignment letter of a superior, with the field "
                "equipment carried (PRO-4).",
            ),
            Transition(
                action="start",
                sources=(S.TEAM_FORMED,),
                target=S.EXECUTING,
                actors=(rules.TEAM,),
                rule_ids=("PRO-2",),
                label=("Mulai tindakan proaktif", "Start the proactive action"),
                description="A member of the team records that the team has set out (PRO-2).",
            ),
            Transition(
                action="conclude",
                sources=(S.EXECUTING,),
                target=S.CONCLUDED,
                actors=(rules.TEAM,),
                guards=(rules.emergency_protection_given,),
                input=ConcludeInput,
                effect=effects.concluded,
                deadline=effects.OUTCOME_DEADLINE,
                rule_ids=("PRO-2", "PRO-3", "EMG-1"),
                label=("Catat hasil tindakan proaktif", "Record the outcome of the proactive action"),
                description="A member of the team records the outcome (a) no application, or (c) emergency "
                "protection given (EMG-1), with the report, minutes and service record (PRO-2); due one "
                "calendar day after the approval (PRO-3), and flagged overdue past it.",
            ),
            Transition(
                action="conclude_with_application",
                sources=(S.EXECUTING,),
                target=S.CONCLUDED,
                actors=(rules.TEAM,),
                input=ConcludeWithApplicationInput,
                effect=effects.concluded_with_application,
                deadline=effects.OUTCOME_DEADLINE,
                rule_ids=("PRO-2", "PRO-3", "APP-4"),
                label=(
                    "Catat hasil: permohonan diajukan",
                    "Record the outcome: an application is filed",
                ),
                description="A member of the team records the outcome (b): the application is filed with "
                "channel 'proactive' on the action's case (APP-4), with the report, minutes and service "
                "record (PRO-2); due one calendar day after the approval (PRO-3).",
            ),
        ),
    )
)

__all__ = ["LEADER_DECISION", "PROACTIVE"]
