"""Public reporters: one-time codes and sessions (VR-1, AC-3, Q-S3)."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from tortoise import connections

from models.accounts import OneTimeCode, ReporterSession
from models.organisation import AgencyKind
from models.secrets import reveal
from models.violence_reports import Reporter, ReporterStatus
from tests.accounts.factories import NOW, Inbox, make_agency
from workflows.errors import Conflict, Unauthenticated, ValidationFailed
from workflows.reporter_sessions import (
    CodeDeliveryUnavailable,
    LogCodeSender,
    authenticate_reporter,
    request_code,
    verify_code,
)
from workflows.throttle import RateLimited

PHONE = "0812-3456-7890"
MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
async def district(db):
    return await make_agency(AgencyKind.DISTRICT_SOCIAL_SERVICE)


async def test_request_code_sends_six_digits_and_stores_no_code_vr_1(db, district):
    # given
    inbox = Inbox()
    # when
    record = await request_code(PHONE, now=NOW, sender=inbox)
    # then
    phone, code = inbox.sent[0]
    assert phone == "+6281234567890" and len(code) == 6 and code.isdigit()
    assert record.expires_at == NOW + dt.timedelta(minutes=5)
    rows = await connections.get("default").execute_query_dict('SELECT * FROM "one_time_codes"')
    assert code not in repr(rows) and "81234567890" not in repr(rows)


async def test_verify_code_registers_reporter_and_opens_a_session_ac_3(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    # when
    token, session = await verify_code("+62 812 3456 7890", inbox.last, now=NOW + MINUTE)
    # then
    reporter = await Reporter.get(id=session.reporter_id)
    assert token.startswith("psr_") and reporter.agency_id == district.id
    assert reveal(reporter, "phone") == "6281234567890" and reporter.phone_verified_at == NOW + MINUTE
    assert session.expires_at == NOW + MINUTE + dt.timedelta(days=30)
    assert (await authenticate_reporter(token, now=NOW + 2 * MINUTE)).reporter_id == reporter.id


async def test_verify_code_finds_the_existing_reporter_by_phone_ac_3(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    _, first = await verify_code(PHONE, inbox.last, now=NOW)
    await request_code(PHONE, now=NOW + 2 * MINUTE, sender=inbox)
    # when
    _, second = await verify_code(PHONE, inbox.last, now=NOW + 2 * MINUTE)
    # then
    assert second.reporter_id == first.reporter_id and await Reporter.all().count() == 1


async def test_verify_code_used_twice_refused_vr_1(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    await verify_code(PHONE, inbox.last, now=NOW)
    # when / then
    with pytest.raises(ValidationFailed):
        await verify_code(PHONE, inbox.last, now=NOW)


async def test_verify_code_after_5_minutes_refused_vr_1(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    # when / then
    with pytest.raises(ValidationFailed) as refused:
        await verify_code(PHONE, inbox.last, now=NOW + 5 * MINUTE)
    assert refused.value.field == "code" and refused.value.rule == "VR-1"
    assert await ReporterSession.all().count() == 0


async def test_verify_code_dead_after_5_wrong_attempts_vr_1(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    wrong = f"{(int(inbox.last) + 1) % 1_000_000:06d}"
    for _ in range(5):
        with pytest.raises(ValidationFailed):
            await verify_code(PHONE, wrong, now=NOW)
    # when / then: the right code no longer helps
    with pytest.raises(ValidationFailed):
        await verify_code(PHONE, inbox.last, now=NOW)
    assert (await OneTimeCode.get()).attempts == 5


async def test_verify_code_right_on_the_fifth_attempt_accepted_vr_1(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    wrong = f"{(int(inbox.last) + 1) % 1_000_000:06d}"
    for _ in range(4):
        with pytest.raises(ValidationFailed):
            await verify_code(PHONE, wrong, now=NOW)
    # when / then
    assert await verify_code(PHONE, inbox.last, now=NOW)


async def test_request_code_again_within_60_seconds_refused_vr_1(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    # when
    with pytest.raises(RateLimited) as refused:
        await request_code(PHONE, now=NOW + dt.timedelta(seconds=59), sender=inbox)
    # then
    assert refused.value.key == "reporter_sessions.resend_wait" and len(inbox.sent) == 1
    await request_code(PHONE, now=NOW + dt.timedelta(seconds=60), sender=inbox)
    assert len(inbox.sent) == 2


async def test_request_code_sixth_in_an_hour_refused_vr_1(db, district):
    # given
    inbox = Inbox()
    for n in range(5):
        await request_code(PHONE, now=NOW + n * 2 * MINUTE, sender=inbox)
    # when
    with pytest.raises(RateLimited) as refused:
        await request_code(PHONE, now=NOW + 20 * MINUTE, sender=inbox)
    # then: an hour after the first it is allowed again
    assert refused.value.key == "reporter_sessions.too_many_codes"
    await request_code(PHONE, now=NOW + 61 * MINUTE, sender=inbox)
    assert len(inbox.sent) == 6


async def test_only_the_latest_code_counts_vr_1(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    first = inbox.last
    await request_code(PHONE, now=NOW + MINUTE, sender=inbox)
    # when / then
    if first != inbox.last:
        with pytest.raises(ValidationFailed):
            await verify_code(PHONE, first, now=NOW + MINUTE)
    assert await verify_code(PHONE, inbox.last, now=NOW + MINUTE)


async def test_log_code_sender_logs_masked_phone_in_development_only_vr_1(db, district, caplog):
    # given
    caplog.set_level(logging.INFO, logger="perisai.reporter_sessions")
    # when
    await LogCodeSender(env="development").send("+6281234567890", "123456")
    with pytest.raises(CodeDeliveryUnavailable):
        await LogCodeSender(env="production").send("+6281234567890", "654321")
    # then
    text = caplog.text
    assert "123456" in text and "**********890" in text
    assert "654321" not in text and "81234567" not in text


async def test_request_code_not_delivered_leaves_no_code_vr_1(db, district):
    # when
    with pytest.raises(CodeDeliveryUnavailable):
        await request_code(PHONE, now=NOW, sender=LogCodeSender(env="production"))
    # then: nothing usable, and the resend budget untouched
    assert await OneTimeCode.all().count() == 0


async def test_request_code_invalid_phone_refused_vr_1(db, district):
    # when / then
    with pytest.raises(ValidationFailed) as refused:
        await request_code("12345", now=NOW, sender=Inbox())
    assert refused.value.field == "phone"


async def test_verify_code_with_two_district_services_needs_the_agency_vr_1(db, district):
    # given: which service owns the reporter is ambiguous (Reporter.agency is required)
    other = await make_agency(AgencyKind.DISTRICT_SOCIAL_SERVICE)
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    # when
    with pytest.raises(Conflict):
        await verify_code(PHONE, inbox.last, now=NOW)
    # then: naming it works, and the code was not burnt by the refusal
    _, session = await verify_code(PHONE, inbox.last, agency_id=other.id, now=NOW)
    assert (await Reporter.get(id=session.reporter_id)).agency_id == other.id


async def test_authenticate_reporter_idle_7_days_or_blocked_refused_ac_3(db, district):
    # given
    inbox = Inbox()
    await request_code(PHONE, now=NOW, sender=inbox)
    token, _ = await verify_code(PHONE, inbox.last, now=NOW)
    second_inbox = Inbox()
    await request_code("081299990000", now=NOW, sender=second_inbox)
    blocked_token, blocked = await verify_code("081299990000", second_inbox.last, now=NOW)
    await Reporter.filter(id=blocked.reporter_id).update(status=ReporterStatus.BLOCKED)
    # when / then
    assert await authenticate_reporter(token, now=NOW + dt.timedelta(days=6))
    with pytest.raises(Unauthenticated):
        await authenticate_reporter(token, now=NOW + dt.timedelta(days=13, hours=1))
    with pytest.raises(Unauthenticated):
        await authenticate_reporter(blocked_token, now=NOW + MINUTE)
