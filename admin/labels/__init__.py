"""Table and column labels of the panel, in the one catalogue: Indonesian first, English second (Q-U3).

Piccolo has no verbose names, so labels reach the UI through the table schema the panel serves
(admin/crud.py) in the language the user picked. Keys: `admin.table.<table>`,
`admin.column.<column>` (or `admin.column.<table>.<column>` where a column needs its own word in
one table; the workflow forms title their input fields by the same keys), `admin.group.<module>`
for the menu groups, and for the values of enum columns in dropdowns and filters
`admin.choice.<Enum>.<value>` (the value's word in that enum) and `admin.choice.<value>` (its word
where the enum is not known). The Indonesian words are written in admin/labels/tables.py,
columns*.py, form_fields.py (form fields that are no column), values_*.py (one per domain, keyed by
enum) and choices.py (state values, and the enum-less word of values several enums use); the
English ones follow from the names, unless form_fields.py gives one. Every generated table and
column, every field of a workflow form, and every value of every enum a model column stores, must
have its Indonesian label: tests/admin check it.
"""

from __future__ import annotations

from collections import defaultdict
from enum import Enum

from admin.labels.choices import CHOICES, SHARED
from admin.labels.columns import COLUMNS as COLUMNS_A_K
from admin.labels.columns_l_z import COLUMNS as COLUMNS_L_Z
from admin.labels.form_fields import FORM_FIELDS
from admin.labels.tables import GROUPS, TABLES
from admin.labels.values_organisation import VALUES as VALUES_ORGANISATION
from admin.labels.values_protection import VALUES as VALUES_PROTECTION
from admin.labels.values_reports import VALUES as VALUES_REPORTS
from admin.labels.values_safe_houses import VALUES as VALUES_SAFE_HOUSES
from workflows.messages import MESSAGES as CATALOGUE
from workflows.messages import Language, message


def english(name: str) -> str:
    """A table or column name → its English label ('owning_unit_id' → 'Owning unit')."""
    if name.endswith("_masked"):
        return f"{english(name.removesuffix('_masked'))} (masked)"
    words = name.removesuffix("_id").split("_") if name != "id" else ["ID"]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


COLUMNS = {**COLUMNS_A_K, **COLUMNS_L_Z}


def form_field_labels(name: str, label: str | tuple[str, str]) -> tuple[str, str]:
    """A workflow form field's entry (admin/labels/form_fields.py) → its (Indonesian, English) labels."""
    return label if isinstance(label, tuple) else (label, english(name.rsplit(".", 1)[-1]))


# enum → stored value → its Indonesian word in that enum; state values fall back to CHOICES.
VALUES: dict[type[Enum], dict[str, str]] = {
    **VALUES_ORGANISATION,
    **VALUES_PROTECTION,
    **VALUES_REPORTS,
    **VALUES_SAFE_HOUSES,
}


def _words_by_value() -> dict[str, str]:
    """Each stored value → its word where the enum is not known: the state word, the shared word,
    or the one word every enum gives it. A value whose enums disagree and that has no shared word
    is left out (tests/admin fail on it)."""
    words: dict[str, set[str]] = defaultdict(set)
    for values in VALUES.values():
        for value, word in values.items():
            words[value].add(word)
    agreed = {value: next(iter(said)) for value, said in words.items() if len(said) == 1}
    return {**agreed, **CHOICES, **SHARED}


WORDS_BY_VALUE = _words_by_value()


def choice_key(value: str, enum: type[Enum] | None = None) -> str:
    return f"admin.choice.{enum.__name__}.{value}" if enum is not None else f"admin.choice.{value}"


MESSAGES: dict[str, tuple[str, str]] = {
    **{f"admin.table.{name}": (label, english(name)) for name, label in TABLES.items()},
    **{f"admin.column.{name}": (label, english(name.rsplit(".", 1)[-1])) for name, label in COLUMNS.items()},
    **{f"admin.column.{name}": form_field_labels(name, label) for name, label in FORM_FIELDS.items()},
    **{f"admin.group.{name}": labels for name, labels in GROUPS.items()},
    **{choice_key(value): (label, english(value)) for value, label in WORDS_BY_VALUE.items()},
    **{
        choice_key(value, enum): (label, english(value))
        for enum, values in VALUES.items()
        for value, label in values.items()
    },
}
CATALOGUE.update(MESSAGES)


def table_key(table: str) -> str:
    return f"admin.table.{table}"


def column_keys(column: str, table: str | None = None) -> tuple[str, ...]:
    """Catalogue keys that may label `column`, the most specific first."""
    specific = (f"admin.column.{table}.{column}",) if table else ()
    return (*specific, f"admin.column.{column}")


def table_label(table: str, language: Language) -> str:
    key = table_key(table)
    return message(key, language) if key in CATALOGUE else english(table)


def column_label(column: str, language: Language, table: str | None = None) -> str:
    for key in column_keys(column, table):
        if key in CATALOGUE:
            return message(key, language)
    return english(column)


def group_label(group: str, language: Language) -> str:
    key = f"admin.group.{group}"
    return message(key, language) if key in CATALOGUE else english(group)


def choice_label(value: str, language: Language, enum: type[Enum] | None = None) -> str | None:
    """A stored enum value → its words in `language`, or None where the catalogue has none. Given the
    enum (a column's `choices`), the value's word in that enum ('emergency' of a placement is not
    that of a decision); without it, the word shown for the value whatever its enum."""
    for key in (choice_key(value, enum), choice_key(value)) if enum is not None else (choice_key(value),):
        if key in CATALOGUE:
            return message(key, language)
    return None
