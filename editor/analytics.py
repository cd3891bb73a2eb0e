"""Quiz analytics from the daily tallies (``quiz.tallies``): a page over a million attempts
adds up a few hundred rows, in the same few queries for any number of attempts.

Staff previews are left out. Every figure is exact: counts are sums of the days' counts;
a median finds the bucket of times that holds the middle, then reads that bucket's exact
times (the same arithmetic on PostgreSQL and SQLite, in whole microseconds)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Sum
from django.utils import timezone

from quiz import tallies
from quiz.models import Quiz, Tally


@dataclass
class Analytics:
    started_per_day: list[tuple[date, int]]
    completed_per_day: list[tuple[date, int]]
    started: int
    completed: int
    drop_off: list[dict]  # per question, for a quiz that asks every question in order
    roles: list[tuple[str, int]]
    median_quiz_seconds: float | None
    median_question_seconds: list[dict]
    drop_off_by_position: list[dict]
    adaptive_questions: list[dict]

    @property
    def completion_rate(self) -> float:
        return 100 * self.completed / self.started if self.started else 0.0


def whole_days(start: datetime, end: datetime) -> tuple[date, date]:
    """[start, end) as its first and last day: both must be midnights of the current time
    zone (the tallies count whole days)."""
    for moment in (start, end):
        if timezone.localtime(moment).time() != time.min:
            raise ValueError(f"analytics count whole days: {moment} is not a midnight")
    return tallies.local_day(start), tallies.local_day(end) - timedelta(days=1)


SUMMED = [
    tallies.ANSWERS,
    tallies.UNFINISHED,
    tallies.ANSWERED,
    tallies.COMPLETED,
    tallies.ROLE,
    tallies.ASKED,
    tallies.CHANGED,
    tallies.ANSWER_BUCKET,
    tallies.QUIZ_BUCKET,
]


def quiz_analytics(quiz: Quiz, first: date, last: date) -> Analytics:
    """The figures of the quiz's attempts that started from day ``first`` to day ``last``
    (both included; days of the current time zone)."""
    in_range = Tally.objects.filter(quiz=quiz, day__gte=first, day__lte=last)
    started_per_day = [
        (day, n)
        for day, n in in_range.filter(metric=tallies.STARTED)
        .values("day")
        .annotate(n=Sum("count"))
        .order_by("day")
        .values_list("day", "n")
        if n > 0
    ]
    sums: dict[str, Counter] = defaultdict(Counter)
    metrics = SUMMED if quiz.adaptive else [*SUMMED, tallies.UNFINISHED_WITH]
    for metric, key, number, n in (
        in_range.filter(metric__in=metrics)
        .values("metric", "key", "number")
        .annotate(n=Sum("count"))
        .order_by()
        .values_list("metric", "key", "number", "n")
    ):
        if n > 0:  # (never fewer, unless attempts were written around quiz.services)
            sums[metric][(key, number)] = n
    questions = list(
        quiz.questions.order_by("order", "pk").values_list("pk", "order", "text", "active", "slug")
    )
    active = [(pk, order, text) for pk, order, text, is_active, _ in questions if is_active]
    medians = _medians(
        in_range.filter(day__in=[day for day, _ in started_per_day]),
        sums,
        {tallies.ANSWER_BUCKET: {str(pk) for pk, _, _ in active}, tallies.QUIZ_BUCKET: {""}},
    )
    completed_per_day = sorted(
        (date.fromordinal(number), n) for (_, number), n in sums[tallies.COMPLETED].items()
    )
    started = sum(n for _, n in started_per_day)
    return Analytics(
        started_per_day=started_per_day,
        completed_per_day=completed_per_day,
        started=started,
        completed=sum(n for _, n in completed_per_day),
        drop_off=[] if quiz.adaptive else _drop_off(sums, questions, active, started),
        roles=sorted(((key, n) for (key, _), n in sums[tallies.ROLE].items()), key=lambda r: (-r[1], r[0])),
        median_quiz_seconds=medians.get((tallies.QUIZ_BUCKET, "")),
        median_question_seconds=[
            {"position": position, "text": text, "seconds": medians.get((tallies.ANSWER_BUCKET, str(pk)))}
            for position, (pk, _, text) in enumerate(active, 1)
        ],
        drop_off_by_position=_drop_off_by_position(sums),
        adaptive_questions=_adaptive_questions(sums, {slug: text for _, _, text, _, slug in questions}),
    )


def _drop_off(sums, questions, active, started: int) -> list[dict]:
    """An attempt has seen question i when it answered the one before (everyone sees the
    first); it left at question i when it is unfinished and its furthest answer (in the
    questions' order now) is the one before."""
    answered = {int(key): n for (key, _), n in sums[tallies.ANSWERED].items()}
    order_of = {pk: order for pk, order, *_ in questions}
    furthest: Counter = Counter()
    for (key, _), n in sums[tallies.UNFINISHED_WITH].items():
        orders = [order_of[int(pk)] for pk in key.split(",") if pk and int(pk) in order_of]
        furthest[max(orders, default=None)] += n
    rows = []
    previous_order = previous_id = None
    for position, (pk, order, text) in enumerate(active, 1):
        views = started if previous_id is None else answered.get(previous_id, 0)
        exits = furthest.get(previous_order, 0)
        rows.append(
            {
                "position": position,
                "text": text,
                "views": views,
                "exits": exits,
                "rate": 100 * exits / views if views else 0.0,
            }
        )
        previous_id, previous_order = pk, order
    return rows


def _drop_off_by_position(sums) -> list[dict]:
    """Where people leave, by how far they got: for the n-th question a person is shown,
    views are the attempts with at least n − 1 answers, exits the unfinished ones with
    exactly n − 1. The same for adaptive and whole quizzes."""
    by_count = {number: n for (_, number), n in sums[tallies.ANSWERS].items()}
    unfinished = {number: n for (_, number), n in sums[tallies.UNFINISHED].items()}
    rows = []
    for position in range(1, max(by_count, default=0) + 2):
        views = sum(c for n, c in by_count.items() if n >= position - 1)
        exits = unfinished.get(position - 1, 0)
        if views:
            rows.append({"position": position, "views": views, "exits": exits, "rate": 100 * exits / views})
    return rows


def _adaptive_questions(sums, texts: dict[str, str]) -> list[dict]:
    """For each question: how often the adaptive quiz asked it and how often its answer
    changed the leading role, from the completed results' snapshots."""
    asked = {key: n for (key, _), n in sums[tallies.ASKED].items()}
    changed = {key: n for (key, _), n in sums[tallies.CHANGED].items()}
    return [
        {"text": texts.get(slug, slug), "asked": n, "changed": changed.get(slug, 0)}
        for slug, n in sorted(asked.items(), key=lambda item: (-item[1], item[0]))
    ]


def _medians(days, sums, keys: dict[str, set[str]]) -> dict[tuple[str, str], float]:
    """The median in seconds of each series ``keys`` names, by (bucket metric, key): the
    mean of the middle two times (the middle one when their number is odd). The buckets'
    counts say which bucket holds each middle time and its rank there; one query reads
    those buckets' exact times."""
    exact_metric = {tallies.ANSWER_BUCKET: tallies.ANSWER_TIME, tallies.QUIZ_BUCKET: tallies.QUIZ_TIME}
    wanted: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for metric in exact_metric:
        series: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for (key, number), n in sums[metric].items():
            if key in keys[metric]:
                series[key].append((number, n))
        for key, buckets in series.items():
            buckets.sort()
            total = sum(n for _, n in buckets)
            wanted[(metric, key)] = [
                _locate(buckets, rank, key) for rank in ((total + 1) // 2, (total + 2) // 2)
            ]
    if not wanted:
        return {}
    times: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for metric, key, number, n in (
        days.filter(
            metric__in=list(exact_metric.values()),
            key__in={exact_key for places in wanted.values() for exact_key, _ in places},
        )
        .values("metric", "key", "number")
        .annotate(n=Sum("count"))
        .order_by("metric", "key", "number")
        .values_list("metric", "key", "number", "n")
    ):
        times[(metric, key)].append((number, n))
    medians = {}
    for (metric, key), places in wanted.items():
        middle = [_value_at(times[(exact_metric[metric], exact_key)], rank) for exact_key, rank in places]
        if None not in middle:
            medians[(metric, key)] = (middle[0] + middle[1]) / 2 / 1_000_000
    return medians


def _locate(buckets: list[tuple[int, int]], rank: int, key: str) -> tuple[str, int]:
    """The exact-times key of the bucket holding the rank-th time (from 1), and its rank there."""
    for number, n in buckets:
        if rank <= n:
            return (f"{key}/{number}" if key else str(number)), rank
        rank -= n
    raise ValueError("rank beyond the counted times")


def _value_at(counted: list[tuple[int, int]], rank: int) -> int | None:
    for value, n in counted:
        if rank <= n:
            return value
        rank -= n
    return None  # (only when attempts were written around quiz.services)
