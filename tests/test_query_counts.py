"""Queries per quiz step, result page and role page do not grow with the bank."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quiz.models import Attempt, Result
from quiz.services import answer_save
from roles.models import Competency
from tests.factories import make_question, make_quiz

# Session, attempt, questions, answered ids, options, the answer and its one transaction.
BOUND = 20

# The step-by-step mechanics, on questions named by slug: every question asked in order.
pytestmark = pytest.mark.usefixtures("linear_quiz")


def build_quiz(size):
    competencies = list(Competency.objects.order_by("order"))
    quiz = make_quiz(f"quiz-{size}")
    for i in range(size):
        comps = [competencies[(i + k) % len(competencies)] for k in range(2)]
        make_question(
            quiz,
            slug=f"q{i:03}",
            order=i,
            options=[(f"o{j}", f"Option {j}", dict.fromkeys(comps, j)) for j in range(5)],
        )
    return quiz


def measure(size):
    quiz = build_quiz(size)
    client = Client()
    client.post(reverse("quiz:start", args=[quiz.slug]))
    attempt = Attempt.objects.get(quiz=quiz)
    questions = list(quiz.active_questions())
    for q in questions[:-1]:
        answer_save(attempt=attempt, question=q, options=[q.options.all()[2]])
    middle = questions[size // 2]
    last = questions[-1]
    pages = {
        "question page": lambda: client.get(reverse("quiz:question", args=[attempt.uuid, middle.slug])),
        "question fragment": lambda: client.get(
            reverse("quiz:question", args=[attempt.uuid, middle.slug]), headers={"HX-Request": "true"}
        ),
        "answer and next": lambda: client.post(
            reverse("quiz:question", args=[attempt.uuid, middle.slug]),
            {"answer": middle.options.all()[1].pk},
            headers={"HX-Request": "true"},
        ),
        "last answer": lambda: client.post(
            reverse("quiz:question", args=[attempt.uuid, last.slug]), {"answer": last.options.all()[1].pk}
        ),
        "summary": lambda: client.get(reverse("quiz:summary", args=[attempt.uuid])),
        "finish": lambda: client.post(reverse("quiz:finish", args=[attempt.uuid])),
        "result page": lambda: client.get(Result.objects.get(attempt=attempt).get_absolute_url()),
        "result plan fragment": lambda: client.get(
            Result.objects.get(attempt=attempt).get_absolute_url() + "?role=cpo",
            headers={"HX-Request": "true"},
        ),
        "role page": lambda: client.get("/roles/product-manager/"),
        "compare page": lambda: client.get("/roles/compare/?a=product-manager&b=cpo"),
    }
    counts = {}
    for name, request in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = request()
        assert response.status_code in (200, 302), (name, response.status_code)
        counts[name] = len(captured.captured_queries)
    return counts, client, attempt


def test_queries_per_page_do_not_grow_with_the_bank(default_content, django_assert_max_num_queries):
    small, _, _ = measure(30)
    large, client, attempt = measure(300)
    assert small == large, {k: (small[k], large[k]) for k in small if small[k] != large[k]}
    for name, count in small.items():
        # Finishing also loads the whole bank to score it once (a fixed number of queries too).
        assert count <= (BOUND + 12 if name == "finish" else BOUND), (name, count)
    # The same bound, checked the pytest-django way on the large bank's question page.
    with django_assert_max_num_queries(BOUND):
        assert (
            client.get(reverse("quiz:question", args=[attempt.uuid, "q150"])).status_code == 302
        )  # finished


@pytest.mark.parametrize("slug", ["product-manager", "cpo", "student"])
def test_role_pages_have_a_bounded_number_of_queries(
    default_content, client, django_assert_max_num_queries, slug
):
    with django_assert_max_num_queries(BOUND):
        assert client.get(f"/roles/{slug}/").status_code == 200
