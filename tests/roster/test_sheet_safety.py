"""CSV written by the command line keeps formula-like text as text, and reads it back."""

from __future__ import annotations

import csv
import io

from roster.cli.tables import csv_text
from roster.importing.table import cell_text

FORMULA = '=HYPERLINK("http://x","y")'


def test_a_formula_like_name_is_neutralised_in_csv() -> None:
    text = csv_text(["codigo", "nombre", "horas"], [["S1", FORMULA, 48], ["S2", "-Ana", -1.5]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["S1", "'" + FORMULA, "48"]
    assert rows[2] == ["S2", "'-Ana", "-1.5"]  # numbers stay numbers


def test_the_importer_reads_a_neutralised_cell_back() -> None:
    assert cell_text("'" + FORMULA) == FORMULA
    assert cell_text("'Hola") == "'Hola"  # an apostrophe of her own is kept
