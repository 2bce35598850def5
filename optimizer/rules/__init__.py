"""The ordered registries of hard and soft rules (DESIGN.md §3), one function per rule.

Hard rules are listed in build order: the domain filters (``allows``) decide which
variables exist, then locks (H8) and history (H9) are loaded before the rules that
read them. A disabled rule adds nothing; limits and weights come from the RuleSet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.problem import PlanningProblem
from models.rules import RULES_BY_CODE, RuleSet
from optimizer.model import AllowCell, ModelContext
from optimizer.rules.hard import (
    add_continuity,
    add_locks,
    add_min_rest,
    add_one_shift_per_day,
    allows_absence,
    allows_qualification,
    allows_working_pattern,
)
from optimizer.rules.hard_limits import add_successions, add_work_limits, allows_shift_type
from optimizer.rules.hard_weekly import (
    add_max_consecutive,
    add_max_weekly_hours,
    add_weekly_rest,
    allows_guard,
)
from optimizer.rules.soft import add_contract_hours, add_coverage_desired, add_coverage_minimum
from optimizer.rules.soft_humane import add_all_patterns
from optimizer.rules.soft_people import add_fairness, add_requests, add_stability

AddRule = Callable[[ModelContext, PlanningProblem, RuleSet], None]


@dataclass(frozen=True)
class RuleEntry:
    """One rule of DESIGN.md §3: its code, the function adding it, its domain filter."""

    code: str
    add: AddRule | None = None
    allows: AllowCell | None = None

    @property
    def label(self) -> str:
        return RULES_BY_CODE[self.code].label_en

    @property
    def label_es(self) -> str:
        return RULES_BY_CODE[self.code].label_es


HARD_RULES: tuple[RuleEntry, ...] = (
    RuleEntry("H1", allows=allows_qualification),
    RuleEntry("H6", allows=allows_absence),
    RuleEntry("H8", add=add_locks),
    RuleEntry("H9", add=add_continuity),
    RuleEntry("H2", add=add_one_shift_per_day),
    RuleEntry("H3", add=add_min_rest),
    RuleEntry("H4", add=add_weekly_rest),
    RuleEntry("H5", add=add_max_weekly_hours, allows=allows_guard),
    RuleEntry("H7", add=add_max_consecutive),
    RuleEntry("H10", add=add_work_limits, allows=allows_shift_type),
    RuleEntry("H11", add=add_successions),
    RuleEntry("H12", allows=allows_working_pattern),
)

SOFT_RULES: tuple[RuleEntry, ...] = (
    RuleEntry("S1", add=add_coverage_minimum),
    RuleEntry("S2", add=add_coverage_desired),
    RuleEntry("S3", add=add_contract_hours),
    RuleEntry("S4", add=add_fairness),
    RuleEntry("S5", add=add_requests),
    RuleEntry("S6", add=add_all_patterns),
    RuleEntry("S7", add=add_stability),
)


# The cell filters of the hard rules, in registry order (ModelContext.refuses reads them).
DOMAIN: tuple[tuple[str, AllowCell], ...] = tuple(
    (entry.code, entry.allows) for entry in HARD_RULES if entry.allows is not None
)
