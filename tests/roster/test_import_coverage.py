"""Importing coverage rules: created or replaced by role, shift, day class and tier."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from roster_factories import example_network
from sqlalchemy.orm import Session

from exports.import_examples import example_csv
from models import CoverageRule, DayClass, Tier
from models.occupancy import ResidentGroup, ResidentRatio
from roster import services as sv
from roster.importing import ImportFailed, import_coverage
from roster.importing.examples import example_rows
from roster.importing.preview import preview_import
from roster.storage import session_scope

HEADER = "funcion,turno,tipo_dia,minimo,deseado\n"
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, example_network("HRT-A"))
    return session


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cobertura.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_file_imports(loaded: Session) -> None:
    result = import_coverage(loaded, "HRT-A", EXAMPLES / "coverage.csv")
    assert (result.created, result.updated) == (27, 2)  # CUI M weekday and PSI M weekday
    rules = sv.list_coverage(loaded, "HRT-A")
    assert CoverageRule("AOP", "M", DayClass.HOLIDAY, 1, 1) in rules
    assert CoverageRule("CUI", "N", DayClass.SUNDAY, 1, 1, Tier.ESSENTIAL) in rules
    assert CoverageRule("CUI", "N", DayClass.SUNDAY, 1, 1) in rules  # the stored normal one stays
    assert CoverageRule("CUI", "M", DayClass.WEEKDAY, 1, 1, Tier.ESSENTIAL) in rules
    forty = ResidentRatio(ResidentGroup.RESIDENTS, 40, above=40)
    assert CoverageRule("CUI", "M", DayClass.WEEKDAY, 1, 1, Tier.NORMAL, forty) in rules
    assert len(rules) == 30


def test_a_tier_column_in_spanish_or_english_layers_the_rules(
    loaded: Session, tmp_path: Path
) -> None:
    text = (
        HEADER.replace("\n", ",prioridad\n")
        + "CUI,T,domingo,1,1,Esencial\n"
        + "CUI,T,domingo,1,2,\n"
        + "PSI,M,sabado,1,1,optional\n"
    )
    assert import_coverage(loaded, "HRT-A", write(tmp_path, text)).created == 3
    rules = sv.list_coverage(loaded, "HRT-A")
    assert CoverageRule("CUI", "T", DayClass.SUNDAY, 1, 1, Tier.ESSENTIAL) in rules
    assert CoverageRule("CUI", "T", DayClass.SUNDAY, 1, 2, Tier.NORMAL) in rules
    assert CoverageRule("PSI", "M", DayClass.SATURDAY, 1, 1, Tier.OPTIONAL) in rules


def test_an_unknown_tier_is_named_and_nothing_is_written(loaded: Session, tmp_path: Path) -> None:
    before = sv.list_coverage(loaded, "HRT-A")
    text = "funcion,turno,tipo_dia,minimo,deseado,tier\nCUI,T,domingo,1,1,urgente\n"
    with pytest.raises(ImportFailed) as failure:
        import_coverage(loaded, "HRT-A", write(tmp_path, text))
    [error] = failure.value.errors
    assert error.startswith("cobertura.csv, fila 2, columna 'tier': prioridad 'urgente' no válid")
    assert "esencial, normal, opcional" in error
    assert sv.list_coverage(loaded, "HRT-A") == before


def test_names_work_as_well_as_codes_and_desired_defaults_to_minimum(
    loaded: Session, tmp_path: Path
) -> None:
    import_coverage(loaded, "HRT-A", write(tmp_path, HEADER + "Psicóloga,mañana,Sábado,1,\n"))
    assert CoverageRule("PSI", "M", DayClass.SATURDAY, 1, 1) in sv.list_coverage(loaded, "HRT-A")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("CUI,X,laborable,1,1", "columna 'turno': turno 'X' no existe (use: M, N, T)"),
        ("ZZZ,M,laborable,1,1", "columna 'funcion': función 'ZZZ' no existe"),
        ("CUI,M,lunes,1,1", "columna 'tipo_dia': tipo de día 'lunes' no válido: use laborable"),
        ("CUI,M,laborable,-1,1", "columna 'minimo': número '-1' no válido"),
        ("CUI,M,laborable,1.5,2", "columna 'minimo': número '1.5' no válido"),
        ("CUI,M,laborable,2,1", "columna 'deseado': deseado (1) menor que el mínimo (2)"),
        ("TSO,M,laborable,1,1", "columna 'tipo_dia': regla repetida (ya está en la fila 2)"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(
    db_url: str, tmp_path: Path, row: str, expected: str
) -> None:
    with session_scope(db_url) as session:
        sv.load_network(session, example_network("HRT-A"))
    text = HEADER + "TSO,M,laborable,1,1\n" + row + "\n"
    with session_scope(db_url) as session, pytest.raises(ImportFailed) as failure:
        import_coverage(session, "HRT-A", write(tmp_path, text))
    [error] = failure.value.errors
    assert error.startswith(f"cobertura.csv, fila 3, {expected}")
    with session_scope(db_url) as session:
        assert sv.list_coverage(session, "HRT-A") == example_network().shelters[0].coverage


RATIO_HEADER = HEADER.replace("\n", ",grupo,por_cada,sobre\n")


def test_ratio_columns_set_a_rule_s_ratio_of_residents(loaded: Session, tmp_path: Path) -> None:
    text = (
        RATIO_HEADER
        + "CUI,T,domingo,0,0,ninos,8,\n"
        + "CUI,T,sabado,1,1,Niñas y niños,6,2\n"
        + "CUI,N,domingo,1,1,Menores de seis años,4,0\n"
        + "PSI,M,sabado,1,1,todas,40,40\n"
        + "TSO,M,sabado,1,1,,,\n"
    )
    result = import_coverage(loaded, "HRT-A", write(tmp_path, text))
    assert (result.created, result.updated) == (4, 1)  # CUI N Sunday is stored already
    ratios = {(r.role, r.shift, r.day_class): r.ratio for r in sv.list_coverage(loaded, "HRT-A")}
    assert ratios["CUI", "T", DayClass.SUNDAY] == ResidentRatio(ResidentGroup.CHILDREN, 8)
    assert ratios["CUI", "T", DayClass.SATURDAY] == ResidentRatio(ResidentGroup.CHILDREN, 6, 2)
    assert ratios["CUI", "N", DayClass.SUNDAY] == ResidentRatio(ResidentGroup.UNDER_SIX, 4)
    assert ratios["PSI", "M", DayClass.SATURDAY] == ResidentRatio(ResidentGroup.RESIDENTS, 40, 40)
    assert ratios["TSO", "M", DayClass.SATURDAY] is None


def test_empty_ratio_cells_clear_a_ratio_and_a_file_without_them_keeps_it(
    loaded: Session, tmp_path: Path
) -> None:
    def ratio() -> ResidentRatio | None:
        rules = sv.list_coverage(loaded, "HRT-A")
        return next(r.ratio for r in rules if (r.role, r.shift, r.day_class) == key)

    key = ("CUI", "M", DayClass.WEEKDAY)
    import_coverage(
        loaded, "HRT-A", write(tmp_path, RATIO_HEADER + "CUI,M,laborable,1,2,mujeres,10,\n")
    )
    import_coverage(loaded, "HRT-A", write(tmp_path, HEADER + "CUI,M,laborable,1,3\n"))
    assert ratio() == ResidentRatio(ResidentGroup.WOMEN, 10)  # older files keep the ratio
    import_coverage(loaded, "HRT-A", write(tmp_path, RATIO_HEADER + "CUI,M,laborable,1,3,,,\n"))
    assert ratio() is None


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ("familias,8,", "columna 'grupo': grupo 'familias' no válido: use residentes, mujeres"),
        ("ninos,,", "columna 'por_cada': falta cada cuántos residentes se suma una persona"),
        (",8,", "columna 'grupo': falta el grupo de residentes de la proporción"),
        ("ninos,0,", "columna 'por_cada': número '0' no válido: debe ser 1 o más"),
        ("ninos,2.5,", "columna 'por_cada': número '2.5' no válido"),
        ("ninos,8,-1", "columna 'sobre': número '-1' no válido"),
        (",,40", "columna 'sobre': sin proporción: indique también grupo y por_cada"),
    ],
)
def test_a_bad_ratio_is_named_and_nothing_is_written(
    loaded: Session, tmp_path: Path, cells: str, expected: str
) -> None:
    before = sv.list_coverage(loaded, "HRT-A")
    text = RATIO_HEADER + "TSO,M,sabado,1,1,mujeres,20,\n" + f"CUI,T,domingo,1,1,{cells}\n"
    with pytest.raises(ImportFailed) as failure:
        import_coverage(loaded, "HRT-A", write(tmp_path, text))
    [error] = failure.value.errors
    assert error.startswith(f"cobertura.csv, fila 3, {expected}")
    assert sv.list_coverage(loaded, "HRT-A") == before


def test_the_example_file_carries_a_stored_ratio_back_unchanged(
    loaded: Session, tmp_path: Path
) -> None:
    first = sv.list_coverage(loaded, "HRT-A")[0]
    sv.set_coverage_rule(loaded, "HRT-A", replace(first, ratio=ResidentRatio("under_six", 5, 1)))
    before = sv.list_coverage(loaded, "HRT-A")
    names, rows = example_rows(loaded, "HRT-A", "coverage")
    assert names[-3:] == ["grupo", "por_cada", "sobre"] and rows[0][-3:] == ["menores_6", "5", "1"]
    path = tmp_path / "ejemplo.csv"
    path.write_bytes(example_csv(names, rows))
    import_coverage(loaded, "HRT-A", path)
    assert sv.list_coverage(loaded, "HRT-A") == before


def test_the_preview_shows_a_ratio_s_change_and_stores_nothing(
    loaded: Session, tmp_path: Path
) -> None:
    path = write(tmp_path, RATIO_HEADER + "CUI,N,domingo,1,1,residentes,40,40\n")
    [change] = preview_import(loaded, "coverage", "HRT-A", path).changes
    assert (change.before, change.after) == (
        "mínimo 1, deseado 1",
        "mínimo 1, deseado 1, +1 por cada 40 residentes sobre 40",
    )
    assert all(rule.ratio is None for rule in sv.list_coverage(loaded, "HRT-A"))
