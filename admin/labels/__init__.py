"""Table and column labels of the panel, in the one catalogue: Indonesian first, English second (Q-U3).

Piccolo has no verbose names, so labels reach the UI through the table schema the panel serves
(admin/crud.py) in the language the user picked. Keys: `admin.table.<table>`,
`admin.column.<column>` (or `admin.column.<table>.<column>` where a column needs its own word in
one table), `admin.group.<module>` for the menu groups, `admin.choice.<value>` for state values in dropdowns. The Indonesian words are written in
admin/labels/tables.py and columns*.py; the English ones follow from the names. Every generated
table and column must have its Indonesian label: tests/admin check it.
"""

from __future__ import annotations

from admin.labels.choices import CHOICES
from admin.labels.columns import COLUMNS as COLUMNS_A_K
from admin.labels.columns_l_z import COLUMNS as COLUMNS_L_Z
from admin.labels.tables import GROUPS, TABLES
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

MESSAGES: dict[str, tuple[str, str]] = {
    **{f"admin.table.{name}": (label, english(name)) for name, label in TABLES.items()},
    **{f"admin.column.{name}": (label, english(name.rsplit(".", 1)[-1])) for name, label in COLUMNS.items()},
    **{f"admin.group.{name}": labels for name, labels in GROUPS.items()},
    **{f"admin.choice.{value}": (label, english(value)) for value, label in CHOICES.items()},
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


def choice_label(value: str, language: Language) -> str | None:
    """A stored enum value → its words in `language`, or None where the catalogue has none."""
    key = f"admin.choice.{value}"
    return message(key, language) if key in CATALOGUE else None
