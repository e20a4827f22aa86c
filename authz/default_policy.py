"""The default policy set: who may do what on every resource, with which scope (AC-2 … AC-12).

Read it as a table: each row is `(subject role, resources, actions, scope)` and expands
into one `p` line per resource and action. Subject roles are the names
`Principal.roles` produces (authz/principal.py); resources are table names, plus
`secret_fields:<table>` for reading secret fields in clear (AC-11). Scopes are listed
in authz/enforcer.py (`SCOPES`); authz/scope.py turns them into SQL. Anything not
granted here is refused. Administrators change the stored copy without a code change;
`load_default_policies()` only adds what is missing unless asked to replace.
"""

from __future__ import annotations

from tortoise.transactions import in_transaction

from authz.adapter import PolicyRuleAdapter
from authz.watcher import notify_policy_changed
from models.policies import PolicyRule

# --- resource groups (every table of models/, once) -------------------------------------

# AC-4: what system administrators manage — sign-in, tokens, throttles, policies.
CREDENTIALS = (
    "staff_accounts",
    "staff_sessions",
    "partner_tokens",
    "reporter_sessions",
    "one_time_codes",
    "sign_in_throttles",
    "rate_limit_buckets",
)
ORG_REFERENCE = (
    "units",
    "agencies",
    "competencies",
    "leadership_portfolios",
    "portfolio_holdings",
    "acting_appointments",
)
ORG_PEOPLE = ("staff", "staff_competencies")
ASSIGNMENTS = ("teams", "team_memberships", "assignments", "assignment_letters", "involvement_requests")
PERFORMANCE = (
    "work_reports",
    "escalations",
    "coordination_notes",
    "performance_targets",
    "activity_plans",
    "performance_dialogues",
    "evaluations",
    "appraisals",
    # ORG-7, ORG-8, Lamp. 3.c.4 — the team-level work of Lamp. Bab II (added with those workflows).
    "team_directions",
    "team_role_allocations",
    "member_performance_reports",
    "agency_escalation_decisions",
)
PROTECTION = (
    "cases",
    "protectees",
    "family_members",
    "applications",
    "application_program_requests",
    "decisions",
    "protection_programs",
    "program_checklist_items",
    "program_evaluations",
    "cost_reimbursements",
    "emergency_protections",
    "monitoring_visits",
    "documents",
    "proactive_actions",
    "proactive_team_members",
    "complaints",
)
SAFE_HOUSES = (
    "safe_houses",
    "safe_house_standard_items",
    "safe_house_standards_assessments",
    "safe_house_managers",
    "security_task_force_members",
    "duty_rosters",
    "safe_house_monitoring_reports",
)
PLACEMENTS = (
    "placements",
    "preparation_items",
    "belongings_records",
    "belongings_items",
    "resident_assessments",
    "accessibility_aids",
    "needs_requests",
    "examinations",
    "resident_activities",
    "companions",
    "companion_notes",
)
VIOLENCE_REPORTS = (
    "reporters",
    "violence_reports",
    "confirmation_calls",
    "field_visits",
    "visit_positions",
    "identification_reports",
    "referrals",
)
TRAILS = ("audit_entries", "workflow_histories", "approvals")
SYSTEM_TABLES = ("number_sequences", "policy_rules", "idempotency_keys")

DOMAIN = ORG_REFERENCE + ORG_PEOPLE + ASSIGNMENTS + PERFORMANCE + PROTECTION + SAFE_HOUSES + PLACEMENTS
EVERY_RESOURCE = CREDENTIALS + DOMAIN + VIOLENCE_REPORTS + TRAILS + SYSTEM_TABLES

# Tables with secret fields (AC-11), split by who keeps them.
LPSK_SECRETS = (
    "protectees",
    "family_members",
    "documents",
    "complaints",
    "safe_houses",
    "companions",
    "resident_assessments",
)
CASE_SECRETS = ("protectees", "family_members", "documents")
HOUSE_SECRETS = ("safe_houses", "protectees", "companions", "resident_assessments")
REPORT_SECRETS = ("violence_reports", "reporters", "identification_reports", "visit_positions")


