"""Humane rosters in figures: per demo shelter, weekends off, rest after nights, contracts and
cross-cover, counted by the validator (models/validator/soft_humane.py) and the contract
lines (models/contracts.py) on the roster each shelter's month gets in a short solve.

``python -m roster.bench.humane --month 2027-03 --time-limit 10`` solves every demo
shelter one after the other (one process, ``--threads`` threads: the machine is shared)
and prints a Markdown table. The counts use the default pattern settings (two free days
after nights, a full weekend off in every two) whatever the shelter's own, so runs of
different versions compare. Like every benchmark it asserts nothing; figures live in
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, replace

from models import PlanningProblem, Roster, RuleSet
from models.contracts import contract_lines
from models.validator import validate
from models.validator.soft_humane import humane_counts
from optimizer import SolverSettings, solve
from roster.bench.network import demo_problems, machine_line
from roster.planning import parse_month

MEASURE = RuleSet()  # the default limits: the yardstick of every run


@dataclass(frozen=True)
class HumaneRow:
    """One shelter's month in humane figures."""

    shelter: str
    people: int
    weekend_off_share: float  # people with at least one full weekend off
    short_recoveries: int  # night blocks followed by fewer than two free days
    under_contract: int  # people more than 10 % under their contract
    cross_cover_shifts: int
    uncovered_hours: float
    violations: int
    seconds: float


def humane_row(problem: PlanningProblem, roster: Roster, seconds: float) -> HumaneRow:
    """The figures of one roster, with the yardstick's limits."""
    measured = replace(problem, rules=MEASURE)
    people = [p for p in problem.staff if p.active]
    counts = [humane_counts(measured, roster, p.id) for p in people]
    lines = contract_lines(measured, roster)
    checked = validate(problem, roster)
    return HumaneRow(
        shelter=problem.shelter.code,
        people=len(people),
        weekend_off_share=sum(c.weekends_off > 0 for c in counts) / max(1, len(people)),
        short_recoveries=sum(c.short_recoveries for c in counts),
        under_contract=sum(line.listed and line.worked_hours < line.target_hours for line in lines),
        cross_cover_shifts=sum(c.cross_cover_shifts for c in counts),
        uncovered_hours=sum(gap.hours for gap in roster.gaps),
        violations=len(checked.violations),
        seconds=seconds,
    )


def bench_humane(year: int, month: int, settings: SolverSettings) -> list[HumaneRow]:
    """Every demo shelter's month solved and measured, in network order."""
    rows = []
    for problem in demo_problems(year, month):
        started = time.perf_counter()
        result = solve(problem, settings)
        rows.append(humane_row(problem, result.roster, time.perf_counter() - started))
        seconds = time.perf_counter() - started
        print(f"  {problem.shelter.code}: {seconds:.0f} s", flush=True)  # noqa: T201
    return rows


def markdown(rows: list[HumaneRow]) -> str:
    """The Markdown table of docs/benchmarks.md."""
    head = (
        "| shelter | people | full weekend off | short rest after nights | >10 % under "
        "contract | cross-cover shifts | uncovered h | hard violations |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    body = "".join(
        f"| {r.shelter} | {r.people} | {100 * r.weekend_off_share:.0f} % | {r.short_recoveries} "
        f"| {r.under_contract} | {r.cross_cover_shifts} | {r.uncovered_hours:.0f} "
        f"| {r.violations} |\n"
        for r in rows
    )
    people = sum(r.people for r in rows)
    share = sum(r.weekend_off_share * r.people for r in rows) / max(1, people)
    total = (
        f"| all | {people} | {100 * share:.0f} % | {sum(r.short_recoveries for r in rows)} "
        f"| {sum(r.under_contract for r in rows)} | {sum(r.cross_cover_shifts for r in rows)} "
        f"| {sum(r.uncovered_hours for r in rows):.0f} | {sum(r.violations for r in rows)} |\n"
    )
    return head + body + total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", default="2027-03")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per phase")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    year, month = parse_month(args.month)
    settings = SolverSettings(
        time_limit_phase1=args.time_limit, time_limit_phase2=args.time_limit, threads=args.threads
    )
    rows = bench_humane(year, month, settings)
    print(machine_line())  # noqa: T201
    limits = f"{args.time_limit:g} s per phase, {args.threads} thread(s)"
    print(f"Month {args.month}, {limits}.\n")  # noqa: T201
    print(markdown(rows))  # noqa: T201


if __name__ == "__main__":
    main()
