"""Signing in and out, and choosing the interface language."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from roster import services
from roster.services.signin import SignInRefused, sign_in, sign_out
from web import i18n
from web.deps import NOT_FOUND, SessionDep, VisitorDep
from web.security import (
    LANGUAGE_COOKIE,
    SESSION_COOKIE,
    clear_session_cookie,
    same_token,
    sent_csrf_token,
    set_session_cookie,
)
from web.templating import render

router = APIRouter(tags=["acceso"])
LOGIN_CSRF_COOKIE = "hrt_csrf_entrada"


def _safe_next(target: str | None) -> str:
    """Only a path of this site (never another host) is followed after sign-in."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


def _login_page(
    request: Request, email: str = "", error: str | None = None, target: str = "/"
) -> HTMLResponse:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
    page = render(
        request,
        "auth/login.html",
        {"email": email, "error": error, "login_csrf": token, "target": target},
        status_code=400 if error else 200,
    )
    page.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", path="/entrar")
    return page


@router.get("/entrar", response_class=HTMLResponse)
def login_form(request: Request, visitor: VisitorDep, siguiente: str | None = None) -> HTMLResponse:
    """The sign-in page."""
    if visitor.account is not None:
        return RedirectResponse(_safe_next(siguiente), status_code=303)  # type: ignore[return-value]
    return _login_page(request, target=_safe_next(siguiente))


@router.post("/entrar", response_class=HTMLResponse)
def login(
    request: Request,
    db: SessionDep,
    visitor: VisitorDep,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    siguiente: Annotated[str, Form(max_length=500)] = "/",
) -> HTMLResponse:
    """Check the password; on success open a session and go where she was going."""
    del visitor  # resolved for the language only
    target = _safe_next(siguiente)
    if not same_token(csrf_token, request.cookies.get(LOGIN_CSRF_COOKIE, "")):
        return _login_page(
            request, email, i18n.gettext("El formulario caducó: inténtelo de nuevo."), target
        )
    if not email.strip() or not password:
        return _login_page(
            request, email, i18n.gettext("Escriba su correo y su contraseña."), target
        )
    address = request.client.host if request.client else "desconocida"
    try:
        token, opened = sign_in(db, email, password, address)
    except SignInRefused as error:
        return _login_page(request, email, i18n.gettext(str(error)), target)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(response, token, opened.expires_at)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/entrar")
    return response  # type: ignore[return-value]


@router.post("/salir")
async def logout(request: Request, db: SessionDep, visitor: VisitorDep) -> RedirectResponse:
    """End the session (the form carries the CSRF token) and return to sign-in."""
    if visitor.account is not None:
        if not same_token(await sent_csrf_token(request), visitor.csrf_token or ""):
            raise HTTPException(
                403, i18n.N_("La sesión del formulario caducó: recargue la página.")
            )
        sign_out(db, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/entrar", status_code=303)
    clear_session_cookie(response)
    return response


@router.get("/idioma/{language}")
def choose_language(
    language: str, db: SessionDep, visitor: VisitorDep, volver: str | None = None
) -> RedirectResponse:
    """Switch the interface language (Spanish or English) and return to the page."""
    if language not in i18n.LANGUAGES:
        raise HTTPException(404, NOT_FOUND)
    if visitor.account is not None:
        services.set_language(db, visitor.account.id, language)
    response = RedirectResponse(_safe_next(volver), status_code=303)
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=365 * 86400, samesite="lax", path="/")
    return response
