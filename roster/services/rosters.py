"""Rosters: versions of a shelter's month. A published version is never overwritten."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import delete, func, insert, literal, select
from sqlalchemy.orm import Session

from models import Assignment, Gap, Roster, RosterStatus
from models.repair import cell_changes
from models.roster import AssignmentSource, GapReason
from roster.services.audit import record
from roster.services.errors import InvalidInput, NotFound
from roster.services.feed_events import sync_month
from roster.services.feriados import record_worked_feriados
from roster.services.lookup import roles_by_code, shelter_row, shifts_by_code, staff_by_code
from roster.storage import AssignmentRow, GapRow, RosterRow, ShelterRow, utc_now

_SOURCES = {member.value for member in AssignmentSource}
_REASONS = {member.value for member in GapReason}


@dataclass(frozen=True)
class RosterVersion:
    """One stored version of a month: its number, status and timestamps (UTC)."""

    version: int
    status: RosterStatus
    created_at: datetime
    published_at: datetime | None


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)  # SQLite keeps no offset; we always store UTC


def latest_row(
    session: Session, shelter: ShelterRow, year: int, month: int, status: RosterStatus | None = None
) -> RosterRow | None:
    """The newest stored version of a month, optionally only among one status."""
    query = select(RosterRow).where(
        RosterRow.shelter_id == shelter.id, RosterRow.year == year, RosterRow.month == month
    )
    if status is not None:
        query = query.where(RosterRow.status == str(status))
    return session.scalar(query.order_by(RosterRow.version.desc()).limit(1))


def _code_maps(
    session: Session, shelter: ShelterRow
) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    staff = {row.id: code for code, row in staff_by_code(session, shelter).items()}
    shifts = {row.id: code for code, row in shifts_by_code(session, shelter).items()}
    roles = {row.id: code for code, row in roles_by_code(session).items()}
    return staff, shifts, roles


def _source(value: str) -> str:
    return AssignmentSource(value) if value in _SOURCES else value


def _reason(value: str) -> str:
    return GapReason(value) if value in _REASONS else value


def roster_from_row(session: Session, row: RosterRow, shelter: ShelterRow) -> Roster:
    """The domain roster of a stored version, with its assignments and gaps."""
    staff, shifts, roles = _code_maps(session, shelter)
    assignments = session.scalars(
        select(AssignmentRow).where(AssignmentRow.roster_id == row.id).order_by(AssignmentRow.id)
    )
    gaps = session.scalars(select(GapRow).where(GapRow.roster_id == row.id).order_by(GapRow.id))
    return Roster(
        shelter_code=shelter.code,
        year=row.year,
        month=row.month,
        assignments=[
            Assignment(
                staff[a.staff_id],
                a.day,
                shifts[a.shift_type_id],
                roles[a.role_id],
                a.locked,
                _source(a.source),
            )
            for a in assignments
        ],
        gaps=[
            Gap(
                g.day,
                shifts[g.shift_type_id],
                roles[g.role_id],
                g.missing,
                g.minutes,
                _reason(g.reason),
                g.tier,
            )
            for g in gaps
        ],
        status=RosterStatus(row.status),
        version=row.version,
    )


def roster_ids(
    session: Session, shelter: ShelterRow, roster: Roster
) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Row ids of the staff, shifts and roles a roster names; ``InvalidInput`` if one is unknown."""
    staff = {code: row.id for code, row in staff_by_code(session, shelter).items()}
    shifts = {code: row.id for code, row in shifts_by_code(session, shelter).items()}
    roles = {code: row.id for code, row in roles_by_code(session).items()}
    items: list[Assignment | Gap] = [*roster.assignments, *roster.gaps]
    unknown = sorted(
        {f"personal '{a.staff_id}'" for a in roster.assignments if a.staff_id not in staff}
        | {f"turno '{item.shift}'" for item in items if item.shift not in shifts}
        | {f"función '{item.role}'" for item in items if item.role not in roles}
    )
    if unknown:
        raise InvalidInput(
            f"El rol de turnos del hogar '{shelter.code}' nombra datos que no existen: "
            + ", ".join(unknown[:10])
            + "."
        )
    return staff, shifts, roles


