"""Every text an editor writes is data, never markup: HTML and htmx attributes put into every
text field of the bank come out escaped on every public and admin page."""

import re

import pytest
from django.db import models
from django.urls import reverse

from quiz.models import Attempt, Option, Persona, Question, Quiz, Result
from quiz.services import attempt_complete
from roles.models import Competency, DevelopmentAction, Role, Transition, TransitionStep
from tests.factories import answer_everything, own

# Every hx-* attribute htmx acts on without a click, and plain HTML.
PAYLOAD = (
    '<p hx-post="/admin/auth/user/add/" hx-trigger="load" hx-vals=\'{"username":"x"}\' hx-get="/admin/" '
    'hx-swap="outerHTML" hx-target="body" hx-on::load="alert(1)"><img src=x onerror=alert(1)>x</p>'
)
MARKUP = re.compile(r"<p hx-post|<img src=x|hx-vals='\{")
EDITOR_MODELS = [
    Quiz,
    Question,
    Option,
    Role,
    Competency,
    DevelopmentAction,
    Transition,
    TransitionStep,
    Persona,
]
NOT_FREE_TEXT = {"slug", "done_when", "salary_currency", "salary_basis", "kind", "family"}

# The step-by-step mechanics, on questions named by slug: every question asked in order.
pytestmark = pytest.mark.usefixtures("linear_quiz")


def _poison(obj):
    changed = []
    for field in obj._meta.get_fields():
        if not isinstance(field, models.CharField | models.TextField) or field.choices:
            continue
        if field.name in NOT_FREE_TEXT or isinstance(field, models.URLField | models.SlugField):
            continue
        text = f"{obj.pk} {PAYLOAD}"
        if field.name in ("level_labels",):
            text = "\n".join([text] * 5)
        limit = field.max_length or 10_000
        setattr(obj, field.name, text[:limit])
        changed.append(field.name)
    if changed:
        obj.save(update_fields=changed)
    return changed


def test_html_and_htmx_attributes_in_every_editor_field_come_out_escaped(
    default_content, admin_client, client
):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="owner")
    answer_everything(attempt, "product-owner")
    poisoned = {model.__name__: _poison_all(model) for model in EDITOR_MODELS}
    assert all(poisoned.values()), poisoned
    result = attempt_complete(attempt=attempt)
    assert Result.objects.filter(pk=result.pk).exists()

    own(client, "owner")
    question = Question.objects.get(quiz=default_content, slug="unused-feature")
    in_progress = Attempt.objects.create(quiz=default_content, owner_key="owner")
    public = [
        reverse("quiz:landing", args=[default_content.slug]),
        reverse("quiz:question", args=[in_progress.uuid, question.slug]),
        reverse("quiz:summary", args=[in_progress.uuid]),
        result.get_absolute_url(),
        result.get_absolute_url() + "?role=product-manager",
        "/roles/",
        "/roles/?q=product",
        "/roles/product-owner/",
        "/roles/compare/?a=product-owner&b=product-manager",
    ]
    admin = [
        "/admin/",
        reverse("admin:bank_health"),
        reverse("admin:quiz_persona_changelist"),
        reverse("admin:quiz_question_change", args=[question.pk]),
        reverse("admin:quiz_question_preview", args=[question.pk]),
        reverse("admin:roles_role_preview", args=[Role.objects.get(slug="product-owner").pk]),
        reverse("admin:quiz_option_changelist"),
        reverse("admin:roles_role_change", args=[Role.objects.get(slug="product-owner").pk]),
        reverse("admin:roles_competency_change", args=[Competency.objects.first().pk]),
        reverse("admin:roles_transition_change", args=[Transition.objects.first().pk]),
        reverse("admin:quiz_quiz_change", args=[default_content.pk]),
        reverse("admin:bank_rescore"),
    ]
    for url, browser in [(u, client) for u in public] + [(u, admin_client) for u in admin]:
        response = browser.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert not MARKUP.search(html), f"{url}: {MARKUP.search(html).group(0)}"
    escaped = client.get(public[1]).content.decode()
    assert "&lt;p hx-post=" in escaped  # the question, its hint and its options, as text
    assert "data-hx-disable>" in escaped  # and the hint's container never processes htmx


def _poison_all(model):
    return [name for obj in model.objects.all() for name in _poison(obj)]
