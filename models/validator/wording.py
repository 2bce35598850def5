"""Spanish wording of violations: numbers with a decimal comma, dates as dd/mm/yyyy."""

from __future__ import annotations

from datetime import date


def hours_text(hours: float) -> str:
    """``8`` for whole hours, ``7,5`` otherwise (es-PE decimal comma)."""
    rounded = round(hours, 2)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.2f}".rstrip("0").replace(".", ",")


def day_text(day: date) -> str:
    """A date as coordinators read it: dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y")
