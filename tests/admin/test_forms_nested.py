"""Nested inputs in the generated admin forms (AC-15, DEC-2, PRG-8): a decision's grants — a list of
input objects, which piccolo-admin 1.14 cannot render as fields — are one JSON text field, parsed and
validated into the workflow's dataclasses when the form is sent; money is a decimal. Malformed,
over-long or rule-breaking grants are refused with the place named, nothing changed."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from admin.forms import RECORD_FIELD, workflow_form
from models.cases import Decision, DecisionOutcome, DecisionStatus
from models.organisation import Position
from models.programs import ProgramKind, ProtectionProgram
from tests.admin.conftest import grant, open_panel
from tests.protection.factories import DAY, reviewed, snapshot, world
from workflows.decisions import DECISION
from workflows.engine import Transition, Workflow, doc, position
from workflows.errors import ValidationFailed
from workflows.programs.costs import COSTS

DECIDE = "/admin/api/forms/decision.decide/"
LEADERS = "position:leader"


def grants(*given: tuple[str, int, int]) -> str:
    """Grants as the form's JSON text: (program, first day, last day) in days from today."""
    today = dt.date.today()
    return json.dumps(
        [
            {"program": p, "starts_on": str(today + s * DAY), "ends_on": str(today + e * DAY)}
            for p, s, e in given
        ]
    )


def deciding(application: Any, w: Any, grants_text: str) -> dict[str, Any]:
    return {
        "application_id": str(application.id),
        "outcome": "accepted",
        "grants": grants_text,
        "law_enforcement_agency_ids": [str(w.police.id)],
    }


# --- generated --------------------------------------------------------------------------------------


def test_form_nested_grants_are_a_json_field_with_their_shape_dec_2():
    # given
    decide = workflow_form(DECISION, "decide")
    submit = workflow_form(COSTS, "submit")
    # when
    schema = decide.schema("id")
    english = decide.schema("en")
    amount = submit.schema("id")["properties"]["amount"]
    # then: JSON text in piccolo-admin's JSON widget, starting empty, its shape spelled out
    prop = schema["properties"]["grants"]
    assert (prop["type"], prop["extra"], prop["default"]) == ("string", {"widget": "json"}, "[]")
    assert "grants" not in schema.get("required", [])
    assert "Isi sebagai JSON, misalnya: " in prop["description"]
    assert '"starts_on": "YYYY-MM-DD"' in prop["description"] and '"program": ' in prop["description"]
    assert "Enter as JSON, e.g.: " in english["properties"]["grants"]["description"]
    assert [option["type"] for option in amount["anyOf"]] == ["number", "string"]


@dataclass(frozen=True)
class Part:
    """One part."""

    name: str = field(metadata=doc("Its name.", max_length=5))
    due_on: dt.date | None = field(default=None, metadata=doc("By when."))

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValidationFailed("validation.too_long", field="name", maximum=5)


@dataclass(frozen=True)
class BuildInput:
    """What building takes."""

    parts: list[Part] = field(metadata=doc("The parts.", max_items=2))
    main: Part | None = field(default=None, metadata=doc("The main part."))


def test_form_of_any_nested_input_builds_its_dataclasses_ac_15():
    # given: a workflow declared here with a list of nested inputs and an optional nested one
    workflow = Workflow(
        name="test_build",
        model=Decision,
        state_field="status",
        transitions=(
            Transition(
                action="build",
                sources=(DecisionStatus.DECIDED,),
                target=DecisionStatus.DECIDED,
                actors=(position(Position.LEADER, "TEST-1"),),
                input=BuildInput,
                rule_ids=("TEST-1",),
                label=("Bangun", "Build"),
            ),
        ),
    )
    form = workflow_form(workflow, "build")
    # when
    built = form.input_of({"parts": '[{"name": "a", "due_on": "2026-01-02"}]', "main": '{"name": "b"}'})
    refused = {}
    for name, text in (
        ("too many", '[{"name": "a"}, {"name": "b"}, {"name": "c"}]'),
        ("too long", '[{"name": "a"}, {"name": "abcdefg"}]'),
        ("own rule", '[{"name": " "}]'),
        ("unknown", '[{"name": "a", "colour": "red"}]'),
        ("not JSON", "[{name: a}]"),
    ):
        with pytest.raises(ValidationFailed) as error:
            form.input_of({"parts": text})
        refused[name] = (error.value.field, error.value.messages["en"])
    # then: the dataclasses, and each refusal naming where
    assert built == BuildInput(parts=[Part("a", dt.date(2026, 1, 2))], main=Part("b"))
    shape = "'parts' is not JSON of the expected shape (check {})."
    assert refused == {
        "too many": ("parts", "'parts' holds at most 2 values."),
        "too long": ("parts", shape.format("parts[1].name")),
        "own rule": ("parts[0].name", "Argument 'parts[0].name' is too long (at most 5 characters)."),
        "unknown": ("parts", shape.format("parts[0].colour")),
        "not JSON": ("parts", shape.format("parts")),
    }


