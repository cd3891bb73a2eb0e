"""The admin index opens on the bank: its health, the calibration personas, results of the
last seven days and the first actions, each for those allowed to see or take them."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from editor.permissions import VIEW_BANK, VIEW_RESULTS
from quiz.models import Attempt, Persona, Result
from tests.factories import drop_known_persona_misses, staff_client

pytestmark = pytest.mark.usefixtures("default_content")


def _result(quiz, days_ago, preview=False):
    attempt = Attempt.objects.create(quiz=quiz, owner_key="k", is_preview=preview)
    Result.objects.create(
        attempt=attempt,
        engine_version="2.0",
        recommended_role_slug="product-manager",
        match=80,
        snapshot={},
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def test_the_index_opens_on_the_banks_health_personas_and_recent_results(admin_client, default_content):
    drop_known_persona_misses()
    _result(default_content, 3)
    _result(default_content, 10)
    _result(default_content, 1, preview=True)
    page = admin_client.get("/admin/").content.decode()
    landing = page.split('id="landing-heading"')[1].split('id="bank-tools"')[0]
    assert re.search(r"The question bank has no errors and \d+ notes?\.", landing)
    # The default bank's hand-written personas: how many get their role first and in the top three.
    personas = Persona.objects.count()
    assert re.search(rf"\d+ of {personas} get their role first; \d+ have it in the top three\.", landing)
    assert "1 result in the last 7 days." in landing
    for action in ("Add a question", "Add a role", "Preview the quiz"):
        assert action in landing
    assert (
        page.index('id="landing-heading"') < page.index('id="bank-tools"') < page.index('id="content-main"')
    )


def test_the_index_offers_each_figure_and_action_only_with_its_permissions():
    viewer = staff_client("viewer", (*VIEW_BANK,))
    landing = viewer.get("/admin/").content.decode()
    assert "get their role first" in landing and "Preview the quiz" in landing
    assert "in the last 7 days" not in landing
    assert (
        reverse("admin:quiz_question_add") not in landing and reverse("admin:roles_role_add") not in landing
    )
    results = staff_client("results", VIEW_RESULTS).get("/admin/").content.decode()
    assert "in the last 7 days" in results and "get their role first" not in results
    assert "Preview the quiz" not in results
    adder = staff_client("adder", ("quiz.add_question", "quiz.view_question")).get("/admin/").content.decode()
    assert reverse("admin:quiz_question_add") in adder and reverse("admin:roles_role_add") not in adder


def test_the_index_says_when_the_bank_has_problems(admin_client):
    from roles.models import Transition

    drop_known_persona_misses()
    Transition.objects.filter(from_role__slug="student").delete()
    landing = admin_client.get("/admin/").content.decode()
    assert "The question bank has 1 problem." in landing and "See and fix them" in landing
