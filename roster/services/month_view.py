"""The coordinator's month page in one call: days, people, cells, coverage, findings, versions.

Kept apart from ``editing`` (which changes a month) so each file reads in one sitting.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy.orm import Session

from exports.gaps_labels import REASONS_ES, STATUS_ES
from models import Gap, PlanningProblem, Roster, RosterStatus, ShiftType
from roster.services.editing import (
    Finding,
    Token,
    check_roster,
    findings_of,
    merged_gaps,
    token_of,
)
from roster.services.errors import NotFound
from roster.services.lookup import shelter_row
from roster.services.planning import planning_problem
from roster.services.rosters import (
    RosterVersion,
    get_roster,
    get_solve_report,
    latest_row,
    list_roster_versions,
)

NOT_PLANNED = "Aún no hay rol para este mes"
PROVISIONAL_LABEL = "Provisional: el optimizador sigue mejorándolo"


@dataclass(frozen=True)
class DayColumn:
    """A day of the month: weekday (0 is Monday), weekend, and the feriado's name if any."""

    day: date
    weekday: int
    weekend: bool
    feriado: str | None


@dataclass(frozen=True)
class PersonLine:
    """A person's row: who she is, her month's contract target and what the roster gives her."""

    code: str
    name: str
    primary_role: str
    roles: tuple[str, ...]
    target_hours: float
    worked_hours: float
    nights: int
    weekend_days: int


@dataclass(frozen=True)
class Cell:
    """What a person works on a day: shift and role codes, lock and where it came from."""

    shift: str
    role: str
    locked: bool
    source: str


@dataclass(frozen=True)
class CoverageCell:
    """One role on one shift of one day: the minimum, who is assigned, and the gap's reason."""

    needed: int
    assigned: int
    missing: int
    reason: str | None = None
    reason_label: str | None = None


@dataclass(frozen=True)
class CoverageLine:
    """A coverage row: one role on one shift, by day (days without demand are absent)."""

    role: str
    role_name: str
    shift: str
    cells: dict[date, CoverageCell]


@dataclass(frozen=True)
class SolveSummary:
    """What the stored solve report says: its status in Spanish, seconds, cancelled or not."""

    status: str
    status_label: str
    seconds: float | None
    cancelled: bool
    provisional: bool = False  # phase 1's roster, stored while the solve goes on


@dataclass
class MonthView:
    """Everything the month page shows, for the version asked for (the newest by default)."""

    shelter_code: str
    shelter_name: str
    year: int
    month: int
    days: list[DayColumn]
    people: list[PersonLine]
    cells: dict[tuple[str, date], Cell]
    absences: dict[tuple[str, date], str]  # (person, day) -> absence kind, e.g. "vacation"
    coverage: list[CoverageLine]
    findings: list[Finding]
    flagged: dict[tuple[str, date], list[Finding]]
    versions: list[RosterVersion]
    shifts: list[ShiftType]
    roles: dict[str, str]  # code -> Spanish name
    version: int | None  # the version shown; None when the month has none yet
    status: RosterStatus | None
    token: Token  # the newest version's, which edits must name
    latest: bool  # the shown version is the newest one (the one edits change)
    solve: SolveSummary | None
    breastfeeding: set[tuple[str, date]] = field(default_factory=set)  # (person, day) of her hour

    @property
    def gap_count(self) -> int:
        """People missing below the minimum, over the whole month."""
        return sum(c.missing for line in self.coverage for c in line.cells.values())

    @property
    def publishable(self) -> bool:
        """The shown version is the newest draft and breaks no hard rule."""
        return self.latest and self.status == RosterStatus.DRAFT and not self.findings


def _days(problem: PlanningProblem) -> list[DayColumn]:
    holidays = problem.holidays
    return [DayColumn(d, d.weekday(), d.weekday() >= 5, holidays.get(d)) for d in problem.days]


def _people(problem: PlanningProblem, roster: Roster) -> list[PersonLine]:
    threshold = problem.rules.night_shift_threshold_minutes
    shifts = problem.shifts
    month = set(problem.days)
    lines = []
    for person in problem.staff:
        mine = [a for a in roster.assignments if a.staff_id == person.id and a.day in month]
        known = [a for a in mine if a.shift in shifts]
        lines.append(
            PersonLine(
                person.id,
                person.name,
                person.primary_role,
                person.roles,
                round(problem.contract_target_minutes(person) / 60, 1),
                round(sum(shifts[a.shift].minutes for a in known) / 60, 1),
                sum(shifts[a.shift].is_night(threshold) for a in known),
                len({a.day for a in mine if a.day.weekday() >= 5}),
            )
        )
    return lines


