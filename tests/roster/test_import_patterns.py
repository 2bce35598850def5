"""Importing a staff list with the contract's working pattern (patron_trabajo)."""

from __future__ import annotations

from pathlib import Path

import pytest
from roster_factories import example_network
from sqlalchemy.orm import Session

from models.people import WorkingPattern
from roster import services as sv
from roster.importing import ImportFailed, import_staff

HEADER = "codigo,nombre,funcion,funciones_cubre,horas_semanales,trabajo_nocturno,patron_trabajo\n"
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, example_network("HRT-A"))
    return session


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "personal.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_file_carries_patterns(loaded: Session) -> None:
    import_staff(loaded, "HRT-A", EXAMPLES / "staff.csv")
    pattern = {m.id: m.working_pattern for m in sv.list_staff(loaded, "HRT-A")}
    assert pattern["HR-105"] is WorkingPattern.WEEKDAYS_DAY
    assert pattern["HR-104"] is WorkingPattern.MON_SAT_DAY
    assert pattern["HR-106"] is WorkingPattern.ROTATING  # empty: rotating for someone new


def test_spanish_words_and_an_empty_cell_that_keeps_the_pattern(
    loaded: Session, tmp_path: Path
) -> None:
    text = HEADER + "S1,Ana Quispe,CUI,,48,si,Solo noches\nS2,Rosa,PSI,,40,no,LUNES A VIERNES\n"
    import_staff(loaded, "HRT-A", write(tmp_path, text))
    assert sv.get_staff(loaded, "HRT-A", "S1").working_pattern is WorkingPattern.NIGHTS
    import_staff(loaded, "HRT-A", write(tmp_path, HEADER + "S1,Ana Quispe,CUI,,48,si,\n"))
    assert sv.get_staff(loaded, "HRT-A", "S1").working_pattern is WorkingPattern.NIGHTS
    assert sv.get_staff(loaded, "HRT-A", "S2").working_pattern is WorkingPattern.WEEKDAYS_DAY


def test_an_unknown_pattern_names_row_column_and_the_words_and_changes_nothing(
    loaded: Session, tmp_path: Path
) -> None:
    text = HEADER + "S1,Ana Quispe,CUI,,48,si,solo noches\nS2,Rosa,PSI,,40,no,a veces\n"
    with pytest.raises(ImportFailed) as failure:
        import_staff(loaded, "HRT-A", write(tmp_path, text))
    [error] = failure.value.errors
    assert error.startswith("personal.csv, fila 3, columna 'patron_trabajo': patrón 'a veces'")
    assert "rotativo, lunes_a_viernes, lunes_a_sabado, solo_noches" in error
    assert sv.get_staff(loaded, "HRT-A", "S1").working_pattern is WorkingPattern.ROTATING
