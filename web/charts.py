"""Charts as inline SVG made on the server: plain functions from numbers to SVG text.

No script and no style attribute (the Content Security Policy allows neither inline):
shapes carry presentation attributes. Every chart has a <title> and a <desc> and is
shown beside a table with the same numbers, so colour and shape are never the only way
to read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = ("#6b2c91", "#d1495b", "#00798c", "#edae49", "#30638e", "#66a182", "#8d6a9f", "#5b6372")
WIDTH = 560


@dataclass(frozen=True)
class Bar:
    """One labelled value of a bar chart."""

    label: str
    value: float


@dataclass(frozen=True)
class Point:
    """One labelled point of a scatter chart: x, y and a short mark drawn beside it."""

    label: str
    mark: str
    x: float
    y: float


def _open(chart_id: str, title: str, desc: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" focusable="false">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>'
    )


def _line(x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#dde1e8"/>'


def _text(x: float, y: float, text: str, anchor: str = "start", size: int = 12) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="#1f2430">{escape(text)}</text>'
    )


def percent_bars(
    chart_id: str, title: str, desc: str, bars: Sequence[Bar], unit: str = "%"
) -> Markup:
    """Horizontal bars on a 0-100 scale, each labelled on the left with its value on the right."""
    row, left, right = 30, 190, 60
    height = 20 + row * len(bars) + 20
    span = WIDTH - left - right
    parts = [_open(chart_id, title, desc, height)]
    for tick in (0, 50, 100):
        x = left + span * tick / 100
        parts.append(
            f'<line x1="{x:.1f}" y1="12" x2="{x:.1f}" y2="{height - 18}" stroke="#dde1e8"/>'
        )
        parts.append(_text(x, height - 4, f"{tick} {unit}", "middle", 11))
    for index, bar in enumerate(bars):
        y = 18 + row * index
        width = span * max(0.0, min(100.0, bar.value)) / 100
        colour = PALETTE[index % len(PALETTE)]
        parts.append(_text(left - 8, y + 15, bar.label, "end"))
        parts.append(f'<rect x="{left}" y="{y}" width="{width:.1f}" height="20" fill="{colour}"/>')
        parts.append(_text(left + width + 6, y + 15, f"{bar.value:.1f} {unit}"))
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_columns(
    chart_id: str,
    title: str,
    desc: str,
    columns: Sequence[str],
    series: dict[str, Sequence[float]],
    unit: str = "h",
) -> Markup:
    """Vertical columns (e.g. days) stacked by series (e.g. roles), with a legend below."""
    top, bottom, left, right = 24, 40, 44, 8
    plot = 180
    legend_rows = (len(series) + 3) // 4
    height = top + plot + bottom + 18 * legend_rows
    totals = [sum(values[i] for values in series.values()) for i in range(len(columns))]
    peak = max([*totals, 1.0])
    step = (WIDTH - left - right) / max(1, len(columns))
    parts = [_open(chart_id, title, desc, height)]
    for tick in (0.0, peak / 2, peak):
        y = top + plot - plot * tick / peak
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="#dde1e8"/>'
        )
        parts.append(_text(left - 4, y + 4, f"{tick:.0f}", "end", 10))
    for index, column in enumerate(columns):
        base = top + plot
        x = left + step * index
        for number, values in enumerate(series.values()):
            size = plot * values[index] / peak
            if size <= 0:
                continue
            base -= size
            colour = PALETTE[number % len(PALETTE)]
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{base:.1f}" width="{max(1.0, step - 2):.1f}" '
                f'height="{size:.1f}" fill="{colour}"/>'
            )
        if len(columns) <= 12 or index % 2 == 0:
            parts.append(_text(x + step / 2, top + plot + 14, column, "middle", 10))
    parts.append(_text(4, 12, unit, "start", 11))
    for number, name in enumerate(series):
        x = left + (number % 4) * 130
        y = top + plot + bottom + 18 * (number // 4)
        colour = PALETTE[number % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(_text(x + 16, y, name, "start", 11))
    parts.append("</svg>")
    return Markup("".join(parts))


def scatter(
    chart_id: str,
    title: str,
    desc: str,
    points: Sequence[Point],
    axes: tuple[str, str, str, str],
) -> Markup:
    """Points on x (e.g. monthly cost) against y in % (e.g. coverage), each with its mark.

    ``axes``: the x axis's title and unit, then the y axis's.
    """
    x_title, x_unit, y_title, y_unit = axes
    top, bottom, left, right = 28, 44, 56, 40
    height = 280
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    xs = [point.x for point in points] or [0.0]
    low, high = min(xs), max(xs)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    ys = [point.y for point in points] or [100.0]
    floor = min(min(ys) - 5, 90.0)
    floor = max(0.0, floor - floor % 10)
    parts = [_open(chart_id, title, desc, height)]
    for tick in (floor, (floor + 100) / 2, 100.0):
        y = top + plot_h - plot_h * (tick - floor) / (100 - floor)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - right}" y2="{y:.1f}" stroke="#dde1e8"/>'
        )
        parts.append(_text(left - 4, y + 4, f"{tick:.0f} {y_unit}", "end", 10))
    for value in (low, high):
        x = left + plot_w * (value - low) / (high - low)
        parts.append(_text(x, height - 24, f"{x_unit} {value:,.0f}", "middle", 10))
    parts.append(_text(left + plot_w / 2, height - 6, x_title, "middle", 11))
    parts.append(_text(4, 14, y_title, "start", 11))
    for number, point in enumerate(points):
        x = left + plot_w * (point.x - low) / (high - low)
        y = top + plot_h - plot_h * (point.y - floor) / (100 - floor)
        colour = PALETTE[number % len(PALETTE)]
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}"/>')
        parts.append(_text(x + 10, y - 8, point.mark, "start", 12))
    parts.append("</svg>")
    return Markup("".join(parts))