def secret(*tables: str) -> tuple[str, ...]:
    return tuple(f"secret_fields:{t}" for t in tables)


def without(tables: tuple[str, ...], *left_out: str) -> tuple[str, ...]:
    return tuple(t for t in tables if t not in left_out)


# DEC-1: the application-review unit reviews every application LPSK receives — walk-in, online,
# referred, proactive, at the head office or a regional office — and analyses the proactive actions
# (PRO-2): it reads them all, with the cases and people they concern, and the leaders' decisions on
# them. The people's identities stay masked: no secret_fields line names the unit (AC-11).
REVIEW_WORK = (
    "cases",
    "protectees",
    "family_members",
    "applications",
    "application_program_requests",
    "decisions",
    "proactive_actions",
    "proactive_team_members",
)
# ADM-1 … ADM-6, PRG-6 … PRG-10, MON-1: the rights-fulfilment unit carries out every program granted —
# letters and agreements, checklists, costs, monitoring and evaluation — so it reads them all, with
# the decisions granting them and the cases and people concerned; identities masked here too (AC-11:
# of this unit only its bureau head reads them in clear). Not the applications: those are the
# review's, before any program exists.
RIGHTS_WORK = (
    "cases",
    "protectees",
    "family_members",
    "decisions",
    "protection_programs",
    "program_checklist_items",
    "program_evaluations",
    "cost_reimbursements",
    "monitoring_visits",
    "documents",
)

# Official acts only their issuers write: leaders' decisions (DEC-1), assignment letters
# of unit heads and the Secretary General (ASG-1 … ASG-6).
STAFF_WORK = without(ASSIGNMENTS + PERFORMANCE + PROTECTION + PLACEMENTS, "decisions", "assignment_letters")


# AC-4: what system administrators manage.
ADMIN_PANEL = "admin_panel"  # not a table: who may sign in to /admin (admin/auth.py)
NON_TABLE_RESOURCES = (ADMIN_PANEL,)
ADMINISTERED = (*CREDENTIALS, "units", "staff", "agencies", "policy_rules", "number_sequences")

READ = ("read",)
WRITE = ("read", "create", "update")
DECIDE = ("read", "create", "update", "approve")
MANAGE = ("read", "create", "update", "manage")

Grant = tuple[str, tuple[str, ...], tuple[str, ...], str]

