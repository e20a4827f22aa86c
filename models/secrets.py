"""Encryption at rest for secret fields (AC-11, APP-3, SH-2, Q-S4).

A secret column stores ``v1.<key id>.<base64url(nonce | ciphertext | tag)>``:
AES-256-GCM with a fresh 96-bit nonce per write, and the table, column and row id
bound in as associated data, so a ciphertext copied to another row or column does
not decrypt. The key id names which key of the key ring sealed it, so keys rotate
without a flag day. Exact lookups (national ID number, phone number) go through a
keyed blind index: HMAC-SHA256 under a separate key over a normalised value.

Decryption is deliberately explicit (`reveal`): a loaded row holds a `Sealed` value
whose ``repr`` shows nothing, so secret data cannot slip into a log or an error by
accident. Who may call `reveal` is decided in `authz/`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from tortoise.fields import Field

if TYPE_CHECKING:
    from tortoise.models import Model

FORMAT_VERSION = "v1"
NONCE_BYTES = 12


class SecretDecryptionError(Exception):
    """A stored secret does not decrypt under its row, column and key (tampered or moved)."""


class SecretConfigurationError(Exception):
    """No key ring is configured, or a needed key is missing."""


def key_id_for(key: bytes) -> str:
    """A short, stable, non-secret name for a key: the first 8 hex digits of its hash."""
    return hashlib.sha256(b"perisai-key-id|" + key).hexdigest()[:8]


def decode_key(text: str, name: str) -> bytes:
    """Base64 (standard or url-safe) text of exactly 32 bytes → key bytes, or a clear error."""
    try:
        raw = base64.urlsafe_b64decode(text.strip().replace("+", "-").replace("/", "_") + "==")
    except (ValueError, TypeError) as exc:
        raise SecretConfigurationError(f"{name} is not valid base64") from exc
    if len(raw) != 32:
        raise SecretConfigurationError(f"{name} must be 32 bytes (256 bits), got {len(raw)}")
    return raw


def generate_key_text() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")


@dataclass(frozen=True)
class KeyRing:
    """The active data key, older keys still accepted for reading, and the blind-index key."""

    active: bytes
    index_key: bytes
    retired: tuple[bytes, ...] = ()

    @property
    def active_id(self) -> str:
        return key_id_for(self.active)

    def key(self, key_id: str) -> bytes:
        for candidate in (self.active, *self.retired):
            if key_id_for(candidate) == key_id:
                return candidate
        raise SecretConfigurationError(f"no key with id {key_id} in the key ring")


_keyring: KeyRing | None = None


def configure_keyring(keyring: KeyRing) -> None:
    global _keyring
    _keyring = keyring


def get_keyring() -> KeyRing:
    if _keyring is None:
        raise SecretConfigurationError("the encryption key ring is not configured")
    return _keyring


def _aad(table: str, column: str, row_id: Any) -> bytes:
    return f"perisai|{table}|{column}|{row_id}".encode()


def seal(plaintext: str, table: str, column: str, row_id: Any) -> str:
    """Plaintext bound to (table, column, row) → a stored token under the active key."""
    ring = get_keyring()
    nonce = os.urandom(NONCE_BYTES)
    body = AESGCM(ring.active).encrypt(nonce, plaintext.encode(), _aad(table, column, row_id))
    payload = base64.urlsafe_b64encode(nonce + body).decode().rstrip("=")
    return f"{FORMAT_VERSION}.{ring.active_id}.{payload}"


def token_key_id(token: str) -> str:
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != FORMAT_VERSION:
        raise SecretDecryptionError("not a sealed value")
    return parts[1]


def unseal(token: str, table: str, column: str, row_id: Any) -> str:
    """A stored token → plaintext, only under the row, column and key it was sealed for."""
    key_id = token_key_id(token)
    try:
        raw = base64.urlsafe_b64decode(token.split(".")[2] + "==")
    except (ValueError, TypeError) as exc:
        raise SecretDecryptionError("malformed sealed value") from exc
    if len(raw) <= NONCE_BYTES:
        raise SecretDecryptionError("malformed sealed value")
    key = get_keyring().key(key_id)
    try:
        plain = AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _aad(table, column, row_id))
    except InvalidTag as exc:
        raise SecretDecryptionError(f"sealed value does not belong to {table}.{column}") from exc
    return plain.decode()


class Sealed:
    """A secret as loaded from the database: ciphertext only, never shown by repr/str."""

    __slots__ = ("token",)

    def __init__(self, token: str) -> None:
        self.token = token

    def __repr__(self) -> str:
        return "<Sealed>"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sealed) and other.token == self.token

    def __hash__(self) -> int:
        return hash(self.token)


# --- blind index -----------------------------------------------------------------


def normalise_text(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip().casefold()


def normalise_digits(value: str) -> str:
    """National ID numbers: digits only."""
    return re.sub(r"\D", "", value)


def normalise_phone(value: str) -> str:
    """Indonesian phone numbers: digits only, a leading 0 or +62 both become 62."""
    digits = re.sub(r"\D", "", value)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits


def blind_index(value: str, purpose: str, normalise: Callable[[str], str] = normalise_text) -> str:
    """Keyed HMAC-SHA256 of a normalised value, separated by purpose (e.g. 'phone')."""
    key = get_keyring().index_key
    message = f"{purpose}|{normalise(value)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


# --- the Tortoise field ---------------------------------------------------------------


class EncryptedField(Field[Any]):
    """A secret text column: AES-256-GCM at rest, bound to its table, column and row.

    ``blind_index`` names a sibling CharField that `PerisaiModel.save` fills with the
    keyed hash of the value, so exact lookups work without decrypting.
    """

    SQL_TYPE = "TEXT"
    indexable = False
    field_type = Sealed
    is_secret = True

    def __init__(
        self,
        blind_index: str | None = None,
        normalise: Callable[[str], str] = normalise_text,
        index_purpose: str | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("null", True)
        super().__init__(**kwargs)
        self.blind_index_field = blind_index
        self.normalise = normalise
        self.index_purpose = index_purpose

    def to_db_value(self, value: Any, instance: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, Sealed):
            return value.token
        if not isinstance(value, str):
            raise TypeError(f"{self.model_field_name}: a secret field takes text")
        if not hasattr(instance, "_saved_in_db"):
            # Filters and bulk UPDATEs have no row to bind the ciphertext to.
            raise SecretConfigurationError(
                f"{self.model_field_name} is secret: it can only be written through a model "
                "instance and looked up through its blind index"
            )
        return seal(value, instance._meta.db_table, self.source_field or self.model_field_name, instance.pk)

    def to_python_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return Sealed(value)
        return value


def secret_fields(model: type[Model]) -> dict[str, EncryptedField]:
    return {
        name: field for name, field in model._meta.fields_map.items() if isinstance(field, EncryptedField)
    }


def reveal(instance: Model, field_name: str) -> str | None:
    """A model instance's secret field → plaintext (raises if it was moved or tampered with)."""
    value = getattr(instance, field_name)
    if value is None or isinstance(value, str):
        return value
    field = instance._meta.fields_map[field_name]
    column = field.source_field or field_name
    return unseal(value.token, instance._meta.db_table, column, instance.pk)


def mask(plaintext: str | None) -> str | None:
    """'Siti Aminah' → 'S***h': enough to recognise, not enough to identify (AC-11)."""
    if plaintext is None:
        return None
    text = plaintext.strip()
    if not text:
        return ""
    if len(text) <= 2:
        return "*" * len(text)
    return f"{text[0]}***{text[-1]}"
