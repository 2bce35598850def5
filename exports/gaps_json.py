"""The gap analysis as JSON (docs/gaps.md): one entry per shelter and the network totals.

A pure function: result dataclasses in, text out. Hours are person-hours, money is soles
a month. Keys are stable; add keys, never rename or remove them.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from models.gaps import NetworkGapAnalysis, ScenarioResult, ShelterGapAnalysis

FORMAT_VERSION = 1


def money(value: Decimal) -> float:
    """Soles as a JSON number (two decimals at most)."""
    return round(float(value), 2)


def hours(value: float) -> float:
    return round(value, 2)


def scenario_dict(item: ScenarioResult) -> dict[str, Any]:
    """One scenario of a shelter."""
    return {
        "key": item.key,
        "name": item.name,
        "added_posts": dict(item.added),
        "coverage_pct": round(item.coverage_pct, 2),
        "uncovered_hours": hours(item.uncovered_hours),
        "uncovered_by_role": {role: hours(h) for role, h in item.uncovered_by_role.items()},
        "coordination_by_others_hours": hours(item.coordination_by_others_hours),
        "hours_above_contract": hours(item.hours_above_contract),
        "cost_month": money(item.cost_month),
        "added_cost_month": money(item.added_cost_month),
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


def posts_dict(item: ShelterGapAnalysis) -> dict[str, Any]:
    """The recommended posts, their cost, the FTE estimate and the gap after."""
    posts = [
        {
            "role": p.role,
            "count": p.count,
            "unit_cost": money(p.unit_cost),
            "cost_month": money(p.cost_month),
        }
        for p in item.recommended
    ]
    return {
        "recommended_posts": posts,
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
        "vacant_posts": dict(item.vacant_posts),
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
            "recommended_posts": analysis.total_posts(),
            "recommended_cost_month": money(analysis.total_cost),
            "wall_seconds": round(analysis.wall_seconds, 1),
        },
    }


def gaps_json(analysis: NetworkGapAnalysis) -> str:
    """The analysis as indented UTF-8 JSON text."""
    return json.dumps(gaps_document(analysis), ensure_ascii=False, indent=2) + "\n"
