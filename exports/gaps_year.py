"""The year's gap analysis (posts sized on the year) as JSON, PDF and Excel (docs/gaps.md §12).

Pure functions: result dataclasses in, text or bytes out. The PDF shares the month report's
style and filters (exports/gaps_pdf.py); the workbook its sheet writer (exports/gaps_xlsx.py).
"""

from __future__ import annotations

import io
import json
import logging
from typing import Any

import xlsxwriter

from exports.gaps_json import TEMPORARY, hours, money, post_lines
from exports.gaps_labels import MONTHS_ES
from exports.gaps_pdf import TEMPLATES, FontSubsetNotice, environment
from exports.gaps_tables import SHELTER, Column
from exports.gaps_xlsx import FORMATS, write_sheet
from exports.sheets import WORKBOOK_OPTIONS
from models.gap_year import NetworkYearAnalysis, YearGapAnalysis

FORMAT_VERSION = 1


def month_dict(item: YearGapAnalysis) -> list[dict[str, Any]]:
    return [
        {
            "month": m.month,
            "demand_hours": hours(m.demand_hours),
            "uncovered_hours": hours(m.uncovered_hours),
            "structural_hours": hours(m.structural_hours),
            "leave_hours": hours(m.leave_hours),
            "uncovered_after_hours": hours(m.after_hours),
            "uncovered_by_role": {role: hours(h) for role, h in m.uncovered_by_role.items()},
        }
        for m in item.months
    ]


def shelter_year_dict(item: YearGapAnalysis) -> dict[str, Any]:
    """One shelter's year."""
    return {
        "shelter": item.shelter_code,
        "name": item.shelter_name,
        "department": item.department,
        "uncovered_hours": hours(item.uncovered_hours),
        "structural_hours": hours(item.structural_hours),
        "months": month_dict(item),
        "recommended_posts": post_lines(item.recommended),
        "recommended_cost_month": money(item.recommended_cost),
        "recommended_cost_year": money(item.recommended_cost * 12),
        "cost_today_month": money(item.cost_today),
        "cost_today_year": money(item.cost_today * 12),
        "temporary_cover": [
            {"month": t.month, "role": t.role, "hours": hours(t.hours), "action": TEMPORARY}
            for t in item.temporary_cover
        ],
        "temporary_cover_hours": hours(item.temporary_hours),
        "assumptions": list(item.assumptions),
        "seconds": round(item.seconds, 1),
    }


def year_document(analysis: NetworkYearAnalysis) -> dict[str, Any]:
    """The year's analysis as JSON-ready values, shelters ranked by the year's gap."""
    ranked = analysis.ranked()
    return {
        "format_version": FORMAT_VERSION,
        "year": analysis.year,
        "months_share": ranked[0].months_share if ranked else 1.0,
        "shelters": [shelter_year_dict(item) for item in ranked],
        "network": {
            "shelters": len(ranked),
            "uncovered_hours": hours(sum(item.uncovered_hours for item in ranked)),
            "recommended_posts": analysis.total_posts(),
            "recommended_cost_month": money(analysis.total_cost),
            "recommended_cost_year": money(analysis.total_cost * 12),
            "temporary_cover_hours": hours(analysis.temporary_hours),
            "wall_seconds": round(analysis.wall_seconds, 1),
        },
        "assumptions": ranked[0].assumptions if ranked else [],
    }


def year_json(analysis: NetworkYearAnalysis) -> str:
    """The year's analysis as indented UTF-8 JSON text."""
    return json.dumps(year_document(analysis), ensure_ascii=False, indent=2) + "\n"


def year_html(analysis: NetworkYearAnalysis) -> str:
    """The year's report as one HTML document (a page for the network, one per shelter)."""
    template = environment().get_template("gaps_year.html")
    ranked = analysis.ranked()
    return template.render(
        analysis=analysis,
        ranked=ranked,
        months_es=MONTHS_ES,
        total_posts=analysis.total_posts(),
        assumptions=ranked[0].assumptions if ranked else [],
    )


def year_pdf(analysis: NetworkYearAnalysis) -> bytes:
    """The year's report as PDF bytes."""
    from weasyprint import HTML

    weasyprint_log = logging.getLogger("weasyprint")
    if not any(isinstance(f, FontSubsetNotice) for f in weasyprint_log.filters):
        weasyprint_log.addFilter(FontSubsetNotice())
    return bytes(HTML(string=year_html(analysis), base_url=str(TEMPLATES)).write_pdf())


MONTH_COLUMNS: list[Column] = [
    SHELTER,
    ("Mes", "int"),
    ("Demanda mínima (h)", "hours"),
    ("Sin cubrir hoy (h)", "hours"),
    ("Estructural, sin licencias (h)", "hours"),
    ("Por licencias (h)", "hours"),
    ("Con plazas: reemplazo temporal (h)", "hours"),
]
POST_COLUMNS: list[Column] = [
    SHELTER,
    ("Función", "text"),
    ("Plazas", "int"),
    ("Costo unitario (S/)", "money"),
    ("Costo mensual (S/)", "money"),
    ("Costo anual (S/)", "money"),
]
COVER_COLUMNS: list[Column] = [
    SHELTER,
    ("Mes", "int"),
    ("Función", "text"),
    ("Horas", "hours"),
    ("Acción", "text"),
]


def year_xlsx(analysis: NetworkYearAnalysis) -> bytes:
    """The workbook: the months, the posts sized on the year, the temporary cover."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    formats = {key: book.add_format(spec) for key, spec in FORMATS.items()}
    formats["header"] = book.add_format({"bold": True, "bg_color": "#DDE6F0", "text_wrap": True})
    ranked = analysis.ranked()
    months = [
        [s.shelter_code, m.month, m.demand_hours, m.uncovered_hours, m.structural_hours]
        + [m.leave_hours, m.after_hours]
        for s in ranked
        for m in s.months
    ]
    posts = [
        [s.shelter_code, f"{p.role} (vacante)" if p.vacancy else p.role, p.count]
        + [float(p.unit_cost), float(p.cost_month), float(p.cost_year)]
        for s in ranked
        for p in s.recommended
    ]
    cover = [
        [s.shelter_code, t.month, t.role, t.hours, TEMPORARY]
        for s in ranked
        for t in s.temporary_cover
    ]
    write_sheet(book, formats, "Meses", MONTH_COLUMNS, months)
    write_sheet(book, formats, "Plazas del año", POST_COLUMNS, posts)
    write_sheet(book, formats, "Reemplazo temporal", COVER_COLUMNS, cover)
    book.close()
    return buffer.getvalue()
