"""The ``roster bench curtois`` command: the public Curtois & Qu benchmark."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from roster.bench.curtois import (
    BenchmarkMissing,
    bench_settings,
    instances_folder,
    markdown_section,
    parse_numbers,
    run_instance,
    table_header,
    table_line,
)
from roster.cli.common import console, fail, write_output


def bench_curtois_command(
    instances: str = typer.Option("1-12", help='Instancias: "1-12", "1,3,5" o "1-4,7".'),
    solver: str = typer.Option("highs", help="Solver: highs o cbc."),
    time_limit: float = typer.Option(60.0, help="Segundos como máximo por instancia."),
    threads: int = typer.Option(2, min=1, help="Hilos del solver por instancia."),
    json_file: Path | None = typer.Option(
        None, "--json", help="Guarda por instancia la fila y el rol [{staff, day, shift}]."
    ),
    search: bool = typer.Option(
        True, help="Búsqueda por vecindarios alrededor de HiGHS (--no-search: una sola resolución)."
    ),
    baseline: bool = typer.Option(
        False, help="Resuelve también el modelo PuLP + HiGHS simple con el mismo límite."
    ),
    markdown: Path | None = typer.Option(None, help="Añade la tabla a este archivo Markdown."),
    folder: Path | None = typer.Option(
        None, help="Carpeta de las instancias (por defecto benchmarks/curtois del proyecto)."
    ),
) -> None:
    """Resuelve instancias del benchmark público Curtois & Qu con el optimizador del producto.

    Por instancia: objetivo (según el evaluador independiente), mejor valor conocido,
    brecha en %, cota del solver, estado, segundos de construcción y de resolución, y
    violaciones de reglas duras (deben ser 0).

    Ejemplo: roster bench curtois --instances 1-4 --time-limit 60
    """
    try:
        numbers = parse_numbers(instances)
        settings = bench_settings(solver, time_limit, threads, search)
        path = instances_folder(folder)
    except (ValueError, BenchmarkMissing) as error:
        fail(str(error))
    out = console(width=200)
    out.print(table_header(baseline), markup=False, highlight=False)
    rows, started = [], time.perf_counter()
    for number in numbers:
        try:
            row = run_instance(path, number, settings, baseline)
        except BenchmarkMissing as error:
            fail(str(error))
        rows.append(row)
        out.print(table_line(row, baseline), markup=False, highlight=False)
    wall = time.perf_counter() - started
    if json_file:
        payload = {"settings": settings.to_dict(), "instances": [row.to_dict() for row in rows]}
        write_output(json_file, json.dumps(payload, ensure_ascii=False, indent=1), "JSON")
    if markdown:
        with markdown.open("a", encoding="utf-8") as handle:
            handle.write("\n" + markdown_section(rows, settings, wall, baseline) + "\n")
