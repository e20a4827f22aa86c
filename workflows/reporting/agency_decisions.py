"""The written decision of another agency's head on a cross-agency team's escalation (Lamp. 3.c.4).

When the agency owning the performance is not LPSK, its head decides "in writing" as in every
exchange with an agency (compare ASG-3): the agency itself through its partner token with the
`escalations:respond` scope — for escalations addressed to its own head only (AC-2) — or the Secretary
General, who handles LPSK's correspondence with agency heads, records the agency's letter (its number
and date required). The decision is kept as its own record and resolves the escalation in the same
transaction (`escalation.agency_decided`).
"""

from __future__ import annotations

from models.performance import AgencyDecisionStatus, AgencyEscalationDecision, Escalation, EscalationStatus
from workflows.assignments.rules import partner_token
from workflows.engine import Step, Transition, Workflow, guard
from workflows.errors import NotFound
from workflows.reporting import lines
from workflows.reporting.escalations import ESCALATION
from workflows.reporting.inputs import AgencyDecisionInput

AGENCY = partner_token(
    "agency_id", "escalations:respond", "RPT-5", "the agency owning the performance (partner token)"
)
SECRETARY_GENERAL = lines.secretary_general("RPT-5")


@guard(
    "RPT-5",
    id="Permasalahan ini tidak ditujukan kepada pimpinan instansi lain, atau sudah diputuskan "
    "('escalationId', Lamp. 3.c.4).",
    en="This problem is not addressed to another agency's head, or is already decided "
    "('escalationId', Lamp. 3.c.4).",
    field="escalationId",
)
async def addressed_to_the_agency(step: Step) -> bool:
    """Lamp. 3.c.4: only an open escalation put to that agency's head takes its decision."""
    record = step.record
    return (
        record.agency_id is not None
        and await Escalation.filter(
            id=record.escalation_id, owning_agency_id=record.agency_id, status=EscalationStatus.OPEN
        ).exists()
    )


@guard(
    "RPT-5",
    id="Keputusan instansi dicatat dari suratnya: sebutkan nomor dan tanggal surat ('agencyLetter', "
    "Lamp. 3.c.4).",
    en="An agency's decision is recorded from its letter: give its number and date ('agencyLetter', "
    "Lamp. 3.c.4).",
    field="agencyLetter",
)
async def agency_letter_recorded(step: Step) -> bool:
    """Lamp. 3.c.4 ("in writing"): staff cite the agency's letter; a token's answer is itself written."""
    return step.principal.staff_id is None or lines.text(step.record.agency_letter) is not None


async def _build(step: Step) -> AgencyEscalationDecision:
    given: AgencyDecisionInput = step.input
    escalation = await Escalation.get_or_none(id=given.escalation_id)
    if escalation is None:
        raise NotFound("Escalation")
    return AgencyEscalationDecision(
        escalation_id=escalation.id,
        agency_id=escalation.owning_agency_id,  # type: ignore[attr-defined]
        decision=given.decision.strip(),
        agency_letter=lines.text(given.agency_letter),
        recorded_by_id=step.principal.staff_id,
        status=AgencyDecisionStatus.RECORDED,
    )


async def _decided(step: Step) -> None:
    escalation = await Escalation.get(id=step.record.escalation_id)
    await step.fire(ESCALATION, "agency_decided", escalation, step.input)


AGENCY_ESCALATION_DECISION = Workflow(
    name="agency_escalation_decision",
    model=AgencyEscalationDecision,
    state_field="status",
    description="Keputusan pimpinan instansi pemilik kinerja (Lamp. 3.c.4): another agency's head decides a "
    "cross-agency team's problem in writing — through its partner token, or recorded by the Secretary "
    "General from its letter — and the escalation is resolved.",
    transitions=(
        Transition(
            action="record",
            sources=(),
            target=AgencyDecisionStatus.RECORDED,
            actors=(AGENCY, SECRETARY_GENERAL),
            guards=(addressed_to_the_agency, agency_letter_recorded),
            input=AgencyDecisionInput,
            build=_build,
            effect=_decided,
            rule_ids=("RPT-5", "AC-2"),
            label=("Catat keputusan pimpinan instansi", "Record the agency head's decision"),
            description="The head of the agency owning the performance decides: through the agency's partner "
            "token (escalations:respond, its own escalations only, AC-2), or the Secretary General records "
            "its letter. The escalation is resolved with it (Lamp. 3.c.4).",
        ),
    ),
)

__all__ = ["AGENCY_ESCALATION_DECISION"]
