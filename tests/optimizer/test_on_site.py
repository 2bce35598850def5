"""Never nobody on site: phase 1 leaves the fewest hours with nobody at all in the house,
right after the essential tier and before the normal one (RuleSet.someone_on_site).

Every roster is held to the independent validator (``solved``); the time with nobody on
site is counted by the validator (models/validator/unstaffed.py), never by the model.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pulp
import pytest
from optimizer_factories import feb, make_problem, person, solved

from models import Demand, PlanningProblem, Request, RuleSet, SolveControl, Tier
from models.report import FEASIBLE, SolveReport
from models.validator import validate
from models.validator.soft_coverage import tier_units
from models.validator.unstaffed import unstaffed_shifts, unstaffed_units
from optimizer import SolverSettings, solve
from optimizer.solvers import PhaseOutcome
from roster.bench.network import demo_problems

steps_module = import_module("optimizer.coverage_steps")
WEEK = range(1, 8)  # Monday 1 to Sunday 7 February 2027
WEEKDAYS = range(1, 6)


def floor(day: int, shift: str, role: str = "CUI") -> Demand:
    """One awake carer on a shift: the essential 24/7 floor."""
    return Demand(feb(day), shift, role, 1, 1, essential=1)


def shelter_week(carers: int, no_nights: bool = True, **rules: Any) -> PlanningProblem:
    """A week of the 24/7 floor (M, T, N) and a psychologist each weekday morning.

    Three carers give 18 of the 21 shifts (48 h a week each): one carer short of 24/7.
    With ``no_nights`` every carer would rather not work nights, so only the floor rule
    keeps the nights staffed.
    """
    staff = [person(f"c{k}") for k in range(carers)] + [person("p", "PSI")]
    demand = [floor(day, shift) for day in WEEK for shift in ("M", "T", "N")]
    demand += [Demand(feb(day), "M", "PSI", 1, 1) for day in WEEKDAYS]
    wishes = [
        Request(f"c{k}", feb(day), on=False, shift="N") for k in range(carers) for day in WEEK
    ]
    return make_problem(
        staff,
        demand,
        rules=RuleSet().with_changes(**rules),
        requests=wishes if no_nights else [],
    )


def holes(problem: PlanningProblem, result: Any) -> set[tuple[int, str]]:
    """The (day of month, shift) of every essential gap, by the validator."""
    return {
        (gap.day.day, gap.shift)
        for gap in validate(problem, result.roster).gaps
        if gap.tier == Tier.ESSENTIAL
    }


def test_one_carer_short_leaves_weekday_mornings_not_nights() -> None:
    """Binds: the same essential hours uncovered, but where the psychologist is in the house."""
    problem = shelter_week(carers=3)
    result = solved(problem, time_limit_phase2=5)
    short = holes(problem, result)
    assert len(short) == 3 and all(shift == "M" and day in WEEKDAYS for day, shift in short)
    assert unstaffed_shifts(problem, result.roster, result.roster.gaps) == []
    alone = result.report.unstaffed
    assert alone is not None and alone.proven and alone.uncovered == alone.bound == 0
    assert result.report.tier("essential").uncovered == 24  # kept at its proven least

    unguarded = shelter_week(carers=3, someone_on_site=False)
    before = solved(unguarded, time_limit_phase2=5)
    assert before.report.unstaffed is None
    assert tier_units(unguarded, before.roster)[Tier.ESSENTIAL] == 24  # the same essential hours
    nights = unstaffed_shifts(unguarded, before.roster, before.roster.gaps)
    assert nights and {item.shift for item in nights} == {"N"}  # the wishes emptied nights


def test_enough_carers_leave_nobody_alone_and_nothing_changes() -> None:
    """Holds: five carers staff the whole floor; the rule leaves the same coverage."""
    problem = shelter_week(carers=5, no_nights=False)
    result = solved(problem, time_limit_phase2=2)
    assert result.roster.gaps == []
    alone = result.report.unstaffed
    assert alone is not None and (alone.uncovered, alone.bound, alone.status) == (0, 0, "optimal")
    unguarded = shelter_week(carers=5, no_nights=False, someone_on_site=False)
    off = solved(unguarded, time_limit_phase2=2)
    assert off.roster.gaps == [] and off.report.tier("essential").uncovered == 0


@pytest.mark.parametrize("weight", [1000.0, 1.0], ids=["default", "scaled tie-break"])
def test_essential_cover_comes_before_someone_on_site(weight: float) -> None:
    """Holds: staffing the normal-only night would cost an essential shift, so it stays empty
    and the report proves the 8 hours alone cannot be fewer. With an essential hour priced
    at 1 the tie-break scales it up itself (8 h essential would weigh less than 24 h alone)."""
    demand = [floor(1, "M"), floor(1, "T"), Demand(feb(1), "N", "CUI", 1, 1)]
    rules = RuleSet().with_changes(
        coverage_minimum={"hard": False, "weight": weight}, essential_coverage_factor=1.0
    )
    problem = make_problem([person("a"), person("b")], demand, rules=rules)
    result = solved(problem)
    assert holes(problem, result) == set()
    [night] = unstaffed_shifts(problem, result.roster, result.roster.gaps)
    assert (night.shift, night.role) == ("N", "CUI")
    alone = result.report.unstaffed
    assert alone is not None and alone.proven
    assert (alone.uncovered, alone.bound, alone.shifts, alone.unit) == (8, 8, 1, "hours")
    assert alone.uncovered == unstaffed_units(problem, result.roster)
    data = result.report.to_dict()
    assert data["unstaffed"]["bound"] == 8
    assert SolveReport.from_dict(data).unstaffed == alone


def test_optional_cover_alone_never_calls_anyone_in() -> None:
    """A workshop (optional) with nobody there is no shift with nobody on site: her day
    off stands and nothing is reported alone."""
    workshop = Demand(feb(3), "M", "CUI", 1, 1, optional=1)
    off = Request("a", feb(3), on=False)
    result = solved(make_problem([person("a")], [workshop], requests=[off]))
    assert result.roster.assignments == []
    alone = result.report.unstaffed
    assert alone is not None and alone.uncovered == 0 and alone.shifts == 0


def test_a_solve_stopped_after_the_floor_step_keeps_its_proofs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Stopped once the essential step (with the time alone as its tie-break) has run:
    its roster comes back valid with both figures proven, and progress was reported
    through the step."""
    runs: list[float] = []
    real = steps_module.run_phase

    def counted(*args: Any, **kwargs: Any) -> Any:
        outcome = real(*args, **kwargs)
        runs.append(outcome.seconds)
        return outcome

    monkeypatch.setattr(steps_module, "run_phase", counted)
    problem = shelter_week(carers=3)
    seen: list[str] = []
    control = SolveControl(
        on_progress=lambda progress: seen.append(progress.phase),
        should_stop=lambda: len(runs) >= 1,
    )
    result = solve(problem, SolverSettings(time_limit_phase1=30, time_limit_phase2=30), control)
    report = result.report
    assert report.cancelled and len(runs) == 1  # the normal step never ran
    assert validate(problem, result.roster).violations == []
    assert report.tier("essential").proven and report.tier("essential").uncovered == 24
    assert report.unstaffed is not None and report.unstaffed.proven
    assert report.unstaffed.uncovered == 0
    assert seen.count("coverage") >= 2  # the step entered, then the stop seen


