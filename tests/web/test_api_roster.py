"""The month's roster through the API: generate, follow the job, edit, refuse stale, publish."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from web_factories import HR

from models import PlanningProblem, Roster, SolveControl
from models.report import SolveReport
from optimizer import PlanResult
from roster import jobs
from roster.storage import session_scope
from web.app import create_app

Clients = Callable[[str], TestClient]
SHELTER, MONTH = "HRT-LIM-02", "2027-02"
COORDINATOR = "coord.lim02@demo.hogares.pe"


def token_for(email: str) -> dict[str, str]:
    with TestClient(create_app()) as client:
        answer = client.post(
            "/api/v1/sesion", json={"email": email, "password": "hogares-demo-2026"}
        )
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def empty_solve(
    problem: PlanningProblem, settings: object = None, control: SolveControl | None = None
) -> PlanResult:
    """A stand-in solver: an empty roster at once (the API, not the optimiser, is tested)."""
    roster = Roster(problem.shelter.code, problem.year, problem.month)
    return PlanResult(roster, SolveReport(status="feasible", solver="highs"))


def run_queued(url: str) -> jobs.JobInfo:
    with session_scope(url) as db:
        claimed = jobs.claim_next(db)
    assert claimed is not None
    return jobs.run_job(claimed.id, url, solve_fn=empty_solve)


@pytest.fixture(scope="module")
def api(web_db: str) -> TestClient:
    client = TestClient(create_app())
    client.headers.update(token_for(COORDINATOR))
    return client


def test_generate_then_edit_then_publish(api: TestClient, web_db: str) -> None:
    base = f"/api/v1/hogares/{SHELTER}"
    assert api.get(f"{base}/rol/{MONTH}").status_code == 404
    job = api.post(f"{base}/rol/{MONTH}/generar", json={"time_limit": 5})
    assert job.status_code == 202 and job.json()["state"] == "queued"
    run_queued(web_db)
    done = api.get(f"{base}/trabajos/{job.json()['id']}").json()
    assert done["state"] == "done" and done["result"]["version"] == 1
    roster = api.get(f"{base}/rol/{MONTH}").json()
    assert (roster["version"], roster["status"]) == (1, "draft")
    person = api.get(f"{base}/personal").json()[0]["id"]
    edit = {
        "staff": person,
        "day": "2027-02-03",
        "shift": "M",
        "locked": True,
        "version": 1,
        "revision": roster["revision"],
    }
    changed = api.put(f"{base}/rol/{MONTH}/celda", json=edit)
    assert changed.status_code == 200, changed.text
    cell = [a for a in changed.json()["assignments"] if a["staff"] == person]
    assert cell and cell[0]["locked"] and cell[0]["source"] == "manual"
    stale = api.put(f"{base}/rol/{MONTH}/celda", json={**edit, "shift": None})
    assert stale.status_code == 409
    assert "Otra persona" in stale.json()["detail"]
    check = {"version": 1, "revision": changed.json()["revision"]}
    published = api.post(f"{base}/rol/{MONTH}/publicar", json=check)
    assert published.status_code == 200, published.text
    assert published.json()["status"] == "published"


def test_bad_input_names_the_field(api: TestClient) -> None:
    base = f"/api/v1/hogares/{SHELTER}"
    answer = api.put(
        f"{base}/rol/{MONTH}/celda",
        json={"staff": "x", "day": "mañana", "version": 1, "revision": 0},
    )
    assert answer.status_code == 422
    assert answer.json()["field"] == "day"


def test_hr_reads_but_does_not_change(web_db: str) -> None:
    with TestClient(create_app(), headers=token_for(HR)) as client:
        base = f"/api/v1/hogares/{SHELTER}"
        assert client.get(f"{base}/personal").status_code == 200
        refused = client.post(f"{base}/rol/2027-05/generar", json={})
    assert refused.status_code == 403


def test_another_shelters_job_is_404(api: TestClient, web_db: str) -> None:
    with TestClient(create_app(), headers=token_for("coord.tac01@demo.hogares.pe")) as other:
        job = other.post("/api/v1/hogares/HRT-TAC-01/rol/2027-04/generar", json={}).json()
    assert api.get(f"/api/v1/hogares/{SHELTER}/trabajos/{job['id']}").status_code == 404
    assert api.get(f"/api/v1/hogares/HRT-TAC-01/trabajos/{job['id']}").status_code == 404
