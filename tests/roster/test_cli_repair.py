"""The sick-call commands: absence add, repair (--json), proposal, candidates, swap, audit."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from repair_factories import CODE, load, publish
from typer.testing import CliRunner, Result

from exports.roster_json_load import load_document
from models import Assignment
from models.validator import validate
from roster.cli import app

DAYS = [date(2026, 3, d) for d in range(9, 15)]


@pytest.fixture
def url(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A published month: C1 the mornings, C2 the afternoons, C3 the nights, 9th to 14th."""
    monkeypatch.setenv("ROSTER_DATABASE_URL", db_url)
    load(db_url)
    shifts = (("C1", "M"), ("C2", "T"), ("C3", "N"))
    publish(db_url, [Assignment(who, d, shift, "CUI") for d in DAYS for who, shift in shifts])
    return db_url


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_a_sick_call_from_the_command_line(url: str) -> None:
    added = run("absence", "add", "-s", CODE, "--staff", "C1", "--from", "2026-03-10")
    assert added.exit_code == 2  # --to is required
    added = run(
        "absence", "add", "-s", CODE, "--staff", "C1", "--from", "10/03/2026", "--to",
        "2026-03-12", "--kind", "sick",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "Tenía 3 turno(s) publicado(s)" in added.stdout
    assert "roster repair --shelter HRT-R1 --month 2026-03 --from 2026-03-10" in added.stdout
    repaired = run(
        "repair", "-s", CODE, "--month", "2026-03", "--from", "2026-03-10", "--time-limit", "2",
        "--json", "-",
    )  # fmt: skip
    assert repaired.exit_code == 0, repaired.output
    document = json.loads(repaired.stdout)
    assert document["kind"] == "repair" and document["proposal"] == 1
    changes = document["repair"]["changes"]
    assert document["repair"]["changed"] == len(changes) >= 3
    assert {c["day"] for c in changes} <= {f"2026-03-{d}" for d in range(10, 32)}
    problem, roster = load_document(document["roster"])
    assert validate(problem, roster).is_legal
    assert "Un rol nuevo desde cero" in repaired.stderr
    accepted = run("proposal", "accept", "-s", CODE, "--month", "2026-03")
    assert accepted.exit_code == 0, accepted.output
    assert "versión 2" in accepted.stdout
    again = run("proposal", "discard", "-s", CODE, "--month", "2026-03", "--id", "1")
    assert again.exit_code == 1 and "ya fue aceptada" in again.stderr


def test_candidates_as_json(url: str) -> None:
    result = run("candidates", "-s", CODE, "--date", "2026-03-20", "--shift", "n", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found["role"], found["needed"], found["assigned"]) == ("CUI", 1, 0)
    feasible = [c for c in found["candidates"] if c["feasible"]]
    assert feasible and [c["cost"] for c in feasible] == sorted(c["cost"] for c in feasible)


def test_a_swap_approved_and_the_audit_as_csv(url: str) -> None:
    proposed = run(
        "swap", "propose", "-s", CODE, "--staff", "C1", "--day", "2026-03-09", "--partner",
        "C4", "--note", "=HYPERLINK(\"x\")",
    )  # fmt: skip
    assert proposed.exit_code == 0, proposed.output
    approved = run("swap", "approve", "-s", CODE, "--id", "1")
    assert approved.exit_code == 0, approved.output
    assert "versión 2 publicada" in approved.stdout
    listed = run("swap", "list", "-s", CODE)
    assert "Aprobado" in listed.stdout
    exported = run("audit", "-s", CODE, "--month", "2026-03", "--csv", "-")
    assert exported.exit_code == 0, exported.output
    rows = [row for row in csv.reader(io.StringIO(exported.stdout)) if row]
    assert rows[0][:3] == ["fecha y hora (Lima)", "quién", "tipo"]
    swaps = [row for row in rows[1:] if row[2] == "Intercambio"]
    assert {(row[4], row[7], row[8]) for row in swaps} == {
        ("C1", "M (CUI)", "libre"),
        ("C4", "libre", "M (CUI)"),
    }
    assert all(not row[9].startswith("=") for row in rows)  # a formula stays text
