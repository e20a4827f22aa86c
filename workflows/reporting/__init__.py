"""Reporting as declared workflows (01: Pasal 12–13, Lamp. 3–4), RPT-1 … RPT-6.

- `work_report` (reports.py; actors, lines and guards in report_rules.py) — member → lead (RPT-1);
  individual or team summary → the Secretary General through the unit head, the Administrator in
  an administrative unit (RPT-3, RPT-4); the Secretary General's request by a due date (RPT-2).
- `escalation` (escalations.py) — the lead's problem with alternatives and a recommendation, and its
  resolution by the owning unit head or a member's own unit head (RPT-5).
- `agency_escalation_decision` (agency_decisions.py) — in a cross-agency team, the written decision of
  the head of the other agency owning the performance (Lamp. 3.c.4), by its token or from its letter.
- `coordination_note` (coordination.py) — coordination with experts, officials and teams, recorded
  on the team; experts comment here and never decide (RPT-6, ORG-3, AC-9).

The lines they follow (who is whose superior, who heads what) are read in lines.py, shared with
workflows/performance.
"""

from __future__ import annotations

from workflows.engine import register
from workflows.reporting.agency_decisions import AGENCY_ESCALATION_DECISION
from workflows.reporting.coordination import COORDINATION_NOTE
from workflows.reporting.escalations import ESCALATION
from workflows.reporting.reports import WORK_REPORT

register(WORK_REPORT)
register(ESCALATION)
register(COORDINATION_NOTE)
register(AGENCY_ESCALATION_DECISION)

__all__ = ["AGENCY_ESCALATION_DECISION", "COORDINATION_NOTE", "ESCALATION", "WORK_REPORT"]
