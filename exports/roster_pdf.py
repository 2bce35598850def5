"""A month roster to print: one HTML template for the PDF (A3 landscape) and the web's print view.

Pure functions: a ``RosterSheet`` in, HTML text or PDF bytes out. The page carries the
grid with weekends and feriados marked, each person's hours, the gaps, a legend and a
line for the coordinator's signature. Its styles are in exports/templates/roster.css,
linked (not inlined) so the web can serve the same file under its Content Security Policy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from exports.gaps_pdf import FontSubsetNotice, environment
from exports.roster_sheet import (
    ABSENCES_ES,
    BREASTFEEDING_MARK,
    STATUS_ES,
    WEEKDAYS_ES,
    RosterSheet,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
STYLESHEET = TEMPLATES / "roster.css"


def gap_groups(sheet: RosterSheet) -> list[dict[str, str]]:
    """The gaps folded by shift, role and reason: "M · Psicóloga · 2, 5, 9 (2)"."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for gap in sorted(sheet.gaps, key=lambda g: (g.shift, g.role_name, g.reason, g.day)):
        day = f"{gap.day.day}" + (f" ({gap.missing})" if gap.missing > 1 else "")
        groups.setdefault((gap.shift, gap.role_name, gap.reason), []).append(day)
    return [
        {"shift": shift, "role": role, "reason": reason, "days": ", ".join(days)}
        for (shift, role, reason), days in groups.items()
    ]


def roster_html(sheet: RosterSheet, stylesheet: str = "roster.css", web: bool = False) -> str:
    """The printable roster as one HTML document; ``web`` adds the print view's toolbar."""
    template = environment().get_template("roster.html")
    return template.render(
        sheet=sheet,
        stylesheet=stylesheet,
        web=web,
        weekdays=WEEKDAYS_ES,
        absences=ABSENCES_ES,
        mark=BREASTFEEDING_MARK,
        status=STATUS_ES,
        kinds=sheet.kinds,
        total_missing=sum(gap.missing for gap in sheet.gaps),
        gap_groups=gap_groups(sheet),
    )


def roster_pdf(sheet: RosterSheet) -> bytes:
    """The printable roster as PDF bytes (A3 landscape)."""
    from weasyprint import HTML

    weasyprint_log = logging.getLogger("weasyprint")
    if not any(isinstance(f, FontSubsetNotice) for f in weasyprint_log.filters):
        weasyprint_log.addFilter(FontSubsetNotice())
    return bytes(HTML(string=roster_html(sheet), base_url=str(TEMPLATES)).write_pdf())
