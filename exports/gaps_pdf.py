"""The HR gap report as PDF: a network page, then one page per shelter (Spanish).

A pure function: result dataclasses in, PDF bytes out. The page is HTML from a Jinja2
template (exports/templates/gaps.html) rendered by WeasyPrint; the heat map is an HTML
table coloured by coverage.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from exports.gaps_labels import (
    STATUS_ES,
    WEEKDAYS_ES,
    day_class_es,
    month_es,
    number_es,
    reason_es,
    soles,
)
from exports.gaps_summary import shelter_sentence
from models.coverage import TIER_NAMES_ES, TIERS, Tier
from models.gaps import HeatCell, NetworkGapAnalysis, ShelterGapAnalysis

TEMPLATES = Path(__file__).resolve().parent / "templates"
HEAT_COLOURS = ((1.0, "#a8d5a2"), (0.5, "#ffe08a"), (0.0001, "#f6b26b"), (0.0, "#e06666"))


def heat_colour(cell: HeatCell) -> str:
    """Green when covered, amber from half, orange below, red when nobody is there."""
    ratio = cell.ratio
    if ratio is None:
        return "#eeeeee"
    return next(colour for floor, colour in HEAT_COLOURS if ratio >= floor)


def heat_rows(item: ShelterGapAnalysis) -> dict[str, Any]:
    """The heat map as header days and one row of coloured cells per shift type."""
    days = sorted({cell.day for cell in item.today.heat})
    cells = {(cell.day, cell.shift): cell for cell in item.today.heat}
    shifts = [code for code in item.shift_codes if any(s == code for _, s in cells)]
    rows = []
    for shift in shifts:
        row = []
        for day in days:
            cell = cells.get((day, shift))
            if cell is None:
                row.append({"colour": "#ffffff", "text": ""})
            else:
                missing = cell.required - cell.covered
                row.append({"colour": heat_colour(cell), "text": f"−{missing}" if missing else ""})
        rows.append({"shift": shift, "cells": row})
    header = [{"day": day.day, "weekday": WEEKDAYS_ES[day.weekday()]} for day in days]
    return {"days": header, "rows": rows}


def proof_sentence(item: ShelterGapAnalysis) -> str:
    """The claim HR signs: no legal roster with the current staff covers N hours."""
    period = month_es(item.year, item.month)
    proof = item.proof
    if item.uncovered_hours <= 0:
        return (
            f"Con el personal actual existe un rol de turnos legal que cubre toda la "
            f"demanda mínima de {period}."
        )
    if proof.status == "optimal" and proof.bound_hours is not None:
        return (
            f"Ningún rol de turnos legal con el personal actual cubre "
            f"{number_es(item.uncovered_hours)} horas de la demanda mínima de {period}: "
            f"la cota probada por el optimizador es {number_es(proof.proved_hours)} horas."
        )
    return (
        f"Ningún rol de turnos legal con el personal actual cubre al menos "
        f"{number_es(proof.proved_hours)} horas de la demanda mínima de {period} "
        f"(cota probada); el mejor rol hallado deja {number_es(item.uncovered_hours)} horas "
        "sin cubrir."
    )


def unstaffed_headline(item: ShelterGapAnalysis) -> str:
    """The headline when the floor gives way: each shift with nobody on site, else the
    essential hours left uncovered with someone still there; empty when neither."""
    unstaffed = item.today.unstaffed
    if unstaffed:
        shifts = "; ".join(
            f"{u.day:%d/%m} {u.shift} ({u.role}: {reason_es(u.reason).lower()})" for u in unstaffed
        )
        return f"Turnos sin nadie en el hogar: {len(unstaffed)} — {shifts}."
    essential = item.today.tiers.get(str(Tier.ESSENTIAL), 0.0)
    if essential > 0:
        return (
            f"Cobertura esencial sin cubrir: {number_es(essential)} h "
            "(en cada turno hubo alguien en el hogar)."
        )
    return ""


def tier_text(by_tier: dict[str, float]) -> str:
    """``24 / 72 / 0``: uncovered hours essential / normal / optional."""
    return " / ".join(number_es(by_tier.get(str(tier), 0.0)) for tier in TIERS)


def role_reason_table(item: ShelterGapAnalysis) -> list[dict[str, Any]]:
    """Uncovered hours by role and reason, largest first."""
    totals: dict[tuple[str, str], list[float]] = {}
    for line in item.today.lines:
        entry = totals.setdefault((line.role, line.reason), [0, 0.0])
        entry[0] += line.shifts
        entry[1] += line.hours
    return [
        {"role": role, "reason": reason_es(reason), "shifts": int(v[0]), "hours": v[1]}
        for (role, reason), v in sorted(totals.items(), key=lambda kv: (-kv[1][1], kv[0]))
    ]


def shelter_context(item: ShelterGapAnalysis) -> dict[str, Any]:
    """Everything one shelter page shows."""
    today = item.today
    return {
        "item": item,
        "period": month_es(item.year, item.month),
        "sentence": proof_sentence(item),
        "headline": unstaffed_headline(item),
        "by_tier": {TIER_NAMES_ES[tier]: today.tiers.get(str(tier), 0.0) for tier in TIERS},
        "heat": heat_rows(item),
        "role_reason": role_reason_table(item),
        "by_shift": today.by("shift"),
        "by_day_class": {day_class_es(k): v for k, v in today.by("day_class").items()},
        "fte_total": sum(item.fte_estimate.values()),
    }


def environment() -> Environment:
    """The Jinja2 environment with the report's number filters."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"])
    )
    env.filters["h"] = lambda value: number_es(value)
    env.filters["h1"] = lambda value: number_es(value, 1)
    env.filters["pct"] = lambda value: number_es(value, 1) + " %"
    env.filters["soles"] = soles
    env.filters["status"] = lambda value: STATUS_ES.get(value, value)
    env.filters["dmy"] = lambda value: f"{value:%d/%m/%Y}"
    env.filters["tiers"] = tier_text
    return env


def gaps_html(analysis: NetworkGapAnalysis) -> str:
    """The report as one HTML document (a page per shelter)."""
    template = environment().get_template("gaps.html")
    ranked = analysis.ranked()
    return template.render(
        analysis=analysis,
        period=month_es(analysis.year, analysis.month),
        ranked=ranked,
        pages=[shelter_context(item) for item in ranked],
        total_posts=analysis.total_posts(),
        sentences=[shelter_sentence(item) for item in ranked],
        assumptions=ranked[0].assumptions if ranked else [],
        resilience=any(item.resilience_draws for item in ranked),
    )


class FontSubsetNotice(logging.Filter):
    """Demote WeasyPrint's "Using fontTools instead of HarfBuzz-Subset" warning to DEBUG.

    Without the system's HarfBuzz subset library (Debian: libharfbuzz-subset0, which CI
    installs) WeasyPrint subsets fonts with fontTools instead: the PDF is the same, and the
    notice is about a future WeasyPrint. It stays in the log (DEBUG), out of the way.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if "HarfBuzz-Subset" in record.getMessage() and record.levelno == logging.WARNING:
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
        return True


def gaps_pdf(analysis: NetworkGapAnalysis) -> bytes:
    """The report as PDF bytes."""
    from weasyprint import HTML

    weasyprint_log = logging.getLogger("weasyprint")
    if not any(isinstance(f, FontSubsetNotice) for f in weasyprint_log.filters):
        weasyprint_log.addFilter(FontSubsetNotice())
    return bytes(HTML(string=gaps_html(analysis), base_url=str(TEMPLATES)).write_pdf())
