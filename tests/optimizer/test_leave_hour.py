"""The breastfeeding hour (Ley 27240) shortens each worked day of its period: the optimiser
rosters her, counts one hour less a day against the weekly cap, and the validator agrees."""

from __future__ import annotations

import pytest
from optimizer_factories import every_day, feb, make_problem, person, solved

from models import Absence, AbsenceKind, RuleSet
from models.roster import GapReason

RULES = RuleSet().with_changes(
    max_consecutive_days=7, weekly_rest={"enabled": False}, weekly_hours_cap=42.0
)


def nursing(staff_id: str) -> Absence:
    return Absence(staff_id, AbsenceKind.BREASTFEEDING, feb(1), feb(28))


@pytest.mark.parametrize("solver", ["highs", "cbc"])
def test_the_breastfeeding_hour_shortens_a_day(solver: str) -> None:
    plain = solved(make_problem([person("a")], every_day("M"), rules=RULES), solver)
    nursing_mother = make_problem(
        [person("a")], every_day("M"), rules=RULES, absences=[nursing("a")]
    )
    shorter = solved(nursing_mother, solver)
    # a 42-hour cap holds five 8-hour mornings a week, or six mornings of 7 worked hours
    assert len(plain.roster.assignments) == 4 * 5
    assert len(shorter.roster.assignments) == 4 * 6
    assert {gap.reason for gap in shorter.roster.gaps} == {GapReason.WEEKLY_HOURS}
