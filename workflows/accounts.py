"""Staff accounts: password policy and hashing, sign-in, sessions, password changes (AC-1, AC-4, Q-S3).

A session is an opaque bearer token (`pss_…`, 256 random bits) of which only the SHA-256 is
stored. It lasts at most 12 hours and ends after 15 minutes without a request, at sign-out,
when the password changes, or when the account is disabled. Every sign-in attempt, good or
bad, goes to the audit trail (`workflows.audit.record`, through `AUDIT_HOOK`; AC-13).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.accounts import ReporterSession, StaffAccount, StaffSession
from models.audit import PrincipalKind as AuditPrincipalKind
from models.organisation import Position, Staff
from workflows import throttle
from workflows.errors import (
    Conflict,
    Forbidden,
    NotFound,
    RuleViolation,
    Unauthenticated,
    ValidationFailed,
)
from workflows.messages import MESSAGES as CATALOGUE
from workflows.throttle import RateLimited

MESSAGES: dict[str, tuple[str, str]] = {
    "accounts.password_too_short": (
        "Kata sandi '{field}' harus paling sedikit {minimum} karakter.",
        "Password '{field}' must have at least {minimum} characters.",
    ),
    "accounts.password_too_common": (
        "Kata sandi '{field}' terlalu umum; pilih yang lain.",
        "Password '{field}' is too common; choose another.",
    ),
    "accounts.password_unchanged": (
        "Kata sandi baru harus berbeda dari yang lama.",
        "The new password must differ from the old one.",
    ),
    "accounts.wrong_password": ("Kata sandi '{field}' salah.", "Password '{field}' is wrong."),
    "accounts.last_admin": (
        "Akun ini administrator sistem aktif terakhir; aktifkan administrator lain terlebih dahulu.",
        "This is the last active system administrator; enable another administrator first.",
    ),
    "accounts.exists": (
        "Pegawai '{field}' sudah memiliki akun.",
        "Staff member '{field}' already has an account.",
    ),
}
CATALOGUE.update(MESSAGES)

# OWASP's Argon2id floor: m=19 MiB, t=2, p=1 (AC-1).
HASHER = PasswordHasher(
    time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32, salt_len=16, type=Type.ID
)
MIN_PASSWORD_LENGTH = 12
COMMON_PASSWORDS = frozenset(
    {
        "123456789012",
        "password1234",
        "passwordpassword",
        "qwertyuiop12",
        "admin1234567",
        "administrator",
        "iloveyou1234",
        "welcome12345",
        "katasandi123",
        "rahasia12345",
        "indonesia1945",
        "bismillah123",
        "password123!",
        "qwerty123456",
        "1q2w3e4r5t6y",
        "perisai12345",
        "lpsk12345678",
        "abcdefghijkl",
        "000000000000",
        "111111111111",
    }
)


class PasswordPolicyError(ValueError):
    """The password is too short or too common."""


def check_password_policy(password: str) -> None:
    """A candidate password → nothing, or PasswordPolicyError saying why (AC-1)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordPolicyError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    if password.lower() in COMMON_PASSWORDS or len(set(password)) < 4:
        raise PasswordPolicyError("the password is too common")


def hash_password(password: str) -> str:
    check_password_policy(password)
    return HASHER.hash(password)


async def create_system_admin(*, email: str, full_name: str, password: str) -> StaffAccount:
    """E-mail, name, password → a system-administrator account (created, or its password reset)."""
    password_hash = hash_password(password)
    now = dt.datetime.now(dt.UTC)
    async with in_transaction():
        staff = await Staff.get_or_none(email=email.strip().lower())
        if staff is None:
            staff = await Staff.create(
                email=email.strip().lower(),
                full_name=full_name,
                employee_number=f"ADM-{email.strip().lower()}"[:40],
                position=Position.EXECUTOR,
                title="Administrator Sistem",
            )
        account = await StaffAccount.get_or_none(staff=staff)
        if account is None:
            account = await StaffAccount.create(
                staff=staff, password_hash=password_hash, is_system_admin=True, password_changed_at=now
            )
        else:
            account.password_hash = password_hash
            account.is_system_admin = True
            account.disabled_at = None
            account.password_changed_at = now
            await account.save()
    return account


