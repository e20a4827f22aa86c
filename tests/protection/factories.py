"""Builders for the protection workflow tests (no GraphQL): a small agency with its review and rights
bureaus, leaders, the Secretary General and partner agencies; applications along their path; what a
refusal must leave untouched."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from authz.principal import Principal
from models.accounts import StaffAccount
from models.audit import WorkflowHistory
from models.cases import (
    Application,
    ApplicationChannel,
    ApplicationInitiator,
    CrimeType,
    Decision,
    DecisionOutcome,
    FamilyMember,
    Protectee,
    ProtecteeRole,
)
from models.documents import Document, DocumentKind
from models.numbering import NumberSequence
from models.organisation import Agency, AgencyKind, Position, Unit, UnitFunction, UnitKind
from models.programs import CostReimbursement, ProgramChecklistItem, ProgramKind, ProtectionProgram
from tests.accounts.factories import NOW, make_account, make_agency, make_unit
from tests.approvals.factories import principal
from workflows.applications import APPLICATION
from workflows.applications.inputs import CompleteReviewInput, FileInput, StartReviewInput
from workflows.decisions import DECISION, DecideInput, Grant
from workflows.documents import DOCUMENT, ProtecteeSignInput
from workflows.engine import run

DAY = dt.timedelta(days=1)
TODAY = dt.date(2026, 3, 2)  # NOW in Jakarta
NIK = "3174010101900001"

__all__ = ["DAY", "NIK", "NOW", "TODAY", "World", "principal", "world"]


@dataclass
class World:
    """The application-review bureau (head, reviewer), the rights-fulfilment bureau (head, officer), a
    regional office's officer, the chair, a vice-chair, the Secretary General, police and a hospital."""

    review: Unit
    review_head: StaffAccount
    reviewer: StaffAccount
    rights: Unit
    rights_head: StaffAccount
    rights_officer: StaffAccount
    regional_officer: StaffAccount
    outsider: StaffAccount
    chair: StaffAccount
    leader: StaffAccount
    secretary_general: StaffAccount
    police: Agency
    hospital: Agency

    async def as_(self, role: str) -> Principal:
        return await principal(getattr(self, role))


async def _bureau(function: UnitFunction) -> tuple[Unit, StaffAccount, StaffAccount]:
    unit = await make_unit(function)
    head = await make_account(position=Position.UNIT_HEAD, unit=unit)
    unit.head_id = head.staff.id
    await unit.save(update_fields=["head_id"])
    officer = await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=unit)
    return unit, head, officer


async def world() -> World:
    review, review_head, reviewer = await _bureau(UnitFunction.APPLICATION_REVIEW)
    rights, rights_head, rights_officer = await _bureau(UnitFunction.RIGHTS_FULFILMENT)
    regional = await make_unit(UnitFunction.REGIONAL)
    regional.kind = UnitKind.REGIONAL_OFFICE
    await regional.save(update_fields=["kind"])
    return World(
        review=review,
        review_head=review_head,
        reviewer=reviewer,
        rights=rights,
        rights_head=rights_head,
        rights_officer=rights_officer,
        regional_officer=await make_account(position=Position.EXECUTOR, unit=regional),
        outsider=await make_account(position=Position.EXECUTOR, unit=await make_unit(UnitFunction.OTHER)),
        chair=await make_account(position=Position.LEADER, is_chair=True),
        leader=await make_account(position=Position.LEADER),
        secretary_general=await make_account(position=Position.SECRETARY_GENERAL),
        police=await make_agency(AgencyKind.POLICE),
        hospital=await make_agency(AgencyKind.HOSPITAL),
    )


def file_input(w: World, **fields: Any) -> FileInput:
    values: dict[str, Any] = {
        "crime_type": CrimeType.TRAFFICKING,
        "incident_summary": "Peristiwa fiktif untuk pengujian.",
        "law_enforcement_agency_id": w.police.id,
        "role": ProtecteeRole.VICTIM,
        "full_name": "Siti Contoh Fiktif",
        "nik": NIK,
        "address": "Jl. Contoh No. 1, Kota Fiktif",
        "phone": "0812-0000-0001",
        "initiator": ApplicationInitiator.SELF,
        "channel": ApplicationChannel.WALK_IN,
        "requested_programs": [ProgramKind.MEDICAL, ProgramKind.SAFE_HOUSE],
    }
    values.update(fields)
    return FileInput(**values)


