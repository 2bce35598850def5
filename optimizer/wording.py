"""Spanish wording of what the optimiser reports to coordinators (dates as dd/mm/yyyy)."""

from __future__ import annotations

from datetime import date

from models.rules import RULES_BY_CODE

CAUSES = {
    "locks": "los turnos fijados a mano no permiten cumplirla; se mantienen los turnos fijados "
    "y no se le asigna más trabajo en esas fechas",
    "history": "el rol del mes anterior y los turnos fijados no dejan cumplirla",
    "dropped": "el turno fijado a mano la contradice y se descartó",
    "unknown_staff": "el turno fijado es de una persona que no está activa en el hogar; "
    "se descartó",
    "unknown_shift": "el turno fijado usa un turno que no existe en este hogar; se descartó",
    "outside_month": "el turno fijado cae fuera del mes; se descartó",
}


def dates_text(days: tuple[date, ...]) -> str:
    """Dates as coordinators read them, e.g. ``03/01/2027 a 09/01/2027`` for a run."""
    if not days:
        return "—"
    if len(days) == 1:
        return f"{days[0]:%d/%m/%Y}"
    if (days[-1] - days[0]).days == len(days) - 1:
        return f"{days[0]:%d/%m/%Y} a {days[-1]:%d/%m/%Y}"
    return ", ".join(f"{day:%d/%m/%Y}" for day in days)


def infeasibility_message(rule: str, staff_id: str, days: tuple[date, ...], cause: str) -> str:
    """One line for the coordinator: which rule, whose, which dates, and why."""
    label = RULES_BY_CODE[rule].label_es if rule in RULES_BY_CODE else rule
    reason = CAUSES.get(cause, cause)
    return f"{label} ({rule}), personal {staff_id}, {dates_text(days)}: {reason}."
