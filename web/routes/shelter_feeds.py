"""A shelter's calendar links: the coordination's feed and each staff member's, made or stopped.

Anyone who may see the shelter sees which links exist (never the links: they are stored
hashed); only its coordination (or the admin) makes or stops them. A new link is shown
once, in the answer to the form that made it, for the coordinator to hand over in person.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from roster import services
from roster.services import feeds
from web import i18n
from web.deps import CurrentUser, ManagedShelter, SessionDep, ShelterCode
from web.routes.me import public_base
from web.templating import render

router = APIRouter(prefix="/hogares/{code}/calendarios", tags=["calendarios"])


def _page(
    request: Request, db: Session, code: str, extra: dict[str, Any] | None = None
) -> HTMLResponse:
    shelter_since, staff_since = feeds.shelter_feed_links(db, code)
    context = {
        "shelter": services.get_shelter(db, code),
        "people": services.list_staff(db, code),
        "shelter_since": shelter_since,
        "staff_since": staff_since,
        **(extra or {}),
    }
    return render(request, "feeds/shelter.html", context)


def _shown(request: Request, token: str, who: str) -> dict[str, Any]:
    url = feeds.feed_url(public_base(request), token)
    return {"new_link": url, "webcal": feeds.webcal_url(url), "new_for": who}


@router.get("", response_class=HTMLResponse)
def feed_links(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """Which calendar links of the shelter and its staff are working, and since when."""
    return _page(request, db, code)


@router.post("/hogar", response_class=HTMLResponse)
def new_shelter_link(
    request: Request, code: ManagedShelter, account: CurrentUser, db: SessionDep
) -> HTMLResponse:
    """A new link to the shelter's feed (every shift, uncovered ones marked); the old one stops."""
    token = feeds.rotate_shelter_feed(db, code, created_by=account.id)
    return _page(request, db, code, _shown(request, token, i18n.gettext("la coordinación")))


@router.post("/hogar/desactivar", response_class=HTMLResponse)
def stop_shelter_link(request: Request, code: ManagedShelter, db: SessionDep) -> HTMLResponse:
    """Stop the shelter feed's link."""
    feeds.revoke_shelter_feed(db, code)
    return _page(request, db, code, {"stopped": i18n.gettext("la coordinación")})


@router.post("/personal/{staff}", response_class=HTMLResponse)
def new_staff_link(
    request: Request, code: ManagedShelter, staff: str, account: CurrentUser, db: SessionDep
) -> HTMLResponse:
    """A new link to one staff member's own feed, for her; her old one stops."""
    person = services.get_staff(db, code, staff)
    token = feeds.rotate_staff_feed(db, code, staff, created_by=account.id)
    return _page(request, db, code, _shown(request, token, person.name))


@router.post("/personal/{staff}/desactivar", response_class=HTMLResponse)
def stop_staff_link(
    request: Request, code: ManagedShelter, staff: str, db: SessionDep
) -> HTMLResponse:
    """Stop one staff member's feed link (e.g. a lost phone, or she left)."""
    person = services.get_staff(db, code, staff)
    feeds.revoke_staff_feed(db, code, staff)
    return _page(request, db, code, {"stopped": person.name})
