"""What the validator returns: hard-rule violations, soft penalties and recomputed gaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from models.roster import Gap

SOFT_CODES: tuple[str, ...] = ("S1", "S2", "S3", "S4", "S5", "S6", "S7")


@dataclass(frozen=True)
class Violation:
    """One breach of a hard rule by one person.

    ``days`` are the dates involved (e.g. both shifts of a short rest, every day of a
    week or of a run); ``amount`` is the size of the breach in the rule's unit (hours
    for H2 overlaps, H3, H4 and H5; days or nights for H7; assignments otherwise).
    ``message`` is Spanish, for coordinators, and never names a person.
    """

    rule: str
    staff_id: str
    days: tuple[date, ...]
    amount: float
    message: str


@dataclass(frozen=True)
class SoftResult:
    """One soft rule's unweighted amount (``units``) and weighted ``penalty``."""

    units: float = 0.0
    penalty: float = 0.0


@dataclass
class ValidationReport:
    """The verdict on a roster: violations of hard rules, soft penalties, gaps."""

    violations: list[Violation] = field(default_factory=list)
    penalties: dict[str, float] = field(default_factory=dict)
    units: dict[str, float] = field(default_factory=dict)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def is_legal(self) -> bool:
        """True when no hard rule is broken."""
        return not self.violations

    @property
    def total_penalty(self) -> float:
        """The sum of every soft rule's weighted penalty."""
        return sum(self.penalties.values())

    def of(self, rule: str) -> list[Violation]:
        """The violations of one hard rule, e.g. ``report.of("H3")``."""
        return [violation for violation in self.violations if violation.rule == rule]

    def rules_broken(self) -> set[str]:
        """The codes of the hard rules broken at least once."""
        return {violation.rule for violation in self.violations}
