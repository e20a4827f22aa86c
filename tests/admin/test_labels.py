"""Indonesian first: the panel's words, table and column labels from the one catalogue (Q-U3)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from piccolo_admin.translations.data import ENGLISH
from tortoise import Tortoise
from tortoise.fields.data import CharEnumFieldInstance, IntEnumFieldInstance

from admin.crud import MASK_SUFFIX
from admin.forms import RECORD_FIELD, workflow_forms
from admin.labels import CHOICES, COLUMNS, GROUPS, VALUES, choice_label, column_keys, table_key
from admin.labels.form_fields import FORM_FIELDS
from admin.panel import generated_tables, menu_group
from admin.tables import admin_models
from admin.translation import INDONESIAN
from models.cases import ProtecteeRole
from models.documents import OfficialRecordType
from models.organisation import Position
from models.placements import PlacementKind, PlacementStatus
from tests.admin.conftest import open_panel, system_admin
from workflows.messages import MESSAGES


async def test_labels_every_table_and_column_has_an_indonesian_label_q_u3(db):
    # given
    tables = generated_tables(db.settings)
    # then: a new model or column without its Indonesian label fails here
    missing = [name for name in tables.by_name if table_key(name) not in MESSAGES]
    for admin in tables.by_name.values():
        columns = [*admin.fields, *(f"{name}{MASK_SUFFIX}" for name in admin.masked)]
        missing += [
            f"{admin.name}.{column}"
            for column in columns
            if not any(key in MESSAGES for key in column_keys(column, admin.name))
        ]
    assert missing == []
    assert {menu_group(admin) for admin in tables.by_name.values()} <= set(GROUPS)


def test_labels_every_field_of_every_workflow_form_has_an_indonesian_label_q_u3():
    # given: every generated form, one per workflow step an actor takes
    forms = workflow_forms()
    # then: a new input field without its Indonesian label fails here — a column's label, or one in
    # admin/labels/form_fields.py (`<table>.<field>` where one form needs its own word)
    missing = [
        f"{form.slug}: {name}"
        for form in forms
        for name in form.model.model_fields
        if name != RECORD_FIELD and not any(key in MESSAGES for key in column_keys(name, form.table))
    ]
    assert missing == []
    # and the record-id field is titled by its own message, naming the table
    assert "admin.form.record" in MESSAGES
    assert any(RECORD_FIELD in form.model.model_fields for form in forms)
    # and a form field's word never silently replaces a column's
    assert set(FORM_FIELDS) & set(COLUMNS) == set()


FORM_TEAM = "/admin/api/forms/proactive_action.form_team/schema/"


async def test_form_schema_titles_fields_in_indonesian_by_default_and_english_when_chosen_q_u3(policies):
    # given
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when: a workflow form whose fields are no table column (PRO-2, PRO-4)
        indonesian = (await panel.get(FORM_TEAM)).json()
        await panel.get("/admin/public/translations/en/")  # the UI switching language
        english = (await panel.get(FORM_TEAM)).json()
    # then: the regulations' words, not the English made from the field's name
    titles = {name: prop["title"] for name, prop in indonesian["properties"].items()}
    assert titles["officer_ids"] == "Petugas"
    assert titles["assignment_letter_ids"] == "Surat Penugasan para Petugas"
    assert titles["lead_id"] == "Ketua tim"
    assert titles[RECORD_FIELD] == "ID Tindakan Proaktif"
    # and in English once chosen
    assert english["properties"]["officer_ids"]["title"] == "Officers"
    assert english["properties"]["assignment_letter_ids"]["title"] == "Assignment letters of the officers"


def test_translation_indonesian_covers_every_phrase_of_the_panel_q_u3():
    # then: an upgrade of piccolo-admin adding a phrase fails here
    assert set(ENGLISH.translations) - set(INDONESIAN.translations) == set()
    assert INDONESIAN.language_code == "id"
    assert all(text.strip() for text in INDONESIAN.translations.values())


async def test_schema_titles_are_indonesian_by_default_and_english_when_chosen_q_u3(policies):
    # given
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        indonesian = (await panel.get("/admin/api/tables/units/schema/")).json()
        await panel.get("/admin/public/translations/en/")  # the UI switching language
        english = (await panel.get("/admin/api/tables/units/schema/")).json()
    # then
    assert indonesian["title"] == "Unit Kerja" and english["title"] == "Units"
    assert indonesian["properties"]["parent_id"]["title"] == "Unit induk"
    assert english["properties"]["parent_id"]["title"] == "Parent"
    assert indonesian["properties"]["is_administrative"]["title"] == "Unit administratif"


async def test_menu_groups_and_labels_follow_the_language_q_u3(policies):
    # given
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when
        grouped = (await panel.get("/admin/api/tables/grouped/")).json()["grouped"]
        labels = (await panel.get("/admin/perisai-labels.json")).json()
        await panel.get("/admin/public/translations/en/")
        english = (await panel.get("/admin/perisai-labels.json")).json()
        page = await panel.get("/admin/")
    # then
    assert "units" in grouped["Organisasi"]
    assert labels["language"] == "id" and labels["tables"]["safe_houses"] == "Rumah Aman"
    assert english["language"] == "en" and english["tables"]["safe_houses"] == "Safe houses"
    assert "perisai-labels.json" in page.text  # the script that labels the menu and titles


async def test_translations_offer_indonesian_first_then_english_q_u3(db):
    # when
    async with open_panel(db) as panel:
        listed = (await panel.get("/admin/public/translations/")).json()
        indonesian = (await panel.get("/admin/public/translations/id/")).json()
    # then
    assert listed["default_language_code"] == "id"
    assert [t["language_code"] for t in listed["translations"]] == ["id", "en"]
    assert indonesian["translations"]["Login"] == "Masuk"


def model_enums() -> dict[type[Enum], list[str]]:
    """Every enum a model column stores → the columns storing it."""
    admin_models()  # the models' metadata, without a database
    enums: dict[type[Enum], list[str]] = {}
    for model in Tortoise.apps["models"].values():
        for name, field in model._meta.fields_map.items():
            if isinstance(field, (CharEnumFieldInstance, IntEnumFieldInstance)):
                enums.setdefault(field.enum_type, []).append(f"{model._meta.db_table}.{name}")
    return enums


def test_labels_every_enum_value_of_every_model_column_has_an_indonesian_word_q_u3():
    # given
    enums = model_enums()
    # then: a new enum, or a new value of one, without its Indonesian word fails here — its own word
    # in admin/labels/values_*.py, or a state word in admin/labels/choices.py
    missing = [
        f"{enum.__name__}.{member.value} ({', '.join(columns)})"
        for enum, columns in enums.items()
        for member in enum
        if str(member.value) not in VALUES.get(enum, {}) and str(member.value) not in CHOICES
    ]
    assert missing == []
    # and the panel has a word for every value even where it does not pass the enum
    assert [
        f"{e.__name__}.{m.value}" for e in enums for m in e if choice_label(str(m.value), "id") is None
    ] == []
    # and no word is left for a value that is gone, nor for an enum no column stores
    stale = [
        f"{e.__name__}.{v}"
        for e, values in VALUES.items()
        for v in values
        if v not in {str(m.value) for m in e}
    ]
    assert stale == [] and set(VALUES) <= set(enums)
    assert len({enum.__name__ for enum in enums}) == len(enums)  # the catalogue keys by the enum's name


def test_choice_label_same_value_in_two_enums_takes_each_enums_word_q_u3():
    # when
    placement = choice_label("emergency", "id", PlacementKind)
    record = choice_label("emergency", "id", OfficialRecordType)
    role = choice_label("expert", "id", ProtecteeRole)
    position = choice_label("expert", "id", Position)
    # then: keyed by (enum, value), not by the value alone
    assert placement == "Perlindungan Darurat" and record == "Berita acara Perlindungan Darurat"
    assert role == "Ahli" and position == "Tenaga Ahli"
    # a state value takes its state word; without the enum, the value's shared word
    assert choice_label("approved", "id", PlacementStatus) == "Disetujui"
    assert choice_label("emergency", "id") == "Darurat"
    assert choice_label("emergency", "en", PlacementKind) == "Emergency"


def named(schema: dict[str, Any], column: str) -> dict[str, str]:
    """A column's dropdown in a table schema: stored value → the word shown."""
    choices = schema["properties"][column]["extra"]["choices"].values()
    return {choice["value"]: choice["display_name"] for choice in choices}


