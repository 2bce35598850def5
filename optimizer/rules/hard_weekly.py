"""Hard rules over weeks and runs of days: H4 weekly rest, H5 weekly hours, H7 consecutive days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pulp

from models.people import StaffMember
from models.problem import PlanningProblem
from models.rules import RuleSet
from models.shifts import ShiftType
from optimizer.model import ModelContext, Terms
from optimizer.rules.hard import KnownSlot, known_slots
from optimizer.timeline import DAY, clipped


def add_weekly_rest(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H4 weekly rest: every calendar week holds weekly_rest_hours in a row free of work.

    For each week (Monday 00:00 to Monday 00:00) inside [history start, month end] and
    each person, candidate free windows [t, t + R) start at the week start or at a
    shift's end: sum_c z[c] >= 1 and z[c] + work[a] <= 1 for every shift a overlapping
    window c (z continuous: integral x makes it exact). Weeks running past the month
    end are left to the next month. Source: D.Leg. 713 arts. 1-2.
    """
    rest = rules.weekly_rest_hours * 60
    if rest <= 0:
        return
    for week in ctx.timeline.rest_weeks():
        monday = ctx.timeline.day_at(week * 7)
        for person in ctx.staff:
            options = rest_options(ctx, person.id, ctx.timeline.week_window(week), rest)
            if options is None:
                month_days = [d for d in ctx.timeline.week_days(week) if ctx.timeline.in_month(d)]
                ctx.report("H4", person.id, month_days, "history")
            elif options:
                add_rest_choice(ctx, person.id, monday, options)


