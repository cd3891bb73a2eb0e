"""Quiz analytics from aggregate queries: the database counts; nothing loops over attempts.

Staff previews are left out. Times are medians, computed in SQL with window functions
(ROW_NUMBER over the sorted values), the same query on PostgreSQL and SQLite."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate

from quiz.models import Answer, Attempt, Quiz, Result


def _seconds(later: str, earlier: str) -> str:
    if connection.vendor == "postgresql":
        return f"EXTRACT(EPOCH FROM ({later} - {earlier}))"
    return f"((julianday({later}) - julianday({earlier})) * 86400.0)"


def _median_sql(values_sql: str, group: str | None) -> str:
    """The median of ``values_sql`` (columns: [group,] secs), per group if given."""
    partition = f"PARTITION BY {group}" if group else ""
    select_group = f"{group}, " if group else ""
    group_by = f"GROUP BY {group}" if group else ""
    return f"""
        SELECT {select_group}AVG(secs) FROM (
            SELECT {select_group}secs,
                   ROW_NUMBER() OVER ({partition} ORDER BY secs) AS rn,
                   COUNT(*) OVER ({partition}) AS cnt
            FROM ({values_sql}) AS v WHERE secs IS NOT NULL
        ) AS ranked
        WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)
        {group_by}
    """


@dataclass
class Analytics:
    started_per_day: list[tuple[date, int]]
    completed_per_day: list[tuple[date, int]]
    started: int
    completed: int
    drop_off: list[dict]
    roles: list[tuple[str, int]]
    median_quiz_seconds: float | None
    median_question_seconds: list[dict]
    drop_off_by_position: list[dict]
    adaptive_questions: list[dict]

    @property
    def completion_rate(self) -> float:
        return 100 * self.completed / self.started if self.started else 0.0


def quiz_analytics(quiz: Quiz, start: datetime, end: datetime) -> Analytics:
    attempts = Attempt.objects.real().filter(quiz=quiz, started_at__gte=start, started_at__lt=end)
    started_per_day = list(
        attempts.annotate(day=TruncDate("started_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
        .values_list("day", "n")
    )
    completed_per_day = list(
        attempts.filter(completed_at__isnull=False)
        .annotate(day=TruncDate("completed_at"))
        .values("day")
        .annotate(n=Count("id"))
        .order_by("day")
        .values_list("day", "n")
    )
    started = sum(n for _, n in started_per_day)
    completed = sum(n for _, n in completed_per_day)

    # Drop-off: an attempt has seen question i when it answered the one before (everyone
    # sees the first); it left at question i when it is unfinished and its furthest answer
    # is the one before. Both counted by the database.
    questions = list(quiz.active_questions().values_list("pk", "order", "text"))
    answered = dict(
        Answer.objects.filter(attempt__in=attempts)
        .values("question_id")
        .annotate(n=Count("id"))
        .values_list("question_id", "n")
    )
    furthest_answer = (
        Answer.objects.filter(attempt=OuterRef("pk"))
        .order_by("-question__order")
        .values("question__order")[:1]
    )
    furthest = dict(
        attempts.filter(completed_at__isnull=True)
        .annotate(last=Subquery(furthest_answer))
        .values("last")
        .annotate(n=Count("id"))
        .values_list("last", "n")
    )
    drop_off = []
    previous_order = None
    previous_id = None
    for position, (pk, order, text) in enumerate(questions, 1):
        views = started if previous_id is None else answered.get(previous_id, 0)
        exits = furthest.get(previous_order, 0)
        drop_off.append(
            {
                "position": position,
                "text": text,
                "views": views,
                "exits": exits,
                "rate": 100 * exits / views if views else 0.0,
            }
        )
        previous_id, previous_order = pk, order

    roles = list(
        Result.objects.filter(attempt__in=attempts)
        .values("recommended_role_slug")
        .annotate(n=Count("id"))
        .order_by("-n", "recommended_role_slug")
        .values_list("recommended_role_slug", "n")
    )

    attempt_sql, attempt_params = attempts.values("id").query.sql_with_params()
    answer_table, attempt_table = Answer._meta.db_table, Attempt._meta.db_table
    per_quiz = f"""
        SELECT {_seconds("t.completed_at", "t.started_at")} AS secs FROM {attempt_table} t
        WHERE t.completed_at IS NOT NULL AND t.id IN ({attempt_sql})
    """
    per_question = f"""
        SELECT a.question_id AS question_id,
               {_seconds("a.answered_at", "COALESCE(LAG(a.answered_at) OVER (PARTITION BY a.attempt_id ORDER BY a.answered_at), t.started_at)")} AS secs
        FROM {answer_table} a JOIN {attempt_table} t ON t.id = a.attempt_id
        WHERE t.id IN ({attempt_sql})
    """
    with connection.cursor() as cursor:
        cursor.execute(_median_sql(per_quiz, None), attempt_params)
        row = cursor.fetchone()
        median_quiz = float(row[0]) if row and row[0] is not None else None
        cursor.execute(_median_sql(per_question, "question_id"), attempt_params)
        medians = {qid: float(secs) for qid, secs in cursor.fetchall()}
    median_questions = [
        {"position": position, "text": text, "seconds": medians.get(pk)}
        for position, (pk, _, text) in enumerate(questions, 1)
    ]
    return Analytics(
        drop_off_by_position=_drop_off_by_position(attempts),
        adaptive_questions=_adaptive_questions(quiz, attempts),
        started_per_day=started_per_day,
        completed_per_day=completed_per_day,
        started=started,
        completed=completed,
        drop_off=drop_off,
        roles=roles,
        median_quiz_seconds=median_quiz,
        median_question_seconds=median_questions,
    )


def _drop_off_by_position(attempts) -> list[dict]:
    """Where people leave, by how far they got: for the n-th question a person is shown,
    views are the attempts with at least n − 1 answers, exits the unfinished ones with
    exactly n − 1. Two aggregate queries; the same for adaptive and whole quizzes."""
    answers = Coalesce(
        Subquery(
            Answer.objects.filter(attempt=OuterRef("pk"))
            .values("attempt")
            .annotate(c=Count("id"))
            .values("c")
        ),
        0,
    )

    def histogram(queryset) -> dict[int, int]:
        return dict(queryset.annotate(n=answers).values("n").annotate(c=Count("id")).values_list("n", "c"))

    by_count = histogram(attempts)
    unfinished = histogram(attempts.filter(completed_at__isnull=True))
    rows = []
    for position in range(1, max(by_count, default=0) + 2):
        views = sum(c for n, c in by_count.items() if n >= position - 1)
        exits = unfinished.get(position - 1, 0)
        if views:
            rows.append({"position": position, "views": views, "exits": exits, "rate": 100 * exits / views})
    return rows


def _adaptive_questions(quiz: Quiz, attempts) -> list[dict]:
    """For each question: how often the adaptive quiz asked it and how often its answer
    changed the leading role, from the completed results' snapshots."""
    asked: dict[str, int] = {}
    changed: dict[str, int] = {}
    steps_of_results = (
        Result.objects.filter(attempt__in=attempts)
        .exclude(snapshot__adaptive__isnull=True)
        .values_list("snapshot__adaptive__steps", flat=True)
    )
    for steps in steps_of_results.iterator(chunk_size=2000):
        leader = None
        for step in steps or []:
            slug = step.get("question")
            asked[slug] = asked.get(slug, 0) + 1
            if leader is not None and step.get("leader") != leader:
                changed[slug] = changed.get(slug, 0) + 1
            leader = step.get("leader")
    if not asked:
        return []
    texts = dict(quiz.questions.values_list("slug", "text"))
    return [
        {"text": texts.get(slug, slug), "asked": n, "changed": changed.get(slug, 0)}
        for slug, n in sorted(asked.items(), key=lambda item: (-item[1], item[0]))
    ]
