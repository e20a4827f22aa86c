"""Programs and their documents through GraphQL, as the roles of the demo organisation: signatures
for the chair and by the protectee, programs in force once signed, overdue letters, the letter a
partner agency receives, costs in rupiah, changes and termination by the leaders (ADM-2 … ADM-6,
PRG-8, CHG-1, TRM-1) — every way around refused with nothing changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from models.documents import Document, DocumentKind
from models.programs import CostReimbursement, ProgramChecklistItem, ProtectionProgram
from tests.client import error_codes, execute
from tests.organisation.conftest import Demo
from tests.protection.factories import snapshot
from tests.protection.test_api_applications import DECIDE, payload, reviewed_by_the_review_head, today

COUNTERSIGN = """
mutation Countersign($id: ID!) {
  documentCountersign(id: $id) {
    __typename
    ... on DocumentCountersignSuccess { record { status signedOnBehalfOfChairById } }
    ... on MutationError { code message field rule }
  }
}
"""
PROTECTEE_SIGN = """
mutation Sign($id: ID!, $input: DocumentProtecteeSignInput!) {
  documentProtecteeSign(id: $id, input: $input) {
    __typename
    ... on DocumentProtecteeSignSuccess { record { status thumbprint protectionProgramsAgreed { status } } }
    ... on MutationError { code message field rule }
  }
}
"""
DELIVER = """
mutation Deliver($id: ID!, $input: DocumentDeliverInput!) {
  documentDeliver(id: $id, input: $input) {
    __typename
    ... on DocumentDeliverSuccess { record { status deliveryMethod deliveredAt } }
    ... on MutationError { code message field rule }
  }
}
"""
OVERDUE = """
query Overdue($today: Date!) {
  documents(filter: {kind: NOTIFICATION_PROTECTEE, status: ISSUED, dueOnBefore: $today}, first: 100) {
    nodes { number dueOn deliveredAt }
  }
}
"""
LETTERS = """
query Letters {
  documents(filter: {kind: NOTIFICATION_LAW_ENFORCEMENT}, first: 100) {
    nodes { number body protecteeId protectee { code fullName } program { code } dueOn }
  }
}
"""
TERMINATE = """
mutation Terminate($id: ID!, $input: ProtectionProgramTerminateInput!) {
  protectionProgramTerminate(id: $id, input: $input) {
    __typename
    ... on ProtectionProgramTerminateSuccess { record { status terminationReason terminationDecision { kind number } } }
    ... on MutationError { code message field rule }
  }
}
"""
EXTEND = """
mutation Extend($id: ID!, $input: ProtectionProgramExtendInput!) {
  protectionProgramExtend(id: $id, input: $input) {
    __typename
    ... on ProtectionProgramExtendSuccess { record { status protectionProgramsSuperseding { status periodEnd } } }
    ... on MutationError { code message field rule }
  }
}
"""
SUBMIT_COST = """
mutation Submit($input: CostReimbursementSubmitInput!) {
  costReimbursementSubmit(input: $input) {
    __typename
    ... on CostReimbursementSubmitSuccess { record { id amount currency status } }
    ... on MutationError { code message field rule }
  }
}
"""
AVAILABLE = """
query Available($id: ID!) { availableActions(recordType: DOCUMENT, id: $id) { action } }
"""


async def decided(demo: Demo, programs: list[str], **fields: Any) -> dict[str, Any]:
    """A reviewed application decided by a leader, notified to the partner's police (ADM-3)."""
    filed = await reviewed_by_the_review_head(demo, requestedPrograms=programs, **fields)
    given = {
        "applicationId": filed["id"],
        "outcome": "ACCEPTED",
        "grants": [
            {
                "program": p,
                "startsOn": today().isoformat(),
                "endsOn": (today() + dt.timedelta(days=180)).isoformat(),
            }
            for p in programs
        ],
        "lawEnforcementAgencyIds": [str(demo["partner"].agency_id)],
    }
    result = payload(await execute(DECIDE, {"input": given}, as_=demo["leader"]), "decisionDecide")
    assert result["__typename"] == "DecisionDecideSuccess", result
    return result["record"]


async def doc(decision: dict[str, Any], kind: DocumentKind) -> str:
    return str((await Document.get(decision_id=decision["id"], kind=kind)).id)


