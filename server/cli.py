"""The `perisai` command: serve, migrate, demo-data, create-admin, schema export, workflows diagrams,
audit verify."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from server.settings import Settings, SettingsError, load_settings, redact_url

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = REPO_ROOT / "schema.graphql"


def _progress(text: str) -> None:
    print(f"  … {text}", flush=True)


async def _with_db(settings: Settings, action: Callable[[], Awaitable[Any]]) -> Any:
    from server.db import close_db, init_db

    await init_db(settings)
    try:
        return await action()
    finally:
        await close_db()


async def _migrate(settings: Settings) -> list[str]:
    from server.db import migrate

    applied = await migrate(settings)
    for name in applied:
        _progress(f"applied {name}")
    print(f"migrations: {len(applied)} applied, database at head ({redact_url(settings.database_url)})")
    await _first_policies()
    return applied


async def _first_policies() -> None:
    """A database without any policy line (a new install) → the default set (AC-2 … AC-12).
    Never re-adds lines an administrator removed later: that is `perisai policy defaults`."""
    from authz.default_policy import load_default_policies
    from models.policies import PolicyRule

    if not await PolicyRule.exists():
        stored = await load_default_policies()
        print(f"authorization: default policy set stored ({stored} lines)")


async def _demo(settings: Settings, *, only_if_empty: bool) -> bool:
    from authz.default_policy import load_default_policies
    from server.demo.runner import load_demo_data

    loaded = await load_demo_data(progress=_progress, only_if_empty=only_if_empty)
    stored = await load_default_policies()
    if stored:
        _progress(f"default policy lines restored: {stored}")
    print("demo data: loaded" if loaded else "demo data: already present, nothing changed")
    return loaded


def cmd_migrate(settings: Settings, args: argparse.Namespace) -> int:
    asyncio.run(_with_db(settings, lambda: _migrate(settings)))
    return 0


def cmd_demo_data(settings: Settings, args: argparse.Namespace) -> int:
    async def run() -> None:
        await _migrate(settings)
        await _demo(settings, only_if_empty=False)

    asyncio.run(_with_db(settings, run))
    return 0


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    async def prepare() -> None:
        await _migrate(settings)
        if not args.no_demo:
            await _demo(settings, only_if_empty=True)

    asyncio.run(_with_db(settings, prepare))
    app = create_app(settings)
    print(f"Perisai ({settings.env}) on http://{args.host}:{args.port}/graphql", flush=True)
    if not settings.is_production:
        print("  development mode: the API has no sign-in yet — do not expose it", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info", proxy_headers=False)
    return 0


def cmd_create_admin(settings: Settings, args: argparse.Namespace) -> int:
    from workflows.accounts import PasswordPolicyError, create_system_admin

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    if password is None:
        password = getpass.getpass("Kata sandi / password (≥ 12): ")
        if getpass.getpass("Ulangi / repeat: ") != password:
            print("error: the passwords differ", file=sys.stderr)
            return 2

    async def run() -> None:
        await _migrate(settings)
        await create_system_admin(email=args.email, full_name=args.name, password=password)

    try:
        asyncio.run(_with_db(settings, run))
    except PasswordPolicyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"system administrator {args.email} ready")
    return 0


def cmd_schema_export(settings: Settings | None, args: argparse.Namespace) -> int:
    from schema.build import build_schema

    text = build_schema().as_str() + "\n"
    target = Path(args.output)
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target} is stale: run `perisai schema export`", file=sys.stderr)
            return 1
        print(f"{target} is current")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({len(text.splitlines())} lines)")
    return 0


def cmd_workflows_diagrams(settings: Settings | None, args: argparse.Namespace) -> int:
    """Write docs/workflows/<name>.md from the workflow declarations; --check: exit 1 when stale."""
    from schema.build import ensure_models
    from workflows.engine import diagrams

    ensure_models()
    if args.check:
        stale = diagrams.stale()
        for path in stale:
            print(f"{path} is stale: run `perisai workflows diagrams`", file=sys.stderr)
        if not stale:
            print(f"{diagrams.DOCS_DIR} is current")
        return 1 if stale else 0
    for path in diagrams.write():
        print(f"wrote {path}")
    return 0


def _anchor(text: str) -> tuple[int, str]:
    sequence, _, entry_hash = text.partition(":")
    if not sequence.isdigit() or len(entry_hash) != 64 or set(entry_hash.lower()) - set("0123456789abcdef"):
        raise argparse.ArgumentTypeError("expected SEQUENCE:SHA256HEX, as printed by `perisai audit verify`")
    return int(sequence), entry_hash.lower()


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("expected a whole number of at least 1")
    return int(text)


def cmd_audit_verify(settings: Settings, args: argparse.Namespace) -> int:
    """Walk the audit chain (AC-14): exit 0 when intact, 1 at the first broken link."""
    from workflows.audit import verify

    def progress(checked: int, last_sequence: int) -> None:
        _progress(f"{checked} entries checked (up to {last_sequence})")

    async def run() -> Any:
        return await verify(batch_size=args.batch_size, anchor=args.anchor, progress=progress)

    result = asyncio.run(_with_db(settings, run))
    if not result.ok:
        print(
            f"audit trail BROKEN at entry {result.first_broken_sequence} ({result.kind}): {result.problem}",
            file=sys.stderr,
        )
        print(f"  {result.checked} entries before it are intact", file=sys.stderr)
        return 1
    print(f"audit trail intact: {result.checked} entries")
    print(f"head: {result.head_sequence}:{result.head_hash}  (keep this anchor outside the database)")
    return 0


def cmd_policy_defaults(settings: Settings, args: argparse.Namespace) -> int:
    """Store the default policy set: add missing lines, or with --replace make it exactly that."""
    from authz.default_policy import load_default_policies

    async def run() -> int:
        await _migrate(settings)
        return await load_default_policies(replace=args.replace)

    stored = asyncio.run(_with_db(settings, run))
    print(
        f"authorization: {stored} default policy lines stored" + (" (replaced all)" if args.replace else "")
    )
    return 0


def cmd_rotate_keys(settings: Settings, args: argparse.Namespace) -> int:
    """Re-encrypt every secret field under the active key (Q-S4)."""
    from workflows.keys import rotate_keys

    async def run() -> Any:
        await _migrate(settings)
        return await rotate_keys(reindex=args.reindex, progress=_progress)

    report = asyncio.run(_with_db(settings, run))
    print(f"keys: {report.values} values in {report.rows} rows re-encrypted under the active key")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perisai", description="Perisai case-management backend.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser(
        "serve", help="apply migrations, load demo data into an empty database, serve HTTP"
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-demo", action="store_true", help="do not load demo data into an empty database")
    serve.set_defaults(handler=cmd_serve)

    sub.add_parser("migrate", help="apply pending migrations").set_defaults(handler=cmd_migrate)
    sub.add_parser("demo-data", help="load demo data (idempotent)").set_defaults(handler=cmd_demo_data)

    admin = sub.add_parser("create-admin", help="create or reset a system administrator account")
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", default="Administrator Sistem")
    admin.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    admin.set_defaults(handler=cmd_create_admin)

    schema = sub.add_parser("schema", help="GraphQL schema tools")
    schema_sub = schema.add_subparsers(dest="schema_command", required=True)
    export = schema_sub.add_parser("export", help="write the schema as SDL (schema.graphql)")
    export.add_argument("--output", default=str(SCHEMA_FILE))
    export.add_argument("--check", action="store_true", help="exit 1 if the file differs from the code")
    export.set_defaults(handler=cmd_schema_export, needs_settings=False)

    workflows = sub.add_parser("workflows", help="workflow tools")
    workflows_sub = workflows.add_subparsers(dest="workflows_command", required=True)
    diagrams = workflows_sub.add_parser(
        "diagrams", help="write the state diagrams (docs/workflows/) from the workflow declarations"
    )
    diagrams.add_argument("--check", action="store_true", help="exit 1 if a diagram differs from the code")
    diagrams.set_defaults(handler=cmd_workflows_diagrams, needs_settings=False)

    policy = sub.add_parser("policy", help="authorization policy tools")
    policy_sub = policy.add_subparsers(dest="policy_command", required=True)
    defaults = policy_sub.add_parser("defaults", help="store the default policy lines that are missing")
    defaults.add_argument("--replace", action="store_true", help="delete every other line first")
    defaults.set_defaults(handler=cmd_policy_defaults)
    rotate = sub.add_parser("rotate-keys", help="re-encrypt secret fields under the active key")
    rotate.add_argument("--reindex", action="store_true", help="also recompute every blind index")
    rotate.set_defaults(handler=cmd_rotate_keys)
    audit = sub.add_parser("audit", help="audit trail tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="check the hash chain; exit 1 at the first broken link")
    verify.add_argument("--batch-size", type=_positive, default=1000, help="entries read per query")
    verify.add_argument(
        "--anchor", type=_anchor, help="SEQUENCE:HASH of an earlier head, to detect a deleted tail"
    )
    verify.set_defaults(handler=cmd_audit_verify)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    if getattr(args, "needs_settings", True):
        try:
            settings = load_settings()
        except SettingsError as exc:
            print(exc, file=sys.stderr)
            return 2
    else:
        settings = None
    return int(args.handler(settings, args) or 0)


if __name__ == "__main__":
    sys.exit(main())
