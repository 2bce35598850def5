"""Calendar feeds in storage: links stored hashed, stable UIDs, SEQUENCE, cancellations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
from roster_factories import network
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from exports.ical import CalendarFeed, calendar_ics
from models import Assignment, Gap, Roster
from roster import services
from roster.services import feeds
from roster.services.calendars import build_feed, feed_for_token, feed_months, short_name
from roster.storage import FeedEventRow, FeedMonthRow, FeedTokenRow, RosterRow

CODE = "HRT-T1"
NOW = datetime(2026, 3, 5, 15, 0, tzinfo=UTC)  # 10:00 in Lima


def month_roster(*assignments: Assignment, gaps: tuple[Gap, ...] = ()) -> Roster:
    return Roster(CODE, 2026, 3, assignments=list(assignments), gaps=list(gaps))


def publish(session: Session, roster: Roster) -> None:
    services.save_roster(session, roster)
    services.publish_roster(session, CODE, roster.year, roster.month)


def events(session: Session, token: str, now: datetime = NOW) -> dict[str, icalendar.Event]:
    """The feed's events by summary, parsed back with icalendar."""
    answer = feed_for_token(session, token, now)
    assert answer is not None
    parsed = icalendar.Calendar.from_ical(calendar_ics(answer.feed))
    return {str(e["summary"]): e for e in parsed.walk("VEVENT")}


NIGHT = Assignment("S1", date(2026, 3, 10), "N", "CUI")
MORNING = Assignment("S2", date(2026, 3, 11), "M", "PSI")


def test_a_link_is_stored_hashed_and_opens_only_its_feed(session: Session) -> None:
    services.load_network(session, network())
    token = feeds.rotate_staff_feed(session, CODE, "S1")
    assert len(token) >= 43  # 256 bits in URL-safe base64
    stored = session.scalars(select(FeedTokenRow.token_hash)).all()
    assert stored == [feeds.hash_token(token)] and token not in stored
    owner = feeds.owner_of(session, token)
    assert owner is not None and owner.kind == "staff"
    assert feeds.owner_of(session, token[:-1] + "x") is None


def test_rotating_stops_the_old_link_and_revoking_stops_the_new(session: Session) -> None:
    services.load_network(session, network())
    old = feeds.rotate_staff_feed(session, CODE, "S1")
    new = feeds.rotate_staff_feed(session, CODE, "S1")
    assert feed_for_token(session, old, NOW) is None
    assert feed_for_token(session, new, NOW) is not None
    assert feeds.staff_feed_since(session, CODE, "S1") is not None
    assert feeds.revoke_staff_feed(session, CODE, "S1") is True
    assert feed_for_token(session, new, NOW) is None
    assert feeds.staff_feed_since(session, CODE, "S1") is None
    assert feeds.revoke_staff_feed(session, CODE, "S1") is False


def test_her_feed_has_only_her_published_shifts(session: Session) -> None:
    services.load_network(session, network())
    token = feeds.rotate_staff_feed(session, CODE, "S1")
    services.save_roster(session, month_roster(NIGHT, MORNING))
    assert events(session, token) == {}  # a draft is nobody's calendar yet
    services.publish_roster(session, CODE, 2026, 3)
    found = events(session, token)
    assert list(found) == ["Turno noche — Cuidadora"]
    event = found["Turno noche — Cuidadora"]
    assert event["dtstart"].params["TZID"] == "America/Lima"
    assert event.start == datetime(2026, 3, 10, 23, 0, tzinfo=event.start.tzinfo)
    assert event.start.utcoffset() == timedelta(hours=-5)
    assert event.end - event.start == timedelta(hours=8)
    assert str(event["status"]) == "CONFIRMED" and int(event["sequence"]) == 0


def test_uids_stay_across_republishing_and_sequence_rises_on_a_change(session: Session) -> None:
    services.load_network(session, network())
    token = feeds.rotate_staff_feed(session, CODE, "S1")
    other = Assignment("S1", date(2026, 3, 20), "M", "CUI")
    publish(session, month_roster(NIGHT, other))
    before = {str(e["uid"]): e for e in events(session, token).values()}
    publish(session, month_roster(NIGHT, other, MORNING))  # republished, her shifts unchanged
    after = {str(e["uid"]): e for e in events(session, token).values()}
    assert after.keys() == before.keys()
    assert all(int(e["sequence"]) == 0 for e in after.values())
    an_hour_ago = datetime.now(UTC) - timedelta(hours=1)
    session.execute(update(FeedEventRow).values(last_modified=an_hour_ago))
    before = {str(e["uid"]): e for e in events(session, token).values()}
    moved = Assignment("S1", date(2026, 3, 20), "T", "CUI")  # her day's shift changes
    publish(session, month_roster(NIGHT, moved))
    changed = {str(e["uid"]): e for e in events(session, token).values()}
    assert changed.keys() == before.keys()
    [uid] = [u for u, e in changed.items() if "tarde" in str(e["summary"])]
    assert int(changed[uid]["sequence"]) == 1
    assert changed[uid].decoded("last-modified") > before[uid].decoded("last-modified")
    night = next(u for u, e in changed.items() if "noche" in str(e["summary"]))
    assert int(changed[night]["sequence"]) == 0


