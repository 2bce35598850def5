"""A scenario's coverage (optimizer.staffing.cover_with_posts) fills optional cover too.

February 2027: a caregiver every night (normal cover), a workshop (optional cover, one
caregiver on the morning shift every day) and three caregivers who can give both. Phase 1
proves only essential and normal cover, so without the second step a scenario would leave
every optional shift open while today's full solve (which prices optional cover in phase 2)
gives it: the two would not compare.
"""

from __future__ import annotations

from optimizer_factories import feb, make_problem, person

from models import Demand
from optimizer import SolverSettings
from optimizer.staffing import cover_with_posts


def test_a_scenario_gives_the_optional_cover_its_staff_can() -> None:
    days = range(1, 29)
    nights = [Demand(feb(day), "N", "CUI", 1, 1) for day in days]
    workshop = [Demand(feb(day), "M", "CUI", 1, 1, optional=1) for day in days]
    problem = make_problem([person("c1"), person("c2"), person("c3")], nights + workshop)
    result = cover_with_posts(problem, SolverSettings(time_limit_phase1=10, time_limit_phase2=10))
    assert result.report.status == "optimal"
    assert result.roster.gaps == []
    mornings = {a.day for a in result.roster.assignments if a.shift == "M"}
    assert mornings == {feb(day) for day in days}
