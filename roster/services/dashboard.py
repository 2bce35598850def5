"""The network dashboard: one line per shelter with its month's roster, coverage and people.

Read in a handful of queries whatever the number of shelters (the page's target is
under 200 ms for the 22 of the network; docs/benchmarks.md). Coverage is that of the
month's official roster (the newest published version), else of its newest draft, with
the same definition as the gap report (docs/gaps.md §2): the share of the minimum
demand's hours covered. Uncovered hours are split by role and by priority tier
(essential, normal, optional: DOMAIN.md), read from the stored gaps in one query.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.calendar import PeruCalendar, month_days
from models.coverage import TIERS, day_class
from roster.services.staff import active_staff_counts
from roster.storage import (
    CoverageRuleRow,
    GapRow,
    PostRow,
    RoleRow,
    RosterRow,
    ShelterRow,
    ShiftTypeRow,
)

NONE, DRAFT, PUBLISHED = "none", "draft", "published"
SORT_KEYS = (
    "code",
    "name",
    "department",
    "status",
    "coverage",
    "uncovered",
    *(str(tier) for tier in TIERS),  # uncovered hours of one tier
    "people",
    "vacancies",
)


@dataclass(frozen=True)
class DashboardLine:
    """A shelter's month at a glance; coverage and gaps are None when it has no roster."""

    code: str
    name: str
    department: str
    status: str  # none, draft, published
    version: int | None  # the version whose figures are shown
    newer_draft: bool  # a draft newer than the published version is being prepared
    demand_hours: float
    uncovered_hours: float | None
    uncovered_by_role: dict[str, float] = field(default_factory=dict)
    uncovered_by_tier: dict[str, float] = field(default_factory=dict)  # every tier, 0 if none
    people: int = 0
    vacancies: int = 0

    @property
    def coverage_pct(self) -> float | None:
        """Share of the minimum demand's hours covered, in %."""
        if self.uncovered_hours is None:
            return None
        if self.demand_hours <= 0:
            return 100.0
        return 100 * (1 - self.uncovered_hours / self.demand_hours)


def _shown_rosters(session: Session, year: int, month: int) -> dict[int, tuple[RosterRow, bool]]:
    """Per shelter id: the version to show (published first) and whether a newer draft exists."""
    rows = session.scalars(
        select(RosterRow)
        .where(RosterRow.year == year, RosterRow.month == month)
        .order_by(RosterRow.shelter_id, RosterRow.version)
    )
    versions: dict[int, list[RosterRow]] = defaultdict(list)
    for row in rows:
        versions[row.shelter_id].append(row)
    shown = {}
    for shelter_id, found in versions.items():
        published = [row for row in found if row.status == PUBLISHED]
        chosen = published[-1] if published else found[-1]
        shown[shelter_id] = (chosen, found[-1].version > chosen.version)
    return shown


def _no_gap() -> tuple[dict[str, float], dict[str, float]]:
    """A roster's uncovered hours when it has no gap: no role, every tier at 0."""
    return {}, dict.fromkeys((str(tier) for tier in TIERS), 0.0)


def _uncovered(
    session: Session, roster_ids: list[int]
) -> dict[int, tuple[dict[str, float], dict[str, float]]]:
    """Per roster id: uncovered minimum demand in hours by role code, and by tier."""
    query = (
        select(
            GapRow.roster_id,
            RoleRow.code,
            GapRow.tier,
            func.sum(GapRow.missing * GapRow.minutes),
        )
        .join(RoleRow, RoleRow.id == GapRow.role_id)
        .where(GapRow.roster_id.in_(roster_ids))
        .group_by(GapRow.roster_id, RoleRow.code, GapRow.tier)
    )
    found: dict[int, tuple[dict[str, float], dict[str, float]]] = {}
    for roster_id, role, tier, minutes in session.execute(query):
        by_role, by_tier = found.setdefault(roster_id, _no_gap())
        hours = (minutes or 0) / 60
        by_role[role] = by_role.get(role, 0.0) + hours
        by_tier[tier] = by_tier.get(tier, 0.0) + hours
    return found


