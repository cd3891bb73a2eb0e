"""A question page shows each person their own links, their own CSRF token and their
own saved answer, and an editor's change at once."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from quiz.models import Attempt, Question

HX = {"HX-Request": "true"}
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value="|"x-csrftoken": ")([A-Za-z0-9]+)')


def start(quiz) -> tuple[Client, Attempt, str]:
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("quiz:home"))  # the CSRF cookie, as a browser has it
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("quiz:start", args=[quiz.slug]), headers={"X-CSRFToken": token})
    return client, Attempt.objects.order_by("-pk").first(), response["Location"]


def without_tokens(html: str) -> str:
    return TOKEN.sub(r"\1…", html)


@pytest.fixture
def two_people(default_content):
    return start(default_content), start(default_content)


def test_two_people_on_one_step_each_get_their_own_links_and_a_token_that_works(two_people):
    (alice, alice_attempt, url_a), (bob, bob_attempt, url_b) = two_people
    page_a = alice.get(url_a).content.decode()
    page_b = bob.get(url_b).content.decode()
    assert str(alice_attempt.uuid) in page_a and str(bob_attempt.uuid) not in page_a
    assert str(bob_attempt.uuid) in page_b and str(alice_attempt.uuid) not in page_b
    assert without_tokens(page_a).replace(str(alice_attempt.uuid), "ID") == without_tokens(page_b).replace(
        str(bob_attempt.uuid), "ID"
    )
    # The token in Bob's page (form and htmx header) is accepted with his answer.
    tokens = {match[1] for match in TOKEN.findall(page_b)}
    assert len(tokens) == 1 and "" not in tokens
    option = re.findall(r'name="answer" value="(\d+)"', page_b)[0]
    response = bob.post(url_b, {"answer": option, "csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302 and bob_attempt.answers.count() == 1


def test_each_person_sees_their_own_saved_answer(two_people):
    (alice, alice_attempt, url_a), (bob, _, url_b) = two_people
    options = re.findall(r'name="answer" value="(\d+)"', alice.get(url_a).content.decode())
    token = alice.cookies["csrftoken"].value
    alice.post(url_a, {"answer": options[0]}, headers={"X-CSRFToken": token})
    bob.post(url_b, {"answer": options[1]}, headers={"X-CSRFToken": bob.cookies["csrftoken"].value})
    checked = re.compile(r'value="(\d+)"[^>]*\bchecked\b')
    assert checked.findall(alice.get(url_a).content.decode()) == [options[0]]
    assert checked.findall(bob.get(url_b).content.decode()) == [options[1]]
    assert alice_attempt.answers.get().choices.get().option_id == int(options[0])


def test_an_editors_change_to_the_question_shows_at_once(two_people):
    (alice, _, url), _ = two_people
    alice.get(url)
    question = Question.objects.get(slug=url.rstrip("/").rsplit("/", 1)[1])
    question.text = "Which of these is closest to the job you do today, reworded?"
    question.save()
    assert "reworded?" in alice.get(url).content.decode()


def test_an_editors_change_to_an_option_shows_at_once(two_people):
    (alice, _, url), _ = two_people
    alice.get(url)  # the form, kept in the cache
    option = Question.objects.get(slug=url.rstrip("/").rsplit("/", 1)[1]).options.active().first()
    option.label = "An option the editor just renamed"
    option.save()
    assert "An option the editor just renamed" in alice.get(url).content.decode()


def test_a_history_restore_gets_the_whole_page_with_one_title(two_people):
    (alice, _, url), _ = two_people
    alice.get(url, headers=HX)
    page = alice.get(url, headers={**HX, "HX-History-Restore-Request": "true"}).content.decode()
    assert page.startswith("<!doctype html>") and page.count("<title>") == 1
    card = alice.get(url, headers=HX).content.decode()
    assert not card.startswith("<!doctype") and card.count("<title>") == 1


def test_a_question_with_several_chosen_options_shows_them_all_when_revisited(started):
    client, attempt = started  # every question in order
    question = attempt.quiz.active_questions().get(slug="done-recently")
    chosen = [question.options.get(slug="pm-certificate"), question.options.get(slug="led-initiative")]
    url = reverse("quiz:question", args=[attempt.uuid, question.slug])
    client.post(url, {"answer": [o.pk for o in chosen]})
    for headers in ({}, HX):
        response = client.get(url, headers=headers)
        assert response.status_code == 200
        checked = re.findall(r'value="(\d+)"[^>]*\bchecked\b', response.content.decode())
        assert sorted(map(int, checked)) == sorted(o.pk for o in chosen)
