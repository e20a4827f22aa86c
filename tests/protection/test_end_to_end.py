"""Issue 6 "done when", through GraphQL only: a case goes from a proactive action (PRO-1 … PRO-4) or a
partner agency's referral (APP-4, AC-2) through application, review, decision (DEC-1, DEC-2), signed
documents (ADM-1 … ADM-6), programs in force, a change (CHG-1), emergency protection (EMG-1) and
termination (TRM-1) — as the demo organisation's people and the police's token, each step guided by
`availableActions` (offered to the right person, not to a wrong one), and at each step the way around
(wrong actor, wrong order, missing approval or signature, self-approval) refused with nothing changed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from authz.principal import Principal, PrincipalKind
from authz.scopes import SCOPES
from models.organisation import Agency, AgencyKind, PortfolioHolding, Position, Staff
from tests.client import error_codes, execute
from tests.organisation.conftest import Demo, as_staff, demo  # noqa: F401 — the demo fixture
from tests.protection import factories, test_proactive_factories
from tests.protection.test_api_applications import today

# --- documents -----------------------------------------------------------------------------------

AVAILABLE = """
query Available($type: WorkflowRecordType!, $id: ID!) {
  availableActions(recordType: $type, id: $id) { action mutation rules }
}
"""
ERROR = "... on MutationError { code message field rule }"
REPORT = f"""
mutation Report($input: ProactiveActionReportInput!) {{
  proactiveActionReport(input: $input) {{
    __typename
    ... on ProactiveActionReportSuccess {{ record {{ id status trigger }} }}
    {ERROR}
  }}
}}
"""
ANALYSE = f"""
mutation Analyse($id: ID!, $input: ProactiveActionAnalyseInput!) {{
  proactiveActionAnalyse(id: $id, input: $input) {{
    __typename
    ... on ProactiveActionAnalyseSuccess {{ record {{ status }} }}
    {ERROR}
  }}
}}
"""
APPROVE_ACTION = f"""
mutation Approve($id: ID!) {{
  proactiveActionApprove(id: $id) {{
    __typename
    ... on ProactiveActionApproveSuccess {{ record {{ status approvedById deadlineAt }} }}
    {ERROR}
  }}
}}
"""
FORM_TEAM = f"""
mutation FormTeam($id: ID!, $input: ProactiveActionFormTeamInput!) {{
  proactiveActionFormTeam(id: $id, input: $input) {{
    __typename
    ... on ProactiveActionFormTeamSuccess {{ record {{ status }} }}
    {ERROR}
  }}
}}
"""
START_ACTION = f"""
mutation Start($id: ID!) {{
  proactiveActionStart(id: $id) {{
    __typename
    ... on ProactiveActionStartSuccess {{ record {{ status }} }}
    {ERROR}
  }}
}}
"""
CONCLUDE_WITH_APPLICATION = f"""
mutation Conclude($id: ID!, $input: ProactiveActionConcludeWithApplicationInput!) {{
  proactiveActionConcludeWithApplication(id: $id, input: $input) {{
    __typename
    ... on ProactiveActionConcludeWithApplicationSuccess {{
      record {{ status outcome }}
    }}
    {ERROR}
  }}
}}
"""
ACTION_APPLICATION = """
query Action($id: ID!) { proactiveAction(id: $id) { application { id status channel initiator } } }
"""
APPOINT = """
mutation Appoint($input: AssignmentAppointInput!) {
  assignmentAppoint(input: $input) { ... on AssignmentAppointSuccess { record { id } } }
}
"""
ISSUE_LETTER = """
mutation Issue($id: ID!) {
  assignmentIssueLetter(id: $id) {
    ... on AssignmentIssueLetterSuccess { record { assignmentLetters { id } } }
  }
}
"""
REFER = f"""
mutation Refer($input: ApplicationReferInput!) {{
  applicationRefer(input: $input) {{
    __typename
    ... on ApplicationReferSuccess {{ record {{ id status channel initiator referredByAgencyId }} }}
    {ERROR}
  }}
}}
"""
START_REVIEW = f"""
mutation StartReview($id: ID!) {{
  applicationStartReview(id: $id, input: {{}}) {{
    __typename
    ... on ApplicationStartReviewSuccess {{ record {{ status }} }}
    {ERROR}
  }}
}}
"""
COMPLETE_REVIEW = f"""
mutation CompleteReview($id: ID!) {{
  applicationCompleteReview(id: $id, input: {{summary: "Memenuhi syarat."}}) {{
    __typename
    ... on ApplicationCompleteReviewSuccess {{ record {{ status }} }}
    {ERROR}
  }}
}}
"""
DECIDE = f"""
mutation Decide($input: DecisionDecideInput!) {{
  decisionDecide(input: $input) {{
    __typename
    ... on DecisionDecideSuccess {{
      record {{
        id number decidedOn outcome protecteeId application {{ status }}
        protectionPrograms {{ id kind status periodStart periodEnd agreementId willingnessStatementId }}
        documents {{ id kind status dueOn recipientAgencyId }}
      }}
    }}
    {ERROR}
  }}
}}
"""
COUNTERSIGN = f"""
mutation Countersign($id: ID!) {{
  documentCountersign(id: $id) {{
    __typename
    ... on DocumentCountersignSuccess {{ record {{ status signedOnBehalfOfChairById }} }}
    {ERROR}
  }}
}}
"""
PROTECTEE_SIGN = f"""
mutation Sign($id: ID!) {{
  documentProtecteeSign(id: $id, input: {{}}) {{
    __typename
    ... on DocumentProtecteeSignSuccess {{ record {{ status signedByProtectee }} }}
    {ERROR}
  }}
}}
"""
DELIVER = f"""
mutation Deliver($id: ID!) {{
  documentDeliver(id: $id, input: {{method: DIRECT}}) {{
    __typename
    ... on DocumentDeliverSuccess {{ record {{ status deliveryMethod deliveredAt }} }}
    {ERROR}
  }}
}}
"""
ACTIVATE = f"""
mutation Activate($id: ID!) {{
  protectionProgramActivate(id: $id) {{
    __typename
    ... on ProtectionProgramActivateSuccess {{ record {{ status activatedAt }} }}
    {ERROR}
  }}
}}
"""
CHECKLIST = f"""
mutation Tick($id: ID!, $input: ProtectionProgramCompleteChecklistItemInput!) {{
  protectionProgramCompleteChecklistItem(id: $id, input: $input) {{
    __typename
    ... on ProtectionProgramCompleteChecklistItemSuccess {{ record {{ status }} }}
    {ERROR}
  }}
}}
"""
EXTEND = f"""
mutation Extend($id: ID!, $input: ProtectionProgramExtendInput!) {{
  protectionProgramExtend(id: $id, input: $input) {{
    __typename
    ... on ProtectionProgramExtendSuccess {{
      record {{
        status periodEnd
        protectionProgramsSuperseding {{
          id status periodEnd agreementId
          decision {{ number kind supersedesId }}
          agreement {{ id kind status addendumToId }}
        }}
      }}
    }}
    {ERROR}
  }}
}}
"""
TERMINATE = f"""
mutation Terminate($id: ID!, $input: ProtectionProgramTerminateInput!) {{
  protectionProgramTerminate(id: $id, input: $input) {{
    __typename
    ... on ProtectionProgramTerminateSuccess {{
      record {{ status terminationReason terminationDecision {{ number kind }} }}
    }}
    {ERROR}
  }}
}}
"""
EMERGENCY_REQUEST = f"""
mutation Request($input: EmergencyProtectionRequestInput!) {{
  emergencyProtectionRequest(input: $input) {{
    __typename
    ... on EmergencyProtectionRequestSuccess {{ record {{ id status ground }} }}
    {ERROR}
  }}
}}
"""
EMERGENCY_APPROVE = f"""
mutation Approve($id: ID!) {{
  emergencyProtectionApprove(id: $id) {{
    __typename
    ... on EmergencyProtectionApproveSuccess {{
      record {{ status approvedAt officialRecord {{ number kind recordType status }} }}
    }}
    {ERROR}
  }}
}}
"""
PROGRAM = "query One($id: ID!) { protectionProgram(id: $id) { status periodEnd supersedesId } }"
APPLICATION = """
query One($id: ID!) {
  application(id: $id) {
    id number status channel referredByAgencyId
    applicant { code fullName nik }
    decisions { number outcome }
  }
}
"""
APPLICATIONS = """
query Mine { applications(first: 100) { nodes { id referredByAgencyId initiatingAgencyId } } }
"""
HISTORY = """
query History($id: ID!) {
  workflowHistories(filter: {subjectId: $id}, first: 100) { nodes { action fromState toState } }
}
"""

# --- helpers -------------------------------------------------------------------------------------


def done(result: Any, field: str) -> dict[str, Any]:
    """The step was taken: its record."""
    assert result.errors is None, result.errors
    answer = result.data[field]
    assert answer["__typename"].endswith("Success"), answer
    return answer["record"]  # type: ignore[no-any-return]


def answered(result: Any, field: str) -> tuple[str, str | None, str | None]:
    """The step was refused by a rule: (code, rule, field)."""
    assert result.errors is None, result.errors
    answer = result.data[field]
    return answer["code"], answer["rule"], answer["field"]


async def offered(record_type: str, record_id: str, who: Any) -> set[str]:
    """The actions `availableActions` offers `who` on the record."""
    result = await execute(AVAILABLE, {"type": record_type, "id": record_id}, as_=who)
    assert result.errors is None, result.errors
    return {a["action"] for a in result.data["availableActions"]}


async def is_offered(record_type: str, record_id: str, who: Any, *actions: str) -> None:
    """`availableActions` guides `who` to each of `actions` (the next step is theirs)."""
    found = await offered(record_type, record_id, who)
    assert set(actions) <= found, (record_type, actions, found)


async def not_offered(record_type: str, record_id: str, who: Any, *actions: str) -> None:
    """`availableActions` offers `who` none of `actions` (not their step, or not now)."""
    found = await offered(record_type, record_id, who)
    assert not set(actions) & found, (record_type, actions, found)


async def everything() -> tuple[Any, ...]:
    """All that a protection step writes (states, history, numbers, approvals): a refusal leaves it."""
    return await factories.snapshot(), await test_proactive_factories.snapshot()


async def history(record_id: str, who: Any) -> list[tuple[str, str | None, str]]:
    result = await execute(HISTORY, {"id": record_id}, as_=who)
    assert result.errors is None, result.errors
    nodes = result.data["workflowHistories"]["nodes"]
    return sorted((n["action"], n["fromState"], n["toState"]) for n in nodes)


async def review_leaders() -> list[Principal]:
    """The two leaders holding the application-review portfolio (PRO-2), in a stable order."""
    holdings = await PortfolioHolding.filter(portfolio__code="application_review").order_by(
        "staff__employee_number"
    )
    return [await as_staff(await Staff.get(id=h.staff_id)) for h in holdings]


async def leaders() -> list[Principal]:
    return [
        await as_staff(s) for s in await Staff.filter(position=Position.LEADER).order_by("employee_number")
    ]


async def partner_of(kind: AgencyKind, scopes: frozenset[str] = frozenset(SCOPES)) -> Principal:
    """A partner agency's token (AC-2), as tests/authz/demo_roles.py builds the police's."""
    agency = await Agency.filter(kind=kind).order_by("code").first()
    assert agency is not None
    return Principal(
        kind=PrincipalKind.PARTNER_TOKEN,
        token_id=agency.id,
        token_prefix="perisai_pat_e2e00000",
        agency_id=agency.id,
        scopes=scopes,
    )


def day(offset: int = 0) -> str:
    return (today() + dt.timedelta(days=offset)).isoformat()


# --- journey (a): proactive action → application (PRO-1 … PRO-4, APP-4) ----------------------------


async def proactive_action_approved(roles: Demo) -> str:
    """PRO-1, PRO-2: reported by a review leader (the leaders' consideration), analysed by the bureau,
    approved by the OTHER review leader — the reporter's own approval refused (AC-7)."""
    first, second = await review_leaders()
    head = roles["unit_head"]
    given = {
        "trigger": "LEADERS_CONSIDERATION",
        "crimeType": "TRAFFICKING",
        "eventSummary": "Pemberitaan: korban TPPO di pelabuhan (fiktif).",
    }
    action_id = done(await execute(REPORT, {"input": given}, as_=first), "proactiveActionReport")["id"]
    # wrong order: approving what was not analysed
    before = await everything()
    await not_offered("PROACTIVE_ACTION", action_id, second, "approve")
    early = answered(await execute(APPROVE_ACTION, {"id": action_id}, as_=second), "proactiveActionApprove")
    assert early == ("RULE_VIOLATION", "PRO-2", None) and await everything() == before
    await not_offered("PROACTIVE_ACTION", action_id, second, "analyse")
    await is_offered("PROACTIVE_ACTION", action_id, head, "analyse")
    analysis = {"analysis": "Dua korban perlu penjangkauan.", "budget": "1500000.00"}
    done(await execute(ANALYSE, {"id": action_id, "input": analysis}, as_=head), "proactiveActionAnalyse")
    # self-approval: the leader who reported it is not offered the approval, and is refused (AC-7)
    before = await everything()
    await not_offered("PROACTIVE_ACTION", action_id, first, "approve")
    own = answered(await execute(APPROVE_ACTION, {"id": action_id}, as_=first), "proactiveActionApprove")
    assert own == ("RULE_VIOLATION", "PRO-2", None) and await everything() == before
    # wrong actor: a leader without the application-review portfolio, the bureau head
    for wrong in (roles["leader"], head):
        assert error_codes(await execute(APPROVE_ACTION, {"id": action_id}, as_=wrong)) == ["FORBIDDEN"]
    assert await everything() == before
    await is_offered("PROACTIVE_ACTION", action_id, second, "approve")
    approved = done(await execute(APPROVE_ACTION, {"id": action_id}, as_=second), "proactiveActionApprove")
    assert approved["status"] == "APPROVED" and approved["deadlineAt"] is not None  # PRO-3
    return str(action_id)


async def letter(roles: Demo, officer: Staff) -> str:
    """PRO-4 (ASG-1): the bureau head's assignment letter naming `officer`."""
    unit = await roles.unit("BIRO-PP")
    given = {"unitId": str(unit.id), "title": "Tindakan proaktif", "staffId": str(officer.id)}
    draft = await execute(APPOINT, {"input": given}, as_=roles["unit_head"])
    issued = await execute(
        ISSUE_LETTER, {"id": draft.data["assignmentAppoint"]["record"]["id"]}, as_=roles["unit_head"]
    )
    return str(issued.data["assignmentIssueLetter"]["record"]["assignmentLetters"][0]["id"])


async def team_formed_and_out(roles: Demo, action_id: str) -> Principal:
    """PRO-2, PRO-4: a team of two officers with letters, formed by the bureau head; a member sets out.
    A team of one is refused; the review leader may not form it; the team cannot record an outcome
    before it has set out. Returns a member of the team."""
    head = roles["unit_head"]
    first, second = (await roles.staff_of("BIRO-PP"))[:2]
    letters = [await letter(roles, first), await letter(roles, second)]
    team = {
        "officerIds": [str(first.id), str(second.id)],
        "leadId": str(first.id),
        "assignmentLetterIds": letters,
        "equipment": ["UNIFORM", "VEHICLE", "CAMERA"],
    }
    alone = {**team, "officerIds": [str(first.id)], "assignmentLetterIds": letters[:1]}
    before = await everything()
    small = answered(
        await execute(FORM_TEAM, {"id": action_id, "input": alone}, as_=head), "proactiveActionFormTeam"
    )
    assert small == ("RULE_VIOLATION", "PRO-2", "officerIds") and await everything() == before
    (leader, _) = await review_leaders()
    await not_offered("PROACTIVE_ACTION", action_id, leader, "form_team")
    await is_offered("PROACTIVE_ACTION", action_id, head, "form_team")
    formed = done(
        await execute(FORM_TEAM, {"id": action_id, "input": team}, as_=head), "proactiveActionFormTeam"
    )
    assert formed["status"] == "TEAM_FORMED"
    member = await as_staff(second)
    await not_offered("PROACTIVE_ACTION", action_id, head, "start")
    await is_offered("PROACTIVE_ACTION", action_id, member, "start")
    # wrong order: an outcome before the team set out
    before = await everything()
    early = answered(
        await execute(
            CONCLUDE_WITH_APPLICATION, {"id": action_id, "input": proactive_application()}, as_=member
        ),
        "proactiveActionConcludeWithApplication",
    )
    assert early == ("RULE_VIOLATION", "PRO-2", None) and await everything() == before
    started = done(await execute(START_ACTION, {"id": action_id}, as_=member), "proactiveActionStart")
    assert started["status"] == "EXECUTING"
    return member


def proactive_application() -> dict[str, Any]:
    """PRO-2 (b): the person met by the team applies on their own initiative (TRM-1 (a) follows)."""
    return {
        "initiator": "SELF",
        "role": "VICTIM",
        "fullName": "Dewi Contoh Fiktif",
        "nik": "3174010101990001",
        "address": "Jl. Pelabuhan Fiktif No. 3",
        "requestedPrograms": ["SAFE_HOUSE", "INFO_CASE_PROGRESS"],
        "report": "Korban bersedia mengajukan permohonan.",
        "minutes": "Risalah penjangkauan (fiktif).",
    }


async def application_from_the_action(roles: Demo, action_id: str, member: Principal) -> str:
    """PRO-2 (b) → APP-4: the team records the outcome 'an application is filed', channel proactive;
    the bureau head (not on the team) is refused."""
    given = {"id": action_id, "input": proactive_application()}
    before = await everything()
    await not_offered("PROACTIVE_ACTION", action_id, roles["unit_head"], "conclude_with_application")
    outsider = await execute(CONCLUDE_WITH_APPLICATION, given, as_=roles["unit_head"])
    assert error_codes(outsider) == ["FORBIDDEN"] and await everything() == before
    await is_offered("PROACTIVE_ACTION", action_id, member, "conclude_with_application")
    concluded = done(
        await execute(CONCLUDE_WITH_APPLICATION, given, as_=member), "proactiveActionConcludeWithApplication"
    )
    assert (concluded["status"], concluded["outcome"]) == ("CONCLUDED", "APPLICATION_FILED")
    # the bureau that reviews it reads the application the action produced (APP-4)
    read = await execute(ACTION_APPLICATION, {"id": action_id}, as_=roles["unit_head"])
    assert read.errors is None, read.errors
    application = read.data["proactiveAction"]["application"]
    assert (application["status"], application["channel"], application["initiator"]) == (
        "RECEIVED",
        "PROACTIVE",
        "SELF",
    )
    return str(application["id"])


# --- review and decision (DEC-1, DEC-2, ADM-1) ------------------------------------------------------


async def reviewed(roles: Demo, application_id: str) -> None:
    """DEC-1: the application-review bureau takes it up and completes the review; completing before
    starting, a rights-bureau head starting it, and a leader deciding before the review are refused."""
    head, rights = roles["unit_head"], roles["rights_head"]
    before = await everything()
    early = answered(
        await execute(COMPLETE_REVIEW, {"id": application_id}, as_=head), "applicationCompleteReview"
    )
    assert early == ("RULE_VIOLATION", "DEC-1", None) and await everything() == before
    await not_offered("APPLICATION", application_id, rights, "start_review")
    assert error_codes(await execute(START_REVIEW, {"id": application_id}, as_=rights)) == ["FORBIDDEN"]
    await is_offered("APPLICATION", application_id, head, "start_review")
    done(await execute(START_REVIEW, {"id": application_id}, as_=head), "applicationStartReview")
    premature = answered(
        await execute(DECIDE, {"input": decision_input(application_id, ["MEDICAL"])}, as_=roles["leader"]),
        "decisionDecide",
    )
    assert premature[:2] == ("RULE_VIOLATION", "DEC-1")
    await not_offered("APPLICATION", application_id, rights, "complete_review")
    await is_offered("APPLICATION", application_id, head, "complete_review")
    completed = done(
        await execute(COMPLETE_REVIEW, {"id": application_id}, as_=head), "applicationCompleteReview"
    )
    assert completed["status"] == "REVIEWED"
    await not_offered("APPLICATION", application_id, head, "start_review", "complete_review")


def decision_input(application_id: str, programs: list[str], **fields: Any) -> dict[str, Any]:
    """DEC-2, ADM-3: an accepting decision, each program granted from today for 180 days (grants: nested
    objects, one per program with its own period), notified to the police (the demo's partner)."""
    return {
        "applicationId": application_id,
        "outcome": "ACCEPTED",
        "grants": [{"program": p, "startsOn": day(), "endsOn": day(180)} for p in programs],
        **fields,
    }


async def decided(
    roles: Demo, application_id: str, programs: list[str], *, unaddressed: bool
) -> dict[str, Any]:
    """DEC-1, DEC-2, ADM-1: a leader accepts, granting `programs`; the bureau head is refused, a period
    starting before the decision answers DEC-2, and (`unaddressed`: no agency on the case) a decision
    naming no law-enforcement agency answers ADM-1 — nothing changed."""
    police = [str(roles["partner"].agency_id)]
    given = decision_input(application_id, programs, lawEnforcementAgencyIds=police)
    backdated = {
        **given,
        "grants": [{"program": p, "startsOn": day(-1), "endsOn": day(180)} for p in programs],
    }
    before = await everything()
    assert error_codes(await execute(DECIDE, {"input": given}, as_=roles["unit_head"])) == ["FORBIDDEN"]
    early = answered(await execute(DECIDE, {"input": backdated}, as_=roles["leader"]), "decisionDecide")
    assert early[:2] == ("RULE_VIOLATION", "DEC-2")
    if unaddressed:
        nobody = decision_input(application_id, programs)
        silent = answered(await execute(DECIDE, {"input": nobody}, as_=roles["leader"]), "decisionDecide")
        assert silent[:2] == ("RULE_VIOLATION", "ADM-1")
    assert await everything() == before
    decision = done(await execute(DECIDE, {"input": given}, as_=roles["leader"]), "decisionDecide")
    assert decision["number"].startswith("KEP-") and decision["decidedOn"] == day()
    assert decision["application"]["status"] == "DECIDED_ACCEPTED"
    assert sorted((p["kind"], p["status"], p["periodEnd"]) for p in decision["protectionPrograms"]) == sorted(
        (kind, "PENDING_SIGNATURE", day(180)) for kind in programs
    )
    # ADM-1: the letters, and the agreement and/or statement the programs wait for
    letters = [(d["kind"], d["status"]) for d in decision["documents"]]
    assert ("NOTIFICATION_PROTECTEE", "ISSUED") in letters and (
        "NOTIFICATION_LAW_ENFORCEMENT",
        "ISSUED",
    ) in letters
    return decision


def kinds_of(decision: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["kind"]: d for d in decision["documents"]}


def programs_of(decision: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["kind"]: p for p in decision["protectionPrograms"]}


# --- documents signed, programs in force (ADM-1 … ADM-6, PRG-9) -------------------------------------


async def statement_signed(roles: Demo, decision: dict[str, Any]) -> None:
    """ADM-5, ADM-6: the statement of willingness has no LPSK party; the protectee's signature puts its
    non-physical program in force."""
    rights = roles["rights_head"]
    statement = kinds_of(decision)["WILLINGNESS_STATEMENT"]["id"]
    info = programs_of(decision)["INFO_CASE_PROGRESS"]
    before = await everything()
    await not_offered("DOCUMENT", statement, rights, "countersign")
    nobody = answered(await execute(COUNTERSIGN, {"id": statement}, as_=rights), "documentCountersign")
    assert nobody[:2] == ("RULE_VIOLATION", "ADM-5") and await everything() == before
    await not_offered("DOCUMENT", statement, roles["leader"], "protectee_sign")
    await is_offered("DOCUMENT", statement, rights, "protectee_sign")
    signed = done(await execute(PROTECTEE_SIGN, {"id": statement}, as_=rights), "documentProtecteeSign")
    assert signed["status"] == "SIGNED"
    program = (await execute(PROGRAM, {"id": info["id"]}, as_=rights)).data["protectionProgram"]
    assert program["status"] == "ACTIVE"


async def agreement_signed_and_safe_house_started(roles: Demo, decision: dict[str, Any]) -> str:
    """ADM-2, ADM-4, ADM-6, PRG-9: the letter delivered; the safe house cannot start before its
    agreement is signed (ADM-6) nor before its preparation is done (PRG-9); a leader may not sign for
    the chair, the rights-bureau head does, the protectee signs. Returns the program's id."""
    rights, leader = roles["rights_head"], roles["leader"]
    documents = kinds_of(decision)
    agreement = documents["PROTECTION_AGREEMENT"]["id"]
    safe_house = programs_of(decision)["SAFE_HOUSE"]["id"]
    assert programs_of(decision)["SAFE_HOUSE"]["agreementId"] == agreement
    # ADM-2: the protectee's letter, due within 7 days, delivered directly
    letter = documents["NOTIFICATION_PROTECTEE"]
    assert letter["dueOn"] == day(7)
    await not_offered("DOCUMENT", letter["id"], leader, "deliver")
    await is_offered("DOCUMENT", letter["id"], rights, "deliver")
    delivered = done(await execute(DELIVER, {"id": letter["id"]}, as_=rights), "documentDeliver")
    assert (delivered["status"], delivered["deliveryMethod"]) == ("DELIVERED", "DIRECT")
    # ADM-6: no start before the signature
    before = await everything()
    await not_offered("PROTECTION_PROGRAM", safe_house, rights, "activate")
    unsigned = answered(await execute(ACTIVATE, {"id": safe_house}, as_=rights), "protectionProgramActivate")
    assert unsigned[:2] == ("RULE_VIOLATION", "ADM-6") and await everything() == before
    # ADM-4: a leader is not the one who signs for the chair
    await not_offered("DOCUMENT", agreement, leader, "countersign")
    assert error_codes(await execute(COUNTERSIGN, {"id": agreement}, as_=leader)) == ["FORBIDDEN"]
    assert await everything() == before
    await is_offered("DOCUMENT", agreement, rights, "countersign", "protectee_sign")
    lpsk = done(await execute(COUNTERSIGN, {"id": agreement}, as_=rights), "documentCountersign")
    assert lpsk["status"] == "ISSUED" and lpsk["signedOnBehalfOfChairById"]
    signed = done(await execute(PROTECTEE_SIGN, {"id": agreement}, as_=rights), "documentProtecteeSign")
    assert signed["status"] == "SIGNED"
    # PRG-9: signed, but its preparation is not done yet
    before = await everything()
    unprepared = answered(
        await execute(ACTIVATE, {"id": safe_house}, as_=rights), "protectionProgramActivate"
    )
    assert unprepared[:2] == ("RULE_VIOLATION", "PRG-9") and await everything() == before
    for item in ("NEEDS_IDENTIFICATION", "THREAT_ANALYSIS", "LOCAL_COORDINATION", "DOCUMENT_PREPARATION"):
        await not_offered("PROTECTION_PROGRAM", safe_house, leader, "complete_checklist_item")
        await is_offered("PROTECTION_PROGRAM", safe_house, rights, "complete_checklist_item")
        done(
            await execute(CHECKLIST, {"id": safe_house, "input": {"item": item}}, as_=rights),
            "protectionProgramCompleteChecklistItem",
        )
    # signed and prepared: it does not start by itself after the last checklist step — an officer starts it
    program = (await execute(PROGRAM, {"id": safe_house}, as_=rights)).data["protectionProgram"]
    assert program["status"] == "PENDING_SIGNATURE"
    await not_offered("PROTECTION_PROGRAM", safe_house, leader, "activate")
    await is_offered("PROTECTION_PROGRAM", safe_house, rights, "activate")
    done(await execute(ACTIVATE, {"id": safe_house}, as_=rights), "protectionProgramActivate")
    program = (await execute(PROGRAM, {"id": safe_house}, as_=rights)).data["protectionProgram"]
    assert program["status"] == "ACTIVE"
    return safe_house


# --- change, emergency, termination (CHG-1, EMG-1, TRM-1) -------------------------------------------


async def extended_by_decision_and_addendum(roles: Demo, safe_house: str) -> str:
    """CHG-1, ADM-4, ADM-6: a leader's extension decision; the new period waits for its addendum, signed
    for the chair and by the protectee, then replaces the old row. The rights-bureau head may not
    extend, an 'extension' to an earlier day and a second change while one waits are refused.
    Returns the id of the program row now in force."""
    rights, leader = roles["rights_head"], roles["leader"]
    before = await everything()
    await not_offered("PROTECTION_PROGRAM", safe_house, rights, "extend")
    later = {"id": safe_house, "input": {"periodEnd": day(365)}}
    assert error_codes(await execute(EXTEND, later, as_=rights)) == ["FORBIDDEN"]
    shorter = answered(
        await execute(EXTEND, {"id": safe_house, "input": {"periodEnd": day(30)}}, as_=leader),
        "protectionProgramExtend",
    )
    assert shorter == ("RULE_VIOLATION", "CHG-1", "periodEnd") and await everything() == before
    await is_offered("PROTECTION_PROGRAM", safe_house, leader, "extend")
    extended = done(await execute(EXTEND, later, as_=leader), "protectionProgramExtend")
    [change] = extended["protectionProgramsSuperseding"]
    assert extended["status"] == "ACTIVE" and extended["periodEnd"] == day(180)  # in force until signed
    assert (change["status"], change["periodEnd"]) == ("PENDING_SIGNATURE", day(365))
    assert change["decision"]["kind"] == "EXTENSION" and change["decision"]["number"].startswith("KEP-")
    addendum = change["agreement"]
    assert addendum["kind"] == "ADDENDUM" and addendum["addendumToId"]
    # one change at a time
    before = await everything()
    again = answered(
        await execute(EXTEND, {"id": safe_house, "input": {"periodEnd": day(400)}}, as_=leader),
        "protectionProgramExtend",
    )
    assert again[:2] == ("RULE_VIOLATION", "CHG-1") and await everything() == before
    # ADM-6: the new period starts with the addendum's signatures
    done(await execute(PROTECTEE_SIGN, {"id": addendum["id"]}, as_=rights), "documentProtecteeSign")
    pending = (await execute(PROGRAM, {"id": change["id"]}, as_=rights)).data["protectionProgram"]
    assert pending["status"] == "PENDING_SIGNATURE"
    done(await execute(COUNTERSIGN, {"id": addendum["id"]}, as_=rights), "documentCountersign")
    new = (await execute(PROGRAM, {"id": change["id"]}, as_=rights)).data["protectionProgram"]
    old = (await execute(PROGRAM, {"id": safe_house}, as_=rights)).data["protectionProgram"]
    assert (new["status"], new["periodEnd"], new["supersedesId"]) == ("ACTIVE", day(365), safe_house)
    assert old["status"] == "SUPERSEDED"
    return str(change["id"])


async def emergency_protection_granted(roles: Demo, protectee_id: str) -> None:
    """EMG-1 (Pasal 38(2)): asked for by the rights-bureau head, granted once two different leaders
    approved; the same leader twice, and the requester, are refused — nothing changed."""
    rights = roles["rights_head"]
    given = {
        "protecteeId": protectee_id,
        "ground": "LIFE_AT_RISK",
        "situation": "Ancaman pembunuhan (fiktif).",
    }
    request = done(
        await execute(EMERGENCY_REQUEST, {"input": given}, as_=rights), "emergencyProtectionRequest"
    )
    record_id = request["id"]
    first, second = (await leaders())[:2]
    await is_offered("EMERGENCY_PROTECTION", record_id, first, "approve")
    one = done(await execute(EMERGENCY_APPROVE, {"id": record_id}, as_=first), "emergencyProtectionApprove")
    assert one["status"] == "REQUESTED" and one["officialRecord"] is None
    before = await everything()
    await not_offered("EMERGENCY_PROTECTION", record_id, first, "approve")
    twice = answered(
        await execute(EMERGENCY_APPROVE, {"id": record_id}, as_=first), "emergencyProtectionApprove"
    )
    assert twice[:2] == ("RULE_VIOLATION", "EMG-1")
    assert error_codes(await execute(EMERGENCY_APPROVE, {"id": record_id}, as_=rights)) == ["FORBIDDEN"]
    assert await everything() == before
    await is_offered("EMERGENCY_PROTECTION", record_id, second, "approve")
    granted = done(
        await execute(EMERGENCY_APPROVE, {"id": record_id}, as_=second), "emergencyProtectionApprove"
    )
    assert granted["status"] == "APPROVED" and granted["approvedAt"]
    official = granted["officialRecord"]
    assert (official["kind"], official["recordType"], official["status"]) == (
        "OFFICIAL_RECORD",
        "EMERGENCY",
        "ISSUED",
    )


async def terminated(roles: Demo, program_id: str) -> None:
    """TRM-1 (Pasal 40–41): a leader's written decision on ground (a) — the application was the
    person's own; ground (b) and the rights-bureau head are refused, nothing changed."""
    rights, leader = roles["rights_head"], roles["leader"]
    own = {
        "id": program_id,
        "input": {"grounds": ["PROTECTEE_REQUEST"], "reason": "Surat permohonan Terlindung."},
    }
    official = {"id": program_id, "input": {"grounds": ["OFFICIAL_REQUEST"], "reason": "Surat penyidik."}}
    before = await everything()
    await not_offered("PROTECTION_PROGRAM", program_id, rights, "terminate")
    assert error_codes(await execute(TERMINATE, own, as_=rights)) == ["FORBIDDEN"]
    wrong = answered(await execute(TERMINATE, official, as_=leader), "protectionProgramTerminate")
    assert wrong == ("RULE_VIOLATION", "TRM-1", "grounds") and await everything() == before
    await is_offered("PROTECTION_PROGRAM", program_id, leader, "terminate")
    ended = done(await execute(TERMINATE, own, as_=leader), "protectionProgramTerminate")
    assert (ended["status"], ended["terminationReason"]) == ("TERMINATED", "PROTECTEE_REQUEST")
    assert ended["terminationDecision"]["kind"] == "TERMINATION"
    assert ended["terminationDecision"]["number"].startswith("KEP-")


async def test_protection_journey_from_proactive_action_to_termination_pro_1_pro_2_pro_4_app_4_dec_1_dec_2_adm_1_adm_2_adm_4_adm_5_adm_6_prg_9_chg_1_emg_1_trm_1(
    demo,  # noqa: F811
):
    # given: the demo organisation
    # when: the whole path, each step offered to the right person and refused the way around
    action_id = await proactive_action_approved(demo)
    member = await team_formed_and_out(demo, action_id)
    application_id = await application_from_the_action(demo, action_id, member)
    await reviewed(demo, application_id)
    decision = await decided(demo, application_id, ["SAFE_HOUSE", "INFO_CASE_PROGRESS"], unaddressed=True)
    await statement_signed(demo, decision)
    safe_house = await agreement_signed_and_safe_house_started(demo, decision)
    in_force = await extended_by_decision_and_addendum(demo, safe_house)
    await emergency_protection_granted(demo, decision["protecteeId"])
    await terminated(demo, in_force)
    # then: every step is in the records' history, in order of the path
    leader = demo["leader"]
    assert await history(action_id, leader) == sorted(
        [
            ("report", None, "reported"),
            ("analyse", "reported", "analysed"),
            ("approve", "analysed", "approved"),
            ("form_team", "approved", "team_formed"),
            ("start", "team_formed", "executing"),
            ("conclude_with_application", "executing", "concluded"),
        ]
    )
    assert await history(application_id, leader) == sorted(
        [
            ("file_proactive", None, "received"),
            ("start_review", "received", "under_review"),
            ("complete_review", "under_review", "reviewed"),
            ("accept", "reviewed", "decided_accepted"),
        ]
    )
    assert await history(in_force, leader) == sorted(
        [
            ("grant", None, "pending_signature"),
            ("take_effect", "pending_signature", "active"),
            ("terminate", "active", "terminated"),
        ]
    )


# --- journey (b): a partner agency's referral (APP-4, AC-2) -----------------------------------------


def referral() -> dict[str, Any]:
    """APP-4: what the police refer — a witness, protection requested by one of its officials."""
    return {
        "role": "WITNESS",
        "fullName": "Budi Contoh Fiktif",
        "nik": "3174010101880002",
        "address": "Jl. Saksi Fiktif No. 9",
        "crimeType": "CORRUPTION",
        "incidentSummary": "Saksi perkara korupsi (fiktif).",
        "initiator": "OFFICIAL",
        "initiatingOfficialName": "AKP Fiktif",
        "requestedPrograms": ["INFO_CASE_PROGRESS"],
    }


async def referred(roles: Demo) -> str:
    """APP-4, AC-2: the police's token refers; a token without the refer scope and the token filing
    as staff do are refused, nothing changed."""
    partner = roles["partner"]
    before = await everything()
    narrow = await partner_of(AgencyKind.POLICE, frozenset(SCOPES) - {"applications:refer"})
    assert error_codes(await execute(REFER, {"input": referral()}, as_=narrow)) == ["FORBIDDEN"]
    as_staff_does = await execute(
        "mutation F($input: ApplicationFileInput!) { applicationFile(input: $input) { __typename } }",
        {"input": {**referral(), "channel": "REFERRAL"}},
        as_=partner,
    )
    assert error_codes(as_staff_does) == ["FORBIDDEN"] and await everything() == before
    record = done(await execute(REFER, {"input": referral()}, as_=partner), "applicationRefer")
    assert (record["status"], record["channel"], record["initiator"]) == ("RECEIVED", "REFERRAL", "OFFICIAL")
    assert record["referredByAgencyId"] == str(partner.agency_id)
    return str(record["id"])


async def partner_reads_its_referral_and_nothing_more(roles: Demo, referral_id: str, other_id: str) -> None:
    """AC-2: the partner reads back the application it referred — decided — but not the person (APP-3)
    nor the decision (ADM-3's letter tells it that), nor another application, nor, with another agency's
    token, this one."""
    partner = roles["partner"]
    mine = await execute(APPLICATION, {"id": referral_id}, as_=partner)
    assert mine.errors is None, mine.errors
    application = mine.data["application"]
    assert application is not None, "the partner cannot read the application it referred"
    assert (application["status"], application["channel"]) == ("DECIDED_ACCEPTED", "REFERRAL")
    assert application["referredByAgencyId"] == str(partner.agency_id)
    assert (application["applicant"], application["decisions"]) == (None, [])  # no protectee, no decision
    listed = await execute(APPLICATIONS, as_=partner)
    assert listed.errors is None, listed.errors
    nodes = listed.data["applications"]["nodes"]
    assert referral_id in {n["id"] for n in nodes}
    # only the agency's own: referred by it, or requested by its official (APP-4, TRM-1b)
    agency = str(partner.agency_id)
    assert all(agency in (n["referredByAgencyId"], n["initiatingAgencyId"]) for n in nodes), nodes
    # another application, and the same referral for another agency's token: as if unknown (AC-12)
    other = await execute(APPLICATION, {"id": other_id}, as_=partner)
    assert error_codes(other) == ["NOT_FOUND"]
    court = await partner_of(AgencyKind.COURT)
    theirs = await execute(APPLICATION, {"id": referral_id}, as_=court)
    assert error_codes(theirs) == ["NOT_FOUND"]


async def test_protection_journey_from_a_partner_referral_to_programs_in_force_app_4_ac_2_dec_1_dec_2_adm_5_adm_6(
    demo,  # noqa: F811
):
    # given: the demo organisation and the police's token
    partner = demo["partner"]
    # when: referred, reviewed, decided, its statement signed
    referral_id = await referred(demo)
    before = await everything()
    assert error_codes(await execute(START_REVIEW, {"id": referral_id}, as_=partner)) == ["FORBIDDEN"]
    assert await everything() == before
    await reviewed(demo, referral_id)
    given = decision_input(referral_id, ["INFO_CASE_PROGRESS"])
    assert error_codes(await execute(DECIDE, {"input": given}, as_=partner)) == ["FORBIDDEN"]
    decision = await decided(demo, referral_id, ["INFO_CASE_PROGRESS"], unaddressed=False)
    await statement_signed(demo, decision)
    # then: the program is in force, and the police read back their referral and nothing more
    info = programs_of(decision)["INFO_CASE_PROGRESS"]["id"]
    program = await execute(PROGRAM, {"id": info}, as_=demo["rights_head"])
    assert program.data["protectionProgram"]["status"] == "ACTIVE"
    everyone = await execute(APPLICATIONS, as_=demo["leader"])
    agency = str(partner.agency_id)
    other = next(
        n["id"]
        for n in everyone.data["applications"]["nodes"]
        if agency not in (n["referredByAgencyId"], n["initiatingAgencyId"])
    )
    await partner_reads_its_referral_and_nothing_more(demo, referral_id, other)
