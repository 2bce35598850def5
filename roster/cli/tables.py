"""The shelters and staff lists as tables, CSV or JSON, one line per row at any width.

On a terminal, long text columns are cut with an ellipsis rather than wrapped over
several lines; piped into a file or another program, rows keep their full width.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Collection, Sequence
from dataclasses import asdict
from typing import Any

import typer
from rich import box
from rich.measure import Measurement
from rich.table import Table

from exports.sheets import csv_row
from models import Shelter, StaffMember
from models.people import WorkingPattern
from roster.cli.common import console, say
from roster.importing.staff import PATTERNS

PATTERN_WORDS = {pattern: word for word, pattern in PATTERNS.items()}  # as the import reads
PATTERN_SHORT = {
    WorkingPattern.ROTATING: "24/7",
    WorkingPattern.WEEKDAYS_DAY: "L-V día",
    WorkingPattern.MON_SAT_DAY: "L-S día",
    WorkingPattern.NIGHTS: "noches",
}

PIPED_WIDTH = 1000  # piped output is never cut: the table takes the width it needs
MIN_NAME = 12


Build = Callable[[set[str], int | None], Table]  # (dropped columns, name width) -> table


def print_table(build: Build, optional: Sequence[str] = ()) -> None:
    """The table ``build`` makes: at full width when piped; on a narrow terminal without
    the ``optional`` columns (dropped in order until it fits), then with names cut by '…'."""
    out = console(data=True)
    if not out.is_terminal:
        console(width=PIPED_WIDTH, data=True).print(build(set(), None))
        return
    wide = out.options.update_width(PIPED_WIDTH)

    def width(table: Table) -> int:
        return Measurement.get(out, wide, table).maximum

    dropped: set[str] = set()
    for column in optional:
        if width(build(dropped, None)) <= out.width:
            break
        dropped.add(column)
    table = build(dropped, None)
    if width(table) > out.width:
        others = width(build(dropped, 1)) - 1
        table = build(dropped, max(MIN_NAME, out.width - others))
    out.print(table)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """``rows`` under ``header`` as CSV text, each cell safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(csv_row(row) for row in rows)  # a name like "=HYPERLINK(...)" stays text
    return buffer.getvalue()


def _text_column(table: Table, header: str, width: int | None = None) -> None:
    table.add_column(header, no_wrap=True, overflow="ellipsis", max_width=width)


def _fixed_column(table: Table, header: str, cells: Sequence[str], right: bool = False) -> None:
    width = max([len(header), *(len(cell) for cell in cells)])
    table.add_column(header, no_wrap=True, width=width, justify="right" if right else "left")


def shelter_json(shelter: Shelter, active_staff: int) -> dict[str, Any]:
    """One shelter's JSON record, with its residents and whether it is over capacity."""
    extra = {"residents": shelter.residents, "over_capacity": shelter.over_capacity}
    return {**asdict(shelter), **extra, "active_staff": active_staff}


SHELTER_CSV = ["codigo", "nombre", "departamento", "provincia", "plazas", "residentes"]
SHELTER_CSV += ["sobrecupo", "personal_activo", "activo"]


def shelter_csv(rows: list[tuple[Shelter, int]]) -> str:
    """The shelters as CSV (Spanish headers, as the import files)."""
    return csv_text(
        SHELTER_CSV,
        [
            [s.code, s.name, s.department, s.province, s.capacity, s.residents]
            + ["si" if s.over_capacity else "no", staff, "si" if s.active else "no"]
            for s, staff in rows
        ],
    )


