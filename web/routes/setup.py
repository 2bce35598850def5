"""A shelter's planning setup: shift types, coverage rules and the rule settings.

Shift types and coverage rules are checked as ``roster import coverage`` checks a row;
the rule settings by ``roster.services.rule_settings`` against the bounds it states.
Each page reads with ``ShelterCode`` and changes with ``ManagedShelter``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from models import CoverageRule, DayClass, ShiftType, Tier
from roster import services
from roster.importing.coverage import DAY_CLASSES, GROUPS, TIERS
from roster.importing.examples import coverage_row
from roster.importing.forms import FormRefused, coverage_form, shift_form
from roster.services.rule_settings import rule_lines, rules_from_form
from web.deps import ManagedShelter, SessionDep, ShelterCode
from web.forms import FormDep, refusal, saved, text_fields
from web.routes.staff import shelter_context
from web.templating import render

router = APIRouter(prefix="/hogares/{code}", tags=["datos"])
SHIFT_FIELDS = ("codigo", "nombre", "inicio", "horas", "refrigerio", "guardia")
RULE_KEY_FIELDS = ("funcion", "turno", "tipo_dia", "prioridad")
COVERAGE_FIELDS = (*RULE_KEY_FIELDS, "minimo", "deseado", "grupo", "por_cada", "sobre")
DAY_WORD = {day_class: word for word, day_class in DAY_CLASSES.items()}
TIER_WORD = {tier: word for word, tier in TIERS.items()}


def _shift_values(shift: ShiftType) -> dict[str, str]:
    return {
        "codigo": shift.code,
        "nombre": shift.name,
        "inicio": f"{shift.start:%H:%M}",
        "horas": f"{shift.minutes / 60:g}",
        "refrigerio": str(shift.break_minutes),
        "guardia": "si" if shift.is_guard else "",
    }


def _shifts_context(request: Request, db: Session, code: str) -> dict[str, Any]:
    return {
        **shelter_context(request, db, code),
        "shifts": services.list_shift_types(db, code, include_inactive=True),
        "active_codes": {s.code for s in services.list_shift_types(db, code)},
        "form": {"inicio": "07:00", "horas": "8", "refrigerio": "0"},
    }


@router.get("/turnos", response_class=HTMLResponse)
def shift_list(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """The shelter's shift types and the form to add one."""
    return render(request, "hogar/shifts.html", _shifts_context(request, db, code))


@router.post("/turnos", response_class=HTMLResponse)
def shift_add(request: Request, code: ManagedShelter, db: SessionDep, form: FormDep) -> Response:
    """Add a shift type; 422 with the reasons on any bad value."""
    typed = text_fields(form, *SHIFT_FIELDS)
    try:
        services.create_shift_type(db, code, shift_form(db, code, typed))
    except FormRefused as error:
        context = {**_shifts_context(request, db, code), "form": typed, **refusal(error)}
        return render(request, "hogar/shifts.html", context, 422)
    return saved(f"/hogares/{code}/turnos", "alta")


@router.get("/turnos/{shift_code}", response_class=HTMLResponse)
def shift_page(
    request: Request, code: ShelterCode, shift_code: str, db: SessionDep
) -> HTMLResponse:
    """One shift type, to read or change."""
    shift = services.get_shift_type(db, code, shift_code)
    context = {**_shifts_context(request, db, code), "shift": shift, "form": _shift_values(shift)}
    return render(request, "hogar/shift_edit.html", context)


@router.post("/turnos/{shift_code}", response_class=HTMLResponse)
def shift_change(
    request: Request, code: ManagedShelter, shift_code: str, db: SessionDep, form: FormDep
) -> Response:
    """Change a shift type (its code stays); rosters already made keep their shifts."""
    shift = services.get_shift_type(db, code, shift_code)
    typed = text_fields(form, *SHIFT_FIELDS)
    try:
        services.update_shift_type(db, code, shift_form(db, code, typed, shift_code))
    except FormRefused as error:
        context = {**_shifts_context(request, db, code), "shift": shift, "form": typed}
        return render(request, "hogar/shift_edit.html", {**context, **refusal(error)}, 422)
    return saved(f"/hogares/{code}/turnos/{shift_code}", "cambio")


@router.post("/turnos/{shift_code}/baja")
def shift_retire(code: ManagedShelter, shift_code: str, db: SessionDep) -> Response:
    """Stop planning a shift type; old rosters keep it."""
    services.deactivate_shift_type(db, code, shift_code)
    return saved(f"/hogares/{code}/turnos", "baja")