async def test_agreement_signed_for_the_chair_then_by_the_protectee_starts_the_program_adm_4_adm_6(demo):
    # given: a prepared safe house (PRG-9) under an issued agreement
    decision = await decided(demo, ["SAFE_HOUSE"])
    agreement = await doc(decision, DocumentKind.PROTECTION_AGREEMENT)
    program = await ProtectionProgram.get(decision_id=decision["id"])
    await ProgramChecklistItem.filter(program_id=program.id).update(done=True)
    head = demo["rights_head"]
    # when: a leader tries to sign for the chair; the bureau head does; the protectee signs
    refused = await execute(COUNTERSIGN, {"id": agreement}, as_=demo["leader"])
    offered = payload(await execute(AVAILABLE, {"id": agreement}, as_=head), "availableActions")
    lpsk = payload(await execute(COUNTERSIGN, {"id": agreement}, as_=head), "documentCountersign")
    thumb = payload(
        await execute(PROTECTEE_SIGN, {"id": agreement, "input": {"thumbprint": True}}, as_=head),
        "documentProtecteeSign",
    )
    signed = payload(
        await execute(PROTECTEE_SIGN, {"id": agreement, "input": {}}, as_=head), "documentProtecteeSign"
    )
    # then
    assert error_codes(refused) == ["FORBIDDEN"]
    assert {"countersign", "protectee_sign"} <= {a["action"] for a in offered}
    assert lpsk["record"]["status"] == "ISSUED" and lpsk["record"]["signedOnBehalfOfChairById"]
    assert (thumb["code"], thumb["rule"]) == ("RULE_VIOLATION", "ADM-4")
    assert signed["record"]["status"] == "SIGNED"
    assert [p["status"] for p in signed["record"]["protectionProgramsAgreed"]] == ["ACTIVE"]


async def test_statement_thumb_printed_and_never_signed_for_the_chair_adm_5(demo):
    # given
    decision = await decided(demo, ["INFO_CASE_PROGRESS"])
    statement = await doc(decision, DocumentKind.WILLINGNESS_STATEMENT)
    head = demo["rights_head"]
    # when
    refused = payload(await execute(COUNTERSIGN, {"id": statement}, as_=head), "documentCountersign")
    signed = payload(
        await execute(PROTECTEE_SIGN, {"id": statement, "input": {"thumbprint": True}}, as_=head),
        "documentProtecteeSign",
    )
    # then
    assert (refused["code"], refused["rule"]) == ("RULE_VIOLATION", "ADM-5")
    assert (signed["record"]["status"], signed["record"]["thumbprint"]) == ("SIGNED", True)


async def test_overdue_protectee_letters_are_listed_and_delivery_recorded_adm_2(demo):
    # given: the demo has letters past their 7 days
    head = demo["rights_head"]
    # when
    overdue = payload(await execute(OVERDUE, {"today": today().isoformat()}, as_=head), "documents")["nodes"]
    decision = await decided(demo, ["MEDICAL"])
    letter = await doc(decision, DocumentKind.NOTIFICATION_PROTECTEE)
    delivered = payload(
        await execute(DELIVER, {"id": letter, "input": {"method": "DIRECT"}}, as_=head), "documentDeliver"
    )
    wrong = payload(
        await execute(
            DELIVER,
            {"id": await doc(decision, DocumentKind.WILLINGNESS_STATEMENT), "input": {"method": "POST"}},
            as_=head,
        ),
        "documentDeliver",
    )
    # then
    assert len(overdue) >= 3
    assert all(row["dueOn"] < today().isoformat() and row["deliveredAt"] is None for row in overdue)
    assert (delivered["record"]["status"], delivered["record"]["deliveryMethod"]) == ("DELIVERED", "DIRECT")
    assert (wrong["code"], wrong["rule"]) == ("RULE_VIOLATION", "ADM-2")


async def test_partner_agency_reads_its_letter_with_no_more_than_allowed_adm_3(demo):
    # given
    decision = await decided(demo, ["SECURITY_IN_CRIMINAL_PROCESS"], role="WITNESS")
    # when: the police's token reads the letters addressed to the police
    letters = payload(await execute(LETTERS, as_=demo["partner"]), "documents")["nodes"]
    # then: the decision, the subject by code, the programs — no identity, no program row, no period
    [letter] = [row for row in letters if decision["number"] in (row["body"] or "")]
    assert "Subjek hukum Terlindung: TL-" in letter["body"] and "(saksi)" in letter["body"]
    assert "pengamanan dalam proses peradilan pidana" in letter["body"]
    assert (letter["protectee"], letter["program"], letter["dueOn"]) == (None, None, None)
    assert "Rina" not in letter["body"] and "s.d." not in letter["body"]


