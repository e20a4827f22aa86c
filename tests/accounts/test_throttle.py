"""Sign-in throttling shared through the database (AC-1, Q-S3)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from tortoise import connections

from models.accounts import SignInThrottle
from tests.accounts.factories import NOW, PASSWORD, make_account
from workflows import throttle
from workflows.accounts import login
from workflows.errors import Unauthenticated
from workflows.throttle import RateLimited, account_key, check_sign_in, record_sign_in_failure, required_wait

SECOND = dt.timedelta(seconds=1)
HOUR_START = throttle.window_start(NOW, 3600)


def test_required_wait_starts_after_five_failures_and_doubles_ac_1():
    # then
    assert [required_wait(n).total_seconds() for n in range(4, 9)] == [0, 1, 2, 4, 8]
    assert required_wait(60) == dt.timedelta(minutes=15)


async def test_login_sixth_attempt_before_the_wait_is_refused_even_with_right_password_ac_1(db, audit_log):
    # given: five wrong passwords in a row
    await make_account("siti@perisai.example")
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            await login("siti@perisai.example", "Salah-Sandi-Sekali-1", ip="10.0.0.1", now=NOW)
    # when
    with pytest.raises(RateLimited) as refused:
        await login("siti@perisai.example", PASSWORD, ip="10.0.0.1", now=NOW + SECOND / 2)
    # then: a clear error saying when, and the attempt is audited
    assert refused.value.key == "throttle.sign_in_wait" and refused.value.retry_after >= 1
    assert refused.value.rule == "AC-1"
    assert audit_log.actions("auth.sign_in")[-1]["outcome"] == "refused"


async def test_login_after_the_wait_succeeds_and_resets_the_count_ac_1(db):
    # given
    await make_account("siti@perisai.example")
    for _ in range(5):
        with pytest.raises(Unauthenticated):
            await login("siti@perisai.example", "Salah-Sandi-Sekali-1", ip=None, now=NOW)
    # when: the 1 s wait is over
    await login("siti@perisai.example", PASSWORD, ip=None, now=NOW + 2 * SECOND)
    # then: four new failures bring no wait again
    key = account_key("siti@perisai.example")
    for _ in range(4):
        await record_sign_in_failure(key, None, now=NOW + 3 * SECOND)
    await check_sign_in(key, None, now=NOW + 3 * SECOND)


async def test_attempt_during_the_wait_is_counted_and_lengthens_it_ac_1(db):
    # given: five failures, so a 1 s wait
    key = account_key("siti@perisai.example")
    for _ in range(5):
        await record_sign_in_failure(key, None, now=NOW)
    # when: trying too early makes six, so 2 s from that attempt
    with pytest.raises(RateLimited):
        await check_sign_in(key, None, now=NOW + SECOND / 2)
    # then
    with pytest.raises(RateLimited):
        await check_sign_in(key, None, now=NOW + 2 * SECOND)
    await check_sign_in(key, None, now=NOW + 10 * SECOND)


async def test_sign_in_refused_after_100_failures_in_the_hour_ac_1(db):
    # given
    key = account_key("siti@perisai.example")
    for _ in range(100):
        await record_sign_in_failure(key, None, now=HOUR_START + SECOND)
    # when: the progressive wait (capped at 15 min) is long over, the hourly cap is not
    with pytest.raises(RateLimited) as refused:
        await check_sign_in(key, None, now=HOUR_START + dt.timedelta(minutes=30))
    # then: until the hour passes
    assert refused.value.key == "throttle.sign_in_hourly"
    assert refused.value.retry_after == 30 * 60
    await check_sign_in(key, None, now=HOUR_START + dt.timedelta(hours=1, seconds=1))


async def test_sign_in_99_failures_in_the_hour_still_allowed_ac_1(db):
    # given
    key = account_key("siti@perisai.example")
    for _ in range(99):
        await record_sign_in_failure(key, None, now=HOUR_START + SECOND)
    # when / then
    await check_sign_in(key, None, now=HOUR_START + dt.timedelta(minutes=30))


async def test_sign_in_refused_after_50_failures_from_one_address_ac_1(db):
    # given: 50 different names tried from one address
    for n in range(50):
        await record_sign_in_failure(account_key(f"user{n}@perisai.example"), "10.0.0.66", now=NOW)
    fresh = account_key("siti@perisai.example")
    # when
    with pytest.raises(RateLimited) as refused:
        await check_sign_in(fresh, "10.0.0.66", now=NOW + SECOND)
    # then: another address is not affected
    assert refused.value.key == "throttle.sign_in_ip"
    await check_sign_in(fresh, "10.0.0.77", now=NOW + SECOND)


async def test_throttle_state_holds_no_email_or_address_in_clear_q_s3(db):
    # given
    await record_sign_in_failure(account_key("siti@perisai.example"), "10.0.0.66", now=NOW)
    # when
    conn = connections.get("default")
    rows = await conn.execute_query_dict('SELECT * FROM "rate_limit_buckets"')
    rows += await conn.execute_query_dict('SELECT * FROM "sign_in_throttles"')
    # then
    assert len(rows) == 3
    assert "siti" not in repr(rows) and "10.0.0.66" not in repr(rows)


async def test_purge_expired_drops_old_windows_only_q_s3(db):
    # given
    key = account_key("siti@perisai.example")
    await record_sign_in_failure(key, "10.0.0.1", now=NOW - dt.timedelta(hours=3))
    await record_sign_in_failure(key, "10.0.0.1", now=NOW)
    # when
    removed = await throttle.purge_expired(now=NOW)
    # then
    assert removed == 2
    assert await throttle.bucket_count(f"signin:account:{key}", 3600, now=NOW) == 1


async def test_concurrent_failures_are_all_counted_q_s3(db):
    # given: several processes' worth of attempts at once (real concurrency on PostgreSQL)
    if not db.is_postgres:
        pytest.skip("SQLite serialises writers; concurrency is shown on PostgreSQL")
    key = account_key("siti@perisai.example")
    # when
    await asyncio.gather(*(record_sign_in_failure(key, "10.0.0.5", now=NOW) for _ in range(20)))
    # then
    assert await throttle.bucket_count(f"signin:account:{key}", 3600, now=NOW) == 20
    assert (await SignInThrottle.get(key=key)).consecutive_failures == 20