def test_a_removed_shift_stays_cancelled_for_30_days(session: Session) -> None:
    services.load_network(session, network())
    token = feeds.rotate_staff_feed(session, CODE, "S1")
    publish(session, month_roster(NIGHT))
    uid = str(next(iter(events(session, token).values()))["uid"])
    publish(session, month_roster(MORNING))
    found = events(session, token)
    assert list(found) == ["Cancelado: Turno noche — Cuidadora"]
    cancelled = found["Cancelado: Turno noche — Cuidadora"]
    assert str(cancelled["status"]) == "CANCELLED" and str(cancelled["uid"]) == uid
    assert int(cancelled["sequence"]) == 1
    row = session.scalar(select(FeedEventRow).where(FeedEventRow.cancelled_at.is_not(None)))
    assert row is not None
    row.cancelled_at = NOW - timedelta(days=29)
    session.flush()
    assert list(events(session, token)) == ["Cancelado: Turno noche — Cuidadora"]
    row.cancelled_at = NOW - timedelta(days=31)
    session.flush()
    assert events(session, token) == {}
    answer = feed_for_token(session, token, NOW)
    assert answer is not None and answer.modified >= NOW - timedelta(days=1)  # it just left


def test_a_shift_put_back_keeps_its_uid(session: Session) -> None:
    services.load_network(session, network())
    token = feeds.rotate_staff_feed(session, CODE, "S1")
    publish(session, month_roster(NIGHT))
    uid = str(next(iter(events(session, token).values()))["uid"])
    publish(session, month_roster())
    publish(session, month_roster(NIGHT))
    [event] = events(session, token).values()
    assert str(event["uid"]) == uid and str(event["status"]) == "CONFIRMED"
    assert int(event["sequence"]) == 2


def test_the_shelter_feed_names_first_name_and_initial_and_marks_gaps(session: Session) -> None:
    services.load_network(session, network())
    token = feeds.rotate_shelter_feed(session, CODE)
    gap = Gap(date(2026, 3, 12), "M", "CUI", 2, 480)
    publish(session, month_roster(NIGHT, MORNING, gaps=(gap,)))
    found = events(session, token)
    assert set(found) == {
        "Ana Q.: Turno noche — Cuidadora",
        "Rosa H.: Turno mañana — Psicóloga",
        "SIN CUBRIR: Turno mañana — Cuidadora (faltan 2)",
    }
    answer = feed_for_token(session, token, NOW)
    assert answer is not None
    text = calendar_ics(answer.feed).decode()
    assert "Quispe" not in text and "Huamán" not in text and "Cañete" not in text
    her_feed = events(session, feeds.rotate_staff_feed(session, CODE, "S1"))
    staff_uids = {str(e["uid"]) for e in her_feed.values()}
    assert not staff_uids & {str(e["uid"]) for e in found.values()}  # each feed its own UIDs


def test_a_month_published_before_the_feeds_is_caught_up_once(session: Session) -> None:
    services.load_network(session, network())
    publish(session, month_roster(NIGHT))
    session.execute(delete(FeedEventRow))  # as after upgrading a database with published months
    session.execute(delete(FeedMonthRow))
    token = feeds.rotate_staff_feed(session, CODE, "S1")
    [event] = events(session, token).values()
    assert events(session, token)[str(event["summary"])]["uid"] == event["uid"]
    assert session.scalar(select(FeedMonthRow.version)) == session.scalar(
        select(RosterRow.version).where(RosterRow.status == "published")
    )


def test_a_feed_spans_last_month_to_three_ahead() -> None:
    assert feed_months(date(2026, 12, 15)) == [
        (2026, 11),
        (2026, 12),
        (2027, 1),
        (2027, 2),
        (2027, 3),
    ]
    assert feed_months(date(2026, 1, 1))[0] == (2025, 12)


def test_short_names() -> None:
    assert short_name("María Quispe Rojas") == "María Q."
    assert short_name("Ana") == "Ana"


def test_an_empty_feed_is_still_a_calendar_with_its_time_zone(session: Session) -> None:
    services.load_network(session, network())
    answer = build_feed(session, 1, None, date(2026, 3, 5), NOW)
    assert isinstance(answer.feed, CalendarFeed) and answer.feed.events == ()
    assert b"TZID:America/Lima" in calendar_ics(answer.feed)
