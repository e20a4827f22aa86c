"""The administration after a decision, without GraphQL: the documents an accepting decision produces
and what they say, the protectee's letter due in 7 days and its delivery, the law-enforcement letter
saying no more than allowed, signatures of agreements and statements, programs starting only once
signed (ADM-1 … ADM-6) — and every way around refused with nothing changed."""

from __future__ import annotations

import pytest

from models.cases import DecisionOutcome
from models.documents import DeliveryMethod, Document, DocumentKind
from models.programs import ProgramKind, ProgramStatus, ProtectionProgram
from tests.protection.factories import (
    DAY,
    NOW,
    TODAY,
    accepted,
    decide,
    document,
    prepare,
    programs_of,
    reviewed,
    sign,
    snapshot,
    world,
)
from workflows.documents import DOCUMENT, DeliverInput, ProtecteeSignInput, due_items, overdue_letters
from workflows.engine import available_actions, run
from workflows.errors import Forbidden, RuleViolation
from workflows.programs import PROGRAM

D, K = DocumentKind, ProgramKind


async def test_decision_accepting_produces_letters_agreement_and_statement_adm_1(policies):
    # given / when: a physical and a non-physical program granted
    w = await world()
    decision = await accepted(w)
    # then: one of each, numbered per series, tied to the decision; programs wait for theirs
    documents = {d.kind: d for d in await Document.filter(decision_id=decision.id)}
    assert sorted(documents) == sorted(
        [
            D.NOTIFICATION_PROTECTEE,
            D.NOTIFICATION_LAW_ENFORCEMENT,
            D.PROTECTION_AGREEMENT,
            D.WILLINGNESS_STATEMENT,
        ]
    )
    assert documents[D.NOTIFICATION_PROTECTEE].number == "SPT-0001/LPSK/2026"
    assert documents[D.PROTECTION_AGREEMENT].number == "PP-0001/LPSK/2026"
    assert {d.status for d in documents.values()} == {"issued"}
    programs = await programs_of(decision)
    assert programs[K.SAFE_HOUSE].agreement_id == documents[D.PROTECTION_AGREEMENT].id
    assert programs[K.MEDICAL].willingness_statement_id == documents[D.WILLINGNESS_STATEMENT].id


async def test_decision_accepting_without_a_law_enforcement_addressee_is_refused_adm_1(policies):
    # given: a case no agency handles yet
    w = await world()
    application = await reviewed(w, law_enforcement_agency_id=None)
    before = await snapshot()
    # when / then: the decision would have no letter to law enforcement
    with pytest.raises(RuleViolation) as refused:
        await decide(w, application)
    assert (refused.value.rule, refused.value.field) == ("ADM-1", "lawEnforcementAgencyIds")
    assert await snapshot() == before
    # … naming the agency, it is addressed there
    decision = await decide(w, application, law_enforcement_agency_ids=[w.police.id])
    letter = await document(decision, D.NOTIFICATION_LAW_ENFORCEMENT)
    assert letter.recipient_agency_id == w.police.id


async def test_decision_rejecting_produces_no_documents_adm_1(policies):
    w = await world()
    decision = await decide(w, await reviewed(w), DecisionOutcome.REJECTED)
    assert await Document.filter(decision_id=decision.id).count() == 0


# --- ADM-2: the protectee's letter ----------------------------------------------------------------


async def test_protectee_letter_states_decision_programs_period_and_signing_due_in_7_days_adm_2(policies):
    # given / when
    w = await world()
    decision = await accepted(w)
    letter = await document(decision, D.NOTIFICATION_PROTECTEE)
    # then
    assert letter.due_on == TODAY + 7 * DAY
    body = letter.body
    assert f"Nomor {decision.number} tanggal 02-03-2026" in body
    assert "bantuan medis: 02-03-2026 s.d. 29-08-2026" in body
    assert "perlindungan di rumah aman" in body
    assert "perjanjian perlindungan Nomor PP-0001/LPSK/2026" in body and "cap jempol" in body
    assert "Siti" not in body  # identities are merged in when rendered, never stored


