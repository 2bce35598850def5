"""Run paths: each person's days as a path through run states, for a stronger bound.

The plain rows of H7/H10 runs and of S6 are weak in the LP relaxation: with work spread
fractionally (6/7 of a shift every day) S6 costs nothing, although H7 forces a day off
after K worked days and so, with a full contract, an isolated day off almost every week.
Here each person's days follow a small automaton whose states are the length of the
current run: W1..WK worked, O1..OM off (the last of each absorbing when no limit caps
it), and, when the person has minimum run lengths, I1..IK / J1..JM for the runs that
touch the horizon's first day (exempt from the minimums, models.limits). A unit flow
crosses the days; the flow into worked states on day d equals worked[p,d]. An integral
roster fixes a unique path, so every row holds for it with its own penalties; in the LP
the flow can only mix whole paths, each obeying the run limits and paying its S6
patterns (the classic network formulation of run rules). The rows join the bound model
only (``ModelContext.tighten``, optimizer/bound.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pulp

from optimizer.model import ModelContext

Arc = tuple[str, str]
UNKNOWN = "U"  # the day before the horizon, when nothing is known of it
WORK_KINDS, OFF_KINDS = ("W", "I"), ("O", "J")


@dataclass(frozen=True)
class RunLimits:
    """A person's run rules: the longest worked run (None: no cap) and the two minimums."""

    longest: int | None
    shortest: int = 1
    shortest_off: int = 1

    @property
    def exempt_start(self) -> bool:
        """Runs touching the first day are exempt from minimums: they need their own states."""
        return self.shortest > 1 or self.shortest_off > 1

    @property
    def work_states(self) -> int:
        return self.longest if self.longest is not None else max(self.shortest, 2)

    @property
    def off_states(self) -> int:
        return max(self.shortest_off, 2)


def run_states(limits: RunLimits) -> tuple[list[str], list[Arc]]:
    """The states and the arcs between consecutive days."""
    work, off = limits.work_states, limits.off_states
    arcs: list[Arc] = []
    kinds = [("W", "O")] + ([("I", "J")] if limits.exempt_start else [])
    for worked, rest in kinds:
        exempt = worked == "I"
        arcs += chain(worked, work, absorbing=limits.longest is None)
        arcs += chain(rest, off, absorbing=True)
        arcs += [
            (f"{worked}{k}", "O1") for k in range(1, work + 1) if exempt or k >= limits.shortest
        ]
        arcs += [
            (f"{rest}{k}", "W1") for k in range(1, off + 1) if exempt or k >= limits.shortest_off
        ]
    if limits.exempt_start:
        arcs += [(UNKNOWN, "I1"), (UNKNOWN, "J1")]
    states = sorted({state for arc in arcs for state in arc} - {UNKNOWN})
    return states, arcs


def chain(kind: str, length: int, absorbing: bool) -> list[Arc]:
    """kind1 -> kind2 -> ... -> kind{length}, the last one looping when ``absorbing``."""
    arcs = [(f"{kind}{k}", f"{kind}{k + 1}") for k in range(1, length)]
    return arcs + ([(f"{kind}{length}", f"{kind}{length}")] if absorbing else [])


def start_state(ctx: ModelContext, staff_id: str, limits: RunLimits) -> str:
    """The state of the day before the horizon, from the history when it is known."""
    first = ctx.timeline.first_day
    if ctx.timeline.known_from >= first:
        return UNKNOWN if limits.exempt_start else f"O{limits.off_states}"
    day, run = first - timedelta(days=1), 0
    while day >= ctx.timeline.known_from and ctx.history_worked(staff_id, day):
        run, day = min(run + 1, limits.work_states), day - timedelta(days=1)
        if run == limits.work_states:
            break
    worked, rest = ("I", "J") if limits.exempt_start else ("W", "O")
    return f"{worked}{run}" if run else f"{rest}{limits.off_states}"


