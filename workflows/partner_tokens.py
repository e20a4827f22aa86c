"""Partner API tokens: created with scopes from the catalogue, shown once, revoked at once (AC-2, Q-S3).

A token reads `perisai_pat_<54 url-safe characters>` (320 random bits), so secret scanners
can recognise it. Only its SHA-256 is stored, beside a non-secret prefix (the literal part
and the first 8 random characters) used to find it and to show it in lists. Tokens expire
within 90 days, record their last use to the minute, and are rate-limited per minute.
"""

from __future__ import annotations

import datetime as dt
import hmac
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from authz.scopes import SCOPES, unknown_scopes
from models.accounts import PartnerToken
from models.audit import PrincipalKind as AuditPrincipalKind
from models.organisation import Agency, Staff
from workflows import throttle
from workflows.accounts import LAST_SEEN_GRANULARITY, audit, hash_token, new_token, utcnow
from workflows.errors import NotFound, Unauthenticated, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE
from workflows.throttle import RateLimited

MESSAGES: dict[str, tuple[str, str]] = {
    "partner_tokens.name_required": (
        "Nama token '{field}' wajib diisi.",
        "Token name '{field}' is required.",
    ),
    "partner_tokens.scopes_required": (
        "Token harus memiliki paling sedikit satu cakupan ('{field}').",
        "A token needs at least one scope ('{field}').",
    ),
    "partner_tokens.unknown_scope": (
        "Cakupan tidak dikenal di '{field}': {scopes}.",
        "Unknown scope in '{field}': {scopes}.",
    ),
    "partner_tokens.expiry": (
        "Masa berlaku '{field}' harus antara 1 dan {maximum} hari.",
        "Validity '{field}' must be between 1 and {maximum} days.",
    ),
    "partner_tokens.rate_limit": (
        "Batas permintaan '{field}' harus antara 1 dan {maximum} per menit.",
        "Request limit '{field}' must be between 1 and {maximum} per minute.",
    ),
    "partner_tokens.agency_inactive": (
        "Instansi '{field}' bukan mitra aktif.",
        "Agency '{field}' is not an active partner.",
    ),
}
CATALOGUE.update(MESSAGES)

TOKEN_PREFIX = "perisai_pat_"  # noqa: S105 — the public, recognisable part of every token
TOKEN_RANDOM_BYTES = 40  # 320 bits; the 48 shown in the prefix still leave 272 secret
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8
TOKEN_LENGTH = len(TOKEN_PREFIX) + 54
MAX_VALIDITY_DAYS = 90
DEFAULT_RATE_LIMIT_PER_MINUTE = 120
MAX_RATE_LIMIT_PER_MINUTE = 6000
_NO_HASH = "0" * 64  # compared against when no token has the prefix, to keep the timing flat


def _validate(name: str, scopes: list[str], expires_in_days: int, rate_limit_per_minute: int) -> list[str]:
    if not name.strip():
        raise ValidationFailed("partner_tokens.name_required", field="name", rule="AC-2")
    if len(name.strip()) > 200:
        raise ValidationFailed("validation.too_long", field="name", maximum=200)
    if isinstance(scopes, str):
        scopes = [scopes]  # a lone string is one scope, not its characters
    chosen = list(dict.fromkeys(scopes))
    if not chosen:
        raise ValidationFailed("partner_tokens.scopes_required", field="scopes", rule="AC-2")
    if unknown := unknown_scopes(chosen):
        raise ValidationFailed(
            "partner_tokens.unknown_scope", field="scopes", rule="AC-2", scopes=", ".join(unknown)
        )
    if isinstance(expires_in_days, bool) or not 1 <= expires_in_days <= MAX_VALIDITY_DAYS:
        raise ValidationFailed(
            "partner_tokens.expiry", field="expires_in_days", rule="AC-2", maximum=MAX_VALIDITY_DAYS
        )
    if not 1 <= rate_limit_per_minute <= MAX_RATE_LIMIT_PER_MINUTE:
        raise ValidationFailed(
            "partner_tokens.rate_limit", field="rate_limit_per_minute", maximum=MAX_RATE_LIMIT_PER_MINUTE
        )
    return chosen


