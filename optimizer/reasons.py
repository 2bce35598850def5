"""Why each gap stayed uncovered: the hard rule that blocks the people able to cover it.

For every unit of demand below the minimum, each qualified person present that day
is tested: would taking the shift (moving her own shift of that day if she has one)
break a hard rule? Her reason is the first rule that breaks, in GapReason order; the
gap's reason is the most common one among them, ties going to the earlier rule.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from models.coverage import Demand
from models.people import StaffMember
from models.problem import PlanningProblem
from models.roster import Assignment, Gap, GapReason, Roster
from models.validator.hard_limits import check_forbidden_successions, check_work_limits
from optimizer.checks import blocking_rule
from optimizer.timeline import Slot, Timeline

ORDER = list(GapReason)


def explain_gaps(problem: PlanningProblem, roster: Roster) -> list[Gap]:
    """The roster's gaps (demand below the minimum), each with its binding reason."""
    timeline = Timeline(problem)
    covered = Counter((a.day, a.shift, a.role) for a in roster.assignments)
    work = person_slots(problem, roster, timeline)
    locked = {(a.staff_id, a.day) for a in roster.assignments if a.locked}
    gaps = []
    for need in problem.demand:
        missing = need.minimum - covered[(need.day, need.shift, need.role)]
        if missing > 0:
            reason = gap_reason(problem, timeline, need, work, locked, roster)
            minutes = problem.shifts[need.shift].minutes
            gaps.append(Gap(need.day, need.shift, need.role, missing, minutes, reason))
    return gaps


def person_slots(
    problem: PlanningProblem, roster: Roster, timeline: Timeline
) -> dict[str, list[Slot]]:
    """Each person's known shifts: the history window, then the roster."""
    slots: dict[str, list[Slot]] = {}
    for assignment in [*problem.history_window(), *roster.assignments]:
        shift = problem.shifts.get(assignment.shift)
        if shift is not None:
            slots.setdefault(assignment.staff_id, []).append(timeline.slot(assignment.day, shift))
    return slots


def able(problem: PlanningProblem, timeline: Timeline, person: StaffMember, need: Demand) -> bool:
    """Qualified for the role (and for nights) under H1, when H1 is on."""
    if not person.active:
        return False
    if not problem.rules.qualification.enabled:
        return True
    night_ok = person.night_work or not timeline.is_night(need.shift)
    return need.role in person.roles and night_ok


def gap_reason(
    problem: PlanningProblem,
    timeline: Timeline,
    need: Demand,
    work: dict[str, list[Slot]],
    locked: set[tuple[str, date]],
    roster: Roster,
) -> str:
    """nobody_qualified, all_absent, the most common blocking rule, or unknown."""
    qualified = [person for person in problem.staff if able(problem, timeline, person, need)]
    if not qualified:
        return GapReason.NOBODY_QUALIFIED
    absences_on = problem.rules.absences.enabled
    present = [p for p in qualified if not (absences_on and problem.absent_days(p.id, [need.day]))]
    if not present:
        return GapReason.ALL_ABSENT
    candidate = timeline.slot(need.day, problem.shifts[need.shift])
    reasons = [
        person_reason(problem, timeline, work.get(p.id, []), candidate, (p.id, need.day) in locked)
        or limits_reason(problem, roster, Assignment(p.id, need.day, need.shift, need.role))
        for p in present
    ]
    if any(reason is None for reason in reasons):
        return GapReason.UNKNOWN  # someone could have taken it: the solve was not optimal
    counts = Counter(reason for reason in reasons if reason is not None)
    return min(counts, key=lambda reason: (-counts[reason], ORDER.index(GapReason(reason))))


def person_reason(
    problem: PlanningProblem, timeline: Timeline, slots: list[Slot], candidate: Slot, locked: bool
) -> str | None:
    """What stops one person taking ``candidate``; None when nothing does."""
    same_day = [slot for slot in slots if slot.day == candidate.day]
    if not same_day:
        return blocking_rule(timeline, problem.rules, slots, candidate)
    if locked:
        return GapReason.BUSY
    others = [slot for slot in slots if slot.day != candidate.day]
    return blocking_rule(timeline, problem.rules, others, candidate) or GapReason.BUSY


def limits_reason(problem: PlanningProblem, roster: Roster, extra: Assignment) -> str | None:
    """work_limits when the extra shift breaks her own limits (H10) or a succession (H11)."""
    checks = []
    if problem.rules.work_limits.enabled and extra.staff_id in problem.limits:
        checks.append(check_work_limits)
    if problem.rules.successions.enabled and problem.rules.forbidden_successions:
        checks.append(check_forbidden_successions)
    if not checks:
        return None
    mine = Roster(
        roster.shelter_code,
        roster.year,
        roster.month,
        [a for a in roster.assignments if a.staff_id == extra.staff_id],
    )
    widened = Roster(roster.shelter_code, roster.year, roster.month, [*mine.assignments, extra])
    before = sum(len(check(problem, mine)) for check in checks)
    after = sum(len(check(problem, widened)) for check in checks)
    return GapReason.WORK_LIMITS if after > before else None
