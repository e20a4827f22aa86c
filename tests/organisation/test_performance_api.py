"""The performance cycle through GraphQL, as the roles of the demo organisation: targets and their
cascade (PERF-1), activity plans and dialogues (PERF-2), evaluation and review (PERF-3), acceptance
of results (PERF-4), appraisals of cross-unit members (PERF-5) — the right office takes each step,
every other demo role is refused with nothing changed."""

from __future__ import annotations

from models.assignments import Team
from models.organisation import Staff, Unit
from models.performance import ActivityPlan, Appraisal, PerformanceTarget
from tests.authz.demo_roles import ROLES
from tests.client import error_codes, execute
from tests.organisation.conftest import as_staff
from tests.organisation.test_reporting_factories import outcomes, payload, refused_everywhere, snapshot

_ERROR = "... on MutationError { code message field rule }"
SET_TARGET = f"""
mutation Set($input: PerformanceTargetSetInput!) {{
  performanceTargetSet(input: $input) {{
    __typename
    ... on PerformanceTargetSetSuccess {{ record {{ id code level status setById year }} }}
    {_ERROR}
  }}
}}
"""
CASCADE = f"""
mutation Cascade($input: PerformanceTargetCascadeInput!) {{
  performanceTargetCascade(input: $input) {{
    __typename
    ... on PerformanceTargetCascadeSuccess {{ record {{ id level parentId unitId teamId setById }} }}
    {_ERROR}
  }}
}}
"""
DRAW_UP = f"""
mutation DrawUp($input: ActivityPlanDrawUpInput!) {{
  activityPlanDrawUp(input: $input) {{
    __typename
    ... on ActivityPlanDrawUpSuccess {{ record {{ id status budget teamId targetId }} }}
    {_ERROR}
  }}
}}
"""
DETAIL = f"""
mutation Detail($id: ID!, $input: ActivityPlanDetailInput!) {{
  activityPlanDetail(id: $id, input: $input) {{
    __typename
    ... on ActivityPlanDetailSuccess {{ record {{ status detail }} }}
    {_ERROR}
  }}
}}
"""
ACCEPT = f"""
mutation Accept($id: ID!) {{
  activityPlanAccept(id: $id) {{
    __typename
    ... on ActivityPlanAcceptSuccess {{ record {{ status acceptedById acceptedAt }} }}
    {_ERROR}
  }}
}}
"""
DIALOGUE = f"""
mutation Dialogue($input: PerformanceDialogueRecordInput!) {{
  performanceDialogueRecord(input: $input) {{
    __typename
    ... on PerformanceDialogueRecordSuccess {{ record {{ id status superiorId staffId }} }}
    {_ERROR}
  }}
}}
"""
EVALUATE = f"""
mutation Evaluate($input: EvaluationDraftInput!) {{
  evaluationDraft(input: $input) {{
    __typename
    ... on EvaluationDraftSuccess {{ record {{ id status unitId teamId evaluatorId }} }}
    {_ERROR}
  }}
}}
"""
SUBMIT_EVALUATION = f"""
mutation Submit($id: ID!, $input: EvaluationSubmitToSecretaryGeneralInput!) {{
  evaluationSubmitToSecretaryGeneral(id: $id, input: $input) {{
    __typename
    ... on EvaluationSubmitToSecretaryGeneralSuccess {{ record {{ status }} }}
    {_ERROR}
  }}
}}
"""
REVIEW = f"""
mutation Review($id: ID!, $input: EvaluationReviewInput!) {{
  evaluationReview(id: $id, input: $input) {{
    __typename
    ... on EvaluationReviewSuccess {{ record {{ status sgReview }} }}
    {_ERROR}
  }}
}}
"""
RETURN_EVALUATION = f"""
mutation Return($id: ID!) {{
  evaluationReturnForFollowUp(id: $id) {{
    __typename
    ... on EvaluationReturnForFollowUpSuccess {{ record {{ status }} }}
    {_ERROR}
  }}
}}
"""
FOLLOW_UP = f"""
mutation FollowUp($id: ID!, $input: EvaluationFollowUpInput!) {{
  evaluationFollowUp(id: $id, input: $input) {{
    __typename
    ... on EvaluationFollowUpSuccess {{ record {{ status followUp }} }}
    {_ERROR}
  }}
}}
"""
SEND_APPRAISAL = f"""
mutation Send($id: ID!) {{
  appraisalSend(id: $id) {{
    __typename
    ... on AppraisalSendSuccess {{ record {{ status sentAt homeUnitHeadId }} }}
    {_ERROR}
  }}
}}
"""
ACKNOWLEDGE = f"""
mutation Acknowledge($id: ID!) {{
  appraisalAcknowledge(id: $id) {{
    __typename
    ... on AppraisalAcknowledgeSuccess {{ record {{ status }} }}
    {_ERROR}
  }}
}}
"""


def others(*allowed: str) -> list[str]:
    return [role for role in ROLES if role not in allowed]


# --- PERF-1 ----------------------------------------------------------------------------------------


