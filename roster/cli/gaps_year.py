"""``roster gaps --year``: posts sized on the year, temporary cover (docs/gaps.md §12)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from exports.gaps_labels import MONTHS_ES, number_es, soles
from exports.gaps_year import year_json, year_pdf, year_xlsx
from models.gap_year import NetworkYearAnalysis
from roster.cli.common import cli_errors, write_output
from roster.cli.progress import progress_bar
from roster.gaps.settings import GapSettings
from roster.gaps.year import year_gap_analysis


def year_table(analysis: NetworkYearAnalysis) -> Table:
    """The shelters ranked by the year's gap, with the posts and the temporary cover."""
    table = Table(
        "N.º",
        "Hogar",
        "Sin cubrir en el año (h)",
        "Estructural (h)",
        "Plazas recomendadas",
        "Costo anual",
        "Reemplazo temporal",
        title=f"Plazas dimensionadas en el año {analysis.year}",
    )
    for rank, item in enumerate(analysis.ranked(), start=1):
        posts = ", ".join(
            f"{p.count} {p.role}{' (vacante)' if p.vacancy else ''}" for p in item.recommended
        )
        cover = "; ".join(
            f"{MONTHS_ES[t.month - 1]} {t.role} {number_es(t.hours)} h"
            for t in item.temporary_cover
        )
        table.add_row(
            str(rank),
            item.shelter_code,
            number_es(item.uncovered_hours),
            number_es(item.structural_hours),
            posts or "—",
            soles(item.recommended_cost * 12),
            cover or "—",
        )
    return table


def run_year(
    out: Console,
    year: int,
    shelter: str | None,
    settings: GapSettings,
    files: tuple[Path | None, Path | None, Path | None],
) -> None:
    """Analyse the year, print the table, write the reports asked for (JSON, PDF, Excel)."""
    out.print("Analizando el año: cada mes de cada hogar se resuelve; puede tardar minutos.")
    label = "Meses resueltos" if shelter else "Hogares analizados"
    with cli_errors(), progress_bar(out, label) as advance:
        analysis = year_gap_analysis(year, shelter, settings, on_progress=advance)
    out.print(year_table(analysis))
    posts = ", ".join(f"{n} {role}" for role, n in analysis.total_posts().items()) or "ninguna"
    out.print(
        f"Total de la red: plazas recomendadas: {posts}; costo anual "
        f"{soles(analysis.total_cost * 12)}; reemplazo temporal "
        f"{number_es(analysis.temporary_hours)} h. Tiempo: {analysis.wall_seconds:.1f} s."
    )
    json_file, pdf_file, xlsx_file = files
    if json_file:
        write_output(json_file, year_json(analysis), "JSON")
    if pdf_file:
        write_output(pdf_file, year_pdf(analysis), "PDF")
    if xlsx_file:
        write_output(xlsx_file, year_xlsx(analysis), "Excel")
