"""Readable roster grid for the terminal: people x days, then a gap row per role and shift.

The header marks feriados and weekends; each person's line ends with her worked hours
against her contract, her nights and her weekend days (models/contracts.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from models import PlanningProblem, Roster
from models.contracts import ContractLine, contract_lines

WEEKDAY_LETTERS = "LMMJVSD"  # lunes ... domingo
BREASTFEEDING_MARK = "L"  # after the shift of a day she works within her breastfeeding hour


def day_header(problem: PlanningProblem, day: date) -> tuple[str, str]:
    """A day's column title (letter, number, and "fe" for a feriado or "fs" for a weekend day)
    and its style."""
    feriado, weekend = day in problem.holidays, day.weekday() >= 5
    mark = "fe" if feriado else ("fs" if weekend else "")
    style = "bold magenta" if feriado else ("cyan" if weekend else "")
    return f"{WEEKDAY_LETTERS[day.weekday()]}\n{day.day:02d}\n{mark}", style


def roster_grid(problem: PlanningProblem, roster: Roster) -> Table:
    """One row per person with her shift code each day and her month in figures; one row
    per role and shift with its gaps."""
    table = Table(
        title=f"Rol de turnos {problem.shelter.code} {roster.month_key}",
        box=None,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )
    table.add_column("Personal", no_wrap=True)
    for day in problem.days:
        title, style = day_header(problem, day)
        table.add_column(title, justify="center", style=style, no_wrap=True)
    for title in ("Horas/\ncontrato", "Noches", "Días\nfs"):
        table.add_column(title, justify="right", no_wrap=True)
    cells: dict[tuple[str, Any], str] = {}
    for a in roster.assignments:
        mark = a.shift + ("*" if a.locked else "")
        person = problem.staff_by_id.get(a.staff_id)
        if person and a.role != person.primary_role:
            mark = mark.lower()  # covering another role
        cells[(a.staff_id, a.day)] = mark
    lines = {line.staff_id: line for line in contract_lines(problem, roster)}
    absent = {p.id: problem.absent_days(p.id) for p in problem.staff}
    for person in problem.staff:
        row = [f"{person.name[:26]} ({person.primary_role})"]
        shorter = problem.shortened_days(person.id)
        for day in problem.days:
            worked = cells.get((person.id, day))
            if worked is None:
                row.append("a" if day in absent[person.id] else "·")
            else:
                row.append(worked + (f"[magenta]{BREASTFEEDING_MARK}[/]" if day in shorter else ""))
        line = lines.get(person.id)
        row += figures(line) if line else ["", "", ""]
        table.add_row(*row)
    _add_gap_rows(table, problem, roster)
    return table


def figures(line: ContractLine) -> list[str]:
    """Hours against the contract (in red when off by more than the tolerance), nights,
    weekend days."""
    hours = f"{line.worked_hours:.0f}/{line.target_hours:.0f}"
    return [
        f"[bold red]{hours}[/]" if line.listed else hours,
        str(line.nights),
        str(line.weekend_days),
    ]


def _add_gap_rows(table: Table, problem: PlanningProblem, roster: Roster) -> None:
    missing: dict[tuple[str, str, date], int] = defaultdict(int)
    for gap in roster.gaps:
        missing[(gap.role, gap.shift, gap.day)] += gap.missing
    order = {shift.code: index for index, shift in enumerate(problem.shift_types)}
    rows = sorted(
        {(need.role, need.shift) for need in problem.demand if need.minimum > 0},
        key=lambda key: (key[0], order.get(key[1], 0)),
    )
    table.add_section()
    for role, shift in rows:
        row = [f"Brecha {role} {shift}"]
        for day in problem.days:
            count = missing.get((role, shift, day), 0)
            row.append(f"[bold red]-{count}[/]" if count else "[green]✓[/]")
        total = sum(g.hours for g in roster.gaps if g.role == role and g.shift == shift)
        row += [f"[bold red]{total:.0f} h[/]" if total else "0 h", "", ""]
        table.add_row(*row)


def contract_notes(problem: PlanningProblem, roster: Roster) -> list[str]:
    """One line per person off her contract by more than the tolerance, with the reason."""
    names = {person.id: person.name for person in problem.staff}
    tolerance = round(100 * problem.rules.contract_tolerance)
    notes = []
    for line in contract_lines(problem, roster):
        if line.listed:
            notes.append(
                f"{escape(names[line.staff_id])}: {line.worked_hours:.0f} h de "
                f"{line.target_hours:.0f} h ({100 * line.deviation:+.0f} %, más de "
                f"{tolerance} %): {line.reason_es}"
            )
    return notes


def print_contracts(console: Console, problem: PlanningProblem, roster: Roster) -> None:
    """The people off their contract, each with the reason, under the grid."""
    notes = contract_notes(problem, roster)
    if notes:
        console.print("[bold]Fuera de su contrato:[/]")
        for note in notes:
            console.print(f"  {note}")


LEGEND = (
    "Códigos: letra del turno; minúscula = cubre otra función; * = fijado a mano; "
    "a = ausente; · = libre; L tras el turno = hora de lactancia (ese día trabaja una hora "
    "menos, Ley 27240). Cabecera: fe = feriado, fs = fin de semana. Horas/contrato: "
    "horas trabajadas (sin el refrigerio no pagado) y las del contrato en el mes, en rojo "
    "si se apartan más de lo tolerado; Noches y Días fs: noches y días de fin de semana "
    "trabajados. Filas 'Brecha función turno': personas que faltan ese día (✓ = cubierto)."
)
