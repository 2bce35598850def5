"""The staffing model: the cheapest set of new posts that closes the gap (or meets a target).

Two solves of the staffing MILP (optimizer/staffing_model.py), then a normal solve:

1. reach:    minimise the gap G with every virtual copy free to work -> G_min, the least
             gap this pool of candidates can reach;
2. cheapest: minimise sum_c cost(c) * hired(c) + sum_r price(r) * diverted(r) + eps * G
             subject to  G <= max(T, G_min), with T = (1 - target %) x the month's minimum
             demand hours; eps * G stays below a quarter of the smallest cost step, so it only
             breaks ties between sets of equal cost. A vacant post (already budgeted) costs a
             token below that step, so it is filled before any new post. price(r) is what an
             hour of a role-r post costs: hours of coordination carried by a role-r professional
             weigh like uncovered hours of her own role (docs/gaps.md §4);
3. verify:   the recommended posts join the staff as proposed members and the normal
             lexicographic model is solved again (``plan_with_posts``): the gap after.

A pool is sized from today's gap; when the cheapest set hires every copy of a candidate, or
the target is out of reach while every copy of a candidate works in solve 1, that candidate's
copies double and the solves repeat (``rounds``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import reduce

from models.coverage import Tier
from models.problem import PlanningProblem
from models.report import NONE, OPTIMAL, SKIPPED, PhaseReport, PlanResult, SolveReport
from models.roster import Gap
from models.staffing import (
    CandidatePost,
    minimum_demand_hours,
    monthly_capacity_hours,
    with_proposed_staff,
)
from optimizer.build import build_model
from optimizer.readout import extract_roster
from optimizer.reasons import explain_gaps
from optimizer.settings import SolverSettings
from optimizer.solve import phase_report, restore, snapshot, solve, solve_coverage
from optimizer.solvers import run_phase
from optimizer.staffing_model import (
    PoolModel,
    build_pool_model,
    diverted_expression,
    staffing_rules,
)


@dataclass(frozen=True)
class StaffingSettings:
    """The coverage target, the pool's limits and the time each staffing solve may take."""

    target_pct: float = 100.0  # share of the month's minimum demand hours to cover
    max_copies: int = 8  # virtual copies of one candidate, at most
    rounds: int = 3  # times the pool may grow
    time_limit: float = 60.0  # seconds per staffing solve
    coordinator_role: str = "COO"
    diverted_prices: dict[str, float] = field(default_factory=dict)  # role -> soles an hour

    def __post_init__(self) -> None:
        if not 0 <= self.target_pct <= 100:
            raise ValueError("target_pct is a percentage between 0 and 100")
        if self.max_copies < 1 or self.rounds < 1 or self.time_limit <= 0:
            raise ValueError("max_copies, rounds and time_limit must be positive")


@dataclass
class StaffingResult:
    """The recommended posts and what proves them."""

    hires: dict[str, int]  # candidate key -> posts (zero counts left out; V<role>: vacancies)
    cost_month: Decimal
    demand_hours: float  # the month's minimum demand, in person-hours
    target_gap_hours: float  # the gap the coverage target allows
    reachable_gap_hours: float  # the least gap the candidate pool reaches (solve 1)
    model_gap_hours: float  # the gap left by the recommended set in the staffing model
    status: str  # optimal (cheapest proven), feasible (best found), none
    cost_bound: float | None = None  # proven lower bound of the cost, in soles
    pool: dict[str, int] = field(default_factory=dict)
    phases: list[PhaseReport] = field(default_factory=list)
    reach_working: dict[str, int] = field(default_factory=dict)  # copies at work in solve 1
    after: PlanResult | None = None  # the normal solve with the recommended posts


def recommend_posts(
    problem: PlanningProblem,
    candidates: list[CandidatePost],
    settings: SolverSettings | None = None,
    staffing: StaffingSettings | None = None,
    today_gaps: list[Gap] | None = None,
) -> StaffingResult:
    """The cheapest legal set of new posts that brings the gap within the target."""
    settings = settings or SolverSettings()
    staffing = staffing or StaffingSettings()
    if today_gaps is None:
        today_gaps = solve(problem, settings).roster.gaps
    total = minimum_demand_hours(problem)
    target = total * (1 - staffing.target_pct / 100)
    carried = coordination_hours(problem, today_gaps, staffing)
    pool = initial_pool(problem, candidates, today_gaps, staffing.max_copies, carried)
    if not problem.rules.coverage_minimum.enabled or not any(pool.values()):
        gap = sum(g.hours for g in today_gaps)
        return StaffingResult({}, Decimal(0), total, target, gap, gap, "optimal", 0.0, pool)
    for round_number in range(staffing.rounds):
        result = solve_pool(problem, candidates, pool, target, total, settings, staffing)
        grown = grow_pool(candidates, pool, result, staffing.max_copies)
        if grown == pool or round_number == staffing.rounds - 1:
            return result
        pool = grown
    raise AssertionError("unreachable")  # pragma: no cover


