"""Tampered, stale and malformed requests: a clear message, a 4xx, and nothing stored."""

import re
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.models import Answer, AnswerChoice, Attempt, Result
from roles.models import Role, Transition
from tests.factories import answer_everything, make_question, make_quiz, step_url

# The step-by-step mechanics, on questions named by slug: every question asked in order.
pytestmark = pytest.mark.usefixtures("linear_quiz")


def nothing_stored(attempt):
    return not Answer.objects.filter(attempt=attempt).exists() and not AnswerChoice.objects.exists()


def question(attempt, slug):
    return attempt.quiz.active_questions().get(slug=slug)


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        ("unused-feature", lambda q, other: {"answer": str(other.pk)}, "not one of the options"),
        ("unused-feature", lambda q, other: {"answer": "999999999"}, "not one of the options"),
        ("unused-feature", lambda q, other: {"answer": "abc"}, "not one of the options"),
        ("unused-feature", lambda q, other: {"answer": "1e3"}, "not one of the options"),
        (
            "unused-feature",
            lambda q, other: {"answer": [q.options.all()[0].pk, q.options.all()[1].pk]},
            "Choose only one answer.",
        ),
        ("unused-feature", lambda q, other: {}, "Choose an answer to continue."),
        ("unused-feature", lambda q, other: {"answer": ""}, "Choose an answer to continue."),
        ("own-queries", lambda q, other: {"answer": "6"}, "Choose a value from 1 to 5."),
        ("own-queries", lambda q, other: {"answer": "0"}, "Choose a value from 1 to 5."),
        ("own-queries", lambda q, other: {"answer": "three"}, "Choose a value from 1 to 5."),
        ("own-queries", lambda q, other: {"answer": ["2", "4"]}, "Choose only one answer."),
        ("done-recently", lambda q, other: {"answer": [str(other.pk)]}, "not one of the options"),
    ],
    ids=[
        "option-of-another-question",
        "nonexistent-id",
        "non-numeric-id",
        "float-id",
        "two-options-single-choice",
        "no-answer",
        "empty-answer",
        "scale-above",
        "scale-below",
        "scale-not-a-number",
        "two-scale-values",
        "multiple-foreign-option",
    ],
)
def test_bad_answers_are_refused_with_a_message_and_nothing_is_stored(started, slug, data, message):
    client, attempt = started
    q = question(attempt, slug)
    other = question(attempt, "two-years-out").options.first()
    response = client.post(step_url(attempt, slug), data(q, other))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert nothing_stored(attempt)


def test_an_option_of_another_quiz_is_refused(started):
    client, attempt = started
    foreign = make_question(make_quiz(), slug="unused-feature", options=[("a", "A", {})]).options.get()
    response = client.post(step_url(attempt, "unused-feature"), {"answer": foreign.pk})
    assert response.status_code == 422
    assert nothing_stored(attempt)


def test_posted_score_or_result_fields_are_ignored(started):
    client, attempt = started
    q = question(attempt, "unused-feature")
    option = q.options.get(slug="keep-or-remove")
    response = client.post(
        step_url(attempt, q.slug), {"answer": option.pk, "score": "100", "result": "cpo", "match": "99"}
    )
    assert response.status_code == 302
    assert list(Answer.objects.get(attempt=attempt).options.all()) == [option]
    assert not Result.objects.exists()


def test_a_question_of_another_quiz_is_not_part_of_this_attempt(started):
    client, attempt = started
    make_question(make_quiz(), slug="alien-question", options=[("a", "A", {})])
    response = client.post(step_url(attempt, "alien-question"), {"answer": "1"})
    assert response.status_code == 404
    assert "not part of your quiz" in response.content.decode()
    assert nothing_stored(attempt)


def test_a_deactivated_question_cannot_be_answered(started):
    client, attempt = started
    q = question(attempt, "unused-feature")
    q.active = False
    q.save()
    assert client.get(step_url(attempt, q.slug)).status_code == 404
    response = client.post(step_url(attempt, q.slug), {"answer": q.options.first().pk})
    assert response.status_code == 404
    assert nothing_stored(attempt)


