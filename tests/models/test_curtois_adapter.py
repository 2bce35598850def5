"""Curtois & Qu: the adapter, and the product's validator agreeing with the benchmark's judge.

The key check: for many rosters (legal ones, ones broken in a cell or two, random
ones) of Instance 1 and of the tiny instance, ``models.validator.validate`` on the
adapted problem finds a roster legal exactly when the independent evaluator does,
breaks the same rules for the same people, and its total penalty is the official
objective. That is what shows the product's domain expresses the benchmark.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from curtois_factories import BASELINE, Cells, changed, real_instance, tiny

from models import AbsenceKind, Request
from models.curtois import (
    BEST_KNOWN,
    CURTOIS_START,
    CurtoisInstance,
    cover_weights,
    evaluate,
    from_roster,
    roster_rows,
    to_problem,
    to_roster,
)
from models.validator import validate

# README rule -> the product rule that expresses it
RULE_CODES = {
    1: "H2",
    2: "H11",
    3: "H10",
    4: "H10",
    5: "H10",
    6: "H10",
    7: "H10",
    8: "H10",
    9: "H6",
}


# An optimal roster of Instance 1 (found once with a plain PuLP + HiGHS model), "D" = works
INSTANCE_1_OPTIMUM = {
    "A": ".DDDD..DDD..DD",
    "B": "DDDDD..DD..DD.",
    "C": "DDD..DDD..DD..",
    "D": "DD...DDDDD....",
    "E": ".DDDD..DD..DDD",
    "F": "DDD....DD..DDD",
    "G": "..DDD...DD..DD",
    "H": "DD..DD..DDDD..",
}


def test_an_optimal_roster_of_instance_1_scores_the_best_known_607_in_both_judges() -> None:
    instance = real_instance(1)
    cells = {
        (staff, day): shift
        for staff, row in INSTANCE_1_OPTIMUM.items()
        for day, shift in enumerate(row)
        if shift != "."
    }
    evaluation = evaluate(instance, cells)
    assert evaluation.is_feasible and evaluation.objective == BEST_KNOWN[1] == 607
    problem = to_problem(instance)
    report = validate(problem, to_roster(problem, cells))
    assert report.is_legal and report.total_penalty == 607
    assert report.penalties["S1"] + report.penalties["S2"] == (
        evaluation.breakdown["under"] + evaluation.breakdown["over"]
    )
    assert report.penalties["S5"] == (
        evaluation.breakdown["on_requests"] + evaluation.breakdown["off_requests"]
    )


def test_tiny_instance_becomes_a_planning_problem() -> None:
    problem = to_problem(tiny())
    assert problem.days[0] == CURTOIS_START and len(problem.days) == 7
    assert [s.code for s in problem.shift_types] == ["E", "L"]
    assert problem.rules.forbidden_successions == (("L", "E"),)
    assert problem.rules.coverage_unit == "shifts"
    assert [(a.staff_id, a.kind, a.start.day) for a in problem.absences] == [
        ("A", AbsenceKind.LEAVE, 4),
        ("C", AbsenceKind.LEAVE, 3),
    ]
    assert problem.requests[1] == Request("B", date_of(4), True, "E", 3)
    assert problem.requests[2] == Request("C", date_of(0), False, "L", 1)
    limits = problem.limits["A"]
    assert limits.max_shifts_by_type == {"E": 7, "L": 2} and limits.max_minutes == 3200
    assert (limits.min_consecutive_days, limits.min_consecutive_days_off) == (2, 2)
    assert len(problem.demand) == 14 and problem.demand[1].minimum == 2
    off = ["H3", "H4", "H5", "H7", "S3", "S4", "S6", "S7"]
    assert not any(problem.rules.is_on(code) for code in off)


def date_of(day: int) -> date:
    """The date of benchmark day ``day``."""
    return to_problem(tiny()).days[day]


def test_rosters_go_there_and_back() -> None:
    problem = to_problem(tiny())
    roster = to_roster(problem, BASELINE)
    assert from_roster(tiny(), roster) == BASELINE
    assert roster_rows(roster) == sorted((s, d, shift) for (s, d), shift in BASELINE.items())
    doubled = to_roster(problem, [*roster_rows(roster), ("C", 0, "E")])
    with pytest.raises(ValueError, match="dos turnos"):
        from_roster(tiny(), doubled)


def test_cover_weights_must_be_uniform_and_complete() -> None:
    instance = tiny()
    assert cover_weights(instance) == (100, 1)
    instance.cover[0] = instance.cover[0]._replace(weight_over=5)
    with pytest.raises(ValueError, match="pesos de cobertura distintos"):
        to_problem(instance)
    instance = tiny()
    instance.cover.pop()
    with pytest.raises(ValueError, match="líneas de cobertura"):
        to_problem(instance)


def agree(instance: CurtoisInstance, cells: Cells | list[tuple[str, int, str]]) -> bool:
    """Assert validator and evaluator agree on one roster; True when it is legal."""
    problem = to_problem(instance)
    report = validate(problem, to_roster(problem, cells))
    evaluation = evaluate(instance, cells)
    assert report.is_legal == evaluation.is_feasible
    assert report.total_penalty == evaluation.objective
    product = {(v.rule, v.staff_id) for v in report.violations}
    benchmark = {(RULE_CODES[v.rule], v.staff) for v in evaluation.violations}
    assert product == benchmark
    return report.is_legal


def test_agreement_on_the_hand_made_cases() -> None:
    instance = tiny()
    assert agree(instance, BASELINE)
    for moves in ({"C4": "E"}, {"B3": "L"}, {"B1": None, "B2": None, "B3": None}, {"B4": "E"}):
        assert not agree(instance, changed(BASELINE, **moves))
    for moves in ({"C4": None}, {"A4": "E"}, {"C5": "L"}, {"C2": "L"}):
        assert not agree(instance, changed(BASELINE, **moves))
    assert not agree(
        instance, [*sorted((s, d, x) for (s, d), x in BASELINE.items()), ("C", 0, "E")]
    )


def block_row(rng: random.Random, instance: CurtoisInstance, staff: str) -> dict[int, str]:
    """One person's days: alternate blocks of work and rest of about the allowed lengths.

    A work block keeps one shift (of a type she may work), so a cannot-follow rule can
    only be broken by a later perturbation.
    """
    person = instance.staff_by_id[staff]
    allowed = [s for s in sorted(instance.shifts) if person.max_shifts.get(s, 1) > 0]
    work = (max(1, person.min_consecutive), max(1, person.max_consecutive))
    rest = max(1, person.min_consecutive_days_off)
    row: dict[int, str] = {}
    day, working = rng.randrange(-work[1], 1), rng.random() < 0.5
    while day < instance.horizon:
        length = rng.randint(*work) if working else rng.randint(rest, rest + 3)
        shift = rng.choice(allowed)
        if working:
            row.update({d: shift for d in range(max(0, day), day + length)})
        day, working = day + length, not working
    return {day: shift for day, shift in row.items() if day < instance.horizon}


def legal_row(rng: random.Random, instance: CurtoisInstance, staff: str) -> dict[int, str]:
    """A row the evaluator finds legal for ``staff`` alone (rules 1-9 are per person)."""
    alone = replace(instance, staff=[instance.staff_by_id[staff]], on_requests=[], off_requests=[])
    alone.cover = []
    for _ in range(500):
        row = block_row(rng, instance, staff)
        if evaluate(alone, {(staff, day): shift for day, shift in row.items()}).is_feasible:
            return row
    raise AssertionError(f"no legal row found for {staff}")


def sample_rosters(
    instance: CurtoisInstance, count: int, seed: int, legal: bool = True
) -> list[Cells]:
    """Rosters of legal rows (4 in 5, when ``legal``) or of block rows, then 0-2 cells changed."""
    rng = random.Random(seed)
    shifts = sorted(instance.shifts)
    rosters = []
    for index in range(count):
        cells: Cells = {}
        for person in instance.staff:
            pick = legal_row if legal and index % 5 else block_row
            row = pick(rng, instance, person.id)
            cells.update({(person.id, day): shift for day, shift in row.items()})
        for _ in range(rng.choice([0, 0, 1, 2])):
            cell = (rng.choice(instance.staff).id, rng.randrange(instance.horizon))
            choice = rng.choice([*shifts, None])
            if choice is None:
                cells.pop(cell, None)
            else:
                cells[cell] = choice
        rosters.append(cells)
    return rosters


def test_agreement_on_many_rosters_of_the_tiny_instance() -> None:
    instance = tiny()
    verdicts = [agree(instance, cells) for cells in sample_rosters(instance, 300, seed=7)]
    assert 50 <= sum(verdicts) <= 250  # both legal and illegal rosters were compared


def test_agreement_on_many_rosters_of_instance_1() -> None:
    instance = real_instance(1)
    verdicts = [agree(instance, cells) for cells in sample_rosters(instance, 200, seed=11)]
    assert 50 <= sum(verdicts) <= 180


def test_agreement_on_instance_3_with_three_shift_types() -> None:
    instance = real_instance(3)
    verdicts = [agree(instance, cells) for cells in sample_rosters(instance, 100, seed=3)]
    assert 20 <= sum(verdicts) <= 90


@pytest.mark.parametrize("number", [2, 5, 8, 12, 14])
def test_agreement_on_rough_rosters_of_larger_instances(number: int) -> None:
    instance = real_instance(number)
    for cells in sample_rosters(instance, 10, seed=number, legal=False):
        agree(instance, cells)
