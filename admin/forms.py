"""Workflow steps as admin forms, generated from the declarations in workflows/engine (AC-15, Q-R1).

The columns a workflow owns are read-only in the panel (admin/readonly.py); its steps are offered
here instead. For every declared workflow and every action an actor takes, one piccolo-admin
`FormConfig` is generated:

- its fields: the record's id (none for a creating step), then the fields of the transition's
  input dataclass with their types, defaults and longest lengths (a required reason is a field
  of that input already), titled in the UI's language from the label catalogue;
- its endpoint: `workflows.engine.runner.run(...)` — the function the GraphQL mutation calls —
  as the signed-in staff member, so the same policy, scope, state, actor, guard and approval
  rules apply, in one transaction, with the history row and its audit entry;
- its answer: the step's label and the record's new state, or the domain error's sentence in
  the UI's language with its rule id (nothing changed).

Nothing here names a workflow: a workflow registered in workflows/engine appears as forms.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal, Union

import pydantic
from piccolo_admin.endpoints import FormConfig
from starlette.requests import Request

from admin.gate import request_language
from admin.hooks import principal_of
from admin.labels import choice_label, column_label, table_label
from workflows.engine import Transition, Workflow, authorize, describe, run, workflows
from workflows.errors import DomainError, ErrorCode
from workflows.messages import MESSAGES as CATALOGUE
from workflows.messages import Language, message

RECORD_FIELD = "record_id"
SCALARS = (str, int, bool, dt.date, dt.datetime, uuid.UUID)

MESSAGES: dict[str, tuple[str, str]] = {
    "admin.form.record": ("ID {table}", "{table} ID"),
    "admin.form.choices": ("{title} (salah satu dari: {choices})", "{title} (one of: {choices})"),
    "admin.form.description": (
        "Langkah alur kerja '{label}' pada {table}, dijalankan dengan aturan yang sama seperti di API "
        "(aturan {rules}).",
        "Workflow step '{label}' on {table}, taken under the same rules as in the API (rules {rules}).",
    ),
    "admin.form.reason": ("Langkah ini wajib disertai alasan.", "This step needs a reason."),
    "admin.form.done": (
        "Langkah '{label}' telah dilakukan: {table} kini berstatus '{state}'.",
        "Step '{label}' was taken: the {table} record is now '{state}'.",
    ),
    "admin.form.refused": ("{text} (aturan {rule})", "{text} (rule {rule})"),
}
CATALOGUE.update(MESSAGES)

Endpoint = Callable[[Request, pydantic.BaseModel], Coroutine[Any, Any, str]]


# --- input dataclass → pydantic ------------------------------------------------------------------


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """`X | None` → (X, True); anything else → (hint, False)."""
    if typing.get_origin(hint) in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union in a workflow input: {hint}")
        return args[0], True
    return hint, False


def _enum_of(hint: Any) -> type[Enum] | None:
    inner, _ = _unwrap(hint)
    return inner if isinstance(inner, type) and issubclass(inner, Enum) else None


def _form_type(hint: Any) -> Any:
    """A type of an input dataclass → the pydantic annotation of its form field. Enums become a
    literal of their stored values: the form's JSON schema then carries them inline."""
    inner, optional = _unwrap(hint)
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        mapped: Any = list[_form_type(item)]  # type: ignore[misc]
    elif (enum := _enum_of(inner)) is not None:
        mapped = Literal[tuple(str(member.value) for member in enum)]  # type: ignore[valid-type]
    elif inner in SCALARS:
        mapped = inner
    else:
        raise TypeError(f"unsupported type in a workflow input: {hint}")
    return mapped | None if optional else mapped


def _to_python(hint: Any, value: Any) -> Any:
    """A validated form value → what the input dataclass declares (enum members back)."""
    inner, _ = _unwrap(hint)
    if value is None:
        return None
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        return [_to_python(item, v) for v in value]
    if (enum := _enum_of(inner)) is not None:
        return enum(value)
    return value


def _field(form_field: dataclasses.Field[Any], hint: Any) -> tuple[Any, Any]:
    options: dict[str, Any] = {"description": describe(form_field)}
    max_length = form_field.metadata.get("max_length")
    inner, _ = _unwrap(hint)
    if max_length and inner is str:
        options["max_length"] = max_length
    if form_field.default_factory is not dataclasses.MISSING:
        options["default_factory"] = form_field.default_factory
    elif form_field.default is not dataclasses.MISSING:
        default = form_field.default
        options["default"] = default.value if isinstance(default, Enum) else default
    return _form_type(hint), pydantic.Field(**options)


def _class_name(workflow: Workflow, action: str) -> str:
    def pascal(name: str) -> str:
        return "".join(part.title() for part in name.split("_"))

    return f"{pascal(workflow.name)}{pascal(action)}Form"


# --- one form per workflow action -----------------------------------------------------------------


