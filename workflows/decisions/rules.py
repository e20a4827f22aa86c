"""The guards of a decision on an application, each citing its rule (DEC-1, DEC-2, PRG-2 … PRG-4,
APP-2, ADM-1). They read the built decision (its application, protectee and case) and the input."""

from __future__ import annotations

from models.cases import (
    Application,
    ApplicationProgramRequest,
    ApplicationStatus,
    Case,
    DecisionOutcome,
    FamilyMember,
)
from models.organisation import Agency
from workflows.decisions.inputs import grant_field
from workflows.engine import Step, guard
from workflows.errors import RuleViolation
from workflows.messages import MESSAGES as CATALOGUE
from workflows.programs.eligibility import (
    Person,
    compensation_allowed,
    death_related_allowed,
    interpreter_allowed,
)

CATALOGUE.update(
    {
        "decisions.starts_before": (
            "Jangka waktu program dimulai sejak tanggal keputusan atau sesudahnya ('{field}', DEC-2).",
            "A program's period starts on the decision's date or later ('{field}', DEC-2).",
        ),
    }
)


async def _person(step: Step) -> Person | None:
    return await Person.of(step.record.protectee_id)


def _accepting(step: Step) -> bool:
    return bool(step.input.outcome is not DecisionOutcome.REJECTED)


@guard(
    "DEC-1",
    id="Permohonan diputus setelah selesai ditelaah oleh unit kerja penelaahan permohonan (DEC-1).",
    en="An application is decided once the application-review unit has completed its review (DEC-1).",
)
async def application_reviewed(step: Step) -> bool:
    """DEC-1: reviewed first, then decided — once."""
    status = await Application.filter(id=step.record.application_id).values_list("status", flat=True)
    return bool(status) and status[0] == ApplicationStatus.REVIEWED


@guard(
    "DEC-2",
    id="Menerima seluruhnya memberikan semua program yang dimohonkan; menerima sebagian memberikan "
    "sebagian saja ('grants', DEC-2).",
    en="Accepting wholly grants every program asked for; accepting partly grants only some of them "
    "('grants', DEC-2).",
    uses_input=True,
    field="grants",
)
async def outcome_fits_the_request(step: Step) -> bool:
    """DEC-2: 'wholly' and 'partly' are measured against the programs asked for (APP-4)."""
    given = step.input
    if given.outcome is DecisionOutcome.REJECTED:
        return True
    asked = set(
        await ApplicationProgramRequest.filter(application_id=step.record.application_id).values_list(
            "program_kind", flat=True
        )
    )
    granted = set(given.programs)
    missing = asked - granted
    if given.outcome is DecisionOutcome.ACCEPTED:
        return not missing
    return bool(missing) and bool(granted & asked)


@guard(
    "DEC-2",
    id="Jangka waktu program dimulai sejak tanggal keputusan atau sesudahnya ('grants[].startsOn', DEC-2).",
    en="A program's period starts on the decision's date or later ('grants[].startsOn', DEC-2).",
    uses_input=True,
    field="grants",
)
async def periods_from_the_decision(step: Step) -> bool:
    """DEC-2, Pasal 3: a program exists only by its decision — not before it. Refuses naming the
    first grant that starts too early ('input.grants[1].startsOn')."""
    for index, grant in enumerate(step.input.grants):
        if grant.starts_on < step.record.decided_on:
            raise RuleViolation("decisions.starts_before", field=grant_field(index, "startsOn"), rule="DEC-2")
    return True


@guard(
    "PRG-2",
    id="Fasilitasi kompensasi hanya untuk korban pelanggaran HAM berat, terorisme atau kekerasan seksual; "
    "fasilitasi restitusi hanya untuk korban ('grants', PRG-2).",
    en="Compensation facilitation is only for victims of gross human-rights violations, terrorism or sexual "
    "violence; restitution facilitation only for victims ('grants', PRG-2).",
    uses_input=True,
    field="grants",
)
async def compensation_for_eligible_victims(step: Step) -> bool:
    """PRG-2 (Pasal 11)."""
    person = await _person(step)
    return person is not None and compensation_allowed(person, step.input.programs)


@guard(
    "PRG-3",
    id="Biaya pemakaman hanya bila Terlindung meninggal dunia; santunan hanya bagi keluarga korban "
    "terorisme yang meninggal dunia ('grants', PRG-3).",
    en="Funeral costs only when the protectee has died; the death benefit only for the family of a "
    "terrorism victim who died ('grants', PRG-3).",
    uses_input=True,
    field="grants",
)
async def death_related_only_after_death(step: Step) -> bool:
    """PRG-3 (Pasal 13–14)."""
    person = await _person(step)
    covered = len(step.input.covered_family_member_ids)
    return person is not None and death_related_allowed(person, step.input.programs, covered)


@guard(
    "PRG-4",
    id="Penerjemah hanya untuk Terlindung yang tidak dapat berbahasa Indonesia ('grants', PRG-4).",
    en="An interpreter is only for a protectee who cannot speak Indonesian ('grants', PRG-4).",
    uses_input=True,
    field="grants",
)
async def interpreter_only_when_needed(step: Step) -> bool:
    """PRG-4 (Pasal 24(1))."""
    person = await _person(step)
    return person is not None and interpreter_allowed(person, step.input.programs)


@guard(
    "APP-2",
    id="Yang dilindungi bersama pemohon hanya anggota keluarga pemohon itu ('coveredFamilyMemberIds', APP-2).",
    en="Only the applicant's own family members can be covered ('coveredFamilyMemberIds', APP-2).",
    uses_input=True,
    field="coveredFamilyMemberIds",
)
async def family_of_the_applicant(step: Step) -> bool:
    """APP-2: family members are covered with the person they belong to."""
    wanted = set(step.input.covered_family_member_ids)
    if not wanted:
        return True
    if not _accepting(step):
        return False
    found = await FamilyMember.filter(id__in=list(wanted), protectee_id=step.record.protectee_id).count()
    return found == len(wanted)


@guard(
    "ADM-1",
    id="Keputusan menerima diberitahukan kepada aparat penegak hukum: sebutkan instansinya, atau catat "
    "instansi yang menangani kasus ('lawEnforcementAgencyIds', ADM-1, ADM-3).",
    en="An accepting decision is notified to law enforcement: name the agency, or record the agency "
    "handling the case ('lawEnforcementAgencyIds', ADM-1, ADM-3).",
    uses_input=True,
    field="lawEnforcementAgencyIds",
)
async def law_enforcement_addressed(step: Step) -> bool:
    """ADM-1, ADM-3: the letter to law enforcement has an addressee."""
    if not _accepting(step):
        return True
    wanted = set(step.input.law_enforcement_agency_ids)
    if wanted:
        return await Agency.filter(id__in=list(wanted), active=True).count() == len(wanted)
    agency = await Case.filter(id=step.record.case_id).values_list("law_enforcement_agency_id", flat=True)
    return bool(agency) and agency[0] is not None


DECIDE_GUARDS = (
    application_reviewed,
    outcome_fits_the_request,
    periods_from_the_decision,
    compensation_for_eligible_victims,
    death_related_only_after_death,
    interpreter_only_when_needed,
    family_of_the_applicant,
    law_enforcement_addressed,
)

__all__ = ["DECIDE_GUARDS"]
