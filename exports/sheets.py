"""Spreadsheet safety: text written by the product stays text in Excel and in CSV.

A staff member's name or a note that begins with ``=``, ``+``, ``-`` or ``@`` must never
become a formula (a name like ``=HYPERLINK(...)`` would otherwise run when the file is
opened: CSV/formula injection). XlsxWriter turns such strings into formulas by default
(and URLs into links, numbers-as-text into numbers): every workbook of the product is
opened with ``WORKBOOK_OPTIONS``. CSV has no cell types, so CSV cells that start with
one of those characters (or a tab or carriage return) get a leading apostrophe, which
spreadsheet programs read as "this is text".
"""

from __future__ import annotations

from typing import Any

WORKBOOK_OPTIONS: dict[str, Any] = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
    "default_date_format": "dd/mm/yyyy",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` safe for a CSV cell: text that a spreadsheet would run gets an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values: Any) -> list[Any]:
    """A whole CSV row made safe cell by cell (numbers stay numbers)."""
    return [csv_cell(value) for value in values]
