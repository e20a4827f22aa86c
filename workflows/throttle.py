"""Sign-in throttling and request rate limits, kept in the database so every process shares them
(AC-1, AC-2, Q-S3).

Per sign-in name: after 5 consecutive failures each attempt must wait, the wait doubling from
1 s (capped at 15 min); an attempt made too early is refused and counted as a failure. At
most 100 failures per name per hour. Per source address: at most 50 failures per 15 minutes.
Names and addresses are stored only as blind indexes (keyed HMAC).
"""

from __future__ import annotations

import datetime as dt
import math

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.accounts import RateLimitBucket, SignInThrottle
from models.secrets import blind_index
from workflows.errors import DomainError, ErrorCode
from workflows.messages import MESSAGES as CATALOGUE

MESSAGES: dict[str, tuple[str, str]] = {
    "throttle.sign_in_wait": (
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {retry_after} detik.",
        "Too many failed sign-in attempts. Try again in {retry_after} seconds.",
    ),
    "throttle.sign_in_hourly": (
        "Batas percobaan masuk untuk akun ini tercapai. Coba lagi dalam {retry_after} detik.",
        "The sign-in attempt limit for this account was reached. Try again in {retry_after} seconds.",
    ),
    "throttle.sign_in_ip": (
        "Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam {retry_after} detik.",
        "Too many failed sign-in attempts from this address. Try again in {retry_after} seconds.",
    ),
    "throttle.requests": (
        "Batas permintaan terlampaui. Coba lagi dalam {retry_after} detik.",
        "Request limit exceeded. Try again in {retry_after} seconds.",
    ),
}
CATALOGUE.update(MESSAGES)

FREE_FAILURES = 5  # consecutive failures before any wait
FIRST_WAIT_SECONDS = 1
MAX_WAIT_SECONDS = 15 * 60
ACCOUNT_FAILURES_PER_HOUR = 100
ACCOUNT_WINDOW_SECONDS = 60 * 60
IP_FAILURES_PER_WINDOW = 50
IP_WINDOW_SECONDS = 15 * 60


class RateLimited(DomainError):
    """Too many attempts or requests; `retry_after` says when to try again (Q-S3)."""

    code = ErrorCode.RATE_LIMITED

    def __init__(self, key: str, *, retry_after: int, rule: str = "AC-1") -> None:
        self.retry_after = max(1, int(retry_after))
        super().__init__(key, rule=rule, retry_after=self.retry_after)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def window_start(now: dt.datetime, seconds: int) -> dt.datetime:
    """The start of the fixed window of `seconds` that `now` falls in (aligned to the epoch)."""
    stamp = math.floor(now.timestamp())
    return dt.datetime.fromtimestamp(stamp - stamp % seconds, tz=dt.UTC)


def seconds_left(now: dt.datetime, until: dt.datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds()))


def required_wait(consecutive_failures: int) -> dt.timedelta:
    """Consecutive failures → the wait before the next attempt: none up to 5, then 1 s doubling (AC-1)."""
    if consecutive_failures < FREE_FAILURES:
        return dt.timedelta(0)
    exponent = min(consecutive_failures - FREE_FAILURES, 20)
    return dt.timedelta(seconds=min(FIRST_WAIT_SECONDS * 2**exponent, MAX_WAIT_SECONDS))


def account_key(email: str) -> str:
    """A sign-in name → its blind index, the only form in which throttling stores it."""
    return blind_index(email.strip().lower(), "signin_email")


def _ip_bucket_key(ip: str) -> str:
    return f"signin:ip:{blind_index(ip, 'signin_ip')}"


def _account_bucket_key(key: str) -> str:
    return f"signin:account:{key}"


# --- fixed-window counters --------------------------------------------------------------


async def bucket_count(key: str, seconds: int, *, now: dt.datetime) -> int:
    """The count in the current window of `key` (0 when nothing was counted)."""
    row = await RateLimitBucket.filter(key=key, window_start=window_start(now, seconds)).first()
    return row.count if row else 0


