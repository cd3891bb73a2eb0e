"""Every admin page an editor opens renders."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from quiz.models import Answer, AnswerChoice, Attempt, Option, Question, Result


@pytest.fixture
def with_an_attempt(default_content):
    Group.objects.create(name="Editors")
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    question = default_content.active_questions().first()
    answer = Answer.objects.create(attempt=attempt, question=question)
    AnswerChoice.objects.create(answer=answer, option=question.options.first())
    Result.objects.create(
        attempt=attempt, engine_version="1.0", recommended_role_slug="product-manager", match=80, snapshot={}
    )
    return attempt


def _models():
    return sorted(admin.site._registry, key=lambda m: m._meta.label)


@pytest.mark.parametrize("model", _models(), ids=lambda m: m._meta.label)
def test_changelist_and_change_form_render(admin_client, with_an_attempt, model):
    opts = model._meta
    response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200
    obj = model.objects.first()
    if opts.app_label == "axes" and obj is None:
        return  # no failed sign-in in this test: the empty changelist is what there is to see
    assert obj is not None, f"no {opts.label} to open"
    response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    assert response.status_code == 200
    if admin.site._registry[model].has_add_permission(response.wsgi_request):
        response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        assert response.status_code == 200


def test_deleting_an_answered_option_explains_and_offers_deactivation(admin_client, with_an_attempt):
    option = AnswerChoice.objects.get().option
    response = admin_client.get(reverse("admin:quiz_option_delete", args=[option.pk]))
    assert response.status_code == 200
    assert b"cannot be deleted" in response.content and b"Deactivate instead" in response.content
    response = admin_client.post(reverse("admin:quiz_option_deactivate", args=[option.pk]))
    assert response.status_code == 302
    option.refresh_from_db()
    assert option.active is False


def test_attempts_answers_and_results_are_read_only(admin_client, with_an_attempt):
    for model in (Attempt, Answer, Result):
        opts = model._meta
        obj = model.objects.first()
        response = admin_client.post(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]), {}
        )
        assert response.status_code == 403
        assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403


def test_an_answered_question_is_protected_in_the_admin(admin_client, with_an_attempt):
    question = Answer.objects.get().question
    response = admin_client.post(reverse("admin:quiz_question_delete", args=[question.pk]), {"post": "yes"})
    assert Question.objects.filter(pk=question.pk).exists()
    assert response.status_code in (200, 302)
    assert Option.objects.filter(question=question).exists()
