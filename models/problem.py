"""Everything needed to plan, or check, one shelter's month."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from models.calendar import PeruCalendar, month_days
from models.coverage import (
    CoverageRule,
    DayClass,
    Demand,
    check_unique_tiers,
    day_class,
    layered_demand,
)
from models.leave import ORDINARY_DAY_MINUTES, shortened_days
from models.limits import WorkLimits
from models.occupancy import Occupancy, month_coverage
from models.people import Absence, Request, Role, StaffMember
from models.roster import Assignment
from models.rules import RuleSet
from models.shelter import Shelter
from models.shifts import ShiftType
from models.standby import standby_demand


@dataclass(frozen=True)
class FairnessTally:
    """Nights, weekend days and feriados a person worked in earlier months (S4)."""

    nights: int = 0
    weekend_days: int = 0
    holidays: int = 0


@dataclass
class PlanningProblem:
    """One shelter, one month: staff, shifts, coverage, absences, wishes, rules and history.

    ``history`` holds earlier assignments (at least the previous month's last
    ``rules.history_days`` days) for the rules that span the month boundary (H9).
    ``reference`` is the published roster of this month when re-planning (S7).
    Locked assignments live in ``locks`` (H8).

    Optional, for plans that are not a plain calendar month (the defaults keep the
    month): ``start`` and ``horizon_days`` give an explicit horizon of that many days
    from ``start`` (``days`` then returns those; ``year`` and ``month`` stay the
    roster's label); ``explicit_demand`` replaces the demand derived from the coverage
    rules; ``limits`` holds per-person work limits (H10, models.limits); ``occupancy`` is
    the month's expected residents, which the coverage rules' ratios read (models.occupancy).
    """

    shelter: Shelter
    year: int
    month: int
    roles: list[Role]
    staff: list[StaffMember]
    shift_types: list[ShiftType]
    coverage: list[CoverageRule]
    absences: list[Absence] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    rules: RuleSet = field(default_factory=RuleSet)
    history: list[Assignment] = field(default_factory=list)
    locks: list[Assignment] = field(default_factory=list)
    reference: list[Assignment] = field(default_factory=list)
    tallies: dict[str, FairnessTally] = field(default_factory=dict)
    limits: dict[str, WorkLimits] = field(default_factory=dict)
    explicit_demand: list[Demand] | None = None
    occupancy: Occupancy | None = None
    start: date | None = None
    horizon_days: int | None = None

    def __post_init__(self) -> None:
        if (self.start is None) != (self.horizon_days is None):
            raise ValueError("an explicit horizon needs both start and horizon_days")
        if self.horizon_days is not None and self.horizon_days < 1:
            raise ValueError("horizon_days must be at least 1")
        check_unique_tiers(self.coverage)

    @cached_property
    def days(self) -> list[date]:
        """The planned days: the explicit horizon when set, else every day of the month."""
        if self.start is not None and self.horizon_days is not None:
            return [self.start + timedelta(days=offset) for offset in range(self.horizon_days)]
        return month_days(self.year, self.month)

    @property
    def first_day(self) -> date:
        return self.days[0]

    @property
    def last_day(self) -> date:
        return self.days[-1]

    @cached_property
    def calendar(self) -> PeruCalendar:
        return PeruCalendar(self.shelter.extra_holidays)

    @cached_property
    def holidays(self) -> dict[date, str]:
        """Feriados and extra days from the history window to the month's end."""
        start = self.first_day - timedelta(days=max(self.rules.history_days, 7))
        return self.calendar.holidays_in(start, self.last_day)

    @cached_property
    def shifts(self) -> dict[str, ShiftType]:
        return {shift.code: shift for shift in self.shift_types}

    @cached_property
    def staff_by_id(self) -> dict[str, StaffMember]:
        return {person.id: person for person in self.staff}

    def day_class(self, day: date) -> DayClass:
        return day_class(day, day in self.holidays)

    @cached_property
    def demand(self) -> list[Demand]:
        """Every (date, shift, role) need of the month with a positive minimum or desired level
        (the rules of the different tiers for one role, shift and day class added up), the
        operational assistant's standby shifts marked up (models.standby).

        With ``explicit_demand`` set, that list (entries of days outside the horizon
        dropped) is the demand and the coverage rules are not read.
        """
        if self.explicit_demand is not None:
            planned = set(self.days)
            return [need for need in self.explicit_demand if need.day in planned]
        rules: dict[tuple[str, str, DayClass], list[CoverageRule]] = {}
        for rule in month_coverage(self.coverage, self.occupancy):
            rules.setdefault((rule.role, rule.shift, rule.day_class), []).append(rule)
        needs = []
        for day in self.days:
            klass = self.day_class(day)
            for shift in self.shift_types:
                for role in self.roles:
                    layers = rules.get((role.code, shift.code, klass), [])
                    need = layered_demand(day, shift.code, role.code, layers) if layers else None
                    if need is not None:
                        needs.append(need)
        return standby_demand(self, needs)

    def absent_days(self, staff_id: str, days: Iterable[date] | None = None) -> set[date]:
        """Days of ``days`` (the month by default) on which the person is absent (H6)."""
        wanted = list(self.days if days is None else days)
        return {
            day
            for absence in self.absences
            if absence.staff_id == staff_id
            for day in wanted
            if absence.covers(day)
        }

    def contract_target_minutes(self, person: StaffMember) -> float:
        """The month's contracted minutes, pro rata for absences and feriados (S3).

        Weekly hours are spread over the 7 days of the week; an absent day (vacation
        included) counts as done; a feriado not spent absent lowers the target by
        one working day (weekly hours / 6) when ``holidays_reduce_contract`` is on; a
        day of her breastfeeding period (not absent, not a feriado) counts its day less
        the hour: per day x breastfeeding_minutes / 480 less (Ley 27240, the 8-hour day).
        """
        per_day = person.weekly_hours * 60 / 7
        absent = self.absent_days(person.id)
        target = per_day * (len(self.days) - len(absent))
        if self.rules.holidays_reduce_contract:
            feriados = [d for d in self.days if d in self.holidays and d not in absent]
            target -= person.weekly_hours * 60 / 6 * len(feriados)
        short = self.shortened_days(person.id) - absent - set(self.holidays)
        cut = per_day * self.rules.breastfeeding_minutes / ORDINARY_DAY_MINUTES
        target -= cut * len(short.intersection(self.days))
        return max(0.0, target)

    def shortened_days(self, staff_id: str) -> set[date]:
        """Days her working day is ``rules.breastfeeding_minutes`` shorter (Ley 27240): H5, S3."""
        if not self.rules.breastfeeding_minutes:
            return set()
        return shortened_days(self.absences, staff_id)

    def history_window(self) -> list[Assignment]:
        """History assignments within ``rules.history_days`` before the month (H9)."""
        if not self.rules.continuity.enabled:
            return []
        start = self.first_day - timedelta(days=self.rules.history_days)
        return [a for a in self.history if start <= a.day < self.first_day]
