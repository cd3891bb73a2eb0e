"""Quiz analytics and item analysis from the daily tallies (``quiz.tallies``): a page over
a million attempts adds up a few thousand rows, in the same few queries for any number of
attempts. The figures are as fresh as the last ``manage.py rollup_analytics``.

Staff previews are left out. Counts are sums of the days' counts; a quantile of times
finds the bucket that holds its rank, then reads that bucket's exact times (the same
arithmetic on PostgreSQL and SQLite, in whole microseconds)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Sum
from django.utils import timezone

from quiz import tallies
from quiz.models import AnalyticsRollup, Option, OptionScore, Quiz, Tally


@dataclass
class Spread:
    """Quartiles of a set of times, in seconds."""

    first: float
    median: float
    third: float


@dataclass
class OptionFigures:
    label: str
    not_applicable: bool
    chosen: int
    share: float | None  # % of the question's answers (several per answer on a multiple choice)
    top_role: str | None  # the role most often recommended to those who chose it
    top_share: float | None  # % of their completed results
    lift: float | None  # top_share ÷ that role's share of all completed results


@dataclass
class QuestionFigures:
    pk: int
    slug: str
    text: str
    kind: str
    active: bool
    position: int | None  # among the active questions, in the quiz's order
    answered: int
    left_after: int  # unfinished attempts whose last answer was this one
    not_applicable: int  # answers that chose a "not applicable" option
    time: Spread | None
    separation: float | None  # Cramér's V between the answer and the recommended role
    # Per competency it scores: how well the item's score agrees with the result's level of
    # that competency (Pearson's r over completed results; the level includes this item).
    agreement: dict[str, float] = field(default_factory=dict)
    asked: int = 0  # adaptive results that asked it
    changed: int = 0  # of those, the ones whose answer changed the leading role
    options: list[OptionFigures] = field(default_factory=list)

    @property
    def weakest_agreement(self) -> float | None:
        return min(self.agreement.values(), default=None)

    @property
    def left_rate(self) -> float | None:
        return 100 * self.left_after / self.answered if self.answered else None

    @property
    def not_applicable_share(self) -> float | None:
        return 100 * self.not_applicable / self.answered if self.answered else None


@dataclass
class Analytics:
    started_per_day: list[tuple[date, int]]
    completed_per_day: list[tuple[date, int]]
    started: int
    completed: int
    results: int  # completed results with a recommended role
    questions: list[QuestionFigures]
    left_before_answering: int  # unfinished attempts without an answer
    left_after_every_question: int  # unfinished with as many answers as active questions
    drop_off_by_position: list[dict]
    roles: list[tuple[str, int]]
    flows: list[tuple[str, str, int]]  # current role ("" none), recommended role, results
    confidence: dict[str, int]
    close_calls: int
    quiz_time: Spread | None
    counted_until: datetime | None

    @property
    def completion_rate(self) -> float:
        return 100 * self.completed / self.started if self.started else 0.0

    @property
    def low_confidence(self) -> int:
        return self.confidence.get("low", 0)


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
    tallies.LEFT_AFTER,
    tallies.CHOSEN,
    tallies.SCALE,
    tallies.COMPLETED,
    tallies.ROLE,
    tallies.FLOW,
    tallies.CHOSEN_BY_ROLE,
    tallies.SCALE_BY_ROLE,
    tallies.LEVEL_N,
    tallies.LEVEL_SUM,
    tallies.LEVEL_SQUARES,
    tallies.CONFIDENCE,
    tallies.CLOSE_CALL,
    tallies.ASKED,
    tallies.CHANGED,
    tallies.ANSWER_BUCKET,
    tallies.QUIZ_BUCKET,
]


def counted_until(quiz: Quiz) -> datetime | None:
    """Until when the quiz's attempts are counted: changes after it are not in the figures."""
    return AnalyticsRollup.objects.filter(quiz=quiz).values_list("counted_until", flat=True).first()


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
    for metric, key, number, n in (
        in_range.filter(metric__in=SUMMED)
        .values("metric", "key", "number")
        .annotate(n=Sum("count"))
        .order_by()
        .values_list("metric", "key", "number", "n")
    ):
        if n > 0:
            sums[metric][(key, number)] = n
    questions = list(
        quiz.questions.order_by("order", "pk").values_list("pk", "slug", "text", "kind", "active")
    )
    active_count = sum(1 for *_, is_active in questions if is_active)
    spreads = _spreads(
        in_range,
        sums,
        {tallies.ANSWER_BUCKET: {str(pk) for pk, *_ in questions}, tallies.QUIZ_BUCKET: {""}},
    )
    completed_per_day = sorted(
        (date.fromordinal(number), n) for (_, number), n in sums[tallies.COMPLETED].items()
    )
    roles = sorted(((key, n) for (key, _), n in sums[tallies.ROLE].items()), key=lambda r: (-r[1], r[0]))
    unfinished = {number: n for (_, number), n in sums[tallies.UNFINISHED].items()}
    return Analytics(
        started_per_day=started_per_day,
        completed_per_day=completed_per_day,
        started=sum(n for _, n in started_per_day),
        completed=sum(n for _, n in completed_per_day),
        results=sum(n for _, n in roles),
        questions=_questions(quiz, questions, sums, spreads, dict(roles)),
        left_before_answering=unfinished.get(0, 0),
        left_after_every_question=sum(n for number, n in unfinished.items() if number >= active_count > 0),
        drop_off_by_position=_drop_off_by_position(sums, active_count),
        roles=roles,
        flows=sorted(
            ((*key.split(">", 1), n) for (key, _), n in sums[tallies.FLOW].items()),
            key=lambda f: (-f[2], f[0], f[1]),
        ),
        confidence={key: n for (key, _), n in sums[tallies.CONFIDENCE].items()},
        close_calls=sum(sums[tallies.CLOSE_CALL].values()),
        quiz_time=spreads.get((tallies.QUIZ_BUCKET, "")),
        counted_until=counted_until(quiz),
    )


