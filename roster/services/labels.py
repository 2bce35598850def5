"""Spanish labels of domain values, for messages and tables."""

from __future__ import annotations

from models import DayClass

DAY_CLASS_LABELS_ES = {
    DayClass.WEEKDAY: "laborable",
    DayClass.SATURDAY: "sábado",
    DayClass.SUNDAY: "domingo",
    DayClass.HOLIDAY: "feriado",
}


def day_es(day: object) -> str:
    """A date as users read it: dd/mm/yyyy."""
    return f"{day:%d/%m/%Y}"
