"""The workflow API, generated from the declarations (workflows/engine): nothing here names a
workflow, an action or a rule.

- Per action an actor takes, a mutation `<model><Action>` (e.g. `assignmentIssueLetter`) with the
  record's `id` (none for a creating action) and an `input` generated from the action's input
  dataclass, returning `<Model><Action>Success { record }` or a `MutationError` carrying the rule.
  Not signed in / not allowed stay top-level errors (UNAUTHENTICATED / FORBIDDEN).
- `availableActions(recordType, id)`: the steps the caller may take on a record now, with their
  label (in the request's language), whether they need a reason, and the input they take.
"""

import dataclasses
import datetime as dt
import decimal
import types
import typing
import uuid
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, Optional, Union

import strawberry
from strawberry.types import Info

from authz.scope import require, scope
from schema.build import build_registry
from schema.registry import camel, snake
from schema.results import MutationError, attempt
from workflows.engine import Transition, Workflow, authorize, available_actions, describe, run, workflows
from workflows.engine.declaration import check_items, check_text, is_nested, located, max_items
from workflows.engine.diagrams import mutation_name
from workflows.errors import DomainError, NotFound, ValidationFailed
from workflows.messages import message

REGISTRY = build_registry()
# Decimal: Strawberry's built-in `Decimal` scalar (a string on the wire, numbers accepted too);
# a literal or variable it cannot parse is refused before execution (VALIDATION, schema/errors.py),
# and what it does parse ("NaN", "1E+309") is judged by the workflow, e.g. costs.money (PRG-8).
SCALAR_NAMES = {
    str: "String",
    int: "Int",
    bool: "Boolean",
    dt.date: "Date",
    dt.datetime: "DateTime",
    decimal.Decimal: "Decimal",
}


