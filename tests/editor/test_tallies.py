"""The analytics read daily tallies kept as attempts change: their figures are those of
every row counted one by one (the reference below), however the attempts got there."""

import io
import random
import statistics
from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from editor.analytics import Analytics, quiz_analytics
from quiz import tallies
from quiz.models import Answer, Attempt, Quiz, Result, Tally
from quiz.services import AttemptClosed, answer_save, attempt_complete, attempt_start
from tests.factories import make_attempt, make_competency, make_question, make_quiz, make_role


def counted_one_by_one(quiz: Quiz, first, last) -> Analytics:
    """The figures from every attempt, answer and result, in Python: what the page showed
    when it read the rows (its definitions, spelled out)."""
    attempts = [
        a
        for a in Attempt.objects.filter(quiz=quiz, is_preview=False)
        if first <= tallies.local_day(a.started_at) <= last
    ]
    answers = {a.pk: sorted(a.answers.all(), key=lambda x: (x.answered_at, x.pk)) for a in attempts}
    results = list(Result.objects.filter(attempt__in=attempts))
    questions = list(quiz.questions.order_by("order", "pk"))
    active = [q for q in questions if q.active]
    started = len(attempts)

    drop_off = _drop_off(attempts, answers, active, started)

    def median(times):
        if not times:
            return None
        times = sorted(times)
        return (times[(len(times) + 1) // 2 - 1] + times[(len(times) + 2) // 2 - 1]) / 2 / 1_000_000

    per_question: dict[int, list[int]] = {}
    for a in attempts:
        before = a.started_at
        for x in answers[a.pk]:
            per_question.setdefault(x.question_id, []).append(tallies.microseconds(x.answered_at - before))
            before = x.answered_at

    by_count = Counter(len(answers[a.pk]) for a in attempts)
    unfinished = Counter(len(answers[a.pk]) for a in attempts if a.completed_at is None)
    by_position = []
    for position in range(1, max(by_count, default=0) + 2):
        views = sum(c for n, c in by_count.items() if n >= position - 1)
        if views:
            exits = unfinished[position - 1]
            by_position.append(
                {"position": position, "views": views, "exits": exits, "rate": 100 * exits / views}
            )

    asked, changed = Counter(), Counter()
    for result in results:
        leader = None
        for step in (result.snapshot.get("adaptive") or {}).get("steps") or []:
            asked[step["question"]] += 1
            if leader is not None and step["leader"] != leader:
                changed[step["question"]] += 1
            leader = step["leader"]
    texts = {q.slug: q.text for q in questions}
    completed = Counter(tallies.local_day(a.completed_at) for a in attempts if a.completed_at)
    return Analytics(
        started_per_day=sorted(Counter(tallies.local_day(a.started_at) for a in attempts).items()),
        completed_per_day=sorted(completed.items()),
        started=started,
        completed=sum(completed.values()),
        drop_off=[] if quiz.adaptive else drop_off,
        roles=sorted(Counter(r.recommended_role_slug for r in results).items(), key=lambda r: (-r[1], r[0])),
        median_quiz_seconds=median(
            [tallies.microseconds(a.completed_at - a.started_at) for a in attempts if a.completed_at]
        ),
        median_question_seconds=[
            {"position": p, "text": q.text, "seconds": median(per_question.get(q.pk, []))}
            for p, q in enumerate(active, 1)
        ],
        drop_off_by_position=by_position,
        adaptive_questions=[
            {"text": texts.get(slug, slug), "asked": n, "changed": changed[slug]}
            for slug, n in sorted(asked.items(), key=lambda item: (-item[1], item[0]))
        ],
    )


def _drop_off(attempts, answers, active, started):
    answered = Counter(x.question_id for a in attempts for x in answers[a.pk])
    furthest = Counter(
        max((x.question.order for x in answers[a.pk]), default=None)
        for a in attempts
        if a.completed_at is None
    )
    drop_off, previous = [], None
    for position, q in enumerate(active, 1):
        views = started if previous is None else answered[previous.pk]
        exits = furthest[None if previous is None else previous.order]
        drop_off.append(
            {
                "position": position,
                "text": q.text,
                "views": views,
                "exits": exits,
                "rate": 100 * exits / views if views else 0.0,
            }
        )
        previous = q
    return drop_off


def stored_tallies(quiz):
    """The quiz's counts (a count that fell to zero may stay as a zero row: it counts nothing)."""
    return sorted(
        Tally.objects.filter(quiz=quiz)
        .exclude(count=0)
        .values_list("day", "metric", "key", "number", "count")
    )


@pytest.fixture
def four_questions(db):
    skill = make_competency("skill")
    make_role("junior", profile={skill: (1, 3)})
    make_role("senior", profile={skill: (4, 3)})
    quiz = make_quiz("four")
    questions = [
        make_question(
            quiz, slug=f"q{i}", order=i, options=[("low", "Low", {skill: 0}), ("high", "High", {skill: 4})]
        )
        for i in range(4)
    ]
    return quiz, questions


def test_tallies_kept_by_every_change_count_what_the_rows_say(four_questions):
    quiz, questions = four_questions
    rng = random.Random(7)
    today = timezone.localdate()
    now = timezone.now()
    for i in range(60):
        if i % 3:
            attempt = make_attempt(
                quiz,
                f"o{i}",
                started_at=now - timedelta(days=rng.randrange(4), seconds=rng.randrange(80_000)),
            )
        else:
            attempt = attempt_start(quiz=quiz, owner_key=f"o{i}", is_preview=i % 15 == 0)
        asked = rng.sample(questions, rng.randrange(5))  # any order: people go back
        for question in asked + rng.sample(asked, len(asked) // 2):  # and change answers
            answer_save(attempt=attempt, question=question, options=[question.options.order_by("?").first()])
        if len(asked) == 4 and rng.random() < 0.6:
            attempt_complete(attempt=attempt)
    # An editor reorders the questions and deactivates one: the figures follow, as the rows' do.
    questions[3].order, questions[0].order = 0, 9
    for q in (questions[0], questions[3]):
        q.save(update_fields=["order"])
    questions[1].active = False
    questions[1].save(update_fields=["active"])

    for first, last in (
        (today - timedelta(days=3), today),
        (today - timedelta(days=1), today),
        (today, today),
    ):
        assert quiz_analytics(quiz, first, last) == counted_one_by_one(quiz, first, last), (first, last)
    data = quiz_analytics(quiz, today - timedelta(days=3), today)
    assert data.started > 40 and 0 < data.completed < data.started and len(data.started_per_day) == 4
    # Recounting from the rows gives the very tallies the changes kept.
    kept = stored_tallies(quiz)
    tallies.rebuild([quiz.pk])
    assert stored_tallies(quiz) == kept
    assert all(count > 0 for *_, count in kept)


def test_medians_are_exact_across_buckets_ties_and_days(four_questions):
    quiz, questions = four_questions
    rng = random.Random(11)
    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=3)
    times = []
    for i in range(400):
        started = midnight + timedelta(days=i % 3, seconds=rng.randrange(40_000))
        attempt = Attempt.objects.create(quiz=quiz, owner_key=f"o{i}", started_at=started)
        # Times spread over many buckets, with ties, and some answered before the start.
        seconds = rng.choice([rng.uniform(-5, 5), rng.uniform(0, 600), 30.0, 30.000001])
        answered = started + timedelta(seconds=seconds)
        Answer.objects.create(attempt=attempt, question=questions[0], answered_at=answered)
        times.append(tallies.microseconds(answered - started))
        if i % 2:
            Attempt.objects.filter(pk=attempt.pk).update(
                completed_at=answered + timedelta(microseconds=rng.randrange(10**9))
            )
    tallies.rebuild([quiz.pk])
    first, last = midnight.date(), midnight.date() + timedelta(days=2)
    data = quiz_analytics(quiz, first, last)
    assert data == counted_one_by_one(quiz, first, last)
    assert data.median_question_seconds[0]["seconds"] == statistics.median(times) / 1_000_000
    assert len({tallies.bucket(t) for t in times}) > 50
    one_day = quiz_analytics(quiz, first, first)
    assert one_day == counted_one_by_one(quiz, first, first) and one_day.started == 134


def test_buckets_never_get_smaller_for_longer_times_and_stay_narrow():
    rng = random.Random(3)
    values = sorted({0, 1, 63, 64, 65, -1, -64, *(rng.randrange(-(10**12), 10**12) for _ in range(20_000))})
    buckets = [tallies.bucket(v) for v in values]
    assert buckets == sorted(buckets)
    lows: dict[int, int] = {}
    for value, number in zip(values, buckets, strict=True):
        lows.setdefault(number, value)
        assert value - lows[number] <= max(abs(lows[number]), 64) / 32  # each bucket at most ~3 % wide


def test_a_refused_answer_counts_nothing(four_questions):
    quiz, questions = four_questions
    attempt = attempt_start(quiz=quiz, owner_key="o")
    for question in questions:
        answer_save(attempt=attempt, question=question, options=[question.options.first()])
    attempt_complete(attempt=attempt)
    kept = stored_tallies(quiz)
    with pytest.raises(AttemptClosed):
        answer_save(attempt=attempt, question=questions[0], options=[questions[0].options.last()])
    assert stored_tallies(quiz) == kept
    today = timezone.localdate()
    assert quiz_analytics(quiz, today, today).roles == [("junior", 1)]


def test_previews_count_for_nothing(four_questions):
    quiz, questions = four_questions
    attempt = attempt_start(quiz=quiz, owner_key="staff", is_preview=True)
    for question in questions:
        answer_save(attempt=attempt, question=question, options=[question.options.first()])
    attempt_complete(attempt=attempt)
    assert stored_tallies(quiz) == []


def test_the_analytics_count_whole_days():
    from editor.analytics import whole_days

    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    assert whole_days(midnight, midnight + timedelta(days=2)) == (
        midnight.date(),
        midnight.date() + timedelta(days=1),
    )
    with pytest.raises(ValueError, match="whole days"):
        whole_days(midnight + timedelta(hours=1), midnight + timedelta(days=1))


def test_rebuild_tallies_counts_attempts_written_around_the_services(four_questions):
    quiz, questions = four_questions
    attempt = Attempt.objects.create(quiz=quiz, owner_key="loaded")  # a bulk load, say
    Answer.objects.create(attempt=attempt, question=questions[0])
    today = timezone.localdate()
    assert stored_tallies(quiz) == [] and quiz_analytics(quiz, today, today).started == 0
    out = io.StringIO()
    call_command("rebuild_tallies", "--quiz", quiz.slug, stdout=out)
    assert out.getvalue() == "four: recounted\n"
    data = quiz_analytics(quiz, today, today)
    assert data == counted_one_by_one(quiz, today, today) and data.started == 1
    with pytest.raises(CommandError, match='unknown quiz "nope"'):
        call_command("rebuild_tallies", "--quiz", "nope")
