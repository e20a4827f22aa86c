"""`perisai audit verify` as an operator runs it: exit 0 when intact, 1 at the broken entry (AC-14)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "server.cli"]
ROOT = Path(__file__).resolve().parents[2]

SEED = """
import asyncio

from server.db import close_db, init_db, migrate
from server.settings import load_settings
from workflows import audit


async def main():
    settings = load_settings()
    await init_db(settings)
    await migrate(settings)
    for i in range(5):
        await audit.record(f"case.step_{i}", principal=None, changes={"n": i})
    await close_db()


asyncio.run(main())
"""


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PERISAI_")}
    env.update(
        PERISAI_DATABASE_URL=f"sqlite://{tmp_path / 'cli.sqlite3'}",
        PERISAI_KEYS_FILE=str(tmp_path / "keys.env"),
        PYTHONPATH=str(ROOT),
    )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


def seeded(tmp_path: Path) -> dict[str, str]:
    env = cli_env(tmp_path)
    seed = run([sys.executable, "-c", SEED], env)
    assert seed.returncode == 0, seed.stderr
    return env


def test_cli_audit_verify_intact_chain_exits_0_ac_14(tmp_path):
    # given
    env = seeded(tmp_path)
    # when
    result = run([*CLI, "audit", "verify", "--batch-size", "2"], env)
    # then
    assert result.returncode == 0, result.stderr
    assert "audit trail intact: 5 entries" in result.stdout
    assert result.stdout.count("entries checked") == 3  # progress after every batch (Q-U4)
    assert "head: 5:" in result.stdout


def test_cli_audit_verify_edited_entry_exits_1_with_its_sequence_ac_14(tmp_path):
    # given
    env = seeded(tmp_path)
    with sqlite3.connect(tmp_path / "cli.sqlite3") as conn:
        conn.execute("UPDATE audit_entries SET action = 'case.nothing_happened' WHERE sequence = 3")
    # when
    result = run([*CLI, "audit", "verify"], env)
    # then
    assert result.returncode == 1
    assert "BROKEN at entry 3 (edited)" in result.stderr


def test_cli_audit_verify_anchor_finds_a_deleted_tail_ac_14(tmp_path):
    # given
    env = seeded(tmp_path)
    first = run([*CLI, "audit", "verify"], env)
    anchor = first.stdout.split("head: ")[1].split()[0]
    with sqlite3.connect(tmp_path / "cli.sqlite3") as conn:
        conn.execute("DELETE FROM audit_entries WHERE sequence = 5")
    # when
    without = run([*CLI, "audit", "verify"], env)
    anchored = run([*CLI, "audit", "verify", "--anchor", anchor], env)
    # then
    assert without.returncode == 0
    assert anchored.returncode == 1 and "BROKEN at entry 5 (deleted)" in anchored.stderr
