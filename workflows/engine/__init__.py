"""The declarative workflow engine: a workflow is declared once, as data, and everything else is
derived from that declaration (CONVENTIONS, "Low-code means declaring, not repeating").

    ASSIGNMENT = register(Workflow(
        name="assignment", model=Assignment, state_field="status",
        transitions=(
            Transition(
                action="issue_letter", sources=(AssignmentStatus.PROPOSED_TO_SG,),
                target=AssignmentStatus.LETTER_ISSUED,
                actors=(position(Position.SECRETARY_GENERAL, "ASG-2"),),
                guards=(every_involvement_approved,), effect=issue_sg_letter,
                rule_ids=("ASG-2", "ASG-10"), label=("Terbitkan surat penugasan", "Issue the letter"),
            ),
            ...
        ),
    ))

From it come:

- `run(workflow, action, record_id, principal, input)` — the one way a transition is taken:
  one transaction, the record locked, policy, scope, state, actors, guards and approvals checked
  before anything is written, history recorded with the change (runner.py);
- `available_actions(workflow, record, principal)` — what this principal may do now;
- `policy_lines()` — the default Casbin lines (resource = table, action = "<workflow>.<action>")
  from the declared actors, appended to authz.default_policy (registry.py);
- the GraphQL mutations `<model><Action>` and `availableActions` (schema/workflows.py);
- the Mermaid diagrams in docs/workflows/ (diagrams.py).
"""

from workflows.engine.actors import (
    OFFICER_POSITIONS,
    Actor,
    head_of,
    head_of_function,
    head_of_unit,
    lpsk_officer,
    of_function,
    portfolio,
    position,
    staff_concerned,
    team_lead,
    unit_officer,
)
from workflows.engine.declaration import (
    Approves,
    Condition,
    Deadline,
    Guard,
    Transition,
    Workflow,
    approval_complete,
    describe,
    doc,
    field_is,
    guard,
)
from workflows.engine.registry import permissions, policy_lines, register, workflow_for, workflows
from workflows.engine.runner import LOCAL_TIMEZONE, Step, authorize, available_actions, run

__all__ = [
    "LOCAL_TIMEZONE",
    "OFFICER_POSITIONS",
    "Actor",
    "Approves",
    "Condition",
    "Deadline",
    "Guard",
    "Step",
    "Transition",
    "Workflow",
    "approval_complete",
    "authorize",
    "available_actions",
    "describe",
    "doc",
    "field_is",
    "guard",
    "head_of",
    "head_of_function",
    "head_of_unit",
    "lpsk_officer",
    "of_function",
    "permissions",
    "policy_lines",
    "portfolio",
    "position",
    "register",
    "run",
    "staff_concerned",
    "team_lead",
    "unit_officer",
    "workflow_for",
    "workflows",
]
