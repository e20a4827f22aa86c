"""The assignment workflows (Penugasan, 01: Pasal 9–11, Lamp. 2–3), declared as data.

`assignment` — one state machine over `Assignment.status`; each path uses the states and steps its
rule names (`when` tells which path a step belongs to), one module per group of paths:

- appointments.py — ASG-1 within a unit, ASG-2 across units (the target head decides);
- outbound.py — ASG-3, another agency's officers at LPSK's request (the agency answers in writing,
  through its partner token or recorded by the Secretary General);
- inbound.py — ASG-4, LPSK staff at another agency's request (the Secretary General decides after
  consulting the related unit head);
- voluntary.py — ASG-5 within a unit, ASG-6 across units (own head, then target head);
- voluntary_agencies.py — Pasal 11(2) across agencies (ORG-4): LPSK staff to another agency (own head,
  then the agency in writing), another agency's officer to an LPSK unit (their superior's written
  approval, then the unit's head); the Secretary General's letter (Pasal 11(1));
- completion.py — after the letter: started, results reported, accepted by the unit head (PERF-4).

`involvement_request` — the requests of ASG-2/3/4/6 and Pasal 11(2); `direction` and `kind` tell the
paths apart.
Nobody joins a team from outside the owning unit without one approved on record (ASG-7, records.py).
`team` — membership and lead, set by the owning unit's head (ASG-8, ASG-9, teams.py).
The letters themselves: workflows/letters.py (ASG-10).
"""

from __future__ import annotations

from models.assignments import Assignment, InvolvementRequest, InvolvementStatus
from workflows.assignments import (
    appointments,
    completion,
    effects,
    inbound,
    outbound,
    voluntary,
    voluntary_agencies,
)
from workflows.assignments.inputs import SubmitInvolvementInput
from workflows.assignments.teams import TEAM
from workflows.engine import Transition, Workflow, register

I = InvolvementStatus  # noqa: E741 — read as the involvement statuses

INVOLVEMENT = register(
    Workflow(
        name="involvement_request",
        model=InvolvementRequest,
        state_field="status",
        parent=(Assignment, "assignment_id"),
        description="Permohonan pelibatan (ASG-2, ASG-3, ASG-4, ASG-6, ASG-7): a request to involve staff "
        "of another unit or agency, decided by whoever the path names — the target unit head, the agency "
        "in writing, the Secretary General. Nobody joins a team from outside the owning unit without an "
        "approved request on record (ASG-7), and AC-8 access rests on it.",
        transitions=(
            Transition(
                action="submit",
                sources=(),
                target=I.SUBMITTED,
                input=SubmitInvolvementInput,
                build=effects.build_involvement_request,
                rule_ids=("ASG-2", "ASG-4", "ASG-6"),
                label=("Kirim permohonan pelibatan", "Send the involvement request"),
                description="Sent by the step of the assignment that asks for staff.",
            ),
            *appointments.INVOLVEMENT_STEPS,
            *outbound.INVOLVEMENT_STEPS,
            *inbound.INVOLVEMENT_STEPS,
            *voluntary.INVOLVEMENT_STEPS,
            *voluntary_agencies.INVOLVEMENT_STEPS,
            Transition(
                action="withdraw",
                sources=(I.DRAFT, I.SUBMITTED),
                target=I.WITHDRAWN,
                rule_ids=("ASG-2", "ASG-3", "ASG-4", "ASG-6"),
                label=("Tarik permohonan pelibatan", "Withdraw the involvement request"),
                description="Follows the end of the assignment's path while the request was still open.",
            ),
        ),
    )
)

ASSIGNMENT = register(
    Workflow(
        name="assignment",
        model=Assignment,
        state_field="status",
        description="Penugasan (01, Pasal 9–11, Lamp. 2–3): an appointment or voluntary application, for a "
        "person or a team, along one of the paths ASG-1 … ASG-6, made official by a numbered letter "
        "(ASG-10), complete only once the unit head accepts its results (PERF-4).",
        transitions=(
            *appointments.ASSIGNMENT_STEPS,
            *outbound.ASSIGNMENT_STEPS,
            *inbound.ASSIGNMENT_STEPS,
            *voluntary.ASSIGNMENT_STEPS,
            *voluntary_agencies.ASSIGNMENT_STEPS,
            *completion.ASSIGNMENT_STEPS,
        ),
    )
)

__all__ = ["ASSIGNMENT", "INVOLVEMENT", "TEAM"]
