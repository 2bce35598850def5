"""Repair after a one-week sick call, in every demo shelter: seconds and changed assignments.

``python -m roster.bench.repair --month 2026-12`` plans each demo shelter's month (in
parallel, not timed; it stands for the published roster), then, one shelter at a time,
records a sick call of the person with the most shifts in the week from the 10th and
times the repair from that day (roster.repair.solve_repair, the code the CLI and the
web job run), then re-plans the same days from scratch to count what that would change.
Each repaired month is checked by the independent validator. Like every benchmark it
prints a table and asserts nothing about time (target and figures: docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from models import Absence, AbsenceKind, PlanningProblem, Roster, RosterStatus
from models.repair import cell_changes, merge_repair, repair_problem
from models.validator import validate
from optimizer import SolverSettings, solve
from roster.bench.network import demo_problems, machine_line
from roster.planning import parse_month
from roster.repair import REPAIR_TIME_LIMIT, solve_repair
from roster.services.repair import RepairSetup

SICK_DAY, SICK_DAYS = 10, 7


@dataclass(frozen=True)
class RepairRow:
    """One shelter's sick call and its repair."""

    shelter: str
    staff: int
    removed: int  # the sick person's published shifts in the week
    seconds: float  # the repair, as the coordinator waits for it (solve and summary)
    status: str
    method: str  # "optimizer", or "greedy" when the quick repair scored better
    changed: int
    scratch_changed: int | None
    uncovered_before: float  # hours from the date on, the absence not repaired
    uncovered_after: float
    violations: int  # hard-rule violations of the repaired month (validator)


def plan(problem: PlanningProblem, limit: float) -> Roster:
    """The month planned with ``limit`` seconds per phase: it plays the published roster."""
    settings = SolverSettings(time_limit_phase1=limit, time_limit_phase2=limit, threads=1)
    roster = solve(problem, settings).roster
    return replace(roster, status=RosterStatus.PUBLISHED, version=1)


def sick_call(problem: PlanningProblem, published: Roster, start: date) -> Absence:
    """A week's unplanned absence of the person with the most shifts in it."""
    end = start + timedelta(days=SICK_DAYS - 1)
    week = Counter(a.staff_id for a in published.assignments if start <= a.day <= end)
    return Absence(week.most_common(1)[0][0], AbsenceKind.UNPLANNED, start, end, "bench")


def repair_one(
    problem: PlanningProblem, published: Roster, start: date, settings: SolverSettings
) -> RepairRow:
    """Record the sick call, time the repair, then compare with a from-scratch re-plan."""
    absence = sick_call(problem, published, start)
    month = replace(problem, absences=[*problem.absences, absence], reference=published.assignments)
    setup = RepairSetup(problem.shelter.code, start, month, published)
    started = time.perf_counter()
    outcome = solve_repair(setup, settings, compare=False)
    seconds = time.perf_counter() - started
    fresh = solve(repair_problem(month, published.assignments, start, stable=False), settings)
    merged = merge_repair(published.assignments, fresh.roster.assignments, start)
    compared = len(cell_changes(published.assignments, merged))
    checked = replace(month, locks=[a for a in outcome.roster.assignments if a.locked])
    summary = outcome.summary
    return RepairRow(
        shelter=problem.shelter.code,
        staff=len(problem.staff),
        removed=summary.forced,
        seconds=seconds,
        status=summary.status,
        method=summary.method,
        changed=summary.changed,
        scratch_changed=compared,
        uncovered_before=summary.coverage_without_repair.hours,
        uncovered_after=summary.coverage_after.hours,
        violations=len(validate(checked, outcome.roster).violations),
    )


def bench_repairs(
    year: int, month: int, plan_limit: float, settings: SolverSettings, workers: int = 2
) -> list[RepairRow]:
    """Every demo shelter: planned in parallel, then repaired one at a time."""
    problems = demo_problems(year, month)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        published = list(pool.map(plan, problems, [plan_limit] * len(problems)))
    start = date(year, month, SICK_DAY)
    return [repair_one(p, r, start, settings) for p, r in zip(problems, published, strict=True)]


def markdown_table(rows: list[RepairRow], settings: SolverSettings, month: str) -> str:
    """The benchmark as a Markdown section for docs/benchmarks.md."""
    lines = [
        f"## Repair after a one-week sick call, {month}",
        "",
        f"Machine: {machine_line()}. Solver {settings.solver}, {settings.threads} thread(s), "
        f"time limit per phase {settings.time_limit_phase1:g} s; one repair at a time; "
        f"load average at the end {os.getloadavg()[0]:.1f}.",
        "",
        "| shelter | staff | shifts lost | repair s | status | kept | changed | from scratch "
        "| uncovered h unrepaired | uncovered h repaired | hard violations |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        scratch = "—" if r.scratch_changed is None else str(r.scratch_changed)
        lines.append(
            f"| {r.shelter} | {r.staff} | {r.removed} | {r.seconds:.2f} | {r.status} "
            f"| {r.method} | {r.changed} | {scratch} | {r.uncovered_before:.0f} "
            f"| {r.uncovered_after:.0f} | {r.violations} |"
        )
    times = sorted(r.seconds for r in rows)
    lines += [
        "",
        f"Repair seconds: median {times[len(times) // 2]:.2f}, max {times[-1]:.2f}; "
        f"{sum(t < 5 for t in times)} of {len(times)} under 5 s.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Parse the options, run the benchmark and print (and optionally append) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", default="2026-12", help="AAAA-MM")
    parser.add_argument("--plan-limit", type=float, default=10.0, help="s per phase, planning")
    parser.add_argument("--time-limit", type=float, default=REPAIR_TIME_LIMIT)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="processes for the planning")
    parser.add_argument("--markdown", type=Path, help="append the table to this file")
    args = parser.parse_args(argv)
    year, month = parse_month(args.month)
    limit = args.time_limit
    settings = SolverSettings(
        time_limit_phase1=limit, time_limit_phase2=limit, threads=args.threads
    )
    rows = bench_repairs(year, month, args.plan_limit, settings, args.workers)
    text = markdown_table(rows, settings, args.month)
    print(text)  # noqa: T201 (a benchmark prints its table)
    if args.markdown:
        with args.markdown.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")


if __name__ == "__main__":
    main()
