"""The rule set: every rule of DESIGN.md §3 with on/off, hard/soft, limits and weights.

Defaults come from DOMAIN.md. Every number is a per-shelter setting; the optimiser
and the validator read them from here and never from literals of their own.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any


@dataclass(frozen=True)
class RuleSetting:
    """Whether a rule applies, whether it is hard, and its penalty weight when soft."""

    enabled: bool = True
    hard: bool = True
    weight: float = 0.0


@dataclass(frozen=True)
class RuleInfo:
    """A rule's code, the RuleSet field that switches it, its labels and its source."""

    code: str
    key: str
    label_es: str
    label_en: str
    source: str
    hard: bool


RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "H1",
        "qualification",
        "Calificación para la función",
        "Qualification",
        "DESIGN.md §3 H1; perfil del puesto",
        True,
    ),
    RuleInfo(
        "H2",
        "one_shift_per_day",
        "Un turno por día, sin superposición",
        "One shift a day, no overlap",
        "D.S. 007-2002-TR art. 1 (jornada diaria)",
        True,
    ),
    RuleInfo(
        "H3",
        "min_rest",
        "Descanso mínimo entre turnos",
        "Minimum rest between shifts",
        "Política del programa (DOMAIN.md: sin mínimo legal general, 12 h)",
        True,
    ),
    RuleInfo(
        "H4",
        "weekly_rest",
        "Descanso semanal de 24 horas",
        "Weekly 24-hour rest",
        "D.Leg. 713 arts. 1-2",
        True,
    ),
    RuleInfo(
        "H5",
        "max_weekly_hours",
        "Máximo de horas semanales",
        "Weekly hours cap",
        "Constitución art. 25; D.S. 007-2002-TR art. 1; D.Leg. 1057 art. 6",
        True,
    ),
    RuleInfo("H6", "absences", "Ausencias", "Absences", "D.Leg. 713; Ley 29849", True),
    RuleInfo(
        "H7",
        "max_consecutive",
        "Días y noches consecutivos",
        "Consecutive days and nights",
        "Política del programa; D.Leg. 713 (descanso semanal)",
        True,
    ),
    RuleInfo("H8", "locks", "Turnos fijados a mano", "Locked assignments", "DESIGN.md §3 H8", True),
    RuleInfo(
        "H9",
        "continuity",
        "Continuidad con el mes anterior",
        "Continuity across months",
        "DESIGN.md §3 H9",
        True,
    ),
    RuleInfo(
        "H10",
        "work_limits",
        "Límites de trabajo por persona",
        "Per-person work limits",
        "Contrato o acuerdo de cada persona; Curtois & Qu (2014) reglas 3-8",
        True,
    ),
    RuleInfo(
        "H11",
        "successions",
        "Sucesiones de turnos prohibidas",
        "Forbidden shift successions",
        "Política del hogar; Curtois & Qu (2014) regla 2",
        True,
    ),
    RuleInfo(
        "H12",
        "working_pattern",
        "Patrón de trabajo del contrato",
        "Contract working pattern",
        "Contrato o plaza de cada persona (p. ej. lunes a viernes de día; rotativo 24/7)",
        True,
    ),
    RuleInfo(
        "S1",
        "coverage_minimum",
        "Cobertura bajo el mínimo (brecha)",
        "Coverage below minimum (gap)",
        "R.M. 150-2016-MIMP; DOMAIN.md cobertura; nunca nadie en el hogar: buena práctica, "
        "ONU Mujeres (personal capacitado presente a toda hora), 18 NYCRR 453.5 (personal "
        "despierto de noche)",
        False,
    ),
    RuleInfo(
        "S2",
        "coverage_desired",
        "Cobertura bajo lo deseado o en exceso",
        "Coverage below desired or over",
        "DOMAIN.md cobertura",
        False,
    ),
    RuleInfo(
        "S3",
        "contract_hours",
        "Desvío de las horas del contrato",
        "Deviation from contracted hours",
        "D.Leg. 1057 art. 6 (CAS 48 h)",
        False,
    ),
    RuleInfo(
        "S4",
        "fairness",
        "Reparto equitativo de noches, fines de semana y feriados",
        "Fair share of nights, weekends and holidays",
        "D.Leg. 713 arts. 6-9; equidad",
        False,
    ),
    RuleInfo(
        "S5", "requests", "Preferencias del personal", "Staff requests", "DESIGN.md §3 S5", False
    ),
    RuleInfo(
        "S6",
        "patterns",
        "Patrones: días aislados, fines de semana, descanso tras noches, rotación, otra función",
        "Patterns: isolated days, weekends, rest after nights, rotation, cross-cover",
        "Buenas prácticas; UK HSE, Managing shiftwork (HSG256)",
        False,
    ),
    RuleInfo(
        "S7",
        "stability",
        "Estabilidad frente al rol publicado",
        "Stability against the published roster",
        "DESIGN.md §3 S7",
        False,
    ),
)

