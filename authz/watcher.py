"""Policy changes made in one process take effect in every process within seconds (AC-2 … AC-12).

`notify_policy_changed()` reloads this process at once and tells the others: through
PostgreSQL LISTEN/NOTIFY when the database is PostgreSQL, through Redis pub/sub when
PERISAI_REDIS_URL is set (both when both apply). Each process runs one `Watcher`: it
listens on one of those channels (Redis if configured, else PostgreSQL) and reloads the
policy and the unit tree when told, and every `interval` seconds regardless — the
backstop for a lost notification and the only mechanism on SQLite without Redis. A
dropped connection is logged, retried with backoff, and followed by a reload.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import uuid
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from authz import enforcer

log = logging.getLogger("perisai.authz")

CHANNEL = "perisai_policy"
RELOAD_INTERVAL = 30.0  # seconds; the periodic backstop, at most 60 s by design
KEEPALIVE = 5.0  # seconds between checks that the notification connection still lives
MAX_BACKOFF = 30.0
ORIGIN = uuid.uuid4().hex  # this process: its own notifications need no second reload

_active: Watcher | None = None


def _asyncpg_dsn(database_url: str) -> str:
    # Tortoise's query parameters (pool sizes) mean nothing to asyncpg.connect.
    parts = urlsplit(database_url)
    return urlunsplit(("postgresql", parts.netloc, parts.path, "", ""))


class Watcher:
    """Reloads this process's policy on notification and every `interval` seconds."""

    def __init__(
        self, *, database_url: str | None, redis_url: str | None, interval: float = RELOAD_INTERVAL
    ) -> None:
        self.database_url = database_url
        self.redis_url = redis_url
        self.interval = min(interval, 60.0)
        is_postgres = bool(database_url) and urlsplit(database_url or "").scheme.startswith("postgres")
        self.transport = "redis" if redis_url else "postgres" if is_postgres else "periodic"
        self.reloads = 0  # completed reload attempts, for health checks and tests
        self.listening = asyncio.Event()  # set while the notification connection is up
        self.listener_pid: int | None = None  # PostgreSQL backend of the listener
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> Watcher:
        self._tasks.append(asyncio.create_task(self._reload_loop(), name="perisai-policy-reload"))
        if self.transport == "postgres":
            self._tasks.append(asyncio.create_task(self._listen_postgres(), name="perisai-policy-listen"))
        elif self.transport == "redis":
            self._tasks.append(asyncio.create_task(self._listen_redis(), name="perisai-policy-listen"))
        return self

    async def stop(self) -> None:
        """Running watcher → its tasks cancelled and its connection closed."""
        global _active
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        if _active is self:
            _active = None

    def wake(self) -> None:
        """Ask for a reload now (a notification arrived, or the channel came back)."""
        self._wake.set()

    def _notified(self, payload: str | bytes | None) -> None:
        if isinstance(payload, bytes):
            payload = payload.decode("ascii", "replace")
        if payload != ORIGIN:
            self.wake()

    async def _reload_loop(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval)
            self._wake.clear()  # a burst of notifications costs one reload
            await enforcer.reload()  # never raises: a failure keeps the previous policy
            self.reloads += 1

    async def _reconnect_pause(self, backoff: float, exc: BaseException) -> float:
        self.listening.clear()
        # Type only: a driver's message may carry the host or user name.
        log.warning(
            "policy notifications (%s) unavailable (%s); retrying in %.0f s",
            self.transport,
            type(exc).__name__,
            backoff,
        )
        await asyncio.sleep(backoff)
        return min(backoff * 2, MAX_BACKOFF)

    async def _listen_postgres(self) -> None:
        import asyncpg

        backoff = 1.0
        while True:
            conn: Any = None
            error: BaseException = ConnectionError("notification connection closed")
            try:
                conn = await asyncpg.connect(_asyncpg_dsn(self.database_url or ""), timeout=KEEPALIVE)
                lost = asyncio.Event()
                conn.add_termination_listener(lambda _conn, event=lost: event.set())
                await conn.add_listener(CHANNEL, lambda _c, _pid, _ch, payload: self._notified(payload))
                self.listener_pid = conn.get_server_pid()
                self.listening.set()
                self.wake()  # anything sent while we were not listening
                backoff = 1.0
                while not lost.is_set():
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(lost.wait(), timeout=KEEPALIVE)
                    if not lost.is_set():
                        await asyncio.wait_for(conn.fetchval("SELECT 1"), timeout=KEEPALIVE)
            except Exception as exc:
                error = exc
            finally:  # also on cancellation (stop)
                if conn is not None:
                    conn.terminate()
            backoff = await self._reconnect_pause(backoff, error)

    async def _listen_redis(self) -> None:
        from redis.asyncio import Redis

        backoff = 1.0
        while True:
            client: Any = None
            pubsub: Any = None
            error: BaseException = ConnectionError("notification connection closed")
            try:
                client = Redis.from_url(self.redis_url or "", socket_connect_timeout=KEEPALIVE)
                pubsub = client.pubsub()
                await pubsub.subscribe(CHANNEL)
                self.listening.set()
                self.wake()
                backoff = 1.0
                while True:
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=KEEPALIVE)
                    if message is not None and message.get("type") == "message":
                        self._notified(message.get("data"))
                    elif message is None:
                        await asyncio.wait_for(pubsub.ping(), timeout=KEEPALIVE)
            except Exception as exc:
                error = exc
            finally:  # also on cancellation (stop)
                for closable in (pubsub, client):
                    if closable is not None:
                        with contextlib.suppress(Exception):
                            await closable.aclose()
            backoff = await self._reconnect_pause(backoff, error)


async def start_watcher(settings: Any, *, interval: float = RELOAD_INTERVAL) -> Watcher:
    """Settings (database_url, redis_url) → a running watcher for this process (stop it with `stop()`)."""
    global _active
    if _active is not None:
        await _active.stop()
    watcher = Watcher(
        database_url=settings.database_url, redis_url=getattr(settings, "redis_url", None), interval=interval
    )
    _active = await watcher.start()
    return watcher


async def notify_policy_changed() -> None:
    """A policy line or a unit changed and was committed → this process reloads now and the others
    are told (≤ 5 s); if telling fails, their periodic reload catches up. Never raises."""
    await enforcer.reload()
    try:
        from tortoise import connections

        if connections.get("default").capabilities.dialect == "postgres":
            await connections.get("default").execute_query("SELECT pg_notify($1, $2)", [CHANNEL, ORIGIN])
    except Exception as exc:
        log.warning("policy change not announced on PostgreSQL (%s)", type(exc).__name__)
    redis_url = _active.redis_url if _active is not None else os.environ.get("PERISAI_REDIS_URL")
    if redis_url:
        try:
            from redis.asyncio import Redis

            client = Redis.from_url(redis_url, socket_connect_timeout=KEEPALIVE)
            try:
                await client.publish(CHANNEL, ORIGIN)
            finally:
                await client.aclose()
        except Exception as exc:
            log.warning("policy change not announced on Redis (%s)", type(exc).__name__)


# Units feed the same caches (the subtree scope, unitWithin): a unit change is announced alike.
notify_units_changed = notify_policy_changed
