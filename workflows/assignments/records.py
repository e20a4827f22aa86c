"""ASG-7 on record: whether an involvement request's approval is recorded, on every path that
brings someone from outside the owning unit — the deciding official's approval through the one
approval mechanism (ASG-2 target head, ASG-4 Secretary General, ASG-6 both heads), or the agency's
written answer taken as a workflow step (ASG-3); on a voluntary application across agencies (Pasal
11(2)) the applicant's superior's approval too. A status alone, set by hand, is not a record.
"""

from __future__ import annotations

from models.assignments import (
    Assignment,
    AssignmentKind,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
)
from models.audit import WorkflowHistory
from workflows.approvals import (
    INBOUND_SECRETARY_GENERAL,
    INVOLVEMENT_TARGET_HEAD,
    VOLUNTARY_OWN_HEAD,
    VOLUNTARY_TARGET_HEAD,
    ApprovalRule,
    approval_state,
)

AGENCY_APPROVAL = "agency_approve"  # the involvement_request action that records an agency's yes


def _value(value: object) -> str:
    return str(getattr(value, "value", value))


def _voluntary(request: InvolvementRequest) -> bool:
    return _value(request.kind) == AssignmentKind.VOLUNTARY_APPLICATION.value


def deciding_rule(request: InvolvementRequest) -> ApprovalRule | None:
    """The approval step that decides a request (None for an agency's answer: ASG-3, and an LPSK
    applicant's request to another agency, Pasal 11(2))."""
    direction = _value(request.direction)
    if direction == InvolvementDirection.OUTBOUND_TO_AGENCY.value:
        return None
    if _voluntary(request):
        return VOLUNTARY_TARGET_HEAD  # ASG-6, and Pasal 11(2) an agency's officer applying to a unit
    if direction == InvolvementDirection.INBOUND_FROM_AGENCY.value:
        return INBOUND_SECRETARY_GENERAL
    return INVOLVEMENT_TARGET_HEAD


async def _superior_approved(request: InvolvementRequest) -> bool:
    """Pasal 11(2) "melalui dan atas persetujuan Atasan": a voluntary request reached whoever decides
    it through, and with, the applicant's superior's approval — an LPSK head's through the approval
    mechanism (ASG-6), an outside officer's superior's in writing, recorded with the request."""
    if _value(request.direction) == InvolvementDirection.INBOUND_FROM_AGENCY.value:
        return bool((request.agency_letter or "").strip())
    assignment = await Assignment.get_or_none(id=request.assignment_id)  # type: ignore[attr-defined]
    return assignment is not None and (await approval_state(VOLUNTARY_OWN_HEAD, assignment)).complete


async def approved_on_record(request: InvolvementRequest) -> bool:
    """ASG-7: approved, naming the person, and the approval recorded by whoever had to give it."""
    if _value(request.status) != InvolvementStatus.APPROVED.value or request.requested_staff_id is None:  # type: ignore[attr-defined]
        return False
    rule = deciding_rule(request)
    if rule is None:
        answered = await WorkflowHistory.filter(
            subject_type=InvolvementRequest.__name__, subject_id=request.id, action=AGENCY_APPROVAL
        ).exists()
    else:
        answered = (await approval_state(rule, request)).complete
    if not answered:
        return False
    return not _voluntary(request) or await _superior_approved(request)


__all__ = ["AGENCY_APPROVAL", "approved_on_record", "deciding_rule"]
