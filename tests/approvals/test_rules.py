"""Approval rules are data: validated when declared, and the spec's steps declared once (AC-6, AC-7)."""

from __future__ import annotations

import pytest

from workflows.approvals import (
    EMERGENCY_PROTECTION,
    INVOLVEMENT_TARGET_HEAD,
    RULES,
    SAFE_HOUSE_STANDARDS,
    ApprovalRule,
)


def test_declared_rules_match_the_spec_emg_1_sh_4_asg_2():
    # then
    assert (EMERGENCY_PROTECTION.required, EMERGENCY_PROTECTION.approver) == (2, "leader")
    assert (SAFE_HOUSE_STANDARDS.required, SAFE_HOUSE_STANDARDS.approver) == (2, "leader[rights_fulfilment]")
    assert (INVOLVEMENT_TARGET_HEAD.required, INVOLVEMENT_TARGET_HEAD.approver) == (1, "head_of_unit")
    # (rule, step) names one step: two declarations of it would split its approvals
    assert len({(r.rule_id, r.step) for r in RULES}) == len(RULES)


@pytest.mark.parametrize(
    "fields",
    [
        {"required": 0, "position": "leader"},
        {"position": None},
        {"position": "leader", "head_of_unit": True},
        {"portfolio": "rights_fulfilment", "head_of_unit": True},
        {"position": "leader", "step": ""},
    ],
)
def test_rule_declaration_inconsistent_is_refused_ac_6(fields):
    # given
    declaration = {"rule_id": "X-1", "step": "approval", **fields}
    # when / then
    with pytest.raises(ValueError):
        ApprovalRule(**declaration)
