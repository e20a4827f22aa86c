"""Builders for the protection workflow tests (EMG-1, MON-1, PRO-1–5, deadlines): a small
organisation with the units the rules name by function, leaders with portfolios, a case with a
person and programs, assignment letters issued through the assignment workflow — and what a
refusal must leave untouched. (Named test_* to sit with the tests; it holds none.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from authz.principal import Principal
from models.accounts import StaffAccount
from models.assignments import AssignmentLetter
from models.audit import Approval, WorkflowHistory
from models.cases import (
    Application,
    Case,
    CrimeType,
    Decision,
    DecisionKind,
    DecisionStatus,
    Protectee,
    ProtecteeRole,
)
from models.documents import Document
from models.numbering import NumberSequence
from models.organisation import Position, Unit, UnitFunction
from models.proactive_actions import Complaint, ProactiveAction, ProactiveTeamMember, ProactiveTrigger
from models.programs import (
    EmergencyProtection,
    MonitoringVisit,
    ProgramEvaluation,
    ProgramFamily,
    ProgramKind,
    ProgramStatus,
    ProtectionProgram,
)
from tests.accounts.factories import short
from tests.approvals.factories import DAY, NOW, TODAY, leader, make_account, make_unit, principal, unit_head
from workflows.assignments import ASSIGNMENT
from workflows.assignments.inputs import AppointInput
from workflows.engine import run
from workflows.proactive_actions import PROACTIVE
from workflows.proactive_actions.inputs import AnalyseInput, FormTeamInput, ReportInput

REVIEW = "application_review"

__all__ = ["DAY", "NOW", "TODAY", "Org", "organisation", "principal"]


@dataclass
class Org:
    """The units the rules name by function, each with a head and staff, and the leaders: two
    holding the application-review portfolio (PRO-2), two holding none."""

    review: Unit
    review_head: StaffAccount
    reviewers: list[StaffAccount]
    rights: Unit
    rights_head: StaffAccount
    rights_officer: StaffAccount
    legal: Unit
    legal_officer: StaffAccount
    other: Unit
    other_officer: StaffAccount
    review_leaders: list[StaffAccount]
    leaders: list[StaffAccount]


async def organisation() -> Org:
    review_head, review = await unit_head(await make_unit(UnitFunction.APPLICATION_REVIEW))
    reviewers = [await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=review) for _ in range(3)]
    rights_head, rights = await unit_head(await make_unit(UnitFunction.RIGHTS_FULFILMENT))
    rights_officer = await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=rights)
    _, legal = await unit_head(await make_unit(UnitFunction.LEGAL_COOPERATION_PR))
    legal_officer = await make_account(position=Position.EXECUTOR, unit=legal)
    _, other = await unit_head(await make_unit(UnitFunction.OTHER))
    other_officer = await make_account(position=Position.EXECUTOR, unit=other)
    return Org(
        review=review,
        review_head=review_head,
        reviewers=reviewers,
        rights=rights,
        rights_head=rights_head,
        rights_officer=rights_officer,
        legal=legal,
        legal_officer=legal_officer,
        other=other,
        other_officer=other_officer,
        review_leaders=[await leader(REVIEW) for _ in range(2)],
        leaders=[await leader() for _ in range(2)],
    )


async def as_(account: StaffAccount, at: dt.datetime = NOW) -> Principal:
    return await principal(account, at)


async def case_with_person(org: Org, officer: StaffAccount | None = None) -> tuple[Case, Protectee]:
    """A case of the rights-fulfilment unit, its officer `officer` (AC-12), and one person in it."""
    case = await Case.create(
        code=f"KASUS-{short()}",
        crime_type=CrimeType.TRAFFICKING,
        incident_summary="Peristiwa fiktif.",
        owning_unit=org.rights,
        case_officer=officer.staff if officer else None,
    )
    person = await Protectee.create(
        code=f"TL-{short()}", case=case, role=ProtecteeRole.VICTIM, full_name="Korban Fiktif"
    )
    return case, person


async def program(
    case: Case,
    person: Protectee,
    status: ProgramStatus = ProgramStatus.ACTIVE,
    start: dt.date = TODAY - 30 * DAY,
    end: dt.date = TODAY + 60 * DAY,
) -> ProtectionProgram:
    """A program granted by a decision, in `status`, over start … end (DEC-2)."""
    decision = await Decision.create(
        number=f"KEP-{short()}",
        decided_on=start,
        kind=DecisionKind.INITIAL,
        case=case,
        protectee=person,
        status=DecisionStatus.DECIDED,
    )
    return await ProtectionProgram.create(
        code=f"PRG-{short()}",
        decision=decision,
        protectee=person,
        case=case,
        kind=ProgramKind.MEDICAL,
        family=ProgramFamily.ASSISTANCE,
        period_start=start,
        period_end=end,
        status=status,
    )


async def letter_for(org: Org, *officers: StaffAccount, team: bool = False) -> AssignmentLetter:
    """ASG-1 through the assignment workflow: the review head's letter for one officer, or a team letter."""
    head = await as_(org.review_head)
    if team:
        ids = [o.staff.id for o in officers]
        given = AppointInput(
            unit_id=org.review.id,
            title="Tim tindakan proaktif",
            team_name="Tim",
            lead_id=ids[0],
            member_ids=ids[1:],
        )
    else:
        given = AppointInput(unit_id=org.review.id, title="Tindakan proaktif", staff_id=officers[0].staff.id)
    draft = await run(ASSIGNMENT, "appoint", None, head, given, now=NOW)
    await run(ASSIGNMENT, "issue_letter", draft.id, head, now=NOW)
    return await AssignmentLetter.get(assignment_id=draft.id)


