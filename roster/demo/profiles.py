"""What the capacity arithmetic says about each demo shelter (see ``capacity.py``).

- certain gap: Hall's condition fails in a full calendar week of the month, or on one of its
  days, with the legal 48-hour cap and the planned absences;
- structural gap (``Profile.GAP``): it fails in every full week of the demo period even with
  nobody absent, so every month has a gap whatever the absences;
- covered (``Profile.COVERED``): it holds with contract hours and the planned absences in every
  week and day of the period, and at full strength with any one person fewer;
- borderline: neither.
"""

from __future__ import annotations

from datetime import date, timedelta

from models.calendar import week_start
from models.network import NetworkData, ShelterData
from roster.demo.blueprints import Profile
from roster.demo.capacity import ShelterCapacity
from roster.demo.period import DEMO_END, DEMO_START, days_between, month_bounds


def week_of(monday: date) -> list[date]:
    """The seven days of the week starting on ``monday``."""
    return [monday + timedelta(days=offset) for offset in range(7)]


def mondays(first: date, last: date, whole: bool) -> list[date]:
    """Mondays of the weeks inside [first, last] (``whole``) or touching it."""
    monday = week_start(first)
    if whole and monday < first:
        monday += timedelta(days=7)
    found = []
    while monday <= last and (not whole or monday + timedelta(days=6) <= last):
        found.append(monday)
        monday += timedelta(days=7)
    return found


def has_certain_gap(capacity: ShelterCapacity, first: date, last: date) -> bool:
    """Whether no legal roster can meet the minimum coverage somewhere in [first, last]."""
    if any(capacity.week_shortfall(week_of(m)) > 0 for m in mondays(first, last, whole=True)):
        return True
    return any(capacity.day_shortfall(day) > 0 for day in days_between(first, last))


def certain_gap_months(data: ShelterData, months: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The months (of ``months``) in which the shelter certainly has a coverage gap."""
    capacity = ShelterCapacity(data)
    return {(y, m) for y, m in months if has_certain_gap(capacity, *month_bounds(y, m))}


def certain_gap_shelters(network: NetworkData, year: int, month: int) -> set[str]:
    """Shelters that certainly have a gap in the month: a lower bound for any roster."""
    first, last = month_bounds(year, month)
    return {
        data.shelter.code
        for data in network.shelters
        if has_certain_gap(ShelterCapacity(data), first, last)
    }


def has_structural_gap(data: ShelterData) -> bool:
    """Hall's condition fails in every full week of the demo period with nobody absent."""
    capacity = ShelterCapacity(data, absences=())
    weeks = mondays(DEMO_START, DEMO_END, whole=True)
    return all(capacity.week_shortfall(week_of(monday)) > 0 for monday in weeks)


def holds_with_absences(capacity: ShelterCapacity, first: date, last: date) -> bool:
    """Hall's condition holds with contract hours in every week touching, and day of, the range."""
    weeks = mondays(first, last, whole=False)
    if any(capacity.week_shortfall(week_of(m), contract=True) > 0 for m in weeks):
        return False
    return all(capacity.day_shortfall(day) <= 0 for day in days_between(first, last))


def holds_with_one_fewer(data: ShelterData) -> bool:
    """At full strength, Hall's condition holds in a feriado-free week without any one person."""
    capacity = ShelterCapacity(data, absences=())
    monday = next(
        m
        for m in mondays(DEMO_START, DEMO_END, whole=True)
        if not any(capacity.calendar.is_holiday(day) for day in week_of(m))
    )
    for person in capacity.people:
        without = {person.id}
        if capacity.week_shortfall(week_of(monday), contract=True, without=without) > 0:
            return False
        if any(capacity.day_shortfall(day, without) > 0 for day in week_of(monday)):
            return False
    return True


def is_covered(data: ShelterData) -> bool:
    """The ``Profile.COVERED`` test: planned absences and one person fewer both leave no gap."""
    capacity = ShelterCapacity(data)
    return holds_with_absences(capacity, DEMO_START, DEMO_END) and holds_with_one_fewer(data)


def measured_profile(data: ShelterData) -> Profile:
    """The profile the arithmetic gives a shelter's data (compare with its blueprint)."""
    if has_structural_gap(data):
        return Profile.GAP
    return Profile.COVERED if is_covered(data) else Profile.BORDERLINE