@dataclass(frozen=True)
class WorkflowForm:
    """The admin form of one workflow action: its pydantic model, its endpoint and its words."""

    workflow: Workflow
    action: str
    model: type[pydantic.BaseModel]
    hints: dict[str, Any]

    @property
    def transitions(self) -> tuple[Transition, ...]:
        return self.workflow.transitions_for(self.action)

    @property
    def first(self) -> Transition:
        return self.transitions[0]

    @property
    def slug(self) -> str:
        """The form's address in the panel: the Casbin action, 'assignment_letter.revoke'."""
        return self.workflow.permission(self.action)

    @property
    def table(self) -> str:
        return self.workflow.resource

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r for t in self.transitions for r in t.rule_ids))

    @property
    def actor_rule(self) -> str:
        """The rule that says who may take the step: cited when one who may not is refused."""
        return next((a.rule_id for t in self.transitions for a in t.actors), self.first.rule_id)

    def name(self, language: Language) -> str:
        return message(self.workflow.label_key(self.action), language)

    def group(self, language: Language) -> str:
        return table_label(self.table, language)

    def description(self, language: Language) -> str:
        text = message(
            "admin.form.description",
            language,
            label=self.name(language),
            table=table_label(self.table, language),
            rules=", ".join(self.rules),
        )
        if self.first.reason_required:
            text = f"{text} {message('admin.form.reason', language)}"
        return text

    def schema(self, language: Language) -> dict[str, Any]:
        """The form's JSON schema, titled in `language`; enum choices spelled out in the title
        (piccolo-admin's custom forms render every field as an input, without choice lists)."""
        schema = self.model.model_json_schema()
        for name, prop in schema.get("properties", {}).items():
            if prop.get("type") == "array" and "default" not in prop:
                # The UI's list widget starts from the default; without one it sends '' (not JSON).
                prop["default"] = []
            if name == RECORD_FIELD:
                prop["title"] = message(
                    "admin.form.record", language, table=table_label(self.table, language)
                )
                continue
            title = column_label(name, language, self.table)
            choices = prop.get("enum") or next(
                (option.get("enum") for option in prop.get("anyOf", []) if option.get("enum")), None
            )
            if choices:
                named = [f"{c} = {label}" if (label := choice_label(c, language)) else c for c in choices]
                title = message("admin.form.choices", language, title=title, choices=", ".join(named))
            prop["title"] = title
        schema["title"] = self.name(language)
        return schema

    def config(self) -> FormConfig:
        form = FormConfig(
            name=self.name("id"),
            pydantic_model=self.model,
            endpoint=self.endpoint,
            description=self.description("id"),
            form_group=self.group("id"),
        )
        form.slug = self.slug
        return form

    def input_of(self, values: dict[str, Any]) -> Any:
        """The form's values (the record id taken out) → the transition's input dataclass."""
        cls = self.first.input
        if cls is None:
            return None
        return cls(**{name: _to_python(self.hints[name], values.get(name)) for name in self.hints})

    def refusal(self, error: DomainError, language: Language) -> str:
        """A domain error → its sentence in `language` with the rule id that refused it."""
        rule = error.rule or (self.actor_rule if error.code is ErrorCode.FORBIDDEN else None)
        text = error.messages[language]
        if not rule or rule in text:  # the engine's sentences often cite it already
            return text
        return message("admin.form.refused", language, text=text, rule=rule)

    async def endpoint(self, request: Request, data: pydantic.BaseModel) -> str:
        """The submitted form → the workflow step, as the signed-in staff member; a refusal is a
        ValueError, which piccolo-admin shows beside the form (nothing changed)."""
        language = request_language(request)
        principal = principal_of(request)
        values = data.model_dump()
        record_id = values.pop(RECORD_FIELD, None)
        try:
            # As the API does: one who may not take the step learns nothing from validation.
            await authorize(self.workflow, self.action, principal)
            record = await run(self.workflow, self.action, record_id, principal, self.input_of(values))
        except DomainError as error:
            raise ValueError(self.refusal(error, language)) from None
        return message(
            "admin.form.done",
            language,
            label=self.name(language),
            table=table_label(self.table, language),
            state=self.workflow.state_of(record),
        )


def workflow_form(workflow: Workflow, action: str) -> WorkflowForm:
    """A workflow action an actor takes → its generated form."""
    first = workflow.transitions_for(action)[0]
    if first.internal:
        raise ValueError(f"{workflow.name}.{action} is internal: it has no form")
    hints = typing.get_type_hints(first.input) if first.input is not None else {}
    fields: dict[str, Any] = {}
    if not first.creates:
        fields[RECORD_FIELD] = (uuid.UUID, pydantic.Field(description=f"Id of the {workflow.subject}."))
    for input_field in first.input_fields.values():
        if input_field.name in fields:
            raise TypeError(f"{workflow.name}.{action}: an input field may not be named {RECORD_FIELD}")
        fields[input_field.name] = _field(input_field, hints[input_field.name])
    model = pydantic.create_model(  # type: ignore[call-overload]
        _class_name(workflow, action),
        __config__=pydantic.ConfigDict(extra="forbid"),
        __doc__=first.description or action,
        **fields,
    )
    kept = {name: hints[name] for name in first.input_fields}
    return WorkflowForm(workflow=workflow, action=action, model=model, hints=kept)


def workflow_forms(declared: tuple[Workflow, ...] | None = None) -> list[WorkflowForm]:
    """Every declared workflow (the registry's, unless given) → a form per action an actor takes."""
    return [
        workflow_form(workflow, action)
        for workflow in (workflows() if declared is None else declared)
        for action, group in workflow.actions.items()
        if not group[0].internal
    ]


__all__ = ["RECORD_FIELD", "WorkflowForm", "workflow_form", "workflow_forms"]
