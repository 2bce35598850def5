"""The roster JSON document carries everything needed to re-check a roster on its own."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from exports.roster_json import roster_json
from exports.roster_json_load import load_document
from models import (
    Absence,
    AbsenceKind,
    Assignment,
    CoverageRule,
    DayClass,
    Demand,
    Gap,
    PlanningProblem,
    Request,
    Role,
    Roster,
    Shelter,
    StaffMember,
    WorkLimits,
)
from models.report import Infeasibility, PhaseReport, SolveReport
from models.shifts import standard_shifts
from models.validator import validate


def _problem() -> PlanningProblem:
    staff = [
        StaffMember("a", "HRT-J", "Ana", "CUI", ("CUI",)),
        StaffMember("b", "HRT-J", "Bea", "CUI", ("CUI", "AOP"), weekly_hours=40),
    ]
    coverage = [
        CoverageRule("CUI", shift, day_class, 1, 1)
        for shift in ("M", "T", "N")
        for day_class in DayClass
    ]
    return PlanningProblem(
        shelter=Shelter("HRT-J", "Hogar J", "Tacna", "Tacna", extra_holidays=(date(2027, 1, 2),)),
        year=2027,
        month=1,
        roles=[Role("CUI", "Cuidadora"), Role("AOP", "Asistente operativa")],
        staff=staff,
        shift_types=standard_shifts(),
        coverage=coverage,
        absences=[Absence("b", AbsenceKind.VACATION, date(2027, 1, 10), date(2027, 1, 14))],
        requests=[Request("a", date(2027, 1, 3), on=False, weight=2)],
        history=[Assignment("a", date(2026, 12, 31), "N", "CUI")],
    )


def _roster() -> Roster:
    assignments = [
        Assignment("a", date(2027, 1, 1), "M", "CUI"),  # 0 h after her 31/12 night: breaks H3
        Assignment("a", date(2027, 1, 2), "T", "CUI"),
        Assignment("b", date(2027, 1, 1), "M", "CUI", locked=True),
        Assignment("b", date(2027, 1, 3), "N", "CUI"),
    ]
    gaps = [Gap(date(2027, 1, 1), "T", "CUI", 1, 480)]
    return Roster("HRT-J", 2027, 1, assignments, gaps)


def test_the_document_reads_back_into_an_equivalent_problem_and_roster() -> None:
    problem, roster = _problem(), _roster()
    text = roster_json(problem, roster, SolveReport(status="optimal", solver="highs"))
    loaded_problem, loaded_roster = load_document(json.loads(text))
    assert loaded_roster.assignments == roster.assignments
    assert loaded_roster.gaps == roster.gaps
    assert loaded_problem.demand == problem.demand
    assert loaded_problem.history_window() == problem.history_window()
    assert loaded_problem.absences == problem.absences
    assert loaded_problem.rules == problem.rules
    assert set(loaded_problem.holidays) == set(problem.holidays)


def test_revalidating_from_the_file_alone_gives_the_same_verdict() -> None:
    problem, roster = _problem(), _roster()
    direct = validate(problem, roster)
    loaded = validate(*load_document(json.loads(roster_json(problem, roster))))
    assert [(v.rule, v.staff_id, v.days) for v in loaded.violations] == [
        (v.rule, v.staff_id, v.days) for v in direct.violations
    ]
    assert loaded.penalties == direct.penalties
    assert any(v.rule == "H3" for v in direct.violations)  # seen only through the history


def test_datetimes_carry_the_lima_offset() -> None:
    document = json.loads(roster_json(_problem(), _roster()))
    night = next(a for a in document["assignments"] if a["shift"] == "N")
    assert night["start"] == "2027-01-03T23:00:00-05:00"
    assert night["end"] == "2027-01-04T07:00:00-05:00"
    assert document["history"][0]["date"] == "2026-12-31"
    assert "address" not in json.dumps(document).lower()


def test_limits_demand_and_an_explicit_horizon_travel_with_the_roster() -> None:
    limits = {"a": WorkLimits(max_shifts_by_type={"N": 0}, max_consecutive_days=2)}
    problem = replace(
        _problem(),
        limits=limits,
        explicit_demand=[Demand(date(2027, 1, 2), "M", "CUI", 1, 2)],
        start=date(2027, 1, 1),
        horizon_days=14,
    )
    document = json.loads(roster_json(problem, _roster()))
    assert document["horizon"] == {"start": "2027-01-01", "days": 14}
    loaded, _ = load_document(document)
    assert loaded.limits == limits
    assert loaded.demand == problem.demand
    assert loaded.days == problem.days


def test_a_whole_month_reads_back_without_an_explicit_horizon() -> None:
    loaded, _ = load_document(json.loads(roster_json(_problem(), _roster())))
    assert loaded.start is None and loaded.horizon_days is None


def a_report() -> SolveReport:
    phases = [
        PhaseReport("coverage", "optimal", 480.0, 480.0, 0.0, 0.4, 0.0, 5.0),
        PhaseReport("quality", "feasible", 812.5, 790.0, 0.0277, 10.1, 0.01),
    ]
    lock = Infeasibility("H3", "a", (date(2027, 1, 3),), "descanso")
    return SolveReport(
        "feasible",
        "highs",
        phases,
        0.2,
        10.5,
        1300,
        1400,
        {"S1": 480.0, "S2": 12.0},
        infeasibilities=[lock],
    )


def test_the_solver_object_keeps_its_documented_keys() -> None:
    solver = json.loads(roster_json(_problem(), _roster(), a_report()))["solver"]
    assert (solver["name"], solver["status"]) == ("highs", "feasible")
    assert (solver["objective"], solver["bound"], solver["mip_gap"]) == (812.5, 790.0, 0.0277)
    assert (solver["build_seconds"], solver["solve_seconds"]) == (0.2, 10.5)
    assert (solver["variables"], solver["constraints"]) == (1300, 1400)
    assert solver["penalties"] == {"S1": 480.0, "S2": 12.0}
    assert [phase["name"] for phase in solver["phases"]] == ["coverage", "quality"]
    documented = {"name", "status", "objective", "best_bound", "mip_gap", "solve_seconds"}
    assert documented <= set(solver["phases"][1])


def test_a_roster_without_a_solve_has_the_solver_keys_empty() -> None:
    solver = json.loads(roster_json(_problem(), _roster()))["solver"]
    assert solver["status"] is None and solver["phases"] == [] and solver["penalties"] == {}
    assert set(solver) == set(json.loads(roster_json(_problem(), _roster(), a_report()))["solver"])


def test_a_stored_report_reads_back_by_attribute() -> None:
    report = a_report()
    again = SolveReport.from_dict(json.loads(json.dumps(report.to_dict())))
    assert again == report
    assert again.infeasibilities[0].days == (date(2027, 1, 3),)


def test_leave_occupancy_and_ratios_travel_with_the_roster() -> None:
    from models.occupancy import Occupancy, ResidentGroup, ResidentRatio

    born = date(2026, 8, 1)
    nursing = Absence("a", AbsenceKind.BREASTFEEDING, date(2027, 1, 1), date(2027, 1, 31))
    ratio = ResidentRatio(ResidentGroup.CHILDREN, 8)
    problem = replace(
        _problem(),
        absences=[replace(nursing, child_born=born)],
        coverage=[CoverageRule("CUI", "M", DayClass.WEEKDAY, 1, 1, ratio=ratio)],
        occupancy=Occupancy(2027, 1, 12, 17, 6),
    )
    document = json.loads(roster_json(problem, _roster()))
    assert document["occupancy"] == {
        "year": 2027,
        "month": 1,
        "women": 12,
        "children": 17,
        "under_six": 6,
    }
    assert document["coverage"][0]["ratio"] == {"group": "children", "per": 8, "above": 0}
    loaded, _ = load_document(document)
    assert loaded.absences == problem.absences and loaded.occupancy == problem.occupancy
    assert loaded.coverage == problem.coverage
    assert loaded.demand == problem.demand and loaded.demand[0].minimum == 4
