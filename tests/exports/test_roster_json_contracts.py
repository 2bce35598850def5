"""The roster JSON carries working patterns, meal breaks and the contract lines with reasons."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, time

from exports.roster_json import roster_document, roster_json
from exports.roster_json_load import load_document
from models import (
    Assignment,
    CoverageRule,
    DayClass,
    PlanningProblem,
    Role,
    Roster,
    Shelter,
    ShiftType,
    StaffMember,
)
from models.people import WorkingPattern
from models.validator import validate

LONG_DAY = ShiftType("D", "Día", time(7), 720, break_minutes=60)
NIGHT = ShiftType("N", "Noche", time(19), 720)


def _problem() -> PlanningProblem:
    staff = [
        StaffMember("a", "HRT-J", "Ana", "CUI", ("CUI",)),
        StaffMember("o", "HRT-J", "Olga", "PSI", ("PSI",), working_pattern="weekdays_day"),
    ]
    coverage = [CoverageRule("CUI", s, k, 1, 1) for s in ("D", "N") for k in DayClass]
    return PlanningProblem(
        shelter=Shelter("HRT-J", "Hogar J", "Tacna", "Tacna"),
        year=2027,
        month=2,
        roles=[Role("CUI", "Cuidadora"), Role("PSI", "Psicóloga")],
        staff=staff,
        shift_types=[LONG_DAY, NIGHT],
        coverage=coverage,
    )


def _roster() -> Roster:
    days = [date(2027, 2, d) for d in (1, 3, 5, 8, 10, 12)]
    return Roster("HRT-J", 2027, 2, [Assignment("a", d, "D", "CUI") for d in days])


def test_patterns_and_breaks_read_back_and_revalidate_alike() -> None:
    problem, roster = _problem(), _roster()
    loaded_problem, loaded_roster = load_document(json.loads(roster_json(problem, roster)))
    assert loaded_problem.staff_by_id["o"].working_pattern is WorkingPattern.WEEKDAYS_DAY
    assert loaded_problem.shifts["D"].break_minutes == 60
    assert validate(loaded_problem, loaded_roster).units == validate(problem, roster).units


def test_contract_lines_list_worked_hours_without_the_break_and_the_reason() -> None:
    lines = {item["staff_id"]: item for item in roster_document(_problem(), _roster())["contracts"]}
    ana = lines["a"]
    assert ana["worked_hours"] == 66.0 and ana["nights"] == 0 and ana["weekend_days"] == 0
    assert ana["reason"] == "other_rules" and ana["deviation"] < -0.1
    assert lines["o"]["reason"] == "no_demand"  # no psychologist shift is ever asked for


def test_an_older_document_without_the_new_keys_still_reads() -> None:
    document = roster_document(_problem(), _roster())
    for person in document["staff"]:
        person.pop("working_pattern")
    for shift in document["shift_types"]:
        shift.pop("break_minutes")
    loaded, _ = load_document(document)
    assert loaded.staff_by_id["o"].working_pattern is WorkingPattern.ROTATING
    assert replace(loaded.shifts["D"], break_minutes=60) == LONG_DAY
