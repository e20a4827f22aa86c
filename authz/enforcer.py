"""The one Casbin enforcer of the process, and the two questions the rest of Perisai asks it.

`allowed(principal, resource, action)` — may any of the principal's roles do this?
`scopes(principal, resource, action)` — with which row scopes (AC-5, AC-8, AC-10–12)?

Casbin decides: every candidate line is judged by the matcher of authz/model.conf with
Casbin's own functions (`g`, `keyMatch`, `unitWithin`). What is ours is the walk over
*all* matching lines — Casbin's `enforce` stops at the first allow and cannot say which
scopes hold — and a cache per (role set, resource, action), emptied on every reload and
on every change made through the enforcer.

Fail closed: any error while deciding (corrupt policy, unreadable table, a principal
without roles) is logged without details and answers "no" / no scope, never raises.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import casbin
from casbin.util import generate_g_function

from authz import units
from authz.adapter import PolicyRuleAdapter
from authz.principal import Principal

log = logging.getLogger("perisai.authz")
# Casbin logs the whole policy at INFO on every (re)load: hundreds of lines per process per
# reload, drowning the service log. Its warnings and errors still come through.
logging.getLogger("casbin").setLevel(logging.WARNING)

Enforcer = casbin.AsyncEnforcer

MODEL_PATH = Path(__file__).with_name("model.conf")

# The row scopes authz/scope.py knows how to turn into SQL. A line naming any other
# scope (a typo, a scope not built yet) grants nothing rather than something unknown.
SCOPES = frozenset({"all", "subtree", "unit", "team", "own", "agency", "reporter", "house", "none_identity"})
BASE_ACTIONS = ("read", "create", "update", "approve", "manage")
CACHE_LIMIT = 20_000

_enforcer: Enforcer | None = None
_cache: dict[tuple[frozenset[str], str, str], frozenset[str]] = {}
_lock: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None
_warned: set[tuple[str, ...]] = set()


class _DropCachedDecisions:
    """Casbin watcher hook: a change made through the enforcer empties the decision cache
    at once (Casbin calls it synchronously, right before it changes the in-memory policy)."""

    def update(self) -> None:
        _cache.clear()


def _loading_lock() -> asyncio.Lock:
    # A lock belongs to one event loop; tests and scripts may run several in turn.
    global _lock
    loop = asyncio.get_running_loop()
    if _lock is None or _lock[0] is not loop:
        _lock = (loop, asyncio.Lock())
    return _lock[1]


async def _load(enforcer: Enforcer) -> None:
    await units.refresh_unit_tree()
    # load_policy swaps the whole model only after the table was read: a failed read
    # leaves the previous policy in force. No await between the swap and the clear.
    await enforcer.load_policy()
    _cache.clear()


async def get_enforcer() -> Enforcer:
    """First call → policy and unit tree loaded from the database; later calls → the same enforcer."""
    global _enforcer
    if _enforcer is None:
        async with _loading_lock():
            if _enforcer is None:
                enforcer = Enforcer(str(MODEL_PATH), PolicyRuleAdapter())
                enforcer.add_function("unitWithin", units.unit_within)
                enforcer.set_watcher(_DropCachedDecisions())
                await _load(enforcer)
                _enforcer = enforcer
    return _enforcer


async def reload() -> bool:
    """Stored policy or units changed → this process decides on the stored state (False: reload
    failed, the policy loaded before stays in force)."""
    try:
        enforcer = await get_enforcer()
        async with _loading_lock():
            await _load(enforcer)
    except Exception as exc:
        log.error("authorization policy reload failed (%s); previous policy kept", type(exc).__name__)
        return False
    return True


def reset() -> None:
    """Forget the loaded enforcer and unit tree (tests, or after the database was swapped underneath)."""
    global _enforcer
    _enforcer = None
    _cache.clear()
    units.load_tree(())
    units.mark_stale()


def __getattr__(name: str) -> tuple[str, ...]:
    """`ACTIONS`: the base verbs, then one per transition a declared workflow lets an actor take
    ("assignment.issue_letter"), read from the declarations on use (workflows/engine)."""
    if name == "ACTIONS":
        from workflows.engine.registry import permissions

        return (*BASE_ACTIONS, *permissions())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _implicit_roles(role_manager: Any, role: str) -> set[str]:
    found = {role}
    queue = [role]
    while queue:
        for parent in role_manager.get_roles(queue.pop()):
            if parent not in found:
                found.add(parent)
                queue.append(parent)
    return found


def _warn_once(reason: str, line: list[str]) -> None:
    key = (reason, *line)
    if key not in _warned:
        _warned.add(key)
        log.warning("policy line ignored (%s): %s", reason, ", ".join(line))


def _matching_scopes(enforcer: Enforcer, roles: frozenset[str], resource: str, action: str) -> frozenset[str]:
    model = enforcer.model
    functions: dict[str, Callable[..., Any]] = dict(enforcer.fm.get_functions())
    for key, assertion in model["g"].items():
        functions[key] = generate_g_function(assertion.rm)
    matcher = enforcer._get_expression(model["m"]["m"].value, functions)
    r_tokens = model["r"]["r"].tokens
    p_tokens = model["p"]["p"].tokens
    scope_at = p_tokens.index("p_scope")
    role_manager = enforcer.get_role_manager()
    lines = model["p"]["p"].policy
    found: set[str] = set()
    for role in roles:
        # Only lines naming the role or a role it acts as (g) can match: skip the rest
        # cheaply. The matcher still decides on every candidate.
        subjects = _implicit_roles(role_manager, role)
        request = dict(zip(r_tokens, (role, resource, action), strict=True))
        for line in lines:
            if len(line) != len(p_tokens):
                _warn_once("wrong number of fields", line)
                continue
            if line[0] not in subjects:
                continue
            if matcher.eval({**request, **dict(zip(p_tokens, line, strict=True))}) is not True:
                continue
            if line[scope_at] in SCOPES:
                found.add(line[scope_at])
            else:
                _warn_once("unknown scope", line)
    return frozenset(found)


async def scopes(principal: Principal, resource: str, action: str) -> frozenset[str]:
    """Principal + resource + action → the union of the scopes every matching line grants any of
    its roles (g groupings included); empty when nothing is granted or anything fails (AC-12)."""
    try:
        roles = frozenset(principal.roles)
        key = (roles, resource, action)
        cached = _cache.get(key)
        if cached is not None:
            return cached
        enforcer = await get_enforcer()
        granted = _matching_scopes(enforcer, roles, resource, action)
        if len(_cache) >= CACHE_LIMIT:
            _cache.clear()
        _cache[key] = granted
        return granted
    except Exception as exc:
        log.error("authorization failed closed (%s) on %s %s", type(exc).__name__, action, resource)
        return frozenset()


async def allowed(principal: Principal, resource: str, action: str) -> bool:
    """Principal + resource + action → True if any of its roles holds a line for it; deny by default."""
    return bool(await scopes(principal, resource, action))
