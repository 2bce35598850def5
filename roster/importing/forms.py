"""One record typed in a form, checked exactly as a row of an import file would be.

A form's field names are the import's column names (docs/import-formats.md): staff,
absences and coverage go through the importers' own row readers, so the web and the
CLI accept and refuse the same values with the same reasons. Posts, shift types and
requests, which have no import, use the same cell parsers. A refused form raises
``FormRefused`` naming every field with its reason; nothing is stored here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from models import Absence, CoverageRule, Post, PostStatus, Request, ShiftType, StaffMember
from roster.importing.absences import absence_from_row, overlapping
from roster.importing.cells import (
    CellError,
    parse_choice,
    parse_code,
    parse_count,
    parse_date,
    parse_hours,
    parse_member,
    require,
)
from roster.importing.common import lookup_table, read_cell
from roster.importing.coverage import rule_from_row
from roster.importing.staff import member_from_row
from roster.importing.table import Problems, SheetRow
from roster.services import (
    list_absences,
    list_posts,
    list_roles,
    list_shift_types,
    list_staff,
)
from roster.services.errors import InvalidInput
from roster.services.labels import day_es

Fields = dict[str, str]
POST_STATES = {"ocupada": "filled", "vacante": "vacant", "propuesta": "proposed"}
WISHES = {"trabajar": "si", "librar": "no"}


class FormRefused(InvalidInput):
    """A form refused: ``problems`` maps each field name to the reason (Spanish)."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        self.field = next(iter(self.problems), None)
        super().__init__("; ".join(f"{name}: {reason}" for name, reason in problems.items()))


def _row(fields: Fields) -> SheetRow:
    return SheetRow(0, {name: str(value).strip() for name, value in fields.items()})


def _refuse_if_any(problems: Problems) -> None:
    found: dict[str, str] = {}
    for _row_number, column, reason in problems.items:
        found.setdefault(column or "", reason)
    if found:
        raise FormRefused(found)


def _roles(session: Session) -> dict[str, str]:
    return lookup_table([(role.code, role.name) for role in list_roles(session)])


def staff_form(
    session: Session,
    shelter_code: str,
    fields: Fields,
    posts: list[str],
    active: bool = True,
    editing: str | None = None,
) -> StaffMember:
    """A staff member from the form (``editing``: the code of the one being changed)."""
    stored = {m.id: m for m in list_staff(session, shelter_code, include_inactive=True)}
    problems, row = Problems("formulario"), _row({**fields, "codigo": editing or fields["codigo"]})
    if editing is None and row["codigo"] in stored:
        problems.add(0, "codigo", f"ya existe el personal '{row['codigo']}' en este hogar")
    known = {post.id for post in list_posts(session, shelter_code, include_inactive=True)}
    for post in posts:
        if post not in known:
            problems.add(0, "plazas", f"la plaza '{post}' no existe en este hogar")
    old = stored.get(editing or "")
    member = member_from_row(problems, row, shelter_code, _roles(session), old)
    _refuse_if_any(problems)
    assert member is not None
    return replace(member, post_ids=tuple(dict.fromkeys(posts)), active=active)


def absence_form(
    session: Session, shelter_code: str, fields: Fields, replacing: Absence | None = None
) -> Absence:
    """An absence from the form; overlapping another of the same person is refused."""
    staff = lookup_table([(m.id, m.id) for m in list_staff(session, shelter_code, True)])
    problems, row = Problems("formulario"), _row(fields)
    absence = absence_from_row(problems, row, staff)
    if absence is not None:
        others = [a for a in list_absences(session, shelter_code) if a != replacing]
        clash = overlapping(absence, others)
        if clash is not None:
            problems.add(
                0,
                "desde",
                f"se superpone con otra ausencia de esta persona ({day_es(clash.start)} "
                f"a {day_es(clash.end)})",
            )
    _refuse_if_any(problems)
    assert absence is not None
    return absence


def coverage_form(session: Session, shelter_code: str, fields: Fields) -> CoverageRule:
    """A coverage rule from the form (an empty 'deseado' means the minimum)."""
    shifts = lookup_table([(s.code, s.name) for s in list_shift_types(session, shelter_code)])
    problems = Problems("formulario")
    rule = rule_from_row(problems, _row(fields), _roles(session), shifts)
    _refuse_if_any(problems)
    assert rule is not None
    return rule


