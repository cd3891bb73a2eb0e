"""The default bank tells every role apart, and the loader reads it in constant queries."""

import pytest

from quiz import engine
from quiz.bank import engine_bank, load_bank
from quiz.content import QUIZ_SLUG, default_bank
from quiz.models import Option, OptionScore, Question
from tests.factories import make_question

BANK = engine_bank(default_bank(), QUIZ_SLUG)


@pytest.mark.parametrize("role", [r.slug for r in BANK.recommendable_roles()])
def test_each_profile_is_recoverable_answering_as_the_role_would_recommends_it(role):
    # Typical answers come from the profile itself: a property of the bank, not a check of
    # the profiles against reality (the hand-written personas do that).
    answers = engine.answer_as_role(BANK, role)
    result = engine.recommend(BANK, answers)
    assert result["recommended"] == role, result["ranking"][:3]
    assert result["ranking"][0]["fit"] == "best"
    assert result["confidence"]["weak"] is False


def test_the_database_bank_is_the_file_bank(default_content):
    assert load_bank(default_content) == BANK


def test_the_loader_needs_the_same_queries_for_a_bigger_bank(default_content, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        load_bank(default_content)
    competency = OptionScore.objects.first().competency
    for i in range(60):
        make_question(
            default_content,
            slug=f"extra-{i}",
            options=[("a", "A", {competency: 1}), ("b", "B", {competency: 3})],
        )
    assert Question.objects.count() > 100 and Option.objects.count() > 290
    with django_assert_num_queries(len(small.captured_queries)):
        bank = load_bank(default_content)
    assert len(bank.questions) == len(BANK.questions) + 60


def test_an_unknown_current_role_still_gets_a_plan():
    answers = engine.answer_as_role(BANK, "product-manager")
    answers["current-role"] = ("something-else",)
    result = engine.recommend(BANK, answers)
    plan = result["plans"]["product-manager"]["plan"]
    assert plan["kind"] == "fallback" and plan["first_step"]


def test_a_product_owner_moving_to_product_manager_gets_the_usual_route():
    answers = engine.answer_as_role(BANK, "product-manager")
    answers["current-role"] = ("product-owner",)
    plan = engine.recommend(BANK, answers)["plans"]["product-manager"]["plan"]
    assert plan["kind"] == "route"
    assert [(h["from"], h["to"]) for h in plan["hops"]] == [("product-owner", "product-manager")]
    assert plan["typical_months"] == 12 and plan["total_months"] <= 12
