"""What planning a month reads from storage: history, fairness tallies, the whole problem."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Assignment, FairnessTally, PlanningProblem, RosterStatus
from roster.services.feriados import feriados_worked
from roster.services.lookup import shelter_row
from roster.services.network import get_shelter_data
from roster.services.roles import list_roles
from roster.services.rosters import latest_row, roster_from_row
from roster.services.rules import get_rule_set
from roster.services.shifts import list_shift_types
from roster.storage import RosterRow


def _published(session: Session, shelter_code: str, year: int, month: int) -> list[Assignment]:
    shelter = shelter_row(session, shelter_code)
    row = latest_row(session, shelter, year, month, RosterStatus.PUBLISHED)
    return [] if row is None else roster_from_row(session, row, shelter).assignments


def history_before(
    session: Session, shelter_code: str, year: int, month: int, days: int
) -> list[Assignment]:
    """Published assignments of the ``days`` days before the month (H9), by day."""
    first = date(year, month, 1)
    window_start = first - timedelta(days=days)
    found: list[Assignment] = []
    month_end = first - timedelta(days=1)
    while days > 0 and month_end >= window_start:
        published = _published(session, shelter_code, month_end.year, month_end.month)
        found += [a for a in published if window_start <= a.day < first]
        month_end = month_end.replace(day=1) - timedelta(days=1)
    return sorted(found, key=lambda a: (a.day, a.shift, a.staff_id))


def _earlier_months(
    session: Session, shelter_id: int, year: int, month: int, months: int
) -> list[tuple[int, int]]:
    """(year, month) pairs of earlier months with a published version, within ``months``."""
    oldest = year * 12 + month - 1 - months
    rows = session.execute(
        select(RosterRow.year, RosterRow.month)
        .where(RosterRow.shelter_id == shelter_id, RosterRow.status == str(RosterStatus.PUBLISHED))
        .distinct()
    )
    return sorted((y, m) for y, m in rows if oldest <= y * 12 + m - 1 < year * 12 + month - 1)


def fairness_tallies(
    session: Session, shelter_code: str, year: int, month: int, months: int = 12
) -> dict[str, FairnessTally]:
    """Nights, weekend days and feriados each person worked in earlier published months (S4).

    Counts the newest published version of each of the ``months`` months before;
    a night is a shift with at least ``rules.night_shift_threshold_minutes`` night minutes.
    Feriados come from the worked-feriado ledger, which publishing fills.
    """
    shelter = shelter_row(session, shelter_code)
    rules = get_rule_set(session, shelter_code)
    shifts = {s.code: s for s in list_shift_types(session, shelter_code, include_inactive=True)}
    nights: Counter[str] = Counter()
    weekends: Counter[str] = Counter()
    for at_year, at_month in _earlier_months(session, shelter.id, year, month, months):
        for a in _published(session, shelter_code, at_year, at_month):
            nights[a.staff_id] += shifts[a.shift].is_night(rules.night_shift_threshold_minutes)
            weekends[a.staff_id] += a.day.weekday() >= 5
    first = date(year, month, 1)
    oldest = date((year * 12 + month - 1 - months) // 12, (month - 1 - months) % 12 + 1, 1)
    holidays = feriados_worked(session, shelter_code, oldest, first)
    people = sorted(set(nights) | set(weekends) | set(holidays))
    return {p: FairnessTally(nights[p], weekends[p], holidays[p]) for p in people}


def planning_problem(session: Session, shelter_code: str, year: int, month: int) -> PlanningProblem:
    """Everything needed to plan a month: standing data, history, tallies, locks, reference.

    Locks are the locked assignments of the month's newest version (draft or
    published); the reference is the month's newest published version, if any.
    """
    data = get_shelter_data(session, shelter_code)
    shelter = shelter_row(session, shelter_code)
    rules = data.rules
    newest = latest_row(session, shelter, year, month)
    locks = [] if newest is None else roster_from_row(session, newest, shelter).assignments
    return data.problem(
        roles=list_roles(session),
        year=year,
        month=month,
        history=history_before(
            session, shelter_code, year, month, max(rules.history_days, 7 * rules.averaging_weeks)
        ),
        locks=[a for a in locks if a.locked],
        reference=_published(session, shelter_code, year, month),
        tallies=fairness_tallies(session, shelter_code, year, month),
    )
