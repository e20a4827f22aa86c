"""Every path of Lamp. 2 (01, Pasal 9–11) end to end through GraphQL alone, as a frontend would run it:
from the first step to the letter (ASG-10), through the team (ASG-7 … ASG-9) to the results the owning
unit head accepts (PERF-4). Before each step the acting person's `availableActions` must offer it, with
the input fields the step is about to send, and a wrong person's must not (the requester on their own
approval, another unit's head, …); the wrong person's attempt is refused with nothing changed.

Paths: A.1 within a unit (ASG-1), A.2 across units (ASG-2), A.3 another agency's officers at LPSK's
request (ASG-3: one answer through the agency's partner token, one recorded by the Secretary General
from the agency's letter), A.4 LPSK staff at an agency's request (ASG-4), B within a unit (ASG-5) and
B across units (ASG-6), both applying to work in a running team of the unit that owns the task."""

from __future__ import annotations

import re
from typing import Any

from models.assignments import Team, TeamStatus
from models.numbering import NumberSequence
from models.organisation import Agency, AgencyKind, Position, Staff, Unit
from tests.client import error_codes, execute
from tests.organisation.assignment_path_factories import token_of
from tests.organisation.conftest import Demo, as_staff
from tests.workflows.factories import snapshot

JOURNEY = """
fragment Journey on Assignment {
  id status path kind staffId teamId requestingUnitId targetUnitId resultsSummary
  assignmentLetters { number issuerCode status }
  involvementRequests { id status kind direction requestedStaffId }
  team { id status leadId teamMemberships { staffId role leftOn involvementRequestId } }
}
"""


def _step(field: str, success: str, *, input_type: str | None = None, creates: bool = False) -> str:
    """The document of one workflow mutation, answering the record (`Journey`) or the error."""
    params = [] if creates else ["$id: ID!"]
    args = [] if creates else ["id: $id"]
    if input_type:
        params.append(f"$input: {input_type}!")
        args.append("input: $input")
    selection = "record { ...Journey }" if success.startswith("Assignment") else "record { id status }"
    if success.startswith("Team"):
        selection = "record { id status leadId teamMemberships { staffId role leftOn involvementRequestId } }"
    return (
        f"mutation Step({', '.join(params)}) {{\n  {field}({', '.join(args)}) {{\n    __typename\n"
        f"    ... on {success} {{ {selection} }}\n    ... on MutationError {{ code message field rule }}\n"
        "  }\n}\n" + (JOURNEY if "Journey" in selection else "")
    )


APPOINT = _step(
    "assignmentAppoint", "AssignmentAppointSuccess", input_type="AssignmentAppointInput", creates=True
)
REQUEST_INVOLVEMENT = _step(
    "assignmentRequestInvolvement",
    "AssignmentRequestInvolvementSuccess",
    input_type="AssignmentRequestInvolvementInput",
    creates=True,
)
REQUEST_AGENCY = _step(
    "assignmentRequestAgencyInvolvement",
    "AssignmentRequestAgencyInvolvementSuccess",
    input_type="AssignmentRequestAgencyInvolvementInput",
    creates=True,
)
RECEIVE_AGENCY_REQUEST = _step(
    "assignmentReceiveAgencyRequest",
    "AssignmentReceiveAgencyRequestSuccess",
    input_type="AssignmentReceiveAgencyRequestInput",
    creates=True,
)
APPLY = _step("assignmentApply", "AssignmentApplySuccess", input_type="AssignmentApplyInput", creates=True)
APPROVE_APPLICATION = _step("assignmentApproveApplication", "AssignmentApproveApplicationSuccess")
PROPOSE = _step("assignmentProposeToSecretaryGeneral", "AssignmentProposeToSecretaryGeneralSuccess")
CONSULT = _step("assignmentConsultSecretaryGeneral", "AssignmentConsultSecretaryGeneralSuccess")
SEND_AGENCY_REQUEST = _step("assignmentSendAgencyRequest", "AssignmentSendAgencyRequestSuccess")
ISSUE_LETTER = _step("assignmentIssueLetter", "AssignmentIssueLetterSuccess")
DELIVER = _step("assignmentDeliver", "AssignmentDeliverSuccess")
START = _step("assignmentStart", "AssignmentStartSuccess")
SUBMIT_RESULTS = _step(
    "assignmentSubmitResults", "AssignmentSubmitResultsSuccess", input_type="AssignmentSubmitResultsInput"
)
ACCEPT_RESULTS = _step("assignmentAcceptResults", "AssignmentAcceptResultsSuccess")
APPROVE_INVOLVEMENT = _step(
    "involvementRequestApprove",
    "InvolvementRequestApproveSuccess",
    input_type="InvolvementRequestApproveInput",
)
ADVISE = _step(
    "involvementRequestAdvise", "InvolvementRequestAdviseSuccess", input_type="InvolvementRequestAdviseInput"
)
AGENCY_APPROVE = _step(
    "involvementRequestAgencyApprove",
    "InvolvementRequestAgencyApproveSuccess",
    input_type="InvolvementRequestAgencyApproveInput",
)
TEAM_ADD_MEMBER = _step("teamAddMember", "TeamAddMemberSuccess", input_type="TeamAddMemberInput")
AVAILABLE = """
query Available($type: WorkflowRecordType!, $id: ID!) {
  availableActions(recordType: $type, id: $id) { action mutation rules inputFields { name required } }
}
"""
LETTER_NUMBER = re.compile(r"ST-(\d{4})/([A-Z0-9-]+)/(\d{4})")


