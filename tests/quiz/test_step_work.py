"""A question step does the least work: one database query for the attempt, its quiz and
its answers; no session store (the owner's key is a signed cookie); the bank and the
rendered options from the process's memory; an answer is one transaction of four
statements."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_script_prefix
from django.urls import reverse

from quiz import services
from quiz.models import Answer, Attempt, Tally
from quiz.selectors import attempt_with_answers
from tests.factories import own, staff_client

HX = {"HX-Request": "true"}


def statements(captured) -> list[str]:
    """The SQL sent, without the savepoints the test's own transaction adds."""
    return [
        q["sql"] for q in captured if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK"))
    ]


@pytest.fixture
def started(default_content):
    client = Client()
    first_step = client.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    return client, Attempt.objects.get(), first_step


def first_option(client, url) -> str:
    return re.findall(r'name="answer" value="(\d+)"', client.get(url).content.decode())[0]


def test_showing_a_question_is_one_query_for_the_attempt_its_quiz_and_answers(started):
    client, _, url = started
    client.post(url, {"answer": first_option(client, url)})
    client.get(url), client.get(url, headers=HX)  # the bank and the options, once per process
    for headers in ({}, HX):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, headers=headers)
        assert response.status_code == 200
        sql = statements(captured)
        assert len(sql) == 1, sql
        assert 'FROM "quiz_attempt"' in sql[0] and '"quiz_answer"' in sql[0] and '"quiz_quiz"' in sql[0]


def verbs_and_tables(sql: list[str]) -> list[tuple[str, str]]:
    """Each statement as its verb and the table it reads or writes."""
    return [(s.split()[0], re.search(r'(?:FROM|INTO|UPDATE)\s+"(\w+)"', s).group(1)) for s in sql]


# What answering a question costs: the step's one read, then one transaction of these.
ANSWER_STATEMENTS = [
    ("UPDATE", "quiz_attempt"),  # only while it is open; holds it (row lock / write lock)
    ("INSERT", "quiz_answer"),  # upsert on (attempt, question)
    ("DELETE", "quiz_answerchoice"),
    ("INSERT", "quiz_answerchoice"),
]
# A job seeker's answer and a staff preview's are the same: the analytics count them
# later (manage.py rollup_analytics), so an answer writes no shared row.


@pytest.mark.parametrize(
    "preview", [pytest.param(False, id="job seeker"), pytest.param(True, id="staff preview")]
)
def test_answering_is_one_read_and_one_transaction_of_four_statements(default_content, preview):
    transaction = ANSWER_STATEMENTS
    client = staff_client("editor", []) if preview else Client()
    data = {"preview": "1"} if preview else {}
    url = client.post(reverse("quiz:start", args=[default_content.slug]), data)["Location"]
    attempt = Attempt.objects.get()
    assert attempt.is_preview == preview
    option = first_option(client, url)
    client.post(url, {"answer": option}, headers=HX)  # the next question's options, once per process
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, {"answer": option}, headers=HX)
    assert response.status_code == 200 and 'name="answer"' in response.content.decode()
    # (A signed-in editor's session and user are read as well, for any page.)
    trips = [s for s in statements(captured) if '"django_session"' not in s and '"auth_user"' not in s]
    sql = [statement for trip in trips for statement in trip.split("; ")]
    assert verbs_and_tables(sql) == [("SELECT", "quiz_attempt"), *transaction], sql
    # On PostgreSQL the transaction goes in two round trips: the attempt's update with the
    # read of its answers, then the writes. SQLite runs in the process: one at a time.
    assert len(trips) == (3 if connection.vendor == "postgresql" else 1 + len(transaction)), trips
    answer = Answer.objects.get(attempt=attempt)
    assert [c.option_id for c in answer.choices.all()] == [int(option)]
    assert not Tally.objects.exists()


def test_changing_an_answer_replaces_its_choices_and_keeps_one_answer(started):
    client, attempt, url = started
    ids = re.findall(r'name="answer" value="(\d+)"', client.get(url).content.decode())
    client.post(url, {"answer": ids[0]})
    client.post(url, {"answer": ids[1]})
    answer = Answer.objects.get(attempt=attempt)
    assert [c.option_id for c in answer.choices.all()] == [int(ids[1])]


def test_starting_a_quiz_gives_a_signed_httponly_owner_cookie_and_no_session(default_content):
    response = Client().post(reverse("quiz:start", args=[default_content.slug]))
    cookie = response.cookies[settings.OWNER_COOKIE_NAME]
    attempt = Attempt.objects.get()
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["max-age"]
    assert attempt.owner_key in cookie.value and cookie.value != attempt.owner_key  # signed, not bare
    assert not Session.objects.exists()


def test_an_unsigned_or_altered_owner_cookie_is_refused(started):
    _, attempt, url = started
    bare = Client()
    bare.cookies[settings.OWNER_COOKIE_NAME] = attempt.owner_key
    assert bare.get(url).status_code == 403
    altered = own(Client(), attempt.owner_key)
    altered.cookies[settings.OWNER_COOKIE_NAME] = (
        altered.cookies[settings.OWNER_COOKIE_NAME].value[:-2] + "xx"
    )
    assert altered.get(url).status_code == 403
    assert own(Client(), attempt.owner_key).get(url).status_code == 200


