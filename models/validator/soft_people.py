"""Soft rules on people: S3 contracted hours, S4 fairness, S5 requests."""

from __future__ import annotations

from datetime import date

from models.problem import FairnessTally, PlanningProblem
from models.roster import Roster
from models.validator.intervals import breastfeeding_cut
from models.validator.report import SoftResult


def score_contract_hours(problem: PlanningProblem, roster: Roster) -> SoftResult:
    """S3: hours each person works away from her contracted hours for the month.

    For each staff member: worked minutes = the length less the unpaid meal break of
    every roster shift of hers (a shift belongs to its start day), less
    ``rules.breastfeeding_minutes`` on a
    day of her breastfeeding period (Ley 27240); target = ``problem.contract_target_minutes``
    (pro rata for absences and feriados). Units = sum of ``|worked - target| / 60``
    hours; penalty = units * weight. Reported as a penalty even if configured hard.
    Source: D.Leg. 1057 art. 6 (CAS: 48 h a week); the post's contract.
    """
    setting = problem.rules.contract_hours
    if not setting.enabled:
        return SoftResult()
    worked: dict[str, float] = {}
    for assignment in roster.assignments:
        shift = problem.shifts.get(assignment.shift)
        if shift is not None:
            cut = breastfeeding_cut(problem, assignment.staff_id, assignment.day)
            minutes = shift.worked_minutes - cut.total_seconds() / 60
            worked[assignment.staff_id] = worked.get(assignment.staff_id, 0.0) + minutes
    units = sum(
        abs(worked.get(person.id, 0.0) - problem.contract_target_minutes(person)) / 60
        for person in problem.staff
    )
    return SoftResult(units, units * setting.weight)


def month_tally(problem: PlanningProblem, roster: Roster, staff_id: str) -> FairnessTally:
    """This month's nights, weekend days and feriados worked by one person (S4).

    Nights: her assignments whose shift ``is_night(rules.night_shift_threshold_minutes)``.
    Weekend days and feriados: distinct days with an assignment of hers that are a
    Saturday or Sunday, or are in ``problem.holidays``.
    """
    threshold = problem.rules.night_shift_threshold_minutes
    mine = [a for a in roster.assignments if a.staff_id == staff_id]
    days = {a.day for a in mine}
    nights = sum(
        1 for a in mine if a.shift in problem.shifts and problem.shifts[a.shift].is_night(threshold)
    )
    weekend = sum(1 for day in days if day.weekday() >= 5)
    feriados = sum(1 for day in days if day in problem.holidays)
    return FairnessTally(nights=nights, weekend_days=weekend, holidays=feriados)


def score_fairness(problem: PlanningProblem, roster: Roster) -> SoftResult:
    """S4: nights, weekend days and feriados spread evenly among people of the same role.

    Staff are grouped by ``primary_role``; for each group of at least 2 people and each
    enabled category (``fairness_nights``, ``fairness_weekends``, ``fairness_holidays``),
    a person's count = her earlier months' tally (``problem.tallies``) + this month's
    (``month_tally``); spread = max - min over the group. Units = sum of spreads;
    penalty = units * weight. Reported as a penalty even if configured hard.
    Source: D.Leg. 713 arts. 6-9 (feriados); fairness among the team.
    """
    rules = problem.rules
    if not rules.fairness.enabled:
        return SoftResult()
    categories = [
        name
        for name, on in (
            ("nights", rules.fairness_nights),
            ("weekend_days", rules.fairness_weekends),
            ("holidays", rules.fairness_holidays),
        )
        if on
    ]
    groups: dict[str, list[str]] = {}
    for person in problem.staff:
        groups.setdefault(person.primary_role, []).append(person.id)
    units = 0.0
    for members in groups.values():
        if len(members) < 2:
            continue
        totals = {staff_id: _total_tally(problem, roster, staff_id) for staff_id in members}
        for category in categories:
            counts = [getattr(tally, category) for tally in totals.values()]
            units += max(counts) - min(counts)
    return SoftResult(units, units * rules.fairness.weight)


def _total_tally(problem: PlanningProblem, roster: Roster, staff_id: str) -> FairnessTally:
    """Earlier months' tally plus this month's, for one person."""
    earlier = problem.tallies.get(staff_id, FairnessTally())
    now = month_tally(problem, roster, staff_id)
    return FairnessTally(
        nights=earlier.nights + now.nights,
        weekend_days=earlier.weekend_days + now.weekend_days,
        holidays=earlier.holidays + now.holidays,
    )


def score_requests(problem: PlanningProblem, roster: Roster) -> SoftResult:
    """S5: the staff's wishes to work or not work a day or a shift.

    For each Request whose day lies in the month, violated when: on + shift, she does
    not work that shift that day; on without shift, she does not work that day; off +
    shift, she works that shift that day; off without shift, she works that day.
    Units = sum of the violated requests' weights; penalty = units * ``requests.weight``.
    Reported as a penalty even if configured hard. Source: DESIGN.md §3 S5.
    """
    setting = problem.rules.requests
    if not setting.enabled:
        return SoftResult()
    shifts_on: dict[tuple[str, date], set[str]] = {}
    for assignment in roster.assignments:
        shifts_on.setdefault((assignment.staff_id, assignment.day), set()).add(assignment.shift)
    units = 0.0
    for request in problem.requests:
        if request.day not in problem.days:
            continue
        worked = shifts_on.get((request.staff_id, request.day), set())
        works = request.shift in worked if request.shift is not None else bool(worked)
        if works != request.on:
            units += request.weight
    return SoftResult(units, units * setting.weight)
