"""A staff member's own page: her published shifts this month and next."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from roster.services.my_shifts import my_shifts
from web.deps import NOT_FOUND, CurrentUser, SessionDep
from web.templating import render

router = APIRouter(tags=["personal"])


@router.get("/mis-turnos", response_class=HTMLResponse)
def my_shifts_page(request: Request, account: CurrentUser, db: SessionDep) -> HTMLResponse:
    """Her own published shifts, this month and next; other accounts have no such page."""
    if account.staff_code is None or not account.shelter_codes:
        raise HTTPException(404, NOT_FOUND)
    today = date.today()
    shifts = my_shifts(db, account.shelter_codes[0], account.staff_code, today.replace(day=1))
    return render(request, "me/shifts.html", {"shifts": shifts, "today": today})
