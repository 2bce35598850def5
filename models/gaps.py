"""The gap analysis of a shelter's month and of the network, as plain data.

Filled by roster.gaps (which solves), read by exports (PDF, Excel, JSON). Hours are
person-hours; money is soles a month (Decimal). See docs/gaps.md for every figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from models.roster import UnstaffedShift
from models.yearly import RoleYearNeed, YearlyNeed


@dataclass(frozen=True)
class GapLine:
    """Uncovered demand of one role on one shift type, class of day, binding reason and tier."""

    role: str
    shift: str
    day_class: str
    reason: str
    shifts: int  # person-shifts missing
    hours: float
    tier: str = "normal"  # the coverage tier of the missing cover


@dataclass(frozen=True)
class HeatCell:
    """Minimum demand and what the roster covers of it, on one day and shift type (all roles)."""

    day: date
    shift: str
    required: int
    covered: int

    @property
    def ratio(self) -> float | None:
        """covered / required; None where nothing is required."""
        return self.covered / self.required if self.required else None


@dataclass(frozen=True)
class DayGap:
    """Uncovered minimum demand of one role on one day, all shift types together."""

    day: date
    role: str
    hours: float


@dataclass
class GapBreakdown:
    """One roster's gap: demand, uncovered hours and their lines, the heat map, the days."""

    demand_hours: float
    lines: list[GapLine] = field(default_factory=list)
    heat: list[HeatCell] = field(default_factory=list)
    days: list[DayGap] = field(default_factory=list)  # by day and role, for the web's chart
    tiers: dict[str, float] = field(default_factory=dict)  # uncovered hours per coverage tier
    unstaffed: list[UnstaffedShift] = field(default_factory=list)  # nobody on site: headline

    @property
    def uncovered_hours(self) -> float:
        return sum(line.hours for line in self.lines)

    @property
    def uncovered_shifts(self) -> int:
        return sum(line.shifts for line in self.lines)

    @property
    def coverage_pct(self) -> float:
        """Share of the minimum demand hours covered, in %."""
        if self.demand_hours <= 0:
            return 100.0
        return 100 * (1 - self.uncovered_hours / self.demand_hours)

    def by(self, attribute: str) -> dict[str, float]:
        """Uncovered hours grouped by ``role``, ``shift``, ``day_class``, ``reason`` or ``tier``."""
        totals: dict[str, float] = defaultdict(float)
        for line in self.lines:
            totals[getattr(line, attribute)] += line.hours
        return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True)
class CarrierLoad:
    """Coordination (COO) carried by a person whose own post is another role.

    ``own_role_uncovered_hours``: hours she spent coordinating on a (day, shift) where
    her own role had uncovered minimum demand at the same time (see docs/gaps.md).
    """

    staff_id: str
    primary_role: str
    coordination_hours: float
    own_role_uncovered_hours: float


@dataclass(frozen=True)
class ContractLine:
    """A person's worked hours against her month's contracted hours (S3 target)."""

    staff_id: str
    primary_role: str
    worked_hours: float
    contract_hours: float

    @property
    def above_hours(self) -> float:
        return max(0.0, self.worked_hours - self.contract_hours)


@dataclass
class ScenarioResult:
    """One scenario: today's staff plus some new posts, solved under the same rules."""

    key: str  # proposal, proposal_plus, recommended, today, coordinator, assistant
    name: str  # Spanish label
    added: dict[str, int]  # candidate key -> posts (a role; V<role>: a vacant post filled)
    demand_hours: float
    uncovered_hours: float
    uncovered_by_role: dict[str, float]
    coordination_by_others_hours: float
    hours_above_contract: float
    cost_month: Decimal  # today's posts plus the new ones
    added_cost_month: Decimal
    status: str  # the solve's status: optimal or feasible
    bound_hours: float | None = None  # phase 1's proven lower bound of the gap
    diverted_by_role: dict[str, float] = field(default_factory=dict)  # carrier's own role -> h
    hours_returned: float = 0.0  # coordination hours given back to professionals vs today
    new_cost_month: Decimal = Decimal(0)  # new posts only (vacancies are already budgeted)
    resilience_pct: float | None = None  # share of simulated sick calls covered without a gap
    expected_uncovered_hours: float | None = None  # a month's expected sick-call gap (h)
    uncovered_by_tier: dict[str, float] = field(default_factory=dict)  # essential, normal, ...
    unstaffed_shifts: int = 0  # shifts with a gap and nobody at all on site

    @property
    def coverage_pct(self) -> float:
        if self.demand_hours <= 0:
            return 100.0
        return 100 * (1 - self.uncovered_hours / self.demand_hours)

    @property
    def diverted_hours(self) -> float:
        """Hours of coordination carried by professionals of other roles (docs/gaps.md §4)."""
        return self.coordination_by_others_hours

    @property
    def cost_year(self) -> Decimal:
        return self.cost_month * 12


