"""Importing absences: dates in two formats, every bad row named, nothing written on error."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from roster_factories import example_network
from sqlalchemy.orm import Session

from models import Absence, AbsenceKind
from roster import services as sv
from roster.importing import ImportFailed, import_absences, import_staff
from roster.storage import session_scope

HEADER = "codigo_personal,tipo,desde,hasta,nota\n"
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, example_network("HRT-A"))
    return session


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ausencias.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_file_imports_after_the_example_staff(loaded: Session) -> None:
    import_staff(loaded, "HRT-A", EXAMPLES / "staff.csv")
    result = import_absences(loaded, "HRT-A", EXAMPLES / "absences.csv")
    assert result.created == 4
    assert Absence(
        "HR-104", AbsenceKind.TRAINING, date(2026, 3, 12), date(2026, 3, 13), "taller regional"
    ) in sv.list_absences(loaded, "HRT-A", staff_id="HR-104")


def test_both_date_formats_and_spanish_kinds_are_read(loaded: Session, tmp_path: Path) -> None:
    text = (
        HEADER + "S2,Descanso médico,1/4/2026,2026-04-03,\nS3,IMPREVISTA,05/04/2026,05/04/2026,x\n"
    )
    assert import_absences(loaded, "HRT-A", write(tmp_path, text)).created == 2
    assert sv.list_absences(loaded, "HRT-A", first=date(2026, 4, 1)) == [
        Absence("S2", AbsenceKind.MEDICAL, date(2026, 4, 1), date(2026, 4, 3)),
        Absence("S3", AbsenceKind.UNPLANNED, date(2026, 4, 5), date(2026, 4, 5), "x"),
    ]


def test_importing_the_same_file_twice_skips_what_is_stored(
    loaded: Session, tmp_path: Path
) -> None:
    path = write(tmp_path, HEADER + "S2,licencia,01/05/2026,02/05/2026,\n")
    import_absences(loaded, "HRT-A", path)
    again = import_absences(loaded, "HRT-A", path)
    assert (again.created, again.skipped) == (0, 1)


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("S2,vacaciones,01/03/2026,31/02/2026,", "columna 'hasta': fecha '31/02/2026' no válida"),
        ("S2,vacaciones,mañana,02/03/2026,", "columna 'desde': fecha 'mañana' no válida (use"),
        ("S2,vacaciones,,02/03/2026,", "columna 'desde': falta el valor"),
        ("S404,vacaciones,01/04/2026,02/04/2026,", "columna 'codigo_personal': personal 'S404'"),
        ("S2,paseo,01/04/2026,02/04/2026,", "columna 'tipo': tipo 'paseo' no válido: use"),
        (
            "S2,licencia,05/04/2026,01/04/2026,",
            "columna 'hasta': termina el 01/04/2026, antes de empezar el 05/04/2026",
        ),
        (
            "S1,licencia,08/03/2026,09/03/2026,",
            "columna 'desde': se superpone con una ausencia ya registrada "
            "(02/03/2026 a 08/03/2026)",
        ),
        (
            "S3,licencia,10/06/2026,12/06/2026,",
            "columna 'desde': se superpone con la ausencia de la fila 2",
        ),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(
    db_url: str, tmp_path: Path, row: str, expected: str
) -> None:
    with session_scope(db_url) as session:
        sv.load_network(session, example_network("HRT-A"))
    text = HEADER + "S3,vacaciones,11/06/2026,20/06/2026,\n" + row + "\n"
    with session_scope(db_url) as session, pytest.raises(ImportFailed) as failure:
        import_absences(session, "HRT-A", write(tmp_path, text))
    [error] = failure.value.errors
    assert error.startswith(f"ausencias.csv, fila 3, {expected}")
    with session_scope(db_url) as session:
        assert sv.list_absences(session, "HRT-A") == example_network().shelters[0].absences


NEW_HEADER = "codigo_personal,tipo,desde,hasta,nota,nacimiento\n"


def test_leave_as_peru_has_it_is_read(loaded: Session, tmp_path: Path) -> None:
    text = NEW_HEADER + (
        "S2,maternidad,01/07/2026,06/10/2026,,\n"
        "S2,lactancia,07/10/2026,14/08/2027,,15/08/2026\n"
        "S2,vacaciones,01/12/2026,05/12/2026,,\n"  # a day off beside the breastfeeding hour
        "S3,paternidad,16/08/2026,25/08/2026,,16/08/2026\n"
        "S3,descanso compensatorio,01/09/2026,01/09/2026,feriado 30/08,\n"
    )
    assert import_absences(loaded, "HRT-A", write(tmp_path, text)).created == 5
    kinds = {a.kind for a in sv.list_absences(loaded, "HRT-A", first=date(2026, 7, 1))}
    assert {AbsenceKind.MATERNITY, AbsenceKind.BREASTFEEDING, AbsenceKind.COMPENSATORY} < kinds
    [nursing] = sv.list_absences(loaded, "HRT-A", staff_id="S2", first=date(2027, 1, 1))
    assert nursing.child_born == date(2026, 8, 15) and not nursing.day_off


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "S2,maternidad,01/03/2026,30/07/2026,,",
            "columna 'hasta': la licencia por maternidad dura 152 días: son 98",
        ),
        (
            "S2,lactancia,01/03/2026,10/02/2027,,10/02/2026",
            "columna 'hasta': la hora de lactancia termina antes de que el niño o la niña "
            "cumpla un año (10/02/2027, Ley 27240)",
        ),
        ("S2,vacaciones,01/03/2026,05/03/2026,,01/01/2026", "columna 'nacimiento': solo"),
        ("S2,lactancia,01/03/2026,05/03/2026,,ayer", "columna 'nacimiento': fecha 'ayer'"),
    ],
)
def test_leave_beyond_the_law_is_named_and_nothing_is_written(
    loaded: Session, tmp_path: Path, row: str, expected: str
) -> None:
    before = sv.list_absences(loaded, "HRT-A")
    with pytest.raises(ImportFailed) as failure:
        import_absences(loaded, "HRT-A", write(tmp_path, NEW_HEADER + row + "\n"))
    [error] = failure.value.errors
    assert error.startswith(f"ausencias.csv, fila 2, {expected}")
    assert sv.list_absences(loaded, "HRT-A") == before