def shelter_table(
    rows: list[tuple[Shelter, int]],
    show_status: bool,
    dropped: Collection[str] = (),
    name_width: int | None = None,
) -> Table:
    """The shelters, one line each; residents over capacity in red with '!'."""
    table = Table(title="Hogares", box=box.SIMPLE_HEAD, highlight=False)
    _fixed_column(table, "Código", [shelter.code for shelter, _ in rows])
    _text_column(table, "Nombre", name_width)
    for header in ("Departamento", "Provincia"):
        if header not in dropped:
            _text_column(table, header)
    for header in ("Plazas", "Resid.", "Personal"):
        _fixed_column(table, header, ["100!"], right=True)
    if show_status:
        _fixed_column(table, "Estado", ["inactivo"])
    for shelter, staff in rows:
        residents = f"[bold red]{shelter.residents}![/]" if shelter.over_capacity else ""
        place = [shelter.department, shelter.province]
        place = [
            p for p, h in zip(place, ("Departamento", "Provincia"), strict=True) if h not in dropped
        ]
        cells = [shelter.code, shelter.name, *place]
        cells += [str(shelter.capacity), residents or str(shelter.residents), str(staff)]
        table.add_row(*cells, *(["activo" if shelter.active else "inactivo"] * show_status))
    return table


def show_shelters(rows: list[tuple[Shelter, int]], show_status: bool) -> None:
    """Print the shelters' table and name the ones with more residents than places."""
    print_table(
        lambda dropped, width: shelter_table(rows, show_status, dropped, width),
        ["Provincia", "Departamento"],
    )
    crowded = [f"{s.code} ({s.residents}/{s.capacity})" for s, _ in rows if s.over_capacity]
    if crowded:
        say(f"Sobrecupo, más residentes que plazas (!): {', '.join(crowded)}.")


def staff_json(members: list[StaffMember]) -> list[dict[str, Any]]:
    """The staff as JSON records."""
    return [asdict(member) for member in members]


def staff_csv(members: list[StaffMember]) -> str:
    """The staff as CSV, in the columns ``roster import staff`` reads."""
    header = ["codigo", "nombre", "funcion", "funciones_cubre", "horas_semanales"]
    header += ["trabajo_nocturno", "patron_trabajo", "activo"]
    return csv_text(
        header,
        [
            [m.id, m.name, m.primary_role, ";".join(r for r in m.roles if r != m.primary_role)]
            + [f"{m.weekly_hours:g}", "si" if m.night_work else "no"]
            + [PATTERN_WORDS[m.working_pattern], "si" if m.active else "no"]
            for m in members
        ],
    )


def staff_table(
    shelter: str,
    members: list[StaffMember],
    show_status: bool,
    dropped: Collection[str] = (),
    name_width: int | None = None,
) -> Table:
    """One shelter's staff, one line each."""
    table = Table(title=f"Personal de {shelter}", box=box.SIMPLE_HEAD, highlight=False)
    _fixed_column(table, "Código", [member.id for member in members])
    _text_column(table, "Nombre", name_width)
    _fixed_column(table, "Función", [member.primary_role for member in members])
    if "También cubre" not in dropped:
        _text_column(table, "También cubre")
    _fixed_column(table, "Horas", ["48"], right=True)
    _fixed_column(table, "Noches", ["sí"])
    _fixed_column(table, "Patrón", [PATTERN_SHORT[m.working_pattern] for m in members])
    if show_status:
        _fixed_column(table, "Estado", ["inactivo"])
    for member in members:
        others = [role for role in member.roles if role != member.primary_role]
        cells = [member.id, member.name, member.primary_role]
        cells += [] if "También cubre" in dropped else [", ".join(others) or "-"]
        cells += [f"{member.weekly_hours:g}", "sí" if member.night_work else "no"]
        cells += [PATTERN_SHORT[member.working_pattern]]
        table.add_row(*cells, *(["activo" if member.active else "inactivo"] * show_status))
    return table


def show_staff(shelter: str, members: list[StaffMember], show_status: bool) -> None:
    """Print one shelter's staff table."""
    print_table(
        lambda dropped, width: staff_table(shelter, members, show_status, dropped, width),
        ["También cubre"],
    )


def echo_csv(text: str) -> None:
    """Print CSV on standard output (also with --quiet: it was asked for)."""
    typer.echo(text, nl=False)
