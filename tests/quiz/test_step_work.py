"""What a question step reads and writes: the owner's key in a signed cookie (no session
store), one answer per question, the adaptive quiz's kept decisions."""

import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import close_old_connections, connection
from django.test import Client
from django.test.utils import override_script_prefix
from django.urls import reverse

from quiz.models import Answer, Attempt
from tests.factories import own

HX = {"HX-Request": "true"}


@pytest.fixture
def started(default_content):
    client = Client()
    first_step = client.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    return client, Attempt.objects.get(), first_step


def first_option(client, url) -> str:
    return re.findall(r'name="answer" value="(\d+)"', client.get(url).content.decode())[0]


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


def test_the_step_links_follow_the_script_prefix_the_app_is_served_under(started):
    client, attempt, url = started
    second = client.post(url, {"answer": first_option(client, url)})["Location"]
    with override_script_prefix("/careers/"):
        behind_a_proxy = client.get(second).content.decode()
    assert f'action="/careers{second}"' in behind_a_proxy
    assert f'href="/careers{url}"' in behind_a_proxy  # back to the first question
    at_the_root = client.get(second).content.decode()
    assert f'action="{second}"' in at_the_root and f'href="{url}"' in at_the_root
    assert "/careers/attempts" not in at_the_root


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a server that ends a session is PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_step_on_a_connection_the_database_dropped_still_works(started, monkeypatch):
    """Django's health check (CONN_HEALTH_CHECKS) replaces a persistent connection that
    the database closed since the last request (a restart, an idle timeout)."""
    import psycopg

    client, attempt, url = started
    monkeypatch.setitem(connection.settings_dict, "CONN_HEALTH_CHECKS", True)
    connection.close()
    assert client.get(url).status_code == 200
    settings_dict = connection.settings_dict
    with psycopg.connect(
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        dbname=settings_dict["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid])
    close_old_connections()  # what Django does when a request starts (the test client does not)
    response = client.get(url)
    assert response.status_code == 200 and 'name="answer"' in response.content.decode()
    assert client.post(url, {"answer": first_option(client, url)}).status_code == 302
