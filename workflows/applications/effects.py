"""What the application steps build and change, beyond the state the engine moves (APP-1 … APP-4,
DEC-1). Each runs inside the step's transaction, after every check has passed (a creating step's
`build` runs before its checks: whatever it writes is rolled back with a refusal)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from authz.principal import PrincipalKind
from authz.scope import scope
from models.cases import (
    Application,
    ApplicationChannel,
    ApplicationInitiator,
    ApplicationProgramRequest,
    Case,
    FamilyMember,
    Protectee,
    ProtecteeStatus,
)
from models.organisation import Agency, Staff, Unit, UnitFunction, UnitKind
from models.proactive_actions import ProactiveAction
from workflows.applications import duplicates
from workflows.applications.inputs import (
    CaseFields,
    CompleteReviewInput,
    FamilyMemberInput,
    FileInput,
    PersonFields,
    ProactiveApplicationInput,
    ReferInput,
    RequestFields,
    StartReviewInput,
)
from workflows.engine import Step
from workflows.errors import NotFound
from workflows.letters import SECRETARY_GENERAL_ISSUER, next_code, next_number


async def review_bureau() -> Unit:
    """The application-review bureau: where referred applications land (DEC-1)."""
    units = Unit.filter(function=UnitFunction.APPLICATION_REVIEW, active=True)
    unit = (
        await units.filter(kind=UnitKind.BUREAU).order_by("code").first()
        or await units.order_by("code").first()
    )
    if unit is None:
        raise NotFound("Unit")
    return unit


async def _agency(agency_id: UUID | None) -> UUID | None:
    if agency_id is not None and not await Agency.filter(id=agency_id, active=True).exists():
        raise NotFound("Agency")
    return agency_id


async def _new_case(step: Step, facts: CaseFields, owning_unit_id: UUID) -> Case:
    case = Case(
        code=await next_code(Case, "KASUS", step.today.year),
        crime_type=facts.crime_type,
        incident_summary=(facts.incident_summary or "").strip(),
        incident_date=facts.incident_date,
        incident_region=facts.incident_region,
        law_enforcement_reference=facts.law_enforcement_reference,
        law_enforcement_agency_id=await _agency(facts.law_enforcement_agency_id),
        owning_unit_id=owning_unit_id,
    )
    if facts.law_enforcement_stage is not None:
        case.law_enforcement_stage = facts.law_enforcement_stage
    await case.save()
    return case


async def _protectee(step: Step, person: PersonFields, case: Case) -> Protectee:
    protectee = Protectee(
        code=await next_code(Protectee, "TL", step.today.year),
        case_id=case.id,
        role=person.role,
        full_name=person.full_name.strip(),
        nik=person.nik,
        birth_date=person.birth_date.isoformat() if person.birth_date else None,
        address=person.address,
        phone=person.phone,
        gender=person.gender,
        is_child=person.is_child,
        has_disability=person.has_disability,
        disability_kind=person.disability_kind,
        needs_interpreter=person.needs_interpreter,
        language=person.language,
        is_deceased=person.is_deceased,
        deceased_on=person.deceased_on,
    )
    await protectee.save()
    return protectee


async def _application(
    step: Step, request: RequestFields, case: Case, protectee: Protectee, **fields: Any
) -> Application:
    official = request.initiator is ApplicationInitiator.OFFICIAL
    return Application(
        number=await application_number(step.today.year),
        case_id=case.id,
        applicant_id=protectee.id,
        initiator=request.initiator,
        initiating_official_name=(request.initiating_official_name or "").strip() or None
        if official
        else None,
        received_at=step.now,
        **fields,
    )


async def application_number(year: int) -> str:
    """'PMH-2026-0042': application numbers, gap-free per year like every LPSK number (ASG-10)."""
    start = f"PMH-{year}-"

    async def used() -> int:
        numbers = await Application.filter(number__startswith=start).values_list("number", flat=True)
        tails = (str(n).removeprefix(start) for n in numbers)
        return max((int(t) for t in tails if t.isdigit()), default=0)

    return f"{start}{await next_number('PMH', SECRETARY_GENERAL_ISSUER, year, seed=used):04d}"


def _owning_unit(step: Step) -> UUID | None:
    principal = step.principal
    return principal.unit_id if principal.kind is PrincipalKind.STAFF else None


# --- creating steps (APP-4) ------------------------------------------------------------------


async def build_filed(step: Step) -> Application:
    """APP-4: staff file: a new case from the facts given (owned by the filer's unit), or a case the
    filer can reach (AC-12: one they cannot reach is not found); the person; the application."""
    given: FileInput = step.input
    if given.case_id is not None:
        case = await (await scope(Case.filter(id=given.case_id), step.principal)).first()
        if case is None:
            raise NotFound("Case")
    else:
        unit_id = _owning_unit(step) or (await review_bureau()).id
        case = await _new_case(step, given, unit_id)
    protectee = await _protectee(step, given, case)
    official = given.initiator is ApplicationInitiator.OFFICIAL
    return await _application(
        step,
        given,
        case,
        protectee,
        channel=given.channel,
        initiating_agency_id=await _agency(given.initiating_agency_id) if official else None,
        received_by_id=step.principal.staff_id,
    )


async def build_referred(step: Step) -> Application:
    """APP-4, AC-2: a partner's referral opens a new case at the application-review bureau; the agency
    is the token's own — as referrer, and as the requesting official's agency."""
    given: ReferInput = step.input
    agency_id = step.principal.agency_id
    case = await _new_case(step, given, (await review_bureau()).id)
    protectee = await _protectee(step, given, case)
    official = given.initiator is ApplicationInitiator.OFFICIAL
    return await _application(
        step,
        given,
        case,
        protectee,
        channel=ApplicationChannel.REFERRAL,
        referred_by_agency_id=agency_id,
        initiating_agency_id=agency_id if official else None,
    )


async def build_proactive(step: Step) -> Application:
    """PRO-2(b): the application a proactive action produced, on the action's case (or a new one)."""
    given: ProactiveApplicationInput = step.input
    action = await ProactiveAction.get_or_none(id=given.proactive_action_id)
    if action is None:
        raise NotFound("ProactiveAction")
    case = await Case.get_or_none(id=action.case_id) if action.case_id else None  # type: ignore[attr-defined]
    if case is None:
        facts = CaseFields(
            crime_type=given.crime_type or action.crime_type,
            incident_summary=given.incident_summary or action.event_summary,
            incident_date=given.incident_date or (action.event_at.date() if action.event_at else None),
            incident_region=given.incident_region or action.event_region,
            law_enforcement_stage=given.law_enforcement_stage,
            law_enforcement_reference=given.law_enforcement_reference,
            law_enforcement_agency_id=given.law_enforcement_agency_id,
        )
        facts.check_case(False)
        case = await _new_case(step, facts, _owning_unit(step) or (await review_bureau()).id)
        action.case_id = case.id  # type: ignore[attr-defined]
        await action.save(update_fields=["case_id", "updated_at"])
    protectee = await _protectee(step, given, case)
    return await _application(
        step,
        given,
        case,
        protectee,
        channel=ApplicationChannel.PROACTIVE,
        proactive_action_id=action.id,
        received_by_id=step.principal.staff_id,
    )


async def received(step: Step) -> None:
    """APP-4: the programs asked for are recorded; the people are checked for duplicates (APP-3)."""
    application: Application = step.record
    given: RequestFields = step.input
    await ApplicationProgramRequest.bulk_create(
        [
            ApplicationProgramRequest(application_id=application.id, program_kind=kind)
            for kind in given.requested_programs
        ]
    )
    await duplicates.refresh(application)


# --- review (DEC-1) --------------------------------------------------------------------------


async def review_started(step: Step) -> None:
    """DEC-1: the reviewing officer and their unit are recorded; duplicates are checked again."""
    given: StartReviewInput = step.input
    application: Application = step.record
    reviewer = await Staff.get_or_none(id=given.reviewer_id or step.principal.staff_id)
    if reviewer is None:
        raise NotFound("Staff")
    application.reviewer_id = reviewer.id  # type: ignore[attr-defined]
    application.review_unit_id = reviewer.unit_id  # type: ignore[attr-defined]
    await duplicates.refresh(application)


async def review_completed(step: Step) -> None:
    """DEC-1: the findings go with the application to the leaders."""
    given: CompleteReviewInput = step.input
    application: Application = step.record
    application.review_summary = given.summary.strip()
    application.reviewed_at = step.now
    if application.reviewer_id is None:  # type: ignore[attr-defined]
        application.reviewer_id = step.principal.staff_id  # type: ignore[attr-defined]


async def withdrawn(step: Step) -> None:
    """The applicant withdrew: the person is not protected on this application."""
    application: Application = step.record
    application.withdrawn_at = step.now
    await Protectee.filter(id=application.applicant_id).update(status=ProtecteeStatus.NOT_PROTECTED)  # type: ignore[attr-defined]


async def family_member_added(step: Step) -> None:
    """APP-2: the family member is recorded (identity sealed); duplicates are checked again (APP-3)."""
    given: FamilyMemberInput = step.input
    application: Application = step.record
    member = FamilyMember(
        protectee_id=application.applicant_id,  # type: ignore[attr-defined]
        relation=given.relation,
        degree=given.degree,
        full_name=given.full_name.strip(),
        nik=given.nik,
        birth_date=given.birth_date.isoformat() if given.birth_date else None,
        phone=given.phone,
    )
    await member.save()
    await duplicates.refresh(application)


__all__ = [
    "build_filed",
    "build_proactive",
    "build_referred",
    "family_member_added",
    "received",
    "review_bureau",
    "review_completed",
    "review_started",
    "withdrawn",
]
