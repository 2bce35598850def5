"""Hard rules on single assignments: H1 qualification, H2 one shift a day, H6 absences, H8 locks."""

from __future__ import annotations

from models.people import ABSENCE_LABELS_ES
from models.problem import PlanningProblem
from models.roster import Assignment, Roster
from models.validator.intervals import Work, hours_between, person_work
from models.validator.report import Violation
from models.validator.wording import day_text, hours_text


def check_qualification(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H1: a person covers only roles she is qualified for, and nights only if she works nights.

    Checked on every roster assignment, each failure being one violation of amount 1:
    the staff id must be one of the problem's staff; the shift code must be one of its
    shift types; the role must be in the person's ``roles``; a person with
    ``night_work`` False must not hold a shift that ``is_night(rules.night_shift_
    threshold_minutes)``. Source: DESIGN.md §3 H1; the post's job profile.
    """
    if not problem.rules.is_on("H1"):
        return []
    found = [v for a in roster.assignments for v in _qualification_breaches(problem, a)]
    return sorted(found, key=lambda v: (v.staff_id, v.days))


def _qualification_breaches(problem: PlanningProblem, assignment: Assignment) -> list[Violation]:
    """The H1 failures of one assignment."""
    person = problem.staff_by_id.get(assignment.staff_id)
    shift = problem.shifts.get(assignment.shift)
    messages = []
    if person is None:
        messages.append(f"Persona desconocida en este hogar ({assignment.staff_id})")
    if shift is None:
        messages.append(f"Turno desconocido: {assignment.shift}")
    if person is not None and not person.can_cover(assignment.role):
        messages.append(f"No está calificada para la función {assignment.role}")
    night = shift is not None and shift.is_night(problem.rules.night_shift_threshold_minutes)
    if person is not None and night and not person.night_work:
        messages.append(f"No trabaja de noche y el turno {assignment.shift} es nocturno")
    return [
        Violation("H1", assignment.staff_id, (assignment.day,), 1.0, message)
        for message in messages
    ]


def check_one_shift_per_day(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H2: at most one shift per person per day, and no two of her shifts overlap.

    (a) For every (person, day) of the roster with k > 1 assignments: one violation,
    amount k - 1. (b) Her shift intervals, history window included, are sorted by
    start; every pair on different days with ``start_later < end_earlier`` is one
    violation, amount = overlapping hours, days = both days (e.g. a history night of
    the previous month's last day overlapping a shift on the 1st). Same-day pairs are
    left to (a). A pair made only of history shifts is not reported (the earlier
    month's). Source: D.S. 007-2002-TR art. 1 (jornada diaria).
    """
    if not problem.rules.is_on("H2"):
        return []
    found = []
    for (staff_id, day), assignments in roster.by_staff_day().items():
        if len(assignments) > 1:
            message = f"{len(assignments)} turnos el {day_text(day)} (máximo 1 por día)"
            found.append(Violation("H2", staff_id, (day,), len(assignments) - 1.0, message))
    for staff_id, items in person_work(problem, roster).items():
        found += _overlaps(staff_id, items)
    return sorted(found, key=lambda v: (v.staff_id, v.days))


def _overlaps(staff_id: str, items: list[Work]) -> list[Violation]:
    """H2 (b): overlapping shifts of one person on different days, one involving the month."""
    found = []
    for index, earlier in enumerate(items):
        for later in items[index + 1 :]:
            if later.start >= earlier.end:
                break  # sorted by start: no later shift overlaps ``earlier``
            if later.day == earlier.day or not (earlier.in_month or later.in_month):
                continue
            overlap = hours_between(later.start, min(earlier.end, later.end))
            days = tuple(sorted({earlier.day, later.day}))
            message = (
                f"Turnos superpuestos el {day_text(days[0])} y el {day_text(days[1])} "
                f"({hours_text(overlap)} h)"
            )
            found.append(Violation("H2", staff_id, days, overlap, message))
    return found


def check_absences(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H6: no shift on a day the person is absent.

    Every roster assignment whose day is in ``problem.absent_days(staff_id)`` (vacation,
    medical rest, leave, training or an unplanned absence) is one violation of amount 1.
    Source: D.Leg. 713; Ley 29849 (vacation); the absence record.
    """
    if not problem.rules.is_on("H6"):
        return []
    found = []
    absent = {
        staff_id: problem.absent_days(staff_id)
        for staff_id in {a.staff_id for a in roster.assignments}
    }
    for assignment in roster.assignments:
        if assignment.day not in absent[assignment.staff_id]:
            continue
        kinds = [
            ABSENCE_LABELS_ES[absence.kind]
            for absence in problem.absences
            if absence.staff_id == assignment.staff_id and absence.covers(assignment.day)
        ]
        message = f"Turno {assignment.shift} durante una ausencia ({', '.join(kinds).lower()})"
        found.append(Violation("H6", assignment.staff_id, (assignment.day,), 1.0, message))
    return sorted(found, key=lambda v: (v.staff_id, v.days))


def check_locks(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H8: every locked (hand-fixed) assignment of the month is kept.

    Each lock in ``problem.locks`` whose day lies in the month must appear in the roster
    with the same staff, day, shift and role; a missing one is a violation of amount 1.
    Locks on days outside the month are not this month's to keep. Source: DESIGN.md §3 H8.
    """
    if not problem.rules.is_on("H8"):
        return []
    present = {(a.staff_id, a.day, a.shift, a.role) for a in roster.assignments}
    found = []
    for lock in problem.locks:
        key = (lock.staff_id, lock.day, lock.shift, lock.role)
        if lock.day not in problem.days or key in present:
            continue
        message = (
            f"No se mantuvo el turno fijado {lock.shift} ({lock.role}) del {day_text(lock.day)}"
        )
        found.append(Violation("H8", lock.staff_id, (lock.day,), 1.0, message))
    return sorted(found, key=lambda v: (v.staff_id, v.days))