def test_answering_after_the_attempt_is_completed_is_refused(started):
    client, attempt = started
    answer_everything(attempt)
    client.post(reverse("quiz:finish", args=[attempt.uuid]))
    before = list(Answer.objects.filter(attempt=attempt).values_list("pk", "scale_value"))
    q = question(attempt, "own-queries")
    # Reading a step of a finished quiz opens its result instead.
    assert client.get(step_url(attempt, q.slug))["Location"] == Result.objects.get().get_absolute_url()
    response = client.post(step_url(attempt, q.slug), {"answer": "1"})
    assert response.status_code == 409
    assert "already finished" in response.content.decode()
    assert list(Answer.objects.filter(attempt=attempt).values_list("pk", "scale_value")) == before


@pytest.mark.parametrize(
    "path",
    [
        "/attempts/not-a-uuid/questions/unused-feature/",
        "/attempts/12345678-1234-1234-1234-1234567890123/summary/",
        "/attempts/00000000-0000-4000-8000-000000000000/questions/unused-feature/",
        "/attempts/00000000-0000-4000-8000-000000000000/summary/",
        "/results/not-a-uuid/",
        "/results/00000000-0000-4000-8000-000000000000/",
    ],
)
def test_malformed_or_unknown_uuids_are_404_with_a_message(started, path):
    client, attempt = started
    response = client.post(path, {"answer": "1"}) if "questions" in path else client.get(path)
    assert response.status_code == 404
    assert "We could not find" in response.content.decode()
    assert nothing_stored(attempt)


def test_an_oversized_body_is_refused(started, settings):
    client, attempt = started
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = client.post(step_url(attempt, "unused-feature"), {"answer": "1", "padding": "x" * 20_000})
    assert response.status_code == 413
    assert "too large" in unquote(response["X-Error-Message"])
    assert nothing_stored(attempt)


def test_too_many_fields_are_refused(started):
    client, attempt = started
    response = client.post(step_url(attempt, "done-recently"), {f"f{i}": "1" for i in range(500)})
    assert response.status_code == 400
    assert nothing_stored(attempt)


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize(
    "token", [None, "wrong-token-wrong-token-wrong-token-wrong-token-wrong-tok"], ids=["missing", "wrong"]
)
def test_a_missing_or_wrong_csrf_token_is_refused(default_content, htmx, token):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/").content.decode()
    real = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    client.post(reverse("quiz:start", args=[default_content.slug]), {"csrfmiddlewaretoken": real})
    attempt = Attempt.objects.get()
    q = question(attempt, "unused-feature")
    data = {"answer": q.options.first().pk}
    headers = {"HX-Request": "true"} if htmx else {}
    if token:
        if htmx:
            headers["X-CSRFToken"] = token
        else:
            data["csrfmiddlewaretoken"] = token
    response = client.post(step_url(attempt, q.slug), data, headers=headers)
    assert response.status_code == 403
    assert "This page has expired" in response.content.decode()
    assert response["X-Error-Message"].startswith("This%20page%20has%20expired")
    assert nothing_stored(attempt)


HOSTILE = '<img src=x onerror="alert(1)"><button hx-get="/admin/" hx-trigger="load">x</button>'


def test_admin_entered_html_is_shown_escaped_everywhere(started):
    client, attempt = started
    q = question(attempt, "unused-feature")
    q.text = "Q " + HOSTILE
    q.save()
    q.options.filter(slug="keep-or-remove").update(label="Label " + HOSTILE)
    Role.objects.filter(slug="product-owner").update(
        summary="Summary " + HOSTILE, responsibilities="Duty " + HOSTILE
    )
    transition = Transition.objects.get(from_role__slug="product-owner", to_role__slug="product-manager")
    transition.steps.update(detail="Detail " + HOSTILE)
    answer_everything(attempt, "product-owner")
    pages = [
        client.get(step_url(attempt, q.slug)),
        client.get(reverse("quiz:summary", args=[attempt.uuid])),
        client.get("/roles/product-owner/"),
        client.get("/roles/compare/?a=product-owner&b=product-manager"),
    ]
    AnswerChoice.objects.filter(answer__question=q).update(option=q.options.get(slug="keep-or-remove"))
    client.post(reverse("quiz:finish", args=[attempt.uuid]))
    result = Result.objects.get()
    pages.append(client.get(result.get_absolute_url() + "?role=product-manager"))
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert "<img src=x" not in html and 'hx-get="/admin/"' not in html
        assert "&lt;img src=x" in html, response.request["PATH_INFO"]


