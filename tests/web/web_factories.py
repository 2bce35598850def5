"""Helpers of the web tests: the demo accounts they use and signing a client in."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from roster.demo.accounts import DEMO_PASSWORD

HOME = "HRT-HVC-01"  # the coordinator's shelter in these tests
FOREIGN = "HRT-PIU-01"  # another shelter she must never reach
COORDINATOR = "coord.hvc01@demo.hogares.pe"
OTHER_COORDINATOR = "coord.piu01@demo.hogares.pe"
HR = "rrhh@demo.hogares.pe"
ADMIN = "admin@demo.hogares.pe"


def sign_in(client: TestClient, email: str, password: str = DEMO_PASSWORD) -> str:
    """Sign ``client`` in through the form; returns the CSRF token of its session."""
    page = client.get("/entrar")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token is not None
    answer = client.post(
        "/entrar", data={"email": email, "password": password, "csrf_token": token.group(1)}
    )
    assert answer.status_code == 200, answer.text
    csrf = re.search(r'"X-CSRF-Token": "([^"]+)"', client.get("/").text)
    assert csrf is not None
    client.headers["X-CSRF-Token"] = csrf.group(1)
    return csrf.group(1)
