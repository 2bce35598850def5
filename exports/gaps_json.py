"""The gap analysis as JSON (docs/gaps.md): one entry per shelter and the network totals.

A pure function: result dataclasses in, text out. Hours are person-hours, money is soles
a month. Keys are stable; add keys, never rename or remove them.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from exports.gaps_summary import shelter_sentence
from models.coverage import TIERS
from models.gaps import NetworkGapAnalysis, RecommendedPost, ScenarioResult, ShelterGapAnalysis
from models.roster import UnstaffedShift

FORMAT_VERSION = 1
TEMPORARY = "cubrir con reemplazo temporal"


def money(value: Decimal) -> float:
    """Soles as a JSON number (two decimals at most)."""
    return round(float(value), 2)


def hours(value: float) -> float:
    return round(value, 2)


def tier_dict(by_tier: dict[str, float]) -> dict[str, float]:
    """Uncovered hours per coverage tier, every tier present (0 when none)."""
    return {str(tier): hours(by_tier.get(str(tier), 0.0)) for tier in TIERS}


def unstaffed_list(items: list[UnstaffedShift]) -> list[dict[str, str]]:
    """The headline: shifts with nobody on site, with the role short and the rule why."""
    return [
        {"date": u.day.isoformat(), "shift": u.shift, "role": u.role, "reason": u.reason}
        for u in items
    ]


def scenario_dict(item: ScenarioResult) -> dict[str, Any]:
    """One scenario of a shelter."""
    return {
        "key": item.key,
        "name": item.name,
        "added_posts": dict(item.added),
        "coverage_pct": round(item.coverage_pct, 2),
        "uncovered_hours": hours(item.uncovered_hours),
        "uncovered_by_role": {role: hours(h) for role, h in item.uncovered_by_role.items()},
        "uncovered_by_tier": tier_dict(item.uncovered_by_tier),
        "unstaffed_shift_count": item.unstaffed_shifts,
        "coordination_by_others_hours": hours(item.coordination_by_others_hours),
        "diverted_hours": hours(item.diverted_hours),
        "diverted_by_role": {role: hours(h) for role, h in item.diverted_by_role.items()},
        "hours_returned": hours(item.hours_returned),
        "hours_above_contract": hours(item.hours_above_contract),
        "resilience_pct": None if item.resilience_pct is None else round(item.resilience_pct, 1),
        "expected_uncovered_hours": (
            None if item.expected_uncovered_hours is None else hours(item.expected_uncovered_hours)
        ),
        "cost_month": money(item.cost_month),
        "cost_year": money(item.cost_year),
        "added_cost_month": money(item.added_cost_month),
        "new_posts_cost_month": money(item.new_cost_month),
        "status": item.status,
    }


def gap_dict(item: ShelterGapAnalysis) -> dict[str, Any]:
    """Today's gap: demand, uncovered hours by role, shift, day class and reason, the proof."""
    today, proof = item.today, item.proof
    return {
        "demand_hours": hours(today.demand_hours),
        "coverage_pct": round(today.coverage_pct, 2),
        "uncovered_hours": hours(item.uncovered_hours),
        "uncovered_shifts": today.uncovered_shifts,
        "uncovered_by_role": {role: hours(h) for role, h in today.by("role").items()},
        "uncovered_by_tier": tier_dict(today.tiers),
        "unstaffed_shifts": unstaffed_list(today.unstaffed),
        "uncovered_by_shift": {code: hours(h) for code, h in today.by("shift").items()},
        "uncovered_by_day_class": {code: hours(h) for code, h in today.by("day_class").items()},
        "reasons": {code: hours(h) for code, h in today.by("reason").items()},
        "proof": {
            "status": proof.status,
            "bound_hours": None if proof.bound_hours is None else hours(proof.bound_hours),
            "proved_uncovered_hours": hours(proof.proved_hours),
        },
    }


def load_dict(item: ShelterGapAnalysis) -> dict[str, Any]:
    """Coordination carried by other roles and hours above contract."""
    carriers = [
        {
            "staff_id": c.staff_id,
            "primary_role": c.primary_role,
            "coordination_hours": hours(c.coordination_hours),
            "own_role_uncovered_hours": hours(c.own_role_uncovered_hours),
        }
        for c in item.carriers
    ]
    return {
        "coordination_by_others": carriers,
        "hours_above_contract": hours(item.hours_above_contract),
    }


def post_lines(posts: list[RecommendedPost]) -> list[dict[str, Any]]:
    """A set of posts: role, count, vacancy or new, unit cost, monthly and yearly cost."""
    return [
        {
            "role": p.role,
            "count": p.count,
            "vacancy": p.vacancy,
            "unit_cost": money(p.unit_cost),
            "cost_month": money(p.cost_month),
            "cost_year": money(p.cost_year),
        }
        for p in posts
    ]


def posts_dict(item: ShelterGapAnalysis) -> dict[str, Any]:
    """The recommended posts, their cost, the FTE estimate and the gap after."""
    return {
        "recommended_posts": post_lines(item.recommended),
        "recommended_posts_on_proposal": post_lines(item.recommended_on_proposal),
        "recommended_cost_month": money(item.recommended_cost),
        "fte_estimate": {role: round(v, 2) for role, v in item.fte_estimate.items()},
        "staffing_status": item.staffing_status,
        "coverage_target_pct": item.target_pct,
        "uncovered_hours_after": hours(item.uncovered_hours_after),
    }


