"""One shelter's gap analysis: today's solve, the programme's proposal, the cheapest sets of
posts with and without it, and the scenarios side by side (docs/gaps.md)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import partial
from time import perf_counter

from models.costs import SalaryLine
from models.coverage import Tier
from models.gaps import GapProof, RecommendedPost, ScenarioResult, ShelterGapAnalysis
from models.problem import PlanningProblem
from models.report import OPTIMAL
from models.roster import Roster
from models.staffing import CandidatePost, fte_estimate, monthly_capacity_hours
from models.yearly import annual_demand_hours, role_year_needs, yearly_need
from optimizer import PlanResult, solve
from optimizer.staffing import StaffingResult, cover_with_posts, recommend_posts
from roster.gaps.figures import contract_lines, coordination_carriers, gap_breakdown
from roster.gaps.resilience import OnProgress, measure_scenarios
from roster.gaps.scenarios import (
    SCENARIO_NAMES,
    Hires,
    ShelterInputs,
    cheapest_candidates,
    combined,
    coordination_rules,
    diverted_prices,
    hires_cost,
    pool_candidates,
    problem_with,
    scenario_plan,
)
from roster.gaps.settings import GapSettings

__all__ = ["SCENARIO_NAMES", "ShelterInputs", "analyse_shelter"]


class ScenarioSolver:
    """Solves a scenario's coverage once per distinct set of posts (phase 1 only)."""

    def __init__(
        self, problem: PlanningProblem, settings: GapSettings, pool: list[CandidatePost]
    ) -> None:
        self.problem = problem
        self.settings = settings
        self.pool = pool
        self.solved: dict[tuple[tuple[str, int], ...], PlanResult] = {}

    def problem_with(self, added: Hires) -> PlanningProblem:
        return problem_with(self.problem, self.pool, added)

    def result(self, added: Hires) -> PlanResult:
        key = tuple(sorted((k, n) for k, n in added.items() if n))
        if key not in self.solved:
            settings = self.settings
            coordinator = (
                settings.coordinator_role
                if settings.coordination_by_other_roles == "overload"
                else None
            )
            self.solved[key] = cover_with_posts(
                self.problem_with(dict(key)), settings.solver, coordinator
            )
        return self.solved[key]


def scenario_result(
    key: str, added: Hires, solver: ScenarioSolver, cost_today: Decimal
) -> ScenarioResult:
    """One scenario's figures, read from its solve."""
    result = solver.result(added)
    problem = solver.problem_with(added)
    breakdown = gap_breakdown(problem, result.roster)
    carriers = coordination_carriers(problem, result.roster, solver.settings.coordinator_role)
    by_role: dict[str, float] = {}
    for carrier in carriers:
        by_role[carrier.primary_role] = by_role.get(carrier.primary_role, 0.0) + (
            carrier.coordination_hours
        )
    extra = hires_cost(solver.pool, added)
    return ScenarioResult(
        key=key,
        name=SCENARIO_NAMES[key],
        added={k: n for k, n in added.items() if n},
        demand_hours=breakdown.demand_hours,
        uncovered_hours=breakdown.uncovered_hours,
        uncovered_by_role=breakdown.by("role"),
        coordination_by_others_hours=sum(by_role.values()),
        hours_above_contract=sum(
            line.above_hours for line in contract_lines(problem, result.roster)
        ),
        cost_month=cost_today + extra,
        added_cost_month=extra,
        status=result.report.status,
        bound_hours=gap_proof(problem, result).bound_hours,
        diverted_by_role=by_role,
        new_cost_month=hires_cost(solver.pool, added, vacancies=False),
        uncovered_by_tier=breakdown.tiers,
        unstaffed_shifts=len(breakdown.unstaffed),
    )