def _coverage_context(request: Request, db: Session, code: str) -> dict[str, Any]:
    shifts = services.list_shift_types(db, code)
    order = {s.code: i for i, s in enumerate(shifts)}
    classes, tiers = list(DayClass), list(Tier)
    rules = sorted(
        services.list_coverage(db, code),
        key=lambda r: (
            r.role,
            order.get(r.shift, 99),
            classes.index(r.day_class),
            tiers.index(r.tier),
        ),
    )
    return {
        **shelter_context(request, db, code),
        "rules": rules,
        "day_word": DAY_WORD,
        "tier_word": TIER_WORD,
        "group_word": {group: word for word, group in GROUPS.items()},
        "shift_options": [(s.code, f"{s.code} · {s.name}") for s in shifts],
        "form": {"tipo_dia": "laborable", "minimo": "1", "deseado": "1", "prioridad": "normal"},
    }


def _chosen_rule(request: Request, rules: list[CoverageRule]) -> CoverageRule | None:
    """The rule the query names (its role, shift, day and tier as the form writes them)."""
    wanted = {name: request.query_params.get(name, "") for name in RULE_KEY_FIELDS}
    return next(
        (r for r in rules if {k: coverage_row(r)[k] for k in RULE_KEY_FIELDS} == wanted), None
    )


@router.get("/cobertura", response_class=HTMLResponse)
def coverage_page(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """How many people of each role every shift needs, by class of day; with
    ``?funcion=&turno=&tipo_dia=&prioridad=`` the form holds that rule, to change it."""
    context = _coverage_context(request, db, code)
    chosen = _chosen_rule(request, context["rules"])
    if chosen is not None:
        context.update(form=coverage_row(chosen), editing=chosen)
    return render(request, "hogar/coverage.html", context)


@router.post("/cobertura", response_class=HTMLResponse)
def coverage_set(request: Request, code: ManagedShelter, db: SessionDep, form: FormDep) -> Response:
    """Create or replace the rule of a role, shift, class of day and tier."""
    typed = text_fields(form, *COVERAGE_FIELDS)
    try:
        services.set_coverage_rule(db, code, coverage_form(db, code, typed))
    except FormRefused as error:
        context = {**_coverage_context(request, db, code), "form": typed, **refusal(error)}
        return render(request, "hogar/coverage.html", context, 422)
    return saved(f"/hogares/{code}/cobertura", "cambio")


@router.post("/cobertura/borrar")
def coverage_remove(code: ManagedShelter, db: SessionDep, form: FormDep) -> Response:
    """Remove one coverage rule (that role is no longer needed on that shift, day and tier)."""
    typed = text_fields(form, "funcion", "turno", "tipo_dia", "prioridad")
    day_class = DAY_CLASSES.get(typed["tipo_dia"])
    if day_class is None:
        raise services.InvalidInput(f"Tipo de día '{typed['tipo_dia']}' no válido.")
    tier = TIERS.get(typed["prioridad"] or "normal")
    if tier is None:
        raise services.InvalidInput(f"Prioridad '{typed['prioridad']}' no válida.")
    services.delete_coverage_rule(db, code, typed["funcion"], typed["turno"], day_class, tier)
    return saved(f"/hogares/{code}/cobertura", "borrado")


def _rules_context(request: Request, db: Session, code: str) -> dict[str, Any]:
    rules = services.get_rule_set(db, code)
    return {**shelter_context(request, db, code), "lines": rule_lines(rules)}


@router.get("/reglas", response_class=HTMLResponse)
def rules_page(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """Every rule with its explanation, the source of its default, and its settings."""
    return render(request, "hogar/rules.html", _rules_context(request, db, code))


@router.post("/reglas", response_class=HTMLResponse)
def rules_save(request: Request, code: ManagedShelter, db: SessionDep, form: FormDep) -> Response:
    """Store the rule settings; 422 naming each value out of bounds, nothing stored."""
    fields = {name: value for name, value in form.items() if isinstance(value, str)}
    try:
        rules = rules_from_form(services.get_rule_set(db, code), fields)
    except FormRefused as error:
        context = {**_rules_context(request, db, code), "form": fields, **refusal(error)}
        return render(request, "hogar/rules.html", context, 422)
    services.set_rule_set(db, code, rules)
    return saved(f"/hogares/{code}/reglas", "cambio")
