"""Transition shapes the assignment paths share, declared once (01, Lamp. 2): a step that ends the path
with a reason, a refusal through the same approval step as the decision it refuses, the assignment's
side of its involvement requests' outcome (ASG-7), and the Secretary General's letter (ASG-10, AC-8).
Each returns plain `Transition`s; the paths (appointments, outbound, inbound, voluntary, …) list them.
"""

from __future__ import annotations

from dataclasses import replace

from models.assignments import AssignmentStatus
from workflows.assignments import effects, rules
from workflows.assignments.inputs import ReasonInput
from workflows.engine import Actor, Approves, Condition, Guard, Transition
from workflows.engine.declaration import Effect

S = AssignmentStatus


def ended(
    action: str,
    sources: tuple[str, ...],
    actors: tuple[Actor, ...],
    *,
    when: Condition,
    rule_ids: tuple[str, ...],
    target: str = S.REJECTED,
    approval: Approves | None = None,
    effect: Effect = effects.path_ended,
) -> Transition:
    """A rejection or withdrawal by `actors`, with a reason (01: "any step may be rejected with a
    reason"), which ends the path (`effect`)."""
    return Transition(
        action=action,
        sources=sources,
        target=target,
        actors=actors,
        approval=approval,
        input=ReasonInput,
        reason_required=True,
        effect=effect,
        when=when,
        rule_ids=rule_ids,
    )


def refusal(
    decision: Approves,
    actor: Actor,
    *,
    effect: Effect,
    when: Condition,
    rule_ids: tuple[str, ...],
    sources: tuple[str, ...] = (S.SUBMITTED,),
) -> Transition:
    """`reject`: the official of `decision` refuses through the same approval step (AC-6, AC-7), the
    reason kept with the rejection instead of a note."""
    approval = replace(decision, note=None, rejects=True)
    return ended("reject", sources, (actor,), when=when, rule_ids=rule_ids, approval=approval, effect=effect)


def involvement_outcome(
    waiting: str,
    approved: str,
    *,
    when: Condition,
    rule_ids: tuple[str, ...],
    guards: tuple[Guard, ...] = (rules.every_involvement_approved,),
) -> tuple[Transition, Transition]:
    """The assignment's side of its requests (internal, fired by their decisions): moved from `waiting`
    to `approved` by the approval of the last open request (ASG-7), ended by any rejection."""
    return (
        Transition(
            action="involvement_approved",
            sources=(waiting,),
            target=approved,
            guards=guards,
            when=when,
            rule_ids=rule_ids,
        ),
        Transition(
            action="involvement_rejected",
            sources=(waiting,),
            target=S.REJECTED,
            effect=effects.path_ended,
            when=when,
            rule_ids=rule_ids[:1],
        ),
    )


def secretary_general_letter(
    source: str,
    actor: Actor,
    *,
    when: Condition,
    rule_ids: tuple[str, ...],
    guards: tuple[Guard, ...] = (),
) -> Transition:
    """`issue_letter` by the Secretary General (LPSK series, ASG-10) once every request is approved on
    record (ASG-7); those made available join the team on their request (AC-8)."""
    return Transition(
        action="issue_letter",
        sources=(source,),
        target=S.LETTER_ISSUED,
        actors=(actor,),
        guards=(rules.every_involvement_approved, *guards),
        effect=effects.secretary_general_letter_issued,
        when=when,
        rule_ids=rule_ids,
    )


__all__ = ["ended", "involvement_outcome", "refusal", "secretary_general_letter"]
