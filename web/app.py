"""The web application: a thin FastAPI + Jinja2 layer over the roster services.

This first version shows the network's shelters; the full coordinator and HR
interface is built on top of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from roster import services
from roster.storage import session_scope

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=HERE / "templates")


def get_session() -> Iterator[Session]:
    """One database session per request, committed when the request ends."""
    with session_scope() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def create_app() -> FastAPI:
    """Build the application (uvicorn calls this as a factory)."""
    app = FastAPI(title="Rol de turnos — Hogares de Refugio Temporal", docs_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/", response_class=HTMLResponse)
    def network_page(request: Request, session: SessionDep) -> HTMLResponse:
        counts = services.active_staff_counts(session)
        rows = [
            {"shelter": shelter, "staff": counts.get(shelter.code, 0)}
            for shelter in services.list_shelters(session)
        ]
        return templates.TemplateResponse(request, "network.html", {"rows": rows})

    @app.get("/hogares/{code}", response_class=HTMLResponse)
    def shelter_page(request: Request, code: str, session: SessionDep) -> HTMLResponse:
        try:
            data = services.get_shelter_data(session, code)
        except services.NotFound as error:
            raise HTTPException(status_code=404, detail=str(error)) from error
        roles = {role.code: role for role in services.list_roles(session)}
        return templates.TemplateResponse(request, "shelter.html", {"data": data, "roles": roles})

    @app.get("/salud")
    def health() -> dict[str, str]:
        return {"estado": "ok"}

    return app
