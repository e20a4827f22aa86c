"""Which columns the admin panel shows but never writes: those a workflow owns (AC-15, Q-R1).

States, approvals, letter numbers and histories change only through workflow steps, which
record history, take approvals and lock rows in one transaction. A plain admin edit would
skip all of that, so those columns are read-only here; the transitions come as admin forms
generated from the workflow engine's declarations (workflows/engine/).
"""

from __future__ import annotations

from tortoise.fields.data import CharEnumFieldInstance
from tortoise.models import Model

# Whole tables only workflows write: approvals, histories, the audit trail, issued letters,
# number series, and policy lines (changed through the policy API, which audits and reloads).
READ_ONLY_TABLES = frozenset(
    {
        "approvals",
        "workflow_histories",
        "audit_entries",
        "assignment_letters",
        "number_sequences",
        "policy_rules",
        # Sign-in accounts change through workflows.accounts: password policy, sessions ended
        # on disabling, the last system administrator kept (AC-1, AC-4).
        "staff_accounts",
    }
)


def is_state_column(name: str) -> bool:
    return name == "status" or name.endswith(("_status", "state"))


def is_read_only_table(model: type[Model]) -> bool:
    return model._meta.db_table in READ_ONLY_TABLES


def declared_state(model: type[Model]) -> str | None:
    """The state column of the workflow declared for `model` in workflows/engine, if any."""
    from workflows.engine.registry import workflow_for  # declarations load on first use

    workflow = workflow_for(model)
    return workflow.state_field if workflow is not None else None


def workflow_owned(model: type[Model]) -> set[str]:
    """A model → the names of its fields the admin panel must not write (every field of a
    wholly read-only table; else the model's own `workflow_owned` tuple, every enum state
    column — `status`, `*_status`, `*state` — and the state of a declared workflow)."""
    meta = model._meta
    if is_read_only_table(model):
        return set(meta.fields_db_projection)
    # A relation named by its attribute (`team`) is written through its key column (`team_id`).
    key_of = {
        id(field.reference): name
        for name, field in meta.fields_map.items()
        if getattr(field, "reference", None) is not None
    }
    owned = {
        key_of.get(id(meta.fields_map.get(name)), name) for name in getattr(model, "workflow_owned", ()) or ()
    }
    owned.update(
        name
        for name, field in meta.fields_map.items()
        if isinstance(field, CharEnumFieldInstance) and is_state_column(name)
    )
    if (state := declared_state(model)) is not None:
        owned.add(state)
    return owned
