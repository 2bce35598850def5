"""Demand from occupancy: a coverage rule's ratio of residents adds people to its minimum once
the month's expected occupancy is known."""

from __future__ import annotations

from datetime import date

import pytest
from models_factories import make_problem

from models import CoverageRule, DayClass
from models.occupancy import Occupancy, ResidentGroup, ResidentRatio

ABOVE_40 = ResidentRatio(ResidentGroup.RESIDENTS, 40, above=40)  # DOMAIN.md: +1 beyond 40
PER_8_CHILDREN = ResidentRatio(ResidentGroup.CHILDREN, 8)


def demand_on(problem, day: date, shift: str = "M"):  # noqa: ANN001, ANN201
    return next(n for n in problem.demand if n.day == day and n.shift == shift)


@pytest.mark.parametrize(
    ("women", "children", "minimum"), [(20, 20, 2), (20, 21, 3), (40, 41, 4), (0, 0, 2)]
)
def test_residents_beyond_40_add_a_carer(women: int, children: int, minimum: int) -> None:
    rule = CoverageRule("CUI", "M", DayClass.WEEKDAY, 2, 2, ratio=ABOVE_40)
    problem = make_problem(coverage=[rule], occupancy=Occupancy(2026, 3, women, children))
    need = demand_on(problem, date(2026, 3, 2))
    assert (need.minimum, need.desired) == (minimum, minimum)


def test_one_carer_per_eight_children_under_a_rule_of_none() -> None:
    rule = CoverageRule("CUI", "T", DayClass.WEEKDAY, 0, 0, ratio=PER_8_CHILDREN)
    without = make_problem(coverage=[rule])
    assert [n for n in without.demand if n.shift == "T"] == []
    busy = make_problem(coverage=[rule], occupancy=Occupancy(2026, 3, 10, 17, 5))
    assert demand_on(busy, date(2026, 3, 2), "T").minimum == 3


def test_occupancy_counts_are_checked() -> None:
    assert Occupancy(2026, 3, 10, 12, 4).count(ResidentGroup.UNDER_SIX) == 4
    with pytest.raises(ValueError, match="under six"):
        Occupancy(2026, 3, 10, 3, 4)
    with pytest.raises(ValueError, match="per >= 1"):
        ResidentRatio(ResidentGroup.WOMEN, 0)
