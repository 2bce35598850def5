"""A constructive start: each person's month on its own, one small MILP per person, in turn.

The hard rules H2 (one shift a day), H6 (absences: no variable), H10 (work limits) and
H11 (forbidden successions) bind one person at a time, so a roster that gives every
person a schedule feasible on her own is feasible as a whole. People are planned one
after another; each one's MILP minimises her weighted requests (S5) and the cells she
works where demand is already met (S2), and rewards the cells still short (S1). The
cells she may work are the model's assignment variables (``ctx.x``), so every other
domain rule that removes a cell is respected too. The result is a warm start for the
full model (optimizer/lns.py), which judges it against every other rule.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from time import perf_counter

import pulp

from models.limits import WorkLimits
from optimizer.highs import WarmHiGHS
from optimizer.model import ModelContext

ONE_DAY = timedelta(days=1)
Cell = tuple[str, date, str, str]  # (person, day, shift, role): a key of ctx.x
PERSON_SECONDS, MIN_PERSON_SECONDS = 5.0, 1.0  # time limits of one person's MILP
REPAIR_SECONDS = 20.0  # for a person the first pass left without a schedule


def construct(ctx: ModelContext, seconds: float) -> set[Cell]:
    """Cells of ``ctx.x`` to set to 1: each person's own feasible schedule, built in turn.

    Every person is planned (a partial roster would break minimum hours), each within
    her share of ``seconds`` but at least ``MIN_PERSON_SECONDS``; a person whose
    schedule is not found in time, or cannot exist, gets no shift. Time left after the
    first pass goes to sweeps: each person's schedule re-optimised given everyone else's.
    """
    return Construction(ctx).run(perf_counter() + seconds)


class Construction:
    """People's schedules, the coverage they give, and each person's small MILP."""

    def __init__(self, ctx: ModelContext) -> None:
        self.ctx = ctx
        self.desired = Counter(
            {(need.day, need.shift): need.desired for need in ctx.problem.demand}
        )
        self.staffed: Counter[tuple[date, str]] = Counter()
        self.cells: dict[str, list[Cell]] = defaultdict(list)
        for cell in ctx.x:
            self.cells[cell[0]].append(cell)
        self.people = [person.id for person in ctx.staff if self.cells[person.id]]
        self.schedules: dict[str, set[Cell]] = {person: set() for person in self.people}
        self.models: dict[str, tuple[pulp.LpProblem, dict[Cell, pulp.LpVariable]]] = {}
        self.wishes = request_costs(ctx)

    def run(self, stop: float) -> set[Cell]:
        """A first pass over everyone, then sweeps until ``stop`` or no sweep improves."""
        improved = self.sweep(stop, first=True)
        self.repair()
        while improved and perf_counter() < stop - MIN_PERSON_SECONDS:
            improved = self.sweep(stop, first=False)
        return set().union(*self.schedules.values())

    def repair(self) -> None:
        """Plan again, with more time, whoever has no shift but must work some minutes.

        Feasibility first: this runs even past the time limit.
        """
        for person in self.people:
            limits = self.ctx.problem.limits.get(person)
            if self.ctx.watch.cancelled:
                return
            if self.schedules[person] or limits is None or not limits.min_minutes:
                continue
            new = self.solve(person, self.costs(person), REPAIR_SECONDS)
            if new is not None:
                self.schedules[person] = new
                self.staffed.update((cell[1], cell[2]) for cell in new)

    def sweep(self, stop: float, first: bool) -> bool:
        """Re-plan each person given the others; True when some schedule got cheaper."""
        improved = False
        for done, person in enumerate(self.people):
            if (not first and perf_counter() > stop) or self.ctx.watch.tick():
                break
            share = (stop - perf_counter()) / (len(self.people) - done)
            old = self.schedules[person]
            self.staffed.subtract((cell[1], cell[2]) for cell in old)
            costs = self.costs(person)
            new = self.solve(person, costs, min(PERSON_SECONDS, max(MIN_PERSON_SECONDS, share)))
            better = new is not None and (first or cost(costs, new) < cost(costs, old) - 1e-9)
            if better and new is not None:
                self.schedules[person], old, improved = new, new, True
            self.staffed.update((cell[1], cell[2]) for cell in old)
        return improved

    def costs(self, person: str) -> dict[Cell, float]:
        """Each cell's cost for ``person`` given the others: cover short or met, her wishes."""
        rules = self.ctx.rules
        under = rules.coverage_minimum.weight if rules.coverage_minimum.enabled else 1.0
        over = rules.over_coverage_weight
        return {
            cell: (-under if self.staffed[cell[1:3]] < self.desired[cell[1:3]] else over)
            + self.wishes.get(cell[:3], 0.0)
            for cell in self.cells[person]
        }

    def solve(self, person: str, costs: dict[Cell, float], seconds: float) -> set[Cell] | None:
        """The person's cheapest schedule on her own; None when none is found in time."""
        if person not in self.models:
            lp = pulp.LpProblem("construct", pulp.LpMinimize)
            cells = self.cells[person]
            y = {
                cell: lp.add_variable(f"y{index}", cat=pulp.LpBinary)
                for index, cell in enumerate(cells)
            }
            add_person_rules(self.ctx, lp, y)
            self.models[person] = (lp, y)
        lp, y = self.models[person]
        lp.setObjective(pulp.lpSum(value * y[cell] for cell, value in costs.items()))
        limit = max(0.1, seconds)
        watch = self.ctx.watch
        lp.solve(
            WarmHiGHS(watch=watch, notes=False, msg=False, timeLimit=limit, threads=1, gapRel=0.01)
        )
        if lp.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
            return None
        return {cell for cell, var in y.items() if (var.varValue or 0) > 0.5}


