"""Teams at the workflow level: membership set by the head of the owning unit (ASG-9), outsiders only on
an approved involvement request for the team (ASG-7, AC-8), the lead changed only to a member and,
from outside the owning unit, with a recorded justification (ASG-8) — and each way around refused."""

from __future__ import annotations

import pytest

from models.assignments import Team, TeamMembership
from models.audit import WorkflowHistory
from server.auth import reachable_team_ids
from tests.approvals.factories import TODAY
from tests.organisation.assignment_path_factories import add_member, step, team_assignment
from tests.organisation.test_cross_unit_appointment import through_to_the_secretary_general
from tests.workflows.factories import organisation, principal, snapshot
from workflows.assignments import ASSIGNMENT, TEAM
from workflows.assignments.teams import ChangeLeadInput, RemoveMemberInput
from workflows.engine import available_actions
from workflows.errors import Forbidden, NotFound, RuleViolation, ValidationFailed


async def running_team(org) -> Team:
    """ASG-1: the unit's running team (lead staff[0], member staff[1])."""
    return await (await team_assignment(org)).team


async def cross_unit_team(org) -> tuple[Team, object]:
    """ASG-2: a running team of the unit with other_staff[0] on it through an approved request."""
    assignment = await through_to_the_secretary_general(org, team_name="Tim", lead_id=org.staff[0].staff.id)
    issued = await step(ASSIGNMENT, "issue_letter", assignment, org.secretary_general)
    membership = await TeamMembership.get(team_id=issued.team_id, staff_id=org.other_staff[0].staff.id)
    return await issued.team, membership


async def test_add_and_remove_member_by_the_owning_head_asg_9_ac_8(policies):
    # given: a running team, and a colleague of the unit not on it
    org = await organisation()
    team = await running_team(org)
    newcomer = await (await add_colleague(org)).staff
    # when: the head adds them, then takes them off with a reason
    await add_member(team, org.head, newcomer.id)
    reach_on = await reachable_team_ids(newcomer.id, TODAY)
    offered = [t.action for t in await available_actions(TEAM, team, await principal(org.head))]
    await step(
        TEAM, "remove_member", team, org.head, RemoveMemberInput(newcomer.id, "Dialihkan ke tim lain.")
    )
    # then: on the team while a member, out of reach at once after (AC-8)
    assert team.id in reach_on and team.id not in await reachable_team_ids(newcomer.id, TODAY)
    assert offered == ["add_member", "remove_member", "change_lead"]
    membership = await TeamMembership.get(team_id=team.id, staff_id=newcomer.id)
    assert (membership.role, membership.home_unit_id, membership.left_on < TODAY) == (
        "member",
        org.unit.id,
        True,
    )
    history = await WorkflowHistory.filter(subject_id=team.id).order_by("occurred_at", "created_at")
    assert [(h.action, h.from_state, h.to_state, h.reason) for h in history] == [
        ("add_member", "active", "active", None),
        ("remove_member", "active", "active", "Dialihkan ke tim lain."),
    ]


async def add_colleague(org):
    from models.organisation import Position
    from tests.approvals.factories import make_account

    return await make_account(position=Position.EXECUTOR, unit=org.unit)


async def test_add_member_by_anyone_but_the_owning_head_is_forbidden_asg_9(policies):
    # given
    org = await organisation()
    team = await running_team(org)
    newcomer = await (await add_colleague(org)).staff
    before = await snapshot()
    # when / then: the team lead, the bureau head above (AC-6: the head of *that* unit); the Secretary
    # General, who heads no unit in this organisation, does not even reach the team
    for someone in (org.staff[0], org.parent_head):
        with pytest.raises(Forbidden):
            await add_member(team, someone, newcomer.id)
    with pytest.raises(NotFound):
        await add_member(team, org.secretary_general, newcomer.id)
    assert await snapshot() == before


async def test_add_member_to_a_closed_team_is_refused_asg_9(policies):
    # given
    org = await organisation()
    team = await running_team(org)
    await Team.filter(id=team.id).update(status="closed")
    newcomer = await (await add_colleague(org)).staff
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await add_member(team, org.head, newcomer.id)
    # then
    assert (refused.value.key, refused.value.rule) == ("workflow.wrong_state", "ASG-9")
    assert await snapshot() == before


async def test_add_member_twice_or_remove_without_reason_is_refused_asg_9(policies):
    # given
    org = await organisation()
    team = await running_team(org)
    before = await snapshot()
    # when: a member added again; a member removed without a reason
    with pytest.raises(RuleViolation) as twice:
        await add_member(team, org.head, org.staff[1].staff.id)
    with pytest.raises(ValidationFailed) as bare:
        await step(TEAM, "remove_member", team, org.head, RemoveMemberInput(org.staff[1].staff.id, " "))
    # then
    assert (twice.value.key, twice.value.rule) == ("workflow.guard.active_newcomer", "ASG-9")
    assert bare.value.field == "reason"
    assert await snapshot() == before


