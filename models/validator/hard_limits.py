"""Hard rules on each person's own limits (H10) and on forbidden shift successions (H11)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from models.limits import WorkLimits
from models.problem import PlanningProblem
from models.roster import Roster
from models.validator.intervals import Work, person_work, runs
from models.validator.report import Violation
from models.validator.wording import day_text, hours_text

ONE_DAY = timedelta(days=1)
LimitCheck = Callable[[PlanningProblem, str, WorkLimits, list[Work]], list[Violation]]


def check_work_limits(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H10: each person's own limits (``problem.limits[staff_id]``, models.limits.WorkLimits).

    Only staff with limits are checked, each limit only when set. Her shifts are those
    of the roster on horizon days (``problem.days``); the maximum run also reads the
    history window, as H7. One violation per breach, amount in the limit's unit:
    - shifts of a type over ``max_shifts_by_type[code]``: days = those shifts' days;
    - total minutes outside [``min_minutes``, ``max_minutes``]: hours missing or in
      excess; days = her worked days (over) or the whole horizon (under);
    - a maximal run of worked days longer than ``max_consecutive_days`` that holds a
      horizon day: days over the limit; days = the run;
    - a run of worked days shorter than ``min_consecutive_days``, or a run of days off
      (no shift of hers starts on it) shorter than ``min_consecutive_days_off``, both
      within the horizon: days missing; days = the run. A run that touches the
      horizon's first or last day is exempt: it continues beyond the plan;
    - weekends worked over ``max_weekends``: a weekend is a Saturday and the Sunday after
      it, worked when she works either of its days inside the horizon; days = the
      weekend days she works.
    Source: each person's contract or agreement; Curtois & Qu (2014), rules 3-8.
    """
    if not problem.rules.is_on("H10") or not problem.limits:
        return []
    work = person_work(problem, roster)
    found = []
    for person in problem.staff:
        limits = problem.limits.get(person.id)
        if limits is None:
            continue
        items = work.get(person.id, [])
        for check in LIMIT_CHECKS:
            found += check(problem, person.id, limits, items)
    return sorted(found, key=lambda v: (v.staff_id, v.days))


def _planned(problem: PlanningProblem, items: list[Work]) -> list[Work]:
    """Her roster shifts that start on a horizon day."""
    horizon = set(problem.days)
    return [item for item in items if item.in_month and item.day in horizon]


def _shift_type_counts(
    problem: PlanningProblem, staff_id: str, limits: WorkLimits, items: list[Work]
) -> list[Violation]:
    """H10: at most ``max_shifts_by_type[code]`` shifts of each listed type."""
    planned = _planned(problem, items)
    found = []
    for code, cap in sorted(limits.max_shifts_by_type.items()):
        days = tuple(sorted(item.day for item in planned if item.shift.code == code))
        if len(days) > cap:
            message = f"{len(days)} turnos {code} en el periodo (máximo {cap})"
            found.append(Violation("H10", staff_id, days, len(days) - float(cap), message))
    return found


def _total_minutes(
    problem: PlanningProblem, staff_id: str, limits: WorkLimits, items: list[Work]
) -> list[Violation]:
    """H10: total minutes of her shifts within [``min_minutes``, ``max_minutes``]."""
    planned = _planned(problem, items)
    total = sum(item.shift.minutes for item in planned)
    worked = tuple(sorted({item.day for item in planned}))
    said = f"{hours_text(total / 60)} h en el periodo"
    if limits.max_minutes is not None and total > limits.max_minutes:
        excess = (total - limits.max_minutes) / 60
        message = f"{said} (máximo {hours_text(limits.max_minutes / 60)} h)"
        return [Violation("H10", staff_id, worked, excess, message)]
    if limits.min_minutes is not None and total < limits.min_minutes:
        missing = (limits.min_minutes - total) / 60
        message = f"{said} (mínimo {hours_text(limits.min_minutes / 60)} h)"
        return [Violation("H10", staff_id, tuple(problem.days), missing, message)]
    return []


