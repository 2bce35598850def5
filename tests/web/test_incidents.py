"""A published month's incidents on the page: a red cell's candidates, a sick call repaired and
accepted, a swap approved, the audit trail and its CSV; a staff member's swap requests."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_factories import COORDINATOR, HOME, HR

from models import Assignment, PlanningProblem, PlanResult, Roster, SolveReport
from roster import jobs, services
from roster.storage import session_scope

Clients = Callable[[str], TestClient]
HTMX = {"HX-Request": "true"}
MONTH, YEAR_MONTH = "2027-03", (2027, 3)
PAGE = f"/hogares/{HOME}/rol/{MONTH}"
STAFF = "personal.ama01@demo.hogares.pe"  # HRT-AMA-01-P01


def caregivers(web_db: str) -> list[str]:
    """Codes of the home shelter's active caregivers (CUI as their own role)."""
    with session_scope(web_db) as session:
        return [p.id for p in services.list_staff(session, HOME) if p.primary_role == "CUI"]


@pytest.fixture(scope="module")
def published(web_db: str) -> list[str]:
    """March 2027 published: two of the three caregivers on mornings and afternoons, 8th-12th."""
    people = caregivers(web_db)
    days = [date(2027, 3, d) for d in range(8, 13)]
    shifts = list(zip(people[:2], ("M", "T"), strict=True))
    with session_scope(web_db) as session:
        roster = Roster(
            HOME, *YEAR_MONTH, [Assignment(p, d, s, "CUI") for d in days for p, s in shifts]
        )
        services.save_roster(session, roster)
        services.publish_roster(session, HOME, *YEAR_MONTH)
    return people


def cover(problem: PlanningProblem, settings: Any, control: Any = None) -> PlanResult:
    """A stand-in for the solve: the absent caregiver's shifts go to the fourth one."""
    absent = {a.staff_id for a in problem.reference if problem.absent_days(a.staff_id)}
    busy = {a.staff_id for a in problem.reference}
    free = [p for p in problem.staff if p.id not in busy and not problem.absent_days(p.id)]
    taker = next(p.id for p in free if "CUI" in p.roles and p.night_work)
    planned = [
        replace(a, staff_id=taker) if a.staff_id in absent else a
        for a in problem.reference
        if a.day >= problem.first_day
    ]
    return PlanResult(Roster(HOME, *YEAR_MONTH, planned), SolveReport("optimal", "highs"))


def test_a_red_cell_lists_who_could_cover_it(signed_in: Clients, published: list[str]) -> None:
    page = signed_in(COORDINATOR).get(PAGE).text
    link = re.search(r'<a class="covv"[^>]*hx-get="([^"]+dia=2027-03-2[^"]+funcion=CUI)"', page)
    assert link is not None  # red coverage cells open their candidates
    url = link.group(1).replace("&amp;", "&")
    answer = signed_in(COORDINATOR).get(url, headers=HTMX)
    assert answer.status_code == 200
    assert "Quién puede cubrir" in answer.text and "Asignar a" in answer.text
    assert "No pueden tomarlo" in answer.text
    read_only = signed_in(HR).get(url, headers=HTMX)
    assert read_only.status_code == 200 and "Asignar a" not in read_only.text
    whole = signed_in(HR).get(url)  # without htmx: a page of its own
    assert "<html" in whole.text and "Quién puede cubrir" in whole.text
    bad = signed_in(COORDINATOR).get(f"{PAGE}/candidatos?dia=2027-04-01&turno=N")
    assert bad.status_code == 404


