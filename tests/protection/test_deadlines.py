"""The deadlines list, without GraphQL (PRO-3, ADM-2, SH-12): open obligations from every registered
source, earliest first, scoped to the caller (AC-12), the overdue flagged — shown with the proactive
action's one-calendar-day outcome, and a stand-in source for the workflows that plug in."""

from __future__ import annotations

import uuid

import pytest

from models.proactive_actions import ProactiveAction, ProactiveOutcome
from tests.protection.test_proactive_factories import DAY, NOW, approved, as_, executing, organisation
from workflows import deadlines
from workflows.deadlines import DeadlineItem, deadline_source, due
from workflows.engine import run
from workflows.errors import Unauthenticated
from workflows.proactive_actions import PROACTIVE
from workflows.proactive_actions.inputs import ConcludeInput


async def test_deadlines_proactive_outcome_due_then_overdue_pro_3(policies):
    # given: approved at NOW
    org = await organisation()
    action = await approved(org)
    leader = await as_(org.leaders[0])
    # when: asked within the day, and two days on
    within = await due(leader, NOW + DAY / 2)
    later = await due(leader, NOW + 2 * DAY)
    # then: due one calendar day after the approval; past it, the breach is flagged
    assert [(i.source, i.rule_id, i.record_type, i.record_id, i.code) for i in within] == [
        ("proactive_action", "PRO-3", "ProactiveAction", action.id, action.code)
    ]
    assert within[0].due_at == NOW + DAY and within[0].label_key == "workflow.proactive_action.conclude"
    assert not within[0].overdue(NOW + DAY / 2)
    assert later[0].overdue(NOW + 2 * DAY)


async def test_deadlines_proactive_outcome_recorded_leaves_the_list_pro_3(policies):
    # given: one action concluded, one still out
    org = await organisation()
    done = await executing(org)
    await run(
        PROACTIVE,
        "conclude",
        done.id,
        await as_(org.reviewers[0]),
        ConcludeInput(outcome=ProactiveOutcome.NO_APPLICATION, report="Laporan.", minutes="Risalah."),
        now=NOW,
    )
    waiting = await approved(org, at=NOW - 2 * DAY)
    # when
    items = await due(await as_(org.leaders[0]), NOW)
    # then: only the open one, overdue
    assert [(i.record_id, i.overdue(NOW)) for i in items] == [(waiting.id, True)]


async def test_deadlines_are_scoped_to_the_caller_ac_12(policies):
    # given
    org = await organisation()
    action = await approved(org)
    # when: the reporting officer (their own), an officer of another unit, the oversight-less executor
    mine = await due(await as_(org.reviewers[0]), NOW)
    others = await due(await as_(org.other_officer), NOW)
    # then
    assert [i.record_id for i in mine] == [action.id]
    assert others == []
    assert await ProactiveAction.all().count() == 1


async def test_deadlines_without_principal_is_unauthenticated():
    with pytest.raises(Unauthenticated):
        await due(None, NOW)


async def test_deadlines_merge_every_registered_source_earliest_first_pro_3(policies, monkeypatch):
    # given: a stand-in for a source another workflow registers (e.g. notification letters, ADM-2)
    org = await organisation()
    action = await approved(org)
    letter = DeadlineItem(
        "notification_letter", "ADM-2", "Document", uuid.uuid4(), "SP-0001", "not_found", NOW
    )
    monkeypatch.setattr(deadlines, "_sources", dict(deadlines._sources))

    @deadline_source("stand_in")
    async def letters_due(principal, now):
        return [letter]

    # when
    items = await due(await as_(org.leaders[0]), NOW)
    # then: both kinds, the earlier first
    assert [i.record_id for i in items] == [letter.record_id, action.id]
    assert set(deadlines.sources()) >= {"proactive_action", "stand_in"}


def test_deadline_source_name_is_registered_once():
    async def another(principal, now):
        return []

    with pytest.raises(ValueError, match="proactive_action"):
        deadline_source("proactive_action")(another)
