"""The `perisai` command as a user runs it: migrate, demo data (idempotent), serve over HTTP."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

CLI = [sys.executable, "-m", "server.cli"]
ROOT = Path(__file__).resolve().parents[2]


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PERISAI_")}
    env.update(
        PERISAI_DATABASE_URL=f"sqlite://{tmp_path / 'cli.sqlite3'}",
        PERISAI_KEYS_FILE=str(tmp_path / "keys.env"),
        PYTHONPATH=str(ROOT),
    )
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)


def count(db_path: Path, table: str) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def test_cli_demo_data_twice_loads_once(tmp_path):
    # given
    env = cli_env(tmp_path)
    # when
    first = run(["demo-data"], env)
    counts = {t: count(tmp_path / "cli.sqlite3", t) for t in ("units", "staff", "cases", "safe_houses")}
    second = run(["demo-data"], env)
    # then
    assert first.returncode == 0, first.stderr
    assert "demo data: loaded" in first.stdout and "] organisation" in first.stdout
    assert second.returncode == 0 and "already present" in second.stdout
    assert counts == {t: count(tmp_path / "cli.sqlite3", t) for t in counts}
    assert counts["cases"] == 30 and counts["safe_houses"] == 5 and counts["staff"] >= 55
    assert "generated development keys" in first.stderr and (tmp_path / "keys.env").exists()


def test_cli_production_without_keys_refuses_to_start(tmp_path):
    # given
    env = cli_env(tmp_path) | {"PERISAI_ENV": "production"}
    # when
    result = run(["migrate"], env)
    # then
    assert result.returncode == 2
    assert "PERISAI_ENCRYPTION_KEY is required in production" in result.stderr
    assert not (tmp_path / "cli.sqlite3").exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_cli_serve_answers_health_and_graphql_over_http(tmp_path):
    # given
    env = cli_env(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [*CLI, "serve", "--no-demo", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = httpx.get(f"{base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("server did not start")
                time.sleep(0.2)
        # when
        ready = httpx.get(f"{base}/readyz", timeout=5)
        answer = httpx.post(f"{base}/graphql", json={"query": "{ units { totalCount } }"}, timeout=5)
        # then
        assert health.json() == {"status": "ok"} and ready.json() == {"status": "ready"}
        # no credential: refused, the server runs with authorization in force (AC-1)
        assert answer.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    finally:
        server.terminate()
        server.wait(timeout=10)
