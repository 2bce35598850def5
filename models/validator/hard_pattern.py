"""Hard rule H12: each person works only the days and shifts her contract's pattern allows."""

from __future__ import annotations

from models.people import PATTERN_LABELS_ES
from models.problem import PlanningProblem
from models.roster import Roster
from models.validator.report import Violation
from models.validator.wording import day_text


def check_working_pattern(problem: PlanningProblem, roster: Roster) -> list[Violation]:
    """H12: no shift outside the person's working pattern (models.people.WorkingPattern).

    Each roster assignment of a known person and shift is checked: "rotating" allows
    everything; "nights" only shifts that ``is_night(rules.night_shift_threshold_
    minutes)``; "weekdays_day" (Monday to Friday) and "mon_sat_day" (Monday to Saturday)
    only shifts that are not nights, on those weekdays, on a day not in
    ``problem.holidays``. Each breach is one violation of amount 1. Source: the person's
    contract or post (DESIGN.md §2, plaza).
    """
    if not problem.rules.is_on("H12"):
        return []
    threshold = problem.rules.night_shift_threshold_minutes
    found = []
    for assignment in roster.assignments:
        person = problem.staff_by_id.get(assignment.staff_id)
        shift = problem.shifts.get(assignment.shift)
        if person is None or shift is None:
            continue  # H1 reports them
        night = shift.is_night(threshold)
        feriado = assignment.day in problem.holidays
        if not person.working_pattern.allows(assignment.day, night, feriado):
            label = PATTERN_LABELS_ES[person.working_pattern]
            message = (
                f"Turno {assignment.shift} del {day_text(assignment.day)} fuera de su patrón "
                f"de trabajo ({label})"
            )
            found.append(Violation("H12", person.id, (assignment.day,), 1.0, message))
    return sorted(found, key=lambda v: (v.staff_id, v.days))
