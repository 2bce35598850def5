"""Roles, posts, staff members, their absences and their requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True)
class Role:
    """A function in a shelter (cuidadora, psicóloga...). Roles are data, not code."""

    code: str
    name: str
    name_en: str = ""

    def __post_init__(self) -> None:
        if not self.code.isalnum():
            raise ValueError(f"role code {self.code!r}: use letters and digits only")


class WorkingPattern(StrEnum):
    """When a contract lets a person work (H12): which days and which kind of shift.

    A day shift is any shift that is not a night (``ShiftType.is_night``); the weekday
    patterns leave feriados free, as a Monday-to-Friday office contract does.
    """

    ROTATING = "rotating"  # any day, any shift: the 24/7 rota
    WEEKDAYS_DAY = "weekdays_day"  # Monday to Friday, day shifts, no feriados
    MON_SAT_DAY = "mon_sat_day"  # Monday to Saturday, day shifts, no feriados
    NIGHTS = "nights"  # night shifts only, any day

    def allows(self, day: date, night: bool, feriado: bool) -> bool:
        """Whether a shift (a night or not) starting on ``day`` fits the pattern."""
        if self is WorkingPattern.ROTATING:
            return True
        if self is WorkingPattern.NIGHTS:
            return night
        last_weekday = 4 if self is WorkingPattern.WEEKDAYS_DAY else 5
        return not night and not feriado and day.weekday() <= last_weekday


PATTERN_LABELS_ES = {
    WorkingPattern.ROTATING: "Rotativo 24/7",
    WorkingPattern.WEEKDAYS_DAY: "Lunes a viernes, turnos de día",
    WorkingPattern.MON_SAT_DAY: "Lunes a sábado, turnos de día",
    WorkingPattern.NIGHTS: "Solo noches",
}


class PostStatus(StrEnum):
    FILLED = "filled"
    VACANT = "vacant"
    PROPOSED = "proposed"


@dataclass(frozen=True)
class Post:
    """A position (plaza) of a shelter: role, contract regime, weekly hours, monthly cost."""

    id: str
    shelter_code: str
    role: str
    regime: str = "CAS"
    weekly_hours: float = 48.0
    monthly_cost: Decimal = Decimal("0")
    status: PostStatus = PostStatus.VACANT
    working_pattern: WorkingPattern = WorkingPattern.ROTATING

    def __post_init__(self) -> None:
        object.__setattr__(self, "working_pattern", WorkingPattern(self.working_pattern))
        if not 0 < self.weekly_hours <= 48:
            raise ValueError(f"post {self.id}: weekly hours must be between 0 and 48")
        if self.monthly_cost < 0:
            raise ValueError(f"post {self.id}: monthly cost cannot be negative")


@dataclass(frozen=True)
class StaffMember:
    """A person holding one or more posts of a shelter.

    ``roles`` lists every role she may cover (H1); ``primary_role`` is the role of
    her post, used to group people for fairness (S4), to price cross-cover (S6) and to
    report coordination hours carried by other professionals. ``working_pattern`` is
    her contract's pattern (H12): her own, or her post's when she has none of her own.
    """

    id: str
    shelter_code: str
    name: str
    primary_role: str
    roles: tuple[str, ...]
    weekly_hours: float = 48.0
    night_work: bool = True
    post_ids: tuple[str, ...] = field(default_factory=tuple)
    active: bool = True
    working_pattern: WorkingPattern = WorkingPattern.ROTATING

    def __post_init__(self) -> None:
        object.__setattr__(self, "working_pattern", WorkingPattern(self.working_pattern))
        if self.primary_role not in self.roles:
            raise ValueError(f"staff {self.id}: primary role {self.primary_role} not in her roles")
        if not 0 < self.weekly_hours <= 48:
            raise ValueError(f"staff {self.id}: weekly hours must be between 0 and 48")

    def can_cover(self, role: str) -> bool:
        return role in self.roles


class AbsenceKind(StrEnum):
    """Why a person is away. Every kind frees whole days except the breastfeeding hour,
    which shortens each worked day of its period by one hour (Ley 27240)."""

    VACATION = "vacation"  # 30 days a year, CAS included (D.Leg. 713; Ley 29849)
    MEDICAL = "medical"  # descanso médico
    MATERNITY = "maternity"  # 98 days (Ley 30367)
    PATERNITY = "paternity"  # 10 days (Ley 30807)
    BREASTFEEDING = "breastfeeding"  # one hour a day until the child is one (Ley 27240)
    TRAINING = "training"
    COMPENSATORY = "compensatory"  # compensatory rest, e.g. for a worked feriado (D.Leg. 713)
    LEAVE = "leave"  # any other leave (licencia)
    UNPLANNED = "unplanned"  # a sick call


ABSENCE_LABELS_ES = {
    AbsenceKind.VACATION: "Vacaciones",
    AbsenceKind.MEDICAL: "Descanso médico",
    AbsenceKind.MATERNITY: "Licencia por maternidad",
    AbsenceKind.PATERNITY: "Licencia por paternidad",
    AbsenceKind.BREASTFEEDING: "Hora de lactancia",
    AbsenceKind.TRAINING: "Capacitación",
    AbsenceKind.COMPENSATORY: "Descanso compensatorio",
    AbsenceKind.LEAVE: "Licencia",
    AbsenceKind.UNPLANNED: "Ausencia imprevista",
}


@dataclass(frozen=True)
class Absence:
    """A staff member is away from ``start`` to ``end`` inclusive (H6).

    A breastfeeding period is not a day off: she is rostered, each worked day one hour
    shorter (``day_off`` False). ``child_born``, when known, is the birth date of the
    child a maternity, paternity or breastfeeding absence is for.
    """

    staff_id: str
    kind: AbsenceKind
    start: date
    end: date
    note: str = ""
    child_born: date | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"absence of {self.staff_id}: ends {self.end} before it starts")

    @property
    def day_off(self) -> bool:
        """Whether the absence frees whole days (every kind but the breastfeeding hour)."""
        return self.kind != AbsenceKind.BREASTFEEDING

    @property
    def days(self) -> int:
        """Calendar days from start to end, both counted."""
        return (self.end - self.start).days + 1

    def spans(self, day: date) -> bool:
        """Whether ``day`` falls within the absence's dates."""
        return self.start <= day <= self.end

    def covers(self, day: date) -> bool:
        """Whether she is away the whole of ``day`` (H6): a day-off kind spanning it."""
        return self.day_off and self.spans(day)


@dataclass(frozen=True)
class Request:
    """A wish to work (``on``) or not work a day, or one shift of it, with a weight (S5)."""

    staff_id: str
    day: date
    on: bool
    shift: str | None = None
    weight: int = 1

    def __post_init__(self) -> None:
        if self.weight <= 0:
            raise ValueError(f"request of {self.staff_id} on {self.day}: weight must be positive")