def _demand_hours(
    session: Session, shelters: list[ShelterRow], year: int, month: int
) -> dict[int, float]:
    """Per shelter id: the month's minimum demand in person-hours, from its coverage rules."""
    query = (
        select(
            CoverageRuleRow.shelter_id,
            CoverageRuleRow.day_class,
            CoverageRuleRow.minimum,
            ShiftTypeRow.minutes,
        )
        .join(ShiftTypeRow, ShiftTypeRow.id == CoverageRuleRow.shift_type_id)
        .join(RoleRow, RoleRow.id == CoverageRuleRow.role_id)
        .where(ShiftTypeRow.active.is_(True), RoleRow.active.is_(True))
    )
    per_class: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for shelter_id, klass, minimum, minutes in session.execute(query):
        per_class[shelter_id][klass] += minimum * minutes / 60
    days = month_days(year, month)
    demand = {}
    for shelter in shelters:
        holidays = PeruCalendar(h.day for h in shelter.holidays).holidays_in(days[0], days[-1])
        classes = Counter(str(day_class(day, day in holidays)) for day in days)
        hours = per_class.get(shelter.id, {})
        demand[shelter.id] = sum(hours.get(klass, 0.0) * count for klass, count in classes.items())
    return demand


def _vacancies(session: Session) -> dict[int, int]:
    query = (
        select(PostRow.shelter_id, func.count(PostRow.id))
        .where(PostRow.active.is_(True), PostRow.status == "vacant")
        .group_by(PostRow.shelter_id)
    )
    return {shelter_id: count for shelter_id, count in session.execute(query)}


def network_dashboard(session: Session, year: int, month: int) -> list[DashboardLine]:
    """Every active shelter's month: roster status, coverage, uncovered hours by role and
    tier, people, vacancies."""
    shelters = list(
        session.scalars(
            select(ShelterRow).where(ShelterRow.active.is_(True)).order_by(ShelterRow.code)
        )
    )
    shown = _shown_rosters(session, year, month)
    uncovered = _uncovered(session, [row.id for row, _ in shown.values()])
    demand = _demand_hours(session, shelters, year, month)
    people, vacancies = active_staff_counts(session), _vacancies(session)
    lines = []
    for shelter in shelters:
        roster, newer = shown.get(shelter.id, (None, False))
        by_role, by_tier = ({}, {}) if roster is None else uncovered.get(roster.id, _no_gap())
        lines.append(
            DashboardLine(
                code=shelter.code,
                name=shelter.name,
                department=shelter.department,
                status=NONE if roster is None else roster.status,
                version=None if roster is None else roster.version,
                newer_draft=newer,
                demand_hours=demand.get(shelter.id, 0.0),
                uncovered_hours=None if roster is None else sum(by_role.values()),
                uncovered_by_role=dict(sorted(by_role.items(), key=lambda kv: (-kv[1], kv[0]))),
                uncovered_by_tier=by_tier,
                people=people.get(shelter.code, 0),
                vacancies=vacancies.get(shelter.id, 0),
            )
        )
    return lines


def _sort_value(line: DashboardLine, key: str) -> Any:
    """The line's value for ``key``; None for a figure a shelter without a roster lacks."""
    values: dict[str, Any] = {
        "code": line.code,
        "name": line.name.casefold(),
        "department": line.department.casefold(),
        "status": (NONE, DRAFT, PUBLISHED).index(line.status),
        "coverage": line.coverage_pct,
        "uncovered": line.uncovered_hours,
        **{str(tier): line.uncovered_by_tier.get(str(tier)) for tier in TIERS},
        "people": line.people,
        "vacancies": line.vacancies,
    }
    return values[key]


def sort_lines(lines: list[DashboardLine], key: str, descending: bool) -> list[DashboardLine]:
    """The lines sorted by one of ``SORT_KEYS`` (ties by code); no roster stays last."""
    if key not in SORT_KEYS:
        key = "code"
    ordered = sorted(lines, key=lambda line: line.code)
    present = [line for line in ordered if _sort_value(line, key) is not None]
    absent = [line for line in ordered if _sort_value(line, key) is None]
    present.sort(key=lambda line: _sort_value(line, key), reverse=descending)
    return present + absent
