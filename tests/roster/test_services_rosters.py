"""Roster versions: drafts, publishing, history across months and fairness tallies."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from roster_factories import network
from sqlalchemy.orm import Session

from models import Assignment, FairnessTally, Gap, Roster, RosterStatus
from models.roster import AssignmentSource, GapReason
from roster import services as sv


@pytest.fixture
def loaded(session: Session) -> Session:
    sv.load_network(session, network("HRT-A"))
    return session


def month_roster(year: int, month: int, staff: str = "S1", shift: str = "M") -> Roster:
    """One person working one shift on the 1st, 2nd and last day of the month."""
    first = date(year, month, 1)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    days = [first, first + timedelta(days=1), last]
    return Roster(
        "HRT-A",
        year,
        month,
        assignments=[Assignment(staff, day, shift, "CUI") for day in days],
        gaps=[Gap(first, "N", "CUI", 1, 480, GapReason.NOBODY_QUALIFIED)],
    )


def test_saving_creates_numbered_drafts(loaded: Session) -> None:
    first = sv.save_roster(loaded, month_roster(2026, 3), report_json='{"status": "optimal"}')
    second = sv.save_roster(loaded, month_roster(2026, 3, staff="S3"))
    assert (first.version, first.status) == (1, RosterStatus.DRAFT)
    assert second.version == 2
    stored = sv.get_roster(loaded, "HRT-A", 2026, 3)
    assert stored == second
    assert sv.get_roster(loaded, "HRT-A", 2026, 3, version=1) == first
    assert sv.get_solve_report(loaded, "HRT-A", 2026, 3, version=1) == '{"status": "optimal"}'
    assert sv.get_roster(loaded, "HRT-A", 2026, 4) is None


def test_a_stored_roster_keeps_locks_sources_and_gaps(loaded: Session) -> None:
    roster = month_roster(2026, 3)
    roster.assignments[0] = Assignment(
        "S1", date(2026, 3, 1), "M", "CUI", locked=True, source=AssignmentSource.MANUAL
    )
    stored = sv.save_roster(loaded, roster)
    again = sv.get_roster(loaded, "HRT-A", 2026, 3)
    assert again is not None
    assert again.assignments == stored.assignments == roster.assignments
    assert again.gaps[0].reason == GapReason.NOBODY_QUALIFIED


def test_publishing_keeps_the_published_version_when_replanning(loaded: Session) -> None:
    sv.save_roster(loaded, month_roster(2026, 3))
    published = sv.publish_roster(loaded, "HRT-A", 2026, 3)
    assert (published.version, published.status) == (1, RosterStatus.PUBLISHED)
    with pytest.raises(sv.NotFound, match="03/2026"):
        sv.publish_roster(loaded, "HRT-A", 2026, 3)
    replanned = sv.save_roster(loaded, month_roster(2026, 3, staff="S3"))
    assert replanned.version == 2
    assert sv.get_roster(loaded, "HRT-A", 2026, 3, RosterStatus.PUBLISHED) == published
    versions = sv.list_roster_versions(loaded, "HRT-A", 2026, 3)
    assert [(v.version, v.status) for v in versions] == [
        (1, RosterStatus.PUBLISHED),
        (2, RosterStatus.DRAFT),
    ]
    assert versions[0].published_at is not None and versions[0].published_at.tzinfo is not None
    assert versions[1].published_at is None


def test_publishing_without_a_draft_is_not_found(loaded: Session) -> None:
    with pytest.raises(sv.NotFound, match="HRT-A"):
        sv.publish_roster(loaded, "HRT-A", 2026, 5)


def test_a_roster_naming_unknown_people_is_refused(loaded: Session) -> None:
    with pytest.raises(sv.InvalidInput, match="personal 'S404'"):
        sv.save_roster(loaded, month_roster(2026, 3, staff="S404"))
    assert sv.get_roster(loaded, "HRT-A", 2026, 3) is None


def test_history_reads_only_published_days_before_the_month(loaded: Session) -> None:
    sv.save_roster(loaded, month_roster(2026, 2))
    assert sv.history_before(loaded, "HRT-A", 2026, 3, days=7) == []
    sv.publish_roster(loaded, "HRT-A", 2026, 2)
    sv.save_roster(loaded, month_roster(2026, 2, staff="S3"))  # a later draft is not history
    history = sv.history_before(loaded, "HRT-A", 2026, 3, days=7)
    assert history == [Assignment("S1", date(2026, 2, 28), "M", "CUI")]
    assert sv.history_before(loaded, "HRT-A", 2026, 3, days=0) == []


def test_history_spans_two_months_when_the_window_is_long(loaded: Session) -> None:
    for month in (1, 2):
        sv.save_roster(loaded, month_roster(2026, month))
        sv.publish_roster(loaded, "HRT-A", 2026, month)
    days = [a.day for a in sv.history_before(loaded, "HRT-A", 2026, 3, days=31)]
    assert days == [date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 2), date(2026, 2, 28)]


def test_fairness_counts_nights_weekends_and_holidays_of_earlier_months(loaded: Session) -> None:
    # January 2026: 1st is a feriado (Thursday), 2nd is the shelter's extra day, 31st a Saturday.
    sv.save_roster(loaded, month_roster(2026, 1, staff="S3", shift="N"))
    sv.publish_roster(loaded, "HRT-A", 2026, 1)
    sv.save_roster(loaded, month_roster(2026, 3, staff="S1"))
    sv.publish_roster(loaded, "HRT-A", 2026, 3)
    tallies = sv.fairness_tallies(loaded, "HRT-A", 2026, 3)
    assert tallies == {"S3": FairnessTally(nights=3, weekend_days=1, holidays=2)}
    assert sv.fairness_tallies(loaded, "HRT-A", 2026, 3, months=1) == {}


def test_planning_problem_gathers_history_locks_reference_and_tallies(loaded: Session) -> None:
    sv.save_roster(loaded, month_roster(2026, 2))
    sv.publish_roster(loaded, "HRT-A", 2026, 2)
    march = month_roster(2026, 3, staff="S3")
    sv.save_roster(loaded, march)
    sv.publish_roster(loaded, "HRT-A", 2026, 3)
    draft = month_roster(2026, 3, staff="S3")
    locked = Assignment("S3", date(2026, 3, 2), "M", "CUI", locked=True)
    draft.assignments[1] = locked
    sv.save_roster(loaded, draft)
    problem = sv.planning_problem(loaded, "HRT-A", 2026, 3)
    assert problem.shelter.code == "HRT-A" and (problem.year, problem.month) == (2026, 3)
    assert [r.code for r in problem.roles] == ["COO", "CUI", "PSI"]
    assert problem.history == [Assignment("S1", date(2026, 2, 28), "M", "CUI")]
    assert problem.locks == [locked]
    assert problem.reference == march.assignments
    assert problem.tallies["S1"].weekend_days == 2  # 1 and 28 February 2026 are weekend days
    assert problem.rules.min_rest_hours == 11.0
