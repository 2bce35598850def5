"""The feeds' events follow the published rosters: one stable identity per shift.

Publishing a month calls ``sync_month``: every assignment of the published version (and
every uncovered shift, for the coordinator's feed) gets an event row keyed by what it is
about (her day; a role's shift on a day). A new one gets a random UID; a changed one keeps
its UID, raises SEQUENCE and moves LAST-MODIFIED; one that disappeared is kept as
cancelled (the feeds show it for 30 days). ``ensure_synced`` catches up a month published
before the feeds existed, the first time a feed asks for it.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from models import RosterStatus
from roster.storage import (
    AssignmentRow,
    FeedEventRow,
    FeedMonthRow,
    GapRow,
    RosterRow,
    ShiftTypeRow,
    utc_now,
)

Wanted = dict[str, dict[str, object]]  # key -> the event's columns, fingerprint included


def new_uid() -> str:
    """A random event UID (128 bits) that says nothing about the shift, person or shelter."""
    return f"{secrets.token_hex(16)}@turnos"


def _month_days(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first, following - timedelta(days=1)


def _wanted(session: Session, row: RosterRow) -> Wanted:
    """The events a published version calls for, by key."""
    shifts = {
        s.id: s
        for s in session.scalars(
            select(ShiftTypeRow).where(ShiftTypeRow.shelter_id == row.shelter_id)
        )
    }
    found: Wanted = {}
    assignments = session.scalars(
        select(AssignmentRow).where(AssignmentRow.roster_id == row.id).order_by(AssignmentRow.id)
    )
    for a in assignments:
        key = f"p{a.staff_id}-{a.day:%Y%m%d}"
        key = key if key not in found else f"{key}-{a.shift_type_id}"
        found[key] = _columns(shifts[a.shift_type_id], a.day, a.role_id, a.staff_id, 0)
    for g in session.scalars(select(GapRow).where(GapRow.roster_id == row.id)):
        key = f"g{g.day:%Y%m%d}-{g.shift_type_id}-{g.role_id}"
        found[key] = _columns(shifts[g.shift_type_id], g.day, g.role_id, None, g.missing)
    return found


def _columns(
    shift: ShiftTypeRow, day: date, role_id: int, staff_id: int | None, missing: int
) -> dict[str, object]:
    starts = datetime.combine(day, shift.start)
    return {
        "staff_id": staff_id,
        "day": day,
        "starts": starts,
        "minutes": shift.minutes,
        "shift_type_id": shift.id,
        "role_id": role_id,
        "missing": missing,
        "fingerprint": f"{shift.code}|{starts:%Y%m%dT%H%M}|{shift.minutes}|{role_id}|{missing}",
    }


def _apply(session: Session, shelter_id: int, first: date, last: date, wanted: Wanted) -> None:
    """Insert, update or cancel the month's event rows so they match ``wanted``."""
    now = utc_now()
    existing = {
        e.key: e
        for e in session.scalars(
            select(FeedEventRow).where(
                FeedEventRow.shelter_id == shelter_id,
                FeedEventRow.day >= first,
                FeedEventRow.day <= last,
            )
        )
    }
    for key, columns in wanted.items():
        event = existing.get(key)
        if event is None:
            session.add(
                FeedEventRow(
                    shelter_id=shelter_id, key=key, uid=new_uid(), last_modified=now, **columns
                )
            )
        elif event.fingerprint != columns["fingerprint"] or event.cancelled_at is not None:
            for name, value in columns.items():
                setattr(event, name, value)
            event.sequence += 1
            event.last_modified, event.cancelled_at = now, None
    for key, event in existing.items():
        if key not in wanted and event.cancelled_at is None:
            event.sequence += 1
            event.last_modified = event.cancelled_at = now
    session.flush()


def sync_month(session: Session, row: RosterRow) -> None:
    """Make the shelter's feed events of ``row``'s month follow that published version."""
    first, last = _month_days(row.year, row.month)
    _apply(session, row.shelter_id, first, last, _wanted(session, row))
    marker = session.get(FeedMonthRow, (row.shelter_id, row.year, row.month))
    if marker is None:
        session.add(
            FeedMonthRow(
                shelter_id=row.shelter_id, year=row.year, month=row.month, version=row.version
            )
        )
    else:
        marker.version, marker.synced_at = row.version, utc_now()
    session.flush()


def _claim(session: Session, row: RosterRow, synced: int | None) -> bool:
    """Take the month's marker from ``synced`` to ``row.version``; False if another did first."""
    if synced is None:
        session.add(
            FeedMonthRow(
                shelter_id=row.shelter_id, year=row.year, month=row.month, version=row.version
            )
        )
        session.flush()
        return True
    moved = session.execute(
        update(FeedMonthRow)
        .where(
            FeedMonthRow.shelter_id == row.shelter_id,
            FeedMonthRow.year == row.year,
            FeedMonthRow.month == row.month,
            FeedMonthRow.version == synced,
        )
        .values(version=row.version, synced_at=utc_now())
    )
    return bool(getattr(moved, "rowcount", 0))


def ensure_synced(session: Session, shelter_id: int, months: list[tuple[int, int]]) -> None:
    """Catch up any of ``months`` whose newest published version the feed has not followed.

    Normally nothing to do (publishing syncs). Two feeds catching up the same month at once
    are kept apart by the month's marker: the second finds it taken and reads what is there.
    """
    newest = dict(
        session.execute(
            select(RosterRow.year * 100 + RosterRow.month, func.max(RosterRow.version))
            .where(
                RosterRow.shelter_id == shelter_id, RosterRow.status == str(RosterStatus.PUBLISHED)
            )
            .where((RosterRow.year * 100 + RosterRow.month).in_([y * 100 + m for y, m in months]))
            .group_by(RosterRow.year, RosterRow.month)
        ).all()
    )
    if not newest:
        return
    synced = {
        m.year * 100 + m.month: m.version
        for m in session.scalars(select(FeedMonthRow).where(FeedMonthRow.shelter_id == shelter_id))
    }
    for key, version in sorted(newest.items()):
        if synced.get(key) == version:
            continue
        row = session.scalar(
            select(RosterRow).where(
                RosterRow.shelter_id == shelter_id,
                RosterRow.year == key // 100,
                RosterRow.month == key % 100,
                RosterRow.version == version,
            )
        )
        if row is None:
            continue
        try:
            with session.begin_nested():
                if _claim(session, row, synced.get(key)):
                    first, last = _month_days(row.year, row.month)
                    _apply(session, shelter_id, first, last, _wanted(session, row))
        except (IntegrityError, OperationalError):
            continue  # another request is catching this month up: serve what is stored
