"""The analytics rollup: its figures are those of every row counted one by one (the
reference below), however the attempts got there; it counts only what changed since its
last run, twice changes nothing, and a job seeker's answer writes no shared row."""

import io
import random
import statistics
from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from editor.analytics import (
    Analytics,
    OptionFigures,
    QuestionFigures,
    Spread,
    counted_until,
    cramers_v,
    quartile_ranks,
    quiz_analytics,
)
from quiz import tallies
from quiz.models import Answer, Attempt, CountedAttempt, Option, Quiz, Result, Tally
from quiz.services import AttemptClosed, answer_save, attempt_complete, attempt_start
from tests.factories import make_competency, make_question, make_quiz, make_role


def _spread(times: list[int]) -> Spread | None:
    if not times:
        return None
    times = sorted(times)
    first, low, high, third = (times[rank - 1] / 1_000_000 for rank in quartile_ranks(len(times)))
    return Spread(first=first, median=(low + high) / 2, third=third)


def _agreement(question, given, results) -> dict[str, float]:
    """Pearson's r between the chosen option's score and the completed result's level (in
    tenths), per competency the question's options score, over the answers' pairs."""
    pairs: dict[str, list[tuple[int, int]]] = {}
    for x in given:
        if x.attempt_id not in results:
            continue
        levels = {row["competency"]: row["user"] for row in results[x.attempt_id].snapshot.get("profile", [])}
        for option in x.options.all():
            for score in option.scores.select_related("competency"):
                level = levels.get(score.competency.slug)
                if level is not None:
                    pairs.setdefault(score.competency.slug, []).append((score.value, round(level * 10)))
    agreement = {}
    for slug, xy in pairs.items():
        xs, ys = zip(*xy, strict=True)
        if len(xy) >= 3 and len(set(xs)) > 1 and len(set(ys)) > 1:
            agreement[slug] = round(statistics.correlation(xs, ys), 9)
    return agreement


def _question_figures(questions, attempts, answers, results, unfinished, times, roles):
    figures, position = [], 0
    for q in questions:
        given = [x for a in attempts for x in answers[a.pk] if x.question_id == q.pk]
        if not q.active and not given:
            continue
        position += q.active
        # Rows of the item: each option (or scale value) with the answers and the
        # completed results' roles that chose it.
        if q.kind == "scale":
            values = sorted({x.scale_value for x in given if x.scale_value is not None})
            rows = [(str(v), False, [x for x in given if x.scale_value == v]) for v in values]
        else:
            rows = [
                (o.label, o.not_applicable, [x for x in given if o in x.options.all()])
                for o in q.options.order_by("order", "pk")
            ]
        options, table = [], []
        for label, not_applicable, chose in rows:
            by_role = Counter(
                results[x.attempt_id].recommended_role_slug for x in chose if x.attempt_id in results
            )
            table.append(by_role)
            top = min(by_role.items(), key=lambda item: (-item[1], item[0]), default=None)
            top_share = 100 * top[1] / sum(by_role.values()) if top else None
            options.append(
                OptionFigures(
                    label=label,
                    not_applicable=not_applicable,
                    chosen=len(chose),
                    share=100 * len(chose) / len(given) if given else None,
                    top_role=top[0] if top else None,
                    top_share=top_share,
                    lift=top_share / (100 * roles[top[0]] / len(results)) if top else None,
                )
            )
        asked = changed = 0
        for result in results.values():
            leader = None
            for step in (result.snapshot.get("adaptive") or {}).get("steps") or []:
                if step["question"] == q.slug:
                    asked += 1
                    changed += leader is not None and step["leader"] != leader
                leader = step["leader"]
        figures.append(
            QuestionFigures(
                agreement=_agreement(q, given, results),
                pk=q.pk,
                slug=q.slug,
                text=q.text,
                kind=q.kind,
                active=q.active,
                position=position if q.active else None,
                answered=len(given),
                left_after=sum(
                    1 for a in unfinished if answers[a.pk] and answers[a.pk][-1].question_id == q.pk
                ),
                not_applicable=sum(o.chosen for o in options if o.not_applicable),
                time=_spread(times.get(q.pk, [])),
                separation=cramers_v(table),
                asked=asked,
                changed=changed,
                options=options,
            )
        )
    return figures


