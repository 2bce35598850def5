"""Signing in and out: cookies, CSRF, throttling, expiry, and the language switch."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from web_factories import ADMIN, COORDINATOR, HOME, sign_in

from roster.storage import SessionRow, session_scope, utc_now
from web.app import create_app

Clients = Callable[[str], TestClient]


def login_form(client: TestClient) -> str:
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/entrar").text)
    assert token is not None
    return token.group(1)


def test_the_session_cookie_is_http_only_and_same_site_lax(web_db: str) -> None:
    with TestClient(create_app()) as client:
        answer = client.post(
            "/entrar",
            data={
                "email": ADMIN,
                "password": "hogares-demo-2026",
                "csrf_token": login_form(client),
            },
            follow_redirects=False,
        )
    cookie = answer.headers["set-cookie"]
    assert answer.status_code == 303
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie


def test_the_cookie_is_secure_behind_the_setting(
    web_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROSTER_SECURE_COOKIES", "true")
    with TestClient(create_app()) as client:
        answer = client.post(
            "/entrar",
            data={
                "email": ADMIN,
                "password": "hogares-demo-2026",
                "csrf_token": login_form(client),
            },
            follow_redirects=False,
        )
    assert "Secure" in answer.headers["set-cookie"]


def test_a_change_without_the_csrf_token_is_refused(web_db: str) -> None:
    with TestClient(create_app()) as client:
        sign_in(client, COORDINATOR)
        del client.headers["X-CSRF-Token"]
        assert client.post("/salir").status_code == 403
        assert client.get(f"/hogares/{HOME}").status_code == 200  # still signed in


def test_a_form_token_with_odd_characters_is_refused_not_a_crash(web_db: str) -> None:
    with TestClient(create_app()) as client:
        answer = client.post("/entrar", data={"email": ADMIN, "password": "x", "csrf_token": "ñ"})
    assert answer.status_code == 400
    assert "caducó" in answer.text


def test_logout_ends_the_session_on_the_server(web_db: str) -> None:
    with TestClient(create_app()) as client:
        sign_in(client, COORDINATOR)
        stolen = client.cookies.get("hrt_sesion")
        client.post("/salir")
    with TestClient(create_app(), cookies={"hrt_sesion": stolen or ""}) as thief:
        assert thief.get(f"/hogares/{HOME}", follow_redirects=False).status_code == 303


def test_an_idle_session_expires(web_db: str) -> None:
    with TestClient(create_app()) as client:
        sign_in(client, COORDINATOR)
        with session_scope(web_db) as db:
            db.execute(update(SessionRow).values(last_seen_at=utc_now() - timedelta(hours=3)))
        answer = client.get(f"/hogares/{HOME}", follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/entrar?siguiente=/hogares/{HOME}"


def test_repeated_failures_lock_the_account_for_a_while(web_db: str) -> None:
    email = "coord.tac01@demo.hogares.pe"
    with TestClient(create_app()) as client:
        token = login_form(client)
        for _ in range(5):
            client.post(
                "/entrar", data={"email": email, "password": "mala-clave", "csrf_token": token}
            )
        right = {"email": email, "password": "hogares-demo-2026", "csrf_token": token}
        answer = client.post("/entrar", data=right)
    assert answer.status_code == 400
    assert "Demasiados intentos" in answer.text


def test_after_sign_in_she_returns_where_she_was_going(web_db: str) -> None:
    with TestClient(create_app()) as client:
        target = f"/hogares/{HOME}"
        assert client.get(target, follow_redirects=False).headers["location"].endswith(target)
        data = {
            "email": COORDINATOR,
            "password": "hogares-demo-2026",
            "csrf_token": login_form(client),
        }
        answer = client.post(
            "/entrar", data={**data, "siguiente": "//evil.example/x"}, follow_redirects=False
        )
    assert answer.headers["location"] == "/"


def test_english_is_one_click_away_and_spanish_is_the_default(signed_in: Clients) -> None:
    client = signed_in("coord.lim01@demo.hogares.pe")
    assert "Personal" in client.get("/hogares/HRT-LIM-01").text
    english = client.get("/idioma/en?volver=/hogares/HRT-LIM-01")
    assert english.url.path == "/hogares/HRT-LIM-01"
    assert "Staff" in english.text
    client.get("/idioma/es")


def test_every_page_carries_the_security_headers(app_client: TestClient) -> None:
    headers = app_client.get("/entrar").headers
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["cache-control"] == "no-store"