def _questions(quiz, questions, sums, spreads, roles: dict[str, int]) -> list[QuestionFigures]:
    """Every active question, and each inactive one that was answered in the range."""
    answered = {key: n for (key, _), n in sums[tallies.ANSWERED].items()}
    left_after = {key: n for (key, _), n in sums[tallies.LEFT_AFTER].items()}
    chosen = {key: n for (key, _), n in sums[tallies.CHOSEN].items()}
    asked = {key: n for (key, _), n in sums[tallies.ASKED].items()}
    changed = {key: n for (key, _), n in sums[tallies.CHANGED].items()}
    by_role: dict[str, Counter] = defaultdict(Counter)  # option id or "<question>:<value>"
    for (key, _), n in sums[tallies.CHOSEN_BY_ROLE].items():
        option, role = key.split("/", 1)
        by_role[option][role] += n
    for (key, value), n in sums[tallies.SCALE_BY_ROLE].items():
        question, role = key.split("/", 1)
        by_role[f"{question}:{value}"][role] += n
    scale = defaultdict(dict)
    for (key, value), n in sums[tallies.SCALE].items():
        scale[key][value] = n
    options = defaultdict(list)
    for question_id, pk, label, not_applicable in (
        Option.objects.filter(question__quiz=quiz)
        .order_by("question_id", "order", "pk")
        .values_list("question_id", "pk", "label", "not_applicable")
    ):
        options[question_id].append((str(pk), label, not_applicable))
    results = sum(roles.values())
    agreement = _agreement(quiz, sums)
    figures, position = [], 0
    for pk, slug, text, kind, is_active in questions:
        key = str(pk)
        if not is_active and not answered.get(key):
            continue
        position += is_active
        n = answered.get(key, 0)
        if kind == "scale":
            rows = [
                (f"{key}:{value}", str(value), False, count) for value, count in sorted(scale[key].items())
            ]
        else:
            rows = [(option, label, na, chosen.get(option, 0)) for option, label, na in options[pk]]
        figures.append(
            QuestionFigures(
                pk=pk,
                slug=slug,
                text=text,
                kind=kind,
                active=is_active,
                position=position if is_active else None,
                answered=n,
                left_after=left_after.get(key, 0),
                not_applicable=sum(count for _, _, na, count in rows if na),
                time=spreads.get((tallies.ANSWER_BUCKET, key)),
                separation=cramers_v([by_role[row_key] for row_key, *_ in rows]),
                agreement=agreement.get(pk, {}),
                asked=asked.get(slug, 0),
                changed=changed.get(slug, 0),
                options=[
                    _option(label, na, count, n, by_role[row_key], roles, results)
                    for row_key, label, na, count in rows
                ],
            )
        )
    return figures


