"""What the result page shows of a snapshot's plan, read from snapshots of any engine version
(the snapshot itself never changes)."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _


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


# --------------------------------------------------------------------------- plain words

# Markers and leaks that older engines and content wrote into snapshots, which never change:
# the page says them in plain words instead. "(J)" marked a figure from job adverts.
_MARKER = re.compile(r"\s*\(J\)")
_REPORTS = re.compile(r"\(reports: ([^)]*)\)")
_NOBODY = re.compile(r"^(?:none|nobody|no one|0)\b", re.IGNORECASE)


def _reports_words(match: re.Match) -> str:
    # The role's reporting line as the engine wrote it, e.g. "(reports: None formally)".
    reports = _NOBODY.sub(_("none"), match.group(1).strip()) or _("none")
    return _("(direct reports: %(reports)s)") % {"reports": reports}


def plain_text(text: str) -> str:
    """``text`` without internal markers and with "(reports: None …)" in words."""
    return _REPORTS.sub(_reports_words, _MARKER.sub("", text))


def plain_words(value):
    """A copy of a snapshot (or any part of it) with every string in plain words."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, dict):
        return {key: plain_words(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_words(item) for item in value]
    return value


def change_sentence(change: dict | None, top_name: str) -> str:
    """What decides between the top role and the next, without the match's points (which
    say nothing to a reader): built from the parts the snapshot keeps."""
    if not change:
        return ""
    what = [item["name"].lower() for item in change.get("decisive") or []]
    words = {"runner": change["runner_up_name"], "top": top_name, "what": _join(what)}
    if change.get("close_call"):
        if what:
            return (
                _(
                    "%(runner)s comes very close. What tips it towards %(top)s are your answers about "
                    "%(what)s; if they describe you less well, %(runner)s may fit better."
                )
                % words
            )
        return _("%(runner)s comes very close to %(top)s.") % words
    if what:
        return _("%(runner)s comes next. The answers that decided between them were about %(what)s.") % words
    return _("%(runner)s comes next.") % words


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s and %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


# --------------------------------------------------------------------------- what was not checked

# A competency the role expects at least at this level ("independent") is one of its key skills.
KEY_LEVEL = 2


def is_assessed(entry: dict) -> bool:
    """Whether the person's answers measured a profile entry. Newer snapshots say so
    ("assessed"); older ones leave the level empty (None) when no answer measured it."""
    if "assessed" in entry:
        return bool(entry["assessed"])
    return entry.get("user") is not None


def unchecked_competencies(snapshot: dict, role_slug: str) -> list[dict]:
    """The competencies ``role_slug`` expects (above 0) that no answer checked, the ones it
    expects most first: ``{"competency", "name", "kind", "expected", "key"}``."""
    unchecked = []
    for entry in snapshot.get("profile") or []:
        expected = (entry.get("expected") or {}).get(role_slug)
        if not expected or is_assessed(entry):
            continue
        unchecked.append(
            {
                "competency": entry["competency"],
                "name": entry["name"],
                "kind": entry["kind"],
                "expected": expected,
                "key": entry["kind"] == "skill" and expected >= KEY_LEVEL,
            }
        )
    return sorted(unchecked, key=lambda item: -item["expected"])


def plan_for_page(entry: dict, unchecked: set[str]) -> dict:
    """A role's plan as the page shows it: gaps only where the answers measured one, each
    with its action; competencies no answer checked listed apart, as "not checked", without
    actions; each action said once (plan_without_repeats)."""
    plan = dict(entry.get("plan") or {})
    measured = [
        g for g in entry.get("gaps") or [] if g.get("measured", True) and g["competency"] not in unchecked
    ]
    not_checked = [g for g in entry.get("gaps") or [] if g not in measured]
    plan["gap_actions"] = [a for a in plan.get("gap_actions") or [] if a.get("competency") not in unchecked]
    first = plan.get("first_step") or {}
    if first.get("competency") in unchecked:
        # An action for a skill nobody checked is no first step: the largest measured gap's is.
        action = next((a for g in measured for a in _gap_actions_of(g)), "")
        plan["first_step"] = (
            {"title": measured[0]["name"], "detail": action, "competency": measured[0]["competency"]}
            if action
            else {}
        )
    shown = plan_without_repeats({**entry, "gaps": measured, "plan": plan})
    shown["not_checked"] = [
        {"competency": g["competency"], "name": g["name"], "expected": g.get("expected")} for g in not_checked
    ]
    return shown


def questions_to_check(
    measures: dict[str, set[str]], answered: set[str], competencies: set[str]
) -> list[str]:
    """The fewest unanswered questions (chosen greedily: each the one that checks the most
    still unchecked) whose answers check ``competencies``; ``measures`` maps a question's
    slug to the competencies its options score. Competencies no question checks are left."""
    left, chosen = set(competencies), []
    open_questions = {slug: comps & left for slug, comps in measures.items() if slug not in answered}
    while left:
        best = max(open_questions, key=lambda slug: len(open_questions[slug] & left), default=None)
        if best is None or not open_questions[best] & left:
            break
        chosen.append(best)
        left -= open_questions.pop(best)
    return chosen


def bank_measures(bank) -> dict[str, set[str]]:
    """Each question's slug → the competencies any of its options scores, in bank order."""
    return {
        slug: {comp for option in question.options for comp in option.scores}
        for slug, question in bank.questions.items()
    }


# The result ranks this many roles before "Show all".
TOP_ROLES_SHOWN = 3


def check_offer(snapshot: dict, measures: dict[str, set[str]]) -> dict | None:
    """What "answer more to check them" offers on a result whose top role has key skills
    no answer checked, or None: ``unchecked`` (those skills), ``remaining`` (how many
    questions of today's bank the person was not asked). The offer is every remaining
    question: the adaptive quiz chooses its own next questions and may not reach these
    skills, while the whole quiz checks every one that some question checks."""
    recommended = snapshot.get("recommended")
    key = [u for u in unchecked_competencies(snapshot, recommended) if u["key"]] if recommended else []
    answered = set(snapshot.get("answers") or {})
    if not questions_to_check(measures, answered, {u["competency"] for u in key}):
        return None
    return {"unchecked": key, "remaining": sum(1 for slug in measures if slug not in answered)}
