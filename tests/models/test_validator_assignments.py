"""Validator, hard rules on single assignments: H1 qualification, H2, H6 absences, H8 locks."""

from __future__ import annotations

from datetime import date

from models_factories import PSYCHOLOGIST, make_problem, on, person, roster_of

from models import Absence, AbsenceKind, RuleSet
from models.validator import Violation, validate

MAR = {day: date(2026, 3, day) for day in range(1, 32)}
FEB_28 = date(2026, 2, 28)


def test_h1_role_without_qualification() -> None:
    problem = make_problem()
    report = validate(problem, roster_of(problem, [on(MAR[2], "M", role=PSYCHOLOGIST)]))
    assert report.violations == [
        Violation("H1", "s1", (MAR[2],), 1.0, "No está calificada para la función PSI")
    ]


def test_h1_night_shift_for_someone_who_does_not_work_nights() -> None:
    problem = make_problem(staff=[person("s1", night_work=False)])
    report = validate(problem, roster_of(problem, [on(MAR[3], "N"), on(MAR[5], "T")]))
    assert report.of("H1") == [
        Violation("H1", "s1", (MAR[3],), 1.0, "No trabaja de noche y el turno N es nocturno")
    ]  # T has only 60 night minutes: not a night shift


def test_h1_unknown_person_and_unknown_shift() -> None:
    problem = make_problem()
    roster = roster_of(problem, [on(MAR[4], "M", staff_id="x9"), on(MAR[5], "Z")])
    assert validate(problem, roster).of("H1") == [
        Violation("H1", "s1", (MAR[5],), 1.0, "Turno desconocido: Z"),
        Violation("H1", "x9", (MAR[4],), 1.0, "Persona desconocida en este hogar (x9)"),
    ]


def test_h1_holds_for_qualified_staff() -> None:
    problem = make_problem(staff=[person("s1", roles=("CUI", PSYCHOLOGIST)), person("s2")])
    roster = roster_of(problem, [on(MAR[2], "M", role=PSYCHOLOGIST), on(MAR[2], "N", "s2")])
    report = validate(problem, roster)
    assert report.of("H1") == []
    assert report.is_legal


def test_h2_two_shifts_on_one_day() -> None:
    problem = make_problem()
    report = validate(problem, roster_of(problem, [on(MAR[2], "M"), on(MAR[2], "T")]))
    assert report.of("H2") == [
        Violation("H2", "s1", (MAR[2],), 1.0, "2 turnos el 02/03/2026 (máximo 1 por día)")
    ]


def test_h2_overlap_with_the_previous_months_last_night() -> None:
    problem = make_problem(history=[on(FEB_28, "N")])  # N ends 07:00 on the 1st, E starts 06:00
    report = validate(problem, roster_of(problem, [on(MAR[1], "E")]))
    assert report.of("H2") == [
        Violation(
            "H2",
            "s1",
            (FEB_28, MAR[1]),
            1.0,
            "Turnos superpuestos el 28/02/2026 y el 01/03/2026 (1 h)",
        )
    ]


def test_h2_overlap_inside_the_month() -> None:
    problem = make_problem()
    report = validate(problem, roster_of(problem, [on(MAR[2], "N"), on(MAR[3], "E")]))
    assert [(v.days, v.amount) for v in report.of("H2")] == [((MAR[2], MAR[3]), 1.0)]


def test_h2_holds_for_touching_shifts_and_ignores_history_when_continuity_is_off() -> None:
    problem = make_problem(history=[on(FEB_28, "N")])
    assert validate(problem, roster_of(problem, [on(MAR[1], "M")])).of("H2") == []
    off = make_problem(
        history=[on(FEB_28, "N")], rules=RuleSet().with_changes(continuity={"enabled": False})
    )
    assert validate(off, roster_of(off, [on(MAR[1], "E")])).of("H2") == []


def test_h6_shift_during_vacation() -> None:
    absence = Absence("s1", AbsenceKind.VACATION, MAR[10], MAR[12])
    problem = make_problem(absences=[absence])
    report = validate(problem, roster_of(problem, [on(MAR[11], "M"), on(MAR[13], "M")]))
    assert report.violations == [
        Violation("H6", "s1", (MAR[11],), 1.0, "Turno M durante una ausencia (vacaciones)")
    ]


def test_h6_holds_outside_the_absence_and_for_other_people() -> None:
    absence = Absence("s1", AbsenceKind.MEDICAL, MAR[10], MAR[12])
    problem = make_problem(absences=[absence])
    roster = roster_of(problem, [on(MAR[9], "M"), on(MAR[13], "M"), on(MAR[11], "M", "s2")])
    assert validate(problem, roster).of("H6") == []


def test_h8_locked_shift_changed() -> None:
    problem = make_problem(locks=[on(MAR[5], "N")])
    report = validate(problem, roster_of(problem, [on(MAR[5], "M")]))
    assert report.violations == [
        Violation(
            "H8", "s1", (MAR[5],), 1.0, "No se mantuvo el turno fijado N (CUI) del 05/03/2026"
        )
    ]


def test_h8_holds_when_the_lock_is_kept() -> None:
    problem = make_problem(locks=[on(MAR[5], "N")])
    assert validate(problem, roster_of(problem, [on(MAR[5], "N")])).of("H8") == []


def test_a_disabled_hard_rule_reports_nothing() -> None:
    rules = RuleSet().with_changes(
        qualification={"enabled": False}, locks={"enabled": False}, absences={"enabled": False}
    )
    absence = Absence("s1", AbsenceKind.LEAVE, MAR[5], MAR[5])
    problem = make_problem(rules=rules, locks=[on(MAR[6], "N")], absences=[absence])
    roster = roster_of(problem, [on(MAR[5], "M", role=PSYCHOLOGIST)])
    report = validate(problem, roster)
    assert report.violations == []
    assert report.is_legal
