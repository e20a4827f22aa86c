"""Applications for protection (Permohonan Perlindungan, APP-1 … APP-4, DEC-1), declared as data.

`application` — one state machine over `Application.status`:

- filed by staff (`file`: walk-in, online, a referral on paper), by a partner's token (`refer`,
  scope `applications:refer`, AC-2) or as the outcome of a proactive action (`file_proactive`,
  internal: `file_from_proactive_action(step, input)` from that workflow's step, PRO-2b) — with
  the initiator, the channel, the person in their role, the crime and the programs asked for;
  identity sealed (APP-3), the people checked for duplicates in other cases by blind index;
- family members added while it is open (APP-2);
- reviewed by the application-review unit (`start_review` → `complete_review`, DEC-1);
- decided by the leaders: the decision workflow (workflows/decisions.py) moves it to
  decided_accepted / decided_partially_accepted / decided_rejected (internal steps here);
- withdrawn by the applicant before the decision.
"""

from __future__ import annotations

from models.cases import Application, ApplicationStatus
from workflows.applications import effects, rules
from workflows.applications.inputs import (
    CompleteReviewInput,
    FamilyMemberInput,
    FileInput,
    ProactiveApplicationInput,
    ReferInput,
    StartReviewInput,
    WithdrawInput,
)
from workflows.engine import Step, Transition, Workflow, register
from workflows.protection_actors import RECEIVER, REFERRER, REVIEWER

S = ApplicationStatus
OPEN = (S.RECEIVED, S.UNDER_REVIEW)


def _family_step(state: ApplicationStatus) -> Transition:
    return Transition(
        action="add_family_member",
        sources=(state,),
        target=state,
        actors=(RECEIVER,),
        guards=(rules.family_within_third_degree,),
        input=FamilyMemberInput,
        effect=effects.family_member_added,
        rule_ids=("APP-2", "APP-3"),
        label=("Tambah anggota keluarga", "Add a family member"),
        description="A family member who may be covered: blood relative to the third degree, spouse or "
        "dependant (APP-2); identity sealed (APP-3), checked for duplicates in other cases.",
    )


def _decided(action: str, target: ApplicationStatus, label: tuple[str, str]) -> Transition:
    return Transition(
        action=action,
        sources=(S.REVIEWED,),
        target=target,
        rule_ids=("DEC-1",),
        label=label,
        description="Follows the leaders' decision on the reviewed application (DEC-1).",
    )


APPLICATION = register(
    Workflow(
        name="application",
        model=Application,
        state_field="status",
        description="Permohonan perlindungan (APP-1 … APP-4, DEC-1): filed by staff, a partner agency or a "
        "proactive action, reviewed by the application-review unit, decided by the leaders.",
        transitions=(
            Transition(
                action="file",
                sources=(),
                target=S.RECEIVED,
                actors=(RECEIVER,),
                guards=(rules.not_proactive_by_hand,),
                input=FileInput,
                build=effects.build_filed,
                effect=effects.received,
                rule_ids=("APP-4", "APP-1", "APP-2", "APP-3"),
                label=("Terima permohonan", "File an application"),
                description="Staff of the application-review unit or a regional office record an application: "
                "the initiator, the channel, the person in their role, the crime (a new case, or one they can "
                "reach) and the programs asked for (APP-1, APP-2, APP-4); identity is sealed (APP-3).",
            ),
            Transition(
                action="refer",
                sources=(),
                target=S.RECEIVED,
                actors=(REFERRER,),
                input=ReferInput,
                build=effects.build_referred,
                effect=effects.received,
                rule_ids=("APP-4", "AC-2", "APP-3"),
                label=("Rujuk permohonan", "Refer an application"),
                description="A partner agency refers an application with its token (scope applications:refer); "
                "it opens a new case at the application-review bureau, recorded as the agency's (AC-2).",
            ),
            Transition(
                action="file_proactive",
                sources=(),
                target=S.RECEIVED,
                input=ProactiveApplicationInput,
                build=effects.build_proactive,
                effect=effects.received,
                rule_ids=("APP-4", "PRO-2"),
                label=("Permohonan dari tindakan proaktif", "Application from a proactive action"),
                description="Follows a proactive action's outcome (b), an application is filed (PRO-2).",
            ),
            _family_step(S.RECEIVED),
            _family_step(S.UNDER_REVIEW),
            Transition(
                action="start_review",
                sources=(S.RECEIVED,),
                target=S.UNDER_REVIEW,
                actors=(REVIEWER,),
                guards=(rules.reviewer_of_review_unit,),
                input=StartReviewInput,
                effect=effects.review_started,
                rule_ids=("DEC-1", "APP-3"),
                label=("Mulai penelaahan", "Start the review"),
                description="The application-review unit takes the application up, naming its reviewer "
                "(DEC-1); the people are checked again for duplicates in other cases (APP-3).",
            ),
            Transition(
                action="complete_review",
                sources=(S.UNDER_REVIEW,),
                target=S.REVIEWED,
                actors=(REVIEWER,),
                input=CompleteReviewInput,
                effect=effects.review_completed,
                rule_ids=("DEC-1",),
                label=("Selesaikan penelaahan", "Complete the review"),
                description="The findings and recommendation go to the leaders, who decide (DEC-1).",
            ),
            Transition(
                action="withdraw",
                sources=(S.RECEIVED, S.UNDER_REVIEW, S.REVIEWED),
                target=S.WITHDRAWN,
                actors=(RECEIVER,),
                input=WithdrawInput,
                reason_required=True,
                effect=effects.withdrawn,
                rule_ids=("APP-4",),
                label=("Catat pencabutan permohonan", "Record the withdrawal"),
                description="The applicant withdraws before the decision; recorded with the reason.",
            ),
            _decided("accept", S.DECIDED_ACCEPTED, ("Permohonan diterima", "Application accepted")),
            _decided(
                "accept_partly",
                S.DECIDED_PARTIALLY_ACCEPTED,
                ("Permohonan diterima sebagian", "Application partly accepted"),
            ),
            _decided("reject", S.DECIDED_REJECTED, ("Permohonan ditolak", "Application rejected")),
        ),
    )
)


async def file_from_proactive_action(step: Step, given: ProactiveApplicationInput) -> Application:
    """Inside a proactive action's step whose outcome is (b) → the application it produced, filed in
    the same transaction by the same principal, with its history (PRO-2b, APP-4)."""
    return await step.fire(APPLICATION, "file_proactive", input=given)  # type: ignore[return-value]


__all__ = ["APPLICATION", "OPEN", "ProactiveApplicationInput", "file_from_proactive_action"]
