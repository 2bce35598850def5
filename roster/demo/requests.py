"""Demo requests (wishes): a handful per shelter and month, mostly to be off a day or a shift."""

from __future__ import annotations

import random
from datetime import date

from models.network import ShelterData
from models.people import Request, StaffMember
from roster.demo.capacity import absent_days
from roster.demo.period import days_between, demo_months, month_bounds

WEIGHTS = (1, 1, 2, 2, 3)


def workable_shifts(data: ShelterData, person: StaffMember) -> list[str]:
    """Shift codes with demand for a role she covers (no night shifts if she works no nights)."""
    shifts = {shift.code: shift for shift in data.shift_types}
    threshold = data.rules.night_shift_threshold_minutes
    codes = {
        rule.shift
        for rule in data.coverage
        if rule.desired > 0 and person.can_cover(rule.role)
        if person.night_work or not shifts[rule.shift].is_night(threshold)
    }
    return sorted(codes)


def _wish(person: StaffMember, day: date, shifts: list[str], rng: random.Random) -> Request:
    weight = rng.choice(WEIGHTS)
    draw = rng.random()
    if draw < 0.6 or not shifts:
        return Request(person.id, day, on=False, weight=weight)
    return Request(person.id, day, on=draw >= 0.85, shift=rng.choice(shifts), weight=weight)


def demo_requests(data: ShelterData, rng: random.Random) -> list[Request]:
    """Three to six wishes per month of the demo period, never on a day she is absent."""
    staff = [person for person in data.staff if person.active]
    absent = absent_days(data.absences)
    requests: list[Request] = []
    for year, month in demo_months():
        days = days_between(*month_bounds(year, month))
        taken: set[tuple[str, date]] = set()
        for _ in range(rng.randint(3, 6)):
            person = rng.choice(staff)
            day = rng.choice(days)
            if day in absent.get(person.id, ()) or (person.id, day) in taken:
                continue
            taken.add((person.id, day))
            requests.append(_wish(person, day, workable_shifts(data, person), rng))
    return requests
