"""Example files for each import, filled with a shelter's own data so they import cleanly.

The columns and their order are the importer's (roster/importing/columns.py). The staff
and coverage examples repeat rows already stored (importing them unchanged changes
nothing); the absences example proposes days of next month on which those people have
no absence yet. tests/web/test_import_examples_web.py previews each one as uploaded.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from models import Absence, AbsenceKind, CoverageRule, StaffMember
from models.calendar import month_days
from roster.importing.absences import KINDS
from roster.importing.columns import columns
from roster.importing.coverage import DAY_CLASSES, GROUPS, TIERS
from roster.importing.staff import PATTERNS
from roster.services import list_absences, list_coverage, list_shift_types, list_staff

ROWS = 3
ABSENCE_SHAPES = ((AbsenceKind.VACATION, 5, ""), (AbsenceKind.TRAINING, 2, "taller regional"))
KIND_WORDS = {kind: word for word, kind in KINDS.items()}
DAY_CLASS_WORDS = {day_class: word for word, day_class in DAY_CLASSES.items()}
TIER_WORDS = {tier: word for word, tier in TIERS.items()}
GROUP_WORDS = {group: word for word, group in GROUPS.items()}
PATTERN_WORDS = {pattern: word for word, pattern in PATTERNS.items()}


def _day(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _staff_row(member: StaffMember) -> dict[str, str]:
    return {
        "codigo": member.id,
        "nombre": member.name,
        "funcion": member.primary_role,
        "funciones_cubre": ";".join(r for r in member.roles if r != member.primary_role),
        "horas_semanales": f"{member.weekly_hours:g}",
        "trabajo_nocturno": "si" if member.night_work else "no",
        "patron_trabajo": PATTERN_WORDS[member.working_pattern],
    }


def _free_window(taken: list[Absence], days: list[date], length: int) -> tuple[date, date] | None:
    """The first ``length`` days in a row of ``days``, from a Monday, that no absence of
    ``taken`` touches."""
    for start in days[: len(days) - length + 1]:
        if start.weekday() != 0:
            continue  # an example reads best from a Monday
        end = start + timedelta(days=length - 1)
        if all(other.end < start or end < other.start for other in taken):
            return start, end
    return None


def _absence_rows(session: Session, shelter_code: str, following: date) -> list[dict[str, str]]:
    days = month_days(following.year, following.month)
    stored = list_absences(session, shelter_code, first=days[0], last=days[-1])
    rows: list[dict[str, str]] = []
    people = iter(list_staff(session, shelter_code))
    for kind, length, note in ABSENCE_SHAPES:
        for person in people:
            window = _free_window([a for a in stored if a.staff_id == person.id], days, length)
            if window is not None:
                row = {"codigo_personal": person.id, "tipo": KIND_WORDS[kind], "nota": note}
                rows.append({**row, "desde": _day(window[0]), "hasta": _day(window[1])})
                break
    return rows


def coverage_row(rule: CoverageRule) -> dict[str, str]:
    """A coverage rule as a row of the import (and the fields of the web's form)."""
    return {
        "funcion": rule.role,
        "turno": rule.shift,
        "tipo_dia": DAY_CLASS_WORDS[rule.day_class],
        "minimo": str(rule.minimum),
        "deseado": str(rule.desired),
        "prioridad": TIER_WORDS[rule.tier],
        **_ratio_cells(rule),
    }


def _ratio_cells(rule: CoverageRule) -> dict[str, str]:
    if rule.ratio is None:
        return {}
    return {
        "grupo": GROUP_WORDS[rule.ratio.group],
        "por_cada": str(rule.ratio.per),
        "sobre": str(rule.ratio.above),
    }


def _fallback(
    session: Session, shelter_code: str, kind: str, following: date
) -> list[dict[str, str]]:
    """A row for a shelter without data of that kind yet: it shows the shape, and may need
    editing before it imports (a new shelter has no people to name)."""
    shifts = [s.code for s in list_shift_types(session, shelter_code)] or ["M"]
    return {
        "staff": [
            {"codigo": "P-001", "nombre": "María Quispe", "funcion": "CUI", "horas_semanales": "48"}
        ],
        "absences": [
            {
                "codigo_personal": "P-001",
                "tipo": KIND_WORDS[AbsenceKind.VACATION],
                "desde": _day(following),
                "hasta": _day(following + timedelta(days=4)),
            }
        ],
        "coverage": [
            {"funcion": "CUI", "turno": shifts[0], "tipo_dia": "laborable", "minimo": "1"},
        ],
    }[kind]


def example_rows(
    session: Session, shelter_code: str, kind: str, today: date | None = None
) -> tuple[list[str], list[list[str]]]:
    """The example file of ``kind`` for the shelter: its column names and its rows."""
    today = today or date.today()
    following = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
    if kind == "staff":
        found = [_staff_row(m) for m in list_staff(session, shelter_code)[:ROWS]]
    elif kind == "absences":
        found = _absence_rows(session, shelter_code, following)
    else:
        found = [coverage_row(rule) for rule in list_coverage(session, shelter_code)[:ROWS]]
    names = [column.name for column in columns(kind)]
    rows = found or _fallback(session, shelter_code, kind, following)
    return names, [[row.get(name, "") for name in names] for row in rows]
