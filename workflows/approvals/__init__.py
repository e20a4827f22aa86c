"""The one approval mechanism every workflow uses: N distinct officials of a position,
portfolio or unit headship, no self-approval, acting officials for a period (AC-6, AC-7).

A workflow declares its step as an `ApprovalRule` (see `rules` for EMG-1, SH-4, ASG-2, …)
and calls:

- `approve(rule, subject, principal, requester_id=…, unit_id=…)` / `reject(…, note=reason)`:
  checks the guards, then in one transaction locks the subject row, writes the `Approval`
  row and an audit entry `<subject_type>.<step>.approve|reject`; returns the new state.
  Called inside the workflow's own `in_transaction()`, the approval that completes the step
  commits together with the transition it allows (Q-R1).
- `approval_state(rule, subject)`: decisions so far, distinct officials, complete, rejected.

Decisions taken here, with their reasons:

- Distinct *officials* are counted, not persons: an acting official counts as the official
  acted for (`Approval.acting_for`), so Y and Y's stand-in never make two (AC-7). Acting in a
  vacant post counts as the stand-in.
- The requester never decides (AC-7), and neither does someone acting for the requester:
  that would be the requester's own office approving their request through a stand-in.
- A person decides a step once, in one capacity; their own post is used before an acting one.
- One rejection by an entitled official ends the step: "any step may be rejected with a
  reason, which ends the path" (01). A rejection needs a reason.
- Refusals (Forbidden, RuleViolation, Conflict, ValidationFailed) write nothing; the error
  carries the step's rule ID (e.g. EMG-1), the message names AC-6/AC-7 where they apply.
"""

from workflows.approvals import messages as _messages  # noqa: F401 — registers the texts
from workflows.approvals.decide import approve, reject
from workflows.approvals.guards import MAX_NOTE_LENGTH, Capacity
from workflows.approvals.rules import (
    EMERGENCY_PROTECTION,
    INBOUND_SECRETARY_GENERAL,
    INVOLVEMENT_TARGET_HEAD,
    PROACTIVE_ACTION,
    RULES,
    SAFE_HOUSE_STANDARDS,
    TEMPORARY_HANDLING_PLACEMENT,
    VOLUNTARY_OWN_HEAD,
    VOLUNTARY_TARGET_HEAD,
    ApprovalRule,
)
from workflows.approvals.state import ApprovalState, Decision, approval_state

__all__ = [
    "EMERGENCY_PROTECTION",
    "INBOUND_SECRETARY_GENERAL",
    "INVOLVEMENT_TARGET_HEAD",
    "MAX_NOTE_LENGTH",
    "PROACTIVE_ACTION",
    "RULES",
    "SAFE_HOUSE_STANDARDS",
    "TEMPORARY_HANDLING_PLACEMENT",
    "VOLUNTARY_OWN_HEAD",
    "VOLUNTARY_TARGET_HEAD",
    "ApprovalRule",
    "ApprovalState",
    "Capacity",
    "Decision",
    "approval_state",
    "approve",
    "reject",
]
