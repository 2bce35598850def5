"""A constructive start: each person's month on its own, one small MILP per person, in turn.

Every hard rule (H2-H11) binds one person at a time, so a roster that gives every person
a schedule feasible on her own is feasible as a whole. Each person's MILP is built by
the hard rules' own functions (the registry in optimizer/rules), on her cells of the
full model (``ctx.x``, so every domain rule that removes a cell holds too): there is no
second form of any rule here. People are planned one after another; each one's MILP
minimises her weighted requests (S5) and the cells she works where demand is already
met (S2), and rewards the cells still short (S1). The result is a warm start for the
full model (optimizer/search.py), which judges it against every soft rule.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from time import perf_counter

import pulp

from models.people import StaffMember
from optimizer.highs import WarmHiGHS
from optimizer.model import Cell, ModelContext
from optimizer.rules import HARD_RULES

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
        self.staff = {person.id: person for person in ctx.staff}
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
            self.models[person] = person_model(self.ctx, self.staff[person], self.cells[person])
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


def person_model(
    ctx: ModelContext, person: StaffMember, cells: list[Cell]
) -> tuple[pulp.LpProblem, dict[Cell, pulp.LpVariable]]:
    """One person's MILP: her cells of the full model under every enabled hard rule,
    added by the rule functions of the registry (H8 locks and H9 history included)."""
    alone = ModelContext(
        problem=ctx.problem,
        timeline=ctx.timeline,
        lp=pulp.LpProblem("construct", pulp.LpMinimize),
        staff=[person],
        tags={person.id: ctx.tags[person.id]},
        absent={person.id: ctx.absent[person.id]} if person.id in ctx.absent else {},
        watch=ctx.watch,
        domain=ctx.domain,
    )
    for cell in cells:
        alone.add_variable(cell)
    for entry in HARD_RULES:
        if entry.add is not None and ctx.rules.is_on(entry.code):
            entry.add(alone, ctx.problem, ctx.rules)
    return alone.lp, alone.x
