"""The ``gaps`` command: the month's staffing gaps and the new posts that close them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import typer
from rich.table import Table

from exports.gaps_json import gaps_json
from exports.gaps_labels import number_es, soles
from exports.gaps_pdf import gaps_pdf
from exports.gaps_summary import shelter_sentence
from exports.gaps_xlsx import gaps_xlsx
from models.gaps import NetworkGapAnalysis
from roster.cli.common import (
    OUTPUT,
    cli_errors,
    console,
    fail,
    shelter_code,
    to_stdout,
    write_output,
)
from roster.cli.gaps_year import run_year
from roster.cli.progress import progress_bar
from roster.gaps import GapSettings, gap_analysis
from roster.gaps.settings import ResilienceSettings, limited_settings
from roster.planning import parse_month

DEFAULT_SIMULATION = ResilienceSettings()


def gap_settings(solver: str, time_limit: float, target: float, workers: int) -> GapSettings:
    """The analysis settings from the command's options (Spanish errors on bad values)."""
    try:
        return limited_settings(time_limit, target, solver, workers)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None


def simulation(resilience: bool, draws: int, seed: int) -> ResilienceSettings | None:
    """The sick-call simulation asked for with --resilience, or None."""
    if not resilience:
        return None
    if draws < 1:
        raise typer.BadParameter("debe ser al menos 1", param_hint="'--draws'")
    return replace(DEFAULT_SIMULATION, draws=draws, seed=seed)


def ranking_table(analysis: NetworkGapAnalysis) -> Table:
    """The shelters ranked by uncovered hours, with the recommended posts and their cost."""
    table = Table(
        "N.º",
        "Hogar",
        "Departamento",
        "Sin cubrir (h)",
        "Cobertura",
        "Probado (h)",
        "Plazas recomendadas",
        "Costo mensual",
        "Con plazas (h)",
        title=f"Brechas de personal {analysis.month:02d}/{analysis.year}",
    )
    for rank, item in enumerate(analysis.ranked(), start=1):
        posts = ", ".join(f"{p.count} {p.role}" for p in item.recommended) or "—"
        table.add_row(
            str(rank),
            item.shelter_code,
            item.department,
            number_es(item.uncovered_hours),
            f"{item.today.coverage_pct:.1f} %",
            number_es(item.proof.proved_hours),
            posts,
            soles(item.recommended_cost),
            number_es(item.uncovered_hours_after),
        )
    return table


def write_reports(
    analysis: NetworkGapAnalysis,
    json_file: Path | None,
    pdf_file: Path | None,
    xlsx_file: Path | None,
) -> None:
    """Write each report asked for, where the user said ('-': standard output)."""
    if json_file:
        write_output(json_file, gaps_json(analysis), "JSON")
    if pdf_file:
        write_output(pdf_file, gaps_pdf(analysis), "PDF")
    if xlsx_file:
        write_output(xlsx_file, gaps_xlsx(analysis), "Excel")


def gaps(
    month: str | None = typer.Option(None, "--month", help="Mes a analizar, AAAA-MM."),
    year: int | None = typer.Option(
        None,
        "--year",
        help="Año a analizar: cada mes con sus licencias, plazas dimensionadas en el año.",
    ),
    months_share: float = typer.Option(
        1.0,
        "--months-share",
        help="Con --year: parte de los meses (0-1] cuya brecha estructural cierran las plazas.",
    ),
    shelter: str | None = typer.Option(
        None, "--shelter", "-s", help="Código del hogar; sin esta opción, toda la red."
    ),
    json_file: Path | None = typer.Option(
        None, "--json", metavar="ARCHIVO", help="Guarda el análisis en JSON ('-': salida estándar)."
    ),
    pdf_file: Path | None = typer.Option(
        None, "--pdf", metavar="ARCHIVO", help="Guarda el informe PDF."
    ),
    xlsx_file: Path | None = typer.Option(
        None, "--xlsx", metavar="ARCHIVO", help="Guarda las tablas en Excel."
    ),
    target: float = typer.Option(100.0, help="Meta de cobertura de la demanda mínima, en %."),
    solver: str = typer.Option("highs", help="Solver: highs o cbc."),
    time_limit: float = typer.Option(30.0, help="Segundos como máximo por resolución."),
    workers: int = typer.Option(2, help="Hogares resueltos a la vez (procesos)."),
    resilience: bool = typer.Option(
        False,
        "--resilience",
        help="Simula ausencias imprevistas en cada escenario y repara el rol de cada una.",
    ),
    draws: int = typer.Option(
        DEFAULT_SIMULATION.draws, help="Ausencias imprevistas simuladas por escenario."
    ),
    seed: int = typer.Option(
        DEFAULT_SIMULATION.seed, help="Semilla del sorteo de ausencias (mismo valor, mismo sorteo)."
    ),
) -> None:
    """Analiza las brechas de personal del mes y las plazas nuevas de menor costo que las cierran.

    Por hogar: horas sin cubrir por función, turno, tipo de día y causa, con la cota probada.

    También: coordinación asumida por otras funciones, horas sobre contrato, escenarios
    y personas por puesto al año. Sin --shelter analiza toda la red en paralelo.

    Con --year, cada mes del año con sus vacaciones y licencias: las plazas que cierran la
    brecha estructural de todos los meses (vacantes primero) y el reemplazo temporal que
    piden las licencias de un mes.

    Ejemplo: roster gaps --month 2026-12 --pdf salidas/brechas.pdf --xlsx salidas/brechas.xlsx
    """
    if (month is None) == (year is None):
        raise typer.BadParameter("indique --month AAAA-MM o --year AAAA (uno de los dos)")
    if sum(to_stdout(path) for path in (json_file, pdf_file, xlsx_file)) > 1:
        fail("Solo un informe puede ir a la salida estándar ('-').", code=2)
    OUTPUT.data_on_stdout = any(to_stdout(path) for path in (json_file, pdf_file, xlsx_file))
    settings = replace(
        gap_settings(solver, time_limit, target, workers),
        resilience=simulation(resilience, draws, seed),
    )
    if shelter is not None:
        shelter = shelter_code(shelter)
    out = console(width=160)
    if year is not None:
        if not 0 < months_share <= 1:
            raise typer.BadParameter("debe estar entre 0 y 1", param_hint="'--months-share'")
        files = (json_file, pdf_file, xlsx_file)
        run_year(out, year, shelter, replace(settings, months_share=months_share), files)
        return
    try:
        year, month_number = parse_month(month or "")
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--month'") from None
    out.print("Analizando brechas: cada hogar se resuelve varias veces; puede tardar minutos.")
    label = "Ausencias simuladas" if shelter and resilience else "Hogares analizados"
    with cli_errors(), progress_bar(out, label) as advance:
        analysis = gap_analysis(year, month_number, shelter, settings, on_progress=advance)
    out.print(ranking_table(analysis))
    for item in analysis.ranked():
        out.print(f"- {shelter_sentence(item)}")
    posts = ", ".join(f"{n} {role}" for role, n in analysis.total_posts().items()) or "ninguna"
    out.print(
        f"Total de la red: {number_es(analysis.uncovered_hours)} h sin cubrir; plazas "
        f"recomendadas: {posts}; costo mensual {soles(analysis.total_cost)}. "
        f"Tiempo: {analysis.wall_seconds:.1f} s."
    )
    write_reports(analysis, json_file, pdf_file, xlsx_file)


def register(app: typer.Typer) -> None:
    """Add the ``gaps`` command to ``app``."""
    app.command()(gaps)
