"""Who takes the steps of the protection workflows (02: APP, DEC, PRG, ADM, CHG, TRM), declared once
and shared by applications, decisions, programs and documents (AC-2, AC-6).

Each actor answers for one record with the capacity it acts in, and names the (policy role, row
scope) pairs its Casbin lines are derived from (workflows/engine/registry.py).
"""

from __future__ import annotations

from uuid import UUID

from tortoise.models import Model

from authz.principal import Principal, PrincipalKind
from models.cases import Case
from models.organisation import Position, Staff, Unit, UnitFunction, UnitKind
from models.programs import ProtectionProgram
from workflows.approvals import Capacity
from workflows.engine import Actor, head_of_unit, of_function, position

REVIEW = UnitFunction.APPLICATION_REVIEW.value
RIGHTS = UnitFunction.RIGHTS_FULFILMENT.value
REGIONAL = UnitFunction.REGIONAL.value
REFER_SCOPE = "applications:refer"


def _staff(principal: Principal) -> UUID | None:
    return principal.staff_id if principal.kind is PrincipalKind.STAFF else None


async def case_of(record: Model) -> UUID | None:
    """The case a protection record belongs to: its own `case_id`, or its program's."""
    case_id = getattr(record, "case_id", None)
    if case_id is not None:
        return case_id  # type: ignore[no-any-return]
    program_id = getattr(record, "program_id", None)
    if program_id is None:
        return None
    found = await ProtectionProgram.filter(id=program_id).values_list("case_id", flat=True)
    return found[0] if found else None  # type: ignore[return-value]


async def _case_team_member(principal: Principal, record: Model) -> Capacity | None:
    staff_id = _staff(principal)
    if staff_id is None or not principal.team_ids:
        return None
    case_id = await case_of(record)
    if case_id is None:
        return None
    team = await Case.filter(id=case_id).values_list("team_id", flat=True)
    if not team or team[0] not in principal.team_ids:
        return None
    return Capacity(staff_id, post=f"member of the case team {team[0]}")


# --- applications (APP-4, DEC-1) --------------------------------------------------------------------


async def _reviewer(principal: Principal, record: Model) -> Capacity | None:
    return of_function(principal, REVIEW)


async def _receiver(principal: Principal, record: Model) -> Capacity | None:
    return of_function(principal, REVIEW, REGIONAL)


async def _referrer(principal: Principal, record: Model) -> Capacity | None:
    if principal.kind is not PrincipalKind.PARTNER_TOKEN or REFER_SCOPE not in principal.scopes:
        return None
    if principal.agency_id is None or principal.token_id is None:
        return None
    # A token is not a person: the capacity names the token; the history names its prefix.
    return Capacity(principal.token_id, post=f"partner agency {principal.agency_id}")


REVIEWER = Actor(
    "application_reviewer",
    "DEC-1",
    "the application-review unit (its staff or head)",
    ((f"unit:{REVIEW}", "all"), (f"head:{REVIEW}", "all")),
    _reviewer,
)
RECEIVER = Actor(
    "application_receiver",
    "APP-4",
    "staff receiving applications (application-review unit or a regional office)",
    (
        (f"unit:{REVIEW}", "all"),
        (f"head:{REVIEW}", "all"),
        (f"unit:{REGIONAL}", "all"),
        (f"head:{REGIONAL}", "all"),
    ),
    _receiver,
)
REFERRER = Actor(
    "referring_partner",
    "APP-4",
    "a partner agency's token with the applications:refer scope (AC-2)",
    ((f"scope:{REFER_SCOPE}", "agency"),),
    _referrer,
)

# --- decisions and appointments (DEC-1, PRG-4, PRG-5) ---------------------------------------------

LEADER = position(Position.LEADER, "DEC-1", "a leader (Pimpinan LPSK)")
SECRETARY_GENERAL = position(Position.SECRETARY_GENERAL, "PRG-5", "the Secretary General")


async def _chair(principal: Principal, record: Model) -> Capacity | None:
    staff_id = _staff(principal)
    if staff_id is None:
        return None
    if (
        principal.position == Position.LEADER.value
        and await Staff.filter(id=staff_id, is_chair=True).exists()
    ):
        return Capacity(staff_id, post="chair")
    for acting in principal.acting:
        if acting.position != Position.LEADER.value or acting.acting_for_id is None:
            continue
        if await Staff.filter(id=acting.acting_for_id, is_chair=True).exists():
            return Capacity(staff_id, True, acting.acting_for_id, "chair")
    return None


CHAIR = Actor(
    "chair",
    "PRG-4",
    "the chair (Ketua LPSK), or the leader acting for the chair",
    (("position:leader", "all"),),
    _chair,
)

# --- rights fulfilment (ADM-4, PRG-6 … PRG-10) ------------------------------------------------------


async def _rights_bureau_head(principal: Principal, record: Model) -> Capacity | None:
    if RIGHTS not in principal.headed_unit_functions:
        return None
    bureaus = await Unit.filter(
        id__in=list(principal.headed_unit_ids), function=RIGHTS, kind=UnitKind.BUREAU, active=True
    ).values_list("id", flat=True)
    for unit_id in bureaus:
        capacity = head_of_unit(unit_id, principal)  # type: ignore[arg-type]
        if capacity is not None:
            return Capacity(
                capacity.staff_id, capacity.acting, capacity.acting_for_id, "head of the rights bureau"
            )
    return None


async def _rights_officer(principal: Principal, record: Model) -> Capacity | None:
    return of_function(principal, RIGHTS) or await _case_team_member(principal, record)


RIGHTS_BUREAU_HEAD = Actor(
    "rights_bureau_head",
    "ADM-4",
    "the head of the rights-fulfilment bureau (in post or acting)",
    ((f"head:{RIGHTS}", "all"),),
    _rights_bureau_head,
)
RIGHTS_OFFICER = Actor(
    "rights_officer",
    "AC-6",
    "the rights-fulfilment unit (staff or head), or the case team",
    ((f"unit:{RIGHTS}", "all"), (f"head:{RIGHTS}", "all"), ("team_member", "team")),
    _rights_officer,
)

__all__ = [
    "CHAIR",
    "LEADER",
    "RECEIVER",
    "REFERRER",
    "REVIEWER",
    "RIGHTS_BUREAU_HEAD",
    "RIGHTS_OFFICER",
    "SECRETARY_GENERAL",
    "case_of",
]