async def create_token(
    agency_id: UUID,
    name: str,
    scopes: list[str],
    expires_in_days: int,
    created_by: UUID | None,
    *,
    rate_limit_per_minute: int = DEFAULT_RATE_LIMIT_PER_MINUTE,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> tuple[str, PartnerToken]:
    """An active agency, a name, catalogue scopes and ≤ 90 days → a new token: the plaintext
    (to show once, never again) and its record holding only the hash (AC-2)."""
    now = now or utcnow()
    chosen = _validate(name, scopes, expires_in_days, rate_limit_per_minute)
    agency = await Agency.get_or_none(id=agency_id)
    if agency is None:
        raise NotFound("Agency")
    if not agency.active:
        raise ValidationFailed("partner_tokens.agency_inactive", field="agency_id", rule="AC-2")
    if created_by is not None and not await Staff.exists(id=created_by):
        raise NotFound("Staff")
    for attempt in range(3):
        plaintext = new_token(TOKEN_PREFIX, TOKEN_RANDOM_BYTES)
        try:
            async with in_transaction():
                token = await PartnerToken.create(
                    agency_id=agency_id,
                    name=name.strip(),
                    prefix=plaintext[:PREFIX_LENGTH],
                    secret_hash=hash_token(plaintext),
                    scopes=chosen,
                    expires_at=now + dt.timedelta(days=expires_in_days),
                    created_by_id=created_by,
                    rate_limit_per_minute=rate_limit_per_minute,
                )
                await audit(
                    "partner_token.create",
                    outcome="ok",
                    subject_type="PartnerToken",
                    subject_id=token.id,
                    changes={
                        "prefix": token.prefix,
                        "agency_id": agency_id,
                        "scopes": chosen,
                        "name": token.name,
                    },
                    request_id=request_id,
                    principal_kind=AuditPrincipalKind.STAFF if created_by else AuditPrincipalKind.SYSTEM,
                    principal_ref=str(created_by) if created_by else None,
                )
            return plaintext, token
        except IntegrityError:  # a prefix already taken (48 random bits): draw again
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def list_tokens(agency_id: UUID | None = None) -> list[PartnerToken]:
    """An agency (or none: all) → its tokens, newest first, with prefixes but no secret (AC-2)."""
    query = PartnerToken.all() if agency_id is None else PartnerToken.filter(agency_id=agency_id)
    return await query.order_by("-created_at")


async def tokens_of(agency_id: UUID | None = None) -> QuerySet[PartnerToken]:
    """An agency (or none: every agency) → the query of its tokens, for the caller to scope and
    page; NotFound for an unknown agency (AC-2)."""
    if agency_id is None:
        return PartnerToken.all()
    if not await Agency.exists(id=agency_id):
        raise NotFound("Agency")
    return PartnerToken.filter(agency_id=agency_id)


async def revoke_token(
    token_id: UUID,
    *,
    by: UUID | None = None,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> PartnerToken:
    """A token → revoked, refused from the next request on (AC-2). Revoking twice keeps the first time."""
    now = now or utcnow()
    token = await PartnerToken.get_or_none(id=token_id)
    if token is None:
        raise NotFound("PartnerToken")
    if token.revoked_at is None:
        async with in_transaction():
            await PartnerToken.filter(id=token_id, revoked_at__isnull=True).update(revoked_at=now)
            token.revoked_at = now
            await audit(
                "partner_token.revoke",
                outcome="ok",
                subject_type="PartnerToken",
                subject_id=token.id,
                changes={"prefix": token.prefix, "revoked": [False, True]},
                request_id=request_id,
                principal_kind=AuditPrincipalKind.STAFF if by else AuditPrincipalKind.SYSTEM,
                principal_ref=str(by) if by else None,
            )
    return token


async def _audit_use(
    outcome: str, token: PartnerToken | None, ip: str | None, request_id: str | None, reason: str | None
) -> None:
    await audit(
        "partner_token.use",
        outcome=outcome,
        subject_type="PartnerToken" if token else None,
        subject_id=token.id if token else None,
        changes={"reason": reason} if reason else None,
        source_ip=ip,
        request_id=request_id,
        principal_kind=AuditPrincipalKind.PARTNER_TOKEN if outcome == "ok" else AuditPrincipalKind.ANONYMOUS,
        principal_ref=token.prefix if token else None,
    )


async def authenticate_token(
    plaintext: str,
    *,
    now: dt.datetime | None = None,
    ip: str | None = None,
    request_id: str | None = None,
) -> PartnerToken:
    """A live token of an active agency, within its rate limit → its record (agency loaded),
    last use recorded; Unauthenticated when unknown, expired or revoked; RateLimited over
    the limit (AC-2, Q-S3). Every use, good or bad, is audited (AC-13)."""
    now = now or utcnow()
    if not plaintext.startswith(TOKEN_PREFIX) or len(plaintext) != TOKEN_LENGTH:
        await _audit_use("refused", None, ip, request_id, "malformed")
        raise Unauthenticated()
    token = await PartnerToken.filter(prefix=plaintext[:PREFIX_LENGTH]).select_related("agency").first()
    matches = hmac.compare_digest(token.secret_hash if token else _NO_HASH, hash_token(plaintext))
    reason = None
    if token is None or not matches:
        reason = "unknown"
    elif token.revoked_at is not None:
        reason = "revoked"
    elif now >= token.expires_at:
        reason = "expired"
    elif not token.agency.active:
        reason = "agency_inactive"
    if reason is not None or token is None:
        # Only a token whose secret matched is named: a guessed prefix proves nothing.
        await _audit_use("refused", token if matches else None, ip, request_id, reason)
        raise Unauthenticated()
    try:
        await throttle.check_request_rate(f"token:{token.id}", token.rate_limit_per_minute, now=now)
    except RateLimited:
        await _audit_use("refused", token, ip, request_id, "rate_limited")
        raise
    if token.last_used_at is None or now - token.last_used_at >= LAST_SEEN_GRANULARITY:
        await PartnerToken.filter(id=token.id).update(last_used_at=now)
        token.last_used_at = now
    await _audit_use("ok", token, ip, request_id, None)
    return token


__all__ = [
    "MAX_VALIDITY_DAYS",
    "SCOPES",
    "TOKEN_PREFIX",
    "RateLimited",
    "authenticate_token",
    "create_token",
    "list_tokens",
    "revoke_token",
    "tokens_of",
]
