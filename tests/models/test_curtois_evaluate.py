"""Curtois & Qu: the independent evaluator, every hard rule broken once, objectives by hand.

The tiny instance and its baseline are described in curtois_factories (objective 6).
Each case changes the baseline in one or two cells; the comment gives the arithmetic.
"""

from __future__ import annotations

import pytest
from curtois_factories import BASELINE, Cells, changed, tiny

from models.curtois import CurtoisViolation, evaluate


def rows_of(cells: Cells) -> list[tuple[str, int, str]]:
    """Cells as (staff, day, shift) rows."""
    return [(staff, day, shift) for (staff, day), shift in sorted(cells.items())]


def test_the_baseline_is_feasible_and_costs_6() -> None:
    evaluation = evaluate(tiny(), BASELINE)
    assert evaluation.is_feasible and evaluation.violations == []
    assert evaluation.breakdown == {"on_requests": 3, "off_requests": 3, "under": 0, "over": 0}
    assert evaluation.objective == 6


def test_rule_1_two_shifts_on_one_day() -> None:
    rows = [*rows_of(BASELINE), ("C", 0, "E")]  # C: L and E on day 0; E on day 0 over by 1
    evaluation = evaluate(tiny(), rows)
    assert [(v.rule, v.staff, v.days) for v in evaluation.violations] == [(1, "C", (0,))]
    assert evaluation.objective == 6 + 1


# (moves, rule, staff, days, objective: baseline 6 + the change)
CASES = [
    # L on day 3 then E on day 4; L on 4 short by 1 (100), E on 4 over by 1 (1)
    ({"C4": "E"}, 2, "C", (3, 4), 6 + 100 + 1),
    # B may never work L; E on 3 short by 1 (100), L on 3 over by 1 (1)
    ({"B3": "L"}, 3, "B", (3,), 6 + 100 + 1),
    # B works nothing: 0 < 480 minutes; E short on days 1, 2 and 3 (300)
    ({"B1": None, "B2": None, "B3": None}, 4, "B", (), 6 + 300),
    # B works days 1-4 (max 3); E on 4 over by 1 (1), her request for E on 4 met (-3)
    ({"B4": "E"}, 5, "B", (1, 2, 3, 4), 6 + 1 - 3),
    # C works day 3 alone (min 2); L on 4 short by 1 (100); her days off 4-6 touch the end
    ({"C4": None}, 6, "C", (3,), 6 + 100),
    # A is off on day 3 only (min 2 days off); E on 4 over by 1 (1)
    ({"A4": "E"}, 7, "A", (3,), 6 + 1),
    # C may work no weekend; L on 5 over by 1 (1)
    ({"C5": "L"}, 8, "C", (5,), 6 + 1),
    # C works her fixed day off 2; L on 2 over by 1 (1)
    ({"C2": "L"}, 9, "C", (2,), 6 + 1),
]


@pytest.mark.parametrize(("moves", "rule", "staff", "days", "objective"), CASES)
def test_each_rule_broken_once(
    moves: dict[str, str | None], rule: int, staff: str, days: tuple[int, ...], objective: int
) -> None:
    evaluation = evaluate(tiny(), changed(BASELINE, **moves))
    assert [(v.rule, v.staff, v.days) for v in evaluation.violations] == [(rule, staff, days)]
    assert evaluation.objective == objective and not evaluation.is_feasible


def test_breakdown_of_a_mixed_case() -> None:
    # B3 -> L: E short on 3 (under 100), L over on 3 (over 1); requests unchanged (3 + 3)
    evaluation = evaluate(tiny(), changed(BASELINE, B3="L"))
    assert evaluation.breakdown == {"on_requests": 3, "off_requests": 3, "under": 100, "over": 1}


def test_short_runs_touching_either_end_are_exempt() -> None:
    # C works day 0 alone (min 2) and A works day 6 alone: both touch an end
    cells = changed(BASELINE, C1=None, A5=None)
    rules = {v.rule for v in evaluate(tiny(), cells).violations}
    assert 6 not in rules and 7 not in rules


def test_the_same_short_run_inside_the_horizon_is_not_exempt() -> None:
    # A: E 0-2, off 3-4, L on 5, off 6: the day off 6 touches the end (exempt), the
    # one-day run on 5 does not (min 2)
    evaluation = evaluate(tiny(), changed(BASELINE, A6=None))
    assert evaluation.violations == [
        CurtoisViolation(6, "A", (5,), "racha de trabajo de 1 día (mínimo 2)")
    ]


def test_unknown_ids_and_days_are_refused() -> None:
    with pytest.raises(ValueError, match="desconocido"):
        evaluate(tiny(), {("Z", 0): "E"})
    with pytest.raises(ValueError, match="desconocido"):
        evaluate(tiny(), {("A", 0): "N"})
    with pytest.raises(ValueError, match="fuera del horizonte"):
        evaluate(tiny(), {("A", 7): "E"})
