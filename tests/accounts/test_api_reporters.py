"""Public reporters over GraphQL: reporterCodeRequest, reporterCodeVerify (VR-1, AC-3, Q-S3).
Both are public; nothing in an answer tells whether a number is known."""

from __future__ import annotations

import pytest

from models.accounts import OneTimeCode, ReporterSession
from models.audit import AuditEntry
from models.violence_reports import Reporter
from tests.accounts.factories import Inbox
from tests.accounts.test_api import PHONE, as_partner, as_staff, payload, principal_for, reporting_agency
from tests.client import error_codes, execute
from workflows import reporter_sessions

REQUEST = """
mutation Request($phone: String!) {
  reporterCodeRequest(phone: $phone) {
    __typename
    ... on Done { ok }
    ... on MutationError { code field rule }
  }
}
"""

VERIFY = """
mutation Verify($phone: String!, $code: String!) {
  reporterCodeVerify(phone: $phone, code: $code) {
    __typename
    ... on ReporterCodeVerifySuccess { token expiresAt idleTimeoutSeconds reporterId }
    ... on MutationError { code field rule }
  }
}
"""


@pytest.fixture
def inbox(monkeypatch: pytest.MonkeyPatch) -> Inbox:
    """The SMS gateway, replaced by an inbox the test can read (VR-1)."""
    box = Inbox()
    monkeypatch.setattr(reporter_sessions, "SENDER", box)
    return box


# --- reporterCodeRequest ----------------------------------------------------------------------


async def test_reporter_code_request_anonymous_sends_code_answers_done_ac_3(policies, inbox):
    # when
    result = await execute(REQUEST, {"phone": PHONE})
    # then
    assert payload(result, "reporterCodeRequest") == {"__typename": "Done", "ok": True}
    assert inbox.sent[0][0] == PHONE and len(inbox.last) == 6
    assert inbox.last not in str([c.__dict__ for c in await OneTimeCode.all()])


async def test_reporter_code_request_known_and_unknown_numbers_answer_alike_ac_3(policies, inbox):
    # given: one number already belongs to a reporter
    await reporting_agency()
    await execute(REQUEST, {"phone": PHONE})
    await execute(VERIFY, {"phone": PHONE, "code": inbox.last})
    assert await Reporter.all().count() == 1
    await OneTimeCode.all().delete()  # past the resend wait
    # when
    known = await execute(REQUEST, {"phone": PHONE})
    unknown = await execute(REQUEST, {"phone": "+6289876543210"})
    # then
    assert known.data == unknown.data and known.errors is unknown.errors is None


async def test_reporter_code_request_resend_too_soon_answers_rate_limited_ac_3(policies, inbox):
    # given
    await execute(REQUEST, {"phone": PHONE})
    # when
    result = await execute(REQUEST, {"phone": PHONE})
    # then
    assert error_codes(result) == ["RATE_LIMITED"]
    assert 1 <= result.errors[0].extensions["retryAfter"] <= 60
    assert len(inbox.sent) == 1 and await OneTimeCode.all().count() == 1


@pytest.mark.parametrize("phone", ["12345", "bukan-nomor", "", "+62" + "8" * 40])
async def test_reporter_code_request_bad_phone_answers_validation_ac_3(policies, inbox, phone):
    # when
    result = await execute(REQUEST, {"phone": phone})
    # then
    answer = payload(result, "reporterCodeRequest")
    assert (answer["code"], answer["field"]) == ("VALIDATION", "phone")
    assert inbox.sent == [] and await OneTimeCode.all().count() == 0


async def test_reporter_code_request_as_staff_still_public_ac_3(policies, inbox):
    # given: a public operation, whoever asks
    principal = await as_staff()
    # when
    result = await execute(REQUEST, {"phone": PHONE}, as_=principal)
    # then
    assert payload(result, "reporterCodeRequest")["ok"] is True


# --- reporterCodeVerify -----------------------------------------------------------------------


async def test_reporter_code_verify_right_code_answers_reporter_session_ac_3(policies, inbox):
    # given
    await reporting_agency()
    await execute(REQUEST, {"phone": PHONE})
    # when
    result = await execute(VERIFY, {"phone": PHONE, "code": inbox.last})
    # then
    answer = payload(result, "reporterCodeVerify")
    assert answer["token"].startswith("psr_") and answer["idleTimeoutSeconds"] == 7 * 24 * 3600
    principal = await principal_for(answer["token"])
    assert str(principal.reporter_id) == answer["reporterId"]
    assert await ReporterSession.all().count() == 1
    assert await AuditEntry.filter(action="reporter.verify_code", outcome="ok").count() == 1


async def test_reporter_code_verify_wrong_code_answers_validation_on_code_ac_3(policies, inbox):
    # given
    await reporting_agency()
    await execute(REQUEST, {"phone": PHONE})
    wrong = "000000" if inbox.last != "000000" else "111111"
    # when
    result = await execute(VERIFY, {"phone": PHONE, "code": wrong})
    # then
    answer = payload(result, "reporterCodeVerify")
    assert (answer["code"], answer["field"], answer["rule"]) == ("VALIDATION", "code", "VR-1")
    assert await ReporterSession.all().count() == 0 and await Reporter.all().count() == 0
    assert await AuditEntry.filter(action="reporter.verify_code", outcome="refused").count() == 1


@pytest.mark.parametrize("code", ["12345", "1234567", "12a456", "", "١٢٣٤٥٦"])
async def test_reporter_code_verify_malformed_code_answers_validation_uses_no_attempt_ac_3(
    policies, inbox, code
):
    # given
    await reporting_agency()
    await execute(REQUEST, {"phone": PHONE})
    # when
    result = await execute(VERIFY, {"phone": PHONE, "code": code})
    # then
    answer = payload(result, "reporterCodeVerify")
    assert (answer["code"], answer["field"]) == ("VALIDATION", "code")
    assert (await OneTimeCode.get()).attempts == 0


async def test_reporter_code_verify_as_partner_still_public_ac_3(policies, inbox):
    # given
    principal = await as_partner()
    await reporting_agency()
    await execute(REQUEST, {"phone": PHONE})
    # when
    result = await execute(VERIFY, {"phone": PHONE, "code": inbox.last}, as_=principal)
    # then
    assert payload(result, "reporterCodeVerify")["__typename"] == "ReporterCodeVerifySuccess"
