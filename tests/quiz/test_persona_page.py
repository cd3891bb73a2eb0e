"""Calibration personas recorded by taking the quiz: a staff preview's result offers to save
its answers as a persona, and a persona's page shows its answers with the quiz's own
controls (question text → the chosen option's words), never as JSON."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from quiz.calibration import persona_outcomes
from quiz.models import Attempt, Persona, Question, Quiz
from quiz.services import attempt_complete
from roles.models import Role
from tests.editor.test_permissions import staff_client
from tests.factories import answer_everything
from tests.test_html_valid import nu_errors

ADD = reverse("admin:quiz_persona_add")


def _result(quiz, role, *, preview=True):
    attempt = Attempt.objects.create(quiz=quiz, owner_key="staff", is_preview=preview)
    answer_everything(attempt, role)
    return attempt_complete(attempt=attempt)


def _ticked(html: str) -> dict[str, list[str]]:
    """What the page's radios and checkboxes have ticked, by their name ("" is "Not
    answered"): what the browser sends of them."""
    ticked: dict[str, list[str]] = {}
    for tag in re.findall(r"<input [^>]*checked[^>]*>", html):
        name, value = re.search(r'name="(answer-[^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value:
            ticked.setdefault(name.group(1), []).append(value.group(1))
    return ticked


def _checked(html: str) -> dict[str, list[str]]:
    """The answers the page shows ticked, by question slug ("Not answered" left out)."""
    return {name.removeprefix("answer-"): values for name, values in _ticked(html).items() if values != [""]}


def _form_data(html: str, **fields) -> dict:
    """What the browser would send: every ticked answer as the page shows it, and fields."""
    return {**_ticked(html), **fields}


# --------------------------------------------------------------------------- the result page


def test_a_previews_result_page_links_to_saving_its_answers_as_a_persona(default_content):
    result = _result(default_content, "product-owner")
    page = Client().get(result.get_absolute_url()).content.decode()
    assert f'href="{ADD}?result={result.uuid}"' in page
    assert "Save these answers as a calibration persona" in page


def test_a_job_seekers_result_page_offers_nothing_of_the_kind(default_content):
    result = _result(default_content, "product-owner", preview=False)
    page = Client().get(result.get_absolute_url()).content.decode()
    assert "calibration persona" not in page and "/admin/" not in page


def test_the_previews_result_page_stays_the_same_cookie_free_page_for_everyone(default_content, admin_client):
    result = _result(default_content, "product-owner")
    staff = admin_client.get(result.get_absolute_url())
    anyone = Client().get(result.get_absolute_url())
    assert staff.content == anyone.content
    assert not anyone.cookies and "csrf" not in anyone.content.decode().lower()


# --------------------------------------------------------------------------- the add page


@pytest.fixture
def linear_preview(linear_quiz):
    """The result of a preview of the whole quiz (adaptive off), answered as a Product Owner."""
    return _result(linear_quiz, "product-owner")


def test_the_add_page_is_filled_in_with_the_previews_answers_and_recommended_role(
    admin_client, linear_preview
):
    response = admin_client.get(f"{ADD}?result={linear_preview.uuid}")
    assert response.status_code == 200
    html = response.content.decode()
    ticked = _checked(html)
    assert set(ticked) == set(linear_preview.attempt.quiz.active_questions().values_list("slug", flat=True))
    assert ticked["current-role"] == ["product-owner"]
    role = Role.objects.get(slug=linear_preview.recommended_role_slug)
    assert re.search(rf'<option value="{role.pk}" selected>', html)
    assert re.search(r'name="name"[^>]*value=""|name="name"(?![^>]*value=)', html)


def test_saving_the_add_page_records_the_preview_as_a_persona_in_the_bank_format(
    admin_client, linear_preview
):
    html = admin_client.get(f"{ADD}?result={linear_preview.uuid}").content.decode()
    role = Role.objects.get(slug="product-owner")
    response = admin_client.post(
        f"{ADD}?result={linear_preview.uuid}",
        _form_data(html, name="Priya, product owner", expected_role=role.pk, notes=""),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    persona = Persona.objects.get(name="Priya, product owner")
    assert persona.quiz == linear_preview.attempt.quiz and persona.expected_role == role
    # The same answers a hand-written persona would have: slugs, lists and 1–5 values.
    assert persona.answers["current-role"] == "product-owner"
    assert isinstance(persona.answers["done-recently"], list)
    assert persona.answers["own-queries"] in range(1, 6)
    assert len(persona.answers) == linear_preview.attempt.quiz.active_questions().count()
    outcome = next(o for o in persona_outcomes(persona.quiz) if o.persona_id == persona.pk)
    assert outcome.error == "" and outcome.top == linear_preview.recommended_role_slug


def test_an_adaptive_preview_gives_the_answers_its_result_was_computed_from(admin_client, default_content):
    assert default_content.adaptive
    result = _result(default_content, "head-of-product")
    asked = {step["question"] for step in result.snapshot["adaptive"]["steps"]}
    answered = result.attempt.answers.count()
    assert len(asked) < answered  # the quiz stopped early; the other answers are not the result's
    html = admin_client.get(f"{ADD}?result={result.uuid}").content.decode()
    assert set(_checked(html)) == asked


@pytest.mark.parametrize("value", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_an_unknown_result_is_a_clear_404(admin_client, default_content, value):
    response = admin_client.get(f"{ADD}?result={value}")
    assert response.status_code == 404
    assert "Only the answers of “Preview this quiz”" in response.content.decode()


def test_a_job_seekers_answers_never_become_a_persona(admin_client, default_content):
    result = _result(default_content, "product-owner", preview=False)
    url = f"{ADD}?result={result.uuid}"
    assert admin_client.get(url).status_code == 404
    role = Role.objects.get(slug="product-owner")
    response = admin_client.post(
        url, {"name": "Someone real", "expected_role": role.pk, "answer-current-role": "cpo"}
    )
    assert response.status_code == 404
    assert not Persona.objects.filter(name="Someone real").exists()


def test_the_add_page_needs_a_login_and_the_add_permission(default_content):
    result = _result(default_content, "product-owner")
    url = f"{ADD}?result={result.uuid}"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert staff_client("viewer", ["quiz.view_persona"]).get(url).status_code == 403


# --------------------------------------------------------------------------- the change page


@pytest.fixture
def persona(default_content):
    return Persona.objects.filter(quiz=default_content).order_by("name").first()


def _change(persona):
    return reverse("admin:quiz_persona_change", args=[persona.pk])


def test_the_persona_page_has_a_labelled_control_per_active_question_and_no_json(admin_client, persona):
    html = admin_client.get(_change(persona)).content.decode()
    assert 'name="answers"' not in html
    for question in persona.quiz.active_questions():
        assert f'name="answer-{question.slug}"' in html, question.slug
    scale = persona.quiz.questions.get(slug="own-queries")
    assert f"<legend>{scale.text}</legend>" in html
    assert "5 · Strongly agree" in html and 'type="checkbox"' in html and "Not answered" in html
    # Grouped by the quiz's sections, in their order.
    sections = list(dict.fromkeys(persona.quiz.active_questions().values_list("section", flat=True)))
    headings = re.findall(r'<h2 id="answers-\d+-heading" class="fieldset-heading">([^<]*)</h2>', html)
    assert headings == sections


def _as_sent(question, value):
    """A saved answer as the page's controls send it."""
    if isinstance(value, int):
        return [str(value)]
    if isinstance(value, list):
        return value
    return [f"na-{value}"] if question.is_scale else [value]


def test_the_persona_page_ticks_the_saved_answers(admin_client, persona):
    ticked = _checked(admin_client.get(_change(persona)).content.decode())
    questions = {q.slug: q for q in persona.quiz.active_questions()}
    assert ticked == {slug: _as_sent(questions[slug], value) for slug, value in persona.answers.items()}


def _edit(persona, **answers):
    """The persona's page as sent back with its saved answers, and some changed."""
    data = {"name": persona.name, "expected_role": persona.expected_role_id, "notes": persona.notes}
    if persona.held_out:
        data["held_out"] = "on"
    for question in persona.quiz.active_questions():
        if question.slug in persona.answers:
            data[f"answer-{question.slug}"] = _as_sent(question, persona.answers[question.slug])
        elif question.kind != "multiple":
            data[f"answer-{question.slug}"] = ""  # its "Not answered" radio
    data.update({f"answer-{slug}": value for slug, value in answers.items()})
    return data


def test_changing_answers_stores_the_same_json_as_before(admin_client, persona):
    before = dict(persona.answers)
    response = admin_client.post(
        _change(persona),
        _edit(persona, **{"current-role": "cpo", "own-queries": "2", "done-recently": ["internship"]}),
    )
    assert response.status_code == 302
    persona.refresh_from_db()
    assert persona.answers == {
        **before,
        "current-role": "cpo",
        "own-queries": 2,
        "done-recently": ["internship"],
    }


def test_not_answered_leaves_a_question_out(admin_client, persona):
    response = admin_client.post(_change(persona), _edit(persona, **{"own-queries": "", "done-recently": []}))
    assert response.status_code == 302
    persona.refresh_from_db()
    assert "own-queries" not in persona.answers and "done-recently" not in persona.answers


def test_a_not_applicable_answer_to_a_statement_is_stored_as_its_option(admin_client, persona):
    question = persona.quiz.questions.get(slug="grown-into-roles")
    option = question.options.get(not_applicable=True)
    response = admin_client.post(_change(persona), _edit(persona, **{question.slug: f"na-{option.slug}"}))
    assert response.status_code == 302
    persona.refresh_from_db()
    assert persona.answers[question.slug] == option.slug


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"current-role": "no-such-role"}, "That answer is not one of the options."),
        ({"own-queries": "7"}, "Choose a value from 1 to 5."),
        ({"done-recently": ["internship", "none-yet"]}, "cannot be combined with other answers"),
    ],
)
def test_a_bad_answer_is_a_422_with_its_message_and_nothing_is_saved(admin_client, persona, answers, message):
    before = dict(persona.answers)
    response = admin_client.post(_change(persona), _edit(persona, **answers))
    assert response.status_code == 422
    assert message in response.content.decode()
    persona.refresh_from_db()
    assert persona.answers == before


