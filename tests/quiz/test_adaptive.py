"""The adaptive quiz: after a fixed opening it asks the question that best separates the
leading roles, stops once the leader is clear, and can always be taken whole."""

import random
import re

import pytest
from django.test import Client
from django.urls import reverse

from quiz import engine
from quiz.bank import load_bank
from quiz.engine import adaptive
from quiz.models import Answer, Attempt, Quiz, Result
from quiz.selectors import attempt_answers, engine_answers
from quiz.services import AttemptIncomplete, attempt_complete
from tests.factories import step_url, typical_answers
from tests.test_query_counts import BOUND

HX = {"HX-Request": "true"}


@pytest.fixture
def bank(default_content):
    return load_bank(default_content)


def take(client, quiz, answers, *, limit=60):
    """Answers whatever question the quiz shows, as a person with these answers would,
    until it shows the summary; returns the slugs asked, in order."""
    asked = []
    url = client.post(reverse("quiz:start", args=[quiz.slug]))["Location"]
    while "/questions/" in url and len(asked) < limit:
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        asked.append(slug)
        question = quiz.questions.get(slug=slug)
        response = client.post(url, _form_data(question, answers[slug]))
        assert response.status_code == 302, (slug, response.status_code)
        url = response["Location"]
    return asked


def _form_data(question, value):
    if isinstance(value, int):
        return {"answer": str(value)}
    pks = [str(question.options.get(slug=slug).pk) for slug in value]
    return {"answer": pks if question.kind == "multiple" else pks[0]}


@pytest.fixture
def person(default_content, client):
    client.post(reverse("quiz:start", args=[default_content.slug]))
    return client, Attempt.objects.get()


# --------------------------------------------------------------------------- the engine


def test_the_opening_comes_first_in_order_then_the_most_informative_question(bank):
    path = adaptive.walk(bank, {})
    assert path.next.question == "current-role" and path.next.reason == adaptive.OPENING
    opening = adaptive.opening(bank)
    assert opening == [
        "current-role",
        "years-experience",
        "adjacent-years",
        "widest-scope",
        "people-reporting",
        "done-recently",
        # Where the person wants to go: never skipped.
        "target-roles",
        "manage-or-ic",
        "company-stage",
        "horizon",
    ]
    answers = typical_answers(bank, "product-manager")
    path = adaptive.walk(bank, {slug: answers[slug] for slug in opening})
    assert path.asked == tuple(opening)
    assert path.next.reason == adaptive.INFORMATIVE and path.next.question not in opening


def test_the_same_answers_always_lead_to_the_same_questions(bank):
    answers = typical_answers(bank, "head-of-product")
    first, given = adaptive.simulate(bank, answers)
    again = adaptive.walk(bank, given)
    assert again.asked == first.asked and again.stopped == first.stopped == adaptive.CLEAR_LEADER
    assert len(set(first.asked)) == len(first.asked)  # nothing asked twice


def test_changing_an_early_answer_changes_what_comes_after_it(bank):
    answers = typical_answers(bank, "associate-pm")
    path, given = adaptive.simulate(bank, answers)
    cpo = typical_answers(bank, "cpo")
    changed = {**given, "people-reporting": cpo["people-reporting"], "widest-scope": cpo["widest-scope"]}
    after_opening = len(adaptive.opening(bank)) + 2
    assert adaptive.walk(bank, changed).asked[:after_opening] != path.asked[:after_opening]


def test_typical_answers_of_every_role_stop_early_with_that_role_on_top(bank):
    for role in bank.recommendable_roles():
        path, given = adaptive.simulate(bank, typical_answers(bank, role.slug))
        assert path.stopped in (adaptive.CLEAR_LEADER, adaptive.DIRECTION_SETTLED), role.slug
        assert len(path.steps) < len(bank.questions) * 0.6, (role.slug, len(path.steps))
        ranking = engine.rank_roles(bank, engine.build_profile(bank, given))
        assert ranking[0].role == role.slug


def test_the_quiz_stops_at_its_maximum_however_close_the_call(bank):
    settings = adaptive.Settings(max_questions=12, margin=50)
    path, _ = adaptive.simulate(bank, typical_answers(bank, "product-manager"), settings)
    assert len(path.steps) == 12 and path.stopped == adaptive.MAX_QUESTIONS


