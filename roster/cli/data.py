"""Commands on standing data: init, demo, import, shelters, staff."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from models import NetworkData
from roster import services
from roster.cli import tables
from roster.cli.common import (
    cli_errors,
    console,
    echo_json,
    fail,
    ready_url,
    say,
    shelter_code,
)
from roster.storage import session_scope

import_app = typer.Typer(
    help="Importa personal, ausencias o cobertura desde CSV o Excel (.xlsx).\n\n"
    "Ejemplo: roster import staff docs/examples/staff.csv --shelter HRT-HVC-01",
    no_args_is_help=True,
)

ShelterOption = Annotated[
    str, typer.Option("--shelter", "-s", help="Código del hogar, p. ej. HRT-HVC-01.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Salida en JSON en lugar de tabla.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Salida en CSV (para hojas de cálculo).")]
AllOption = Annotated[bool, typer.Option("--all", help="Incluye también los inactivos.")]
FileArgument = Annotated[
    Path,
    typer.Argument(
        metavar="ARCHIVO", help="Archivo .csv o .xlsx (columnas: docs/import-formats.md)."
    ),
]


def shown_url(url: str) -> str:
    """A database URL safe to print (no password)."""
    return make_url(url).render_as_string(hide_password=True)


def init() -> None:
    """Crea la base de datos, o la actualiza a la última versión del esquema.

    La base es la de ROSTER_DATABASE_URL (por defecto el archivo SQLite
    data/roster.db). Se puede ejecutar las veces que haga falta.

    Ejemplo: roster init
    """
    with cli_errors():
        url = ready_url()
    say(f"Base de datos lista: {shown_url(url)}")


def demo_network() -> NetworkData:
    """The demo network (22 fictional shelters), from ``roster.demo``."""
    from roster.demo import generate_network

    return generate_network()


def _load_demo(session: Session, if_empty: bool, replace: bool) -> NetworkData | None:
    if not services.database_is_empty(session):
        if if_empty:
            return None
        if not replace:
            fail(
                "La base de datos ya tiene datos. Use --replace para reemplazarlos "
                "o --if-empty para no hacer nada."
            )
        services.clear_database(session)
    network = demo_network()
    services.load_network(session, network)
    from roster.demo.accounts import create_demo_accounts

    create_demo_accounts(session, network)
    return network


def demo(
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="No hace nada si la base ya tiene datos.")
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Borra todos los datos y carga la demostración.")
    ] = False,
) -> None:
    """Carga la red de demostración: hogares, personal y turnos ficticios.

    Sin opciones, solo carga en una base vacía. --replace borra todo lo
    guardado (también los roles de turnos) antes de cargar.

    Ejemplo: roster demo --if-empty
    """
    if if_empty and replace:
        fail("Use --if-empty o --replace, no ambas.", code=2)
    with cli_errors(), session_scope(ready_url()) as session:
        network = _load_demo(session, if_empty, replace)
        emails = {account.email for account in services.list_accounts(session)}
    if network is None:
        say("La base de datos ya tiene datos: no se cargó la demostración.")
    else:
        people = sum(len(data.staff) for data in network.shelters)
        say(
            f"Red de demostración cargada: {len(network.shelters)} hogares, "
            f"{len(network.roles)} funciones, {people} personas."
        )
    _show_demo_accounts(emails)


def _show_demo_accounts(emails: set[str]) -> None:
    """Print the demo accounts still present, with their shared password."""
    from roster.demo.accounts import DEMO_PASSWORD, demo_accounts

    present = [a for a in demo_accounts(demo_network()) if a.email in emails]
    if not present:
        return
    table = Table(box=box.SIMPLE, title="Cuentas de demostración")
    for column in ("correo", "rol", "hogar"):
        table.add_column(column)
    shown = [a for a in present if a.role != "coordinator"] + [
        a for a in present if a.role == "coordinator"
    ][:3]
    for account in shown:
        table.add_row(account.email, services.ROLE_NAMES[account.role], account.shelter or "todos")
    console(width=100).print(table)
    say(
        f"Contraseña de todas: {DEMO_PASSWORD}  ({len(present)} cuentas; una de coordinación "
        "por hogar: coord.<hogar>@demo.hogares.pe). Cámbielas antes de cargar datos reales."
    )


def _run_import(what: str, importer_name: str, file: Path, shelter: str) -> None:
    from roster import importing  # pandas loads only when a file is imported

    importer: Callable[[Session, str, Path], importing.ImportResult]
    importer = getattr(importing, importer_name)
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        result = importer(session, shelter, file)
    say(f"Importado en {shelter} desde {file.name} ({what}): {result.summary_es()}.")


@import_app.command("staff")
def import_staff(file: FileArgument, shelter: ShelterOption) -> None:
    """Importa el personal de un hogar (crea o actualiza por código).

    Columnas: codigo, nombre, funcion, funciones_cubre (separadas por ';'),
    horas_semanales, trabajo_nocturno (si/no). Si una fila tiene un error,
    no se importa nada y se listan todos los errores.

    Ejemplo: roster import staff docs/examples/staff.csv --shelter HRT-HVC-01
    """
    _run_import("personal", "import_staff", file, shelter)


@import_app.command("absences")
def import_absences(file: FileArgument, shelter: ShelterOption) -> None:
    """Importa ausencias: vacaciones, descansos médicos, licencias, capacitaciones.

    Columnas: codigo_personal, tipo, desde, hasta (dd/mm/aaaa o aaaa-mm-dd),
    nota (opcional). Las ausencias ya registradas se omiten.

    Ejemplo: roster import absences docs/examples/absences.csv --shelter HRT-HVC-01
    """
    _run_import("ausencias", "import_absences", file, shelter)


@import_app.command("coverage")
def import_coverage(file: FileArgument, shelter: ShelterOption) -> None:
    """Importa reglas de cobertura: personas mínimas y deseadas por función y turno.

    Columnas: funcion, turno, tipo_dia (laborable/sabado/domingo/feriado),
    minimo, deseado y, opcional, prioridad (esencial/normal/opcional; vacío:
    normal). Reemplaza la regla de la misma función, turno, día y prioridad;
    reglas de distinta prioridad para un mismo turno se suman.

    Ejemplo: roster import coverage docs/examples/coverage.csv --shelter HRT-HVC-01
    """
    _run_import("cobertura", "import_coverage", file, shelter)


def _one_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        fail("Use --json o --csv, no ambas.", code=2)


def shelters(
    as_json: JsonOption = False, as_csv: CsvOption = False, include_inactive: AllOption = False
) -> None:
    """Lista los hogares con su departamento, provincia, plazas, residentes y personal activo.

    Nunca muestra direcciones: la ubicación de los hogares es reservada. Un hogar
    con más residentes que plazas se marca con '!' (sobrecupo).

    Ejemplo: roster shelters --csv > hogares.csv
    """
    _one_format(as_json, as_csv)
    with cli_errors(), session_scope(ready_url()) as session:
        counts = services.active_staff_counts(session)
        rows = [
            (shelter, counts.get(shelter.code, 0))
            for shelter in services.list_shelters(session, include_inactive)
        ]
    if as_json:
        echo_json([tables.shelter_json(shelter, staff) for shelter, staff in rows])
    elif as_csv:
        tables.echo_csv(tables.shelter_csv(rows))
    elif not rows:
        say("No hay hogares registrados. Cargue la demostración con 'roster demo'.")
    else:
        tables.show_shelters(rows, include_inactive)


def staff(
    shelter: ShelterOption,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
    include_inactive: AllOption = False,
) -> None:
    """Lista el personal de un hogar: función, otras funciones que cubre y horas.

    Con --csv, en las columnas que lee 'roster import staff'.

    Ejemplo: roster staff --shelter HRT-HVC-01
    """
    _one_format(as_json, as_csv)
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        members = services.list_staff(session, shelter, include_inactive)
    if as_json:
        echo_json(tables.staff_json(members))
    elif as_csv:
        tables.echo_csv(tables.staff_csv(members))
    else:
        tables.show_staff(shelter, members, include_inactive)


def register(app: typer.Typer) -> None:
    """Add the standing-data commands to ``app``: init, demo, import, shelters, staff."""
    app.command()(init)
    app.command()(demo)
    app.add_typer(import_app, name="import")
    app.command()(shelters)
    app.command()(staff)
