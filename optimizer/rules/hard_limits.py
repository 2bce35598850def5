"""Hard rules H10 per-person work limits and H11 forbidden successions.

Each person's ``WorkLimits`` (models.limits) over the horizon: shifts per type, total
minutes, longest and shortest runs of worked days, shortest runs of days off, weekends.
w[p,d] is the worked-day indicator (a shift of hers starts on d; absent days are 0).
A limit that locks or absences make impossible is relaxed for that person and reported.
"""

from __future__ import annotations

from datetime import date, timedelta

import pulp

from models.limits import WorkLimits
from models.people import StaffMember
from models.problem import PlanningProblem
from models.rules import RuleSet
from models.shifts import ShiftType
from optimizer.model import ModelContext, Terms

ONE_DAY = timedelta(days=1)


def allows_shift_type(
    ctx: ModelContext, person: StaffMember, day: date, shift: ShiftType, role: str
) -> bool:
    """H10 shifts per type, cap 0: a person never works a type she may not work.

    Domain: x[p,d,s,r] exists only if max_shifts_by_type[p][s] != 0.
    Source: Curtois & Qu benchmark / shelter policy.
    """
    limits = ctx.problem.limits.get(person.id)
    return limits is None or limits.max_shifts_by_type.get(shift.code) != 0


