"""The roster JSON document (docs/roster-json.md): everything needed to re-check a roster.

A pure function: domain objects in, a JSON-ready dict out. The layout is stable;
add keys, never rename or remove them.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from models import Assignment, Gap, PlanningProblem, Roster
from models.contracts import contract_lines
from models.report import SolveReport
from models.roster import tier_hours
from models.validator.unstaffed import unstaffed_shifts

FORMAT_VERSION = 1


def _assignment(problem: PlanningProblem, item: Assignment) -> dict[str, Any]:
    shift = problem.shifts[item.shift]
    return {
        "staff_id": item.staff_id,
        "date": item.day.isoformat(),
        "shift": item.shift,
        "role": item.role,
        "start": shift.starts_at(item.day).isoformat(),
        "end": shift.ends_at(item.day).isoformat(),
        "locked": item.locked,
    }


def _gap(gap: Gap) -> dict[str, Any]:
    return {
        "date": gap.day.isoformat(),
        "shift": gap.shift,
        "role": gap.role,
        "missing": gap.missing,
        "hours": round(gap.hours, 2),
        "reason": str(gap.reason),
        "tier": str(gap.tier),
    }


def _unstaffed(problem: PlanningProblem, roster: Roster) -> list[dict[str, Any]]:
    """Shifts with nobody on site: date, shift, the role short and the reason (the rule)."""
    return [
        {
            "date": item.day.isoformat(),
            "shift": item.shift,
            "role": item.role,
            "reason": item.reason,
        }
        for item in unstaffed_shifts(problem, roster, roster.gaps)
    ]


def _staff(problem: PlanningProblem, first: date) -> list[dict[str, Any]]:
    horizon_start = first - timedelta(days=problem.rules.history_days)
    return [
        {
            "id": person.id,
            "name": person.name,
            "primary_role": person.primary_role,
            "roles": list(person.roles),
            "weekly_hours": person.weekly_hours,
            "night_work": person.night_work,
            "working_pattern": str(person.working_pattern),
            "absences": [
                {
                    "from": a.start.isoformat(),
                    "to": a.end.isoformat(),
                    "kind": str(a.kind),
                    "child_born": a.child_born.isoformat() if a.child_born else None,
                }
                for a in problem.absences
                if a.staff_id == person.id
                and a.end >= horizon_start
                and a.start <= problem.last_day
            ],
        }
        for person in problem.staff
    ]


def _solver(report: SolveReport | None) -> dict[str, Any]:
    """The ``solver`` object: the report's status, last phase, timings, sizes, penalties."""
    if report is None:
        return dict.fromkeys(SOLVER_KEYS) | {"phases": [], "tiers": [], "penalties": {}}
    last = report.last_phase
    return {
        "name": report.solver,
        "status": report.status,
        "objective": None if last is None else last.objective,
        "bound": None if last is None else last.best_bound,
        "mip_gap": None if last is None else last.mip_gap,
        "build_seconds": report.build_seconds,
        "solve_seconds": report.solve_seconds,
        "phases": [phase.to_dict() for phase in report.phases],
        "tiers": [tier.to_dict() for tier in report.tiers],
        "unstaffed": None if report.unstaffed is None else report.unstaffed.to_dict(),
        "penalties": dict(report.penalties),
        "variables": report.variables,
        "constraints": report.constraints,
    }


SOLVER_KEYS = ("name", "status", "objective", "bound", "mip_gap", "build_seconds")
SOLVER_KEYS += ("solve_seconds", "phases", "tiers", "unstaffed", "penalties", "variables")
SOLVER_KEYS += ("constraints",)


def roster_document(
    problem: PlanningProblem, roster: Roster, report: SolveReport | None = None
) -> dict[str, Any]:
    """The JSON document of one planned month: inputs, solver report, assignments and gaps.

    Without a report (a roster edited by hand) the ``solver`` keys are there, empty.
    """
    return {
        "format": FORMAT_VERSION,
        "shelter": problem.shelter.code,
        "month": roster.month_key,
        "status": str(roster.status),
        "version": roster.version,
        "time_zone": "America/Lima",
        "solver": _solver(report),
        "staff": _staff(problem, problem.first_day),
        "shift_types": [
            {
                "code": s.code,
                "name": s.name,
                "start": s.start.strftime("%H:%M"),
                "minutes": s.minutes,
                "guard": s.is_guard,
                "break_minutes": s.break_minutes,
            }
            for s in problem.shift_types
        ],
        "holidays": [{"date": d.isoformat(), "name": n} for d, n in problem.holidays.items()],
        "extra_holidays": [d.isoformat() for d in problem.shelter.extra_holidays],
        "roles": [{"code": r.code, "name": r.name} for r in problem.roles],
        "coverage": [
            {
                "role": c.role,
                "shift": c.shift,
                "day_class": str(c.day_class),
                "min": c.minimum,
                "desired": c.desired,
                "ratio": None if c.ratio is None else asdict(c.ratio),
                "tier": str(c.tier),
            }
            for c in problem.coverage
        ],
        "demand": [
            {
                "date": d.day.isoformat(),
                "shift": d.shift,
                "role": d.role,
                "min": d.minimum,
                "desired": d.desired,
                "essential": d.essential,
                "optional": d.optional,
            }
            for d in problem.demand
        ],
        "requests": [
            {
                "staff_id": r.staff_id,
                "date": r.day.isoformat(),
                "on": r.on,
                "shift": r.shift,
                "weight": r.weight,
            }
            for r in problem.requests
            if problem.first_day <= r.day <= problem.last_day
        ],
        "assignments": [_assignment(problem, a) for a in roster.assignments],
        "history": [_assignment(problem, a) for a in problem.history_window()],
        "gaps": [_gap(g) for g in roster.gaps],
        "uncovered_hours": {
            tier: round(hours, 2) for tier, hours in tier_hours(roster.gaps).items()
        },
        "unstaffed_shifts": _unstaffed(problem, roster),
        "contracts": [line.to_dict() for line in contract_lines(problem, roster)],
        "locks": [_assignment(problem, a) for a in problem.locks],
        "reference": [_assignment(problem, a) for a in problem.reference],
        "tallies": {staff_id: asdict(t) for staff_id, t in problem.tallies.items()},
        "occupancy": None if problem.occupancy is None else asdict(problem.occupancy),
        "limits": {staff_id: asdict(limits) for staff_id, limits in problem.limits.items()},
        "horizon": {"start": problem.first_day.isoformat(), "days": len(problem.days)},
        "rules": asdict(problem.rules),
    }


def roster_json(problem: PlanningProblem, roster: Roster, report: SolveReport | None = None) -> str:
    """``roster_document`` as indented UTF-8 JSON text."""
    return json.dumps(roster_document(problem, roster, report), ensure_ascii=False, indent=2)
