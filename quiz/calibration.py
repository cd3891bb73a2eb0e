"""Calibration personas against the current bank: which role each would be recommended,
and where its expected role ranks."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import engine
from .answers import AnswerFileError, parse_answer
from .bank import load_bank
from .caching import bank_cached
from .models import Persona, Quiz

TOP_THREE = 3


@dataclass(frozen=True)
class PersonaOutcome:
    persona_id: int
    name: str
    expected: str
    top: str | None
    passed: bool
    error: str = ""
    rank: int | None = None  # where the expected role ranks: 1 passes, 2–3 is a near miss

    @property
    def in_top_three(self) -> bool:
        return self.rank is not None and self.rank <= TOP_THREE


def persona_answers(bank: engine.Bank, raw: dict) -> dict[str, engine.AnswerValue]:
    """A persona's answers to the questions still in the bank (answers to deactivated
    questions are skipped; anything else malformed raises AnswerFileError)."""
    if not isinstance(raw, dict):
        raise AnswerFileError(_("the answers must be an object of question slug → answer"))
    return {
        slug: parse_answer(bank.questions[slug], value)
        for slug, value in raw.items()
        if slug in bank.questions
    }


def persona_outcome(persona: Persona, bank: engine.Bank) -> PersonaOutcome:
    """Where the bank ranks one persona's expected role, from its answers."""
    expected = persona.expected_role.slug
    try:
        answers = persona_answers(bank, persona.answers)
    except AnswerFileError as exc:
        return PersonaOutcome(persona.pk, persona.name, expected, None, False, str(exc))
    ranking = [m.role for m in engine.rank_roles(bank, engine.build_profile(bank, answers))]
    top = ranking[0] if ranking else None
    rank = ranking.index(expected) + 1 if expected in ranking else None
    return PersonaOutcome(persona.pk, persona.name, expected, top, top == expected, rank=rank)


def persona_outcomes(quiz: Quiz, bank: engine.Bank | None = None) -> list[PersonaOutcome]:
    bank = bank or load_bank(quiz)
    return [
        persona_outcome(persona, bank)
        for persona in Persona.objects.filter(quiz=quiz).select_related("expected_role")
    ]


def persona_verdict(persona: Persona) -> str:
    """One persona's outcome against the current bank, in words: the role recommended
    first now, and where its expected role ranks."""
    bank = load_bank(persona.quiz)
    outcome = persona_outcome(persona, bank)
    if outcome.error:
        return _("Cannot be scored: %(error)s") % {"error": outcome.error}

    def name(slug: str | None) -> str:
        return bank.roles[slug].name if slug in bank.roles else str(slug)

    words = {"top": name(outcome.top), "expected": name(outcome.expected), "rank": outcome.rank}
    if outcome.passed:
        return _("Passes: %(top)s first, as expected.") % words
    if outcome.rank is None:
        return _("Fails: %(top)s first; %(expected)s is not ranked.") % words
    return _("Fails: %(top)s first; %(expected)s ranks %(rank)d.") % words


def failing_personas() -> list[PersonaOutcome]:
    return bank_cached(
        "failing-personas",
        lambda: [o for quiz in Quiz.objects.all() for o in persona_outcomes(quiz) if not o.in_top_three],
    )
