"""Changes to attempts that touch several rows, each in one transaction."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import engine
from .bank import load_bank
from .caching import bank_cached, bank_version
from .engine import ENGINE_VERSION, adaptive, recommend
from .models import Answer, AnswerChoice, Attempt, Option, Question, Quiz, Result
from .selectors import attempt_answers, engine_answers


class AttemptClosed(Exception):
    """The attempt is completed; its answers and result can no longer change."""


class AttemptIncomplete(Exception):
    """Some active question has no counted answer yet; ``question`` is the first (None
    when the quiz has no question at all: no result comes from no answers)."""

    def __init__(self, question: Question | None):
        self.question = question
        super().__init__(question.slug if question else "no questions")


def current_bank(quiz: Quiz) -> engine.Bank:
    """The quiz's bank as the engine reads it, read from the database once per bank
    version and shared through the cache with every process."""
    return bank_cached(f"engine:{quiz.pk}", lambda: load_bank(quiz))


def walk_key(quiz: Quiz) -> str:
    """What an attempt's adaptive memo (Attempt.walk) holds for: this bank, these settings
    and this release of the code. Any change and the walk starts over, once."""
    return f"{bank_version()}|{quiz.adaptive_settings}|{ENGINE_VERSION}|{settings.RELEASE}"


def walk_memo(attempt: Attempt) -> list:
    """The decisions of the attempt's last walk, if they hold for today's bank and code."""
    return attempt.walk.get("decisions", []) if attempt.walk.get("key") == walk_key(attempt.quiz) else []


def attempt_start(*, quiz: Quiz, owner_key: str, is_preview: bool = False) -> Attempt:
    """A new attempt (the analytics count it later: ``manage.py rollup_analytics``)."""
    return Attempt.objects.create(quiz=quiz, owner_key=owner_key, is_preview=is_preview)


def answer_save(
    *,
    attempt: Attempt,
    question: Question,
    options: Sequence[Option] = (),
    scale_value: int | None = None,
    walk: dict | None = None,
) -> Answer:
    """Stores (or replaces) the answer to one question, in one transaction: either the new
    answer is saved completely, or the old one stays. It touches only the attempt's own
    rows: the analytics count it later (``manage.py rollup_analytics``).

    The first statement touches the attempt only while it is open, so an answer never
    lands on a completed attempt; on PostgreSQL it also locks the attempt's row, and on
    SQLite the transaction holds the write lock from its start (BEGIN IMMEDIATE), so
    concurrent submissions of one attempt (double clicks, two tabs) take turns. The answer
    is one upsert on its unique (attempt, question), then its choices are replaced.
    ``walk``: the adaptive quiz's memo after this answer (Attempt.walk), kept on the way."""
    now = timezone.now()
    with transaction.atomic():
        touched = {"updated_at": now} if walk is None else {"updated_at": now, "walk": walk}
        if not Attempt.objects.filter(pk=attempt.pk, completed_at__isnull=True).update(**touched):
            raise AttemptClosed
        (answer,) = Answer.objects.bulk_create(
            [Answer(attempt_id=attempt.pk, question=question, scale_value=scale_value, answered_at=now)],
            update_conflicts=True,
            unique_fields=["attempt", "question"],
            update_fields=["scale_value", "answered_at"],
        )
        AnswerChoice.objects.filter(answer=answer).delete()
        AnswerChoice.objects.bulk_create([AnswerChoice(answer=answer, option=o) for o in options])
    return answer


def _answers_to_score(attempt: Attempt, bank) -> tuple[dict, adaptive.Path | None]:
    """The answers a result is computed from, or AttemptIncomplete: every active question
    answered; in an adaptive quiz, every question its path asked, and the path stopped."""
    quiz = attempt.quiz
    saved = attempt_answers(attempt)
    if not saved:
        raise AttemptIncomplete(quiz.active_questions().first())
    if not quiz.adaptive or attempt.answer_all:
        missing = next((q for q in quiz.active_questions() if q.pk not in saved), None)
        if missing is not None:
            raise AttemptIncomplete(missing)
        return engine_answers(saved), None
    answers = engine_answers(saved)
    path = adaptive.walk(
        bank, answers, quiz.adaptive_settings, at_least=attempt.at_least, memo=walk_memo(attempt)
    )
    if path.stopped is None:
        raise AttemptIncomplete(quiz.questions.get(slug=path.next.question))
    return {slug: answers[slug] for slug in path.asked if slug in answers}, path


def attempt_extend(*, attempt: Attempt, asked: int, everything: bool = False, few: int = 5) -> None:
    """The person wants more questions before the result: ``few`` more than the ``asked``
    so far, or every one."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if locked.completed_at is not None:
            raise AttemptClosed
        if everything:
            locked.answer_all = True
        else:
            locked.at_least = max(locked.at_least, asked + few)
        locked.save(update_fields=["answer_all", "at_least", "updated_at"])


def attempt_complete(*, attempt: Attempt) -> Result:
    """Scores the attempt once and stores the snapshot the result page reads from.
    Completing twice returns the first result. Raises AttemptIncomplete (storing nothing)
    while an active question has no counted answer (``quiz.selectors``)."""
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
        existing = Result.objects.filter(attempt=locked).first()
        if existing is not None:
            return existing
        bank = current_bank(locked.quiz)
        answers, path = _answers_to_score(locked, bank)
        snapshot = recommend(bank, answers)
        if path is not None:
            snapshot["adaptive"] = adaptive.record(bank, path, answers)
        top = snapshot["ranking"][0] if snapshot["ranking"] else {"role": "", "match": 0}
        result = Result.objects.create(
            attempt=locked,
            engine_version=ENGINE_VERSION,
            recommended_role_slug=top["role"],
            match=round(top["match"]),
            snapshot=snapshot,
        )
        locked.completed_at = timezone.now()
        locked.save(update_fields=["completed_at"])
    return result
