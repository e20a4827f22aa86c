"""Cost reimbursements, without GraphQL: money as Decimal with category, period and evidence, under a
program in force, approved by the rights-fulfilment bureau head but never by its submitter (PRG-8) —
and every way around refused with nothing changed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.documents import DocumentKind
from models.programs import CostCategory, CostReimbursement, ProgramKind, ProtectionProgram
from tests.protection.factories import (
    DAY,
    NOW,
    TODAY,
    World,
    accepted,
    document,
    programs_of,
    sign,
    snapshot,
    world,
)
from workflows.engine import run
from workflows.errors import RuleViolation, ValidationFailed
from workflows.programs.costs import COSTS, ReasonInput, SubmitCostInput

K, C = ProgramKind, CostCategory


async def transport(w: World, *, signed: bool = True) -> ProtectionProgram:
    decision = await accepted(w, programs=[K.TRANSPORT_COURT_HEARING])
    if signed:
        await sign(w, await document(decision, DocumentKind.WILLINGNESS_STATEMENT))
    return (await programs_of(decision))[K.TRANSPORT_COURT_HEARING]


def claim(program: ProtectionProgram, **fields) -> SubmitCostInput:
    values = {
        "program_id": program.id,
        "category": C.TRANSPORT_COURT_HEARING,
        "amount": Decimal("1250000.50"),
        "period_start": TODAY,
        "period_end": TODAY + 2 * DAY,
        "evidence_ref": "lampiran/kuitansi-bus.pdf",
    }
    values.update(fields)
    return SubmitCostInput(**values)


async def test_cost_reimbursement_submitted_approved_and_paid_as_decimal_rupiah_prg_8(policies):
    # given
    w = await world()
    program = await transport(w)
    # when
    submitted = await run(COSTS, "submit", None, await w.as_("rights_officer"), claim(program), now=NOW)
    approved = await run(COSTS, "approve", submitted.id, await w.as_("rights_head"), now=NOW)
    paid = await run(COSTS, "pay", submitted.id, await w.as_("rights_head"), now=NOW + DAY)
    # then
    stored = await CostReimbursement.get(id=submitted.id)
    assert isinstance(stored.amount, Decimal) and stored.amount == Decimal("1250000.50")
    assert (stored.category, stored.currency, stored.evidence_ref) == (
        "transport_court_hearing",
        "IDR",
        "lampiran/kuitansi-bus.pdf",
    )
    assert (stored.submitted_by_id, approved.approved_by_id, paid.paid_at) == (
        w.rights_officer.staff.id,
        w.rights_head.staff.id,
        NOW + DAY,
    )
    assert stored.status == "paid"


async def test_cost_reimbursement_large_amount_keeps_every_digit_prg_8(policies):
    w = await world()
    program = await transport(w)
    done = await run(
        COSTS,
        "submit",
        None,
        await w.as_("rights_officer"),
        claim(program, amount=Decimal("1234567890123456.78")),
    )
    assert (await CostReimbursement.get(id=done.id)).amount == Decimal("1234567890123456.78")


async def test_cost_reimbursement_bad_money_wrong_category_or_outside_the_program_is_refused_prg_8(policies):
    # given
    w = await world()
    program = await transport(w)
    pending = await transport(w, signed=False)
    officer = await w.as_("rights_officer")
    before = await snapshot()
    # when / then: amounts that are not money (as the Decimal scalar parses them, or as text); no evidence
    decimals = ("12.345", "-5", "0", "NaN", "-Infinity", "1E+16", "99999999999999999", "1E+309", "0.001")
    for amount in (*map(Decimal, decimals), "1e3", "12.345", "abc", "NaN", 1.5):
        with pytest.raises(ValidationFailed) as bad:
            claim(program, amount=amount)
        assert (bad.value.rule, bad.value.field) == ("PRG-8", "amount")
    with pytest.raises(ValidationFailed):
        claim(program, evidence_ref=" ")
    # another category; before the program; a program not in force (ADM-6)
    for given, rule in (
        (claim(program, category=C.LOST_INCOME), "PRG-8"),
        (claim(program, period_start=TODAY - DAY), "PRG-8"),
        (claim(pending), "ADM-6"),
    ):
        with pytest.raises(RuleViolation) as refused:
            await run(COSTS, "submit", None, officer, given, now=NOW)
        assert refused.value.rule == rule
    assert await snapshot() == before


async def test_cost_reimbursement_approved_by_its_submitter_is_refused_prg_8(policies):
    # given: the bureau head submitted it
    w = await world()
    program = await transport(w)
    head = await w.as_("rights_head")
    submitted = await run(COSTS, "submit", None, head, claim(program), now=NOW)
    before = await snapshot()
    # when / then
    with pytest.raises(RuleViolation) as refused:
        await run(COSTS, "approve", submitted.id, head, now=NOW)
    assert refused.value.rule == "PRG-8"
    assert await snapshot() == before
    rejected = await run(COSTS, "reject", submitted.id, head, ReasonInput("Kuitansi tidak terbaca."), now=NOW)
    assert (rejected.status, rejected.rejection_reason) == ("rejected", "Kuitansi tidak terbaca.")
