"""Demo absences: 15-day vacation blocks, a few medical rests, training days.

Vacations start on the 1st or the 16th (two blocks in 2026, sometimes one in early 2027),
spread so that people of the same role are rarely away together. In ``guarded`` shelters (the
covered profile) an absence is kept only if Hall's condition still holds with contract hours
(``profiles.holds_with_absences``); a block that fits nowhere is left out.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta

from models.network import ShelterData
from models.people import Absence, AbsenceKind, StaffMember
from roster.demo.capacity import ShelterCapacity
from roster.demo.period import DEMO_END, DEMO_START, days_between
from roster.demo.profiles import holds_with_absences

VACATION_DAYS = 15
SLOTS_2026 = [date(2026, month, day) for month in range(1, 13) for day in (1, 16)]
SLOTS_2027 = [date(2027, month, day) for month in range(1, 4) for day in (1, 16)]
MIN_SLOTS_APART = 6  # three months between a person's two blocks of the year
PROFESSIONALS = ("COO", "PSI", "TSO", "EDU")


class AbsencePlanner:
    """Places absences one by one, refusing overlaps and, when guarded, new gaps."""

    def __init__(self, data: ShelterData, rng: random.Random, guarded: bool) -> None:
        self.rng = rng
        self.guarded = guarded
        self.capacity = ShelterCapacity(data, absences=())
        self.people = list(self.capacity.people)
        self.placed: list[Absence] = []
        self.slot_roles: Counter[tuple[date, str]] = Counter()

    def place(self, absence: Absence) -> bool:
        """Keep ``absence`` if it fits; report whether it did."""
        days = days_between(absence.start, absence.end)
        own = self.capacity.absent.setdefault(absence.staff_id, set())
        if own.intersection(days):
            return False
        own.update(days)
        if self.guarded and not holds_with_absences(self.capacity, days[0], days[-1]):
            own.difference_update(days)
            return False
        self.placed.append(absence)
        return True

    def vacation(self, person: StaffMember, slots: list[date]) -> date | None:
        """Place one vacation block in the least crowded slot that fits; its start, or None."""
        ranked = sorted(
            slots, key=lambda s: (self.slot_roles[s, person.primary_role], self.rng.random())
        )
        for start in ranked:
            end = start + timedelta(days=VACATION_DAYS - 1)
            if self.place(Absence(person.id, AbsenceKind.VACATION, start, end)):
                self.slot_roles[start, person.primary_role] += 1
                return start
        return None

    def vacations(self) -> None:
        """Two blocks a year in 2026 for everyone, one in early 2027 for some."""
        order = self.rng.sample(self.people, len(self.people))
        first = {person.id: self.vacation(person, SLOTS_2026) for person in order}
        for person in order:
            taken = first[person.id]
            if taken is not None:
                index = SLOTS_2026.index(taken)
                apart = [s for i, s in enumerate(SLOTS_2026) if abs(i - index) >= MIN_SLOTS_APART]
                self.vacation(person, apart)
        for person in order:
            if self.rng.random() < 0.4:
                self.vacation(person, SLOTS_2027)

    def medical_rests(self) -> None:
        """A 3-to-10-day medical rest for about a third of the staff."""
        span = (DEMO_END - DEMO_START).days + 1
        for person in self.people:
            if self.rng.random() >= 0.35:
                continue
            length = self.rng.randint(3, 10)
            for _ in range(20):
                start = DEMO_START + timedelta(days=self.rng.randrange(span - length + 1))
                end = start + timedelta(days=length - 1)
                if self.place(Absence(person.id, AbsenceKind.MEDICAL, start, end)):
                    break

    def training_days(self) -> None:
        """Two programme training days in 2026, each for one or two professionals."""
        professionals = [p for p in self.people if p.primary_role in PROFESSIONALS]
        for month in (4, 9):
            weekdays = [
                day
                for day in days_between(date(2026, month, 1), date(2026, month, 28))
                if day.weekday() < 5 and not self.capacity.calendar.is_holiday(day)
            ]
            day = self.rng.choice(weekdays)
            count = min(len(professionals), self.rng.randint(1, 2))
            for person in self.rng.sample(professionals, count):
                note = "Capacitación del programa"
                self.place(Absence(person.id, AbsenceKind.TRAINING, day, day, note))


def demo_absences(data: ShelterData, rng: random.Random, guarded: bool) -> list[Absence]:
    """The shelter's absences for the demo period, sorted by person and start."""
    planner = AbsencePlanner(data, rng, guarded)
    planner.vacations()
    planner.training_days()
    planner.medical_rests()
    return sorted(planner.placed, key=lambda a: (a.staff_id, a.start))
