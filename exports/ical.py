"""Calendar feeds as iCalendar (RFC 5545) text: a pure function of the events it is given.

The caller passes everything that varies (UIDs, sequences, timestamps), so the same feed
always gives the same bytes and the same ETag. DTSTAMP is each event's last change, as
RFC 5545 §3.8.7.2 allows for a calendar without METHOD: a feed fetched twice without a
change is byte for byte the same, which is what lets a client be answered 304.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import icalendar

PRODID = "-//Hogares de Refugio Temporal//Rol de turnos//ES"
TIMEZONE = "America/Lima"
MEDIA_TYPE = "text/calendar; charset=utf-8"
REFRESH = timedelta(hours=1)  # what the feed asks for; Google refreshes every 8-24 h anyway


@dataclass(frozen=True)
class CalendarEvent:
    """One shift in a feed: its stable UID, wording, times (America/Lima) and history."""

    uid: str
    summary: str
    starts: datetime
    ends: datetime
    sequence: int
    last_modified: datetime
    cancelled: bool = False
    description: str = ""


@dataclass(frozen=True)
class CalendarFeed:
    """A whole feed: its name, a line about it, the events and the days it spans."""

    name: str
    description: str
    events: tuple[CalendarEvent, ...]
    first_day: date
    last_day: date
    refresh: timedelta = REFRESH


def feed_etag(feed: CalendarFeed) -> str:
    """A strong ETag of the feed's content (quoted), the same whenever the bytes are."""
    digest = hashlib.sha256(repr(feed).encode("utf-8")).hexdigest()[:32]
    return f'"{digest}"'


def last_modified(feed: CalendarFeed) -> datetime | None:
    """The newest change among the feed's events, if it has any."""
    return max((event.last_modified for event in feed.events), default=None)


def _event(item: CalendarEvent) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", item.last_modified)
    event.add("last-modified", item.last_modified)
    event.add("sequence", item.sequence)
    event.add("dtstart", item.starts)
    event.add("dtend", item.ends)
    event.add("summary", ("Cancelado: " if item.cancelled else "") + item.summary)
    if item.description:
        event.add("description", item.description)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    event.add("class", "PRIVATE")
    event.add("transp", "OPAQUE")
    return event


def calendar_ics(feed: CalendarFeed) -> bytes:
    """The feed as iCalendar bytes: VTIMEZONE America/Lima, folded lines, CRLF endings."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", feed.name)
    calendar.add("x-wr-calname", feed.name)
    calendar.add("description", feed.description)
    calendar.add("x-wr-caldesc", feed.description)
    calendar.add("x-wr-timezone", TIMEZONE)
    interval = icalendar.vDuration(feed.refresh)
    calendar.add("refresh-interval", interval, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(feed.refresh))
    calendar.add_component(lima_timezone(feed.first_day, feed.last_day))
    for item in sorted(feed.events, key=lambda e: (e.starts, e.uid)):
        calendar.add_component(_event(item))
    return bytes(calendar.to_ical())


@lru_cache(maxsize=8)
def lima_timezone(first_day: date, last_day: date) -> icalendar.Timezone:
    """VTIMEZONE America/Lima for the feed's days (every feed names it, even an empty one).

    Lima has kept UTC-5 all year since 1994, so this is one STANDARD block; icalendar
    derives it from the zoneinfo database. Computing it takes tens of milliseconds, and
    it changes only with the month, so it is kept (never changed after it is made).
    """
    return icalendar.Timezone.from_tzid(
        TIMEZONE, first_date=first_day - timedelta(days=1), last_date=last_day + timedelta(days=2)
    )