async def hit(key: str, seconds: int, *, now: dt.datetime) -> int:
    """Count one event for `key` in the current window → the window's count after it.

    The increment is a single UPDATE so that concurrent processes never lose a count.
    """
    start = window_start(now, seconds)
    if not await RateLimitBucket.filter(key=key, window_start=start).update(count=F("count") + 1):
        try:
            async with in_transaction():  # a savepoint when the caller holds a transaction
                await RateLimitBucket.create(key=key, window_start=start, count=1)
                return 1
        except IntegrityError:  # another process created it meanwhile
            await RateLimitBucket.filter(key=key, window_start=start).update(count=F("count") + 1)
    return await bucket_count(key, seconds, now=now)


async def purge_expired(*, now: dt.datetime | None = None) -> int:
    """Drop windows older than the longest window in use → number of rows removed."""
    now = now or utcnow()
    cutoff = now - dt.timedelta(seconds=max(ACCOUNT_WINDOW_SECONDS, IP_WINDOW_SECONDS))
    return await RateLimitBucket.filter(window_start__lt=cutoff).delete()


# --- sign-in ------------------------------------------------------------------------------


async def check_sign_in(key: str, ip: str | None, *, now: dt.datetime | None = None) -> None:
    """Blind-indexed sign-in name and address → nothing, or RateLimited; an attempt made
    before the required wait is over is counted as a failure (AC-1, Q-S3)."""
    now = now or utcnow()
    hourly = await bucket_count(_account_bucket_key(key), ACCOUNT_WINDOW_SECONDS, now=now)
    if hourly >= ACCOUNT_FAILURES_PER_HOUR:
        end = window_start(now, ACCOUNT_WINDOW_SECONDS) + dt.timedelta(seconds=ACCOUNT_WINDOW_SECONDS)
        raise RateLimited("throttle.sign_in_hourly", retry_after=seconds_left(now, end))
    if ip:
        from_ip = await bucket_count(_ip_bucket_key(ip), IP_WINDOW_SECONDS, now=now)
        if from_ip >= IP_FAILURES_PER_WINDOW:
            end = window_start(now, IP_WINDOW_SECONDS) + dt.timedelta(seconds=IP_WINDOW_SECONDS)
            raise RateLimited("throttle.sign_in_ip", retry_after=seconds_left(now, end))
    state = await SignInThrottle.get_or_none(key=key)
    if state is not None and state.last_failure_at is not None:
        allowed_at = state.last_failure_at + required_wait(state.consecutive_failures)
        if now < allowed_at:
            # Counted, so hammering during the wait only lengthens it.
            await record_sign_in_failure(key, ip, now=now)
            raise RateLimited("throttle.sign_in_wait", retry_after=seconds_left(now, allowed_at))


async def record_sign_in_failure(key: str, ip: str | None, *, now: dt.datetime | None = None) -> int:
    """A failed attempt → counted per name (consecutive and hourly) and per address; returns
    the consecutive failures now on record (AC-1)."""
    now = now or utcnow()
    updated = await SignInThrottle.filter(key=key).update(
        consecutive_failures=F("consecutive_failures") + 1, last_failure_at=now
    )
    if not updated:
        try:
            async with in_transaction():
                await SignInThrottle.create(key=key, consecutive_failures=1, last_failure_at=now)
        except IntegrityError:
            await SignInThrottle.filter(key=key).update(
                consecutive_failures=F("consecutive_failures") + 1, last_failure_at=now
            )
    await hit(_account_bucket_key(key), ACCOUNT_WINDOW_SECONDS, now=now)
    if ip:
        await hit(_ip_bucket_key(ip), IP_WINDOW_SECONDS, now=now)
    state = await SignInThrottle.get(key=key)
    return state.consecutive_failures


async def record_sign_in_success(key: str) -> None:
    """A successful sign-in → the consecutive-failure count starts again from zero (AC-1).
    The hourly and per-address counts stay: they bound guessing, not one user's typos."""
    await SignInThrottle.filter(key=key).update(consecutive_failures=0, last_failure_at=None)


# --- per-token requests -------------------------------------------------------------------


async def check_request_rate(key: str, limit_per_minute: int, *, now: dt.datetime | None = None) -> None:
    """Count one request for `key` → nothing, or RateLimited once over `limit_per_minute` (AC-2, Q-S3)."""
    now = now or utcnow()
    count = await hit(f"requests:{key}", 60, now=now)
    if count > limit_per_minute:
        end = window_start(now, 60) + dt.timedelta(seconds=60)
        raise RateLimited("throttle.requests", retry_after=seconds_left(now, end), rule="AC-2")
