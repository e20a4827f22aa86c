"""Workflow steps as admin forms, generated from the declarations in workflows/engine (AC-15, Q-R1).

The columns a workflow owns are read-only in the panel (admin/readonly.py); its steps are offered
here instead. For every declared workflow and every action an actor takes, one piccolo-admin
`FormConfig` is generated:

- its fields: the record's id (none for a creating step), then the fields of the transition's
  input dataclass with their types, defaults and longest lengths (a required reason is a field
  of that input already), titled in the UI's language from the label catalogue; a nested input
  object (or a list of them, e.g. a decision's grants) is a JSON text field — piccolo-admin 1.14
  renders neither nested models nor lists of objects — parsed and validated into the dataclasses
  when the form is sent, a malformed one refused with a clear message naming where;
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
import decimal
import json
import re
import types
import typing
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Literal, Union

import pydantic
from piccolo_admin.endpoints import FormConfig
from starlette.requests import Request

from admin.gate import request_language
from admin.hooks import principal_of
from admin.labels import choice_label, column_label, table_label
from schema.registry import snake
from workflows.engine import Transition, Workflow, authorize, describe, run, workflows
from workflows.engine.declaration import check_items, check_text, is_nested, located
from workflows.errors import DomainError, ErrorCode, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE
from workflows.messages import Language, message

RECORD_FIELD = "record_id"
SCALARS = (str, int, bool, dt.date, dt.datetime, uuid.UUID, decimal.Decimal)
JSON_WIDGET = {"extra": {"widget": "json"}}  # piccolo-admin's JSON text area

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
    "admin.form.json": (
        "Isian '{field}' bukan JSON dengan bentuk yang diminta (periksa {where}).",
        "'{field}' is not JSON of the expected shape (check {where}).",
    ),
    "admin.form.json_shape": ("Isi sebagai JSON, misalnya: {example}", "Enter as JSON, e.g.: {example}"),
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


def _nested_item(hint: Any) -> type | None:
    """The dataclass of a nested input field (`X`, `X | None`, `list[X]`), else None."""
    inner, _ = _unwrap(hint)
    if typing.get_origin(inner) is list:
        inner, _ = _unwrap(typing.get_args(inner)[0])
    return inner if is_nested(inner) else None


def _form_type(hint: Any) -> Any:
    """A type of an input dataclass → the pydantic annotation of its form field. Enums become a
    literal of their stored values: the form's JSON schema then carries them inline. A nested
    dataclass becomes a generated pydantic model (used to validate the JSON text of its field)."""
    inner, optional = _unwrap(hint)
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        mapped: Any = list[_form_type(item)]  # type: ignore[misc]
    elif is_nested(inner):
        mapped = _nested_model(inner)
    elif (enum := _enum_of(inner)) is not None:
        mapped = Literal[tuple(str(member.value) for member in enum)]  # type: ignore[valid-type]
    elif inner in SCALARS:
        mapped = inner
    else:
        raise TypeError(f"unsupported type in a workflow input: {hint}")
    return mapped | None if optional else mapped


_NESTED: dict[type, type[pydantic.BaseModel]] = {}


def _nested_model(cls: type) -> type[pydantic.BaseModel]:
    """A dataclass nested in a workflow input → the pydantic model its JSON items are checked with."""
    if cls not in _NESTED:
        hints = typing.get_type_hints(cls)
        _NESTED[cls] = pydantic.create_model(  # type: ignore[call-overload]
            f"{cls.__name__}Form",
            __config__=pydantic.ConfigDict(extra="forbid"),
            **{f.name: _field(f, hints[f.name]) for f in dataclasses.fields(cls)},
        )
    return _NESTED[cls]


def _as_text(value: Any) -> Any:
    """The UI may send a JSON field parsed already: keep it as the text the field holds."""
    return value if value is None or isinstance(value, str) else json.dumps(value, default=str)


def _example(hint: Any) -> Any:
    """An example value of `hint`, for the JSON fields' help text."""
    inner, _ = _unwrap(hint)
    if typing.get_origin(inner) is list:
        return [_example(typing.get_args(inner)[0])]
    if is_nested(inner):
        hints = typing.get_type_hints(inner)
        return {f.name: _example(hints[f.name]) for f in dataclasses.fields(inner)}
    if (enum := _enum_of(inner)) is not None:
        return str(next(iter(enum)).value)
    return {dt.date: "YYYY-MM-DD", dt.datetime: "YYYY-MM-DDTHH:MM:SS+07:00", uuid.UUID: "<id>"}.get(
        inner, inner.__name__
    )


def _to_python(hint: Any, value: Any, path: str = "") -> Any:
    """A validated form value → what the input dataclass declares (enum members back, nested
    models built into their dataclasses; an error while one is built names its full path)."""
    inner, _ = _unwrap(hint)
    if value is None:
        return None
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        return [_to_python(item, v, f"{path}[{i}]") for i, v in enumerate(value)]
    if is_nested(inner):
        hints = typing.get_type_hints(inner)
        values = {}
        for f in dataclasses.fields(inner):
            given = getattr(value, f.name)
            check_text(given, f, f"{path}.{f.name}")
            values[f.name] = _to_python(hints[f.name], given, f"{path}.{f.name}")
        try:
            return inner(**values)
        except DomainError as error:
            raise located(error, path) from None
    if (enum := _enum_of(inner)) is not None:
        return enum(value)
    return value


