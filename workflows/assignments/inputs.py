"""What each assignment step takes (ASG-1 … ASG-6, PERF-4): dataclasses the engine turns into GraphQL
inputs. Their shape is checked on construction (VALIDATION naming the field); the rules are guards."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from workflows.engine import doc
from workflows.errors import ValidationFailed
from workflows.messages import MESSAGES as CATALOGUE

CATALOGUE.update(
    {
        "assignments.blank": ("'{field}' wajib diisi.", "'{field}' is required."),
        "assignments.individual_or_team": (
            "Sebutkan tepat satu: pegawai yang ditugaskan ('staffId') atau tim ('teamName').",
            "Name exactly one: the staff member assigned ('staffId') or a team ('teamName').",
        ),
        "assignments.lead_required": (
            "Penugasan tim menyebut ketua tim ('{field}', ASG-1).",
            "A team assignment names the team lead ('{field}', ASG-1).",
        ),
        "assignments.team_only": (
            "'{field}' hanya untuk penugasan tim.",
            "'{field}' applies to team assignments only.",
        ),
        "assignments.one_person": (
            "Penugasan perorangan meminta paling banyak satu pegawai ('{field}').",
            "An individual assignment asks for at most one person ('{field}').",
        ),
        "assignments.team_required": (
            "Penugasan lintas instansi adalah penugasan tim: sebutkan tim dan ketuanya ('{field}', ASG-3).",
            "An appointment across agencies is a team assignment: name the team and its lead ('{field}', ASG-3).",
        ),
        "assignments.dates": (
            "Tanggal selesai tidak boleh sebelum tanggal mulai ('{field}').",
            "The end date cannot be before the start date ('{field}').",
        ),
    }
)


def _required(value: str, field: str) -> None:
    if not value.strip():
        raise ValidationFailed("assignments.blank", field=field)


def _dates(starts_on: dt.date | None, due_on: dt.date | None) -> None:
    if starts_on and due_on and due_on < starts_on:
        raise ValidationFailed("assignments.dates", field="dueOn")


def _team_shape(team_name: str | None, lead_id: UUID | None, member_ids: list[UUID]) -> None:
    if team_name is not None:
        _required(team_name, "teamName")
        if lead_id is None:
            raise ValidationFailed("assignments.lead_required", field="leadId")
        return
    if lead_id is not None:
        raise ValidationFailed("assignments.team_only", field="leadId")
    if member_ids:
        raise ValidationFailed("assignments.team_only", field="memberIds")


@dataclass(frozen=True)
class AppointInput:
    """ASG-1: the unit head appoints staff of the unit, one person or a team with a lead."""

    unit_id: UUID = field(metadata=doc("The unit whose head appoints and whose staff are appointed (ASG-1)."))
    title: str = field(metadata=doc("What is to be done.", max_length=200))
    description: str | None = field(default=None, metadata=doc("Detail of the task (internal)."))
    staff_id: UUID | None = field(
        default=None, metadata=doc("The person appointed, for an individual assignment.")
    )
    team_name: str | None = field(
        default=None,
        metadata=doc(
            "Name of the team, for a team assignment (named with its lead and members in the team letter).",
            max_length=200,
        ),
    )
    lead_id: UUID | None = field(
        default=None, metadata=doc("The team lead (ketua tim): one of the unit's staff.")
    )
    member_ids: list[UUID] = field(
        default_factory=list, metadata=doc("The team members besides the lead: the unit's staff.")
    )
    starts_on: dt.date | None = field(default=None, metadata=doc("Planned start."))
    due_on: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        _required(self.title, "title")
        if (self.staff_id is None) == (self.team_name is None):
            raise ValidationFailed("assignments.individual_or_team", field="staffId")
        _team_shape(self.team_name, self.lead_id, self.member_ids)
        _dates(self.starts_on, self.due_on)


@dataclass(frozen=True)
class RequestInvolvementInput:
    """ASG-2: the proposing unit head asks the target unit head for staff, for a person or a team."""

    unit_id: UUID = field(metadata=doc("The proposing unit, whose head asks (ASG-2)."))
    target_unit_id: UUID = field(metadata=doc("The unit whose staff are asked for (ASG-2)."))
    title: str = field(metadata=doc("What is to be done.", max_length=200))
    purpose: str = field(
        metadata=doc("What the people asked for are needed for (shown to the target unit head).")
    )
    description: str | None = field(default=None, metadata=doc("Detail of the task (internal)."))
    requested_staff_ids: list[UUID] = field(
        default_factory=list,
        metadata=doc(
            "Staff of the target unit asked for, one involvement request each; none: one request, and "
            "the target unit head names who is available."
        ),
    )
    team_name: str | None = field(
        default=None, metadata=doc("Name of the team, for a team assignment.", max_length=200)
    )
    lead_id: UUID | None = field(
        default=None,
        metadata=doc("The team lead: preferably of the proposing unit, which owns the target (ASG-8)."),
    )
    lead_justification: str | None = field(
        default=None, metadata=doc("Why the lead comes from another unit; required then (ASG-8).")
    )
    member_ids: list[UUID] = field(
        default_factory=list,
        metadata=doc(
            "Members from the proposing unit itself; members from elsewhere join only through an "
            "approved involvement request (ASG-7)."
        ),
    )
    starts_on: dt.date | None = field(default=None, metadata=doc("Planned start."))
    due_on: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        _required(self.title, "title")
        _required(self.purpose, "purpose")
        _team_shape(self.team_name, self.lead_id, self.member_ids)
        if self.team_name is None and len(self.requested_staff_ids) > 1:
            raise ValidationFailed("assignments.one_person", field="requestedStaffIds")
        _dates(self.starts_on, self.due_on)


@dataclass(frozen=True)
class SubmitInvolvementInput:
    """One involvement request of an assignment (internal: sent by the assignment's step)."""

    assignment_id: UUID = field(metadata=doc("The assignment the person is asked for."))
    purpose: str = field(metadata=doc("What the person is needed for."))
    staff_id: UUID | None = field(default=None, metadata=doc("The person asked for, if named."))
    agency_letter: str | None = field(
        default=None, metadata=doc("The agency's written request, for a request from an agency (ASG-4).")
    )


@dataclass(frozen=True)
class ApproveInvolvementInput:
    """ASG-2, ASG-4, ASG-6: the deciding official agrees, weighing the availability of staff."""

    availability_note: str | None = field(
        default=None,
        metadata=doc("The decider's view on the availability of the person (kept with the approval)."),
    )
    staff_id: UUID | None = field(
        default=None,
        metadata=doc(
            "The person made available, when the request named nobody: one of the target unit's staff."
        ),
    )


@dataclass(frozen=True)
class RequestAgencyInvolvementInput:
    """ASG-3: the unit head puts the need for another agency's officers to the Secretary General."""

    unit_id: UUID = field(
        metadata=doc("The unit that owns the target and the team; its head proposes (ASG-3).")
    )
    agency_id: UUID = field(metadata=doc("The outside agency whose officers are asked for (ASG-3)."))
    title: str = field(metadata=doc("What is to be done.", max_length=200))
    purpose: str = field(metadata=doc("What the officers are needed for (in the written request)."))
    team_name: str = field(
        metadata=doc("Name of the team (a team assignment letter, ASG-3).", max_length=200)
    )
    lead_id: UUID = field(
        metadata=doc(
            "The team lead: preferably of the owning unit (ASG-8); an agency officer asked for, else."
        )
    )
    description: str | None = field(default=None, metadata=doc("Detail of the task (internal)."))
    requested_staff_ids: list[UUID] = field(
        default_factory=list,
        metadata=doc(
            "Officers of the agency asked for, one involvement request each; none: one request, and the "
            "agency names who is available."
        ),
    )
    lead_justification: str | None = field(
        default=None, metadata=doc("Why the lead comes from outside the owning unit; required then (ASG-8).")
    )
    member_ids: list[UUID] = field(
        default_factory=list,
        metadata=doc(
            "Members from the owning unit; officers of the agency join only on its approval (ASG-7)."
        ),
    )
    starts_on: dt.date | None = field(default=None, metadata=doc("Planned start."))
    due_on: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        _required(self.title, "title")
        _required(self.purpose, "purpose")
        if not self.team_name.strip():
            raise ValidationFailed("assignments.team_required", field="teamName")
        _dates(self.starts_on, self.due_on)


@dataclass(frozen=True)
class AgencyAnswerInput:
    """ASG-3: the agency approves in writing and names the officer it makes available."""

    agency_letter: str | None = field(
        default=None,
        metadata=doc(
            "Number and date of the agency's written answer; required when LPSK staff record it (ASG-3).",
            max_length=200,
        ),
    )
    staff_id: UUID | None = field(
        default=None,
        metadata=doc("The officer made available, when the request named nobody: an officer of the agency."),
    )
    note: str | None = field(default=None, metadata=doc("The agency's remarks (kept with the answer)."))


@dataclass(frozen=True)
class AgencyRefusalInput:
    """ASG-3: the agency refuses in writing, with its reason."""

    reason: str = field(metadata=doc("The agency's reason; kept on the request and in its history."))
    agency_letter: str | None = field(
        default=None,
        metadata=doc(
            "Number and date of the agency's written answer; required when LPSK staff record it (ASG-3).",
            max_length=200,
        ),
    )


@dataclass(frozen=True)
class ReceiveAgencyRequestInput:
    """ASG-4: the Secretary General records an agency's written request for LPSK staff."""

    agency_id: UUID = field(metadata=doc("The agency that asks (ASG-4)."))
    target_unit_id: UUID = field(
        metadata=doc("The related unit whose staff are asked for; the Secretary General consults its head.")
    )
    title: str = field(metadata=doc("What is to be done.", max_length=200))
    purpose: str = field(metadata=doc("What the agency needs the person for, as its letter says."))
    agency_letter: str = field(
        metadata=doc("Number and date of the agency's written request (ASG-4).", max_length=200)
    )
    description: str | None = field(default=None, metadata=doc("Detail of the task (internal)."))
    requested_staff_id: UUID | None = field(
        default=None, metadata=doc("The person the agency names, if any: one of the related unit's staff.")
    )
    starts_on: dt.date | None = field(default=None, metadata=doc("Planned start."))
    due_on: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        _required(self.title, "title")
        _required(self.purpose, "purpose")
        _required(self.agency_letter, "agencyLetter")
        _dates(self.starts_on, self.due_on)


@dataclass(frozen=True)
class AdviseInput:
    """ASG-4: the related unit head's advice to the Secretary General on the availability of staff."""

    availability_note: str = field(
        metadata=doc("The head's view on the availability of staff and the request's relevance.")
    )
    staff_id: UUID | None = field(
        default=None, metadata=doc("The person the head proposes: one of the unit's staff.")
    )

    def __post_init__(self) -> None:
        _required(self.availability_note, "availabilityNote")


@dataclass(frozen=True)
class ApplyInput:
    """ASG-5, ASG-6: a functional official or executor applies for a task of their own unit or another's."""

    title: str = field(metadata=doc("The task applied for.", max_length=200))
    description: str | None = field(
        default=None, metadata=doc("Why one applies: the task, and one's duties and expertise for it.")
    )
    target_unit_id: UUID | None = field(
        default=None,
        metadata=doc(
            "The unit whose target the task serves, when not one's own (ASG-6: through one's own head)."
        ),
    )
    team_id: UUID | None = field(
        default=None, metadata=doc("A running or forming team of that unit one offers to work in.")
    )
    starts_on: dt.date | None = field(default=None, metadata=doc("Planned start."))
    due_on: dt.date | None = field(default=None, metadata=doc("Planned end."))

    def __post_init__(self) -> None:
        _required(self.title, "title")
        _dates(self.starts_on, self.due_on)


@dataclass(frozen=True)
class SubmitResultsInput:
    """PERF-4: the assignee or team lead reports the results for the unit head's acceptance."""

    summary: str = field(metadata=doc("The results against the target, for the unit head to accept."))

    def __post_init__(self) -> None:
        _required(self.summary, "summary")


@dataclass(frozen=True)
class ReasonInput:
    """A step that ends the path: it needs a reason (01: "any step may be rejected with a reason")."""

    reason: str = field(metadata=doc("Why; kept on the record and in its history."))


__all__ = [
    "AdviseInput",
    "AgencyAnswerInput",
    "AgencyRefusalInput",
    "ApplyInput",
    "AppointInput",
    "ApproveInvolvementInput",
    "ReasonInput",
    "ReceiveAgencyRequestInput",
    "RequestAgencyInvolvementInput",
    "RequestInvolvementInput",
    "SubmitInvolvementInput",
    "SubmitResultsInput",
]