async def file(w: World, by: str = "reviewer", at: dt.datetime = NOW, **fields: Any) -> Application:
    return await run(APPLICATION, "file", None, await w.as_(by), file_input(w, **fields), now=at)  # type: ignore[return-value]


async def reviewed(w: World, **fields: Any) -> Application:
    """APP-4 → DEC-1: filed, taken up and reviewed by the application-review bureau."""
    return await review(w, await file(w, **fields))


async def review(w: World, application: Application) -> Application:
    """DEC-1: the application-review bureau takes the application up and completes its review."""
    reviewer = await w.as_("reviewer")
    await run(APPLICATION, "start_review", application.id, reviewer, StartReviewInput(), now=NOW)
    await run(
        APPLICATION,
        "complete_review",
        application.id,
        reviewer,
        CompleteReviewInput("Memenuhi syarat."),
        now=NOW,
    )
    return await Application.get(id=application.id)


async def decide(
    w: World,
    application: Application,
    outcome: DecisionOutcome = DecisionOutcome.ACCEPTED,
    programs: list[ProgramKind] | None = None,
    *,
    by: str = "leader",
    at: dt.datetime = NOW,
    **fields: Any,
) -> Decision:
    if programs is None:
        programs = [] if outcome is DecisionOutcome.REJECTED else await requested(application)
    values: dict[str, Any] = {
        "application_id": application.id,
        "outcome": outcome,
        "grants": grants(programs),
    }
    values.update(fields)
    return await run(DECISION, "decide", None, await w.as_(by), DecideInput(**values), now=at)  # type: ignore[return-value]


def grants(programs: list[ProgramKind], starts_on: dt.date = TODAY, days: int = 180) -> list[Grant]:
    """Each program granted for the same period, from `starts_on` (DEC-2)."""
    return [Grant(program=p, starts_on=starts_on, ends_on=starts_on + days * DAY) for p in programs]


async def requested(application: Application) -> list[ProgramKind]:
    from models.cases import ApplicationProgramRequest

    rows = await ApplicationProgramRequest.filter(application_id=application.id).order_by("created_at", "id")
    return [ProgramKind(r.program_kind) for r in rows]


async def accepted(w: World, programs: list[ProgramKind] | None = None, **fields: Any) -> Decision:
    """A reviewed application accepted wholly, granting what was asked for (or `programs`)."""
    if programs is not None:
        fields.setdefault("requested_programs", programs)
    application = await reviewed(w, **fields)
    return await decide(w, application, programs=programs)


async def programs_of(decision: Decision) -> dict[ProgramKind, ProtectionProgram]:
    rows = await ProtectionProgram.filter(decision_id=decision.id)
    return {ProgramKind(p.kind): p for p in rows}


async def document(decision: Decision, kind: DocumentKind) -> Document:
    return await Document.get(decision_id=decision.id, kind=kind)


async def sign(w: World, doc: Document, *, thumbprint: bool = False) -> Document:
    """ADM-4/ADM-5: every party signs — the bureau head for the chair on an agreement, then the protectee."""
    if doc.kind in (DocumentKind.PROTECTION_AGREEMENT, DocumentKind.ADDENDUM):
        await run(DOCUMENT, "countersign", doc.id, await w.as_("rights_head"), now=NOW)
    return await run(  # type: ignore[return-value]
        DOCUMENT,
        "protectee_sign",
        doc.id,
        await w.as_("rights_officer"),
        ProtecteeSignInput(thumbprint),
        now=NOW,
    )


async def prepare(program: ProtectionProgram) -> None:
    """PRG-9: the preparation of a physical program done (directly: tests of other rules)."""
    await ProgramChecklistItem.filter(program_id=program.id).update(done=True)


async def snapshot() -> tuple[Any, ...]:
    """Everything a protection step may write except refusal audit entries: a refusal leaves it equal."""
    return (
        sorted(await Application.all().values_list("id", "status", "possible_duplicate_count")),
        sorted(await Protectee.all().values_list("id", "status")),
        await FamilyMember.all().count(),
        sorted(await Decision.all().values_list("number", "kind")),
        sorted(await ProtectionProgram.all().values_list("code", "status", "period_end")),
        sorted(await Document.all().values_list("number", "status", "signed_by_protectee", "delivered_at")),
        sorted(await ProgramChecklistItem.all().values_list("id", "done", "waived")),
        sorted(await CostReimbursement.all().values_list("id", "status")),
        await WorkflowHistory.all().count(),
        sorted(await NumberSequence.all().values_list("series", "issuer", "last_number")),
    )
