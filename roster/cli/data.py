"""Commands on standing data: init, demo, import, shelters, staff."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models import NetworkData, Shelter, StaffMember
from roster import services
from roster.storage import database_url, init_database, session_scope

import_app = typer.Typer(
    help="Importa personal, ausencias o cobertura desde CSV o Excel (.xlsx).\n\n"
    "Ejemplo: roster import staff personal.csv --shelter HRT-HVC-01",
    no_args_is_help=True,
)

ShelterOption = Annotated[
    str, typer.Option("--shelter", "-s", help="Código del hogar, p. ej. HRT-HVC-01.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Salida en JSON en lugar de tabla.")]
AllOption = Annotated[bool, typer.Option("--all", help="Incluye también los inactivos.")]
FileArgument = Annotated[
    Path, typer.Argument(help="Archivo .csv o .xlsx (columnas: docs/import-formats.md).")
]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a Spanish error on stderr and stop with ``code`` (no traceback)."""
    Console(stderr=True, soft_wrap=True).print(f"[bold red]Error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn service and database errors into a clear message and exit code 1."""
    try:
        yield
    except services.ImportFailed as failure:
        fail("\n".join([str(failure).splitlines()[0], *(f"  {e}" for e in failure.errors)]))
    except services.ServiceError as error:
        fail(str(error))
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        fail(f"No se pudo usar la base de datos ({reason}).")


def ready_url() -> str:
    """The configured database URL, its schema created or migrated to the newest version."""
    url = database_url()
    init_database(url)
    return url


def shown_url(url: str) -> str:
    """A database URL safe to print (no password)."""
    return make_url(url).render_as_string(hide_password=True)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON (dates as yyyy-mm-dd)."""

    def default(value: Any) -> Any:
        return value.isoformat() if isinstance(value, date) else str(value)

    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=default))


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
    Console(width=100).print(table)
    say(
        f"Contraseña de todas: {DEMO_PASSWORD}  ({len(present)} cuentas; una de coordinación "
        "por hogar: coord.<hogar>@demo.hogares.pe). Cámbielas antes de cargar datos reales."
    )


def say(message: str) -> None:
    """Print one line of plain output, never wrapped mid-line."""
    Console(soft_wrap=True).print(message, highlight=False)


def _run_import(what: str, importer_name: str, file: Path, shelter: str) -> None:
    from roster import importing  # pandas loads only when a file is imported

    importer: Callable[[Session, str, Path], importing.ImportResult]
    importer = getattr(importing, importer_name)
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
    minimo, deseado. Reemplaza la regla de la misma función, turno y día.

    Ejemplo: roster import coverage docs/examples/coverage.csv --shelter HRT-HVC-01
    """
    _run_import("cobertura", "import_coverage", file, shelter)


def _shelter_json(shelter: Shelter, active_staff: int) -> dict[str, Any]:
    return {**asdict(shelter), "residents": shelter.residents, "active_staff": active_staff}


def _shelter_table(rows: list[tuple[Shelter, int]], show_status: bool) -> Table:
    table = Table(title="Hogares", box=box.SIMPLE_HEAD, highlight=False)
    table.add_column("Código", no_wrap=True)
    table.add_column("Nombre", ratio=2)
    table.add_column("Departamento", ratio=1)
    table.add_column("Provincia", ratio=1)
    for header in ("Plazas", "Resid.", "Personal"):
        table.add_column(header, justify="right", no_wrap=True)
    if show_status:
        table.add_column("Estado", no_wrap=True)
    for shelter, staff in rows:
        cells = [shelter.code, shelter.name, shelter.department, shelter.province]
        cells += [str(shelter.capacity), str(shelter.residents), str(staff)]
        table.add_row(*cells, *(["activo" if shelter.active else "inactivo"] * show_status))
    return table


def shelters(as_json: JsonOption = False, include_inactive: AllOption = False) -> None:
    """Lista los hogares con su departamento, provincia, plazas y personal activo.

    Nunca muestra direcciones: la ubicación de los hogares es reservada.

    Ejemplo: roster shelters --json
    """
    with cli_errors(), session_scope(ready_url()) as session:
        counts = services.active_staff_counts(session)
        rows = [
            (shelter, counts.get(shelter.code, 0))
            for shelter in services.list_shelters(session, include_inactive)
        ]
    if as_json:
        echo_json([_shelter_json(shelter, staff) for shelter, staff in rows])
    elif not rows:
        say("No hay hogares registrados. Cargue la demostración con 'roster demo'.")
    else:
        Console().print(_shelter_table(rows, include_inactive))


def _staff_table(shelter: str, members: list[StaffMember], show_status: bool) -> Table:
    table = Table(title=f"Personal de {shelter}", box=box.SIMPLE_HEAD, highlight=False)
    table.add_column("Código", no_wrap=True)
    table.add_column("Nombre", ratio=2)
    table.add_column("Función", no_wrap=True)
    table.add_column("También cubre", ratio=1)
    table.add_column("Horas", justify="right", no_wrap=True)
    table.add_column("Noches", no_wrap=True)
    if show_status:
        table.add_column("Estado", no_wrap=True)
    for member in members:
        others = [role for role in member.roles if role != member.primary_role]
        cells = [member.id, member.name, member.primary_role, ", ".join(others) or "-"]
        cells += [f"{member.weekly_hours:g}", "sí" if member.night_work else "no"]
        table.add_row(*cells, *(["activo" if member.active else "inactivo"] * show_status))
    return table


def staff(
    shelter: ShelterOption, as_json: JsonOption = False, include_inactive: AllOption = False
) -> None:
    """Lista el personal de un hogar: función, otras funciones que cubre y horas.

    Ejemplo: roster staff --shelter HRT-HVC-01
    """
    with cli_errors(), session_scope(ready_url()) as session:
        members = services.list_staff(session, shelter, include_inactive)
    if as_json:
        echo_json([asdict(member) for member in members])
    else:
        Console().print(_staff_table(shelter, members, include_inactive))


def register(app: typer.Typer) -> None:
    """Add the standing-data commands to ``app``: init, demo, import, shelters, staff."""
    app.command()(init)
    app.command()(demo)
    app.add_typer(import_app, name="import")
    app.command()(shelters)
    app.command()(staff)
