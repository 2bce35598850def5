"""The worked-feriado ledger as JSON: the shelter's rule, a line per person, every entry.

Keys: docs/roster-json.md ("Feriados trabajados"). Dates are ISO (aaaa-mm-dd).
"""

from __future__ import annotations

from typing import Any

from models.feriados import COMPENSATION_SOURCE, FeriadoEntry


def person_totals(entries: list[FeriadoEntry]) -> dict[str, dict[str, Any]]:
    """Per person: feriados worked, their hours, rest days owed, days paid with the surcharge."""
    totals: dict[str, dict[str, Any]] = {}
    for entry in entries:
        line = totals.setdefault(
            entry.staff_id, {"worked": 0, "hours": 0.0, "rest_owed": 0, "rest_taken": 0, "paid": 0}
        )
        line["worked"] += 1
        line["hours"] += entry.hours
        if entry.compensation == "pay":
            line["paid"] += 1
        elif entry.owed:
            line["rest_owed"] += 1
        else:
            line["rest_taken"] += 1
    return totals


def feriados_json(
    shelter_code: str,
    year: int | None,
    compensation: str,
    entries: list[FeriadoEntry],
    names: dict[str, str],
) -> dict[str, Any]:
    """The ledger document of one shelter (of one year when ``year`` is given)."""
    return {
        "shelter": shelter_code,
        "year": year,
        "rule": {"compensation": compensation, "source": COMPENSATION_SOURCE},
        "people": [
            {"staff_id": staff_id, "name": names.get(staff_id, ""), **line}
            for staff_id, line in sorted(person_totals(entries).items())
        ],
        "entries": [
            {
                "staff_id": e.staff_id,
                "date": e.day.isoformat(),
                "feriado": e.feriado,
                "shift": e.shift,
                "hours": e.hours,
                "compensation": str(e.compensation),
                "settled_on": e.settled_on.isoformat() if e.settled_on else None,
                "owed": e.owed,
            }
            for e in entries
        ],
    }
