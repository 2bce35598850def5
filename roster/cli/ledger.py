"""Commands on what a shelter carries between months: the worked-feriado ledger and the
expected occupancy (with its import)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.table import Table

from exports.feriados_json import feriados_json, person_totals
from models.feriados import COMPENSATION_LABELS_ES, COMPENSATION_SOURCE, Compensation
from roster import services
from roster.cli.common import cli_errors, console, echo_json, ready_url, say, shelter_code
from roster.cli.data import FileArgument, JsonOption, ShelterOption, import_app
from roster.services.feriados import feriado_ledger
from roster.services.labels import day_es
from roster.services.occupancy import list_occupancy
from roster.storage import session_scope

YearOption = Annotated[int | None, typer.Option("--year", help="Solo un año, p. ej. 2027.")]


def feriados(shelter: ShelterOption, year: YearOption = None, as_json: JsonOption = False) -> None:
    """Feriados trabajados por persona y la compensación que se le debe.

    Cada rol publicado anota los feriados trabajados; un descanso compensatorio
    registrado como ausencia salda el feriado más antiguo que se debe. La regla
    (día de descanso sustitutorio o pago con recargo del 100 %) es un ajuste del
    hogar, según el D.Leg. 713 art. 9.

    Ejemplo: roster feriados --shelter HRT-HVC-01 --year 2027
    """
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        entries = feriado_ledger(session, shelter, year)
        rule = services.get_rule_set(session, shelter).feriado_compensation
        names = {m.id: m.name for m in services.list_staff(session, shelter, True)}
    if as_json:
        echo_json(feriados_json(shelter, year, rule, entries, names))
        return
    label = COMPENSATION_LABELS_ES[Compensation(rule)].lower()
    say(f"Regla del hogar: {label} ({COMPENSATION_SOURCE}).")
    if not entries:
        say("No hay feriados trabajados en roles publicados.")
        return
    table = Table(box=box.SIMPLE, title=f"Feriados trabajados — {shelter}")
    for header in ("Persona", "Fecha", "Feriado", "Turno", "Horas", "Compensación", "Estado"):
        table.add_column(header)
    for e in entries:
        state = "a pagar" if e.compensation == "pay" else "pendiente"
        if e.settled_on:
            state = f"descansó el {day_es(e.settled_on)}"
        kind = "descanso" if e.compensation == "rest" else "pago +100 %"
        row = (names.get(e.staff_id, e.staff_id), day_es(e.day), e.feriado, e.shift)
        table.add_row(*row, f"{e.hours:g}", kind, state)
    console(data=True).print(table)
    for staff_id, line in sorted(person_totals(entries).items()):
        say(
            f"{names.get(staff_id, staff_id)}: {line['worked']} feriado(s), "
            f"{line['rest_owed']} día(s) de descanso pendiente(s), {line['paid']} a pagar."
        )


def occupancy(shelter: ShelterOption, year: YearOption = None, as_json: JsonOption = False) -> None:
    """Ocupación esperada por mes: mujeres, niñas y niños, menores de seis años.

    Las reglas de cobertura con una proporción de residentes (p. ej. una
    cuidadora más por cada 40 residentes) la leen al planificar el mes.
    Se carga con 'roster import occupancy'.

    Ejemplo: roster occupancy --shelter HRT-HVC-01 --year 2027
    """
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        months = list_occupancy(session, shelter, year)
    if as_json:
        echo_json(
            [
                {
                    "month": f"{o.year:04d}-{o.month:02d}",
                    "women": o.women,
                    "children": o.children,
                    "under_six": o.under_six,
                }
                for o in months
            ]  # fmt: skip
        )
        return
    if not months:
        say("No hay ocupación esperada registrada. Cárguela con 'roster import occupancy'.")
        return
    table = Table(box=box.SIMPLE, title=f"Ocupación esperada — {shelter}")
    for header in ("Mes", "Mujeres", "Niñas y niños", "Menores de 6", "Residentes"):
        table.add_column(header, justify="right")
    for o in months:
        cells = (o.women, o.children, o.under_six, o.women + o.children)
        table.add_row(f"{o.month:02d}/{o.year}", *map(str, cells))
    console(data=True).print(table)


def import_occupancy(file: FileArgument, shelter: ShelterOption) -> None:
    """Importa la ocupación esperada por mes (reemplaza los meses ya cargados).

    Columnas: mes (aaaa-mm), mujeres, ninos (niñas y niños), menores_6
    (opcional: menores de seis años, contados también entre los niños). Si una
    fila tiene un error, no se importa nada y se listan todos los errores.

    Ejemplo: roster import occupancy docs/examples/occupancy.csv --shelter HRT-HVC-01
    """
    from roster.importing.occupancy import import_occupancy as importer

    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        result = importer(session, shelter, Path(file))
    say(f"Importado en {shelter} desde {file.name} (ocupación): {result.summary_es()}.")


def register(app: typer.Typer) -> None:
    """Add the ledger and occupancy commands to ``app`` (and 'import occupancy')."""
    app.command()(feriados)
    app.command()(occupancy)
    import_app.command("occupancy")(import_occupancy)
