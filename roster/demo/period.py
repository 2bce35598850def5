"""The demo period: the months the demo network carries absences and requests for."""

from __future__ import annotations

from datetime import date, timedelta

DEMO_START = date(2026, 1, 1)
DEMO_END = date(2027, 3, 31)


def demo_months() -> list[tuple[int, int]]:
    """Every (year, month) of the demo period, in order."""
    months = []
    year, month = DEMO_START.year, DEMO_START.month
    while (year, month) <= (DEMO_END.year, DEMO_END.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def days_between(first: date, last: date) -> list[date]:
    """Every date from ``first`` to ``last`` inclusive."""
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last date of a month."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)