def insert_roster_rows(
    session: Session,
    roster_id: int,
    roster: Roster,
    staff: dict[str, int],
    shifts: dict[str, int],
    roles: dict[str, int],
) -> None:
    """Bulk-insert a roster's assignments and gaps under the stored version ``roster_id``."""
    assignments = [
        {
            "roster_id": roster_id,
            "staff_id": staff[a.staff_id],
            "day": a.day,
            "shift_type_id": shifts[a.shift],
            "role_id": roles[a.role],
            "locked": a.locked,
            "source": str(a.source),
        }
        for a in roster.assignments
    ]
    gaps = [
        {
            "roster_id": roster_id,
            "day": g.day,
            "shift_type_id": shifts[g.shift],
            "role_id": roles[g.role],
            "missing": g.missing,
            "minutes": g.minutes,
            "reason": str(g.reason),
            "tier": str(g.tier),
        }
        for g in roster.gaps
    ]
    if assignments:
        session.execute(insert(AssignmentRow), assignments)
    if gaps:
        session.execute(insert(GapRow), gaps)


def save_roster(session: Session, roster: Roster, report_json: str | None = None) -> Roster:
    """Store ``roster`` as a new draft version of its month and return it with that version."""
    if not 1 <= roster.month <= 12:
        raise InvalidInput(f"Mes {roster.month} no válido: use un número de 1 a 12.")
    shelter = shelter_row(session, roster.shelter_code)
    staff, shifts, roles = roster_ids(session, shelter, roster)
    newest = session.scalar(
        select(func.max(RosterRow.version)).where(
            RosterRow.shelter_id == shelter.id,
            RosterRow.year == roster.year,
            RosterRow.month == roster.month,
        )
    )
    row = RosterRow(
        shelter_id=shelter.id,
        year=roster.year,
        month=roster.month,
        version=(newest or 0) + 1,
        status=str(RosterStatus.DRAFT),
        solve_report=report_json,
    )
    session.add(row)
    session.flush()
    insert_roster_rows(session, row.id, roster, staff, shifts, roles)
    return replace(roster, status=RosterStatus.DRAFT, version=row.version)


def get_roster(
    session: Session,
    shelter_code: str,
    year: int,
    month: int,
    status: RosterStatus | None = None,
    version: int | None = None,
) -> Roster | None:
    """The newest version of a month (optionally only published ones, or one given version)."""
    shelter = shelter_row(session, shelter_code)
    if version is None:
        row = latest_row(session, shelter, year, month, status)
    else:
        row = session.scalar(
            select(RosterRow).where(
                RosterRow.shelter_id == shelter.id,
                RosterRow.year == year,
                RosterRow.month == month,
                RosterRow.version == version,
            )
        )
    return None if row is None else roster_from_row(session, row, shelter)


def publish_roster(
    session: Session,
    shelter_code: str,
    year: int,
    month: int,
    *,
    user_id: int | None = None,
    audited: bool = True,
) -> Roster:
    """Publish the month's newest version; ``NotFound`` unless it is a draft.

    The worked-feriado ledger follows the published version (``record_worked_feriados``).
    The audit trail records the publication (by ``user_id``, or the command line) with
    how many cells differ from the previous published version; ``audited`` False leaves
    that to the caller (a repair or a swap records its own cells).
    """
    shelter = shelter_row(session, shelter_code)
    row = latest_row(session, shelter, year, month)
    if row is None or row.status != RosterStatus.DRAFT:
        raise NotFound(
            f"No hay un borrador del rol de turnos {month:02d}/{year} por publicar "
            f"en el hogar '{shelter_code}'."
        )
    before = latest_row(session, shelter, year, month, RosterStatus.PUBLISHED)
    row.status = str(RosterStatus.PUBLISHED)
    row.published_at = utc_now()
    session.flush()
    sync_month(session, row)  # the staff's calendar feeds follow the published version
    published = roster_from_row(session, row, shelter)
    record_worked_feriados(session, shelter, published)
    if audited:
        _record_publication(session, shelter, published, before, user_id)
    return published


