"""`team` — who is on a team, set by the head of the unit that owns it (ASG-9, Lamp. 3.a.2.c: "Jumlah
keanggotaan tim kerja ... ditentukan oleh Pimpinan Unit Kerja sesuai kebutuhan"), while the team
forms or runs:

- `add_member`: the unit's own staff directly; anyone from another unit or agency only on an
  approved involvement request for this team naming them, its approval on record (ASG-7, AC-8);
- `remove_member`, with a reason: their access ends at once (AC-8); the lead stays until another
  is named (a team has its lead, ASG-1);
- `change_lead`: a current member; from outside the owning unit only with a recorded justification,
  as when the team was formed (ASG-8, Pasal 9(4)).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from models.assignments import InvolvementRequest, Team, TeamMembership, TeamRole, TeamStatus
from models.organisation import Staff
from workflows.assignments import effects, rules
from workflows.assignments.records import approved_on_record
from workflows.engine import Step, Transition, Workflow, doc, guard, head_of, register

T = TeamStatus

OWNING_HEAD = head_of("owning_unit_id", "ASG-9", "head of the team's owning unit", name="owning_head")


@dataclass(frozen=True)
class AddMemberInput:
    """ASG-9: the unit head adds someone to the team (ASG-7: from outside, on an approved request)."""

    staff_id: UUID = field(metadata=doc("The person who joins the team."))
    involvement_request_id: UUID | None = field(
        default=None,
        metadata=doc(
            "The approved involvement request for this team naming the person; required for anyone from "
            "outside the owning unit (ASG-7)."
        ),
    )


@dataclass(frozen=True)
class RemoveMemberInput:
    """ASG-9: the unit head takes someone off the team, with a reason."""

    staff_id: UUID = field(metadata=doc("The member who leaves the team (not the lead: name another first)."))
    reason: str = field(metadata=doc("Why; kept in the team's history."))


@dataclass(frozen=True)
class ChangeLeadInput:
    """ASG-8: the unit head names another member the team lead."""

    lead_id: UUID = field(metadata=doc("The new team lead: a current member of the team."))
    lead_justification: str | None = field(
        default=None,
        metadata=doc("Why the lead comes from outside the owning unit; required then (ASG-8)."),
    )


# --- guards ------------------------------------------------------------------------------------------


async def _is_member(step: Step, staff_id: UUID | None) -> bool:
    running = effects.current_membership(step.record.id, step.today)
    return await TeamMembership.filter(running, staff_id=staff_id).exists()


@guard(
    "ASG-9",
    id="Orang ini sudah menjadi anggota tim atau bukan pegawai aktif ('staffId', ASG-9).",
    en="This person is already on the team, or is not an active staff member ('staffId', ASG-9).",
    uses_input=True,
    field="staffId",
)
async def active_newcomer(step: Step) -> bool:
    """ASG-9: a member is added once, and only someone on the staff today."""
    known = await Staff.filter(id=step.input.staff_id, active=True).exists()
    return known and not await _is_member(step, step.input.staff_id)


@guard(
    "ASG-7",
    id="Pegawai unit atau instansi lain masuk tim hanya melalui permohonan pelibatan yang disetujui untuk "
    "tim ini dan menyebut namanya ('involvementRequestId', ASG-7).",
    en="Someone from another unit or agency joins only on an approved involvement request for this team "
    "naming them ('involvementRequestId', ASG-7).",
    uses_input=True,
    field="involvementRequestId",
)
async def own_staff_or_approved_request(step: Step) -> bool:
    """ASG-7: nobody from outside the owning unit joins without an approval on record."""
    team: Team = step.record
    if await rules.staff_of_unit([step.input.staff_id], team.owning_unit_id):  # type: ignore[attr-defined]
        return True
    request = await InvolvementRequest.get_or_none(
        id=step.input.involvement_request_id, team_id=team.id, requested_staff_id=step.input.staff_id
    )
    return request is not None and await approved_on_record(request)


@guard(
    "ASG-9",
    id="Orang ini bukan anggota tim saat ini ('staffId', ASG-9).",
    en="This person is not a current member of the team ('staffId', ASG-9).",
    uses_input=True,
    field="staffId",
)
async def current_member(step: Step) -> bool:
    """ASG-9: only someone on the team leaves it."""
    return await _is_member(step, step.input.staff_id)


@guard(
    "ASG-8",
    id="Ketua tim tidak dapat dikeluarkan; tunjuk ketua lain lebih dahulu ('staffId', ASG-8).",
    en="The team lead cannot be removed; name another lead first ('staffId', ASG-8).",
    uses_input=True,
    field="staffId",
)
async def not_the_lead(step: Step) -> bool:
    """ASG-1, ASG-8: a team always has its lead."""
    return bool(step.input.staff_id != step.record.lead_id)


@guard(
    "ASG-8",
    id="Ketua tim baru harus anggota tim saat ini ('leadId', ASG-8).",
    en="The new team lead must be a current member of the team ('leadId', ASG-8).",
    uses_input=True,
    field="leadId",
)
async def lead_is_member(step: Step) -> bool:
    """ASG-8: the lead is chosen from the team (who joined it by their path, ASG-7)."""
    return await _is_member(step, step.input.lead_id)


@guard(
    "ASG-8",
    id="Ketua tim dari luar unit pemilik target kinerja harus disertai justifikasi ('leadJustification', ASG-8).",
    en="A team lead from outside the unit that owns the target needs a recorded justification "
    "('leadJustification', ASG-8).",
    uses_input=True,
    field="leadJustification",
)
async def new_lead_from_owning_unit_or_justified(step: Step) -> bool:
    """ASG-8, also when the lead changes later: from elsewhere, only with a justification."""
    if await rules.staff_of_unit([step.input.lead_id], step.record.owning_unit_id):
        return True
    return bool((step.input.lead_justification or "").strip())


# --- effects -----------------------------------------------------------------------------------------


async def member_added(step: Step) -> None:
    """ASG-9, AC-8: the membership, its home unit or agency and the request it rests on."""
    given: AddMemberInput = step.input
    person = await Staff.get(id=given.staff_id)
    own = person.unit_id == step.record.owning_unit_id  # type: ignore[attr-defined]
    await effects.join_team(
        step,
        step.record,
        person.id,
        person.unit_id,  # type: ignore[attr-defined]
        None if own else given.involvement_request_id,
        person.agency_id,  # type: ignore[attr-defined]
    )


async def member_removed(step: Step) -> None:
    """ASG-9, AC-8: the membership ends yesterday, so the team's records are out of reach today."""
    running = effects.current_membership(step.record.id, step.today)
    for membership in await TeamMembership.filter(running, staff_id=step.input.staff_id):
        membership.left_on = step.today - dt.timedelta(days=1)
        await membership.save(update_fields=["left_on"])