def _uuid(value: Any, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise ValidationFailed("validation.id", field=field) from exc


# --- Python input annotations → GraphQL -------------------------------------------------------------


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """`X | None` → (X, True); anything else → (hint, False)."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union in a workflow input: {hint}")
        return args[0], True
    return hint, False


def _graphql(hint: Any) -> Any:
    inner, optional = _unwrap(hint)
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        mapped: Any = list[_graphql(item)]
    elif is_nested(inner):
        mapped = _nested(inner).gql_type
    elif inner is uuid.UUID:
        mapped = strawberry.ID
    elif isinstance(inner, type) and issubclass(inner, Enum):
        mapped = REGISTRY.enum_type(inner)
    elif inner in SCALAR_NAMES:
        mapped = inner
    else:
        raise TypeError(f"unsupported type in a workflow input: {hint}")
    return Optional[mapped] if optional else mapped  # noqa: UP045 — runtime-built annotation


def _type_name(hint: Any) -> str:
    inner, optional = _unwrap(hint)
    if typing.get_origin(inner) is list:
        text = f"[{_type_name(typing.get_args(inner)[0])}]"
    elif is_nested(inner):
        text = _nested_name(inner)
    elif inner is uuid.UUID:
        text = "ID"
    elif isinstance(inner, type) and issubclass(inner, Enum):
        text = inner.__name__
    else:
        text = SCALAR_NAMES[inner]
    return text if optional else f"{text}!"


def _nested_item(hint: Any) -> type | None:
    """The dataclass of a nested input field (`X`, `X | None`, `list[X]`), else None."""
    inner, _ = _unwrap(hint)
    if typing.get_origin(inner) is list:
        inner, _ = _unwrap(typing.get_args(inner)[0])
    return inner if is_nested(inner) else None


def _to_python(hint: Any, value: Any, path: str, field: dataclasses.Field[Any]) -> Any:
    """A value of the generated input at `path` → what the dataclass declares: ids checked, lists
    no longer than `field` allows (checked before their items are built), nested inputs built into
    their dataclasses."""
    inner, _ = _unwrap(hint)
    if value is None:
        return None
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        check_items(value, field, path)
        return [_to_python(item, v, f"{path}[{i}]", field) for i, v in enumerate(value)]
    if is_nested(inner):
        return _nested(inner).convert(value, path, nested=True)
    if inner is uuid.UUID:
        return _uuid(value, path)
    return value


@dataclasses.dataclass(frozen=True)
class InputSpec:
    """An input dataclass (a transition's, or one nested in it), its generated GraphQL input and
    the way back."""

    cls: type
    gql_type: Any
    hints: dict[str, Any]

    def convert(self, given: Any, path: str = "input", *, nested: bool = False) -> Any:
        """The GraphQL input object at `path` → the dataclass; an error raised while a nested one is
        built names its field by the full path ('input.grants[1].endsOn')."""
        values = {}
        for f in dataclasses.fields(self.cls):
            where = f"{path}.{camel(f.name)}"
            value = getattr(given, f.name)
            if nested:
                check_text(value, f, where)
            values[f.name] = _to_python(self.hints[f.name], value, where, f)
        if not nested:
            return self.cls(**values)
        try:
            return self.cls(**values)
        except DomainError as error:
            raise located(error, path) from None

    def fields(self) -> list["WorkflowInputField"]:
        found = []
        for f in dataclasses.fields(self.cls):
            hint = self.hints[f.name]
            inner, optional = _unwrap(hint)
            item = _nested_item(hint)
            found.append(
                WorkflowInputField(
                    name=camel(f.name),
                    type=_type_name(hint),
                    required=not optional
                    and f.default is dataclasses.MISSING
                    and f.default_factory is dataclasses.MISSING,
                    description=describe(f),
                    max_items=max_items(f) if typing.get_origin(inner) is list else None,
                    fields=_nested(item).fields() if item is not None else [],
                )
            )
        return found


def _strawberry_input(name: str, cls: type, hints: dict[str, Any]) -> Any:
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__module__": __name__}
    for f in dataclasses.fields(cls):
        annotations[f.name] = _graphql(hints[f.name])
        if f.default_factory is not dataclasses.MISSING:
            namespace[f.name] = strawberry.field(description=describe(f), default_factory=f.default_factory)
        elif f.default is not dataclasses.MISSING:
            namespace[f.name] = strawberry.field(description=describe(f), default=f.default)
        else:
            namespace[f.name] = strawberry.field(description=describe(f))
    namespace["__annotations__"] = annotations
    doc = (cls.__doc__ or name).strip()
    return strawberry.input(type(name, (), namespace), name=name, description=doc)


def _input_spec(name: str, cls: type) -> InputSpec:
    hints = typing.get_type_hints(cls)
    return InputSpec(cls, _strawberry_input(name, cls, hints), hints)


NESTED: dict[type, InputSpec] = {}


def _nested_name(cls: type) -> str:
    return f"{cls.__name__}Input"


def _nested(cls: type) -> InputSpec:
    """A dataclass nested in a workflow input → its GraphQL input `<Dataclass>Input`, generated once
    and reused wherever it appears."""
    if cls not in NESTED:
        name = _nested_name(cls)
        clash = next((other for other in NESTED if _nested_name(other) == name), None)
        if clash is not None:
            raise TypeError(f"two nested workflow inputs would both be named {name}: {cls} and {clash}")
        NESTED[cls] = _input_spec(name, cls)
    return NESTED[cls]


# --- availableActions ---------------------------------------------------------------------------


@strawberry.type(description="One argument a workflow step takes, inside its mutation's `input`.")
class WorkflowInputField:
    name: str = strawberry.field(description="Field name in the mutation's input, e.g. availabilityNote.")
    type: str = strawberry.field(description="GraphQL type, e.g. ID!, String, [ID!]!.")
    required: bool = strawberry.field(description="Whether it must be given (non-null, no default).")
    description: str = strawberry.field(description="What it is for.")
    max_items: int | None = strawberry.field(
        default=None, description="For a list: the most items it may hold (more are refused)."
    )
    fields: list["WorkflowInputField"] = strawberry.field(
        default_factory=list,
        description="For an input object (or a list of them), e.g. a decision's grants: the fields of "
        "each; empty for other types.",
    )


@strawberry.type(
    description="A step the caller may take on the record now: the record's state, the caller's role and "
    "relation to the record (AC-6), and the rules that need no input all allow it."
)
class AvailableAction:
    action: str = strawberry.field(description="The workflow action, e.g. issue_letter.")
    mutation: str = strawberry.field(description="The mutation that takes it, e.g. assignmentIssueLetter.")
    label: str = strawberry.field(description="What the step is called, in the request's language.")
    requires_reason: bool = strawberry.field(description="Whether `input.reason` must be given.")
    rules: list[str] = strawberry.field(description="The spec rules the step implements, e.g. ASG-2.")
    input_fields: list[WorkflowInputField] = strawberry.field(
        description="The fields of the mutation's `input` (empty when it takes none)."
    )


WORKFLOWS: dict[str, Workflow] = {snake(w.model.__name__).upper(): w for w in workflows()}
RecordType = strawberry.enum(
    Enum("WorkflowRecordType", {key: w.model.__name__ for key, w in WORKFLOWS.items()}),  # type: ignore[misc]
    description="Kinds of records that move through a declared workflow: "
    + "; ".join(f"{key} — {w.description.split(':')[0]}" for key, w in WORKFLOWS.items())
    + ".",
)
INPUTS: dict[tuple[str, str], InputSpec] = {}


@strawberry.type(description="What can be done next on workflow records.")
class Query:
    @strawberry.field(
        description="The steps the caller may take on a record now, for those who may read it: state, "
        "role, relation to the record and the input-free rules all allow them (AC-6, AC-7)."
    )
    async def available_actions(
        self,
        info: Info,
        record_type: Annotated[RecordType, strawberry.argument(description="Kind of record.")],  # type: ignore[valid-type]
        id: Annotated[strawberry.ID, strawberry.argument(description="Id of the record.")],
    ) -> list[AvailableAction]:
        workflow = WORKFLOWS[record_type.name]
        principal = await require(info.context.principal, workflow.resource, "read")
        query = await scope(workflow.model.filter(pk=_uuid(id, "id")), principal)
        record = await query.first()
        if record is None:
            raise NotFound(workflow.model.__name__)
        language = "en" if info.context.language == "en" else "id"
        found = []
        for transition in await available_actions(workflow, record, principal):
            spec = INPUTS.get((workflow.name, transition.action))
            found.append(
                AvailableAction(
                    action=transition.action,
                    mutation=mutation_name(workflow, transition.action),
                    label=message(workflow.label_key(transition.action), language),
                    requires_reason=transition.reason_required,
                    rules=list(transition.rule_ids),
                    input_fields=spec.fields() if spec else [],
                )
            )
        return found


# --- the mutations ----------------------------------------------------------------------------------


def _pascal(action: str) -> str:
    return "".join(part.title() for part in action.split("_"))


def _description(workflow: Workflow, group: tuple[Transition, ...]) -> str:
    text = next((t.description for t in group if t.description), "")
    who = "; ".join(dict.fromkeys(a.doc for t in group for a in t.actors))
    rules = ", ".join(dict.fromkeys(r for t in group for r in t.rule_ids))
    return f"{text} Who: {who}. Rules: {rules}.".strip()


def _mutation(workflow: Workflow, action: str, group: tuple[Transition, ...]) -> Any:
    first = group[0]
    model = workflow.model.__name__
    stem = f"{model}{_pascal(action)}"
    record_type = REGISTRY.specs[workflow.model].gql_type
    success = strawberry.type(
        type(
            f"{stem}Success",
            (),
            {
                "__module__": __name__,
                "__annotations__": {"record": record_type},
                "record": strawberry.field(description=f"The {model} after the step."),
            },
        ),
        name=f"{stem}Success",
        description=f"The step was taken: {message(workflow.label_key(action), 'en')}.",
    )
    result = Annotated[
        Union[success, MutationError],  # noqa: UP007 — runtime-built union
        strawberry.union(f"{stem}Result", description=f"The {model} after the step, or why nothing changed."),
    ]
    spec = _input_spec(f"{stem}Input", first.input) if first.input else None
    if spec:
        INPUTS[(workflow.name, action)] = spec

    async def take(info: Info, record_id: strawberry.ID | None, given: Any) -> Any:
        async def go() -> Any:
            await authorize(workflow, action, info.context.principal)
            value = spec.convert(given) if spec else None
            target = None if record_id is None else _uuid(record_id, "id")
            record = await run(workflow, action, target, info.context.principal, value)
            return success(record=record)  # type: ignore[call-arg]

        return await attempt(info, go)

    id_arg = Annotated[strawberry.ID, strawberry.argument(description=f"Id of the {model}.")]
    input_arg = (
        Annotated[spec.gql_type, strawberry.argument(description="What the step takes.")] if spec else None
    )
    resolve: Callable[..., Any]
    if first.creates:
        if spec is None:
            raise TypeError(f"{workflow.name}.{action}: a creating step takes an input")

        async def resolve(info: Info, input: Any) -> Any:
            return await take(info, None, input)

        resolve.__annotations__ = {"info": Info, "input": input_arg, "return": result}
    elif spec is not None:

        async def resolve(info: Info, id: strawberry.ID, input: Any) -> Any:
            return await take(info, id, input)

        resolve.__annotations__ = {"info": Info, "id": id_arg, "input": input_arg, "return": result}
    else:

        async def resolve(info: Info, id: strawberry.ID) -> Any:
            return await take(info, id, None)

        resolve.__annotations__ = {"info": Info, "id": id_arg, "return": result}
    return strawberry.mutation(
        resolver=resolve, name=mutation_name(workflow, action), description=_description(workflow, group)
    )


def _mutation_type() -> type:
    namespace: dict[str, Any] = {"__module__": __name__}
    for workflow in workflows():
        for action, group in workflow.actions.items():
            if not group[0].internal:
                namespace[f"{snake(workflow.model.__name__)}_{action}"] = _mutation(workflow, action, group)
    return strawberry.type(type("Mutation", (), namespace), description="Workflow steps.")


Mutation = _mutation_type()
