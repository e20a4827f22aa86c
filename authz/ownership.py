"""How each table's rows belong to units, teams, people, agencies, reporters and houses.

A policy grants a role a *scope* on a resource (`subtree`, `unit`, `team`, `own`,
`agency`, `reporter`, `house`, `all`); this table says which columns (ORM lookups,
possibly through relations) express that belonging for each resource, so `scope()` can
turn scopes into one SQL filter (AC-5, AC-8, AC-12). A scope a table has no path for
grants nothing on it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Through:
    """Belonging through a one-to-many table, as a subquery rather than a join (a join would
    repeat rows): rows whose `on` column (`id` unless said) is in
    (SELECT `link` FROM `model` WHERE `key` IN values AND `where`)."""

    model: str  # model name in the "models" app, e.g. "Placement"
    link: str  # column of `model` pointing at the scoped row, e.g. "protectee_id"
    key: str  # column of `model` holding the owner id, e.g. "house_id"
    where: tuple[tuple[str, object], ...] = ()  # further ORM filters on `model`
    on: str = "id"  # column of the scoped row that `link` matches, e.g. "action_id" for a roster


Path = str | Through


@dataclass(frozen=True)
class Ownership:
    unit: tuple[Path, ...] = ()  # lookups of a unit id (subtree / unit scopes)
    team: tuple[Path, ...] = ()  # lookups of a team id (team scope, AC-8)
    own: tuple[Path, ...] = ()  # lookups of a staff id (own scope)
    agency: tuple[Path, ...] = ()  # lookups of an agency id (partner tokens, AC-2)
    reporter: tuple[Path, ...] = ()  # lookups of a reporter id (AC-3)
    house: tuple[Path, ...] = ()  # lookups of a safe-house id (managers' residents, AC-11)

    def via(self, prefix: str) -> Ownership:
        """The same belonging, reached through the relation `prefix` (e.g. 'case__')."""
        return Ownership(
            **{
                name: tuple(prefix + path for path in getattr(self, name) if isinstance(path, str))
                for name in self.__dataclass_fields__
            }
        )


CASE = Ownership(unit=("owning_unit_id",), team=("team_id",), own=("case_officer_id",))
UNDER_CASE = CASE.via("case__")
PLACEMENT = Ownership(house=("house_id",)).__class__(**{**UNDER_CASE.__dict__, "house": ("house_id",)})
UNDER_PLACEMENT = PLACEMENT.via("placement__")
HOUSE = Ownership(unit=("managing_unit_id",), house=("id",))
UNDER_HOUSE = HOUSE.via("house__")
REPORT = Ownership(agency=("agency_id",), reporter=("reporter_id",), own=("intake_admin_id", "companion_id"))
UNDER_REPORT = REPORT.via("report__")
PROACTIVE_TEAM = "ProactiveTeamMember"
TEAM = Ownership(unit=("owning_unit_id",), team=("id",), own=("lead_id",))
UNDER_TEAM = TEAM.via("team__")

OWNERSHIP: dict[str, Ownership] = {
    # organisation (AC-5: heads act on their unit and the units below)
    "units": Ownership(unit=("id",)),
    "staff": Ownership(unit=("unit_id",), own=("id",), agency=("agency_id",)),
    "staff_competencies": Ownership(unit=("staff__unit_id",), own=("staff_id",)),
    "portfolio_holdings": Ownership(own=("staff_id",)),
    "acting_appointments": Ownership(unit=("unit_id",), own=("acting_staff_id",)),
    "staff_accounts": Ownership(own=("staff_id",)),
    "agencies": Ownership(agency=("id",)),
    "competencies": Ownership(),
    "leadership_portfolios": Ownership(),
    # teams and assignments (AC-8: members reach their team's records)
    "teams": TEAM,
    "team_memberships": Ownership(unit=UNDER_TEAM.unit, team=("team_id",), own=("staff_id",)),
    "assignments": Ownership(
        unit=("requesting_unit_id", "target_unit_id"),
        team=("team_id",),
        own=("staff_id", "proposer_id"),
        agency=("requesting_agency_id",),
    ),
    "assignment_letters": Ownership(
        unit=("assignment__requesting_unit_id", "assignment__target_unit_id"),
        team=("team_id",),
        own=("assignment__staff_id",),
    ),
    "involvement_requests": Ownership(
        unit=("requesting_unit_id", "target_unit_id"),
        team=("team_id",),
        own=("requested_staff_id", "requested_by_id"),
        agency=("requesting_agency_id", "target_agency_id"),
    ),
    # reporting and performance
    "work_reports": Ownership(
        unit=("author__unit_id",), team=("team_id",), own=("author_id", "recipient_id", "through_id")
    ),
    "escalations": Ownership(
        unit=UNDER_TEAM.unit,
        team=("team_id",),
        own=("raised_by_id", "raised_to_id"),
        # Lamp. 3.c.4: the agency whose head decides reads what it decides.
        agency=("owning_agency_id",),
    ),
    "coordination_notes": Ownership(unit=UNDER_TEAM.unit, team=("team_id",), own=("author_id",)),
    "performance_targets": Ownership(unit=("unit_id",), team=("team_id",), own=("staff_id",)),
    "activity_plans": Ownership(
        unit=("team__owning_unit_id", "staff__unit_id"), team=("team_id",), own=("staff_id",)
    ),
    "performance_dialogues": Ownership(
        unit=("staff__unit_id",), team=("team_id",), own=("staff_id", "superior_id")
    ),
    "evaluations": Ownership(
        unit=("unit_id", "staff__unit_id"), team=("team_id",), own=("staff_id", "evaluator_id")
    ),
    "appraisals": Ownership(unit=("staff__unit_id",), team=("team_id",), own=("staff_id", "appraiser_id")),
    # ORG-7, ORG-8, Lamp. 3.c.4 — the team-level work, belonging like the team's other records.
    "team_directions": Ownership(unit=UNDER_TEAM.unit, team=("team_id",), own=("given_by_id",)),
    "team_role_allocations": Ownership(
        unit=UNDER_TEAM.unit, team=("team_id",), own=("staff_id", "allocated_by_id")
    ),
    "member_performance_reports": Ownership(
        unit=("team__owning_unit_id", "staff__unit_id"),
        team=("team_id",),
        own=("staff_id", "lead_id", "appraiser_id", "unit_head_id"),
    ),
    "agency_escalation_decisions": Ownership(
        unit=("escalation__team__owning_unit_id",),
        team=("escalation__team_id",),
        own=("recorded_by_id",),
        agency=("agency_id",),
    ),
    # protection
    "cases": CASE,
    # AC-11: a safe-house manager reaches the people placed in their house, not yet left.
    "protectees": Ownership(
        **{
            **UNDER_CASE.__dict__,
            "house": (
                Through(
                    "Placement",
                    link="protectee_id",
                    key="house_id",
                    where=(("status__in", ("approved", "preparing", "placed", "terminating")),),
                ),
            ),
        }
    ),
    # AC-2: a partner agency's token reaches the applications it referred (APP-4) or whose protection its
    # official requested (APP-4, TRM-1b) — the application only: its case, people and decisions have no
    # agency path, so the same token reads none of them.
    "applications": Ownership(
        **{
            **UNDER_CASE.__dict__,
            "agency": ("referred_by_agency_id", "initiating_agency_id"),
            # APP-3: whoever took it in (a regional office, a front desk) follows it; its reviewer too.
            "own": (*UNDER_CASE.own, "received_by_id", "reviewer_id"),
        }
    ),
    "decisions": UNDER_CASE,
    "protection_programs": UNDER_CASE,
    "documents": Ownership(**{**UNDER_CASE.__dict__, "agency": ("recipient_agency_id",)}),
    # EMG-1: whoever asked for an emergency protection follows it, even once off the person's case.
    "emergency_protections": Ownership(
        **{**UNDER_CASE.__dict__, "own": (*UNDER_CASE.own, "requested_by_id")}
    ),
    "complaints": Ownership(unit=("handling_unit_id",), own=("answered_by_id",)),
    # PRO-2, PRO-4: the officers of an action's investigation team reach the action and its roster.
    "proactive_actions": Ownership(
        **{
            **UNDER_CASE.__dict__,
            "own": (
                "reported_by_id",
                "approved_by_id",
                Through(PROACTIVE_TEAM, link="action_id", key="staff_id"),
            ),
        }
    ),
    "proactive_team_members": Ownership(
        own=("staff_id", Through(PROACTIVE_TEAM, link="action_id", key="staff_id", on="action_id"))
    ),
    "monitoring_visits": UNDER_CASE,
    "family_members": CASE.via("protectee__case__"),
    "application_program_requests": Ownership(
        **{
            **CASE.via("application__case__").__dict__,
            "agency": ("application__referred_by_agency_id", "application__initiating_agency_id"),
        }
    ),
    "cost_reimbursements": CASE.via("program__case__"),
    "program_checklist_items": CASE.via("program__case__"),
    "program_evaluations": CASE.via("program__case__"),
    # safe houses (AC-11: managers reach their residents)
    "safe_houses": HOUSE,
    "safe_house_standard_items": UNDER_HOUSE,
    "safe_house_standards_assessments": UNDER_HOUSE,
    "safe_house_managers": Ownership(**{**UNDER_HOUSE.__dict__, "own": ("staff_id",)}),
    "security_task_force_members": Ownership(
        **{**UNDER_HOUSE.__dict__, "own": ("staff_id",), "agency": ("agency_id",)}
    ),
    "duty_rosters": Ownership(**{**UNDER_HOUSE.__dict__, "own": ("staff_id",)}),
    "safe_house_monitoring_reports": UNDER_HOUSE,
    "placements": Ownership(**{**PLACEMENT.__dict__, "agency": ("requesting_agency_id",)}),
    "preparation_items": UNDER_PLACEMENT,
    "belongings_records": UNDER_PLACEMENT,
    "belongings_items": PLACEMENT.via("record__placement__"),
    "resident_assessments": UNDER_PLACEMENT,
    "accessibility_aids": UNDER_PLACEMENT,
    "needs_requests": UNDER_PLACEMENT,
    "examinations": UNDER_PLACEMENT,
    "resident_activities": UNDER_PLACEMENT,
    "companions": UNDER_PLACEMENT,
    "companion_notes": PLACEMENT.via("companion__placement__"),
    # violence reports (AC-2 agency scope, AC-3 reporter scope)
    "reporters": Ownership(agency=("agency_id",), reporter=("id",)),
    "violence_reports": REPORT,
    "confirmation_calls": Ownership(**{**UNDER_REPORT.__dict__, "own": ("admin_id",)}),
    "field_visits": Ownership(**{**UNDER_REPORT.__dict__, "own": ("companion_id",)}),
    "visit_positions": REPORT.via("visit__report__"),
    "identification_reports": Ownership(**{**UNDER_REPORT.__dict__, "own": ("companion_id",)}),
    "referrals": Ownership(agency=("report__agency_id", "to_agency_id"), own=("referred_by_id",)),
    # cross-cutting: all-or-nothing (oversight reads them, AC-10)
    "audit_entries": Ownership(),
    "workflow_histories": Ownership(own=("actor_id",)),
    "approvals": Ownership(own=("approver_id",)),
    "number_sequences": Ownership(),
    "idempotency_keys": Ownership(),
    "policy_rules": Ownership(),
}