PATH_SEGMENT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40)
FORM = st.dictionaries(
    st.sampled_from(["answer", "restart", "role", "then", "csrfmiddlewaretoken", "score", "x"]),
    st.one_of(st.text(max_size=30), st.lists(st.text(max_size=10), max_size=4), st.integers()),
    max_size=4,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_requests_to_every_quiz_endpoint_never_cause_a_500(started, data):
    client, attempt = started
    endpoints = [
        "/",
        f"/quiz/{attempt.quiz.slug}/",
        f"/quiz/{attempt.quiz.slug}/start/",
        step_url(attempt, "unused-feature"),
        step_url(attempt, "own-queries"),
        step_url(attempt, "done-recently"),
        reverse("quiz:summary", args=[attempt.uuid]),
        reverse("quiz:finish", args=[attempt.uuid]),
        "/results/00000000-0000-4000-8000-000000000000/",
        "/roles/compare/",
        "/roles/",
    ]
    base = data.draw(st.sampled_from(endpoints))
    path = base + data.draw(
        st.one_of(st.just(""), PATH_SEGMENT.map(lambda s: s.replace("?", "").replace("#", "")))
    )
    form = data.draw(FORM)
    method = data.draw(st.sampled_from(["get", "post"]))
    headers = {"HX-Request": "true"} if data.draw(st.booleans()) else {}
    response = getattr(client, method)(path, form, headers=headers)
    assert response.status_code < 500, (method, path, form, response.status_code)


def test_a_file_upload_to_a_quiz_step_is_refused_and_nothing_is_stored(started):
    client, attempt = started
    q = question(attempt, "unused-feature")
    option = q.options.get(slug="keep-or-remove")
    upload = SimpleUploadedFile("big.bin", b"x" * 100_000)
    response = client.post(step_url(attempt, q.slug), {"answer": str(option.pk), "file": upload})
    assert response.status_code == 400
    assert "could not understand" in unquote(response["X-Error-Message"])
    assert not Answer.objects.filter(attempt=attempt, question=q).exists()


def test_the_same_option_twice_in_a_checklist_is_a_422(started):
    client, attempt = started
    q = question(attempt, "done-recently")
    option = q.options.get(slug="pm-certificate")
    response = client.post(step_url(attempt, q.slug), {"answer": [str(option.pk), str(option.pk)]})
    assert response.status_code == 422
    assert "only once" in response.content.decode()
    assert not Answer.objects.filter(attempt=attempt, question=q).exists()


@pytest.mark.parametrize(
    "query",
    ["?start=2024-02-30", "?end=9999-12-31", "?start=1999-12-31", "?start=nonsense", "?end=2024-13-01"],
)
def test_bad_dates_in_the_admin_tools_are_a_400_with_a_message(default_content, admin_client, query):
    for name in ("admin:bank_analytics", "admin:results_csv"):
        response = admin_client.get(reverse(name) + query)
        assert response.status_code == 400, (name, query)


def test_a_bank_file_too_large_to_apply_is_refused_before_it_is_read(default_content, admin_client, settings):
    settings.BANK_UPLOAD_MAX_BYTES = 1000
    upload = SimpleUploadedFile("bank.json", b"{" + b" " * 5000 + b"}", content_type="application/json")
    response = admin_client.post(reverse("admin:bank_import"), {"action": "preview", "bank_file": upload})
    assert response.status_code == 413
    assert "may be at most" in response.content.decode() and " " * 100 not in response.content.decode()
