"""Commands on rosters: plan, publish, bench."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from exports.gaps_labels import REASONS_ES, STATUS_ES
from exports.roster_json import roster_json
from models.rules import RULES_BY_CODE
from models.validator.unstaffed import unstaffed_shifts
from optimizer import SolverSettings
from roster.bench import bench_network, markdown_table
from roster.cli.bench_curtois import bench_curtois_command
from roster.cli.common import (
    OUTPUT,
    cli_errors,
    console,
    say,
    shelter_code,
    to_stdout,
    write_output,
)
from roster.cli.grid import LEGEND, print_contracts, roster_grid
from roster.cli.tiers import print_tiers, print_unstaffed
from roster.planning import PlanOutcome, parse_month, plan_month, publish_month

SHELTER_HELP = "Código del hogar, p. ej. HRT-HVC-01 (la lista: roster shelters)."


def _month(text: str) -> tuple[int, int]:
    try:
        return parse_month(text)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--month'") from None


def _print_report(console: Console, outcome: PlanOutcome) -> None:
    report = outcome.report
    console.print(
        f"Estado: [bold]{STATUS_ES.get(report.status, report.status)}[/] ({report.solver})"
    )
    table = Table("Fase", "Estado", "Objetivo", "Cota", "Brecha MIP", "Segundos", box=None)
    for phase in report.phases:
        table.add_row(
            phase.name,
            STATUS_ES.get(phase.status, phase.status),
            f"{phase.objective:.1f}" if phase.objective is not None else "—",
            f"{phase.best_bound:.1f}" if phase.best_bound is not None else "—",
            f"{100 * phase.mip_gap:.2f} %" if phase.mip_gap is not None else "—",
            f"{phase.solve_seconds:.2f}",
        )
    console.print(table)
    console.print(
        f"Modelo: {report.variables} variables, {report.constraints} restricciones, "
        f"construido en {report.build_seconds:.2f} s"
    )
    penalties = Table("Regla", "Penalización", box=None)
    for code, value in sorted(report.penalties.items()):
        penalties.add_row(f"{code} {RULES_BY_CODE[code].label_es}", f"{value:.1f}")
    console.print(penalties)
    gaps = outcome.roster.gaps
    print_tiers(console, report, gaps)
    print_unstaffed(console, unstaffed_shifts(outcome.problem, outcome.roster, gaps))
    if not gaps:
        console.print("[green]Toda la demanda mínima queda cubierta.[/]")
        return
    hours: dict[str, float] = {}
    for gap in gaps:
        hours[str(gap.reason)] = hours.get(str(gap.reason), 0.0) + gap.hours
    by_hours = sorted(hours.items(), key=lambda item: -item[1])
    console.print(
        f"[bold red]Sin cubrir: {sum(hours.values()):.0f} horas[/] — "
        + "; ".join(f"{REASONS_ES.get(r, r)}: {h:.0f} h" for r, h in by_hours)
    )
    for item in outcome.report.infeasibilities:
        console.print(f"[yellow]Aviso:[/] {item.message}")


def plan(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str = typer.Option(..., "--month", help="Mes a planificar, AAAA-MM."),
    solver: str = typer.Option("highs", help="Solver: highs o cbc."),
    time_limit: float = typer.Option(30.0, help="Segundos como máximo por fase."),
    json_file: Path | None = typer.Option(
        None,
        "--json",
        metavar="ARCHIVO",
        help="Guarda el rol y el informe en JSON; '-' lo escribe en la salida estándar.",
    ),
) -> None:
    """Genera el rol de turnos de un mes y lo guarda como borrador.

    Con --json - el JSON va a la salida estándar y el informe a la de errores.

    Ejemplo: roster plan --shelter HRT-HVC-01 --month 2026-12 --json salidas/rol.json
    """
    year, month_number = _month(month)
    OUTPUT.data_on_stdout = to_stdout(json_file)
    try:
        settings = SolverSettings(
            solver=solver, time_limit_phase1=time_limit, time_limit_phase2=time_limit
        )
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    shelter = shelter_code(shelter)
    with cli_errors():
        outcome = plan_month(shelter, year, month_number, settings)
    out = console(width=160)
    out.print(roster_grid(outcome.problem, outcome.roster))
    out.print(LEGEND)
    print_contracts(out, outcome.problem, outcome.roster)
    _print_report(out, outcome)
    out.print(
        f"Guardado como borrador, versión {outcome.roster.version}. "
        f"Publíquelo con: roster publish --shelter {shelter} --month {month}"
    )
    if json_file:
        text = roster_json(outcome.problem, outcome.roster, outcome.report)
        write_output(json_file, text, "JSON")


def publish(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str = typer.Option(..., "--month", help="Mes, AAAA-MM."),
) -> None:
    """Publica el último borrador del mes: el personal lo ve y el mes siguiente lo continúa.

    Ejemplo: roster publish --shelter HRT-HVC-01 --month 2026-12
    """
    year, month_number = _month(month)
    shelter = shelter_code(shelter)
    with cli_errors():
        roster = publish_month(shelter, year, month_number)
    say(f"Rol {shelter} {roster.month_key} publicado (versión {roster.version}).")


def bench_network_command(
    month: str = typer.Option("2026-12", help="Mes a resolver, AAAA-MM."),
    solver: str = typer.Option("highs", help="Solver: highs o cbc."),
    time_limit: float = typer.Option(20.0, help="Segundos como máximo por fase."),
    workers: int = typer.Option(2, help="Procesos en paralelo."),
    markdown: Path | None = typer.Option(None, help="Añade la tabla a este archivo Markdown."),
) -> None:
    """Resuelve el mes de cada hogar de la red de demostración e imprime una tabla de tiempos.

    Ejemplo: roster bench network --month 2026-12 --solver highs --markdown docs/benchmarks.md
    """
    year, month_number = _month(month)
    settings = SolverSettings(
        solver=solver, time_limit_phase1=time_limit, time_limit_phase2=time_limit, threads=1
    )
    rows, wall = bench_network(year, month_number, settings, workers)
    text = markdown_table(rows, wall, settings, month)
    console(width=200).print(text, markup=False, highlight=False)
    if markdown:
        with markdown.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")


def register(app: typer.Typer) -> None:
    """Add ``plan``, ``publish`` and the ``bench`` group (network, curtois) to ``app``."""
    app.command()(plan)
    app.command()(publish)
    bench_app = typer.Typer(help="Mide el rendimiento del optimizador.", no_args_is_help=True)
    bench_app.command("network")(bench_network_command)
    bench_app.command("curtois")(bench_curtois_command)
    app.add_typer(bench_app, name="bench")
