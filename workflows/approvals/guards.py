"""The guards of an approval decision, each small and citing its rule (AC-6, AC-7, AC-9).

Authority is read from the `Principal` (built from the data at request time, AC-1): position
and portfolios held today in one's own right, units headed, acting appointments in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from authz.principal import Principal, PrincipalKind
from workflows.approvals.rules import HEAD_POSITIONS, ApprovalRule
from workflows.approvals.state import ApprovalState
from workflows.errors import Conflict, Forbidden, RuleViolation, ValidationFailed

MAX_NOTE_LENGTH = 4000


@dataclass(frozen=True)
class Capacity:
    """The authority a decision is made under: one's own post, or an acting post (AC-6).

    `acting_for_id` is the official acted for; None in one's own right, or when acting in a
    vacant post, where the stand-in is the only official there is to count."""

    staff_id: UUID
    acting: bool = False
    acting_for_id: UUID | None = None
    post: str = ""

    @property
    def official_id(self) -> UUID:
        return self.acting_for_id or self.staff_id

    @property
    def acting_as(self) -> str:
        """The audit entry's "acting as": "X acting for Y" is principal_ref + this text (AC-13).
        The id comes first so that the column's 100-character cut never loses it."""
        if not self.acting:
            return self.post
        if self.acting_for_id is None:
            return f"acting {self.post} (vacant post)"
        return f"acting for {self.acting_for_id} as {self.post}"


def ensure_staff(principal: Principal) -> UUID:
    """AC-6: approvals are bound to positions, which only staff hold; tokens, reporters and
    the system never decide a step."""
    if principal.kind is not PrincipalKind.STAFF or principal.staff_id is None:
        raise Forbidden()
    return principal.staff_id


def capacities(rule: ApprovalRule, principal: Principal, unit_id: UUID | None) -> list[Capacity]:
    """AC-6, AC-9: the posts through which `principal` may decide `rule`'s step, own right first.

    An acting post counts only for what its appointment names: a stand-in leader appointed
    without a portfolio does not inherit the portfolios of the leader replaced.
    """
    staff_id = ensure_staff(principal)
    found: list[Capacity] = []
    if rule.head_of_unit:
        if unit_id is None:
            raise ValueError(f"{rule.rule_id} {rule.step}: the unit whose head decides must be given")
        # headed_unit_ids holds active units headed in post *or* acting; the acting posts tell which.
        acting_posts = [p for p in principal.acting if p.position in HEAD_POSITIONS and p.unit_id == unit_id]
        if unit_id in principal.headed_unit_ids:
            post = f"head of unit {unit_id}"
            if not acting_posts:
                found.append(Capacity(staff_id, post=post))
            found += [Capacity(staff_id, True, p.acting_for_id, post) for p in acting_posts]
        return found
    label = rule.approver
    if principal.position == rule.position and (
        rule.portfolio is None or rule.portfolio in principal.portfolios
    ):
        found.append(Capacity(staff_id, post=label))
    found += [
        Capacity(staff_id, True, p.acting_for_id, label)
        for p in principal.acting
        if p.position == rule.position and (rule.portfolio is None or p.portfolio == rule.portfolio)
    ]
    return found


def ensure_entitled(rule: ApprovalRule, found: list[Capacity], unit_id: UUID | None) -> None:
    """AC-6: the step is bound to a position — the named position (with the named portfolio),
    or the head of *that* unit — held in one's own right or by an acting appointment in force."""
    if found:
        return
    if rule.head_of_unit:
        raise RuleViolation(
            "approvals.unit_head_required",
            rule=rule.rule_id,
            step=rule.step,
            unit=str(unit_id),
            rule_id=rule.rule_id,
        )
    if rule.portfolio:
        raise RuleViolation(
            "approvals.portfolio_required",
            rule=rule.rule_id,
            step=rule.step,
            position=rule.position,
            portfolio=rule.portfolio,
            rule_id=rule.rule_id,
        )
    raise RuleViolation(
        "approvals.position_required",
        rule=rule.rule_id,
        step=rule.step,
        position=rule.position,
        rule_id=rule.rule_id,
    )


def ensure_not_requester(rule: ApprovalRule, staff_id: UUID, requester_id: UUID | None) -> None:
    """AC-7: the requester cannot decide their own request, whatever post they hold or act in."""
    if requester_id is not None and staff_id == requester_id:
        raise RuleViolation("approvals.own_request", rule=rule.rule_id, step=rule.step, rule_id=rule.rule_id)


def without_requester(rule: ApprovalRule, found: list[Capacity], requester_id: UUID | None) -> list[Capacity]:
    """AC-7: acting for the requester is deciding in the requester's name — their own request
    would then count through a stand-in; such a post is set aside, other posts remain usable."""
    usable = [c for c in found if requester_id is None or c.official_id != requester_id]
    if not usable:
        raise RuleViolation(
            "approvals.acting_for_requester", rule=rule.rule_id, step=rule.step, rule_id=rule.rule_id
        )
    return usable


def ensure_open(state: ApprovalState) -> None:
    """AC-7, Q-R1: a rejected step has ended its path (01) and a complete one has its approvals;
    a later decision, e.g. the loser of a race, is told so and changes nothing."""
    rule = state.rule
    if state.rejected:
        raise Conflict("approvals.step_rejected", rule=rule.rule_id, step=rule.step, rule_id=rule.rule_id)
    if state.complete:
        raise Conflict("approvals.step_complete", rule=rule.rule_id, step=rule.step, rule_id=rule.rule_id)


def ensure_not_decided(state: ApprovalState, staff_id: UUID) -> None:
    """AC-7: the same person cannot count twice for one step, in whatever capacity."""
    rule = state.rule
    if staff_id in state.deciders:
        raise RuleViolation(
            "approvals.already_decided", rule=rule.rule_id, step=rule.step, rule_id=rule.rule_id
        )


def not_yet_represented(state: ApprovalState, found: list[Capacity]) -> Capacity:
    """AC-7: distinct *officials* are counted; a stand-in cannot add a second count for the
    official they act for, nor an official for their stand-in's. Own right is preferred."""
    for capacity in found:
        if capacity.official_id not in state.represented:
            return capacity
    rule = state.rule
    raise RuleViolation(
        "approvals.official_already_counted",
        rule=rule.rule_id,
        step=rule.step,
        official=str(found[0].official_id),
        rule_id=rule.rule_id,
    )


def clean_note(rule: ApprovalRule, note: str | None, *, required: bool) -> str | None:
    """01 ("any step may be rejected with a reason"): a rejection needs a non-blank reason."""
    text = (note or "").strip()
    if required and not text:
        raise ValidationFailed(
            "approvals.reason_required", field="note", rule=rule.rule_id, rule_id=rule.rule_id
        )
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationFailed("validation.too_long", field="note", maximum=MAX_NOTE_LENGTH)
    return text or None