async def test_protectee_letter_due_and_overdue_are_listed_until_delivered_adm_2(policies):
    # given
    w = await world()
    decision = await accepted(w)
    letter = await document(decision, D.NOTIFICATION_PROTECTEE)
    head = await w.as_("rights_head")
    # when / then: due, not overdue, on the 7th day; overdue on the 8th; gone once delivered
    [due] = await due_items(head, NOW + 7 * DAY)
    assert (due.record_id, due.rule, due.due_on, due.overdue) == (letter.id, "ADM-2", TODAY + 7 * DAY, False)
    [late] = await overdue_letters(head, NOW + 8 * DAY)
    assert late.code == letter.number
    delivered = await run(
        DOCUMENT,
        "deliver",
        letter.id,
        await w.as_("rights_officer"),
        DeliverInput(DeliveryMethod.POST),
        now=NOW + 8 * DAY,
    )
    assert await due_items(head, NOW + 9 * DAY) == []
    # the real delivery time is kept: this letter stays late
    assert delivered.delivered_at == NOW + 8 * DAY and delivered.delivered_at.date() > delivered.due_on
    assert (delivered.delivery_method, delivered.delivered_by_id) == ("post", w.rights_officer.staff.id)


async def test_protectee_letter_delivered_directly_by_an_officer_adm_2(policies):
    w = await world()
    letter = await document(await accepted(w), D.NOTIFICATION_PROTECTEE)
    done = await run(
        DOCUMENT, "deliver", letter.id, await w.as_("rights_officer"), DeliverInput(DeliveryMethod.DIRECT)
    )
    assert (done.status, done.delivery_method, done.delivered_by_id) == (
        "delivered",
        "direct",
        w.rights_officer.staff.id,
    )


async def test_protectee_letter_due_date_cannot_be_moved_adm_2(policies):
    # given
    w = await world()
    letter = await document(await accepted(w), D.NOTIFICATION_PROTECTEE)
    # when / then: the way around a missed deadline — pushing the due date
    letter.due_on = TODAY + 30 * DAY
    with pytest.raises(RuleViolation) as refused:
        await letter.save()
    assert (refused.value.rule, refused.value.field) == ("ADM-2", "due_on")
    with pytest.raises(RuleViolation):
        await (await Document.get(id=letter.id)).delete()
    assert (await Document.get(id=letter.id)).due_on == TODAY + 7 * DAY


async def test_overdue_letters_are_listed_only_to_those_who_may_read_them_ac_12(policies):
    # given
    w = await world()
    await accepted(w)
    # when / then: a staff member of an unrelated unit sees none
    assert await due_items(await w.as_("outsider"), NOW + 8 * DAY) == []


# --- ADM-3: the law-enforcement letter --------------------------------------------------------------


async def test_law_enforcement_letter_says_decision_subject_and_programs_only_adm_3(policies):
    # given / when
    w = await world()
    decision = await accepted(w)
    letter = await document(decision, D.NOTIFICATION_LAW_ENFORCEMENT)
    # then: number and date, the protected subject (by code), the programs — nothing more
    lines = letter.body.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"Keputusan LPSK Nomor {decision.number} tanggal 02-03-2026")
    assert lines[1].startswith("Subjek hukum Terlindung: TL-2026-") and "(korban)" in lines[1]
    assert lines[2] == "Program perlindungan: bantuan medis; perlindungan di rumah aman."
    assert "s.d." not in letter.body and "2026-08" not in letter.body and "Jl." not in letter.body
    assert (letter.program_id, letter.due_on) == (None, None)


async def test_law_enforcement_letter_cannot_be_rewritten_adm_3(policies):
    # given
    w = await world()
    letter = await document(await accepted(w), D.NOTIFICATION_LAW_ENFORCEMENT)
    # when / then: the way around — adding to it after issue
    letter.body += "\nAlamat: Jl. Contoh No. 1"
    with pytest.raises(RuleViolation) as refused:
        await letter.save()
    assert (refused.value.rule, refused.value.field) == ("ADM-3", "body")


# --- ADM-4, ADM-5: signatures -------------------------------------------------------------------


