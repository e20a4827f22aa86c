"""Where an approval step stands: decisions so far, officials counted, complete or rejected (AC-7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from tortoise.models import Model

from models.audit import Approval, ApprovalDecision
from workflows.approvals.rules import ApprovalRule


@dataclass(frozen=True)
class Decision:
    """One recorded decision, as plain values (read paths need no model instances)."""

    approver_id: UUID
    acting_for_id: UUID | None
    decision: ApprovalDecision
    note: str | None
    decided_at: dt.datetime

    @property
    def official_id(self) -> UUID:
        """The official whose authority the decision used: the one acted for, else the approver."""
        return self.acting_for_id or self.approver_id


@dataclass(frozen=True)
class ApprovalState:
    """An approval step of one record: `complete` once `required` distinct officials approved
    and nobody rejected; `rejected` once an entitled official rejected (which ends the path, 01)."""

    rule: ApprovalRule
    subject_type: str
    subject_id: UUID
    decisions: tuple[Decision, ...]

    @property
    def approvals(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.decision is ApprovalDecision.APPROVED)

    @property
    def rejections(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.decision is ApprovalDecision.REJECTED)

    @property
    def officials(self) -> frozenset[UUID]:
        """Distinct officials represented by the approvals; an acting official counts as the one
        acted for, so a post never counts twice through its holder and its stand-in (AC-7)."""
        return frozenset(d.official_id for d in self.approvals)

    @property
    def deciders(self) -> frozenset[UUID]:
        """Everyone who decided, approving or rejecting, in any capacity."""
        return frozenset(d.approver_id for d in self.decisions)

    @property
    def represented(self) -> frozenset[UUID]:
        """Officials represented by any decision, rejections included."""
        return frozenset(d.official_id for d in self.decisions)

    @property
    def rejected(self) -> bool:
        return bool(self.rejections)

    @property
    def complete(self) -> bool:
        return not self.rejected and len(self.officials) >= self.rule.required

    @property
    def remaining(self) -> int:
        """Approvals still needed (0 when complete; meaningless once rejected)."""
        return max(self.rule.required - len(self.officials), 0)


def subject_type_of(subject: Model) -> str:
    return type(subject).__name__


async def approval_state(rule: ApprovalRule, subject: Model) -> ApprovalState:
    """A rule and a saved record → the state of that step for the record, read in the caller's
    transaction when there is one (AC-7)."""
    subject_type = subject_type_of(subject)
    rows = (
        await Approval.filter(subject_type=subject_type, subject_id=subject.pk, step=rule.step)
        .order_by("decided_at", "created_at", "id")
        .values("approver_id", "acting_for_id", "decision", "note", "decided_at")
    )
    decisions = tuple(
        Decision(
            approver_id=row["approver_id"],
            acting_for_id=row["acting_for_id"],
            decision=ApprovalDecision(row["decision"]),
            note=row["note"],
            decided_at=row["decided_at"],
        )
        for row in rows
    )
    return ApprovalState(rule=rule, subject_type=subject_type, subject_id=subject.pk, decisions=decisions)
