"""Soft rules on people: S4 fairness, S5 requests, S6 patterns, S7 stability."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pulp

from models.problem import FairnessTally, PlanningProblem
from models.rules import RuleSet
from optimizer.model import Hotspot, ModelContext, Terms

Category = tuple[str, Callable[[FairnessTally], int], Callable[[str], Terms]]
Line = tuple[Terms, float]  # sum(coef * var) + constant


def add_fairness(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S4 fairness: nights, weekend days and feriados spread evenly within each role.

    People are grouped by primary role (groups of two or more). For each group g and
    enabled category c, count[p] = tally[p] (earlier months) + this month's count;
    high[g,c] >= count[p] >= low[g,c]; units = sum (high - low);
    penalty = fairness.weight * units. Source: D.Leg. 713 arts. 6-9; equity.
    """
    groups: dict[str, list[str]] = {}
    for person in ctx.staff:
        groups.setdefault(person.primary_role, []).append(person.id)
    units: Terms = []
    for role, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        for category, tally_of, count_terms in fairness_categories(ctx, problem, rules):
            high = ctx.lp.add_variable(
                ctx.name("fair_high", role, category), 0, None, pulp.LpInteger
            )
            low = ctx.lp.add_variable(ctx.name("fair_low", role, category), 0, None, pulp.LpInteger)
            for staff_id in members:
                tally = tally_of(problem.tallies.get(staff_id, FairnessTally()))
                count = pulp.LpAffineExpression(count_terms(staff_id), constant=tally)
                name = ctx.name("fair", role, category, staff_id)
                ctx.add_constraint(high - count >= 0, name + "__high", "S4", staff_id, None)
                ctx.add_constraint(low - count <= 0, name + "__low", "S4", staff_id, None)
            units += [(high, 1.0), (low, -1.0)]
    ctx.add_soft("S4", pulp.LpAffineExpression(units), rules.fairness.weight)


def fairness_categories(
    ctx: ModelContext, problem: PlanningProblem, rules: RuleSet
) -> list[Category]:
    """The enabled S4 categories: (name, tally field, this month's count terms per person)."""
    days = ctx.timeline.days
    weekend = [day for day in days if day.weekday() >= 5]
    feriados = [day for day in days if day in problem.holidays]

    def nights(staff_id: str) -> Terms:
        codes = sorted(ctx.timeline.night_codes)
        return [
            (var, 1.0)
            for day in days
            for code in codes
            for var in ctx.shift_vars.get((staff_id, day, code), [])
        ]

    def on_days(chosen: list[date]) -> Callable[[str], Terms]:
        return lambda staff_id: [(var, 1.0) for day in chosen for var in ctx.worked(staff_id, day)]

    categories: list[Category] = []
    if rules.fairness_nights:
        categories.append(("nights", lambda tally: tally.nights, nights))
    if rules.fairness_weekends:
        categories.append(("weekends", lambda tally: tally.weekend_days, on_days(weekend)))
    if rules.fairness_holidays:
        categories.append(("holidays", lambda tally: tally.holidays, on_days(feriados)))
    return categories


