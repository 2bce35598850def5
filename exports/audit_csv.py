"""The audit trail of a month as CSV: one line per entry, formula-like text kept as text.

A pure function: entries in (anything with the attributes of ``AuditLine``), text out.
Times are written in America/Lima, dates dd/mm/yyyy, the way the pages show them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from typing import Protocol

from exports.sheets import csv_row
from models import LIMA

HEADER = (
    "fecha y hora (Lima)",
    "quién",
    "tipo",
    "versión",
    "código",
    "persona",
    "día",
    "antes",
    "después",
    "motivo",
)


class AuditLine(Protocol):
    """What the CSV reads of an audit entry (roster.services.audit.AuditEntry)."""

    @property
    def at(self) -> datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def kind_label(self) -> str: ...
    @property
    def version(self) -> int | None: ...
    @property
    def staff_id(self) -> str | None: ...
    @property
    def staff_name(self) -> str | None: ...
    @property
    def day(self) -> date | None: ...
    @property
    def before(self) -> tuple[str, str] | None: ...
    @property
    def after(self) -> tuple[str, str] | None: ...
    @property
    def note(self) -> str: ...


def _cell(held: tuple[str, str] | None, has_day: bool) -> str:
    if held is None:
        return "libre" if has_day else ""
    return f"{held[0]} ({held[1]})"


def audit_csv(entries: Iterable[AuditLine]) -> str:
    """The entries as CSV text (comma-separated, UTF-8 without a byte order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for e in entries:
        writer.writerow(
            csv_row(
                [
                    e.at.astimezone(LIMA).strftime("%d/%m/%Y %H:%M:%S"),
                    e.actor,
                    e.kind_label,
                    "" if e.version is None else e.version,
                    e.staff_id or "",
                    e.staff_name or "",
                    "" if e.day is None else e.day.strftime("%d/%m/%Y"),
                    _cell(e.before, e.day is not None),
                    _cell(e.after, e.day is not None),
                    e.note,
                ]
            )
        )
    return out.getvalue()
