"""What the admin panel says when it refuses: Indonesian first, with the rule id (Q-U3, Q-S2).

The texts live in the one catalogue (workflows/messages.py). piccolo-admin shows the `detail`
of a 405 (a sentence) and of a 422 (a list of `{loc, msg}`), so refusals take those forms; any
other exception would reach the user as a bare 500.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from workflows.messages import MESSAGES as CATALOGUE
from workflows.messages import Language, message

MESSAGES: dict[str, tuple[str, str]] = {
    "admin.with_rule": ("{text} (aturan {rule})", "{text} (rule {rule})"),
    "admin.sign_in_failed": ("E-mail atau kata sandi salah.", "Wrong e-mail or password."),
    "admin.no_panel": (
        "Akun Anda tidak berwenang membuka panel admin.",
        "Your account may not open the admin panel.",
    ),
    "admin.forbidden": (
        "Anda tidak berwenang {action} data {table}.",
        "You may not {action} {table} records.",
    ),
    "admin.out_of_scope": (
        "Data ini berada di luar unit kewenangan Anda.",
        "This record lies outside the units you have authority over.",
    ),
    "admin.workflow_owned": (
        "Kolom '{column}' dikelola alur kerja dan hanya berubah melalui langkah alur kerjanya.",
        "Column '{column}' is owned by a workflow and changes only through its workflow steps.",
    ),
    "admin.read_only_table": (
        "Data {table} hanya dapat dibaca di panel admin; isinya ditulis oleh alur kerja.",
        "{table} records are read-only in the admin panel; workflows write them.",
    ),
    "admin.use_patch": (
        "Penggantian seluruh baris tidak didukung; ubah kolom yang perlu saja.",
        "Replacing a whole row is not supported; change the columns that need it.",
    ),
    "admin.passwords_differ": (
        "Konfirmasi kata sandi baru tidak sama.",
        "The new password confirmation does not match.",
    ),
    "admin.password_fields_missing": (
        "Isi kata sandi lama, kata sandi baru dan konfirmasinya.",
        "Fill in the current password, the new one and its confirmation.",
    ),
    "admin.masked_help": (
        "Disamarkan untuk mengenali data saja; nilai aslinya rahasia dan tidak diubah di sini (AC-11).",
        "Masked, only to recognise the record; the value is secret and not changed here (AC-11).",
    ),
    "admin.action.read": ("membaca", "read"),
    "admin.action.create": ("menambah", "add"),
    "admin.action.update": ("mengubah", "change"),
    "admin.action.manage": ("menghapus", "delete"),
}
CATALOGUE.update(MESSAGES)


def text(key: str, language: Language, rule: str | None = None, **params: Any) -> str:
    """Catalogue key → the sentence in `language`, followed by the rule id when there is one."""
    sentence = message(key, language, **params)
    return message("admin.with_rule", language, text=sentence, rule=rule) if rule else sentence


def refusal(key: str, language: Language, *, rule: str | None = None, **params: Any) -> HTTPException:
    """A refused operation → the 405 piccolo-admin shows as a message."""
    return HTTPException(status_code=405, detail=text(key, language, rule, **params))


def field_refusal(
    field: str, key: str, language: Language, *, rule: str | None = None, **params: Any
) -> HTTPException:
    """A refused value of one column → the 422 piccolo-admin shows beside the form."""
    detail = [{"loc": ["body", field], "msg": text(key, language, rule, **params), "type": "value_error"}]
    return HTTPException(status_code=422, detail=detail)