def _agreement(quiz, sums) -> dict[int, dict[str, float]]:
    """Per question and competency, Pearson's r between the chosen option's score for the
    competency and the result's level of it, over completed results that chose an option
    scoring it: from the sums the rollup keeps per option (n, Σ level, Σ level²), with each
    option's score x: Σx = Σ n·x, Σx² = Σ n·x², Σxy = Σ x·Σlevel."""
    n, total, squares = (
        {key: c for (key, _), c in sums[m].items()}
        for m in (tallies.LEVEL_N, tallies.LEVEL_SUM, tallies.LEVEL_SQUARES)
    )
    # (Zero sums are dropped with the zero counts; they are zero either way.)
    for key in n:
        total.setdefault(key, 0)
        squares.setdefault(key, 0)
    moments: dict[tuple[int, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for question_id, option_id, competency, x in (
        OptionScore.objects.filter(option__question__quiz=quiz)
        .order_by("option__question_id", "option_id", "competency__slug")
        .values_list("option__question_id", "option_id", "competency__slug", "value")
    ):
        key = f"{option_id}/{competency}"
        if n.get(key):
            m = moments[(question_id, competency)]
            for i, value in enumerate(
                (n[key], n[key] * x, n[key] * x * x, total[key], squares[key], x * total[key])
            ):
                m[i] += value
    agreement: dict[int, dict[str, float]] = defaultdict(dict)
    for (question_id, competency), (count, sx, sxx, sy, syy, sxy) in moments.items():
        spread = (count * sxx - sx * sx) * (count * syy - sy * sy)
        if count >= 3 and spread > 0:
            agreement[question_id][competency] = round((count * sxy - sx * sy) / math.sqrt(spread), 9)
    return agreement


def _option(label, not_applicable, chosen, answered, by_role: Counter, roles, results) -> OptionFigures:
    top_role, top_share, lift = None, None, None
    choosers = sum(by_role.values())
    if choosers:
        top_role, n = min(by_role.items(), key=lambda item: (-item[1], item[0]))
        top_share = 100 * n / choosers
        lift = top_share / (100 * roles[top_role] / results) if roles.get(top_role) else None
    return OptionFigures(
        label=label,
        not_applicable=not_applicable,
        chosen=chosen,
        share=100 * chosen / answered if answered else None,
        top_role=top_role,
        top_share=top_share,
        lift=lift,
    )


def cramers_v(table: list[Counter]) -> float | None:
    """How strongly the answer (a row per option or value) and the recommended role (the
    columns) go together, from 0 (not at all) to 1 (the answer decides the role):
    V = √(χ² ÷ (n · (min(rows, columns) − 1))), with χ² = n · (Σ O² ÷ (row · column) − 1)
    over the rows and columns that have results. None below two of either."""
    rows = [row for row in table if sum(row.values())]
    columns: Counter = Counter()
    for row in rows:
        columns.update(row)
    n = sum(columns.values())
    smaller = min(len(rows), len(columns))
    if smaller < 2:
        return None
    observed = sum(
        row[role] ** 2 / (sum(row.values()) * columns[role]) for row in rows for role in sorted(row)
    )  # (in one order: the same float from the same counts)
    chi_square = n * (observed - 1)
    return math.sqrt(max(chi_square, 0.0) / (n * (smaller - 1)))


def _drop_off_by_position(sums, active_count: int) -> list[dict]:
    """Where people leave, by how far they got: for the n-th question a person is shown,
    views are the attempts with at least n − 1 answers, exits the unfinished ones with
    exactly n − 1. Only up to the quiz's last question: those who answered as many questions
    as it has and left before finishing are counted apart."""
    by_count = {number: n for (_, number), n in sums[tallies.ANSWERS].items()}
    unfinished = {number: n for (_, number), n in sums[tallies.UNFINISHED].items()}
    rows = []
    for position in range(1, active_count + 1):
        views = sum(c for n, c in by_count.items() if n >= position - 1)
        exits = unfinished.get(position - 1, 0)
        if views:
            rows.append({"position": position, "views": views, "exits": exits, "rate": 100 * exits / views})
    return rows


def quartile_ranks(total: int) -> tuple[int, int, int, int]:
    """The ranks (from 1) whose values give the quartiles: the first and third by nearest
    rank (⌈n/4⌉, ⌈3n/4⌉), the median as the mean of the middle two (the middle one twice)."""
    return (-(-total // 4), (total + 1) // 2, (total + 2) // 2, -(-3 * total // 4))


def _spreads(days, sums, keys: dict[str, set[str]]) -> dict[tuple[str, str], Spread]:
    """The quartiles of each series ``keys`` names, by (bucket metric, key). The buckets'
    counts say which bucket holds each rank and the rank there; one query reads those
    buckets' exact times."""
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
            wanted[(metric, key)] = [_locate(buckets, rank, key) for rank in quartile_ranks(total)]
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
        if n > 0:
            times[(metric, key)].append((number, n))
    spreads = {}
    for (metric, key), places in wanted.items():
        values = [_value_at(times[(exact_metric[metric], exact_key)], rank) for exact_key, rank in places]
        if None not in values:
            first, low, high, third = (v / 1_000_000 for v in values)
            spreads[(metric, key)] = Spread(first=first, median=(low + high) / 2, third=third)
    return spreads


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
    return None