def rest_options(
    ctx: ModelContext, staff_id: str, window: tuple[int, int], rest: float
) -> list[list[KnownSlot]] | None:
    """The shifts each candidate free window must avoid ([]: one is certain; None: none can be)."""
    begin, end = window
    first = ctx.timeline.day_at(begin // DAY - 1)
    items = [
        item
        for offset in range(8)
        for item in known_slots(ctx, staff_id, first + timedelta(days=offset))
        if item[0].end > begin and item[0].start < end
    ]
    starts = sorted({begin} | {item[0].end for item in items if item[0].end > begin})
    options: list[list[KnownSlot]] = []
    for start in (t for t in starts if t + rest <= end):
        overlapping = [
            item for item in items if item[0].start < start + rest and item[0].end > start
        ]
        if any(item[2] or any(var.lowBound for var, _ in item[1]) for item in overlapping):
            continue  # a history shift or a lock sits in this window
        live = [item for item in overlapping if item[1]]
        if not live:
            return []
        options.append(live)
    if not options:
        return None
    keys = [frozenset(var.name for item in option for var, _ in item[1]) for option in options]
    kept = {
        key: option
        for key, option in zip(keys, options, strict=True)
        if not any(k < key for k in keys)
    }
    return list(kept.values())


def add_rest_choice(
    ctx: ModelContext, staff_id: str, monday: date, options: list[list[KnownSlot]]
) -> None:
    """At least one candidate window is chosen; a chosen window excludes its shifts."""
    if len(options) == 1:
        terms = [term for item in options[0] for term in item[1]]
        ctx.add_limit(terms, 0, ctx.name("weekly_rest", staff_id, monday), "H4", staff_id, [monday])
        return
    chosen = []
    for index, option in enumerate(options):
        z = ctx.lp.add_variable(ctx.name("rest", staff_id, monday, index), 0, 1)
        chosen.append(z)
        by_day: dict[date, Terms] = {}
        for slot, terms, _ in option:
            by_day.setdefault(slot.day, []).extend(terms)
        for day, terms in by_day.items():
            groups = [terms] if ctx.rules.one_shift_per_day.enabled else [[t] for t in terms]
            for number, group in enumerate(groups):
                name = ctx.name("rest_free", staff_id, monday, index, day, number)
                constraint = pulp.LpAffineExpression([(z, 1.0), *group]) <= 1
                ctx.add_constraint(constraint, name, "H4", staff_id, day)
    name = ctx.name("weekly_rest", staff_id, monday)
    ctx.add_constraint(pulp.lpSum(chosen) >= 1, name, "H4", staff_id, monday)


def allows_guard(
    ctx: ModelContext, person: StaffMember, day: date, shift: ShiftType, role: str
) -> bool:
    """H5 guards: a 24-hour guard shift only where the shelter opts in (allow_24h_guards).

    Domain: x[p,d,s,r] exists for a guard s only if allow_24h_guards. Source: DOMAIN.md.
    """
    return not shift.is_guard or ctx.rules.allow_24h_guards


def add_max_weekly_hours(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H5 working time: at most weekly_hours_cap hours a week, averaged over averaging_weeks.

    For every run W of averaging_weeks calendar weeks touching the month:
    sum_{p's shifts a} minutes(a clipped to W)/60 * work[a] <= cap * averaging_weeks
    minus the history hours in W, each shift's minutes times worked / length (an unpaid
    meal break is presence, not work, spread evenly over the shift). A shift on a day
    of her breastfeeding period counts as ending breastfeeding_minutes earlier (Ley
    27240: a shorter working day).
    Source: Constitution art. 25; D.S. 007-2002-TR art. 1.
    """
    span, timeline = rules.averaging_weeks, ctx.timeline
    cap = rules.weekly_hours_cap * span
    short = {person.id: problem.shortened_days(person.id) for person in ctx.staff}
    for week in timeline.averaging_windows():
        window = timeline.week_window(week, span)
        monday = timeline.day_at(week * 7)
        days = [monday + timedelta(days=offset) for offset in range(-1, 7 * span)]
        for person in ctx.staff:
            terms: Terms = []
            constant = peak = 0.0
            for day in days:
                day_peak = 0.0
                cut = rules.breastfeeding_minutes if day in short[person.id] else 0
                for slot, slot_terms, worked in known_slots(ctx, person.id, day):
                    share = slot.shift.worked_share  # an unpaid meal break is not work
                    hours = clipped(slot.start, slot.end - cut, window) / 60 * share
                    constant += hours * worked
                    terms += [(var, hours) for var, _ in slot_terms if hours]
                    day_peak = max(day_peak, hours if slot_terms else 0.0)
                peak += day_peak
            if rules.one_shift_per_day.enabled and peak <= cap - constant + 1e-9:
                continue  # one shift a day can never reach the cap
            month_days = [day for day in days if timeline.in_month(day)]
            name = ctx.name("weekly_hours", person.id, monday)
            ctx.add_limit(terms, cap - constant, name, "H5", person.id, month_days)


def add_max_consecutive(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """H7 consecutive days and nights: no run longer than max_consecutive_days (nights: _nights).

    For every window of K+1 consecutive days touching the month:
    sum_d worked[p,d] <= K minus the history days worked in it; the same for nights
    with night[p,d] (a shift with night_shift_threshold_minutes in 22:00-06:00).
    Source: programme policy; D.Leg. 713 (weekly rest).
    """
    for person in ctx.staff:
        history = ctx.history.get(person.id, [])
        worked = {slot.day for slot in history}
        nights = {slot.day for slot in history if ctx.timeline.is_night(slot.code)}

        def night_terms(day: date, staff_id: str = person.id) -> list[pulp.LpVariable]:
            night = [
                v
                for code in ctx.timeline.night_codes
                for v in ctx.shift_vars.get((staff_id, day, code), [])
            ]
            return ctx.indicator(night, "night", staff_id, day)

        def day_terms(day: date, staff_id: str = person.id) -> list[pulp.LpVariable]:
            return ctx.worked(staff_id, day)

        add_run_limit(ctx, person.id, rules.max_consecutive_days, "max_days", day_terms, worked)
        add_run_limit(
            ctx, person.id, rules.max_consecutive_nights, "max_nights", night_terms, nights
        )


def add_run_limit(
    ctx: ModelContext,
    staff_id: str,
    limit: int,
    prefix: str,
    day_terms: Callable[[date], list[pulp.LpVariable]],
    history_days: set[date],
) -> None:
    """sum over every window of limit+1 days touching the month <= limit (history constant)."""
    timeline = ctx.timeline
    start = timeline.first_day - timedelta(days=limit)
    while start + timedelta(days=limit) <= timeline.last_day:
        days = [start + timedelta(days=offset) for offset in range(limit + 1)]
        in_month = [day for day in days if timeline.in_month(day)]
        per_day = {day: day_terms(day) for day in in_month}
        constant = sum(1 for day in days if day in history_days)
        if sum(1 for terms in per_day.values() if terms) > limit - constant:
            terms = [(var, 1.0) for day in in_month for var in per_day[day]]
            name = ctx.name(prefix, staff_id, start)
            ctx.add_limit(terms, limit - constant, name, "H7", staff_id, days)
        start += timedelta(days=1)
