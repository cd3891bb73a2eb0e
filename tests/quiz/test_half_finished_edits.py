"""Any bank state an editor can save leaves the quiz working: an unfinished question is
skipped by the engine and reported by bank health, and the admin refuses to save one."""

import json
import re

import pytest
from django.urls import reverse

from editor.health import bank_problems, check_bank
from quiz import caching
from quiz.bank import load_bank
from quiz.calibration import persona_outcomes
from quiz.models import Answer, Attempt, BankRevision, Option, Persona, Question, Result
from quiz.selectors import attempt_answers
from quiz.services import AttemptIncomplete, attempt_complete
from roles.models import Competency, Role, Transition
from tests.admin_forms import form_fields
from tests.factories import answer_everything, make_question, step_url, typical_answers


def test_a_statement_saved_without_its_anchors_does_not_break_finishing(
    default_content, admin_client, client
):
    broken = Question.objects.create(
        quiz=default_content,
        slug="half-done",
        text="A statement still being written",
        kind="scale",
        order=999,
    )
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt)
    result = attempt_complete(attempt=attempt)
    assert client.get(result.get_absolute_url()).status_code == 200
    assert admin_client.get("/admin/").status_code == 200
    health = admin_client.get(reverse("admin:bank_health"))
    assert health.status_code == 200
    assert broken.text in health.content.decode()
    assert any(p.kind == "question-without-options" for p in check_bank(default_content))


def _question_form(question, options):
    data = {
        "quiz": question.quiz_id,
        "slug": question.slug,
        "order": question.order,
        "section": question.section,
        "text": question.text,
        "help_text": "",
        "kind": question.kind,
        "purpose": question.purpose,
        "active": "on",
        "options-TOTAL_FORMS": str(len(options)),
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "0",
        "options-MAX_NUM_FORMS": "1000",
    }
    for i, (slug, label) in enumerate(options):
        data.update(
            {
                f"options-{i}-slug": slug,
                f"options-{i}-label": label,
                f"options-{i}-order": i,
                f"options-{i}-active": "on",
            }
        )
    return data


def test_the_admin_refuses_a_statement_without_both_anchors(default_content, admin_client):
    question = Question(quiz=default_content, slug="new-statement", text="New?", kind="scale", order=500)
    response = admin_client.post(
        reverse("admin:quiz_question_add"), _question_form(question, [("disagree", "Strongly disagree")])
    )
    assert response.status_code == 200
    assert "needs its two anchors" in response.content.decode()
    assert not Question.objects.filter(slug="new-statement").exists()


def test_the_admin_refuses_a_choice_question_without_options(default_content, admin_client):
    question = Question(quiz=default_content, slug="new-choice", text="New?", kind="single", order=500)
    response = admin_client.post(reverse("admin:quiz_question_add"), _question_form(question, []))
    assert response.status_code == 200
    assert "needs at least one option" in response.content.decode()
    assert not Question.objects.filter(slug="new-choice").exists()


def test_a_persona_posted_as_json_without_its_pages_answers_is_refused(default_content, admin_client):
    # The persona's page gives each question its own control; the JSON field of old is gone,
    # and a post of it must neither add a misspelt answer nor wipe the others.
    persona = Persona.objects.first()
    before = dict(persona.answers)
    response = admin_client.post(
        reverse("admin:quiz_persona_change", args=[persona.pk]),
        {
            "quiz": persona.quiz_id,
            "name": persona.name,
            "expected_role": persona.expected_role_id,
            "answers": json.dumps({**before, "unused-featrue": "call-users"}),
            "notes": persona.notes,
        },
    )
    assert response.status_code == 422
    assert "Choose an answer, or “Not answered”." in response.content.decode()
    persona.refresh_from_db()
    assert persona.answers == before


def test_fixing_a_persona_clears_bank_health_at_once(default_content):
    missed = next(o for o in persona_outcomes(default_content) if not o.passed)
    persona = Persona.objects.get(pk=missed.persona_id)
    assert any(persona.name in p.message for p in bank_problems())  # computed and cached
    persona.expected_role = persona.expected_role.__class__.objects.get(slug=missed.top)
    persona.save()
    assert not any(persona.name in p.message for p in bank_problems())


def test_an_answer_whose_only_option_was_deactivated_since_is_asked_again_everywhere(started):
    """Progress, summary, finishing and scoring read saved answers through one selector,
    so they agree: the answer no longer counts, and the quiz asks the question again."""
    client, attempt = started
    answer_everything(attempt, "product-owner")
    question = attempt.quiz.active_questions().get(slug="unused-feature")
    chosen = Answer.objects.get(attempt=attempt, question=question).options.get()
    Option.objects.filter(pk=chosen.pk).update(active=False)
    caching.forget()

    summary = client.get(reverse("quiz:summary", args=[attempt.uuid])).content.decode()
    total = attempt.quiz.active_questions().count()
    assert f"{total - 1} of {total}" in summary
    assert question.pk not in attempt_answers(attempt)

    refused = client.post(reverse("quiz:finish", args=[attempt.uuid]))
    assert refused.status_code == 422
    assert not Result.objects.exists()
    with pytest.raises(AttemptIncomplete) as missing:
        attempt_complete(attempt=attempt)
    assert missing.value.question == question

    resumed = client.post(reverse("quiz:start", args=[attempt.quiz.slug]))
    assert resumed["Location"] == step_url(attempt, "unused-feature")


