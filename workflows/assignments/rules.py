"""Who takes the assignment steps, which records a step applies to, and the guards shared by the
paths — each citing its rule (ASG-1 … ASG-8, AC-2, AC-6). Guards read the locked record (and the
input where marked); the guards of one path live with it (outbound, inbound, voluntary, completion).
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from tortoise.models import Model

from authz.principal import Principal, PrincipalKind
from models.assignments import (
    AssignmentKind,
    AssignmentPath,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    TeamMembership,
)
from models.organisation import Position, Staff
from workflows.approvals import Capacity
from workflows.assignments.records import approved_on_record
from workflows.engine import Actor, Condition, Step, field_is, guard, head_of, position

# --- who (AC-6: bound to the post, acting officials included) ------------------------------------

APPOINTING_HEAD = head_of("requesting_unit_id", "ASG-1", "head of the unit", name="appointing_head")
PROPOSING_HEAD = head_of("requesting_unit_id", "ASG-2", "head of the proposing unit", name="proposing_head")
TARGET_HEAD = head_of("target_unit_id", "ASG-2", "head of the target unit", name="target_head")
SECRETARY_GENERAL = position(Position.SECRETARY_GENERAL, "ASG-2", "the Secretary General")


def partner_token(agency_field: str, scope: str, rule_id: str, label: str) -> Actor:
    """A partner token holding `scope`, of the agency the record's `agency_field` names — the
    requests addressed to its own agency only (AC-2). Its policy line is `scope:<scope>` on the
    `agency` row scope. A token never decides an approval step (AC-6): its capacity names the token."""

    async def holds(principal: Principal, record: Model) -> Capacity | None:
        if principal.kind is not PrincipalKind.PARTNER_TOKEN or scope not in principal.scopes:
            return None
        agency_id = getattr(record, agency_field)
        if principal.token_id is None or agency_id is None or principal.agency_id != agency_id:
            return None
        return Capacity(principal.token_id, post=f"partner token of agency {agency_id}")

    return Actor(
        f"partner_{agency_field.removesuffix('_id')}", rule_id, label, ((f"scope:{scope}", "agency"),), holds
    )


# --- which records a step applies to ---------------------------------------------------------------


def all_of(*conditions: Condition) -> Condition:
    """Every one of `conditions` holds (e.g. a direction and a kind)."""
    return Condition(
        " ∧ ".join(c.label for c in conditions), lambda record: all(c.test(record) for c in conditions)
    )


WITHIN_UNIT = field_is("path", AssignmentPath.WITHIN_UNIT_APPOINTMENT)  # ASG-1
CROSS_UNIT = field_is("path", AssignmentPath.CROSS_UNIT_APPOINTMENT)  # ASG-2
OUTBOUND = field_is("path", AssignmentPath.OUTBOUND_AGENCY_APPOINTMENT)  # ASG-3
INBOUND = field_is("path", AssignmentPath.INBOUND_AGENCY_REQUEST)  # ASG-4
WITHIN_UNIT_VOLUNTARY = field_is("path", AssignmentPath.WITHIN_UNIT_VOLUNTARY)  # ASG-5
CROSS_UNIT_VOLUNTARY = field_is("path", AssignmentPath.CROSS_UNIT_VOLUNTARY)  # ASG-6
# Requests between units share a direction on ASG-2 and ASG-6; their kind tells who decides.
BETWEEN_UNITS = all_of(
    field_is("direction", InvolvementDirection.INTERNAL_CROSS_UNIT),
    field_is("kind", AssignmentKind.APPOINTMENT),
)  # ASG-2
VOLUNTARY_BETWEEN_UNITS = all_of(
    field_is("direction", InvolvementDirection.INTERNAL_CROSS_UNIT),
    field_is("kind", AssignmentKind.VOLUNTARY_APPLICATION),
)  # ASG-6
OUTBOUND_VOLUNTARY = field_is("path", AssignmentPath.OUTBOUND_AGENCY_VOLUNTARY)  # Pasal 11(2), ORG-4
INBOUND_VOLUNTARY = field_is("path", AssignmentPath.INBOUND_AGENCY_VOLUNTARY)  # Pasal 11(2), ORG-4
# Requests to and from an agency: for an appointment (ASG-3, ASG-4) or a voluntary application
# (Pasal 11(2)); the kind tells who answers them, as between units.
TO_AGENCY = all_of(
    field_is("direction", InvolvementDirection.OUTBOUND_TO_AGENCY),
    field_is("kind", AssignmentKind.APPOINTMENT),
)  # ASG-3
FROM_AGENCY = all_of(
    field_is("direction", InvolvementDirection.INBOUND_FROM_AGENCY),
    field_is("kind", AssignmentKind.APPOINTMENT),
)  # ASG-4
VOLUNTARY_TO_AGENCY = all_of(
    field_is("direction", InvolvementDirection.OUTBOUND_TO_AGENCY),
    field_is("kind", AssignmentKind.VOLUNTARY_APPLICATION),
)  # Pasal 11(2): LPSK staff applying to another agency
VOLUNTARY_FROM_AGENCY = all_of(
    field_is("direction", InvolvementDirection.INBOUND_FROM_AGENCY),
    field_is("kind", AssignmentKind.VOLUNTARY_APPLICATION),
)  # Pasal 11(2): another agency's officer applying to an LPSK unit


async def staff_of_unit(staff_ids: Iterable[UUID | None], unit_id: UUID | None) -> bool:
    """Every named person is an active staff member of `unit_id` (unknown ids are not)."""
    wanted = {s for s in staff_ids if s is not None}
    if not wanted:
        return True
    if unit_id is None:
        return False
    found = await Staff.filter(id__in=list(wanted), unit_id=unit_id, active=True, agency_id=None).count()
    return found == len(wanted)


async def officers_of_agency(staff_ids: Iterable[UUID | None], agency_id: UUID | None) -> bool:
    """Every named person is an active officer of the outside agency `agency_id`."""
    wanted = {s for s in staff_ids if s is not None}
    if not wanted:
        return True
    if agency_id is None:
        return False
    found = await Staff.filter(id__in=list(wanted), agency_id=agency_id, active=True).count()
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
    id="Belum setiap permohonan pelibatan disetujui, dengan persetujuan yang tercatat, oleh yang berwenang "
    "(ASG-7).",
    en="Not every involvement request has been approved, with the approval on record, by whoever decides "
    "it (ASG-7).",
)
async def every_involvement_approved(step: Step) -> bool:
    """ASG-7 on every path: each open request of the assignment is approved with its approval on
    record (records.approved_on_record) and names the person made available."""
    requests = await InvolvementRequest.filter(assignment_id=step.record.id).exclude(
        status=InvolvementStatus.WITHDRAWN
    )
    if not requests:
        return False
    for request in requests:
        if not await approved_on_record(request):
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
    "CROSS_UNIT_VOLUNTARY",
    "FROM_AGENCY",
    "INBOUND",
    "INBOUND_VOLUNTARY",
    "OUTBOUND",
    "OUTBOUND_VOLUNTARY",
    "PROPOSING_HEAD",
    "SECRETARY_GENERAL",
    "TARGET_HEAD",
    "TO_AGENCY",
    "VOLUNTARY_BETWEEN_UNITS",
    "VOLUNTARY_FROM_AGENCY",
    "VOLUNTARY_TO_AGENCY",
    "WITHIN_UNIT",
    "WITHIN_UNIT_VOLUNTARY",
    "all_of",
    "appointees_in_unit",
    "appointees_still_in_unit",
    "every_involvement_approved",
    "lead_from_owning_unit_or_justified",
    "named_person_in_target_unit",
    "officers_of_agency",
    "own_members_in_unit",
    "partner_token",
    "person_named",
    "requested_from_target_unit",
    "staff_of_unit",
    "target_is_another_unit",
]