# --- the journey: read availableActions, then take the step ------------------------------------------


def _field(document: str) -> str:
    found = re.search(r"\{\s*(\w+)\(", document)
    assert found, document
    return found.group(1)


async def signed_in(who: Any) -> Any:
    """A staff member's principal as a request of theirs gets it now (AC-1: their teams, AC-8, as of
    this request), or the principal (token, Secretary General) as given."""
    return await as_staff(who) if isinstance(who, Staff) else who


async def run_as(document: str, variables: dict[str, Any], who: Any) -> Any:
    return await execute(document, variables, as_=await signed_in(who))


async def offered(who: Any, record_type: str, record_id: str) -> dict[str, dict[str, Any]]:
    """The steps `who` is offered on the record, by mutation name; none when they cannot read it."""
    result = await run_as(AVAILABLE, {"type": record_type, "id": record_id}, who)
    if error_codes(result) in (["NOT_FOUND"], ["FORBIDDEN"]):
        return {}
    assert result.errors is None, result.errors
    return {a["mutation"]: a for a in result.data["availableActions"]}


def _refused(result: Any) -> bool:
    if error_codes(result):
        return True
    (answer,) = result.data.values()
    return answer["__typename"] == "MutationError"


class Journey:
    """One path, walked step by step through GraphQL as the persons the path names."""

    async def take(
        self,
        document: str,
        as_: Any,
        on: tuple[str, str] | None = None,
        given: dict[str, Any] | None = None,
        *,
        not_for: tuple[Any, ...] = (),
        rule: str | None = None,
    ) -> dict[str, Any]:
        """`as_` is offered the step on `on` (record type, id) with the input fields `given` uses, the
        persons `not_for` are not and are refused with nothing changed; then `as_` takes it."""
        field = _field(document)
        variables: dict[str, Any] = {}
        if on is not None:
            variables["id"] = on[1]
        if given is not None:
            variables["input"] = given
        if on is not None:
            offer = (await offered(as_, *on)).get(field)
            assert offer is not None, f"{field} is not offered on {on[0]}"
            names = {f["name"] for f in offer["inputFields"]}
            required = {f["name"] for f in offer["inputFields"] if f["required"]}
            assert set(given or {}) <= names and required <= set(given or {}), (field, names, given)
            if rule:
                assert rule in offer["rules"], (field, offer["rules"])
        for wrong in not_for:
            if on is not None:
                assert field not in await offered(wrong, *on), f"{field} offered to a wrong person"
            before = await snapshot()
            assert _refused(await run_as(document, variables, wrong)), f"{field} taken by a wrong person"
            assert await snapshot() == before
        result = await run_as(document, variables, as_)
        assert result.errors is None, result.errors
        answer = result.data[field]
        assert answer["__typename"].endswith("Success"), answer
        return dict(answer["record"])

    async def refused(self, document: str, as_: Any, on: tuple[str, str] | None, given: Any = None) -> dict:
        """A way around the path: refused with a rule, nothing changed."""
        variables: dict[str, Any] = {"id": on[1]} if on else {}
        if given is not None:
            variables["input"] = given
        before = await snapshot()
        result = await run_as(document, variables, as_)
        assert result.errors is None, result.errors
        answer = result.data[_field(document)]
        assert answer["__typename"] == "MutationError", answer
        assert await snapshot() == before
        return dict(answer)

    async def head(self, code: str) -> Staff:
        unit = await Unit.get(code=code)
        return await Staff.get(id=unit.head_id)  # type: ignore[attr-defined]


