"""A small shelter with a published month, for the repair, candidate and swap tests."""

from __future__ import annotations

from datetime import date

from roster_factories import ROLES, shifts

from models import (
    Absence,
    AbsenceKind,
    Assignment,
    CoverageRule,
    DayClass,
    NetworkData,
    Roster,
    RuleSet,
    Shelter,
    ShelterData,
    StaffMember,
)
from optimizer import SolverSettings
from roster import services
from roster.storage import UserRow, session_scope

CODE, YEAR, MONTH = "HRT-R1", 2026, 3
SICK_FROM, SICK_TO = date(2026, 3, 10), date(2026, 3, 16)
QUICK = SolverSettings(time_limit_phase1=5, time_limit_phase2=3)
PEOPLE = ("Ana", "Bety", "Carla", "Dina", "Elsa", "Flor", "Gina", "Hilda", "Iris")


def shelter_data() -> ShelterData:
    """Nine carers (one also a psychologist) covering M, T and N every day."""
    staff = [
        StaffMember(f"C{i + 1}", CODE, f"{name} Quispe", "CUI", ("CUI",))
        for i, name in enumerate(PEOPLE)
    ]
    staff[-1] = StaffMember("C9", CODE, "Iris Quispe", "PSI", ("PSI", "CUI"))
    coverage = [
        CoverageRule("CUI", shift, klass, 1, 2)
        for shift in ("M", "T", "N")
        for klass in (DayClass.WEEKDAY, DayClass.SATURDAY, DayClass.SUNDAY, DayClass.HOLIDAY)
    ]
    return ShelterData(
        shelter=Shelter(CODE, "Hogar de reparación", "Lima", "Lima", capacity=20),
        posts=[],
        staff=staff,
        shift_types=shifts(),
        coverage=coverage,
        rules=RuleSet(),
    )


def load(url: str) -> None:
    """The shelter and a coordinator account (id 1)."""
    with session_scope(url) as session:
        services.load_network(session, NetworkData(roles=list(ROLES), shelters=[shelter_data()]))
        session.add(UserRow(email="coord@ejemplo.pe", password_hash="-", role="coordinator"))


def publish(url: str, assignments: list[Assignment]) -> Roster:
    """Store ``assignments`` as the month's roster and publish it."""
    with session_scope(url) as session:
        services.save_roster(session, Roster(CODE, YEAR, MONTH, assignments))
        return services.publish_roster(session, CODE, YEAR, MONTH)


def sick(url: str, staff_id: str, first: date = SICK_FROM, last: date = SICK_TO) -> Absence:
    """Record an unplanned absence."""
    absence = Absence(staff_id, AbsenceKind.UNPLANNED, first, last)
    with session_scope(url) as session:
        services.add_absence(session, CODE, absence)
    return absence
