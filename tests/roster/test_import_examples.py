"""Every column an importer reads is explained, and the example files follow its columns."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from exports.import_examples import example_csv, example_xlsx
from roster.importing import absences, coverage, staff
from roster.importing.columns import IMPORTERS, columns

MODULES = {"staff": staff, "absences": absences, "coverage": coverage}


@pytest.mark.parametrize("kind", sorted(IMPORTERS))
def test_every_column_the_importer_reads_is_explained(kind: str) -> None:
    module = MODULES[kind]
    found = columns(kind)
    assert [c.name for c in found if c.required] == list(module.REQUIRED)
    assert {c.name for c in found} == set(module.REQUIRED) | set(getattr(module, "OPTIONAL", []))
    assert [c.name for c in found if not c.meaning] == []


def test_the_closed_lists_are_the_importers_own_words() -> None:
    kinds = {c.name: c.allowed for c in columns("absences")}
    assert set(kinds["tipo"]) == set(absences.KINDS)
    days = {c.name: c.allowed for c in columns("coverage")}
    assert set(days["tipo_dia"]) == set(coverage.DAY_CLASSES)


def test_the_files_hold_the_header_and_rows_as_text() -> None:
    names, rows = ["codigo", "nombre"], [["007", "=Ana"], ["P-2", "Rosa Quispe"]]
    text = example_csv(names, rows).decode("utf-8-sig")
    assert text.splitlines() == ["codigo,nombre", "007,'=Ana", "P-2,Rosa Quispe"]
    book = pd.read_excel(io.BytesIO(example_xlsx(names, rows, [])), sheet_name=None, dtype=str)
    assert list(book) == ["datos", "columnas"]
    assert book["datos"].values.tolist() == [["007", "=Ana"], ["P-2", "Rosa Quispe"]]