def assignment_of(record: dict[str, Any]) -> tuple[str, str]:
    return ("ASSIGNMENT", record["id"])


def members(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["staffId"]: m for m in record["team"]["teamMemberships"] if m["leftOn"] is None}


async def next_number(issuer: str, year: int) -> int:
    row = await NumberSequence.get_or_none(series="ST", issuer=issuer, year=year)
    return (row.last_number if row else 0) + 1


async def letter_issued(journey: Journey, record: dict[str, Any], issuer: str, as_: Any, **kw: Any) -> dict:
    """ASG-10: the letter, numbered right after the issuer's last of the year, in force."""
    issued = await journey.take(ISSUE_LETTER, as_, assignment_of(record), **kw)
    [letter] = issued["assignmentLetters"]
    number = LETTER_NUMBER.fullmatch(letter["number"])
    assert number and number.group(2) == issuer == letter["issuerCode"], letter
    year = int(number.group(3))
    assert int(number.group(1)) == await next_number(issuer, year) - 1  # the last number taken, no gap
    assert (issued["status"], letter["status"]) == ("LETTER_ISSUED", "ISSUED")
    return issued


async def results_accepted(
    journey: Journey, record: dict[str, Any], doer: Any, owning_head: Any, *, not_for: tuple[Any, ...]
) -> dict[str, Any]:
    """PERF-4: the person assigned (or the lead) reports; only the owning unit head accepts, never
    whoever reported (AC-7) nor another unit's head."""
    reported = await journey.take(
        SUBMIT_RESULTS,
        doer,
        assignment_of(record),
        {"summary": "Target tercapai; laporan terlampir."},
        not_for=(owning_head,),
    )
    assert reported["status"] == "RESULTS_SUBMITTED"
    done = await journey.take(ACCEPT_RESULTS, owning_head, assignment_of(record), not_for=(doer, *not_for))
    assert (done["status"], done["resultsSummary"]) == ("COMPLETED", "Target tercapai; laporan terlampir.")
    return done


async def free_staff(demo: Demo, code: str, team: Team | None = None) -> list[Staff]:
    """Staff of the unit not on `team` today, in a stable order."""
    on_team = set()
    if team is not None:
        on_team = {m.staff_id for m in await team.team_memberships.filter(left_on__isnull=True)}  # type: ignore[attr-defined]
    return [s for s in await demo.staff_of(code) if s.id not in on_team]


async def running_team_of(code: str) -> Team:
    """A running team of the unit that owns it, people of that unit only (demo: TIM-…-001)."""
    unit = await Unit.get(code=code)
    team = await Team.filter(owning_unit_id=unit.id, status=TeamStatus.ACTIVE, is_cross_unit=False).first()
    assert team is not None, f"the demo has no running team of {code}"
    return team


async def police_officers(n: int) -> tuple[Agency, list[Staff]]:
    police = await Agency.filter(kind=AgencyKind.POLICE).order_by("code").first()
    assert police is not None
    officers = [
        await Staff.create(
            employee_number=f"POL-E2E-{i:02d}",
            full_name=f"Petugas Polisi {i}",
            email=f"petugas.e2e{i}@polda-fiktif.example",
            position=Position.EXTERNAL,
            agency=police,
        )
        for i in range(1, n + 1)
    ]
    return police, officers


# --- A. Penunjukan ---------------------------------------------------------------------------------


