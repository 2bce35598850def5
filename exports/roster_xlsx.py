"""A month roster as an Excel workbook: the grid as on the web, a long table, the gaps.

A pure function: a ``RosterSheet`` in, .xlsx bytes out (XlsxWriter, in memory). Every
text is written as text (exports/sheets.py): a name never becomes a formula.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

import xlsxwriter

from exports.gaps_xlsx import FORMATS, write_sheet
from exports.roster_sheet import (
    ABSENCES_ES,
    FERIADO_COLOUR,
    GAP_COLOUR,
    KIND_COLOURS,
    STATUS_ES,
    WEEKDAYS_ES,
    WEEKEND_COLOUR,
    RosterSheet,
)
from exports.sheets import WORKBOOK_OPTIONS

SUMS = ("Horas", "Contrato", "Noches", "Sá/Do")
FIRST_DAY_COLUMN = 2 + len(SUMS)
HEADER_ROW = 3
LONG_COLUMNS = [
    ("Fecha", "date"),
    ("Día", "text"),
    ("Feriado", "text"),
    ("Persona", "text"),
    ("Función", "text"),
    ("Turno", "text"),
    ("Nombre del turno", "text"),
    ("Inicio", "text"),
    ("Fin", "text"),
    ("Horas", "hours"),
    ("Fijado", "text"),
    ("Hora de lactancia", "text"),
]
GAP_COLUMNS = [
    ("Fecha", "date"),
    ("Turno", "text"),
    ("Función", "text"),
    ("Faltan", "int"),
    ("Horas", "hours"),
    ("Motivo", "text"),
]


class Formats:
    """Cell formats made once per workbook and kept by their look."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.made: dict[tuple[tuple[str, Any], ...], Any] = {}

    def __call__(self, **spec: Any) -> Any:
        key = tuple(sorted(spec.items()))
        if key not in self.made:
            self.made[key] = self.book.add_format({"border": 1, "border_color": "#c9ced8", **spec})
        return self.made[key]


def _background(sheet: RosterSheet, index: int) -> dict[str, Any]:
    day = sheet.days[index]
    if day.feriado:
        return {"bg_color": FERIADO_COLOUR}
    return {"bg_color": WEEKEND_COLOUR} if day.weekend else {}


def _header(ws: Any, fmt: Formats, sheet: RosterSheet) -> None:
    ws.write_string(
        0, 0, f"Rol de turnos de {sheet.period}", fmt(bold=True, font_size=14, border=0)
    )
    ws.write_string(
        1, 0, f"{sheet.shelter_name} · {sheet.shelter_code} · {_status(sheet)}", fmt(border=0)
    )
    head = fmt(bold=True, bg_color="#eef0f5", align="center", text_wrap=True, valign="bottom")
    for col, title in enumerate(("Persona", "Función", *SUMS)):
        ws.write_string(HEADER_ROW, col, title, head)
    for index, day in enumerate(sheet.days):
        look = {"bold": True, "align": "center", "text_wrap": True, **_background(sheet, index)}
        look.setdefault("bg_color", "#eef0f5")
        label = f"{WEEKDAYS_ES[day.weekday]}\n{day.day.day}" + ("\nF" if day.feriado else "")
        ws.write_string(HEADER_ROW, FIRST_DAY_COLUMN + index, label, fmt(**look))
        if day.feriado:
            ws.write_comment(HEADER_ROW, FIRST_DAY_COLUMN + index, f"Feriado: {day.feriado}")


def _status(sheet: RosterSheet) -> str:
    if sheet.version is None or sheet.status is None:
        return "sin rol"
    text = f"versión {sheet.version}, {STATUS_ES.get(sheet.status, sheet.status).lower()}"
    if sheet.published_at is not None:
        text += f" el {sheet.published_at:%d/%m/%Y}"
    return text if sheet.status == "published" else f"{text}: no es el rol oficial"


def _grid(ws: Any, fmt: Formats, sheet: RosterSheet) -> int:
    """The people's rows; returns the row after the last."""
    kinds = sheet.kinds
    row = HEADER_ROW
    for row, person in enumerate(sheet.people, start=HEADER_ROW + 1):
        ws.write_string(row, 0, person.name, fmt(bold=True))
        ws.write_string(row, 1, person.role_name, fmt(font_color="#5b6372"))
        for col, value in enumerate((person.worked_hours, person.target_hours), start=2):
            ws.write_number(row, col, value, fmt(num_format="0.0"))
        ws.write_number(row, 4, person.nights, fmt(num_format="0"))
        ws.write_number(row, 5, person.weekend_days, fmt(num_format="0"))
        for index, day in enumerate(sheet.days):
            text = sheet.cell_text(person, day.day)
            cell = sheet.cells.get((person.code, day.day))
            look: dict[str, Any] = {
                "align": "center",
                "bold": cell is not None,
                **_background(sheet, index),
            }
            if cell is not None:
                colour, ink = KIND_COLOURS[kinds.get(cell.shift, "day")]
                look.update(bg_color=colour, font_color=ink)
            mark = sheet.mark(person, day.day)
            if mark:  # e.g. the breastfeeding hour's L, raised after the shift
                raised = fmt(**look, font_script=1)
                ws.write_rich_string(
                    row, FIRST_DAY_COLUMN + index, fmt(**look), text, raised, mark, fmt(**look)
                )
            else:
                ws.write_string(row, FIRST_DAY_COLUMN + index, text, fmt(**look))
    row += 1
    ws.write_string(row, 0, "Personas-turno sin cubrir", fmt(bold=True, font_color="#a4161a"))
    for index, day in enumerate(sheet.days):
        missing = sheet.missing_on(day.day)
        look = {"align": "center", **_background(sheet, index)}
        if missing:
            look.update(bg_color=GAP_COLOUR, font_color="#a4161a", bold=True)
        ws.write(row, FIRST_DAY_COLUMN + index, missing or "", fmt(**look))
    return row + 1


