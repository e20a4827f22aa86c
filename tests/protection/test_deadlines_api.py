"""The deadlines query, as the roles of the demo organisation (PRO-3, AC-12): the demo's proactive
action past its one-day deadline is listed and flagged overdue for those who may read it, and for
no one else; without a sign-in, UNAUTHENTICATED."""

from __future__ import annotations

import pytest

from models.proactive_actions import ProactiveAction, ProactiveStatus
from tests.client import error_codes, execute
from tests.organisation.conftest import demo  # noqa: F401 — the demo fixture
from tests.protection.test_proactive_factories import payload

DEADLINES = """
query Deadlines { deadlines { source rule recordType recordId code label dueAt overdue } }
"""


async def test_deadlines_show_the_overdue_proactive_action_to_leaders_pro_3(demo):  # noqa: F811
    # given: the demo's action still being carried out, approved two days ago
    action = await ProactiveAction.get(status=ProactiveStatus.EXECUTING)
    # when
    items = payload(await execute(DEADLINES, as_=demo["leader"], language="en"), "deadlines")
    # then: its outcome was due a day after the approval — the breach is flagged
    mine = [i for i in items if i["recordId"] == str(action.id)]
    assert [(i["source"], i["rule"], i["recordType"], i["code"], i["overdue"]) for i in mine] == [
        ("proactive_action", "PRO-3", "ProactiveAction", action.code, True)
    ]
    assert mine[0]["label"] == "Record the outcome of the proactive action"
    assert [i["dueAt"] for i in items] == sorted(i["dueAt"] for i in items)


# Not the house manager: on the staff of the rights-fulfilment bureau, they read the letters it delivers
# (ADM-2) — tests/protection/test_deadlines_letters.py.
@pytest.mark.parametrize("role", ["reporter", "partner", "executor", "hr_staff", "expert"])
async def test_deadlines_of_what_one_cannot_read_are_not_listed_ac_12(demo, role):  # noqa: F811
    assert payload(await execute(DEADLINES, as_=demo[role]), "deadlines") == []


async def test_deadlines_without_sign_in_is_unauthenticated(demo):  # noqa: F811
    assert error_codes(await execute(DEADLINES, as_=None)) == ["UNAUTHENTICATED"]