async def test_assignment_path_a1_within_unit_end_to_end_asg_1_asg_10_asg_9_perf_4(demo):
    # given: the review bureau's head and staff; the rights-fulfilment head as the other unit's head
    journey = Journey()
    unit = await Unit.get(code="BIRO-PP")
    head, other_head = await journey.head("BIRO-PP"), await journey.head("BIRO-PH")
    lead, member, newcomer = (await demo.staff_of("BIRO-PP"))[:3]
    outsider = (await demo.staff_of("BIRO-PH"))[0]
    given = {
        "unitId": str(unit.id),
        "title": "Telaah cepat permohonan prioritas",
        "teamName": "Tim Telaah Cepat",
        "leadId": str(lead.id),
        "memberIds": [str(member.id)],
    }
    # when: the head drafts the team appointment (another unit's head may not, ASG-1)
    draft = await journey.take(APPOINT, head, given=given, not_for=(other_head, lead))
    # then: the letter only from this unit's head, in the unit's series (ASG-1, ASG-10)
    assert (draft["status"], draft["path"], draft["team"]["status"]) == (
        "DRAFT",
        "WITHIN_UNIT_APPOINTMENT",
        "FORMING",
    )
    issued = await letter_issued(
        journey, draft, "BIRO-PP", head, not_for=(lead, other_head, demo["secretary_general"])
    )
    assert issued["team"]["status"] == "ACTIVE"
    assert set(members(issued)) == {str(lead.id), str(member.id)}
    # the team (ASG-9): the head adds one of the unit; nobody of another unit without a request (ASG-7)
    team = ("TEAM", issued["teamId"])
    way_around = await journey.refused(TEAM_ADD_MEMBER, head, team, {"staffId": str(outsider.id)})
    assert (way_around["rule"], way_around["field"]) == ("ASG-7", "involvementRequestId")
    grown = await journey.take(
        TEAM_ADD_MEMBER, head, team, {"staffId": str(newcomer.id)}, not_for=(lead, other_head), rule="ASG-9"
    )
    assert str(newcomer.id) in {m["staffId"] for m in grown["teamMemberships"] if m["leftOn"] is None}
    # the lead starts and reports; the unit head accepts (PERF-4)
    started = await journey.take(START, lead, assignment_of(issued), not_for=(member, other_head))
    assert started["status"] == "IN_PROGRESS"
    done = await results_accepted(journey, issued, lead, head, not_for=(other_head, member))
    assert done["team"]["status"] == "CLOSED"


async def test_assignment_path_a2_across_units_end_to_end_asg_2_asg_7_asg_10_perf_4(demo):
    # given: the rights-fulfilment bureau needs a reviewer of the application-review bureau on its team
    journey = Journey()
    rights, review = await Unit.get(code="BIRO-PH"), await Unit.get(code="BIRO-PP")
    proposing, target_head = await journey.head("BIRO-PH"), await journey.head("BIRO-PP")
    sg = demo["secretary_general"]
    lead, member, own_newcomer = (await demo.staff_of("BIRO-PH"))[:3]
    reviewer, other_reviewer = (await demo.staff_of("BIRO-PP"))[1:3]
    given = {
        "unitId": str(rights.id),
        "targetUnitId": str(review.id),
        "title": "Telaah bersama berkas kekerasan seksual",
        "purpose": "Keahlian penelaahan permohonan.",
        "teamName": "Tim Telaah Bersama",
        "leadId": str(lead.id),
        "memberIds": [str(member.id)],
        "requestedStaffIds": [str(reviewer.id)],
    }
    # when: the proposing head asks (the target head cannot start it for them)
    asked = await journey.take(REQUEST_INVOLVEMENT, proposing, given=given, not_for=(lead,))
    [request] = asked["involvementRequests"]
    assert (asked["status"], request["status"], request["kind"]) == (
        "AWAITING_INVOLVEMENT",
        "SUBMITTED",
        "APPOINTMENT",
    )
    # the target head decides, weighing availability; never the requester (AC-7), nor the SG
    involvement = ("INVOLVEMENT_REQUEST", request["id"])
    decided = await journey.take(
        APPROVE_INVOLVEMENT,
        target_head,
        involvement,
        {"availabilityNote": "Tersedia dua hari per minggu."},
        not_for=(proposing, sg),
        rule="ASG-2",
    )
    assert decided["status"] == "APPROVED"
    # then the proposing head proposes to the SG, who alone issues the letter (LPSK series)
    proposed = await journey.take(PROPOSE, proposing, assignment_of(asked), not_for=(target_head, lead))
    assert proposed["status"] == "PROPOSED_TO_SG"
    issued = await letter_issued(journey, asked, "LPSK", sg, not_for=(proposing, target_head))
    # the reviewer joined on the approved request (ASG-7, AC-8); the team runs under the owning head
    on_team = members(issued)
    assert on_team[str(reviewer.id)]["involvementRequestId"] == request["id"]
    assert on_team[str(lead.id)]["role"] == "LEAD" and issued["team"]["status"] == "ACTIVE"
    team = ("TEAM", issued["teamId"])
    way_around = await journey.refused(TEAM_ADD_MEMBER, proposing, team, {"staffId": str(other_reviewer.id)})
    assert way_around["rule"] == "ASG-7"
    await journey.take(
        TEAM_ADD_MEMBER, proposing, team, {"staffId": str(own_newcomer.id)}, not_for=(target_head, lead)
    )
    await journey.take(START, lead, assignment_of(asked), not_for=(reviewer,))
    done = await results_accepted(journey, asked, lead, proposing, not_for=(target_head, sg))
    assert done["team"]["status"] == "CLOSED"


