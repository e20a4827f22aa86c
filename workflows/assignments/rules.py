"""Who takes the assignment steps, and the guards they must pass — each citing its rule
(ASG-1, ASG-2, ASG-7, ASG-8, AC-6). Guards read the locked record (and the input where marked)."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from models.assignments import (
    AssignmentPath,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    TeamMembership,
)
from models.organisation import Position, Staff
from workflows.approvals import INVOLVEMENT_TARGET_HEAD, approval_state
from workflows.engine import Step, field_is, guard, head_of, position

# --- who (AC-6: bound to the post, acting officials included) ------------------------------------

APPOINTING_HEAD = head_of("requesting_unit_id", "ASG-1", "head of the unit", name="appointing_head")
PROPOSING_HEAD = head_of("requesting_unit_id", "ASG-2", "head of the proposing unit", name="proposing_head")
TARGET_HEAD = head_of("target_unit_id", "ASG-2", "head of the target unit", name="target_head")
SECRETARY_GENERAL = position(Position.SECRETARY_GENERAL, "ASG-2", "the Secretary General")

# --- which records a step applies to ---------------------------------------------------------------

WITHIN_UNIT = field_is("path", AssignmentPath.WITHIN_UNIT_APPOINTMENT)  # ASG-1
CROSS_UNIT = field_is("path", AssignmentPath.CROSS_UNIT_APPOINTMENT)  # ASG-2
BETWEEN_UNITS = field_is("direction", InvolvementDirection.INTERNAL_CROSS_UNIT)  # ASG-2


async def staff_of_unit(staff_ids: Iterable[UUID | None], unit_id: UUID | None) -> bool:
    """Every named person is an active staff member of `unit_id` (unknown ids are not)."""
    wanted = {s for s in staff_ids if s is not None}
    if not wanted:
        return True
    if unit_id is None:
        return False
    found = await Staff.filter(id__in=list(wanted), unit_id=unit_id, active=True, agency_id=None).count()
    return found == len(wanted)


# --- ASG-1 -----------------------------------------------------------------------------------------


@guard(
    "ASG-7",
    id="Penunjukan dalam unit hanya untuk pegawai unit kerja itu; pegawai unit atau instansi lain "
    "hanya masuk melalui permohonan pelibatan yang disetujui (ASG-1, ASG-7).",
    en="An appointment within a unit is for that unit's staff only; staff of another unit or agency "
    "join only through an approved involvement request (ASG-1, ASG-7).",
    uses_input=True,
)
async def appointees_in_unit(step: Step) -> bool:
    """ASG-1, ASG-7: whoever the head appoints — the person, the lead, the members — is of the unit."""
    given = step.input
    return await staff_of_unit([given.staff_id, given.lead_id, *given.member_ids], given.unit_id)


@guard(
    "ASG-7",
    id="Ada yang ditunjuk yang kini bukan lagi pegawai unit kerja ini (ASG-1, ASG-7).",
    en="Someone appointed is no longer on the staff of this unit (ASG-1, ASG-7).",
)
async def appointees_still_in_unit(step: Step) -> bool:
    """ASG-1, ASG-7: at the letter, everyone on it is still of the unit (people move)."""
    record = step.record
    people: list[UUID | None] = [record.staff_id]
    if record.team_id is not None:
        people += await TeamMembership.filter(team_id=record.team_id).values_list("staff_id", flat=True)
    return await staff_of_unit(people, record.requesting_unit_id)


# --- ASG-2 -----------------------------------------------------------------------------------------


@guard(
    "ASG-2",
    id="Penunjukan lintas unit meminta pegawai dari unit kerja lain ('targetUnitId', ASG-2).",
    en="An appointment across units asks for staff of another unit ('targetUnitId', ASG-2).",
    uses_input=True,
    field="targetUnitId",
)
async def target_is_another_unit(step: Step) -> bool:
    """ASG-2: the unit asked is not the proposing unit (that is ASG-1)."""
    return bool(step.input.target_unit_id != step.input.unit_id)


@guard(
    "ASG-2",
    id="Yang dimohonkan harus pegawai unit kerja yang dituju ('requestedStaffIds', ASG-2).",
    en="Those asked for must be staff of the target unit ('requestedStaffIds', ASG-2).",
    uses_input=True,
    field="requestedStaffIds",
)
async def requested_from_target_unit(step: Step) -> bool:
    """ASG-2: the involvement request goes to the head of the unit the people belong to."""
    return await staff_of_unit(step.input.requested_staff_ids, step.input.target_unit_id)


@guard(
    "ASG-7",
    id="Anggota tim yang disebut langsung harus pegawai unit pengusul; pegawai unit lain hanya "
    "melalui permohonan pelibatan yang disetujui ('memberIds', ASG-7).",
    en="Members named directly must be staff of the proposing unit; staff of other units join only "
    "through an approved involvement request ('memberIds', ASG-7).",
    uses_input=True,
    field="memberIds",
)
async def own_members_in_unit(step: Step) -> bool:
    """ASG-7: nobody from outside the owning unit joins without an involvement request."""
    return await staff_of_unit(step.input.member_ids, step.input.unit_id)


@guard(
    "ASG-8",
    id="Ketua tim dari unit pemilik target kinerja; ketua dari unit lain harus termasuk yang "
    "dimohonkan dan disertai justifikasi ('leadJustification', ASG-8).",
    en="The team lead comes from the unit that owns the target; a lead from another unit must be "
    "among those asked for, with a recorded justification ('leadJustification', ASG-8).",
    uses_input=True,
    field="leadJustification",
)
async def lead_from_owning_unit_or_justified(step: Step) -> bool:
    """ASG-8: a lead from elsewhere needs a justification, and comes in through a request (ASG-7)."""
    given = step.input
    if given.lead_id is None or await staff_of_unit([given.lead_id], given.unit_id):
        return True
    justified = bool((given.lead_justification or "").strip())
    return justified and given.lead_id in given.requested_staff_ids


@guard(
    "ASG-7",
    id="Belum setiap permohonan pelibatan disetujui oleh pimpinan unit kerja yang dituju (ASG-2, ASG-7).",
    en="Not every involvement request has been approved by the target unit head (ASG-2, ASG-7).",
)
async def every_involvement_approved(step: Step) -> bool:
    """ASG-2, ASG-7: each open request of the assignment is approved, on record through the
    approval mechanism, and names the person made available."""
    requests = await InvolvementRequest.filter(assignment_id=step.record.id).exclude(
        status=InvolvementStatus.WITHDRAWN
    )
    if not requests:
        return False
    for request in requests:
        if request.status != InvolvementStatus.APPROVED or request.requested_staff_id is None:  # type: ignore[attr-defined]
            return False
        if not (await approval_state(INVOLVEMENT_TARGET_HEAD, request)).complete:
            return False
    return True


def _named(step: Step) -> UUID | None:
    return step.input.staff_id or step.record.requested_staff_id


@guard(
    "ASG-2",
    id="Sebutkan pegawai yang disediakan: permohonan ini belum menyebut seorang pun ('staffId', ASG-2).",
    en="Name the person made available: this request names nobody yet ('staffId', ASG-2).",
    uses_input=True,
    field="staffId",
)
async def person_named(step: Step) -> bool:
    """ASG-2: an approval makes a named person available (AC-8 rests on it)."""
    return _named(step) is not None


@guard(
    "ASG-2",
    id="Pegawai yang disediakan harus pegawai unit kerja yang dituju ('staffId', ASG-2).",
    en="The person made available must be on the staff of the target unit ('staffId', ASG-2).",
    uses_input=True,
    field="staffId",
)
async def named_person_in_target_unit(step: Step) -> bool:
    """ASG-2: the target head makes available their own unit's staff."""
    return await staff_of_unit([_named(step)], step.record.target_unit_id)


__all__ = [
    "APPOINTING_HEAD",
    "BETWEEN_UNITS",
    "CROSS_UNIT",
    "PROPOSING_HEAD",
    "SECRETARY_GENERAL",
    "TARGET_HEAD",
    "WITHIN_UNIT",
    "appointees_in_unit",
    "appointees_still_in_unit",
    "every_involvement_approved",
    "lead_from_owning_unit_or_justified",
    "named_person_in_target_unit",
    "own_members_in_unit",
    "person_named",
    "requested_from_target_unit",
    "staff_of_unit",
    "target_is_another_unit",
]