def add_requests(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S5 requests: a wish to work (on) or not (off) a day or one shift of it.

    violated = 1 - work (on) or work (off), where work is the day or the shift worked;
    units = sum request.weight * violated; penalty = requests.weight * units.
    Source: DESIGN.md §3 S5.
    """
    units: Terms = []
    constant = 0.0
    for index, request in enumerate(problem.requests):
        if not ctx.timeline.in_month(request.day):
            continue
        if request.staff_id not in ctx.tags:
            variables = []  # not on the active staff: she works nothing
        elif request.shift is None:
            variables = ctx.worked(request.staff_id, request.day)
        else:
            cell = (request.staff_id, request.day, request.shift)
            variables = ctx.indicator(ctx.shift_vars.get(cell, []), "request", index)
        sign = -1.0 if request.on else 1.0
        constant += request.weight if request.on else 0.0
        units += [(var, sign * request.weight) for var in variables]
    ctx.add_soft("S5", pulp.LpAffineExpression(units, constant=constant), rules.requests.weight)


def add_patterns(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S6 patterns: isolated days off, isolated working days and split weekends.

    With w[d] = 1 if a shift starts on d (the day before the month read from history; an
    unknown day before, i.e. continuity off, leaves the 1st unjudged):
    off[d] >= w[d-1] - w[d] + w[d+1] - 1; alone[d] >= w[d] - w[d-1] - w[d+1];
    split[sat] >= |w[sat] - w[sun]|; a day whose d+1 is past the month is not judged.
    units = isolated_day_off_weight * sum off + isolated_work_day_weight * sum alone
    + split_weekend_weight * sum split; penalty = patterns.weight * units. The humane
    patterns join S6 too (optimizer/rules/soft_humane.py).
    Source: good rostering practice.
    """
    units: Terms = []
    for person in ctx.staff:
        for day in ctx.timeline.days[:-1]:
            before, today, after = (
                worked_line(ctx, person.id, day + timedelta(days=k)) for k in (-1, 0, 1)
            )
            off_day = lines((1, before), (-1, today), (1, after), offset=-1.0)
            alone = lines((-1, before), (1, today), (-1, after))
            checks: list[tuple[str, float, list[Line]]] = []
            if day - timedelta(days=1) >= ctx.timeline.known_from:  # else not judged
                checks.append(("iso_off", rules.isolated_day_off_weight, [off_day]))
                checks.append(("iso_work", rules.isolated_work_day_weight, [alone]))
            if day.weekday() == 5:
                split = [lines((1, today), (-1, after)), lines((-1, today), (1, after))]
                checks.append(("split", rules.split_weekend_weight, split))
            for prefix, weight, parts in checks:
                var = add_positive_part(ctx, ctx.name(prefix, person.id, day), parts)
                if var is not None and weight:
                    units.append((var, weight))
                if var is not None:
                    ctx.patterns[(prefix, person.id, day)] = var
                    ctx.hotspots.append(Hotspot(var, day, staff_id=person.id))
    ctx.add_soft("S6", pulp.LpAffineExpression(units), rules.patterns.weight)


def worked_line(ctx: ModelContext, staff_id: str, day: date) -> Line:
    """1 when the person works ``day``: variables in the month, a constant from history before."""
    if ctx.timeline.in_month(day):
        return [(var, 1.0) for var in ctx.worked(staff_id, day)], 0.0
    return [], 1.0 if ctx.history_worked(staff_id, day) else 0.0


def lines(*parts: tuple[int, Line], offset: float = 0.0) -> Line:
    """The linear combination sum(coef * line) + offset."""
    terms = [(var, coef * c) for coef, (line_terms, _) in parts for var, c in line_terms]
    return terms, offset + sum(coef * constant for coef, (_, constant) in parts)


def add_positive_part(
    ctx: ModelContext, name: str, parts: list[Line], rule: str = "S6"
) -> pulp.LpVariable | None:
    """v >= each of ``parts`` and v >= 0; None when no part can ever be positive."""
    live = [part for part in parts if part[1] + sum(c for _, c in part[0] if c > 0) > 1e-9]
    if not live:
        return None
    var = ctx.lp.add_variable(name, 0)
    for index, (terms, constant) in enumerate(live):
        expression = pulp.LpAffineExpression([(var, 1.0)] + [(v, -c) for v, c in terms])
        ctx.add_constraint(expression >= constant, f"{name}__{index}", rule, None, None)
    return var


def add_stability(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """S7 stability: person-days whose (shift, role) differ from the published roster.

    Only when re-planning (problem.reference not empty). For a cell with reference
    (s, r): changed = 1 - x[p,d,s,r]; with no reference: changed = sum x[p,d,.,.]
    (exact with H2; an auxiliary max otherwise). units = sum changed;
    penalty = stability.weight * units. Source: DESIGN.md §3 S7.
    """
    if not problem.reference:
        return
    wanted: dict[tuple[str, date], set[tuple[str, str]]] = {}
    for item in problem.reference:
        if ctx.timeline.in_month(item.day):
            wanted.setdefault((item.staff_id, item.day), set()).add((item.shift, item.role))
    units: Terms = []
    constant = float(sum(1 for staff_id, _ in wanted if staff_id not in ctx.tags))
    for person in ctx.staff:
        for day in ctx.timeline.days:
            line = changed_line(ctx, person.id, day, wanted.get((person.id, day), set()))
            units += line[0]
            constant += line[1]
    ctx.add_soft("S7", pulp.LpAffineExpression(units, constant=constant), rules.stability.weight)


def changed_line(ctx: ModelContext, staff_id: str, day: date, wanted: set[tuple[str, str]]) -> Line:
    """1 when the person's cell of ``day`` differs from the reference set ``wanted``."""
    keep = [ctx.x.get((staff_id, day, shift, role)) for shift, role in sorted(wanted)]
    kept = {var.name for var in keep if var is not None}
    others = [var for var in ctx.day_vars.get((staff_id, day), []) if var.name not in kept]
    if ctx.rules.one_shift_per_day.enabled and len(wanted) <= 1:
        if not keep:
            return [(var, 1.0) for var in others], 0.0
        return ([(keep[0], -1.0)] if keep[0] is not None else []), 1.0
    parts: list[Line] = [([(var, 1.0)], 0.0) for var in others]
    parts += [([(var, -1.0)] if var is not None else [], 1.0) for var in keep]
    var = add_positive_part(ctx, ctx.name("changed", staff_id, day), parts, "S7")
    return ([(var, 1.0)] if var is not None else []), 0.0