async def test_assignment_path_a3_across_agencies_at_lpsk_request_end_to_end_asg_3_asg_10(demo):
    # given: the review bureau needs two police officers; the police answer once through their partner
    # token (only `involvement_requests:respond`) and once by letter, recorded by the SG
    journey = Journey()
    review = await Unit.get(code="BIRO-PP")
    head, other_head = await journey.head("BIRO-PP"), await journey.head("BIRO-PH")
    sg = demo["secretary_general"]
    police, officers = await police_officers(2)
    token = token_of(police)
    unscoped = token_of(police, "referrals:respond")  # the agency's token, without the scope (AC-2)
    lead, member, newcomer = (await demo.staff_of("BIRO-PP"))[:3]
    given = {
        "unitId": str(review.id),
        "agencyId": str(police.id),
        "title": "Pengamanan saksi kunci di persidangan",
        "purpose": "Penghubung kepolisian untuk pengamanan saksi.",
        "teamName": "Tim Pengamanan Saksi Kunci",
        "leadId": str(lead.id),
        "memberIds": [str(member.id)],
        "requestedStaffIds": [str(o.id) for o in officers],
    }
    # when: the unit head consults the SG on the need; the SG sends the written request
    consulting = await journey.take(REQUEST_AGENCY, head, given=given, not_for=(token, other_head))
    assert consulting["status"] == "CONSULTING"
    assert {r["status"] for r in consulting["involvementRequests"]} == {"DRAFT"}
    sent = await journey.take(SEND_AGENCY_REQUEST, sg, assignment_of(consulting), not_for=(head, token))
    assert sent["status"] == "AWAITING_INVOLVEMENT"
    by_token, by_letter = sorted(
        sent["involvementRequests"], key=lambda r: given["requestedStaffIds"].index(r["requestedStaffId"])
    )
    # the agency answers itself, through its token; LPSK's heads cannot answer for it (AC-2)
    answered = await journey.take(
        AGENCY_APPROVE,
        token,
        ("INVOLVEMENT_REQUEST", by_token["id"]),
        {"note": "Petugas tersedia."},
        not_for=(head, other_head, unscoped),
        rule="ASG-3",
    )
    assert answered["status"] == "APPROVED"
    # … or in writing: the SG records it, citing the agency's letter (without it, refused)
    letter_request = ("INVOLVEMENT_REQUEST", by_letter["id"])
    way_around = await journey.refused(AGENCY_APPROVE, sg, letter_request, {"note": "Disetujui."})
    assert (way_around["rule"], way_around["field"]) == ("ASG-3", "agencyLetter")
    recorded = await journey.take(
        AGENCY_APPROVE,
        sg,
        letter_request,
        {"agencyLetter": "B/45/XI/2026/Polda, 20 November 2026"},
        not_for=(head,),
    )
    assert recorded["status"] == "APPROVED"
    # then: the SG's team letter (LPSK series), sent to the agency head to forward (ASG-3)
    issued = await letter_issued(journey, consulting, "LPSK", sg, not_for=(head, token))
    on_team = members(issued)
    assert {on_team[str(o.id)]["involvementRequestId"] for o in officers} == {by_token["id"], by_letter["id"]}
    delivered = await journey.take(DELIVER, sg, assignment_of(consulting), not_for=(head, token))
    assert delivered["status"] == "DELIVERED"
    # the team under the owning head (ASG-9); the agency does not set who is on it
    team = ("TEAM", issued["teamId"])
    await journey.take(TEAM_ADD_MEMBER, head, team, {"staffId": str(newcomer.id)}, not_for=(token, lead))
    await journey.take(START, lead, assignment_of(consulting), not_for=(token, other_head))
    done = await results_accepted(journey, consulting, lead, head, not_for=(other_head, sg, token))
    assert done["team"]["status"] == "CLOSED"