# --- audit hook (AC-13) -------------------------------------------------------------------

AuditHook = Callable[..., Awaitable[None]]


async def _to_audit_trail(action: str, **entry: Any) -> None:
    """The hash-chained audit trail, in the caller's transaction when there is one."""
    from workflows.audit import record  # the trail imports principals; import on first use

    await record(action, **entry)


# Same signature as workflows.audit.record; tests may swap it to inspect entries.
AUDIT_HOOK: AuditHook = _to_audit_trail


async def audit(action: str, **entry: Any) -> None:
    """An auditable event → handed to the wired audit trail (AC-13). Never pass secrets."""
    entry.setdefault("principal", None)
    await AUDIT_HOOK(action, **entry)


# --- sessions -----------------------------------------------------------------------------

SESSION_PREFIX = "pss_"
SESSION_LIFETIME = dt.timedelta(hours=12)
SESSION_IDLE_TIMEOUT = dt.timedelta(minutes=15)
# last_seen_at is written at most this often: not one write per request.
LAST_SEEN_GRANULARITY = dt.timedelta(minutes=1)
MAX_TOKEN_LENGTH = 200

# A real Argon2id hash with HASHER's parameters, of a random string thrown away: verifying
# against it makes an unknown e-mail cost as much as a wrong password.
DUMMY_HASH = (
    "$argon2id$v=19$m=19456,t=2,p=1$jDypZChG0q8roNswKrd/aA$fXKAs2MuLgdGxiGImA4n+5n4q0hn73sMpgUFrK54z4o"
)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def hash_token(token: str) -> str:
    """A bearer token → the SHA-256 hex digest stored in its place."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token(prefix: str, nbytes: int = 32) -> str:
    """A fresh random bearer token: a recognisable prefix and `nbytes` random bytes (≥ 256 bits)."""
    return prefix + secrets.token_urlsafe(nbytes)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _policy_error(password: str, field: str) -> ValidationFailed | None:
    try:
        check_password_policy(password)
    except PasswordPolicyError:
        if len(password) < MIN_PASSWORD_LENGTH:
            return ValidationFailed(
                "accounts.password_too_short", field=field, rule="AC-1", minimum=MIN_PASSWORD_LENGTH
            )
        return ValidationFailed("accounts.password_too_common", field=field, rule="AC-1")
    return None


async def _open_session(staff_id: UUID, ip: str | None, now: dt.datetime) -> tuple[str, StaffSession]:
    token = new_token(SESSION_PREFIX)
    session = await StaffSession.create(
        staff_id=staff_id,
        token_hash=hash_token(token),
        last_seen_at=now,
        expires_at=now + SESSION_LIFETIME,
        ip=(ip or None) and ip[:64],
    )
    return token, session


async def _audit_sign_in(
    outcome: str,
    *,
    ref: str,
    account: StaffAccount | None,
    ip: str | None,
    request_id: str | None,
    reason: str | None = None,
) -> None:
    signed_in = outcome == "ok" and account is not None
    await audit(
        "auth.sign_in",
        outcome=outcome,
        subject_type="StaffAccount" if account else None,
        subject_id=account.id if account else None,
        changes={"reason": reason} if reason else None,
        source_ip=ip,
        request_id=request_id,
        principal_kind=AuditPrincipalKind.STAFF if signed_in else AuditPrincipalKind.ANONYMOUS,
        # The e-mail only as its blind index: an unknown address never reaches the trail.
        principal_ref=str(account.staff_id) if signed_in and account else ref,
    )


async def login(
    email: str,
    password: str,
    *,
    ip: str | None,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> tuple[str, StaffSession]:
    """E-mail and password of an enabled account, not throttled → a new session and its bearer
    token (shown once); otherwise Unauthenticated, the same for every cause (AC-1, Q-S3)."""
    now = now or utcnow()
    key = throttle.account_key(email)
    try:
        await throttle.check_sign_in(key, ip, now=now)
    except RateLimited as exc:
        await _audit_sign_in("refused", ref=key, account=None, ip=ip, request_id=request_id, reason=exc.key)
        raise
    account = await StaffAccount.filter(staff__email=email.strip().lower()).select_related("staff").first()
    reason: str | None = None
    if account is None:
        _verify(DUMMY_HASH, password)  # the same work as a real check, so timing tells nothing
        reason = "unknown_account"
    elif not _verify(account.password_hash, password):
        reason = "wrong_password"
    elif account.disabled_at is not None or not account.staff.active:
        reason = "account_disabled"
    if reason is not None or account is None:
        await throttle.record_sign_in_failure(key, ip, now=now)
        await _audit_sign_in("refused", ref=key, account=account, ip=ip, request_id=request_id, reason=reason)
        raise Unauthenticated()

    fields_changed = ["last_login_at", "updated_at"]
    if HASHER.check_needs_rehash(account.password_hash):
        # Upgrade a weaker stored hash while the password is at hand (AC-1).
        account.password_hash = HASHER.hash(password)
        fields_changed.append("password_hash")
    account.last_login_at = now
    async with in_transaction():
        await account.save(update_fields=fields_changed)
        token, session = await _open_session(account.staff_id, ip, now)
        await _audit_sign_in("ok", ref=key, account=account, ip=ip, request_id=request_id)
    await throttle.record_sign_in_success(key)
    return token, session


async def authenticate_staff(
    token: str, *, now: dt.datetime | None = None
) -> tuple[StaffSession, StaffAccount]:
    """A staff bearer token of a live session of an enabled account → the session and the
    account (staff and unit loaded); otherwise Unauthenticated (AC-1)."""
    now = now or utcnow()
    if not token.startswith(SESSION_PREFIX) or len(token) > MAX_TOKEN_LENGTH:
        raise Unauthenticated()
    session = await StaffSession.get_or_none(token_hash=hash_token(token))
    if (
        session is None
        or session.revoked_at is not None
        or now >= session.expires_at
        or now - session.last_seen_at >= SESSION_IDLE_TIMEOUT
    ):
        raise Unauthenticated()
    account = (
        await StaffAccount.filter(staff_id=session.staff_id).select_related("staff", "staff__unit").first()
    )
    if account is None or account.disabled_at is not None or not account.staff.active:
        raise Unauthenticated()
    if now - session.last_seen_at >= LAST_SEEN_GRANULARITY:
        await StaffSession.filter(id=session.id).update(last_seen_at=now)
        session.last_seen_at = now
    return session, account


async def authenticate_session(token: str, *, now: dt.datetime | None = None) -> StaffSession:
    """A staff bearer token of a live session of an enabled account → the session; otherwise
    Unauthenticated (unknown, expired, idle, revoked, disabled) (AC-1)."""
    session, _ = await authenticate_staff(token, now=now)
    return session


async def logout(
    token: str, *, now: dt.datetime | None = None, ip: str | None = None, request_id: str | None = None
) -> None:
    """A staff bearer token → its session ended at once; unknown tokens change nothing (AC-1)."""
    if not token.startswith(SESSION_PREFIX) or len(token) > MAX_TOKEN_LENGTH:
        return
    session = await StaffSession.get_or_none(token_hash=hash_token(token), revoked_at__isnull=True)
    if session is None:
        return
    await end_session(session.id, now=now, ip=ip, request_id=request_id)


async def end_session(
    session_id: UUID, *, now: dt.datetime | None = None, ip: str | None = None, request_id: str | None = None
) -> bool:
    """An open staff session → ended at once and the sign-out audited; returns whether it was
    open (an ended or unknown one changes nothing) (AC-1, AC-13)."""
    session = await StaffSession.get_or_none(id=session_id, revoked_at__isnull=True)
    if session is None:
        return False
    async with in_transaction():
        # Conditional, so two parallel sign-outs end (and audit) the session once.
        if not await StaffSession.filter(id=session.id, revoked_at__isnull=True).update(
            revoked_at=now or utcnow()
        ):
            return False
        await audit(
            "auth.sign_out",
            outcome="ok",
            subject_type="StaffSession",
            subject_id=session.id,
            source_ip=ip,
            request_id=request_id,
            principal_kind=AuditPrincipalKind.STAFF,
            principal_ref=str(session.staff_id),
        )
    return True


async def end_reporter_session(
    session_id: UUID, *, now: dt.datetime | None = None, ip: str | None = None, request_id: str | None = None
) -> bool:
    """An open public-reporter session → ended at once and the sign-out audited; returns whether
    it was open (AC-3, AC-13)."""
    session = await ReporterSession.get_or_none(id=session_id, revoked_at__isnull=True)
    if session is None:
        return False
    async with in_transaction():
        if not await ReporterSession.filter(id=session.id, revoked_at__isnull=True).update(
            revoked_at=now or utcnow()
        ):
            return False
        await audit(
            "reporter.sign_out",
            outcome="ok",
            subject_type="ReporterSession",
            subject_id=session.id,
            source_ip=ip,
            request_id=request_id,
            principal_kind=AuditPrincipalKind.REPORTER,
            principal_ref=str(session.reporter_id),
        )
    return True


async def revoke_all_sessions(
    staff_id: UUID, *, except_session_id: UUID | None = None, now: dt.datetime | None = None
) -> int:
    """A staff member → every open session of theirs ended at once (but `except_session_id`);
    returns how many (AC-1)."""
    query = StaffSession.filter(staff_id=staff_id, revoked_at__isnull=True)
    if except_session_id is not None:
        query = query.exclude(id=except_session_id)
    return await query.update(revoked_at=now or utcnow())


async def _audit_account(
    action: str, account: StaffAccount, actor: UUID | None, outcome: str = "ok", **entry: Any
) -> None:
    await audit(
        action,
        outcome=outcome,
        subject_type="StaffAccount",
        subject_id=account.id,
        principal_kind=AuditPrincipalKind.STAFF if actor else AuditPrincipalKind.SYSTEM,
        principal_ref=str(actor) if actor else None,
        **entry,
    )


async def _account(staff_id: UUID) -> StaffAccount:
    account = await StaffAccount.filter(staff_id=staff_id).select_related("staff").first()
    if account is None:
        raise NotFound("StaffAccount")
    return account


async def get_account(staff_id: UUID) -> StaffAccount:
    """A staff member with an account → the account (staff loaded); otherwise NotFound (AC-1)."""
    return await _account(staff_id)


async def create_account(
    staff_id: UUID,
    password: str,
    *,
    is_system_admin: bool = False,
    by: UUID | None = None,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> StaffAccount:
    """A staff member without an account and a password meeting the policy → their sign-in
    account, a system administrator's if asked (AC-1, AC-4)."""
    now = now or utcnow()
    staff = await Staff.get_or_none(id=staff_id)
    if staff is None:
        raise NotFound("Staff")
    if await StaffAccount.exists(staff_id=staff_id):
        raise Conflict("accounts.exists", field="staff_id", rule="AC-4")
    if (error := _policy_error(password, "password")) is not None:
        raise error
    password_hash = HASHER.hash(password)
    try:
        async with in_transaction():
            account = await StaffAccount.create(
                staff_id=staff_id,
                password_hash=password_hash,
                is_system_admin=is_system_admin,
                password_changed_at=now,
            )
            changes = {"is_system_admin": is_system_admin}
            await _audit_account("account.create", account, by, changes=changes, request_id=request_id)
    except IntegrityError as exc:  # created in parallel since the check above
        raise Conflict("accounts.exists", field="staff_id", rule="AC-4") from exc
    account.staff = staff
    return account