def counted_one_by_one(quiz: Quiz, first, last) -> Analytics:
    """The figures from every attempt, answer and result, in Python: the definitions,
    spelled out over the rows."""
    attempts = [
        a
        for a in Attempt.objects.filter(quiz=quiz, is_preview=False)
        if first <= tallies.local_day(a.started_at) <= last
    ]
    answers = {
        a.pk: sorted(a.answers.prefetch_related("options"), key=lambda x: (x.answered_at, x.pk))
        for a in attempts
    }
    results = {r.attempt_id: r for r in Result.objects.filter(attempt__in=attempts)}
    questions = list(quiz.questions.order_by("order", "pk"))
    active = [q for q in questions if q.active]
    unfinished = [a for a in attempts if a.completed_at is None]
    roles = Counter(r.recommended_role_slug for r in results.values())

    times: dict[int, list[int]] = {}
    for a in attempts:
        before = a.started_at
        for x in answers[a.pk]:
            times.setdefault(x.question_id, []).append(tallies.microseconds(x.answered_at - before))
            before = x.answered_at

    figures = _question_figures(questions, attempts, answers, results, unfinished, times, roles)

    by_count = Counter(len(answers[a.pk]) for a in attempts)
    left_with = Counter(len(answers[a.pk]) for a in unfinished)
    by_position = []
    for p in range(1, len(active) + 1):
        views = sum(c for n, c in by_count.items() if n >= p - 1)
        if views:
            by_position.append(
                {
                    "position": p,
                    "views": views,
                    "exits": left_with[p - 1],
                    "rate": 100 * left_with[p - 1] / views,
                }
            )
    completed = Counter(tallies.local_day(a.completed_at) for a in attempts if a.completed_at)
    snapshots = [r.snapshot for r in results.values()]
    flows = Counter(
        ((s.get("current_role") or ""), r.recommended_role_slug)
        for s, r in zip(snapshots, results.values(), strict=True)
    )
    return Analytics(
        started_per_day=sorted(Counter(tallies.local_day(a.started_at) for a in attempts).items()),
        completed_per_day=sorted(completed.items()),
        started=len(attempts),
        completed=sum(completed.values()),
        results=len(results),
        questions=figures,
        left_before_answering=left_with[0],
        left_after_every_question=sum(n for k, n in left_with.items() if k >= len(active) > 0),
        drop_off_by_position=by_position,
        roles=sorted(roles.items(), key=lambda r: (-r[1], r[0])),
        flows=sorted(((c, r, n) for (c, r), n in flows.items()), key=lambda f: (-f[2], f[0], f[1])),
        confidence=dict(Counter(s["confidence"]["level"] for s in snapshots if s.get("confidence"))),
        close_calls=sum(
            1 for s in snapshots if "close_call" in (s.get("confidence") or {}).get("reasons", [])
        ),
        quiz_time=_spread(
            [tallies.microseconds(a.completed_at - a.started_at) for a in attempts if a.completed_at]
        ),
        counted_until=counted_until(quiz),
    )


def stored_tallies(quiz):
    """The quiz's counts (a count that fell to zero may stay as a zero row: it counts nothing)."""
    return sorted(
        Tally.objects.filter(quiz=quiz)
        .exclude(count=0)
        .values_list("day", "metric", "key", "number", "count")
    )


@pytest.fixture
def four_questions(db):
    """Three single-choice questions (one option "not applicable"), a scale question and
    the current-role question."""
    skill = make_competency("skill")
    junior = make_role("junior", profile={skill: (1, 3)})
    senior = make_role("senior", profile={skill: (4, 3)})
    quiz = make_quiz("four")
    questions = [
        make_question(
            quiz,
            slug=f"q{i}",
            order=i,
            options=[("low", "Low", {skill: 0}), ("high", "High", {skill: 4}), ("na", "Not yet", {})],
        )
        for i in range(3)
    ]
    Option.objects.filter(slug="na").update(not_applicable=True)
    questions.append(make_question(quiz, slug="q3", kind="scale", order=3))
    current = make_question(
        quiz,
        slug="current",
        order=4,
        is_current_role=True,
        options=[("j", "Junior", {}), ("s", "Senior", {})],
    )
    Option.objects.filter(question=current, slug="j").update(role=junior)
    Option.objects.filter(question=current, slug="s").update(role=senior)
    return quiz, [*questions, current]


def answer(attempt, question, rng):
    if question.kind == "scale":
        answer_save(attempt=attempt, question=question, scale_value=rng.randint(1, 5))
    else:
        answer_save(attempt=attempt, question=question, options=[rng.choice(list(question.options.all()))])


