"""The plan report's coverage by tier: uncovered hours, their proof, and the shifts with
nobody on site (the headline)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from exports.gaps_labels import REASONS_ES, STATUS_ES
from models.coverage import TIER_NAMES_ES, Tier
from models.report import SolveReport
from models.roster import Gap, UnstaffedShift, tier_hours
from roster.services.labels import day_es

UNITS_ES = {"hours": "h", "shifts": "turnos"}


def print_unstaffed(console: Console, unstaffed: list[UnstaffedShift]) -> None:
    """The headline: every shift with nobody on site, with the rule that left it empty."""
    if not unstaffed:
        return
    console.print(f"[bold red]Turnos sin nadie en el hogar: {len(unstaffed)}[/]")
    for item in unstaffed:
        reason = REASONS_ES.get(item.reason, item.reason)
        console.print(f"  [red]{day_es(item.day)} {item.shift}[/] ({item.role}): {reason}")


def print_tiers(console: Console, report: SolveReport, gaps: list[Gap]) -> None:
    """Uncovered cover per tier, and the time with nobody on site, each with the proven
    least (the bound) and the proof's status."""
    if not report.tiers:
        return
    hours = tier_hours(gaps)
    table = Table("Prioridad", "Sin cubrir", "Cota probada", "Estado", box=None)
    for item in report.tiers:
        unit = UNITS_ES.get(item.unit, item.unit)
        table.add_row(
            TIER_NAMES_ES[Tier(item.tier)],
            f"{hours.get(item.tier, 0.0):.0f} h",
            "—" if item.bound is None else f"{item.bound:.0f} {unit}",
            STATUS_ES.get(item.status, item.status),
        )
    alone = report.unstaffed
    if alone is not None:  # phase 1's step between essential and normal
        unit = UNITS_ES.get(alone.unit, alone.unit)
        table.add_row(
            "nadie en el hogar",
            f"{alone.uncovered:.0f} {unit} ({alone.shifts} turnos)",
            "—" if alone.bound is None else f"{alone.bound:.0f} {unit}",
            STATUS_ES.get(alone.status, alone.status),
        )
    console.print(table)
