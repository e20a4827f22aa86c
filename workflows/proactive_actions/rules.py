"""Who takes the proactive-action steps, and the guards they must pass — each citing its rule
(PRO-1, PRO-2, PRO-4, EMG-1; seed 000). Guards read the locked record (and the input where marked)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from uuid import UUID

from tortoise.expressions import Q

from models.assignments import AssignmentLetter, AssignmentStatus, LetterStatus, TeamMembership
from models.cases import CrimeType
from models.organisation import Staff, UnitFunction
from models.proactive_actions import ProactiveAction, ProactiveOutcome, ProactiveTeamMember, ProactiveTrigger
from models.programs import EmergencyProtection, EmergencyStatus
from workflows.engine import Step, guard, portfolio
from workflows.engine.actors import OFFICER_POSITIONS, head_of_function, lpsk_officer, unit_officer
from workflows.errors import NotFound
from workflows.proactive_actions.access import action_team_member

REVIEW = UnitFunction.APPLICATION_REVIEW.value

# --- who (AC-6: bound to the post or the function, acting officials included) ---------------------

REPORTER = lpsk_officer("PRO-1", "an LPSK officer (a leader, for the leaders' consideration)")
ANALYST = unit_officer(REVIEW, "PRO-2", "an officer of the application-review unit")
APPROVER = portfolio(REVIEW, "PRO-2", "a leader responsible for application review")
TEAM_FORMER = head_of_function(REVIEW, "PRO-2", "the head of the application-review unit")
TEAM = action_team_member("PRO-2")

# An assignment still running: its letter assigns its people today (ASG-10, PRO-4).
LIVE_ASSIGNMENTS = (AssignmentStatus.LETTER_ISSUED, AssignmentStatus.DELIVERED, AssignmentStatus.IN_PROGRESS)
GIVEN = (EmergencyStatus.APPROVED, EmergencyStatus.ENDED)


# --- PRO-1 -------------------------------------------------------------------------------------


@guard(
    "PRO-1",
    id="Pemicu 'terorisme' berlaku sesaat setelah dugaan tindak pidana terorisme: jenis tindak pidana "
    "harus terorisme ('crimeType', PRO-1).",
    en="The trigger 'terrorism' is for right after a suspected act of terrorism: the crime type must be "
    "terrorism ('crimeType', PRO-1).",
    field="crimeType",
)
async def terrorism_trigger_names_terrorism(step: Step) -> bool:
    """PRO-1: the terrorism trigger goes with a suspected act of terrorism."""
    record: ProactiveAction = step.record
    return record.trigger is not ProactiveTrigger.TERRORISM or record.crime_type is CrimeType.TERRORISM


@guard(
    "PRO-1",
    id="Waktu peristiwa tidak boleh di masa depan ('eventAt', PRO-1).",
    en="The time of the event cannot be in the future ('eventAt', PRO-1).",
    field="eventAt",
)
async def event_not_in_future(step: Step) -> bool:
    """PRO-1: the action follows a crime event that has happened."""
    return step.record.event_at is None or step.record.event_at <= step.now


# --- PRO-2, PRO-4: the team ---------------------------------------------------------------------


@guard(
    "PRO-2",
    id="Tim investigasi paling sedikit 2 (dua) orang petugas ('officerIds', PRO-2).",
    en="The investigation team has at least two officers ('officerIds', PRO-2).",
    uses_input=True,
    field="officerIds",
)
async def team_of_at_least_two(step: Step) -> bool:
    """PRO-2 (SP B.5: "paling sedikit 2 (dua) orang"): two distinct officers or more."""
    return len(set(step.input.officer_ids)) >= 2


@guard(
    "PRO-4",
    id="Anggota tim harus petugas LPSK yang aktif ('officerIds', PRO-4).",
    en="The team's members must be active LPSK officers ('officerIds', PRO-4).",
    uses_input=True,
    field="officerIds",
)
async def officers_of_lpsk(step: Step) -> bool:
    """PRO-4: LPSK's own active officers — not an expert, not an outside agency's officer."""
    wanted = set(step.input.officer_ids)
    found = await Staff.filter(
        id__in=list(wanted), active=True, agency_id=None, position__in=list(OFFICER_POSITIONS)
    ).count()
    return found == len(wanted)


async def letters_by_officer(letter_ids: Iterable[UUID], today: dt.date) -> dict[UUID, UUID]:
    """Assignment letters → the officers they assign today, each with (the first of) their letter:
    issued and not revoked, of an assignment still running and not past its end (ASG-10); an
    individual letter names its person, a team letter the team's present members."""
    letters = (
        await AssignmentLetter.filter(
            Q(assignment__due_on__isnull=True) | Q(assignment__due_on__gte=today),
            id__in=list(set(letter_ids)),
            status=LetterStatus.ISSUED,
            assignment__status__in=LIVE_ASSIGNMENTS,
        )
        .order_by("issued_at", "number")
        .values("id", "team_id", "assignment__staff_id")
    )
    held: dict[UUID, UUID] = {}
    for letter in letters:
        if letter["assignment__staff_id"] is not None:
            held.setdefault(letter["assignment__staff_id"], letter["id"])
    teams = {letter["team_id"]: letter["id"] for letter in reversed(letters) if letter["team_id"]}
    if teams:
        members = await TeamMembership.filter(
            Q(left_on__isnull=True) | Q(left_on__gte=today), team_id__in=list(teams), joined_on__lte=today
        ).values_list("staff_id", "team_id")
        for staff_id, team_id in members:
            held.setdefault(staff_id, teams[team_id])
    return held


