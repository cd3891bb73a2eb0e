"""The analytics page's bar charts (server-rendered SVG, drawn by
editor/templates/editor/bar-chart.html), each with a table of the same numbers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str
    y: float
    width: float


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int


def bar_chart(
    items: list[tuple[str, float]], *, unit: str = "", label_width: int = 180, bar_width: int = 320
) -> BarChart:
    """A horizontal bar chart: one bar per (label, value), scaled to the largest value."""
    top = max((value for _, value in items), default=0) or 1
    row = 22
    bars = [
        Bar(
            label=str(label)[:40],
            value=value,
            shown=f"{value:.0f}{unit}" if isinstance(value, float) else f"{value}{unit}",
            y=4 + i * row,
            width=round(bar_width * value / top, 1),
        )
        for i, (label, value) in enumerate(items)
    ]
    return BarChart(
        bars=bars, width=label_width + bar_width + 70, height=8 + len(items) * row, label_width=label_width
    )
