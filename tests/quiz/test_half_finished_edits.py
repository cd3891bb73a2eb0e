"""Any bank state an editor can save leaves the quiz working: an unfinished question is
skipped by the engine and reported by bank health, and the admin refuses to save one."""

import json

import pytest
from django.urls import reverse

from editor.health import bank_problems, check_bank
from quiz import caching
from quiz.models import Answer, Attempt, Option, Persona, Question, Result
from quiz.selectors import attempt_answers
from quiz.services import AttemptIncomplete, attempt_complete
from tests.factories import answer_everything, step_url


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
    persona = Persona.objects.get(name__startswith="Ingrid")
    assert any("Ingrid" in p.message for p in bank_problems())  # computed and cached
    persona.expected_role = persona.expected_role.__class__.objects.get(slug="senior-pm")
    persona.save()
    assert not any("Ingrid" in p.message for p in bank_problems())


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