def people(quiz, questions, rng, count, *, prefix="o", days=4):
    """``count`` attempts, some previews, answering in any order, changing their minds, and
    some finishing."""
    now = timezone.now()
    for i in range(count):
        attempt = attempt_start(quiz=quiz, owner_key=f"{prefix}{i}", is_preview=i % 9 == 0)
        Attempt.objects.filter(pk=attempt.pk).update(
            started_at=now - timedelta(days=rng.randrange(days), seconds=rng.randrange(80_000))
        )
        asked = rng.sample(questions, rng.randrange(len(questions) + 1))
        for question in asked + rng.sample(asked, len(asked) // 2):
            answer(attempt, question, rng)
        if len(asked) == len(questions) and rng.random() < 0.7:
            attempt_complete(attempt=attempt)


def assert_figures_are_the_rows(quiz):
    today = timezone.localdate()
    for first, last in (
        (today - timedelta(days=3), today),
        (today - timedelta(days=1), today),
        (today, today),
    ):
        assert quiz_analytics(quiz, first, last) == counted_one_by_one(quiz, first, last), (first, last)


def test_the_rollup_counts_what_the_rows_say(four_questions):
    quiz, questions = four_questions
    people(quiz, questions, random.Random(7), 70)
    # An editor reorders the questions and deactivates one: the figures follow, as the rows' do.
    questions[3].order, questions[0].order = 0, 9
    for q in (questions[0], questions[3]):
        q.save(update_fields=["order"])
    questions[1].active = False
    questions[1].save(update_fields=["active"])
    tallies.rollup([quiz.pk])

    assert_figures_are_the_rows(quiz)
    today = timezone.localdate()
    data = quiz_analytics(quiz, today - timedelta(days=3), today)
    # The data exercises every figure.
    assert data.started > 40 and 0 < data.completed < data.started and len(data.started_per_day) == 4
    assert data.results == data.completed and data.confidence and data.flows[0][0] in {"junior", "senior"}
    q0 = next(q for q in data.questions if q.slug == "q0")
    assert q0.not_applicable > 0 and q0.separation is not None and q0.left_after > 0
    assert set(q0.agreement) == {"skill"} and -1 <= q0.agreement["skill"] <= 1
    assert [o.label for o in next(q for q in data.questions if q.slug == "q3").options] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    # Counting everything again from nothing gives the very same tallies.
    kept = stored_tallies(quiz)
    tallies.rebuild([quiz.pk])
    assert stored_tallies(quiz) == kept


def test_the_rollup_counts_only_what_changed_and_twice_changes_nothing(four_questions, monkeypatch):
    quiz, questions = four_questions
    rng = random.Random(5)
    people(quiz, questions, rng, 30)
    real = Attempt.objects.filter(quiz=quiz, is_preview=False).count()
    assert tallies.rollup([quiz.pk]) == real
    kept = stored_tallies(quiz)
    assert tallies.rollup([quiz.pk]) == real  # within the look-back: looked at again…
    assert stored_tallies(quiz) == kept  # …and nothing counted twice

    # Without the look-back, a run looks only at what changed since the last one began.
    monkeypatch.setattr(tallies, "LOOKBACK", timedelta(0))
    assert tallies.rollup([quiz.pk]) == 0
    open_ones = list(Attempt.objects.filter(quiz=quiz, is_preview=False, completed_at__isnull=True)[:4])
    for attempt in open_ones:
        for question in questions:
            answer(attempt, question, rng)
    attempt_complete(attempt=open_ones[0])
    people(quiz, questions, rng, 5, prefix="late")  # the first of them a preview
    assert tallies.rollup([quiz.pk]) == len(open_ones) + 4
    assert_figures_are_the_rows(quiz)
    kept = stored_tallies(quiz)
    tallies.rebuild([quiz.pk])
    assert stored_tallies(quiz) == kept


def test_a_change_committed_after_a_run_began_is_counted_by_the_next(four_questions):
    quiz, questions = four_questions
    attempt = attempt_start(quiz=quiz, owner_key="o")
    tallies.rollup([quiz.pk])
    # An answer whose transaction began (and stamped the attempt) before the run's start,
    # but committed after the run had read the attempt.
    answer(attempt, questions[0], random.Random(1))
    until = counted_until(quiz)
    Attempt.objects.filter(pk=attempt.pk).update(updated_at=until - tallies.LOOKBACK / 2)
    tallies.rollup([quiz.pk])
    assert_figures_are_the_rows(quiz)
    assert quiz_analytics(quiz, timezone.localdate(), timezone.localdate()).questions[0].answered == 1


def test_answering_writes_no_shared_row_the_figures_wait_for_the_rollup(four_questions):
    quiz, questions = four_questions
    attempt = attempt_start(quiz=quiz, owner_key="o")
    for question in questions:
        answer(attempt, question, random.Random(2))
    attempt_complete(attempt=attempt)
    assert not Tally.objects.exists() and not CountedAttempt.objects.exists()
    today = timezone.localdate()
    assert quiz_analytics(quiz, today, today).started == 0 and counted_until(quiz) is None
    out = io.StringIO()
    call_command("rollup_analytics", stdout=out)
    assert out.getvalue() == "four: 1 attempts counted\n"
    data = quiz_analytics(quiz, today, today)
    assert data.started == data.completed == 1 and data.counted_until is not None


def test_a_refused_answer_counts_nothing(four_questions):
    quiz, questions = four_questions
    attempt = attempt_start(quiz=quiz, owner_key="o")
    for question in questions:
        answer(attempt, question, random.Random(4))
    attempt_complete(attempt=attempt)
    tallies.rollup([quiz.pk])
    kept = stored_tallies(quiz)
    with pytest.raises(AttemptClosed):
        answer_save(attempt=attempt, question=questions[0], options=[questions[0].options.last()])
    tallies.rollup([quiz.pk])
    assert stored_tallies(quiz) == kept


def test_previews_count_for_nothing(four_questions):
    quiz, questions = four_questions
    attempt = attempt_start(quiz=quiz, owner_key="staff", is_preview=True)
    for question in questions:
        answer(attempt, question, random.Random(3))
    attempt_complete(attempt=attempt)
    tallies.rollup([quiz.pk])
    assert stored_tallies(quiz) == []


def test_quartiles_are_exact_across_buckets_ties_and_days(four_questions):
    quiz, questions = four_questions
    rng = random.Random(11)
    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=3)
    times = []
    for i in range(401):
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
    tallies.rollup([quiz.pk])
    first, last = midnight.date(), midnight.date() + timedelta(days=2)
    data = quiz_analytics(quiz, first, last)
    assert data == counted_one_by_one(quiz, first, last)
    spread = data.questions[0].time
    assert spread.median == statistics.median(times) / 1_000_000
    assert spread.first <= spread.median <= spread.third and len({tallies.bucket(t) for t in times}) > 50
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


