"""The result page's chart: the person's profile against a role's, from a snapshot."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from roles.charts import Chart, build_chart

from .result_page import is_assessed

# The chart's groups, in the page's order, and how many rows each shows before "show all".
GROUPS = (
    ("skill", _("Skills")),
    ("experience", _("Experience")),
    ("preference", _("What you want")),
)
SHOWN_PER_GROUP = 2


def _rows(snapshot: dict, role_slug: str) -> list[dict]:
    return [
        {
            "name": item["name"],
            "kind": item["kind"],
            "user": item["user"] if is_assessed(item) else None,
            "expected": item["expected"].get(role_slug),
            "low_label": item.get("low_label", ""),
            "high_label": item.get("high_label", ""),
        }
        for item in snapshot["profile"]
    ]


def _gap(row: dict) -> float:
    """How far the person is from the role: below it for a skill or experience (more than
    the role asks is no gap), either way for a preference. Unchecked rows have none."""
    if row["user"] is None or row["expected"] is None:
        return 0.0
    if row["kind"] == "preference":
        return abs(row["expected"] - row["user"])
    return max(0.0, row["expected"] - row["user"])


def profile_chart(snapshot: dict, role_slug: str) -> Chart:
    """The user's profile against a role's expected profile, from a result snapshot: the
    largest gaps first, unchecked competencies last (stable within each)."""
    rows = _rows(snapshot, role_slug)
    rows.sort(key=lambda row: (row["user"] is None, -_gap(row)))
    return build_chart(rows)


def gap_groups(snapshot: dict, role_slug: str, shown: int = SHOWN_PER_GROUP) -> list[dict]:
    """The largest gaps of each kind (skills, experience, what the person wants): up to
    ``shown`` rows each, only those with a gap, each group as ``{"kind", "label",
    "chart"}``. Groups without a gap are left out."""
    rows = _rows(snapshot, role_slug)
    groups = []
    for kind, label in GROUPS:
        gaps = sorted(
            (row for row in rows if row["kind"] == kind and _gap(row) > 0), key=lambda row: -_gap(row)
        )
        if gaps:
            groups.append({"kind": kind, "label": label, "chart": build_chart(gaps[:shown])})
    return groups