def test_a_name_another_persona_of_the_quiz_has_is_a_422(admin_client, linear_preview, persona):
    html = admin_client.get(f"{ADD}?result={linear_preview.uuid}").content.decode()
    count = Persona.objects.count()
    response = admin_client.post(
        f"{ADD}?result={linear_preview.uuid}",
        _form_data(html, name=persona.name, expected_role=persona.expected_role_id),
    )
    assert response.status_code == 422
    assert "with this Quiz and Name already exists" in response.content.decode()
    assert Persona.objects.count() == count


def test_answers_to_questions_no_longer_in_the_quiz_are_kept_and_shown_as_text(admin_client, persona):
    question = persona.quiz.questions.get(slug="current-role")
    Question.objects.filter(pk=question.pk).update(active=False)
    saved = persona.answers["current-role"]
    label = question.options.get(slug=saved).label
    html = admin_client.get(_change(persona)).content.decode()
    assert 'name="answer-current-role"' not in html
    assert f"<dt>{question.text}</dt><dd>{label}</dd>" in html
    response = admin_client.post(_change(persona), _edit(persona, **{"own-queries": "1"}))
    assert response.status_code == 302
    persona.refresh_from_db()
    assert persona.answers["current-role"] == saved and persona.answers["own-queries"] == 1