def _max_run(
    problem: PlanningProblem, staff_id: str, limits: WorkLimits, items: list[Work]
) -> list[Violation]:
    """H10: no run of worked days (history window included) longer than the maximum."""
    limit = limits.max_consecutive_days
    if limit is None:
        return []
    planned = {item.day for item in _planned(problem, items)}
    found = []
    for run in runs(item.day for item in items):
        if len(run) > limit and planned.intersection(run):
            message = f"{len(run)} días seguidos de trabajo (máximo {limit})"
            found.append(Violation("H10", staff_id, tuple(run), len(run) - float(limit), message))
    return found


def _short_runs(problem: PlanningProblem, days: set[date], minimum: int) -> list[list[date]]:
    """Runs of ``days`` shorter than ``minimum`` that touch neither end of the horizon."""
    first, last = problem.first_day, problem.last_day
    return [run for run in runs(days) if len(run) < minimum and run[0] != first and run[-1] != last]


def _min_runs(
    problem: PlanningProblem, staff_id: str, limits: WorkLimits, items: list[Work]
) -> list[Violation]:
    """H10: runs of worked days and of days off at least as long as the minimums."""
    worked = {item.day for item in _planned(problem, items)}
    off = set(problem.days) - worked
    found = []
    for days, minimum, what in (
        (worked, limits.min_consecutive_days, "Racha de trabajo"),
        (off, limits.min_consecutive_days_off, "Racha libre"),
    ):
        if minimum is None:
            continue
        for run in _short_runs(problem, days, minimum):
            size = "1 día" if len(run) == 1 else f"{len(run)} días"
            message = f"{what} de {size} desde el {day_text(run[0])} (mínimo {minimum})"
            found.append(Violation("H10", staff_id, tuple(run), minimum - float(len(run)), message))
    return found


def _weekends(
    problem: PlanningProblem, staff_id: str, limits: WorkLimits, items: list[Work]
) -> list[Violation]:
    """H10: at most ``max_weekends`` weekends with a worked Saturday or Sunday."""
    if limits.max_weekends is None:
        return []
    weekend_days = sorted(
        {item.day for item in _planned(problem, items) if item.day.weekday() >= 5}
    )
    saturdays = {day - (day.weekday() - 5) * ONE_DAY for day in weekend_days}
    if len(saturdays) <= limits.max_weekends:
        return []
    message = f"{len(saturdays)} fines de semana trabajados (máximo {limits.max_weekends})"
    excess = len(saturdays) - float(limits.max_weekends)
    return [Violation("H10", staff_id, tuple(weekend_days), excess, message)]


LIMIT_CHECKS: tuple[LimitCheck, ...] = (
    _shift_type_counts,
    _total_minutes,
    _max_run,
    _min_runs,
    _weekends,
)


def check_forbidden_successions(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H11: shift ``b`` may not start the day after shift ``a`` for (a, b) in the rule set.

    For each person and each pair (a, b) of ``rules.forbidden_successions``: a shift of
    type a on day d (history window or roster) and one of type b on d + 1, at least one
    of them in the roster, is one violation of amount 1 with days = (d, d + 1). It
    expresses rotation rules that rest hours do not (e.g. no early after a late). The
    previous month's last day counts through the history window (H9). Source: the
    shelter's shift policy; Curtois & Qu (2014), rule 2.
    """
    forbidden = set(problem.rules.forbidden_successions)
    if not problem.rules.is_on("H11") or not forbidden:
        return []
    found = []
    for staff_id, items in person_work(problem, roster).items():
        by_day: dict[date, list[Work]] = {}
        for item in items:
            by_day.setdefault(item.day, []).append(item)
        for item in items:
            for following in by_day.get(item.day + ONE_DAY, []):
                pair = (item.shift.code, following.shift.code)
                if pair not in forbidden or not (item.in_month or following.in_month):
                    continue
                message = (
                    f"Turno {pair[1]} el {day_text(following.day)} después de {pair[0]} "
                    f"el {day_text(item.day)} (sucesión prohibida)"
                )
                found.append(Violation("H11", staff_id, (item.day, following.day), 1.0, message))
    return sorted(found, key=lambda v: (v.staff_id, v.days))