def gap_proof(problem: PlanningProblem, result: PlanResult) -> GapProof:
    """Phase 1's proof in hours, tier by tier (docs/gaps.md §3): no legal roster leaves less
    essential cover uncovered, and none that keeps that leaves less normal cover. Optional
    cover is priced in phase 2, not proven, and left out of the claim."""
    proven = [tier for tier in result.report.tiers if tier.tier != Tier.OPTIONAL]
    uncovered = sum(gap.hours for gap in result.roster.gaps if gap.tier != Tier.OPTIONAL)
    phase = next((p for p in result.report.phases if p.name == "coverage"), None)
    if phase is None:
        return GapProof(uncovered, None, "none")
    if not proven or any(t.bound is None or t.unit != "hours" for t in proven):
        return GapProof(uncovered, None, phase.status)
    status = OPTIMAL if all(t.proven for t in proven) else phase.status
    return GapProof(uncovered, sum(t.bound or 0.0 for t in proven), status)


def cheapest(
    problem: PlanningProblem,
    settings: GapSettings,
    pool: list[CandidatePost],
    base: Hires,
    solver: ScenarioSolver,
) -> StaffingResult:
    """The cheapest set on top of ``base`` that closes what remains (the target's share)."""
    staffing = replace(
        settings.staffing,
        coordinator_role=settings.coordinator_role,
        diverted_prices=diverted_prices(problem, settings, pool),
    )
    gaps = solver.result(base).roster.gaps
    left = [
        replace(c, max_count=(c.max_count or 0) - base.get(c.key, 0)) if c.vacancy else c
        for c in cheapest_candidates(pool, settings)
    ]
    return recommend_posts(
        solver.problem_with(base),
        [c for c in left if not c.vacancy or (c.max_count or 0) > 0],
        settings.solver,
        staffing,
        gaps,
    )


def today_cost(inputs: ShelterInputs, settings: GapSettings) -> Decimal:
    """The filled posts' monthly cost, with the employer's charges when their pay is known."""
    if not inputs.filled_pays:
        return inputs.cost_today
    return sum((settings.charges.cost_month(pay) for pay in inputs.filled_pays), Decimal(0))


def analyse_shelter(
    inputs: ShelterInputs, settings: GapSettings, on_progress: OnProgress | None = None
) -> ShelterGapAnalysis:
    """Today's gap, the proposal, the cheapest posts with and without it, the yearly view;
    with ``settings.resilience``, each scenario's simulated sick calls (``on_progress``
    hears of each one)."""
    started = perf_counter()
    problem = coordination_rules(inputs.problem, settings)
    pool = pool_candidates(inputs, settings)
    today = solve(problem, settings.solver)
    solver = ScenarioSolver(problem, settings, pool)
    cost = today_cost(inputs, settings)
    plan = scenario_plan(pool, settings)
    proposal = plan[0][1]
    on_proposal = cheapest(problem, settings, pool, proposal, solver)
    alone = cheapest(problem, settings, pool, {}, solver)
    plan[1:1] = [
        ("proposal_plus", combined(proposal, on_proposal.hires)),
        ("recommended", alone.hires),
    ]
    scenarios = [scenario_result(key, added, solver, cost) for key, added in plan]
    returned = scenarios_by_key(scenarios)["today"].coordination_by_others_hours
    for item in scenarios:
        item.hours_returned = max(0.0, returned - item.coordination_by_others_hours)
    if settings.resilience is not None:
        plans = partial(month_plan, solver, today)
        measure_scenarios(
            scenarios, solver.problem_with, plans, settings.resilience, settings.solver, on_progress
        )
    analysis = assemble(inputs, settings, problem, today, alone, scenarios, cost)
    analysis.resilience_draws = settings.resilience.draws if settings.resilience else 0
    analysis.recommended_on_proposal = recommended_posts(pool, on_proposal.hires)
    analysis.seconds = perf_counter() - started
    return analysis


def month_plan(solver: ScenarioSolver, today: PlanResult, added: Hires) -> Roster:
    """A scenario's month plan, as ``roster plan`` makes it: today's, or solved with its posts."""
    if not added:
        return today.roster
    return solve(solver.problem_with(added), solver.settings.solver).roster


