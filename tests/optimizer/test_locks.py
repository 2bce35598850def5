"""H8 locks: kept; a lock contradicting a fact is dropped and reported; locks breaking a time
rule are kept, that rule is relaxed for that person only, and the report names it."""

from __future__ import annotations

import pytest
from optimizer_factories import (
    SOLVERS,
    absence,
    assert_validated,
    feb,
    make_problem,
    need,
    person,
    solved,
    without,
)

from models import Assignment, RuleSet
from models.roster import AssignmentSource
from models.validator import validate
from optimizer import SolverSettings, solve


def lock(staff_id: str, day: int, shift: str, role: str = "CUI") -> Assignment:
    return Assignment(staff_id, feb(day), shift, role, locked=True, source=AssignmentSource.MANUAL)


@pytest.mark.parametrize("solver", SOLVERS)
def test_a_lock_is_kept_even_without_demand(solver: str) -> None:
    problem = make_problem(
        [person("a"), person("b")], [need(feb(3), "M")], locks=[lock("b", 5, "T")]
    )
    result = solved(problem, solver)
    kept = [a for a in result.roster.assignments if a.staff_id == "b" and a.day == feb(5)]
    assert [(a.shift, a.locked, a.source) for a in kept] == [("T", True, AssignmentSource.MANUAL)]
    assert result.report.units["S2"] == 8  # the locked shift is over-coverage
    assert result.report.infeasibilities == []


def test_a_lock_takes_the_cell_the_optimiser_would_give_someone_else() -> None:
    staff = [person("a"), person("b")]
    demand = [need(feb(3), "M")]
    result = solved(make_problem(staff, demand, locks=[lock("b", 3, "M")]))
    assert [(a.staff_id, a.locked) for a in result.roster.assignments] == [("b", True)]


def test_with_h8_off_locks_are_ignored() -> None:
    problem = make_problem(
        [person("a")], [], rules=without(RuleSet(), "H8"), locks=[lock("a", 5, "T")]
    )
    assert solved(problem).roster.assignments == []


def test_a_lock_during_an_absence_is_dropped_and_reported() -> None:
    problem = make_problem(
        [person("a")], [], locks=[lock("a", 10, "M")], absences=[absence("a", feb(9), feb(11))]
    )
    result = solve(problem, SolverSettings())
    assert result.roster.assignments == []
    [item] = result.report.infeasibilities
    assert (item.rule, item.staff_id, item.days) == ("H6", "a", (feb(10),))
    assert "10/02/2027" in item.message
    assert item.to_dict()["days"] == ["2027-02-10"]
    assert_validated(problem, result, allowed=1)  # the validator misses the lock (H8)
    assert validate(problem, result.roster).rules_broken() == {"H8"}


def test_locks_that_break_min_rest_are_kept_and_named() -> None:
    locks = [lock("a", 3, "N"), lock("a", 4, "M")]
    demand = [need(feb(4), "T"), need(feb(5), "M")]
    problem = make_problem([person("a")], demand, locks=locks)
    result = solve(problem, SolverSettings())
    assert {(a.day, a.shift) for a in result.roster.assignments if a.locked} == {
        (feb(3), "N"),
        (feb(4), "M"),
    }
    rules_named = {(item.rule, item.days) for item in result.report.infeasibilities}
    assert rules_named == {("H3", (feb(3), feb(4)))}
    violations = validate(problem, result.roster).violations
    assert [(v.rule, v.days) for v in violations] == [("H3", (feb(3), feb(4)))]
    assert_validated(problem, result, allowed=1)


def test_a_locked_week_without_rest_is_reported_not_failed() -> None:
    rules = RuleSet().with_changes(max_consecutive_days=31)
    locks = [lock("a", day, "C") for day in range(1, 8)]
    problem = make_problem([person("a")], [need(feb(9), "C")], rules=rules, locks=locks)
    result = solve(problem, SolverSettings())
    assert sum(a.locked for a in result.roster.assignments) == 7
    assert {item.rule for item in result.report.infeasibilities} == {"H4"}
    assert validate(problem, result.roster).rules_broken() == {"H4"}
