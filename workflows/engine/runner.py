"""Running a declared transition: one transaction, the record locked, every rule checked before
anything is written, the history recorded with the change (AC-6, AC-13, AC-15, Q-R1).

Order of the checks, each refusing with nothing changed:

1. the policy lets the principal's roles take the action at all (`require`, FORBIDDEN, audited);
2. the record exists within the row scope the policy grants for that action (NOT_FOUND);
3. in the transaction, the record locked (`select_for_update` on PostgreSQL): it did not change
   while we waited (CONFLICT), the action applies to it and its state (RULE_VIOLATION naming the
   state and rule);
4. the principal is one of the declared actors for *this* record (FORBIDDEN, audited after the
   rollback so the entry survives);
5. the input (a reason where one is required), every guard and required document
   (RULE_VIOLATION with the guard's rule ID), the approval decision (approval mechanism).

Then the state moves, `record_transition` writes the history row and its audit entry, and the
effect runs — all in the one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.models import Model
from tortoise.transactions import in_transaction

from authz import enforcer
from authz.principal import Principal
from authz.scope import audit_refusal, require, scope
from workflows import audit
from workflows.approvals import Capacity, approval_state, approve, reject
from workflows.engine import messages as _messages  # noqa: F401 — registers the texts
from workflows.engine.declaration import MAX_TEXT, Transition, Workflow
from workflows.errors import Conflict, Forbidden, NotFound, RuleViolation, Unauthenticated, ValidationFailed
from workflows.history import record_transition

MAX_LIST = 100
LOCAL_TIMEZONE = dt.timezone(dt.timedelta(hours=7), "WIB")  # LPSK keeps its days in WIB


class _NotAnActor(Exception):
    """Raised inside the transaction so it rolls back; answered as FORBIDDEN after it."""


@dataclass
class Step:
    """What a guard or an effect is given: the transition being taken, the locked record (new and
    unsaved for a creating transition until it is saved), who acts and in which capacity, the
    input, the reason and the time."""

    workflow: Workflow
    transition: Transition
    principal: Principal
    input: Any
    now: dt.datetime
    record: Any = None
    from_state: str | None = None
    capacity: Capacity | None = None
    reason: str | None = None

    @property
    def today(self) -> dt.date:
        """The calendar day in LPSK's offices (WIB)."""
        return self.now.astimezone(LOCAL_TIMEZONE).date()

    @property
    def acting_for_id(self) -> UUID | None:
        return self.capacity.acting_for_id if self.capacity else None

    async def fire(
        self, workflow: Workflow, action: str, record: Model | None = None, input: Any = None
    ) -> Model:
        """Take an internal transition of `workflow` as a consequence of this step, in the same
        transaction, by the same principal and with the same reason: state, guards, effect and
        history as for any transition; `record` None for a creating one."""
        return await _fire(self, workflow, action, record, input)


def _text(value: Any, field: dataclasses.Field[Any]) -> None:
    limit = field.metadata.get("max_length") or MAX_TEXT
    if isinstance(value, str) and len(value) > limit:
        raise ValidationFailed("validation.too_long", field=_camel(field.name), maximum=limit)
    if isinstance(value, list | tuple | set | frozenset) and len(value) > MAX_LIST:
        raise ValidationFailed("workflow.too_many", field=_camel(field.name), maximum=MAX_LIST)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _check_input(workflow: Workflow, transition: Transition, input: Any) -> str | None:
    """The input has the declared type and sane sizes; returns the cleaned reason (required where
    declared so: 01, "any step may be rejected with a reason")."""
    if transition.input is None:
        return None
    if not isinstance(input, transition.input):
        raise TypeError(f"{workflow.name}.{transition.action} takes a {transition.input.__name__}")
    for field in dataclasses.fields(input):
        _text(getattr(input, field.name), field)
    reason = getattr(input, "reason", None)
    reason = reason.strip() if isinstance(reason, str) else None
    if transition.reason_required and not reason:
        raise ValidationFailed(
            "workflow.reason_required",
            field="reason",
            rule=transition.rule_id,
            action=transition.action,
            rule_id=transition.rule_id,
        )
    return reason or None


