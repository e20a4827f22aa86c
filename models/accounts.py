"""Sign-in: staff accounts and sessions, partner tokens, reporter codes and sessions, throttling
(AC-1–4, Q-S3). Credentials only; authority comes from Staff and its relations."""

from __future__ import annotations

from tortoise import fields

from models.base import PerisaiModel


class StaffAccount(PerisaiModel):
    """A staff member's sign-in account: an Argon2id password hash, never the password.
    System administrators manage accounts and policies but see no protected identity
    unless they also hold a case role (AC-4)."""

    # Never in the generated API, the admin tables or exports.
    api_exclude = ("password_hash",)

    staff: fields.OneToOneRelation = fields.OneToOneField(
        "models.Staff", related_name="staff_account", on_delete=fields.RESTRICT, description="Whose account."
    )
    password_hash = fields.CharField(max_length=255, description="Argon2id hash of the password.")
    is_system_admin = fields.BooleanField(
        default=False, db_index=True, description="Manages accounts and policies (AC-4)."
    )
    disabled_at = fields.DatetimeField(
        null=True, description="When the account was disabled; it cannot sign in."
    )
    last_login_at = fields.DatetimeField(null=True, description="Last successful sign-in.")
    password_changed_at = fields.DatetimeField(null=True, description="When the password was last set.")

    class Meta:
        table = "staff_accounts"


# Everything below holds credentials or their throttling state: hashes only, never the
# secret itself, and none of it in the generated read API (api_hidden).


class StaffSession(PerisaiModel):
    """A signed-in staff session behind an opaque bearer token (AC-1). Only the SHA-256 of
    the token is stored; the session ends at its absolute expiry, after 15 minutes idle,
    at sign-out, or when the account is disabled or its password changes."""

    api_hidden = True

    staff: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Staff", related_name="staff_sessions", on_delete=fields.RESTRICT, description="Who signed in."
    )
    token_hash = fields.CharField(max_length=64, unique=True, description="SHA-256 of the bearer token.")
    last_seen_at = fields.DatetimeField(description="Last request seen (recorded at most once a minute).")
    expires_at = fields.DatetimeField(db_index=True, description="Absolute end of the session.")
    revoked_at = fields.DatetimeField(null=True, description="When it was ended (sign-out, disabling).")
    ip = fields.CharField(max_length=64, null=True, description="Address the sign-in came from.")

    class Meta:
        table = "staff_sessions"


class PartnerToken(PerisaiModel):
    """An agency's API token with explicit scopes (AC-2). Shown once at creation; only its
    SHA-256 is kept, with a non-secret prefix to recognise it in lists. It expires within
    90 days, can be revoked at once and records its last use."""

    api_hidden = True

    agency: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Agency",
        related_name="partner_tokens",
        on_delete=fields.RESTRICT,
        description="Owning agency.",
    )
    name = fields.CharField(
        max_length=200, description="What the token is for, e.g. the police intake system."
    )
    prefix = fields.CharField(
        max_length=32, unique=True, description="Start of the token, shown in lists to recognise it."
    )
    secret_hash = fields.CharField(max_length=64, description="SHA-256 of the whole token.")
    scopes = fields.JSONField(description="Granted scopes, from the catalogue in authz/scopes.py.")
    expires_at = fields.DatetimeField(db_index=True, description="When it stops working (≤ 90 days).")
    revoked_at = fields.DatetimeField(null=True, db_index=True, description="When it was revoked.")
    last_used_at = fields.DatetimeField(null=True, description="Last request made with it (to the minute).")
    created_by: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Staff",
        related_name="partner_tokens_created",
        null=True,
        on_delete=fields.RESTRICT,
        description="Administrator who created it.",
    )
    rate_limit_per_minute = fields.IntField(default=120, description="Requests allowed per minute (Q-S3).")

    class Meta:
        table = "partner_tokens"


class OneTimeCode(PerisaiModel):
    """A 6-digit code sent to a reporter's phone (VR-1, AC-3). Stored as a salted HMAC;
    valid 5 minutes and for at most 5 attempts."""

    api_hidden = True

    phone_index = fields.CharField(max_length=64, db_index=True, description="Blind index of the phone.")
    code_hash = fields.CharField(max_length=64, description="HMAC of the code with a per-code salt.")
    salt = fields.CharField(max_length=32, description="Random salt of this code's hash.")
    issued_at = fields.DatetimeField(db_index=True, description="When the code was sent.")
    expires_at = fields.DatetimeField(description="When the code stops being accepted.")
    attempts = fields.IntField(default=0, description="Verification attempts made.")
    consumed_at = fields.DatetimeField(null=True, description="When the code was used successfully.")

    class Meta:
        table = "one_time_codes"


class ReporterSession(PerisaiModel):
    """A public reporter's phone-verified session (AC-3): reaches only that reporter's own
    reports. Only the SHA-256 of the bearer token is stored."""

    api_hidden = True

    reporter: fields.ForeignKeyRelation = fields.ForeignKeyField(
        "models.Reporter",
        related_name="reporter_sessions",
        on_delete=fields.RESTRICT,
        description="The verified reporter.",
    )
    token_hash = fields.CharField(max_length=64, unique=True, description="SHA-256 of the bearer token.")
    last_seen_at = fields.DatetimeField(description="Last request seen (recorded at most once a minute).")
    expires_at = fields.DatetimeField(db_index=True, description="Absolute end of the session.")
    revoked_at = fields.DatetimeField(null=True, description="When it was ended.")

    class Meta:
        table = "reporter_sessions"


class SignInThrottle(PerisaiModel):
    """Consecutive failed sign-ins for one e-mail address (AC-1, Q-S3), shared by every
    process. Keyed by a blind index, so the table holds no address."""

    api_hidden = True

    key = fields.CharField(max_length=100, unique=True, description="Blind index of the sign-in name.")
    consecutive_failures = fields.IntField(default=0, description="Failures since the last success.")
    last_failure_at = fields.DatetimeField(null=True, description="When the last failure happened.")

    class Meta:
        table = "sign_in_throttles"


class RateLimitBucket(PerisaiModel):
    """A fixed-window counter shared by every process (Q-S3): sign-in failures per account
    and per address, requests per partner token. Keys carry no e-mail or address in clear."""

    api_hidden = True

    key = fields.CharField(max_length=100, description="What is counted, e.g. signin:ip:<blind index>.")
    window_start = fields.DatetimeField(db_index=True, description="Start of the counting window.")
    count = fields.IntField(default=0, description="Events counted in the window.")

    class Meta:
        table = "rate_limit_buckets"
        unique_together = (("key", "window_start"),)