async def reported(org: Org, by: StaffAccount | None = None, **fields: Any) -> ProactiveAction:
    """PRO-1: an event reported by a reviewer (or as given)."""
    values: dict[str, Any] = {
        "trigger": ProactiveTrigger.REMIT_OR_PUBLIC_CONCERN,
        "event_summary": "Dugaan perdagangan orang di pelabuhan (fiktif).",
    }
    values.update(fields)
    who = await as_(by or org.reviewers[0])
    return await run(PROACTIVE, "report", None, who, ReportInput(**values), now=NOW - DAY)


async def approved(org: Org, at: dt.datetime = NOW, **fields: Any) -> ProactiveAction:
    """PRO-2: reported, analysed by a reviewer, approved by an application-review leader at `at`."""
    action = await reported(org, **fields)
    analysis = AnalyseInput(analysis="Korban berpotensi diancam.", budget="2500000.00")
    await run(PROACTIVE, "analyse", action.id, await as_(org.reviewers[1]), analysis, now=NOW - DAY)
    return await run(PROACTIVE, "approve", action.id, await as_(org.review_leaders[0]), now=at)


async def executing(org: Org, at: dt.datetime = NOW, **fields: Any) -> ProactiveAction:
    """PRO-2, PRO-4: approved at `at`, a team of the first two reviewers with their letters, set out."""
    action = await approved(org, at, **fields)
    first, second = org.reviewers[0], org.reviewers[1]
    letters = [(await letter_for(org, first)).id, (await letter_for(org, second)).id]
    team = FormTeamInput(
        officer_ids=[first.staff.id, second.staff.id], lead_id=first.staff.id, assignment_letter_ids=letters
    )
    await run(PROACTIVE, "form_team", action.id, await as_(org.review_head), team, now=at)
    return await run(PROACTIVE, "start", action.id, await as_(first), now=at)


async def snapshot() -> tuple[Any, ...]:
    """Everything these workflows write, except refusal audit entries: a refusal leaves it equal."""
    return (
        sorted(await EmergencyProtection.all().values_list("id", "status", "official_record_id")),
        sorted(await Document.all().values_list("number", "status")),
        sorted(await ProactiveAction.all().values_list("id", "status", "outcome", "deadline_at")),
        await ProactiveTeamMember.all().count(),
        sorted(await Complaint.all().values_list("id", "status", "answer")),
        await MonitoringVisit.all().count(),
        await ProgramEvaluation.all().count(),
        await Application.all().count(),
        await WorkflowHistory.all().count(),
        await Approval.all().count(),
        sorted(await NumberSequence.all().values_list("series", "issuer", "last_number")),
    )


def payload(result: Any, field: str) -> Any:
    """A GraphQL answer without top-level errors → the field's value."""
    assert result.errors is None, result.errors
    return result.data[field]
