"""Read a Curtois & Qu instance file (README.md "Format") into a ``CurtoisInstance``.

Lines starting with ``#`` are comments, a blank line ends a section, ``\\r`` is
stripped (the files have CRLF line endings). Every id a line refers to must be
declared and every day must lie in the horizon, or a ``ValueError`` names the line.
"""

from __future__ import annotations

from pathlib import Path

from models.curtois.instance import (
    Cover,
    CurtoisInstance,
    CurtoisShift,
    CurtoisStaff,
    ShiftRequest,
)

SECTIONS = (
    "SECTION_HORIZON",
    "SECTION_SHIFTS",
    "SECTION_STAFF",
    "SECTION_DAYS_OFF",
    "SECTION_SHIFT_ON_REQUESTS",
    "SECTION_SHIFT_OFF_REQUESTS",
    "SECTION_COVER",
)
Line = tuple[int, list[str]]  # (line number, comma-separated fields)


class InstanceError(ValueError):
    """A malformed instance file; the message names the line."""


def parse_instance(path_or_text: str | Path) -> CurtoisInstance:
    """Parse an instance from a file path, or from the text itself (a string of several lines)."""
    if isinstance(path_or_text, str) and "\n" in path_or_text:
        text, name = path_or_text, ""
    else:
        path = Path(path_or_text)
        text, name = path.read_text(encoding="utf-8"), path.stem
    sections = _sections(text)
    for required in SECTIONS[:3]:
        if not sections.get(required):
            raise InstanceError(f"falta la sección {required}")
    horizon = _horizon(sections["SECTION_HORIZON"])
    shifts = _shifts(sections["SECTION_SHIFTS"])
    staff = _staff(sections["SECTION_STAFF"], shifts)
    ids = {person.id for person in staff}
    if len(ids) != len(staff):
        raise InstanceError("SECTION_STAFF: hay identificadores repetidos")
    check = _Checker(horizon, shifts, ids)
    return CurtoisInstance(
        horizon=horizon,
        shifts=shifts,
        staff=staff,
        days_off=_days_off(sections.get("SECTION_DAYS_OFF", []), check),
        on_requests=_requests(sections.get("SECTION_SHIFT_ON_REQUESTS", []), check),
        off_requests=_requests(sections.get("SECTION_SHIFT_OFF_REQUESTS", []), check),
        cover=_cover(sections.get("SECTION_COVER", []), check),
        name=name,
    )


def _sections(text: str) -> dict[str, list[Line]]:
    """The data lines of each section, with their line numbers."""
    sections: dict[str, list[Line]] = {}
    current: str | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            current = None
        elif line.startswith("SECTION_"):
            if line not in SECTIONS:
                raise InstanceError(f"línea {number}: sección desconocida {line}")
            current = line
            sections.setdefault(current, [])
        elif current is None:
            raise InstanceError(f"línea {number}: datos fuera de una sección")
        else:
            sections[current].append((number, [field.strip() for field in line.split(",")]))
    return sections


def _int(number: int, value: str, minimum: int = 0) -> int:
    """A whole number of at least ``minimum``."""
    try:
        parsed = int(value)
    except ValueError:
        raise InstanceError(f"línea {number}: {value!r} no es un número entero") from None
    if parsed < minimum:
        raise InstanceError(f"línea {number}: {parsed} es menor que {minimum}")
    return parsed


def _fields(line: Line, count: int) -> list[str]:
    """The line's fields, exactly ``count`` of them."""
    number, fields = line
    if len(fields) != count:
        raise InstanceError(f"línea {number}: se esperaban {count} campos y hay {len(fields)}")
    return fields


def _horizon(lines: list[Line]) -> int:
    """The number of days (at least 1)."""
    if len(lines) != 1:
        raise InstanceError("SECTION_HORIZON: se espera una sola línea")
    return _int(lines[0][0], _fields(lines[0], 1)[0], minimum=1)


