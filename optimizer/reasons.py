"""Why each gap stayed uncovered: the hard rule that blocks the people able to cover it.

For every unit of demand below the minimum, each qualified person present that day is
tested: would taking the shift (moving her own shift of that day if she has one and it
is not locked) break a hard rule? The independent validator (models.validator) judges
it, with the same reading of each rule as for any roster: a rule breaks when the trial
has a violation of it that her roster without the shift had not. Her reason is the
first rule that breaks, in GapReason order; if none breaks but she works that day,
"busy". The gap's reason is the most common one among them, ties going to the earlier
reason; if anyone could simply have taken the shift, "unknown".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from models.coverage import Demand
from models.people import StaffMember
from models.problem import PlanningProblem
from models.roster import Assignment, Gap, GapReason, Roster
from models.validator.hard_basic import check_one_shift_per_day
from models.validator.hard_limits import check_forbidden_successions, check_work_limits
from models.validator.hard_load import check_consecutive, check_weekly_hours
from models.validator.hard_rest import check_min_rest, check_weekly_rest
from models.validator.report import Violation
from models.validator.soft_coverage import coverage_gaps

ORDER = list(GapReason)
Check = Callable[[PlanningProblem, Roster], list[Violation]]
BLOCKERS: tuple[tuple[GapReason, tuple[Check, ...]], ...] = (  # in GapReason order
    (GapReason.WEEKLY_HOURS, (check_weekly_hours,)),
    (GapReason.MIN_REST, (check_min_rest,)),
    (GapReason.WEEKLY_REST, (check_weekly_rest,)),
    (GapReason.CONSECUTIVE, (check_consecutive,)),
    (GapReason.WORK_LIMITS, (check_work_limits, check_forbidden_successions)),
    (GapReason.BUSY, (check_one_shift_per_day,)),  # an overlap with a shift of another day
)


def explain_gaps(problem: PlanningProblem, roster: Roster) -> list[Gap]:
    """The roster's gaps (demand below the minimum, one per tier short), each with its
    binding reason (found once per day, shift and role)."""
    needs = {(need.day, need.shift, need.role): need for need in problem.demand}
    trials = Trials(problem, roster)
    reasons: dict[tuple, str] = {}
    gaps = []
    for gap in coverage_gaps(problem, roster):
        key = (gap.day, gap.shift, gap.role)
        if key not in reasons:
            reasons[key] = gap_reason(problem, needs[key], trials)
        gaps.append(replace(gap, reason=reasons[key]))
    return gaps


def able(problem: PlanningProblem, person: StaffMember, need: Demand) -> bool:
    """Qualified for the role (and for nights) under H1, when H1 is on; within her
    working pattern under H12, when H12 is on."""
    if not person.active:
        return False
    if not problem.rules.qualification.enabled:
        return True
    night = problem.shifts[need.shift].is_night(problem.rules.night_shift_threshold_minutes)
    if problem.rules.is_on("H12"):
        feriado = need.day in problem.holidays
        if not person.working_pattern.allows(need.day, night, feriado):
            return False
    return need.role in person.roles and (person.night_work or not night)


def gap_reason(problem: PlanningProblem, need: Demand, trials: Trials) -> str:
    """nobody_qualified, all_absent, the most common blocking rule, or unknown."""
    qualified = [person for person in problem.staff if able(problem, person, need)]
    if not qualified:
        return GapReason.NOBODY_QUALIFIED
    absences_on = problem.rules.absences.enabled
    present = [p for p in qualified if not (absences_on and problem.absent_days(p.id, [need.day]))]
    if not present:
        return GapReason.ALL_ABSENT
    reasons = [trials.reason(Assignment(p.id, need.day, need.shift, need.role)) for p in present]
    if any(reason is None for reason in reasons):
        return GapReason.UNKNOWN  # someone could have taken it: the solve was not optimal
    counts = Counter(reason for reason in reasons if reason is not None)
    return min(counts, key=lambda reason: (-counts[reason], ORDER.index(GapReason(reason))))


class Trials:
    """Each person's roster alone, and what one more shift would break in it."""

    def __init__(self, problem: PlanningProblem, roster: Roster) -> None:
        self.problem, self.roster = problem, roster
        self.mine: dict[str, list[Assignment]] = {}
        for assignment in roster.assignments:
            self.mine.setdefault(assignment.staff_id, []).append(assignment)
        self.alone: dict[str, PlanningProblem] = {}
        self.before: dict[tuple[str, date | None], dict[GapReason, set[Violation]]] = {}

    def reason(self, extra: Assignment) -> str | None:
        """What stops her taking ``extra``; None when nothing does."""
        mine = self.mine.get(extra.staff_id, [])
        same_day = [a for a in mine if a.day == extra.day]
        if any(a.locked for a in same_day):
            return GapReason.BUSY
        moved = extra.day if same_day else None
        kept = [a for a in mine if a.day != moved]
        before = self.violations(extra.staff_id, moved, kept)
        after = self.judge(extra.staff_id, [*kept, extra])
        for reason, _ in BLOCKERS:
            if after[reason] - before[reason]:
                return reason
        return GapReason.BUSY if same_day else None

    def violations(
        self, staff_id: str, moved: date | None, kept: list[Assignment]
    ) -> dict[GapReason, set[Violation]]:
        """Her roster's violations (without her shift of day ``moved``), once per day."""
        key = (staff_id, moved)
        if key not in self.before:
            self.before[key] = self.judge(staff_id, kept)
        return self.before[key]

    def judge(
        self, staff_id: str, assignments: list[Assignment]
    ) -> dict[GapReason, set[Violation]]:
        """The violations of her ``assignments`` per blocking reason, by the validator."""
        problem = self.person_problem(staff_id)
        roster = replace(self.roster, assignments=assignments, gaps=[])
        return {
            reason: {v for check in checks for v in check(problem, roster)}
            for reason, checks in BLOCKERS
        }

    def person_problem(self, staff_id: str) -> PlanningProblem:
        """The problem narrowed to one person's history (what her rules read)."""
        if staff_id not in self.alone:
            history = [a for a in self.problem.history if a.staff_id == staff_id]
            self.alone[staff_id] = replace(self.problem, history=history)
        return self.alone[staff_id]
