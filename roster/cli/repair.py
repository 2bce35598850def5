"""Commands for a sick call: record the absence, repair the month, accept or discard it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import typer
from rich.table import Table

from exports.gaps_labels import REASONS_ES, STATUS_ES
from exports.repair_json import repair_json
from models import Absence
from roster.cli.common import (
    OUTPUT,
    cli_errors,
    console,
    fail,
    ready_url,
    say,
    shelter_code,
    to_stdout,
    write_output,
)
from roster.planning import parse_month
from roster.repair import REPAIR_TIME_LIMIT, RepairOutcome, repair_month, repair_settings
from roster.services.labels import day_es
from roster.services.repair import (
    Proposal,
    accept_proposal,
    discard_proposal,
    get_proposal,
    open_proposal,
)
from roster.services.repair_summary import RepairSummary
from roster.services.sick_calls import absence_kind, report_absence
from roster.storage import session_scope

SHELTER_HELP = "Código del hogar, p. ej. HRT-HVC-01 (la lista: roster shelters)."


def parse_day(text: str, option: str) -> date:
    """A date written AAAA-MM-DD or dd/mm/aaaa; a usage error naming ``option`` otherwise."""
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise typer.BadParameter(
        f"Fecha '{text}' no válida: use AAAA-MM-DD (p. ej. 2026-12-10) o dd/mm/aaaa.",
        param_hint=f"'{option}'",
    )


def parse_month_option(text: str) -> tuple[int, int]:
    """``--month`` as (year, month); a usage error otherwise."""
    try:
        return parse_month(text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--month'") from None


def absence_add(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    staff: str = typer.Option(..., "--staff", help="Código de la persona (roster staff)."),
    first: str = typer.Option(..., "--from", help="Primer día de la ausencia, AAAA-MM-DD."),
    last: str = typer.Option(..., "--to", help="Último día de la ausencia, AAAA-MM-DD."),
    kind: str = typer.Option(
        "sick", "--kind", help="sick (imprevista), medical, leave, vacation o training."
    ),
    note: str = typer.Option("", "--note", help="Una nota breve (sin datos de salud)."),
) -> None:
    """Registra una ausencia (p. ej. una llamada por enfermedad) y muestra qué turnos afecta.

    Los turnos publicados de la persona en esas fechas quedan sin cubrir hasta reparar
    el rol con 'roster repair'.

    Ejemplo: roster absence add -s HRT-HVC-01 --staff HRT-HVC-01-P03 --from 2026-12-10
    --to 2026-12-16 --kind sick
    """
    start, end = parse_day(first, "--from"), parse_day(last, "--to")
    if end < start:
        raise typer.BadParameter("El último día es anterior al primero.", param_hint="'--to'")
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        absence = Absence(staff, absence_kind(kind), start, end, note.strip())
        call = report_absence(session, shelter, absence)
    say(f"Ausencia registrada: {call.name}, del {day_es(start)} al {day_es(end)}.")
    if not call.shifts:
        say("No tenía turnos publicados en esas fechas: no hay nada que reparar.")
        return
    listed = ", ".join(f"{day_es(a.day)} {a.shift}" for a in call.shifts)
    say(f"Tenía {len(call.shifts)} turno(s) publicado(s) en esas fechas: {listed}.")
    month = f"{call.shifts[0].day:%Y-%m}"
    from_day = max(start, call.shifts[0].day.replace(day=1))
    say(f"Repare el rol con: roster repair --shelter {shelter} --month {month} --from {from_day}")


def _cell(held: tuple[str, str] | None) -> str:
    return "libre" if held is None else f"{held[0]} ({held[1]})"


def print_summary(summary: RepairSummary, proposal: Proposal | None) -> None:
    """The proposal in words: causes, changed cells, coverage, gaps, the comparison."""
    out = console(width=120)
    status = STATUS_ES.get(summary.status, summary.status)
    out.print(f"Reparación desde el {day_es(summary.start)}: {status}, {summary.seconds:.1f} s.")
    for cause in summary.causes:
        out.print(f"  Causa: {cause}")
    table = Table("Persona", "Día", "Antes", "Después", box=None)
    for line in summary.changes:
        table.add_row(line.name, day_es(line.day), _cell(line.before), _cell(line.after))
    out.print(
        f"[bold]{summary.changed} turno(s) cambian[/] ({summary.forced} por la ausencia, "
        f"{summary.changed - summary.forced} para cubrir):"
    )
    out.print(table)
    before, lost, after = (
        summary.coverage_published,
        summary.coverage_without_repair,
        summary.coverage_after,
    )
    out.print(
        f"Sin cubrir desde el {day_es(summary.start)}: publicado {before.hours:.0f} h, "
        f"con la ausencia sin reparar {lost.hours:.0f} h, con la reparación {after.hours:.0f} h."
    )
    for gap in summary.gaps:
        why = REASONS_ES.get(gap.reason, gap.reason)
        out.print(f"  Falta {gap.missing} {gap.role} en {gap.shift} el {day_es(gap.day)}: {why}")
    if summary.scratch_changed is not None:
        out.print(
            f"Un rol nuevo desde cero de los mismos días cambiaría {summary.scratch_changed} "
            f"turno(s); la reparación cambia {summary.changed}."
        )
    for finding in summary.findings + summary.earlier:
        out.print(f"[yellow]Regla incumplida:[/] {finding}")
    if proposal is not None:
        key = f"--shelter {proposal.shelter_code} --month {proposal.year:04d}-{proposal.month:02d}"
        ident = f"{key} --id {proposal.id}"
        out.print(
            f"Propuesta {proposal.id} guardada. Publíquela con: roster proposal accept {ident} "
            f"(o descártela con: roster proposal discard {ident})"
        )


def repair(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str = typer.Option(..., "--month", help="Mes publicado a reparar, AAAA-MM."),
    first: str = typer.Option(..., "--from", help="Desde qué día se cambia el rol, AAAA-MM-DD."),
    time_limit: float = typer.Option(REPAIR_TIME_LIMIT, help="Segundos como máximo por fase."),
    compare: bool = typer.Option(
        True, "--compare/--no-compare", help="Compara con un rol nuevo desde cero de esos días."
    ),
    json_file: Path | None = typer.Option(
        None,
        "--json",
        metavar="ARCHIVO",
        help="Guarda los cambios y el rol nuevo en JSON; '-' lo escribe en la salida estándar.",
    ),
) -> None:
    """Repara un rol publicado tras una ausencia: cambia lo mínimo desde una fecha.

    Los días anteriores no cambian; respeta todas las reglas obligatorias y guarda una
    propuesta que la coordinación publica o descarta (roster proposal accept|discard).

    Ejemplo: roster repair --shelter HRT-HVC-01 --month 2026-12 --from 2026-12-10 --json rep.json
    """
    year, month_number = parse_month_option(month)
    start = parse_day(first, "--from")
    OUTPUT.data_on_stdout = to_stdout(json_file)
    if time_limit <= 0:
        raise typer.BadParameter("Use un número de segundos positivo.", param_hint="'--time-limit'")
    shelter = shelter_code(shelter)
    with cli_errors():
        outcome = repair_month(
            shelter,
            year,
            month_number,
            start,
            repair_settings(time_limit),
            ready_url(),
            compare=compare,
        )
    print_summary(outcome.summary, outcome.proposal)
    if json_file:
        write_output(json_file, _json(outcome), "JSON")


def _json(outcome: RepairOutcome) -> str:
    month = outcome.setup.problem
    checked = replace(month, locks=[a for a in outcome.roster.assignments if a.locked])
    proposal = None if outcome.proposal is None else outcome.proposal.id
    return repair_json(checked, outcome.roster, outcome.summary.to_dict(), outcome.report, proposal)


def _chosen(shelter: str, year: int, month: int, proposal_id: int | None) -> int:
    if proposal_id is not None:
        return proposal_id
    with cli_errors(), session_scope(ready_url()) as session:
        found = open_proposal(session, shelter, year, month)
    if found is None:
        fail(f"No hay una propuesta de reparación pendiente para {month:02d}/{year}.")
    return found.id


ProposalId = typer.Option(None, "--id", help="Número de la propuesta (por omisión, la pendiente).")


def proposal_show(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str = typer.Option(..., "--month", help="Mes, AAAA-MM."),
    proposal_id: int | None = ProposalId,
) -> None:
    """Muestra una propuesta de reparación: qué cambia, la cobertura y lo que falta.

    Ejemplo: roster proposal show --shelter HRT-HVC-01 --month 2026-12
    """
    year, month_number = parse_month_option(month)
    shelter = shelter_code(shelter)
    chosen = _chosen(shelter, year, month_number, proposal_id)
    with cli_errors(), session_scope(ready_url()) as session:
        proposal = get_proposal(session, shelter, year, month_number, chosen)
    print_summary(proposal.summary, proposal if proposal.open else None)
    if not proposal.open:
        state = {"accepted": "aceptada", "discarded": "descartada"}.get(proposal.state)
        say(f"Propuesta {proposal.id}: {state or proposal.state}.")


def proposal_accept(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str = typer.Option(..., "--month", help="Mes, AAAA-MM."),
    proposal_id: int | None = ProposalId,
) -> None:
    """Publica una propuesta de reparación como nueva versión del rol (los calendarios la siguen).

    Ejemplo: roster proposal accept --shelter HRT-HVC-01 --month 2026-12 --id 3
    """
    year, month_number = parse_month_option(month)
    shelter = shelter_code(shelter)
    chosen = _chosen(shelter, year, month_number, proposal_id)
    with cli_errors(), session_scope(ready_url()) as session:
        roster = accept_proposal(session, shelter, year, month_number, chosen, user_id=None)
    say(f"Propuesta {chosen} publicada: versión {roster.version} del rol {roster.month_key}.")


def proposal_discard(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str = typer.Option(..., "--month", help="Mes, AAAA-MM."),
    proposal_id: int | None = ProposalId,
) -> None:
    """Descarta una propuesta de reparación: el rol publicado no cambia.

    Ejemplo: roster proposal discard --shelter HRT-HVC-01 --month 2026-12 --id 3
    """
    year, month_number = parse_month_option(month)
    shelter = shelter_code(shelter)
    chosen = _chosen(shelter, year, month_number, proposal_id)
    with cli_errors(), session_scope(ready_url()) as session:
        discard_proposal(session, shelter, year, month_number, chosen, user_id=None)
    say(f"Propuesta {chosen} descartada: el rol publicado sigue igual.")


def register(app: typer.Typer) -> None:
    """Add ``absence add``, ``repair`` and ``proposal show|accept|discard`` to ``app``."""
    absence_app = typer.Typer(help="Ausencias del personal.", no_args_is_help=True)
    absence_app.command("add")(absence_add)
    app.add_typer(absence_app, name="absence")
    app.command()(repair)
    proposal_app = typer.Typer(help="Propuestas de reparación.", no_args_is_help=True)
    proposal_app.command("show")(proposal_show)
    proposal_app.command("accept")(proposal_accept)
    proposal_app.command("discard")(proposal_discard)
    app.add_typer(proposal_app, name="proposal")
