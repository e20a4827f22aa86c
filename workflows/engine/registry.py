"""Every declared workflow, found through the modules that declare them, and what is derived from
them for authorization: the Casbin actions and the default policy lines (AC-5, AC-6, AC-12).

A new workflow is a module declaring `Workflow(...)` and `register(...)`-ing it, named once in
WORKFLOW_MODULES; its mutations, policy lines, permission-matrix rows and diagram follow.
"""

from __future__ import annotations

import importlib

from tortoise.models import Model

from workflows.engine.declaration import Workflow

# One line per declaring module (several engineers add theirs at once: keep it one per line).
WORKFLOW_MODULES: tuple[str, ...] = (
    "workflows.assignments",
    "workflows.assignments.teams",
    "workflows.letters",
    "workflows.reporting",
    "workflows.performance",
    "workflows.applications",
    "workflows.emergency",
    "workflows.monitoring",
    "workflows.proactive_actions",
    "workflows.complaints",
    "workflows.decisions",
    "workflows.programs",
    "workflows.programs.costs",
    "workflows.documents",
)

_registered: dict[str, Workflow] = {}


def register(workflow: Workflow) -> Workflow:
    """A declared workflow → the same, known to the registry (a name is registered once)."""
    known = _registered.get(workflow.name)
    if known is not None and known is not workflow:
        raise ValueError(f"two workflows are named {workflow.name}")
    if any(w.model is workflow.model and w is not workflow for w in _registered.values()):
        raise ValueError(f"{workflow.model.__name__} already has a workflow: add transitions to it")
    _registered[workflow.name] = workflow
    return workflow


def workflows() -> tuple[Workflow, ...]:
    """Every declared workflow, by name (importing the declaring modules on first use)."""
    for module in WORKFLOW_MODULES:
        importlib.import_module(module)
    return tuple(_registered[name] for name in sorted(_registered))


def workflow_for(model: type[Model]) -> Workflow | None:
    return next((w for w in workflows() if w.model is model), None)


def permissions() -> tuple[str, ...]:
    """The Casbin actions of every transition an actor takes: 'assignment.issue_letter', …"""
    return tuple(
        workflow.permission(action)
        for workflow in workflows()
        for action, group in workflow.actions.items()
        if not group[0].internal
    )


def policy_lines() -> list[tuple[str, ...]]:
    """The default `p` lines the declared actors imply: each actor's (role, row scope) pairs on the
    workflow's table for the transition's action. `require()` then gates the mutation, and the
    row scope bounds which records the action can reach (AC-5, AC-12)."""
    lines: dict[tuple[str, ...], None] = {}
    for workflow in workflows():
        for transition in workflow.transitions:
            for actor in transition.actors:
                for role, row_scope in actor.grants:
                    lines[
                        ("p", role, workflow.resource, workflow.permission(transition.action), row_scope)
                    ] = None
    return list(lines)


__all__ = ["WORKFLOW_MODULES", "permissions", "policy_lines", "register", "workflow_for", "workflows"]
