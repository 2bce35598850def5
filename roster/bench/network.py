"""The network benchmark: every demo shelter's month solved in parallel processes.

Prints a table; it asserts nothing about time (targets live in docs/benchmarks.md).
"""

from __future__ import annotations

import os
import platform
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date

from models import PlanningProblem
from models.validator import validate
from optimizer import SolverSettings, solve
from roster.demo import generate_network


@dataclass(frozen=True)
class BenchRow:
    """One shelter's solve: sizes, times, statuses and the gap."""

    shelter: str
    staff: int
    variables: int
    constraints: int
    build_seconds: float
    phase1_seconds: float
    phase2_seconds: float
    phase1_status: str
    status: str
    mip_gap: float | None
    uncovered_hours: float
    hard_violations: int


def demo_problems(year: int, month: int, seed: int = 2026) -> list[PlanningProblem]:
    """The month's planning problem of every demo shelter (no history: a first month)."""
    network = generate_network(seed)
    return [data.problem(network.roles, year, month) for data in network.shelters]


def solve_one(problem: PlanningProblem, settings: SolverSettings) -> BenchRow:
    """Solve one problem and check the result with the independent validator."""
    result = solve(problem, settings)
    report = result.report
    phases = report.phases
    check = validate(problem, result.roster)
    return BenchRow(
        shelter=problem.shelter.code,
        staff=len(problem.staff),
        variables=report.variables,
        constraints=report.constraints,
        build_seconds=report.build_seconds,
        phase1_seconds=phases[0].solve_seconds if phases else 0.0,
        phase2_seconds=phases[1].solve_seconds if len(phases) > 1 else 0.0,
        phase1_status=phases[0].status if phases else "none",
        status=report.status,
        mip_gap=phases[-1].mip_gap if phases else None,
        uncovered_hours=sum(g.hours for g in result.roster.gaps),
        hard_violations=len(check.violations),
    )


def bench_network(
    year: int, month: int, settings: SolverSettings, workers: int = 2
) -> tuple[list[BenchRow], float]:
    """Solve every demo shelter with ``workers`` processes; rows in network order, wall seconds."""
    problems = demo_problems(year, month)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        rows = list(pool.map(solve_one, problems, [settings] * len(problems)))
    return rows, time.perf_counter() - started


def machine_line() -> str:
    """A one-line description of the machine the benchmark ran on."""
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{date.today():%Y-%m-%d}"
    )


def markdown_table(rows: list[BenchRow], wall: float, settings: SolverSettings, month: str) -> str:
    """The benchmark as a Markdown section for docs/benchmarks.md."""
    lines = [
        f"## Network month {month}",
        "",
        f"Machine: {machine_line()}. Solver {settings.solver}, time limit per phase "
        f"{settings.time_limit_phase1:g}/{settings.time_limit_phase2:g} s, MIP gap "
        f"{settings.mip_gap:g}, {settings.threads} thread(s) per shelter.",
        "",
        "| shelter | staff | variables | constraints | build s | phase 1 s | phase 2 s "
        "| phase 1 | final | MIP gap | uncovered h | hard violations |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        gap = "—" if r.mip_gap is None else f"{100 * r.mip_gap:.2f} %"
        lines.append(
            f"| {r.shelter} | {r.staff} | {r.variables} | {r.constraints} | {r.build_seconds:.2f} "
            f"| {r.phase1_seconds:.2f} | {r.phase2_seconds:.2f} | {r.phase1_status} | {r.status} "
            f"| {gap} | {r.uncovered_hours:.0f} | {r.hard_violations} |"
        )
    lines += ["", f"Whole network: {wall:.1f} s wall time.", ""]
    return "\n".join(lines)