GRANTS: list[Grant] = [
    # The system principal (migrations, demo data, scheduled jobs) is not a person.
    ("system", ("*",), ("*",), "all"),
    # AC-4 — system administrators manage accounts, units, tokens and policies …
    ("system_admin", ADMINISTERED, MANAGE, "all"),
    # … in the admin panel too (issue 4); HR keeps the staff records there (ORG-1). Opening the
    # panel is a resource of its own: what each table then allows comes from the lines here.
    ("system_admin", (ADMIN_PANEL,), READ, "all"),
    ("unit:general_affairs_hr", (ADMIN_PANEL,), READ, "all"),
    # … and otherwise read without identities: no secret_fields line names them.
    ("system_admin", without(EVERY_RESOURCE, *ADMINISTERED), READ, "none_identity"),
    # AC-1 — every staff member: the organisation chart and reference data.
    ("staff", (*ORG_REFERENCE, "staff"), READ, "all"),
    ("staff", ("staff_competencies", "staff_accounts"), READ, "own"),
    ("staff", secret("staff"), READ, "own"),
    # AC-5 — staff act on their own work.
    ("staff", STAFF_WORK, WRITE, "own"),
    ("staff", ("decisions", "assignment_letters", "approvals", "workflow_histories"), READ, "own"),
    # AC-5 — unit heads act on their unit and every unit below it. The Secretary General
    # heads the secretariat, so the same subtree is "all secretariat units"; an
    # Administrator leads an administrative unit like a unit head (ORG-2): see GROUPINGS.
    ("position:unit_head", (*ORG_PEOPLE, "acting_appointments", "decisions"), READ, "subtree"),
    (
        "position:unit_head",
        without(ASSIGNMENTS + PERFORMANCE + PROTECTION + SAFE_HOUSES + PLACEMENTS, "decisions"),
        DECIDE,
        "subtree",
    ),
    ("position:unit_head", secret("staff", "complaints"), READ, "subtree"),
    # ORG-1 — HR keeps staff records, competencies, portfolios and acting letters.
    (
        "unit:general_affairs_hr",
        (*ORG_PEOPLE, "competencies", "leadership_portfolios", "portfolio_holdings", "acting_appointments"),
        WRITE,
        "all",
    ),
    ("unit:general_affairs_hr", secret("staff"), READ, "all"),
    # ORG-1 — legal, cooperation & PR keeps the partner agencies and answers complaints.
    ("unit:legal_cooperation_pr", ("agencies",), WRITE, "all"),
    ("unit:legal_cooperation_pr", ("complaints",), WRITE, "unit"),
    # AC-6 — leaders read everything of the protection domain and take its decisions.
    # Violence reports belong to the district service that runs them (04): leaders see only
    # what is referred on to LPSK.
    ("position:leader", (*DOMAIN, "referrals", "approvals", "workflow_histories"), READ, "all"),
    (
        "position:leader",
        (
            "decisions",
            "emergency_protections",
            "protection_programs",
            "placements",
            "examinations",
            "companions",
        ),
        DECIDE,
        "all",
    ),
    (
        "position:leader",
        ("monitoring_visits", "safe_house_monitoring_reports", "program_evaluations"),
        WRITE,
        "all",
    ),
    # AC-6 — steps naming a portfolio: PRO-2 (application review), SH-4 (rights fulfilment).
    ("portfolio:application_review", ("proactive_actions",), ("approve",), "all"),
    ("portfolio:rights_fulfilment", ("safe_house_standards_assessments",), ("approve",), "all"),
    # DEC-1, PRO-2 — the application-review unit (its staff; its head too) reads what it reviews.
    ("unit:application_review", REVIEW_WORK, READ, "all"),
    # ADM-1 … ADM-6, MON-1 — the rights-fulfilment unit reads the programs it carries out.
    ("unit:rights_fulfilment", RIGHTS_WORK, READ, "all"),
    # SH-9, SH-21, SH-23 — the rights-fulfilment bureau head runs the safe houses and placements.
    (
        "head:rights_fulfilment",
        SAFE_HOUSES + PLACEMENTS + ("protection_programs", "documents"),
        DECIDE,
        "all",
    ),
    # AC-11 — … and, entitled to every protected person's identity, reads the cases they belong to.
    ("head:rights_fulfilment", PROTECTION, READ, "all"),
    # AC-8 — members of a team reach the team's records (only while the team lives and
    # after the involvement request was approved: Principal.team_ids holds only those).
    ("team_member", STAFF_WORK, WRITE, "team"),
    ("team_member", ("decisions", "assignment_letters"), READ, "team"),
    # AC-9 — experts read and comment on (coordination notes) what they are linked to;
    # no line ever gives them `approve`.
    (
        "position:expert",
        ("teams", "assignments", "work_reports", "escalations", "activity_plans"),
        READ,
        "team",
    ),
    ("position:expert", ("coordination_notes",), ("read", "create"), "team"),
    # AC-10 — oversight reads audit trails and workflow histories across units, and the
    # rest without identities (no secret_fields line names it); never credentials.
    ("unit:oversight", TRAILS, READ, "all"),
    ("unit:oversight", without(EVERY_RESOURCE, *CREDENTIALS, *TRAILS), READ, "none_identity"),
    # AC-11 — secret fields in clear: the leaders, the rights-fulfilment bureau head, the
    # case team, the safe-house managers for their houses and residents.
    ("position:leader", secret(*LPSK_SECRETS, "staff"), READ, "all"),
    ("head:rights_fulfilment", secret(*LPSK_SECRETS), READ, "all"),
    ("team_member", secret(*CASE_SECRETS), READ, "team"),
    ("safe_house_manager", secret(*HOUSE_SECRETS), READ, "house"),
    # SH-16, SH-20, SH-23 — managers run their houses: needs, examinations, activities.
    ("safe_house_manager", SAFE_HOUSES + PLACEMENTS, WRITE, "house"),
    # AC-11 — … and know who lives there: the residents' records (identities per the line above).
    ("safe_house_manager", ("protectees",), READ, "house"),
    ("safe_house_manager", ("needs_requests", "examinations", "resident_activities"), ("approve",), "house"),
    # VR-3 … VR-5 — the district service's intake admins and companions work their own reports.
    ("staff", VIOLENCE_REPORTS, WRITE, "own"),
    ("staff", secret(*REPORT_SECRETS), READ, "own"),
    # AC-2 — partner tokens: only rows addressed to their own agency, per scope.
    ("partner", ("agencies",), READ, "agency"),
    ("scope:violence_reports:submit", ("violence_reports",), ("read", "create"), "agency"),
    ("scope:violence_reports:submit", secret("violence_reports"), READ, "agency"),
    ("scope:referrals:respond", ("referrals",), ("read", "update"), "agency"),
    ("scope:involvement_requests:respond", ("involvement_requests",), ("read", "update"), "agency"),
    ("scope:notifications:read", ("documents",), READ, "agency"),
    ("scope:placements:request", ("placements",), ("read", "create"), "agency"),
    ("scope:applications:refer", ("applications",), ("read", "create"), "agency"),
    # APP-4, TRM-1b — the agency follows the applications it referred or its official requested, and the
    # programs asked for; not the case, the people or the decisions (ADM-3's letter tells it those).
    ("scope:applications:refer", ("application_program_requests",), READ, "agency"),
    ("scope:applications:read", ("applications", "application_program_requests"), READ, "agency"),
    # Lamp. 3.c.4 — the agency owning a cross-agency team's performance reads the problems put to its
    # head, and its decisions on them.
    ("scope:escalations:respond", ("escalations", "agency_escalation_decisions"), READ, "agency"),
    # AC-3 — a public reporter reaches only their own reports (and follows the companion, VR-4).
    ("reporter", ("violence_reports",), ("read", "create"), "reporter"),
    ("reporter", ("reporters", "field_visits", "visit_positions"), READ, "reporter"),
    ("reporter", secret("violence_reports", "reporters", "visit_positions"), READ, "reporter"),
]

