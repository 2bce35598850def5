"""A gap analysis as plain JSON values and back, so a finished job can keep it whole.

The JSON report (exports/gaps_json.py) is a summary for people and scripts; this is the
analysis itself (heat map, gap lines, every scenario), from which the web pages and the
PDF, Excel and JSON downloads are made again without solving anything.
"""

from __future__ import annotations

import types
from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Union, get_args, get_origin, get_type_hints

from models.gaps import NetworkGapAnalysis

FORMAT = 1


def to_plain(value: Any) -> Any:
    """Dataclasses, dates and Decimals as JSON values (dicts, lists, text, numbers)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {item.name: to_plain(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    return value


def from_plain(kind: Any, data: Any) -> Any:
    """The value of type ``kind`` that ``to_plain`` turned into ``data``."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        return from_plain(next(arg for arg in get_args(kind) if arg is not type(None)), data)
    if is_dataclass(kind):
        hints = get_type_hints(kind)
        known = [item for item in fields(kind) if item.init and item.name in data]
        return kind(**{item.name: from_plain(hints[item.name], data[item.name]) for item in known})
    if origin in (list, tuple):
        items = [from_plain(get_args(kind)[0], item) for item in data]
        return items if origin is list else tuple(items)
    if origin is dict:
        key_type, value_type = get_args(kind)
        return {from_plain(key_type, k): from_plain(value_type, v) for k, v in data.items()}
    if kind is Decimal:
        return Decimal(data)
    if kind is date:
        return date.fromisoformat(data)
    if kind is float:
        return float(data)
    return data


def analysis_to_plain(analysis: NetworkGapAnalysis) -> dict[str, Any]:
    """The whole analysis as JSON values, with the format it is written in."""
    return {"format": FORMAT, **to_plain(analysis)}


def analysis_from_plain(data: dict[str, Any]) -> NetworkGapAnalysis:
    """The analysis ``analysis_to_plain`` wrote."""
    if data.get("format") != FORMAT:
        raise ValueError(f"stored gap analysis of unknown format {data.get('format')!r}")
    analysis = from_plain(NetworkGapAnalysis, data)
    assert isinstance(analysis, NetworkGapAnalysis)
    return analysis
