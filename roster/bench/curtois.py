"""The Curtois & Qu benchmark: each instance solved by the product's own optimiser.

parse -> adapter.to_problem -> optimizer.solve (one weighted phase) -> adapter.roster_rows
-> models.curtois.evaluate, the benchmark's independent judge. Prints a table; it
asserts nothing about time (targets live in docs/benchmarks.md).
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from models.curtois import (
    BEST_KNOWN,
    CurtoisInstance,
    evaluate,
    gap_percent,
    load_instance,
    roster_rows,
    to_problem,
)
from optimizer import SolverSettings, solve
from optimizer.curtois_plain import solve_plain
from roster.bench.network import machine_line

FOLDER_VARIABLE = "ROSTER_CURTOIS_DIR"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
PROJECT_FOLDER = PROJECT_ROOT / "benchmarks" / "curtois"  # kept in the project, see its README


class BenchmarkMissing(FileNotFoundError):
    """The instances' folder (or one instance file) is not where it was looked for."""


@dataclass
class CurtoisRow:
    """One instance's solve as the benchmark judges it, and its roster with the instance's ids."""

    instance: int
    objective: int | None
    best_known: int
    gap_percent: float | None
    bound: float | None
    status: str
    build_seconds: float
    solve_seconds: float
    violations: int
    roster: list[dict[str, Any]] = field(default_factory=list)
    baseline_objective: int | None = None
    baseline_status: str | None = None
    baseline_seconds: float | None = None
    baseline_violations: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return asdict(self)


def instances_folder(folder: str | Path | None = None) -> Path:
    """The instances' folder: ``folder``, else $ROSTER_CURTOIS_DIR, else the project's own."""
    chosen = folder or os.environ.get(FOLDER_VARIABLE)
    path = Path(chosen) if chosen else PROJECT_FOLDER
    if not path.is_dir():
        raise BenchmarkMissing(
            f"no se encontró la carpeta de instancias Curtois & Qu: {path}. "
            f"Indíquela con --folder o la variable {FOLDER_VARIABLE}."
        )
    return path


def parse_numbers(text: str) -> list[int]:
    """Instance numbers from "1-12", "1,3,5" or "1-4,7"; each between 1 and 24."""
    numbers: list[int] = []
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        first, _, last = part.partition("-")
        try:
            low, high = int(first), int(last or first)
        except ValueError:
            raise ValueError(f"instancias: {part!r} no es un número ni un rango") from None
        if not 1 <= low <= high <= 24:
            raise ValueError(f"instancias: {part!r} fuera de 1-24")
        numbers += [n for n in range(low, high + 1) if n not in numbers]
    if not numbers:
        raise ValueError("instancias: indique al menos una, p. ej. 1-4")
    return numbers


def bench_settings(
    solver: str, time_limit: float, threads: int = 2, search: bool = True
) -> SolverSettings:
    """One weighted phase of ``time_limit`` seconds, asked to prove optimality."""
    half = time_limit / 2
    return SolverSettings(
        solver=solver,
        time_limit_phase1=half,
        time_limit_phase2=half,
        mip_gap=0.0,
        threads=threads,
        lexicographic=False,
        neighbourhood_search=search,
    )


def run_instance(
    folder: Path, number: int, settings: SolverSettings, baseline: bool = False
) -> CurtoisRow:
    """Solve one instance with the product's optimiser (and the plain model) and judge it."""
    path = folder / f"Instance{number}.txt"
    if not path.is_file():
        raise BenchmarkMissing(f"no se encontró la instancia {number}: {path}")
    instance = load_instance(folder, number)
    row = run_product(instance, number, settings)
    if baseline:
        add_baseline(row, instance, settings)
    return row


def add_baseline(row: CurtoisRow, instance: CurtoisInstance, settings: SolverSettings) -> None:
    """Solve the plain PuLP + HiGHS model at the same limit; the evaluator judges it."""
    limit = settings.time_limit_phase1 + settings.time_limit_phase2
    plain = solve_plain(instance, limit, settings.threads)
    judged = evaluate(instance, plain.rows) if plain.status != "none" else None
    row.baseline_status = plain.status
    row.baseline_seconds = round(plain.seconds, 2)
    row.baseline_objective = judged.objective if judged else None
    row.baseline_violations = len(judged.violations) if judged else None


def run_product(instance: CurtoisInstance, number: int, settings: SolverSettings) -> CurtoisRow:
    """Solve one instance with the product's optimiser and judge it with the evaluator."""
    result = solve(to_problem(instance), replace(settings, explain_gaps=False))
    report = result.report
    rows = roster_rows(result.roster)
    judged = evaluate(instance, rows) if report.status != "none" else None
    phase = report.phases[-1] if report.phases else None
    objective = judged.objective if judged else None
    return CurtoisRow(
        instance=number,
        objective=objective,
        best_known=BEST_KNOWN[number],
        gap_percent=None if objective is None else round(gap_percent(objective, number), 2),
        bound=None if phase is None or phase.best_bound is None else round(phase.best_bound, 2),
        status=report.status,
        build_seconds=round(report.build_seconds, 2),
        solve_seconds=round(report.solve_seconds, 2),
        violations=len(judged.violations) if judged else 0,
        roster=[{"staff": staff, "day": day, "shift": shift} for staff, day, shift in rows],
    )


HEADER = (
    "| instance | objective | best known | gap % | bound | status | build s | solve s "
    "| hard violations |\n|---|---|---|---|---|---|---|---|---|"
)
BASELINE_HEADER = (
    HEADER.replace(" |\n", " | plain objective | plain status | plain violations |\n")
    + "---|---|---|"
)


PLAIN_NOTE = (
    ' "plain": the plain PuLP + HiGHS model (optimizer/curtois_plain.py) at the same'
    " time limit and thread count, judged by the same evaluator."
)


def table_header(baseline: bool = False) -> str:
    """The markdown table's header, with the plain model's columns when ``baseline``."""
    return BASELINE_HEADER if baseline else HEADER


def table_line(row: CurtoisRow, baseline: bool = False) -> str:
    """One markdown table row (with the plain model's cells when ``baseline``)."""
    cells = [
        row.instance,
        "—" if row.objective is None else row.objective,
        row.best_known,
        "—" if row.gap_percent is None else f"{row.gap_percent:.2f}",
        "—" if row.bound is None else f"{row.bound:g}",
        row.status,
        f"{row.build_seconds:.1f}",
        f"{row.solve_seconds:.1f}",
        row.violations,
    ]
    if baseline:
        cells += [
            "—" if row.baseline_objective is None else row.baseline_objective,
            row.baseline_status or "—",
            "—" if row.baseline_violations is None else row.baseline_violations,
        ]
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown_section(
    rows: list[CurtoisRow], settings: SolverSettings, wall: float, baseline: bool = False
) -> str:
    """The table with the machine, the date and the settings, ready to append to a file."""
    per_instance = settings.time_limit_phase1 + settings.time_limit_phase2
    search = "on" if settings.neighbourhood_search else "off"
    lines = [
        f"### Curtois & Qu, {time.strftime('%d/%m/%Y %H:%M UTC', time.gmtime())}",
        "",
        f"Machine: {machine_line()}. Settings: solver "
        f"{settings.solver}, {per_instance:g} s per instance, {settings.threads} threads, "
        f"one weighted phase, neighbourhood search {search}. "
        f"Wall time {wall:.0f} s. Objective, gap and violations from the independent evaluator."
        + (PLAIN_NOTE if baseline else ""),
        "",
        table_header(baseline),
        *(table_line(row, baseline) for row in rows),
        "",
    ]
    return "\n".join(lines)
