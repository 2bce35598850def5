"""S6's humane patterns: rest after nights, weekends off, forward rotation, own role first.

Good practice, not Peruvian law: UK HSE, "Managing shiftwork" (HSG256), on night blocks,
recovery and rotation (DOMAIN.md, Patterns). Each part is a weight of the RuleSet (0
switches it off); the validator's twin is models/validator/soft_humane.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import pulp

from models.problem import PlanningProblem
from models.rules import RuleSet
from models.standby import assistant_role
from models.validator.soft_humane import is_morning, weekend_windows
from optimizer.model import Hotspot, ModelContext, Terms
from optimizer.rules.soft_people import Line, add_patterns, add_positive_part, lines

ONE_DAY = timedelta(days=1)


def add_all_patterns(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S6 patterns: isolated days and split weekends (``add_patterns``), then the humane ones.

    Source: good rostering practice; UK HSE, Managing shiftwork (HSG256).
    """
    add_patterns(ctx, problem, rules)
    add_humane_patterns(ctx, problem, rules)


def add_humane_patterns(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S6 humane patterns, added to S6's units (priced by patterns.weight).

    units += night_recovery_weight * sum short + weekend_off_weight * sum missed
    + backward_rotation_weight * sum backward + cross_cover_weight * cross-cover hours
    (each defined in the function that adds it). Source: UK HSE HSG256; good practice.
    """
    units: Terms = []
    parts = (
        (rules.night_recovery_weight, add_night_recovery),
        (rules.weekend_off_weight, add_weekends_off),
        (rules.backward_rotation_weight, add_forward_rotation),
    )
    for person in ctx.staff:
        for weight, add in parts:
            if weight:
                units += [(var, weight) for var in add(ctx, person.id)]
    if rules.cross_cover_weight:
        units += cross_cover_terms(ctx, problem, rules.cross_cover_weight)
    ctx.add_soft("S6", pulp.LpAffineExpression(units), rules.patterns.weight)


def kind_line(
    ctx: ModelContext, staff_id: str, day: date, night: bool, morning: bool = False
) -> Line:
    """1 when a night (``night``), a day shift, or a morning (``morning``) starts on ``day``."""
    shifts = ctx.timeline.shifts
    codes = [
        s.code
        for s in shifts
        if ctx.timeline.is_night(s.code) == night and (not morning or is_morning(s))
    ]
    if not ctx.timeline.in_month(day):
        slots = ctx.history.get(staff_id, [])
        return [], 1.0 if any(slot.day == day and slot.code in codes for slot in slots) else 0.0
    variables = [var for code in codes for var in ctx.shift_vars.get((staff_id, day, code), [])]
    tag = "night" if night else ("morning" if morning else "dayshift")
    return [(var, 1.0) for var in ctx.indicator(variables, tag, staff_id, day)], 0.0


def add_night_recovery(ctx: ModelContext, staff_id: str) -> list[pulp.LpVariable]:
    """A night block followed too soon by a day shift.

    A block ends on d when a night starts on d and none on d+1; with R =
    night_recovery_days, the days d+1 (the night ends on it) to d+R+1 hold no day
    shift: short[d] >= night(d) - night(d+1) + day(d+k) - 1 for k = 1..R+1 with d+k in
    the month (history days are constants). Source: UK HSE HSG256 (two nights' sleep
    after a night block).
    """
    recovery = ctx.rules.night_recovery_days + 1
    found = []
    day = ctx.timeline.first_day - timedelta(days=recovery)
    while day < ctx.timeline.last_day:
        ends = lines((1, kind_line(ctx, staff_id, day, True)),
                     (-1, kind_line(ctx, staff_id, day + ONE_DAY, True)))  # fmt: skip
        parts = [
            lines((1, ends), (1, kind_line(ctx, staff_id, later, False)), offset=-1.0)
            for later in (day + timedelta(days=k) for k in range(1, recovery + 1))
            if ctx.timeline.in_month(later)
        ]
        var = add_positive_part(ctx, ctx.name("recovery", staff_id, day), parts)
        if var is not None:
            found.append(var)
            ctx.hotspots.append(Hotspot(var, max(day, ctx.timeline.first_day), staff_id=staff_id))
        day += ONE_DAY
    return found


def add_weekends_off(ctx: ModelContext, staff_id: str) -> list[pulp.LpVariable]:
    """Too few full weekends (Saturday and Sunday) off.

    off[w] <= 1 - worked(sat), off[w] <= 1 - worked(sun) for each weekend w of the month
    (off in [0, 1]); for every run of weekend_off_every weekends in a row:
    missed >= 1 - sum_{w in run} off[w]; with weekend_off_per_month = M > 0:
    missed >= M - sum_w off[w]. Source: UK HSE HSG256 (regular weekends off).
    """
    offs: dict[date, Line] = {}
    for saturday in month_weekends(ctx):
        days = (saturday, saturday + ONE_DAY)
        worked = [[(v, 1.0) for v in ctx.worked(staff_id, d)] for d in days]
        if not any(worked):
            offs[saturday] = ([], 1.0)
            continue
        off = ctx.lp.add_variable(ctx.name("wkoff", staff_id, saturday), 0, 1)
        for day, terms in zip(days, worked, strict=True):
            row = pulp.LpAffineExpression([(off, 1.0), *terms]) <= 1
            ctx.add_constraint(row, ctx.name("wkoff", staff_id, day), "S6", staff_id, day)
        offs[saturday] = ([(off, 1.0)], 0.0)
    found = []
    for index, (run, wanted) in enumerate(weekend_windows(sorted(offs), ctx.rules)):
        missed = lines(*[(-1, offs[saturday]) for saturday in run], offset=float(wanted))
        var = add_positive_part(ctx, ctx.name("wkmiss", staff_id, index), [missed])
        if var is not None:
            found.append(var)
            ctx.hotspots.append(Hotspot(var, run[0], staff_id=staff_id))
    return found


def month_weekends(ctx: ModelContext) -> list[date]:
    """Saturdays whose Sunday is in the month too."""
    return [
        day
        for day in ctx.timeline.days
        if day.weekday() == 5 and ctx.timeline.in_month(day + ONE_DAY)
    ]


def add_forward_rotation(ctx: ModelContext, staff_id: str) -> list[pulp.LpVariable]:
    """A morning after a night in the same calendar week (backward rotation).

    backward[e] >= morning(e) + night(d) - 1 for every day e of the month and every
    earlier day d of e's week (Monday to Sunday; history days are constants); a morning
    is a day shift starting before noon. Source: UK HSE HSG256 (forward rotation:
    morning, afternoon, night).
    """
    found = []
    for day in ctx.timeline.days:
        morning = kind_line(ctx, staff_id, day, False, morning=True)
        if not morning[0]:
            continue
        parts = [
            lines((1, morning), (1, kind_line(ctx, staff_id, earlier, True)), offset=-1.0)
            for earlier in (day - timedelta(days=k) for k in range(1, day.weekday() + 1))
            if earlier >= ctx.timeline.known_from
        ]
        var = add_positive_part(ctx, ctx.name("backward", staff_id, day), parts)
        if var is not None:
            found.append(var)
            ctx.hotspots.append(Hotspot(var, day, staff_id=staff_id))
    return found


def cross_cover_terms(ctx: ModelContext, problem: PlanningProblem, weight: float) -> Terms:
    """Cross-cover: hours on a role other than the person's own primary role.

    units = sum hours(s) x[p,d,s,r] over r != primary_role(p); so an educator on a
    caregiver shift costs weight per hour and happens only where it fills a need
    worth more. Source: DOMAIN.md (people work their own role first); good practice.
    The operational assistant (``assistant_role``) is exempt: covering the shifts of the
    roles she backs up is her post (DOMAIN.md, "para cubrir los turnos en casos de
    imprevistos").
    """
    primary = {person.id: person.primary_role for person in ctx.staff}
    backs_up = assistant_role(problem)
    return [
        (var, weight * problem.shifts[shift].hours)
        for (staff_id, _, shift, role), var in ctx.x.items()
        if role != primary.get(staff_id, role) and primary.get(staff_id) != backs_up
    ]
