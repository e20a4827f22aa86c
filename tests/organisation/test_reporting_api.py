"""Reporting through GraphQL, as the roles of the demo organisation: reports up the line (RPT-1 …
RPT-4), the Secretary General's request (RPT-2), escalations (RPT-5), coordination notes (RPT-6,
AC-9) — the right office takes each step, every other demo role is refused with nothing changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.assignments import Assignment, Team
from models.organisation import Staff, Unit
from models.performance import Escalation, WorkReport, WorkReportStatus
from tests.authz.demo_roles import ROLES
from tests.client import error_codes, execute
from tests.organisation.conftest import Demo, as_staff
from tests.organisation.test_reporting_factories import (
    outcomes,
    payload,
    refused_everywhere,
    snapshot,
)

_ERROR = "... on MutationError { code message field rule }"
DRAFT = f"""
mutation Draft($input: WorkReportDraftInput!) {{
  workReportDraft(input: $input) {{
    __typename
    ... on WorkReportDraftSuccess {{ record {{ id status kind recipientId throughId teamId }} }}
    {_ERROR}
  }}
}}
"""
REQUEST = f"""
mutation Request($input: WorkReportRequestInput!) {{
  workReportRequest(input: $input) {{
    __typename
    ... on WorkReportRequestSuccess {{ record {{ id status kind dueOn authorId recipientId requestedById }} }}
    {_ERROR}
  }}
}}
"""
SUBMIT = f"""
mutation Submit($id: ID!, $input: WorkReportSubmitInput!) {{
  workReportSubmit(id: $id, input: $input) {{
    __typename
    ... on WorkReportSubmitSuccess {{ record {{ id status summary submittedAt }} }}
    {_ERROR}
  }}
}}
"""
FORWARD = f"""
mutation Forward($id: ID!) {{
  workReportForward(id: $id) {{
    __typename
    ... on WorkReportForwardSuccess {{ record {{ status throughId }} }}
    {_ERROR}
  }}
}}
"""
RECEIVE = f"""
mutation Receive($id: ID!) {{
  workReportReceive(id: $id) {{
    __typename
    ... on WorkReportReceiveSuccess {{ record {{ status }} }}
    {_ERROR}
  }}
}}
"""
RAISE = f"""
mutation Raise($input: EscalationRaiseInput!) {{
  escalationRaise(input: $input) {{
    __typename
    ... on EscalationRaiseSuccess {{ record {{ id status raisedById raisedToId recommendation }} }}
    {_ERROR}
  }}
}}
"""
RESOLVE = f"""
mutation Resolve($id: ID!, $input: EscalationResolveInput!) {{
  escalationResolve(id: $id, input: $input) {{
    __typename
    ... on EscalationResolveSuccess {{ record {{ status resolution resolvedAt }} }}
    {_ERROR}
  }}
}}
"""
RECORD_NOTE = f"""
mutation Note($input: CoordinationNoteRecordInput!) {{
  coordinationNoteRecord(input: $input) {{
    __typename
    ... on CoordinationNoteRecordSuccess {{ record {{ id status stage authorId withStaffId }} }}
    {_ERROR}
  }}
}}
"""
AVAILABLE = """
query Available($type: WorkflowRecordType!, $id: ID!) {
  availableActions(recordType: $type, id: $id) { action mutation rules }
}
"""
SUMMARY = "Tiga berkas ditelaah sesuai rencana kegiatan."


async def actions(principal: Any, record_type: str, record_id: str) -> list[str]:
    result = await execute(AVAILABLE, {"type": record_type, "id": record_id}, as_=principal)
    return [a["action"] for a in payload(result, "availableActions")]


async def submitted_report(demo: Demo, author: Staff) -> dict[str, Any]:
    me = await as_staff(author)
    drafted = payload(await execute(DRAFT, {"input": {"summary": SUMMARY}}, as_=me), "workReportDraft")
    record = drafted["record"]
    payload(await execute(SUBMIT, {"id": record["id"], "input": {}}, as_=me), "workReportSubmit")
    return record


async def staff_id(principal: Any) -> str:
    return str(principal.staff_id)


# --- RPT-4 and RPT-3: through the unit head, or the Administrator ----------------------------------


async def test_work_report_individual_through_the_unit_head_to_the_secretary_general_rpt_4(demo):
    # given: an officer of the application-review bureau
    author = (await demo.staff_of("BIRO-PP"))[2]
    # when
    record = await submitted_report(demo, author)
    by_head = await actions(demo["unit_head"], "WORK_REPORT", record["id"])
    by_sg_early = await actions(demo["secretary_general"], "WORK_REPORT", record["id"])
    forwarded = payload(
        await execute(FORWARD, {"id": record["id"]}, as_=demo["unit_head"]), "workReportForward"
    )
    by_sg = await actions(demo["secretary_general"], "WORK_REPORT", record["id"])
    received = payload(
        await execute(RECEIVE, {"id": record["id"]}, as_=demo["secretary_general"]), "workReportReceive"
    )
    # then
    assert (record["recipientId"], record["throughId"]) == (
        await staff_id(demo["secretary_general"]),
        await staff_id(demo["unit_head"]),
    )
    assert by_head == ["forward", "return_to_author"] and by_sg_early == []
    assert forwarded["record"]["status"] == "FORWARDED" and by_sg == ["receive", "return_to_author"]
    assert received["record"]["status"] == "RECEIVED"


async def test_work_report_forward_as_every_other_demo_role_is_refused_ac_6(demo):
    # given: a report waiting for the application-review bureau's head
    record = await submitted_report(demo, (await demo.staff_of("BIRO-PP"))[2])
    before = await snapshot()
    roles = [r for r in ROLES if r != "unit_head"]
    # when
    found = await outcomes(demo, FORWARD, {"id": record["id"]}, "workReportForward", roles)
    # then: the other bureau's head does not reach it (AC-12); the SG reaches it but is not its head
    assert found == refused_everywhere("unit_head", rights_head="NOT_FOUND")
    assert await snapshot() == before


async def test_work_report_in_the_administrative_unit_through_the_administrator_rpt_3(demo):
    # given: an officer of the oversight division, an administrative unit (ORG-2)
    oversight = await Unit.get(code="PENGAWASAN")
    administrator = await as_staff(await Staff.get(id=oversight.head_id))
    author = await Staff.get(id=demo["oversight"].staff_id)
    # when: the Secretary General before the Administrator; then the Administrator, then the SG
    record = await submitted_report(demo, author)
    early = payload(
        await execute(RECEIVE, {"id": record["id"]}, as_=demo["secretary_general"]), "workReportReceive"
    )
    forwarded = payload(await execute(FORWARD, {"id": record["id"]}, as_=administrator), "workReportForward")
    received = payload(
        await execute(RECEIVE, {"id": record["id"]}, as_=demo["secretary_general"]), "workReportReceive"
    )
    # then
    assert record["throughId"] == str(oversight.head_id)
    assert (early["code"], early["rule"]) == ("RULE_VIOLATION", "RPT-4") and "submitted" in early["message"]
    assert (forwarded["record"]["status"], received["record"]["status"]) == ("FORWARDED", "RECEIVED")


# --- RPT-1: members report to the lead -------------------------------------------------------------


async def test_work_report_receive_member_report_by_the_lead_only_rpt_1(demo):
    # given: the demo's member report waiting for the safe-house team's lead
    report = await WorkReport.get(status=WorkReportStatus.SUBMITTED, through_id=None, team_id__isnull=False)
    lead = await as_staff(await Staff.get(id=report.recipient_id))
    before = await snapshot()
    # when
    found = await outcomes(demo, RECEIVE, {"id": str(report.id)}, "workReportReceive", list(ROLES))
    unchanged = await snapshot() == before
    taken = payload(await execute(RECEIVE, {"id": str(report.id)}, as_=lead), "workReportReceive")
    # then: members of other teams do not reach it (AC-8); the SG reaches it but is not the lead
    reach = {
        role: "FORBIDDEN" if report.team_id in demo[role].team_ids else "NOT_FOUND"
        for role in ROLES
        if demo[role] is not None and getattr(demo[role], "team_ids", None)
    }
    expected = refused_everywhere(**reach)
    assert found == expected
    assert unchanged and taken["record"]["status"] == "RECEIVED"


async def test_work_report_draft_by_an_expert_is_refused_org_3(demo):
    # when: experts are coordinative, with no superior in the reporting line (ORG-3)
    result = payload(
        await execute(DRAFT, {"input": {"summary": SUMMARY}}, as_=demo["expert"]), "workReportDraft"
    )
    # then
    assert (result["code"], result["rule"]) == ("RULE_VIOLATION", "RPT-1")


# --- RPT-2: the Secretary General's request, by a due date -----------------------------------------


async def test_work_report_request_by_the_secretary_general_answered_straight_back_rpt_2(demo):
    # given
    author = (await demo.staff_of("BIRO-PP"))[3]
    due = (dt.date.today() + dt.timedelta(days=7)).isoformat()
    given = {"staffId": str(author.id), "dueOn": due}
    # when
    asked = payload(
        await execute(REQUEST, {"input": given}, as_=demo["secretary_general"]), "workReportRequest"
    )
    record = asked["record"]
    me = await as_staff(author)
    answered = payload(
        await execute(SUBMIT, {"id": record["id"], "input": {"summary": SUMMARY}}, as_=me), "workReportSubmit"
    )
    received = payload(
        await execute(RECEIVE, {"id": record["id"]}, as_=demo["secretary_general"]), "workReportReceive"
    )
    # then
    assert (record["status"], record["kind"], record["dueOn"]) == ("REQUESTED", "ON_DEMAND", due)
    assert record["requestedById"] == record["recipientId"] == await staff_id(demo["secretary_general"])
    assert answered["record"]["summary"] == SUMMARY and received["record"]["status"] == "RECEIVED"


async def test_work_report_request_as_every_other_demo_role_or_past_due_is_refused_rpt_2(demo):
    # given
    author = (await demo.staff_of("BIRO-PP"))[3]
    given = {"staffId": str(author.id), "dueOn": (dt.date.today() + dt.timedelta(days=7)).isoformat()}
    before = await snapshot()
    roles = [r for r in ROLES if r != "secretary_general"]
    # when
    found = await outcomes(demo, REQUEST, {"input": given}, "workReportRequest", roles)
    late = payload(
        await execute(REQUEST, {"input": {**given, "dueOn": "2020-01-01"}}, as_=demo["secretary_general"]),
        "workReportRequest",
    )
    # then
    assert found == refused_everywhere("secretary_general")
    assert (late["code"], late["field"], late["rule"]) == ("RULE_VIOLATION", "dueOn", "RPT-2")
    assert await snapshot() == before


# --- RPT-5: escalations ----------------------------------------------------------------------------


async def test_escalation_resolve_by_the_head_raised_with_only_rpt_5_ac_9(demo):
    # given: the demo's open escalation, raised with the member's own unit head (review bureau)
    escalation = await Escalation.get(status="open")
    decision = {"input": {"resolution": "Satu anggota tambahan dari Biro Penelaahan Permohonan."}}
    variables = {"id": str(escalation.id), **decision}
    before = await snapshot()
    roles = [r for r in ROLES if r != "unit_head"]
    # when
    found = await outcomes(demo, RESOLVE, variables, "escalationResolve", roles)
    unchanged = await snapshot() == before
    resolved = payload(await execute(RESOLVE, variables, as_=demo["unit_head"]), "escalationResolve")
    # then: the owning bureau's head and the SG reach it, but it was not raised with them; experts
    # never decide (AC-9)
    assert found == refused_everywhere("unit_head") and unchanged
    assert resolved["record"]["status"] == "RESOLVED" and resolved["record"]["resolvedAt"]


async def test_escalation_raise_by_the_lead_with_alternatives_only_rpt_5(demo):
    # given: the cross-unit team of the rights bureau and its member from the review bureau
    team = await Team.get(code="TIM-2026-002")
    lead = await as_staff(await Staff.get(id=team.lead_id))
    outsider = await Staff.get(
        team_memberships__team_id=team.id,
        unit__code="BIRO-PP",
        team_memberships__involvement_request_id__isnull=False,
    )
    home_head = (await Unit.get(code="BIRO-PP")).head_id
    given = {
        "teamId": str(team.id),
        "problem": "Jadwal telaah bertabrakan dengan sidang.",
        "alternatives": "Menunda telaah; menambah anggota.",
        "recommendation": "Menambah anggota.",
        "memberId": str(outsider.id),
    }
    # when
    bare = payload(
        await execute(RAISE, {"input": {**given, "alternatives": ""}}, as_=lead), "escalationRaise"
    )
    by_head = await execute(RAISE, {"input": given}, as_=demo["rights_head"])
    raised = payload(await execute(RAISE, {"input": given}, as_=lead), "escalationRaise")
    # then
    assert (bare["code"], bare["rule"]) == ("RULE_VIOLATION", "RPT-5")
    assert error_codes(by_head) == ["FORBIDDEN"]
    assert (raised["record"]["status"], raised["record"]["raisedToId"]) == ("OPEN", str(home_head))


# --- RPT-6: coordination notes; experts comment (AC-9) ---------------------------------------------


async def test_coordination_note_record_by_the_linked_expert_only_rpt_6_ac_9(demo):
    # given: the team whose task the demo expert controls technically (ORG-3)
    expert = demo["expert"]
    controlled = await Assignment.filter(
        technical_controller_id=expert.staff_id, team_id__isnull=False
    ).first()
    other = await Team.exclude(id=controlled.team_id).filter(status="active").order_by("code").first()
    given = {
        "stage": "EXECUTION",
        "note": "Arahan teknis: telaah dua berkas prioritas.",
        "withOther": "Tim lain",
    }
    # when
    recorded = payload(
        await execute(RECORD_NOTE, {"input": {**given, "teamId": str(controlled.team_id)}}, as_=expert),
        "coordinationNoteRecord",
    )
    unlinked = await execute(RECORD_NOTE, {"input": {**given, "teamId": str(other.id)}}, as_=expert)
    by_executor = await execute(
        RECORD_NOTE, {"input": {**given, "teamId": str(controlled.team_id)}}, as_=demo["executor"]
    )
    # then
    assert (recorded["record"]["status"], recorded["record"]["authorId"]) == (
        "RECORDED",
        str(expert.staff_id),
    )
    assert error_codes(unlinked) == ["FORBIDDEN"] and error_codes(by_executor) == ["FORBIDDEN"]