@dataclass(frozen=True)
class RecommendedPost:
    """New posts of one role in the recommended set and their monthly cost."""

    role: str
    count: int
    unit_cost: Decimal  # the employer's monthly cost of one post (pay and charges)
    weekly_hours: float = 48.0
    vacancy: bool = False  # a vacant post of the shelter, already budgeted, filled

    @property
    def cost_month(self) -> Decimal:
        return self.unit_cost * self.count

    @property
    def cost_year(self) -> Decimal:
        return self.cost_month * 12


@dataclass(frozen=True)
class TemporaryCover:
    """A gap one month's leave alone causes: "cubrir con reemplazo temporal", not a post."""

    month: int
    role: str
    hours: float


@dataclass(frozen=True)
class GapProof:
    """The claim "no legal roster with the current staff covers N hours" and its proof."""

    uncovered_hours: float  # the gap of the roster found
    bound_hours: float | None  # phase 1's best bound: no legal roster has a smaller gap
    status: str  # optimal: the bound equals the gap; feasible: only the bound is proved

    @property
    def proved_hours(self) -> float:
        """Hours no legal roster with this staff can cover (the bound, never above the gap)."""
        if self.bound_hours is None:
            return 0.0
        return min(self.uncovered_hours, max(0.0, self.bound_hours))


@dataclass
class ShelterGapAnalysis:
    """Everything HR needs about one shelter's month."""

    shelter_code: str
    shelter_name: str
    department: str
    year: int
    month: int
    role_names: dict[str, str]
    shift_codes: list[str]
    today: GapBreakdown
    proof: GapProof
    carriers: list[CarrierLoad]
    contracts: list[ContractLine]
    scenarios: list[ScenarioResult]
    recommended: list[RecommendedPost]
    fte_estimate: dict[str, float]  # uncovered hours of a role / capacity_hours
    capacity_hours: float  # one full-time person's contracted hours this month
    staffing_status: str
    target_pct: float
    reachable_gap_hours: float
    uncovered_hours_after: float
    yearly: YearlyNeed
    yearly_roles: list[RoleYearNeed]
    cost_today: Decimal
    vacant_posts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    recommended_on_proposal: list[RecommendedPost] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)
    temporary_cover: list[TemporaryCover] = field(default_factory=list)
    coordination_mode: str = "overload"
    resilience_draws: int = 0  # sick calls simulated per scenario (0: not asked for)

    @property
    def uncovered_hours(self) -> float:
        return self.today.uncovered_hours

    @property
    def hours_above_contract(self) -> float:
        return sum(line.above_hours for line in self.contracts)

    @property
    def coordination_by_others_hours(self) -> float:
        return sum(carrier.coordination_hours for carrier in self.carriers)

    @property
    def recommended_cost(self) -> Decimal:
        return sum((post.cost_month for post in self.recommended), Decimal(0))

    def scenario(self, key: str) -> ScenarioResult:
        """One scenario by key."""
        return next(item for item in self.scenarios if item.key == key)


def posts_by_role(posts: Iterable[RecommendedPost]) -> dict[str, int]:
    """The number of new posts per role, roles in order."""
    totals: dict[str, int] = defaultdict(int)
    for post in posts:
        totals[post.role] += post.count
    return dict(sorted(totals.items()))


@dataclass
class NetworkGapAnalysis:
    """The network's month: every shelter's analysis, ranked by gap, and the totals."""

    year: int
    month: int
    shelters: list[ShelterGapAnalysis]
    wall_seconds: float = 0.0

    def ranked(self) -> list[ShelterGapAnalysis]:
        """Shelters from the largest gap to the smallest (ties by code)."""
        return sorted(self.shelters, key=lambda item: (-item.uncovered_hours, item.shelter_code))

    def total_posts(self) -> dict[str, int]:
        """Recommended new posts per role over the network."""
        return posts_by_role(post for shelter in self.shelters for post in shelter.recommended)

    @property
    def total_cost(self) -> Decimal:
        return sum((shelter.recommended_cost for shelter in self.shelters), Decimal(0))

    @property
    def uncovered_hours(self) -> float:
        return sum(shelter.uncovered_hours for shelter in self.shelters)

    def uncovered_by_tier(self) -> dict[str, float]:
        """Today's uncovered hours per coverage tier, summed over the shelters."""
        totals: dict[str, float] = defaultdict(float)
        for shelter in self.shelters:
            for tier, hours in shelter.today.tiers.items():
                totals[tier] += hours
        return dict(totals)

    @property
    def unstaffed_shifts(self) -> int:
        """Today's shifts with nobody on site, over the network."""
        return sum(len(shelter.today.unstaffed) for shelter in self.shelters)
