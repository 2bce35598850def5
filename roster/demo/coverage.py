"""Demo roles, shift types and the default coverage of a 25-30 place shelter (DOMAIN.md).

Coverage, as minimum/desired people per shift, and its tier (DOMAIN.md):

- CUI caregiver: 1 awake on every shift, 24/7 (essential: the floor); a second one desired
  from 07:00 to 23:00 (M and T, or D), a normal-tier layer of minimum 0: as a minimum it
  would raise the caregivers' monthly minimum from 720 to 1,200 hours and turn every covered
  demo shelter into a gap shelter (the catalogue's profiles are sized on the 24/7 floor);
- EDU educator: 1 on the day shift (M), Monday to Friday (normal);
- PSI psychologist: 1 on M, Monday to Saturday (normal);
- TSO social worker and COO coordinator: 1 on M, Monday to Friday (normal);
- TAL workshop instructor (M, Monday to Friday) and ENF nurse (M, every day): 1 where the
  shelter has one (optional).

The AOP operational assistant has no demand of her own: she backs up the caregivers and the
educator (and does the day's administration, her own role, which no minimum asks for), so any
shift she fills is ordinary cover of those roles (DOMAIN.md; docs/gaps.md §1).

Public holidays follow the Sunday pattern. Twelve-hour shelters run D 07-19 and N 19-07 for the
caregivers and keep an 8-hour M 07-15 for the professionals' day work. D and N carry an unpaid
45-minute meal break (refrigerio): at least 45 minutes within a continuous working day, taken
during the shift, not at its start or end, and not part of the working time (D.S. 007-2002-TR
art. 7; D.S. 008-2002-TR arts. 14-15; SUNAFIL TFL Res. 024-2024-SUNAFIL/TFL, a binding
precedent: it cannot be waived). So a 12-hour shift is 11.25 worked hours for the weekly cap
(H5) and the contract (S3), while coverage counts the 12 hours on site. The 8-hour shifts keep
none (a setting per shift type: the law leaves the break's length above 45 minutes and its
time to the employer).

Working patterns (H12) follow the cover each person gives (``demo_pattern``): the roles whose
coverage is day shifts only, Monday to Friday (COO, TSO, EDU, TAL) or Monday to Saturday (PSI),
work "lunes a viernes" or "lunes a sábado" day shifts; anyone who also covers the 24/7 rota
(caregivers, the assistant, an educator qualified as caregiver) or a role needed every day
(the nurse) works "rotativo". A Monday-to-Friday day contract is 5 x 8 = 40 hours a week
(the 8-hour day, D.S. 007-2002-TR art. 1), Monday to Saturday 48.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time

from models.coverage import CoverageRule, DayClass, Tier
from models.people import Role, WorkingPattern
from models.shifts import ShiftType, standard_shifts

DEMO_ROLES: tuple[Role, ...] = (
    Role("COO", "Coordinadora", "Coordinator"),
    Role("PSI", "Psicóloga", "Psychologist"),
    Role("TSO", "Trabajadora social", "Social worker"),
    Role("EDU", "Educadora", "Educator"),
    Role("CUI", "Cuidadora", "Caregiver"),
    Role("AOP", "Asistente operativa", "Operational assistant"),
    Role("TAL", "Tallerista", "Workshop instructor"),
    Role("ENF", "Enfermera / técnica de enfermería", "Nurse / nursing technician"),
)
ROLE_CODES = frozenset(role.code for role in DEMO_ROLES)

EVERY_DAY = (DayClass.WEEKDAY, DayClass.SATURDAY, DayClass.SUNDAY)
MONDAY_TO_FRIDAY = (DayClass.WEEKDAY,)
MONDAY_TO_SATURDAY = (DayClass.WEEKDAY, DayClass.SATURDAY)


MEAL_BREAK_MINUTES = 45  # refrigerio, the legal least (module docstring)

# Roles whose cover is day shifts (M) on these days only; every other role works the rota.
DAY_PATTERNS = {
    "COO": WorkingPattern.WEEKDAYS_DAY,
    "TSO": WorkingPattern.WEEKDAYS_DAY,
    "EDU": WorkingPattern.WEEKDAYS_DAY,
    "TAL": WorkingPattern.WEEKDAYS_DAY,
    "PSI": WorkingPattern.MON_SAT_DAY,
}
PATTERN_WEEK_HOURS = {WorkingPattern.WEEKDAYS_DAY: 40.0, WorkingPattern.MON_SAT_DAY: 48.0}


def demo_pattern(roles: Iterable[str]) -> WorkingPattern:
    """The narrowest pattern that lets a person give every cover her roles are needed for."""
    patterns = {DAY_PATTERNS.get(role, WorkingPattern.ROTATING) for role in roles}
    if WorkingPattern.ROTATING in patterns:
        return WorkingPattern.ROTATING
    if WorkingPattern.MON_SAT_DAY in patterns:
        return WorkingPattern.MON_SAT_DAY
    return WorkingPattern.WEEKDAYS_DAY


def twelve_hour_shifts() -> list[ShiftType]:
    """D 07-19 and N 19-07 for the caregivers, each with its unpaid meal break, plus M 07-15
    for the professionals."""
    return [
        ShiftType("D", "Día", time(7, 0), 720, break_minutes=MEAL_BREAK_MINUTES),
        ShiftType("N", "Noche", time(19, 0), 720, break_minutes=MEAL_BREAK_MINUTES),
        ShiftType("M", "Mañana (equipo profesional)", time(7, 0), 480),
    ]


def demo_shift_types(twelve_hour: bool) -> list[ShiftType]:
    """The shelter's shift types: the standard three 8-hour shifts or the 12-hour set."""
    return twelve_hour_shifts() if twelve_hour else standard_shifts()


