"""The state diagram of every workflow, in Mermaid, generated from its declaration into
docs/workflows/<name>.md; `perisai workflows diagrams --check` fails when a file is stale."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from workflows.engine.declaration import Transition, Workflow
from workflows.engine.registry import workflows
from workflows.messages import message

DOCS_DIR = Path(__file__).resolve().parents[2] / "docs" / "workflows"


def mutation_name(workflow: Workflow, action: str) -> str:
    """'Assignment', 'issue_letter' → 'assignmentIssueLetter' (noun first, so mutations group)."""
    noun = workflow.model.__name__
    return noun[0].lower() + noun[1:] + "".join(part.title() for part in action.split("_"))


def _edge_label(transition: Transition) -> str:
    who = (
        f"by {', '.join(a.label for a in transition.actors)}" if transition.actors else "follows another step"
    )
    text = f"{transition.action} {who} ({', '.join(transition.rule_ids)})"
    # Mermaid reads ':' and ';' in a label as syntax.
    return re.sub(r"[:;]", " ", text)


def _cell(values: list[str]) -> str:
    return "<br>".join(values) if values else "—"


def render(workflow: Workflow) -> str:
    """A workflow → its Markdown page: the Mermaid state diagram and a table of the transitions."""
    model = workflow.model.__name__
    lines = [
        f"# Workflow `{workflow.name}` — {model}.{workflow.state_field}",
        "",
        "<!-- Generated from the declaration by `perisai workflows diagrams`; do not edit. -->",
        "",
        workflow.description,
        "",
        "```mermaid",
        "stateDiagram-v2",
    ]
    for transition in workflow.transitions:
        for source in transition.sources or ("[*]",):
            lines.append(f"    {source} --> {transition.target} : {_edge_label(transition)}")
    lines += [
        "```",
        "",
        "| Action | Label | From | To | Who (policy) | Guards | Approval | Input | Applies to | Rules | GraphQL |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for transition in workflow.transitions:
        action = transition.action
        label = message(workflow.label_key(action), "en")
        who = [f"{a.doc} — {', '.join(f'{r}/{s}' for r, s in a.grants)}" for a in transition.actors]
        guards = [g.doc for g in transition.guards] + [f"document: {d.doc}" for d in transition.documents]
        if transition.deadline:
            guards.append(f"deadline: {transition.deadline.label} ({transition.deadline.rule_id})")
        approval = transition.approval
        decided = (
            f"{'reject' if approval.rejects else 'approve'} {approval.rule.step} "
            f"({approval.rule.approver}, {approval.rule.required}×, {approval.rule.rule_id})"
            if approval
            else ""
        )
        fields = [f.name for f in dataclasses.fields(transition.input)] if transition.input else []
        if transition.reason_required:
            fields = [f"{name} (required)" if name == "reason" else name for name in fields]
        api = "internal" if transition.internal else f"`{mutation_name(workflow, action)}`"
        row = [
            f"`{action}`",
            label,
            _cell(list(transition.sources) or ["(new)"]),
            transition.target,
            _cell(who) if who else "follows another step",
            _cell(guards),
            decided or "—",
            _cell(fields),
            transition.when.label if transition.when else "all",
            ", ".join(transition.rule_ids),
            api,
        ]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines).rstrip() + "\n"


def expected_files() -> dict[Path, str]:
    return {DOCS_DIR / f"{workflow.name}.md": render(workflow) for workflow in workflows()}


def write() -> list[Path]:
    """Every workflow → its page written; returns the paths written."""
    DOCS_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for path, text in expected_files().items():
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale() -> list[Path]:
    """The pages missing or differing from the declarations."""
    return [
        path
        for path, text in expected_files().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


__all__ = ["DOCS_DIR", "mutation_name", "render", "stale", "write"]