def test_a_quiz_whose_key_was_kept_in_the_session_still_continues(default_content):
    """Quizzes started before the owner cookie kept their key in the session."""
    attempt = Attempt.objects.create(quiz=default_content, owner_key="from-the-session")
    client = Client()
    session = client.session
    session["careerquiz_owner"] = "from-the-session"
    session.save()
    resumed = client.post(reverse("quiz:start", args=[default_content.slug]))
    assert str(attempt.uuid) in resumed["Location"]
    assert client.get(resumed["Location"]).status_code == 200
    assert "from-the-session" in resumed.cookies[settings.OWNER_COOKIE_NAME].value


def test_the_adaptive_quiz_keeps_its_decisions_so_a_step_takes_at_most_one_new_one(started, monkeypatch):
    """Replaying every earlier decision on each step was most of a step's time."""
    from quiz.engine import adaptive

    client, attempt, url = started
    for _ in range(8):  # past the opening, into questions chosen by what they tell
        response = client.post(url, {"answer": first_option(client, url)})
        url = response["Location"]
    assert "/questions/" in url
    proposals = []
    real = adaptive.Walker.propose
    monkeypatch.setattr(adaptive.Walker, "propose", lambda self: proposals.append(1) or real(self))
    assert client.get(url).status_code == 200
    assert proposals == []
    client.post(url, {"answer": first_option(client, url)})
    assert len(proposals) <= 1
    attempt.refresh_from_db()
    assert len(attempt.walk["decisions"]) >= 9


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_on_postgresql_the_step_query_is_prepared_once_per_connection(started):
    client, attempt, url = started
    for _ in range(settings.DATABASES["default"]["OPTIONS"]["prepare_threshold"] + 2):
        assert client.get(url).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements")
        prepared = cursor.fetchall()
    steps = [runs for sql, runs in prepared if 'FROM "quiz_attempt"' in sql and '"quiz_answer"' in sql]
    assert steps and steps[0] >= 2, prepared


def test_the_step_query_reads_the_attempt_as_the_orm_does(started):
    """On PostgreSQL the step query parses timestamps with psycopg's own loader, not
    Django's: the same instants, aware, in UTC."""
    client, attempt, url = started
    client.post(url, {"answer": first_option(client, url)})
    attempt.refresh_from_db()
    found, counted = attempt_with_answers(attempt.uuid)
    for field in Attempt._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(attempt, field.attname), field.name
    assert found.started_at.utcoffset() == timedelta(0) and found.updated_at.utcoffset() == timedelta(0)
    assert found.updated_at > found.started_at
    assert len(counted) == 1


def test_the_step_links_follow_the_script_prefix_the_app_is_served_under(started):
    """Links are built from parts reversed once per script prefix, and the page kept in
    memory for everyone on a step is kept per prefix too."""
    client, attempt, url = started
    second = client.post(url, {"answer": first_option(client, url)})["Location"]
    with override_script_prefix("/careers/"):
        behind_a_proxy = client.get(second).content.decode()
    assert f'action="/careers{second}"' in behind_a_proxy
    assert f'href="/careers{url}"' in behind_a_proxy  # back to the first question
    at_the_root = client.get(second).content.decode()
    assert f'action="{second}"' in at_the_root and f'href="{url}"' in at_the_root
    assert "/careers/attempts" not in at_the_root


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the round trips are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_an_answer_is_two_round_trips_with_its_begin_and_commit(started, monkeypatch):
    """Outside any transaction (a request in production) BEGIN goes with the first
    statements and COMMIT with the writes, instead of a round trip each."""
    import psycopg
    from psycopg._connection_base import BaseConnection

    client, attempt, url = started
    question = attempt.quiz.active_questions().get(slug=url.rstrip("/").rsplit("/", 1)[1])
    option = question.options.active().first()
    sent = []
    for cls, name in ((psycopg.Cursor, "execute"), (BaseConnection, "_exec_command")):
        original = getattr(cls, name)
        monkeypatch.setattr(cls, name, lambda *a, _o=original, _n=name, **k: sent.append(_n) or _o(*a, **k))
    assert not connection.in_atomic_block
    services.answer_save(attempt=attempt, question=question, options=[option])
    assert sent == ["execute", "execute"]  # no BEGIN or COMMIT of their own
    assert list(Answer.objects.get(attempt=attempt).options.all()) == [option]
    assert not Tally.objects.exists()  # the analytics rollup counts it later


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the step's own cursor is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_step_on_a_connection_the_database_dropped_still_works(started, monkeypatch):
    """The step's query stands in for Django's health check: on a connection kept from an
    earlier request that the database has since closed, the step reconnects and goes on;
    once it answered, the request needs no other check."""
    import psycopg

    client, attempt, url = started
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", True)
    connection.close()
    assert client.get(url).status_code == 200
    assert connection.health_check_enabled and connection.health_check_done
    # A new request on the kept connection (what Django does between requests), after the
    # database ended that connection's session, as a restart or an idle timeout does.
    connection.health_check_done = False
    settings_dict = connection.settings_dict
    with psycopg.connect(
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        dbname=settings_dict["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid])
    response = client.get(url)
    assert response.status_code == 200 and 'name="answer"' in response.content.decode()
    assert connection.health_check_done
    assert client.post(url, {"answer": first_option(client, url)}).status_code == 302