def test_a_person_who_asked_for_more_is_not_stopped_before_them(bank):
    path, given = adaptive.simulate(bank, typical_answers(bank, "product-manager"))
    more = adaptive.walk(bank, given, at_least=len(path.steps) + 3)
    assert more.stopped is None and more.next is not None


def _random_answers(bank, rng):
    answers = {}
    for q in bank.questions.values():
        if q.kind == "scale":
            answers[q.slug] = rng.randint(1, 5)
        else:
            answers[q.slug] = (rng.choice(q.answer_options).slug,)
    return answers


def test_a_walk_that_reuses_an_earlier_walks_decisions_goes_exactly_where_a_fresh_one_does(bank):
    """The memo is only a shortcut: after any change of answers (one changed, one taken
    back, more asked for), a walk from the earlier walk's memo equals a fresh walk."""
    rng = random.Random(7)
    for _ in range(25):
        respondent = _random_answers(bank, rng)
        full, given = adaptive.simulate(bank, respondent)
        # Stand somewhere along the path, then change things.
        cut = rng.randint(0, len(full.asked))
        partial = {slug: given[slug] for slug in full.asked[:cut] if slug in given}
        before = adaptive.walk(bank, partial)
        changed = dict(partial)
        if changed and rng.random() < 0.5:
            slug = rng.choice(sorted(changed))
            changed[slug] = _random_answers(bank, rng)[slug]
        if before.next is not None:
            changed[before.next.question] = respondent[before.next.question]
        at_least = rng.choice([0, 0, cut + 3])
        fresh = adaptive.walk(bank, changed, at_least=at_least)
        reused = adaptive.walk(bank, changed, at_least=at_least, memo=before.memo)
        assert (reused.steps, reused.next, reused.stopped) == (fresh.steps, fresh.next, fresh.stopped)
        assert reused.memo == fresh.memo


def test_a_memo_from_unchanged_answers_needs_no_new_decision(bank, monkeypatch):
    path, given = adaptive.simulate(bank, typical_answers(bank, "head-of-product"))
    first = adaptive.walk(bank, {slug: given[slug] for slug in path.asked[:-1]})
    calls = []
    monkeypatch.setattr(adaptive.Walker, "propose", lambda self: calls.append(1))
    again = adaptive.walk(bank, {slug: given[slug] for slug in path.asked[:-1]}, memo=first.memo)
    assert again.next == first.next and calls == []


# --------------------------------------------------------------------------- the flow


def test_a_typical_product_manager_gets_a_result_after_far_fewer_questions(default_content, bank, client):
    attempt_client = Client()
    answers = typical_answers(bank, "product-manager")
    asked = take(attempt_client, Quiz.objects.get(), answers)
    attempt = Attempt.objects.get()
    total = default_content.active_questions().count()
    assert len(asked) <= total // 2
    summary = attempt_client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    assert "point clearly to one role" in summary
    assert "Answer 5 more to sharpen it" in summary and "Answer every question" in summary
    assert summary.count('class="summary-row"') == len(asked)

    result_url = attempt_client.post(reverse("quiz:finish", args=[attempt.uuid]))["Location"]
    result = Result.objects.get()
    assert result_url == result.get_absolute_url()
    assert result.recommended_role_slug == "product-manager"
    record = result.snapshot["adaptive"]
    assert record["stopped"] == "clear-leader" and record["asked"] == len(asked)
    assert [s["question"] for s in record["steps"]] == asked
    assert record["steps"][-1]["leader"] == "product-manager"
    assert set(result.snapshot["answers"]) == set(asked)
    page = attempt_client.get(result_url).content.decode()
    assert f"From your answers to {len(asked)} questions: the quiz stopped once one role led clearly." in page


def test_each_step_says_about_how_many_questions_are_left(person):
    client, attempt = person
    page = client.get(step_url(attempt, "current-role")).content.decode()
    assert "Question 1, about" in page and "more" in page
    card = client.get(step_url(attempt, "current-role"), headers=HX).content.decode()
    assert card.strip().startswith("<title>Question 1, about ")


