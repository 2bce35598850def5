"""Repairing a published month after an unplanned absence: the problem and what changed.

A repair re-plans the days from a date to the month's end with everything before that
date fixed. The past is not a set of locks the solver could work around: its shifts
become history (H9), which the hard rules read exactly as they read the previous
month's last week, so no variable exists before the date. The published roster is the
reference of rule S7 (stability), so the solver changes as few cells as the new
absence and the other rules allow. Pure functions: no solver, no storage.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from models.candidates import rank_candidates
from models.problem import FairnessTally, PlanningProblem
from models.roster import Assignment, Gap, Roster
from models.validator.soft_coverage import coverage_gaps

Cell = tuple[str, str]  # (shift code, role code) a person holds on a day

# S7 points per changed cell in a repair (the shelter's own weight if higher). Above what
# one shift can gain on the quality rules (S2 desired cover: 10 an hour, 120 for a 12-hour
# shift; S3 contract hours: 1 an hour; S4-S6 a few points), far below S1 (1000 an uncovered
# hour): a repair covers every minimum it can, then changes as few cells as possible.
REPAIR_STABILITY_WEIGHT = 500.0


@dataclass(frozen=True)
class CellChange:
    """One person's day that differs between two rosters: what she held before and after."""

    staff_id: str
    day: date
    before: Cell | None
    after: Cell | None


@dataclass(frozen=True)
class Uncovered:
    """Minimum demand left uncovered over some days: people-shifts and person-hours."""

    shifts: int
    hours: float


def _forbidden(problem: PlanningProblem, assignment: Assignment) -> bool:
    """True when an absence of the problem falls on the assignment's day (H6)."""
    return any(
        absence.staff_id == assignment.staff_id and absence.covers(assignment.day)
        for absence in problem.absences
    )


def _tallies_with(problem: PlanningProblem, worked: list[Assignment]) -> dict[str, FairnessTally]:
    """The problem's fairness tallies plus the nights, weekend days and feriados of ``worked``."""
    threshold = problem.rules.night_shift_threshold_minutes
    holidays = problem.calendar
    nights: Counter[str] = Counter()
    weekends: Counter[str] = Counter()
    feriados: Counter[str] = Counter()
    for a in worked:
        shift = problem.shifts.get(a.shift)
        nights[a.staff_id] += bool(shift and shift.is_night(threshold))
        weekends[a.staff_id] += a.day.weekday() >= 5
        feriados[a.staff_id] += holidays.is_holiday(a.day)
    people = set(problem.tallies) | {a.staff_id for a in worked}
    empty = FairnessTally()
    return {
        p: FairnessTally(
            problem.tallies.get(p, empty).nights + nights[p],
            problem.tallies.get(p, empty).weekend_days + weekends[p],
            problem.tallies.get(p, empty).holidays + feriados[p],
        )
        for p in sorted(people)
    }


def repair_problem(
    month: PlanningProblem, published: list[Assignment], start: date, stable: bool = True
) -> PlanningProblem:
    """The problem of re-planning ``start``..month end of ``month`` around its absences.

    ``month`` is the whole month's problem with every absence to respect (the new one
    included); ``published`` the published roster's assignments. The days before
    ``start`` are fixed: their published shifts join the history (H9: rest, weekly
    rest and hours, consecutive days read them), and the history window is widened to
    the averaging period. Published locks (H8) after ``start`` stay locked unless an
    absence now forbids them. Fairness (S4) counts the fixed days as worked. With
    ``stable`` the published roster is the reference (S7), each changed cell weighing
    at least ``REPAIR_STABILITY_WEIGHT``; without it the same days are planned from
    scratch (the comparison a repair is measured against).
    """
    if start not in month.days:
        raise ValueError(f"{start} is not a day of {month.year}-{month.month:02d}")
    past = [a for a in published if a.day < start]
    rules = month.rules
    window = max(rules.history_days, 7 * rules.averaging_weeks)
    weight = max(rules.stability.weight, REPAIR_STABILITY_WEIGHT)
    stability = replace(rules.stability, weight=weight)
    return replace(
        month,
        rules=rules.with_changes(history_days=window, stability=stability),
        start=start,
        horizon_days=(month.last_day - start).days + 1,
        history=sorted([*month.history, *past], key=lambda a: (a.day, a.shift, a.staff_id)),
        locks=[a for a in published if a.locked and a.day >= start and not _forbidden(month, a)],
        reference=list(published) if stable else [],
        tallies=_tallies_with(month, past),
    )