async def lead_changed(step: Step) -> None:
    """ASG-8: the new lead, the justification on record (none for the owning unit's own), the roles."""
    given: ChangeLeadInput = step.input
    team: Team = step.record
    own = await rules.staff_of_unit([given.lead_id], team.owning_unit_id)  # type: ignore[attr-defined]
    team.lead_id = given.lead_id  # type: ignore[attr-defined]
    team.lead_justification = None if own else (given.lead_justification or "").strip()
    running = effects.current_membership(team.id, step.today)
    for membership in await TeamMembership.filter(running):
        role = TeamRole.LEAD if membership.staff_id == given.lead_id else TeamRole.MEMBER  # type: ignore[attr-defined]
        if membership.role != role:
            membership.role = role
            await membership.save(update_fields=["role"])


# --- the workflow ------------------------------------------------------------------------------------


def _on_team(action: str, state: TeamStatus, **declared: object) -> Transition:
    """One of the team steps, taken on a forming or running team; the team stays as it is."""
    return Transition(action=action, sources=(state,), target=state, actors=(OWNING_HEAD,), **declared)  # type: ignore[arg-type]


_ADD = {
    "guards": (active_newcomer, own_staff_or_approved_request),
    "input": AddMemberInput,
    "effect": member_added,
    "rule_ids": ("ASG-9", "ASG-7", "AC-8"),
}
_REMOVE = {
    "guards": (current_member, not_the_lead),
    "input": RemoveMemberInput,
    "reason_required": True,
    "effect": member_removed,
    "rule_ids": ("ASG-9", "AC-8"),
}
_LEAD = {
    "guards": (lead_is_member, new_lead_from_owning_unit_or_justified),
    "input": ChangeLeadInput,
    "effect": lead_changed,
    "rule_ids": ("ASG-8", "ASG-9"),
}

TEAM = register(
    Workflow(
        name="team",
        model=Team,
        state_field="status",
        description="Tim Kerja (ASG-8, ASG-9): membership and lead of a forming or running team, set by the "
        "head of the unit that owns it; outsiders only on an approved involvement request (ASG-7).",
        transitions=(
            _on_team(
                "add_member",
                T.FORMING,
                label=("Tambah anggota tim", "Add a team member"),
                description="The head of the owning unit adds someone to the team as needed (ASG-9): the "
                "unit's own staff directly, anyone else on an approved involvement request for this team "
                "naming them (ASG-7); they reach the team's records while it runs (AC-8).",
                **_ADD,
            ),
            _on_team("add_member", T.ACTIVE, **_ADD),
            _on_team(
                "remove_member",
                T.FORMING,
                label=("Keluarkan anggota tim", "Remove a team member"),
                description="The head of the owning unit takes someone off the team, with a reason (ASG-9); "
                "their access ends at once (AC-8). Not the lead: name another first (ASG-8).",
                **_REMOVE,
            ),
            _on_team("remove_member", T.ACTIVE, **_REMOVE),
            _on_team(
                "change_lead",
                T.FORMING,
                label=("Ganti ketua tim", "Change the team lead"),
                description="The head of the owning unit names another member the lead; one from outside "
                "the owning unit needs a recorded justification, as at the team's forming (ASG-8).",
                **_LEAD,
            ),
            _on_team("change_lead", T.ACTIVE, **_LEAD),
        ),
    )
)

__all__ = ["TEAM", "AddMemberInput", "ChangeLeadInput", "RemoveMemberInput"]
