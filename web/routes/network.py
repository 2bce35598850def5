"""The start page: the network for national staff, her shelters for a coordinator."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from roster import services
from roster.planning import parse_month
from roster.services.dashboard import SORT_KEYS, network_dashboard, sort_lines
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
def home(
    request: Request,
    account: CurrentUser,
    db: SessionDep,
    mes: str | None = None,
    orden: str = "code",
    direction: Annotated[str, Query(alias="dir")] = "asc",
) -> HTMLResponse:
    """The network dashboard (admin, HR), her shelter or shelters (coordinator), her shifts
    (staff). ``?mes=YYYY-MM`` picks the month, ``?orden=`` and ``?dir=`` the sorting."""
    if account.role == "staff":
        return RedirectResponse("/mis-turnos", status_code=303)  # type: ignore[return-value]
    codes = [s.code for s in services.list_shelters(db) if account.sees(s.code)]
    if account.role == "coordinator" and len(codes) == 1:
        return RedirectResponse(f"/hogares/{codes[0]}", status_code=303)  # type: ignore[return-value]
    try:
        year, month = parse_month(mes or this_month())
    except ValueError:
        year, month = parse_month(this_month())
    lines = [line for line in network_dashboard(db, year, month) if line.code in codes]
    key = orden if orden in SORT_KEYS else "code"
    descending = direction == "desc"
    context = {
        "lines": sort_lines(lines, key, descending),
        "month": f"{year:04d}-{month:02d}",
        "sort": key,
        "descending": descending,
        "role_names": {role.code: role.name for role in services.list_roles(db)},
    }
    return render(request, "network.html", context)


@router.get("/hogares/{code}", response_class=HTMLResponse)
def shelter_page(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """A shelter: its staff, shifts and the month rosters to open."""
    data = services.get_shelter_data(db, code)
    roles = {role.code: role for role in services.list_roles(db)}
    months = [this_month(), next_month()]
    return render(request, "shelter.html", {"data": data, "roles": roles, "months": months})