def shelter_dict(item: ShelterGapAnalysis) -> dict[str, Any]:
    """One shelter's analysis."""
    return {
        "shelter": item.shelter_code,
        "name": item.shelter_name,
        "department": item.department,
        **gap_dict(item),
        **load_dict(item),
        "scenarios": [scenario_dict(s) for s in item.scenarios],
        **posts_dict(item),
        "cost_today_month": money(item.cost_today),
        "cost_today_year": money(item.cost_today * 12),
        "vacant_posts": dict(item.vacant_posts),
        "summary": shelter_sentence(item),
        "coordination_by_other_roles": item.coordination_mode,
        "temporary_cover": [
            {"month": t.month, "role": t.role, "hours": hours(t.hours), "action": TEMPORARY}
            for t in item.temporary_cover
        ],
        "resilience": resilience_note(item),
        "assumptions": list(item.assumptions),
        "yearly": yearly_dict(item),
        "seconds": round(item.seconds, 1),
    }


def yearly_dict(item: ShelterGapAnalysis) -> dict[str, Any]:
    """The yearly arithmetic of a shelter."""
    need = item.yearly
    return {
        "year": need.year,
        "hours_per_post": hours(need.hours_per_post),
        "feriados": need.feriados,
        "offered_hours_per_person": hours(need.offered_hours),
        "offered_hours_with_leave": hours(need.offered_hours_with_leave),
        "people_per_24_7_post": round(need.people_per_post, 2),
        "people_per_24_7_post_with_leave": round(need.people_per_post_with_leave, 2),
        "roles": [
            {
                "role": r.role,
                "demand_hours": hours(r.demand_hours),
                "posts_24_7": round(r.posts_24_7, 2),
                "people_needed": round(r.people_needed, 2),
                "people_needed_with_leave": round(r.people_needed_with_leave, 2),
                "people_today": r.people_today,
            }
            for r in item.yearly_roles
        ],
    }


def gaps_document(analysis: NetworkGapAnalysis) -> dict[str, Any]:
    """The whole analysis as JSON-ready values, shelters ranked by gap."""
    return {
        "format_version": FORMAT_VERSION,
        "month": f"{analysis.year:04d}-{analysis.month:02d}",
        "shelters": [shelter_dict(item) for item in analysis.ranked()],
        "network": {
            "shelters": len(analysis.shelters),
            "uncovered_hours": hours(analysis.uncovered_hours),
            "uncovered_by_tier": tier_dict(analysis.uncovered_by_tier()),
            "unstaffed_shift_count": analysis.unstaffed_shifts,
            "recommended_posts": analysis.total_posts(),
            "recommended_cost_month": money(analysis.total_cost),
            "scenarios": network_scenarios(analysis),
            "wall_seconds": round(analysis.wall_seconds, 1),
        },
        "assumptions": analysis.shelters[0].assumptions if analysis.shelters else [],
    }


def resilience_note(item: ShelterGapAnalysis) -> str:
    """How the sick-call resilience was measured, or how to get it."""
    if item.resilience_draws:
        return f"{item.resilience_draws} ausencias imprevistas simuladas por escenario"
    return "Sin simular: ejecute 'roster gaps --resilience' para obtener resilience_pct."


def mean_pct(values: list[float]) -> float | None:
    """The network's resilience: the mean over the shelters simulated (same draws each)."""
    return round(sum(values) / len(values), 1) if values else None


def network_scenarios(analysis: NetworkGapAnalysis) -> list[dict[str, Any]]:
    """Each scenario summed over the shelters, the programme's proposal first."""
    totals: dict[str, dict[str, Any]] = {}
    for shelter in analysis.shelters:
        for s in shelter.scenarios:
            t = totals.setdefault(
                s.key,
                {
                    "key": s.key,
                    "name": s.name,
                    "demand": 0.0,
                    "uncovered_hours": 0.0,
                    "diverted_hours": 0.0,
                    "cost_month": Decimal(0),
                    "added_cost_month": Decimal(0),
                    "resilience": [],
                    "expected_uncovered_hours": [],
                    "tiers": dict.fromkeys((str(tier) for tier in TIERS), 0.0),
                    "unstaffed": 0,
                },
            )
            for tier, tier_hours in s.uncovered_by_tier.items():
                t["tiers"][tier] = t["tiers"].get(tier, 0.0) + tier_hours
            t["unstaffed"] += s.unstaffed_shifts
            if s.resilience_pct is not None:
                t["resilience"].append(s.resilience_pct)
            if s.expected_uncovered_hours is not None:
                t["expected_uncovered_hours"].append(s.expected_uncovered_hours)
            t["demand"] += s.demand_hours
            t["uncovered_hours"] += s.uncovered_hours
            t["diverted_hours"] += s.diverted_hours
            t["cost_month"] += s.cost_month
            t["added_cost_month"] += s.added_cost_month
    return [
        {
            "key": t["key"],
            "name": t["name"],
            "coverage_pct": round(100 * (1 - t["uncovered_hours"] / t["demand"]), 2)
            if t["demand"]
            else 100.0,
            "uncovered_hours": hours(t["uncovered_hours"]),
            "uncovered_by_tier": tier_dict(t["tiers"]),
            "unstaffed_shift_count": t["unstaffed"],
            "diverted_hours": hours(t["diverted_hours"]),
            "resilience_pct": mean_pct(t["resilience"]),
            "expected_uncovered_hours": (
                hours(sum(t["expected_uncovered_hours"])) if t["expected_uncovered_hours"] else None
            ),
            "cost_month": money(t["cost_month"]),
            "cost_year": money(t["cost_month"] * 12),
            "added_cost_year": money(t["added_cost_month"] * 12),
        }
        for t in totals.values()
    ]


def gaps_json(analysis: NetworkGapAnalysis) -> str:
    """The analysis as indented UTF-8 JSON text."""
    return json.dumps(gaps_document(analysis), ensure_ascii=False, indent=2) + "\n"
