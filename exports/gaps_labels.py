"""Spanish labels and number formats shared by the gap reports (PDF, Excel)."""

from __future__ import annotations

from decimal import Decimal

REASONS_ES = {
    "nobody_qualified": "Nadie calificado",
    "all_absent": "Todo el personal calificado ausente",
    "weekly_hours": "Tope de 48 horas semanales",
    "min_rest": "Descanso mínimo entre turnos",
    "weekly_rest": "Descanso semanal de 24 horas",
    "consecutive": "Días o noches consecutivos",
    "work_limits": "Límites propios de la persona o sucesión prohibida",
    "busy": "Personal ocupado en otros turnos",
    "unknown": "Sin causa identificada",
}
DAY_CLASSES_ES = {
    "weekday": "Lunes a viernes",
    "saturday": "Sábado",
    "sunday": "Domingo",
    "holiday": "Feriado",
}
STATUS_ES = {
    "optimal": "óptimo probado",
    "feasible": "factible, sin prueba de óptimo",
    "none": "sin solución",
    "skipped": "sin demanda",
    "priced": "con precio bajo una preferencia, sin prueba",
}
MONTHS_ES = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
WEEKDAYS_ES = ("Lu", "Ma", "Mi", "Ju", "Vi", "Sá", "Do")


def month_es(year: int, month: int) -> str:
    """``diciembre de 2026``."""
    return f"{MONTHS_ES[month - 1]} de {year}"


def number_es(value: float, decimals: int = 0) -> str:
    """Spanish (Peru) number format: thousands with a comma, decimals with a point.

    Peru writes S/ 1,800.50 (the SBS and SUNAT use this style); kept consistent everywhere.
    """
    return f"{value:,.{decimals}f}"


def soles(value: Decimal | float) -> str:
    """``S/ 4,800`` (cents only when there are any)."""
    amount = Decimal(str(value))
    decimals = 0 if amount == amount.to_integral_value() else 2
    return f"S/ {number_es(float(amount), decimals)}"


def reason_es(code: str) -> str:
    return REASONS_ES.get(code, code)


def day_class_es(code: str) -> str:
    return DAY_CLASSES_ES.get(code, code)
