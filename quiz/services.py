"""Changes to attempts that touch several rows, each in one transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from . import engine
from .bank import load_bank
from .caching import bank_cached, shared_bank_version
from .engine import ENGINE_VERSION, adaptive, recommend
from .models import Answer, AnswerChoice, Attempt, Option, Question, Quiz, Result
from .selectors import attempt_answers, engine_answers, timestamps_parsed_in_c


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
    return f"{shared_bank_version()}|{quiz.adaptive_settings}|{ENGINE_VERSION}|{settings.RELEASE}"


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

    The first statement touches the attempt only while it is open; on PostgreSQL that
    locks its row, and on SQLite the transaction holds the write lock from its start
    (BEGIN IMMEDIATE), so concurrent submissions of one attempt (double clicks, two tabs)
    take turns. The answer itself is one upsert on its unique (attempt, question), then
    its choices are deleted and inserted: four statements.
    ``walk``: the adaptive quiz's memo after this answer (Attempt.walk), kept on the way."""
    now = timezone.now()
    if connection.vendor == "postgresql":
        return _answer_in_two_round_trips(attempt, question, options, scale_value, now, walk)
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


def _answer_in_two_round_trips(
    attempt: Attempt,
    question: Question,
    options: Sequence[Option],
    scale_value: int | None,
    now,
    walk: dict | None,
) -> Answer:
    """``answer_save``'s statements on PostgreSQL, sent in two round trips (several
    statements each, run one after the other, each seeing what the ones before wrote):
    BEGIN and the attempt's update; then the answer, its choices and COMMIT. An answer's
    cost was mostly waiting for round trips.
    Inside a caller's transaction (a larger change, a test's) a savepoint keeps the answer
    whole instead, as ``transaction.atomic`` does."""
    quote = connection.ops.quote_name
    attempts, answers, choices = (quote(m._meta.db_table) for m in (Attempt, Answer, AnswerChoice))
    walk_field = Attempt._meta.get_field("walk")
    touch, params = "updated_at = %s", [now]
    if walk is not None:
        touch, params = f"{touch}, walk = %s", [now, walk_field.get_db_prep_save(walk, connection)]
    first = f"UPDATE {attempts} SET {touch} WHERE id = %s AND completed_at IS NULL"
    params.append(attempt.pk)
    the_answer = f"(SELECT id FROM {answers} WHERE attempt_id = %s AND question_id = %s)"
    second = [
        (
            f"INSERT INTO {answers} (attempt_id, question_id, scale_value, answered_at)"
            " VALUES (%s, %s, %s, %s) ON CONFLICT (attempt_id, question_id) DO UPDATE"
            " SET scale_value = EXCLUDED.scale_value, answered_at = EXCLUDED.answered_at RETURNING id",
            [attempt.pk, question.pk, scale_value, now],
        ),
        (f"DELETE FROM {choices} WHERE answer_id = {the_answer}", [attempt.pk, question.pk]),
    ]
    if options:
        chosen = ", ".join(["(%s)"] * len(options))
        second.append(
            (
                f"INSERT INTO {choices} (answer_id, option_id)"
                f" SELECT {the_answer}, chosen.id FROM (VALUES {chosen}) AS chosen (id)",
                [attempt.pk, question.pk, *(o.pk for o in options)],
            )
        )

    def run(cursor, begin: str = "", commit: str = "") -> int:
        timestamps_parsed_in_c(cursor.cursor)  # the attempt's answers, each with its time
        cursor.execute(begin + first, params)
        if begin:
            cursor.nextset()
        if cursor.rowcount == 0:
            raise AttemptClosed
        writes = list(second)
        sql = "; ".join(sql for sql, _ in writes) + commit
        cursor.execute(sql, [p for _, values in writes for p in values])
        return cursor.fetchone()[0]

    if connection.in_atomic_block:
        with transaction.atomic(), connection.cursor() as cursor:
            answer_id = run(cursor)
    else:
        with connection.cursor() as cursor:
            try:
                answer_id = run(cursor, begin="BEGIN; ", commit="; COMMIT")
            except BaseException:
                _roll_back(connection, cursor)
                raise
    return Answer(pk=answer_id, attempt=attempt, question=question, scale_value=scale_value, answered_at=now)


def _roll_back(connection, cursor) -> None:
    """Ends a transaction begun with BEGIN in autocommit mode, if it is still open; a
    connection that broke has ended it already (Django closes it after the request)."""
    from psycopg.pq import TransactionStatus

    raw = connection.connection
    if raw is None or raw.info.transaction_status not in (
        TransactionStatus.INTRANS,
        TransactionStatus.INERROR,
    ):
        return
    with contextlib.suppress(DatabaseError):
        cursor.execute("ROLLBACK")


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
