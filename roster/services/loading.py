"""Writing one shelter's whole standing data at once (used by ``load_network``).

Rows are built from code-to-id maps instead of one service call per item, so the
demo network of about 300 people loads quickly; every code is still checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.orm import Session

from models import ShelterData
from roster.services.errors import InvalidInput, NotFound
from roster.services.lookup import roles_by_code, shelter_row
from roster.services.occupancy import occupancy_rows, ratio_columns
from roster.services.shelters import create_shelter
from roster.services.staff import own_pattern
from roster.storage import (
    AbsenceRow,
    CoverageRuleRow,
    PostRow,
    RequestRow,
    ShiftTypeRow,
    StaffPostRow,
    StaffRoleRow,
    StaffRow,
)


class _Codes:
    """Row ids by code for one kind of thing of one shelter; unknown codes raise NotFound."""

    def __init__(self, what: str, shelter: str, ids: dict[str, int]) -> None:
        self.what, self.shelter, self.ids = what, shelter, ids

    def __call__(self, code: str) -> int:
        if code not in self.ids:
            raise NotFound(f"No existe {self.what} '{code}' en el hogar '{self.shelter}'.")
        return self.ids[code]


def _stored(session: Session, rows: Sequence[Any], what: str, shelter: str) -> _Codes:
    """Add ``rows`` (each with a ``code``), refusing duplicates; their ids by code."""
    codes = [row.code for row in rows]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise InvalidInput(f"Código repetido de {what} en el hogar '{shelter}': {repeated[0]}.")
    session.add_all(rows)
    session.flush()
    return _Codes(what, shelter, {row.code: row.id for row in rows})


def _positions(ids: Iterable[int]) -> list[tuple[int, int]]:
    return list(enumerate(dict.fromkeys(ids)))


def _staff_rows(data: ShelterData, shelter_id: int, role: _Codes, post: _Codes) -> list[StaffRow]:
    patterns = {p.id: str(p.working_pattern) for p in data.posts}
    return [
        StaffRow(
            shelter_id=shelter_id,
            code=m.id,
            name=m.name,
            primary_role_id=role(m.primary_role),
            weekly_hours=m.weekly_hours,
            night_work=m.night_work,
            active=m.active,
            working_pattern=own_pattern(m, patterns.get(m.post_ids[0]) if m.post_ids else None),
            role_links=[
                StaffRoleRow(role_id=r, position=i) for i, r in _positions(map(role, m.roles))
            ],
            post_links=[
                StaffPostRow(post_id=p, position=i) for i, p in _positions(map(post, m.post_ids))
            ],
        )
        for m in data.staff
    ]


def _dependent_rows(
    data: ShelterData, shelter_id: int, role: _Codes, shift: _Codes, person: _Codes
) -> list[Any]:
    coverage = [
        CoverageRuleRow(
            shelter_id=shelter_id,
            role_id=role(c.role),
            shift_type_id=shift(c.shift),
            day_class=str(c.day_class),
            minimum=c.minimum,
            desired=c.desired,
            tier=str(c.tier),
            **ratio_columns(c.ratio),
        )
        for c in data.coverage
    ]
    absences = [
        AbsenceRow(
            staff_id=person(a.staff_id),
            kind=str(a.kind),
            first_day=a.start,
            last_day=a.end,
            note=a.note,
            child_born=a.child_born,
        )
        for a in data.absences
    ]
    requests = [
        RequestRow(
            staff_id=person(r.staff_id),
            day=r.day,
            wants_work=r.on,
            shift_type_id=None if r.shift is None else shift(r.shift),
            weight=r.weight,
        )
        for r in data.requests
    ]
    occupancy = occupancy_rows(shelter_id, data.occupancy)
    return [*coverage, *absences, *requests, *occupancy]


def load_shelter(session: Session, data: ShelterData) -> None:
    """Store a new shelter with its shifts, posts, staff, coverage, absences and requests."""
    code = data.shelter.code
    create_shelter(session, data.shelter, data.rules)
    shelter_id = shelter_row(session, code).id
    role = _Codes("la función", code, {c: r.id for c, r in roles_by_code(session).items()})
    shift_rows = [
        ShiftTypeRow(shelter_id=shelter_id, code=s.code, name=s.name, start=s.start,
                     minutes=s.minutes, is_guard=s.is_guard, break_minutes=s.break_minutes,
                     active=True)
        for s in data.shift_types
    ]  # fmt: skip
    shift = _stored(session, shift_rows, "turno", code)
    if any(p.shelter_code != code for p in data.posts + data.staff):
        raise InvalidInput(f"Hay plazas o personal de otro hogar en los datos de '{code}'.")
    post_rows = [
        PostRow(shelter_id=shelter_id, code=p.id, role_id=role(p.role), regime=p.regime,
                weekly_hours=p.weekly_hours, monthly_cost=p.monthly_cost, status=str(p.status),
                working_pattern=str(p.working_pattern), active=True)
        for p in data.posts
    ]  # fmt: skip
    post = _stored(session, post_rows, "la plaza", code)
    person = _stored(session, _staff_rows(data, shelter_id, role, post), "personal", code)
    session.add_all(_dependent_rows(data, shelter_id, role, shift, person))
    session.flush()
