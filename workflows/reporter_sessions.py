"""Public reporters: a one-time code to the phone, then a session that reaches only their own
reports (VR-1, AC-3, Q-S3).

A code has 6 digits, is valid 5 minutes and for 5 attempts; only the latest code of a phone
counts. A new code is refused within 60 s of the last one and after 5 in an hour. Codes are
kept as a salted HMAC under the blind-index key, never in clear; the phone only as its blind
index. The code reaches the reporter through a pluggable `CodeSender`; the development
sender writes it to the log — the one place a code is ever logged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
from typing import Protocol
from uuid import UUID

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from models.accounts import OneTimeCode, ReporterSession
from models.audit import PrincipalKind as AuditPrincipalKind
from models.base import lookup_index
from models.organisation import Agency, AgencyKind
from models.secrets import blind_index, get_keyring, normalise_phone
from models.violence_reports import Reporter, ReporterStatus
from workflows import throttle
from workflows.accounts import LAST_SEEN_GRANULARITY, MAX_TOKEN_LENGTH, audit, hash_token, new_token, utcnow
from workflows.errors import (
    Conflict,
    DomainError,
    ErrorCode,
    Forbidden,
    NotFound,
    Unauthenticated,
    ValidationFailed,
)
from workflows.messages import MESSAGES as CATALOGUE
from workflows.throttle import RateLimited

log = logging.getLogger("perisai.reporter_sessions")

MESSAGES: dict[str, tuple[str, str]] = {
    "reporter_sessions.phone_invalid": (
        "Nomor ponsel '{field}' tidak sah.",
        "Mobile number '{field}' is not valid.",
    ),
    "reporter_sessions.code_invalid": (
        "Kode '{field}' salah, kedaluwarsa, atau sudah terlalu sering dicoba. Minta kode baru.",
        "Code '{field}' is wrong, expired or was tried too often. Ask for a new code.",
    ),
    "reporter_sessions.resend_wait": (
        "Kode baru dapat diminta dalam {retry_after} detik.",
        "A new code can be requested in {retry_after} seconds.",
    ),
    "reporter_sessions.too_many_codes": (
        "Terlalu banyak kode untuk nomor ini. Coba lagi dalam {retry_after} detik.",
        "Too many codes for this number. Try again in {retry_after} seconds.",
    ),
    "reporter_sessions.agency_ambiguous": (
        "Layanan pelaporan belum dikaitkan dengan tepat satu dinas kabupaten/kota.",
        "The reporting service is not linked to exactly one district service.",
    ),
}
CATALOGUE.update(MESSAGES)

CODE_DIGITS = 6
CODE_VALIDITY = dt.timedelta(minutes=5)
MAX_ATTEMPTS = 5
RESEND_INTERVAL = dt.timedelta(seconds=60)
MAX_CODES_PER_HOUR = 5
MAX_CODES_PER_IP_PER_HOUR = 20  # one address asking codes for many numbers (SMS pumping)
SESSION_PREFIX = "psr_"
SESSION_LIFETIME = dt.timedelta(days=30)
SESSION_IDLE_TIMEOUT = dt.timedelta(days=7)


class CodeDeliveryUnavailable(DomainError):
    """No way to deliver a code is configured (the log sender outside development)."""

    code = ErrorCode.UNAVAILABLE

    def __init__(self) -> None:
        super().__init__("unavailable")


class CodeSender(Protocol):
    """Delivers a one-time code to a phone (an SMS gateway in production, VR-1)."""

    async def send(self, phone: str, code: str) -> None: ...


def mask_phone(phone: str) -> str:
    """'+6281234567890' → '**********890': only the last 3 digits show."""
    digits = normalise_phone(phone)
    return "*" * max(len(digits) - 3, 0) + digits[-3:]


class LogCodeSender:
    """Development only: writes the code to the log (the phone masked). Anywhere else it
    refuses, so a missing SMS gateway is noticed instead of leaking codes into logs."""

    def __init__(self, env: str | None = None) -> None:
        self.env = env

    async def send(self, phone: str, code: str) -> None:
        env = (self.env or os.environ.get("PERISAI_ENV", "development")).strip().lower()
        if env != "development":
            log.error("no SMS gateway configured: the one-time code for %s was not sent", mask_phone(phone))
            raise CodeDeliveryUnavailable()
        log.info("development one-time code for %s: %s", mask_phone(phone), code)


# The application replaces this with its SMS gateway.
SENDER: CodeSender = LogCodeSender()


def _phone_digits(phone: str) -> str:
    digits = normalise_phone(phone)
    if not 10 <= len(digits) <= 15:
        raise ValidationFailed("reporter_sessions.phone_invalid", field="phone", rule="VR-1")
    return digits


def _code_hash(salt: str, phone_index: str, code: str) -> str:
    message = f"otp|{salt}|{phone_index}|{code}".encode()
    return hmac.new(get_keyring().index_key, message, hashlib.sha256).hexdigest()


async def request_code(
    phone: str,
    *,
    now: dt.datetime | None = None,
    sender: CodeSender | None = None,
    ip: str | None = None,
    request_id: str | None = None,
) -> OneTimeCode:
    """A valid mobile number, not asked for within 60 s nor 5 times this hour → a new 6-digit
    code sent to it, valid 5 minutes (VR-1, AC-3). The record returned holds no code."""
    now = now or utcnow()
    digits = _phone_digits(phone)
    phone_index = lookup_index(Reporter, "phone", digits)
    recent = await OneTimeCode.filter(
        phone_index=phone_index, issued_at__gt=now - dt.timedelta(hours=1)
    ).order_by("issued_at")
    if recent and now - recent[-1].issued_at < RESEND_INTERVAL:
        retry = throttle.seconds_left(now, recent[-1].issued_at + RESEND_INTERVAL)
        raise RateLimited("reporter_sessions.resend_wait", retry_after=retry, rule="VR-1")
    if len(recent) >= MAX_CODES_PER_HOUR:
        retry = throttle.seconds_left(now, recent[-MAX_CODES_PER_HOUR].issued_at + dt.timedelta(hours=1))
        raise RateLimited("reporter_sessions.too_many_codes", retry_after=retry, rule="VR-1")
    if ip:
        ip_key = f"otp:ip:{blind_index(ip, 'otp_ip')}"
        if await throttle.hit(ip_key, 3600, now=now) > MAX_CODES_PER_IP_PER_HOUR:
            end = throttle.window_start(now, 3600) + dt.timedelta(hours=1)
            raise RateLimited("throttle.requests", retry_after=throttle.seconds_left(now, end), rule="VR-1")
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    salt = secrets.token_hex(16)
    record = await OneTimeCode.create(
        phone_index=phone_index,
        code_hash=_code_hash(salt, phone_index, code),
        salt=salt,
        issued_at=now,
        expires_at=now + CODE_VALIDITY,
    )
    try:
        await (sender or SENDER).send(f"+{digits}", code)
    except Exception:
        await record.delete()  # never sent: it must not count nor be usable
        raise
    await audit(
        "reporter.request_code",
        outcome="ok",
        subject_type="OneTimeCode",
        subject_id=record.id,
        source_ip=ip,
        request_id=request_id,
        principal_kind=AuditPrincipalKind.ANONYMOUS,
        principal_ref=phone_index,
    )
    return record


async def _reporting_agency(agency_id: UUID | None) -> UUID:
    """The district service that runs the reporting module: the one given, or the only one."""
    query = Agency.filter(kind=AgencyKind.DISTRICT_SOCIAL_SERVICE, active=True)
    if agency_id is not None:
        if not await query.filter(id=agency_id).exists():
            raise NotFound("Agency")
        return agency_id
    found = await query.limit(2).values_list("id", flat=True)
    if len(found) != 1:
        raise Conflict("reporter_sessions.agency_ambiguous", rule="VR-1")
    return found[0]  # type: ignore[return-value]


async def _consume(phone_index: str, code: str, now: dt.datetime) -> bool:
    latest = await OneTimeCode.filter(phone_index=phone_index).order_by("-issued_at").first()
    if latest is None or latest.consumed_at is not None or now >= latest.expires_at:
        return False
    # Count the attempt before comparing, in one UPDATE, so parallel guesses share the 5.
    counted = await OneTimeCode.filter(
        id=latest.id, attempts__lt=MAX_ATTEMPTS, consumed_at__isnull=True
    ).update(attempts=F("attempts") + 1)
    if not counted:
        return False
    if not hmac.compare_digest(latest.code_hash, _code_hash(latest.salt, phone_index, code.strip())):
        return False
    return bool(await OneTimeCode.filter(id=latest.id, consumed_at__isnull=True).update(consumed_at=now))


async def verify_code(
    phone: str,
    code: str,
    *,
    agency_id: UUID | None = None,
    now: dt.datetime | None = None,
    ip: str | None = None,
    request_id: str | None = None,
) -> tuple[str, ReporterSession]:
    """The phone's latest code, unexpired and within 5 attempts → the reporter (found by the
    phone's blind index, or registered) verified, and a new session token for them alone
    (VR-1, AC-3). Anything else: the same ValidationFailed on `code`."""
    now = now or utcnow()
    digits = _phone_digits(phone)
    phone_index = lookup_index(Reporter, "phone", digits)
    agency = await _reporting_agency(agency_id)
    if not await _consume(phone_index, code, now):
        await audit(
            "reporter.verify_code",
            outcome="refused",
            source_ip=ip,
            request_id=request_id,
            principal_kind=AuditPrincipalKind.ANONYMOUS,
            principal_ref=phone_index,
        )
        raise ValidationFailed("reporter_sessions.code_invalid", field="code", rule="VR-1")
    token = new_token(SESSION_PREFIX)
    async with in_transaction():
        reporter = await Reporter.get_or_none(agency_id=agency, phone_index=phone_index)
        if reporter is None:
            reporter = await Reporter.create(
                agency_id=agency, phone=digits, phone_verified_at=now, last_seen_at=now
            )
        elif reporter.status == ReporterStatus.BLOCKED:
            raise Forbidden()
        else:
            await Reporter.filter(id=reporter.id).update(phone_verified_at=now, last_seen_at=now)
        session = await ReporterSession.create(
            reporter_id=reporter.id,
            token_hash=hash_token(token),
            last_seen_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    await audit(
        "reporter.verify_code",
        outcome="ok",
        subject_type="Reporter",
        subject_id=reporter.id,
        source_ip=ip,
        request_id=request_id,
        principal_kind=AuditPrincipalKind.REPORTER,
        principal_ref=str(reporter.id),
    )
    return token, session


async def authenticate_reporter(token: str, *, now: dt.datetime | None = None) -> ReporterSession:
    """A reporter bearer token of a live session of an active reporter → the session;
    otherwise Unauthenticated (unknown, expired, idle 7 days, revoked, blocked) (AC-3)."""
    now = now or utcnow()
    if not token.startswith(SESSION_PREFIX) or len(token) > MAX_TOKEN_LENGTH:
        raise Unauthenticated()
    session = await ReporterSession.filter(token_hash=hash_token(token)).select_related("reporter").first()
    if (
        session is None
        or session.revoked_at is not None
        or now >= session.expires_at
        or now - session.last_seen_at >= SESSION_IDLE_TIMEOUT
        or session.reporter.status != ReporterStatus.ACTIVE
    ):
        raise Unauthenticated()
    if now - session.last_seen_at >= LAST_SEEN_GRANULARITY:
        await ReporterSession.filter(id=session.id).update(last_seen_at=now)
        session.last_seen_at = now
    return session


async def logout_reporter(token: str, *, now: dt.datetime | None = None) -> None:
    """A reporter bearer token → its session ended; unknown tokens change nothing (AC-3)."""
    if token.startswith(SESSION_PREFIX) and len(token) <= MAX_TOKEN_LENGTH:
        await ReporterSession.filter(token_hash=hash_token(token), revoked_at__isnull=True).update(
            revoked_at=now or utcnow()
        )


async def revoke_reporter_sessions(reporter_id: UUID, *, now: dt.datetime | None = None) -> int:
    """A reporter (e.g. being blocked) → every open session of theirs ended; returns how many (AC-3)."""
    return await ReporterSession.filter(reporter_id=reporter_id, revoked_at__isnull=True).update(
        revoked_at=now or utcnow()
    )
