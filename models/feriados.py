"""Worked feriados: the ledger of the feriados each person worked and what she is owed.

D.Leg. 713 arts. 6-9 [C]: whoever works a feriado without a substitute rest day is paid the
day with a 100 % surcharge (DOMAIN.md: for CAS staff, compensatory rest [U]). The shelter
sets which it gives (``RuleSet.feriado_compensation``): ``rest``, a substitute rest day,
owed until a day of compensatory rest (an absence of that kind) is taken; or ``pay``, the
day paid with the surcharge, which payroll settles outside the planner. Each entry keeps
the compensation in force when its roster was published.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from models.people import Absence, AbsenceKind
from models.roster import Assignment
from models.shifts import ShiftType

COMPENSATION_SOURCE = "D.Leg. 713 art. 9"


class Compensation(StrEnum):
    REST = "rest"  # a substitute rest day (descanso sustitutorio)
    PAY = "pay"  # the day paid with a 100 % surcharge


COMPENSATION_LABELS_ES = {
    Compensation.REST: "Día de descanso sustitutorio",
    Compensation.PAY: "Pago con recargo del 100 %",
}


@dataclass(frozen=True)
class FeriadoEntry:
    """One feriado a person worked: the shift, its hours and the compensation owed."""

    staff_id: str
    day: date
    feriado: str  # the feriado's name
    shift: str
    hours: float
    compensation: Compensation
    settled_on: date | None = None  # the day of compensatory rest that settled it

    @property
    def owed(self) -> bool:
        """Whether the compensation is still owed (a rest day not yet taken)."""
        return self.compensation is Compensation.REST and self.settled_on is None


def worked_feriados(
    assignments: Iterable[Assignment],
    shifts: dict[str, ShiftType],
    feriados: dict[date, str],
    compensation: Compensation,
) -> list[FeriadoEntry]:
    """One entry per shift starting on a feriado (a shift belongs to the day it starts)."""
    entries = [
        FeriadoEntry(
            a.staff_id, a.day, feriados[a.day], a.shift, shifts[a.shift].minutes / 60, compensation
        )
        for a in assignments
        if a.day in feriados and a.shift in shifts
    ]
    return sorted(entries, key=entry_order)


def entry_order(entry: FeriadoEntry) -> tuple[str, date]:
    """Entries are listed by person, then by day."""
    return entry.staff_id, entry.day


def compensatory_days(absences: Iterable[Absence], staff_id: str) -> list[date]:
    """Every day of her compensatory-rest absences, in order."""
    days = {
        absence.start + timedelta(days=offset)
        for absence in absences
        if absence.staff_id == staff_id and absence.kind == AbsenceKind.COMPENSATORY
        for offset in range(absence.days)
    }
    return sorted(days)


def settle(entries: Iterable[FeriadoEntry], absences: Iterable[Absence]) -> list[FeriadoEntry]:
    """The entries with ``settled_on`` set from the compensatory rest taken.

    Per person, each compensatory-rest day settles her oldest rest entry worked on or
    before it that no earlier day settled; paid entries are left to payroll.
    """
    absences, entries = list(absences), sorted(entries, key=entry_order)
    settled: list[FeriadoEntry] = []
    for staff_id in sorted({entry.staff_id for entry in entries}):
        mine = [e for e in entries if e.staff_id == staff_id]
        rest = [e for e in mine if e.compensation is Compensation.REST]
        free = compensatory_days(absences, staff_id)
        done: dict[FeriadoEntry, date] = {}
        for day in free:
            entry = next((e for e in rest if e not in done and e.day <= day), None)
            if entry is not None:
                done[entry] = day
        settled += [replace(e, settled_on=done.get(e)) for e in mine]
    return settled
