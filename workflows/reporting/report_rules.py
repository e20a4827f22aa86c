"""Who takes the work-report steps, the line a report follows, and the guards — each citing its
rule (RPT-1 … RPT-4, AC-6, AC-7, ORG-3). Guards read the locked record (and the input where marked)."""

from __future__ import annotations

from uuid import UUID

from authz.principal import Principal
from models.organisation import Position
from models.performance import ActivityPlan, WorkReport, WorkReportKind, WorkReportStatus
from workflows.approvals import Capacity
from workflows.engine import Actor, Condition, Step, guard, staff_concerned, team_lead
from workflows.reporting import lines

S = WorkReportStatus
SUMMARY = WorkReportKind.TEAM_SUMMARY.value


def _kind(report: WorkReport) -> str:
    return str(getattr(report.kind, "value", report.kind))


# --- which line a report follows ----------------------------------------------------------------

THROUGH_HEAD = Condition("through the unit head (RPT-3, RPT-4)", lambda r: r.through_id is not None)
DIRECT = Condition("straight to the recipient (RPT-1, RPT-2)", lambda r: r.through_id is None)


async def route(
    author_id: UUID, kind: str, team_id: UUID | None, step: Step
) -> tuple[UUID | None, UUID | None]:
    """(recipient, through) of a report written now; recipient None when there is no line."""
    if kind == SUMMARY:
        # RPT-4: the lead → the Secretary General through the owning unit head.
        head = await lines.head_id(await lines.owning_unit(team_id), step.now)
        return await lines.secretary_general_id(), None if head == author_id else head
    if team_id is not None:
        return await lines.lead_id(team_id), None  # RPT-1: a member → the lead
    if await lines.staff_position(author_id) not in lines.REPORTING_POSITIONS:
        return None, None  # ORG-3: no superior in this line (leaders, the SG, experts, outsiders)
    head = await lines.head_id(await lines.unit_of_staff(author_id), step.now)
    if head is None:
        return None, None
    # RPT-3/4: through the unit head (the Administrator of an administrative unit); a head's own
    # report goes straight to the Secretary General.
    return await lines.secretary_general_id(), None if head == author_id else head


async def _reporting_unit(report: WorkReport) -> UUID | None:
    if _kind(report) == SUMMARY:
        return await lines.owning_unit(report.team_id)  # type: ignore[attr-defined]
    return await lines.unit_of_staff(report.author_id)  # type: ignore[attr-defined]


# --- who -------------------------------------------------------------------------------------------

AUTHOR = staff_concerned("author_id", "RPT-1", "the staff member reporting")
SECRETARY_GENERAL = lines.secretary_general("RPT-4")
ASKING_SECRETARY_GENERAL = lines.secretary_general("RPT-2")
REQUESTING_LEAD = team_lead("team_id", "RPT-1", "the lead of the team, asking a member")
REPORTING_HEAD = lines.head_of_related(
    "reporting_head",
    "RPT-4",
    "head of the unit it passes through (the Administrator in an administrative unit)",
    _reporting_unit,
    # `own`: a lead from another unit writes the team summary, outside the owning head's subtree.
    (("position:unit_head", "subtree"), ("position:unit_head", "own")),
)
_LEAD = team_lead("team_id", "RPT-1")


async def _to_the_secretary_general(report: WorkReport) -> bool:
    if report.team_id is None or _kind(report) == SUMMARY:  # type: ignore[attr-defined]
        return True
    # A report on a team goes to its lead, unless the Secretary General asked for it (RPT-2).
    return await lines.staff_position(report.recipient_id) == Position.SECRETARY_GENERAL.value  # type: ignore[attr-defined]


async def _recipient_holds(principal: Principal, report: WorkReport) -> Capacity | None:
    # The post, not the person (AC-6): the SG's office, or whoever leads the team now.
    if await _to_the_secretary_general(report):
        return await SECRETARY_GENERAL.holds(principal, report)
    return await _LEAD.holds(principal, report)


RECIPIENT = Actor(
    "recipient",
    "RPT-1",
    "the recipient, the team lead or the Secretary General",
    (("team_member", "team"), lines.SECRETARY_GENERAL_GRANT),
    _recipient_holds,
)


# --- guards ----------------------------------------------------------------------------------------


@guard(
    "RPT-4",
    id="Laporan tim disusun oleh ketua tim tersebut ('teamId', RPT-4).",
    en="A team summary is compiled by the lead of that team ('teamId', RPT-4).",
    field="teamId",
)
async def lead_compiles_team_summary(step: Step) -> bool:
    """RPT-4: only the team's lead compiles and reports the team's work."""
    report = step.record
    return _kind(report) != SUMMARY or await lines.lead_id(report.team_id) == report.author_id


@guard(
    "RPT-1",
    id="Anggota tim melaporkan kepada ketua timnya; ketua tim melaporkan laporan tim ('teamId', RPT-1).",
    en="A team member reports to their lead; the lead reports the team summary instead ('teamId', RPT-1).",
    field="teamId",
)
async def member_reports_to_the_lead(step: Step) -> bool:
    """RPT-1: a report on a team comes from a current member, to the lead — never from the lead to
    themselves."""
    report = step.record
    if _kind(report) == SUMMARY or report.team_id is None:
        return True
    lead = await lines.lead_id(report.team_id)
    return lead != report.author_id and await lines.is_member(report.team_id, report.author_id, step.today)