def test_finishing_before_the_quiz_stopped_is_refused(person, bank):
    client, attempt = person
    answers = typical_answers(bank, "product-manager")
    for slug in adaptive.opening(bank):
        question = attempt.quiz.questions.get(slug=slug)
        client.post(step_url(attempt, slug), _form_data(question, answers[slug]))
    response = client.post(reverse("quiz:finish", args=[attempt.uuid]))
    assert response.status_code == 422
    assert "more to ask" in response.content.decode()
    with pytest.raises(AttemptIncomplete):
        attempt_complete(attempt=attempt)
    assert not Result.objects.exists()


def test_answering_a_few_more_asks_five_more_then_stops_again(default_content, bank):
    client = Client()
    answers = typical_answers(bank, "senior-pm")
    asked = take(client, default_content, answers)
    attempt = Attempt.objects.get()
    more = client.post(reverse("quiz:more", args=[attempt.uuid]))
    assert "/questions/" in more["Location"]
    url, extra = more["Location"], []
    while "/questions/" in url:
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        extra.append(slug)
        url = client.post(url, _form_data(attempt.quiz.questions.get(slug=slug), answers[slug]))["Location"]
    assert len(extra) == 5 and not set(extra) & set(asked)
    client.post(reverse("quiz:finish", args=[attempt.uuid]))
    assert Result.objects.get().snapshot["adaptive"]["asked"] == len(asked) + 5


def test_answering_every_question_is_always_possible(default_content, bank):
    client = Client()
    answers = typical_answers(bank, "program-manager")
    take(client, default_content, answers)
    attempt = Attempt.objects.get()
    next_url = client.post(reverse("quiz:more", args=[attempt.uuid]), {"everything": "1"})["Location"]
    attempt.refresh_from_db()
    assert attempt.answer_all and "/questions/" in next_url
    assert client.post(reverse("quiz:finish", args=[attempt.uuid])).status_code == 422
    total = default_content.active_questions().count()
    page = client.get(next_url).content.decode()
    assert f"of {total}" in page  # the whole quiz now, counted as such


def test_changing_an_earlier_answer_says_it_may_change_what_follows_and_reroutes(default_content, bank):
    client = Client()
    answers = typical_answers(bank, "associate-pm")
    asked = take(client, default_content, answers)
    attempt = Attempt.objects.get()
    page = client.get(step_url(attempt, "people-reporting")).content.decode()
    assert "changing this answer may change what comes next" in page
    cpo = typical_answers(bank, "cpo")
    for slug in ("widest-scope", "people-reporting", "years-experience"):
        question = attempt.quiz.questions.get(slug=slug)
        client.post(step_url(attempt, slug) + "?then=summary", _form_data(question, cpo[slug]))
    rerouted = adaptive.walk(load_bank(default_content), _engine_answers(attempt), at_least=0)
    dropped = [
        slug
        for slug in asked
        if slug not in rerouted.asked and slug != getattr(rerouted.next, "question", "")
    ]
    assert dropped, "new answers lead to other questions"
    # A question the new answers no longer lead to sends the person where they do lead.
    response = client.get(step_url(attempt, dropped[0]))
    assert response.status_code == 302
    assert Answer.objects.filter(attempt=attempt, question__slug=dropped[0]).exists()  # kept, not counted


def _engine_answers(attempt):
    return engine_answers(attempt_answers(attempt))


def test_a_resumed_adaptive_quiz_continues_where_it_was(person, bank):
    client, attempt = person
    answers = typical_answers(bank, "product-owner")
    for slug in adaptive.opening(bank)[:3]:
        question = attempt.quiz.questions.get(slug=slug)
        client.post(step_url(attempt, slug), _form_data(question, answers[slug]))
    landing = client.get("/").content.decode()
    assert "You answered 3 questions." in landing and "About " in landing
    resumed = client.post(reverse("quiz:start", args=[attempt.quiz.slug]))
    assert resumed["Location"] == step_url(attempt, adaptive.opening(bank)[3])


