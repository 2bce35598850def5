"""Build the month's MILP: variables from demand, then every enabled rule in registry order."""

from __future__ import annotations

import pulp

from models.problem import PlanningProblem
from optimizer.model import ModelContext
from optimizer.rules import DOMAIN, HARD_RULES, SOFT_RULES
from optimizer.rules.soft_runs import add_run_paths
from optimizer.timeline import Timeline
from optimizer.watch import Watch


def build_model(problem: PlanningProblem, watch: Watch | None = None) -> ModelContext:
    """The PuLP model of ``problem`` with its index maps; nothing is solved here.

    ``watch`` is ticked between rules (progress for the caller) and kept in the context.
    """
    rules = problem.rules
    staff = [person for person in problem.staff if person.active]
    absent = {p.id: problem.absent_days(p.id) for p in staff} if rules.absences.enabled else {}
    ctx = ModelContext(
        problem=problem,
        timeline=Timeline(problem),
        lp=pulp.LpProblem("roster", pulp.LpMinimize),
        staff=staff,
        tags={person.id: f"p{index:03d}" for index, person in enumerate(staff)},
        absent=absent,
        watch=watch or Watch(),
        domain=DOMAIN,
    )
    add_demand_variables(ctx)
    for entry in HARD_RULES + SOFT_RULES:
        if entry.add is not None and rules.is_on(entry.code):
            entry.add(ctx, problem, rules)
            ctx.watch.tick()
    add_run_paths(ctx)
    return ctx


def add_demand_variables(ctx: ModelContext) -> None:
    """x[p,d,s,r] for every demand (d, s, r) and every person no domain rule refuses.

    Cells without demand get no variable: working them would only add over-coverage
    (S2); locks on such cells get theirs in H8.
    """
    problem = ctx.problem
    for need in problem.demand:
        shift = problem.shifts[need.shift]
        for person in ctx.staff:
            if ctx.refuses(person, need.day, shift, need.role) is None:
                ctx.add_variable((person.id, need.day, need.shift, need.role))