def test_a_sick_call_is_repaired_accepted_and_audited(
    signed_in: Clients, published: list[str], web_db: str
) -> None:
    client = signed_in(COORDINATOR)
    form = {"staff": published[0], "desde": "2027-03-10", "hasta": "2027-03-12", "reparar": "1"}
    answer = client.post(f"{PAGE}/ausencia", data=form, headers=HTMX)
    assert answer.status_code == 200, answer.text
    assert "Calculando la reparación" in answer.text
    with session_scope(web_db) as session:
        job = jobs.latest_job(session, HOME, *YEAR_MONTH)
        assert job is not None and job.kind == "repair"
        jobs.claim_next(session)
    assert jobs.run_job(job.id, web_db, solve_fn=cover).state == "done"
    page = client.get(PAGE).text
    assert "Propuesta de reparación desde el 10/03/2027" in page
    proposal = re.search(r"/reparacion/(\d+)/aceptar", page)
    assert proposal is not None
    detail = signed_in(HR).get(f"{PAGE}/reparacion/{proposal.group(1)}")
    assert detail.status_code == 200 and "Con esta reparación" in detail.text
    assert "Aceptar y publicar" not in detail.text  # HR reads, the coordinator decides
    assert signed_in(HR).post(f"{PAGE}/reparacion/{proposal.group(1)}/aceptar").status_code == 403
    accepted = client.post(f"{PAGE}/reparacion/{proposal.group(1)}/aceptar", headers=HTMX)
    assert accepted.status_code == 200 and "Reparación publicada" in accepted.text
    exported = client.get(f"{PAGE}/cambios.csv")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.text)))
    kinds = [row[2] for row in rows[1:]]
    assert "Reparación" in kinds and "Ausencia" in kinds and "Publicación" in kinds
    assert kinds.count("Reparación") == 6  # three days, two people each


def test_an_agreed_swap_is_approved_on_the_page(signed_in: Clients, published: list[str]) -> None:
    client = signed_in(COORDINATOR)
    form = {"staff": published[1], "dia": "2027-03-08", "partner": published[2]}
    entered = client.post(f"{PAGE}/intercambios", data=form, headers=HTMX)
    assert entered.status_code == 200 and "falta aprobarlo" in entered.text
    swap = re.search(r"/intercambios/(\d+)/aprobar", entered.text)
    assert swap is not None
    approved = client.post(f"{PAGE}/intercambios/{swap.group(1)}/aprobar", headers=HTMX)
    assert approved.status_code == 200 and "Intercambio aprobado" in approved.text
    assert "Aprobado" in client.get(PAGE).text
    refused = client.post(f"{PAGE}/intercambios/{swap.group(1)}/rechazar", headers=HTMX)
    assert refused.status_code == 422  # already decided


def test_a_staff_member_asks_for_a_swap(signed_in: Clients, web_db: str) -> None:
    shelter, me, psychologist = "HRT-AMA-01", "HRT-AMA-01-P01", "HRT-AMA-01-P02"
    soon = date.today() + timedelta(days=3)
    with session_scope(web_db) as session:
        roster = Roster(shelter, soon.year, soon.month, [Assignment(me, soon, "M", "COO")])
        services.save_roster(session, roster)
        services.publish_roster(session, shelter, soon.year, soon.month)
    client = signed_in(STAFF)
    assert "/mis-turnos/intercambios" in client.get("/mis-turnos").text
    page = client.get("/mis-turnos/intercambios")
    assert page.status_code == 200 and soon.strftime("%d/%m/%Y") in page.text
    ask = {"dia": soon.isoformat(), "partner": psychologist}
    refused = client.post("/mis-turnos/intercambios", data=ask)
    assert refused.status_code == 422 and "H1" in refused.text  # not qualified to coordinate
    with session_scope(web_db) as session:
        other = services.get_staff(session, shelter, psychologist)
        services.update_staff(session, replace(other, roles=(*other.roles, "COO")))
    asked = client.post("/mis-turnos/intercambios", data=ask)
    assert asked.status_code == 200, asked.text
    assert "Solicitud enviada" in asked.text and "Retirar" in asked.text
    wrong = client.post("/mis-turnos/intercambios/responder", data={"solicitud": "999"})
    assert wrong.status_code == 404
