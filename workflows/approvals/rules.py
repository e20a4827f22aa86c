"""Approval steps declared as data: who may approve, and how many distinct officials (AC-6, AC-7).

A workflow names the rule of its step and calls `approve` / `reject` / `approval_state`;
nothing about "two leaders" or "the target unit head" is written anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.organisation import Position

# The positions that head a unit: an Administrator leads an administrative unit (ORG-1, ORG-2).
HEAD_POSITIONS: frozenset[str] = frozenset({Position.UNIT_HEAD.value, Position.ADMINISTRATOR.value})


@dataclass(frozen=True)
class ApprovalRule:
    """One approval step: `required` distinct officials, each either of `position` (holding
    `portfolio` when one is named) or the head of the unit passed at call time (AC-6, AC-7)."""

    rule_id: str
    step: str
    required: int = 1
    position: str | None = None
    portfolio: str | None = None
    head_of_unit: bool = False

    def __post_init__(self) -> None:
        if self.required < 1:
            raise ValueError(f"{self.rule_id}: an approval step needs at least one approver")
        if (self.position is None) == (not self.head_of_unit):
            raise ValueError(f"{self.rule_id}: name either a position or head_of_unit, not both or neither")
        if self.portfolio and self.position is None:
            raise ValueError(f"{self.rule_id}: a portfolio narrows a position; name the position too")
        if not self.step or len(self.step) > 60:
            raise ValueError(f"{self.rule_id}: the step name must have 1–60 characters")

    @property
    def approver(self) -> str:
        """Who may approve, in the policy vocabulary: 'leader[rights_fulfilment]', 'head_of_unit'."""
        if self.head_of_unit:
            return "head_of_unit"
        return f"{self.position}[{self.portfolio}]" if self.portfolio else str(self.position)


# EMG-1 (02-protection; seed 003, Pasal 38(2)): "persetujuan minimal 2 (dua) orang Pimpinan
# LPSK" — at least two different leaders, any portfolio.
EMERGENCY_PROTECTION = ApprovalRule(
    rule_id="EMG-1", step="leaders_approval", required=2, position=Position.LEADER.value
)

# SH-4 (03-safe-houses; seed 004, Pasal 7(2)–(4)): in the listed conditions the declaration
# needs the consideration of "paling sedikit 2 (dua) orang pimpinan LPSK yang menangani urusan
# di bidang pemenuhan hak saksi dan korban".
SAFE_HOUSE_STANDARDS = ApprovalRule(
    rule_id="SH-4",
    step="leaders_consideration",
    required=2,
    position=Position.LEADER.value,
    portfolio="rights_fulfilment",
)

# ASG-2 (01-organisation; seed 001, Pasal 10(2), Lamp. 2.A.2.b): the head of the unit asked
# ("Pimpinan Unit Kerja yang dituju") approves or rejects the involvement request.
INVOLVEMENT_TARGET_HEAD = ApprovalRule(rule_id="ASG-2", step="target_head_approval", head_of_unit=True)

# ASG-6 (01-organisation; seed 001, Pasal 11(2), Lamp. 2.B.2.b/d): the applicant's own head,
# then the target unit head, each decides on a voluntary cross-unit application.
VOLUNTARY_OWN_HEAD = ApprovalRule(rule_id="ASG-6", step="own_head_approval", head_of_unit=True)
VOLUNTARY_TARGET_HEAD = ApprovalRule(rule_id="ASG-6", step="target_head_approval", head_of_unit=True)

# ASG-4 (01-organisation; seed 001, Lamp. 2.A.4.c): the Secretary General approves an
# agency's request for LPSK staff.
INBOUND_SECRETARY_GENERAL = ApprovalRule(
    rule_id="ASG-4", step="secretary_general_approval", position=Position.SECRETARY_GENERAL.value
)

# PRO-2 (02-protection; seed 000, flow chart): "Persetujuan Pimpinan LPSK yang bertanggungjawab
# atas penelaahan permohonan" — one leader holding the application-review portfolio.
PROACTIVE_ACTION = ApprovalRule(
    rule_id="PRO-2",
    step="leader_approval",
    position=Position.LEADER.value,
    portfolio="application_review",
)

# SH-9 (03-safe-houses; seed 004, Pasal 9(3)): the head of the rights-fulfilment bureau
# approves a temporary-handling placement; the workflow passes that bureau as the unit.
TEMPORARY_HANDLING_PLACEMENT = ApprovalRule(
    rule_id="SH-9", step="rights_bureau_head_approval", head_of_unit=True
)

RULES: tuple[ApprovalRule, ...] = (
    EMERGENCY_PROTECTION,
    SAFE_HOUSE_STANDARDS,
    INVOLVEMENT_TARGET_HEAD,
    VOLUNTARY_OWN_HEAD,
    VOLUNTARY_TARGET_HEAD,
    INBOUND_SECRETARY_GENERAL,
    PROACTIVE_ACTION,
    TEMPORARY_HANDLING_PLACEMENT,
)
