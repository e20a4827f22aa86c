"""Indonesian first: the panel's words, table and column labels from the one catalogue (Q-U3)."""

from __future__ import annotations

from piccolo_admin.translations.data import ENGLISH

from admin.crud import MASK_SUFFIX
from admin.labels import GROUPS, column_keys, table_key
from admin.panel import generated_tables, menu_group
from admin.translation import INDONESIAN
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