# --- running the form runs the workflow -------------------------------------------------------------


async def test_form_decide_with_json_grants_grants_each_its_period_dec_2(policies):
    # given: a reviewed application asking for medical assistance and a safe house; the panel for leaders
    w = await world()
    application = await reviewed(w)
    await grant(LEADERS, "admin_panel", "read", "all")
    await grant("position:unit_head", "admin_panel", "read", "all")
    body = deciding(application, w, grants(("medical", 0, 30), ("safe_house", 1, 90)))
    before = await snapshot()
    async with open_panel(policies) as panel:
        # when: the review head tries (not a leader, DEC-1), then a leader decides
        await panel.sign_in(w.review_head.staff.email)
        refused = await panel.post(DECIDE, body)
        unchanged = await snapshot()
        await panel.sign_out()
        await panel.sign_in(w.leader.staff.email)
        done = await panel.post(DECIDE, body)
    # then
    assert refused.status_code == 422 and "tidak berwenang" in refused.json()["custom_form_error"]
    assert unchanged == before
    assert done.status_code == 200, done.text
    decision = await Decision.get(application_id=application.id)
    assert decision.outcome == DecisionOutcome.ACCEPTED
    programs = await ProtectionProgram.filter(decision_id=decision.id).order_by("kind")
    today = dt.date.today()
    assert [(p.kind, p.period_start, p.period_end) for p in programs] == [
        (ProgramKind.MEDICAL, today, today + 30 * DAY),
        (ProgramKind.SAFE_HOUSE, today + DAY, today + 90 * DAY),
    ]


async def test_form_decide_with_malformed_grants_is_refused_dec_2(policies):
    # given
    w = await world()
    application = await reviewed(w)
    await grant(LEADERS, "admin_panel", "read", "all")
    before = await snapshot()
    async with open_panel(policies) as panel:
        await panel.sign_in(w.leader.staff.email)
        # when: not JSON, an unknown program, a date that is none, too many, a period ending before
        # it starts, one starting before the decision
        answers = [
            await panel.post(DECIDE, deciding(application, w, text))
            for text in (
                "[{program: medical}]",
                grants(("x-ray", 0, 30)),
                grants(("medical", 0, 30)).replace(str(dt.date.today()), "2026-02-30"),
                grants(*[("medical", 0, 30)] * (len(ProgramKind) + 1)),
                grants(("medical", 0, 30), ("safe_house", 10, 5)),
                grants(("medical", 0, 30), ("safe_house", -1, 90)),
            )
        ]
    # then: refused beside the form, saying where; nothing changed
    assert [a.status_code for a in answers] == [422] * len(answers)
    errors = [a.json()["custom_form_error"] for a in answers]
    assert (
        errors[0]
        == "Isian 'Program perlindungan yang diberikan' bukan JSON dengan bentuk yang diminta (periksa grants)."
    )
    assert (
        errors[1]
        == "Isian 'Program perlindungan yang diberikan' bukan JSON dengan bentuk yang diminta (periksa grants[0].program)."
    )
    assert (
        errors[2]
        == "Isian 'Program perlindungan yang diberikan' bukan JSON dengan bentuk yang diminta (periksa grants[0].starts_on)."
    )
    assert (
        errors[3] == f"'Program perlindungan yang diberikan' paling banyak berisi {len(ProgramKind)} nilai."
    )
    assert "'Program perlindungan yang diberikan[1].ends_on', DEC-2" in errors[4]
    assert "'Program perlindungan yang diberikan[1].starts_on'" in errors[5] and "DEC-2" in errors[5]
    assert await snapshot() == before
    assert RECORD_FIELD not in workflow_form(DECISION, "decide").model.model_fields
