"""Hard rules on workload: H5 weekly hours and 24-hour guards, H7 consecutive days and nights."""

from __future__ import annotations

from models.problem import PlanningProblem
from models.roster import Roster
from models.validator.intervals import (
    Work,
    breastfeeding_cut,
    clipped_minutes,
    mondays_touching,
    person_work,
    runs,
    week_days,
    week_window,
)
from models.validator.report import Violation
from models.validator.wording import day_text, hours_text

EPSILON = 1e-9


def check_weekly_hours(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H5: at most ``weekly_hours_cap`` hours a week on average over ``averaging_weeks`` weeks.

    Each shift's minutes are clipped to calendar weeks (Monday 00:00, America/Lima): a
    Sunday 23:00-Monday 07:00 night counts 60 min in the first week and 420 in the next.
    For every window of ``averaging_weeks`` consecutive calendar weeks that intersects
    the month and holds some of the person's month minutes, the known minutes (history
    window + month; each shift's minutes times ``worked_share``, an unpaid meal break
    being presence, not work, spread evenly over the shift; a shift on a day of her
    breastfeeding period ends ``breastfeeding_minutes`` earlier, Ley 27240) must be
    <= ``weekly_hours_cap * 60 * averaging_weeks``. Partial
    windows count only what is known: a necessary condition. A breach is one violation
    with days = the window's dates and amount = excess hours. 24-hour guards are checked
    too (``check_guards``). Source: Constitución art. 25; D.S. 007-2002-TR art. 1;
    D.Leg. 1057 art. 6; STC 4635-2004-AA/TC (averaging over up to 3 weeks).
    """
    if not problem.rules.is_on("H5"):
        return []
    weeks = problem.rules.averaging_weeks
    cap_hours = problem.rules.weekly_hours_cap * weeks
    found = []
    for staff_id, items in person_work(problem, roster).items():
        ends = [i.end - breastfeeding_cut(problem, staff_id, i.day) for i in items]
        for monday in mondays_touching(problem.first_day, problem.last_day, weeks):
            window = week_window(monday, weeks)
            if not any(i.in_month and clipped_minutes(i.start, i.end, window) > 0 for i in items):
                continue
            hours = (
                sum(
                    clipped_minutes(i.start, end, window) * i.shift.worked_share
                    for i, end in zip(items, ends, strict=True)
                )
                / 60
            )
            if hours - cap_hours <= EPSILON:
                continue
            span = "en la semana del" if weeks == 1 else f"en {weeks} semanas desde el"
            message = (
                f"{hours_text(hours)} h {span} {day_text(monday)} "
                f"(máximo {hours_text(cap_hours)} h)"
            )
            days = week_days(monday, weeks)
            found.append(Violation("H5", staff_id, days, hours - cap_hours, message))
    return sorted(found + check_guards(problem, roster), key=lambda v: (v.staff_id, v.days))


def check_guards(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H5 (guards): a shift type with ``is_guard`` only where ``rules.allow_24h_guards``.

    Each roster assignment of a guard shift in a shelter that does not opt in is one
    violation, amount = the shift's hours. Source: DOMAIN.md (24-hour guards: lawful
    only if the average stays <= 48 h/week; the shelter opts in).
    """
    if not problem.rules.is_on("H5") or problem.rules.allow_24h_guards:
        return []
    found = []
    for assignment in roster.assignments:
        shift = problem.shifts.get(assignment.shift)
        if shift is not None and shift.is_guard:
            message = f"Guardia de {hours_text(shift.hours)} h no permitida en este hogar"
            found.append(
                Violation("H5", assignment.staff_id, (assignment.day,), shift.hours, message)
            )
    return found


def check_consecutive(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H7: limits on worked days in a row and on night shifts in a row.

    A worked day is a day on which one of her shifts starts; a night is a shift with
    ``is_night(rules.night_shift_threshold_minutes)``, and consecutive nights are night
    shifts on consecutive days. Runs are read from the history window + month (earlier
    days are unknown and count as off). Each maximal run longer than the limit that
    holds a month day is one violation with days = the run's dates and amount = days
    (or nights) over the limit. Source: programme policy; D.Leg. 713 (weekly rest).
    """
    if not problem.rules.is_on("H7"):
        return []
    rules = problem.rules
    found = []
    for staff_id, items in person_work(problem, roster).items():
        nights = [i for i in items if i.shift.is_night(rules.night_shift_threshold_minutes)]
        found += _long_runs(staff_id, items, rules.max_consecutive_days, "días seguidos de trabajo")
        found += _long_runs(staff_id, nights, rules.max_consecutive_nights, "noches seguidas")
    return sorted(found, key=lambda v: (v.staff_id, v.days))


def _long_runs(staff_id: str, items: list[Work], limit: int, what: str) -> list[Violation]:
    """One H7 violation per run of start days longer than ``limit`` that touches the month."""
    month_days = {item.day for item in items if item.in_month}
    found = []
    for run in runs(item.day for item in items):
        if len(run) > limit and month_days.intersection(run):
            message = f"{len(run)} {what} (máximo {limit})"
            found.append(Violation("H7", staff_id, tuple(run), len(run) - float(limit), message))
    return found
