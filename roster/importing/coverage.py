"""Import coverage rules: one row per role, shift, class of day and tier (created or replaced).

The optional column 'prioridad' (or 'tier') gives the tier: esencial, normal or opcional
(English essential, normal, optional too); empty or absent means normal.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from models import CoverageRule, DayClass, Tier
from roster.importing.cells import parse_choice, parse_count, parse_member
from roster.importing.common import ImportResult, lookup_table, open_sheet, read_cell
from roster.importing.table import Problems, SheetRow
from roster.services import (
    get_shelter,
    list_coverage,
    list_roles,
    list_shift_types,
    set_coverage_rule,
)

REQUIRED = ["funcion", "turno", "tipo_dia", "minimo", "deseado"]
OPTIONAL = ["prioridad"]
DAY_CLASSES = {
    "laborable": DayClass.WEEKDAY,
    "sabado": DayClass.SATURDAY,
    "domingo": DayClass.SUNDAY,
    "feriado": DayClass.HOLIDAY,
}
TIERS = {"esencial": Tier.ESSENTIAL, "normal": Tier.NORMAL, "opcional": Tier.OPTIONAL}
TIER_COLUMNS = ("prioridad", "tier")


def read_tier(problems: Problems, row: SheetRow) -> Tier | None:
    """The row's tier from 'prioridad' or 'tier' (normal when both are empty)."""
    column = next((name for name in TIER_COLUMNS if row[name]), None)
    if column is None:
        return Tier.NORMAL
    tier = read_cell(problems, row, column, parse_choice, TIERS, "prioridad")
    return None if tier is None else Tier(tier)


def rule_from_row(
    problems: Problems, row: SheetRow, roles: dict[str, str], shifts: dict[str, str]
) -> CoverageRule | None:
    """The coverage rule of one row, or None after recording its problems."""
    before = len(problems.messages)
    role = read_cell(problems, row, "funcion", parse_member, roles, "función")
    shift = read_cell(problems, row, "turno", parse_member, shifts, "turno")
    day_class = read_cell(problems, row, "tipo_dia", parse_choice, DAY_CLASSES, "tipo de día")
    tier = read_tier(problems, row)
    minimum = read_cell(problems, row, "minimo", parse_count)
    desired = minimum if not row["deseado"] else read_cell(problems, row, "deseado", parse_count)
    if minimum is not None and desired is not None and desired < minimum:
        problems.add(row.number, "deseado", f"deseado ({desired}) menor que el mínimo ({minimum})")
    if len(problems.messages) > before:
        return None
    assert role and shift and day_class and tier and minimum is not None and desired is not None
    return CoverageRule(role, shift, DayClass(day_class), minimum, desired, tier)


def import_coverage(session: Session, shelter_code: str, path: str | Path) -> ImportResult:
    """Create or replace coverage rules from a file; on any error nothing changes.

    Rules not in the file stay as they are. An empty 'deseado' means the minimum; an
    empty 'prioridad' the normal tier. A rule is known by its role, shift, day class and tier.
    """
    get_shelter(session, shelter_code)
    problems, rows = open_sheet(path, REQUIRED)
    roles = lookup_table([(r.code, r.name) for r in list_roles(session)])
    shifts = lookup_table([(s.code, s.name) for s in list_shift_types(session, shelter_code)])
    stored = {(r.role, r.shift, r.day_class, r.tier) for r in list_coverage(session, shelter_code)}
    rules: dict[tuple[str, str, DayClass, Tier], tuple[int, CoverageRule]] = {}
    for row in rows if not problems.messages else []:
        rule = rule_from_row(problems, row, roles, shifts)
        if rule is None:
            continue
        key = (rule.role, rule.shift, rule.day_class, rule.tier)
        if key in rules:
            problems.add(
                row.number, "tipo_dia", f"regla repetida (ya está en la fila {rules[key][0]})"
            )
            continue
        rules[key] = (row.number, rule)
    problems.raise_if_any()
    with session.begin_nested():
        for _, rule in rules.values():
            set_coverage_rule(session, shelter_code, rule)
    updated = len(stored & set(rules))
    return ImportResult(created=len(rules) - updated, updated=updated)
