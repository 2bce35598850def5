"""Tiny hand-made networks for the roster tests."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from models import (
    Absence,
    AbsenceKind,
    CoverageRule,
    DayClass,
    NetworkData,
    Post,
    PostStatus,
    Request,
    Role,
    RuleSet,
    Shelter,
    ShelterData,
    ShiftType,
    StaffMember,
)

ROLES = [
    Role("CUI", "Cuidadora", "Caregiver"),
    Role("PSI", "Psicóloga", "Psychologist"),
    Role("COO", "Coordinadora", "Coordinator"),
]


def shifts() -> list[ShiftType]:
    """Three 8-hour shifts: M 07-15, T 15-23, N 23-07."""
    return [
        ShiftType("M", "Mañana", time(7), 480),
        ShiftType("T", "Tarde", time(15), 480),
        ShiftType("N", "Noche", time(23), 480),
    ]


def shelter_data(code: str = "HRT-T1") -> ShelterData:
    """One small shelter: two posts, three people, three shifts, coverage, an absence, a wish."""
    return ShelterData(
        shelter=Shelter(
            code,
            f"Hogar {code}",
            "Lima",
            "Cañete",
            capacity=24,
            women=10,
            children=8,
            extra_holidays=(date(2026, 1, 2),),
        ),
        posts=[
            Post("P1", code, "CUI", monthly_cost=Decimal("2500.00"), status=PostStatus.FILLED),
            Post("P2", code, "PSI", weekly_hours=40, monthly_cost=Decimal("3800.50")),
        ],
        staff=[
            StaffMember("S1", code, "Ana Quispe", "CUI", ("CUI",), post_ids=("P1",)),
            StaffMember(
                "S2",
                code,
                "Rosa Huamán",
                "PSI",
                ("PSI", "COO"),
                weekly_hours=40,
                night_work=False,
                post_ids=("P2",),
            ),
            StaffMember("S3", code, "Lucía Mamani", "CUI", ("CUI", "COO")),
        ],
        shift_types=shifts(),
        coverage=[
            CoverageRule("CUI", "M", DayClass.WEEKDAY, 1, 2),
            CoverageRule("CUI", "N", DayClass.SUNDAY, 1, 1),
            CoverageRule("PSI", "M", DayClass.WEEKDAY, 1, 1),
        ],
        absences=[Absence("S1", AbsenceKind.VACATION, date(2026, 3, 2), date(2026, 3, 8))],
        requests=[
            Request("S2", date(2026, 3, 10), on=False, weight=2),
            Request("S3", date(2026, 3, 11), on=True, shift="N"),
        ],
        rules=RuleSet(min_rest_hours=11.0, max_consecutive_nights=2, extra={"note": "prueba"}),
    )


def network(*codes: str) -> NetworkData:
    """A network with the three roles and one small shelter per code."""
    return NetworkData(roles=list(ROLES), shelters=[shelter_data(c) for c in codes or ("HRT-T1",)])


EXAMPLE_ROLES = [
    *ROLES,
    Role("TSO", "Trabajadora social", "Social worker"),
    Role("EDU", "Educadora", "Educator"),
    Role("AOP", "Asistente operativa", "Operational assistant"),
]


def example_network(code: str = "HRT-A") -> NetworkData:
    """One small shelter and every role the files in docs/examples name."""
    return NetworkData(roles=list(EXAMPLE_ROLES), shelters=[shelter_data(code)])