# g lines: the first role acts as the second.
GROUPINGS: list[tuple[str, str]] = [
    # ORG-2 — an Administrator leads an administrative unit like a unit head.
    ("position:administrator", "position:unit_head"),
    # AC-5 — the Secretary General acts on the secretariat subtree like a unit head.
    ("position:secretary_general", "position:unit_head"),
]


def default_lines() -> list[tuple[str, ...]]:
    """The table above → Casbin lines ('p', sub, obj, act, scope) and ('g', role, role), no duplicates."""
    lines: dict[tuple[str, ...], None] = {}
    for subject, resources, actions, scope in GRANTS:
        for resource in resources:
            for action in actions:
                lines[("p", subject, resource, action, scope)] = None
    for role, parent in GROUPINGS:
        lines[("g", role, parent)] = None
    # The lines the declared workflows' actors imply (resource = table, action = "<workflow>.<action>").
    from workflows.engine.registry import policy_lines

    for line in policy_lines():
        lines[line] = None
    return list(lines)


async def load_default_policies(*, replace: bool = False) -> int:
    """Policy table → holds every default line (replace: exactly those); returns how many lines were
    stored anew. Idempotent; other processes pick the change up through the watcher."""
    lines = [(line[0], line[1:]) for line in default_lines()]
    async with in_transaction():
        if replace:
            await PolicyRule.all().delete()
        stored = await PolicyRuleAdapter.store_missing(lines)
    await notify_policy_changed()
    return stored
