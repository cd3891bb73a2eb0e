"""From answers to a profile: the person's level of each competency, and how much of it
the answers really support.

Point answers
    A single-choice answer gives its option's values; a 1–5 scale answer v interpolates
    between the low anchor (v = 1) and the high anchor (v = 5):
    low + (high − low)·(v − 1)/4.

Floors
    A multiple-choice answer is a checklist of things done: each ticked option shows the
    person has *at least* its level. It never lowers a competency, and leaving an item
    unticked says nothing.

Floors from experience facts
    Some facts prove a least level of another competency: managing a team shows at least
    "manages a team and grows people"; many years of related work put a career changer
    at the entry level of product work, never above "3–5 years". FACT_FLOORS maps each
    fact level to the least level it proves; the fact's question is then evidence too.

Not applicable
    An answer marked "not applicable" (for example "I haven't worked on a product yet")
    is kept with the attempt but says nothing about any competency.

Level
    For each competency c with point answers p_1..p_n and floors f_1..f_m:
        u_c = max(mean(p), max(f))       (only the floors when n = 0)
    Coverage is n + m, the number of answers that informed c. Competencies that no
    answer informs are *not assessed*: they neither reward nor penalise, and the result
    says they are missing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

from .types import MULTIPLE, SCALE, SCALE_MAX, SCALE_MIN, AnswerValue, Bank, QuestionInfo

# fact → (skill it proves, {fact level: least skill level}).
FACT_FLOORS = {
    "people-managed": ("people-leadership", {1: 2, 2: 3, 3: 3, 4: 4}),
    # Three or more years of related work put a career changer's entry above the first rung
    # (as "3–5 years" at most): they are never counted as more years in product than that.
    "related-years": ("experience-years", {2: 0.5, 3: 1, 4: 1}),
}


class Level(NamedTuple):
    level: float
    coverage: int
    questions: tuple[str, ...]
    # The point values behind the level (for coherence), in question order.
    points: tuple[float, ...] = ()


def is_not_applicable(question: QuestionInfo, answer: AnswerValue) -> bool:
    if isinstance(answer, int):
        return False
    return bool(answer) and all(
        (o := question.option(slug)) is not None and o.not_applicable for slug in answer
    )


def question_values(question: QuestionInfo, answer: AnswerValue) -> dict[str, float]:
    """The point values one answer gives (empty for checklists and "not applicable")."""
    if question.kind == MULTIPLE or is_not_applicable(question, answer):
        return {}
    if question.kind == SCALE:
        if not isinstance(answer, int) or question.anchors is None:
            return {}
        low, high = (o.scores for o in question.anchors)
        t = (answer - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
        return {c: low.get(c, 0) + (high.get(c, 0) - low.get(c, 0)) * t for c in sorted(set(low) | set(high))}
    option = question.option(answer[0]) if answer else None
    return dict(option.scores) if option is not None else {}


def question_floors(question: QuestionInfo, answer: AnswerValue) -> dict[str, float]:
    """The least level each ticked checklist item shows (multiple choice only)."""
    if question.kind != MULTIPLE or isinstance(answer, int):
        return {}
    floors: dict[str, float] = {}
    for slug in answer:
        option = question.option(slug)
        if option is None or option.not_applicable:
            continue
        for comp, value in option.scores.items():
            floors[comp] = max(floors.get(comp, 0.0), float(value))
    return floors


def build_profile(bank: Bank, answers: Mapping[str, AnswerValue]) -> dict[str, Level]:
    """The person's level and coverage per competency (see the module docstring)."""
    points: dict[str, list[tuple[str, float]]] = {}
    floors: dict[str, list[tuple[str, float]]] = {}
    for q_slug in sorted(answers):
        question = bank.questions.get(q_slug)
        if question is None or not question.is_complete:
            continue
        answer = answers[q_slug]
        for comp, value in question_values(question, answer).items():
            if comp in bank.competencies:
                points.setdefault(comp, []).append((q_slug, value))
        for comp, value in question_floors(question, answer).items():
            if comp in bank.competencies:
                floors.setdefault(comp, []).append((q_slug, value))
        for fact, value in question_values(question, answer).items():
            skill, table = FACT_FLOORS.get(fact, (None, {}))
            floor = table.get(int(round(value)))
            if skill in bank.competencies and floor is not None:
                floors.setdefault(skill, []).append((q_slug, float(floor)))
    profile = {}
    for comp in sorted(set(points) | set(floors)):
        values = [v for _, v in points.get(comp, [])]
        floor = max((v for _, v in floors.get(comp, [])), default=None)
        mean = math.fsum(values) / len(values) if values else None
        level = max(v for v in (mean, floor) if v is not None)
        informed = tuple(sorted({q for q, _ in points.get(comp, [])} | {q for q, _ in floors.get(comp, [])}))
        profile[comp] = Level(level, len(informed), informed, tuple(values))
    return profile


def answer_position(question: QuestionInfo, answer: AnswerValue) -> float | None:
    """Where an answer sits among its question's choices, 0 (first) to 1 (last); None for
    answers without a position (checklists, the current role, "not applicable")."""
    if question.kind == SCALE:
        return (answer - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) if isinstance(answer, int) else None
    if question.is_current_role or question.kind == MULTIPLE or isinstance(answer, int) or not answer:
        return None
    if not any(o.scores for o in question.answer_options):
        return None  # a wish, not a level: its choices have no order to sit in
    slugs = [o.slug for o in question.answer_options]
    if len(slugs) < 2 or answer[0] not in slugs:
        return None
    return slugs.index(answer[0]) / (len(slugs) - 1)


def incoherence(profile: Mapping[str, Level]) -> float | None:
    """How much the answers about the same competency disagree: the mean absolute
    deviation of each competency's point values from their mean, averaged over the
    competencies with at least two, weighted by their number. 0 means every pair of
    answers agrees; answers picked at random give about 1.2. None without such pairs."""
    total = weight = 0.0
    for level in profile.values():
        if len(level.points) < 2:
            continue
        mean = math.fsum(level.points) / len(level.points)
        total += math.fsum(abs(v - mean) for v in level.points)
        weight += len(level.points)
    return total / weight if weight else None
