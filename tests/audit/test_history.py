"""Workflow history: every state change with actor, reason and time, queryable per record (AC-15)."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from tortoise.transactions import in_transaction

from authz.principal import Principal, PrincipalKind
from models.audit import AuditEntry, WorkflowHistory
from models.audit import PrincipalKind as AuditPrincipalKind
from models.cases import CaseStatus
from tests.audit.helpers import NOW, make_case, make_staff
from workflows import audit
from workflows.history import audit_action, history_of, record_transition


async def staff_principal() -> Principal:
    staff = await make_staff()
    return Principal(kind=PrincipalKind.STAFF, staff_id=staff.id, position="unit_head")


async def test_record_transition_writes_history_and_audit_entry_ac_15(db):
    # given
    case = await make_case()
    officer = await staff_principal()
    acting_for = await make_staff()
    # when
    entry = await record_transition(
        case,
        action="close",
        from_state=CaseStatus.OPEN,
        to_state=CaseStatus.CLOSED,
        principal=officer,
        reason="Perkara selesai.",
        acting_for_id=acting_for.id,
        now=NOW,
    )
    # then
    [history] = await history_of("Case", case.id)
    assert history.id == entry.id
    assert (history.from_state, history.to_state, history.action) == ("open", "closed", "close")
    assert history.actor_id == officer.staff_id and history.acting_for_id == acting_for.id
    assert history.principal_kind == AuditPrincipalKind.STAFF and history.principal_ref is None
    assert history.reason == "Perkara selesai." and history.occurred_at == NOW
    trail = await AuditEntry.get(action="case.close")
    assert trail.subject_type == "Case" and trail.subject_id == case.id
    assert trail.changes == {"status": ["open", "closed"]}
    assert trail.principal_ref == str(officer.staff_id) and trail.occurred_at == NOW
    assert (await audit.verify()).ok


async def test_history_of_lists_one_record_oldest_first_ac_15(db):
    # given: transitions recorded out of time order, and another record's history
    case, other = await make_case(), await make_case()
    steps = [("reopen", "closed", "open", 2), ("create", None, "open", 0), ("close", "open", "closed", 1)]
    for action, before, after, minutes in steps:
        await record_transition(
            case,
            action=action,
            from_state=before,
            to_state=after,
            principal=None,
            now=NOW + dt.timedelta(minutes=minutes),
        )
    await record_transition(other, action="create", from_state=None, to_state="open", principal=None)
    # when
    history = await history_of("Case", case.id)
    # then
    assert [h.action for h in history] == ["create", "close", "reopen"]
    assert [h.from_state for h in history] == [None, "open", "closed"]
    assert await history_of("Case", uuid.uuid4()) == []


async def test_record_transition_rolls_back_with_the_workflow_step_ac_15(db):
    # given
    case = await make_case()
    # when: the step fails after recording its transition
    with pytest.raises(RuntimeError):
        async with in_transaction():
            case.status = CaseStatus.CLOSED
            await case.save()
            await record_transition(
                case, action="close", from_state="open", to_state="closed", principal=None
            )
            raise RuntimeError("a later guard refuses")
    # then: no state change, no history, no audit entry
    assert (await case.__class__.get(id=case.id)).status == CaseStatus.OPEN
    assert await history_of("Case", case.id) == []
    assert await AuditEntry.all().count() == 0


async def test_record_transition_by_partner_or_system_names_them_ac_15(db):
    # given
    case = await make_case()
    partner = Principal(kind=PrincipalKind.PARTNER_TOKEN, token_id=uuid.uuid4(), token_prefix="ppt_abc123")
    # when
    by_partner = await record_transition(
        case, action="respond", from_state="open", to_state="open", principal=partner
    )
    by_system = await record_transition(
        case, action="expire", from_state="open", to_state="closed", principal=None
    )
    # then
    assert by_partner.actor_id is None and by_partner.principal_ref == "ppt_abc123"
    assert by_partner.principal_kind == AuditPrincipalKind.PARTNER_TOKEN
    assert by_system.principal_kind == AuditPrincipalKind.SYSTEM and by_system.principal_ref is None
    kinds = await AuditEntry.all().order_by("sequence").values_list("principal_kind", flat=True)
    assert [str(k) for k in kinds] == ["partner_token", "system"]
    assert await WorkflowHistory.all().count() == 2


def test_audit_action_is_snake_case_of_the_model_ac_15():
    # then
    assert audit_action("ViolenceReport", "verify") == "violence_report.verify"
    assert audit_action("Case", "close") == "case.close"
