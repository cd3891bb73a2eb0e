"""Analytics from the daily tallies, checked on known numbers; the page's queries do not
grow with the attempts (its time over 100,000 and more is `make bench-analytics`)."""

import itertools
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editor.analytics import quiz_analytics
from quiz import tallies
from quiz.bank import load_bank
from quiz.engine import adaptive
from quiz.models import Attempt, Result
from roles.models import Competency
from tests.editor.test_tallies import stored_tallies
from tests.factories import make_attempts, make_question, make_quiz, step_url, typical_answers
from tests.quiz.test_adaptive import take


@pytest.fixture
def small_quiz(db):
    skill = Competency.objects.create(slug="s", name="S", kind="skill", description="d")
    quiz = make_quiz("three")
    questions = [
        make_question(quiz, slug=f"q{i}", order=i, options=[("a", "A", {skill: 1})]) for i in range(3)
    ]
    return quiz, questions


def test_the_numbers_are_right(small_quiz):
    quiz, questions = small_quiz
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
    make_attempts(quiz, questions, 100, answered=[80, 60, 40], completed_share=1.0, start=start)
    Attempt.objects.create(quiz=quiz, owner_key="staff", is_preview=True, started_at=start)
    data = quiz_analytics(quiz, start.date(), start.date() + timedelta(days=9))
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


def _analytics_page(admin_client, quiz, questions, count):
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
    Attempt.objects.filter(quiz=quiz).delete()
    make_attempts(
        quiz, questions, count, answered=[count, count // 2, count // 5], completed_share=0.5, start=start
    )
    url = reverse("admin:bank_analytics") + f"?quiz={quiz.slug}"
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_analytics_page_needs_the_same_few_queries_for_any_number_of_attempts(small_quiz, admin_client):
    quiz, questions = small_quiz
    _analytics_page(admin_client, quiz, questions, 1)  # the bank's health, cached per bank version
    _, few = _analytics_page(admin_client, quiz, questions, 50)
    html, many = _analytics_page(admin_client, quiz, questions, 2_000)
    assert few == many <= 25
    assert "2000 attempts started, 200 completed" in html, html[
        html.find("attempts started") - 200 : html.find("attempts started") + 200
    ]
    assert "<svg" in html and "Drop-off per question" in html


def test_the_adaptive_quiz_counts_what_it_asked_what_changed_the_leader_and_where_people_left(
    default_content, admin_client
):
    bank = load_bank(default_content)
    finished = Client()
    asked = take(finished, default_content, typical_answers(bank, "product-manager"))
    finished.post(reverse("quiz:finish", args=[Attempt.objects.get().uuid]))
    leaving = Client()
    leaving.post(reverse("quiz:start", args=[default_content.slug]))
    left = Attempt.objects.exclude(completed_at__isnull=False).get()
    for slug in adaptive.opening(bank)[:3]:
        answer = typical_answers(bank, "cpo")[slug]
        question = default_content.questions.get(slug=slug)
        leaving.post(step_url(left, slug), {"answer": question.options.get(slug=answer[0]).pk})

    today = timezone.localdate()
    data = quiz_analytics(default_content, today - timedelta(days=1), today)
    # The tallies kept along the way are those counted again from the rows.
    kept = stored_tallies(default_content)
    tallies.rebuild([default_content.pk])
    assert stored_tallies(default_content) == kept and any(t[1] == "asked" for t in kept)
    steps = Result.objects.get().snapshot["adaptive"]["steps"]
    assert {q["text"] for q in data.adaptive_questions} == {
        default_content.questions.get(slug=slug).text for slug in asked
    }
    assert all(q["asked"] == 1 for q in data.adaptive_questions)
    leader_changes = sum(1 for a, b in itertools.pairwise(steps) if a["leader"] != b["leader"])
    assert sum(q["changed"] for q in data.adaptive_questions) == leader_changes > 0
    by_position = {p["position"]: p for p in data.drop_off_by_position}
    assert by_position[1]["views"] == 2 and by_position[4]["views"] == 2 and by_position[4]["exits"] == 1
    assert by_position[5]["views"] == 1 and sum(p["exits"] for p in data.drop_off_by_position) == 1
    page = admin_client.get(
        reverse("admin:bank_analytics") + f"?quiz={default_content.slug}"
    ).content.decode()
    assert "Adaptive quiz: how often each question was asked" in page and "Drop-off by position" in page
    # Roles by name, whole question texts (labels wrap, never cut), no bar without a value.
    assert '<span class="bar-label">Product Manager</span>' in page
    longest = max(default_content.questions.values_list("text", flat=True), key=len)
    assert longest in page and "<svg" not in page.split('class="bar-chart"', 1)[1].split("</figure>", 1)[0]
