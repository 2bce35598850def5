"""Capacity arithmetic: can a shelter's staff meet its minimum coverage at all?

Keep only H1 (qualification), H2 (one shift a day), H5 (48 worked hours a week: a shift's unpaid
meal break is not work), H6 (absences), H7 (at most 6 working days in a calendar week, since 7
would be 7 consecutive days) and H12 (each person's working pattern: the days and the kind of
shift, day or night, she may work) and let hours be divisible. The staff can then meet a
week's minimum coverage if and only if, for every set S of demand keys (a key is a role, split
into day and night shifts), the hours S needs are at most the hours of the people qualified
for at least one key of S: Hall's condition, i.e. max-flow min-cut
of the transportation problem. Per day the same holds in shifts, one shift per person.

``shortfall`` is the largest "needed minus available" over all sets S. Because the check is a
relaxation, a positive shortfall proves a gap: no legal roster covers the minimum. A shortfall of
zero or less does not prove coverage; the demo asks more of its covered shelters: contract hours
instead of the legal cap, every planned absence, and one person fewer at full strength.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date, timedelta

from models.calendar import PeruCalendar
from models.coverage import DayClass, Tier, day_class
from models.network import ShelterData
from models.people import Absence, StaffMember, WorkingPattern

Key = tuple[str, bool]  # (role, is a night shift)
NOBODY: frozenset[str] = frozenset()


def absent_days(absences: Iterable[Absence]) -> dict[str, set[date]]:
    """Every day each person is absent (the breastfeeding hour frees no day)."""
    days: dict[str, set[date]] = defaultdict(set)
    for absence in absences:
        if not absence.day_off:
            continue
        day = absence.start
        while day <= absence.end:
            days[absence.staff_id].add(day)
            day += timedelta(days=1)
    return days


def hall_shortfall(need: dict[int, float], supply: dict[int, float]) -> float:
    """max over key sets S of need(S) - supply of people qualified for any key of S (0 if none)."""
    keys = [bit for bit, amount in need.items() if amount > 0]
    best = float("-inf") if keys else 0.0
    for choice in range(1, 1 << len(keys)):
        chosen = 0
        needed = 0.0
        for index, bit in enumerate(keys):
            if choice >> index & 1:
                chosen |= bit
                needed += need[bit]
        available = sum(amount for mask, amount in supply.items() if mask & chosen)
        best = max(best, needed - available)
    return best


class ShelterCapacity:
    """One shelter's minimum demand and staff supply, per week (hours) and per day (shifts)."""

    def __init__(self, data: ShelterData, absences: Iterable[Absence] | None = None) -> None:
        self.data = data
        self.rules = data.rules
        self.calendar = PeruCalendar(data.shelter.extra_holidays)
        self.absent = absent_days(data.absences if absences is None else absences)
        self.demand, self.key_hours = self._demand_by_class()
        self.bits = {key: 1 << index for index, key in enumerate(sorted(self.key_hours))}
        self.people = [person for person in data.staff if person.active]
        self.masks = {person.id: self._mask(person) for person in self.people}

    def _demand_by_class(self) -> tuple[dict[DayClass, dict[Key, list[float]]], dict[Key, float]]:
        shifts = {shift.code: shift for shift in self.data.shift_types}
        threshold = self.rules.night_shift_threshold_minutes
        demand: dict[DayClass, dict[Key, list[float]]] = {k: {} for k in DayClass}
        key_hours: dict[Key, float] = {}
        for rule in self.data.coverage:
            if rule.minimum <= 0 or rule.tier is Tier.OPTIONAL:
                continue  # optional cover (workshops, nurse) sizes no profile: priced below wishes
            shift = shifts[rule.shift]
            key = (rule.role, shift.is_night(threshold))
            entry = demand[rule.day_class].setdefault(key, [0.0, 0.0])
            entry[0] += rule.minimum
            entry[1] += rule.minimum * shift.worked_hours  # what H5's weekly cap counts
            key_hours[key] = max(key_hours.get(key, 0.0), shift.worked_hours)
        return demand, key_hours

    def _mask(self, person: StaffMember) -> int:
        mask = 0
        for (role, night), bit in self.bits.items():
            if not person.can_cover(role) or (night and not person.night_work):
                continue
            if self._pattern_allows(person, night):
                mask |= bit
        return mask

    @staticmethod
    def _pattern_allows(person: StaffMember, night: bool) -> bool:
        """Whether her pattern lets her work this kind of shift on some day (H12)."""
        pattern = person.working_pattern
        return pattern is WorkingPattern.ROTATING or (pattern is WorkingPattern.NIGHTS) == night

    def works_on(self, person: StaffMember, day: date) -> bool:
        """Whether she may work on ``day``: present, and her pattern allows a shift then."""
        if self.is_absent(person, day):
            return False
        feriado = self.calendar.is_holiday(day)
        pattern = person.working_pattern
        return pattern.allows(day, False, feriado) or pattern.allows(day, True, feriado)

    def longest_shift(self, person: StaffMember) -> float:
        """The longest shift, in hours, with demand for a role she may cover."""
        hours = [h for key, h in self.key_hours.items() if self.masks[person.id] & self.bits[key]]
        return max(hours, default=0.0)

    def day_demand(self, day: date) -> dict[Key, list[float]]:
        """The minimum (shifts, hours) of each key on ``day``, by its day class."""
        return self.demand[day_class(day, self.calendar.is_holiday(day))]

    def is_absent(self, person: StaffMember, day: date) -> bool:
        """Whether she is absent on ``day``."""
        return day in self.absent.get(person.id, ())

    def hours_cap(self, person: StaffMember, days: list[date], contract: bool) -> float:
        """The most hours she can work on ``days`` (at most one calendar week)."""
        weekly = person.weekly_hours if contract else self._legal_week_cap()
        longest = self.longest_shift(person)
        present = sum(1 for day in days if self.works_on(person, day))
        max_days = min(7, self.rules.max_consecutive_days) if self.rules.is_on("H7") else 7
        return min(weekly, max_days * longest, present * longest)

    def _legal_week_cap(self) -> float:
        # With averaging, one week may exceed 48 h as long as the period's average holds.
        return self.rules.weekly_hours_cap * self.rules.averaging_weeks

    def week_shortfall(
        self, days: list[date], contract: bool = False, without: Collection[str] = NOBODY
    ) -> float:
        """Hall's shortfall in hours over ``days`` (part or all of one calendar week)."""
        need: dict[int, float] = defaultdict(float)
        for day in days:
            for key, (_, hours) in self.day_demand(day).items():
                need[self.bits[key]] += hours
        supply: dict[int, float] = defaultdict(float)
        for person in self.people:
            if person.id not in without:
                supply[self.masks[person.id]] += self.hours_cap(person, days, contract)
        return hall_shortfall(need, supply)

    def day_shortfall(self, day: date, without: Collection[str] = NOBODY) -> float:
        """Hall's shortfall in shifts on ``day``, one shift per person present."""
        need = {self.bits[key]: shifts for key, (shifts, _) in self.day_demand(day).items()}
        supply: dict[int, float] = defaultdict(float)
        for person in self.people:
            if person.id not in without and self.works_on(person, day):
                supply[self.masks[person.id]] += 1
        return hall_shortfall(need, supply)

    def pool_hours(self, roles: Collection[str], days: list[date]) -> tuple[float, float]:
        """(minimum hours ``roles`` need on ``days``, legal hours of the people qualified)."""
        needed = sum(
            hours
            for day in days
            for (role, _), (_, hours) in self.day_demand(day).items()
            if role in roles
        )
        pool = [p for p in self.people if any(p.can_cover(role) for role in roles)]
        available = sum(
            self.hours_cap(person, week, contract=False)
            for week in calendar_weeks(days)
            for person in pool
        )
        return needed, available


def calendar_weeks(days: list[date]) -> list[list[date]]:
    """``days`` (in order) cut into the parts that fall in each Monday-to-Sunday week."""
    weeks: list[list[date]] = []
    for day in days:
        if not weeks or day.weekday() == 0:
            weeks.append([])
        weeks[-1].append(day)
    return weeks
