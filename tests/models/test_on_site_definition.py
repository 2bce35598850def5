"""Who is on site (models.on_site): the one definition the validator and the optimiser share."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from models_factories import CARER, PSYCHOLOGIST, make_problem, on, person, roster_of

from models import Demand, RuleSet
from models.on_site import floor_shifts, overlapping_shifts
from models.validator.soft_coverage import coverage_gaps
from models.validator.unstaffed import unstaffed_shifts, unstaffed_units

MONDAY = date(2026, 3, 2)
SUNDAY = MONDAY - timedelta(days=1)


def test_a_shift_is_staffed_by_every_shift_whose_hours_overlap_it() -> None:
    """M 07-15 shares time with E 06-14, C 08-12 and a guard from 07:00; not with the night
    before, which ends as M starts."""
    problem = make_problem()
    assert set(overlapping_shifts(problem, MONDAY, "M")) == {
        (MONDAY, "M"),
        (MONDAY, "E"),
        (MONDAY, "C"),
        (MONDAY, "G"),
    }
    early = set(overlapping_shifts(problem, MONDAY, "E"))
    assert {(SUNDAY, "N"), (SUNDAY, "G")} <= early  # 06:00-07:00 is still the night's


def test_only_owed_cover_can_be_left_with_nobody() -> None:
    """The floor's shifts carry essential or normal cover; an optional workshop alone is not one."""
    demand = [
        Demand(MONDAY, "N", CARER, 1, 1, essential=1),
        Demand(MONDAY, "M", PSYCHOLOGIST, 1, 1),
        Demand(MONDAY, "T", PSYCHOLOGIST, 1, 1, optional=1),
    ]
    problem = make_problem(explicit_demand=demand)
    assert floor_shifts(problem) == [(MONDAY, "M"), (MONDAY, "N")]
    empty = roster_of(problem, [])
    alone = unstaffed_shifts(problem, empty, coverage_gaps(problem, empty))
    assert [(item.shift, item.role) for item in alone] == [("M", PSYCHOLOGIST), ("N", CARER)]


def test_the_time_alone_counts_hours_or_shifts() -> None:
    demand = [Demand(MONDAY, shift, CARER, 1, 1, essential=1) for shift in ("M", "T", "N")]
    staff = [person("s1"), person("s2", (PSYCHOLOGIST,))]
    problem = make_problem(explicit_demand=demand, staff=staff)
    roster = roster_of(problem, [on(MONDAY, "C", "s2", PSYCHOLOGIST)])  # 08-12: M not alone
    assert unstaffed_units(problem, roster) == 16  # T and N, 8 hours each
    by_shift = replace(problem, rules=RuleSet(coverage_unit="shifts"))
    assert unstaffed_units(by_shift, roster) == 2
