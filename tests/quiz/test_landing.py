"""Coming back (issue #27): the landing page leads to the last result and the quiz in
progress, and "Start again" asks before it leaves saved answers behind."""

import re

from django.test import Client
from django.urls import reverse

from quiz.models import Attempt
from quiz.services import answer_save
from tests.factories import make_attempt, own


def test_a_visitor_who_finished_gets_a_link_to_their_last_result(result, client):
    html = own(client).get("/").content.decode()
    assert "Your last result" in html
    assert "Product Manager fits you best" in html
    assert f'href="{result.get_absolute_url()}"' in html
    assert "Take the quiz again" in html and "Start the quiz" not in html


def test_the_last_result_is_the_newest_of_this_browser_only(result, client):
    assert "Your last result" not in own(client, "someone-else").get("/").content.decode()
    assert "Your last result" not in Client().get("/").content.decode()


def test_a_staff_preview_is_not_anyones_last_result(result, client):
    Attempt.objects.filter(pk=result.attempt_id).update(is_preview=True)
    assert "Your last result" not in own(client).get("/").content.decode()


def test_the_quiz_in_progress_is_offered_beside_the_last_result(result, client):
    quiz = result.attempt.quiz
    attempt = make_attempt(quiz)
    question = quiz.active_questions().first()
    answer_save(attempt=attempt, question=question, options=[question.options.first()])
    html = own(client).get("/").content.decode()
    assert "Your last result" in html and "Continue where you left off" in html
    assert html.index("See your result") < html.index("Continue the quiz")


def test_start_again_asks_first_and_keeps_the_saved_quiz(default_content, client):
    start = reverse("quiz:start", args=[default_content.slug])
    client.post(start)
    attempt = Attempt.objects.get()
    question = default_content.active_questions().first()
    answer_save(attempt=attempt, question=question, options=[question.options.first()])
    landing = client.get("/").content.decode()
    assert 'name="restart" value="ask"' in landing
    asked = client.post(start, {"restart": "ask"})
    html = asked.content.decode()
    assert asked.status_code == 200 and "Start the quiz again?" in html
    assert "You have answered 1 question of the quiz you started." in html
    assert Attempt.objects.count() == 1  # nothing left behind yet
    continue_url = re.search(r'href="([^"]+)">Continue the quiz<', landing).group(1)
    assert f'href="{continue_url}">No, continue the quiz<' in html
    confirmed = client.post(start, {"restart": "1"})
    assert confirmed.status_code == 302 and Attempt.objects.count() == 2


def test_start_again_with_nothing_in_progress_simply_starts(default_content, client):
    response = client.post(reverse("quiz:start", args=[default_content.slug]), {"restart": "ask"})
    assert response.status_code == 302 and Attempt.objects.count() == 1


def test_the_429_page_of_a_quiz_step_offers_to_continue_that_step(default_content, client, settings):
    client.post(reverse("quiz:start", args=[default_content.slug]))
    attempt = Attempt.objects.get()
    question = default_content.active_questions().first()
    step = reverse("quiz:question", args=[attempt.uuid, question.slug])
    settings.RATELIMIT_ENABLE, settings.RATELIMIT_ANSWER = True, "0/m"
    response = client.post(step, {"answer": "1"})
    html = response.content.decode()
    assert response.status_code == 429
    assert f'<a class="btn btn-primary" href="{step}">Continue the quiz</a>' in html
    assert client.get(step).status_code == 200  # the link itself is not limited


def test_the_429_page_of_a_start_offers_only_the_home_page(default_content, client, settings):
    settings.RATELIMIT_ENABLE, settings.RATELIMIT_START = True, "0/m"
    response = client.post(reverse("quiz:start", args=[default_content.slug]))
    html = response.content.decode()
    assert response.status_code == 429
    assert "Continue the quiz" not in html and "Go to the home page" in html


def test_start_again_before_any_answer_asks_nothing(default_content, client):
    start = reverse("quiz:start", args=[default_content.slug])
    client.post(start)
    response = client.post(start, {"restart": "ask"})
    assert response.status_code == 302 and Attempt.objects.count() == 2
