"""The gap reports read back: the PDF's Spanish text, the Excel sheets and the JSON keys."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from gaps_factories import network_analysis, shelter_analysis

from exports.gaps_json import gaps_document, gaps_json
from exports.gaps_labels import number_es, soles
from exports.gaps_pdf import gaps_html, gaps_pdf, heat_colour, proof_sentence, unstaffed_headline
from exports.gaps_xlsx import gaps_xlsx
from models.gaps import HeatCell, NetworkGapAnalysis

SHEETS = [
    "Red",
    "Brechas",
    "Turnos sin nadie",
    "Coordinación",
    "Horas sobre contrato",
    "Escenarios",
    "Plazas recomendadas",
    "Estimación FTE",
    "Anual",
    "Anual por función",
    "Cobertura diaria",
]


TIER_HEADERS = (
    "Sin cubrir esencial (h)",
    "Sin cubrir normal (h)",
    "Sin cubrir opcional (h)",
    "Turnos sin nadie en el hogar",
)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The PDF's text through poppler's pdftotext (pages separated by form feeds)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "brechas.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def analysis() -> NetworkGapAnalysis:
    return network_analysis()


def test_pdf_has_a_network_page_and_one_page_per_shelter(analysis, tmp_path: Path) -> None:
    text = pdf_text(gaps_pdf(analysis), tmp_path)
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) == 3
    assert "Brechas de personal y plazas recomendadas — febrero de 2027" in pages[0]
    assert pages[1].index("HRT-T9") < pages[1].index("Escenarios")  # ranked: gap first
    assert "HRT-T1" in pages[2]


def test_pdf_states_the_proved_gap_in_spanish(analysis, tmp_path: Path) -> None:
    page = pdf_text(gaps_pdf(analysis), tmp_path).split("\f")[1]
    flat = " ".join(page.split())
    assert (
        "Ningún rol de turnos legal con el personal actual cubre 96 horas de la demanda mínima "
        "de febrero de 2027: la cota probada por el optimizador es 96 horas." in flat
    )
    assert "Asistente operativa (AOP)" in flat and "S/ 1,800" in flat
    assert "+ asistente operativa" in flat and "Cobertura de la demanda mínima" in flat
    assert "0 h sin cubrir" in flat  # re-solved with the recommended posts
    assert "Turnos sin nadie en el hogar: 3 — 01/02 N (CUI: tope de 48 horas semanales);" in flat
    assert "Por prioridad: esencial 24 h; normal 72 h; opcional 0 h." in flat
    assert "24 / 72 / 0" in flat


def test_pdf_headlines_the_shifts_with_nobody_on_site(analysis, tmp_path: Path) -> None:
    first = " ".join(pdf_text(gaps_pdf(analysis), tmp_path).split("\f")[0].split())
    assert "Turnos sin nadie en el hogar: 3 en 1 hogares (HRT-T9: 3)." in first
    covered = NetworkGapAnalysis(2027, 2, [shelter_analysis(uncovered=0.0)])
    assert "Turnos sin nadie" not in gaps_html(covered).split("<table>")[0]


def test_the_headline_names_essential_hours_when_someone_was_on_site() -> None:
    item = shelter_analysis()
    assert unstaffed_headline(item).startswith("Turnos sin nadie en el hogar: 3 — 01/02 N")
    item.today.unstaffed = []
    assert unstaffed_headline(item) == (
        "Cobertura esencial sin cubrir: 24 h (en cada turno hubo alguien en el hogar)."
    )
    assert unstaffed_headline(shelter_analysis(uncovered=0.0)) == ""


def test_the_sentence_follows_the_proof() -> None:
    assert "existe un rol de turnos legal" in proof_sentence(shelter_analysis(uncovered=0.0))
    unproved = proof_sentence(shelter_analysis(uncovered=104.0, status="feasible", bound=88.0))
    assert "al menos 88 horas" in unproved and "deja 104 horas" in unproved


def test_heat_map_colours_by_coverage() -> None:
    day = datetime(2027, 2, 1).date()
    assert heat_colour(HeatCell(day, "M", 2, 2)) == "#a8d5a2"
    assert heat_colour(HeatCell(day, "M", 2, 1)) == "#ffe08a"
    assert heat_colour(HeatCell(day, "M", 3, 1)) == "#f6b26b"
    assert heat_colour(HeatCell(day, "M", 1, 0)) == "#e06666"
    html = gaps_html(network_analysis())
    assert html.count("background: #e06666") == 3  # three uncovered nights of HRT-T9


def test_excel_has_one_sheet_per_table(analysis) -> None:
    book = openpyxl.load_workbook(BytesIO(gaps_xlsx(analysis)))
    assert book.sheetnames == SHEETS
    network = list(book["Red"].iter_rows(values_only=True))
    assert network[0][:2] == ("Puesto", "Hogar")
    assert network[1][1] == "HRT-T9" and network[1][5] == 96  # ranked by gap
    assert network[0][6:10] == TIER_HEADERS
    assert network[1][6:10] == (24, 72, 0, 3)
    assert network[2][1] == "HRT-T1" and network[2][5] == 0 and network[2][6:10] == (0, 0, 0, 0)
    assert network[3][1] == "Total red" and network[3][6:10] == (24, 72, 0, 3)
    assert network[3][13] == 1800


def test_excel_cells_keep_numbers_and_dates(analysis) -> None:
    book = openpyxl.load_workbook(BytesIO(gaps_xlsx(analysis)))
    gaps = list(book["Brechas"].iter_rows(values_only=True))
    assert gaps[1] == (
        "HRT-T9",
        "CUI",
        "N",
        "Lunes a viernes",
        "Tope de 48 horas semanales",
        12,
        96,
        "normal",
    )
    empty = list(book["Turnos sin nadie"].iter_rows(values_only=True))
    assert empty[1] == ("HRT-T9", datetime(2027, 2, 1), "N", "CUI", "Tope de 48 horas semanales")
    assert len(empty) == 4
    scenarios = list(book["Escenarios"].iter_rows(values_only=True))
    assert scenarios[0][5:9] == TIER_HEADERS and scenarios[1][5:9] == (24, 72, 0, 3)
    posts = list(book["Plazas recomendadas"].iter_rows(values_only=True))
    assert posts[1][:6] == ("HRT-T9", "AOP", 1, 48, 1800, 1800)
    contract = list(book["Horas sobre contrato"].iter_rows(values_only=True))
    assert [row[5] for row in contract[1:3]] == [4, 0]
    heat = book["Cobertura diaria"]
    assert heat["B2"].value == datetime(2027, 2, 1) and heat["B2"].number_format == "dd/mm/yyyy"


def test_json_holds_the_issue_keys(analysis) -> None:
    document = json.loads(gaps_json(analysis))
    first = document["shelters"][0]
    assert first["shelter"] == "HRT-T9"
    assert first["uncovered_hours"] == 96 and first["uncovered_by_role"] == {"CUI": 96}
    assert first["reasons"] == {"weekly_hours": 96}
    assert first["scenarios"][0] == {
        **first["scenarios"][0],
        "name": "Hoy",
        "coverage_pct": round(100 * (1 - 96 / 672), 2),
        "uncovered_hours": 96,
        "cost_month": 6000,
    }
    assert first["scenarios"][0]["cost_year"] == 72000
    assert (
        first["scenarios"][0]["diverted_hours"]
        == first["scenarios"][0]["coordination_by_others_hours"]
    )
    assert first["scenarios"][0]["resilience_pct"] is None
    assert "--resilience" in first["resilience"]
    assert first["recommended_posts"] == [
        {
            "role": "AOP",
            "count": 1,
            "vacancy": False,
            "unit_cost": 1800,
            "cost_month": 1800,
            "cost_year": 21600,
        }
    ]
    assert first["temporary_cover"] == [] and "summary" in first
    assert first["uncovered_by_tier"] == {"essential": 24, "normal": 72, "optional": 0}
    assert first["unstaffed_shifts"][0] == {
        "date": "2027-02-01",
        "shift": "N",
        "role": "CUI",
        "reason": "weekly_hours",
    }
    assert len(first["unstaffed_shifts"]) == 3
    today, assistant = first["scenarios"][0], first["scenarios"][1]
    assert today["uncovered_by_tier"] == first["uncovered_by_tier"]
    assert today["unstaffed_shift_count"] == 3 and assistant["unstaffed_shift_count"] == 0
    assert document["shelters"][1]["uncovered_by_tier"] == {
        "essential": 0,
        "normal": 0,
        "optional": 0,
    }
    network = document["network"]
    assert network["uncovered_by_tier"]["essential"] == 24 and network["unstaffed_shift_count"] == 3
    assert network["scenarios"][0]["uncovered_by_tier"] == {
        "essential": 24,
        "normal": 72,
        "optional": 0,
    }
    assert [s["key"] for s in document["network"]["scenarios"]] == [
        s["key"] for s in first["scenarios"]
    ]
    assert first["uncovered_hours_after"] == 0
    assert document["network"]["recommended_posts"] == {"AOP": 1}
    assert gaps_document(analysis)["month"] == "2027-02"


def test_spanish_number_formats() -> None:
    assert number_es(8760) == "8,760" and number_es(2169.14, 1) == "2,169.1"
    assert soles(4800) == "S/ 4,800" and soles(1800.5) == "S/ 1,800.50"
