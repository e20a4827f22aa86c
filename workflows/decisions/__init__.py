"""Decisions of the leaders (Keputusan LPSK, DEC-1, DEC-2), declared as data.

`decision` — a decision is taken whole: it is numbered (gap-free per year), dated and signed when
it is made, and immutable after (`Decision.status` decided).

- `decide` — a leader decides a reviewed application: accepted wholly (every program asked for),
  partly (some of them), or rejected (none); an accepting decision lists each program with its
  period (DEC-2), covers the family members named (APP-2) and produces its documents (ADM-1:
  workflows/documents/administration.py).
- `issue` — internal: the decision another step needs — every change of programs (CHG-1,
  workflows/programs/changes.py), a termination (TRM-1), an emergency (EMG-1). Call
  `issue_decision(step, IssueDecisionInput(...))` from that step's effect.
"""

from __future__ import annotations

from models.cases import Decision, DecisionStatus
from workflows.decisions import effects, rules
from workflows.decisions.effects import issue_decision, next_decision_number
from workflows.decisions.inputs import DecideInput, Grant, IssueDecisionInput
from workflows.engine import Transition, Workflow, register
from workflows.protection_actors import LEADER

DECISION = register(
    Workflow(
        name="decision",
        model=Decision,
        state_field="status",
        description="Keputusan LPSK (DEC-1, DEC-2): the leaders' numbered, dated decision — on an application, "
        "a change of programs (CHG-1), a termination (TRM-1) or an emergency (EMG-1); immutable once taken.",
        transitions=(
            Transition(
                action="decide",
                sources=(),
                target=DecisionStatus.DECIDED,
                actors=(LEADER,),
                guards=rules.DECIDE_GUARDS,
                input=DecideInput,
                build=effects.build_decision,
                effect=effects.decided,
                rule_ids=("DEC-1", "DEC-2", "ADM-1", "PRG-2", "PRG-3", "PRG-4", "APP-2"),
                label=("Putuskan permohonan", "Decide the application"),
                description="A leader decides a reviewed application (DEC-1): accepted wholly (every program "
                "asked for), partly (some), or rejected (none). An accepting decision lists each program and "
                "its period (DEC-2) — only those the person may have (PRG-2 … PRG-4) — and produces the "
                "letters, agreement and statement (ADM-1).",
            ),
            Transition(
                action="issue",
                sources=(),
                target=DecisionStatus.DECIDED,
                input=IssueDecisionInput,
                build=effects.build_issued,
                rule_ids=("DEC-1", "DEC-2", "CHG-1", "TRM-1"),
                label=("Terbitkan keputusan", "Issue the decision"),
                description="Follows a change of programs, a termination or an emergency: every such step is "
                "a numbered decision of its own (DEC-2, CHG-1, TRM-1).",
            ),
        ),
    )
)

__all__ = [
    "DECISION",
    "DecideInput",
    "Grant",
    "IssueDecisionInput",
    "issue_decision",
    "next_decision_number",
]
