"""Checks a result's explanation for lines whose own words contradict each other."""

from __future__ import annotations


def contradictions(result: dict) -> list[str]:
    """Lines that say a competency both raised and lowered the match, or that a level is
    below itself ("you: expert; the role expects: expert"), or that call a preference a
    difference while naming the same words for both sides."""
    explanation = result.get("explanation") or {}
    raised = {r["competency"] for r in explanation.get("raised", [])}
    problems = []
    for item in explanation.get("lowered", []):
        if item["competency"] in raised:
            problems.append(f"{item['name']} is listed as raising and as lowering the match")
        words = item["words"]
        for sep in ("; the role expects: ", "; this role offers: ", "; usual for this role: "):
            if sep in words:
                you, _, role = words.partition(sep)
                you = you.split(": ", 1)[-1]
                if you.strip().lower() == role.strip().lower():
                    problems.append(f"{item['name']}: {words}")
    return problems
