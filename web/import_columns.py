"""The import page's explanation of each file's columns, and its example files.

Both come from the importers' own column lists (roster/importing/columns.py): a column
added to an importer appears here and in the examples without editing this module.
The values a column must match in the shelter (its roles, shifts, people) are listed
from the shelter's data.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from exports.import_examples import example_csv, example_xlsx
from roster import services
from roster.importing.columns import columns
from roster.importing.examples import example_rows
from web import i18n

# The example files' names, in Spanish as the page is: kind -> base name.
FILE_NAMES = {"staff": "personal", "absences": "ausencias", "coverage": "cobertura"}
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHOWN_PEOPLE = 4


@dataclass(frozen=True)
class ColumnHelp:
    """One column as the page explains it."""

    name: str
    required: bool
    meaning: str
    values: str  # the words or codes it accepts, '' when any text


def _lookups(db: Session, code: str) -> dict[str, str]:
    roles = ", ".join(f"{r.code} ({r.name})" for r in services.list_roles(db))
    shifts = ", ".join(f"{s.code} ({s.name})" for s in services.list_shift_types(db, code))
    people = [m.id for m in services.list_staff(db, code)]
    staff = ", ".join(people[:SHOWN_PEOPLE]) + (", …" if len(people) > SHOWN_PEOPLE else "")
    return {
        "roles": roles,
        "shifts": shifts,
        "staff": i18n.gettext("los códigos de la página Personal: %(codes)s") % {"codes": staff},
    }


def column_help(db: Session, code: str) -> dict[str, list[ColumnHelp]]:
    """Each import kind's columns, explained in the current language."""
    lookups = _lookups(db, code)
    return {
        kind: [
            ColumnHelp(
                column.name,
                column.required,
                i18n.gettext(column.meaning),
                ", ".join(column.allowed) or lookups.get(column.lookup or "", ""),
            )
            for column in columns(kind)
        ]
        for kind in FILE_NAMES
    }


def example_file(db: Session, code: str, kind: str, suffix: str) -> bytes:
    """The example of ``kind`` filled with the shelter's data, as .csv or .xlsx bytes."""
    names, rows = example_rows(db, code, kind)
    if suffix == "csv":
        return example_csv(names, rows)
    yes, no = i18n.gettext("sí"), i18n.gettext("no")
    notes = [
        (c.name, yes if c.required else no, c.meaning, c.values)
        for c in column_help(db, code)[kind]
    ]
    return example_xlsx(names, rows, notes)
