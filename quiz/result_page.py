"""What the result page shows of a snapshot's plan, read from snapshots of any engine version
(the snapshot itself never changes)."""

from __future__ import annotations


def _gap_actions_of(gap: dict) -> list[str]:
    # Engine 2.0 stores one action per gap, engine 1.0 a list.
    return [gap["action"]] if gap.get("action") else list(gap.get("actions") or [])


def plan_without_repeats(entry: dict) -> dict:
    """A role's plan (``{"gaps": [...], "plan": {...}}`` from the snapshot) with each
    development action said once.

    The engine lists the action for a gap both under the plan ("close your gaps along the
    way") and with the gap itself, and a plan without a route opens with one of them as its
    first step. The page keeps the first step, then each action with its gap (beside the
    person's level and the role's), and under the plan only the actions no gap carries (the
    next level of a role the person already holds). A gap whose action is the first step
    says so instead of repeating it."""
    plan = dict(entry.get("plan") or {})
    first = plan.get("first_step") or {}
    first_detail = first.get("detail")
    gaps = []
    for gap in entry.get("gaps") or []:
        actions = _gap_actions_of(gap)
        shown = [a for a in actions if a != first_detail]
        gaps.append(
            {
                **gap,
                "action": shown[0] if len(shown) == 1 else "",
                "actions": shown if len(shown) > 1 else [],
                "is_first_step": len(shown) < len(actions),
            }
        )
    with_gap = {a for gap in entry.get("gaps") or [] for a in _gap_actions_of(gap)}
    plan["gap_actions"] = [
        item
        for item in plan.get("gap_actions") or []
        if item.get("action") not in with_gap and item.get("action") != first_detail
    ]
    return {**entry, "gaps": gaps, "plan": plan}
