"""A readable difference between two banks in the file format: which role, question,
option, … was added, removed or changed, and each changed field's old and new value.

Lists of entries are matched by what identifies an entry (a slug; a transition by its
two roles); mappings (a role's profile, an option's scores) are compared key by key, never by position, so a reordered list reads
as a change of order rather than as everything changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

# What each list of the format holds, and the fields that name one entry.
ENTRIES = {
    "competencies": (_("Competency"), ("slug",)),
    "development_actions": (_("Development action"), ("text",)),
    "roles": (_("Role"), ("slug",)),
    "transitions": (_("Transition"), ("from", "to")),
    "steps": (_("Step"), ("title",)),
    "quizzes": (_("Quiz"), ("slug",)),
    "questions": (_("Question"), ("slug",)),
    "options": (_("Option"), ("slug",)),
    "personas": (_("Persona"), ("name",)),
}
ADDED, REMOVED, CHANGED, REORDERED = "added", "removed", "changed", "reordered"


@dataclass(frozen=True)
class Change:
    where: tuple[str, ...]  # e.g. ("Question ‘current-role’", "Option ‘apm’", "label")
    kind: str  # ADDED, REMOVED, CHANGED or REORDERED
    before: Any = None
    after: Any = None

    @property
    def place(self) -> str:
        return " › ".join(self.where)


def _identity(entry: Any, fields: tuple[str, ...]) -> str | None:
    if not isinstance(entry, dict) or not all(f in entry for f in fields):
        return None
    return " → ".join(str(entry[f]) for f in fields)


def _entries(name: str, items: list) -> tuple[str, dict[str, Any]] | None:
    """The list as entries by identity, if it is a list of identifiable entries."""
    if name not in ENTRIES:
        return None
    label, fields = ENTRIES[name]
    keyed = {}
    for item in items:
        key = _identity(item, fields)
        if key is None or key in keyed:
            return None
        keyed[key] = item
    return str(label), keyed


def _list_changes(where: tuple[str, ...], name: str, before: list, after: list) -> list[Change]:
    matched_before, matched_after = _entries(name, before), _entries(name, after)
    if matched_before is None or matched_after is None:
        return [] if before == after else [Change((*where, name), CHANGED, before, after)]
    label, old = matched_before
    new = matched_after[1]
    changes = []
    for key in old.keys() - new.keys():
        changes.append(Change((*where, f"{label} ‘{key}’"), REMOVED, old[key], None))
    for key in new:
        place = (*where, f"{label} ‘{key}’")
        if key not in old:
            changes.append(Change(place, ADDED, None, new[key]))
        else:
            changes += _changes(place, old[key], new[key])
    common = [k for k in old if k in new]
    if common != [k for k in new if k in old]:
        changes.append(Change((*where, name), REORDERED, common, [k for k in new if k in old]))
    return changes


def _changes(where: tuple[str, ...], before: Any, after: Any) -> list[Change]:
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        changes = []
        for key in [*before, *(k for k in after if k not in before)]:
            old, new = before.get(key), after.get(key)
            if isinstance(old, list) and isinstance(new, list):
                changes += _list_changes(where, key, old, new)
            elif isinstance(old, dict) and isinstance(new, dict):
                changes += _changes((*where, key), old, new)
            elif old != new:
                changes.append(Change((*where, key), CHANGED, old, new))
        return changes
    return [Change(where, CHANGED, before, after)]


def bank_diff(before: dict, after: dict) -> list[Change]:
    """Every difference from ``before`` to ``after``, in the order of the file."""
    return _changes((), before, after)
