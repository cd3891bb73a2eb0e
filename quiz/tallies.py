"""Daily tallies of what attempts did: the counts the editors' analytics add up
(``editor/analytics.py``), so that a page over a million attempts reads a few hundred rows.

One function says what an attempt counts for (``_add``); every change of an attempt in
``quiz.services`` records, in its own transaction, the difference between what the attempt
counted for before and after (``record``), and ``rebuild`` recounts from the attempts.
Everything is keyed by the day the attempt started (in the current time zone, as the
analytics' date range is), so any range of whole days adds up exactly. Staff previews
count for nothing.

The metrics (``Tally.metric``; ``key`` and ``number`` as given, else "" and 0):

- ``started``: attempts.
- ``answers`` / ``unfinished``: attempts (all / not completed) with ``number`` answers.
- ``answered``: answers to question ``key`` (its id).
- ``unfinished_with``: unfinished attempts whose answered questions are ``key`` (their
  ids, sorted, comma-separated): where each stopped, whatever the questions' order now.
- ``completed``: attempts completed on the day with ordinal ``number``.
- ``role``: results recommending ``key``.
- ``asked`` / ``changed``: steps of adaptive results that asked question ``key`` (a slug) /
  whose answer changed the leading role.
- Times, for exact medians: ``answer_bucket`` counts answers to question ``key`` whose time
  (µs since the attempt's previous answer, or its start; answers in the order of their
  times, then of their ids) falls in bucket ``number``;
  ``answer_time`` counts those of time ``number`` µs under key ``"<question>/<bucket>"``.
  ``quiz_bucket`` and ``quiz_time`` (key ``"<bucket>"``) do the same for completed
  attempts' start-to-completion times. A median reads the buckets to find the one holding
  the middle, then only that bucket's exact times.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from django.apps import apps as installed_apps
from django.db import connection
from django.utils import timezone

STARTED = "started"
ANSWERS = "answers"
UNFINISHED = "unfinished"
ANSWERED = "answered"
UNFINISHED_WITH = "unfinished_with"
COMPLETED = "completed"
ROLE = "role"
ASKED = "asked"
CHANGED = "changed"
ANSWER_BUCKET = "answer_bucket"
ANSWER_TIME = "answer_time"
QUIZ_BUCKET = "quiz_bucket"
QUIZ_TIME = "quiz_time"

Fact = tuple[date, str, str, int]  # day, metric, key, number

# Sub-buckets per doubling of a time: each bucket spans at most 1/32 of its times.
_BUCKET_BITS = 5


def bucket(microseconds: int) -> int:
    """A time's bucket: never smaller for a longer time; exact below 64 µs, then 32
    buckets per doubling (about 3 % wide each)."""
    if microseconds < 0:
        return -bucket(-microseconds) - 1
    shift = microseconds.bit_length() - _BUCKET_BITS - 1
    if shift <= 0:
        return microseconds
    return (shift << _BUCKET_BITS) + (microseconds >> shift)


def microseconds(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def moment(value: datetime | None) -> int | None:
    """A stored time as whole microseconds since 1970 (UTC): times and durations in exact
    integers, the same on every database."""
    return None if value is None else microseconds(value - EPOCH)


def local_day(value: datetime) -> date:
    """The day of a time in the current time zone (the analytics' days)."""
    return timezone.localtime(value).date()


def _day(us: int, zone) -> date:
    return datetime.fromtimestamp(us // 1_000_000, zone).date()


class Facts(NamedTuple):
    """What an attempt counts for is computed from these alone (times as ``moment``)."""

    quiz_id: int
    started: int
    completed: int | None
    is_preview: bool
    answers: tuple[tuple[int, int, int], ...]  # (answer id, question id, answered)
    role: str | None = None  # the result's recommendation, when there is a result
    steps: list | None = None  # the adaptive result's steps


def _add(counts: Counter, facts: Facts | None, zone, sign: int = 1) -> None:
    """Adds (or with sign -1 takes away) what one attempt counts for."""
    if facts is None or facts.is_preview:
        return
    day = _day(facts.started, zone)
    answers = sorted(facts.answers, key=lambda a: (a[2], a[0]))
    counts[(day, STARTED, "", 0)] += sign
    counts[(day, ANSWERS, "", len(answers))] += sign
    previous = facts.started
    for _, question_id, answered in answers:
        question, time = str(question_id), answered - previous
        where = bucket(time)
        counts[(day, ANSWERED, question, 0)] += sign
        counts[(day, ANSWER_BUCKET, question, where)] += sign
        counts[(day, ANSWER_TIME, f"{question}/{where}", time)] += sign
        previous = answered
    if facts.completed is None:
        counts[(day, UNFINISHED, "", len(answers))] += sign
        answered = ",".join(str(q) for q in sorted({q for _, q, _ in answers}))
        counts[(day, UNFINISHED_WITH, answered, 0)] += sign
    else:
        time = facts.completed - facts.started
        where = bucket(time)
        counts[(day, COMPLETED, "", _day(facts.completed, zone).toordinal())] += sign
        counts[(day, QUIZ_BUCKET, "", where)] += sign
        counts[(day, QUIZ_TIME, str(where), time)] += sign
    if facts.role is not None:
        counts[(day, ROLE, facts.role, 0)] += sign
    _add_steps(counts, day, facts.steps, sign)


def _add_steps(counts: Counter, day: date, steps: list | None, sign: int) -> None:
    leader = None
    for step in steps or []:
        slug = step.get("question") or ""
        counts[(day, ASKED, slug, 0)] += sign
        if leader is not None and step.get("leader") != leader:
            counts[(day, CHANGED, slug, 0)] += sign
        leader = step.get("leader")


def _stored_answers(attempt_id: int) -> tuple[tuple[int, int, int], ...]:
    """An attempt's answers as ``Facts.answers``, in one query."""
    from .models import Answer

    rows = (
        Answer.objects.filter(attempt_id=attempt_id)
        .order_by()
        .values_list("id", "question_id", "answered_at")
    )
    return tuple((pk, question_id, moment(answered)) for pk, question_id, answered in rows)


def facts(attempt, *, answers=None) -> Facts:
    """An attempt's facts as stored now (its answers and result read unless given): one
    query for an attempt in progress, two for a completed one, none for a preview."""
    from .models import Result

    if attempt.is_preview:
        answers = ()
    if answers is None:
        stored = _stored_answers(attempt.pk)
    else:
        stored = tuple((pk, question_id, moment(answered)) for pk, question_id, answered in answers)
    role = steps = None
    if attempt.completed_at is not None and not attempt.is_preview:
        result = (
            Result.objects.filter(attempt_id=attempt.pk)
            .values_list("recommended_role_slug", "snapshot__adaptive__steps")
            .first()
        )
        role, steps = result or (None, None)
    return Facts(
        attempt.quiz_id,
        moment(attempt.started_at),
        moment(attempt.completed_at),
        attempt.is_preview,
        stored,
        role,
        steps,
    )


def open_facts(attempt, rows=None) -> Facts:
    """The facts of an attempt that is still open: its answers (read in one query, unless
    given as ``rows`` of id, question id and time); its quiz, start and preview flag never change, so
    they come from ``attempt`` as the caller has it. For ``services.answer_save``, once its
    first statement has found the attempt open and holds it (PostgreSQL's row lock,
    SQLite's write lock)."""
    answers = (
        _stored_answers(attempt.pk)
        if rows is None
        else tuple((pk, question_id, moment(answered)) for pk, question_id, answered in rows)
    )
    return Facts(attempt.quiz_id, moment(attempt.started_at), None, attempt.is_preview, answers)


def difference(before: Facts | None, after: Facts | None) -> Counter:
    """What an attempt's change adds to the counts: what it counts for after, less what
    it counted for before."""
    counts: Counter = Counter()
    zone = timezone.get_current_timezone()
    _add(counts, after, zone)
    _add(counts, before, zone, -1)
    return counts


def record(before: Facts | None, after: Facts | None) -> None:
    """Counts an attempt's change."""
    subject = after or before
    if subject is not None:
        _write(subject.quiz_id, difference(before, after))


def with_answer(before: Facts, answer) -> Facts:
    """The facts after ``answer`` (an Answer just saved) was added or replaced."""
    return with_answer_to(before, answer.pk, answer.question_id, answer.answered_at)


def with_answer_to(before: Facts, answer_id: int, question_id: int, answered_at: datetime) -> Facts:
    """The facts after the answer to ``question_id`` was saved at ``answered_at``."""
    answers = tuple(a for a in before.answers if a[1] != question_id)
    return before._replace(answers=(*answers, (answer_id, question_id, moment(answered_at))))


def with_result(before: Facts, result, completed_at: datetime) -> Facts:
    """The facts after the attempt completed with ``result`` (a Result just created)."""
    adaptive = result.snapshot.get("adaptive") if isinstance(result.snapshot, dict) else None
    steps = adaptive.get("steps") if isinstance(adaptive, dict) else None
    return before._replace(completed=moment(completed_at), role=result.recommended_role_slug, steps=steps)


def _table() -> tuple[str, str, str]:
    from .models import Tally

    quote = connection.ops.quote_name
    return quote(Tally._meta.db_table), quote("key"), quote("count")


def _write(quiz_id: int, changes: dict[Fact, int], chunk: int = 2000) -> None:
    """Adds the changes to the stored counts: one upsert per ``chunk`` facts, in one order
    (so two transactions never wait for each other's rows crosswise). A count that falls
    to zero stays, as a zero (the analytics skip it; ``rebuild`` drops it)."""
    with connection.cursor() as cursor:
        for sql, params in upserts(quiz_id, changes, chunk):
            cursor.execute(sql, params)


def upserts(quiz_id: int, changes: dict[Fact, int], chunk: int = 2000) -> list[tuple[str, list]]:
    """The statements (SQL and parameters) that add ``changes`` to the stored counts."""
    table, key, count = _table()
    ordered = sorted((fact, n) for fact, n in changes.items() if n)
    statements = []
    for start in range(0, len(ordered), chunk):
        rows = ordered[start : start + chunk]
        sql = (
            f"INSERT INTO {table} (quiz_id, day, metric, {key}, number, {count}) VALUES "
            + ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(rows))
            + f" ON CONFLICT (quiz_id, metric, day, {key}, number)"
            f" DO UPDATE SET {count} = {table}.{count} + excluded.{count}"
        )
        params = [
            value
            for (day, metric, k, number), n in rows
            for value in (quiz_id, connection.ops.adapt_datefield_value(day), metric, k, number, n)
        ]
        statements.append((sql, params))
    return statements


def rebuild(quiz_ids: Iterable[int] | None = None, *, apps=installed_apps, chunk: int = 5000) -> None:
    """Recounts the tallies of the given quizzes (all by default) from their attempts, in
    chunks of attempts (memory stays bounded). For a bulk load, a change of TIME_ZONE, or
    writes made outside ``quiz.services``. ``apps``: a migration's historical models."""
    Quiz, Tally = apps.get_model("quiz", "Quiz"), apps.get_model("quiz", "Tally")
    quiz_ids = list(Quiz.objects.values_list("pk", flat=True) if quiz_ids is None else quiz_ids)
    Tally.objects.filter(quiz_id__in=quiz_ids).delete()
    zone = timezone.get_current_timezone()
    for quiz_id in quiz_ids:
        counts: Counter = Counter()
        for attempt_facts in _all_facts(apps, quiz_id, chunk):
            _add(counts, attempt_facts, zone)
            if len(counts) >= 50_000:
                _write(quiz_id, counts)
                counts.clear()
        _write(quiz_id, counts)


def _moment_sql(column: str) -> str:
    """SQL reading a stored time as ``moment`` (PostgreSQL) or as stored (SQLite: text)."""
    if connection.vendor == "postgresql":
        return f"(EXTRACT(EPOCH FROM {column}) * 1000000)::bigint"
    return column


def _moment_of(value) -> int | None:
    """What ``_moment_sql`` read, as ``moment``: Django keeps naive UTC text in SQLite."""
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return moment(value if timezone.is_aware(value) else value.replace(tzinfo=UTC))


def _all_facts(apps, quiz_id: int, chunk: int):
    """The facts of a quiz's real attempts, read ``chunk`` attempts at a time (three
    queries each, by ranges of ids; times read as integers, not datetimes)."""
    Attempt, Answer, Result = (apps.get_model("quiz", name) for name in ("Attempt", "Answer", "Result"))
    last = 0
    with connection.cursor() as cursor:
        while True:
            cursor.execute(
                f"SELECT id, {_moment_sql('started_at')}, {_moment_sql('completed_at')} "
                f"FROM {Attempt._meta.db_table} WHERE quiz_id = %s AND NOT is_preview AND id > %s "
                "ORDER BY id LIMIT %s",
                [quiz_id, last, chunk],
            )
            attempts = cursor.fetchall()
            if not attempts:
                return
            first, last = attempts[0][0], attempts[-1][0]
            answers: dict[int, list] = {pk: [] for pk, _, _ in attempts}
            cursor.execute(
                f"SELECT attempt_id, id, question_id, {_moment_sql('answered_at')} "
                f"FROM {Answer._meta.db_table} WHERE attempt_id >= %s AND attempt_id <= %s",
                [first, last],
            )
            for attempt_id, pk, question_id, answered in cursor.fetchall():
                if attempt_id in answers:
                    answers[attempt_id].append((pk, question_id, _moment_of(answered)))
            results = {
                attempt_id: (role, steps)
                for attempt_id, role, steps in Result.objects.filter(
                    attempt_id__gte=first, attempt_id__lte=last
                ).values_list("attempt_id", "recommended_role_slug", "snapshot__adaptive__steps")
            }
            for pk, started, completed in attempts:
                role, steps = results.get(pk, (None, None))
                yield Facts(
                    quiz_id,
                    _moment_of(started),
                    _moment_of(completed),
                    False,
                    tuple(answers[pk]),
                    role,
                    steps,
                )