def test_editors_set_adaptive_maximum_and_margin_per_quiz(default_content, admin_client, bank):
    page = admin_client.get(reverse("admin:quiz_quiz_change", args=[default_content.pk])).content.decode()
    for field in ("adaptive", "adaptive_max", "adaptive_margin"):
        assert f'name="{field}"' in page
    Quiz.objects.filter(pk=default_content.pk).update(adaptive_max=12, adaptive_margin=50)
    client = Client()
    asked = take(client, Quiz.objects.get(), typical_answers(bank, "product-manager"))
    assert len(asked) == 12
    summary = client.get(reverse("quiz:summary", args=[Attempt.objects.get().uuid])).content.decode()
    assert "as many as this quiz asks" in summary
    Quiz.objects.filter(pk=default_content.pk).update(adaptive=False)
    whole = Client()
    assert len(take(whole, Quiz.objects.get(), typical_answers(bank, "product-manager"))) == len(
        bank.questions
    )


def test_an_adaptive_step_needs_no_more_queries_than_a_plain_one(
    default_content, bank, django_assert_max_num_queries
):
    client = Client()
    answers = typical_answers(bank, "product-manager")
    take(client, default_content, answers, limit=8)
    attempt = Attempt.objects.get()
    current = adaptive.walk(bank, _engine_answers(attempt)).next.question
    with django_assert_max_num_queries(BOUND):
        assert client.get(step_url(attempt, current)).status_code == 200
    question = attempt.quiz.questions.get(slug=current)
    with django_assert_max_num_queries(BOUND):
        assert (
            client.post(step_url(attempt, current), _form_data(question, answers[current])).status_code == 302
        )


def test_answers_kept_from_another_path_never_change_where_the_quiz_stops(bank):
    """Answers to every question (as after changing an early answer back and forth) lead to
    the same questions, stop and result as the answers given on the path alone."""
    everything = typical_answers(bank, "director-of-product")
    path, given = adaptive.simulate(bank, everything)
    replayed = adaptive.walk(bank, everything)
    assert replayed.asked == path.asked and replayed.stopped == path.stopped == adaptive.CLEAR_LEADER
    capped = adaptive.walk(bank, everything, adaptive.Settings(max_questions=12, margin=50))
    assert len(capped.steps) == 12 and capped.stopped == adaptive.MAX_QUESTIONS


def test_changing_an_answer_and_back_gives_the_first_result_again(default_content, bank):
    """A person changes an early answer, follows the new questions (keeping the answers
    already given where the new path passes them), then changes it back: the quiz is the
    first quiz again, however many answers the detour left behind."""
    client = Client()
    director = typical_answers(bank, "director-of-product")
    asked = take(client, default_content, director)
    attempt = Attempt.objects.get()
    question = default_content.questions.get(slug="people-reporting")
    stay_ic = question.options.order_by("order").first()
    client.post(step_url(attempt, "people-reporting") + "?then=summary", {"answer": stay_ic.pk})
    product_manager = typical_answers(bank, "product-manager")
    url = client.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    while "/questions/" in url:
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        kept = _engine_answers(attempt).get(slug)
        value = kept if kept is not None else product_manager[slug]
        url = client.post(url, _form_data(default_content.questions.get(slug=slug), value))["Location"]
    assert len(_engine_answers(attempt)) > len(asked)  # the detour's answers stay saved
    client.post(
        step_url(attempt, "people-reporting") + "?then=summary",
        _form_data(question, director["people-reporting"]),
    )
    summary = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    assert summary.count('class="summary-row"') == len(asked)
    client.post(reverse("quiz:finish", args=[attempt.uuid]))
    result = Result.objects.get()
    assert result.recommended_role_slug == "director-of-product"
    assert result.snapshot["adaptive"]["asked"] == len(asked)


def test_more_with_everything_other_than_1_asks_a_few_more(default_content, bank):
    client = Client()
    take(client, default_content, typical_answers(bank, "product-owner"))
    attempt = Attempt.objects.get()
    client.post(reverse("quiz:more", args=[attempt.uuid]), {"everything": "0"})
    attempt.refresh_from_db()
    assert not attempt.answer_all and attempt.at_least > 0


def test_a_quiz_without_questions_gives_no_result(db, client):
    from tests.factories import make_quiz

    quiz = make_quiz("empty", adaptive=True)
    client.post(reverse("quiz:start", args=[quiz.slug]))
    attempt = Attempt.objects.get()
    assert client.head(reverse("quiz:summary", args=[attempt.uuid])).status_code == 200
    assert client.post(reverse("quiz:finish", args=[attempt.uuid])).status_code == 422
    assert not Result.objects.exists()