async def test_performance_target_set_and_cascade_as_secretary_general_and_unit_head_perf_1(demo):
    # given: the application-review bureau and the team it owns
    review = await Unit.get(code="BIRO-PP")
    team = await Team.get(code="TIM-2026-003")
    sg, head = demo["secretary_general"], demo["unit_head"]
    # when: the SG sets the agreement's target and cascades it to the bureau; its head, to the team
    agreement = payload(
        await execute(
            SET_TARGET, {"input": {"title": "Permohonan ditelaah tepat waktu", "year": 2027}}, as_=sg
        ),
        "performanceTargetSet",
    )["record"]
    unit_goal = payload(
        await execute(
            CASCADE,
            {
                "input": {
                    "parentId": agreement["id"],
                    "level": "UNIT",
                    "title": "Telaah 30 hari",
                    "unitId": str(review.id),
                }
            },
            as_=sg,
        ),
        "performanceTargetCascade",
    )["record"]
    by_head_to_unit = await execute(
        CASCADE,
        {"input": {"parentId": agreement["id"], "level": "UNIT", "title": "X", "unitId": str(review.id)}},
        as_=head,
    )
    team_goal = payload(
        await execute(
            CASCADE,
            {
                "input": {
                    "parentId": unit_goal["id"],
                    "level": "TEAM",
                    "title": "Saksi siap sidang",
                    "teamId": str(team.id),
                }
            },
            as_=head,
        ),
        "performanceTargetCascade",
    )["record"]
    # then
    assert (agreement["level"], agreement["status"], agreement["year"]) == ("ORGANISATION", "SET", 2027)
    assert (unit_goal["parentId"], unit_goal["unitId"]) == (agreement["id"], str(review.id))
    assert error_codes(by_head_to_unit) == ["FORBIDDEN"]  # units' targets are the SG's (AC-6)
    assert (team_goal["teamId"], team_goal["setById"]) == (str(team.id), str(head.staff_id))


async def test_performance_target_set_as_every_other_demo_role_is_refused_perf_1(demo):
    # given
    before = await snapshot()
    # when
    found = await outcomes(
        demo,
        SET_TARGET,
        {"input": {"title": "Target", "year": 2027}},
        "performanceTargetSet",
        others("secretary_general"),
    )
    # then
    assert found == refused_everywhere("secretary_general")
    assert await snapshot() == before


# --- PERF-2 ----------------------------------------------------------------------------------------


async def test_activity_plan_drawn_up_by_the_owning_head_detailed_by_the_lead_perf_2(demo):
    # given: the safe-house team of the rights bureau and its team target
    team = await Team.get(code="TIM-2026-001")
    goal = await PerformanceTarget.get(team_id=team.id, level="team")
    given = {
        "title": "Kunjungan rumah aman Desember",
        "targetId": str(goal.id),
        "teamId": str(team.id),
        "budget": "7500000.00",
    }
    before = await snapshot()
    # when: every other role, then the rights bureau's head, then the lead
    found = await outcomes(demo, DRAW_UP, {"input": given}, "activityPlanDrawUp", others("rights_head"))
    unchanged = await snapshot() == before
    planned = payload(
        await execute(DRAW_UP, {"input": given}, as_=demo["rights_head"]), "activityPlanDrawUp"
    )["record"]
    lead = await as_staff(await Staff.get(id=team.lead_id))
    detailed = payload(
        await execute(
            DETAIL, {"id": planned["id"], "input": {"detail": "Dua anggota per kunjungan."}}, as_=lead
        ),
        "activityPlanDetail",
    )
    by_head = await execute(DETAIL, {"id": planned["id"], "input": {"detail": "x"}}, as_=demo["rights_head"])
    # then
    assert found == refused_everywhere("rights_head") and unchanged
    assert (planned["status"], planned["budget"]) == ("PLANNED", "7500000.00")
    assert detailed["record"] == {"status": "IN_PROGRESS", "detail": "Dua anggota per kunjungan."}
    assert payload(by_head, "activityPlanDetail")["code"] == "NOT_FOUND"  # detailing is the lead's (PERF-2)


async def test_performance_dialogue_recorded_by_the_unit_head_not_by_staff_perf_2(demo):
    # given: an officer of the rights bureau
    officer = (await demo.staff_of("BIRO-PH"))[4]
    given = {
        "input": {
            "staffId": str(officer.id),
            "notes": "Kemajuan sesuai rencana.",
            "followUp": "Pantau mingguan.",
        }
    }
    # when
    recorded = payload(await execute(DIALOGUE, given, as_=demo["rights_head"]), "performanceDialogueRecord")[
        "record"
    ]
    by_executor = await execute(DIALOGUE, given, as_=demo["executor"])
    by_other_head = await execute(DIALOGUE, given, as_=demo["unit_head"])
    # then
    assert (recorded["status"], recorded["superiorId"]) == ("RECORDED", str(demo["rights_head"].staff_id))
    assert error_codes(by_executor) == ["FORBIDDEN"] and error_codes(by_other_head) == ["FORBIDDEN"]


