"""The worked-feriado ledger: filled when a month is published, settled by compensatory rest,
read by the next months' fairness (S4) and shown to the coordinator.

A month's entries follow its newest published version: publishing again adds the feriados
now worked and drops those no longer worked; an entry kept keeps the compensation it was
first given (the shelter's ``feriado_compensation`` then, D.Leg. 713 art. 9).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import PeruCalendar, Roster
from models.calendar import month_days
from models.feriados import Compensation, FeriadoEntry, settle, worked_feriados
from roster.services.absences import list_absences
from roster.services.lookup import shelter_row
from roster.services.rules import get_rule_set
from roster.services.shelters import shelter_from_row
from roster.services.shifts import list_shift_types
from roster.storage import FeriadoEntryRow, ShelterRow, StaffRow


def _rows(session: Session, shelter: ShelterRow) -> list[tuple[FeriadoEntryRow, str]]:
    query = (
        select(FeriadoEntryRow, StaffRow.code)
        .join(StaffRow, StaffRow.id == FeriadoEntryRow.staff_id)
        .where(StaffRow.shelter_id == shelter.id)
        .order_by(StaffRow.code, FeriadoEntryRow.day)
    )
    return [(row, code) for row, code in session.execute(query)]


def _entry(row: FeriadoEntryRow, staff_code: str) -> FeriadoEntry:
    return FeriadoEntry(
        staff_code,
        row.day,
        row.feriado,
        row.shift,
        row.hours,
        Compensation(row.compensation),
        row.settled_on,
    )


def record_worked_feriados(session: Session, shelter: ShelterRow, roster: Roster) -> None:
    """Bring the ledger's entries of the roster's month in line with it, then settle them."""
    rules = get_rule_set(session, shelter.code)
    shifts = {s.code: s for s in list_shift_types(session, shelter.code, include_inactive=True)}
    days = month_days(roster.year, roster.month)
    calendar = PeruCalendar(shelter_from_row(shelter).extra_holidays)
    feriados = calendar.holidays_in(days[0], days[-1])
    worked = worked_feriados(
        roster.assignments, shifts, feriados, Compensation(rules.feriado_compensation)
    )
    stored = {
        (code, row.day): row
        for row, code in _rows(session, shelter)
        if (row.day.year, row.day.month) == (roster.year, roster.month)
    }
    query = select(StaffRow.code, StaffRow.id).where(StaffRow.shelter_id == shelter.id)
    people = {code: staff_id for code, staff_id in session.execute(query)}
    for entry in worked:
        row = stored.pop((entry.staff_id, entry.day), None)
        if row is None:
            row = FeriadoEntryRow(
                staff_id=people[entry.staff_id], day=entry.day, compensation=entry.compensation
            )
            session.add(row)
        row.feriado, row.shift, row.hours = entry.feriado, entry.shift, entry.hours
    for row in stored.values():
        session.delete(row)
    session.flush()
    settle_ledger(session, shelter.code)


def settle_ledger(session: Session, shelter_code: str) -> list[FeriadoEntry]:
    """Mark the entries the compensatory rest taken settles (``models.feriados.settle``)."""
    shelter = shelter_row(session, shelter_code)
    rows = _rows(session, shelter)
    entries = [_entry(row, code) for row, code in rows]
    settled = settle(entries, list_absences(session, shelter_code))
    by_key = {(e.staff_id, e.day): e for e in settled}
    for row, code in rows:
        row.settled_on = by_key[(code, row.day)].settled_on
    session.flush()
    return settled


def feriado_ledger(
    session: Session, shelter_code: str, year: int | None = None
) -> list[FeriadoEntry]:
    """A shelter's ledger, settled against the compensatory rest recorded so far."""
    entries = settle_ledger(session, shelter_code)
    return [e for e in entries if year is None or e.day.year == year]


def feriados_worked(session: Session, shelter_code: str, first: date, before: date) -> Counter[str]:
    """Feriados each person worked from ``first`` up to the day before ``before`` (S4)."""
    shelter = shelter_row(session, shelter_code)
    return Counter(code for row, code in _rows(session, shelter) if first <= row.day < before)
