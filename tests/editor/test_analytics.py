"""The analytics pages: known numbers on the page with the base of each figure, a table
sorted by its headings without JavaScript, the same few queries for any number of attempts
(the time over a million is `make bench-analytics`), previews left out, item analysis per
option, the results export with answers and confidence, and who may see them."""

import csv
import io
import itertools
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from editor.analytics import quiz_analytics
from editor.permissions import VIEW_ANALYTICS
from quiz import tallies
from quiz.bank import load_bank
from quiz.engine import adaptive
from quiz.models import Attempt, Result
from quiz.services import attempt_complete
from roles.models import Competency
from tests.factories import (
    answer_everything,
    make_attempts,
    make_question,
    make_quiz,
    staff_client,
    step_url,
    typical_answers,
)
from tests.quiz.test_adaptive import take


@pytest.fixture
def small_quiz(db):
    skill = Competency.objects.create(slug="s", name="S", kind="skill", description="d")
    quiz = make_quiz("three")
    questions = [
        make_question(quiz, slug=f"q{i}", order=i, options=[("a", "A", {skill: 1}), ("b", "B", {skill: 3})])
        for i in range(3)
    ]
    return quiz, questions


def _start():
    return timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)


def test_the_numbers_are_right(small_quiz):
    quiz, questions = small_quiz
    start = _start()
    make_attempts(quiz, questions, 100, answered=[80, 60, 40], completed_share=1.0, start=start)
    Attempt.objects.create(quiz=quiz, owner_key="staff", is_preview=True, started_at=start)
    tallies.rollup([quiz.pk])
    data = quiz_analytics(quiz, start.date(), start.date() + timedelta(days=9))
    assert data.started == 100 and data.completed == 40 and data.results == 40
    assert data.completion_rate == 40.0
    assert sum(n for _, n in data.started_per_day) == 100 and len(data.started_per_day) == 3
    # 20 never answered; 20 left after q0 (of its 80 answers), 20 after q1 (of 60); the 40
    # who answered q2 finished.
    assert data.left_before_answering == 20 and data.left_after_every_question == 0
    assert [(q.answered, q.left_after, q.left_rate) for q in data.questions] == [
        (80, 20, 25.0),
        (60, 20, pytest.approx(33.33, abs=0.01)),
        (40, 0, 0.0),
    ]
    # By position, only up to the last question (no fourth position for a three-question quiz).
    assert [(p["position"], p["views"], p["exits"]) for p in data.drop_off_by_position] == [
        (1, 100, 20),
        (2, 80, 20),
        (3, 60, 20),
    ]
    assert data.roles == [("product-manager", 30), ("cpo", 10)]
    assert data.quiz_time.median == pytest.approx(60.0)
    # Each answer comes 10 s after the previous one (the first 10 s after the start).
    assert [q.time.median for q in data.questions] == [pytest.approx(10.0, abs=0.01)] * 3


