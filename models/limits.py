"""Per-person work limits over the planning horizon (rule H10).

A shelter may give any staff member her own limits, e.g. from her contract or an
agreement: how many shifts of each type, how many minutes in total, how long a run
of worked days or of days off may or must be, how many weekends. Every limit is
optional (None, or a shift type left out of ``max_shifts_by_type``, means not
applied), so a person without ``WorkLimits`` is bound by none of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LIMIT_NAMES = (
    "min_minutes",
    "max_minutes",
    "max_consecutive_days",
    "min_consecutive_days",
    "min_consecutive_days_off",
    "max_weekends",
)


@dataclass(frozen=True)
class WorkLimits:
    """One person's limits over the horizon (the month, or ``PlanningProblem.horizon_days``).

    - ``max_shifts_by_type``: shift code -> at most that many of her shifts of that type
      (0 = never that type);
    - ``min_minutes`` / ``max_minutes``: bounds on the total length of her shifts;
    - ``max_consecutive_days``: no run of worked days longer than this (history window
      included, as H7);
    - ``min_consecutive_days``: every run of worked days at least this long;
    - ``min_consecutive_days_off``: every run of days off at least this long;
    - ``max_weekends``: at most this many weekends worked (Saturday and the Sunday after
      it; worked when she works either of its days inside the horizon).

    The two minimum run lengths do not apply to a run that touches the horizon's first
    or last day: such a run continues into the neighbouring period, which this plan
    does not see (the reading of the Curtois & Qu benchmark, and of a month too).
    """

    max_shifts_by_type: dict[str, int] = field(default_factory=dict)
    min_minutes: int | None = None
    max_minutes: int | None = None
    max_consecutive_days: int | None = None
    min_consecutive_days: int | None = None
    min_consecutive_days_off: int | None = None
    max_weekends: int | None = None

    def __post_init__(self) -> None:
        if any(count < 0 for count in self.max_shifts_by_type.values()):
            raise ValueError("max_shifts_by_type: limits cannot be negative")
        for name in LIMIT_NAMES:
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be negative")
        if (
            self.min_minutes is not None
            and self.max_minutes is not None
            and self.min_minutes > self.max_minutes
        ):
            raise ValueError("min_minutes cannot exceed max_minutes")

    @property
    def is_empty(self) -> bool:
        """True when no limit is set."""
        return not self.max_shifts_by_type and all(
            getattr(self, name) is None for name in LIMIT_NAMES
        )