def cost(costs: dict[Cell, float], cells: set[Cell]) -> float:
    """The cost of a schedule."""
    return sum(costs[cell] for cell in cells)


def request_costs(ctx: ModelContext) -> dict[tuple[str, date, str], float]:
    """S5: minus the weight of working an on-request's shift, plus an off-request's."""
    wishes: dict[tuple[str, date, str], float] = defaultdict(float)
    if not ctx.rules.requests.enabled:
        return wishes
    codes = list(ctx.problem.shifts)
    for request in ctx.problem.requests:
        for code in codes if request.shift is None else [request.shift]:
            key = (request.staff_id, request.day, code)
            wishes[key] += -request.weight if request.on else request.weight
    return wishes


def add_person_rules(ctx: ModelContext, lp: pulp.LpProblem, y: dict[Cell, pulp.LpVariable]) -> None:
    """H2, H11 and H10 for one person's cells."""
    days = list(ctx.timeline.days)
    on_day: dict[date, list[pulp.LpVariable]] = defaultdict(list)
    by_key: dict[tuple[date, str], list[pulp.LpVariable]] = defaultdict(list)
    for cell, var in y.items():
        on_day[cell[1]].append(var)
        by_key[(cell[1], cell[2])].append(var)
    works = [pulp.lpSum(on_day.get(day, [])) for day in days]
    for variables in on_day.values():
        lp += pulp.lpSum(variables) <= 1  # H2
    if ctx.rules.is_on("H11"):
        banned: dict[str, list[str]] = defaultdict(list)
        for first, then in ctx.rules.forbidden_successions:
            banned[first].append(then)
        for (day, first), before in by_key.items():
            after = [v for then in banned[first] for v in by_key.get((day + ONE_DAY, then), [])]
            if after:  # one shift a day: at most one of the banned ones follows
                lp += pulp.lpSum(before) + pulp.lpSum(after) <= 1
    person_id = next(iter(y))[0]
    limits = ctx.problem.limits.get(person_id)
    if limits is not None and ctx.rules.is_on("H10"):
        add_limits(ctx, lp, y, works, limits)


def add_limits(
    ctx: ModelContext,
    lp: pulp.LpProblem,
    y: dict[Cell, pulp.LpVariable],
    works: list,
    limits: WorkLimits,
) -> None:
    """H10: shifts per type, total minutes, run lengths, weekends."""
    shifts, horizon = ctx.problem.shifts, len(works)
    for code, cap in limits.max_shifts_by_type.items():
        lp += pulp.lpSum(var for cell, var in y.items() if cell[2] == code) <= cap
    minutes = pulp.lpSum(shifts[cell[2]].minutes * var for cell, var in y.items())
    if limits.max_minutes is not None:
        lp += minutes <= limits.max_minutes
    if limits.min_minutes is not None:
        lp += minutes >= limits.min_minutes
    longest = limits.max_consecutive_days
    if longest is not None:
        for d in range(horizon - longest):
            lp += pulp.lpSum(works[d : d + longest + 1]) <= longest
    for d in range(1, horizon):  # runs touching the first or last day are exempt
        for j in range(1, min(limits.min_consecutive_days or 0, horizon - d)):
            lp += works[d] - works[d - 1] <= works[d + j]
        for j in range(1, min(limits.min_consecutive_days_off or 0, horizon - d)):
            lp += works[d - 1] - works[d] <= 1 - works[d + j]
    if limits.max_weekends is not None:
        add_weekends(ctx, lp, works, limits.max_weekends)


def add_weekends(ctx: ModelContext, lp: pulp.LpProblem, works: list, most: int) -> None:
    """At most ``most`` weekends (Saturday and the Sunday after it) worked."""
    groups: dict[date, list[int]] = defaultdict(list)
    for index, day in enumerate(ctx.timeline.days):
        if day.weekday() >= 5:
            groups[day - timedelta(days=day.weekday() - 5)].append(index)
    worked = []
    for saturday, indexes in groups.items():
        weekend = lp.add_variable(f"w{saturday:%Y%m%d}", cat=pulp.LpBinary)
        for index in indexes:
            lp += weekend >= works[index]
        worked.append(weekend)
    lp += pulp.lpSum(worked) <= most
