"""The import page's example files: each one, CSV and Excel, previews without a problem."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from web_factories import COORDINATOR, FOREIGN, HOME, HR

from roster.importing.columns import columns

Clients = Callable[[str], TestClient]
BASE = f"/hogares/{HOME}/importar"
KINDS = {"staff": "personal", "absences": "ausencias", "coverage": "cobertura"}


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_example_file_previews_without_problems(
    signed_in: Clients, kind: str, suffix: str
) -> None:
    client = signed_in(COORDINATOR)
    page = client.get(BASE).text
    link = f"{BASE}/ejemplos/{KINDS[kind]}.{suffix}"
    assert f'href="{link}"' in page
    example = client.get(link)
    assert example.status_code == 200
    assert f"ejemplo-{KINDS[kind]}-{HOME}.{suffix}" in example.headers["content-disposition"]
    files = {"archivo": (f"ejemplo.{suffix}", example.content, example.headers["content-type"])}
    preview = client.post(f"{BASE}/vista-previa", data={"tipo": kind}, files=files)
    assert preview.status_code == 200, preview.text
    assert "El archivo no tiene problemas" in preview.text


def test_the_page_explains_every_column_of_every_file(signed_in: Clients) -> None:
    page = signed_in(HR).get(BASE).text  # HR reads it too
    for kind in KINDS:
        for column in columns(kind):
            assert f"<code>{column.name}</code>" in page
    assert "descanso_medico" in page and "laborable, sabado, domingo, feriado" in page
    assert "CUI (" in page  # the roles a 'funcion' may name


def test_an_unknown_example_or_a_foreign_shelter_is_404(signed_in: Clients) -> None:
    client = signed_in(COORDINATOR)
    assert client.get(f"{BASE}/ejemplos/personal.pdf").status_code == 404
    assert client.get(f"{BASE}/ejemplos/nada.csv").status_code == 404
    assert client.get(f"/hogares/{FOREIGN}/importar/ejemplos/personal.csv").status_code == 404
