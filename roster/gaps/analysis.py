"""One shelter's gap analysis: today's solve, the staffing model and the scenarios side by side."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from time import perf_counter

from models.gaps import GapProof, RecommendedPost, ScenarioResult, ShelterGapAnalysis
from models.problem import PlanningProblem
from models.staffing import fte_estimate, monthly_capacity_hours, with_proposed_staff
from models.yearly import annual_demand_hours, role_year_needs, yearly_need
from optimizer import PlanResult, solve
from optimizer.staffing import StaffingResult, plan_with_posts, recommend_posts
from roster.gaps.figures import contract_lines, coordination_carriers, gap_breakdown
from roster.gaps.settings import GapSettings

SCENARIO_NAMES = {
    "today": "Hoy",
    "coordinator": "+ coordinadora dedicada",
    "assistant": "+ asistente operativa",
    "both": "+ coordinadora y asistente",
    "recommended": "+ plazas recomendadas",
}
Hires = dict[str, int]


@dataclass
class ShelterInputs:
    """What the analysis of one shelter reads: the month's problem and today's posts."""

    problem: PlanningProblem
    cost_today: Decimal = Decimal(0)  # monthly cost of the filled posts
    vacant_posts: dict[str, int] = field(default_factory=dict)  # role -> vacant posts
    role_names: dict[str, str] = field(default_factory=dict)


def scenario_plan(settings: GapSettings, recommended: Hires) -> list[tuple[str, Hires]]:
    """The scenarios (key, new posts): today, + coordinator, + assistant, + both, + recommended."""
    coordinator, assistant = settings.coordinator_role, settings.assistant_role
    plan: list[tuple[str, Hires]] = [("today", {})]
    if settings.candidate(coordinator):
        plan.append(("coordinator", {coordinator: 1}))
    if settings.candidate(assistant):
        plan.append(("assistant", {assistant: 1}))
    if settings.candidate(coordinator) and settings.candidate(assistant):
        plan.append(("both", {coordinator: 1, assistant: 1}))
    plan.append(("recommended", dict(recommended)))
    return plan


class ScenarioSolver:
    """Solves a scenario once per distinct set of new posts (today's solve is the empty set)."""

    def __init__(self, problem: PlanningProblem, settings: GapSettings, today: PlanResult) -> None:
        self.problem = problem
        self.settings = settings
        self.solved: dict[tuple[tuple[str, int], ...], PlanResult] = {(): today}

    def problem_with(self, added: Hires) -> PlanningProblem:
        """The month's problem with the proposed members of ``added`` on the staff."""
        chosen = [(c, added[c.role]) for c in self.settings.candidates if added.get(c.role)]
        return with_proposed_staff(self.problem, chosen)

    def result(self, added: Hires) -> PlanResult:
        key = tuple(sorted((role, count) for role, count in added.items() if count))
        if key not in self.solved:
            settings = self.settings
            self.solved[key] = plan_with_posts(
                self.problem, settings.candidates, dict(key), settings.solver
            )
        return self.solved[key]


def added_cost(settings: GapSettings, added: Hires) -> Decimal:
    """Monthly cost of the new posts in soles."""
    total = Decimal(0)
    for role, count in added.items():
        candidate = settings.candidate(role)
        if candidate is not None:
            total += candidate.monthly_cost * count
    return total


def scenario_result(
    key: str, added: Hires, solver: ScenarioSolver, cost_today: Decimal
) -> ScenarioResult:
    """One scenario's figures, read from its solve."""
    result = solver.result(added)
    problem = solver.problem_with(added)
    breakdown = gap_breakdown(problem, result.roster)
    coordinator = solver.settings.coordinator_role
    carriers = coordination_carriers(problem, result.roster, coordinator)
    extra = added_cost(solver.settings, added)
    return ScenarioResult(
        key=key,
        name=SCENARIO_NAMES[key],
        added={role: count for role, count in added.items() if count},
        demand_hours=breakdown.demand_hours,
        uncovered_hours=breakdown.uncovered_hours,
        uncovered_by_role=breakdown.by("role"),
        coordination_by_others_hours=sum(c.coordination_hours for c in carriers),
        hours_above_contract=sum(
            line.above_hours for line in contract_lines(problem, result.roster)
        ),
        cost_month=cost_today + extra,
        added_cost_month=extra,
        status=result.report.status,
        bound_hours=gap_proof(problem, result).bound_hours,
    )


def gap_proof(problem: PlanningProblem, result: PlanResult) -> GapProof:
    """Phase 1's bound in hours: no legal roster with this staff leaves a smaller gap."""
    uncovered = sum(gap.hours for gap in result.roster.gaps)
    phase = next((p for p in result.report.phases if p.name == "coverage"), None)
    weight = problem.rules.coverage_minimum.weight
    if phase is None or phase.best_bound is None or not weight:
        return GapProof(uncovered, None, "none" if phase is None else phase.status)
    return GapProof(uncovered, phase.best_bound / weight, phase.status)


def analyse_shelter(inputs: ShelterInputs, settings: GapSettings) -> ShelterGapAnalysis:
    """Today's gap, the cheapest posts that close it, the scenarios and the yearly view."""
    started = perf_counter()
    problem = inputs.problem
    today = solve(problem, settings.solver)
    staffing = recommend_posts(
        problem, settings.candidates, settings.solver, settings.staffing, today.roster.gaps
    )
    solver = ScenarioSolver(problem, settings, today)
    scenarios = [
        scenario_result(key, added, solver, inputs.cost_today)
        for key, added in scenario_plan(settings, staffing.hires)
    ]
    analysis = assemble(inputs, settings, today, staffing, scenarios)
    analysis.seconds = perf_counter() - started
    return analysis


def assemble(
    inputs: ShelterInputs,
    settings: GapSettings,
    today: PlanResult,
    staffing: StaffingResult,
    scenarios: list[ScenarioResult],
) -> ShelterGapAnalysis:
    """Put today's figures, the recommendation, the scenarios and the yearly view together."""
    problem = inputs.problem
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
        recommended=recommended_posts(settings, staffing.hires),
        fte_estimate=fte_estimate(breakdown.by("role"), capacity),
        capacity_hours=capacity,
        staffing_status=staffing.status,
        target_pct=settings.staffing.target_pct,
        reachable_gap_hours=staffing.reachable_gap_hours,
        uncovered_hours_after=next(s for s in scenarios if s.key == "recommended").uncovered_hours,
        yearly=need,
        yearly_roles=role_year_needs(need, demand, problem.staff),
        cost_today=inputs.cost_today,
        vacant_posts=dict(inputs.vacant_posts),
    )


def recommended_posts(settings: GapSettings, hires: Hires) -> list[RecommendedPost]:
    """The recommended set as post lines with their unit cost."""
    posts = []
    for candidate in settings.candidates:
        count = hires.get(candidate.role, 0)
        if count:
            posts.append(
                RecommendedPost(
                    candidate.role, count, candidate.monthly_cost, candidate.weekly_hours
                )
            )
    return posts
