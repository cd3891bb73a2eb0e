"""Builds the scoring engine's input from the database in a constant number of queries."""

from __future__ import annotations

from django.db.models import Prefetch

from . import engine
from .bank import engine_bank, read_bank
from .models import Answer, Attempt, Option, Question, Quiz


def load_bank(quiz: Quiz) -> engine.Bank:
    """The active bank of one quiz as plain data (a fixed number of queries, whatever its
    size), read the way the bank file is exported."""
    return engine_bank(read_bank(quiz_slug=quiz.slug), quiz.slug)


def load_answers(attempt: Attempt) -> dict[str, engine.AnswerValue]:
    """An attempt's answers to its quiz's active questions, as the engine reads them."""
    answers: dict[str, engine.AnswerValue] = {}
    for answer in (
        Answer.objects.filter(attempt=attempt, question__active=True)
        .select_related("question")
        .prefetch_related(
            Prefetch("options", queryset=Option.objects.filter(active=True).order_by("order", "pk"))
        )
    ):
        chosen = tuple(o.slug for o in answer.options.all())
        if answer.question.kind == Question.Kind.SCALE and answer.scale_value is not None:
            answers[answer.question.slug] = answer.scale_value
        elif chosen:
            # Choice answers, and a "not applicable" answer to a scale.
            answers[answer.question.slug] = chosen
    return answers