def _legend(ws: Any, fmt: Formats, sheet: RosterSheet, row: int) -> None:
    ws.write_string(row + 1, 0, "Cómo leer el rol", fmt(bold=True, border=0))
    kinds = sheet.kinds
    lines: list[tuple[str, dict[str, Any], str]] = []
    for shift in sheet.shifts:
        colour, ink = KIND_COLOURS[kinds.get(shift.code, "day")]
        look = {"bg_color": colour, "font_color": ink, "bold": True, "align": "center"}
        lines.append(
            (shift.code, look, f"{shift.name} {shift.start}–{shift.end} ({shift.hours:g} h)")
        )
    lines += [(code, {"align": "center"}, name) for code, name in ABSENCES_ES.values()]
    lines += [
        ("*", {"align": "center"}, "fijado: al volver a optimizar no cambia"),
        (
            "COO",
            {"align": "center"},
            "código de función tras el turno: cubre otra función que la suya",
        ),
        ("Sá", {"bg_color": WEEKEND_COLOUR, "align": "center"}, "fin de semana"),
        ("F", {"bg_color": FERIADO_COLOUR, "align": "center"}, "feriado"),
    ]
    for offset, (code, look, text) in enumerate(lines, start=row + 2):
        ws.write_string(offset, 0, code, fmt(**look))
        ws.write_string(offset, 1, text, fmt(border=0))


def _grid_sheet(book: Any, sheet: RosterSheet) -> None:
    ws = book.add_worksheet("Rol")
    fmt = Formats(book)
    _header(ws, fmt, sheet)
    _legend(ws, fmt, sheet, _grid(ws, fmt, sheet))
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 20)
    ws.set_column(2, 5, 8)
    ws.set_column(FIRST_DAY_COLUMN, FIRST_DAY_COLUMN + len(sheet.days) - 1, 5.5)
    ws.set_row(HEADER_ROW, 44)
    ws.freeze_panes(HEADER_ROW + 1, 1)
    ws.set_landscape()
    ws.set_paper(8)  # A3
    ws.fit_to_pages(1, 0)


def _long_rows(sheet: RosterSheet) -> list[list[Any]]:
    """One row per shift worked, by day, shift and name."""
    shifts = {shift.code: shift for shift in sheet.shifts}
    names = {person.code: person.name for person in sheet.people}
    people = {person.code: person for person in sheet.people}
    feriados = {day.day: day.feriado or "" for day in sheet.days}
    rows = []
    for (code, day), cell in sheet.cells.items():
        shift = shifts.get(cell.shift)
        rows.append([
            datetime.combine(day, datetime.min.time()), WEEKDAYS_ES[day.weekday()],
            feriados.get(day, ""), names.get(code, code), cell.role, cell.shift,
            shift.name if shift else "", shift.start if shift else "", shift.end if shift else "",
            shift.hours if shift else None, "sí" if cell.locked else "",
            "sí" if code in people and sheet.mark(people[code], day) else "",
        ])  # fmt: skip
    return sorted(rows, key=lambda r: (r[0], r[5], r[3]))


def roster_xlsx(sheet: RosterSheet) -> bytes:
    """The workbook: "Rol" (the grid), "Turnos" (one row per shift), "Sin cubrir" (gaps)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)  # text stays text (exports/sheets.py)
    formats = {key: book.add_format(spec) for key, spec in FORMATS.items()}
    formats["header"] = book.add_format({"bold": True, "bg_color": "#DDE6F0", "text_wrap": True})
    _grid_sheet(book, sheet)
    write_sheet(book, formats, "Turnos", LONG_COLUMNS, _long_rows(sheet))
    gaps = [
        [
            datetime.combine(g.day, datetime.min.time()),
            g.shift,
            g.role_name,
            g.missing,
            g.hours,
            g.reason,
        ]
        for g in sorted(sheet.gaps, key=lambda g: (g.day, g.shift, g.role_name))
    ]
    write_sheet(book, formats, "Sin cubrir", GAP_COLUMNS, gaps)
    book.close()
    return buffer.getvalue()
