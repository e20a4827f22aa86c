"""Shared state of one demo-data run: what earlier domains created, for later ones to use."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Progress = Callable[[str], None]


@dataclass
class DemoContext:
    """Filled in domain order: organisation → protection → safe_houses → violence_reports.

    Every loader is deterministic (it draws only from `rng`), so two runs on two empty
    databases produce the same data apart from random ids.
    """

    rng: random.Random = field(default_factory=lambda: random.Random(20261123))
    progress: Progress = print
    # organisation
    units: dict[str, Any] = field(default_factory=dict)  # unit code → Unit
    agencies: dict[str, Any] = field(default_factory=dict)  # AgencyKind value → Agency
    staff: list[Any] = field(default_factory=list)  # every Staff
    leaders: list[Any] = field(default_factory=list)  # the 7 leaders, chair first
    secretary_general: Any = None
    portfolios: dict[str, Any] = field(default_factory=dict)  # portfolio code → LeadershipPortfolio
    # protection
    cases: list[Any] = field(default_factory=list)
    protectees: list[Any] = field(default_factory=list)
    decisions: list[Any] = field(default_factory=list)
    programs: list[Any] = field(default_factory=list)
    # safe houses
    safe_houses: list[Any] = field(default_factory=list)
