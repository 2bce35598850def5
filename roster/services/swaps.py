"""Shift swaps: a staff member asks, her colleague agrees, the coordinator approves or not.

States: ``awaiting_partner`` (asked by the giver, the taker has not answered),
``pending`` (both agree: the coordinator decides; a swap the coordinator enters herself
starts here), then ``approved`` (published as the month's next version; feeds follow,
the audit trail records both cells), ``rejected``, ``declined`` (by the taker) or
``withdrawn`` (by the giver). The validator checks both people's schedules when the swap
is asked and again when it is approved, on the published roster of that moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Roster
from models.repair import cell_changes
from models.swaps import SwapError, SwapTerms, swap_violations, swapped
from roster.services.audit import actor_of
from roster.services.errors import InvalidInput, NotFound
from roster.services.labels import day_es
from roster.services.lookup import shelter_row, staff_row
from roster.services.planning import planning_problem
from roster.services.republish import publish_change, published_row
from roster.services.rosters import roster_from_row
from roster.storage import ShelterRow, StaffRow, SwapRequestRow, utc_now

OPEN_STATES = ("awaiting_partner", "pending")
STATES_ES = {
    "awaiting_partner": "Espera la respuesta de la compañera",
    "pending": "Espera la aprobación de la coordinación",
    "approved": "Aprobado",
    "rejected": "Rechazado por la coordinación",
    "declined": "Rechazado por la compañera",
    "withdrawn": "Retirado",
}


@dataclass(frozen=True)
class Swap:
    """A swap request as people see it: who gives which shift to whom, and where it stands."""

    id: int
    staff_id: str
    staff_name: str
    day: date
    partner_id: str
    partner_name: str
    partner_day: date | None
    state: str
    note: str
    asked_by: str
    asked_at: datetime
    decision_note: str
    version: int | None

    @property
    def state_label(self) -> str:
        return STATES_ES.get(self.state, self.state)

    @property
    def give_away(self) -> bool:
        return self.partner_day is None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _swap(session: Session, row: SwapRequestRow) -> Swap:
    giver, taker = session.get(StaffRow, row.staff_id), session.get(StaffRow, row.partner_id)
    assert giver is not None and taker is not None
    return Swap(
        row.id,
        giver.code,
        giver.name,
        row.day,
        taker.code,
        taker.name,
        row.partner_day,
        row.state,
        row.note,
        actor_of(session, row.created_by),
        _aware(row.created_at),
        row.decision_note,
        row.version,
    )


def _published(session: Session, shelter: ShelterRow, year: int, month: int) -> Roster:
    return roster_from_row(session, published_row(session, shelter, year, month), shelter)


def _check(session: Session, shelter: ShelterRow, terms: SwapTerms) -> Roster:
    """The published month with the swap made; ``InvalidInput`` naming what blocks it."""
    year, month = terms.day.year, terms.day.month
    published = _published(session, shelter, year, month)
    problem = planning_problem(session, shelter.code, year, month)
    names = {p.id: p.name for p in problem.staff}
    try:
        broken = swap_violations(problem, published, terms)
        after = swapped(published.assignments, terms)
    except SwapError as error:
        if error.day is None:
            raise InvalidInput("Un intercambio necesita dos personas distintas.") from None
        who = names.get(error.staff_id, error.staff_id)
        raise InvalidInput(
            f"No se puede hacer el intercambio: {who} no tiene un turno publicado "
            f"el {day_es(error.day)}."
        ) from None
    if broken:
        listed = "; ".join(
            f"{names.get(v.staff_id, v.staff_id)}: {v.rule} {v.message}" for v in broken[:4]
        )
        raise InvalidInput(f"El intercambio incumple reglas obligatorias: {listed}.")
    return Roster(shelter.code, year, month, after, published.gaps)


def propose_swap(
    session: Session,
    shelter_code: str,
    terms: SwapTerms,
    *,
    note: str = "",
    user_id: int | None = None,
    agreed: bool = False,
) -> Swap:
    """Ask for a swap (``agreed``: both already agree, as when the coordinator enters it).

    Both days must fall in one month whose roster is published; the swap must keep
    every hard rule for both people on that roster.
    """
    shelter = shelter_row(session, shelter_code)
    giver = staff_row(session, shelter, terms.giver)
    taker = staff_row(session, shelter, terms.taker)
    if terms.taker_day is not None and (terms.taker_day.year, terms.taker_day.month) != (
        terms.day.year,
        terms.day.month,
    ):
        raise InvalidInput("Los dos turnos de un intercambio deben ser del mismo mes.")
    _check(session, shelter, terms)
    row = SwapRequestRow(
        shelter_id=shelter.id,
        year=terms.day.year,
        month=terms.day.month,
        staff_id=giver.id,
        day=terms.day,
        partner_id=taker.id,
        partner_day=terms.taker_day,
        state="pending" if agreed else "awaiting_partner",
        note=note.strip()[:500],
        created_by=user_id,
        decision_note="",
    )
    session.add(row)
    session.flush()
    return _swap(session, row)


def _row(session: Session, shelter_code: str, swap_id: int) -> tuple[ShelterRow, SwapRequestRow]:
    shelter = shelter_row(session, shelter_code)
    row = session.get(SwapRequestRow, swap_id)
    if row is None or row.shelter_id != shelter.id:
        raise NotFound(f"No existe la solicitud de intercambio {swap_id}.")
    return shelter, row


def _terms(session: Session, row: SwapRequestRow) -> SwapTerms:
    giver, taker = session.get(StaffRow, row.staff_id), session.get(StaffRow, row.partner_id)
    assert giver is not None and taker is not None
    return SwapTerms(giver.code, row.day, taker.code, row.partner_day)


def _expect(row: SwapRequestRow, *states: str) -> None:
    if row.state not in states:
        now = STATES_ES.get(row.state, row.state).lower()
        raise InvalidInput(f"La solicitud de intercambio {row.id} ya no se puede cambiar: {now}.")


def answer_swap(
    session: Session, shelter_code: str, swap_id: int, partner_id: str, accept: bool
) -> Swap:
    """The taker agrees (it goes to the coordinator) or declines."""
    shelter, row = _row(session, shelter_code, swap_id)
    if staff_row(session, shelter, partner_id).id != row.partner_id:
        raise NotFound(f"No existe la solicitud de intercambio {swap_id}.")
    _expect(row, "awaiting_partner")
    if accept:
        _check(session, shelter, _terms(session, row))
    row.state, row.answered_at = ("pending" if accept else "declined"), utc_now()
    session.flush()
    return _swap(session, row)


def withdraw_swap(session: Session, shelter_code: str, swap_id: int, staff_id: str) -> Swap:
    """The giver takes her request back before the coordinator decides."""
    shelter, row = _row(session, shelter_code, swap_id)
    if staff_row(session, shelter, staff_id).id != row.staff_id:
        raise NotFound(f"No existe la solicitud de intercambio {swap_id}.")
    _expect(row, *OPEN_STATES)
    row.state = "withdrawn"
    session.flush()
    return _swap(session, row)


def approve_swap(
    session: Session, shelter_code: str, swap_id: int, user_id: int | None, note: str = ""
) -> Swap:
    """Publish the swap as the month's next version (checked again on today's roster)."""
    shelter, row = _row(session, shelter_code, swap_id)
    _expect(row, "pending")
    terms = _terms(session, row)
    before = _published(session, shelter, row.year, row.month)
    after = _check(session, shelter, terms)
    swap = _swap(session, row)
    back = "" if terms.taker_day is None else f" y recibe el del {day_es(terms.taker_day)}"
    text = (
        f"Intercambio {row.id}: {swap.staff_name} da su turno del {day_es(terms.day)} "
        f"a {swap.partner_name}{back}."
    )
    published = publish_change(
        session,
        after,
        cell_changes(before.assignments, after.assignments),
        kind="swap",
        note=f"{text} {note.strip()}".strip(),
        user_id=user_id,
    )
    row.state, row.decided_by, row.decided_at = "approved", user_id, utc_now()
    row.decision_note, row.version = note.strip()[:500], published.version
    session.flush()
    return _swap(session, row)


def reject_swap(
    session: Session, shelter_code: str, swap_id: int, user_id: int | None, note: str = ""
) -> Swap:
    """Turn the swap down; the roster stays as it is."""
    _, row = _row(session, shelter_code, swap_id)
    _expect(row, *OPEN_STATES)
    row.state, row.decided_by, row.decided_at = "rejected", user_id, utc_now()
    row.decision_note = note.strip()[:500]
    session.flush()
    return _swap(session, row)


def list_swaps(
    session: Session,
    shelter_code: str,
    *,
    year: int | None = None,
    month: int | None = None,
    staff_id: str | None = None,
) -> list[Swap]:
    """The shelter's swap requests, newest first (of one month, or involving one person)."""
    shelter = shelter_row(session, shelter_code)
    query = select(SwapRequestRow).where(SwapRequestRow.shelter_id == shelter.id)
    if year is not None and month is not None:
        query = query.where(SwapRequestRow.year == year, SwapRequestRow.month == month)
    if staff_id is not None:
        person = staff_row(session, shelter, staff_id).id
        query = query.where(
            (SwapRequestRow.staff_id == person) | (SwapRequestRow.partner_id == person)
        )
    return [
        _swap(session, row) for row in session.scalars(query.order_by(SwapRequestRow.id.desc()))
    ]
