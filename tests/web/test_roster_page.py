"""The month roster page: the grid, hand edits, stale saves, publishing, generating with locks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import select
from web_factories import COORDINATOR, HOME, HR, OTHER_COORDINATOR

from optimizer import solve
from roster import jobs
from roster.storage import session_scope
from roster.storage.people import StaffRow

Clients = Callable[[str], TestClient]
HTMX = {"HX-Request": "true"}
FLOR = "HRT-HVC-01-P04"  # a caregiver of the coordinator's shelter


def flor_name() -> str:
    """Her name as the demo stored it (the demo's names are generated)."""
    with session_scope() as session:
        return session.scalars(select(StaffRow.name).where(StaffRow.code == FLOR)).one()


def page_url(month: str) -> str:
    """The month page of the coordinator's shelter."""
    return f"/hogares/{HOME}/rol/{month}"


def token(client: TestClient, month: str) -> dict[str, str]:
    """The (version, revision) the page shows, as the form fields that send it back."""
    page = client.get(page_url(month)).text
    found = re.search(r'id="rol-grilla"[^>]*data-version="(\d+)" data-revision="(\d+)"', page)
    assert found is not None
    return {"version": found.group(1), "revision": found.group(2)}


def save(
    client: TestClient, month: str, day: str, shift: str, *, htmx: bool = True, **fields: str
) -> Response:
    """Post one cell edit of Flor's ``day`` as the page's editor does."""
    data = {"staff": FLOR, "day": day, "shift": shift, **token(client, month), **fields}
    headers = HTMX if htmx else {}
    return client.post(f"{page_url(month)}/celda", data=data, headers=headers)


def cell(page: str, day: str) -> str:
    """The grid cell of Flor's ``day`` (its button or span), as HTML."""
    row = re.search(rf'<tr data-staff="{FLOR}".*?</tr>', page, re.S)
    assert row is not None
    title = f"{day[8:10]}/{day[5:7]}/{day[:4]}"
    found = re.search(rf'<(button|span)[^>]*title="[^"]*{title}:[^"]*"[^>]*>.*?</\1>', row.group(0))
    assert found is not None
    return found.group(0)


def test_the_coordinator_sees_the_grid_with_the_feriados_marked(signed_in: Clients) -> None:
    page = signed_in(COORDINATOR).get(page_url("2027-07"))
    assert page.status_code == 200
    assert '<table class="rol" id="rol-tabla">' in page.text and "<caption>" in page.text
    assert page.text.count('scope="row"') >= 8
    assert 'data-day="2027-07-28"' in page.text
    feriados = re.findall(
        r'class="day[^"]* feriado" data-day="([\d-]+)" title="Feriado: ', page.text
    )
    assert {"2027-07-28", "2027-07-29"} <= set(feriados)
    assert "Generar rol" in page.text and 'id="rol-editor"' in page.text


def test_hr_sees_the_month_read_only_and_may_not_change_it(signed_in: Clients) -> None:
    client = signed_in(HR)
    page = client.get(page_url("2027-07"))
    assert page.status_code == 200
    assert "Solo lectura" in page.text
    assert 'aria-haspopup="dialog"' not in page.text and "Generar rol" not in page.text
    refused = client.post(
        f"{page_url('2027-07')}/celda", data={"staff": FLOR, "day": "2027-07-05", "shift": "M"}
    )
    assert refused.status_code == 403
    assert client.post(f"{page_url('2027-07')}/generar").status_code == 403


def test_a_foreign_coordinator_or_a_wrong_month_gets_404(signed_in: Clients) -> None:
    assert signed_in(OTHER_COORDINATOR).get(page_url("2027-07")).status_code == 404
    client = signed_in(COORDINATOR)
    assert client.get(page_url("2027-13")).status_code == 404
    assert client.get(page_url("julio")).status_code == 404
    assert client.get(page_url("2027-07") + "?version=9").status_code == 404


def test_a_morning_after_a_night_is_saved_and_its_violation_shown(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    assert save(client, "2027-08", "2027-08-03", "N").status_code == 200
    answer = save(client, "2027-08", "2027-08-04", "M")
    assert answer.status_code == 200
    assert (
        'id="rol-hallazgos" class="findings"' in answer.text and 'hx-swap-oob="true"' in answer.text
    )
    assert "H3 · Descanso mínimo entre turnos" in answer.text
    assert f"Ojo: {flor_name()} incumple H3" in answer.text
    page = client.get(page_url("2027-08")).text
    assert ">M</span>" in cell(page, "2027-08-04") and "incumple H3" in cell(page, "2027-08-04")
    assert re.search(r"<button type=\"submit\" disabled[^>]*>Publicar</button>", page)
    refused = client.post(f"{page_url('2027-08')}/publicar", data=token(client, "2027-08"))
    assert refused.status_code == 422 and "No se puede publicar" in refused.text


def test_a_stale_revision_gets_409_and_changes_nothing(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    seen = token(client, "2027-09")
    save(client, "2027-09", "2027-09-06", "M")
    data = {"staff": FLOR, "day": "2027-09-06", "shift": "T", **seen}
    stale = client.post(f"{page_url('2027-09')}/celda", data=data, headers=HTMX)
    assert stale.status_code == 409
    assert stale.headers["HX-Retarget"] == "#rol-alerta"
    assert "guardó cambios en este rol a las" in stale.text
    assert ">M</span>" in cell(client.get(page_url("2027-09")).text, "2027-09-06")
    plain = client.post(f"{page_url('2027-09')}/celda", data=data)
    assert plain.status_code == 409 and 'role="alert"' in plain.text


def test_a_wrong_role_gets_422_naming_it_and_keeps_her_choice(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    answer = save(client, "2027-09", "2027-09-07", "T", htmx=False, role="PSI")
    assert answer.status_code == 422
    assert f"Función: {flor_name()} no está calificada" in answer.text
    assert '<dialog id="rol-editor" aria-labelledby="editor-titulo" open' in answer.text
    assert '<option value="T" selected>' in answer.text
    assert '<option value="PSI" selected>' in answer.text
    partial = save(client, "2027-09", "2027-09-07", "T", role="PSI")
    assert partial.status_code == 422 and partial.headers["HX-Retarget"] == "#editor-error"


def test_a_plain_form_post_is_redirected_back(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    answer = save(client, "2027-09", "2027-09-08", "M", htmx=False)
    assert answer.status_code == 200 and answer.url.path == page_url("2027-09")


def test_publishing_keeps_the_version_readable_after_a_new_draft(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    save(client, "2027-10", "2027-10-05", "M")
    published = client.post(
        f"{page_url('2027-10')}/publicar", data=token(client, "2027-10"), headers=HTMX
    )
    assert published.status_code == 200 and "Publicado: la versión 1" in published.text
    save(client, "2027-10", "2027-10-05", "T")
    current = client.get(page_url("2027-10")).text
    assert "Versión 2" in current and ">T</span>" in cell(current, "2027-10-05")
    old = client.get(page_url("2027-10") + "?version=1").text
    assert "solo para leer" in old and "Publicado" in old
    assert ">M</span>" in cell(old, "2027-10-05") and 'aria-haspopup="dialog"' not in old


def test_cancelling_a_queued_solve_keeps_the_draft(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    queued = client.post(f"{page_url('2027-12')}/generar", headers=HTMX)
    assert queued.status_code == 200 and 'hx-trigger="every 1s"' in queued.text
    again = client.post(f"{page_url('2027-12')}/generar", headers=HTMX)
    assert again.status_code == 422 and "Ya se está calculando" in again.text
    cancelled = client.post(f"{page_url('2027-12')}/cancelar", headers=HTMX)
    assert "Cálculo cancelado antes de encontrar un rol" in cancelled.text
    assert 'hx-trigger="every 1s"' not in cancelled.text


def test_a_running_solve_shows_its_progress_and_a_cancel_button(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    client.post(f"{page_url('2028-01')}/generar", headers=HTMX)
    with session_scope() as session:
        claimed = jobs.claim_next(session)
    assert claimed is not None and claimed.month_key == "2028-01"
    progress = client.get(f"{page_url('2028-01')}/trabajo?seguir=1", headers=HTMX).text
    assert "Calculando el rol" in progress and "<progress" in progress
    assert ">Cancelar</button>" in progress and 'hx-trigger="every 1s"' in progress
    client.post(f"{page_url('2028-01')}/cancelar", headers=HTMX)
    assert "Cancelando" in client.get(f"{page_url('2028-01')}/trabajo", headers=HTMX).text


def quick_solve(problem: Any, settings: Any, control: Any = None) -> Any:
    """The optimiser with a few seconds per phase, so the test stays short."""
    short = replace(settings, time_limit_phase1=3.0, time_limit_phase2=3.0)
    return solve(problem, short, control=control)


@pytest.mark.slow
def test_generating_fills_the_grid_and_keeps_the_locked_cell(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    save(client, "2027-11", "2027-11-03", "T", locked="1")
    assert "turno fijado" in client.get(page_url("2027-11")).text
    client.post(f"{page_url('2027-11')}/generar", headers=HTMX)
    with session_scope() as session:
        claimed = jobs.claim_next(session)
    assert claimed is not None and claimed.month_key == "2027-11"
    assert jobs.run_job(claimed.id, solve_fn=quick_solve).state == "done"
    ended = client.get(f"{page_url('2027-11')}/trabajo?seguir=1", headers=HTMX).text
    assert "Rol generado" in ended and 'id="rol-grilla"' in ended
    page = client.get(page_url("2027-11")).text
    assert "Versión 2" in page and "Propuesto por el optimizador" in page
    assert page.count('<span class="code">') > 100
    locked = cell(page, "2027-11-03")
    assert ">T</span>" in locked and 'data-locked="1"' in locked and "fijado" in locked
