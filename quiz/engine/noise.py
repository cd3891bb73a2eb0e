"""Synthetic respondents for measuring the engine: random clickers, and answers with
some of them moved one step. Pure and seeded by the caller's ``random.Random``."""

from __future__ import annotations

import random
from collections.abc import Mapping

from .types import MULTIPLE, SCALE, SCALE_MAX, SCALE_MIN, AnswerValue, Bank


def random_answers(bank: Bank, rnd: random.Random) -> dict[str, AnswerValue]:
    """One uniform click per question (any option, "not applicable" included; a random
    non-empty set of checklist items)."""
    answers: dict[str, AnswerValue] = {}
    for q in bank.questions.values():
        if not q.is_complete:
            continue
        if q.kind == SCALE:
            choices: list[AnswerValue] = list(range(SCALE_MIN, SCALE_MAX + 1))
            choices += [(o.slug,) for o in q.options if o.not_applicable]
            answers[q.slug] = rnd.choice(choices)
        elif q.kind == MULTIPLE:
            plain = [o.slug for o in q.options if not o.exclusive]
            picked = tuple(o for o in plain if rnd.random() < 0.35)
            exclusive = [o.slug for o in q.options if o.exclusive]
            answers[q.slug] = picked or ((rnd.choice(exclusive),) if exclusive else (rnd.choice(plain),))
        else:
            answers[q.slug] = (rnd.choice(q.options).slug,)
    return answers


def move_one_step(bank: Bank, slug: str, answer: AnswerValue, rnd: random.Random) -> AnswerValue:
    """The answer one step away: a scale ±1, a choice the neighbouring option (inward at
    the ends), a checklist with one item toggled."""
    q = bank.questions[slug]
    if q.kind == SCALE and isinstance(answer, int):
        step = rnd.choice((-1, 1))
        value = answer + step
        return value if SCALE_MIN <= value <= SCALE_MAX else answer - step
    if q.kind == MULTIPLE:
        plain = [o.slug for o in q.answer_options if not o.exclusive]
        item = rnd.choice(plain)
        chosen = [s for s in answer if s in plain]
        chosen = [s for s in chosen if s != item] if item in chosen else [*chosen, item]
        order = [o.slug for o in q.options]
        return tuple(sorted(chosen, key=order.index)) if chosen else answer
    slugs = [o.slug for o in q.answer_options]
    if not isinstance(answer, tuple) or answer[0] not in slugs or len(slugs) < 2:
        return answer
    i = slugs.index(answer[0])
    step = rnd.choice((-1, 1))
    j = i + step if 0 <= i + step < len(slugs) else i - step
    return (slugs[j],)


def move_answers(
    bank: Bank, answers: Mapping[str, AnswerValue], share: float, rnd: random.Random
) -> dict[str, AnswerValue]:
    """``answers`` with ``share`` of them (rounded, current role excepted) moved one step."""
    movable = sorted(s for s in answers if s in bank.questions and not bank.questions[s].is_current_role)
    moved = dict(answers)
    for slug in rnd.sample(movable, round(share * len(movable))):
        moved[slug] = move_one_step(bank, slug, answers[slug], rnd)
    return moved
