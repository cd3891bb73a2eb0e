"""Faults in the middle of a quiz: nothing half-written, a clear message, and the quiz
goes on from the last saved answer."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.urls import reverse

from quiz import services
from quiz.models import Answer, Result
from tests.factories import answer_everything, step_url

# The step-by-step mechanics, on questions named by slug: every question asked in order.
pytestmark = pytest.mark.usefixtures("linear_quiz")


# Transactional: the answer's own transaction is under test, not a test's savepoint.
@pytest.mark.django_db(transaction=True)
def test_a_failure_inside_a_step_leaves_the_previous_answer_whole(started, monkeypatch):
    client, attempt = started
    # As in production, the connection outlives the request: nothing may stay open on it.
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    connection.close()
    question = attempt.quiz.active_questions().get(slug="done-recently")
    url = step_url(attempt, question.slug)
    old = [question.options.get(slug="pm-certificate"), question.options.get(slug="led-initiative")]
    client.post(url, {"answer": [o.pk for o in old]})
    new = question.options.get(slug="none-yet")

    # The connection drops as the old choices are to be deleted, with the attempt already
    # updated in the open transaction (on PostgreSQL the deletion goes with the other
    # writes and COMMIT, in one round trip): the transaction must undo the update.
    def drop_before_deleting_choices(execute, sql, params, many, context):
        if 'DELETE FROM "quiz_answerchoice"' in sql:
            raise OperationalError("server closed the connection")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(drop_before_deleting_choices):
        response = client.post(url, {"answer": [new.pk]})
    assert response.status_code == 503
    assert "cannot reach its database" in response.content.decode()
    assert response["Retry-After"]
    assert sorted(
        Answer.objects.get(attempt=attempt, question=question).options.all(), key=lambda o: o.pk
    ) == sorted(old, key=lambda o: o.pk)
    if connection.vendor == "postgresql" and connection.connection is not None:
        from psycopg.pq import TransactionStatus  # the BEGIN sent with the first writes is ended

        assert connection.connection.info.transaction_status == TransactionStatus.IDLE
    # Nothing was left open or locked: the same answer goes through when sent again.
    assert client.post(url, {"answer": [new.pk]}).status_code == 302
    assert list(Answer.objects.get(attempt=attempt, question=question).options.all()) == [new]


# Transactional: the connection is really closed, so no test transaction may wrap it.
@pytest.mark.django_db(transaction=True)
def test_while_the_database_is_down_pages_say_so_and_the_quiz_continues_after(started):
    client, attempt = started
    first = attempt.quiz.active_questions().first()
    client.post(step_url(attempt, first.slug), {"answer": first.options.first().pk})
    second = attempt.quiz.active_questions()[1]
    option = second.options.first().pk
    down = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=down):
        from django.db import connection

        connection.close()
        response = client.post(step_url(attempt, second.slug), {"answer": option})
        page = client.get("/")
    assert response.status_code == 503 and page.status_code == 503
    assert "Your answers up to the last one are saved" in response.content.decode()
    assert Answer.objects.filter(attempt=attempt).count() == 1
    # The database is back: the landing page offers to continue at the unanswered question.
    resumed = client.post(reverse("quiz:start", args=[attempt.quiz.slug]))
    assert resumed["Location"] == step_url(attempt, second.slug)
    assert client.post(step_url(attempt, second.slug), {"answer": option}).status_code == 302
    assert Answer.objects.filter(attempt=attempt).count() == 2


def test_a_failure_between_the_last_answer_and_the_result_leaves_the_attempt_completable(started):
    client, attempt = started
    answer_everything(attempt)
    with mock.patch.object(services, "recommend", side_effect=RuntimeError("injected")):
        response = client.post(reverse("quiz:finish", args=[attempt.uuid]))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.completed_at is None and not Result.objects.exists()
    retry = client.post(reverse("quiz:finish", args=[attempt.uuid]))
    assert retry.status_code == 302
    assert Result.objects.get().attempt == attempt
