"""Shelter isolation: every route of the app, walked from the router, hides foreign shelters.

A new route is covered without editing this test: each path parameter gets a plausible
value, ``{code}`` a shelter the account may not see, and every method must answer 404.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from fastapi.testclient import TestClient
from web_factories import COORDINATOR, FOREIGN, HOME

from roster.demo import generate_network
from web.app import create_app

Clients = Callable[[str], TestClient]
STAFF = "personal.ama01@demo.hogares.pe"  # a staff account: her own shifts only
PLAUSIBLE = {"month": "2027-03", "job_id": "1", "version": "1", "day": "2027-03-01"}
# Routes with path parameters that are not under a shelter (none may name shelter data).
# The calendar feed is reached by phones' calendar apps, which carry no session: its
# token (256 random bits, stored hashed, revocable) is the credential, and an unknown or
# revoked one answers the same 404 as any missing page (tests/web/test_feeds.py).
UNSCOPED = {"/idioma/{language}", "/static", "/calendario/{token}.ics"}


def foreign_name() -> str:
    """The foreign shelter's name: it must appear nowhere in an answer to her."""
    return next(d.shelter.name for d in generate_network().shelters if d.shelter.code == FOREIGN)


def every_route() -> list[tuple[str, str]]:
    """(method, path) of every endpoint, including those of included routers."""
    found = []
    for context in iter_route_contexts(create_app().routes):
        if isinstance(context.route, APIRoute):
            found += [(method, context.path) for method in sorted(context.methods or ())]
    return found


def shelter_routes() -> list[tuple[str, str]]:
    """(method, path) of every route that names a shelter."""
    return [(method, path) for method, path in every_route() if "{code}" in path]


def filled(path: str, code: str) -> str:
    """The path with ``code`` and plausible values for every other parameter."""
    path = path.replace("{code}", code)
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: PLAUSIBLE.get(m.group(1), "1"), path)


def test_every_route_with_a_parameter_is_under_a_shelter() -> None:
    loose = [path for _, path in every_route() if "{" in path and "{code}" not in path]
    assert set(loose) <= UNSCOPED


def test_there_are_shelter_routes_to_walk() -> None:
    assert len(shelter_routes()) >= 3


@pytest.mark.parametrize(("method", "path"), shelter_routes())
def test_a_foreign_shelter_is_404_on_every_route(
    signed_in: Clients, method: str, path: str
) -> None:
    answer = signed_in(COORDINATOR).request(method, filled(path, FOREIGN), json={})
    assert answer.status_code == 404, f"{method} {path}: {answer.status_code}"
    assert foreign_name() not in answer.text


@pytest.mark.parametrize(("method", "path"), shelter_routes())
def test_a_staff_account_gets_no_shelter_route(signed_in: Clients, method: str, path: str) -> None:
    answer = signed_in(STAFF).request(method, filled(path, "HRT-AMA-01"), json={})
    assert answer.status_code == 404, f"{method} {path}: {answer.status_code}"


@pytest.mark.parametrize(("method", "path"), shelter_routes())
def test_signed_out_gets_nothing(app_client: TestClient, method: str, path: str) -> None:
    answer = app_client.request(method, filled(path, HOME), json={}, follow_redirects=False)
    assert answer.status_code in (303, 401), f"{method} {path}: {answer.status_code}"
    if answer.status_code == 303:
        assert answer.headers["location"].startswith("/entrar")
