"""Leave as Peru has it: each kind's legal length, the checks of a recorded absence, and the
breastfeeding hour (a shorter working day, not a day off).

Sources [C] (DOMAIN.md "Leave"): vacation 30 days a year, CAS included (D.Leg. 713;
Ley 29849); maternity 98 days, 30 more for a multiple birth or a child with a disability
(Ley 30367); paternity 10 days, up to 30 in the cases Ley 30807 lists (premature or
multiple birth, a severe illness or disability of the child, a serious complication of
the mother); breastfeeding one hour a day until the child is one year old (Ley 27240).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from models.people import Absence, AbsenceKind

MATERNITY_DAYS = 98
MATERNITY_EXTRA_DAYS = 30
PATERNITY_DAYS = 10
PATERNITY_MAX_DAYS = 30
VACATION_DAYS = 30
ORDINARY_DAY_MINUTES = 480  # the ordinary 8-hour working day (D.S. 007-2002-TR art. 1)

BIRTH_KINDS = (AbsenceKind.MATERNITY, AbsenceKind.PATERNITY, AbsenceKind.BREASTFEEDING)


def first_birthday(born: date) -> date:
    """The child's first birthday (a 29 February birth turns one on 1 March)."""
    try:
        return born.replace(year=born.year + 1)
    except ValueError:
        return date(born.year + 1, 3, 1)


def leave_problems(absence: Absence) -> list[tuple[str, str]]:
    """What the law says is wrong with an absence, as (import column, reason in Spanish).

    Empty when the absence is lawful. Lengths are calendar days, both ends counted.
    """
    found: list[tuple[str, str]] = []
    kind, days, born = absence.kind, absence.days, absence.child_born
    if kind == AbsenceKind.VACATION and days > VACATION_DAYS:
        found.append(
            (
                "hasta",
                f"las vacaciones duran {days} días: son {VACATION_DAYS} al año "
                "(Ley 29849); registre cada año en su propia fila",
            )
        )
    if kind == AbsenceKind.MATERNITY and days > MATERNITY_DAYS + MATERNITY_EXTRA_DAYS:
        found.append(
            (
                "hasta",
                f"la licencia por maternidad dura {days} días: son {MATERNITY_DAYS}, "
                f"{MATERNITY_DAYS + MATERNITY_EXTRA_DAYS} por parto múltiple o discapacidad "
                "(Ley 30367)",
            )
        )
    if kind == AbsenceKind.PATERNITY and days > PATERNITY_MAX_DAYS:
        found.append(
            (
                "hasta",
                f"la licencia por paternidad dura {days} días: son {PATERNITY_DAYS}, "
                f"hasta {PATERNITY_MAX_DAYS} en los casos de la Ley 30807",
            )
        )
    if born is not None and kind not in BIRTH_KINDS:
        found.append(("nacimiento", "solo maternidad, paternidad y lactancia llevan nacimiento"))
    if kind == AbsenceKind.BREASTFEEDING and born is not None:
        found += _breastfeeding_problems(absence, born)
    if kind == AbsenceKind.PATERNITY and born is not None and absence.start < born:
        found.append(("desde", "la licencia por paternidad empieza con el nacimiento o después"))
    return found


def _breastfeeding_problems(absence: Absence, born: date) -> list[tuple[str, str]]:
    """The hour runs from the birth to the day before the child's first birthday."""
    found = []
    if absence.start < born:
        found.append(("desde", "la hora de lactancia empieza después del nacimiento"))
    birthday = first_birthday(born)
    if absence.end >= birthday:
        found.append(
            (
                "hasta",
                "la hora de lactancia termina antes de que el niño o la niña cumpla "
                f"un año ({birthday:%d/%m/%Y}, Ley 27240)",
            )
        )
    return found


def shortened_days(absences: Iterable[Absence], staff_id: str) -> set[date]:
    """Every date of her breastfeeding periods (her worked days there are one hour shorter)."""
    found: set[date] = set()
    for absence in absences:
        if absence.staff_id == staff_id and absence.kind == AbsenceKind.BREASTFEEDING:
            found.update(
                date.fromordinal(n)
                for n in range(absence.start.toordinal(), absence.end.toordinal() + 1)
            )
    return found
