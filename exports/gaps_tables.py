"""The tables of the gap report: columns (Spanish header, number format) and rows per shelter.

Shared by the Excel workbook (one sheet per table). Rows are plain values: numbers stay
numbers, dates stay dates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from exports.gaps_labels import DAY_CLASSES_ES, REASONS_ES, STATUS_ES
from models.coverage import TIER_NAMES_ES, TIERS, Tier
from models.gaps import NetworkGapAnalysis, ShelterGapAnalysis

Column = tuple[str, str]  # header, format key

Rows = Callable[[ShelterGapAnalysis], Iterable[list[Any]]]
TIER_COLUMNS: list[Column] = [(f"Sin cubrir {TIER_NAMES_ES[tier]} (h)", "hours") for tier in TIERS]


def tier_cells(by_tier: dict[str, float]) -> list[float]:
    """Uncovered hours of each tier, essential first (0 when none)."""
    return [by_tier.get(str(tier), 0.0) for tier in TIERS]


def network_rows(analysis: NetworkGapAnalysis) -> list[list[Any]]:
    """The ranking by gap, one row per shelter, and a total row."""
    rows: list[list[Any]] = []
    for rank, item in enumerate(analysis.ranked(), start=1):
        posts = ", ".join(f"{p.count} {p.role}" for p in item.recommended) or "—"
        rows.append(
            [
                rank,
                item.shelter_code,
                item.shelter_name,
                item.department,
                item.today.demand_hours,
                item.uncovered_hours,
                *tier_cells(item.today.tiers),
                len(item.today.unstaffed),
                item.today.coverage_pct,
                item.proof.proved_hours,
                posts,
                float(item.recommended_cost),
                item.uncovered_hours_after,
            ]
        )
    total_posts = ", ".join(f"{n} {role}" for role, n in analysis.total_posts().items()) or "—"
    rows.append(
        [
            "",
            "Total red",
            "",
            "",
            sum(i.today.demand_hours for i in analysis.shelters),
            analysis.uncovered_hours,
            *tier_cells(analysis.uncovered_by_tier()),
            analysis.unstaffed_shifts,
            None,
            sum(i.proof.proved_hours for i in analysis.shelters),
            total_posts,
            float(analysis.total_cost),
            sum(i.uncovered_hours_after for i in analysis.shelters),
        ]
    )
    return rows


NETWORK_COLUMNS: list[Column] = [
    ("Puesto", "int"),
    ("Hogar", "text"),
    ("Nombre", "text"),
    ("Departamento", "text"),
    ("Demanda mínima (h)", "hours"),
    ("Sin cubrir (h)", "hours"),
    *TIER_COLUMNS,
    ("Turnos sin nadie en el hogar", "int"),
    ("Cobertura (%)", "pct"),
    ("Probado sin cubrir (h)", "hours"),
    ("Plazas recomendadas", "text"),
    ("Costo mensual plazas (S/)", "money"),
    ("Sin cubrir con plazas (h)", "hours"),
]


def gap_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    for line in item.today.lines:
        yield [
            item.shelter_code,
            line.role,
            line.shift,
            DAY_CLASSES_ES.get(line.day_class, line.day_class),
            REASONS_ES.get(line.reason, line.reason),
            line.shifts,
            line.hours,
            TIER_NAMES_ES[Tier(line.tier)],
        ]


def unstaffed_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    """The headline: each shift with nobody on site, the role short and the rule why."""
    for u in item.today.unstaffed:
        yield [item.shelter_code, u.day, u.shift, u.role, REASONS_ES.get(u.reason, u.reason)]


def carrier_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    for c in item.carriers:
        yield [
            item.shelter_code,
            c.staff_id,
            c.primary_role,
            c.coordination_hours,
            c.own_role_uncovered_hours,
        ]


def contract_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    for line in item.contracts:
        yield [
            item.shelter_code,
            line.staff_id,
            line.primary_role,
            line.worked_hours,
            line.contract_hours,
            line.above_hours,
        ]


def scenario_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    for s in item.scenarios:
        added = ", ".join(f"{n} {role}" for role, n in s.added.items()) or "—"
        by_role = "; ".join(f"{role}: {h:.0f} h" for role, h in s.uncovered_by_role.items()) or "—"
        yield [
            item.shelter_code,
            s.name,
            added,
            s.coverage_pct,
            s.uncovered_hours,
            *tier_cells(s.uncovered_by_tier),
            s.unstaffed_shifts,
            by_role,
            s.coordination_by_others_hours,
            s.hours_returned,
            s.hours_above_contract,
            s.resilience_pct,
            s.expected_uncovered_hours,
            float(s.cost_month),
            float(s.cost_year),
            float(s.added_cost_month),
            STATUS_ES.get(s.status, s.status),
        ]


def post_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    for p in item.recommended:
        yield [
            item.shelter_code,
            f"{p.role} (vacante)" if p.vacancy else p.role,
            p.count,
            p.weekly_hours,
            float(p.unit_cost),
            float(p.cost_month),
            STATUS_ES.get(item.staffing_status, item.staffing_status),
        ]


def fte_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    by_role = item.today.by("role")
    for role, fte in item.fte_estimate.items():
        yield [item.shelter_code, role, by_role.get(role, 0.0), item.capacity_hours, fte]


def yearly_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    y = item.yearly
    yield [
        item.shelter_code,
        y.year,
        y.hours_per_post,
        y.feriados,
        y.contract_hours,
        y.vacation_hours,
        y.feriado_hours,
        y.offered_hours,
        y.leave_hours,
        y.offered_hours_with_leave,
        y.people_per_post,
        y.people_per_post_with_leave,
    ]


def yearly_role_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    for r in item.yearly_roles:
        yield [
            item.shelter_code,
            r.role,
            r.demand_hours,
            r.posts_24_7,
            r.people_needed,
            r.people_needed_with_leave,
            r.people_today,
        ]


def heat_rows(item: ShelterGapAnalysis) -> Iterable[list[Any]]:
    for cell in item.today.heat:
        yield [item.shelter_code, cell.day, cell.shift, cell.required, cell.covered]


SHELTER = ("Hogar", "text")
SHEETS: list[tuple[str, list[Column], Rows]] = [
    (
        "Brechas",
        [
            SHELTER,
            ("Función", "text"),
            ("Turno", "text"),
            ("Tipo de día", "text"),
            ("Causa", "text"),
            ("Turnos sin cubrir", "int"),
            ("Horas sin cubrir", "hours"),
            ("Prioridad", "text"),
        ],
        gap_rows,
    ),
    (
        "Turnos sin nadie",
        [
            SHELTER,
            ("Fecha", "date"),
            ("Turno", "text"),
            ("Función", "text"),
            ("Causa", "text"),
        ],
        unstaffed_rows,
    ),
    (
        "Coordinación",
        [
            SHELTER,
            ("Personal", "text"),
            ("Función propia", "text"),
            ("Horas de coordinación", "hours"),
            ("Horas de su función sin cubrir", "hours"),
        ],
        carrier_rows,
    ),
    (
        "Horas sobre contrato",
        [
            SHELTER,
            ("Personal", "text"),
            ("Función", "text"),
            ("Horas trabajadas", "hours"),
            ("Horas de contrato", "hours"),
            ("Horas sobre contrato", "hours"),
        ],
        contract_rows,
    ),
    (
        "Escenarios",
        [
            SHELTER,
            ("Escenario", "text"),
            ("Plazas añadidas", "text"),
            ("Cobertura (%)", "pct"),
            ("Sin cubrir (h)", "hours"),
            *TIER_COLUMNS,
            ("Turnos sin nadie en el hogar", "int"),
            ("Sin cubrir por función", "text"),
            ("Coordinación desviada (h)", "hours"),
            ("Horas devueltas (h)", "hours"),
            ("Horas sobre contrato", "hours"),
            ("Resiliencia (%)", "pct"),
            ("Sin cubrir esperado por ausencias (h)", "hours"),
            ("Costo mensual (S/)", "money"),
            ("Costo anual (S/)", "money"),
            ("Costo añadido (S/)", "money"),
            ("Estado", "text"),
        ],
        scenario_rows,
    ),
    (
        "Plazas recomendadas",
        [
            SHELTER,
            ("Función", "text"),
            ("Cantidad", "int"),
            ("Horas semanales", "hours"),
            ("Costo unitario (S/)", "money"),
            ("Costo mensual (S/)", "money"),
            ("Prueba", "text"),
        ],
        post_rows,
    ),
    (
        "Estimación FTE",
        [
            SHELTER,
            ("Función", "text"),
            ("Horas sin cubrir", "hours"),
            ("Horas de un mes completo", "hours"),
            ("FTE", "ratio"),
        ],
        fte_rows,
    ),
    (
        "Anual",
        [
            SHELTER,
            ("Año", "int"),
            ("Horas de un puesto 24/7", "hours"),
            ("Feriados", "int"),
            ("Horas de contrato", "hours"),
            ("Vacaciones (h)", "hours"),
            ("Feriados (h)", "hours"),
            ("Horas ofrecidas", "hours"),
            ("Licencias y capacitación (h)", "hours"),
            ("Horas ofrecidas con licencias", "hours"),
            ("Personas por puesto", "ratio"),
            ("Personas por puesto con licencias", "ratio"),
        ],
        yearly_rows,
    ),
    (
        "Anual por función",
        [
            SHELTER,
            ("Función", "text"),
            ("Demanda mínima anual (h)", "hours"),
            ("Puestos 24/7", "ratio"),
            ("Personas necesarias", "ratio"),
            ("Con licencias", "ratio"),
            ("Personas hoy", "int"),
        ],
        yearly_role_rows,
    ),
    (
        "Cobertura diaria",
        [
            SHELTER,
            ("Fecha", "date"),
            ("Turno", "text"),
            ("Personas requeridas", "int"),
            ("Personas cubiertas", "int"),
        ],
        heat_rows,
    ),
]