async def test_program_terminate_by_a_leader_on_the_matching_ground_trm_1(demo):
    # given: the person's own application
    decision = await decided(demo, ["MEDICAL"])
    program = str((await ProtectionProgram.get(decision_id=decision["id"])).id)
    before = await snapshot()
    # when: the rights head; a leader on ground (b); a leader on ground (a)
    refused = await execute(
        TERMINATE,
        {"id": program, "input": {"grounds": ["PROTECTEE_REQUEST"], "reason": "x"}},
        as_=demo["rights_head"],
    )
    wrong = payload(
        await execute(
            TERMINATE,
            {"id": program, "input": {"grounds": ["OFFICIAL_REQUEST"], "reason": "x"}},
            as_=demo["leader"],
        ),
        "protectionProgramTerminate",
    )
    unchanged = await snapshot()
    done = payload(
        await execute(
            TERMINATE,
            {
                "id": program,
                "input": {"grounds": ["PROTECTEE_REQUEST"], "reason": "Surat permohonan Terlindung."},
            },
            as_=demo["leader"],
        ),
        "protectionProgramTerminate",
    )
    # then
    assert error_codes(refused) == ["FORBIDDEN"]
    assert (wrong["code"], wrong["rule"], wrong["field"]) == ("RULE_VIOLATION", "TRM-1", "grounds")
    assert unchanged == before
    record = done["record"]
    assert (record["status"], record["terminationReason"], record["terminationDecision"]["kind"]) == (
        "TERMINATED",
        "PROTECTEE_REQUEST",
        "TERMINATION",
    )


async def test_program_extend_by_a_leader_keeps_the_history_chg_1(demo):
    # given: an information program in force under its signed statement
    decision = await decided(demo, ["INFO_CASE_PROGRESS"])
    head = demo["rights_head"]
    statement = await doc(decision, DocumentKind.WILLINGNESS_STATEMENT)
    await execute(PROTECTEE_SIGN, {"id": statement, "input": {}}, as_=head)
    program = str((await ProtectionProgram.get(decision_id=decision["id"])).id)
    later = (today() + dt.timedelta(days=365)).isoformat()
    # when
    refused = await execute(EXTEND, {"id": program, "input": {"periodEnd": later}}, as_=head)
    done = payload(
        await execute(EXTEND, {"id": program, "input": {"periodEnd": later}}, as_=demo["leader"]),
        "protectionProgramExtend",
    )
    # then
    assert error_codes(refused) == ["FORBIDDEN"]
    assert done["record"]["status"] == "SUPERSEDED"
    assert done["record"]["protectionProgramsSuperseding"] == [{"status": "ACTIVE", "periodEnd": later}]


async def test_cost_reimbursement_in_rupiah_as_decimal_prg_8(demo):
    # given: a transport program in force
    decision = await decided(demo, ["TRANSPORT_COURT_HEARING"])
    head = demo["rights_head"]
    await execute(
        PROTECTEE_SIGN, {"id": await doc(decision, DocumentKind.WILLINGNESS_STATEMENT), "input": {}}, as_=head
    )
    program = str((await ProtectionProgram.get(decision_id=decision["id"])).id)
    given = {
        "programId": program,
        "category": "TRANSPORT_COURT_HEARING",
        "amount": "350000.00",
        "periodStart": today().isoformat(),
        "periodEnd": today().isoformat(),
        "evidenceRef": "lampiran/tiket.pdf",
    }
    # when
    done = payload(await execute(SUBMIT_COST, {"input": given}, as_=head), "costReimbursementSubmit")
    bad = payload(
        await execute(SUBMIT_COST, {"input": {**given, "amount": "350000.005"}}, as_=head),
        "costReimbursementSubmit",
    )
    # then
    assert (done["record"]["amount"], done["record"]["currency"], done["record"]["status"]) == (
        "350000.00",
        "IDR",
        "SUBMITTED",
    )
    assert (bad["code"], bad["rule"], bad["field"]) == ("VALIDATION", "PRG-8", "amount")