def add_work_limits(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H10 per-person work limits: every limit set in ``problem.limits``, one function each.

    Source: Curtois & Qu benchmark / shelter policy (each person's contract or agreement).
    """
    for person in ctx.staff:
        limits = problem.limits.get(person.id)
        if limits is None or limits.is_empty:
            continue
        add_shift_type_caps(ctx, person.id, limits)
        add_total_minutes(ctx, person.id, limits)
        add_longest_run(ctx, person.id, limits)
        add_shortest_runs(ctx, person.id, limits)
        add_max_weekends(ctx, person.id, limits)


def add_shift_type_caps(ctx: ModelContext, staff_id: str, limits: WorkLimits) -> None:
    """H10 shifts per type: sum_{d,r} x[p,d,s,r] <= max_shifts_by_type[s] (cap 0: no variables).

    Source: Curtois & Qu benchmark / shelter policy.
    """
    for code, cap in sorted(limits.max_shifts_by_type.items()):
        terms = [
            (v, 1.0) for d in ctx.timeline.days for v in ctx.shift_vars.get((staff_id, d, code), [])
        ]
        name = ctx.name("type_cap", staff_id, code)
        ctx.add_limit(terms, cap, name, "H10", staff_id, list(ctx.timeline.days))


def add_total_minutes(ctx: ModelContext, staff_id: str, limits: WorkLimits) -> None:
    """H10 total minutes: min_minutes <= sum_{d,s,r} minutes(s) x[p,d,s,r] <= max_minutes.

    Source: Curtois & Qu benchmark / shelter policy.
    """
    terms: Terms = [
        (var, float(shift.minutes))
        for day in ctx.timeline.days
        for shift in ctx.problem.shift_types
        for var in ctx.shift_vars.get((staff_id, day, shift.code), [])
    ]
    days = list(ctx.timeline.days)
    if limits.max_minutes is not None:
        name = ctx.name("max_minutes", staff_id)
        ctx.add_limit(terms, limits.max_minutes, name, "H10", staff_id, days)
    if limits.min_minutes:
        negated = [(var, -coef) for var, coef in terms]
        add_mixed(
            ctx, negated, -limits.min_minutes, ctx.name("min_minutes", staff_id), staff_id, days
        )


def add_longest_run(ctx: ModelContext, staff_id: str, limits: WorkLimits) -> None:
    """H10 longest run: every window of K+1 days holding a planned day has sum_d w[p,d] <= K.

    History days (H9) are constants on the right-hand side, as in H7.
    Source: Curtois & Qu benchmark / shelter policy.
    """
    limit = limits.max_consecutive_days
    if limit is None:
        return
    timeline = ctx.timeline
    worked_before = {slot.day for slot in ctx.history.get(staff_id, [])}
    start = timeline.first_day - timedelta(days=limit)
    while start + timedelta(days=limit) <= timeline.last_day:
        days = [start + timedelta(days=k) for k in range(limit + 1)]
        terms = [(v, 1.0) for d in days if timeline.in_month(d) for v in ctx.worked(staff_id, d)]
        constant = sum(1 for day in days if day in worked_before)
        name = ctx.name("max_run", staff_id, start)
        ctx.add_limit(terms, limit - constant, name, "H10", staff_id, days)
        start += ONE_DAY


def add_shortest_runs(ctx: ModelContext, staff_id: str, limits: WorkLimits) -> None:
    """H10 shortest runs of worked days (m) and of days off (m'); runs touching an end exempt.

    For d > first and j = 1..m-1 with d+j <= last: w[d] - w[d-1] - w[d+j] <= 0 (a run
    that starts on d lasts past d+j); for j = 1..m'-1: w[d-1] - w[d] + w[d+j] <= 1 (a
    rest that starts on d does too). Rows on the assignment columns alone: HiGHS's
    propagation and cuts work on them directly, and the run paths (rules/soft_runs.py)
    give the weighted phase its tight relaxation. Absent days are off; history is
    ignored. Source: Curtois & Qu benchmark / shelter policy.
    """
    work, rest = limits.min_consecutive_days or 0, limits.min_consecutive_days_off or 0
    if work <= 1 and rest <= 1:
        return
    days = ctx.timeline.days
    work, rest = runs_possible(ctx, staff_id, work, rest)
    worked = [[(v, 1.0) for v in ctx.worked(staff_id, day)] for day in days]

    def signed(index: int, sign: float) -> Terms:
        return [(v, sign * coef) for v, coef in worked[index]]

    for index in range(1, len(days)):
        for ahead in range(1, max(work, rest)):
            later = index + ahead
            if later >= len(days):
                break
            window = days[index - 1 : later + 1]
            if ahead < work:
                terms = signed(index, 1.0) + signed(index - 1, -1.0) + signed(later, -1.0)
                name = ctx.name("min_run", staff_id, days[index], ahead)
                add_mixed(ctx, terms, 0.0, name, staff_id, window)
            if ahead < rest:
                terms = signed(index - 1, 1.0) + signed(index, -1.0) + signed(later, 1.0)
                name = ctx.name("min_off", staff_id, days[index], ahead)
                add_mixed(ctx, terms, 1.0, name, staff_id, window)


def runs_possible(ctx: ModelContext, staff_id: str, work: int, rest: int) -> tuple[int, int]:
    """The two minimums, each dropped (and reported) when locks and absences make it impossible.

    A locked day needs a block of workable days around it of length ``work`` (or touching
    an end); a day she cannot work needs a block of unlocked days of length ``rest``.
    """
    days = ctx.timeline.days
    workable = [bool(ctx.worked(staff_id, day)) for day in days]
    locked = [any((v.lowBound or 0) > 0.5 for v in ctx.worked(staff_id, day)) for day in days]
    if work > 1 and too_short(workable, locked, work):
        ctx.report("H10", staff_id, list(days), "locks")
        work = 0
    if rest > 1 and too_short([not flag for flag in locked], [not f for f in workable], rest):
        ctx.report("H10", staff_id, list(days), "locks")
        rest = 0
    return work, rest


def too_short(allowed: list[bool], forced: list[bool], minimum: int) -> bool:
    """True when a forced position lies in a block of allowed positions shorter than
    ``minimum`` that touches neither end."""
    index, size = 0, len(allowed)
    while index < size:
        if not allowed[index]:
            index += 1
            continue
        end = index
        while end < size and allowed[end]:
            end += 1
        inner = index > 0 and end < size
        if inner and end - index < minimum and any(forced[index:end]):
            return True
        index = end
    return False


def add_max_weekends(ctx: ModelContext, staff_id: str, limits: WorkLimits) -> None:
    """H10 weekends: y[p,k] >= w[p,d] for each day d of weekend k in the horizon; sum_k y <= max.

    w[p,d] is the sum of the day's variables (at most 1 under H2, an indicator without
    it), which the LP relaxation sees far better than one row per variable. A weekend is
    a Saturday and the Sunday after it.
    Source: Curtois & Qu benchmark / shelter policy.
    """
    if limits.max_weekends is None:
        return
    weekends: dict[date, list[date]] = {}
    for day in ctx.timeline.days:
        if day.weekday() >= 5:
            weekends.setdefault(day - timedelta(days=day.weekday() - 5), []).append(day)
    if len(weekends) <= limits.max_weekends:
        return  # never binding
    chosen: Terms = []
    forced = 0
    for saturday, members in sorted(weekends.items()):
        worked = {day: ctx.worked(staff_id, day) for day in members if ctx.worked(staff_id, day)}
        if not worked:
            continue
        y = ctx.lp.add_variable(ctx.name("weekend", staff_id, saturday), 0, 1)
        forced += any((var.lowBound or 0) > 0.5 for day in worked for var in worked[day])
        for day, variables in worked.items():
            expression = pulp.LpAffineExpression([(y, 1.0)] + [(var, -1.0) for var in variables])
            name = ctx.name("weekend_on", staff_id, day)
            ctx.add_constraint(expression >= 0, name, "H10", staff_id, day)
        chosen.append((y, 1.0))
    if forced > limits.max_weekends:
        ctx.report("H10", staff_id, sorted(weekends), "locks")
    if len(chosen) > max(limits.max_weekends, forced):
        expression = pulp.LpAffineExpression(chosen)
        name = ctx.name("max_weekends", staff_id)
        ctx.add_constraint(
            expression <= max(limits.max_weekends, forced), name, "H10", staff_id, None
        )


def add_mixed(
    ctx: ModelContext, terms: Terms, rhs: float, name: str, staff_id: str, days: list[date]
) -> None:
    """Add ``sum(coef * var) <= rhs`` (coefficients of both signs), relaxed when bounds forbid it.

    When the variables' bounds (locks, or absences removing variables) make even the
    smallest left-hand side exceed ``rhs``, the limit is relaxed to that value and reported.
    """
    lowest = sum(
        coef * (var.lowBound or 0.0)
        if coef > 0
        else coef * (1.0 if var.upBound is None else var.upBound)
        for var, coef in terms
    )
    highest = sum(
        coef * (1.0 if var.upBound is None else var.upBound)
        if coef > 0
        else coef * (var.lowBound or 0.0)
        for var, coef in terms
    )
    if lowest > rhs + 1e-9:
        ctx.report("H10", staff_id, days, "locks")
        rhs = lowest
    if highest <= rhs + 1e-9:
        return  # never binding
    ctx.add_constraint(
        pulp.LpAffineExpression(terms) <= rhs, name, "H10", staff_id, days[0] if days else None
    )


def add_successions(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H11 forbidden successions: shift b may not follow shift a on the next day.

    For each forbidden (a, b): x[p,d,a] + x[p,d+1,b] <= 1 (summed over roles). With H2 on,
    the pairs of one a merge: x[p,d,a] + sum_{b after a} x[p,d+1,b] <= 1. History shift a
    on the day before the first day forces x[p,first,b] = 0.
    Source: Curtois & Qu benchmark / shelter policy.
    """
    banned: dict[str, list[str]] = {}
    for first, then in rules.forbidden_successions:
        banned.setdefault(first, []).append(then)
    if not banned:
        return
    days = ctx.timeline.days
    merge = rules.one_shift_per_day.enabled
    for person in ctx.staff:
        add_history_successions(ctx, person.id, banned)
        for day, after in zip(days, days[1:], strict=False):
            for first, thens in sorted(banned.items()):
                a_terms = [(v, 1.0) for v in ctx.shift_vars.get((person.id, day, first), [])]
                groups = [thens] if merge else [[then] for then in thens]
                for group in groups:
                    b_terms = [
                        (v, 1.0)
                        for b in group
                        for v in ctx.shift_vars.get((person.id, after, b), [])
                    ]
                    if a_terms and b_terms:
                        name = ctx.name("succession", person.id, day, first, *group)
                        ctx.add_limit(a_terms + b_terms, 1, name, "H11", person.id, [day, after])


def add_history_successions(ctx: ModelContext, staff_id: str, banned: dict[str, list[str]]) -> None:
    """A history shift a on the day before the first day: no banned b on the first day."""
    first_day = ctx.timeline.first_day
    before = {
        slot.code for slot in ctx.history.get(staff_id, []) if slot.day == first_day - ONE_DAY
    }
    for code in sorted(before & set(banned)):
        terms = [
            (v, 1.0) for b in banned[code] for v in ctx.shift_vars.get((staff_id, first_day, b), [])
        ]
        name = ctx.name("succession_history", staff_id, first_day, code)
        ctx.add_limit(terms, 0, name, "H11", staff_id, [first_day])
