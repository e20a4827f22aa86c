"""A workflow declared as data: states, and transitions (from, action, to, who, guards, approval,
input, effect, documents, deadline, rule IDs). The runner, the available actions, the Casbin lines,
the GraphQL mutations and the diagrams are all read from these declarations (CONVENTIONS,
"Low-code means declaring, not repeating").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Any
from uuid import UUID

from tortoise.models import Model

from workflows.approvals import ApprovalRule, approval_state
from workflows.engine.actors import Actor
from workflows.errors import DomainError, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

if TYPE_CHECKING:
    from workflows.engine.runner import Step

Effect = Callable[["Step"], Awaitable[None]]
Builder = Callable[["Step"], Awaitable[Model]]

_NAME = re.compile(r"[a-z][a-z0-9_]*")
MAX_TEXT = 4000
MAX_ITEMS = 100  # the runner's MAX_LIST: no list in a workflow input holds more


def doc(description: str, *, max_length: int | None = None, max_items: int | None = None) -> dict[str, Any]:
    """The metadata of a field of a transition's input dataclass: the text that documents it
    everywhere (GraphQL, availableActions, diagrams), for text its longest length, for a list its
    most items (MAX_ITEMS unless given):

        title: str = field(metadata=doc("What is to be done.", max_length=200))
        grants: list[Grant] = field(metadata=doc("The programs granted.", max_items=20))
    """
    return {"description": description, "max_length": max_length, "max_items": max_items}


def describe(field: dataclasses.Field[Any]) -> str:
    return str(field.metadata.get("description") or field.name.replace("_", " ").capitalize() + ".")


def is_nested(hint: Any) -> bool:
    """A (frozen) dataclass used as the type of an input field, or of its items: an input object."""
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def max_items(field: dataclasses.Field[Any]) -> int:
    return int(field.metadata.get("max_items") or MAX_ITEMS)


def check_items(values: Any, field: dataclasses.Field[Any], path: str) -> None:
    """A list given for `field` → refused (VALIDATION naming `path`) when longer than it may be,
    before anything is built from it."""
    limit = max_items(field)
    if len(values) > limit:
        raise ValidationFailed("workflow.too_many", field=path, maximum=limit)


def check_text(value: Any, field: dataclasses.Field[Any], path: str) -> None:
    """Text given for a nested input's `field` → refused when longer than it may be (the runner
    checks the top-level fields)."""
    limit = field.metadata.get("max_length") or MAX_TEXT
    if isinstance(value, str) and len(value) > limit:
        raise ValidationFailed("validation.too_long", field=path, maximum=limit)


def located(error: DomainError, path: str) -> DomainError:
    """An error raised while a nested input was built (naming its own field, or none) → the same
    error naming the field by its full path, e.g. 'input.grants[1].endsOn'."""
    if error.field and error.field.startswith("input."):
        return error
    full = f"{path}.{error.field}" if error.field else path
    params = {k: v for k, v in error.params.items() if k != "field"}
    moved = type(error).__new__(type(error))
    DomainError.__init__(moved, error.key, field=full, rule=error.rule, **params)
    return moved


@dataclass(frozen=True)
class Guard:
    """A rule a transition must meet, checked on the locked record (and the input, when
    `uses_input`); a failure is a RULE_VIOLATION naming `rule_id`."""

    name: str
    rule_id: str
    check: Callable[[Step], Awaitable[bool]]
    message: tuple[str, str]
    uses_input: bool = False
    field: str | None = None

    @property
    def key(self) -> str:
        return f"workflow.guard.{self.name}"

    @property
    def doc(self) -> str:
        return f"{self.name} ({self.rule_id})"


def guard(
    rule_id: str, *, id: str, en: str, uses_input: bool = False, field: str | None = None
) -> Callable[[Callable[[Step], Awaitable[bool]]], Guard]:
    """Decorator: an async `check(step) -> bool` → a named Guard citing `rule_id`, its message
    (Indonesian `id`, English `en`) registered in the catalogue."""

    def wrap(check: Callable[[Step], Awaitable[bool]]) -> Guard:
        made = Guard(check.__name__, rule_id, check, (id, en), uses_input, field)
        CATALOGUE[made.key] = made.message
        return made

    return wrap


@dataclass(frozen=True)
class Condition:
    """Which records a transition applies to at all (e.g. one assignment path); on other records
    the action does not exist, rather than being refused by a rule."""

    label: str
    test: Callable[[Model], bool]


def field_is(name: str, *values: Any) -> Condition:
    """The record's `name` is one of `values` (enum members or plain values)."""
    wanted = frozenset(str(v.value if isinstance(v, Enum) else v) for v in values)

    def test(record: Model) -> bool:
        value = getattr(record, name)
        return str(value.value if isinstance(value, Enum) else value) in wanted

    return Condition(f"{name} ∈ {{{', '.join(sorted(wanted))}}}", test)