async def test_schema_enum_choices_are_named_in_indonesian_and_keep_their_stored_values_q_u3(policies):
    # given
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when: the dropdown and filter of a kind column, and of a role column
        assignments = (await panel.get("/admin/api/tables/assignments/schema/")).json()
        protectees = (await panel.get("/admin/api/tables/protectees/schema/")).json()
        await panel.get("/admin/public/translations/en/")
        english = (await panel.get("/admin/api/tables/assignments/schema/")).json()
    # then: the stored value stays, the word shown is Indonesian (English once chosen)
    assert named(assignments, "kind") == {
        "appointment": "Penunjukan",
        "voluntary_application": "Pengajuan Sukarela",
    }
    assert named(protectees, "role") == {
        "witness": "Saksi",
        "victim": "Korban",
        "justice_collaborator": "Saksi Pelaku",
        "whistleblower": "Pelapor",
        "expert": "Ahli",
        "related_testimony": "Pemberi keterangan terkait perkara",
    }
    assert named(english, "kind")["voluntary_application"] == "Voluntary application"


async def test_schema_same_value_in_two_enums_shows_each_columns_word_q_u3(policies):
    # given
    await system_admin()
    async with open_panel(policies) as panel:
        await panel.sign_in("admin@perisai.example")
        # when: 'emergency' as a placement's kind (emergency protection) and elsewhere
        placements = (await panel.get("/admin/api/tables/placements/schema/")).json()
    # then: the placement column's own word, not the general one
    assert named(placements, "kind")["emergency"] == "Perlindungan Darurat"
