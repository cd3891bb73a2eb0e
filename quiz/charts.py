"""The result page's chart: the person's profile against a role's, from a snapshot."""

from __future__ import annotations

from roles.charts import Chart, build_chart


def profile_chart(snapshot: dict, role_slug: str) -> Chart:
    """The user's profile against a role's expected profile, from a result snapshot."""
    rows = [
        {
            "name": item["name"],
            "kind": item["kind"],
            "user": item["user"],
            "expected": item["expected"].get(role_slug),
            "low_label": item.get("low_label", ""),
            "high_label": item.get("high_label", ""),
        }
        for item in snapshot["profile"]
    ]
    return build_chart(rows)