def _rules(
    role: str,
    shift: str,
    classes: Iterable[DayClass],
    minimum: int,
    desired: int,
    tier: Tier = Tier.NORMAL,
) -> list[CoverageRule]:
    return [CoverageRule(role, shift, klass, minimum, desired, tier) for klass in classes]


def _with_holidays(rules: list[CoverageRule]) -> list[CoverageRule]:
    """Add a HOLIDAY copy of every Sunday rule: feriados follow the Sunday pattern."""
    holidays = [
        CoverageRule(rule.role, rule.shift, DayClass.HOLIDAY, rule.minimum, rule.desired, rule.tier)
        for rule in rules
        if rule.day_class is DayClass.SUNDAY
    ]
    return rules + holidays


def demo_coverage(twelve_hour: bool, roles_on_staff: Iterable[str]) -> list[CoverageRule]:
    """The default coverage rules for every day class (see the module docstring)."""
    caregiver_shifts = ("D", "N") if twelve_hour else ("M", "T", "N")
    rules: list[CoverageRule] = []
    for shift in caregiver_shifts:
        rules += _rules("CUI", shift, EVERY_DAY, 1, 1, Tier.ESSENTIAL)
        if shift != "N":  # the second carer, 07:00-23:00: desired (module docstring)
            rules += _rules("CUI", shift, EVERY_DAY, 0, 1)
    rules += _rules("EDU", "M", MONDAY_TO_FRIDAY, 1, 1)
    rules += _rules("PSI", "M", MONDAY_TO_SATURDAY, 1, 1)
    rules += _rules("TSO", "M", MONDAY_TO_FRIDAY, 1, 1)
    rules += _rules("COO", "M", MONDAY_TO_FRIDAY, 1, 1)
    present = set(roles_on_staff)
    if "TAL" in present:
        rules += _rules("TAL", "M", MONDAY_TO_FRIDAY, 1, 1, Tier.OPTIONAL)
    if "ENF" in present:
        rules += _rules("ENF", "M", EVERY_DAY, 1, 1, Tier.OPTIONAL)
    return _with_holidays(rules)
