"""The profile chart: one row per competency, drawn in HTML and CSS by
templates/includes/profile-chart.html, with a table of the same numbers beside it.

Names are real text that wraps (it never clips and keeps the page's font size on a phone).
Positions are classes, not inline styles (the strict CSP allows none): a level 0–4 is
placed in quarter steps, ``step`` 0–16, on a track from 0 to 4. Skills are a bar from 0
(more is more); preferences are a two-ended scale with both ends named, since neither end
is better. The person is a filled bar or dot, the role an outlined triangle: told apart by
shape as well as colour."""

from __future__ import annotations

from dataclasses import dataclass

from .levels import MAX_LEVEL

STEPS_PER_LEVEL = 4


def _step(level: float | None) -> int | None:
    if level is None:
        return None
    return max(0, min(MAX_LEVEL * STEPS_PER_LEVEL, round(level * STEPS_PER_LEVEL)))


@dataclass(frozen=True)
class ChartRow:
    name: str
    kind: str
    user: float | None
    expected: float | None
    low_label: str = ""
    high_label: str = ""

    @property
    def two_ended(self) -> bool:
        """A preference with named ends: drawn as a scale between them, not a bar."""
        return self.kind == "preference" and bool(self.low_label and self.high_label)

    @property
    def user_step(self) -> int | None:
        return _step(self.user)

    @property
    def expected_step(self) -> int | None:
        return _step(self.expected)


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    has_user: bool
    ticks: tuple[int, ...] = tuple(range(MAX_LEVEL + 1))


def build_chart(rows: list[dict]) -> Chart:
    """rows: {name, kind, user (0–4 or None), expected (0–4 or None), low_label, high_label}."""
    return Chart(
        rows=[
            ChartRow(
                name=row["name"],
                kind=row.get("kind", "skill"),
                user=row.get("user"),
                expected=row.get("expected"),
                low_label=row.get("low_label", ""),
                high_label=row.get("high_label", ""),
            )
            for row in rows
        ],
        has_user=any(r.get("user") is not None for r in rows),
    )
