"""The quiz flow through Django's test client: each step as a full page and as an htmx
fragment, progress, back, change, resume, finishing and ownership."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from quiz.models import Answer, Attempt, Result
from quiz.services import answer_save
from roles.models import Role
from tests.factories import answer_everything, step_url

HX = {"HX-Request": "true"}

# The step-by-step mechanics, on questions named by slug: every question asked in order.
pytestmark = pytest.mark.usefixtures("linear_quiz")


@pytest.fixture
def client_started(default_content, client):
    response = client.post(reverse("quiz:start", args=[default_content.slug]))
    attempt = Attempt.objects.get()
    return client, attempt, response


def option_ids(response):
    return re.findall(r'name="answer" value="(\d+)"', response.content.decode())


def test_the_landing_page_says_what_the_quiz_tells_and_how_long_it_takes(default_content, client):
    response = client.get("/")
    html = response.content.decode()
    total = default_content.active_questions().count()
    assert response.status_code == 200
    assert f"{total} questions" in html and "minutes" in html
    assert "Start the quiz" in html
    assert "Continue where you left off" not in html


def test_the_landing_page_links_every_role_it_compares_by_family(default_content, client):
    html = client.get("/").content.decode()
    roles = Role.objects.recommendable()
    assert f"The {roles.count()} roles it compares" in html
    for role in roles:
        assert f'<a href="{role.get_absolute_url()}">{escape(role.name)}</a>' in html
    for family in {role.get_family_display() for role in roles}:
        assert f'<h3 class="h6 landing-family">{escape(family)}</h3>' in html


def test_starting_creates_an_attempt_and_opens_the_first_question(client_started):
    client, attempt, response = client_started
    first = attempt.quiz.active_questions().first()
    assert response.status_code == 302
    assert response["Location"] == step_url(attempt, first.slug)


def test_starting_again_resumes_and_restart_begins_anew(client_started, default_content):
    client, attempt, _ = client_started
    question = default_content.active_questions().first()
    answer_save(attempt=attempt, question=question, options=[question.options.first()])
    response = client.post(reverse("quiz:start", args=[default_content.slug]))
    second = default_content.active_questions()[1]
    assert response["Location"] == step_url(attempt, second.slug)
    assert Attempt.objects.count() == 1
    landing = client.get("/").content.decode()
    assert "Continue where you left off" in landing and "You answered 1 of" in landing
    client.post(reverse("quiz:start", args=[default_content.slug]), {"restart": "1"})
    assert Attempt.objects.count() == 2


def test_a_step_is_a_full_page_and_an_htmx_fragment_of_the_same_template(client_started):
    client, attempt, response = client_started
    url = response["Location"]
    page = client.get(url)
    fragment = client.get(url, headers=HX)
    assert page.status_code == fragment.status_code == 200
    assert "<html" in page.content.decode() and 'id="quiz-card"' in page.content.decode()
    fragment_html = fragment.content.decode().lstrip()
    # The fragment: a top-level <title> (htmx makes it the page's title), the text of the
    # live region that announces the step (out of band), then the card.
    assert "<html" not in fragment_html and fragment_html.startswith("<title>Question 1 of ")
    status, card = fragment_html.split("</title>", 1)[1].split("</div>", 1)
    assert status.strip() == '<div id="quiz-status" data-hx-swap-oob="innerHTML">Question 1 of 51'
    assert card.lstrip().startswith('<div id="quiz-card"')
    assert "HX-Request" in page["Vary"] and "HX-Request" in fragment["Vary"]


def test_a_history_restore_gets_the_full_page(client_started):
    client, _, response = client_started
    restore = client.get(response["Location"], headers={**HX, "HX-History-Restore-Request": "true"})
    assert "<html" in restore.content.decode()


def test_the_progress_bar_says_step_n_of_N(client_started):
    client, attempt, response = client_started
    html = client.get(response["Location"]).content.decode()
    total = attempt.quiz.active_questions().count()
    assert f'<progress id="quiz-progress" max="{total}" value="1">' in html
    assert f"Question 1 of {total}" in html


def test_answering_saves_and_goes_to_the_next_question(client_started):
    client, attempt, response = client_started
    questions = list(attempt.quiz.active_questions())
    ids = option_ids(client.get(response["Location"]))
    posted = client.post(response["Location"], {"answer": ids[2]})
    assert posted.status_code == 302 and posted["Location"] == step_url(attempt, questions[1].slug)
    answer = Answer.objects.get(attempt=attempt, question=questions[0])
    assert [o.pk for o in answer.options.all()] == [int(ids[2])]


def test_answering_through_htmx_returns_the_next_card_and_pushes_its_url(client_started):
    client, attempt, response = client_started
    questions = list(attempt.quiz.active_questions())
    ids = option_ids(client.get(response["Location"]))
    posted = client.post(response["Location"], {"answer": ids[0]}, headers=HX)
    assert posted.status_code == 200
    assert posted["HX-Push-Url"] == step_url(attempt, questions[1].slug)
    assert questions[1].text in posted.content.decode()
    assert "<html" not in posted.content.decode()


@pytest.mark.parametrize("headers", [{}, HX], ids=["plain", "htmx"])
def test_a_missing_answer_shows_an_inline_error_and_saves_nothing(client_started, headers):
    client, attempt, response = client_started
    posted = client.post(response["Location"], {}, headers=headers)
    assert posted.status_code == 422
    assert "Choose an answer to continue." in posted.content.decode()
    assert 'aria-invalid="true"' in posted.content.decode()
    assert not Answer.objects.filter(attempt=attempt).exists()


def test_an_exclusive_option_cannot_be_combined(client_started):
    client, attempt, _ = client_started
    question = attempt.quiz.active_questions().get(slug="done-recently")
    none_yet = question.options.get(slug="none-yet")
    other = question.options.get(slug="pm-certificate")
    posted = client.post(step_url(attempt, question.slug), {"answer": [none_yet.pk, other.pk]})
    assert posted.status_code == 422
    assert "cannot be combined" in posted.content.decode()
    assert not Answer.objects.filter(attempt=attempt).exists()


def test_back_shows_the_previous_question_with_its_answer_kept(client_started):
    client, attempt, response = client_started
    questions = list(attempt.quiz.active_questions())
    ids = option_ids(client.get(response["Location"]))
    client.post(response["Location"], {"answer": ids[3]})
    second = client.get(step_url(attempt, questions[1].slug)).content.decode()
    assert f'href="{step_url(attempt, questions[0].slug)}"' in second
    first = client.get(step_url(attempt, questions[0].slug)).content.decode()
    assert re.search(rf'value="{ids[3]}"[^>]*checked', first)


def test_changing_an_answer_from_the_summary_returns_to_the_summary(client_started):
    client, attempt, _ = client_started
    answer_everything(attempt)
    question = attempt.quiz.active_questions().get(slug="unused-feature")
    summary = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    assert step_url(attempt, question.slug, then="summary") in summary
    new = question.options.get(slug="keep-or-remove")
    posted = client.post(step_url(attempt, question.slug, then="summary"), {"answer": new.pk})
    assert posted["Location"] == reverse("quiz:summary", args=[attempt.uuid])
    assert list(Answer.objects.get(attempt=attempt, question=question).options.all()) == [new]


def test_the_summary_lists_every_answer_with_a_link_to_change_it(client_started):
    client, attempt, _ = client_started
    answer_everything(attempt)
    html = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    total = attempt.quiz.active_questions().count()
    assert html.count('class="summary-change"') == total
    assert "Not answered yet" not in html
    assert "See my result" in html


def test_the_summary_groups_the_answers_under_their_sections_in_the_quizs_order(client_started):
    client, attempt, _ = client_started
    answer_everything(attempt)
    html = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    sections = list(dict.fromkeys(q.section for q in attempt.quiz.active_questions()))
    headings = re.findall(r'<h2 class="h5 summary-section">([^<]+)</h2>', html)
    assert len(sections) >= 3 and headings == sections
    for question in attempt.quiz.active_questions():
        # Each question is listed after its own section's heading and before the next one's.
        position = html.index(f'<div class="summary-question">{escape(question.text)}</div>')
        own = sections.index(question.section)
        assert html.index(f">{question.section}</h2>") < position
        assert own + 1 == len(sections) or position < html.index(f">{sections[own + 1]}</h2>")


def test_the_summary_offers_see_my_result_above_and_below_the_answers(client_started):
    client, attempt, _ = client_started
    answer_everything(attempt)
    html = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    buttons = [m.start() for m in re.finditer(r">See my result</button>", html)]
    rows = [m.start() for m in re.finditer(r'class="summary-row"', html)]
    assert len(buttons) == 2
    assert buttons[0] < rows[0] and buttons[1] > rows[-1]


def test_an_unfinished_summary_offers_one_disabled_see_my_result(client_started):
    client, attempt, _ = client_started
    html = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    assert html.count(">See my result</button>") == 1
    assert re.search(r"disabled>See my result</button>", html)


def test_finishing_with_unanswered_questions_is_refused(client_started):
    client, attempt, _ = client_started
    response = client.post(reverse("quiz:finish", args=[attempt.uuid]))
    assert response.status_code == 422
    assert "Some questions are not answered yet." in response.content.decode()
    assert not Result.objects.exists()


def test_finishing_stores_the_result_and_opens_its_permalink(client_started):
    client, attempt, _ = client_started
    answer_everything(attempt, "head-of-product")
    response = client.post(reverse("quiz:finish", args=[attempt.uuid]))
    result = Result.objects.get()
    assert response["Location"] == result.get_absolute_url()
    page = client.get(result.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "Head of Product" in html and "Best fit" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html and page["X-Robots-Tag"].startswith(
        "noindex"
    )
    assert "<svg" in html and "Show the numbers as a table" in html
    assert "Head of Product at a glance" in html


def test_the_last_answer_leads_to_the_summary(client_started):
    client, attempt, _ = client_started
    answer_everything(attempt)
    last = list(attempt.quiz.active_questions())[-1]
    Answer.objects.filter(attempt=attempt, question=last).delete()
    posted = client.post(step_url(attempt, last.slug), {"answer": "3"})
    assert posted["Location"] == reverse("quiz:summary", args=[attempt.uuid])


def test_only_the_owning_browser_session_can_see_or_answer_an_attempt(client_started):
    owner, attempt, response = client_started
    stranger = Client()
    url = response["Location"]
    ids = option_ids(owner.get(url))
    assert stranger.get(url).status_code == 403
    refused = stranger.post(url, {"answer": ids[0]})
    assert refused.status_code == 403
    assert "another browser" in refused.content.decode()
    assert stranger.get(reverse("quiz:summary", args=[attempt.uuid])).status_code == 403
    assert stranger.post(reverse("quiz:finish", args=[attempt.uuid])).status_code == 403
    assert not Answer.objects.exists()


@pytest.fixture
def finished(client_started):
    client, attempt, _ = client_started
    answer_everything(attempt, "product-owner")
    client.post(reverse("quiz:finish", args=[attempt.uuid]))
    return client, Result.objects.get()


def test_picking_another_role_swaps_the_plan(finished):
    client, result = finished
    url = result.get_absolute_url() + "?role=cpo"
    page = client.get(url)
    fragment = client.get(url, headers=HX)
    assert page.status_code == fragment.status_code == 200
    assert (
        "Your way to Chief Product Officer" in page.content.decode()
        or "to Chief Product Officer" in page.content.decode()
    )
    assert fragment.content.decode().lstrip().startswith('<div id="plan"')
    assert "Chief Product Officer" in fragment.content.decode()


def test_an_unknown_role_for_the_plan_is_a_clear_400(finished):
    client, result = finished
    response = client.get(result.get_absolute_url() + "?role=astronaut")
    assert response.status_code == 400
    assert "Choose one of the roles in the list." in response.content.decode()


def test_the_result_is_read_from_the_snapshot(finished):
    client, result = finished
    snapshot = result.snapshot
    snapshot["ranking"][0]["name"] = "Snapshot Role Name"
    result.snapshot = snapshot
    result.save()
    assert "Snapshot Role Name" in client.get(result.get_absolute_url()).content.decode()


def test_a_result_page_from_the_cache_is_the_same_page(finished):
    """The article is cached as rendered HTML; it comes back as HTML, not as escaped text."""
    client, result = finished
    first = client.get(result.get_absolute_url()).content.decode()
    result.snapshot = {**result.snapshot, "ranking": []}  # the cache answers, not the row
    result.save()
    second = client.get(result.get_absolute_url()).content.decode()
    assert '<article class="result">' in second and "&lt;article" not in second
    assert second.count("<article") == first.count("<article") == 1


def test_anyone_with_the_link_can_read_a_result(finished):
    _, result = finished
    assert Client().get(result.get_absolute_url()).status_code == 200


def test_an_unknown_result_is_404(default_content, client):
    assert client.get("/results/00000000-0000-4000-8000-000000000000/").status_code == 404
