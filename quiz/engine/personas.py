"""Typical answers: what a person whose levels are exactly a role's profile would click.

These are *derived from the model*, so they can never show that a profile is wrong; they
check a different property: that every role's profile can be recovered through the
questions (bank health, property tests, the noise-robustness figures of the quality
report). Calibration personas that judge the model are written by hand.
"""

from __future__ import annotations

from collections.abc import Mapping

from .direction import EITHER, HANDS_ON, MANAGE, MANAGE_QUESTION, MANAGES
from .profile import question_values
from .types import MULTIPLE, PLAIN, SCALE, SCALE_MAX, SCALE_MIN, TARGET_ROLES, AnswerValue, Bank, QuestionInfo


def answer_as_role(bank: Bank, role_slug: str) -> dict[str, AnswerValue]:
    """For each question, the answer closest to the role's profile: the option (or 1–5
    value) with the smallest mean absolute distance over the competencies it scores; ties go
    to the first. A checklist gets every item at or below the role's levels. Where the
    person wants to go: the role itself as the one weighed, managing or not by the role's
    wish to manage, no preference for the rest. Other questions that score nothing of the
    profile are left unanswered, as is "not applicable"."""
    levels = {c: e.level for c, e in bank.roles[role_slug].profile.items()}
    answers: dict[str, AnswerValue] = {}
    for q in sorted(bank.questions.values(), key=lambda q: q.slug):
        answer = _closest_answer(q, role_slug, levels) if q.is_complete else None
        if answer is not None:
            answers[q.slug] = answer
    return answers


def _distance(scores: Mapping[str, float], levels: Mapping[str, float]) -> float | None:
    shared = [c for c in scores if c in levels]
    if not shared:
        return None
    return sum(abs(scores[c] - levels[c]) for c in shared) / len(shared)


def _closest_answer(q: QuestionInfo, role_slug: str, levels: Mapping[str, float]) -> AnswerValue | None:
    if q.is_current_role:
        match = next((o for o in q.options if o.role == role_slug), None)
        return (match.slug,) if match else None
    if q.purpose == TARGET_ROLES:
        # A person in the role weighs growing in it; for another role, the role itself.
        match = next((o for o in q.options if o.role == role_slug), None)
        fallback = next((o for o in q.options if o.exclusive), None)
        chosen = match or fallback
        return (chosen.slug,) if chosen else None
    if q.slug == MANAGE_QUESTION and "people-management" in levels:
        wish = levels["people-management"]
        slug = MANAGE if wish >= MANAGES else HANDS_ON if wish <= 1 else EITHER
        return (slug,) if q.option(slug) else None
    if q.purpose != PLAIN and not any(o.scores for o in q.answer_options):
        return (q.answer_options[-1].slug,) if q.answer_options else None  # "no preference"
    if q.kind == SCALE:
        scored = [(_distance(question_values(q, v), levels), v) for v in range(SCALE_MIN, SCALE_MAX + 1)]
        scored = [(d, v) for d, v in scored if d is not None]
        return min(scored)[1] if scored else None
    if q.kind == MULTIPLE:
        done = tuple(
            o.slug
            for o in q.answer_options
            if not o.exclusive
            and any(c in levels for c in o.scores)
            and all(v <= levels[c] for c, v in o.scores.items() if c in levels)
        )
        fallback = next((o.slug for o in q.answer_options if o.exclusive), None)
        return done or ((fallback,) if fallback else None)
    scored = [
        (d, i, o) for i, o in enumerate(q.answer_options) if (d := _distance(o.scores, levels)) is not None
    ]
    return (min(scored, key=lambda item: (item[0], item[1]))[2].slug,) if scored else None