def request_form(session: Session, shelter_code: str, fields: Fields) -> Request:
    """A wish to work or to be free on a day (or one shift of it), weight 1 or more."""
    staff = lookup_table([(m.id, m.id) for m in list_staff(session, shelter_code)])
    shifts = lookup_table([(s.code, s.name) for s in list_shift_types(session, shelter_code)])
    problems, row = Problems("formulario"), _row(fields)
    person = read_cell(problems, row, "codigo_personal", parse_member, staff, "personal")
    day = read_cell(problems, row, "dia", parse_date)
    wish = read_cell(problems, row, "quiere", parse_choice, WISHES, "preferencia")
    shift = None
    if row["turno"]:
        shift = read_cell(problems, row, "turno", parse_member, shifts, "turno")
    weight = read_cell(problems, row, "peso", parse_count) if row["peso"] else 1
    if weight == 0:
        problems.add(0, "peso", "el peso debe ser 1 o más")
    _refuse_if_any(problems)
    assert person and day and wish and weight
    return Request(person, day, wish == "si", shift, weight)


def parse_money(text: str) -> Decimal:
    """Soles: 0 or more, at most two decimals; a decimal comma is accepted."""
    require(text)
    try:
        value = Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise CellError(f"monto '{text}' no válido: escriba un número, p. ej. 2500.00") from None
    if not value.is_finite() or value < 0 or value.as_tuple().exponent < -2:  # type: ignore[operator]
        raise CellError(f"monto '{text}' no válido: 0 o más, con dos decimales como máximo")
    return value


def post_form(
    session: Session, shelter_code: str, fields: Fields, editing: str | None = None
) -> Post:
    """A post (plaza) from the form: code, role, regime, weekly hours, monthly cost, status."""
    problems, row = Problems("formulario"), _row({**fields, "codigo": editing or fields["codigo"]})
    code = read_cell(problems, row, "codigo", parse_code)
    if editing is None and code in {p.id for p in list_posts(session, shelter_code, True)}:
        problems.add(0, "codigo", f"ya existe la plaza '{code}' en este hogar")
    role = read_cell(problems, row, "funcion", parse_member, _roles(session), "función")
    regime = read_cell(problems, row, "regimen", require)
    if regime is not None and len(regime) > 40:
        problems.add(0, "regimen", "escriba como máximo 40 caracteres (p. ej. CAS)")
    hours = read_cell(problems, row, "horas_semanales", parse_hours)
    cost = read_cell(problems, row, "costo_mensual", parse_money)
    status = read_cell(problems, row, "estado", parse_choice, POST_STATES, "estado")
    _refuse_if_any(problems)
    assert code and role and regime and hours and cost is not None and status
    return Post(code, shelter_code, role, regime, hours, cost, PostStatus(status))


def parse_clock(text: str) -> time:
    """A time of day written HH:MM (24 hours)."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", require(text))
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise CellError(f"hora '{text}' no válida: use HH:MM, p. ej. 07:00")
    return time(int(match[1]), int(match[2]))


def parse_length(text: str) -> int:
    """A shift's length in hours (decimal comma accepted), as minutes: more than 0, up to 24 h."""
    try:
        hours = float(require(text).replace(",", "."))
    except ValueError:
        raise CellError(f"duración '{text}' no válida: escriba las horas, p. ej. 8") from None
    if not 0 < hours <= 24:
        raise CellError(f"duración '{text}' no válida: más de 0 y hasta 24 horas")
    return round(hours * 60)


def parse_break(text: str) -> int:
    """An unpaid meal break in whole minutes, 0 or more; empty means none."""
    if not text:
        return 0
    if not re.fullmatch(r"\d+", text):
        raise CellError(f"refrigerio '{text}' no válido: escriba los minutos, p. ej. 45 (0: sin)")
    return int(text)


def shift_form(
    session: Session, shelter_code: str, fields: Fields, editing: str | None = None
) -> ShiftType:
    """A shift type from the form: code, name, start, length in hours, its unpaid meal break
    in minutes (shorter than the shift), 24-hour guard or not."""
    problems, row = Problems("formulario"), _row({**fields, "codigo": editing or fields["codigo"]})
    code = read_cell(problems, row, "codigo", parse_code)
    if code is not None and (not code.isalnum() or len(code) > 10):
        problems.add(0, "codigo", f"código '{code}' no válido: hasta 10 letras o dígitos")
    codes = {s.code for s in list_shift_types(session, shelter_code, include_inactive=True)}
    if editing is None and code in codes:
        problems.add(0, "codigo", f"ya existe el turno '{code}' en este hogar")
    name = read_cell(problems, row, "nombre", require)
    start = read_cell(problems, row, "inicio", parse_clock)
    minutes = read_cell(problems, row, "horas", parse_length)
    meal = read_cell(problems, row, "refrigerio", parse_break)
    if minutes and meal is not None and meal >= minutes:
        problems.add(0, "refrigerio", f"refrigerio de {meal} minutos: debe ser menor que el turno")
    _refuse_if_any(problems)
    assert code and name and start is not None and minutes and meal is not None
    guard = row["guardia"] == "si"
    return ShiftType(code, name[:80], start, minutes, is_guard=guard, break_minutes=meal)