RULES_BY_CODE = {rule.code: rule for rule in RULES}
COVERAGE_UNITS = ("hours", "shifts")


@dataclass(frozen=True)
class RuleSet:
    """Every rule's switch, limits and weights for one shelter. Defaults: DOMAIN.md.

    Weights of soft rules are per unit named in the comment beside them; the
    objective is the sum of the weighted units, reported rule by rule.
    """

    # H1-H9: hard rules (a disabled rule adds nothing and is not checked)
    qualification: RuleSetting = RuleSetting()
    one_shift_per_day: RuleSetting = RuleSetting()
    min_rest: RuleSetting = RuleSetting()
    min_rest_hours: float = 12.0
    weekly_rest: RuleSetting = RuleSetting()
    weekly_rest_hours: float = 24.0
    max_weekly_hours: RuleSetting = RuleSetting()
    weekly_hours_cap: float = 48.0
    averaging_weeks: int = 1  # 1 to 3 calendar weeks (Constitution art. 25, STC 4635-2004-AA/TC)
    allow_24h_guards: bool = False
    absences: RuleSetting = RuleSetting()
    max_consecutive: RuleSetting = RuleSetting()
    max_consecutive_days: int = 6
    max_consecutive_nights: int = 3
    night_shift_threshold_minutes: int = 180  # a shift with this much 22:00-06:00 time is a night
    locks: RuleSetting = RuleSetting()
    continuity: RuleSetting = RuleSetting()
    history_days: int = 7

    # H10-H11: general rules that do nothing until data is given (on by default)
    work_limits: RuleSetting = RuleSetting()  # reads PlanningProblem.limits (models.limits)
    successions: RuleSetting = RuleSetting()
    forbidden_successions: tuple[tuple[str, str], ...] = ()  # (a, b): a on d, b on d+1
    working_pattern: RuleSetting = RuleSetting()  # H12: each person's contract pattern

    # S1-S7: soft rules
    coverage_unit: str = "hours"  # S1/S2 count person-hours ("hours") or person-shifts ("shifts")
    coverage_minimum: RuleSetting = RuleSetting(
        hard=False, weight=1000.0
    )  # per missing person-hour (person-shift with coverage_unit "shifts")
    coverage_desired: RuleSetting = RuleSetting(
        hard=False, weight=10.0
    )  # per person-hour below desired
    over_coverage_weight: float = 2.0  # per person-hour above desired
    essential_coverage_factor: float = 10.0  # an essential missing hour counts this many (S1)
    optional_coverage_weight: float = 0.5  # per optional missing hour: below one request (S5)
    someone_on_site: bool = True  # S1: phase 1 leaves the fewest hours with nobody at all on
    # site (models.on_site) right after the essential tier, before the normal one
    contract_hours: RuleSetting = RuleSetting(hard=False, weight=1.0)  # per hour off the contract
    holidays_reduce_contract: bool = True  # a feriado lowers the month's target by one working day
    fairness: RuleSetting = RuleSetting(hard=False, weight=5.0)  # per unit of max-min spread
    fairness_nights: bool = True
    fairness_weekends: bool = True
    fairness_holidays: bool = True
    feriado_compensation: str = "rest"  # a worked feriado owes: "rest" (a substitute day)
    # or "pay" (the day paid with a 100 % surcharge); D.Leg. 713 art. 9 (models.feriados)
    breastfeeding_minutes: int = 60  # each worked day of the breastfeeding period (Ley 27240)
    requests: RuleSetting = RuleSetting(hard=False, weight=10.0)  # times each request's own weight
    patterns: RuleSetting = RuleSetting(hard=False, weight=1.0)  # multiplier of the weights below
    isolated_day_off_weight: float = 3.0
    isolated_work_day_weight: float = 3.0
    split_weekend_weight: float = 2.0
    night_recovery_days: int = 2  # free calendar days after a night block before a day shift
    night_recovery_weight: float = 20.0  # per night block followed too soon by a day shift
    weekend_off_every: int = 2  # a full weekend off in every N weekends in a row (0: not judged)
    weekend_off_per_month: int = 0  # or at least this many full weekends off a month (0: none)
    weekend_off_weight: float = 20.0  # per run of weekends, or per weekend short of the count
    backward_rotation_weight: float = 10.0  # per morning after a night in the same week
    cross_cover_weight: float = 3.0  # per hour on a role other than the person's own
    contract_tolerance: float = 0.10  # a person this far off her contract is listed, with why
    stability: RuleSetting = RuleSetting(hard=False, weight=20.0)  # per changed person-day
    extra: dict[str, Any] = field(default_factory=dict)  # room for shelter-specific settings

    def __post_init__(self) -> None:
        if not 1 <= self.averaging_weeks <= 3:
            raise ValueError("averaging_weeks: the averaging period is 1 to 3 weeks")
        if self.min_rest_hours < 0 or self.weekly_rest_hours < 0:
            raise ValueError("rest hours cannot be negative")
        if self.max_consecutive_days < 1 or self.max_consecutive_nights < 1:
            raise ValueError("consecutive limits must be at least 1")
        if self.weekly_hours_cap <= 0:
            raise ValueError("weekly_hours_cap must be positive")
        if self.night_recovery_days < 0 or self.weekend_off_every < 0:
            raise ValueError("night_recovery_days and weekend_off_every cannot be negative")
        if not 0 <= self.weekend_off_per_month <= 5:
            raise ValueError("weekend_off_per_month: 0 to 5 weekends")
        if not 0 < self.contract_tolerance < 1:
            raise ValueError("contract_tolerance: a share between 0 and 1, e.g. 0.10")
        if self.essential_coverage_factor < 1 or self.optional_coverage_weight < 0:
            raise ValueError("coverage tiers: essential factor >= 1, optional weight >= 0")
        if self.coverage_unit not in COVERAGE_UNITS:
            raise ValueError(f"coverage_unit: one of {', '.join(COVERAGE_UNITS)}")
        pairs = tuple((str(first), str(then)) for first, then in self.forbidden_successions)
        object.__setattr__(self, "forbidden_successions", pairs)  # JSON gives lists back
        if self.feriado_compensation not in ("rest", "pay"):
            raise ValueError("feriado_compensation: rest or pay (D.Leg. 713 art. 9)")
        if not 0 <= self.breastfeeding_minutes <= 120:
            raise ValueError("breastfeeding_minutes: 0 to 120 minutes a day")

    def setting(self, code: str) -> RuleSetting:
        """The switch of a rule by its code, e.g. ``setting("H3")``."""
        value = getattr(self, RULES_BY_CODE[code].key)
        assert isinstance(value, RuleSetting)
        return value

    def coverage_size(self, shift_minutes: int) -> float:
        """What one person on one shift counts for S1/S2: its hours, or 1 with unit "shifts"."""
        return 1.0 if self.coverage_unit == "shifts" else shift_minutes / 60

    def coverage_tier_weight(self, tier: str) -> float:
        """S1's weight of one missing unit of ``tier``: essential x factor, normal, optional.

        Lexicographic solves minimise essential then normal apart (the weights rank
        them only in the one weighted phase); optional cover is priced in phase 2 with
        ``optional_coverage_weight``, kept below one request's (S5) so that no request
        is overridden only to fill it.
        """
        if tier == "essential":
            return self.coverage_minimum.weight * self.essential_coverage_factor
        if tier == "optional":
            return self.optional_coverage_weight
        return self.coverage_minimum.weight

    def is_on(self, code: str) -> bool:
        return self.setting(code).enabled

    def with_changes(self, **changes: Any) -> RuleSet:
        """A copy with some fields replaced; ``RuleSetting`` fields accept dicts."""
        switches = {f.name for f in fields(self) if isinstance(getattr(self, f.name), RuleSetting)}
        converted: dict[str, Any] = {
            key: RuleSetting(**value) if key in switches and isinstance(value, dict) else value
            for key, value in changes.items()
        }
        return replace(self, **converted)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RuleSet:
        """Rebuild from ``to_dict`` output; unknown keys are an error, missing ones default."""
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown rule settings: {', '.join(sorted(unknown))}")
        return cls().with_changes(**data)