COST = """
query Cost($id: ID!) { costReimbursement(id: $id) { amount } }
"""
SUBMIT_COST_LITERAL = """
mutation Submit($input: CostReimbursementSubmitInput!) {
  literal: costReimbursementSubmit(input: {
    programId: "%(program)s", category: TRANSPORT_COURT_HEARING, amount: %(amount)s,
    periodStart: "%(day)s", periodEnd: "%(day)s", evidenceRef: "lampiran/tiket.pdf"
  }) {
    __typename
    ... on CostReimbursementSubmitSuccess { record { id amount } }
    ... on MutationError { code message field rule }
  }
  variable: costReimbursementSubmit(input: $input) { __typename }
}
"""


async def transport_claim(demo: Demo) -> dict[str, Any]:
    """A transport program in force, and a claim under it as the API takes it (PRG-8)."""
    decision = await decided(demo, ["TRANSPORT_COURT_HEARING"])
    head = demo["rights_head"]
    await execute(
        PROTECTEE_SIGN, {"id": await doc(decision, DocumentKind.WILLINGNESS_STATEMENT), "input": {}}, as_=head
    )
    return {
        "programId": str((await ProtectionProgram.get(decision_id=decision["id"])).id),
        "category": "TRANSPORT_COURT_HEARING",
        "amount": "350000.00",
        "periodStart": today().isoformat(),
        "periodEnd": today().isoformat(),
        "evidenceRef": "lampiran/tiket.pdf",
    }


async def test_cost_reimbursement_amount_decimal_round_trip_prg_8(demo):
    # given
    given = await transport_claim(demo)
    head = demo["rights_head"]
    # when: the largest amount the column holds as text, a whole number, cents; stored and read back
    read = []
    for amount in ("1234567890123456.78", 350000, "0.5"):
        done = payload(
            await execute(SUBMIT_COST, {"input": {**given, "amount": amount}}, as_=head),
            "costReimbursementSubmit",
        )
        assert done["__typename"] == "CostReimbursementSubmitSuccess", done
        again = await execute(COST, {"id": done["record"]["id"]}, as_=head)
        stored = (await CostReimbursement.get(id=done["record"]["id"])).amount
        read.append((done["record"]["amount"], again.data["costReimbursement"]["amount"], stored))
    # then: every digit kept, in cents, never through a float
    assert read == [
        ("1234567890123456.78", "1234567890123456.78", Decimal("1234567890123456.78")),
        ("350000.00", "350000.00", Decimal("350000.00")),
        ("0.50", "0.50", Decimal("0.50")),
    ]


async def test_cost_reimbursement_malformed_decimal_is_refused_prg_8(demo):
    # given
    given = await transport_claim(demo)
    head = demo["rights_head"]
    before = await snapshot()
    # when: what the Decimal scalar cannot parse (variable or literal) …
    unparsed = [
        await execute(SUBMIT_COST, {"input": {**given, "amount": amount}}, as_=head)
        for amount in ("abc", "", "12,50", True, [1])
    ]
    literal = await execute(
        SUBMIT_COST_LITERAL % {"program": given["programId"], "amount": '"abc"', "day": today().isoformat()},
        {"input": given},
        as_=head,
    )
    # … and what it parses but is not money
    not_money = [
        payload(
            await execute(SUBMIT_COST, {"input": {**given, "amount": amount}}, as_=head),
            "costReimbursementSubmit",
        )
        for amount in ("NaN", "-Infinity", "1E+309", "-1", "0", "0.001", "1e16", 1.005)
    ]
    english = payload(
        await execute(SUBMIT_COST, {"input": {**given, "amount": "NaN"}}, as_=head, language="en"),
        "costReimbursementSubmit",
    )
    # then: a clear VALIDATION, never INTERNAL; the money rule names the field; nothing changed
    assert [error_codes(r) for r in unparsed] == [["VALIDATION"]] * len(unparsed)
    assert all(r.data is None and "Decimal" in r.errors[0].message for r in unparsed)
    assert error_codes(literal) == ["VALIDATION"] and literal.data is None
    assert {(r["code"], r["rule"], r["field"]) for r in not_money} == {("VALIDATION", "PRG-8", "amount")}
    assert not_money[0]["message"].startswith("Jumlah adalah bilangan desimal rupiah")
    assert english["message"].startswith("The amount is a decimal number of rupiah")
    assert await snapshot() == before
