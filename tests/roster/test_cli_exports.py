"""The feed and export commands: a new link printed once, .ics, Excel and PDF files."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from io import BytesIO
from pathlib import Path

import icalendar
import pandas as pd
import pytest
from roster_factories import network
from typer.testing import CliRunner, Result

from models import Absence, AbsenceKind, Assignment, Roster
from roster import services
from roster.cli import app
from roster.services.calendars import feed_for_token
from roster.services.roster_sheet import roster_sheet
from roster.storage import init_database, session_scope

TODAY = date.today()
MONTH = f"{TODAY:%Y-%m}"


@pytest.fixture
def url(empty_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database with the tiny network and this month published for HRT-A."""
    monkeypatch.setenv("ROSTER_DATABASE_URL", empty_db_url)
    monkeypatch.setenv("ROSTER_PUBLIC_URL", "https://turnos.ejemplo.pe")
    init_database(empty_db_url)
    with session_scope(empty_db_url) as session:
        services.load_network(session, network("HRT-A", "HRT-B"))
        night = Assignment("S1", TODAY.replace(day=1), "N", "CUI")
        services.save_roster(session, Roster("HRT-A", TODAY.year, TODAY.month, [night]))
        services.publish_roster(session, "HRT-A", TODAY.year, TODAY.month)
    return empty_db_url


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_rotate_prints_a_new_link_and_stops_the_old(url: str) -> None:
    first = run("feed", "rotate", "--staff", "S1", "--shelter", "hrt-a")
    assert first.exit_code == 0, first.output
    [old] = re.findall(r"https://turnos\.ejemplo\.pe/calendario/([\w-]+)\.ics", first.stdout)
    second = run("feed", "rotate", "--staff", "S1", "--shelter", "HRT-A")
    [new] = re.findall(r"/calendario/([\w-]+)\.ics", second.stdout)
    with session_scope(url) as session:
        now = datetime.now(UTC)
        assert feed_for_token(session, old, now) is None
        answer = feed_for_token(session, new, now)
        assert answer is not None and len(answer.feed.events) == 1
    assert run("feed", "revoke", "--staff", "S1", "-s", "HRT-A").stdout.startswith(
        "Enlace desactivado"
    )
    with session_scope(url) as session:
        assert feed_for_token(session, new, datetime.now(UTC)) is None


def test_a_code_in_two_shelters_asks_which(url: str) -> None:
    result = run("feed", "rotate", "--staff", "S1")
    assert (
        result.exit_code == 1 and "--shelter" in result.stderr and "Traceback" not in result.output
    )
    assert run("feed", "rotate").exit_code == 2
    shelter = run("feed", "rotate", "--shelter", "HRT-A")
    assert shelter.exit_code == 0 and "/calendario/" in shelter.stdout


def test_export_ical_writes_her_shifts(url: str, tmp_path: Path) -> None:
    out = tmp_path / "mis-turnos.ics"
    result = run("export", "ical", "--staff", "S1", "--shelter", "HRT-A", "--out", str(out))
    assert result.exit_code == 0, result.output
    [event] = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Turno noche — Cuidadora"


def test_export_xlsx_and_pdf_write_the_month(url: str, tmp_path: Path) -> None:
    book = tmp_path / "rol.xlsx"
    assert (
        run("export", "xlsx", "--shelter", "HRT-A", "--month", MONTH, "--out", str(book)).exit_code
        == 0
    )
    shifts = pd.read_excel(BytesIO(book.read_bytes()), sheet_name="Turnos")
    assert list(shifts["Turno"]) == ["N"]
    pdf = tmp_path / "rol.pdf"
    assert run("export", "pdf", "-s", "HRT-A", "-m", MONTH, "-o", str(pdf)).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_month_without_a_roster_is_a_clear_error(url: str, tmp_path: Path) -> None:
    result = run(
        "export", "pdf", "--shelter", "HRT-B", "--month", MONTH, "--out", str(tmp_path / "x.pdf")
    )
    assert result.exit_code == 1 and "no tiene rol" in result.stderr


def test_the_month_s_files_mark_the_days_of_her_breastfeeding_hour(url: str) -> None:
    first = TODAY.replace(day=1)
    hour = Absence("S1", AbsenceKind.BREASTFEEDING, first, first + timedelta(days=3))
    with session_scope(url) as session:
        services.add_absence(session, "HRT-A", hour)
        sheet = roster_sheet(session, "HRT-A", TODAY.year, TODAY.month)
    ana = next(person for person in sheet.people if person.code == "S1")
    assert sheet.mark(ana, first) == "L"  # her night of the 1st
    assert sheet.mark(ana, first + timedelta(days=1)) == ""  # within it, but free
    assert (ana.code, first + timedelta(days=1)) in sheet.breastfeeding