# --------------------------------------------------------------------------- drafts and publishing


def _answer_for(question, answers):
    value = answers.get(question.slug)
    if isinstance(value, int):
        return {"answer": str(value)}
    options = question.options.filter(active=True, not_applicable=False).order_by("order", "pk")
    chosen = [o for o in options if value and o.slug in value] or [options[0]]
    pks = [str(o.pk) for o in chosen]
    return {"answer": pks if question.kind == "multiple" else pks[0]}


def test_the_live_quiz_answering_every_question_never_shows_a_draft_or_an_incomplete_question(
    default_content, client
):
    competency = Competency.objects.get(slug="customer-insight")
    scored = {competency: 3}
    shown_never = [
        make_question(
            default_content,
            "draft-question",
            text="A draft with its options",
            active=False,
            options=[("a", "A", scored), ("b", "B", scored)],
        ),
        # As an upload, a deactivated option or a direct database edit could leave them:
        make_question(default_content, "one-option", text="Only one radio", options=[("a", "A", scored)]),
        make_question(
            default_content,
            "one-answer-and-na",
            text="One answer and not applicable",
            options=[("a", "A", scored), ("na", "Not for me", {})],
        ),
        make_question(default_content, "anchorless", kind="scale", text="A statement without anchors"),
    ]
    Option.objects.filter(question__slug="one-answer-and-na", slug="na").update(not_applicable=True)
    answers = typical_answers(load_bank(default_content), "product-manager")
    url = client.post(reverse("quiz:start", args=[default_content.slug]))["Location"]
    asked, everything_asked = [], False
    while len(asked) < 200:
        if "/questions/" not in url:
            if everything_asked:
                break
            attempt = Attempt.objects.get()
            url = client.post(reverse("quiz:more", args=[attempt.uuid]), {"everything": "1"})["Location"]
            everything_asked = True
            continue
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        page = client.get(url).content.decode()
        asked.append(slug)
        assert not any(q.text in page for q in shown_never), slug
        response = client.post(url, _answer_for(default_content.questions.get(slug=slug), answers))
        assert response.status_code == 302, (slug, response.status_code)
        url = response["Location"]
    live = set(default_content.questions.live().values_list("slug", flat=True))
    assert everything_asked and set(asked) == live
    assert not {q.slug for q in shown_never} & live
    summary = client.get(reverse("quiz:summary", args=[Attempt.objects.get().uuid])).content.decode()
    assert not any(q.text in summary for q in shown_never)


def test_a_new_question_starts_as_a_draft(default_content, admin_client):
    page = admin_client.get(reverse("admin:quiz_question_add")).content.decode()
    checkbox = re.search(r'<input[^>]*name="active"[^>]*>', page).group(0)
    assert "checked" not in checkbox


def test_an_active_choice_question_with_one_option_is_refused_and_saved_as_a_draft_it_may_be(
    default_content, admin_client
):
    question = Question(quiz=default_content, slug="one-radio", text="Only one?", kind="single", order=500)
    data = _question_form(question, [("only", "The only answer")])
    refused = admin_client.post(reverse("admin:quiz_question_add"), data)
    html = refused.content.decode()
    assert refused.status_code == 200 and not Question.objects.filter(slug="one-radio").exists()
    assert "it offers 1 answer(s); job seekers need at least 2 to choose from" in html
    assert "these answers score no competency: “The only answer”" in html
    assert "untick “Active” to save it as a draft" in html
    del data["active"]
    saved = admin_client.post(reverse("admin:quiz_question_add"), {**data, "_apply": "1"})
    assert saved.status_code == 302
    assert not Question.objects.get(slug="one-radio").active


def test_publishing_a_role_without_its_routes_and_current_role_option_is_refused_with_reasons(
    default_content, admin_client
):
    role = Role.objects.get(slug="program-manager")
    Transition.objects.filter(to_role=role).delete()
    Transition.objects.filter(from_role=role).delete()
    Option.objects.filter(question__is_current_role=True, role=role).update(role=None)
    Role.objects.filter(pk=role.pk).update(recommendable=False)
    versions = BankRevision.objects.count()
    url = reverse("admin:roles_role_change", args=[role.pk])
    data = form_fields(admin_client.get(url).content.decode(), form_id="role_form")
    data.update({"recommendable": "on", "_save": "Save"})
    for post in (data, {**data, "_apply": "1"}):  # the check page, and a post that skips it
        response = admin_client.post(url, post)
        html = response.content.decode()
        assert response.status_code == 422
        assert "This change cannot be published" in html and "Apply this change" not in html
        assert "Role “Program Manager” has no route into it from another role." in html
        assert "is not offered in the question" in html
        role.refresh_from_db()
        assert not role.recommendable
    assert BankRevision.objects.count() == versions
