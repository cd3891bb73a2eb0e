"""Analytics from aggregate queries, checked on known numbers and on 100,000 attempts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quiz.analytics import quiz_analytics
from quiz.models import Answer, Attempt, Result
from roles.models import Competency
from tests.factories import make_question, make_quiz


@pytest.fixture
def small_quiz(db):
    skill = Competency.objects.create(slug="s", name="S", kind="skill", description="d")
    quiz = make_quiz("three")
    questions = [
        make_question(quiz, slug=f"q{i}", order=i, options=[("a", "A", {skill: 1})]) for i in range(3)
    ]
    return quiz, questions


def make_attempts(quiz, questions, count, *, answered, completed_share, start):
    """count attempts; the first answered[i] of them answered question i; the last
    completed_share of the ones that answered all are completed with a result."""
    attempts = Attempt.objects.bulk_create(
        [
            Attempt(quiz=quiz, owner_key=f"o{i}", started_at=start + timedelta(days=i % 3, seconds=i % 3600))
            for i in range(count)
        ],
        batch_size=5000,
    )
    answers = []
    for index, question in enumerate(questions):
        for attempt in attempts[: answered[index]]:
            answers.append(
                Answer(
                    attempt=attempt,
                    question=question,
                    answered_at=attempt.started_at + timedelta(seconds=10 * (index + 1)),
                )
            )
    Answer.objects.bulk_create(answers, batch_size=5000)
    done = attempts[: int(answered[-1] * completed_share)]
    for attempt in done:
        attempt.completed_at = attempt.started_at + timedelta(seconds=60)
    Attempt.objects.bulk_update(done, ["completed_at"], batch_size=5000)
    Result.objects.bulk_create(
        [
            Result(
                attempt=a,
                engine_version="1.0",
                recommended_role_slug="product-manager" if i % 4 else "cpo",
                match=80,
                snapshot={},
            )
            for i, a in enumerate(done)
        ],
        batch_size=5000,
    )
    # answered_at is auto_now on save; bulk_create keeps the given times.
    return attempts


def test_the_numbers_are_right(small_quiz):
    quiz, questions = small_quiz
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
    make_attempts(quiz, questions, 100, answered=[80, 60, 40], completed_share=1.0, start=start)
    Attempt.objects.create(quiz=quiz, owner_key="staff", is_preview=True, started_at=start)
    data = quiz_analytics(quiz, start, start + timedelta(days=10))
    assert data.started == 100 and data.completed == 40
    assert data.completion_rate == 40.0
    assert sum(n for _, n in data.started_per_day) == 100 and len(data.started_per_day) == 3
    # Views: 100 see q0, 80 see q1, 60 see q2. Exits: 20 left at q0, 20 at q1, 20 at q2.
    assert [(q["views"], q["exits"]) for q in data.drop_off] == [(100, 20), (80, 20), (60, 20)]
    assert [round(q["rate"], 1) for q in data.drop_off] == [20.0, 25.0, 33.3]
    assert data.roles == [("product-manager", 30), ("cpo", 10)]
    assert data.median_quiz_seconds == pytest.approx(60.0)
    # Each answer comes 10 s after the previous one (the first 10 s after the start).
    assert [q["seconds"] for q in data.median_question_seconds] == [pytest.approx(10.0, abs=0.01)] * 3


def test_the_analytics_page_over_100000_attempts_needs_a_bounded_number_of_queries(
    small_quiz, admin_client, django_assert_max_num_queries
):
    quiz, questions = small_quiz
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
    make_attempts(
        quiz, questions, 100_000, answered=[100_000, 50_000, 20_000], completed_share=0.5, start=start
    )
    url = reverse("admin:bank_analytics") + f"?quiz={quiz.slug}"
    with django_assert_max_num_queries(25):
        response = admin_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "100000 attempts started, 10000 completed" in html, html[
        html.find("attempts started") - 200 : html.find("attempts started") + 200
    ]
    assert "<svg" in html and "Drop-off per question" in html
