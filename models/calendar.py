"""The Peru calendar: national feriados plus a shelter's own extra non-working days.

Source: DOMAIN.md "Public holidays". National feriados come from the ``holidays``
package (PE, language "es", version >= 0.77, which knows 7 June and 23 July);
Easter Sunday, which the package lists, is not a legal feriado and is dropped.
Public-sector non-working days and regional holidays are per-shelter extras.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LIMA = ZoneInfo("America/Lima")
_EASTER_SUNDAY_NAMES = ("Domingo de Resurrección", "Domingo de Pascua", "Easter Sunday")


@lru_cache(maxsize=64)
def national_holidays(year: int) -> dict[date, str]:
    """Peru's national feriados of ``year`` with their Spanish names, Easter Sunday dropped."""
    table = holidays.country_holidays("PE", years=year, language="es")
    return {
        day: name
        for day, name in sorted(table.items())
        if not any(easter in name for easter in _EASTER_SUNDAY_NAMES)
    }


class PeruCalendar:
    """National feriados plus the extra days a shelter observes (e.g. 2 Jan 2026)."""

    def __init__(self, extra_days: Iterable[date] = ()) -> None:
        self.extra_days = frozenset(extra_days)

    def holidays_in(self, first: date, last: date) -> dict[date, str]:
        """Every feriado or extra day from ``first`` to ``last`` inclusive, with its name."""
        found: dict[date, str] = {}
        for year in range(first.year, last.year + 1):
            for day, name in national_holidays(year).items():
                if first <= day <= last:
                    found[day] = name
        for day in self.extra_days:
            if first <= day <= last:
                found.setdefault(day, "Día no laborable")
        return dict(sorted(found.items()))

    def is_holiday(self, day: date) -> bool:
        return day in self.extra_days or day in national_holidays(day.year)


def month_days(year: int, month: int) -> list[date]:
    """Every date of a month, in order."""
    first = date(year, month, 1)
    days = []
    day = first
    while day.month == month:
        days.append(day)
        day += timedelta(days=1)
    return days


def week_start(day: date) -> date:
    """The Monday of ``day``'s calendar week (weeks start on Monday in Peru)."""
    return day - timedelta(days=day.weekday())
