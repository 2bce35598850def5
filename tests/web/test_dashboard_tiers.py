"""The network dashboard splits uncovered hours by priority tier and sorts on each tier."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from fastapi.testclient import TestClient
from web_factories import HR

from models import Gap, Roster
from models.coverage import Tier
from models.roster import GapReason
from roster import services
from roster.storage import session_scope
from web.security import LANGUAGE_COOKIE

Clients = Callable[[str], TestClient]
MONTH = "2027-06"


def gap(day: int, shift: str, role: str, tier: Tier, missing: int = 1) -> Gap:
    return Gap(date(2027, 6, day), shift, role, missing, 480, GapReason.NOBODY_QUALIFIED, tier)


@pytest.fixture(scope="module")
def stored(web_db: str) -> None:
    """HRT-HVC-01: an essential night and a normal day shift open; HRT-TAC-01: optional only."""
    with session_scope() as session:
        gaps = [gap(6, "N", "CUI", Tier.ESSENTIAL), gap(7, "M", "PSI", Tier.NORMAL, 2)]
        services.save_roster(session, Roster("HRT-HVC-01", 2027, 6, gaps=gaps))
        services.save_roster(
            session, Roster("HRT-TAC-01", 2027, 6, gaps=[gap(8, "M", "TAL", Tier.OPTIONAL)])
        )


def row_of(page: str, code: str) -> list[str]:
    """The cells of a shelter's row, as text."""
    row = re.search(rf'<tr>\s*<td><a href="/hogares/{code}">.*?</tr>', page, re.S)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in cells]


def first_code(page: str) -> str:
    found = re.search(r'<tbody>\s*<tr>\s*<td><a href="/hogares/([A-Z0-9-]+)"', page)
    assert found is not None
    return found.group(1)


def test_each_row_splits_its_uncovered_hours_by_tier(signed_in: Clients, stored: None) -> None:
    page = signed_in(HR).get(f"/?mes={MONTH}").text
    assert "Esencial (h)" in page and "Opcional (h)" in page
    # code, department, status, coverage, uncovered, essential, normal, optional, by role...
    assert row_of(page, "HRT-HVC-01")[4:8] == ["24", "8", "16", "0"]
    assert row_of(page, "HRT-TAC-01")[4:8] == ["8", "0", "0", "8"]
    assert row_of(page, "HRT-LIM-01")[4:8] == ["—", "—", "—", "—"]  # no roster yet
    assert "1 hogares con cobertura esencial sin cubrir" in page


def test_the_dashboard_sorts_by_a_tier(signed_in: Clients, stored: None) -> None:
    client = signed_in(HR)
    by_essential = client.get(f"/?mes={MONTH}&orden=essential&dir=desc").text
    assert first_code(by_essential) == "HRT-HVC-01"
    assert 'aria-sort="descending"' in by_essential
    by_optional = client.get(f"/?mes={MONTH}&orden=optional&dir=desc").text
    assert first_code(by_optional) == "HRT-TAC-01"


def test_the_tier_columns_speak_english(signed_in: Clients, stored: None) -> None:
    client = signed_in(HR)
    client.cookies.set(LANGUAGE_COOKIE, "en")
    try:
        page = client.get(f"/?mes={MONTH}").text
    finally:
        client.cookies.delete(LANGUAGE_COOKIE)
    assert "Essential (h)" in page and "Optional (h)" in page
    assert "1 shelters with essential cover left uncovered" in page
