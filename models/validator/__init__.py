"""The independent roster validator: pure Python, no solver.

``validate(problem, roster)`` checks a finished roster against every hard rule
(H1-H8, H10-H12; H9 continuity is the history these checks read) and recomputes every soft
penalty (S1-S7) and the coverage gaps. It is the oracle of the optimiser's tests and
feeds the UI's "why" panel. One function per rule, each documented with its source.
"""

from models.validator.intervals import (
    Work,
    assignment_interval,
    clipped_minutes,
    person_work,
    week_window,
    worked_days,
)
from models.validator.report import SOFT_CODES, SoftResult, ValidationReport, Violation
from models.validator.soft_coverage import coverage_gaps
from models.validator.validate import (
    HARD_CHECKS,
    SOFT_SCORES,
    hard_violations,
    soft_penalties,
    soft_results,
    validate,
)

__all__ = [
    "HARD_CHECKS",
    "SOFT_CODES",
    "SOFT_SCORES",
    "SoftResult",
    "ValidationReport",
    "Violation",
    "Work",
    "assignment_interval",
    "clipped_minutes",
    "coverage_gaps",
    "hard_violations",
    "person_work",
    "soft_penalties",
    "soft_results",
    "validate",
    "week_window",
    "worked_days",
]
