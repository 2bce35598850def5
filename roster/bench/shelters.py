"""Phase 2 in time for a coordinator: each demo shelter's roster at a few time limits,
against the best roster the engine finds for that shelter's month (its reference).

``python -m roster.bench.shelters reference --month 2026-12 --time-limit 600`` solves
every demo shelter's month with phase 2 given ``--time-limit`` seconds and keeps, per
shelter, the better of that roster and the one already on file:
benchmarks/shelters/<month>/<code>.json holds its assignments, its phase-2 objective and
the settings and date it was found with. ``python -m roster.bench.shelters quality
--month 2026-12 --limits 10,30,60`` solves each month at each limit with the product's
settings (roster.planning.solver_settings) and prints a table of the gaps to the
reference. Objectives are the independent validator's: the weighted penalties of S2-S7
(phase 2's objective; S1, phase 1's, is proven optimal and equal across runs).

Like every benchmark it prints tables and asserts nothing about time; the figures live in
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from models import Assignment, PlanningProblem, Roster
from models.validator import validate
from optimizer import SolverSettings, solve
from roster.bench.network import demo_problems, machine_line
from roster.planning import parse_month, solver_settings

FOLDER = Path(__file__).resolve().parents[2] / "benchmarks" / "shelters"
QUALITY = ("S2", "S3", "S4", "S5", "S6", "S7")  # phase 2's rules


@dataclass(frozen=True)
class Scored:
    """A roster as the validator scores it: phase 1's S1 and phase 2's objective."""

    coverage: float
    objective: float
    violations: int


def score(problem: PlanningProblem, roster: Roster) -> Scored:
    """S1 and the weighted S2-S7 of ``roster``, and its hard violations, by the validator."""
    checked = validate(problem, roster)
    objective = sum(checked.penalties.get(code, 0.0) for code in QUALITY)
    return Scored(checked.penalties.get("S1", 0.0), round(objective, 6), len(checked.violations))


def reference_path(code: str, month: str, folder: Path = FOLDER) -> Path:
    """Where a shelter's reference roster for ``month`` is kept."""
    return folder / month / f"{code}.json"


def read_reference(path: Path, problem: PlanningProblem) -> tuple[dict[str, Any], Roster]:
    """A reference file and its roster."""
    data = json.loads(path.read_text(encoding="utf-8"))
    assignments = [
        Assignment(staff, date.fromisoformat(day), shift, role)
        for staff, day, shift, role in data["assignments"]
    ]
    return data, Roster(problem.shelter.code, problem.year, problem.month, assignments)


def reference_record(
    problem: PlanningProblem, roster: Roster, scored: Scored, settings: SolverSettings
) -> dict[str, Any]:
    """The JSON record of a reference roster."""
    return {
        "shelter": problem.shelter.code,
        "month": f"{problem.year:04d}-{problem.month:02d}",
        "objective": scored.objective,
        "coverage": scored.coverage,
        "found_with": {
            "time_limit_phase2": settings.time_limit_phase2,
            "threads": settings.threads,
            "mip_gap": settings.mip_gap,
            "machine": machine_line(),
        },
        "assignments": [
            [a.staff_id, a.day.isoformat(), a.shift, a.role] for a in roster.assignments
        ],
    }


def improve_reference(
    problem: PlanningProblem, settings: SolverSettings, folder: Path = FOLDER
) -> tuple[str, float, float | None, bool]:
    """Solve ``problem`` and keep its roster as the reference when it beats the one on file.

    Returns the shelter, the new objective, the one on file (None: none) and whether it was
    replaced. A roster with a hard violation or a worse S1 is never kept.
    """
    result = solve(problem, settings)
    scored = score(problem, result.roster)
    path = reference_path(problem.shelter.code, f"{problem.year:04d}-{problem.month:02d}", folder)
    before: float | None = None
    better = scored.violations == 0
    if path.exists():
        data, roster = read_reference(path, problem)
        kept = score(problem, roster)
        before = kept.objective
        better = better and (scored.coverage, scored.objective) < (kept.coverage, kept.objective)
    if better:
        path.parent.mkdir(parents=True, exist_ok=True)
        record = reference_record(problem, result.roster, scored, settings)
        path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return problem.shelter.code, scored.objective, before, better


@dataclass(frozen=True)
class QualityRow:
    """One shelter: its reference objective and phase 2's objective at each limit."""

    shelter: str
    staff: int
    reference: float | None
    objectives: tuple[float, ...]
    violations: int

    def gaps(self) -> list[float | None]:
        """(objective - reference) / reference at each limit (None without a reference)."""
        if self.reference is None:
            return [None for _ in self.objectives]
        return [relative(value, self.reference) for value in self.objectives]


def relative(value: float, reference: float) -> float:
    """The relative gap of ``value`` above ``reference`` (0 when both are 0)."""
    if abs(value - reference) < 1e-6:
        return 0.0
    return (value - reference) / abs(reference) if reference else float("inf")


