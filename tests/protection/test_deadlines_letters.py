"""The protectee's notification letter in the deadlines list (ADM-2, Pasal 17(2), AC-12): due by the
end of the seventh day after the decision, flagged overdue past it, gone once delivered, and listed only
to those who may read the letter — through the workflow and through the `deadlines` query."""

from __future__ import annotations

import datetime as dt
import uuid

from authz.principal import Principal, PrincipalKind
from models.documents import DeliveryMethod, DocumentKind
from tests.client import execute
from tests.protection.factories import (
    DAY,
    NOW,
    TODAY,
    accepted,
    decide,
    document,
    grants,
    requested,
    reviewed,
    world,
)
from workflows.deadlines import due
from workflows.documents import DOCUMENT, DeliverInput
from workflows.documents.due import end_of
from workflows.engine import LOCAL_TIMEZONE, run
from workflows.history import utcnow

SOURCE = "notification_letter"
DEADLINES = """
query Deadlines { deadlines { source rule recordType recordId code label dueAt overdue } }
"""


def letters(items: list) -> list:
    return [item for item in items if item.source == SOURCE]


async def test_deadlines_notification_letter_due_by_the_seventh_day_adm_2(policies):
    # given: a decision of today
    w = await world()
    letter = await document(await accepted(w), DocumentKind.NOTIFICATION_PROTECTEE)
    head = await w.as_("rights_head")
    # when: asked on the seventh day
    [item] = letters(await due(head, NOW + 7 * DAY))
    # then: the letter, due at the last moment of the seventh day in Jakarta — not yet overdue
    assert (item.rule_id, item.record_type, item.record_id, item.code, item.label_key) == (
        "ADM-2",
        "Document",
        letter.id,
        letter.number,
        "documents.notification_due",
    )
    assert item.due_at == end_of(TODAY + 7 * DAY)
    assert item.due_at.astimezone(LOCAL_TIMEZONE).date() == TODAY + 7 * DAY
    assert not item.overdue(NOW + 7 * DAY) and not item.overdue(item.due_at)


async def test_deadlines_notification_letter_overdue_after_the_seventh_day_adm_2(policies):
    # given
    w = await world()
    letter = await document(await accepted(w), DocumentKind.NOTIFICATION_PROTECTEE)
    officer = await w.as_("rights_officer")
    # when: asked on the eighth day
    [item] = letters(await due(officer, NOW + 8 * DAY))
    # then: still listed, flagged — the moment after the seventh day ends is a breach
    assert item.record_id == letter.id
    assert item.overdue(NOW + 8 * DAY) and item.overdue(item.due_at + dt.timedelta(microseconds=1))


async def test_deadlines_notification_letter_delivered_leaves_the_list_adm_2(policies):
    # given: two decisions' letters, one delivered late
    w = await world()
    delivered = await document(await accepted(w), DocumentKind.NOTIFICATION_PROTECTEE)
    waiting = await document(await accepted(w, nik="3174010101900002"), DocumentKind.NOTIFICATION_PROTECTEE)
    head = await w.as_("rights_head")
    before = [i.record_id for i in letters(await due(head, NOW + 8 * DAY))]
    # when
    await run(
        DOCUMENT,
        "deliver",
        delivered.id,
        await w.as_("rights_officer"),
        DeliverInput(DeliveryMethod.POST),
        now=NOW + 8 * DAY,
    )
    after = [i.record_id for i in letters(await due(head, NOW + 9 * DAY))]
    # then: the delivered one is gone, the other still there; the letter to law enforcement never was
    assert sorted(before) == sorted([delivered.id, waiting.id])
    assert after == [waiting.id]


async def test_deadlines_notification_letter_out_of_scope_is_not_listed_ac_12(policies):
    # given: a letter due; the police hold a token reading the notices addressed to them (ADM-3)
    w = await world()
    await accepted(w)
    police = Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=uuid.uuid4(),
        agency_id=w.police.id,
        scopes=frozenset({"notifications:read"}),
    )
    # when
    seen = {
        role: letters(await due(principal, NOW + 8 * DAY))
        for role, principal in {
            "rights_officer": await w.as_("rights_officer"),
            "reviewer": await w.as_("reviewer"),
            "outsider": await w.as_("outsider"),
            "police": police,
        }.items()
    }
    # then: the rights-fulfilment unit, which delivers it, sees it; the reviewers, an officer of another
    # unit and the agency (its own letter is not the protectee's) do not
    assert {role: len(items) for role, items in seen.items()} == {
        "rights_officer": 1,
        "reviewer": 0,
        "outsider": 0,
        "police": 0,
    }


async def test_deadlines_query_lists_due_and_overdue_letters_in_the_callers_language_adm_2(policies):
    # given: a decision of months ago (its letter overdue) and one of today (its letter due)
    w = await world()
    late = await document(await accepted(w), DocumentKind.NOTIFICATION_PROTECTEE)
    now = utcnow()
    today = now.astimezone(LOCAL_TIMEZONE).date()
    application = await reviewed(w, nik="3174010101900003")
    recent = await decide(
        w, application, at=now, grants=grants(await requested(application), starts_on=today)
    )
    fresh = await document(recent, DocumentKind.NOTIFICATION_PROTECTEE)
    # when
    english = await execute(DEADLINES, as_=await w.as_("rights_head"), language="en")
    indonesian = await execute(DEADLINES, as_=await w.as_("rights_officer"))
    outsider = await execute(DEADLINES, as_=await w.as_("outsider"))
    # then: both, earliest first, the breach flagged; labelled in the caller's language; not for others
    assert english.errors is None, english.errors
    items = [i for i in english.data["deadlines"] if i["source"] == SOURCE]
    assert [(i["recordId"], i["code"], i["rule"], i["overdue"]) for i in items] == [
        (str(late.id), late.number, "ADM-2", True),
        (str(fresh.id), fresh.number, "ADM-2", False),
    ]
    assert items[0]["label"].startswith("Deliver the notification letter to the protectee")
    assert dt.datetime.fromisoformat(items[1]["dueAt"]) == end_of(today + 7 * DAY)
    assert indonesian.data["deadlines"][0]["label"].startswith("Sampaikan surat pemberitahuan")
    assert outsider.data["deadlines"] == []