def _pick(workflow: Workflow, transitions: tuple[Transition, ...], record: Model) -> Transition:
    """The transition of this action that applies to the record in its current state."""
    applicable = [t for t in transitions if t.when is None or t.when.test(record)]
    state = workflow.state_of(record)
    for transition in applicable:
        if state in transition.sources:
            return transition
    first = (applicable or list(transitions))[0]
    key = "workflow.wrong_state" if applicable else "workflow.not_applicable"
    raise RuleViolation(
        key,
        rule=first.rule_id,
        action=first.action,
        subject=workflow.subject,
        state=state,
        rule_id=first.rule_id,
    )


def _pick_new(transitions: tuple[Transition, ...], record: Model) -> Transition:
    """Of the creating transitions of an action, the one whose condition the new record meets."""
    for transition in transitions:
        if transition.when is None or transition.when.test(record):
            return transition
    return transitions[0]


async def _actor(transition: Transition, principal: Principal, record: Model) -> Capacity | None:
    for actor in transition.actors:
        capacity = await actor.holds(principal, record)
        if capacity is not None:
            return capacity
    return None


async def _guards(transition: Transition, step: Step, *, with_input: bool = True) -> None:
    for check in transition.all_guards:
        if check.uses_input and not with_input:
            continue
        if not await check.check(step):
            raise RuleViolation(check.key, field=check.field, rule=check.rule_id)


async def _decide(transition: Transition, step: Step) -> bool:
    """Records the approval decision the transition carries; True when the record moves now."""
    approval = transition.approval
    if approval is None:
        return True
    record = step.record
    decide = reject if approval.rejects else approve
    note = step.reason if approval.rejects or approval.note is None else approval.note(step)
    state = await decide(
        approval.rule,
        record,
        step.principal,
        requester_id=approval.requester(record) if approval.requester else None,
        unit_id=approval.unit(record) if approval.unit else None,
        note=note,
        now=step.now,
    )
    return approval.rejects or state.complete


async def _lock(model: type[Model], record_id: UUID) -> Model:
    # A full-row fetch: Tortoise adds FOR UPDATE to model queries; SQLite ignores it and
    # serialises writers instead.
    record = await model.filter(pk=record_id).select_for_update().first()
    if record is None:
        raise NotFound(model.__name__)
    return record


async def _lock_parent(workflow: Workflow, record: Model) -> None:
    """Parent before child, on every path (see Workflow.parent)."""
    if workflow.parent is None:
        return
    model, key = workflow.parent
    parent_id = getattr(record, key)
    if parent_id is not None:
        await model.filter(pk=parent_id).select_for_update().first()


async def _apply(step: Step, moves: bool) -> None:
    """State, save, history, effect — the writes of a transition, in the caller's transaction.
    An approval that does not yet complete its step moves nothing: its Approval row is the record."""
    if not moves:
        return
    transition, record = step.transition, step.record
    setattr(record, step.workflow.state_field, transition.target)
    # Saved before the effect, so that what the effect reads (e.g. "are all requests approved?")
    # already sees this record in its new state.
    await record.save()
    # History before the effect: an effect (and the transitions it fires) sees its own step on
    # record, and the history of a record reads in the order things happened.
    await record_transition(
        record,
        action=transition.action,
        from_state=step.from_state,
        to_state=transition.target,
        principal=step.principal,
        reason=step.reason,
        acting_for_id=step.acting_for_id,
        now=step.now,
    )
    if transition.effect is not None:
        await transition.effect(step)
        await record.save()


async def authorize(workflow: Workflow, action: str, principal: Principal | None) -> Principal:
    """Who asks + a workflow action → the principal, when the policy lets one of its roles take the
    action at all; UNAUTHENTICATED / FORBIDDEN (audited) otherwise. Callers that must parse input
    first (the API) ask this before, so a stranger learns nothing from validation errors."""
    if principal is None:
        raise Unauthenticated()
    if workflow.transitions_for(action)[0].internal:
        raise ValueError(f"{workflow.name}.{action} is internal: it follows another transition")
    return await require(principal, workflow.resource, workflow.permission(action))