async def test_assignment_path_a4_lpsk_staff_at_an_agency_request_end_to_end_asg_4_asg_10_perf_4(demo):
    # given: the police ask in writing for a rights-fulfilment officer (an individual assignment:
    # ASG-4 forms no team)
    journey = Journey()
    rights = await Unit.get(code="BIRO-PH")
    related_head, other_head = await journey.head("BIRO-PH"), await journey.head("BIRO-PP")
    sg = demo["secretary_general"]
    police = await Agency.filter(kind=AgencyKind.POLICE).order_by("code").first()
    person = (await demo.staff_of("BIRO-PH"))[1]
    given = {
        "agencyId": str(police.id),
        "targetUnitId": str(rights.id),
        "title": "Narasumber pelatihan penyidik",
        "purpose": "Materi hak saksi dan korban.",
        "agencyLetter": "B/88/XI/2026/Polda",
    }
    # when: the SG records the agency's letter (not the unit head) and consults the related head
    received = await journey.take(
        RECEIVE_AGENCY_REQUEST, sg, given=given, not_for=(related_head, demo["partner"])
    )
    [request] = received["involvementRequests"]
    involvement = ("INVOLVEMENT_REQUEST", request["id"])
    # the SG is not offered the decision before the related head's advice is on record (ASG-4)
    assert "involvementRequestApprove" not in await offered(sg, *involvement)
    await journey.take(
        ADVISE,
        related_head,
        involvement,
        {"availabilityNote": "Tersedia minggu depan.", "staffId": str(person.id)},
        not_for=(other_head, sg),
        rule="ASG-4",
    )
    approved = await journey.take(
        APPROVE_INVOLVEMENT,
        sg,
        involvement,
        {"availabilityNote": "Relevan."},
        not_for=(related_head, other_head),
    )
    assert approved["status"] == "APPROVED"
    # then: the SG's letter; the related head delivers it to the person and to the agency
    issued = await letter_issued(journey, received, "LPSK", sg, not_for=(related_head,))
    assert issued["staffId"] == str(person.id)
    delivered = await journey.take(DELIVER, related_head, assignment_of(received), not_for=(sg, other_head))
    assert delivered["status"] == "DELIVERED"
    await journey.take(START, person, assignment_of(received), not_for=(related_head,))
    # the unit whose staff serve the agency owns the task (PERF-4)
    await results_accepted(journey, received, person, related_head, not_for=(other_head,))


# --- B. Pengajuan sukarela -------------------------------------------------------------------------