def test_the_page_says_how_the_persona_fares_now(admin_client, persona):
    html = admin_client.get(_change(persona)).content.decode()
    outcome = next(o for o in persona_outcomes(persona.quiz) if o.persona_id == persona.pk)
    top = Role.objects.get(slug=outcome.top).name
    assert ("Passes: " if outcome.passed else "Fails: ") + f"{top} first" in html


def test_a_view_only_editor_sees_the_answers_as_text_and_cannot_change_them(persona):
    client = staff_client("viewer", ["quiz.view_persona"])
    html = client.get(_change(persona)).content.decode()
    assert 'name="answer-' not in html and 'type="radio"' not in html
    question = persona.quiz.questions.get(slug="current-role")
    label = question.options.get(slug=persona.answers["current-role"]).label
    assert f"<dt>{question.text}</dt><dd>{label}</dd>" in html
    before = dict(persona.answers)
    response = client.post(_change(persona), _edit(persona, **{"current-role": "cpo"}))
    assert response.status_code == 403
    persona.refresh_from_db()
    assert persona.answers == before


def test_a_new_persona_without_a_preview_answers_the_only_quiz(admin_client, default_content):
    html = admin_client.get(ADD).content.decode()
    assert 'name="answer-current-role"' in html
    role = Role.objects.get(slug="cpo")
    response = admin_client.post(
        ADD,
        _form_data(
            html,
            name="A CPO",
            expected_role=role.pk,
            **{"answer-current-role": "cpo", "answer-own-queries": "5"},
        ),
    )
    assert response.status_code == 302
    persona = Persona.objects.get(name="A CPO")
    assert persona.quiz == default_content
    assert persona.answers == {"current-role": "cpo", "own-queries": 5}


def test_with_several_quizzes_the_quiz_is_chosen_first(admin_client, default_content):
    Quiz.objects.create(slug="another", title="Another quiz")
    html = admin_client.get(ADD).content.decode()
    assert 'name="answer-' not in html and "Choose the quiz and save" in html
    html = admin_client.get(f"{ADD}?quiz={default_content.pk}").content.decode()
    assert 'name="answer-current-role"' in html


def test_the_persona_pages_are_valid_html(admin_client, linear_preview, persona, tmp_path):
    pages = {
        "preview-result": Client().get(linear_preview.get_absolute_url()),
        "persona-from-preview": admin_client.get(f"{ADD}?result={linear_preview.uuid}"),
        "persona-change": admin_client.get(_change(persona)),
        "persona-error": admin_client.post(_change(persona), _edit(persona, **{"own-queries": "7"})),
        "persona-view-only": staff_client("viewer", ["quiz.view_persona"]).get(_change(persona)),
    }
    assert [r.status_code for r in pages.values()] == [200, 200, 200, 422, 200]
    errors = nu_errors({name: r.content.decode() for name, r in pages.items()}, tmp_path)
    assert errors == [], "\n".join(errors)


def test_question_texts_options_and_sections_are_text_on_the_persona_page(admin_client, persona):
    markup = '<img src=x onerror="alert(1)">'
    question = persona.quiz.questions.get(slug="current-role")
    Question.objects.filter(pk=question.pk).update(text=markup, help_text=markup, section=markup)
    question.options.filter(slug=persona.answers["current-role"]).update(label=markup)
    for client in (admin_client, staff_client("viewer", ["quiz.view_persona"])):
        html = client.get(_change(persona)).content.decode()
        assert markup not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