@dataclass(frozen=True)
class Approves:
    """The transition records one official's decision on `rule`'s step through the one approval
    mechanism (AC-6, AC-7). Approving moves the record once the step is complete; rejecting
    (`rejects`) moves it at once. `unit` names the unit whose head decides (head-of-unit rules),
    `requester` the person who may not decide their own request, `note` the text kept with an
    approval (a rejection keeps the reason)."""

    rule: ApprovalRule
    unit: Callable[[Model], UUID | None] | None = None
    requester: Callable[[Model], UUID | None] | None = None
    note: Callable[[Step], str | None] | None = None
    rejects: bool = False

    def __post_init__(self) -> None:
        if self.rule.head_of_unit and self.unit is None:
            raise ValueError(f"{self.rule.rule_id} {self.rule.step}: a head-of-unit rule needs `unit`")


def approval_complete(approval: Approves, *, name: str | None = None) -> Guard:
    """A guard: the record's approval step `approval.rule` is complete (missing approvals refuse)."""
    rule = approval.rule

    async def check(step: Step) -> bool:
        return (await approval_state(rule, step.record)).complete

    check.__name__ = name or f"{rule.step}_complete"
    return guard(
        rule.rule_id,
        id=f"Persetujuan '{rule.step}' belum lengkap ({rule.rule_id}).",
        en=f"The approval step '{rule.step}' is not complete ({rule.rule_id}).",
    )(check)


@dataclass(frozen=True)
class Deadline:
    """A time limit on a transition, e.g. 7 days after the decision (ADM-2); declared here, shown
    in the diagrams, enforced by the scheduled jobs that read it."""

    days: int
    rule_id: str
    label: str


@dataclass(frozen=True)
class Transition:
    """One edge of a workflow: from any of `sources` by `action` to `target`, taken by any of
    `actors`, when every guard and required document holds (and the approval, if any).

    - `build` (with empty `sources`) makes a creating transition: it returns the new, unsaved
      record from the input; actors and guards then judge it like any other record.
    - No actors: an internal transition, fired by another transition's effect (`step.fire`);
      it has no mutation and no policy line.
    - Several transitions may share an action (e.g. `issue_letter` on two paths): they must share
      the input; `when` and the source state tell which applies to a record.
    """

    action: str
    sources: tuple[str, ...]
    target: str
    actors: tuple[Actor, ...] = ()
    guards: tuple[Guard, ...] = ()
    approval: Approves | None = None
    input: type | None = None
    effect: Effect | None = None
    reason_required: bool = False
    documents: tuple[Guard, ...] = ()
    deadline: Deadline | None = None
    rule_ids: tuple[str, ...] = ()
    label: tuple[str, str] = ("", "")
    description: str = ""
    when: Condition | None = None
    build: Builder | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(_value(s) for s in self.sources))
        object.__setattr__(self, "target", _value(self.target))
        if not _NAME.fullmatch(self.action):
            raise ValueError(f"action {self.action!r}: lower_snake_case please")
        if not self.rule_ids:
            raise ValueError(f"{self.action}: cite the rule IDs the transition implements")
        if (self.build is None) == (not self.sources):
            raise ValueError(
                f"{self.action}: a creating transition has `build` and no sources, others the reverse"
            )
        if self.build is not None and self.approval is not None:
            raise ValueError(f"{self.action}: a record is approved after it exists, not while created")
        if self.input is not None and not dataclasses.is_dataclass(self.input):
            raise ValueError(f"{self.action}: the input must be a dataclass")
        if self.reason_required and "reason" not in self.input_fields:
            raise ValueError(f"{self.action}: reason_required needs a `reason` field in the input")

    @property
    def creates(self) -> bool:
        return self.build is not None

    @property
    def internal(self) -> bool:
        return not self.actors

    @property
    def rule_id(self) -> str:
        return self.rule_ids[0]

    @property
    def input_fields(self) -> dict[str, dataclasses.Field[Any]]:
        if self.input is None:
            return {}
        return {f.name: f for f in dataclasses.fields(self.input)}

    @property
    def all_guards(self) -> tuple[Guard, ...]:
        return self.guards + self.documents