def _parse_json(name: str, hint: Any, text: Any, form_field: dataclasses.Field[Any]) -> Any:
    """The JSON text of a nested field → its validated pydantic value; malformed JSON, too many
    items or a value of the wrong shape → VALIDATION naming where."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        parsed = json.loads(text)
    except (TypeError, ValueError):
        raise ValidationFailed("admin.form.json", field=name, where=name) from None
    if isinstance(parsed, list):
        check_items(parsed, form_field, name)
    try:
        return pydantic.TypeAdapter(_form_type(hint)).validate_python(parsed)
    except pydantic.ValidationError as error:
        first = error.errors()[0]["loc"] if error.errors() else ()
        where = name + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first)
        raise ValidationFailed("admin.form.json", field=name, where=where) from None


def _field(form_field: dataclasses.Field[Any], hint: Any) -> tuple[Any, Any]:
    options: dict[str, Any] = {"description": describe(form_field)}
    max_length = form_field.metadata.get("max_length")
    inner, optional = _unwrap(hint)
    if max_length and inner is str:
        options["max_length"] = max_length
    nested = _nested_item(hint) is not None
    if nested:
        options["json_schema_extra"] = JSON_WIDGET
    if form_field.default_factory is not dataclasses.MISSING:
        default = form_field.default_factory()
        if nested:
            options["default"] = json.dumps(default)
        else:
            options["default_factory"] = form_field.default_factory
    elif form_field.default is not dataclasses.MISSING:
        default = form_field.default
        options["default"] = default.value if isinstance(default, Enum) else default
    if nested:  # JSON text, parsed when the form is sent (input_of)
        text: Any = Annotated[str, pydantic.BeforeValidator(_as_text)]
        return (text | None if optional else text), pydantic.Field(**options)
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
            if name in self.hints and _nested_item(self.hints[name]) is not None:
                example = json.dumps(_example(self.hints[name]), ensure_ascii=False)
                shape = message("admin.form.json_shape", language, example=example)
                prop["description"] = f"{prop.get('description', '')} {shape}".strip()
            choices = prop.get("enum") or next(
                (option.get("enum") for option in prop.get("anyOf", []) if option.get("enum")), None
            )
            if choices:
                enum = _enum_of(self.hints[name]) if name in self.hints else None
                named = [
                    f"{c} = {label}" if (label := choice_label(c, language, enum)) else c for c in choices
                ]
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
        """The form's values (the record id taken out) → the transition's input dataclass; the JSON
        text of a nested field parsed and validated first (VALIDATION naming where, if malformed)."""
        cls = self.first.input
        if cls is None:
            return None
        given = {}
        for name, hint in self.hints.items():
            value = values.get(name)
            if _nested_item(hint) is not None:
                value = _parse_json(name, hint, value, self.first.input_fields[name])
                if value is None and name in self.defaults:
                    value = self.defaults[name]
            given[name] = _to_python(hint, value, name)
        return cls(**given)

    @property
    def defaults(self) -> dict[str, Any]:
        """The defaults of the input's fields that have one."""
        found = {}
        for name, f in self.first.input_fields.items():
            if f.default_factory is not dataclasses.MISSING:
                found[name] = f.default_factory()
            elif f.default is not dataclasses.MISSING:
                found[name] = f.default
        return found

    def refusal(self, error: DomainError, language: Language) -> str:
        """A domain error → its sentence in `language` with the rule id that refused it, naming the
        form's field by its title where the sentence names the API's ('officerIds' → 'Petugas')."""
        rule = error.rule or (self.actor_rule if error.code is ErrorCode.FORBIDDEN else None)
        text = error.messages[language]
        if error.field:
            titled = self.field_title(error.field, language)
            for said in {error.field, error.field.removeprefix("input.")}:
                text = text.replace(f"'{said}'", f"'{titled}'")
        if not rule or rule in text:  # the engine's sentences often cite it already
            return text
        return message("admin.form.refused", language, text=text, rule=rule)

    def field_title(self, api_path: str, language: Language) -> str:
        """An API field path ('officerIds', 'input.grants[1].startsOn') → the form's title of the field,
        followed for a nested item by the item's path ('Program perlindungan yang diberikan[1].starts_on')."""
        path = re.sub(r"[A-Za-z_]+", lambda m: snake(m.group(0)), api_path.removeprefix("input."))
        head, rest = re.fullmatch(r"([a-z0-9_]*)(.*)", path).groups()  # type: ignore[union-attr]
        if head not in self.first.input_fields:
            return path
        return f"{column_label(head, language, self.table)}{rest}"

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
