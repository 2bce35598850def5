"""The web application: a thin FastAPI + Jinja2 + htmx layer over the roster services.

Routers live in web/routes/ (one per area); permissions in web/deps.py; cookies, CSRF and
headers in web/security.py. Errors become Spanish pages (or JSON under /api) without
a stack trace.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from roster.services import Conflict, InvalidInput, NotFound, ServiceError
from web import i18n
from web.deps import SignInRequired
from web.routes import (
    api,
    api_roster,
    auth,
    backups,
    calendar,
    calendar_edit,
    feeds,
    gaps,
    gaps_year,
    imports,
    me,
    my_swaps,
    network,
    posts,
    repair,
    roster,
    roster_files,
    setup,
    shelter_feeds,
    staff,
)
from web.security import SecurityHeaders
from web.templating import render

HERE = Path(__file__).resolve().parent
log = logging.getLogger(__name__)
TITLES = {
    400: i18n.N_("La solicitud no es válida"),
    403: i18n.N_("No tiene permiso para esto"),
    404: i18n.N_("No encontramos esta página"),
    405: i18n.N_("Esta acción no está disponible aquí"),
    409: i18n.N_("Alguien cambió esto antes que usted"),
    422: i18n.N_("Revise los datos"),
    500: i18n.N_("Algo salió mal"),
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, detail: str) -> Response:
    message = i18n.gettext(detail)
    if _wants_json(request):
        return JSONResponse({"detail": message, "field": None, "reason": message}, status)
    title = i18n.gettext(TITLES.get(status, "Algo salió mal"))
    # The language link returns home, never to the failed path (a feed's link is its token).
    context = {"status": status, "title": title, "message": message, "return_path": "/"}
    return render(request, "errors/error.html", context, status_code=status)


def install_error_pages(app: FastAPI) -> None:
    """Spanish error pages for people, JSON errors with a field and a reason for the API."""

    @app.exception_handler(SignInRequired)
    async def sign_in_required(request: Request, _: Exception) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": i18n.gettext("Inicie sesión.")}, 401)
        return RedirectResponse(f"/entrar?siguiente={request.url.path}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        ours = isinstance(error, HTTPException) and isinstance(error.detail, str)
        # The router's own errors (an unknown path: "Not Found") get the Spanish wording.
        detail = str(error.detail) if ours else TITLES.get(error.status_code, "Algo salió mal")
        if error.status_code == 404 and not ours:
            detail = "No encontramos esta página."
        return _error(request, error.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        field = ".".join(str(part) for part in first.get("loc", ())[1:]) or None
        reason = str(first.get("msg", "valor no válido"))
        if _wants_json(request):
            detail = f"{field}: {reason}" if field else reason
            return JSONResponse({"detail": detail, "field": field, "reason": reason}, 422)
        message = i18n.gettext("El dato «%(field)s» no es válido: %(reason)s.")
        return _error(request, 422, message % {"field": field, "reason": reason})

    @app.exception_handler(ServiceError)
    async def refused(request: Request, error: ServiceError) -> Response:
        status = 400
        for kind, code in ((NotFound, 404), (InvalidInput, 422), (Conflict, 409)):
            if isinstance(error, kind):
                status = code
        return _error(request, status, str(error))

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> Response:
        log.exception("error en %s %s", request.method, request.url.path)
        return _error(
            request, 500, i18n.N_("Intente de nuevo; si vuelve a pasar, avise a soporte.")
        )


def create_app() -> FastAPI:
    """Build the application (uvicorn calls this as a factory)."""
    app = FastAPI(
        title="Rol de turnos — Hogares de Refugio Temporal",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(GZipMiddleware, minimum_size=2048)  # a month grid is ~120 KB of HTML
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for area in (auth, network, me, my_swaps, roster, repair, roster_files, shelter_feeds, feeds):
        app.include_router(area.router, include_in_schema=False)  # pages: not part of the API
    # A shelter's data, the gaps, the backups.
    for area in (staff, posts, calendar, calendar_edit, setup, imports, gaps, gaps_year, backups):
        app.include_router(area.router, include_in_schema=False)
    app.include_router(api.router)
    app.include_router(api_roster.router)
    install_error_pages(app)

    @app.get("/salud", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"estado": "ok"}

    return app
