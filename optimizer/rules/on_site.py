"""S1's floor: never nobody on site. The shifts left with nobody at all in the house."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pulp

from models.on_site import floor_shifts, nobody_on_site, overlapping_shifts, present_spans
from models.problem import PlanningProblem
from models.rules import RuleSet
from optimizer.model import ModelContext


def add_someone_on_site(ctx: ModelContext, problem: PlanningProblem, rules: RuleSet) -> None:
    """Nobody on site: a shift with a minimum demand and no one at all in the house.

    For each (d, s) of ``models.on_site.floor_shifts`` that the history window does not
    already staff: empty[d,s] binary and
    empty[d,s] + sum x[p,d',s',r] >= 1 over every column of any person and role whose
    shift (d', s') overlaps s on d (``models.on_site.overlapping_shifts``);
    units = sum size(s) * empty[d,s], size = hours(s) (or 1 with coverage_unit "shifts").
    Phase 1 minimises the units right after the essential tier, proves and keeps them,
    then minimises the normal tier (optimizer/solve.py); they carry no price, so the one
    weighted phase does not rank them. Off with ``rules.someone_on_site`` False.
    Source: good practice: UN Women's guidance (trained staff present at all hours);
    18 NYCRR 453.5 (awake staff at night); DOMAIN.md (the floor: never nobody on site).
    """
    if not rules.someone_on_site:
        return
    columns: dict[tuple[date, str], list[pulp.LpVariable]] = defaultdict(list)
    for (_, day, shift, _), var in ctx.x.items():
        columns[(day, shift)].append(var)
    history = present_spans(problem, [])
    for day, code in floor_shifts(problem):
        if not nobody_on_site(problem, history, day, code):
            continue  # the month before already has someone on site then
        present = [
            var for other in overlapping_shifts(problem, day, code) for var in columns[other]
        ]
        empty = ctx.lp.add_variable(ctx.name("empty", day, code), 0, 1, pulp.LpBinary)
        name = ctx.name("on_site", day, code)
        ctx.add_constraint(empty + pulp.lpSum(present) >= 1, name, "S1", None, day)
        ctx.empty[(day, code)] = (empty, rules.coverage_size(problem.shifts[code].minutes))
