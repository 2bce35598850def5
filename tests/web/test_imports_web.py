"""Imports by upload: a preview of the changes, every problem by row and column, all or nothing."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from web_factories import COORDINATOR, HOME, HR

from roster import services
from roster.storage import session_scope

Clients = Callable[[str], TestClient]
BASE = f"/hogares/{HOME}/importar"
GOOD = (
    "codigo,nombre,funcion,funciones_cubre,horas_semanales,trabajo_nocturno\n"
    "IMP-01,Julia Condori,CUI,,48,si\n"
    "IMP-02,Norma Huamán,AOP,CUI,40,no\n"
)
ONE_BAD_ROW = GOOD + "IMP-03,Elena Poma,CUI,,72,si\n"


def people() -> dict[str, float]:
    with session_scope() as session:
        staff = services.list_staff(session, HOME, include_inactive=True)
    return {member.id: member.weekly_hours for member in staff}


def upload(client: TestClient, text: str, name: str = "personal.csv", kind: str = "staff") -> str:
    files = {"archivo": (name, text.encode(), "text/csv")}
    answer = client.post(f"{BASE}/vista-previa", data={"tipo": kind}, files=files)
    return f"{answer.status_code} {answer.text}"


def test_one_bad_row_changes_nothing_and_is_shown_by_row_and_column(signed_in: Clients) -> None:
    before = people()
    answer = upload(signed_in(COORDINATOR), ONE_BAD_ROW)
    assert answer.startswith("422")
    assert "No se importó nada: 1 problema en personal.csv" in answer
    row = re.search(
        r"<tr><td class=\"num\">(\d+)</td><td>([^<]+)</td><td>([^<]+)</td></tr>", answer
    )
    assert row is not None
    assert row.groups()[:2] == ("4", "horas_semanales")
    assert "deben ser más de 0 y como máximo 48" in row.group(3)
    assert people() == before


def test_a_good_file_is_previewed_then_applied(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    before = people()
    answer = upload(client, GOOD)
    assert answer.startswith("200")
    assert "Todavía no se guardó nada" in answer and "2 nuevos, 0 con cambios" in answer
    assert "IMP-02 · Norma Huamán" in answer and "AOP/CUI · 40 h · noche: no" in answer
    assert people() == before  # the preview stores nothing
    content = re.search(r'name="contenido" value="([^"]+)"', answer)
    assert content is not None and base64.b64decode(content.group(1)).decode() == GOOD
    applied = client.post(
        f"{BASE}/aplicar",
        data={"tipo": "staff", "nombre": "personal.csv", "contenido": content.group(1)},
    )
    assert applied.status_code == 200
    assert "Importación aplicada: 2 nuevos, 0 actualizados" in applied.text
    assert people()["IMP-02"] == 40
    again = upload(client, GOOD.replace(",40,no", ",36,no"))
    assert "0 nuevos, 1 con cambios, 1 sin cambios" in again
    assert "AOP/CUI · 40 h · noche: no" in again and "AOP/CUI · 36 h · noche: no" in again


def test_an_unreadable_upload_says_why(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    assert "formato no soportado" in upload(client, GOOD, name="personal.pdf").lower()
    assert "Elija un archivo" in upload(client, "")
    missing = upload(client, "nombre\nAna\n")
    assert missing.startswith("422") and "falta la columna" in missing


def test_hr_cannot_import(signed_in: Clients) -> None:
    client = signed_in(HR)
    assert client.get(BASE).status_code == 200
    assert upload(client, GOOD).startswith("403")