async def disable_account(
    staff_id: UUID,
    *,
    by: UUID | None = None,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> StaffAccount:
    """An account → disabled, and every session of it ended in the same transaction (AC-1, AC-4)."""
    now = now or utcnow()
    async with in_transaction():
        account = await _account(staff_id)
        await _keep_one_admin(account)
        account.disabled_at = account.disabled_at or now
        await account.save(update_fields=["disabled_at", "updated_at"])
        ended = await revoke_all_sessions(staff_id, now=now)
        changes = {"disabled": [False, True], "sessions_ended": ended}
        await _audit_account("account.disable", account, by, changes=changes, request_id=request_id)
    return account


async def _keep_one_admin(account: StaffAccount) -> None:
    """Disabling the last enabled system administrator would leave nobody to manage accounts and
    policies (AC-4): refused, whoever asks — an administrator disabling themselves included."""
    if not account.is_system_admin or account.disabled_at is not None:
        return
    others = StaffAccount.filter(is_system_admin=True, disabled_at__isnull=True).exclude(id=account.id)
    if not await others.select_for_update().exists():
        raise RuleViolation("accounts.last_admin", field="staff_id", rule="AC-4")


async def enable_account(
    staff_id: UUID, *, by: UUID | None = None, request_id: str | None = None
) -> StaffAccount:
    """A disabled account → it may sign in again; old sessions stay ended (AC-4)."""
    async with in_transaction():
        account = await _account(staff_id)
        account.disabled_at = None
        await account.save(update_fields=["disabled_at", "updated_at"])
        changes = {"disabled": [True, False]}
        await _audit_account("account.enable", account, by, changes=changes, request_id=request_id)
    return account


async def change_password(
    staff_id: UUID,
    old: str,
    new: str,
    *,
    current_session_id: UUID | None = None,
    ip: str | None = None,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> StaffAccount:
    """The right old password and a new one meeting the policy → password replaced and every
    other session ended (AC-1). Wrong old passwords count towards sign-in throttling."""
    now = now or utcnow()
    account = await _account(staff_id)
    key = throttle.account_key(account.staff.email)
    await throttle.check_sign_in(key, ip, now=now)
    if not _verify(account.password_hash, old):
        await throttle.record_sign_in_failure(key, ip, now=now)
        changes = {"reason": "wrong_password"}
        entry = {"changes": changes, "source_ip": ip, "request_id": request_id}
        await _audit_account("account.change_password", account, staff_id, "refused", **entry)
        raise ValidationFailed("accounts.wrong_password", field="old_password", rule="AC-1")
    if (error := _policy_error(new, "new_password")) is not None:
        raise error
    if new == old:
        raise ValidationFailed("accounts.password_unchanged", field="new_password", rule="AC-1")
    account.password_hash = HASHER.hash(new)
    account.password_changed_at = now
    async with in_transaction():
        await account.save(update_fields=["password_hash", "password_changed_at", "updated_at"])
        ended = await revoke_all_sessions(staff_id, except_session_id=current_session_id, now=now)
        entry = {"changes": {"sessions_ended": ended}, "source_ip": ip, "request_id": request_id}
        await _audit_account("account.change_password", account, staff_id, **entry)
    await throttle.record_sign_in_success(key)
    return account


async def admin_reset_password(
    admin_staff_id: UUID,
    staff_id: UUID,
    new: str,
    *,
    now: dt.datetime | None = None,
    request_id: str | None = None,
) -> StaffAccount:
    """An enabled system administrator, an account and a password meeting the policy → the
    password replaced, every session of that account ended, its sign-in lock lifted (AC-1, AC-4)."""
    now = now or utcnow()
    admin = await StaffAccount.filter(staff_id=admin_staff_id).first()
    if admin is None or not admin.is_system_admin or admin.disabled_at is not None:
        raise Forbidden()
    if (error := _policy_error(new, "new_password")) is not None:
        raise error
    account = await _account(staff_id)
    account.password_hash = HASHER.hash(new)
    account.password_changed_at = now
    async with in_transaction():
        await account.save(update_fields=["password_hash", "password_changed_at", "updated_at"])
        ended = await revoke_all_sessions(staff_id, now=now)
        changes = {"sessions_ended": ended}
        await _audit_account(
            "account.reset_password", account, admin_staff_id, changes=changes, request_id=request_id
        )
    await throttle.record_sign_in_success(throttle.account_key(account.staff.email))
    return account
