"""Any bank state an editor can save leaves the quiz working: an unfinished question is
skipped by the engine and reported by bank health, and the admin refuses to save one."""

import json

from django.urls import reverse

from quiz.bank_health import bank_problems, check_bank
from quiz.models import Attempt, Persona, Question
from quiz.services import attempt_complete
from tests.factories import answer_everything


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


def test_a_persona_with_a_misspelt_answer_is_refused_on_save(default_content, admin_client):
    persona = Persona.objects.first()
    answers = dict(persona.answers)
    answers["unused-featrue"] = "call-users"
    response = admin_client.post(
        reverse("admin:quiz_persona_change", args=[persona.pk]),
        {
            "quiz": persona.quiz_id,
            "name": persona.name,
            "expected_role": persona.expected_role_id,
            "answers": json.dumps(answers),
            "notes": persona.notes,
        },
    )
    assert response.status_code == 200
    assert "unknown question" in response.content.decode()
    persona.refresh_from_db()
    assert "unused-featrue" not in persona.answers


def test_fixing_a_persona_clears_bank_health_at_once(default_content):
    persona = Persona.objects.get(name__startswith="Ingrid")
    assert any("Ingrid" in p.message for p in bank_problems())  # computed and cached
    persona.expected_role = persona.expected_role.__class__.objects.get(slug="senior-pm")
    persona.save()
    assert not any("Ingrid" in p.message for p in bank_problems())
