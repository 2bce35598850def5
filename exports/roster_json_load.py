"""Read a roster JSON document back into domain objects, so anyone can re-check it."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, time
from typing import Any

from models import (
    Absence,
    AbsenceKind,
    Assignment,
    CoverageRule,
    DayClass,
    Demand,
    FairnessTally,
    Gap,
    PlanningProblem,
    Request,
    Role,
    Roster,
    RosterStatus,
    RuleSet,
    Shelter,
    ShiftType,
    StaffMember,
    Tier,
    WorkLimits,
)
from models.occupancy import Occupancy
from models.people import WorkingPattern


def _day(text: str | None) -> date | None:
    """An ISO date, or None."""
    return None if text is None else date.fromisoformat(text)


def _assignments(items: list[dict[str, Any]]) -> list[Assignment]:
    return [
        Assignment(a["staff_id"], date.fromisoformat(a["date"]), a["shift"], a["role"], a["locked"])
        for a in items
    ]


def _staff(doc: dict[str, Any]) -> tuple[list[StaffMember], list[Absence]]:
    staff: list[StaffMember] = []
    absences: list[Absence] = []
    for item in doc["staff"]:
        staff.append(
            StaffMember(
                id=item["id"],
                shelter_code=doc["shelter"],
                name=item["name"],
                primary_role=item["primary_role"],
                roles=tuple(item["roles"]),
                weekly_hours=item["weekly_hours"],
                night_work=item["night_work"],
                working_pattern=WorkingPattern(item.get("working_pattern", "rotating")),
            )
        )
        absences.extend(
            Absence(
                item["id"],
                AbsenceKind(a["kind"]),
                date.fromisoformat(a["from"]),
                date.fromisoformat(a["to"]),
                child_born=_day(a.get("child_born")),
            )
            for a in item["absences"]
        )
    return staff, absences


def _horizon(doc: dict[str, Any], year: int, month: int) -> dict[str, Any]:
    """``start`` and ``horizon_days`` when the document plans other days than its month."""
    horizon = doc.get("horizon")
    if not horizon:
        return {}
    start, days = date.fromisoformat(horizon["start"]), int(horizon["days"])
    if start == date(year, month, 1) and days == monthrange(year, month)[1]:
        return {}
    return {"start": start, "horizon_days": days}


def load_document(doc: dict[str, Any]) -> tuple[PlanningProblem, Roster]:
    """The planning problem and roster a ``roster_document`` describes."""
    year, month = (int(part) for part in doc["month"].split("-"))
    shelter = Shelter(
        code=doc["shelter"],
        name=doc["shelter"],
        department="",
        province="",
        extra_holidays=tuple(date.fromisoformat(d) for d in doc.get("extra_holidays", [])),
    )
    staff, absences = _staff(doc)
    problem = PlanningProblem(
        shelter=shelter,
        year=year,
        month=month,
        roles=[Role(r["code"], r["name"]) for r in doc["roles"]],
        staff=staff,
        shift_types=[
            ShiftType(
                s["code"],
                s["name"],
                time.fromisoformat(s["start"]),
                s["minutes"],
                s["guard"],
                s.get("break_minutes", 0),
            )
            for s in doc["shift_types"]
        ],
        coverage=[
            CoverageRule(
                c["role"],
                c["shift"],
                DayClass(c["day_class"]),
                c["min"],
                c["desired"],
                Tier(c.get("tier", Tier.NORMAL)),
                c.get("ratio"),
            )
            for c in doc["coverage"]
        ],
        absences=absences,
        requests=[
            Request(r["staff_id"], date.fromisoformat(r["date"]), r["on"], r["shift"], r["weight"])
            for r in doc["requests"]
        ],
        rules=RuleSet.from_dict(doc["rules"]),
        history=_assignments(doc["history"]),
        locks=_assignments(doc.get("locks", [])),
        reference=_assignments(doc.get("reference", [])),
        tallies={k: FairnessTally(**v) for k, v in doc.get("tallies", {}).items()},
        occupancy=Occupancy(**doc["occupancy"]) if doc.get("occupancy") else None,
        limits={k: WorkLimits(**v) for k, v in doc.get("limits", {}).items()},
        explicit_demand=[
            Demand(
                date.fromisoformat(d["date"]),
                d["shift"],
                d["role"],
                d["min"],
                d["desired"],
                d.get("essential", 0),
                d.get("optional", 0),
            )
            for d in doc["demand"]
        ],
        **_horizon(doc, year, month),
    )
    roster = Roster(
        shelter_code=doc["shelter"],
        year=year,
        month=month,
        assignments=_assignments(doc["assignments"]),
        gaps=[
            Gap(
                date.fromisoformat(g["date"]),
                g["shift"],
                g["role"],
                g["missing"],
                round(g["hours"] * 60 / g["missing"]) if g["missing"] else 0,
                g["reason"],
                g.get("tier", Tier.NORMAL),
            )
            for g in doc["gaps"]
        ],
        status=RosterStatus(doc["status"]),
        version=doc.get("version", 1),
    )
    return problem, roster