def _shifts(lines: list[Line]) -> dict[str, CurtoisShift]:
    """Shift types: id, minutes, and the ids that cannot follow it (``|``-separated)."""
    shifts: dict[str, CurtoisShift] = {}
    for number, fields in lines:
        fields = fields + [""] if len(fields) == 2 else fields
        shift_id, minutes, following = _fields((number, fields), 3)
        if not shift_id or shift_id in shifts:
            raise InstanceError(f"línea {number}: turno vacío o repetido {shift_id!r}")
        banned = frozenset(item.strip() for item in following.split("|") if item.strip())
        shifts[shift_id] = CurtoisShift(shift_id, _int(number, minutes, minimum=1), banned)
    for shift in shifts.values():
        unknown = shift.cannot_follow - set(shifts)
        if unknown:
            raise InstanceError(f"turno {shift.id}: turnos desconocidos {sorted(unknown)}")
    return shifts


def _staff(lines: list[Line], shifts: dict[str, CurtoisShift]) -> list[CurtoisStaff]:
    """Employees: id, max shifts per type, total minutes bounds, run limits, max weekends."""
    staff = []
    for line in lines:
        number = line[0]
        person_id, limits, *numbers = _fields(line, 8)
        max_shifts: dict[str, int] = {}
        for item in filter(None, (part.strip() for part in limits.split("|"))):
            shift_id, _, count = item.partition("=")
            if shift_id not in shifts:
                raise InstanceError(f"línea {number}: turno desconocido {shift_id!r}")
            max_shifts[shift_id] = _int(number, count)
        values = [_int(number, value) for value in numbers]
        staff.append(CurtoisStaff(person_id, max_shifts, *values))
    return staff


class _Checker:
    """Checks a line's staff id, shift id and day against the declarations."""

    def __init__(self, horizon: int, shifts: dict[str, CurtoisShift], staff: set[str]) -> None:
        self.horizon, self.shifts, self.staff = horizon, shifts, staff

    def person(self, number: int, staff_id: str) -> str:
        if staff_id not in self.staff:
            raise InstanceError(f"línea {number}: empleado desconocido {staff_id!r}")
        return staff_id

    def shift(self, number: int, shift_id: str) -> str:
        if shift_id not in self.shifts:
            raise InstanceError(f"línea {number}: turno desconocido {shift_id!r}")
        return shift_id

    def day(self, number: int, value: str) -> int:
        day = _int(number, value)
        if day >= self.horizon:
            raise InstanceError(f"línea {number}: el día {day} está fuera del horizonte")
        return day


def _days_off(lines: list[Line], check: _Checker) -> dict[str, frozenset[int]]:
    """Each employee's fixed days off."""
    days_off: dict[str, frozenset[int]] = {}
    for number, fields in lines:
        staff_id = check.person(number, fields[0])
        days = {check.day(number, value) for value in fields[1:] if value}
        days_off[staff_id] = days_off.get(staff_id, frozenset()) | days
    return days_off


def _requests(lines: list[Line], check: _Checker) -> list[ShiftRequest]:
    """Shift-on or shift-off requests: employee, day, shift, weight."""
    requests = []
    for line in lines:
        number = line[0]
        staff_id, day, shift_id, weight = _fields(line, 4)
        requests.append(
            ShiftRequest(
                check.person(number, staff_id),
                check.day(number, day),
                check.shift(number, shift_id),
                _int(number, weight, minimum=1),
            )
        )
    return requests


def _cover(lines: list[Line], check: _Checker) -> list[Cover]:
    """Cover requirements: day, shift, requirement, weight under, weight over."""
    cover = []
    for line in lines:
        number = line[0]
        day, shift_id, requirement, under, over = _fields(line, 5)
        cover.append(
            Cover(
                check.day(number, day),
                check.shift(number, shift_id),
                _int(number, requirement),
                _int(number, under),
                _int(number, over),
            )
        )
    return cover
