"""Never nobody on site: phase 1 leaves the fewest hours with nobody at all in the house,
right after the essential tier and before the normal one (RuleSet.someone_on_site).

Every roster is held to the independent validator (``solved``); the time with nobody on
site is counted by the validator (models/validator/unstaffed.py), never by the model.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import pytest
from optimizer_factories import feb, make_problem, person, solved

from models import Demand, PlanningProblem, Request, RuleSet, SolveControl, Tier
from models.report import SolveReport
from models.validator import validate
from models.validator.soft_coverage import tier_units
from models.validator.unstaffed import unstaffed_shifts, unstaffed_units
from optimizer import SolverSettings, solve

solve_module = import_module("optimizer.solve")  # the package's ``solve`` is the function
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


def test_essential_cover_comes_before_someone_on_site() -> None:
    """Holds: staffing the normal-only night would cost an essential shift, so it stays empty
    and the report proves the 8 hours alone cannot be fewer."""
    demand = [floor(1, "M"), floor(1, "T"), Demand(feb(1), "N", "CUI", 1, 1)]
    problem = make_problem([person("a"), person("b")], demand)
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


@pytest.mark.parametrize(("steps", "left"), [(1, "skipped"), (2, "optimal")])
def test_a_solve_stopped_around_the_step_returns_a_valid_roster(
    monkeypatch: pytest.MonkeyPatch, steps: int, left: str
) -> None:
    """Stopped after the essential step (1) or after the unstaffed one (2): the roster of
    the last finished step, each proof as far as it ran, progress reported throughout."""
    runs: list[float] = []
    real = solve_module.run_phase

    def counted(*args: Any, **kwargs: Any) -> Any:
        outcome = real(*args, **kwargs)
        runs.append(outcome.seconds)
        return outcome

    monkeypatch.setattr(solve_module, "run_phase", counted)
    problem = shelter_week(carers=3)
    seen: list[str] = []
    control = SolveControl(
        on_progress=lambda progress: seen.append(progress.phase),
        should_stop=lambda: len(runs) >= steps,
    )
    result = solve(problem, SolverSettings(time_limit_phase1=30, time_limit_phase2=30), control)
    report = result.report
    assert report.cancelled and len(runs) == steps
    assert validate(problem, result.roster).violations == []
    assert report.tier("essential").proven
    assert report.unstaffed is not None and report.unstaffed.status == left
    assert seen.count("coverage") >= steps + 1  # every step entered, then the stop seen
