"""An import's example file as CSV or Excel bytes: a header row, then the rows.

Pure functions (the rows come from roster/importing/examples.py). The Excel workbook's
first sheet is the one the importer reads; a second sheet explains each column. Every
value is written as text, so a code or a date stays as typed (exports/sheets.py).
"""

from __future__ import annotations

import csv
import io

import xlsxwriter

from exports.sheets import WORKBOOK_OPTIONS, csv_row

Notes = list[tuple[str, str, str, str]]  # column, required, what it holds, allowed values
NOTES_HEADER = ("Columna", "Obligatoria", "Contenido", "Valores admitidos")


def example_csv(names: list[str], rows: list[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark (Excel on Windows then reads accents right)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows(csv_row(row) for row in rows)
    return out.getvalue().encode("utf-8-sig")


def example_xlsx(names: list[str], rows: list[list[str]], notes: Notes) -> bytes:
    """The data on the first sheet ("datos"), the columns explained on "columnas"."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, WORKBOOK_OPTIONS)
    bold = book.add_format({"bold": True, "bg_color": "#EEF0F5"})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    data = book.add_worksheet("datos")
    data.write_row(0, 0, names, bold)
    for number, row in enumerate(rows, start=1):
        data.write_row(number, 0, row)
    data.set_column(0, max(len(names) - 1, 0), 18)
    data.freeze_panes(1, 0)
    sheet = book.add_worksheet("columnas")
    sheet.write_row(0, 0, NOTES_HEADER, bold)
    for number, note in enumerate(notes, start=1):
        sheet.write_row(number, 0, note, wrap)
    for column, width in enumerate((20, 12, 60, 40)):
        sheet.set_column(column, column, width)
    book.close()
    return out.getvalue()
