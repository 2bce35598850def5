"""The gap analysis as an Excel workbook: one sheet per table, Spanish headers.

A pure function: result dataclasses in, .xlsx bytes out (XlsxWriter, in memory).
Numbers stay numbers (hours, %, soles) so a finance officer can re-add them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import xlsxwriter

from exports.gaps_tables import NETWORK_COLUMNS, SHEETS, Column, network_rows
from exports.sheets import WORKBOOK_OPTIONS
from models.gaps import NetworkGapAnalysis

FORMATS = {
    "text": {},
    "int": {"num_format": "0"},
    "hours": {"num_format": "#,##0.0"},
    "pct": {"num_format": "0.00"},
    "money": {"num_format": '"S/ "#,##0.00'},
    "ratio": {"num_format": "0.00"},
    "date": {"num_format": "dd/mm/yyyy"},
}


def write_sheet(
    book: Any, formats: dict[str, Any], name: str, columns: list[Column], rows: Iterable[list[Any]]
) -> None:
    """One sheet: a bold header row, typed cells, a filter and frozen header."""
    sheet = book.add_worksheet(name)
    header = formats["header"]
    for col, (title, kind) in enumerate(columns):
        sheet.write(0, col, title, header)
        sheet.set_column(col, col, max(12, len(title) + 2), formats[kind])
    count = 0
    for count, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            kind = columns[col][1]
            if value is None:
                sheet.write_blank(count, col, None, formats[kind])
            elif kind == "date":
                sheet.write_datetime(count, col, value, formats[kind])
            else:
                sheet.write(count, col, value, formats[kind])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(count, 1), len(columns) - 1)


def gaps_xlsx(analysis: NetworkGapAnalysis) -> bytes:
    """The workbook: the network ranking first, then one sheet per table."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)  # text stays text (exports/sheets.py)
    formats = {key: book.add_format(spec) for key, spec in FORMATS.items()}
    formats["header"] = book.add_format({"bold": True, "bg_color": "#DDE6F0", "text_wrap": True})
    write_sheet(book, formats, "Red", NETWORK_COLUMNS, network_rows(analysis))
    shelters = analysis.ranked()
    for name, columns, rows_of in SHEETS:
        write_sheet(book, formats, name, columns, (r for s in shelters for r in rows_of(s)))
    book.close()
    return buffer.getvalue()
