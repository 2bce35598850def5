"""Accounts from the command line: `roster user add` reads the password from stdin."""

from __future__ import annotations

import pytest
from roster_factories import network
from typer.testing import CliRunner, Result

from roster import services as sv
from roster.cli import app, data
from roster.services.signin import SignInRefused, sign_in
from roster.storage import session_scope


@pytest.fixture
def url(empty_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The CLI's database with a tiny network loaded through `roster demo`."""
    monkeypatch.setenv("ROSTER_DATABASE_URL", empty_db_url)
    monkeypatch.setattr(data, "demo_network", lambda: network("HRT-A", "HRT-B"))
    assert CliRunner().invoke(app, ["demo"]).exit_code == 0
    return empty_db_url


def add(*args: str, password: str = "una-clave-larga\n") -> Result:
    return CliRunner().invoke(app, ["user", "add", *args], input=password)


def test_a_coordinator_is_added_and_signs_in_with_that_password(url: str) -> None:
    result = add("Ana@Ejemplo.pe", "--role", "coordinator", "--shelter", "HRT-A")
    assert result.exit_code == 0, result.output
    assert "Cuenta creada: ana@ejemplo.pe" in result.stdout
    assert "una-clave-larga" not in result.output
    with session_scope(url) as session:
        _, opened = sign_in(session, "ana@ejemplo.pe", "una-clave-larga", "127.0.0.1")
    assert opened.account.role == "coordinator" and opened.account.shelter_codes == ("HRT-A",)
    with session_scope(url) as session, pytest.raises(SignInRefused):
        sign_in(session, "ana@ejemplo.pe", "otra-clave-cualquiera", "127.0.0.1")


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (
            ("ana@ejemplo.pe", "--role", "coordinator", "--shelter", "HRT-A"),
            "corta\n",
            "10 caracteres",
        ),
        (("ana@ejemplo.pe", "--role", "coordinator"), "una-clave-larga\n", "al menos un hogar"),
        (
            ("ana@ejemplo.pe", "--role", "staff", "--shelter", "HRT-A"),
            "una-clave-larga\n",
            "--staff",
        ),
        (("ana@ejemplo.pe", "--role", "jefa"), "una-clave-larga\n", "Rol 'jefa' no válido"),
        (("no-es-correo", "--role", "hr"), "una-clave-larga\n", "no válido"),
    ],
)
def test_bad_input_says_why_and_adds_nothing(
    url: str, args: tuple[str, ...], password: str, message: str
) -> None:
    result = add(*args, password=password)
    assert result.exit_code != 0
    assert message in result.output
    with session_scope(url) as session:
        assert "ana@ejemplo.pe" not in {a.email for a in sv.list_accounts(session)}


def test_demo_prints_its_accounts_and_their_password(url: str) -> None:
    result = CliRunner().invoke(app, ["demo", "--if-empty"])
    assert result.exit_code == 0
    assert "admin@demo.hogares.pe" in result.stdout
    assert "hogares-demo-2026" in result.stdout