def test_the_quiz_page_in_the_admin_saves_its_adaptive_settings(default_content, admin_client):
    url = reverse("admin:quiz_quiz_change", args=[default_content.pk])
    page = admin_client.get(url).content.decode()
    assert default_content.questions.get(slug="current-role").text in page  # listed, as links
    response = admin_client.post(
        url,
        {
            "title": default_content.title,
            "slug": default_content.slug,
            "intro": default_content.intro,
            "published": "on",
            "adaptive": "on",
            "adaptive_max": "20",
            "adaptive_margin": "6",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    default_content.refresh_from_db()
    assert (default_content.adaptive_max, default_content.adaptive_margin) == (20, 6)


@pytest.mark.parametrize("htmx", [False, True])
def test_a_valid_answer_to_a_question_the_quiz_has_not_asked_is_not_kept(person, bank, htmx):
    """The answer is checked before the walk that says whether the question is asked; an
    answer to a question this person's answers have not led to is sent to where they lead."""
    client, attempt = person
    first_step = reverse("quiz:question", args=[attempt.uuid, adaptive.opening(bank)[0]])
    unasked = next(q for q in attempt.quiz.active_questions() if q.slug not in adaptive.opening(bank))
    value = typical_answers(bank, "product-manager")[unasked.slug]
    response = client.post(
        step_url(attempt, unasked.slug), _form_data(unasked, value), headers=HX if htmx else {}
    )
    assert response.status_code == 302 and response["Location"] == first_step
    assert not Answer.objects.filter(attempt=attempt).exists()


def _progress_run(bank, respondent, settings, usual):
    """Every progress line a person answering as ``respondent`` would see, with the
    number of questions that really came after each."""
    path, given = adaptive.simulate(bank, respondent, settings)
    total = len(path.steps)
    lines = []
    for n in range(total):
        asked_before = {q: given[q] for q in path.asked[:n] if q in given}
        step = adaptive.walk(bank, asked_before, settings)
        if step.next is None:
            break
        lines.append((adaptive.progress(bank, step, asked_before, settings, usual), total - n - 1))
    return lines


def test_progress_never_repeats_a_count_and_past_the_usual_length_names_the_most_left(bank):
    settings = adaptive.Settings()
    usual = adaptive.typical_length(bank, settings)
    for role in ("director-of-product", "cpo", "product-manager"):
        lines = _progress_run(bank, typical_answers(bank, role), settings, usual)
        shown = [p.more for p, _ in lines if p.more is not None]
        assert all(a > b for a, b in zip(shown, shown[1:], strict=False)), role
        for p, left in lines:
            assert left <= p.at_most, role  # "at most" is never wrong
            if p.more is None:
                assert len(p.deciding) == 2 and p.at_most >= 0
        # Once the count is gone, it never comes back.
        first_gone = next((i for i, (p, _) in enumerate(lines) if p.more is None), len(lines))
        assert all(p.more is None for p, _ in lines[first_gone:]), role


def test_past_its_usual_length_the_quiz_says_the_most_that_remain_and_why_never_a_wrong_count(
    default_content, client, bank, monkeypatch
):
    """ "About N more" falls by one with every answer and is never said again once the quiz
    has gone past its usual length; then the line gives the most that can remain and the two
    roles the next answers tell apart."""
    from quiz import views

    monkeypatch.setattr(views, "_typical_length", lambda quiz: 9)
    answers = typical_answers(bank, "program-manager")
    url = client.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    lines = []
    while "/questions/" in url and len(lines) < 40:
        page = client.get(url).content.decode()
        lines.append(
            re.search(r"<label for=\"quiz-progress\"[^>]*>(Question \d+[^<]*)</label>", page).group(1).strip()
        )
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        url = client.post(url, _form_data(default_content.questions.get(slug=slug), answers[slug]))[
            "Location"
        ]
    abouts = [int(m.group(1)) for line in lines if (m := re.search(r"about (\d+) more", line))]
    assert abouts == list(range(abouts[0], abouts[0] - len(abouts), -1))  # one less each time
    past = lines[len(abouts) :]
    assert past, "the quiz went past its usual length of nine questions"
    assert all(re.search(r"at most \d+ more, to tell .+ and .+ apart", line) for line in past), past