@guard(
    "RPT-1",
    id="Tidak ada atasan dalam alur pelaporan Anda: Sekretaris Jenderal, Pimpinan dan Tenaga Ahli tidak "
    "melapor dalam mekanisme ini, dan unit kerja perlu pimpinan yang menjabat (RPT-1, RPT-3, ORG-3).",
    en="There is no one above you in the reporting line: the Secretary General, leaders and experts do "
    "not report in this mechanism, and a unit needs a head in post (RPT-1, RPT-3, ORG-3).",
)
async def reports_to_a_superior(step: Step) -> bool:
    """RPT-1: the report has somewhere to go, and not back to its author."""
    report = step.record
    return report.recipient_id is not None and report.recipient_id != report.author_id


@guard(
    "RPT-2",
    id="Tenggat laporan tidak boleh sudah lewat ('dueOn', RPT-2).",
    en="The report's due date cannot be in the past ('dueOn', RPT-2).",
    uses_input=True,
    field="dueOn",
)
async def due_date_ahead(step: Step) -> bool:
    """RPT-2: a request names a due date from today on."""
    return bool(step.input.due_on >= step.today)


@guard(
    "RPT-2",
    id="Laporan dapat diminta dari ketua tim, Pejabat Fungsional atau Pelaksana yang aktif, bukan dari diri "
    "sendiri ('staffId', RPT-2).",
    en="A report can be asked of an active team lead, functional official or executor, not of oneself "
    "('staffId', RPT-2).",
    field="staffId",
)
async def asked_of_reporting_staff(step: Step) -> bool:
    """RPT-2 (Pasal 12(3)): a team lead, a functional official or an executor — heads report up the
    line anyway; an outside member only when asked as a member of the team."""
    report = step.record
    if report.author_id == step.principal.staff_id:
        return False
    found = await lines.staff_position(report.author_id)
    if found == Position.EXTERNAL.value:
        return report.team_id is not None
    return found in lines.STAFF_POSITIONS or await lines.leads_a_team(report.author_id)


@guard(
    "RPT-1",
    id="Yang diminta melapor harus anggota tim tersebut ('staffId', RPT-1, RPT-2).",
    en="The person asked must be on that team ('staffId', RPT-1, RPT-2).",
    field="staffId",
)
async def asked_on_the_team(step: Step) -> bool:
    """RPT-1: a lead asks their own members; RPT-2: a report about a team is asked of its people."""
    report = step.record
    if report.team_id is None:
        return lines.is_secretary_general(step)
    return await lines.is_member(report.team_id, report.author_id, step.today)


@guard(
    "RPT-1",
    id="Laporan belum berisi hasil kerja ('summary', RPT-1).",
    en="The report states no results yet ('summary', RPT-1).",
    uses_input=True,
    field="summary",
)
async def results_written(step: Step) -> bool:
    """RPT-1: a report reports results."""
    return (
        lines.text(step.input.summary if step.input else None) is not None
        or lines.text(step.record.summary) is not None
    )


@guard(
    "RPT-4",
    id="Masih ada laporan anggota yang belum diterima ketua tim; himpun dahulu hasil anggota (RPT-4).",
    en="Members' reports are still waiting for the lead; take them in before compiling (RPT-4).",
)
async def members_reports_taken_in(step: Step) -> bool:
    """RPT-4: the lead compiles the members' results, so none is left waiting with the lead."""
    report = step.record
    if _kind(report) != SUMMARY:
        return True
    waiting = (
        await WorkReport.filter(
            team_id=report.team_id, recipient_id=report.author_id, status=S.SUBMITTED, through_id=None
        )
        .exclude(kind=WorkReportKind.TEAM_SUMMARY)
        .exclude(id=report.id)
        .exists()
    )
    return not waiting


@guard(
    "RPT-4",
    id="Tim belum memiliki rencana kegiatan; capaian dianalisis terhadap rencana kegiatan (RPT-4, PERF-2).",
    en="The team has no activity plan; results are analysed against the activity plan (RPT-4, PERF-2).",
)
async def against_the_activity_plan(step: Step) -> bool:
    """RPT-4: a team summary analyses results against the team's activity plan."""
    report = step.record
    return _kind(report) != SUMMARY or await ActivityPlan.filter(team_id=report.team_id).exists()


@guard(
    "AC-7",
    id="Laporan Anda sendiri tidak dapat Anda teruskan, terima atau kembalikan (AC-7).",
    en="You cannot forward, take in or send back your own report (AC-7).",
)
async def not_ones_own_report(step: Step) -> bool:
    """AC-7: an acting head or lead does not pass their own report on."""
    return bool(step.record.author_id != step.principal.staff_id)


__all__ = [
    "ASKING_SECRETARY_GENERAL",
    "AUTHOR",
    "DIRECT",
    "RECIPIENT",
    "REPORTING_HEAD",
    "REQUESTING_LEAD",
    "SECRETARY_GENERAL",
    "THROUGH_HEAD",
    "against_the_activity_plan",
    "asked_of_reporting_staff",
    "asked_on_the_team",
    "due_date_ahead",
    "lead_compiles_team_summary",
    "member_reports_to_the_lead",
    "members_reports_taken_in",
    "not_ones_own_report",
    "reports_to_a_superior",
    "results_written",
    "route",
]
