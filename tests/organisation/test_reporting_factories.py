"""Builders and helpers shared by the reporting and performance tests (no tests here).

A small organisation with its reporting lines: the Secretary General heading the secretariat, a
bureau and another bureau under it, an administrative unit led by an Administrator (ORG-2), an
expert, and a cross-unit team of the bureau with a member from the other bureau who joined on an
approved involvement request (ASG-7, AC-8), its expert in technical control (ORG-3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from authz.principal import Principal
from models.accounts import StaffAccount
from models.assignments import (
    Assignment,
    AssignmentKind,
    AssignmentPath,
    AssignmentScope,
    AssignmentStatus,
    InvolvementDirection,
    InvolvementRequest,
    InvolvementStatus,
    Team,
    TeamMembership,
    TeamRole,
    TeamStatus,
)
from models.audit import WorkflowHistory
from models.organisation import Position, Unit, UnitFunction
from models.performance import (
    ActivityPlan,
    AgencyEscalationDecision,
    Appraisal,
    CoordinationNote,
    Escalation,
    Evaluation,
    MemberPerformanceReport,
    PerformanceDialogue,
    PerformanceTarget,
    TargetLevel,
    TeamDirection,
    TeamRoleAllocation,
    WorkReport,
)
from tests.accounts.factories import short
from tests.approvals.factories import DAY, NOW, TODAY, acting, make_account, make_unit, principal, unit_head
from tests.authz.demo_roles import ROLES
from tests.client import error_codes, execute
from workflows.engine import Workflow, run
from workflows.performance import ACTIVITY_PLAN
from workflows.performance.inputs import PlanInput
from workflows.reporting import WORK_REPORT
from workflows.reporting.inputs import DraftReportInput, SubmitReportInput

__all__ = [
    "DAY",
    "NOW",
    "SUMMARY",
    "TODAY",
    "Org",
    "acting",
    "as_",
    "draft",
    "organisation",
    "outcome",
    "outcomes",
    "payload",
    "refused_everywhere",
    "snapshot",
    "step",
    "submitted",
    "take",
    "target",
    "team_plan",
]


@dataclass
class Org:
    sg: StaffAccount
    secretariat: Unit
    bureau: Unit
    head: StaffAccount
    staff: list[StaffAccount]  # [0] leads the team, [1] is a member, [2] works alone
    other: Unit
    other_head: StaffAccount
    other_staff: list[StaffAccount]  # [0] sits on the team, on an approved request
    admin_unit: Unit
    administrator: StaffAccount
    admin_staff: list[StaffAccount]
    expert: StaffAccount
    team: Team
    admin_team: Team  # led by the Administrator (ORG-2: "acts like a team lead")

    @property
    def lead(self) -> StaffAccount:
        return self.staff[0]

    @property
    def member(self) -> StaffAccount:
        return self.staff[1]

    @property
    def loner(self) -> StaffAccount:
        return self.staff[2]

    @property
    def outsider(self) -> StaffAccount:
        return self.other_staff[0]


async def as_(account: StaffAccount) -> Principal:
    """The principal a request of this person gets at NOW (authority read from the data)."""
    return await principal(account)


async def _team(owner: Unit, lead: StaffAccount, name: str) -> Team:
    return await Team.create(
        code=f"TIM-{short()}",
        name=name,
        owning_unit=owner,
        lead=lead.staff,
        starts_on=TODAY - 30 * DAY,
        ends_on=TODAY + 90 * DAY,
        status=TeamStatus.ACTIVE,
    )


async def _join(team: Team, who: StaffAccount, home: Unit, request: InvolvementRequest | None = None) -> None:
    await TeamMembership.create(
        team=team,
        staff=who.staff,
        role=TeamRole.LEAD if who.staff.id == team.lead_id else TeamRole.MEMBER,  # type: ignore[attr-defined]
        home_unit=home,
        involvement_request=request,
        joined_on=TODAY - 30 * DAY,
    )


async def organisation() -> Org:
    sg = await make_account(position=Position.SECRETARY_GENERAL)
    secretariat = await make_unit(UnitFunction.SECRETARIAT)
    secretariat.head_id = sg.staff.id
    await secretariat.save()
    sg.staff.unit_id = secretariat.id
    await sg.staff.save()
    head, bureau = await unit_head(await make_unit(UnitFunction.APPLICATION_REVIEW, parent=secretariat))
    other_head, other = await unit_head(await make_unit(UnitFunction.RIGHTS_FULFILMENT, parent=secretariat))
    administrator = await make_account(position=Position.ADMINISTRATOR)
    admin_unit = await make_unit(UnitFunction.OVERSIGHT, parent=secretariat, is_administrative=True)
    admin_unit.head_id = administrator.staff.id
    await admin_unit.save()
    administrator.staff.unit_id = admin_unit.id
    await administrator.staff.save()
    staff = [await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=bureau) for _ in range(3)]
    other_staff = [await make_account(position=Position.FUNCTIONAL_OFFICIAL, unit=other) for _ in range(2)]
    admin_staff = [await make_account(position=Position.EXECUTOR, unit=admin_unit) for _ in range(2)]
    expert = await make_account(position=Position.EXPERT)

    team = await _team(bureau, staff[0], "Tim Telaah Lintas Unit")
    team.is_cross_unit = True
    await team.save()
    request = await InvolvementRequest.create(
        code=f"PLB-{short()}",
        direction=InvolvementDirection.INTERNAL_CROSS_UNIT,
        status=InvolvementStatus.APPROVED,
        requesting_unit=bureau,
        target_unit=other,
        requested_staff=other_staff[0].staff,
        team=team,
        requested_by=head.staff,
        decided_by=other_head.staff,
        purpose="Keahlian pemenuhan hak.",
    )
    await _join(team, staff[0], bureau)
    await _join(team, staff[1], bureau)
    await _join(team, other_staff[0], other, request)
    await Assignment.create(
        code=f"PNG-{short()}",
        title="Telaah bersama",
        kind=AssignmentKind.APPOINTMENT,
        scope=AssignmentScope.TEAM,
        path=AssignmentPath.CROSS_UNIT_APPOINTMENT,
        status=AssignmentStatus.IN_PROGRESS,
        requesting_unit=bureau,
        target_unit=other,
        team=team,
        technical_controller=expert.staff,
    )
    admin_team = await _team(admin_unit, administrator, "Tim Audit")
    await _join(admin_team, administrator, admin_unit)
    await _join(admin_team, admin_staff[0], admin_unit)
    return Org(
        sg,
        secretariat,
        bureau,
        head,
        staff,
        other,
        other_head,
        other_staff,
        admin_unit,
        administrator,
        admin_staff,
        expert,
        team,
        admin_team,
    )


async def target(
    level: TargetLevel,
    *,
    unit: Unit | None = None,
    team: Team | None = None,
    parent: Any = None,
    **fields: Any,
) -> PerformanceTarget:
    """A target in force, stored directly (the cascade itself is tested through its workflow)."""
    return await PerformanceTarget.create(
        code=f"IKU-T-{short()}",
        title=f"Target {level.value}",
        level=level,
        unit=unit,
        team=team,
        parent=parent,
        year=TODAY.year,
        **fields,
    )


async def snapshot() -> tuple[Any, ...]:
    """Everything the reporting and performance steps write except refusal audit entries."""
    return (
        sorted(await WorkReport.all().values_list("id", "status", "through_id", "summary")),
        sorted(await Escalation.all().values_list("id", "status", "resolution", "agency_letter")),
        await AgencyEscalationDecision.all().count(),
        await TeamDirection.all().count(),
        await TeamRoleAllocation.all().count(),
        await MemberPerformanceReport.all().count(),
        await CoordinationNote.all().count(),
        sorted(await PerformanceTarget.all().values_list("id", "status")),
        sorted(await ActivityPlan.all().values_list("id", "status", "accepted_by_id", "detail")),
        await PerformanceDialogue.all().count(),
        sorted(await Evaluation.all().values_list("id", "status", "sg_review", "follow_up")),
        sorted(await Appraisal.all().values_list("id", "status", "sent_at")),
        await WorkflowHistory.all().count(),
    )


def at(days: int) -> dt.date:
    return TODAY + days * DAY


# --- taking steps at the workflow level ----------------------------------------------------------

SUMMARY = "Tiga berkas ditelaah sesuai rencana."


async def take(workflow: Workflow, action: str, record: Any, account: StaffAccount, given: Any = None) -> Any:
    """`account` takes `action` on `record` (None: a creating action) at NOW."""
    return await run(workflow, action, record.id if record else None, await as_(account), given, now=NOW)


async def step(action: str, report: WorkReport, account: StaffAccount, given: Any = None) -> WorkReport:
    return await run(WORK_REPORT, action, report.id, await as_(account), given, now=NOW)


async def draft(account: StaffAccount, **fields: Any) -> WorkReport:
    fields.setdefault("summary", SUMMARY)
    return await run(WORK_REPORT, "draft", None, await as_(account), DraftReportInput(**fields), now=NOW)


async def submitted(account: StaffAccount, **fields: Any) -> WorkReport:
    report = await draft(account, **fields)
    return await step("submit", report, account, SubmitReportInput())


async def team_plan(org: Org, goal: PerformanceTarget | None = None) -> ActivityPlan:
    goal = goal or await target(TargetLevel.TEAM, unit=org.bureau, team=org.team)
    given = PlanInput(title="Telaah berkas", target_id=goal.id, team_id=org.team.id, budget="12500000.00")
    return await take(ACTIVITY_PLAN, "draw_up", None, org.head, given)


# --- GraphQL, as the demo roles -------------------------------------------------------------------


def payload(result: Any, field: str) -> dict[str, Any]:
    assert result.errors is None, result.errors
    return result.data[field]


def outcome(result: Any, field: str) -> str:
    """A top-level refusal code, a MutationError code, or OK."""
    codes = error_codes(result)
    if codes:
        return str(codes[0])
    return str(result.data[field].get("code") or "OK")


async def outcomes(
    demo: Any, document: str, variables: dict[str, Any], field: str, roles: list[str]
) -> dict[str, str]:
    return {role: outcome(await execute(document, variables, as_=demo[role]), field) for role in roles}


def refused_everywhere(*allowed: str, **special: str) -> dict[str, str]:
    """Every demo role but `allowed`: UNAUTHENTICATED when anonymous, FORBIDDEN unless `special` says."""
    expected = {role: "FORBIDDEN" for role in ROLES if role not in allowed}
    expected["anonymous"] = "UNAUTHENTICATED"
    expected.update(special)
    return expected