async def run(
    workflow: Workflow,
    action: str,
    record_id: UUID | None,
    principal: Principal | None,
    input: Any = None,
    *,
    now: dt.datetime | None = None,
) -> Model:
    """A principal's action on a record (record_id None: a creating action) → the record after the
    transition, committed with its history; refused with nothing changed when the policy, the
    record's scope or state, the actors, a guard or the approval rule says no (AC-6, AC-15)."""
    principal = await authorize(workflow, action, principal)
    transitions = workflow.transitions_for(action)
    first = transitions[0]
    if (record_id is None) != first.creates:
        raise ValueError(f"{workflow.name}.{action}: a record id is given exactly when not creating")
    resource, permission = workflow.resource, workflow.permission(action)
    reason = _check_input(workflow, first, input)
    when = audit.as_utc(now or audit.utcnow())
    seen: str | None = None
    visible: Any = None
    if record_id is not None:
        visible = await (await scope(workflow.model.filter(pk=record_id), principal, permission)).first()
        if visible is None:
            raise NotFound(workflow.model.__name__)
        seen = workflow.state_of(visible)
    try:
        async with in_transaction():
            step = Step(workflow, first, principal, input, when, reason=reason)
            if record_id is None:
                step.record = await first.build(step)  # type: ignore[misc]
                step.transition = _pick_new(transitions, step.record)
            else:
                await _lock_parent(workflow, visible)
                step.record = await _lock(workflow.model, record_id)
                step.from_state = workflow.state_of(step.record)
                if step.from_state != seen:
                    raise Conflict(
                        "workflow.changed",
                        subject=workflow.subject,
                        state=step.from_state,
                        rule=first.rule_id,
                    )
                step.transition = _pick(workflow, transitions, step.record)
            step.capacity = await _actor(step.transition, principal, step.record)
            if step.capacity is None:
                raise _NotAnActor()
            await _guards(step.transition, step)
            moves = await _decide(step.transition, step)
            await _apply(step, moves)
    except _NotAnActor:
        # After the rollback: an entry written inside the transaction would vanish with it.
        await audit_refusal(principal, resource, permission)
        raise Forbidden() from None
    return step.record


async def _fire(step: Step, workflow: Workflow, action: str, record: Model | None, input: Any) -> Model:
    transitions = workflow.transitions_for(action)
    first = transitions[0]
    if not first.internal:
        raise ValueError(f"{workflow.name}.{action} has actors: run it, do not fire it")
    follow = Step(
        workflow,
        first,
        step.principal,
        input,
        step.now,
        capacity=step.capacity,
        reason=_check_input(workflow, first, input) if input is not None else step.reason,
    )
    if record is None:
        if not first.creates:
            raise ValueError(f"{workflow.name}.{action} needs the record it moves")
        follow.record = await first.build(follow)  # type: ignore[misc]
        follow.transition = _pick_new(transitions, follow.record)
    else:
        follow.record = await _lock(workflow.model, record.pk)
        follow.from_state = workflow.state_of(follow.record)
        follow.transition = _pick(workflow, transitions, follow.record)
    await _guards(follow.transition, follow)
    await _apply(follow, await _decide(follow.transition, follow))
    return follow.record


async def available_actions(
    workflow: Workflow, record: Model, principal: Principal | None
) -> list[Transition]:
    """A record and who asks → the transitions they may take on it now: the policy allows the
    action, the record's state fits, they are a declared actor, and every guard that needs no
    input holds; an approval step they already decided, or requested, is left out (AC-7)."""
    if principal is None:
        return []
    found: list[Transition] = []
    for action, transitions in workflow.actions.items():
        first = transitions[0]
        if first.internal or first.creates:
            continue
        try:
            transition = _pick(workflow, transitions, record)
        except RuleViolation:
            continue
        if not await enforcer.allowed(principal, workflow.resource, workflow.permission(action)):
            continue
        step = Step(workflow, transition, principal, None, audit.utcnow(), record, workflow.state_of(record))
        step.capacity = await _actor(transition, principal, record)
        if step.capacity is None:
            continue
        try:
            await _guards(transition, step, with_input=False)
        except RuleViolation:
            continue
        if transition.approval is not None and not await _may_decide(transition, step):
            continue
        found.append(transition)
    return found


async def _may_decide(transition: Transition, step: Step) -> bool:
    approval = transition.approval
    assert approval is not None
    requester = approval.requester(step.record) if approval.requester else None
    if requester is not None and requester == step.principal.staff_id:
        return False
    state = await approval_state(approval.rule, step.record)
    return not (state.rejected or state.complete or step.principal.staff_id in state.deciders)


__all__ = ["LOCAL_TIMEZONE", "Step", "authorize", "available_actions", "run"]
