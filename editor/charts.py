"""Inline bars for the analytics tables: a bar beside a number in a table cell, drawn in
HTML and CSS (editor/static/editor/admin.css). The number is the cell's text; the bar only
shows its size at a glance, so it is hidden from assistive technology.

A bar's length is a class in steps of 5 % of the column's largest value (the strict CSP
allows no inline style)."""

from __future__ import annotations

STEPS = 20  # bar lengths in 5 % steps


def bar_step(value: float | None, top: float | None) -> int:
    """The bar length class (0 to 20) of ``value`` in a column whose largest value is
    ``top``; no bar for a missing value."""
    if not value or not top or value <= 0:
        return 0
    return max(1, round(STEPS * min(value, top) / top))
