"""The printed and Excel month rosters, and text that must never become a formula."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from gaps_factories import network_analysis, shelter_analysis

from exports.gaps_xlsx import gaps_xlsx
from exports.roster_pdf import gap_groups, roster_html, roster_pdf
from exports.roster_sheet import (
    ABSENCES_ES,
    RosterSheet,
    SheetCell,
    SheetDay,
    SheetGap,
    SheetPerson,
    SheetShift,
    file_stem,
)
from exports.roster_xlsx import roster_xlsx
from exports.sheets import csv_cell, csv_row
from models.gaps import CarrierLoad, NetworkGapAnalysis
from models.people import AbsenceKind

FORMULA = '=HYPERLINK("http://x","y")'
FEBRUARY = [date(2027, 2, d) for d in range(1, 29)]


def sheet(name: str = "Ana Quispe Rojas", status: str = "published") -> RosterSheet:
    """February 2027: two people, a feriado on the 3rd, a fixed shift, an absence, a gap."""
    days = [
        SheetDay(d, d.weekday(), d.weekday() >= 5, "Día de prueba" if d.day == 3 else None)
        for d in FEBRUARY
    ]
    people = [
        SheetPerson("S1", name, "CUI", "Cuidadora", 152.0, 189.5, 4, 3),
        SheetPerson("S2", "Rosa Huamán", "PSI", "Psicóloga", 160.0, 160.0, 0, 2),
    ]
    cells = {
        ("S1", date(2027, 2, 1)): SheetCell("N", "CUI"),
        ("S1", date(2027, 2, 3)): SheetCell("M", "COO", locked=True),
        ("S2", date(2027, 2, 1)): SheetCell("M", "PSI"),
    }
    return RosterSheet(
        shelter_code="HRT-T1",
        shelter_name="Hogar de prueba",
        year=2027,
        month=2,
        version=3,
        status=status,
        published_at=datetime(2027, 1, 28, 15, 0),
        days=days,
        people=people,
        shifts=[
            SheetShift("M", "Mañana", "07:00", "15:00", 8.0, "day"),
            SheetShift("N", "Noche", "23:00", "07:00", 8.0, "night"),
        ],
        cells=cells,
        absences={("S2", date(2027, 2, 10)): "vacation"},
        gaps=[SheetGap(date(2027, 2, 7), "N", "Cuidadora", 2, 16.0, "Tope de 48 horas")],
    )


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The PDF's text through poppler's pdftotext, with its layout kept."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "rol.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def test_the_workbook_has_the_grid_the_shifts_and_the_gaps() -> None:
    book = pd.read_excel(BytesIO(roster_xlsx(sheet())), sheet_name=None, header=None)
    assert list(book) == ["Rol", "Turnos", "Sin cubrir"]
    grid = book["Rol"]
    assert grid.iloc[0, 0] == "Rol de turnos de febrero de 2027"
    header = list(grid.iloc[3])
    assert header[:6] == ["Persona", "Función", "Horas", "Contrato", "Noches", "Sá/Do"]
    assert header[6] == "Lu\n1" and header[8] == "Mi\n3\nF"  # the feriado is marked
    ana = grid[grid[0] == "Ana Quispe Rojas"].iloc[0]
    assert ana[2] == 152.0 and ana[6] == "N" and ana[8] == "M COO*"
    rosa = grid[grid[0] == "Rosa Huamán"].iloc[0]
    assert rosa[6 + 9] == "VAC"
    shifts = pd.read_excel(BytesIO(roster_xlsx(sheet())), sheet_name="Turnos")
    assert len(shifts) == 3 and set(shifts["Persona"]) == {"Ana Quispe Rojas", "Rosa Huamán"}
    assert shifts.loc[0, "Fecha"] == pd.Timestamp(2027, 2, 1)
    gaps = pd.read_excel(BytesIO(roster_xlsx(sheet())), sheet_name="Sin cubrir")
    assert gaps.to_dict("records") == [
        {"Fecha": pd.Timestamp(2027, 2, 7), "Turno": "N", "Función": "Cuidadora", "Faltan": 2,
         "Horas": 16.0, "Motivo": "Tope de 48 horas"}
    ]  # fmt: skip


def test_the_grid_is_coloured_like_the_web() -> None:
    book = openpyxl.load_workbook(BytesIO(roster_xlsx(sheet())))
    grid = book["Rol"]
    assert grid.cell(5, 7).fill.fgColor.rgb.endswith("2F3E8F")  # a night, as on the web
    assert grid.cell(4, 9).fill.fgColor.rgb.endswith("F9CFAE")  # the feriado's header
    assert grid.cell(4, 12).fill.fgColor.rgb.endswith("D9DEEB")  # Saturday the 6th
    assert grid.freeze_panes == "B5"


def cells_holding(book: openpyxl.Workbook, text: str) -> list[openpyxl.cell.Cell]:
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == text]


def test_a_name_that_looks_like_a_formula_stays_text_in_the_roster_workbook() -> None:
    book = openpyxl.load_workbook(BytesIO(roster_xlsx(sheet(FORMULA))))
    found = cells_holding(book, FORMULA)
    assert {c.parent.title for c in found} == {"Rol", "Turnos"}
    assert all(c.data_type == "s" for c in found)
    assert not [
        c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]


def test_text_that_looks_like_a_formula_stays_text_in_the_gap_report() -> None:
    item = shelter_analysis()
    item = replace(
        item,
        shelter_name=FORMULA,
        role_names={**item.role_names, "CUI": FORMULA},
        carriers=[CarrierLoad(FORMULA, "PSI", 40.0, 24.0)],
    )
    analysis = NetworkGapAnalysis(2027, 2, [item], wall_seconds=1.0)
    book = openpyxl.load_workbook(BytesIO(gaps_xlsx(analysis)))
    found = cells_holding(book, FORMULA)
    assert found and all(c.data_type == "s" for c in found)
    assert not [
        c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"
    ]
    assert network_analysis()  # the usual report still builds


@pytest.mark.parametrize("text", ["=1+1", "+51 999", "-2", "@SUM(A1)", "\tx"])
def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(text: str) -> None:
    assert csv_cell(text) == "'" + text
    buffer = io.StringIO()
    csv.writer(buffer).writerow(csv_row([text, 5, -2.5, "Ana"]))
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == ["'" + text, "5", "-2.5", "Ana"]


def test_the_pdf_has_the_grid_hours_legend_feriado_and_signature(tmp_path: Path) -> None:
    text = pdf_text(roster_pdf(sheet()), tmp_path)
    assert "Rol de turnos de febrero de 2027" in text
    assert "Ana Quispe Rojas" in text and "Cuidadora" in text
    assert "152" in text and "189" in text  # her hours against her contract
    assert "Cómo leer el rol" in text and "Mañana 07:00–15:00" in text
    assert "03/02/2027 Día de prueba" in text  # the feriado, named
    assert "Firma y sello de la coordinadora del hogar" in text
    assert "Turnos sin cubrir" in text and "Tope de 48 horas" in text
    assert "BORRADOR" not in text


def test_the_pdf_is_a3_landscape_on_one_page(tmp_path: Path) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    path = tmp_path / "rol.pdf"
    path.write_bytes(roster_pdf(sheet()))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    assert info.split("Pages:")[1].split()[0] == "1"
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape in points


def test_a_draft_says_it_is_not_the_official_roster() -> None:
    assert "BORRADOR: no es el rol oficial" in roster_html(sheet(status="draft"))


def test_the_print_view_links_its_stylesheet_and_script_and_escapes_names() -> None:
    page = roster_html(sheet("<b>Ana</b>"), stylesheet="/impresion/rol.css", web=True)
    assert '<link rel="stylesheet" href="/impresion/rol.css">' in page
    assert 'src="/static/print.js"' in page and "<style" not in page and "style=" not in page
    assert "&lt;b&gt;Ana&lt;/b&gt;" in page


def test_gaps_fold_by_shift_role_and_reason() -> None:
    more = replace(
        sheet(),
        gaps=[
            *sheet().gaps,
            SheetGap(date(2027, 2, 9), "N", "Cuidadora", 1, 8.0, "Tope de 48 horas"),
        ],
    )
    assert gap_groups(more) == [
        {"shift": "N", "role": "Cuidadora", "reason": "Tope de 48 horas", "days": "7 (2), 9"}
    ]


def test_file_names_carry_only_the_month() -> None:
    assert file_stem(sheet()) == "rol-2027-02"


def nursing() -> RosterSheet:
    """Ana's breastfeeding hour from the 1st to the 2nd: she works the night of the 1st."""
    return replace(sheet(), breastfeeding={("S1", date(2027, 2, 1)), ("S1", date(2027, 2, 2))})


