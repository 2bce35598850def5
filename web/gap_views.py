"""The gap pages' figures: the scenarios, days and roles added up, their charts and words.

Each chart is made here from the same numbers its table shows (web/charts.py draws;
roster/gaps/views.py adds up), with a description that reads the numbers out.
"""

from __future__ import annotations

from typing import Any

from models.gaps import ShelterGapAnalysis
from roster.gaps.views import PROPOSAL, day_role_hours, scenario_totals, year_roles
from web import i18n
from web.charts import Bar, Point, percent_bars, scatter, stacked_columns

SCENARIO_LABELS = {
    "proposal": i18n.N_("Propuesta del programa: coordinadora dedicada + asistente operativo"),
    "proposal_plus": i18n.N_("Propuesta + plazas de menor costo para lo que queda"),
    "recommended": i18n.N_("Plazas de menor costo, sin la propuesta"),
    "today": i18n.N_("Hoy"),
    "coordinator": i18n.N_("+ coordinadora dedicada"),
    "assistant": i18n.N_("+ asistente operativo"),
}
REASON_LABELS = {
    "nobody_qualified": i18n.N_("Nadie calificado"),
    "all_absent": i18n.N_("Todo el personal calificado ausente"),
    "weekly_hours": i18n.N_("Tope de 48 horas semanales"),
    "min_rest": i18n.N_("Descanso mínimo entre turnos"),
    "weekly_rest": i18n.N_("Descanso semanal de 24 horas"),
    "consecutive": i18n.N_("Días o noches consecutivos"),
    "work_limits": i18n.N_("Límites propios de la persona o sucesión prohibida"),
    "busy": i18n.N_("Personal ocupado en otros turnos"),
    "unknown": i18n.N_("Sin causa identificada"),
}
TIER_LABELS = {  # coverage tiers, most important first (DOMAIN.md)
    "essential": i18n.N_("Esencial"),
    "normal": i18n.N_("Normal"),
    "optional": i18n.N_("Opcional"),
}
DAY_CLASS_LABELS = {
    "weekday": i18n.N_("Lunes a viernes"),
    "saturday": i18n.N_("Sábado"),
    "sunday": i18n.N_("Domingo"),
    "holiday": i18n.N_("Feriado"),
}


def _number(value: float, digits: int = 1) -> str:
    return i18n.formats().decimal(round(value, digits))


def role_names(shelters: list[ShelterGapAnalysis]) -> dict[str, str]:
    """Role code -> name, from the analyses themselves."""
    names: dict[str, str] = {}
    for shelter in shelters:
        names.update(shelter.role_names)
    return names


def gap_figures(
    shelters: list[ShelterGapAnalysis], year: int, month: int, chart_id: str
) -> dict[str, Any]:
    """Scenarios, uncovered hours by day and role, the yearly roles, and the three charts."""
    names = role_names(shelters)
    scenarios = scenario_totals(shelters)
    labels = {s.key: i18n.gettext(SCENARIO_LABELS.get(s.key, s.name)) for s in scenarios}
    days = day_role_hours(shelters, year, month)
    return {
        "scenarios": scenarios,
        "scenario_labels": labels,
        "proposal": PROPOSAL,
        "days": days,
        "year_roles": year_roles(shelters),
        "yearly": shelters[0].yearly if shelters else None,
        "names": names,
        "coverage_chart": _coverage_chart(chart_id, scenarios, labels),
        "days_chart": _days_chart(chart_id, days, names),
        "cost_chart": _cost_chart(chart_id, scenarios, labels),
    }


def _coverage_chart(chart_id: str, scenarios: list[Any], labels: dict[str, str]) -> Any:
    bars = [Bar(labels[s.key], s.coverage_pct) for s in scenarios]
    read = "; ".join(f"{bar.label}: {_number(bar.value)} %" for bar in bars)
    return percent_bars(
        f"{chart_id}-cobertura",
        i18n.gettext("Cobertura de la demanda mínima por escenario"),
        read,
        bars,
    )


def _days_chart(chart_id: str, days: Any, names: dict[str, str]) -> Any:
    total = sum(days.role_total(role) for role in days.roles)
    worst = max(range(len(days.days)), key=days.day_total, default=None)
    read = i18n.gettext("%(hours)s horas sin cubrir en el mes.") % {"hours": _number(total)}
    if worst is not None and total > 0:
        read += " " + i18n.gettext(
            "El día con más horas sin cubrir es el %(day)s (%(hours)s h)."
        ) % {
            "day": days.days[worst].strftime("%d/%m"),
            "hours": _number(days.day_total(worst)),
        }
    series = {names.get(role, role): days.hours[role] for role in days.roles}
    return stacked_columns(
        f"{chart_id}-dias",
        i18n.gettext("Horas sin cubrir por día y función (hoy)"),
        read,
        [str(day.day) for day in days.days],
        series,
        i18n.gettext("horas"),
    )


def _cost_chart(chart_id: str, scenarios: list[Any], labels: dict[str, str]) -> Any:
    points = [
        Point(labels[s.key], str(number), float(s.cost_month), s.coverage_pct)
        for number, s in enumerate(scenarios, start=1)
    ]
    read = "; ".join(
        f"{point.mark}. {point.label}: S/ {_number(point.x, 0)}, {_number(point.y)} %"
        for point in points
    )
    return scatter(
        f"{chart_id}-costo",
        i18n.gettext("Costo mensual frente a cobertura por escenario"),
        read,
        points,
        (i18n.gettext("Costo mensual"), "S/", i18n.gettext("Cobertura"), "%"),
    )
