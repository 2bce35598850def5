"""The month roster to print or open in Excel: the month page's view as an export's data."""

from __future__ import annotations

from sqlalchemy.orm import Session

from exports.roster_sheet import (
    RosterSheet,
    SheetCell,
    SheetDay,
    SheetGap,
    SheetPerson,
    SheetShift,
)
from models import ShiftType
from roster.services.month_view import MonthView, month_view


def shift_kind(shift: ShiftType) -> str:
    """The colour family of a shift, as on the web grid: guard, night, day or evening."""
    if shift.is_guard or shift.minutes >= 20 * 60:
        return "guard"
    if shift.night_minutes >= 4 * 60:
        return "night"
    return "day" if shift.start.hour < 12 else "evening"


def sheet_of(view: MonthView) -> RosterSheet:
    """The export's data of a month view."""
    shifts = {shift.code: shift for shift in view.shifts}
    published = next((v.published_at for v in view.versions if v.version == view.version), None)
    gaps = [
        SheetGap(day, line.shift, line.role_name, cell.missing,
                 cell.missing * shifts[line.shift].hours if line.shift in shifts else 0.0,
                 cell.reason_label or "")
        for line in view.coverage
        for day, cell in sorted(line.cells.items())
        if cell.missing
    ]  # fmt: skip
    return RosterSheet(
        shelter_code=view.shelter_code,
        shelter_name=view.shelter_name,
        year=view.year,
        month=view.month,
        version=view.version,
        status=None if view.status is None else str(view.status),
        published_at=published,
        days=[SheetDay(d.day, d.weekday, d.weekend, d.feriado) for d in view.days],
        people=[
            SheetPerson(
                p.code,
                p.name,
                p.primary_role,
                view.roles.get(p.primary_role, p.primary_role),
                p.worked_hours,
                p.target_hours,
                p.nights,
                p.weekend_days,
            )
            for p in view.people
        ],  # fmt: skip
        shifts=[
            SheetShift(s.code, s.name, f"{s.start:%H:%M}", f"{s.end:%H:%M}", s.hours, shift_kind(s))
            for s in view.shifts
        ],
        cells={key: SheetCell(c.shift, c.role, c.locked) for key, c in view.cells.items()},
        absences=dict(view.absences),
        breastfeeding=set(view.breastfeeding),
        gaps=sorted(gaps, key=lambda g: (g.day, g.shift, g.role_name)),
    )


def roster_sheet(
    session: Session, shelter_code: str, year: int, month: int, version: int | None = None
) -> RosterSheet:
    """One version of a month (the newest by default) ready for the Excel and PDF exports."""
    return sheet_of(month_view(session, shelter_code, year, month, version))