async def test_assignment_path_b_within_unit_end_to_end_asg_5_asg_7_asg_10_perf_4(demo):
    # given: a rights-fulfilment staff member applies to work in a running team of their own unit
    journey = Journey()
    team = await running_team_of("BIRO-PH")
    head, other_head = await journey.head("BIRO-PH"), await journey.head("BIRO-PP")
    applicant = (await free_staff(demo, "BIRO-PH", team))[0]
    team_lead = await Staff.get(id=team.lead_id)  # type: ignore[attr-defined]
    given = {"title": "Dukungan layanan rumah aman", "teamId": str(team.id)}
    # when: they apply (their head does not apply for them, ASG-5)
    applied = await journey.take(APPLY, applicant, given=given, not_for=(head,))
    assert (applied["status"], applied["path"], applied["kind"]) == (
        "SUBMITTED",
        "WITHIN_UNIT_VOLUNTARY",
        "VOLUNTARY_APPLICATION",
    )
    # the unit head decides — not the applicant (AC-7), not another unit's head, not the team lead
    approved = await journey.take(
        APPROVE_APPLICATION, head, assignment_of(applied), not_for=(applicant, other_head, team_lead)
    )
    assert approved["status"] == "APPROVED"
    issued = await letter_issued(journey, applied, "BIRO-PH", head, not_for=(applicant, other_head))
    # then: the applicant joined the team they applied to (ASG-7: the owning unit's own)
    assert members(issued)[str(applicant.id)]["involvementRequestId"] is None
    assert "teamAddMember" not in await offered(applicant, "TEAM", str(team.id))
    # the person assigned starts (the lead of the team they joined may too: completion.LEAD)
    await journey.take(START, applicant, assignment_of(applied), not_for=(head, other_head))
    await results_accepted(journey, applied, applicant, head, not_for=(other_head, team_lead))


async def test_assignment_path_b_across_units_end_to_end_asg_6_asg_7_asg_10_perf_4(demo):
    # given: a reviewer applies to work in a running team of the rights-fulfilment bureau
    journey = Journey()
    team = await running_team_of("BIRO-PH")
    rights = await Unit.get(code="BIRO-PH")
    own_head, target_head = await journey.head("BIRO-PP"), await journey.head("BIRO-PH")
    sg = demo["secretary_general"]
    applicant = (await free_staff(demo, "BIRO-PP", team))[-1]
    given = {
        "title": "Pendampingan saksi di persidangan",
        "targetUnitId": str(rights.id),
        "teamId": str(team.id),
    }
    applied = await journey.take(APPLY, applicant, given=given, not_for=(own_head,))
    assert (applied["status"], applied["path"]) == ("SUBMITTED", "CROSS_UNIT_VOLUNTARY")
    # when: the own head approves (availability) and so forwards it; the target head cannot skip them
    forwarded = await journey.take(
        APPROVE_APPLICATION, own_head, assignment_of(applied), not_for=(target_head, applicant)
    )
    [request] = forwarded["involvementRequests"]
    assert (forwarded["status"], request["kind"], request["requestedStaffId"]) == (
        "OWN_HEAD_APPROVED",
        "VOLUNTARY_APPLICATION",
        str(applicant.id),
    )
    # the target head decides (duties, expertise); not the own head, not the applicant
    involvement = ("INVOLVEMENT_REQUEST", request["id"])
    await journey.take(
        APPROVE_INVOLVEMENT,
        target_head,
        involvement,
        {"availabilityNote": "Sesuai keahlian."},
        not_for=(own_head, applicant),
        rule="ASG-6",
    )
    consulting = await journey.take(
        CONSULT, target_head, assignment_of(applied), not_for=(own_head, applicant)
    )
    assert consulting["status"] == "CONSULTING"
    # then: the SG's letter; the target head delivers it through the own head
    issued = await letter_issued(journey, applied, "LPSK", sg, not_for=(target_head, own_head))
    assert members(issued)[str(applicant.id)]["involvementRequestId"] == request["id"]  # ASG-7, AC-8
    delivered = await journey.take(DELIVER, target_head, assignment_of(applied), not_for=(own_head, sg))
    assert delivered["status"] == "DELIVERED"
    assert "teamAddMember" not in await offered(own_head, "TEAM", str(team.id))  # ASG-9: the owning head's
    await journey.take(START, applicant, assignment_of(applied), not_for=(own_head,))
    # the unit applied to owns the task: its head accepts, not the applicant's own head (PERF-4)
    await results_accepted(journey, applied, applicant, target_head, not_for=(own_head, sg))
