"""Cookies, CSRF and response headers: the parts of security every route shares."""

from __future__ import annotations

import secrets
from datetime import datetime

from fastapi import Request, Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from roster.settings import get_settings

SESSION_COOKIE = "hrt_sesion"
LANGUAGE_COOKIE = "hrt_idioma"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

# Scripts and styles come only from this server (htmx is vendored): no inline script runs.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def set_session_cookie(response: Response, token: str, expires: datetime) -> None:
    """The session cookie: HttpOnly, SameSite=Lax, Secure when the setting says so."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        expires=expires,
        httponly=True,
        samesite="lax",
        secure=get_settings().secure_cookies,
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    """Remove the session cookie from the browser."""
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")


async def sent_csrf_token(request: Request) -> str | None:
    """The CSRF token a request carries: the htmx/API header, else the form field."""
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    kind = request.headers.get("content-type", "")
    if kind.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


def same_token(sent: str | None, expected: str) -> bool:
    """Constant-time comparison of a sent CSRF token with the session's."""
    return sent is not None and secrets.compare_digest(sent.encode(), expected.encode())


class SecurityHeaders:
    """Headers on every response: no referrer, no framing, no sniffing, no caching of pages.

    Plain ASGI (not ``BaseHTTPMiddleware``, which costs every request a task and a
    stream): it only adds the headers a response does not set itself.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                if not static:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, with_headers)
