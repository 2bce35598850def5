"""The terminal grid says what it means: feriados and weekends marked, each person's hours
against her contract, nights and weekend days, and the shift named in every gap row."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rich.console import Console

from models import (
    Absence,
    AbsenceKind,
    Assignment,
    CoverageRule,
    DayClass,
    Gap,
    PlanningProblem,
    Role,
    Roster,
    Shelter,
    StaffMember,
)
from models.roster import GapReason
from models.shifts import standard_shifts
from roster.cli.grid import LEGEND, contract_notes, roster_grid

JULY = {day: date(2027, 7, day) for day in range(1, 32)}  # feriados 23, 28, 29 July


def problem() -> PlanningProblem:
    staff = [
        StaffMember("p1", "HRT-T", "Ana Quispe", "CUI", ("CUI",)),
        StaffMember("p2", "HRT-T", "Rosa Huamán", "CUI", ("CUI",), weekly_hours=24),
    ]
    coverage = [CoverageRule("CUI", "N", klass, 1, 1) for klass in DayClass]
    return PlanningProblem(
        shelter=Shelter("HRT-T", "Hogar de prueba", "Lima", "Lima"),
        year=2027,
        month=7,
        roles=[Role("CUI", "Cuidadora")],
        staff=staff,
        shift_types=standard_shifts(),
        coverage=coverage,
    )


def rendered(planned: PlanningProblem, roster: Roster) -> str:
    console = Console(record=True, width=240)
    console.print(roster_grid(planned, roster))
    return console.export_text()


def test_header_marks_feriados_and_weekends_and_gap_rows_name_the_shift() -> None:
    planned = problem()
    nights = [Assignment("p1", JULY[d], "N", "CUI") for d in range(1, 31)]
    gap = Gap(JULY[31], "N", "CUI", 1, 480, GapReason.WEEKLY_REST)
    text = rendered(planned, Roster("HRT-T", 2027, 7, nights, gaps=[gap]))
    header = text.splitlines()[1:4]
    columns = [line.split() for line in header]
    marks = columns[2][1:-3]  # after "Personal", before "contrato Noches fs"
    assert marks.count("fe") == 3 and marks.count("fs") == 9  # 23, 28, 29; 9 weekend
    gap_row = next(line for line in text.splitlines() if line.startswith("Brecha"))
    assert gap_row.startswith("Brecha CUI N") and "-1" in gap_row and "8 h" in gap_row


def test_each_person_shows_hours_against_contract_nights_and_weekend_days() -> None:
    planned = problem()
    nights = [Assignment("p1", JULY[d], "N", "CUI") for d in (2, 3, 4)]  # Fri, Sat, Sun
    text = rendered(planned, Roster("HRT-T", 2027, 7, nights))
    target = planned.contract_target_minutes(planned.staff[0]) / 60
    ana = next(line for line in text.splitlines() if line.startswith("Ana Quispe"))
    assert ana.split()[-3:] == [f"24/{target:.0f}", "3", "2"]
    notes = contract_notes(planned, Roster("HRT-T", 2027, 7, nights))
    assert notes[0].startswith("Ana Quispe: 24 h de") and "más de 10 %" in notes[0]
    assert notes[0].endswith("los descansos, los patrones o las preferencias lo impiden")


def test_the_reason_beside_a_person_off_her_contract() -> None:
    planned = problem()
    every_night = [Assignment("p1", JULY[d], "N", "CUI") for d in range(1, 32)]
    ana, rosa = contract_notes(planned, Roster("HRT-T", 2027, 7, every_night))
    assert ana.startswith("Ana Quispe: 248 h") and ana.endswith("sin ella quedarían bajo el mínimo")
    assert rosa.startswith("Rosa Huamán: 0 h") and rosa.endswith(
        "ya están cubiertos por otras personas"
    )


def test_the_days_she_works_within_her_breastfeeding_hour_carry_an_l() -> None:
    hour = Absence("p1", AbsenceKind.BREASTFEEDING, JULY[5], JULY[11], child_born=date(2027, 1, 4))
    planned = replace(problem(), absences=[hour])
    nights = [Assignment("p1", JULY[d], "N", "CUI") for d in (4, 5, 6)]  # 4th: before it
    ana = next(line for line in rendered(planned, Roster("HRT-T", 2027, 7, nights)).splitlines()
               if line.startswith("Ana Quispe"))  # fmt: skip
    days = ana.split()[3:-3]  # after "Ana Quispe (CUI)", before the figures
    assert days[3:8] == ["N", "NL", "NL", "·", "·"]  # 4th before it; 7th, 8th free within it
    assert "L tras el turno = hora de lactancia" in LEGEND