def goal(name: str, value: float, step: float, most: float) -> Any:
    """A goal over one column already holding ``value`` (as after a run)."""
    column = pulp.LpProblem("goals").add_variable(f"g_{name}", 0, most)
    column.varValue = value
    return steps_module.Goal(name, pulp.LpAffineExpression([(column, 1.0)]), 1.0, step, most)


@pytest.mark.parametrize(
    ("bound", "proofs"),
    [
        (9056.0, [(96, "optimal"), (32, "optimal")]),
        (9030.0, [(96, "optimal"), (6, "feasible")]),
        (9000.0, [(88, "feasible"), (None, "feasible")]),
    ],
)
def test_the_tie_break_splits_its_bound_into_one_proof_per_goal(
    bound: float, proofs: list[tuple[float | None, str]]
) -> None:
    """K x 96 + 32 with K = 94 (one 8 h essential step outweighs the 744 h alone can be).
    A bound at the objective proves both. At 9030 every roster has essential >= (9030 -
    744) / 94 = 88.2, so 96 on the 8 h grid: proven, and those rosters leave at least
    9030 - 94 x 96 = 6 h alone, short of 32. At 9000 the essential bound is 88: neither."""
    essential = goal("essential", 96, 8, 1000)
    alone = goal("unstaffed", 32, 8, 744)
    scale = steps_module.tie_scale(essential, alone)
    assert scale == 94
    run = PhaseOutcome(FEASIBLE, 9056.0, bound, None, 1.0)
    steps = steps_module.split(run, essential, alone, scale)
    assert [(step.outcome.best_bound, step.outcome.status) for step in steps] == proofs


@pytest.mark.slow
def test_hvc_march_2027_leaves_the_proven_least_time_alone() -> None:
    """The demo's Huancavelica shelter, three carers for a 24/7 floor: with the essential
    hours at their proven least, the hours with nobody on site are proven too, and the
    validator counts the same in the roster."""
    problem = next(p for p in demo_problems(2027, 3) if p.shelter.code == "HRT-HVC-01")
    result = solved(problem, time_limit_phase1=60, time_limit_phase2=5)
    floor_tier, alone = result.report.tier("essential"), result.report.unstaffed
    assert floor_tier is not None and floor_tier.proven and floor_tier.uncovered == floor_tier.bound
    assert alone is not None and alone.proven, alone
    assert alone.uncovered == alone.bound == unstaffed_units(problem, result.roster)
    found = unstaffed_shifts(problem, result.roster, result.roster.gaps)
    assert alone.shifts == len(found)