@guard(
    "PRO-4",
    id="Setiap petugas tim harus memegang surat penugasan dari atasannya yang masih berlaku "
    "('assignmentLetterIds', PRO-4).",
    en="Every officer of the team must hold a current assignment letter from their superior "
    "('assignmentLetterIds', PRO-4).",
    uses_input=True,
    field="assignmentLetterIds",
)
async def every_officer_holds_a_letter(step: Step) -> bool:
    """PRO-4 (SP B.7: "telah mendapatkan penugasan dari atasan langsung"): each officer is named on
    one of the letters given."""
    held = await letters_by_officer(step.input.assignment_letter_ids, step.today)
    return set(step.input.officer_ids) <= set(held)


# --- PRO-2: the outcome --------------------------------------------------------------------------
# The team links what the action produced. Its officers seldom reach the case's records under the
# read scope (case officer, case team, unit heads), so the link is bounded by the rule instead:
# the action's case, or an emergency its own team asked for, during the action.


@guard(
    "PRO-2",
    id="Hasil (c) memerlukan perlindungan darurat yang diajukan selama tindakan ini — atas kasusnya, atau "
    "oleh timnya — dan telah disetujui oleh dua Pimpinan LPSK yang berbeda ('emergencyProtectionId', "
    "PRO-2, EMG-1).",
    en="Outcome (c) needs an emergency protection asked for during this action — for its case, or by its "
    "team — and approved by two different leaders ('emergencyProtectionId', PRO-2, EMG-1).",
    uses_input=True,
    field="emergencyProtectionId",
)
async def emergency_protection_given(step: Step) -> bool:
    """PRO-2 (c), EMG-1: the emergency protection came out of this action — asked for after the action
    was reported, for the action's case or by its team — and was granted by two leaders."""
    if step.input.outcome is not ProactiveOutcome.EMERGENCY_PROTECTION:
        return True
    record: ProactiveAction = step.record
    emergency = await EmergencyProtection.get_or_none(id=step.input.emergency_protection_id)
    if emergency is None:
        raise NotFound("EmergencyProtection")
    by_team = await ProactiveTeamMember.filter(
        action_id=record.id,
        staff_id=emergency.requested_by_id,  # type: ignore[attr-defined]
    ).exists()
    same_case = record.case_id == emergency.case_id  # type: ignore[attr-defined]
    elsewhere = record.case_id is not None and not same_case  # type: ignore[attr-defined]
    return (
        emergency.status in GIVEN
        and emergency.requested_at >= record.reported_at
        and (same_case or by_team)
        and not elsewhere
    )


__all__ = [
    "ANALYST",
    "APPROVER",
    "REPORTER",
    "TEAM",
    "TEAM_FORMER",
    "emergency_protection_given",
    "event_not_in_future",
    "every_officer_holds_a_letter",
    "letters_by_officer",
    "officers_of_lpsk",
    "team_of_at_least_two",
    "terrorism_trigger_names_terrorism",
]