def initial_pool(
    problem: PlanningProblem,
    candidates: list[CandidatePost],
    today_gaps: list[Gap],
    max_copies: int,
    carried: dict[str, float] | None = None,
) -> dict[str, int]:
    """Copies per candidate: enough months of work for the gap it could cover (and the priced
    hours others carry of its role, ``carried``), plus one; a vacancy at most its count."""
    pool: dict[str, int] = {}
    for candidate in candidates:
        coverable = sum(g.hours for g in today_gaps if g.role in candidate.roles)
        coverable += sum((carried or {}).get(role, 0.0) for role in candidate.roles)
        capacity = max(monthly_capacity_hours(problem, candidate.weekly_hours), 1.0)
        copies = math.ceil(coverable / capacity) + 1 if coverable > 0 else 0
        pool[candidate.key] = min(copies, max_copies, copy_limit(candidate, max_copies))
    return pool


def copy_limit(candidate: CandidatePost, max_copies: int) -> int:
    """The most copies of a candidate the pool may hold."""
    return max_copies if candidate.max_count is None else min(max_copies, candidate.max_count)


def coordination_hours(
    problem: PlanningProblem, today_gaps: list[Gap], staffing: StaffingSettings
) -> dict[str, float]:
    """The coordinator role's minimum demand hours when others' carrying it is priced."""
    if not staffing.diverted_prices:
        return {}
    role = staffing.coordinator_role
    hours = sum(
        n.minimum * problem.shifts[n.shift].minutes / 60 for n in problem.demand if n.role == role
    )
    return {role: hours}


def grow_pool(
    candidates: list[CandidatePost], pool: dict[str, int], result: StaffingResult, limit: int
) -> dict[str, int]:
    """Double the copies of candidates that may be short: all hired, or all at work in solve 1
    while the target is missed."""
    missed = result.reachable_gap_hours > result.target_gap_hours + 1e-6
    grown = dict(pool)
    for candidate in candidates:
        copies = pool.get(candidate.key, 0)
        saturated = copies > 0 and result.hires.get(candidate.key, 0) >= copies
        busy = copies > 0 and result.reach_working.get(candidate.key, 0) >= copies
        if saturated or (missed and busy):
            grown[candidate.key] = min(copy_limit(candidate, limit), 2 * copies)
    return grown


def solve_pool(
    problem: PlanningProblem,
    candidates: list[CandidatePost],
    pool: dict[str, int],
    target: float,
    total: float,
    settings: SolverSettings,
    staffing: StaffingSettings,
) -> StaffingResult:
    """Solves 1 (reach) and 2 (cheapest) on one pool."""
    model = build_pool_model(problem, candidates, pool)
    lp = model.ctx.lp
    lp.setObjective(model.gap_hours)
    reach = run_phase(lp, settings, staffing.time_limit, 0.0, hours_step(problem) / 2)
    phases = [phase_report("reach", reach, 0.0)]
    if reach.status == NONE or reach.objective is None:
        empty = Decimal(0)
        return StaffingResult(
            {}, empty, total, target, math.inf, math.inf, NONE, None, pool, phases
        )
    reachable = model.gap_value()
    working = model.working()
    saved = snapshot(model.ctx)
    allowed = max(target, reachable)
    model.ctx.add_constraint(model.gap_hours <= allowed + 1e-6, "staff_target", "STAFF", None, None)
    cost_step = money_step([c for c in candidates if not c.vacancy])
    tie_break = cost_step / (4 * (total + 1))  # the whole gap weighs under a quarter step
    vacancies = sum(len(v) for key, v in model.hires.items() if key not in pool_roles(candidates))
    token = cost_step / (4 * (vacancies + 1))  # every vacancy together under a quarter step
    diverted = model.diverted_cost(staffing.diverted_prices, staffing.coordinator_role)
    lp.setObjective(model.cost_expression(token) + diverted + tie_break * model.gap_hours)
    # No MIP start here: with highspy 1.16 a start (setSolution) can come back as the solution
    # values while HiGHS reports a better objective (seen: start 7,000 returned, 3,500 found).
    cheapest = run_phase(lp, settings, staffing.time_limit, 0.0, cost_step / 2)
    phases.append(phase_report("cheapest", cheapest, 0.0))
    if cheapest.status == NONE:
        restore(model.ctx, saved)  # no solution in time: keep the one that reaches the target
    bound = cheapest.best_bound
    result = read_result(model, cheapest.status, bound, total, target, reachable, pool, phases)
    result.reach_working = working
    return result


