"""Running a declared transition: policy, scope, state, actor, guards, reason — each refusal leaves
everything as it was; a taken step is committed with its history row (AC-6, AC-12, AC-15, Q-R1).
The assignment workflow (ASG-1) is the vehicle; no GraphQL here."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from models.assignments import Assignment, AssignmentStatus, TeamMembership
from models.audit import AuditEntry, WorkflowHistory
from models.organisation import Position
from tests.workflows.factories import (
    NOW,
    acting,
    appoint,
    audit_count,
    organisation,
    principal,
    reason,
    snapshot,
)
from workflows import audit
from workflows.assignments import ASSIGNMENT
from workflows.assignments.inputs import AppointInput
from workflows.engine import available_actions, run
from workflows.errors import Conflict, Forbidden, NotFound, RuleViolation, Unauthenticated, ValidationFailed


async def test_run_appoint_then_issue_letter_records_history_per_transition_ac_15(policies):
    # given
    org = await organisation()
    head = await principal(org.head)
    # when
    draft = await appoint(org)
    issued = await run(ASSIGNMENT, "issue_letter", draft.id, head, now=NOW)
    # then
    assert issued.status == AssignmentStatus.LETTER_ISSUED
    rows = await WorkflowHistory.filter(subject_id=draft.id).order_by("occurred_at", "created_at")
    assert [(h.action, h.from_state, h.to_state) for h in rows] == [
        ("appoint", None, "draft"),
        ("issue_letter", "draft", "letter_issued"),
    ]
    assert {h.actor_id for h in rows} == {org.head.staff.id} and {h.acting_for_id for h in rows} == {None}
    assert await AuditEntry.filter(action="assignment.issue_letter", subject_id=draft.id).count() == 1
    assert (await audit.verify()).ok


async def test_run_effect_sees_its_own_step_in_the_history_ac_15(policies):
    # given: the letter step's effect, watched
    org = await organisation()
    head = await principal(org.head)
    draft = await appoint(org)
    transition = ASSIGNMENT.transitions_for("issue_letter")[0]
    effect, seen = transition.effect, []

    async def watching(step):
        seen.extend(await WorkflowHistory.filter(subject_id=step.record.id).values_list("action", flat=True))
        await effect(step)

    object.__setattr__(transition, "effect", watching)
    try:
        # when
        await run(ASSIGNMENT, "issue_letter", draft.id, head, now=NOW)
    finally:
        object.__setattr__(transition, "effect", effect)
    # then: the history was written before the effect ran, in the same transaction
    assert sorted(seen) == ["appoint", "issue_letter"]


async def test_run_wrong_state_is_refused_naming_the_state_asg_1(policies):
    # given: the letter is out already
    org = await organisation()
    head = await principal(org.head)
    draft = await appoint(org)
    await run(ASSIGNMENT, "issue_letter", draft.id, head, now=NOW)
    before = await snapshot()
    # when: the way around — the same step again, and a withdrawal after the letter
    for action, given in (("issue_letter", None), ("withdraw", reason())):
        with pytest.raises(RuleViolation) as refused:
            await run(ASSIGNMENT, action, draft.id, head, given, now=NOW)
        # then
        assert refused.value.key == "workflow.wrong_state" and refused.value.rule == "ASG-1"
        assert "letter_issued" in refused.value.messages["en"]
    assert await snapshot() == before


async def test_run_step_of_another_path_does_not_apply_asg_2(policies):
    # given: an ASG-1 draft
    org = await organisation()
    draft = await appoint(org)
    before = await snapshot()
    # when: an ASG-2 step on it
    with pytest.raises(RuleViolation) as refused:
        await run(ASSIGNMENT, "propose_to_secretary_general", draft.id, await principal(org.head), now=NOW)
    # then
    assert refused.value.key == "workflow.not_applicable"
    assert await snapshot() == before


async def test_run_by_head_of_the_unit_above_is_forbidden_and_audited_ac_6(policies):
    # given: the bureau head reaches the division's records (AC-5) but is not the head of *that* unit
    org = await organisation()
    draft = await appoint(org)
    before, refusals = await snapshot(), await audit_count("refused")
    # when
    with pytest.raises(Forbidden):
        await run(ASSIGNMENT, "issue_letter", draft.id, await principal(org.parent_head), now=NOW)
    # then: nothing changed, and the refusal outlived the rolled-back transaction (AC-13)
    assert await snapshot() == before
    assert await audit_count("refused") == refusals + 1
    entry = await AuditEntry.filter(outcome="refused").order_by("-sequence").first()
    assert entry.action == "assignments.assignment.issue_letter"
    assert entry.principal_ref == str(org.parent_head.staff.id)


async def test_run_by_role_without_policy_line_is_forbidden_ac_12(policies):
    # given
    org = await organisation()
    draft = await appoint(org)
    before = await snapshot()
    # when: a staff member of the unit (no line for the action), the Secretary General on an ASG-1 step
    for someone in (org.staff[0], org.secretary_general):
        with pytest.raises(Forbidden):
            await run(ASSIGNMENT, "issue_letter", draft.id, await principal(someone), now=NOW)
    # then
    assert await snapshot() == before


async def test_run_record_outside_the_row_scope_is_not_found_ac_12(policies):
    # given: the head of an unrelated unit
    org = await organisation()
    stranger = (await organisation()).head
    draft = await appoint(org)
    # when / then: what one may not reach is not found, not forbidden (no existence leak)
    with pytest.raises(NotFound):
        await run(ASSIGNMENT, "issue_letter", draft.id, await principal(stranger), now=NOW)


async def test_run_without_principal_is_unauthenticated(policies):
    org = await organisation()
    draft = await appoint(org)
    with pytest.raises(Unauthenticated):
        await run(ASSIGNMENT, "issue_letter", draft.id, None, now=NOW)


async def test_run_appoint_for_a_unit_one_does_not_head_is_forbidden_asg_1(policies):
    # given
    org = await organisation()
    before = await snapshot()
    # when: the other unit's head appoints in this unit
    with pytest.raises(Forbidden):
        await appoint(org, by=await principal(org.other_head))
    # then
    assert await snapshot() == before


async def test_run_appoint_outside_member_without_approval_is_refused_asg_7(policies):
    # given
    org = await organisation()
    before = await snapshot()
    outsider = org.other_staff[0].staff.id
    # when: the way around ASG-2 — naming another unit's staff directly
    for fields in (
        {"staff_id": outsider},
        {"team_name": "Tim", "lead_id": org.staff[0].staff.id, "member_ids": [outsider]},
        {"team_name": "Tim", "lead_id": outsider},
    ):
        with pytest.raises(RuleViolation) as refused:
            await appoint(org, **fields)
        # then
        assert (refused.value.key, refused.value.rule) == ("workflow.guard.appointees_in_unit", "ASG-7")
    assert await snapshot() == before


async def test_run_appoint_team_forms_it_and_the_letter_starts_it_asg_1(policies):
    # given
    org = await organisation()
    lead, member = (a.staff.id for a in org.staff)
    # when
    draft = await appoint(org, team_name="Tim Analisis", lead_id=lead, member_ids=[member, lead])
    team_before = await draft.team
    await run(ASSIGNMENT, "issue_letter", draft.id, await principal(org.head), now=NOW)
    # then
    assert team_before.status == "forming" and team_before.lead_id == lead
    memberships = await TeamMembership.filter(team_id=draft.team_id).values_list("staff_id", "role")
    assert sorted(memberships, key=str) == sorted([(lead, "lead"), (member, "member")], key=str)
    assert (await draft.team).status == "active"


async def test_run_withdraw_needs_a_reason_asg_1(policies):
    # given
    org = await organisation()
    draft = await appoint(org)
    head = await principal(org.head)
    before = await snapshot()
    # when
    for text in ("", "   "):
        with pytest.raises(ValidationFailed) as refused:
            await run(ASSIGNMENT, "withdraw", draft.id, head, reason(text), now=NOW)
        assert (refused.value.key, refused.value.field) == ("workflow.reason_required", "reason")
    assert await snapshot() == before
    withdrawn = await run(ASSIGNMENT, "withdraw", draft.id, head, reason("Prioritas berubah."), now=NOW)
    # then
    assert withdrawn.status == AssignmentStatus.WITHDRAWN
    last = await WorkflowHistory.filter(subject_id=draft.id, action="withdraw").get()
    assert last.reason == "Prioritas berubah."


async def test_run_input_shape_is_validated_naming_the_field():
    # then: construction checks the shape before any rule is asked
    with pytest.raises(ValidationFailed) as refused:
        AppointInput(unit_id=uuid.uuid4(), title="Tugas")
    assert refused.value.field == "staffId"


async def test_run_by_acting_head_records_whom_they_act_for_ac_6(policies):
    # given: the head is away; a staff member acts as head of the unit
    org = await organisation()
    stand_in = org.staff[1]
    await acting(stand_in, Position.UNIT_HEAD, unit=org.unit, acting_for=org.head.staff)
    # when
    draft = await appoint(org, by=await principal(stand_in))
    # then
    history = await WorkflowHistory.get(subject_id=draft.id)
    assert (history.actor_id, history.acting_for_id) == (stand_in.staff.id, org.head.staff.id)


async def test_run_internal_step_cannot_be_run_directly(policies):
    org = await organisation()
    draft = await appoint(org)
    with pytest.raises(ValueError, match="internal"):
        await run(ASSIGNMENT, "involvement_approved", draft.id, await principal(org.head), now=NOW)


async def test_available_actions_follow_state_and_actor_ac_6(policies):
    # given
    org = await organisation()
    draft = await appoint(org)
    # when
    by_head = await available_actions(ASSIGNMENT, draft, await principal(org.head))
    by_parent = await available_actions(ASSIGNMENT, draft, await principal(org.parent_head))
    by_staff = await available_actions(ASSIGNMENT, draft, await principal(org.staff[0]))
    await run(ASSIGNMENT, "issue_letter", draft.id, await principal(org.head), now=NOW)
    after = await available_actions(ASSIGNMENT, await Assignment.get(id=draft.id), await principal(org.head))
    # then
    assert [t.action for t in by_head] == ["issue_letter", "withdraw"]
    assert by_parent == [] and by_staff == [] and after == []


async def test_run_concurrent_conflicting_steps_one_wins_q_r_1(policies):
    if not policies.is_postgres:
        pytest.skip("concurrency needs PostgreSQL: SQLite serialises every writer")
    # given: a draft, and the head's letter and withdrawal racing each other
    org = await organisation()
    draft = await appoint(org)
    head = await principal(org.head)
    # when
    results = await asyncio.gather(
        run(ASSIGNMENT, "issue_letter", draft.id, head, now=NOW),
        run(ASSIGNMENT, "withdraw", draft.id, head, reason(), now=NOW),
        return_exceptions=True,
    )
    # then: exactly one step happened, the other was told the record changed
    winners = [r for r in results if isinstance(r, Assignment)]
    losers = [r for r in results if isinstance(r, BaseException)]
    assert len(winners) == 1 and len(losers) == 1
    assert isinstance(losers[0], Conflict) and losers[0].key == "workflow.changed"
    assert await WorkflowHistory.filter(subject_id=draft.id).count() == 2
    assert (await Assignment.get(id=draft.id)).status == winners[0].status
    assert (await audit.verify()).ok
