"""Reading a CSV or Excel sheet into numbered rows, and collecting errors per cell."""

from __future__ import annotations

import csv
import math
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from exports.sheets import FORMULA_STARTS
from roster.services.errors import ImportFailed

CSV_SUFFIXES = {".csv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}


def normalize_header(name: object) -> str:
    """``'Código Personal '`` -> ``'codigo_personal'``: lower case, no accents, underscores."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return "_".join(text.strip().lower().replace("-", " ").split())


def cell_text(value: Any) -> str:
    """A cell as trimmed text; Excel dates become yyyy-mm-dd, whole numbers lose '.0', and
    an apostrophe that kept a leading =, +, - or @ from becoming a formula is dropped."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]  # neutralised by our own CSV export (exports/sheets.py): read it back
    return text


@dataclass(frozen=True)
class SheetRow:
    """One data row: its number as a spreadsheet shows it (the header is row 1) and its cells."""

    number: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")


class Problems:
    """Every error found in one file, each naming the file, row, column and reason."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.messages: list[str] = []
        self.items: list[tuple[int | None, str | None, str]] = []  # (row, column, reason)

    def add(self, row: int, column: str, reason: str) -> None:
        """Record a problem in one cell."""
        self.messages.append(f"{self.filename}, fila {row}, columna '{column}': {reason}")
        self.items.append((row, column, reason))

    def add_file(self, reason: str) -> None:
        """Record a problem with the whole file."""
        self.messages.append(f"{self.filename}: {reason}")
        self.items.append((None, None, reason))

    def raise_if_any(self) -> None:
        """Raise ``ImportFailed`` listing every problem, if there is one."""
        if self.messages:
            raise ImportFailed(self.messages, self.items)


def _csv_separator(path: Path, encoding: str) -> str:
    with path.open(encoding=encoding, newline="") as handle:
        header = handle.readline()
    return ";" if header.count(";") > header.count(",") else ","


def _read_csv(path: Path) -> pd.DataFrame:
    for encoding in ("utf-8-sig", "cp1252"):  # Excel on Windows saves CSV as cp1252
        try:
            return pd.read_csv(
                path,
                sep=_csv_separator(path, encoding),
                dtype=str,
                keep_default_na=False,
                skip_blank_lines=False,
                encoding=encoding,
                quoting=csv.QUOTE_MINIMAL,
            )
        except UnicodeDecodeError:
            continue
    raise ValueError("codificación de texto no reconocida (guarde el archivo como UTF-8)")


def _read_excel(path: Path) -> pd.DataFrame:
    try:
        return pd.read_excel(path, sheet_name=0, dtype=object, engine="openpyxl")
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as error:
        # The library's own sentence is English and says nothing about what to do.
        raise ValueError(
            "no es un libro de Excel .xlsx válido; si es un CSV, cámbiele la extensión a "
            ".csv, o ábralo en Excel y guárdelo como .xlsx"
        ) from error


def _read_frame(path: Path) -> pd.DataFrame:
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_csv(path)
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path)
    raise ValueError("formato no soportado: guárdelo como .csv o .xlsx")


def read_rows(path: Path, required: list[str], problems: Problems) -> list[SheetRow]:
    """The non-blank rows of the file's first sheet; missing columns and bad files are errors."""
    if not path.is_file():
        problems.add_file("no se encontró el archivo; revise la ruta (ejemplos en docs/examples/)")
        return []
    try:
        frame = _read_frame(path)
    except pd.errors.EmptyDataError:
        problems.add_file("no se pudo leer (está vacío): la fila 1 debe nombrar las columnas")
        return []
    except pd.errors.ParserError:
        problems.add_file(
            "no se pudo leer como CSV: una fila tiene más columnas que el encabezado; revise "
            "separadores (',' o ';') y comillas"
        )
        return []
    except (ValueError, OSError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        problems.add_file(f"no se pudo leer ({reason})")
        return []
    headers = [normalize_header(name) for name in frame.columns]
    for column in required:
        if column not in headers:
            problems.add(1, column, "falta la columna")
    rows = []
    for index, values in enumerate(frame.itertuples(index=False, name=None)):
        cells = {h: cell_text(v) for h, v in zip(headers, values, strict=True) if h}
        if any(cells.values()):
            rows.append(SheetRow(index + 2, cells))
    if not rows and not problems.messages:
        problems.add_file("no tiene filas de datos")
    return rows
