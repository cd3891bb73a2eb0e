"""Reading what attempts saved: the one place that decides which saved answers count.

An answer counts when its question is still active and it holds a scale value or at least
one chosen option that is still active. A question whose only chosen option an editor
deactivated since is therefore unanswered everywhere alike: in the progress bar, on the
summary, in scoring and in the re-score preview (it is asked again).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.db import OperationalError, connections, router
from django.db.models.sql.compiler import SQLCompiler

from . import engine
from .models import Answer, Attempt, Quiz, Result


@dataclass
class Saved:
    """One counted answer: the question's slug, its scale value and the chosen active
    options (ids and slugs, in the options' order)."""

    question_slug: str
    scale_value: int | None
    option_ids: tuple[int, ...] = ()
    option_slugs: tuple[str, ...] = ()

    @classmethod
    def of(cls, question, scale_value: int | None, options) -> Saved:
        """The answer just given: a scale value or the chosen (active) options."""
        chosen = sorted(options, key=lambda o: (o.order, o.pk))
        return cls(question.slug, scale_value, tuple(o.pk for o in chosen), tuple(o.slug for o in chosen))

    @property
    def counts(self) -> bool:
        return self.scale_value is not None or bool(self.option_ids)

    def for_engine(self) -> engine.AnswerValue:
        """A scale value, or the chosen options (choice answers and a not-applicable
        answer to a scale)."""
        return self.scale_value if self.scale_value is not None else self.option_slugs


ANSWER_COLUMNS = (
    "question_id",
    "question__slug",
    "question__active",
    "scale_value",
    "choices__option_id",
    "choices__option__slug",
    "choices__option__active",
)
ANSWER_ORDER = ("question_id", "choices__option__order", "choices__option__pk")


def _collect(rows) -> dict[int, Saved]:
    """Counted answers from rows of ANSWER_COLUMNS (one per chosen option), in that order."""
    saved: dict[int, Saved] = {}
    for question_id, slug, question_active, scale_value, option_id, option_slug, option_active in rows:
        if question_id is None or not question_active:
            continue
        entry = saved.setdefault(question_id, Saved(slug, scale_value))
        if option_id is not None and option_active:
            entry.option_ids += (option_id,)
            entry.option_slugs += (option_slug,)
    return {qid: entry for qid, entry in saved.items() if entry.counts}


def saved_answers(answers) -> dict[int, dict[int, Saved]]:
    """The counted answers among ``answers`` (a QuerySet of Answer), by attempt id and
    question id, in one query."""
    rows = (
        answers.filter(question__active=True)
        .values_list("attempt_id", *ANSWER_COLUMNS)
        .order_by("attempt_id", *ANSWER_ORDER)
    )
    by_attempt: dict[int, list] = defaultdict(list)
    for attempt_id, *row in rows:
        by_attempt[attempt_id].append(row)
    collected = {attempt_id: _collect(rows) for attempt_id, rows in by_attempt.items()}
    return {attempt_id: saved for attempt_id, saved in collected.items() if saved}


def attempt_answers(attempt: Attempt) -> dict[int, Saved]:
    """One attempt's counted answers, by question id."""
    return saved_answers(Answer.objects.filter(attempt=attempt)).get(attempt.pk, {})


ATTEMPT_COLUMNS = tuple(field.attname for field in Attempt._meta.concrete_fields)
QUIZ_COLUMNS = tuple(field.attname for field in Quiz._meta.concrete_fields)
WALK = ATTEMPT_COLUMNS.index("walk")


@dataclass(frozen=True)
class _Compiled:
    """The SQL of the step's query and how to convert its rows, built once per process:
    building the SQL of this join took longer than running it."""

    sql: str
    compiler: SQLCompiler
    converters: dict  # column index → converters, for every column but the walk memo

    @classmethod
    def build(cls, alias: str) -> _Compiled:
        query = (
            Attempt.objects.filter(uuid=uuid.UUID(int=0))
            .values_list(
                *ATTEMPT_COLUMNS,
                *(f"quiz__{column}" for column in QUIZ_COLUMNS),
                *(f"answers__{column}" for column in ANSWER_COLUMNS),
            )
            .order_by(*(f"answers__{column}" for column in ANSWER_ORDER))
        )
        compiler = query.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        if len(params) != 1:  # pragma: no cover - the one parameter is the uuid
            raise RuntimeError(f"unexpected parameters {params!r}")
        converters = compiler.get_converters([column[0] for column in compiler.select])
        # The memo repeats on every row: it is decoded once, from the first.
        converters.pop(WALK, None)
        return cls(sql, compiler, converters)


_compiled: dict[str, _Compiled] = {}


def _cursor(connection):
    """A cursor for the step's query. On PostgreSQL it binds parameters on the server, so
    that psycopg prepares the query once per connection (``prepare_threshold`` in the
    settings): planning this join took longer than running it. Django's own cursors bind
    on the client and never prepare. While queries are logged (DEBUG, tests that count
    queries) Django's cursor runs it, as that one can show a prepared query's SQL."""
    if connection.vendor != "postgresql" or connection.queries_logged:
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.ensure_connection()
    connection.validate_thread_sharing()
    return connection.make_cursor(timestamps_parsed_in_c(ServerBindingCursor(connection.connection)))


def timestamps_parsed_in_c(cursor):
    """A psycopg cursor that reads timestamps with psycopg's own loader, which it runs in
    C, instead of Django's subclass, which it cannot, so parses each one in Python: the
    attempt's two timestamps repeat on every answer row of the step query, and parsing
    them was a tenth of a quiz step. The same instants, in the session's time zone, which
    Django sets to UTC."""
    from psycopg.types.datetime import TimestamptzLoader

    cursor.adapters.register_loader("timestamptz", TimestamptzLoader)
    return cursor


def _fetch_checking_health(connection, sql: str, params: list) -> list:
    """The rows of the step's query, usually a request's first. Django checks a persistent
    connection before a request's first query (CONN_HEALTH_CHECKS: a round trip); the
    step's own cursor on PostgreSQL does not pass there, so the check is made by the query
    itself: if it fails on a connection kept from an earlier request and not yet checked,
    the connection is replaced and the query sent once more. Having answered, the
    connection needs no other check for the rest of the request (Django's flag)."""
    unchecked = (
        connection.vendor == "postgresql"
        and connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    )

    def fetch() -> list:
        with _cursor(connection) as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    try:
        rows = fetch()
    except OperationalError:
        if not unchecked:
            raise
        connection.close()
        rows = fetch()
    connection.health_check_done = True
    return rows


def attempt_with_answers(attempt_uuid) -> tuple[Attempt, dict[int, Saved]] | None:
    """The attempt with this public id, its quiz and its counted answers, in one query
    (the attempt's and quiz's columns repeat on each answer row; an attempt without
    answers is one row)."""
    alias = router.db_for_read(Attempt)
    compiled = _compiled.get(alias) or _compiled.setdefault(alias, _Compiled.build(alias))
    connection = connections[alias]
    value = Attempt._meta.get_field("uuid").get_db_prep_value(attempt_uuid, connection)
    fetched = _fetch_checking_health(connection, compiled.sql, [value])
    if not fetched:
        return None
    rows = list(compiled.compiler.apply_converters(fetched, compiled.converters))
    first, db = rows[0], Attempt.objects.db
    walk = first[WALK]
    first[WALK] = json.loads(walk) if isinstance(walk, str) else (walk or {})
    attempt = Attempt.from_db(db, ATTEMPT_COLUMNS, first[: len(ATTEMPT_COLUMNS)])
    attempt.quiz = Quiz.from_db(db, QUIZ_COLUMNS, first[len(ATTEMPT_COLUMNS) : -len(ANSWER_COLUMNS)])
    return attempt, _collect(row[-len(ANSWER_COLUMNS) :] for row in rows)


def engine_answers(saved: dict[int, Saved]) -> dict[str, engine.AnswerValue]:
    """Counted answers as the scoring engine reads them, by question slug."""
    return {entry.question_slug: entry.for_engine() for entry in saved.values()}


def result_answers(result: Result) -> dict[str, engine.AnswerValue]:
    """The counted answers a result was computed from, by question slug: its attempt's
    answers; for an adaptive quiz, only those to the questions it asked (the snapshot
    records them), as ``services.attempt_complete`` scored them."""
    answers = engine_answers(attempt_answers(result.attempt))
    adaptive = result.snapshot.get("adaptive")
    if not adaptive:
        return answers
    asked = {step["question"] for step in adaptive["steps"]}
    return {slug: value for slug, value in answers.items() if slug in asked}