def test_cramers_v_on_known_tables():
    # An answer that decides the role, one that says nothing about it, and one in between
    # (χ² = 100 · (0.4²/0.25 + 0.1²/0.25 + 0.1²/0.25 + 0.4²/0.25 − 1) = 36, V = √(36/100)).
    assert cramers_v([Counter(a=10), Counter(b=10)]) == 1.0
    assert cramers_v([Counter(a=5, b=5), Counter(a=5, b=5)]) == 0.0
    assert cramers_v([Counter(a=40, b=10), Counter(a=10, b=40)]) == pytest.approx(0.6)
    assert cramers_v([Counter(a=3), Counter(a=4)]) is None  # one role: nothing to separate


def test_the_analytics_count_whole_days():
    from editor.analytics import whole_days

    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    assert whole_days(midnight, midnight + timedelta(days=2)) == (
        midnight.date(),
        midnight.date() + timedelta(days=1),
    )
    with pytest.raises(ValueError, match="whole days"):
        whole_days(midnight + timedelta(hours=1), midnight + timedelta(days=1))


def test_a_full_recount_forgets_deleted_attempts(four_questions):
    quiz, questions = four_questions
    people(quiz, questions, random.Random(9), 12)
    tallies.rollup([quiz.pk])
    Attempt.objects.filter(quiz=quiz, completed_at__isnull=False).delete()  # a retention purge, say
    out = io.StringIO()
    call_command("rollup_analytics", "--full", "--quiz", quiz.slug, stdout=out)
    assert out.getvalue().startswith("four: ")
    assert_figures_are_the_rows(quiz)
    today = timezone.localdate()
    assert quiz_analytics(quiz, today - timedelta(days=3), today).completed == 0
    with pytest.raises(CommandError, match='unknown quiz "nope"'):
        call_command("rollup_analytics", "--quiz", "nope")
