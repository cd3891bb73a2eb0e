"""What a job seeker sees when a dependency fails, and proof that no answer is lost or
stored twice: Redis stopped in the middle of a quiz, PostgreSQL that does not answer."""

import time
from http.client import HTTPConnection

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from quiz.models import Answer, Attempt
from tests.factories import typical_answers
from tests.servers import BlackHole, app_servers, free_port, production_env, redis_caches

# The step-by-step mechanics, on questions named by slug: every question asked in order.
pytestmark = [pytest.mark.usefixtures("linear_quiz"), pytest.mark.faults]


REDIS_DOWN = {"default": redis_caches(f"redis://127.0.0.1:{free_port()}/0", timeout=0.2)["default"]}


def test_with_redis_stopped_mid_quiz_every_answer_is_saved_once_and_health_says_degraded(default_content):
    from quiz.bank import load_bank

    client = Client(raise_request_exception=False)
    client.post(reverse("quiz:start", args=[default_content.slug]))
    attempt = Attempt.objects.get()
    bank = load_bank(default_content)
    answers = typical_answers(bank, "product-manager")
    questions = list(default_content.active_questions())
    half = len(questions) // 2

    def answer(question):
        value = answers[question.slug]
        if question.kind == "scale" and isinstance(value, int):
            data = {"answer": str(value)}
        else:
            data = {"answer": [str(question.options.get(slug=s).pk) for s in value]}
        response = client.post(reverse("quiz:question", args=[attempt.uuid, question.slug]), data)
        assert response.status_code == 302, (question.slug, response.status_code)

    for question in questions[:half]:
        answer(question)
    # override_settings makes Django build the caches again from the new setting.
    with override_settings(CACHES=REDIS_DOWN):
        assert caches["default"].get("anything", "miss") == "miss"  # Redis really is down
        for question in questions[half:]:
            answer(question)
        health = client.get("/-/health/")
        assert health.status_code == 200 and health.json() == {
            "status": "degraded",
            "database": "ok",
            "cache": "unreachable",
        }
        finished = client.post(reverse("quiz:finish", args=[attempt.uuid]))
        assert finished.status_code == 302
        assert client.get(finished["Location"]).status_code == 200
    assert Answer.objects.filter(attempt=attempt).count() == len(questions)
    assert len({a.question_id for a in Answer.objects.filter(attempt=attempt)}) == len(questions)


@pytest.fixture
def server_on_a_hung_database(tmp_path):
    hole = BlackHole()
    env = production_env(
        tmp_path,
        drop={"REDIS_URL"},
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{hole.port}/test",
        DB_CONNECT_TIMEOUT="2",
    )
    try:
        with app_servers(env, ready="/-/ping/") as (port,):
            yield port
    finally:
        hole.close()


def timed_get(port, path):
    start = time.monotonic()
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read().decode()
    return response.status, time.monotonic() - start, body


def test_a_hung_database_gives_the_friendly_503_within_seconds(server_on_a_hung_database):
    port = server_on_a_hung_database
    status, elapsed, _ = timed_get(port, "/-/ping/")
    assert status == 200 and elapsed < 1  # liveness never touches the database
    status, elapsed, body = timed_get(port, "/-/health/")
    assert status == 503 and elapsed < 8 and '"database": "unreachable"' in body
    status, elapsed, body = timed_get(port, "/")
    assert status == 503 and elapsed < 8
    assert "cannot reach its database" in body


def test_without_redis_an_edit_in_another_process_reaches_this_one(default_content):
    from quiz import caching
    from quiz.models import BankVersion

    caching.forget()
    built = []
    assert caching.bank_cached("probe", lambda: built.append(1) or "first") == "first"
    assert caching.bank_cached("probe", lambda: "never") == "first"  # from this process's memory
    # Another app process (its own memory cache) saves an edit: only the database is shared.
    BankVersion.bump("edited-elsewhere")
    assert caching.bank_cached("probe", lambda: "second") == "second"