async def test_agreement_signed_by_the_rights_bureau_head_for_the_chair_and_the_protectee_adm_4(policies):
    # given
    w = await world()
    agreement = await document(await accepted(w), D.PROTECTION_AGREEMENT)
    # when: the protectee first, then the head
    half = await run(
        DOCUMENT, "protectee_sign", agreement.id, await w.as_("rights_officer"), ProtecteeSignInput()
    )
    done = await run(DOCUMENT, "countersign", agreement.id, await w.as_("rights_head"))
    # then
    assert half.status == "issued" and half.signed_by_protectee
    assert done.status == "signed"
    assert (done.signed_on_behalf_of_chair_by_id, done.thumbprint) == (w.rights_head.staff.id, False)
    assert done.countersigned_at and done.signed_at


async def test_agreement_signed_by_others_or_thumb_printed_is_refused_adm_4(policies):
    # given
    w = await world()
    agreement = await document(await accepted(w), D.PROTECTION_AGREEMENT)
    before = await snapshot()
    # when / then: a leader, the officer, the review head sign "for the chair"
    for role in ("leader", "rights_officer", "review_head", "chair"):
        with pytest.raises(Forbidden):
            await run(DOCUMENT, "countersign", agreement.id, await w.as_(role))
    # … a thumbprint on an agreement
    with pytest.raises(RuleViolation) as refused:
        await run(
            DOCUMENT, "protectee_sign", agreement.id, await w.as_("rights_officer"), ProtecteeSignInput(True)
        )
    assert (refused.value.rule, refused.value.field) == ("ADM-4", "thumbprint")
    assert await snapshot() == before


async def test_statement_thumb_printed_by_the_protectee_adm_5(policies):
    # given
    w = await world()
    statement = await document(await accepted(w), D.WILLINGNESS_STATEMENT)
    # when
    done = await run(
        DOCUMENT, "protectee_sign", statement.id, await w.as_("rights_officer"), ProtecteeSignInput(True)
    )
    # then: the protectee alone
    assert (done.status, done.thumbprint, done.signed_on_behalf_of_chair_by_id) == ("signed", True, None)


async def test_statement_signed_for_the_chair_is_refused_adm_5(policies):
    # given
    w = await world()
    statement = await document(await accepted(w), D.WILLINGNESS_STATEMENT)
    before = await snapshot()
    # when / then: a statement has no LPSK party
    with pytest.raises(RuleViolation) as refused:
        await run(DOCUMENT, "countersign", statement.id, await w.as_("rights_head"))
    assert refused.value.rule == "ADM-5"
    assert await snapshot() == before


# --- ADM-6: in force only once signed ------------------------------------------------------------


async def test_program_takes_effect_at_the_last_signature_adm_6(policies):
    # given: a safe house, prepared (PRG-9)
    w = await world()
    decision = await accepted(w, programs=[K.SAFE_HOUSE])
    program = (await programs_of(decision))[K.SAFE_HOUSE]
    await prepare(program)
    # when
    await sign(w, await document(decision, D.PROTECTION_AGREEMENT))
    # then
    program = await ProtectionProgram.get(id=program.id)
    assert program.status == ProgramStatus.ACTIVE and program.activated_at == NOW


async def test_program_started_before_its_documents_are_signed_is_refused_adm_6(policies):
    # given: prepared, but the agreement only half signed
    w = await world()
    decision = await accepted(w, programs=[K.SAFE_HOUSE])
    program = (await programs_of(decision))[K.SAFE_HOUSE]
    await prepare(program)
    await run(
        DOCUMENT,
        "countersign",
        (await document(decision, D.PROTECTION_AGREEMENT)).id,
        await w.as_("rights_head"),
    )
    before = await snapshot()
    # when / then
    with pytest.raises(RuleViolation) as refused:
        await run(PROGRAM, "activate", program.id, await w.as_("rights_officer"))
    assert refused.value.rule == "ADM-6"
    assert await snapshot() == before
    assert await available_actions(PROGRAM, program, await w.as_("rights_officer")) != []
    assert "activate" not in [
        t.action for t in await available_actions(PROGRAM, program, await w.as_("rights_officer"))
    ]
