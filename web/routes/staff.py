"""A shelter's staff: the list, adding a person, changing her data, deactivating her.

Anyone who may see the shelter reads (``ShelterCode``); only its coordination or the
admin changes (``ManagedShelter``: HR gets 403). Every value is checked as a row of
``roster import staff`` is (roster/importing/forms.py), and a refusal names the field
and the reason.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from exports.feriados_json import person_totals
from models import StaffMember
from models.people import WorkingPattern
from roster import services
from roster.importing.forms import FormRefused, staff_form
from roster.services.feriados import feriado_ledger
from web import i18n
from web.deps import ManagedShelter, SessionDep, ShelterCode
from web.forms import FormDep, checked, notice_text, refusal, saved, text_fields
from web.routes.network import this_month
from web.templating import render

router = APIRouter(prefix="/hogares/{code}", tags=["datos"])
PATTERN_NAMES = {
    WorkingPattern.ROTATING: i18n.N_("Rotativo 24/7"),
    WorkingPattern.WEEKDAYS_DAY: i18n.N_("Lunes a viernes, turnos de día"),
    WorkingPattern.MON_SAT_DAY: i18n.N_("Lunes a sábado, turnos de día"),
    WorkingPattern.NIGHTS: i18n.N_("Solo noches"),
}


def shelter_context(request: Request, db: Session, code: str) -> dict[str, Any]:
    """What every page of a shelter's data reads: the shelter, its roles, the notice."""
    english = i18n.current_language() == "en"
    names = {
        role.code: role.name_en if english and role.name_en else role.name
        for role in services.list_roles(db)
    }
    return {
        "shelter": services.get_shelter(db, code),
        "role_options": list(names.items()),
        "role_name": names,
        "notice": notice_text(request.query_params.get("aviso")),
        "this_month_key": this_month(),
        "errors": {},
        "form": {},
    }


def _staff_context(request: Request, db: Session, code: str) -> dict[str, Any]:
    posts = services.list_posts(db, code)
    return {
        **shelter_context(request, db, code),
        "post_options": [(post.id, f"{post.id} ({post.role})") for post in posts],
        "posts": posts,
        "pattern_options": [(str(p), i18n.gettext(name)) for p, name in PATTERN_NAMES.items()],
        "pattern_name": {str(p): i18n.gettext(name) for p, name in PATTERN_NAMES.items()},
    }


def _typed(form: FormData) -> dict[str, Any]:
    """What the form held, to show it again after a refusal."""
    return {
        **text_fields(form, "codigo", "nombre", "funcion", "horas_semanales", "patron_trabajo"),
        "funciones_cubre": form.getlist("funciones_cubre"),
        "plazas": form.getlist("plazas"),
        "trabajo_nocturno": checked(form, "trabajo_nocturno"),
        "activa": checked(form, "activa"),
    }


def _member(db: Session, code: str, form: FormData, editing: str | None) -> StaffMember:
    typed = _typed(form)
    fields = {
        **text_fields(form, "codigo", "nombre", "funcion", "horas_semanales", "patron_trabajo"),
        "funciones_cubre": ";".join(str(role) for role in typed["funciones_cubre"]),
        "trabajo_nocturno": "si" if typed["trabajo_nocturno"] else "no",
    }
    posts = [str(post) for post in typed["plazas"] if post]
    active = typed["activa"] if editing is not None else True
    return staff_form(db, code, fields, posts, active, editing)


def _values(member: StaffMember) -> dict[str, Any]:
    return {
        "codigo": member.id,
        "nombre": member.name,
        "funcion": member.primary_role,
        "horas_semanales": f"{member.weekly_hours:g}",
        "funciones_cubre": [role for role in member.roles if role != member.primary_role],
        "plazas": list(member.post_ids),
        "trabajo_nocturno": member.night_work,
        "patron_trabajo": str(member.working_pattern),
        "activa": member.active,
    }


@router.get("/personal", response_class=HTMLResponse)
def staff_list(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """Everyone of the shelter, active or not, the feriados each one worked, and the form to
    add a person."""
    context = _staff_context(request, db, code)
    people = services.list_staff(db, code, include_inactive=True)
    people.sort(key=lambda person: (not person.active, person.id))
    feriados = sorted(person_totals(feriado_ledger(db, code)).items())
    return render(request, "hogar/staff.html", {**context, "people": people, "feriados": feriados})


@router.post("/personal", response_class=HTMLResponse)
def staff_add(request: Request, code: ManagedShelter, db: SessionDep, form: FormDep) -> Response:
    """Add a person; 422 with the reasons, nothing stored, on any bad value."""
    try:
        services.create_staff(db, _member(db, code, form, None))
    except FormRefused as error:
        people = services.list_staff(db, code, include_inactive=True)
        context = {**_staff_context(request, db, code), "people": people, "form": _typed(form)}
        return render(request, "hogar/staff.html", {**context, **refusal(error)}, 422)
    return saved(f"/hogares/{code}/personal", "alta")


@router.get("/personal/{staff_id}", response_class=HTMLResponse)
def staff_page(request: Request, code: ShelterCode, staff_id: str, db: SessionDep) -> HTMLResponse:
    """One person's data, to read or change."""
    member = services.get_staff(db, code, staff_id)
    context = {**_staff_context(request, db, code), "member": member, "form": _values(member)}
    return render(request, "hogar/staff_edit.html", context)


@router.post("/personal/{staff_id}", response_class=HTMLResponse)
def staff_change(
    request: Request, code: ManagedShelter, staff_id: str, db: SessionDep, form: FormDep
) -> Response:
    """Change a person's data (her code stays); 422 with the reasons on any bad value."""
    member = services.get_staff(db, code, staff_id)
    try:
        services.update_staff(db, _member(db, code, form, staff_id))
    except FormRefused as error:
        context = {**_staff_context(request, db, code), "member": member, "form": _typed(form)}
        return render(request, "hogar/staff_edit.html", {**context, **refusal(error)}, 422)
    return saved(f"/hogares/{code}/personal/{staff_id}", "cambio")


@router.post("/personal/{staff_id}/baja")
def staff_deactivate(code: ManagedShelter, staff_id: str, db: SessionDep) -> Response:
    """Stop planning a person; her history stays."""
    services.deactivate_staff(db, code, staff_id)
    return saved(f"/hogares/{code}/personal/{staff_id}", "baja")
