"""The guards of the application steps, each citing its rule (APP-2, APP-4, DEC-1)."""

from __future__ import annotations

from models.cases import ApplicationChannel, FamilyRelation
from models.organisation import Staff, UnitFunction
from workflows.engine import Step, guard

MAX_DEGREE = 3  # APP-2: blood relatives up to the third degree
FIXED_DEGREE = {
    FamilyRelation.SPOUSE: 1,
    FamilyRelation.CHILD: 1,
    FamilyRelation.PARENT: 1,
    FamilyRelation.SIBLING: 2,
    FamilyRelation.GRANDPARENT: 2,
}


@guard(
    "APP-4",
    id="Permohonan melalui tindakan proaktif hanya tercatat dari tindakan proaktif itu ('channel', APP-4).",
    en="A proactive application is recorded only from its proactive action ('channel', APP-4).",
    uses_input=True,
    field="channel",
)
async def not_proactive_by_hand(step: Step) -> bool:
    """APP-4, PRO-2(b): channel 'proactive' names the action it came from; staff cannot claim it."""
    return bool(step.input.channel is not ApplicationChannel.PROACTIVE)


@guard(
    "DEC-1",
    id="Penelaah harus pegawai unit kerja penelaahan permohonan ('reviewerId', DEC-1).",
    en="The reviewer must be on the staff of the application-review unit ('reviewerId', DEC-1).",
    uses_input=True,
    field="reviewerId",
)
async def reviewer_of_review_unit(step: Step) -> bool:
    """DEC-1: applications are reviewed by the application-review unit."""
    reviewer_id = step.input.reviewer_id or step.principal.staff_id
    return await Staff.filter(
        id=reviewer_id, active=True, agency_id=None, unit__function=UnitFunction.APPLICATION_REVIEW
    ).exists()


@guard(
    "APP-2",
    id="Keluarga yang dapat dilindungi: sedarah sampai derajat ketiga, suami atau istri, dan tanggungan; "
    "derajat harus sesuai dengan hubungannya ('degree', APP-2).",
    en="Family members who may be covered: blood relatives up to the third degree, spouses and "
    "dependants; the degree must fit the relation ('degree', APP-2).",
    uses_input=True,
    field="degree",
)
async def family_within_third_degree(step: Step) -> bool:
    """APP-2: beyond the third degree nobody is covered; a parent is not a 'third-degree parent'."""
    given = step.input
    if not 1 <= given.degree <= MAX_DEGREE:
        return False
    fixed = FIXED_DEGREE.get(given.relation)
    return fixed is None or fixed == given.degree


__all__ = ["family_within_third_degree", "not_proactive_by_hand", "reviewer_of_review_unit"]
