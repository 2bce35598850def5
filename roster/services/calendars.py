"""The feeds' content: a staff member's own shifts, or a whole shelter's for its coordination.

A feed spans the previous month, this one and the next three (Lima's calendar). It says
the shift and the role, never an address, a shelter's name or place, a resident, or
another person's name; the shelter's feed names staff by first name and initial only.
A removed shift stays in the feed as cancelled for 30 days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from exports.ical import CalendarEvent, CalendarFeed
from models import LIMA
from roster.services.feed_events import ensure_synced
from roster.services.feeds import FeedOwner, owner_of
from roster.services.lookup import shelter_row, staff_row
from roster.storage import FeedEventRow, RoleRow, ShiftTypeRow, StaffRow

MONTHS_BACK, MONTHS_AHEAD = 1, 3
CANCELLED_KEPT = timedelta(days=30)
STAFF_FEED_NAME = "Mis turnos"
STAFF_FEED_ABOUT = (
    "Sus turnos publicados, del mes pasado a tres meses adelante. Un cambio urgente "
    "también se avisa por mensaje: algunos calendarios tardan horas en actualizarse."
)
SHELTER_FEED_NAME = "Rol de turnos del hogar (coordinación)"
SHELTER_FEED_ABOUT = "Todos los turnos publicados del hogar y los que quedaron sin cubrir."


@dataclass(frozen=True)
class FeedAnswer:
    """A feed ready to send: its content and the moment it last changed (for Last-Modified)."""

    feed: CalendarFeed
    modified: datetime


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def feed_months(today: date) -> list[tuple[int, int]]:
    """The months a feed spans: from the previous month to three months ahead."""
    return [
        _shift_month(today.year, today.month, delta)
        for delta in range(-MONTHS_BACK, MONTHS_AHEAD + 1)
    ]


def _window(today: date) -> tuple[date, date]:
    months = feed_months(today)
    last_year, last_month = _shift_month(*months[-1], 1)
    return date(*months[0], 1), date(last_year, last_month, 1) - timedelta(days=1)


def short_name(name: str) -> str:
    """First name and the initial of the next one: "María Quispe Rojas" -> "María Q."."""
    parts = name.split()
    if len(parts) < 2:
        return parts[0] if parts else ""
    return f"{parts[0]} {parts[1][0]}."


def shift_words(shift_name: str, role_name: str) -> str:
    """ "Turno noche — Cuidadora": the shift and the role, nothing else."""
    lowered = shift_name[:1].lower() + shift_name[1:]
    return f"Turno {lowered} — {role_name}"


def _rows(
    session: Session, shelter_id: int, staff_id: int | None, first: date, last: date, now: datetime
) -> list[FeedEventRow]:
    query = select(FeedEventRow).where(
        FeedEventRow.shelter_id == shelter_id,
        FeedEventRow.day >= first,
        FeedEventRow.day <= last,
        or_(
            FeedEventRow.cancelled_at.is_(None),
            FeedEventRow.cancelled_at >= now - 2 * CANCELLED_KEPT,
        ),
    )
    if staff_id is not None:
        query = query.where(FeedEventRow.staff_id == staff_id)
    return list(session.scalars(query.order_by(FeedEventRow.starts, FeedEventRow.id)))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _event(row: FeedEventRow, words: str, who: str | None, shift_code: str) -> CalendarEvent:
    """One event; the shelter's feed (``who`` given) has its own UIDs, apart from the staff's."""
    starts = row.starts.replace(tzinfo=LIMA)
    ends = starts + timedelta(minutes=row.minutes)
    if row.missing:
        summary = (
            f"SIN CUBRIR: {words} (faltan {row.missing})"
            if row.missing > 1
            else f"SIN CUBRIR: {words}"
        )
    else:
        summary = words if who is None else f"{who}: {words}"
    hours = f"{starts:%H:%M}–{ends:%H:%M}"
    return CalendarEvent(
        uid=row.uid if who is None else row.uid.replace("@", "-c@", 1),
        summary=summary,
        starts=starts,
        ends=ends,
        sequence=row.sequence,
        last_modified=_aware(row.last_modified),
        cancelled=row.cancelled_at is not None,
        description=f"Turno {shift_code}, {hours} (hora del Perú).",
    )


def build_feed(
    session: Session, shelter_id: int, staff_id: int | None, today: date, now: datetime
) -> FeedAnswer:
    """The feed of one person (``staff_id``) or of the whole shelter (None)."""
    first, last = _window(today)
    ensure_synced(session, shelter_id, feed_months(today))
    shifts = {
        s.id: s
        for s in session.scalars(select(ShiftTypeRow).where(ShiftTypeRow.shelter_id == shelter_id))
    }
    roles = {r.id: r.name for r in session.scalars(select(RoleRow))}
    names: dict[int, str] = {}
    if staff_id is None:
        people = session.scalars(select(StaffRow).where(StaffRow.shelter_id == shelter_id))
        names = {p.id: short_name(p.name) for p in people}
    modified = datetime.combine(today.replace(day=1), time(0), tzinfo=LIMA).astimezone(UTC)
    events = []
    for row in _rows(session, shelter_id, staff_id, first, last, now):
        if row.cancelled_at is not None and _aware(row.cancelled_at) < now - CANCELLED_KEPT:
            modified = max(modified, _aware(row.cancelled_at) + CANCELLED_KEPT)  # it just left
            continue
        shift = shifts[row.shift_type_id]
        who = None if staff_id is not None else names.get(row.staff_id or 0, "")
        words = shift_words(shift.name, roles.get(row.role_id, ""))
        events.append(_event(row, words, who, shift.code))
        modified = max(modified, events[-1].last_modified)
    kind = (
        (STAFF_FEED_NAME, STAFF_FEED_ABOUT)
        if staff_id is not None
        else (SHELTER_FEED_NAME, SHELTER_FEED_ABOUT)
    )
    return FeedAnswer(CalendarFeed(kind[0], kind[1], tuple(events), first, last), modified)


def lima_today(now: datetime) -> date:
    """Today's date in Lima."""
    return now.astimezone(LIMA).date()


def feed_for_owner(session: Session, owner: FeedOwner, now: datetime | None = None) -> FeedAnswer:
    """The feed of a link's owner (see ``feeds.owner_of``)."""
    moment = now or datetime.now(UTC)
    answer = build_feed(session, owner.shelter_id, owner.staff_id, lima_today(moment), moment)
    return FeedAnswer(answer.feed, max(answer.modified, _aware(owner.created_at)))


def feed_for_token(session: Session, token: str, now: datetime | None = None) -> FeedAnswer | None:
    """The feed a link's token opens, or None for an unknown or revoked token."""
    owner: FeedOwner | None = owner_of(session, token)
    return None if owner is None else feed_for_owner(session, owner, now)


def staff_calendar(
    session: Session, shelter_code: str, staff_code: str, now: datetime | None = None
) -> CalendarFeed:
    """Her own feed's content, for a one-off download from her page."""
    person = staff_row(session, shelter_row(session, shelter_code), staff_code)
    moment = now or datetime.now(UTC)
    return build_feed(session, person.shelter_id, person.id, lima_today(moment), moment).feed
