"""Reading import files: Excel and CSV variants, row numbers as a spreadsheet shows them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from roster_factories import example_network
from sqlalchemy.orm import Session

from models import Absence, AbsenceKind
from roster import services as sv
from roster.importing import ImportFailed, import_absences, import_staff
from roster.importing.table import normalize_header


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, example_network("HRT-A"))
    return session


def write_xlsx(path: Path, rows: list[dict[str, object]]) -> Path:
    pd.DataFrame(rows).to_excel(path, index=False)
    return path


def failure(session: Session, path: Path) -> list[str]:
    with pytest.raises(ImportFailed) as raised:
        import_absences(session, "HRT-A", path)
    return raised.value.errors


def test_excel_dates_numbers_and_accented_headers_are_read(loaded: Session, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ausencias.xlsx",
        [
            {
                "Código personal": "S2",
                "Tipo": "Vacaciones",
                "Desde": datetime(2026, 5, 4),
                "Hasta": "10/05/2026",
            },
            {
                "Código personal": "S3",
                "Tipo": "licencia",
                "Desde": date(2026, 5, 11),
                "Hasta": datetime(2026, 5, 11),
            },
        ],
    )
    assert import_absences(loaded, "HRT-A", path).created == 2
    assert Absence("S2", AbsenceKind.VACATION, date(2026, 5, 4), date(2026, 5, 10)) in (
        sv.list_absences(loaded, "HRT-A", staff_id="S2")
    )


def test_excel_errors_count_rows_like_the_spreadsheet(loaded: Session, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "ausencias.xlsx",
        [
            {
                "codigo_personal": "S2",
                "tipo": "licencia",
                "desde": "01/05/2026",
                "hasta": "02/05/2026",
            },
            {"codigo_personal": None, "tipo": None, "desde": None, "hasta": None},
            {
                "codigo_personal": "S3",
                "tipo": "licencia",
                "desde": "31/04/2026",
                "hasta": "02/05/2026",
            },
        ],
    )
    assert failure(loaded, path) == [
        "ausencias.xlsx, fila 4, columna 'desde': fecha '31/04/2026' no válida"
    ]
    assert sv.list_absences(loaded, "HRT-A", staff_id="S2") == []


def test_staff_from_excel_with_whole_numbers(loaded: Session, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "personal.xlsx",
        [
            {
                "codigo": 501,
                "nombre": "Ana",
                "funcion": "CUI",
                "horas_semanales": 48.0,
                "trabajo_nocturno": "sí",
            }
        ],
    )
    import_staff(loaded, "HRT-A", path)
    assert sv.get_staff(loaded, "HRT-A", "501").weekly_hours == 48


def test_semicolon_csv_in_windows_encoding_with_blank_lines(
    loaded: Session, tmp_path: Path
) -> None:
    path = tmp_path / "ausencias.csv"
    text = "codigo_personal;tipo;desde;hasta;nota\r\nS2;capacitación;01/06/2026;02/06/2026;\r\n"
    text += "\r\nS3;licencia;03/06/2026;01/06/2026;\r\n"
    path.write_bytes(text.encode("cp1252"))
    assert failure(loaded, path) == [
        "ausencias.csv, fila 4, columna 'hasta': "
        "termina el 01/06/2026, antes de empezar el 03/06/2026"
    ]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("ausencias.ods", b"x", "ausencias.ods: no se pudo leer (formato no soportado"),
        ("ausencias.csv", b"", "ausencias.csv: no se pudo leer (está vacío)"),
        (
            "ausencias.csv",
            b"codigo_personal,tipo\nS1,x\nS2,x,y,z\n",
            "ausencias.csv: no se pudo leer como CSV",
        ),
        ("ausencias.csv", b"codigo_personal,tipo,desde,hasta\n", "ausencias.csv: no tiene filas"),
        (
            "ausencias.xlsx",
            b"not a zip",
            "ausencias.xlsx: no se pudo leer (no es un libro de Excel",
        ),
        (
            "ausencias.xlsx",
            b"codigo_personal,tipo\nS1,x\n",
            "ausencias.xlsx: no se pudo leer (no es",
        ),
    ],
)
def test_unreadable_files_get_one_clear_error(
    loaded: Session, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [error] = failure(loaded, path)
    assert error.startswith(expected)


def test_a_missing_file_is_named(loaded: Session, tmp_path: Path) -> None:
    [error] = failure(loaded, tmp_path / "nada.csv")
    assert error.startswith("nada.csv: no se encontró el archivo; revise la ruta")


def test_the_failure_message_lists_every_error(loaded: Session, tmp_path: Path) -> None:
    path = tmp_path / "ausencias.csv"
    path.write_text("codigo_personal,tipo,desde,hasta\nS2,x,1/1/2026,2/1/2026\nS9,licencia,,\n")
    message = str(ImportFailed(failure(loaded, path)))
    assert message.startswith("No se importó nada (4 errores):")
    assert "fila 3, columna 'hasta': falta el valor" in message


def test_headers_are_normalized() -> None:
    assert normalize_header(" Código  Personal ") == "codigo_personal"
    assert normalize_header("Tipo-Día") == "tipo_dia"