def merge_repair(
    published: list[Assignment], planned: list[Assignment], start: date
) -> list[Assignment]:
    """The month after a repair: the published shifts before ``start``, the plan from it."""
    kept = [a for a in published if a.day < start]
    return sorted([*kept, *[a for a in planned if a.day >= start]], key=_order)


def _order(a: Assignment) -> tuple[date, str, str]:
    return (a.day, a.staff_id, a.shift)


def _cells(assignments: list[Assignment], days: set[date] | None) -> dict[tuple[str, date], Cell]:
    cells: dict[tuple[str, date], Cell] = {}
    for a in sorted(assignments, key=_order):
        if days is None or a.day in days:
            cells.setdefault((a.staff_id, a.day), (a.shift, a.role))
    return cells


def cell_changes(
    before: list[Assignment], after: list[Assignment], days: set[date] | None = None
) -> list[CellChange]:
    """Every (person, day) whose shift or role differs, by day then person (S7's unit).

    A day with two shifts (illegal, H2) compares by its first shift in code order.
    """
    old, new = _cells(before, days), _cells(after, days)
    keys = sorted(set(old) | set(new), key=lambda key: (key[1], key[0]))
    return [
        CellChange(staff, day, old.get((staff, day)), new.get((staff, day)))
        for staff, day in keys
        if old.get((staff, day)) != new.get((staff, day))
    ]


def without_absent(problem: PlanningProblem, assignments: list[Assignment]) -> list[Assignment]:
    """``assignments`` minus the shifts an absence of the problem forbids (what a sick call
    leaves when nobody steps in)."""
    return [a for a in assignments if not _forbidden(problem, a)]


def uncovered(
    problem: PlanningProblem, assignments: list[Assignment], since: date | None = None
) -> Uncovered:
    """Minimum demand of the month (from ``since`` on) that ``assignments`` leave uncovered."""
    roster = Roster(problem.shelter.code, problem.year, problem.month, list(assignments))
    gaps = [g for g in coverage_gaps(problem, roster) if since is None or g.day >= since]
    return Uncovered(sum(g.missing for g in gaps), sum(g.hours for g in gaps))


def gaps_since(gaps: list[Gap], since: date) -> list[Gap]:
    """The gaps on or after ``since``, in day, shift and role order."""
    return sorted((g for g in gaps if g.day >= since), key=lambda g: (g.day, g.shift, g.role))


def greedy_repair(
    month: PlanningProblem, published: list[Assignment], start: date
) -> list[Assignment]:
    """The shifts the absences take away from ``start`` on, each given to the cheapest person
    who can take it without moving anyone (models.candidates), or left uncovered.

    A quick, always legal repair that changes at most two cells per lost shift; the
    optimiser's repair is measured against it (roster.repair keeps the better of the two).
    """
    kept = [a for a in published if a.day < start or not _forbidden(month, a)]
    lost = sorted(
        (a for a in published if a.day >= start and _forbidden(month, a)),
        key=lambda a: (a.day, a.shift, a.role),
    )
    minimum = {(n.day, n.shift, n.role): n.minimum for n in month.demand}
    for shift in lost:
        key = (shift.day, shift.shift, shift.role)
        if sum(1 for a in kept if (a.day, a.shift, a.role) == key) >= minimum.get(key, 0):
            continue
        roster = Roster(month.shelter.code, month.year, month.month, list(kept))
        checked = replace(month, locks=[a for a in kept if a.locked])
        ranked = rank_candidates(checked, roster, shift.day, shift.shift, shift.role)
        pick = next((c for c in ranked if c.feasible and c.moves_from is None), None)
        if pick is not None:
            kept.append(Assignment(pick.staff_id, shift.day, shift.shift, shift.role))
    return sorted(kept, key=_order)
