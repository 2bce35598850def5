"""Coverage tiers before and after: each demo shelter's uncovered hours by tier, proved.

``python -m roster.bench.tiers --month 2027-03`` solves every demo shelter's month twice
and prints a markdown table:

- *before*: phase 1 as it was, one step minimising every missing hour at the same price
  (the tiers flattened to normal, workshops and nurse back to a desired level only);
- *after*: phase 1 lexicographic (essential, then the time with nobody on site, then
  normal), optional cover priced in phase 2.

Both rosters are judged by the independent validator against the tiered demand, so the
columns count the same hours. "proved" says whether phase 1's bound proves the tier (after)
or the one flattened total (before). Phase 2 gets ``--phase2`` seconds (the figures are
phase 1's). Like every benchmark it prints a table and asserts nothing about time.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace

from models import PlanningProblem, Tier
from models.coverage import CoverageRule
from models.validator.soft_coverage import tier_units
from models.validator.unstaffed import unstaffed_shifts
from optimizer import SolverSettings, solve
from roster.bench.network import demo_problems, machine_line
from roster.planning import parse_month


@dataclass(frozen=True)
class TierRow:
    """One shelter's month, one way of solving it."""

    shelter: str
    hours: dict[Tier, float]
    proved: str  # the tiers whose bound proves them, or "total" (before)
    unstaffed: int
    phase1_seconds: float


def flattened(problem: PlanningProblem) -> PlanningProblem:
    """The problem as phase 1 saw it before tiers: each shift's layers merged into one
    normal rule at one price, workshops and nurse (optional) back to a desired level only,
    no step for the time with nobody on site."""
    merged: dict[tuple, CoverageRule] = {}
    for rule in problem.coverage:
        minimum = 0 if rule.tier is Tier.OPTIONAL else rule.minimum
        key = (rule.role, rule.shift, rule.day_class)
        if key in merged:
            kept = merged[key]
            minimum, desired = kept.minimum + minimum, kept.desired + rule.desired
        else:
            desired = rule.desired
        merged[key] = replace(rule, minimum=minimum, desired=desired, tier=Tier.NORMAL)
    rules = problem.rules.with_changes(essential_coverage_factor=1.0, someone_on_site=False)
    return replace(problem, coverage=list(merged.values()), rules=rules)


def measure(problem: PlanningProblem, before: bool, phase2: float) -> TierRow:
    """Solve once and judge the roster by the tiered demand of ``problem``."""
    solved = flattened(problem) if before else problem
    settings = SolverSettings(time_limit_phase1=60, time_limit_phase2=phase2)
    result = solve(solved, settings)
    coverage = result.report.phase("coverage")
    if before:
        proved = "total" if coverage.status == "optimal" else "-"
    else:
        steps = [*result.report.tiers, result.report.unstaffed]
        proved = ", ".join(t.tier for t in steps if t is not None and t.proven) or "-"
    return TierRow(
        problem.shelter.code,
        tier_units(problem, result.roster),
        proved,
        len(unstaffed_shifts(problem, result.roster, result.roster.gaps)),
        coverage.solve_seconds,
    )


def markdown(rows: list[tuple[TierRow, TierRow]]) -> str:
    """One line per shelter: essential, normal and optional hours before -> after."""
    lines = [
        "| shelter | essential h | normal h | optional h | nobody on site | proved (after) "
        "| phase 1 s |",
        "|---|---|---|---|---|---|---|",
    ]
    for old, new in rows:
        cells = [f"{old.hours[t]:.0f} → {new.hours[t]:.0f}" for t in Tier]
        lines.append(
            f"| {new.shelter} | {' | '.join(cells)} | {old.unstaffed} → {new.unstaffed} "
            f"| {new.proved} | {old.phase1_seconds:.1f} → {new.phase1_seconds:.1f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--month", default="2027-03")
    parser.add_argument("--phase2", type=float, default=2.0)
    parser.add_argument("--shelter", action="append", help="only these codes (repeatable)")
    args = parser.parse_args()
    year, month = parse_month(args.month)
    problems = demo_problems(year, month)
    if args.shelter:
        problems = [p for p in problems if p.shelter.code in args.shelter]
    rows = [(measure(p, True, args.phase2), measure(p, False, args.phase2)) for p in problems]
    print(machine_line())  # noqa: T201
    print(markdown(rows))  # noqa: T201


if __name__ == "__main__":
    main()
