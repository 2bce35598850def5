"""The plain PuLP + HiGHS model of a Curtois & Qu instance: the benchmark's side-by-side baseline.

Straight from benchmarks/curtois/README.md (rules 1-9, the objective), one
binary per (employee, day, shift) she may work, one HiGHS solve, no search. It is what
the product's engine must beat at the same time limit (``roster bench curtois --baseline``).
"""

from __future__ import annotations

from dataclasses import dataclass
from time import perf_counter

import pulp

from models.curtois.instance import CurtoisInstance, CurtoisStaff
from optimizer.highs import WarmHiGHS

Rows = list[tuple[str, int, str]]


@dataclass
class PlainResult:
    """The rows (staff, day, shift) the plain model chose, its status and seconds."""

    rows: Rows
    status: str  # optimal, feasible or none
    seconds: float


def plain_model(instance: CurtoisInstance) -> tuple[pulp.LpProblem, dict]:
    """The MILP and its assignment variables {(staff, day, shift): var}."""
    lp, horizon = pulp.LpProblem("curtois_plain", pulp.LpMinimize), instance.horizon
    x = {
        (p.id, d, s): lp.add_variable(f"x_{p.id}_{d}_{s}", cat=pulp.LpBinary)
        for p in instance.staff
        for d in range(horizon)
        if d not in instance.days_off.get(p.id, ())  # rule 9
        for s in instance.shifts
        if p.max_shifts.get(s, 0) > 0
    }
    objective = [_request_terms(instance, x), _cover_terms(lp, instance, x)]
    lp += pulp.lpSum(objective)
    for person in instance.staff:
        _person_rules(lp, instance, person, x)
    return lp, x


def _request_terms(instance: CurtoisInstance, x: dict) -> pulp.LpAffineExpression:
    on = [r.weight * (1 - x.get((r.staff, r.day, r.shift), 0)) for r in instance.on_requests]
    off = [
        r.weight * x[(r.staff, r.day, r.shift)]
        for r in instance.off_requests
        if (r.staff, r.day, r.shift) in x
    ]
    return pulp.lpSum(on + off)


def _cover_terms(lp: pulp.LpProblem, instance: CurtoisInstance, x: dict) -> pulp.LpAffineExpression:
    terms = []
    for c in instance.cover:
        under = lp.add_variable(f"u_{c.day}_{c.shift}", 0)
        over = lp.add_variable(f"o_{c.day}_{c.shift}", 0)
        staffed = pulp.lpSum(x.get((p.id, c.day, c.shift), 0) for p in instance.staff)
        lp += staffed - over + under == c.requirement
        terms += [c.weight_under * under, c.weight_over * over]
    return pulp.lpSum(terms)


def _person_rules(lp: pulp.LpProblem, instance: CurtoisInstance, p: CurtoisStaff, x: dict) -> None:
    """Rules 1-8 for one employee (rule 9: no variable on a day off)."""
    horizon, shifts = instance.horizon, instance.shifts
    works = [pulp.lpSum(x.get((p.id, d, s), 0) for s in shifts) for d in range(horizon)]
    for d in range(horizon):
        lp += works[d] <= 1  # rule 1
        for s, shift in shifts.items():  # rule 2, one shift a day: at most one banned follows
            banned = [x[(p.id, d + 1, t)] for t in shift.cannot_follow if (p.id, d + 1, t) in x]
            if (p.id, d, s) in x and banned:
                lp += x[(p.id, d, s)] + pulp.lpSum(banned) <= 1
    for s in shifts:  # rule 3
        lp += pulp.lpSum(x.get((p.id, d, s), 0) for d in range(horizon)) <= p.max_shifts.get(s, 0)
    minutes = pulp.lpSum(shifts[s].minutes * var for (e, _, s), var in x.items() if e == p.id)
    lp += minutes <= p.max_total_minutes  # rule 4
    lp += minutes >= p.min_total_minutes
    for d in range(horizon - p.max_consecutive):  # rule 5
        lp += pulp.lpSum(works[d : d + p.max_consecutive + 1]) <= p.max_consecutive
    for d in range(1, horizon):  # rules 6 and 7, runs touching day 0 or H-1 exempt
        for j in range(1, p.min_consecutive):
            if d + j < horizon:
                lp += works[d] - works[d - 1] <= works[d + j]
        for j in range(1, p.min_consecutive_days_off):
            if d + j < horizon:
                lp += works[d - 1] - works[d] <= 1 - works[d + j]
    weekends = []
    for k in range(horizon // 7):  # rule 8
        weekend = lp.add_variable(f"w_{p.id}_{k}", cat=pulp.LpBinary)
        lp += weekend >= works[7 * k + 5]
        lp += weekend >= works[7 * k + 6]
        weekends.append(weekend)
    lp += pulp.lpSum(weekends) <= p.max_weekends


def solve_plain(instance: CurtoisInstance, time_limit: float, threads: int = 2) -> PlainResult:
    """Solve the plain model with HiGHS within ``time_limit`` seconds."""
    started = perf_counter()
    lp, x = plain_model(instance)
    solver = WarmHiGHS(msg=False, timeLimit=time_limit, threads=threads, gapRel=0.0, gapAbs=0.999)
    lp.solve(solver)
    seconds = perf_counter() - started
    if lp.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        return PlainResult([], "none", seconds)
    rows = sorted(cell for cell, var in x.items() if (var.varValue or 0) > 0.5)
    status = "optimal" if lp.sol_status == pulp.LpSolutionOptimal else "feasible"
    return PlainResult(rows, status, seconds)
