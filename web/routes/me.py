"""A staff member's own page: her published shifts, her calendar link and a download.

Made for a phone first. The link to her feed is shown once, in the answer to the form
that makes it (never in an address, so it stays out of the history and of referrers);
afterwards the page only says since when she has one, and lets her replace or stop it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from exports.ical import MEDIA_TYPE, calendar_ics
from roster.services import feeds
from roster.services.calendars import staff_calendar
from roster.services.my_shifts import month_calendars, my_shifts
from roster.settings import get_settings
from web.deps import NOT_FOUND, CurrentUser, SessionDep
from web.templating import render

router = APIRouter(prefix="/mis-turnos", tags=["personal"])


def staff_account(account: CurrentUser) -> tuple[str, str]:
    """(shelter code, staff code) of a staff account; 404 for everyone else."""
    if account.staff_code is None or not account.shelter_codes:
        raise HTTPException(404, NOT_FOUND)
    return account.shelter_codes[0], account.staff_code


def public_base(request: Request) -> str:
    """Where the app is reached: ROSTER_PUBLIC_URL if set, else the address she used."""
    return get_settings().public_url or str(request.base_url)


def _page(
    request: Request, db: Session, who: tuple[str, str], extra: dict[str, Any] | None = None
) -> HTMLResponse:
    today = date.today()
    first = today.replace(day=1)
    shifts = my_shifts(db, who[0], who[1], first)
    context = {
        "shifts": shifts,
        "months": month_calendars(shifts, first),
        "today": today,
        "feed_since": feeds.staff_feed_since(db, *who),
        **(extra or {}),
    }
    return render(request, "me/shifts.html", context)


Me = tuple[str, str]


@router.get("", response_class=HTMLResponse)
def my_shifts_page(
    request: Request, db: SessionDep, who: Me = Depends(staff_account)
) -> HTMLResponse:
    """Her own published shifts, this month and next, as a list and small calendars."""
    return _page(request, db, who)


@router.post("/calendario", response_class=HTMLResponse)
def new_feed_link(
    request: Request, account: CurrentUser, db: SessionDep, who: Me = Depends(staff_account)
) -> HTMLResponse:
    """Make a new link to her feed (the old one stops working) and show it, once."""
    token = feeds.rotate_staff_feed(db, *who, created_by=account.id)
    url = feeds.feed_url(public_base(request), token)
    return _page(request, db, who, {"new_link": url, "webcal": feeds.webcal_url(url)})


@router.post("/calendario/desactivar", response_class=HTMLResponse)
def stop_feed_link(
    request: Request, db: SessionDep, who: Me = Depends(staff_account)
) -> HTMLResponse:
    """Stop her feed's link: calendars subscribed to it stop receiving her shifts."""
    stopped = feeds.revoke_staff_feed(db, *who)
    return _page(request, db, who, {"stopped": stopped})


@router.get("/turnos.ics")
def download_shifts(db: SessionDep, who: Me = Depends(staff_account)) -> Response:
    """Her shifts as a one-off .ics file (the same content as her feed, not kept up to date)."""
    body = calendar_ics(staff_calendar(db, *who))
    headers = {"Content-Disposition": 'attachment; filename="mis-turnos.ics"'}
    return Response(body, media_type=MEDIA_TYPE, headers=headers)
