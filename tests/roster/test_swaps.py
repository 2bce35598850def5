"""Shift swaps: asked, agreed, then approved (published) or rejected; both sides are checked."""

from __future__ import annotations

from datetime import date

import pytest
from repair_factories import CODE, MONTH, YEAR, load, publish

from models import Assignment
from models.swaps import SwapTerms
from roster import services
from roster.services.audit import audit_trail
from roster.services.swaps import (
    answer_swap,
    approve_swap,
    list_swaps,
    propose_swap,
    reject_swap,
    withdraw_swap,
)
from roster.storage import session_scope

D10, D11 = date(2026, 3, 10), date(2026, 3, 11)


@pytest.fixture
def url(db_url: str) -> str:
    """A published month: C1 works the 10th (M), C2 the 11th (T), C3 and C4 the 10th (T, N)."""
    load(db_url)
    publish(
        db_url,
        [
            Assignment("C1", D10, "M", "CUI"),
            Assignment("C2", D11, "T", "CUI"),
            Assignment("C3", D10, "T", "CUI"),
            Assignment("C4", D10, "N", "CUI"),  # until 07:00 on the 11th
        ],
    )
    return db_url


def cells(url: str) -> set[tuple[str, date, str]]:
    with session_scope(url) as session:
        roster = services.get_roster(session, CODE, YEAR, MONTH)
    assert roster is not None
    return {(a.staff_id, a.day, a.shift) for a in roster.assignments}


def test_an_agreed_and_approved_swap_is_published_and_audited(url: str) -> None:
    with session_scope(url) as session:
        asked = propose_swap(session, CODE, SwapTerms("C1", D10, "C2", D11), user_id=1)
        assert asked.state == "awaiting_partner"
        assert answer_swap(session, CODE, asked.id, "C2", accept=True).state == "pending"
        approved = approve_swap(session, CODE, asked.id, user_id=1, note="Acordado por teléfono")
    assert approved.state == "approved" and approved.version == 2
    assert {("C2", D10, "M"), ("C1", D11, "T")} <= cells(url)
    assert not {("C1", D10, "M"), ("C2", D11, "T")} & cells(url)
    with session_scope(url) as session:
        trail = [e for e in audit_trail(session, CODE, YEAR, MONTH) if e.kind == "swap"]
        roster = services.get_roster(session, CODE, YEAR, MONTH)
    assert roster is not None and roster.status == "published"
    assert len(trail) == 4  # both people on both days
    assert all(e.version == 2 and "Acordado por teléfono" in e.note for e in trail)
    assert {(e.staff_id, e.day, e.before, e.after) for e in trail} >= {
        ("C1", D10, ("M", "CUI"), None),
        ("C2", D10, None, ("M", "CUI")),
    }


def test_a_rejected_swap_changes_nothing(url: str) -> None:
    before = cells(url)
    with session_scope(url) as session:
        asked = propose_swap(session, CODE, SwapTerms("C1", D10, "C5"), agreed=True)
        assert asked.state == "pending" and asked.give_away
        rejected = reject_swap(session, CODE, asked.id, user_id=1, note="Falta personal")
        assert rejected.state == "rejected" and rejected.decision_note == "Falta personal"
        with pytest.raises(services.InvalidInput, match="ya no se puede cambiar"):
            approve_swap(session, CODE, asked.id, user_id=1)
        assert not [e for e in audit_trail(session, CODE, YEAR, MONTH) if e.kind == "swap"]
    assert cells(url) == before


def test_the_validator_checks_both_sides(url: str) -> None:
    with session_scope(url) as session, pytest.raises(services.InvalidInput, match="H2"):
        propose_swap(session, CODE, SwapTerms("C1", D10, "C3"))  # C3 works that day already
    with session_scope(url) as session, pytest.raises(services.InvalidInput, match="H3"):
        propose_swap(session, CODE, SwapTerms("C2", D11, "C4"))  # 8 h after C4's night
    with session_scope(url) as session:
        assert propose_swap(session, CODE, SwapTerms("C2", D11, "C9")).state == "awaiting_partner"
    with session_scope(url) as session, pytest.raises(services.InvalidInput, match="no tiene un"):
        propose_swap(session, CODE, SwapTerms("C5", D10, "C6"))


def test_the_partner_may_decline_and_the_giver_withdraw(url: str) -> None:
    with session_scope(url) as session:
        first = propose_swap(session, CODE, SwapTerms("C1", D10, "C5"))
        second = propose_swap(session, CODE, SwapTerms("C2", D11, "C6"))
        with pytest.raises(services.NotFound):
            answer_swap(session, CODE, first.id, "C6", accept=True)  # not hers to answer
        assert answer_swap(session, CODE, first.id, "C5", accept=False).state == "declined"
        assert withdraw_swap(session, CODE, second.id, "C2").state == "withdrawn"
        assert [s.id for s in list_swaps(session, CODE, staff_id="C5")] == [first.id]
