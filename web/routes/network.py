"""The start page: the network for national staff, her shelters for a coordinator."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from roster import services
from web.deps import CurrentUser, SessionDep, ShelterCode
from web.templating import render

router = APIRouter(tags=["red"])


def this_month() -> str:
    """The current month as YYYY-MM (Lima's calendar is close enough to the server's)."""
    return date.today().strftime("%Y-%m")


def next_month() -> str:
    """The month after the current one, as YYYY-MM."""
    today = date.today()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return f"{year}-{month:02d}"


@router.get("/", response_class=HTMLResponse)
def home(request: Request, account: CurrentUser, db: SessionDep) -> HTMLResponse:
    """The network (admin, HR), her shelter or shelters (coordinator), her shifts (staff)."""
    if account.role == "staff":
        return RedirectResponse("/mis-turnos", status_code=303)  # type: ignore[return-value]
    shelters = [s for s in services.list_shelters(db) if account.sees(s.code)]
    if account.role == "coordinator" and len(shelters) == 1:
        return RedirectResponse(f"/hogares/{shelters[0].code}", status_code=303)  # type: ignore[return-value]
    counts = services.active_staff_counts(db)
    rows = [{"shelter": shelter, "staff": counts.get(shelter.code, 0)} for shelter in shelters]
    return render(request, "network.html", {"rows": rows, "month": this_month()})


@router.get("/hogares/{code}", response_class=HTMLResponse)
def shelter_page(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """A shelter: its staff, shifts and the month rosters to open."""
    data = services.get_shelter_data(db, code)
    roles = {role.code: role for role in services.list_roles(db)}
    months = [this_month(), next_month()]
    return render(request, "shelter.html", {"data": data, "roles": roles, "months": months})
