"""Readable roster grid for the terminal: people x days, then a gap row per role."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rich.table import Table

from models import PlanningProblem, Roster

WEEKDAY_LETTERS = "LMMJVSD"  # lunes ... domingo


def roster_grid(problem: PlanningProblem, roster: Roster) -> Table:
    """One row per person with her shift code each day; one row per role with its gaps."""
    table = Table(
        title=f"Rol de turnos {problem.shelter.code} {roster.month_key}",
        box=None,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    table.add_column("Personal", no_wrap=True)
    for day in problem.days:
        style = (
            "bold magenta" if day in problem.holidays else ("cyan" if day.weekday() >= 5 else "")
        )
        table.add_column(
            f"{WEEKDAY_LETTERS[day.weekday()]}\n{day.day:02d}",
            justify="center",
            style=style,
            no_wrap=True,
        )
    table.add_column("Horas", justify="right")
    cells: dict[tuple[str, Any], str] = {}
    hours: dict[str, float] = defaultdict(float)
    for a in roster.assignments:
        mark = a.shift + ("*" if a.locked else "")
        person = problem.staff_by_id.get(a.staff_id)
        if person and a.role != person.primary_role:
            mark = mark.lower()  # covering another role
        cells[(a.staff_id, a.day)] = mark
        hours[a.staff_id] += problem.shifts[a.shift].minutes / 60
    absent = {p.id: problem.absent_days(p.id) for p in problem.staff}
    for person in problem.staff:
        row = [f"{person.name[:26]} ({person.primary_role})"]
        for day in problem.days:
            row.append(cells.get((person.id, day), "a" if day in absent[person.id] else "·"))
        row.append(f"{hours[person.id]:.0f}")
        table.add_row(*row)
    _add_gap_rows(table, problem, roster)
    return table


def _add_gap_rows(table: Table, problem: PlanningProblem, roster: Roster) -> None:
    missing: dict[tuple[str, Any], int] = defaultdict(int)
    for gap in roster.gaps:
        missing[(gap.role, gap.day)] += gap.missing
    roles = sorted({d.role for d in problem.demand})
    table.add_section()
    for role in roles:
        row = [f"Brecha {role}"]
        for day in problem.days:
            count = missing.get((role, day), 0)
            row.append(f"[bold red]-{count}[/]" if count else "[green]✓[/]")
        total = sum(g.hours for g in roster.gaps if g.role == role)
        row.append(f"[bold red]{total:.0f}[/]" if total else "0")
        table.add_row(*row)


LEGEND = (
    "Códigos: letra del turno; minúscula = cubre otra función; * = fijado a mano; "
    "a = ausente; · = libre. Filas 'Brecha': personas que faltan ese día (✓ = cubierto)."
)
