"""The worked-feriado ledger: filled on publishing, carried into the next month's fairness,
settled by compensatory rest, following the shelter's compensation rule (D.Leg. 713 art. 9)."""

from __future__ import annotations

from datetime import date

import pytest
from roster_factories import network
from sqlalchemy.orm import Session

from models import Absence, AbsenceKind, Assignment, Roster
from models.feriados import Compensation
from roster import services as sv
from roster.services.feriados import feriado_ledger

FIESTAS_PATRIAS = (date(2026, 7, 28), date(2026, 7, 29))


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, network("HRT-A"))
    return session


def publish_july(session: Session, *days: date, staff: str = "S1") -> None:
    worked = [Assignment(staff, day, "M", "CUI") for day in (date(2026, 7, 27), *days)]
    sv.save_roster(session, Roster("HRT-A", 2026, 7, assignments=worked))
    sv.publish_roster(session, "HRT-A", 2026, 7)


def test_a_worked_feriado_enters_the_ledger_and_the_next_month_continues_from_it(
    loaded: Session,
) -> None:
    publish_july(loaded, *FIESTAS_PATRIAS)
    ledger = feriado_ledger(loaded, "HRT-A")
    assert [(e.staff_id, e.day, e.shift, e.hours) for e in ledger] == [
        ("S1", FIESTAS_PATRIAS[0], "M", 8.0),
        ("S1", FIESTAS_PATRIAS[1], "M", 8.0),
    ]
    assert all(e.compensation is Compensation.REST and e.owed for e in ledger)
    august = sv.planning_problem(loaded, "HRT-A", 2026, 8)
    assert august.tallies["S1"].holidays == 2


def test_publishing_again_follows_the_new_version(loaded: Session) -> None:
    publish_july(loaded, *FIESTAS_PATRIAS)
    publish_july(loaded, FIESTAS_PATRIAS[1], staff="S3")
    assert [(e.staff_id, e.day) for e in feriado_ledger(loaded, "HRT-A")] == [
        ("S3", FIESTAS_PATRIAS[1])
    ]
    assert "S1" not in sv.planning_problem(loaded, "HRT-A", 2026, 8).tallies


def test_compensatory_rest_settles_the_oldest_feriado_owed(loaded: Session) -> None:
    publish_july(loaded, *FIESTAS_PATRIAS)
    rest = Absence("S1", AbsenceKind.COMPENSATORY, date(2026, 8, 10), date(2026, 8, 10))
    sv.add_absence(loaded, "HRT-A", rest)
    first, second = feriado_ledger(loaded, "HRT-A")
    assert (first.settled_on, first.owed) == (date(2026, 8, 10), False)
    assert (second.settled_on, second.owed) == (None, True)


def test_a_shelter_that_pays_the_surcharge_owes_no_rest_day(loaded: Session) -> None:
    rules = sv.get_rule_set(loaded, "HRT-A").with_changes(feriado_compensation="pay")
    sv.set_rule_set(loaded, "HRT-A", rules)
    publish_july(loaded, FIESTAS_PATRIAS[0])
    [entry] = feriado_ledger(loaded, "HRT-A", year=2026)
    assert entry.compensation is Compensation.PAY and not entry.owed
    assert feriado_ledger(loaded, "HRT-A", year=2027) == []