def quality_row(
    problem: PlanningProblem, limits: tuple[float, ...], folder: Path = FOLDER
) -> QualityRow:
    """Phase 2 at each limit with the product's settings, scored against the reference."""
    objectives, violations = [], 0
    for limit in limits:
        settings = solver_settings(limit)
        result = solve(problem, settings)
        scored = score(problem, result.roster)
        objectives.append(scored.objective)
        violations += scored.violations
    month = f"{problem.year:04d}-{problem.month:02d}"
    path = reference_path(problem.shelter.code, month, folder)
    reference = None
    if path.exists():
        reference = score(problem, read_reference(path, problem)[1]).objective
    return QualityRow(
        problem.shelter.code, len(problem.staff), reference, tuple(objectives), violations
    )


def quality_table(rows: list[QualityRow], limits: tuple[float, ...], month: str) -> str:
    """The table of gaps to the reference, with the median and worst per limit."""
    heads = " | ".join(f"{limit:g} s" for limit in limits)
    lines = [
        f"Month {month}; machine: {machine_line()}; product settings "
        f"({settings_line(limits[0])}); gap = (objective - reference) / reference.",
        "",
        f"| shelter | staff | reference | {heads} | hard violations |",
        "|---|---|---|" + "---|" * len(limits) + "---|",
    ]
    for row in rows:
        cells = [
            f"{value:g} ({percent(gap)})"
            for value, gap in zip(row.objectives, row.gaps(), strict=True)
        ]
        reference = "—" if row.reference is None else f"{row.reference:g}"
        lines.append(
            f"| {row.shelter} | {row.staff} | {reference} | {' | '.join(cells)} "
            f"| {row.violations} |"
        )
    for label, pick in (("median", statistics.median), ("worst", max)):
        cells = []
        for index in range(len(limits)):
            gaps = [gap for row in rows if (gap := row.gaps()[index]) is not None]
            cells.append(percent(pick(gaps)) if gaps else "—")
        lines.append(f"| **{label}** | | | {' | '.join(cells)} | |")
    for index, limit in enumerate(limits):
        gaps = [gap for row in rows if (gap := row.gaps()[index]) is not None]
        within = {share: sum(gap <= share + 1e-9 for gap in gaps) for share in (0.02, 0.05)}
        lines.append(
            f"\nAt {limit:g} s: {within[0.02]} of {len(gaps)} within 2 %, "
            f"{within[0.05]} within 5 %."
        )
    return "\n".join(lines) + "\n"


def percent(gap: float | None) -> str:
    return "—" if gap is None else f"{100 * gap:.1f} %"


def settings_line(limit: float) -> str:
    """How the product's settings solve (threads, MIP gap) for the table's heading."""
    settings = solver_settings(limit)
    return f"{settings.solver}, {settings.threads} thread(s), MIP gap {settings.mip_gap:g}"


def main(argv: list[str] | None = None) -> None:
    """``reference`` or ``quality``, over every demo shelter (or ``--shelters``)."""
    parser = argparse.ArgumentParser(prog="python -m roster.bench.shelters")
    parser.add_argument("command", choices=("reference", "quality"))
    parser.add_argument("--month", default="2026-12")
    parser.add_argument("--time-limit", type=float, default=600.0, help="reference: phase 2 s")
    parser.add_argument("--limits", default="10,30,60", help="quality: phase 2 limits, s")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="reference: HiGHS threads")
    parser.add_argument("--shelters", default="", help="codes, comma-separated (default: all)")
    parser.add_argument("--markdown", type=Path, help="quality: append the table to this file")
    options = parser.parse_args(argv)
    year, month = parse_month(options.month)
    problems = demo_problems(year, month)
    if options.shelters:
        chosen = set(options.shelters.split(","))
        problems = [problem for problem in problems if problem.shelter.code in chosen]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        if options.command == "reference":
            settings = SolverSettings(
                time_limit_phase1=60.0,
                time_limit_phase2=options.time_limit,
                mip_gap=0.0,
                threads=options.threads,
            )
            runs = pool.map(improve_reference, problems, [settings] * len(problems))
            for code, objective, before, kept in runs:
                print(f"{code}: {objective:g} (on file: {before}) {'kept' if kept else ''}")  # noqa: T201
        else:
            limits = tuple(float(part) for part in options.limits.split(","))
            rows = list(pool.map(quality_row, problems, [limits] * len(problems)))
            text = quality_table(rows, limits, options.month)
            print(text)  # noqa: T201
            if options.markdown:
                with options.markdown.open("a", encoding="utf-8") as handle:
                    handle.write("\n" + text)
    print(f"wall time {time.perf_counter() - started:.0f} s")  # noqa: T201


if __name__ == "__main__":
    main()
