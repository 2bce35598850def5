"""The network dashboard: each shelter's month status, coverage as the gap report counts it."""

from __future__ import annotations

from datetime import date

import pytest
from roster_factories import network
from sqlalchemy import event
from sqlalchemy.orm import Session

from models import Gap, Roster
from models.roster import GapReason
from models.staffing import minimum_demand_hours
from roster import services as sv
from roster.services.dashboard import network_dashboard, sort_lines

YEAR, MONTH = 2026, 3


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, network("HRT-A", "HRT-B"))
    return session


def gap_roster(code: str, missing: int) -> Roster:
    gaps = [Gap(date(YEAR, MONTH, 2), "N", "CUI", missing, 480, GapReason.NOBODY_QUALIFIED)]
    return Roster(code, YEAR, MONTH, assignments=[], gaps=gaps)


def test_a_shelter_without_a_roster_has_no_coverage_yet(loaded: Session) -> None:
    line = network_dashboard(loaded, YEAR, MONTH)[0]
    assert (line.code, line.status, line.version) == ("HRT-A", "none", None)
    assert line.coverage_pct is None and line.uncovered_hours is None
    assert line.uncovered_by_tier == {}
    assert line.people == 3 and line.vacancies == 1


def test_coverage_is_counted_like_the_gap_report(loaded: Session) -> None:
    sv.save_roster(loaded, gap_roster("HRT-A", 2))
    line = network_dashboard(loaded, YEAR, MONTH)[0]
    demand = minimum_demand_hours(sv.planning_problem(loaded, "HRT-A", YEAR, MONTH))
    assert line.demand_hours == pytest.approx(demand)
    assert line.uncovered_hours == 16 and line.uncovered_by_role == {"CUI": 16}
    assert line.uncovered_by_tier == {"essential": 0, "normal": 16, "optional": 0}
    assert line.coverage_pct == pytest.approx(100 * (1 - 16 / demand))
    assert (line.status, line.version, line.newer_draft) == ("draft", 1, False)


def test_the_published_version_is_shown_while_a_new_draft_is_prepared(loaded: Session) -> None:
    sv.save_roster(loaded, gap_roster("HRT-A", 1))
    sv.publish_roster(loaded, "HRT-A", YEAR, MONTH)
    sv.save_roster(loaded, gap_roster("HRT-A", 3))
    line = network_dashboard(loaded, YEAR, MONTH)[0]
    assert (line.status, line.version, line.newer_draft) == ("published", 1, True)
    assert line.uncovered_hours == 8


def test_sorting_keeps_shelters_without_a_roster_last(loaded: Session) -> None:
    sv.save_roster(loaded, gap_roster("HRT-B", 1))
    lines = network_dashboard(loaded, YEAR, MONTH)
    for descending in (False, True):
        ordered = sort_lines(lines, "coverage", descending)
        assert [line.code for line in ordered] == ["HRT-B", "HRT-A"]
    assert [line.code for line in sort_lines(lines, "code", True)] == ["HRT-B", "HRT-A"]
    assert [line.code for line in sort_lines(lines, "nonsense", False)] == ["HRT-A", "HRT-B"]


def test_the_dashboard_reads_a_fixed_number_of_queries(loaded: Session) -> None:
    sv.save_roster(loaded, gap_roster("HRT-A", 1))
    sv.save_roster(loaded, gap_roster("HRT-B", 2))
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = loaded.get_bind()
    event.listen(engine, "before_cursor_execute", count)
    try:
        network_dashboard(loaded, YEAR, MONTH)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # shelters and their extra feriados (one batch), roster versions, gaps by role and tier,
    # coverage rules, staff counts, vacancies: the same seven with 2 shelters or 22
    assert len(selects) == 7, "\n\n".join(selects)