def first_arcs(start: str, arcs: list[Arc], limits: RunLimits) -> list[Arc]:
    """The arcs into the first day: from ``start``, into exempt states when minimums hold.

    H10's minimums ignore history, so the run that holds the first day is exempt even
    when the history shows the days before it (models.limits): its states are I/J.
    """
    leaving = [arc for arc in arcs if arc[0] == start]
    if not limits.exempt_start:
        return leaving
    exempt = {"W1": "I1", "O1": "J1"}
    return [(source, exempt.get(target, target)) for source, target in leaving]


def add_run_path(ctx: ModelContext, staff_id: str, limits: RunLimits) -> None:
    """Add the person's run path and tie her S6 penalty variables to its arcs.

    flow[d, a] in [0, 1] for each arc a = (s, t) from day d-1 to day d; the arcs of
    day 1 leave the start state; for each day d < last and state s: inflow(d, s) =
    outflow(d+1, s); sum_{t worked} inflow(d, t) = worked[p, d]. Then, where S6 judges
    the day: iso_off[d] >= flow[d+1, O1|J1 -> W1]; iso_work[d] >= flow[d+1, W1|I1 -> O1];
    split[sat] >= the flow of Sunday's arcs between a worked and an off state.
    """
    states, arcs = run_states(limits)
    days = ctx.timeline.days
    start = start_state(ctx, staff_id, limits)
    flows: list[dict[Arc, pulp.LpVariable]] = []
    for index, day in enumerate(days):
        if index == 0:
            usable = first_arcs(start, arcs, limits)
        else:
            usable = [arc for arc in arcs if arc[0] != UNKNOWN]
        flows.append(
            {arc: ctx.tightening_variable(ctx.name("run", staff_id, day, *arc)) for arc in usable}
        )
    for index, day in enumerate(days):
        into = flows[index]
        worked = [(var, 1.0) for arc, var in into.items() if arc[1][0] in WORK_KINDS]
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
            if balance:
                ctx.tighten(
                    pulp.LpAffineExpression(balance) == 0, ctx.name("run_b", staff_id, day, state)
                )
        tie_patterns(ctx, staff_id, day, out)


def tie_patterns(
    ctx: ModelContext, staff_id: str, day: date, out: dict[Arc, pulp.LpVariable]
) -> None:
    """penalty[d] >= the flow on the arcs (day d -> d+1) that make day d a bad pattern."""
    links = {
        "iso_off": [arc for arc in out if arc[0] in ("O1", "J1") and arc[1] == "W1"],
        "iso_work": [arc for arc in out if arc[0] in ("W1", "I1") and arc[1] == "O1"],
        "split": [arc for arc in out if (arc[0][0] in WORK_KINDS) != (arc[1][0] in WORK_KINDS)],
    }
    for prefix, chosen in links.items():
        var = ctx.patterns.get((prefix, staff_id, day))
        if var is None or not chosen:
            continue
        expression = pulp.LpAffineExpression([(var, 1.0)] + [(out[arc], -1.0) for arc in chosen])
        ctx.tighten(expression >= 0, ctx.name("run_p", prefix, staff_id, day))


def person_run_limits(ctx: ModelContext, staff_id: str) -> RunLimits | None:
    """The run rules that hold for the person for sure (None: none, or locks relaxed one)."""
    rules = ctx.rules
    if any(
        item.rule in ("H7", "H10") and item.staff_id == staff_id for item in ctx.infeasibilities
    ):
        return None
    longest = [rules.max_consecutive_days] if rules.is_on("H7") else []
    own = ctx.problem.limits.get(staff_id) if rules.is_on("H10") else None
    shortest = shortest_off = 1
    if own is not None:
        longest += [own.max_consecutive_days] if own.max_consecutive_days is not None else []
        shortest = max(1, own.min_consecutive_days or 1)
        shortest_off = max(1, own.min_consecutive_days_off or 1)
    if not longest and shortest == 1 and shortest_off == 1:
        return None
    return RunLimits(max(1, min(longest)) if longest else None, shortest, shortest_off)


def add_run_paths(ctx: ModelContext) -> None:
    """A run path for every person with a run rule (after all rules: it reads S6's variables)."""
    for person in ctx.staff:
        limits = person_run_limits(ctx, person.id)
        if limits is not None:
            add_run_path(ctx, person.id, limits)