def test_the_sheet_knows_every_kind_of_absence() -> None:
    assert set(ABSENCES_ES) == {str(kind) for kind in AbsenceKind}
    late = replace(sheet(), absences={("S2", date(2027, 2, 10)): "maternity"})
    assert late.cell_text(late.people[1], date(2027, 2, 10)) == "MAT"


def test_a_worked_day_of_her_breastfeeding_hour_carries_a_raised_l_in_the_workbook() -> None:
    data = roster_xlsx(nursing())
    grid = openpyxl.load_workbook(BytesIO(data), rich_text=True)["Rol"]
    night = grid.cell(5, 7).value  # Ana, the 1st
    assert str(night) == "NL" and night[-1].font.vertAlign == "superscript"
    assert grid.cell(5, 8).value in (None, "")  # the 2nd: free, nothing to mark
    assert any(c.value == "L" for c in grid["A"]) and any(
        str(c.value).startswith("hora de lactancia") for c in grid["B"]
    )
    shifts = pd.read_excel(BytesIO(data), sheet_name="Turnos", keep_default_na=False)
    marked = shifts[shifts["Hora de lactancia"] == "sí"]
    assert marked[["Persona", "Turno"]].values.tolist() == [["Ana Quispe Rojas", "N"]]


def test_the_printed_roster_marks_her_breastfeeding_hour_and_explains_it(tmp_path: Path) -> None:
    page = roster_html(nursing())
    assert 'N<sup class="mark">L</sup></td>' in page
    assert page.count('<sup class="mark">') == 2  # her night and the legend's example
    text = pdf_text(roster_pdf(nursing()), tmp_path)
    ana = next(line for line in text.splitlines() if line.startswith("Ana Quispe Rojas"))
    assert ana.split()[6] == "NL"  # after her name, hours, nights and weekend days
    assert "ML hora de lactancia: ese día trabaja una hora" in text  # the legend's example
