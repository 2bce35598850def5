"""Commands on a published month's changes: who can cover a shift, swaps, the audit trail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from exports.audit_csv import audit_csv
from exports.gaps_labels import REASONS_ES
from models import LIMA
from models.candidates import COSTS_ES, Candidate
from models.swaps import SwapTerms
from roster.cli.common import (
    OUTPUT,
    cli_errors,
    console,
    echo_json,
    ready_url,
    say,
    shelter_code,
    to_stdout,
    write_output,
)
from roster.cli.repair import SHELTER_HELP, parse_day, parse_month_option
from roster.services.audit import audit_trail
from roster.services.candidates import ShiftCandidates, shift_candidates
from roster.services.labels import day_es
from roster.services.swaps import approve_swap, list_swaps, propose_swap, reject_swap
from roster.storage import session_scope


def _cost_text(candidate: Candidate) -> str:
    parts: dict[str, float] = {}
    for code, points in candidate.costs:
        label = COSTS_ES.get(code, code)
        parts[label] = parts.get(label, 0.0) + points
    return "; ".join(f"{label} {points:+.0f}" for label, points in parts.items()) or "—"


def _candidate_json(c: Candidate) -> dict[str, Any]:
    moved = c.moves_from
    return {
        "staff_id": c.staff_id,
        "name": c.name,
        "feasible": c.feasible,
        "cost": round(c.cost, 2) if c.feasible else None,
        "costs": dict(c.costs),
        "rest_hours": c.rest_hours,
        "worked_hours": c.worked_hours,
        "target_hours": c.target_hours,
        "moves_from": None if moved is None else {"shift": moved.shift, "role": moved.role},
        "blocked_by": [
            {"rule": b.rule, "reason": b.label, "detail": b.message} for b in c.blockers
        ],
    }


def _print_candidates(found: ShiftCandidates) -> None:
    out = console(width=140, data=True)
    out.print(
        f"Turno {found.shift} del {day_es(found.day)}, {found.role}: {found.assigned} de "
        f"{found.needed} como mínimo"
        + (f" — falta: {REASONS_ES.get(found.reason, found.reason)}" if found.reason else "")
    )
    table = Table("#", "Persona", "Costo", "Detalle", "Descanso h", "Horas / contrato", "Cambio")
    feasible = [c for c in found.candidates if c.feasible]
    for rank, c in enumerate(feasible, start=1):
        table.add_row(
            str(rank),
            c.name,
            f"{c.cost:.0f}",
            _cost_text(c),
            "—" if c.rest_hours is None else f"{c.rest_hours:.0f}",
            f"{c.worked_hours:.0f} / {c.target_hours:.0f}",
            "" if c.moves_from is None else f"deja su turno {c.moves_from.shift}",
        )
    out.print(table if feasible else "Nadie puede tomar este turno sin romper una regla.")
    blocked = Table("No puede", "Regla", "Motivo", box=None)
    for c in found.candidates:
        for b in c.blockers:
            blocked.add_row(c.name, f"{b.rule} {b.label}", b.message)
    out.print(blocked)


def candidates(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    day: str = typer.Option(..., "--date", help="Día del turno, AAAA-MM-DD."),
    shift: str = typer.Option(..., "--shift", help="Código del turno, p. ej. N."),
    role: str | None = typer.Option(None, "--role", help="Función (por omisión, la que falta)."),
    as_json: bool = typer.Option(False, "--json", help="Escribe la lista en JSON."),
) -> None:
    """Quién puede cubrir un turno: cada persona por su costo, o la regla que se lo impide.

    El costo son los puntos que el rol pierde (horas frente al contrato, equidad,
    preferencias, patrones, estabilidad, cobertura); menos es mejor.

    Ejemplo: roster candidates --shelter HRT-HVC-01 --date 2026-12-12 --shift N --role CUI
    """
    wanted = parse_day(day, "--date")
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        found = shift_candidates(session, shelter, wanted, shift.strip().upper(), role)
    if as_json:
        head = {k: getattr(found, k) for k in ("day", "shift", "role", "needed", "assigned")}
        echo_json({**head, "candidates": [_candidate_json(c) for c in found.candidates]})
        return
    _print_candidates(found)


def swap_list(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str | None = typer.Option(None, "--month", help="Solo este mes, AAAA-MM."),
) -> None:
    """Lista las solicitudes de intercambio de turnos de un hogar.

    Ejemplo: roster swap list --shelter HRT-HVC-01 --month 2026-12
    """
    year, number = parse_month_option(month) if month else (None, None)
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        swaps = list_swaps(session, shelter, year=year, month=number)
    table = Table("N.º", "Da", "Día", "Recibe", "Devuelve el día", "Estado", box=None)
    for s in swaps:
        back = "—" if s.partner_day is None else day_es(s.partner_day)
        table.add_row(str(s.id), s.staff_name, day_es(s.day), s.partner_name, back, s.state_label)
    console(data=True).print(table if swaps else "No hay solicitudes de intercambio.")


def swap_propose(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    staff: str = typer.Option(..., "--staff", help="Quien da su turno (código)."),
    day: str = typer.Option(..., "--day", help="Día del turno que da, AAAA-MM-DD."),
    partner: str = typer.Option(..., "--partner", help="Quien lo recibe (código)."),
    partner_day: str | None = typer.Option(
        None, "--partner-day", help="Día del turno que devuelve (sin él, lo regala)."
    ),
    note: str = typer.Option("", "--note", help="Nota breve."),
) -> None:
    """Registra un intercambio ya acordado por las dos personas; queda por aprobar.

    Ejemplo: roster swap propose -s HRT-HVC-01 --staff HRT-HVC-01-P03 --day 2026-12-12
    --partner HRT-HVC-01-P05 --partner-day 2026-12-14
    """
    given = parse_day(day, "--day")
    back = None if partner_day is None else parse_day(partner_day, "--partner-day")
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        terms = SwapTerms(staff, given, partner, back)
        swap = propose_swap(session, shelter, terms, note=note, agreed=True)
    say(f"Intercambio {swap.id} registrado: {swap.state_label.lower()}.")
    say(f"Apruébelo con: roster swap approve --shelter {shelter} --id {swap.id}")


def swap_approve(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    swap_id: int = typer.Option(..., "--id", help="Número de la solicitud."),
    note: str = typer.Option("", "--note", help="Nota breve."),
) -> None:
    """Aprueba un intercambio: se publica una versión nueva del rol (los calendarios la siguen).

    Ejemplo: roster swap approve --shelter HRT-HVC-01 --id 4
    """
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        swap = approve_swap(session, shelter, swap_id, user_id=None, note=note)
    say(f"Intercambio {swap.id} aprobado: versión {swap.version} publicada.")


def swap_reject(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    swap_id: int = typer.Option(..., "--id", help="Número de la solicitud."),
    note: str = typer.Option("", "--note", help="Motivo."),
) -> None:
    """Rechaza un intercambio: el rol no cambia.

    Ejemplo: roster swap reject --shelter HRT-HVC-01 --id 4 --note "Falta personal esa noche"
    """
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        swap = reject_swap(session, shelter, swap_id, user_id=None, note=note)
    say(f"Intercambio {swap.id} rechazado.")


def audit(
    shelter: str = typer.Option(..., "--shelter", "-s", help=SHELTER_HELP),
    month: str = typer.Option(..., "--month", help="Mes, AAAA-MM."),
    csv_file: Path | None = typer.Option(
        None, "--csv", metavar="ARCHIVO", help="Escribe el historial en CSV; '-' a la salida."
    ),
) -> None:
    """El historial de cambios de un rol publicado: quién, cuándo, qué y por qué.

    Ejemplo: roster audit --shelter HRT-HVC-01 --month 2026-12 --csv salidas/cambios.csv
    """
    year, number = parse_month_option(month)
    OUTPUT.data_on_stdout = to_stdout(csv_file)
    shelter = shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        entries = audit_trail(session, shelter, year, number)
    if csv_file:
        write_output(csv_file, audit_csv(entries), "Historial")
        return
    table = Table("Cuándo (Lima)", "Quién", "Tipo", "Persona", "Día", "Antes → después", "Motivo")
    for e in entries:
        cell = lambda held: "libre" if held is None else f"{held[0]} ({held[1]})"  # noqa: E731
        change = "" if e.day is None else f"{cell(e.before)} → {cell(e.after)}"
        when = e.at.astimezone(LIMA).strftime("%d/%m/%Y %H:%M")
        day = "" if e.day is None else day_es(e.day)
        table.add_row(when, e.actor, e.kind_label, e.staff_name or "", day, change, e.note)
    console(width=160, data=True).print(table if entries else "Sin cambios registrados.")


def register(app: typer.Typer) -> None:
    """Add ``candidates``, ``swap list|propose|approve|reject`` and ``audit`` to ``app``."""
    app.command()(candidates)
    swap_app = typer.Typer(help="Intercambios de turnos.", no_args_is_help=True)
    swap_app.command("list")(swap_list)
    swap_app.command("propose")(swap_propose)
    swap_app.command("approve")(swap_approve)
    swap_app.command("reject")(swap_reject)
    app.add_typer(swap_app, name="swap")
    app.command()(audit)
