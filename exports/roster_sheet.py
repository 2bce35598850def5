"""A month roster ready to print or to open in Excel: plain data, no storage, no web.

The roster service fills a ``RosterSheet`` from the month's view; the Excel workbook,
the PDF and the web's print view are all made from it, so they show the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from models.people import AbsenceKind

WEEKDAYS_ES = ("Lu", "Ma", "Mi", "Ju", "Vi", "Sá", "Do")
MONTHS_ES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)  # fmt: skip
# Every kind of absence (models.people.AbsenceKind): its abbreviation and its name. The
# breastfeeding hour frees no day: its "L" follows the shift of each day she works in it.
ABSENCES_ES: dict[str, tuple[str, str]] = {
    AbsenceKind.VACATION: ("VAC", "vacaciones"),
    AbsenceKind.MEDICAL: ("DM", "descanso médico"),
    AbsenceKind.MATERNITY: ("MAT", "licencia por maternidad"),
    AbsenceKind.PATERNITY: ("PAT", "licencia por paternidad"),
    AbsenceKind.BREASTFEEDING: ("L", "hora de lactancia: ese día trabaja una hora menos"),
    AbsenceKind.TRAINING: ("CAP", "capacitación"),
    AbsenceKind.COMPENSATORY: ("DC", "descanso compensatorio"),
    AbsenceKind.LEAVE: ("LIC", "licencia"),
    AbsenceKind.UNPLANNED: ("AUS", "ausencia imprevista"),
}
BREASTFEEDING_MARK = ABSENCES_ES[AbsenceKind.BREASTFEEDING][0]
STATUS_ES = {"draft": "Borrador", "published": "Publicado"}
# The web grid's colours, by the kind of shift (web/static/roster.css).
KIND_COLOURS = {
    "day": ("#fff1b8", "#1f2430"),
    "evening": ("#ffd6a5", "#1f2430"),
    "night": ("#2f3e8f", "#ffffff"),
    "guard": ("#d8c8ff", "#1f2430"),
}
WEEKEND_COLOUR, FERIADO_COLOUR, GAP_COLOUR = "#d9deeb", "#f9cfae", "#fde2e2"


@dataclass(frozen=True)
class SheetShift:
    """A shift type as the legend shows it: code, name, times and colour family."""

    code: str
    name: str
    start: str
    end: str
    hours: float
    kind: str


@dataclass(frozen=True)
class SheetDay:
    """A column of the grid: the day, its weekday (0 is Monday), weekend, feriado's name."""

    day: date
    weekday: int
    weekend: bool
    feriado: str | None

    @property
    def label(self) -> str:
        """ "Lu 2"."""
        return f"{WEEKDAYS_ES[self.weekday]} {self.day.day}"


@dataclass(frozen=True)
class SheetPerson:
    """A row of the grid: the person, her role, and the month's hours, nights, weekend days."""

    code: str
    name: str
    role: str
    role_name: str
    worked_hours: float
    target_hours: float
    nights: int
    weekend_days: int


@dataclass(frozen=True)
class SheetCell:
    """What a person works on a day: the shift, the role it covers, whether it is fixed."""

    shift: str
    role: str
    locked: bool = False


@dataclass(frozen=True)
class SheetGap:
    """People missing below the minimum for a role on a shift of a day, and why."""

    day: date
    shift: str
    role_name: str
    missing: int
    hours: float
    reason: str


@dataclass
class RosterSheet:
    """One version of a shelter's month, everything the printed and Excel rosters show."""

    shelter_code: str
    shelter_name: str
    year: int
    month: int
    version: int | None
    status: str | None  # "draft", "published" or None (no roster yet)
    published_at: datetime | None
    days: list[SheetDay]
    people: list[SheetPerson]
    shifts: list[SheetShift]
    cells: dict[tuple[str, date], SheetCell] = field(default_factory=dict)
    absences: dict[tuple[str, date], str] = field(default_factory=dict)  # kind, e.g. "vacation"
    breastfeeding: set[tuple[str, date]] = field(default_factory=set)  # days of her period
    gaps: list[SheetGap] = field(default_factory=list)

    @property
    def period(self) -> str:
        """ "marzo de 2026"."""
        return f"{MONTHS_ES[self.month - 1]} de {self.year}"

    @property
    def kinds(self) -> dict[str, str]:
        """Each shift code's colour family."""
        return {shift.code: shift.kind for shift in self.shifts}

    def cell_text(self, person: SheetPerson, day: date) -> str:
        """What the grid writes in a cell: the shift code (and the role if not hers, and * if
        fixed), an absence's abbreviation, or nothing."""
        cell = self.cells.get((person.code, day))
        if cell is not None:
            other = f" {cell.role}" if cell.role != person.role else ""
            return f"{cell.shift}{other}{'*' if cell.locked else ''}"
        absent = self.absences.get((person.code, day))
        return ABSENCES_ES[absent][0] if absent in ABSENCES_ES else ""

    def mark(self, person: SheetPerson, day: date) -> str:
        """The small mark after a worked shift: "L" on a day of her breastfeeding hour."""
        key = (person.code, day)
        return BREASTFEEDING_MARK if key in self.cells and key in self.breastfeeding else ""

    def missing_on(self, day: date) -> int:
        """People missing below the minimum on a day, over every role and shift."""
        return sum(gap.missing for gap in self.gaps if gap.day == day)


def file_stem(sheet: RosterSheet) -> str:
    """A download's name without a place or a person in it: "rol-2026-03"."""
    return f"rol-{sheet.year:04d}-{sheet.month:02d}"
