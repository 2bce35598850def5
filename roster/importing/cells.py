"""Parsing one cell: each parser returns a value or raises ``CellError`` with a Spanish reason."""

from __future__ import annotations

import re
from datetime import date

from roster.importing.table import normalize_header


class CellError(ValueError):
    """A cell that cannot be read; the message is the reason shown to the user."""


def require(text: str) -> str:
    """The text itself, unless it is empty."""
    if not text:
        raise CellError("falta el valor")
    return text


def parse_code(text: str) -> str:
    """A code: letters, digits, '-' or '_', at most 40 characters."""
    require(text)
    if len(text) > 40 or not re.fullmatch(r"[A-Za-z0-9_-]+", text):
        raise CellError(f"código '{text}' no válido: use letras, dígitos, '-' o '_'")
    return text


_DATE_FORMATS = (
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), (3, 2, 1)),
    (re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"), (3, 2, 1)),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), (1, 2, 3)),
)


def parse_date(text: str) -> date:
    """A date written dd/mm/yyyy (or dd-mm-yyyy) or yyyy-mm-dd."""
    require(text)
    for pattern, (year, month, day) in _DATE_FORMATS:
        match = pattern.fullmatch(text)
        if match:
            try:
                return date(int(match[year]), int(match[month]), int(match[day]))
            except ValueError:
                raise CellError(f"fecha '{text}' no válida") from None
    raise CellError(f"fecha '{text}' no válida (use dd/mm/aaaa o aaaa-mm-dd)")


def parse_count(text: str) -> int:
    """A whole number of people, 0 or more."""
    require(text)
    if not re.fullmatch(r"[+-]?\d+", text) or int(text) < 0:
        raise CellError(f"número '{text}' no válido: debe ser un entero de 0 o más")
    return int(text)


def parse_hours(text: str) -> float:
    """Weekly hours: more than 0 and at most 48; a decimal comma is accepted."""
    require(text)
    try:
        hours = float(text.replace(",", "."))
    except ValueError:
        raise CellError(f"horas '{text}' no válidas: escriba un número") from None
    if not 0 < hours <= 48:
        raise CellError(f"horas '{text}' no válidas: deben ser más de 0 y como máximo 48")
    return hours


_YES = {"si", "s", "yes", "y", "true", "1", "x"}
_NO = {"no", "n", "false", "0"}


def parse_yes_no(text: str) -> bool:
    """'si' or 'no' (also sí, s, n, 1, 0)."""
    word = normalize_header(require(text))
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellError(f"valor '{text}' no válido: use 'si' o 'no'")


def parse_choice(text: str, choices: dict[str, str], what: str) -> str:
    """One of ``choices`` (Spanish words, compared without accents or case) or one of its values."""
    key = normalize_header(require(text))
    if key in choices:
        return choices[key]
    if key in choices.values():
        return key
    raise CellError(f"{what} '{text}' no válido: use {', '.join(choices)}")


def parse_member(text: str, known: dict[str, str], what: str) -> str:
    """A code of ``known`` (keys: codes and names, normalized), e.g. a role or a shift."""
    require(text)
    found = known.get(text) or known.get(normalize_header(text))
    if found is None:
        codes = sorted(set(known.values()))
        shown = ", ".join(codes[:12]) + (", ..." if len(codes) > 12 else "")
        raise CellError(f"{what} '{text}' no existe (use: {shown or 'ninguno registrado'})")
    return found


def split_list(text: str) -> list[str]:
    """Items separated by ';' (or ','), blanks dropped."""
    return [item.strip() for item in re.split(r"[;,]", text) if item.strip()]
