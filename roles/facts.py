"""A role's years and reports in words, from one place: its expected profile.

The result page says a role "usually comes with 6–9 years" from the level of the role's
"experience-years" fact; the role page, the compare page and the result's role card must
say the same, so all of them build the words here from the same level and the level's own
label, and a free-text note only adds who or what (never another number).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils.text import capfirst

EXPERIENCE_YEARS = "experience-years"
PEOPLE_MANAGED = "people-managed"


def fact_words(levels: Mapping[str, int], labels: Mapping[str, Sequence[str]], fact: str, note: str) -> str:
    """``fact``'s level in ``levels`` said with its label (``labels[fact][level]``), then
    the note in brackets: "6–9 years (usually after senior product manager)". Without a
    level, the note alone; without either, ""."""
    level = levels.get(fact)
    words = labels.get(fact) or ()
    band = capfirst(words[level]) if level is not None and 0 <= level < len(words) else ""
    if band and note:
        return f"{band} ({note})"
    return band or note
