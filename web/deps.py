"""Dependencies every route shares: the database session, the visitor, shelter permissions.

Permission checks live here, not in the routes: a route names ``ShelterCode`` (any page
of a shelter) or ``ManagedShelter`` (a change to it) and never sees a foreign shelter.
A shelter the visitor may not see answers 404, exactly like one that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from roster import services
from roster.services.signin import resume
from roster.storage import session_scope
from web import i18n
from web.security import LANGUAGE_COOKIE, SESSION_COOKIE, UNSAFE, same_token, sent_csrf_token

NOT_FOUND = i18n.N_("No encontramos esta página.")


def get_db() -> Iterator[Session]:
    """One database session per request, committed before the response is sent."""
    with session_scope() as session:
        yield session


# scope="function": the commit happens before the answer leaves, so the browser's next
# request (after a sign-in's redirect, an edit's swap) always sees what this one wrote; a
# failed commit becomes an error page instead of a success already sent.
SessionDep = Annotated[Session, Depends(get_db, scope="function")]


@dataclass(frozen=True)
class Visitor:
    """Who is asking: her account (None if not signed in), the CSRF token, how she signed in."""

    account: services.Account | None = None
    csrf_token: str | None = None
    bearer: bool = False


class SignInRequired(Exception):
    """Raised for a page that needs an account; the app redirects to sign-in (or answers 401)."""


def _token(request: Request) -> tuple[str | None, bool]:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip(), True
    return request.cookies.get(SESSION_COOKIE), False


async def get_visitor(request: Request, db: SessionDep) -> Visitor:
    """Resolve the session cookie (or API bearer token) and choose the language.

    Async on purpose: the language is set in the request's own context, so the route,
    its template and the error pages see it (a sync dependency runs in a worker thread
    whose context is thrown away, and every page came out in Spanish).
    """
    token, bearer = _token(request)
    opened = await run_in_threadpool(resume, db, token) if token else None
    visitor = Visitor() if opened is None else Visitor(opened.account, opened.csrf_token, bearer)
    language = None if visitor.account is None else visitor.account.language
    i18n.set_language(i18n.pick_language(request.cookies.get(LANGUAGE_COOKIE), language))
    request.state.visitor = visitor
    return visitor


VisitorDep = Annotated[Visitor, Depends(get_visitor)]


async def current_account(request: Request, visitor: VisitorDep) -> services.Account:
    """The signed-in account; a change sent with the session cookie must carry the CSRF token."""
    if visitor.account is None:
        raise SignInRequired()
    checked = request.method in UNSAFE and not visitor.bearer
    if checked and not same_token(await sent_csrf_token(request), visitor.csrf_token or ""):
        raise HTTPException(403, i18n.N_("La sesión del formulario caducó: recargue la página."))
    return visitor.account


CurrentUser = Annotated[services.Account, Depends(current_account)]


def visible_shelter(code: str, account: CurrentUser, db: SessionDep) -> str:
    """A shelter the account may see, by code; 404 otherwise (even if it exists)."""
    if not account.sees(code):
        raise HTTPException(404, NOT_FOUND)
    try:
        services.get_shelter(db, code)
    except services.NotFound as error:
        raise HTTPException(404, NOT_FOUND) from error
    return code


ShelterCode = Annotated[str, Depends(visible_shelter)]


def managed_shelter(code: ShelterCode, account: CurrentUser) -> str:
    """A shelter whose rosters the account may change (admin or its coordinator); else 403."""
    if not account.manages(code):
        raise HTTPException(403, i18n.N_("Solo la coordinación del hogar puede hacer este cambio."))
    return code


ManagedShelter = Annotated[str, Depends(managed_shelter)]


def national_account(account: CurrentUser) -> services.Account:
    """An admin or HR account; 404 for anyone else (the page is not theirs to know)."""
    if not account.national:
        raise HTTPException(404, NOT_FOUND)
    return account


NationalUser = Annotated[services.Account, Depends(national_account)]


def admin_account(account: CurrentUser) -> services.Account:
    """The national administration's account; 404 for anyone else (backups are hers alone)."""
    if account.role != "admin":
        raise HTTPException(404, NOT_FOUND)
    return account


AdminUser = Annotated[services.Account, Depends(admin_account)]
