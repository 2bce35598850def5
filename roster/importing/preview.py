"""What an import would change, before it is applied.

The preview runs the very import the CLI runs (``import_staff``, ``import_absences``,
``import_coverage``) inside a savepoint, reads the shelter's data before and after, and
rolls the savepoint back: what it lists is exactly what applying the file does, and a
file with any bad row raises ``ImportFailed`` here as it would there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from models.coverage import TIER_NAMES_ES
from models.people import ABSENCE_LABELS_ES
from roster.importing.absences import import_absences
from roster.importing.common import ImportResult
from roster.importing.coverage import import_coverage
from roster.importing.staff import import_staff
from roster.services import list_absences, list_coverage, list_staff
from roster.services.errors import InvalidInput
from roster.services.labels import DAY_CLASS_LABELS_ES, day_es

Importer = Callable[[Session, str, Path], ImportResult]
IMPORTERS: dict[str, Importer] = {
    "staff": import_staff,
    "absences": import_absences,
    "coverage": import_coverage,
}
NEW, CHANGED = "new", "changed"


@dataclass(frozen=True)
class Change:
    """One record the file adds or changes: what it is, and its values before and after."""

    action: str  # new or changed
    item: str
    before: str
    after: str


@dataclass(frozen=True)
class ImportPreview:
    """The changes a file would make, and the counts the import reports."""

    kind: str
    result: ImportResult
    changes: list[Change] = field(default_factory=list)

    @property
    def unchanged(self) -> int:
        """Rows of the file that leave their record as it is (or are already stored)."""
        rows = self.result.created + self.result.updated + self.result.skipped
        return rows - len(self.changes)


def _yes(flag: bool) -> str:
    return "sí" if flag else "no"


def _snapshot(session: Session, kind: str, shelter_code: str) -> dict[str, tuple[str, str]]:
    """Each record of the kind as (its name, its values), keyed for comparison."""
    if kind == "staff":
        return {
            m.id: (
                f"{m.id} · {m.name}",
                f"{'/'.join(m.roles)} · {m.weekly_hours:g} h · noche: {_yes(m.night_work)}"
                + ("" if m.active else " · de baja"),
            )
            for m in list_staff(session, shelter_code, include_inactive=True)
        }
    if kind == "absences":
        return {
            f"{a.staff_id}|{a.kind}|{a.start}|{a.end}": (
                f"{a.staff_id} · {ABSENCE_LABELS_ES[a.kind]} {day_es(a.start)} a {day_es(a.end)}",
                a.note,
            )
            for a in list_absences(session, shelter_code)
        }
    return {
        f"{r.role}|{r.shift}|{r.day_class}|{r.tier}": (
            f"{r.role} · {r.shift} · {DAY_CLASS_LABELS_ES[r.day_class]} · {TIER_NAMES_ES[r.tier]}",
            f"mínimo {r.minimum}, deseado {r.desired}"
            + ("" if r.ratio is None else f", {r.ratio.label_es()}"),
        )
        for r in list_coverage(session, shelter_code)
    }


def _changes(before: dict[str, tuple[str, str]], after: dict[str, tuple[str, str]]) -> list[Change]:
    changes = []
    for key, (item, values) in after.items():
        if key not in before:
            changes.append(Change(NEW, item, "", values))
        elif before[key][1] != values:
            changes.append(Change(CHANGED, item, before[key][1], values))
    return changes


def preview_import(session: Session, kind: str, shelter_code: str, path: Path) -> ImportPreview:
    """What importing ``path`` as ``kind`` would change; ``ImportFailed`` lists every problem."""
    if kind not in IMPORTERS:
        raise InvalidInput(f"Tipo de importación '{kind}' no válido: use {', '.join(IMPORTERS)}.")
    before = _snapshot(session, kind, shelter_code)
    savepoint = session.begin_nested()
    try:
        result = IMPORTERS[kind](session, shelter_code, path)
        after = _snapshot(session, kind, shelter_code)
    finally:
        savepoint.rollback()
    return ImportPreview(kind, result, _changes(before, after))


def apply_import(session: Session, kind: str, shelter_code: str, path: Path) -> ImportResult:
    """Import ``path`` as ``kind``: the CLI's all-or-nothing import."""
    if kind not in IMPORTERS:
        raise InvalidInput(f"Tipo de importación '{kind}' no válido: use {', '.join(IMPORTERS)}.")
    return IMPORTERS[kind](session, shelter_code, path)
