"""Policy administration: adding and removing Casbin lines, and testing what roles are granted (AC-4, AC-13).

Only those who may `manage` `policy_rules` (system administrators, AC-4) change lines; those
who may `read` it test them. A line is checked before it is stored — known subject, resource,
action and scope, no duplicate — because a typo would otherwise grant nothing (or more than
meant) in silence. A change and its audit entry commit together (AC-13); only then is the
policy reloaded here and announced to the other processes (≤ 5 s, authz/watcher.py).

The lock-out guard (AC-4): no change may leave the `system_admin` role without a line that
lets it manage `policy_rules` — the policies could then only be repaired in the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast
from uuid import UUID

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from authz import enforcer, units
from authz.adapter import FIELDS
from authz.principal import Principal
from authz.scope import require
from authz.watcher import notify_policy_changed
from models.policies import PolicyRule
from workflows import audit
from workflows.errors import Conflict, NotFound, RuleViolation, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

MESSAGES: dict[str, tuple[str, str]] = {
    "policies.ptype": (
        "Jenis baris '{field}' harus 'p' (izin) atau 'g' (pengelompokan peran).",
        "Line type '{field}' must be 'p' (permission) or 'g' (role grouping).",
    ),
    "policies.arity": (
        "Baris '{ptype}' harus berisi tepat {count} nilai: {names}.",
        "A '{ptype}' line must hold exactly {count} values: {names}.",
    ),
    "policies.empty": ("'{field}' tidak boleh kosong.", "'{field}' must not be empty."),
    "policies.role": (
        "'{field}' hanya boleh berisi huruf, angka, '_', '.', ':' dan '-'.",
        "'{field}' may hold only letters, digits, '_', '.', ':' and '-'.",
    ),
    "policies.self_grouping": (
        "Peran '{field}' tidak dapat mewarisi dirinya sendiri.",
        "Role '{field}' cannot act as itself.",
    ),
    "policies.resource": (
        "'{field}' bukan sumber daya yang dikenal: nama tabel, 'secret_fields:<tabel>', "
        "atau pola yang diakhiri satu '*' dan cocok dengan sumber daya yang ada.",
        "'{field}' is not a known resource: a table name, 'secret_fields:<table>', "
        "or a pattern ending in one '*' that matches an existing resource.",
    ),
    "policies.choice": (
        "'{field}' harus salah satu dari: {allowed}.",
        "'{field}' must be one of: {allowed}.",
    ),
    "policies.too_many": (
        "'{field}' paling banyak berisi {maximum} nilai.",
        "'{field}' holds at most {maximum} values.",
    ),
    "policies.duplicate": (
        "Baris kebijakan ini sudah ada.",
        "This policy line already exists.",
    ),
    "policies.lockout": (
        "Perubahan ditolak: administrator sistem tidak akan lagi dapat mengelola kebijakan (AC-4).",
        "Change refused: system administrators could no longer manage the policies (AC-4).",
    ),
}
CATALOGUE.update(MESSAGES)

RESOURCE = "policy_rules"
SECRET_PREFIX = "secret_fields:"  # noqa: S105 — a resource prefix, not a secret
MAX_LENGTH = 200  # the width of PolicyRule.v0 … v5
MAX_ROLES = 50
ADMIN_ROLE = "system_admin"
ROLE_PATTERN = re.compile(r"[A-Za-z0-9_.:\-]+")
# Key of the PostgreSQL advisory lock serialising policy changes ("POLICY" in ASCII), so that two
# removals that are each harmless cannot together lock the administrators out (AC-4).
POLICY_LOCK_KEY = 0x504F4C494359

# The names of each line's values, as the API and the error payloads call them.
LINE_FIELDS: dict[str, tuple[str, ...]] = {
    "p": ("subject", "resource", "action", "scope"),
    "g": ("role", "parentRole"),
}


@dataclass(frozen=True)
class _RoleSet:
    """A principal reduced to its roles: all that enforcer.scopes reads, for testing a role set."""

    roles: frozenset[str]


# --- validation -------------------------------------------------------------------------


def known_resources() -> frozenset[str]:
    """Every resource a line can name: each table of models/, `secret_fields:<table>` (AC-11), and
    the resources that are not tables (`admin_panel`: who may enter /admin)."""
    from authz.default_policy import NON_TABLE_RESOURCES

    tables = {model._meta.db_table for model in Tortoise.apps["models"].values()}
    return frozenset(tables | {f"{SECRET_PREFIX}{t}" for t in tables} | set(NON_TABLE_RESOURCES))


def _text(value: str, field: str) -> str:
    text = str(value).strip()
    if not text:
        raise ValidationFailed("policies.empty", field=field)
    if len(text) > MAX_LENGTH:
        raise ValidationFailed("validation.too_long", field=field, maximum=MAX_LENGTH)
    return text


def _role(value: str, field: str) -> str:
    text = _text(value, field)
    if not ROLE_PATTERN.fullmatch(text):
        raise ValidationFailed("policies.role", field=field)
    return text


def _resource(value: str, field: str, *, pattern_allowed: bool = True) -> str:
    text = _text(value, field)
    known = known_resources()
    if text in known:
        return text
    # keyMatch reads only up to the first '*' (authz/model.conf): one '*', at the end, and it
    # must reach at least one resource, or the line would grant nothing.
    if pattern_allowed and text.count("*") == 1 and text.endswith("*"):
        prefix = text[:-1]
        if any(name.startswith(prefix) for name in known):
            return text
    raise ValidationFailed("policies.resource", field=field)


def _choice(value: str, field: str, allowed: Iterable[str]) -> str:
    text = _text(value, field)
    options = sorted(allowed)
    if text not in options:
        raise ValidationFailed("policies.choice", field=field, allowed=", ".join(options))
    return text


def validate_line(ptype: str, values: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """A proposed line → (ptype, cleaned values), or VALIDATION naming the field at fault."""
    kind = str(ptype).strip()
    if kind not in LINE_FIELDS:
        raise ValidationFailed("policies.ptype", field="ptype")
    names = LINE_FIELDS[kind]
    if len(values) != len(names):
        raise ValidationFailed(
            "policies.arity", field="values", ptype=kind, count=len(names), names=", ".join(names)
        )
    if kind == "g":
        role, parent = (_role(v, f"values.{name}") for v, name in zip(values, names, strict=True))
        if role == parent:
            raise ValidationFailed("policies.self_grouping", field="values.parentRole")
        return kind, (role, parent)
    subject, resource, action, scope = values
    return kind, (
        _role(subject, "values.subject"),
        _resource(resource, "values.resource"),
        _choice(action, "values.action", (*enforcer.ACTIONS, "*")),
        _choice(scope, "values.scope", enforcer.SCOPES),
    )


def _row(ptype: str, values: Sequence[str]) -> dict[str, str]:
    padded = [*values, *[""] * (len(FIELDS) - len(values))]
    return {"ptype": ptype, **dict(zip(FIELDS, padded, strict=True))}


def line_values(rule: PolicyRule) -> tuple[str, ...]:
    """A stored line → its values, without the empty trailing fields."""
    values = [getattr(rule, name) or "" for name in FIELDS]
    while values and values[-1] == "":
        values.pop()
    return tuple(values)


def _audit_changes(rule: PolicyRule) -> dict[str, object]:
    return {"ptype": rule.ptype, "values": list(line_values(rule))}


# --- the lock-out guard (AC-4) ----------------------------------------------------------------


def admin_keeps_control(lines: Iterable[tuple[str, ...]]) -> bool:
    """Lines (ptype, v0, …) → True if Casbin, deciding on them alone, lets `system_admin` manage
    `policy_rules` (AC-4)."""
    candidate = enforcer.Enforcer(str(enforcer.MODEL_PATH))
    candidate.add_function("unitWithin", units.unit_within)
    sections = candidate.get_model().model
    for ptype, *values in lines:
        # Appended as the adapter loads them: Model.add_policy checks for duplicates line by line.
        section = sections.get(ptype[:1])
        if section is not None and ptype in section:
            section[ptype].policy.append(values)
    candidate.build_role_links()
    return bool(enforcer._matching_scopes(candidate, frozenset({ADMIN_ROLE}), RESOURCE, "manage"))


async def _stored_lines() -> list[tuple[UUID, tuple[str, ...]]]:
    rows = await PolicyRule.all().values("id", "ptype", *FIELDS)
    found = []
    for row in rows:
        values = [row[name] or "" for name in FIELDS]
        while values and values[-1] == "":
            values.pop()
        found.append((row["id"], (row["ptype"], *values)))
    return found


def _ensure_no_lockout(before: list[tuple[str, ...]], after: list[tuple[str, ...]]) -> None:
    """A change that takes away the administrators' last way to manage the policies → refused (AC-4).
    A policy that already lacked that way is not made worse by the change, so it is let through."""
    if admin_keeps_control(before) and not admin_keeps_control(after):
        raise RuleViolation("policies.lockout", rule="AC-4")


async def _lock(conn: BaseDBAsyncClient) -> None:
    # SQLite serialises writers on its one connection; PostgreSQL needs the lock to decide the
    # lock-out guard on a table no other policy change is altering meanwhile.
    if conn.capabilities.dialect == "postgres":
        await conn.execute_query("SELECT pg_advisory_xact_lock($1)", [POLICY_LOCK_KEY])


# --- operations ----------------------------------------------------------------------------------


async def add_line(principal: Principal | None, ptype: str, values: Sequence[str]) -> PolicyRule:
    """A system administrator + a valid line not yet stored → the line stored with its audit entry,
    in force here at once and in every process within seconds (AC-4, AC-13)."""
    await require(principal, RESOURCE, "manage")
    kind, cleaned = validate_line(ptype, values)
    row = _row(kind, cleaned)
    try:
        async with in_transaction() as conn:
            await _lock(conn)
            if await PolicyRule.filter(**row).exists():
                raise Conflict("policies.duplicate", field="values")
            rule = await PolicyRule.create(**row)
            await audit.record(
                "policy.add",
                principal=principal,
                subject_type="PolicyRule",
                subject_id=rule.id,
                changes=_audit_changes(rule),
            )
    except IntegrityError as exc:  # stored meanwhile by a writer outside the lock (default loading)
        raise Conflict("policies.duplicate", field="values") from exc
    await notify_policy_changed()
    return rule


async def remove_line(principal: Principal | None, line_id: UUID) -> PolicyRule:
    """A system administrator + a stored line whose loss still leaves `system_admin` able to
    manage the policies → the line deleted with its audit entry, revoked here at once and in
    every process within seconds (AC-4, AC-13)."""
    await require(principal, RESOURCE, "manage")
    async with in_transaction() as conn:
        await _lock(conn)
        rule = await PolicyRule.filter(id=line_id).using_db(conn).select_for_update().first()
        if rule is None:
            raise NotFound("PolicyRule")
        stored = await _stored_lines()
        before = [line for _, line in stored]
        _ensure_no_lockout(before, [line for key, line in stored if key != rule.id])
        await rule.delete(using_db=conn)
        await audit.record(
            "policy.remove",
            principal=principal,
            subject_type="PolicyRule",
            subject_id=rule.id,
            changes=_audit_changes(rule),
        )
    await notify_policy_changed()
    return rule


async def find_line(ptype: str, values: Sequence[str]) -> PolicyRule | None:
    """A line given by its values → the stored line, or None."""
    kind, cleaned = validate_line(ptype, values)
    return await PolicyRule.filter(**_row(kind, cleaned)).first()


async def check(
    principal: Principal | None, roles: Sequence[str], resource: str, action: str
) -> frozenset[str]:
    """Someone who may read the policies + roles, resource, action → the scopes the policy now in
    force grants that role set (empty: refused), as the enforcer decides for a real request."""
    await require(principal, RESOURCE, "read")
    if not roles:
        raise ValidationFailed("policies.empty", field="roles")
    if len(roles) > MAX_ROLES:
        raise ValidationFailed("policies.too_many", field="roles", maximum=MAX_ROLES)
    role_set = frozenset(_role(role, "roles") for role in roles)
    # A request names a concrete resource: a pattern here would test nothing real.
    target = _resource(resource, "resource", pattern_allowed=False)
    verb = _choice(action, "action", enforcer.ACTIONS)
    return await enforcer.scopes(cast(Principal, _RoleSet(role_set)), target, verb)
