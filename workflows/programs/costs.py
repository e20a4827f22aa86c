"""Cost reimbursements under a program (PRG-8, Pasal 27–28), declared as data.

`cost_reimbursement` — submitted by the rights-fulfilment unit or the case team with the amount
(money: a decimal in rupiah, never a float), the category, the period and the evidence; approved or
rejected by the head of the rights-fulfilment bureau — never by the one who submitted it — then paid.
Only a program in force reimburses (ADM-6), only costs of its own category, within its period.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from uuid import UUID

from models.programs import (
    CostCategory,
    CostReimbursement,
    CostReimbursementStatus,
    ProgramKind,
    ProgramStatus,
    ProtectionProgram,
)
from workflows.engine import Step, Transition, Workflow, doc, guard, register
from workflows.errors import NotFound, ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE
from workflows.protection_actors import RIGHTS_BUREAU_HEAD, RIGHTS_OFFICER

CATALOGUE.update(
    {
        "costs.amount": (
            "Jumlah adalah bilangan desimal rupiah lebih dari nol, paling banyak dua angka di belakang koma "
            "dan 16 angka di depannya ('{field}', PRG-8).",
            "The amount is a decimal number of rupiah above zero, with at most two decimals and 16 digits "
            "before them ('{field}', PRG-8).",
        ),
        "costs.blank": ("'{field}' wajib diisi (PRG-8).", "'{field}' is required (PRG-8)."),
        "costs.period": (
            "Tanggal selesai tidak boleh sebelum tanggal mulai ('{field}', PRG-8).",
            "The end cannot be before the start ('{field}', PRG-8).",
        ),
    }
)

MAX_INTEGER_DIGITS = 16  # DecimalField(max_digits=18, decimal_places=2)
MONEY = re.compile(r"[0-9]{1,16}(\.[0-9]{1,2})?")
CENT = Decimal("0.01")
K, C = ProgramKind, CostCategory
CATEGORY_OF: dict[ProgramKind, CostCategory] = {
    K.LIVING_COST_LOST_INCOME: C.LOST_INCOME,
    K.LIVING_COST_CLOTHING_FOOD: C.CLOTHING_FOOD,
    K.LIVING_COST_EDUCATION: C.EDUCATION,
    K.LIVING_COST_MEDICAL: C.MEDICAL,
    K.LIVING_COST_OTHER: C.OTHER_LIVING,
    K.TRANSPORT_COURT_HEARING: C.TRANSPORT_COURT_HEARING,
    K.TRANSPORT_PROGRAM: C.TRANSPORT_PROGRAM,
}


def money(value: Decimal | str, field: str = "amount") -> Decimal:
    """A Decimal (as the API's `Decimal` scalar gives it) or plain text '1250000.50' → the amount
    quantized to cents, Decimal('1250000.50'); refused (VALIDATION on `field`, PRG-8) unless it is a
    finite number above zero with at most two decimals and 16 digits before them. Text is plain
    digits only — no exponent, no thousands separator, no sign."""
    if isinstance(value, str):
        if not MONEY.fullmatch(value.strip()):
            raise ValidationFailed("costs.amount", field=field, rule="PRG-8")
        value = Decimal(value.strip())
    if not isinstance(value, Decimal) or not value.is_finite():  # NaN, Infinity pass the scalar
        raise ValidationFailed("costs.amount", field=field, rule="PRG-8")
    try:
        cents = value.quantize(CENT)
    except InvalidOperation as exc:  # more digits than the context holds (1E+309)
        raise ValidationFailed("costs.amount", field=field, rule="PRG-8") from exc
    if value <= 0 or cents != value or cents.adjusted() >= MAX_INTEGER_DIGITS:
        raise ValidationFailed("costs.amount", field=field, rule="PRG-8")
    return cents


@dataclass(frozen=True, kw_only=True)
class SubmitCostInput:
    """PRG-8 (Pasal 27): a reimbursement of living or transport costs under a program."""

    program_id: UUID = field(metadata=doc("The cost-reimbursement program (PRG-1, Pasal 7)."))
    category: CostCategory = field(metadata=doc("What it pays for: the program's own category (PRG-8)."))
    amount: Decimal = field(
        metadata=doc(
            'Amount in rupiah, a decimal above zero with at most two decimals, e.g. "1250000.50" — never '
            "a float (PRG-8)."
        )
    )
    period_start: dt.date = field(metadata=doc("First day the costs cover."))
    period_end: dt.date = field(metadata=doc("Last day the costs cover."))
    evidence_ref: str = field(metadata=doc("Receipts or other evidence, attached (PRG-8).", max_length=300))
    description: str | None = field(default=None, metadata=doc("What was spent (internal)."))

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", money(self.amount))
        if not self.evidence_ref.strip():
            raise ValidationFailed("costs.blank", field="evidenceRef", rule="PRG-8")
        if self.period_end < self.period_start:
            raise ValidationFailed("costs.period", field="periodEnd", rule="PRG-8")


@dataclass(frozen=True)
class ReasonInput:
    reason: str = field(metadata=doc("Why it is rejected; kept on the reimbursement and in its history."))


async def _program(step: Step) -> ProtectionProgram | None:
    return await ProtectionProgram.get_or_none(id=step.record.program_id)


@guard(
    "ADM-6",
    id="Penggantian biaya hanya untuk program yang sedang berlaku (ADM-6, PRG-8).",
    en="Costs are reimbursed only under a program in force (ADM-6, PRG-8).",
)
async def program_in_force(step: Step) -> bool:
    """ADM-6: nothing is given under a program not yet signed, or ended."""
    program = await _program(step)
    return program is not None and program.status == ProgramStatus.ACTIVE


@guard(
    "PRG-8",
    id="Kategori biaya tidak sesuai dengan program penggantian biaya ini ('category', PRG-8).",
    en="The cost category does not match this cost-reimbursement program ('category', PRG-8).",
    uses_input=True,
    field="category",
)
async def category_of_the_program(step: Step) -> bool:
    """PRG-8 (Pasal 27(1)–(2)): a lost-income program reimburses lost income, and so on."""
    program = await _program(step)
    return program is not None and CATEGORY_OF.get(ProgramKind(program.kind)) == step.input.category


@guard(
    "PRG-8",
    id="Biaya yang diganti berada dalam jangka waktu program ('periodStart', PRG-8).",
    en="The costs reimbursed lie within the program's period ('periodStart', PRG-8).",
    uses_input=True,
    field="periodStart",
)
async def within_the_program(step: Step) -> bool:
    """PRG-8 (Pasal 7(a)): 'sampai batas waktu Perlindungan berakhir'."""
    program = await _program(step)
    given = step.input
    return (
        program is not None
        and program.period_start <= given.period_start
        and given.period_end <= program.period_end
    )


@guard(
    "PRG-8",
    id="Penggantian biaya tidak disetujui oleh yang mengajukannya (PRG-8, AC-7).",
    en="A reimbursement is not approved by the one who submitted it (PRG-8, AC-7).",
)
async def not_own_submission(step: Step) -> bool:
    """AC-7: no one approves their own request."""
    return bool(step.record.submitted_by_id != step.principal.staff_id)


async def _build(step: Step) -> CostReimbursement:
    given: SubmitCostInput = step.input
    if not await ProtectionProgram.exists(id=given.program_id):
        raise NotFound("ProtectionProgram")
    return CostReimbursement(
        program_id=given.program_id,
        category=given.category,
        amount=given.amount,
        period_start=given.period_start,
        period_end=given.period_end,
        evidence_ref=given.evidence_ref.strip(),
        description=given.description,
        submitted_at=step.now,
        submitted_by_id=step.principal.staff_id,
    )


async def _decided(step: Step) -> None:
    step.record.approved_by_id = step.principal.staff_id
    step.record.approved_at = step.now
    if step.transition.target == CostReimbursementStatus.REJECTED.value:
        step.record.rejection_reason = step.reason


async def _paid(step: Step) -> None:
    step.record.paid_at = step.now


S = CostReimbursementStatus
COSTS = register(
    Workflow(
        name="cost_reimbursement",
        model=CostReimbursement,
        state_field="status",
        description="Penggantian biaya (PRG-8): amount in rupiah (decimal), category, period and evidence, under "
        "a program in force; approved by the rights-fulfilment bureau head, not by its submitter; then paid.",
        transitions=(
            Transition(
                action="submit",
                sources=(),
                target=S.SUBMITTED,
                actors=(RIGHTS_OFFICER,),
                guards=(program_in_force, category_of_the_program, within_the_program),
                input=SubmitCostInput,
                build=_build,
                rule_ids=("PRG-8", "ADM-6"),
                label=("Ajukan penggantian biaya", "Submit a cost reimbursement"),
                description="The rights-fulfilment unit or the case team submits costs of the program's own "
                "category, within its period, with evidence, as a decimal amount in rupiah (PRG-8).",
            ),
            Transition(
                action="approve",
                sources=(S.SUBMITTED,),
                target=S.APPROVED,
                actors=(RIGHTS_BUREAU_HEAD,),
                guards=(not_own_submission,),
                effect=_decided,
                rule_ids=("PRG-8", "AC-7"),
                label=("Setujui penggantian biaya", "Approve the reimbursement"),
                description="The head of the rights-fulfilment bureau approves — never their own submission (AC-7).",
            ),
            Transition(
                action="reject",
                sources=(S.SUBMITTED,),
                target=S.REJECTED,
                actors=(RIGHTS_BUREAU_HEAD,),
                input=ReasonInput,
                reason_required=True,
                effect=_decided,
                rule_ids=("PRG-8",),
                label=("Tolak penggantian biaya", "Reject the reimbursement"),
                description="The head of the rights-fulfilment bureau rejects, with a reason.",
            ),
            Transition(
                action="pay",
                sources=(S.APPROVED,),
                target=S.PAID,
                actors=(RIGHTS_BUREAU_HEAD,),
                effect=_paid,
                rule_ids=("PRG-8",),
                label=("Catat pembayaran", "Record the payment"),
                description="The approved amount was paid.",
            ),
        ),
    )
)

__all__ = ["CATEGORY_OF", "COSTS", "ReasonInput", "SubmitCostInput", "money"]
