"""Importing a staff list: good files create or update people; any bad row changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from roster_factories import example_network
from sqlalchemy.orm import Session

from roster import services as sv
from roster.importing import ImportFailed, import_staff
from roster.storage import session_scope

HEADER = "codigo,nombre,funcion,funciones_cubre,horas_semanales,trabajo_nocturno\n"
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, example_network("HRT-A"))
    return session


def write(tmp_path: Path, text: str, name: str = "personal.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(session: Session, path: Path) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        import_staff(session, "HRT-A", path)
    return failure.value.errors


def test_the_example_file_imports(loaded: Session) -> None:
    result = import_staff(loaded, "HRT-A", EXAMPLES / "staff.csv")
    assert (result.created, result.updated) == (7, 0)
    gloria = sv.get_staff(loaded, "HRT-A", "HR-107")
    assert (gloria.primary_role, gloria.roles) == ("EDU", ("EDU", "CUI", "AOP"))
    assert sv.get_staff(loaded, "HRT-A", "HR-105").weekly_hours == 40
    assert sv.get_staff(loaded, "HRT-A", "HR-104").night_work is False


def test_existing_people_are_updated_and_keep_their_posts(loaded: Session, tmp_path: Path) -> None:
    sv.deactivate_staff(loaded, "HRT-A", "S2")
    text = HEADER + 'S2,Rosa Huamán Ríos,psicóloga,COO;cuidadora,"36,5",no\nS7,Nueva,CUI,,48,\n'
    result = import_staff(loaded, "HRT-A", write(tmp_path, text))
    assert (result.created, result.updated) == (1, 1)
    rosa = sv.get_staff(loaded, "HRT-A", "S2")
    assert rosa.roles == ("PSI", "COO", "CUI") and rosa.weekly_hours == 36.5
    assert rosa.active and rosa.post_ids == ("P2",) and rosa.night_work is False
    assert sv.get_staff(loaded, "HRT-A", "S7").night_work is True


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("S8,Ana,XYZ,,48,si", "columna 'funcion': función 'XYZ' no existe (use: AOP, COO"),
        ("S8,Ana,CUI,PSI;ABC,48,si", "columna 'funciones_cubre': función 'ABC' no existe"),
        ("S8,Ana,CUI,,60,si", "columna 'horas_semanales': horas '60' no válidas"),
        ("S8,Ana,CUI,,-4,si", "columna 'horas_semanales': horas '-4' no válidas"),
        ("S8,Ana,CUI,,muchas,si", "columna 'horas_semanales': horas 'muchas' no válidas"),
        ("S8,Ana,CUI,,48,tal vez", "columna 'trabajo_nocturno': valor 'tal vez' no válido"),
        ("S 8,Ana,CUI,,48,si", "columna 'codigo': código 'S 8' no válido"),
        (",Ana,CUI,,48,si", "columna 'codigo': falta el valor"),
        ("S8,,CUI,,48,si", "columna 'nombre': falta el valor"),
    ],
)
def test_a_bad_cell_is_named_with_file_row_and_column(
    loaded: Session, tmp_path: Path, row: str, expected: str
) -> None:
    text = HEADER + "S9,Buena,CUI,,48,si\n" + row + "\n"
    [error] = errors_of(loaded, write(tmp_path, text))
    assert error.startswith(f"personal.csv, fila 3, {expected}")


def test_every_error_is_listed_and_nothing_is_written(db_url: str, tmp_path: Path) -> None:
    with session_scope(db_url) as session:
        sv.load_network(session, example_network("HRT-A"))
        before = sv.get_shelter_data(session, "HRT-A")
    text = HEADER + "S1,Ana Cambiada,PSI,,40,no\nS8,Nueva,CUI,,48,si\nS8,Otra,CUI,,48,si\n"
    text += "S9,Mala,CUI,,50,si\n"
    with session_scope(db_url) as session:
        errors = errors_of(session, write(tmp_path, text))
    assert errors == [
        "personal.csv, fila 4, columna 'codigo': código 'S8' repetido (ya está en la fila 3)",
        "personal.csv, fila 5, columna 'horas_semanales': horas '50' no válidas: "
        "deben ser más de 0 y como máximo 48",
    ]
    with session_scope(db_url) as session:
        assert sv.get_shelter_data(session, "HRT-A") == before


def test_missing_columns_are_reported_on_row_one(loaded: Session, tmp_path: Path) -> None:
    path = write(tmp_path, "codigo,nombre\nS8,Ana\n")
    assert errors_of(loaded, path) == [
        "personal.csv, fila 1, columna 'funcion': falta la columna",
        "personal.csv, fila 1, columna 'horas_semanales': falta la columna",
    ]


def test_unknown_shelter_is_not_found(loaded: Session, tmp_path: Path) -> None:
    with pytest.raises(sv.NotFound, match="HRT-Z"):
        import_staff(loaded, "HRT-Z", write(tmp_path, HEADER))
