"""Curtois & Qu: reading instance files (a hand-made tiny one and the 24 published ones)."""

from __future__ import annotations

from pathlib import Path

import pytest
from curtois_factories import TINY_TEXT, real_instance, tiny

from models.curtois import (
    BEST_KNOWN,
    LOWER_BOUNDS,
    SIZES,
    Cover,
    CurtoisShift,
    CurtoisStaff,
    InstanceError,
    ShiftRequest,
    gap_percent,
    parse_instance,
)


def test_tiny_file_is_read_section_by_section(tmp_path: Path) -> None:
    path = tmp_path / "Tiny.txt"
    path.write_bytes(TINY_TEXT.encode("utf-8"))
    instance = parse_instance(path)
    assert instance.name == "Tiny" and instance.horizon == 7
    assert instance.shifts == {
        "E": CurtoisShift("E", 480, frozenset()),
        "L": CurtoisShift("L", 600, frozenset({"E"})),
    }
    assert instance.staff[0] == CurtoisStaff("A", {"E": 7, "L": 2}, 3200, 1440, 4, 2, 2, 1)
    assert [person.id for person in instance.staff] == ["A", "B", "C"]
    assert instance.days_off == {"A": frozenset({3}), "B": frozenset(), "C": frozenset({2})}
    assert instance.on_requests == [ShiftRequest("A", 0, "E", 2), ShiftRequest("B", 4, "E", 3)]
    assert instance.off_requests == [ShiftRequest("C", 0, "L", 1), ShiftRequest("A", 6, "L", 2)]
    assert len(instance.cover) == 14
    assert instance.cover[1] == Cover(1, "E", 2, 100, 1)


def test_text_and_file_give_the_same_instance(tmp_path: Path) -> None:
    path = tmp_path / "Tiny.txt"
    path.write_text(TINY_TEXT, encoding="utf-8")
    from_file, from_text = parse_instance(path), tiny()
    assert (from_file.staff, from_file.cover) == (from_text.staff, from_text.cover)
    assert from_text.name == ""


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("B,4,E,3", "B,4,X,3", "turno desconocido 'X'"),
        ("B,4,E,3", "Z,4,E,3", "empleado desconocido 'Z'"),
        ("B,4,E,3", "B,7,E,3", "el día 7 está fuera del horizonte"),
        ("B,4,E,3", "B,4,E", "se esperaban 4 campos"),
        ("L,600,E", "L,600,Q", "turnos desconocidos"),
        ("SECTION_COVER", "SECTION_WHATEVER", "sección desconocida"),
        ("A,0,E,2", "A,0,E,zero", "no es un número entero"),
    ],
)
def test_malformed_lines_are_named(old: str, new: str, complaint: str) -> None:
    with pytest.raises(InstanceError, match=complaint):
        parse_instance(TINY_TEXT.replace(old, new, 1))


def test_a_missing_section_or_a_stray_line_is_named() -> None:
    without_horizon = TINY_TEXT.replace("SECTION_HORIZON\r\n# days\r\n7\r\n\r\n", "")
    with pytest.raises(InstanceError, match="falta la sección SECTION_HORIZON"):
        parse_instance(without_horizon)
    with pytest.raises(InstanceError, match="línea 4: datos fuera de una sección"):
        parse_instance(TINY_TEXT.replace("SECTION_HORIZON", "# no header"))


@pytest.mark.parametrize("number", range(1, 25))
def test_every_published_instance_has_the_readme_size(number: int) -> None:
    instance = real_instance(number)
    assert (instance.horizon, len(instance.staff), len(instance.shifts)) == SIZES[number]
    assert len(instance.cover) == instance.horizon * len(instance.shifts)
    assert {(c.weight_under, c.weight_over) for c in instance.cover} == {(100, 1)}
    assert set(instance.days_off) == {person.id for person in instance.staff}


def test_instance_1_first_lines() -> None:
    instance = real_instance(1)
    assert instance.shifts == {"D": CurtoisShift("D", 480, frozenset())}
    assert instance.staff[0] == CurtoisStaff("A", {"D": 14}, 4320, 3360, 5, 2, 2, 1)
    assert instance.days_off["B"] == frozenset({5})
    assert instance.on_requests[0] == ShiftRequest("A", 2, "D", 2)
    assert instance.off_requests[-1] == ShiftRequest("H", 3, "D", 3)
    assert instance.cover[0] == Cover(0, "D", 5, 100, 1)


def test_best_known_table() -> None:
    assert BEST_KNOWN[1] == 607 and BEST_KNOWN[24] == 40439 and LOWER_BOUNDS[24] == 40438
    assert set(BEST_KNOWN) == set(LOWER_BOUNDS) == set(SIZES) == set(range(1, 25))
    assert all(LOWER_BOUNDS[n] <= BEST_KNOWN[n] for n in SIZES)
    assert gap_percent(620, 1) == pytest.approx(100 * 13 / 607)
