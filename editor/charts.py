"""The analytics page's bar charts, drawn in HTML and CSS by
editor/templates/editor/bar-chart.html, each with a table of the same numbers beside it.

Labels are real text that wraps (never cut, whatever their length or the screen's width);
a bar's length is a class in steps of 5 % of the largest value (the strict CSP allows no
inline style), and every bar says its value."""

from __future__ import annotations

from dataclasses import dataclass

STEPS = 20  # bar lengths in 5 % steps


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    shown: str
    step: int


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]


def _shown(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}{unit}"
    return f"{value:.0f}{unit}"


def bar_chart(items: list[tuple[str, float | None]], *, unit: str = "") -> BarChart:
    """A horizontal bar chart: one bar per (label, value), scaled to the largest value; a
    missing value (None) has no bar and says so."""
    top = max((value for _, value in items if value), default=0) or 1
    return BarChart(
        bars=[
            Bar(
                label=str(label),
                value=value,
                shown=_shown(value, unit),
                step=round(STEPS * (value or 0) / top),
            )
            for label, value in items
        ]
    )
