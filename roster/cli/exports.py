"""The ``export`` commands: a staff member's shifts as .ics, a month roster as Excel or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exports.ical import calendar_ics
from exports.roster_pdf import roster_pdf
from exports.roster_sheet import RosterSheet
from exports.roster_xlsx import roster_xlsx
from roster.cli.common import STDOUT, cli_errors, fail, ready_url, shelter_code, write_output
from roster.planning import parse_month
from roster.services import feeds
from roster.services.calendars import staff_calendar
from roster.services.roster_sheet import roster_sheet
from roster.storage import session_scope

export_app = typer.Typer(
    help="Exporta turnos: el calendario de una persona (.ics) o el rol de un mes (Excel, PDF).\n\n"
    "Ejemplo: roster export xlsx --shelter HRT-HVC-01 --month 2027-03 --out rol-2027-03.xlsx",
    no_args_is_help=True,
)
ShelterOption = Annotated[str, typer.Option("--shelter", "-s", help="Código del hogar.")]
MonthOption = Annotated[str, typer.Option("--month", "-m", help="Mes AAAA-MM, p. ej. 2027-03.")]
VersionOption = Annotated[
    int | None, typer.Option("--version", help="Una versión guardada (por omisión la última).")
]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="Archivo a escribir ('-' = salida).")]


def _month(text: str) -> tuple[int, int]:
    try:
        return parse_month(text)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


@export_app.command("ical")
def ical(
    staff: Annotated[str, typer.Option("--staff", help="Código de la persona.")],
    shelter: Annotated[
        str | None, typer.Option("--shelter", "-s", help="Su hogar, si el código se repite.")
    ] = None,
    out: OutOption = Path(STDOUT),
) -> None:
    """Sus turnos publicados (del mes pasado a tres meses adelante) como archivo .ics.

    Es lo mismo que su calendario suscrito, pero no se actualiza solo.

    Ejemplo: roster export ical --staff HRT-HVC-01-P03 --out mis-turnos.ics
    """
    code = None if shelter is None else shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        code = feeds.staff_shelter(session, staff, code)
        body = calendar_ics(staff_calendar(session, code, staff))
    write_output(out, body, "Calendario")


def _sheet(shelter: str, month: str, version: int | None) -> RosterSheet:
    year, number = _month(month)
    code = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        sheet = roster_sheet(session, code, year, number, version)
    if sheet.version is None:
        fail(f"El hogar {code} no tiene rol de {number:02d}/{year}: genérelo con 'roster plan'.")
    return sheet


@export_app.command("xlsx")
def xlsx(
    shelter: ShelterOption, month: MonthOption, out: OutOption, version: VersionOption = None
) -> None:
    """El rol del mes en Excel: la grilla como en la web, una fila por turno, los turnos sin cubrir.

    Ejemplo: roster export xlsx --shelter HRT-HVC-01 --month 2027-03 --out rol-2027-03.xlsx
    """
    write_output(out, roster_xlsx(_sheet(shelter, month, version)), "Rol en Excel")


@export_app.command("pdf")
def pdf(
    shelter: ShelterOption, month: MonthOption, out: OutOption, version: VersionOption = None
) -> None:
    """El rol del mes para imprimir (A3 horizontal, leyenda, horas por persona, firma).

    Ejemplo: roster export pdf --shelter HRT-HVC-01 --month 2027-03 --out rol-2027-03.pdf
    """
    write_output(out, roster_pdf(_sheet(shelter, month, version)), "Rol en PDF")


def register(app: typer.Typer) -> None:
    """Add the ``export`` commands to ``app``."""
    app.add_typer(export_app, name="export")
