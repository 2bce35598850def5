"""Shift swaps between two staff members, checked on both sides by the validator.

In a swap, the giver's shift of one day goes to the taker, and the taker's shift of a
(possibly different) day comes back to the giver; in a give-away nothing comes back.
Each shift keeps its role and lock. The swap is legal when neither person's schedule
breaks a hard rule it did not break before. Pure functions: no storage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from models.problem import PlanningProblem
from models.roster import Assignment, AssignmentSource, Roster
from models.validator import Violation, hard_violations


@dataclass(frozen=True)
class SwapTerms:
    """``giver`` gives her shift of ``day`` to ``taker``; the taker's of ``taker_day`` comes
    back (None: a give-away)."""

    giver: str
    day: date
    taker: str
    taker_day: date | None = None


class SwapError(ValueError):
    """The swap cannot be made on this roster: ``staff_id`` has no shift on ``day`` (or the
    two people are one)."""

    def __init__(self, message: str, staff_id: str = "", day: date | None = None) -> None:
        super().__init__(message)
        self.staff_id, self.day = staff_id, day


def _shift_of(assignments: list[Assignment], staff_id: str, day: date) -> Assignment:
    for assignment in assignments:
        if (assignment.staff_id, assignment.day) == (staff_id, day):
            return assignment
    raise SwapError(f"{staff_id} has no shift on {day}", staff_id, day)


def swapped(assignments: list[Assignment], terms: SwapTerms) -> list[Assignment]:
    """``assignments`` with the swap made (``SwapError`` if a named shift is missing)."""
    if terms.giver == terms.taker:
        raise SwapError("a swap needs two people")
    given = _shift_of(assignments, terms.giver, terms.day)
    moved = [given]
    added = [replace(given, staff_id=terms.taker, source=AssignmentSource.MANUAL)]
    if terms.taker_day is not None:
        back = _shift_of(assignments, terms.taker, terms.taker_day)
        moved.append(back)
        added.append(replace(back, staff_id=terms.giver, source=AssignmentSource.MANUAL))
    kept = [a for a in assignments if a not in moved]
    return sorted([*kept, *added], key=lambda a: (a.day, a.staff_id, a.shift))


def _keys(violations: list[Violation]) -> set[tuple[str, str, tuple[date, ...], float]]:
    return {(v.staff_id, v.rule, v.days, round(v.amount, 6)) for v in violations}


def swap_violations(problem: PlanningProblem, roster: Roster, terms: SwapTerms) -> list[Violation]:
    """The hard-rule violations the swap adds to either person's schedule (none: legal)."""
    people = {terms.giver, terms.taker}
    theirs = [a for a in roster.assignments if a.staff_id in people]
    locks = [a for a in theirs if a.locked]
    before = hard_violations(replace(problem, locks=locks), replace(roster, assignments=theirs))
    after_assignments = swapped(theirs, terms)
    after_locks = [a for a in after_assignments if a.locked]
    after = hard_violations(
        replace(problem, locks=after_locks), replace(roster, assignments=after_assignments)
    )
    old = _keys(before)
    return [v for v in after if (v.staff_id, v.rule, v.days, round(v.amount, 6)) not in old]