async def test_add_member_from_another_unit_without_approval_is_refused_asg_7(policies):
    # given: the unit's team; someone of the other unit, and an approved request of *another* team
    org = await organisation()
    team = await running_team(org)
    _, elsewhere = await cross_unit_team(org)
    outsider = org.other_staff[0].staff.id
    before = await snapshot()
    # when: with no request, and with the request that brought them onto the other team
    for request_id in (None, elsewhere.involvement_request_id):
        with pytest.raises(RuleViolation) as refused:
            await add_member(team, org.head, outsider, request_id)
        # then
        assert (refused.value.key, refused.value.rule) == (
            "workflow.guard.own_staff_or_approved_request",
            "ASG-7",
        )
    assert await snapshot() == before


async def test_add_member_from_another_unit_on_its_approved_request_asg_7(policies):
    # given: an outsider who joined on an approved request, then was taken off the team
    org = await organisation()
    team, membership = await cross_unit_team(org)
    outsider = org.other_staff[0].staff.id
    await step(TEAM, "remove_member", team, org.head, RemoveMemberInput(outsider, "Cuti panjang."))
    # when: back on the same approved request
    await add_member(team, org.head, outsider, membership.involvement_request_id)
    # then
    back = await TeamMembership.filter(team_id=team.id, staff_id=outsider, left_on__isnull=True).get()
    assert (back.involvement_request_id, back.home_unit_id) == (
        membership.involvement_request_id,
        org.other.id,
    )
    assert team.id in await reachable_team_ids(outsider, TODAY)


async def test_change_lead_to_a_member_of_another_unit_with_justification_asg_8(policies):
    # given: a cross-unit team led from the owning unit
    org = await organisation()
    team, _ = await cross_unit_team(org)
    outsider = org.other_staff[0].staff.id
    # when
    changed = await step(
        TEAM,
        "change_lead",
        team,
        org.head,
        ChangeLeadInput(outsider, "Berpengalaman memimpin telaah serupa."),
    )
    # then: the justification is on record, the roles follow
    assert (changed.lead_id, changed.lead_justification) == (
        outsider,
        "Berpengalaman memimpin telaah serupa.",
    )
    roles = dict(await TeamMembership.filter(team_id=team.id).values_list("staff_id", "role"))
    assert (roles[outsider], roles[org.staff[0].staff.id]) == ("lead", "member")


async def test_change_lead_to_an_outsider_without_justification_is_refused_asg_8(policies):
    # given
    org = await organisation()
    team, _ = await cross_unit_team(org)
    before = await snapshot()
    # when
    with pytest.raises(RuleViolation) as refused:
        await step(TEAM, "change_lead", team, org.head, ChangeLeadInput(org.other_staff[0].staff.id, "  "))
    # then
    assert (refused.value.rule, refused.value.field) == ("ASG-8", "leadJustification")
    assert await snapshot() == before


async def test_change_lead_to_a_non_member_or_removing_the_lead_is_refused_asg_8(policies):
    # given
    org = await organisation()
    team = await running_team(org)
    stranger = await (await add_colleague(org)).staff
    before = await snapshot()
    # when: someone not on the team as lead; the lead taken off
    with pytest.raises(RuleViolation) as not_member:
        await step(TEAM, "change_lead", team, org.head, ChangeLeadInput(stranger.id))
    with pytest.raises(RuleViolation) as lead_removed:
        await step(TEAM, "remove_member", team, org.head, RemoveMemberInput(org.staff[0].staff.id, "Pindah."))
    # then
    assert not_member.value.key == "workflow.guard.lead_is_member"
    assert (lead_removed.value.key, lead_removed.value.rule) == ("workflow.guard.not_the_lead", "ASG-8")
    assert await snapshot() == before


async def test_change_lead_within_the_owning_unit_clears_the_justification_asg_8(policies):
    # given: an outside lead with a justification
    org = await organisation()
    team, _ = await cross_unit_team(org)
    await step(
        TEAM, "change_lead", team, org.head, ChangeLeadInput(org.other_staff[0].staff.id, "Sementara.")
    )
    # when: the owning unit's member leads again
    changed = await step(TEAM, "change_lead", team, org.head, ChangeLeadInput(org.staff[0].staff.id))
    # then
    assert (changed.lead_id, changed.lead_justification) == (org.staff[0].staff.id, None)
