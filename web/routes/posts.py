"""A shelter's posts (plazas): the list with its vacancies, adding, changing and retiring one."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from models import Post
from roster import services
from roster.importing.forms import POST_STATES, FormRefused, post_form
from web import i18n
from web.deps import ManagedShelter, SessionDep, ShelterCode
from web.forms import FormDep, refusal, saved, text_fields
from web.routes.staff import shelter_context
from web.templating import render

router = APIRouter(prefix="/hogares/{code}", tags=["datos"])
FIELDS = ("codigo", "funcion", "regimen", "horas_semanales", "costo_mensual", "estado")
STATE_NAMES = {
    "filled": i18n.N_("Ocupada"),
    "vacant": i18n.N_("Vacante"),
    "proposed": i18n.N_("Propuesta"),
}


def _context(request: Request, db: Session, code: str) -> dict[str, Any]:
    posts = services.list_posts(db, code)
    holders: dict[str, list[str]] = {}
    for person in services.list_staff(db, code):
        for post in person.post_ids:
            holders.setdefault(post, []).append(person.name)
    words = {key: i18n.gettext(text) for key, text in STATE_NAMES.items()}
    return {
        **shelter_context(request, db, code),
        "posts": posts,
        "holders": holders,
        "vacancies": sum(post.status == "vacant" for post in posts),
        "state_name": words,
        "state_options": [(word, words[state]) for word, state in POST_STATES.items()],
    }


def _values(post: Post) -> dict[str, str]:
    state = next(word for word, value in POST_STATES.items() if value == post.status)
    return {
        "codigo": post.id,
        "funcion": post.role,
        "regimen": post.regime,
        "horas_semanales": f"{post.weekly_hours:g}",
        "costo_mensual": f"{post.monthly_cost:.2f}",
        "estado": state,
    }


def _refused(
    request: Request, context: dict[str, Any], form: FormData, error: FormRefused, page: str
) -> HTMLResponse:
    values = {**context, "form": text_fields(form, *FIELDS), **refusal(error)}
    return render(request, page, values, 422)


@router.get("/plazas", response_class=HTMLResponse)
def post_list(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """The shelter's posts, who holds each, and the form to add one."""
    return render(request, "hogar/posts.html", _context(request, db, code))


@router.post("/plazas", response_class=HTMLResponse)
def post_add(request: Request, code: ManagedShelter, db: SessionDep, form: FormDep) -> Response:
    """Add a post; 422 with the reasons on any bad value."""
    try:
        services.create_post(db, post_form(db, code, text_fields(form, *FIELDS)))
    except FormRefused as error:
        return _refused(request, _context(request, db, code), form, error, "hogar/posts.html")
    return saved(f"/hogares/{code}/plazas", "alta")


@router.get("/plazas/{post_id}", response_class=HTMLResponse)
def post_page(request: Request, code: ShelterCode, post_id: str, db: SessionDep) -> HTMLResponse:
    """One post, to read or change."""
    post = services.get_post(db, code, post_id)
    context = {**_context(request, db, code), "post": post, "form": _values(post)}
    return render(request, "hogar/post_edit.html", context)


@router.post("/plazas/{post_id}", response_class=HTMLResponse)
def post_change(
    request: Request, code: ManagedShelter, post_id: str, db: SessionDep, form: FormDep
) -> Response:
    """Change a post (its code stays)."""
    post = services.get_post(db, code, post_id)
    try:
        services.update_post(db, post_form(db, code, text_fields(form, *FIELDS), post_id))
    except FormRefused as error:
        context = {**_context(request, db, code), "post": post}
        return _refused(request, context, form, error, "hogar/post_edit.html")
    return saved(f"/hogares/{code}/plazas/{post_id}", "cambio")


@router.post("/plazas/{post_id}/baja")
def post_retire(code: ManagedShelter, post_id: str, db: SessionDep) -> Response:
    """Retire a post; whoever holds it stays on the staff."""
    services.deactivate_post(db, code, post_id)
    return saved(f"/hogares/{code}/plazas", "baja")
