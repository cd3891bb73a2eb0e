"""Double clicks, two tabs and many quizzes at once, with real threads and connections.

They run on both databases: on PostgreSQL row locks serialise an attempt's writers; on the
embedded SQLite default, BEGIN IMMEDIATE transactions queue every writer behind the
busy timeout. Either way nothing is lost or stored twice."""

import random
import threading

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from quiz import tallies
from quiz.models import Answer, Attempt, Result
from quiz.services import answer_save, attempt_complete, attempt_start
from tests.editor.test_tallies import stored_tallies
from tests.factories import answer_everything, make_competency, make_question, make_quiz, make_role, step_url

pytestmark = [
    # The step-by-step mechanics, on questions named by slug: every question asked in order.
    pytest.mark.usefixtures("linear_quiz"),
    pytest.mark.django_db(transaction=True),
]


def run_at_once(*calls):
    """Runs the calls in threads released together; returns their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)
    errors = []

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return results


def test_the_same_step_submitted_twice_at_once_keeps_one_answer(started):
    client, attempt = started
    question = attempt.quiz.active_questions().get(slug="unused-feature")
    a, b = question.options.get(slug="keep-or-remove"), question.options.get(slug="call-users")
    url = step_url(attempt, question.slug)
    for _ in range(5):
        responses = run_at_once(
            lambda: client.post(url, {"answer": a.pk}), lambda: client.post(url, {"answer": b.pk})
        )
        assert [r.status_code for r in responses] == [302, 302]
        answers = Answer.objects.filter(attempt=attempt, question=question)
        assert answers.count() == 1
        chosen = list(answers.get().options.all())
        assert chosen in ([a], [b])


def test_two_tabs_keep_the_later_choice(started):
    client, attempt = started
    question = attempt.quiz.active_questions().get(slug="done-recently")
    url = step_url(attempt, question.slug)
    first, second = question.options.get(slug="pm-certificate"), question.options.get(slug="led-initiative")
    client.post(url, {"answer": [first.pk]})
    client.post(url, {"answer": [second.pk]})
    assert list(Answer.objects.get(attempt=attempt, question=question).options.all()) == [second]


def test_completing_an_attempt_twice_at_once_creates_one_result(started):
    client, attempt = started
    answer_everything(attempt)
    url = reverse("quiz:finish", args=[attempt.uuid])
    responses = run_at_once(lambda: client.post(url), lambda: client.post(url), lambda: client.post(url))
    assert Result.objects.count() == 1
    assert {r["Location"] for r in responses} == {Result.objects.get().get_absolute_url()}


def test_many_concurrent_quizzes_keep_exactly_their_own_answers(db):
    skill = make_competency("concurrency-skill")
    quiz = make_quiz("small-quiz")
    questions = [
        make_question(quiz, slug=f"q{i}", options=[(f"o{j}", f"Option {j}", {skill: j}) for j in range(5)])
        for i in range(3)
    ]
    options = {q.slug: list(q.options.values_list("pk", flat=True)) for q in questions}
    threads, quizzes_per_thread = 20, 50
    given: dict[str, dict[str, int]] = {}
    lock = threading.Lock()

    def client_run(seed):
        rnd = random.Random(seed)
        close_old_connections()
        for _ in range(quizzes_per_thread):
            client = Client(raise_request_exception=False)
            response = client.post(reverse("quiz:start", args=[quiz.slug]))
            assert response.status_code == 302, response.status_code
            attempt_uuid = response["Location"].split("/")[2]
            mine = {}
            for q in questions:
                choice = rnd.choice(options[q.slug])
                url = reverse("quiz:question", args=[attempt_uuid, q.slug])
                answered = client.post(url, {"answer": choice})
                assert answered.status_code == 302, answered.status_code
                mine[q.slug] = choice
            with lock:
                given[attempt_uuid] = mine
        return True

    assert all(run_at_once(*[lambda s=seed: client_run(s) for seed in range(threads)]))
    assert len(given) == threads * quizzes_per_thread == Attempt.objects.count()
    stored: dict[str, dict[str, int]] = {}
    for answer in Answer.objects.select_related("attempt", "question").prefetch_related("options"):
        chosen = [o.pk for o in answer.options.all()]
        assert len(chosen) == 1
        stored.setdefault(str(answer.attempt.uuid), {})[answer.question.slug] = chosen[0]
    assert stored == given


def test_two_analytics_rollups_at_once_while_people_answer_count_every_attempt_once():
    skill = make_competency("tally-skill")
    make_role("tally-role", profile={skill: (2, 3)})
    quiz = make_quiz("at-once")
    questions = [
        make_question(quiz, slug=f"q{i}", order=i, options=[("a", "A", {skill: 1}), ("b", "B", {skill: 3})])
        for i in range(3)
    ]
    attempts = [attempt_start(quiz=quiz, owner_key=f"o{i}") for i in range(6)]

    def person(attempt, finish):
        for question in [*questions, questions[0]]:  # and a change of mind
            answer_save(attempt=attempt, question=question, options=[question.options.order_by("?").first()])
        if finish:
            attempt_complete(attempt=attempt)

    def rollup():
        return tallies.rollup([quiz.pk], chunk=2)

    run_at_once(rollup, rollup, *[lambda a=a, i=i: person(a, i % 2 == 0) for i, a in enumerate(attempts)])
    run_at_once(rollup, rollup)
    kept = stored_tallies(quiz)
    tallies.rebuild([quiz.pk])
    assert stored_tallies(quiz) == kept
    assert ("answers", 4 - 1) in {(metric, number) for _, metric, _, number, _ in kept}
