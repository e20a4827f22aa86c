"""The one catalogue of user-facing texts: Indonesian first, English second (Q-U3).

Errors, admin labels and CLI output take their wording from here by key, so a
translation is changed in one place. Placeholders use str.format names.
"""

from __future__ import annotations

from typing import Literal

Language = Literal["id", "en"]
DEFAULT_LANGUAGE: Language = "id"

MESSAGES: dict[str, tuple[str, str]] = {
    # generic errors
    "not_found": ("{entity} tidak ditemukan.", "{entity} not found."),
    "validation.page_size": (
        "Argumen '{field}' harus antara 0 dan {maximum}.",
        "Argument '{field}' must be between 0 and {maximum}.",
    ),
    "validation.cursor": (
        "Argumen '{field}' bukan kursor yang sah untuk daftar ini.",
        "Argument '{field}' is not a valid cursor for this list.",
    ),
    "validation.id": ("Argumen '{field}' bukan ID yang sah.", "Argument '{field}' is not a valid ID."),
    "validation.filter": ("Filter '{field}' tidak sah: {reason}", "Filter '{field}' is invalid: {reason}"),
    "validation.too_long": (
        "Argumen '{field}' terlalu panjang (maksimum {maximum} karakter).",
        "Argument '{field}' is too long (at most {maximum} characters).",
    ),
    "internal": (
        "Terjadi kesalahan tak terduga. Kode permintaan: {request_id}.",
        "An unexpected error occurred. Request id: {request_id}.",
    ),
    "unauthenticated": (
        "Anda belum masuk atau sesi telah berakhir.",
        "You are not signed in or your session ended.",
    ),
    "forbidden": ("Anda tidak berwenang melakukan ini.", "You are not allowed to do this."),
    "unavailable": ("Layanan sementara tidak tersedia.", "The service is temporarily unavailable."),
}


def message(key: str, language: Language = DEFAULT_LANGUAGE, **params: object) -> str:
    """Catalogue key + parameters → the text in `language` (Indonesian by default)."""
    indonesian, english = MESSAGES[key]
    template = english if language == "en" else indonesian
    return template.format(**params)


def both(key: str, **params: object) -> dict[str, str]:
    return {"id": message(key, "id", **params), "en": message(key, "en", **params)}
