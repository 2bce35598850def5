"""A tighter formulation of S6 for people under H7: each person's month as a path of run states.

The plain S6 inequalities (soft_people.add_patterns) cost nothing in the LP relaxation
when work is spread fractionally (6/7 of a shift every day), although H7 forces a day
off after K worked days and so, with a full contract, an isolated day off almost every
week. Here each person's days follow a small automaton whose states are the length of
the current run: W1..WK (worked, K = the person's longest allowed run) and O1, O2 (off,
a first or a later day off). A unit flow crosses the days; the flow into worked states
on day d equals worked[p,d]. Given an integral roster the path is unique, so the flow
is integral and every inequality below holds with equality where it matters; in the LP
the flow can only mix whole-month paths, each of which respects H7, and the path's
pattern penalties price each of them (the classic network formulation of run rules).
"""

from __future__ import annotations

from datetime import date, timedelta

import pulp

from optimizer.model import ModelContext

OFF_FIRST, OFF_LATER = "O1", "O2"
Arc = tuple[str, str]


def run_states(limit: int) -> tuple[list[str], list[Arc]]:
    """The states W1..W{limit}, O1, O2 and the arcs between consecutive days."""
    work = [f"W{length}" for length in range(1, limit + 1)]
    arcs: list[Arc] = [(work[k], work[k + 1]) for k in range(limit - 1)]
    arcs += [(state, OFF_FIRST) for state in work]
    arcs += [(OFF_FIRST, work[0]), (OFF_FIRST, OFF_LATER)]
    arcs += [(OFF_LATER, work[0]), (OFF_LATER, OFF_LATER)]
    return work + [OFF_FIRST, OFF_LATER], arcs


def start_state(ctx: ModelContext, staff_id: str, limit: int) -> str:
    """The state of the day before the month: the history's trailing run, else a long rest."""
    day, run = ctx.timeline.first_day - timedelta(days=1), 0
    while day >= ctx.timeline.known_from and ctx.history_worked(staff_id, day) and run < limit:
        run, day = run + 1, day - timedelta(days=1)
    return f"W{run}" if run else OFF_LATER


def add_run_flow(
    ctx: ModelContext,
    staff_id: str,
    limit: int,
    penalties: dict[tuple[str, date], pulp.LpVariable],
) -> None:
    """Add the person's run path and tie S6's penalty variables to its arcs.

    flow[d, a] >= 0 for each arc a = (s, t) from day d-1 to day d; the arcs of day 1
    leave the start state; for each month day d < last and state s: inflow(d, s) =
    outflow(d+1, s); sum_{t worked} inflow(d, t) = worked[p, d]. Then, for judged days:
    iso_off[d] >= flow[d+1, O1->W1]; iso_work[d] >= flow[d+1, W1->O1];
    split[sat] >= sum flow[sun, W*->O1] + sum flow[sun, O*->W1].
    ``penalties`` maps (prefix, day) to the S6 variables add_patterns created.
    """
    states, arcs = run_states(limit)
    days = ctx.timeline.days
    start = start_state(ctx, staff_id, limit)
    flows: list[dict[Arc, pulp.LpVariable]] = []
    for index, day in enumerate(days):
        usable = [arc for arc in arcs if index or arc[0] == start]
        flows.append(
            {arc: ctx.tightening_variable(ctx.name("run", staff_id, day, *arc)) for arc in usable}
        )
    for index, day in enumerate(days):
        into = flows[index]
        worked = [(var, 1.0) for arc, var in into.items() if arc[1].startswith("W")]
        worked += [(var, -1.0) for var in ctx.worked(staff_id, day)]
        ctx.tighten(pulp.LpAffineExpression(worked) == 0, ctx.name("run_w", staff_id, day))
        if index == 0:
            ctx.tighten(pulp.lpSum(into.values()) == 1, ctx.name("run_0", staff_id))
        if index + 1 == len(days):
            continue
        out = flows[index + 1]
        for state in states:
            balance = [(var, 1.0) for arc, var in into.items() if arc[1] == state]
            balance += [(var, -1.0) for arc, var in out.items() if arc[0] == state]
            name = ctx.name("run_b", staff_id, day, state)
            ctx.tighten(pulp.LpAffineExpression(balance) == 0, name)
        tie_penalties(ctx, staff_id, day, out, penalties)


def tie_penalties(
    ctx: ModelContext,
    staff_id: str,
    day: date,
    out: dict[Arc, pulp.LpVariable],
    penalties: dict[tuple[str, date], pulp.LpVariable],
) -> None:
    """penalty[d] >= the flow on the arcs (day d -> d+1) that make day d a bad pattern."""
    first_work = "W1"
    links = {
        "iso_off": [(OFF_FIRST, first_work)],
        "iso_work": [(first_work, OFF_FIRST)],
        "split": [arc for arc in out if arc[1] == OFF_FIRST or arc[1] == first_work],
    }
    for prefix, chosen in links.items():
        var = penalties.get((prefix, day))
        terms = [(out[arc], -1.0) for arc in chosen if arc in out]
        if var is None or not terms:
            continue
        name = ctx.name("run_p", prefix, staff_id, day)
        expression = pulp.LpAffineExpression([(var, 1.0), *terms])
        ctx.tighten(expression >= 0, name)
