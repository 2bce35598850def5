"""The validator's entry points and its ordered registries of hard and soft rules.

H9 (continuity) has no check of its own: it is the use of the history window
(``problem.history_window()``) by H2, H3, H4, H5, H7, H10 (longest run) and H11,
and never yields a violation of code "H9". Source of every rule: models.rules.RULES and DOMAIN.md.
"""

from __future__ import annotations

from collections.abc import Callable

from models.problem import PlanningProblem
from models.roster import Roster
from models.validator.hard_basic import (
    check_absences,
    check_locks,
    check_one_shift_per_day,
    check_qualification,
)
from models.validator.hard_limits import check_forbidden_successions, check_work_limits
from models.validator.hard_load import check_consecutive, check_weekly_hours
from models.validator.hard_pattern import check_working_pattern
from models.validator.hard_rest import check_min_rest, check_weekly_rest
from models.validator.report import SoftResult, ValidationReport, Violation
from models.validator.soft_coverage import (
    coverage_gaps,
    score_coverage_desired,
    score_coverage_minimum,
)
from models.validator.soft_patterns import score_patterns, score_stability
from models.validator.soft_people import score_contract_hours, score_fairness, score_requests

HardCheck = Callable[[PlanningProblem, Roster], list[Violation]]
SoftScore = Callable[[PlanningProblem, Roster], SoftResult]

HARD_CHECKS: tuple[tuple[str, HardCheck], ...] = (
    ("H1", check_qualification),
    ("H2", check_one_shift_per_day),
    ("H3", check_min_rest),
    ("H4", check_weekly_rest),
    ("H5", check_weekly_hours),
    ("H6", check_absences),
    ("H7", check_consecutive),
    ("H8", check_locks),
    ("H10", check_work_limits),
    ("H11", check_forbidden_successions),
    ("H12", check_working_pattern),
)

SOFT_SCORES: tuple[tuple[str, SoftScore], ...] = (
    ("S1", score_coverage_minimum),
    ("S2", score_coverage_desired),
    ("S3", score_contract_hours),
    ("S4", score_fairness),
    ("S5", score_requests),
    ("S6", score_patterns),
    ("S7", score_stability),
)


def hard_violations(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """Every hard-rule violation of the roster, in rule order (disabled rules add none)."""
    return [violation for _, check in HARD_CHECKS for violation in check(problem, roster)]


def soft_results(problem: PlanningProblem, roster: Roster) -> dict[str, SoftResult]:
    """Each soft rule's units and weighted penalty, "S1" to "S7" (disabled rules give 0)."""
    return {code: score(problem, roster) for code, score in SOFT_SCORES}


def soft_penalties(problem: PlanningProblem, roster: Roster) -> dict[str, float]:
    """Each soft rule's weighted penalty, "S1" to "S7"."""
    return {code: result.penalty for code, result in soft_results(problem, roster).items()}


def validate(problem: PlanningProblem, roster: Roster) -> ValidationReport:
    """Check a finished roster against every hard rule and recompute every soft penalty."""
    results = soft_results(problem, roster)
    return ValidationReport(
        violations=hard_violations(problem, roster),
        penalties={code: result.penalty for code, result in results.items()},
        units={code: result.units for code, result in results.items()},
        gaps=coverage_gaps(problem, roster),
    )
