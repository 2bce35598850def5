"""Coverage rules: how many people of a role a shift needs, by class of day, and how much
it matters (tier: essential, normal, optional)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from models.occupancy import ResidentRatio


class Tier(StrEnum):
    """How much a unit of cover matters when staff is short (DOMAIN.md, coverage tiers).

    Listed in priority order: essential cover (the 24/7 floor) is filled first, optional last.
    """

    ESSENTIAL = "essential"
    NORMAL = "normal"
    OPTIONAL = "optional"


TIERS: tuple[Tier, ...] = tuple(Tier)
TIER_NAMES_ES = {Tier.ESSENTIAL: "esencial", Tier.NORMAL: "normal", Tier.OPTIONAL: "opcional"}


class DayClass(StrEnum):
    WEEKDAY = "weekday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"
    HOLIDAY = "holiday"


def day_class(day: date, is_holiday: bool) -> DayClass:
    """A feriado (or a shelter's extra day) first, then Saturday, Sunday, weekday."""
    if is_holiday:
        return DayClass.HOLIDAY
    if day.weekday() == 5:
        return DayClass.SATURDAY
    if day.weekday() == 6:
        return DayClass.SUNDAY
    return DayClass.WEEKDAY


@dataclass(frozen=True)
class CoverageRule:
    """Role x shift type x day class -> minimum and desired number of people, in a tier.

    Rules of the same role, shift and day class in different tiers are layers that add
    up: "1 caregiver essential" and "1 caregiver normal" ask for 2, the first essential.
    """

    role: str
    shift: str
    day_class: DayClass
    minimum: int
    desired: int
    tier: Tier = Tier.NORMAL
    ratio: ResidentRatio | None = None  # people added per residents of a group (occupancy)

    def __post_init__(self) -> None:
        if self.minimum < 0 or self.desired < self.minimum:
            raise ValueError(
                f"coverage {self.role}/{self.shift}/{self.day_class}: need 0 <= minimum <= desired"
            )
        object.__setattr__(self, "tier", Tier(self.tier))  # a plain string from storage or JSON
        if isinstance(self.ratio, dict):
            object.__setattr__(self, "ratio", ResidentRatio(**self.ratio))


@dataclass(frozen=True)
class Demand:
    """The need for one role on one shift of one date, resolved from the coverage rules.

    ``minimum`` is the total; ``essential`` and ``optional`` say how many of it belong to
    those tiers, the rest is normal. People present fill essential need first, then
    normal, then optional (``shortfall_by_tier``).
    """

    day: date
    shift: str
    role: str
    minimum: int
    desired: int
    essential: int = 0
    optional: int = 0

    def __post_init__(self) -> None:
        if min(self.essential, self.optional) < 0 or self.essential + self.optional > self.minimum:
            raise ValueError(
                f"demand {self.role}/{self.shift}/{self.day}: essential + optional <= minimum"
            )

    def tier_minimum(self, tier: Tier) -> int:
        """How many of the minimum belong to ``tier``."""
        if tier is Tier.ESSENTIAL:
            return self.essential
        if tier is Tier.OPTIONAL:
            return self.optional
        return self.minimum - self.essential - self.optional

    def shortfall_by_tier(self, present: int) -> dict[Tier, int]:
        """People missing per tier when ``present`` people cover it, essential filled first."""
        missing: dict[Tier, int] = {}
        for tier in TIERS:
            need = self.tier_minimum(tier)
            filled = min(need, max(0, present))
            missing[tier] = need - filled
            present -= filled
        return missing


def layered_demand(day: date, shift: str, role: str, rules: list[CoverageRule]) -> Demand | None:
    """The demand of the rules of one (role, shift, day class), their tiers' layers added."""
    minimum = sum(rule.minimum for rule in rules)
    desired = sum(rule.desired for rule in rules)
    if desired <= 0:
        return None
    essential = sum(rule.minimum for rule in rules if rule.tier is Tier.ESSENTIAL)
    optional = sum(rule.minimum for rule in rules if rule.tier is Tier.OPTIONAL)
    return Demand(day, shift, role, minimum, desired, essential, optional)


def check_unique_tiers(rules: list[CoverageRule]) -> None:
    """At most one rule per role, shift, day class and tier (layers are told apart by tier)."""
    seen: set[tuple[str, str, DayClass, Tier]] = set()
    for rule in rules:
        key = (rule.role, rule.shift, rule.day_class, rule.tier)
        if key in seen:
            raise ValueError(
                f"coverage {rule.role}/{rule.shift}/{rule.day_class}: two rules in tier {rule.tier}"
            )
        seen.add(key)