def _breastfeeding(problem: PlanningProblem) -> set[tuple[str, date]]:
    """The days of the month each person's working day is an hour shorter (Ley 27240)."""
    month = set(problem.days)
    return {
        (person.id, day)
        for person in problem.staff
        for day in problem.shortened_days(person.id) & month
    }


def _absences(problem: PlanningProblem) -> dict[tuple[str, date], str]:
    return {
        (absence.staff_id, day): str(absence.kind)
        for absence in problem.absences
        for day in problem.days
        if absence.covers(day)
    }


def _coverage(
    problem: PlanningProblem, roster: Roster, gaps: list[Gap], planned: bool
) -> list[CoverageLine]:
    """One line per (role, shift) with demand this month, in the roles' and shifts' order."""
    counts = Counter((a.day, a.shift, a.role) for a in roster.assignments)
    by_key = {(g.day, g.shift, g.role): g for g in gaps}
    needs: dict[tuple[str, str], dict[date, CoverageCell]] = {}
    for need in problem.demand:
        key = (need.day, need.shift, need.role)
        cell = CoverageCell(need.minimum, counts[key], 0)
        gap = by_key.get(key)
        if gap is not None:
            label = REASONS_ES.get(str(gap.reason), str(gap.reason)) if planned else NOT_PLANNED
            cell = replace(cell, missing=gap.missing, reason=str(gap.reason), reason_label=label)
        needs.setdefault((need.role, need.shift), {})[need.day] = cell
    names = {role.code: role.name for role in problem.roles}
    order = {role.code: i for i, role in enumerate(problem.roles)}
    shift_order = {shift.code: i for i, shift in enumerate(problem.shift_types)}
    keys = sorted(needs, key=lambda k: (order.get(k[0], 99), shift_order.get(k[1], 99)))
    return [
        CoverageLine(role, names.get(role, role), shift, needs[(role, shift)])
        for role, shift in keys
    ]


def _summary(
    session: Session, shelter_code: str, year: int, month: int, version: int
) -> SolveSummary | None:
    text = get_solve_report(session, shelter_code, year, month, version)
    if not text:
        return None
    report = json.loads(text)
    status = str(report.get("status", ""))
    seconds = report.get("solve_seconds")
    return SolveSummary(
        status,
        PROVISIONAL_LABEL if report.get("provisional") else STATUS_ES.get(status, status),
        None if seconds is None else float(seconds),
        bool(report.get("cancelled")),
        bool(report.get("provisional")),
    )


def _flagged(findings: list[Finding]) -> dict[tuple[str, date], list[Finding]]:
    flagged: dict[tuple[str, date], list[Finding]] = {}
    for finding in findings:
        for day in finding.days:
            flagged.setdefault((finding.staff_id, day), []).append(finding)
    return flagged


def month_view(
    session: Session, shelter_code: str, year: int, month: int, version: int | None = None
) -> MonthView:
    """The month page's data for one version (the newest by default); ``NotFound`` if missing."""
    newest = latest_row(session, shelter_row(session, shelter_code), year, month)
    stored = get_roster(session, shelter_code, year, month, version=version)
    if version is not None and stored is None:
        raise NotFound(f"No existe la versión {version} del rol {month:02d}/{year}.")
    problem = planning_problem(session, shelter_code, year, month)
    roster = stored or Roster(shelter_code, year, month, version=0)
    report = check_roster(problem, roster)
    gaps = merged_gaps(report.gaps, roster.gaps)
    findings = findings_of(problem, report)
    shown = None if stored is None else stored.version
    return MonthView(
        shelter_code=shelter_code,
        shelter_name=problem.shelter.name,
        year=year,
        month=month,
        days=_days(problem),
        people=_people(problem, roster),
        cells={
            (a.staff_id, a.day): Cell(a.shift, a.role, a.locked, str(a.source))
            for a in roster.assignments
        },
        absences=_absences(problem),
        coverage=_coverage(problem, roster, gaps, stored is not None),
        findings=findings,
        flagged=_flagged(findings),
        versions=list_roster_versions(session, shelter_code, year, month),
        shifts=list(problem.shift_types),
        roles={role.code: role.name for role in problem.roles},
        version=shown,
        status=None if stored is None else stored.status,
        token=token_of(newest),
        latest=newest is None or shown == newest.version,
        solve=None if shown is None else _summary(session, shelter_code, year, month, shown),
        breastfeeding=_breastfeeding(problem),
    )