def _analytics_page(client, quiz, questions, count, query=""):
    start = _start()
    Attempt.objects.filter(quiz=quiz).delete()
    make_attempts(
        quiz, questions, count, answered=[count, count // 2, count // 5], completed_share=0.5, start=start
    )
    url = reverse("admin:bank_analytics") + f"?quiz={quiz.slug}{query}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_analytics_page_needs_the_same_few_queries_for_any_number_of_attempts(small_quiz, admin_client):
    quiz, questions = small_quiz
    _analytics_page(admin_client, quiz, questions, 1)  # the bank's health, cached per bank version
    _, few = _analytics_page(admin_client, quiz, questions, 50)
    html, many = _analytics_page(admin_client, quiz, questions, 2_000)
    assert few == many <= 25
    assert "2000 attempts started in these days, 200 completed" in html
    assert "Of 200 completed results" in html and "Questions, of 2000 attempts started" in html


def _first_column(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a>', body)


def test_the_questions_table_sorts_by_its_headings_without_javascript(small_quiz, admin_client):
    quiz, questions = small_quiz
    html, _ = _analytics_page(admin_client, quiz, questions, 100)
    assert _first_column(html) == ["Question q0?", "Question q1?", "Question q2?"]
    assert 'aria-sort="ascending"><a href="?quiz=three' in html
    # Every heading links to the table sorted by it; a second click turns the order round.
    link = re.search(r'href="(\?[^"]*sort=left[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "order=asc" in link
    by_left = admin_client.get(reverse("admin:bank_analytics") + link.replace("order=asc", "order=desc"))
    page = by_left.content.decode()
    assert 'aria-sort="descending"' in page
    data = quiz_analytics(quiz, *_days())
    expected = [q.text for q in sorted(data.questions, key=lambda q: q.left_rate, reverse=True)]
    assert _first_column(page) == expected
    bad = admin_client.get(reverse("admin:bank_analytics") + f"?quiz={quiz.slug}&sort=nope")
    assert bad.status_code == 400


def _days():
    today = timezone.localdate()
    return today - timedelta(days=29), today


def test_the_page_says_how_fresh_its_figures_are_and_brings_them_up_to_date(small_quiz, admin_client):
    quiz, questions = small_quiz
    url = reverse("admin:bank_analytics") + f"?quiz={quiz.slug}"
    assert "No figures yet" in admin_client.get(url).content.decode()
    Attempt.objects.create(quiz=quiz, owner_key="new")
    response = admin_client.post(
        reverse("admin:bank_analytics_rollup"), {"quiz": quiz.slug, "start": "2026-01-01", "sort": "answered"}
    )
    assert response.status_code == 302 and response["Location"].endswith(
        "?quiz=three&start=2026-01-01&sort=answered"
    )
    page = admin_client.get(url).content.decode()
    assert "Figures count the attempts as they were at" in page and "1 attempt started in these days" in page
    assert admin_client.post(reverse("admin:bank_analytics_rollup"), {"quiz": "nope"}).status_code == 404
    assert admin_client.get(reverse("admin:bank_analytics_rollup")).status_code == 405


def test_the_analytics_open_only_with_the_permissions_they_need(small_quiz):
    quiz, questions = small_quiz
    allowed = staff_client("analyst", VIEW_ANALYTICS)
    refused = staff_client("bank viewer", ("quiz.view_quiz", "quiz.view_question"))
    question = reverse("admin:bank_question_analytics", args=[questions[0].pk])
    for client, status in ((allowed, 200), (refused, 403)):
        assert client.get(reverse("admin:bank_analytics")).status_code == status
        assert client.get(question).status_code == status
        posted = client.post(reverse("admin:bank_analytics_rollup"), {"quiz": quiz.slug})
        assert posted.status_code == (302 if status == 200 else 403)


def test_staff_previews_count_nowhere_and_the_admin_lists_filter_them(default_content, admin_client):
    for owner, preview in (("a", False), ("b", True)):
        attempt = Attempt.objects.create(quiz=default_content, owner_key=owner, is_preview=preview)
        answer_everything(attempt, "head-of-product")
        attempt_complete(attempt=attempt)
    tallies.rollup()
    data = quiz_analytics(default_content, *_days())
    assert data.started == data.results == 1 and max(q.answered for q in data.questions) == 1
    for model in ("result", "answer"):
        url = reverse(f"admin:quiz_{model}_changelist")
        real = admin_client.get(url + "?attempt__is_preview__exact=0")
        previews = admin_client.get(url + "?attempt__is_preview__exact=1")
        assert real.status_code == previews.status_code == 200
        assert real.context["cl"].result_count == previews.context["cl"].result_count > 0


def test_each_question_has_its_options_page_with_what_they_chose_and_were_recommended(
    small_quiz, admin_client
):
    quiz, questions = small_quiz
    make_attempts(quiz, questions, 40, answered=[40, 20, 10], completed_share=1.0, start=_start())
    tallies.rollup([quiz.pk])
    response = admin_client.get(reverse("admin:bank_question_analytics", args=[questions[0].pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Answered 40 times by the 40 attempts started in these days" in page
    assert admin_client.get(reverse("admin:bank_question_analytics", args=[99_999])).status_code == 404


def test_the_results_export_has_answers_confidence_and_engine_and_is_spreadsheet_safe(
    default_content, admin_client
):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="a")
    answer_everything(attempt, "head-of-product")
    result = attempt_complete(attempt=attempt)
    snapshot = result.snapshot
    snapshot["answers"]["=cmd"] = ["+1"]  # as if a slug could start a formula
    Result.objects.filter(pk=result.pk).update(snapshot=snapshot)
    body = b"".join(admin_client.get(reverse("admin:results_csv")).streaming_content).decode("utf-8")
    header, row = list(csv.reader(io.StringIO(body[1:])))
    cells = dict(zip(header, row, strict=True))
    assert cells["engine"] == result.engine_version and cells["confidence"] == snapshot["confidence"]["level"]
    assert cells["confidence reasons"] == "|".join(snapshot["confidence"]["reasons"])
    assert cells["answers"].startswith("'=cmd=+1; ")
    some_slug, some_answer = next(iter(sorted(result.snapshot["answers"].items())))
    assert f"{some_slug}=" in cells["answers"]


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
    opening = adaptive.opening(bank)[:3]
    for slug in opening:
        answer = typical_answers(bank, "cpo")[slug]
        question = default_content.questions.get(slug=slug)
        leaving.post(step_url(left, slug), {"answer": question.options.get(slug=answer[0]).pk})
    tallies.rollup()

    today = timezone.localdate()
    data = quiz_analytics(default_content, today - timedelta(days=1), today)
    steps = Result.objects.get().snapshot["adaptive"]["steps"]
    assert {q.slug for q in data.questions if q.asked} == set(asked)
    assert all(q.asked in (0, 1) for q in data.questions)
    leader_changes = sum(1 for a, b in itertools.pairwise(steps) if a["leader"] != b["leader"])
    assert sum(q.changed for q in data.questions) == leader_changes > 0
    # The person who left did so after the third opening question: by question, not position.
    assert [q.slug for q in data.questions if q.left_after] == [opening[-1]]
    by_position = {p["position"]: p for p in data.drop_off_by_position}
    assert by_position[1]["views"] == 2 and by_position[4]["views"] == 2 and by_position[4]["exits"] == 1
    assert max(by_position) <= default_content.questions.filter(active=True).count()
    page = admin_client.get(
        reverse("admin:bank_analytics") + f"?quiz={default_content.slug}"
    ).content.decode()
    assert ">Asked</a>" in page and "Drop-off by position" in page
    # Roles by name, whole question texts (they wrap, never cut).
    assert '<th scope="row">Product Manager</th>' in page
    longest = max(default_content.questions.filter(active=True).values_list("text", flat=True), key=len)
    assert longest in page