# --- PERF-3 ----------------------------------------------------------------------------------------


async def test_evaluation_reviewed_by_the_secretary_general_only_then_followed_up_perf_3(demo):
    # given: the rights bureau's head evaluates its safe-house team and submits it
    team = await Team.get(code="TIM-2026-001")
    head, sg = demo["rights_head"], demo["secretary_general"]
    drafted = payload(
        await execute(
            EVALUATE, {"input": {"teamId": str(team.id), "findings": "Dua kunjungan tertunda."}}, as_=head
        ),
        "evaluationDraft",
    )["record"]
    payload(
        await execute(SUBMIT_EVALUATION, {"id": drafted["id"], "input": {}}, as_=head),
        "evaluationSubmitToSecretaryGeneral",
    )
    review = {"id": drafted["id"], "input": {"review": "Percepat kunjungan."}}
    before = await snapshot()
    # when: every other role reviews; the head follows up before the review; then the proper order
    found = await outcomes(demo, REVIEW, review, "evaluationReview", others("secretary_general"))
    unchanged = await snapshot() == before
    early = payload(
        await execute(FOLLOW_UP, {"id": drafted["id"], "input": {"followUp": "x"}}, as_=head),
        "evaluationFollowUp",
    )
    reviewed = payload(await execute(REVIEW, review, as_=sg), "evaluationReview")
    returned = payload(
        await execute(RETURN_EVALUATION, {"id": drafted["id"]}, as_=sg), "evaluationReturnForFollowUp"
    )
    closed = payload(
        await execute(
            FOLLOW_UP, {"id": drafted["id"], "input": {"followUp": "Jadwal kunjungan ditambah."}}, as_=head
        ),
        "evaluationFollowUp",
    )
    # then
    assert (drafted["unitId"], drafted["evaluatorId"]) == (str(team.owning_unit_id), str(head.staff_id))
    assert found == refused_everywhere("secretary_general") and unchanged
    assert (early["code"], early["rule"]) == ("RULE_VIOLATION", "PERF-3")
    assert reviewed["record"] == {"status": "REVIEWED", "sgReview": "Percepat kunjungan."}
    assert returned["record"]["status"] == "RETURNED_FOR_FOLLOW_UP"
    assert closed["record"] == {"status": "CLOSED", "followUp": "Jadwal kunjungan ditambah."}


# --- PERF-4 ----------------------------------------------------------------------------------------


async def test_activity_plan_accept_by_the_unit_head_only_perf_4_ac_9(demo):
    # given: the demo's submitted results of the cross-unit team of the rights bureau
    plan = await ActivityPlan.get(status="submitted")
    before = await snapshot()
    # when
    found = await outcomes(demo, ACCEPT, {"id": str(plan.id)}, "activityPlanAccept", others("rights_head"))
    unchanged = await snapshot() == before
    accepted = payload(
        await execute(ACCEPT, {"id": str(plan.id)}, as_=demo["rights_head"]), "activityPlanAccept"
    )
    # then: the other bureau's head does not reach it; the SG reaches it but does not head the unit;
    # the team, experts (AC-9) and everyone else have no such step
    member = demo["team_member"]
    reach = {"team_member": "FORBIDDEN"} if plan.team_id in member.team_ids else {}
    assert found == refused_everywhere("rights_head", unit_head="NOT_FOUND", **reach) and unchanged
    assert (accepted["record"]["status"], accepted["record"]["acceptedById"]) == (
        "ACCEPTED",
        str(demo["rights_head"].staff_id),
    )


# --- PERF-5 ----------------------------------------------------------------------------------------


async def test_appraisal_sent_by_the_owning_head_acknowledged_by_the_home_head_perf_5(demo):
    # given: the rights bureau head's draft appraisal of a member from the review bureau
    appraisal = await Appraisal.get(status="draft", appraiser__unit__code="BIRO-PH")
    variables = {"id": str(appraisal.id)}
    before = await snapshot()
    # when: every other role sends it (the SG too: not the owner of this performance, Pasal 14(2));
    # the owning head sends; the owning head, then the home head, acknowledge
    found = await outcomes(demo, SEND_APPRAISAL, variables, "appraisalSend", others("rights_head"))
    unchanged = await snapshot() == before
    sent = payload(await execute(SEND_APPRAISAL, variables, as_=demo["rights_head"]), "appraisalSend")
    by_owner = payload(await execute(ACKNOWLEDGE, variables, as_=demo["rights_head"]), "appraisalAcknowledge")
    acknowledged = payload(
        await execute(ACKNOWLEDGE, variables, as_=demo["unit_head"]), "appraisalAcknowledge"
    )
    # then: the member's home head reaches it but may not send it
    assert found == refused_everywhere("rights_head") and unchanged
    assert (sent["record"]["status"], sent["record"]["homeUnitHeadId"]) == (
        "SENT",
        str(demo["unit_head"].staff_id),
    )
    assert by_owner["code"] == "NOT_FOUND"
    assert acknowledged["record"]["status"] == "RECEIVED"