def _value(state: Any) -> str:
    return str(state.value if isinstance(state, Enum) else state)


@dataclass(frozen=True)
class Workflow:
    """The states of `model.state_field` and the transitions between them.

    `parent` names the record a record of this workflow belongs to, as (model, foreign-key
    attribute), when steps on one move the other (an involvement request and its assignment):
    the parent is locked first on every path, so concurrent steps on both queue up in the same
    order instead of deadlocking."""

    name: str
    model: type[Model]
    state_field: str
    transitions: tuple[Transition, ...]
    description: str = ""
    parent: tuple[type[Model], str] | None = None

    def __post_init__(self) -> None:
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"workflow {self.name!r}: lower_snake_case please")
        states = set(self.states)
        for t in self.transitions:
            unknown = {*t.sources, t.target} - states
            if unknown:
                raise ValueError(f"{self.name}.{t.action}: unknown states {sorted(unknown)}")
        for action, group in self.actions.items():
            first = group[0]
            for other in group[1:]:
                same = (other.input, other.creates, other.internal, other.reason_required)
                if same != (first.input, first.creates, first.internal, first.reason_required):
                    raise ValueError(
                        f"{self.name}.{action}: transitions sharing an action share input, kind and reason"
                    )
            label = next((t.label for t in group if t.label[0]), None)
            if label is None:
                raise ValueError(f"{self.name}.{action}: give the action a label (Indonesian, English)")
            CATALOGUE[self.label_key(action)] = label

    @property
    def resource(self) -> str:
        """The Casbin resource: the model's table."""
        return str(self.model._meta.db_table)

    @cached_property
    def states(self) -> tuple[str, ...]:
        field = self.model._meta.fields_map[self.state_field]
        enum_type = getattr(field, "enum_type", None)
        if enum_type is None:
            raise ValueError(f"{self.name}: {self.state_field} is not an enum field")
        return tuple(str(member.value) for member in enum_type)

    @cached_property
    def actions(self) -> dict[str, tuple[Transition, ...]]:
        found: dict[str, list[Transition]] = {}
        for t in self.transitions:
            found.setdefault(t.action, []).append(t)
        return {action: tuple(group) for action, group in found.items()}

    def transitions_for(self, action: str) -> tuple[Transition, ...]:
        if action not in self.actions:
            raise ValueError(f"workflow {self.name} has no action {action!r}")
        return self.actions[action]

    def permission(self, action: str) -> str:
        """The Casbin action of a workflow action: 'assignment.issue_letter'."""
        return f"{self.name}.{action}"

    def label_key(self, action: str) -> str:
        return f"workflow.{self.name}.{action}"

    def state_of(self, record: Model) -> str:
        return _value(getattr(record, self.state_field))

    @property
    def subject(self) -> str:
        """The record's kind in words, for messages: 'InvolvementRequest' → 'involvement request'."""
        return re.sub(r"(?<!^)(?=[A-Z])", " ", self.model.__name__).lower()


__all__ = [
    "MAX_ITEMS",
    "MAX_TEXT",
    "Approves",
    "Builder",
    "Condition",
    "Deadline",
    "Effect",
    "Guard",
    "Transition",
    "Workflow",
    "approval_complete",
    "check_items",
    "check_text",
    "describe",
    "doc",
    "field_is",
    "guard",
    "is_nested",
    "located",
    "max_items",
]
