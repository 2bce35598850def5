"""Import coverage rules: one row per role, shift, class of day and tier (created or replaced).

The optional column 'prioridad' (or 'tier') gives the tier: esencial, normal or opcional
(English essential, normal, optional too); empty or absent means normal.

The optional columns 'grupo', 'por_cada' and 'sobre' give the rule's ratio of residents
(docs/occupancy.md): one more person per 'por_cada' residents of 'grupo' beyond the first
'sobre'. All three empty: no ratio. A file without these columns keeps each stored ratio.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy.orm import Session

from models import CoverageRule, DayClass, Tier
from models.occupancy import ResidentGroup, ResidentRatio
from roster.importing.cells import CellError, parse_choice, parse_count, parse_member
from roster.importing.common import ImportResult, lookup_table, open_sheet, read_cell
from roster.importing.table import Problems, SheetRow, normalize_header
from roster.services import (
    get_shelter,
    list_coverage,
    list_roles,
    list_shift_types,
    set_coverage_rule,
)

REQUIRED = ["funcion", "turno", "tipo_dia", "minimo", "deseado"]
OPTIONAL = ["prioridad", "grupo", "por_cada", "sobre"]
DAY_CLASSES = {
    "laborable": DayClass.WEEKDAY,
    "sabado": DayClass.SATURDAY,
    "domingo": DayClass.SUNDAY,
    "feriado": DayClass.HOLIDAY,
}
TIERS = {"esencial": Tier.ESSENTIAL, "normal": Tier.NORMAL, "opcional": Tier.OPTIONAL}
TIER_COLUMNS = ("prioridad", "tier")
# The occupancy import's words for the groups (docs/import-formats.md); residentes: all of them.
GROUPS: dict[str, str] = {
    "residentes": ResidentGroup.RESIDENTS,
    "mujeres": ResidentGroup.WOMEN,
    "ninos": ResidentGroup.CHILDREN,
    "menores_6": ResidentGroup.UNDER_SIX,
}
GROUP_SYNONYMS = {
    "todas": "residentes",
    "todos": "residentes",
    "ninas_y_ninos": "ninos",
    "menores_de_6": "menores_6",
    "menores_de_seis": "menores_6",
    "menores_de_seis_anos": "menores_6",
}
RATIO_COLUMNS = ("grupo", "por_cada", "sobre")


def parse_group(text: str) -> str:
    """A group of residents: residentes, mujeres, ninos or menores_6 (or a synonym)."""
    if not text:
        raise CellError(f"falta el grupo de residentes de la proporción: use {', '.join(GROUPS)}")
    word = normalize_header(text)
    return parse_choice(GROUP_SYNONYMS.get(word, text), GROUPS, "grupo")


def parse_per(text: str) -> int:
    """How many residents ask for one more person: a whole number, 1 or more."""
    if not text:
        raise CellError("falta cada cuántos residentes se suma una persona (1 o más)")
    per = parse_count(text)
    if per < 1:
        raise CellError(f"número '{text}' no válido: debe ser 1 o más")
    return per


def read_ratio(problems: Problems, row: SheetRow) -> ResidentRatio | None:
    """The row's ratio of residents: None when 'grupo' and 'por_cada' are empty (and 'sobre'
    empty or 0), or after recording its problems."""
    if not (row["grupo"] or row["por_cada"]):
        if row["sobre"] and row["sobre"] != "0":
            problems.add(row.number, "sobre", "sin proporción: indique también grupo y por_cada")
        return None
    group = read_cell(problems, row, "grupo", parse_group)
    per = read_cell(problems, row, "por_cada", parse_per)
    above = read_cell(problems, row, "sobre", parse_count) if row["sobre"] else 0
    if group is None or per is None or above is None:
        return None
    return ResidentRatio(ResidentGroup(group), per, above)


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
    ratio = read_ratio(problems, row)
    minimum = read_cell(problems, row, "minimo", parse_count)
    desired = minimum if not row["deseado"] else read_cell(problems, row, "deseado", parse_count)
    if minimum is not None and desired is not None and desired < minimum:
        problems.add(row.number, "deseado", f"deseado ({desired}) menor que el mínimo ({minimum})")
    if len(problems.messages) > before:
        return None
    assert role and shift and day_class and tier and minimum is not None and desired is not None
    return CoverageRule(role, shift, DayClass(day_class), minimum, desired, tier, ratio)


def import_coverage(session: Session, shelter_code: str, path: str | Path) -> ImportResult:
    """Create or replace coverage rules from a file; on any error nothing changes.

    Rules not in the file stay as they are. An empty 'deseado' means the minimum; an
    empty 'prioridad' the normal tier. A rule is known by its role, shift, day class and tier.
    Empty ratio cells clear a rule's ratio; a file without the ratio columns keeps it.
    """
    get_shelter(session, shelter_code)
    problems, rows = open_sheet(path, REQUIRED)
    roles = lookup_table([(r.code, r.name) for r in list_roles(session)])
    shifts = lookup_table([(s.code, s.name) for s in list_shift_types(session, shelter_code)])
    stored = {
        (r.role, r.shift, r.day_class, r.tier): r for r in list_coverage(session, shelter_code)
    }
    keeps_ratios = bool(rows) and not any(name in rows[0].cells for name in RATIO_COLUMNS)
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
        if keeps_ratios and key in stored:
            rule = replace(rule, ratio=stored[key].ratio)
        rules[key] = (row.number, rule)
    problems.raise_if_any()
    with session.begin_nested():
        for _, rule in rules.values():
            set_coverage_rule(session, shelter_code, rule)
    updated = len(stored.keys() & rules.keys())
    return ImportResult(created=len(rules) - updated, updated=updated)