def read_result(
    model: PoolModel,
    status: str,
    bound: float | None,
    total: float,
    target: float,
    reachable: float,
    pool: dict[str, int],
    phases: list[PhaseReport],
) -> StaffingResult:
    """The hires and cost of the model's current solution."""
    hires = {key: count for key, count in model.hired().items() if count}
    costs = {candidate.key: candidate.monthly_cost for candidate in model.candidates}
    cost = sum((costs[role] * count for role, count in hires.items()), Decimal(0))
    return StaffingResult(
        hires, cost, total, target, reachable, model.gap_value(), status, bound, dict(pool), phases
    )


def hours_step(problem: PlanningProblem) -> float:
    """The smallest change of the gap in hours: the gcd of the demanded shifts' minutes."""
    minutes = [problem.shifts[n.shift].minutes for n in problem.demand if n.minimum]
    return reduce(math.gcd, minutes, 0) / 60 if minutes else 1.0


def pool_roles(candidates: list[CandidatePost]) -> set[str]:
    """The keys of the new posts (not vacancies) among ``candidates``."""
    return {candidate.key for candidate in candidates if not candidate.vacancy}


def money_step(candidates: list[CandidatePost]) -> float:
    """The smallest difference in soles between two sets of posts: the gcd of the costs."""
    cents = [int(candidate.monthly_cost * 100) for candidate in candidates]
    step = reduce(math.gcd, cents, 0)
    return step / 100 if step else 1.0


def plan_with_posts(
    problem: PlanningProblem,
    candidates: list[CandidatePost],
    hires: dict[str, int],
    settings: SolverSettings | None = None,
) -> PlanResult:
    """The normal solve with ``hires`` new posts on the staff as proposed members."""
    chosen = [(c, hires.get(c.key, 0)) for c in candidates if hires.get(c.key, 0)]
    return solve(with_proposed_staff(problem, chosen), settings)


def cover_with_posts(
    problem: PlanningProblem,
    settings: SolverSettings,
    coordinator_role: str | None = None,
) -> PlanResult:
    """A scenario's coverage: phase 1 only (the gap and its proof), with the soft rules
    that do not change coverage switched off; then, the gap kept, the fewest hours of
    optional cover left uncovered plus hours of coordination carried by other roles
    (``coordinator_role``; None leaves them out), both person-hours.

    A scenario's coverage needs no roster quality (docs/gaps.md §7), and this is the
    same model as the staffing model's, so a recommended set closes here what it claims.
    Optional cover is not in phase 1 (the full solve prices it in phase 2): filling it
    here keeps a scenario's uncovered hours comparable with today's.
    """
    ctx = build_model(replace(problem, rules=staffing_rules(problem.rules)))
    coverage, saved, *_ = solve_coverage(ctx, settings)  # (tier steps follow, when any)
    phases = [phase_report("coverage", coverage, 0.0)]
    second_step = ctx.tier_expression((Tier.OPTIONAL,), weighted=False)
    if coordinator_role:
        second_step += diverted_expression(ctx, coordinator_role)
    owed_nothing = coverage.status == SKIPPED  # no essential or normal cover to prove
    solved = saved is not None
    if (solved or owed_nothing) and second_step.keys():
        ctx.lp.setObjective(second_step)
        second = run_phase(ctx.lp, settings, settings.time_limit_phase2, 0.0, 0.5)
        phases.append(phase_report("diverted", second, 0.0))
        if second.status == NONE and saved is not None:
            restore(ctx, saved)
        solved = solved or second.status != NONE
    roster = extract_roster(ctx, solved)
    roster.gaps = explain_gaps(problem, roster)
    status = coverage.status if saved is not None else OPTIMAL if owed_nothing else NONE
    report = SolveReport(status=status, solver=settings.solver, phases=phases)
    return PlanResult(roster, report)


def recommend_and_verify(
    problem: PlanningProblem,
    candidates: list[CandidatePost],
    settings: SolverSettings | None = None,
    staffing: StaffingSettings | None = None,
    today_gaps: list[Gap] | None = None,
) -> StaffingResult:
    """``recommend_posts`` and then the gap after, re-solved with the recommended posts."""
    result = recommend_posts(problem, candidates, settings, staffing, today_gaps)
    result.after = plan_with_posts(problem, candidates, result.hires, settings)
    return result
