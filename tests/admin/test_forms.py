"""Workflow steps as admin forms, generated from the declarations: one per action an actor takes,
fields from its input dataclass, run through the same workflow function as the API (AC-15, Q-R1)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import typing
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import pytest
from tortoise.fields.data import CharEnumFieldInstance

from admin.forms import RECORD_FIELD, workflow_forms
from admin.tables import admin_models
from models.assignments import AssignmentLetter, LetterStatus
from models.audit import AuditEntry, WorkflowHistory
from models.organisation import Position
from tests.admin.conftest import grant, open_panel, system_admin
from tests.workflows.factories import appoint, organisation, principal, snapshot
from workflows.assignments import ASSIGNMENT
from workflows.engine import Transition, Workflow, doc, position, registry, run, workflows
from workflows.engine.declaration import describe

HEADS = "position:unit_head"


async def issued_letter(org: Any) -> AssignmentLetter:
    draft = await appoint(org)
    await run(ASSIGNMENT, "issue_letter", draft.id, await principal(org.head))
    return await AssignmentLetter.get(assignment_id=draft.id)


REVOKE = "/admin/api/forms/assignment_letter.revoke/"


# --- generated from the declarations ------------------------------------------------------------


async def test_forms_one_per_declared_transition_ac_15(policies):
    # given: every action an actor takes, in every declared workflow
    declared = {
        workflow.permission(action)
        for workflow in workflows()
        for action, group in workflow.actions.items()
        if not group[0].internal
    }
    internal = {
        workflow.permission(action)
        for workflow in workflows()
        for action, group in workflow.actions.items()
        if group[0].internal
    }
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        served = {slug: await panel.get(f"/admin/api/forms/{slug}/schema/") for slug in sorted(declared)}
        hidden = [await panel.get(f"/admin/api/forms/{slug}/") for slug in sorted(internal)]
    # then: a form each, none for internal transitions (fired by other steps, no actor)
    assert {form.slug for form in workflow_forms()} == declared
    assert {slug for slug, response in served.items() if response.status_code == 200} == declared
    assert all(response.status_code == 404 for response in hidden)


class Colour(enum.StrEnum):
    RED = "red"
    GREEN = "green"


@dataclass(frozen=True)
class PaintInput:
    """What painting takes."""

    colour: Colour = field(metadata=doc("The new colour."))
    note: str = field(metadata=doc("Why.", max_length=50))
    due_on: dt.date | None = field(default=None, metadata=doc("By when."))
    helper_ids: list[UUID] = field(default_factory=list, metadata=doc("Who helps."))


def _unworked_model() -> tuple[type, tuple[str, ...]]:
    """A model with an enum `status` that no workflow has declared yet, and its states."""
    taken = {w.model for w in workflows()}
    for model in admin_models():
        state = model._meta.fields_map.get("status")
        if isinstance(state, CharEnumFieldInstance) and model not in taken:
            return model, tuple(str(member.value) for member in state.enum_type)
    pytest.skip("every model with a status has a workflow")


async def test_form_of_a_newly_registered_workflow_appears_without_admin_code_ac_15(policies, monkeypatch):
    # given: a workflow declared and registered here, nowhere in admin/
    model, states = _unworked_model()
    monkeypatch.setattr(registry, "_registered", dict(registry._registered))
    workflow = registry.register(
        Workflow(
            name="test_paint",
            model=model,
            state_field="status",
            transitions=(
                Transition(
                    action="paint",
                    sources=(states[0],),
                    target=states[1],
                    actors=(position(Position.SECRETARY_GENERAL, "TEST-1"),),
                    input=PaintInput,
                    rule_ids=("TEST-1",),
                    label=("Cat ulang", "Repaint"),
                ),
            ),
        )
    )
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        answer = await panel.get("/admin/api/forms/test_paint.paint/")
        schema = (await panel.get("/admin/api/forms/test_paint.paint/schema/")).json()
    # then: named from the declaration's label, titled in Indonesian, fields from the dataclass
    assert answer.status_code == 200 and answer.json()["name"] == "Cat ulang"
    assert workflow.permission("paint") in {form.slug for form in workflow_forms()}
    properties = schema["properties"]
    assert list(properties) == [RECORD_FIELD, "colour", "note", "due_on", "helper_ids"]
    assert schema["required"] == [RECORD_FIELD, "colour", "note"]
    assert properties["colour"]["enum"] == ["red", "green"]
    assert properties["colour"]["title"].endswith("(salah satu dari: red, green)")
    assert properties["note"]["maxLength"] == 50 and properties["note"]["description"] == "Why."
    assert properties["due_on"]["anyOf"][0]["format"] == "date"
    assert properties["helper_ids"]["items"]["format"] == "uuid"
    assert properties[RECORD_FIELD]["format"] == "uuid"


async def test_form_fields_match_the_input_dataclass_ac_15(policies):
    # given
    forms = workflow_forms()
    # when / then: for every form, its fields are the record id (unless creating) and the input's,
    # required exactly when the dataclass has no default, described and bounded as declared
    for form in forms:
        first = form.first
        inputs = dataclasses.fields(first.input) if first.input else ()
        expected = [f.name for f in inputs] if first.creates else [RECORD_FIELD, *(f.name for f in inputs)]
        assert list(form.model.model_fields) == expected, form.slug
        hints = typing.get_type_hints(first.input) if first.input else {}
        for f in inputs:
            model_field = form.model.model_fields[f.name]
            has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            assert model_field.is_required() is not has_default, (form.slug, f.name)
            assert model_field.description == describe(f), (form.slug, f.name)
            limits = [m.max_length for m in model_field.metadata if hasattr(m, "max_length")]
            if hints[f.name] is str and f.metadata.get("max_length"):
                assert limits == [f.metadata["max_length"]], (form.slug, f.name)
        if first.reason_required:
            assert "reason" in form.model.model_fields, form.slug


# --- running a form runs the workflow -------------------------------------------------------------


async def test_form_run_revokes_with_history_and_audit_asg_10(policies):
    # given: the head of the issuing unit, with the panel granted to unit heads
    org = await organisation()
    letter = await issued_letter(org)
    await grant(HEADS, "admin_panel", "read", "all")
    async with open_panel(policies) as panel:
        await panel.sign_in(org.head.staff.email)
        # when
        offered = (await panel.get("/admin/api/forms/grouped/")).json()
        response = await panel.post(REVOKE, {RECORD_FIELD: str(letter.id), "reason": "Salah sasaran."})
    # then: the same workflow ran — state, reason, history row and its audit entry
    assert response.status_code == 200, response.text
    assert response.json()["custom_form_success"] == (
        "Langkah 'Cabut surat penugasan' telah dilakukan: Surat Tugas kini berstatus 'revoked'."
    )
    assert "Cabut surat penugasan" in [f["name"] for forms in offered["grouped"].values() for f in forms]
    stored = await AssignmentLetter.get(id=letter.id)
    assert stored.status == LetterStatus.REVOKED and stored.revocation_reason == "Salah sasaran."
    history = await WorkflowHistory.get(subject_id=letter.id, action="revoke")
    assert (history.from_state, history.to_state, history.actor_id) == (
        "issued",
        "revoked",
        org.head.staff.id,
    )
    entry = await AuditEntry.get(action="assignment_letter.revoke", subject_id=letter.id)
    assert entry.changes == {"status": ["issued", "revoked"]}


async def test_form_run_by_wrong_actor_is_refused_asg_10(policies):
    # given: the bureau head above reaches the letter but did not issue it (ASG-10)
    org = await organisation()
    letter = await issued_letter(org)
    await grant(HEADS, "admin_panel", "read", "all")
    before = await snapshot()
    async with open_panel(policies) as panel:
        await panel.sign_in(org.parent_head.staff.email)
        # when
        response = await panel.post(REVOKE, {RECORD_FIELD: str(letter.id), "reason": "Salah."})
    # then: refused in Indonesian with the rule id, nothing changed, the refusal audited
    assert response.status_code == 422
    assert response.json()["custom_form_error"] == "Anda tidak berwenang melakukan ini. (aturan ASG-10)"
    assert await snapshot() == before
    assert await AuditEntry.filter(
        action="assignment_letters.assignment_letter.revoke", outcome="refused"
    ).exists()


async def test_form_run_in_wrong_state_is_refused_asg_10(policies):
    # given: a letter already revoked
    org = await organisation()
    letter = await issued_letter(org)
    await grant(HEADS, "admin_panel", "read", "all")
    async with open_panel(policies) as panel:
        await panel.sign_in(org.head.staff.email)
        await panel.post(REVOKE, {RECORD_FIELD: str(letter.id), "reason": "Pertama."})
        before = await snapshot()
        # when: revoked again, and without a reason
        again = await panel.post(REVOKE, {RECORD_FIELD: str(letter.id), "reason": "Kedua."})
        blank = await panel.post(REVOKE, {RECORD_FIELD: str(letter.id), "reason": " "})
    # then
    assert again.status_code == blank.status_code == 422
    assert again.json()["custom_form_error"] == (
        "Langkah 'revoke' tidak dapat dilakukan selama assignment letter berstatus 'revoked' (ASG-10)."
    )
    assert blank.json()["custom_form_error"] == "Langkah 'revoke' wajib disertai alasan ('Alasan', ASG-10)."
    assert await snapshot() == before
    assert (await AssignmentLetter.get(id=letter.id)).revocation_reason == "Pertama."


async def test_form_run_without_the_policy_is_refused_and_not_offered_asg_10(policies):
    # given: a system administrator — the panel, but no workflow step of the letters' issuers
    org = await organisation()
    letter = await issued_letter(org)
    await system_admin()
    before = await snapshot()
    async with open_panel(policies, language="en") as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        offered = (await panel.get("/admin/api/forms/")).json()
        response = await panel.post(REVOKE, {RECORD_FIELD: str(letter.id), "reason": "x"})
    # then: in the language chosen, with the rule id
    assert "assignment_letter.revoke" not in [f["slug"] for f in offered]
    assert response.status_code == 422
    assert response.json()["custom_form_error"] == "You are not allowed to do this. (rule ASG-10)"
    assert await snapshot() == before


async def test_form_run_signed_out_is_refused_ac_1(policies):
    # given
    org = await organisation()
    letter = await issued_letter(org)
    async with open_panel(policies) as panel:
        # when
        response = await panel.post(REVOKE, {RECORD_FIELD: str(letter.id), "reason": "x"})
    # then
    assert response.status_code == 401
    assert (await AssignmentLetter.get(id=letter.id)).status == LetterStatus.ISSUED


async def test_state_choices_are_named_in_indonesian_q_u3(policies):
    # given
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when: a table's dropdown of states
        schema = (await panel.get("/admin/api/tables/assignment_letters/schema/")).json()
    # then
    choices = schema["properties"]["status"]["extra"]["choices"]
    assert {c["value"]: c["display_name"] for c in choices.values()} == {
        "issued": "Diterbitkan",
        "revoked": "Dicabut",
    }
