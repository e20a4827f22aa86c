"""The performance cycle as declared workflows (01: Pasal 3, 14, Lamp. Bab III), PERF-1 … PERF-5.

- `performance_target` (targets.py) — the Secretary General sets the agreement's targets and
  cascades them to units; unit heads and Administrators cascade them to teams and people (PERF-1).
- `activity_plan` (plans.py) — the owning unit head's activity and budget plan, detailed by the
  lead with the members; individual plans from one's allocation (PERF-1, PERF-2); complete only on
  the unit head's acceptance of the results (PERF-4).
- `performance_dialogue` (dialogues.py) — recorded monitoring and feedback (PERF-2).
- `evaluation` (evaluations.py) — evaluation → the Secretary General's review → follow-up (PERF-3).
- `appraisal` (appraisals.py) — cross-unit members appraised and sent to their home unit head
  (PERF-5).
- `team_direction`, `team_role_allocation`, `member_performance_report` (team_work.py) — the unit
  head's direction to a team (ORG-7), the lead's division of roles by competence and report of a
  member's performance (ORG-8).

Assignment completion (PERF-4 for assignments) lives with the assignment workflow.
"""

from __future__ import annotations

from workflows.engine import register
from workflows.performance.appraisals import APPRAISAL
from workflows.performance.dialogues import PERFORMANCE_DIALOGUE
from workflows.performance.evaluations import EVALUATION
from workflows.performance.plans import ACTIVITY_PLAN
from workflows.performance.targets import PERFORMANCE_TARGET
from workflows.performance.team_work import MEMBER_PERFORMANCE_REPORT, TEAM_DIRECTION, TEAM_ROLE_ALLOCATION

register(PERFORMANCE_TARGET)
register(ACTIVITY_PLAN)
register(PERFORMANCE_DIALOGUE)
register(EVALUATION)
register(APPRAISAL)
register(TEAM_DIRECTION)
register(TEAM_ROLE_ALLOCATION)
register(MEMBER_PERFORMANCE_REPORT)

__all__ = [
    "ACTIVITY_PLAN",
    "APPRAISAL",
    "EVALUATION",
    "MEMBER_PERFORMANCE_REPORT",
    "PERFORMANCE_DIALOGUE",
    "PERFORMANCE_TARGET",
    "TEAM_DIRECTION",
    "TEAM_ROLE_ALLOCATION",
]
