"""Declaring a workflow: checked on declaration, and everything derived from it — policy lines,
Casbin actions, catalogue labels, diagrams (CONVENTIONS, "Low-code means declaring")."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from authz import enforcer
from authz.default_policy import default_lines
from models.assignments import Assignment, AssignmentStatus
from models.organisation import Position
from workflows.assignments import ASSIGNMENT, INVOLVEMENT
from workflows.engine import Transition, Workflow, doc, policy_lines, position, workflows
from workflows.engine.diagrams import mutation_name, render, stale
from workflows.letters import LETTER
from workflows.messages import MESSAGES

SG = position(Position.SECRETARY_GENERAL, "ASG-2")


async def _noop(step):
    return None


def test_transition_without_rule_ids_is_refused():
    # when / then: every transition cites the rules it implements
    with pytest.raises(ValueError, match="rule IDs"):
        Transition("close", (AssignmentStatus.DRAFT,), AssignmentStatus.COMPLETED, actors=(SG,))


def test_transition_creating_without_build_is_refused():
    with pytest.raises(ValueError, match="creating"):
        Transition("open", (), AssignmentStatus.DRAFT, actors=(SG,), rule_ids=("ASG-1",))


def test_transition_reason_required_without_reason_field_is_refused():
    @dataclass(frozen=True)
    class Nothing:
        note: str = field(metadata=doc("A note."))

    with pytest.raises(ValueError, match="reason"):
        Transition(
            "close",
            (AssignmentStatus.DRAFT,),
            AssignmentStatus.WITHDRAWN,
            actors=(SG,),
            input=Nothing,
            reason_required=True,
            rule_ids=("ASG-1",),
        )


def test_workflow_with_unknown_state_is_refused():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow(
            "toy",
            Assignment,
            "status",
            (Transition("close", ("nowhere",), AssignmentStatus.DRAFT, actors=(SG,), rule_ids=("ASG-1",)),),
        )


def test_workflow_action_without_label_is_refused():
    with pytest.raises(ValueError, match="label"):
        Workflow(
            "toy",
            Assignment,
            "status",
            (
                Transition(
                    "close",
                    (AssignmentStatus.DRAFT,),
                    AssignmentStatus.WITHDRAWN,
                    actors=(SG,),
                    rule_ids=("X-1",),
                ),
            ),
        )


def test_workflows_registry_holds_the_declared_workflows():
    # then
    assert {w.name for w in workflows()} >= {"assignment", "assignment_letter", "involvement_request"}
    assert all(
        MESSAGES[w.label_key(a)][0] and MESSAGES[w.label_key(a)][1] for w in workflows() for a in w.actions
    )


def test_policy_lines_follow_the_declared_actors_ac_6():
    # when
    lines = set(policy_lines())
    # then: a position → its role, everywhere; a unit-head relation → unit heads, within their subtree
    assert ("p", "position:secretary_general", "assignments", "assignment.issue_letter", "all") in lines
    assert ("p", "position:unit_head", "assignments", "assignment.issue_letter", "subtree") in lines
    assert (
        "p",
        "position:unit_head",
        "involvement_requests",
        "involvement_request.approve",
        "subtree",
    ) in lines
    # internal steps follow other steps: no line, no mutation
    assert not [
        line for line in lines if line[3] in ("assignment.involvement_approved", "assignment_letter.issue")
    ]
    assert lines <= set(default_lines())


def test_casbin_actions_include_every_actor_step_ac_12():
    # then
    assert {
        "read",
        "approve",
        "assignment.appoint",
        "involvement_request.reject",
        "assignment_letter.revoke",
    } <= set(enforcer.ACTIONS)
    assert "involvement_request.submit" not in enforcer.ACTIONS


def test_mutation_names_are_noun_first():
    assert mutation_name(ASSIGNMENT, "issue_letter") == "assignmentIssueLetter"
    assert mutation_name(INVOLVEMENT, "approve") == "involvementRequestApprove"
    assert mutation_name(LETTER, "revoke") == "assignmentLetterRevoke"


def test_diagrams_are_current_and_name_actors_and_rules():
    # given
    text = render(ASSIGNMENT)
    # then
    assert "stateDiagram-v2" in text
    assert "proposed_to_sg --> letter_issued : issue_letter by the Secretary General (ASG-2" in text
    assert "[*] --> draft : appoint by head of the unit (ASG-1, ASG-7)" in text
    assert stale() == [], "docs/workflows is stale: run `perisai workflows diagrams`"
