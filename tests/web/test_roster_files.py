"""The month roster to print, as PDF and as Excel, from the month page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from feed_factories import publish, simple_roster
from web_factories import COORDINATOR, HOME

from roster.storage import session_scope

Clients = Callable[[str], TestClient]
TODAY = date.today()
MONTH = f"{TODAY:%Y-%m}"
BASE = f"/hogares/{HOME}/rol/{MONTH}"


@pytest.fixture(scope="module", autouse=True)
def published(web_db: str) -> None:
    with session_scope(web_db) as session:
        publish(session, simple_roster(session, HOME, TODAY.year, TODAY.month))


def test_the_month_page_links_the_three(signed_in: Clients) -> None:
    page = signed_in(COORDINATOR).get(BASE).text
    for target in ("/imprimir", "/rol.pdf", "/rol.xlsx"):
        assert f'href="{BASE}{target}"' in page


def test_the_print_view_is_the_pdf_template_under_the_csp(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    answer = client.get(f"{BASE}/imprimir")
    assert answer.status_code == 200
    assert "Firma y sello de la coordinadora del hogar" in answer.text
    assert "style-src 'self'" in answer.headers["content-security-policy"]
    assert 'href="/impresion/rol.css"' in answer.text
    css = client.get("/impresion/rol.css")
    assert css.status_code == 200 and "A3 landscape" in css.text


def test_the_pdf_and_workbook_download_with_the_month_as_name(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    pdf = client.get(f"{BASE}/rol.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-disposition"] == f'attachment; filename="rol-{MONTH}.pdf"'
    xlsx = client.get(f"{BASE}/rol.xlsx")
    assert xlsx.headers["content-disposition"] == f'attachment; filename="rol-{MONTH}.xlsx"'
    shifts = pd.read_excel(BytesIO(xlsx.content), sheet_name="Turnos")
    assert len(shifts) > 0


def test_an_unknown_version_is_404(signed_in: Clients) -> None:
    assert signed_in(COORDINATOR).get(f"{BASE}/rol.xlsx?version=99").status_code == 404
