"""The profile chart (server-rendered SVG): geometry computed here, drawn by
templates/includes/profile-chart.html.
No chart JavaScript, and every chart comes with a table of the same numbers.

Each competency is a row with its name above a 0–4 bar, so the chart stays readable
when a phone scales it down."""

from __future__ import annotations

from dataclasses import dataclass

from .levels import MAX_LEVEL

LEFT = 8
BAR_WIDTH = 400
ROW_HEIGHT = 38
TOP = 22


@dataclass(frozen=True)
class ChartRow:
    name: str
    kind: str
    user: float | None
    expected: float | None
    low_label: str = ""
    high_label: str = ""
    y: float = 0
    user_width: float = 0
    expected_x: float | None = None

    @property
    def text_y(self) -> float:
        return self.y + 12

    @property
    def bar_y(self) -> float:
        return self.y + 18

    @property
    def marker_y(self) -> float:
        return self.y + 15

    @property
    def marker_x(self) -> float | None:
        return None if self.expected_x is None else self.expected_x - 2


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    width: int
    height: int
    left: int
    bar_width: int
    ticks: list[tuple[int, float]]
    has_user: bool


def build_chart(rows: list[dict]) -> Chart:
    """rows: {name, kind, user (0–4 or None), expected (0–4 or None), low_label, high_label}."""
    scale = BAR_WIDTH / MAX_LEVEL
    placed = []
    for i, row in enumerate(rows):
        user, expected = row.get("user"), row.get("expected")
        placed.append(
            ChartRow(
                name=row["name"],
                kind=row.get("kind", "skill"),
                user=user,
                expected=expected,
                low_label=row.get("low_label", ""),
                high_label=row.get("high_label", ""),
                y=TOP + i * ROW_HEIGHT,
                user_width=round((user or 0) * scale, 1),
                expected_x=round(LEFT + expected * scale, 1) if expected is not None else None,
            )
        )
    return Chart(
        rows=placed,
        width=LEFT + BAR_WIDTH + 12,
        height=TOP + len(rows) * ROW_HEIGHT + 4,
        left=LEFT,
        bar_width=BAR_WIDTH,
        ticks=[(level, LEFT + level * scale) for level in range(MAX_LEVEL + 1)],
        has_user=any(r.get("user") is not None for r in rows),
    )
