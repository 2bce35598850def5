"""Yearly arithmetic: how many people a post covered around the clock needs (DOMAIN.md).

A 24/7 post needs every hour of the year (8,760 h; 8,784 in a leap year). One person
offers her contracted hours (weekly hours x days of the year / 7) minus 30 days of
vacation and the feriados, the same pro rata as a month's contract target (S3):
a calendar day is weekly/7 hours, a feriado lowers the target by weekly/6 hours.
With 48 h and 16 feriados that is about 2,170 h, so about 4.04 people per post; sick
leave and training (settings, [U] in DOMAIN.md) bring it to 4.3-4.6.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from models.calendar import PeruCalendar
from models.coverage import CoverageRule, day_class
from models.leave import ORDINARY_DAY_MINUTES
from models.people import Absence, AbsenceKind, StaffMember
from models.shifts import ShiftType


@dataclass(frozen=True)
class LeaveAllowance:
    """Days a person is away in a year, on average, by kind of absence.

    Vacation: 30 days, D.Leg. 713, Ley 29849 [C]. Sick leave and training [U]. Maternity
    (98 days, Ley 30367), paternity (10 days, Ley 30807) and compensatory rest are a
    shelter's expected average per person (0 unless set, or ``from_absences``); the
    breastfeeding hour counts its days at one hour each (an eighth of a working day).
    """

    vacation_days: float = 30.0
    sick_leave_days: float = 15.0
    training_days: float = 6.0
    maternity_days: float = 0.0
    paternity_days: float = 0.0
    compensatory_days: float = 0.0
    breastfeeding_days: float = 0.0

    def away_days(self) -> float:
        """Whole days away besides vacation (the breastfeeding hour as eighths of a day)."""
        whole = self.sick_leave_days + self.training_days + self.maternity_days
        whole += self.paternity_days + self.compensatory_days
        return whole + self.breastfeeding_days * 60 / ORDINARY_DAY_MINUTES

    @classmethod
    def from_absences(
        cls, absences: Iterable[Absence], year: int, people: int, base: LeaveAllowance | None = None
    ) -> LeaveAllowance:
        """``base`` (the defaults) with each kind recorded in ``year`` averaged over ``people``.

        Vacation keeps its legal 30 days; a kind nobody recorded keeps ``base``'s value.
        """
        base = base or cls()
        days: dict[AbsenceKind, int] = defaultdict(int)
        first, last = date(year, 1, 1), date(year, 12, 31)
        for absence in absences:
            start, end = max(absence.start, first), min(absence.end, last)
            if start <= end:
                days[AbsenceKind(absence.kind)] += (end - start).days + 1
        fields = {
            "sick_leave_days": days[AbsenceKind.MEDICAL] + days[AbsenceKind.UNPLANNED],
            "training_days": days[AbsenceKind.TRAINING],
            "maternity_days": days[AbsenceKind.MATERNITY],
            "paternity_days": days[AbsenceKind.PATERNITY],
            "compensatory_days": days[AbsenceKind.COMPENSATORY],
            "breastfeeding_days": days[AbsenceKind.BREASTFEEDING],
        }
        recorded = {k: v / max(1, people) for k, v in fields.items() if v}
        return replace(base, **recorded)


@dataclass(frozen=True)
class YearlyNeed:
    """The hours of a 24/7 post and what one person offers of them, for one year."""

    year: int
    weekly_hours: float
    hours_per_post: float  # every hour of the year
    feriados: int  # national feriados plus the shelter's extra days
    contract_hours: float  # weekly_hours x days / 7
    vacation_hours: float
    feriado_hours: float
    leave_hours: float  # every kind of absence but vacation (LeaveAllowance.away_days)

    @property
    def offered_hours(self) -> float:
        """Hours one person works after vacation and feriados."""
        return self.contract_hours - self.vacation_hours - self.feriado_hours

    @property
    def offered_hours_with_leave(self) -> float:
        """Hours one person works once sick leave and training are also counted."""
        return self.offered_hours - self.leave_hours

    @property
    def people_per_post(self) -> float:
        return self.hours_per_post / self.offered_hours

    @property
    def people_per_post_with_leave(self) -> float:
        return self.hours_per_post / self.offered_hours_with_leave


@dataclass(frozen=True)
class RoleYearNeed:
    """A role's minimum demand over a year and the people it takes, against today's staff."""

    role: str
    demand_hours: float
    posts_24_7: float  # demand hours / hours of a 24/7 post
    people_needed: float  # demand hours / hours one person offers
    people_needed_with_leave: float
    people_today: int  # active staff whose own post is this role


def year_days(year: int) -> list[date]:
    """Every date of ``year``."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def yearly_need(
    year: int,
    calendar: PeruCalendar,
    weekly_hours: float = 48.0,
    allowance: LeaveAllowance | None = None,
) -> YearlyNeed:
    """The year's arithmetic for one person on a ``weekly_hours`` contract."""
    allowance = allowance or LeaveAllowance()
    days = len(year_days(year))
    per_day = weekly_hours / 7
    feriados = len(calendar.holidays_in(date(year, 1, 1), date(year, 12, 31)))
    return YearlyNeed(
        year=year,
        weekly_hours=weekly_hours,
        hours_per_post=24.0 * days,
        feriados=feriados,
        contract_hours=per_day * days,
        vacation_hours=per_day * allowance.vacation_days,
        feriado_hours=weekly_hours / 6 * feriados,
        leave_hours=per_day * allowance.away_days(),
    )


def annual_demand_hours(
    year: int, calendar: PeruCalendar, coverage: Iterable[CoverageRule], shifts: list[ShiftType]
) -> dict[str, float]:
    """Minimum demand in person-hours per role over every day of ``year``."""
    minutes = {shift.code: shift.minutes for shift in shifts}
    rules = [rule for rule in coverage if rule.minimum > 0 and rule.shift in minutes]
    holidays = calendar.holidays_in(date(year, 1, 1), date(year, 12, 31))
    totals: dict[str, float] = defaultdict(float)
    for day in year_days(year):
        klass = day_class(day, day in holidays)
        for rule in rules:
            if rule.day_class == klass:
                totals[rule.role] += rule.minimum * minutes[rule.shift] / 60
    return dict(sorted(totals.items()))


def role_year_needs(
    need: YearlyNeed, demand: dict[str, float], staff: Iterable[StaffMember]
) -> list[RoleYearNeed]:
    """Each demanded role's posts and people a year, beside the people holding it today."""
    today: dict[str, int] = defaultdict(int)
    for person in staff:
        if person.active:
            today[person.primary_role] += 1
    return [
        RoleYearNeed(
            role=role,
            demand_hours=hours,
            posts_24_7=hours / need.hours_per_post,
            people_needed=hours / need.offered_hours,
            people_needed_with_leave=hours / need.offered_hours_with_leave,
            people_today=today.get(role, 0),
        )
        for role, hours in demand.items()
    ]