def _record_publication(
    session: Session,
    shelter: ShelterRow,
    published: Roster,
    before: RosterRow | None,
    user_id: int | None,
) -> None:
    """One audit entry: the version published, and its changed cells against the last one."""
    if before is None:
        note = f"Publicó la versión {published.version}: primera publicación del mes."
    else:
        previous = roster_from_row(session, before, shelter).assignments
        changed = len(cell_changes(previous, published.assignments))
        note = (
            f"Publicó la versión {published.version}: {changed} celda(s) distintas "
            f"de la versión {before.version} publicada."
        )
    year, month, version = published.year, published.month, published.version
    record(session, shelter, year, month, "publish", user_id=user_id, version=version, note=note)


def list_roster_versions(
    session: Session, shelter_code: str, year: int, month: int
) -> list[RosterVersion]:
    """Every stored version of a month, oldest first."""
    shelter = shelter_row(session, shelter_code)
    rows = session.scalars(
        select(RosterRow)
        .where(RosterRow.shelter_id == shelter.id, RosterRow.year == year, RosterRow.month == month)
        .order_by(RosterRow.version)
    )
    return [
        RosterVersion(
            r.version,
            RosterStatus(r.status),
            _aware(r.created_at),
            None if r.published_at is None else _aware(r.published_at),
        )
        for r in rows
    ]


def get_solve_report(
    session: Session, shelter_code: str, year: int, month: int, version: int | None = None
) -> str | None:
    """The optimiser's report (JSON text) stored with a version (the newest by default)."""
    shelter = shelter_row(session, shelter_code)
    query = select(RosterRow).where(
        RosterRow.shelter_id == shelter.id, RosterRow.year == year, RosterRow.month == month
    )
    if version is not None:
        query = query.where(RosterRow.version == version)
    row = session.scalar(query.order_by(RosterRow.version.desc()).limit(1))
    return None if row is None else row.solve_report


def new_draft_row(
    session: Session,
    shelter: ShelterRow,
    year: int,
    month: int,
    source: RosterRow | None,
    created_by: int | None = None,
) -> RosterRow:
    """A new draft version of a month, copying ``source``'s assignments and gaps (locks too)."""
    row = RosterRow(
        shelter_id=shelter.id,
        year=year,
        month=month,
        version=(0 if source is None else source.version) + 1,
        status=str(RosterStatus.DRAFT),
        created_by=created_by,
    )
    session.add(row)
    session.flush()
    if source is not None:
        for table, columns in (
            (AssignmentRow, ("staff_id", "day", "shift_type_id", "role_id", "locked", "source")),
            (GapRow, ("day", "shift_type_id", "role_id", "missing", "minutes", "reason", "tier")),
        ):
            picked = [getattr(table, name) for name in columns]
            copied = select(literal(row.id), *picked).where(table.roster_id == source.id)
            session.execute(insert(table).from_select(["roster_id", *columns], copied))
    return row


def replace_gaps(session: Session, row: RosterRow, shelter: ShelterRow, gaps: list[Gap]) -> None:
    """Store ``gaps`` as the gaps of the version ``row`` in place of the ones it had."""
    session.execute(delete(GapRow).where(GapRow.roster_id == row.id))
    roster = Roster(shelter.code, row.year, row.month, gaps=gaps)
    insert_roster_rows(session, row.id, roster, *roster_ids(session, shelter, roster))


def roster_row_id(session: Session, roster: Roster) -> int:
    """The stored row id of a roster version (``roster.version`` must be set)."""
    shelter = shelter_row(session, roster.shelter_code)
    row_id = session.scalar(
        select(RosterRow.id).where(
            RosterRow.shelter_id == shelter.id,
            RosterRow.year == roster.year,
            RosterRow.month == roster.month,
            RosterRow.version == roster.version,
        )
    )
    if row_id is None:
        raise NotFound(
            f"No existe la versión {roster.version} del rol {roster.month:02d}/{roster.year}."
        )
    return row_id
