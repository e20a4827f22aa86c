"""What a decision builds and changes (DEC-1, DEC-2, ADM-1, APP-2). Numbers are taken inside the
step's transaction with the series row locked, so a refused or rolled-back decision leaves no gap."""

from __future__ import annotations

import re

from authz.scope import scope
from models.cases import (
    Application,
    Decision,
    DecisionKind,
    DecisionOutcome,
    DecisionStatus,
    FamilyMember,
    Protectee,
    ProtecteeStatus,
)
from workflows.decisions.inputs import DecideInput, IssueDecisionInput
from workflows.engine import Step, workflow_for
from workflows.errors import NotFound
from workflows.letters import SECRETARY_GENERAL_ISSUER, next_number

SERIES = "KEP"  # Keputusan LPSK, numbered as LPSK's per year
_NUMBER = re.compile(rf"^{SERIES}-(\d+)/")
OUTCOME_STEP = {
    DecisionOutcome.ACCEPTED: "accept",
    DecisionOutcome.PARTIALLY_ACCEPTED: "accept_partly",
    DecisionOutcome.REJECTED: "reject",
}


async def next_decision_number(year: int) -> str:
    """The next decision number of the year, 'KEP-0007/1.1/LPSK/2026', gap-free (DEC-1)."""
    suffix = f"/{SECRETARY_GENERAL_ISSUER}/{year}"

    async def used() -> int:
        numbers = await Decision.filter(number__startswith=f"{SERIES}-", number__endswith=suffix).values_list(
            "number", flat=True
        )
        found = (_NUMBER.match(str(n)) for n in numbers)
        return max((int(m.group(1)) for m in found if m), default=0)

    number = await next_number(SERIES, SECRETARY_GENERAL_ISSUER, year, seed=used)
    return f"{SERIES}-{number:04d}/1.1{suffix}"


async def _new(step: Step, **fields: object) -> Decision:
    return Decision(
        number=await next_decision_number(step.today.year),
        decided_on=step.today,
        signed_by_id=step.principal.staff_id,
        status=DecisionStatus.DECIDED,
        **fields,
    )


async def build_decision(step: Step) -> Decision:
    """DEC-1: the leaders' numbered, dated decision on an application they can reach (locked, so two
    decisions on one application queue up and the second finds it decided)."""
    given: DecideInput = step.input
    visible = await (await scope(Application.filter(id=given.application_id), step.principal)).exists()
    application = await Application.filter(id=given.application_id).select_for_update().first()
    if not visible or application is None:
        raise NotFound("Application")
    return await _new(
        step,
        kind=DecisionKind.INITIAL,
        outcome=given.outcome,
        application_id=application.id,
        case_id=application.case_id,  # type: ignore[attr-defined]
        protectee_id=application.applicant_id,  # type: ignore[attr-defined]
        notes=(given.notes or "").strip() or None,
    )


async def build_issued(step: Step) -> Decision:
    """DEC-1: a decision that follows another step (CHG-1, TRM-1, EMG-1), numbered and dated."""
    given: IssueDecisionInput = step.input
    return await _new(
        step,
        kind=given.kind,
        outcome=given.outcome,
        case_id=given.case_id,
        protectee_id=given.protectee_id,
        supersedes_id=given.supersedes_id,
        notes=(given.notes or "").strip() or None,
    )


async def decided(step: Step) -> None:
    """DEC-1, DEC-2, ADM-1: the application takes the outcome; an accepting decision covers the family
    members named (APP-2), grants its programs and produces its documents."""
    from workflows.documents.administration import after_acceptance

    given: DecideInput = step.input
    decision: Decision = step.record
    applications = workflow_for(Application)
    assert applications is not None
    application = await Application.get(id=decision.application_id)  # type: ignore[attr-defined]
    await step.fire(applications, OUTCOME_STEP[DecisionOutcome(given.outcome)], application)
    protectee = await Protectee.get(id=decision.protectee_id)  # type: ignore[attr-defined]
    if given.outcome is DecisionOutcome.REJECTED:
        protectee.status = ProtecteeStatus.NOT_PROTECTED
        await protectee.save(update_fields=["status", "updated_at"])
        return
    protectee.status = ProtecteeStatus.PROTECTED
    await protectee.save(update_fields=["status", "updated_at"])
    if given.covered_family_member_ids:
        await FamilyMember.filter(id__in=given.covered_family_member_ids).update(covered=True)
    await after_acceptance(step, decision, given.grants, given.law_enforcement_agency_ids)


async def issue_decision(step: Step, given: IssueDecisionInput) -> Decision:
    """Inside another step → a numbered, dated decision of `given.kind`, signed by that step's
    principal, in the same transaction with its history (CHG-1, TRM-1, EMG-1)."""
    decisions = workflow_for(Decision)
    assert decisions is not None
    return await step.fire(decisions, "issue", input=given)  # type: ignore[return-value]


__all__ = ["SERIES", "build_decision", "build_issued", "decided", "issue_decision", "next_decision_number"]
