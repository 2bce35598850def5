"""Sick-call resilience of the scenarios: drawn unplanned absences, each repaired.

For each distinct set of posts, the month is planned (the full solve, as ``roster plan``
would: the assistant stands by where the shelter is thinnest), then each drawn sick call
(models.resilience) is repaired with the past fixed and as few changes as possible: first
the quick repair (models.repair.greedy_repair: each lost shift to someone free, nobody
moved), and where it leaves a gap, the sick-call repair itself (roster.repair.solve_repair,
held to ``repair_seconds`` a phase). Every scenario draws its calls with the same seed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from models.gaps import ScenarioResult
from models.problem import PlanningProblem
from models.repair import greedy_repair
from models.resilience import (
    CallOutcome,
    Resilience,
    SickCall,
    SickRates,
    draw_sick_calls,
    owed_uncovered_hours,
)
from models.roster import Roster
from optimizer import SolverSettings
from roster.gaps.settings import ResilienceSettings
from roster.repair import solve_repair
from roster.services.repair import RepairSetup

OnProgress = Callable[[int, int], None]  # (steps done, steps in all)
Hires = dict[str, int]


def call_outcome(
    problem: PlanningProblem, plan: Roster, call: SickCall, repair: SolverSettings
) -> CallOutcome:
    """The hours ``call`` leaves uncovered beyond the plan's own gap, once repaired."""
    month = replace(problem, absences=[*problem.absences, call.absence()])
    before = owed_uncovered_hours(month, plan.assignments, call.first)
    quick = greedy_repair(month, plan.assignments, call.first)
    if owed_uncovered_hours(month, quick, call.first) <= before + 1e-6:
        return CallOutcome(call, 0.0, "greedy")
    setup = RepairSetup(problem.shelter.code, call.first, month, plan)
    outcome = solve_repair(setup, repair, compare=False)
    after = owed_uncovered_hours(month, outcome.roster.assignments, call.first)
    return CallOutcome(call, max(0.0, after - before), outcome.summary.method)


def measure(
    problem: PlanningProblem,
    plan: Roster,
    settings: ResilienceSettings,
    solver: SolverSettings,
    on_call: Callable[[], None] = lambda: None,
) -> Resilience:
    """The drawn sick calls of ``plan``, each repaired (``on_call`` after each one)."""
    rates = SickRates.of(problem)
    calls = draw_sick_calls(problem, plan.assignments, rates, settings.draws, settings.seed)
    limit = settings.repair_seconds
    repair = replace(solver, time_limit_phase1=limit, time_limit_phase2=limit)
    outcomes = []
    for call in calls:
        outcomes.append(call_outcome(problem, plan, call, repair))
        on_call()
    return Resilience(outcomes, rates.expected_calls(problem))


def measure_scenarios(
    scenarios: list[ScenarioResult],
    problem_with: Callable[[Hires], PlanningProblem],
    plan_of: Callable[[Hires], Roster],
    settings: ResilienceSettings,
    solver: SolverSettings,
    on_progress: OnProgress | None = None,
) -> None:
    """Fill ``resilience_pct`` and ``expected_uncovered_hours`` of every scenario; a set of
    posts shared by two scenarios is measured once."""
    keys = {tuple(sorted(item.added.items())): item.added for item in scenarios}
    total, done = len(keys) * settings.draws, 0

    def tick() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    measured = {
        key: measure(problem_with(added), plan_of(added), settings, solver, tick)
        for key, added in keys.items()
    }
    for item in scenarios:
        result = measured[tuple(sorted(item.added.items()))]
        item.resilience_pct = result.covered_pct
        item.expected_uncovered_hours = result.expected_uncovered_hours
