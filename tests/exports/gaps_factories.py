"""Hand-made gap analyses for the report tests (no solver)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from models.calendar import PeruCalendar
from models.gaps import (
    CarrierLoad,
    ContractLine,
    GapBreakdown,
    GapLine,
    GapProof,
    HeatCell,
    NetworkGapAnalysis,
    RecommendedPost,
    ScenarioResult,
    ShelterGapAnalysis,
)
from models.roster import UnstaffedShift
from models.yearly import RoleYearNeed, yearly_need

ROLE_NAMES = {"CUI": "Cuidadora", "AOP": "Asistente operativa", "PSI": "Psicóloga"}
GAP_NIGHTS = (1, 8, 15)  # the nights of HRT-T9's gap with nobody on site


def tiers(uncovered: float) -> dict[str, float]:
    """The gap's split: its three empty nights are essential (8 h each), the rest normal."""
    essential = min(uncovered, 8.0 * len(GAP_NIGHTS))
    return {"essential": essential, "normal": uncovered - essential, "optional": 0.0}


def unstaffed(uncovered: float) -> list[UnstaffedShift]:
    if not uncovered:
        return []
    return [UnstaffedShift(date(2027, 2, d), "N", "CUI", "weekly_hours") for d in GAP_NIGHTS]


def scenario(
    key: str, name: str, uncovered: float, added: dict[str, int], cost: int
) -> ScenarioResult:
    return ScenarioResult(
        key=key,
        name=name,
        added=added,
        demand_hours=672.0,
        uncovered_hours=uncovered,
        uncovered_by_role={"CUI": uncovered} if uncovered else {},
        coordination_by_others_hours=0.0,
        hours_above_contract=4.0,
        cost_month=Decimal(6000 + cost),
        added_cost_month=Decimal(cost),
        status="optimal",
        bound_hours=uncovered,
        uncovered_by_tier=tiers(uncovered),
        unstaffed_shifts=len(unstaffed(uncovered)),
    )


def heat(gap_days: set[int]) -> list[HeatCell]:
    first = date(2027, 2, 1)
    return [
        HeatCell(
            first + timedelta(days=k), shift, 1, 0 if (k + 1 in gap_days and shift == "N") else 1
        )
        for k in range(28)
        for shift in "MTN"
    ]


def shelter_analysis(
    code: str = "HRT-T9",
    uncovered: float = 96.0,
    status: str = "optimal",
    bound: float | None = None,
) -> ShelterGapAnalysis:
    """A shelter with a caregiver gap of ``uncovered`` hours closed by one AOP."""
    lines = [GapLine("CUI", "N", "weekday", "weekly_hours", int(uncovered // 8), uncovered)]
    need = yearly_need(2027, PeruCalendar())
    posts = [RecommendedPost("AOP", 1, Decimal("1800"))] if uncovered else []
    return ShelterGapAnalysis(
        shelter_code=code,
        shelter_name=f"Hogar {code}",
        department="Lima",
        year=2027,
        month=2,
        role_names=ROLE_NAMES,
        shift_codes=["M", "T", "N"],
        today=GapBreakdown(
            672.0,
            lines if uncovered else [],
            heat(set(GAP_NIGHTS) if uncovered else set()),
            tiers=tiers(uncovered),
            unstaffed=unstaffed(uncovered),
        ),
        proof=GapProof(uncovered, uncovered if bound is None else bound, status),
        carriers=[CarrierLoad("p1", "PSI", 40.0, 24.0)],
        contracts=[
            ContractLine("c1", "CUI", 196.0, 192.0),
            ContractLine("c2", "CUI", 184.0, 192.0),
        ],
        scenarios=[
            scenario("today", "Hoy", uncovered, {}, 0),
            scenario("assistant", "+ asistente operativa", 0.0, {"AOP": 1}, 1800),
            scenario("recommended", "+ plazas recomendadas", 0.0, {"AOP": 1}, 1800),
        ],
        recommended=posts,
        fte_estimate={"CUI": uncovered / 192} if uncovered else {},
        capacity_hours=192.0,
        staffing_status="optimal",
        target_pct=100.0,
        reachable_gap_hours=0.0,
        uncovered_hours_after=0.0,
        yearly=need,
        yearly_roles=[RoleYearNeed("CUI", 8760.0, 1.0, 4.04, 4.33, 3)],
        cost_today=Decimal("6000"),
        vacant_posts={"CUI": 1},
    )


def network_analysis() -> NetworkGapAnalysis:
    """Two shelters: a covered one listed first, the one with the gap ranked first."""
    covered = shelter_analysis("HRT-T1", uncovered=0.0)
    return NetworkGapAnalysis(2027, 2, [covered, shelter_analysis()], wall_seconds=12.5)