def scenarios_by_key(scenarios: list[ScenarioResult]) -> dict[str, ScenarioResult]:
    return {item.key: item for item in scenarios}


def assemble(
    inputs: ShelterInputs,
    settings: GapSettings,
    problem: PlanningProblem,
    today: PlanResult,
    staffing: StaffingResult,
    scenarios: list[ScenarioResult],
    cost_today: Decimal,
) -> ShelterGapAnalysis:
    """Put today's figures, the recommendation, the scenarios and the yearly view together."""
    breakdown = gap_breakdown(problem, today.roster)
    capacity = monthly_capacity_hours(problem)
    need = yearly_need(problem.year, problem.calendar, allowance=settings.allowance)
    demand = annual_demand_hours(
        problem.year, problem.calendar, problem.coverage, problem.shift_types
    )
    shelter = problem.shelter
    return ShelterGapAnalysis(
        shelter_code=shelter.code,
        shelter_name=shelter.name,
        department=shelter.department,
        year=problem.year,
        month=problem.month,
        role_names=dict(inputs.role_names) or {r.code: r.name for r in problem.roles},
        shift_codes=[shift.code for shift in problem.shift_types],
        today=breakdown,
        proof=gap_proof(problem, today),
        carriers=coordination_carriers(problem, today.roster, settings.coordinator_role),
        contracts=contract_lines(problem, today.roster),
        scenarios=scenarios,
        recommended=recommended_posts(pool_candidates(inputs, settings), staffing.hires),
        fte_estimate=fte_estimate(breakdown.by("role"), capacity),
        capacity_hours=capacity,
        staffing_status=staffing.status,
        target_pct=settings.staffing.target_pct,
        reachable_gap_hours=staffing.reachable_gap_hours,
        uncovered_hours_after=scenarios_by_key(scenarios)["recommended"].uncovered_hours,
        yearly=need,
        yearly_roles=role_year_needs(need, demand, problem.staff),
        cost_today=cost_today,
        vacant_posts=dict(inputs.vacant_posts),
        assumptions=assumptions(settings),
        coordination_mode=settings.coordination_by_other_roles,
    )


def recommended_posts(pool: list[CandidatePost], hires: Hires) -> list[RecommendedPost]:
    """A set of posts as lines with their unit cost: vacant posts filled first, then new."""
    return [
        RecommendedPost(c.role, hires[c.key], c.monthly_cost, c.weekly_hours, c.vacancy)
        for c in pool
        if hires.get(c.key)
    ]


def assumptions(settings: GapSettings) -> list[str]:
    """What the costs and the recommendation take for granted, in words (the report's list)."""
    lines = [salary_line(line) for line in settings.scale.values()]
    lines += settings.charges.assumptions()
    lines.append(
        "Costo mensual de una plaza = costo anual (remuneración, EsSalud, aguinaldos, "
        "vacaciones) / 12; costo anual de un escenario = 12 × su costo mensual."
    )
    if settings.coordination_by_other_roles == "overload":
        lines.append(
            "La coordinación que asume otra profesional se cuenta como horas desviadas de su "
            "función y se valora como horas sin cubrir de esa función (costo de su plaza / "
            "horas de un mes)."
        )
    else:
        lines.append("Solo una coordinadora dedicada cubre la coordinación (ajuste 'forbidden').")
    lines.append(
        "Las plazas vacantes ya están presupuestadas: se cubren antes de crear plazas nuevas."
    )
    lines.append(
        "La asistente operativa no tiene demanda propia; no se propone como cuidadora más "
        "barata: su valor se mide con la simulación de ausencias imprevistas (--resilience)."
    )
    return lines


def salary_line(line: SalaryLine) -> str:
    """One line of the salary scale in words."""
    mark = "supuesto" if line.assumption else "fuente"
    return f"Remuneración {line.role}: S/ {line.monthly_pay:,.0f} al mes ({mark}: {line.source})."
