"""The default bank is content a job seeker learns from: these tests hold it to that."""

import itertools

import pytest
from django.core.management import call_command

from quiz.loader import load_bank
from quiz.models import OptionScore, Question
from quiz.scoring import shortest_route
from roles.models import Competency, Role, Transition


@pytest.fixture
def bank(default_content):
    return load_bank(default_content)


def test_the_bank_has_the_roles_families_and_questions_asked_for(default_content):
    recommendable = set(Role.objects.recommendable().values_list("slug", flat=True))
    assert {
        "associate-pm",
        "product-owner",
        "product-manager",
        "senior-pm",
        "group-pm",
        "program-manager",
        "project-manager",
        "head-of-product",
        "director-of-product",
        "vp-product",
        "cpo",
    } <= recommendable
    assert Role.objects.filter(recommendable=False).count() >= 5
    assert Competency.objects.count() >= 14
    assert Competency.objects.filter(kind="preference").count() >= 4
    assert default_content.active_questions().count() >= 30
    assert set(Question.objects.values_list("kind", flat=True)) == {"single", "multiple", "scale"}


def test_every_recommendable_role_has_a_complete_profile(default_content):
    competencies = set(Competency.objects.values_list("slug", flat=True))
    for role in Role.objects.recommendable():
        assert set(role.profile.values_list("competency__slug", flat=True)) == competencies, role.slug


def test_no_two_roles_share_a_profile(default_content):
    profiles = {
        role.slug: tuple(role.profile.order_by("competency__slug").values_list("level", flat=True))
        for role in Role.objects.all()
    }
    for (a, pa), (b, pb) in itertools.combinations(profiles.items(), 2):
        assert pa != pb, f"{a} and {b} have the same profile"


def test_each_competency_is_measured_by_at_least_two_questions(default_content):
    for competency in Competency.objects.all():
        questions = (
            OptionScore.objects.filter(competency=competency, option__question__active=True)
            .values("option__question")
            .distinct()
            .count()
        )
        assert questions >= 2, competency.slug


def test_every_origin_role_has_a_route_to_a_recommendable_role(bank):
    targets = [r.slug for r in bank.recommendable_roles()]
    for origin in (r for r in bank.roles.values() if not r.recommendable):
        assert any(shortest_route(bank.transitions, origin.slug, t) for t in targets), origin.slug


def test_the_usual_career_paths_exist_with_three_to_six_steps(default_content):
    expected = [
        ("product-owner", "product-manager"),
        ("project-manager", "program-manager"),
        ("associate-pm", "product-manager"),
        ("product-manager", "senior-pm"),
        ("senior-pm", "group-pm"),
        ("senior-pm", "head-of-product"),
        ("group-pm", "director-of-product"),
        ("head-of-product", "director-of-product"),
        ("director-of-product", "vp-product"),
        ("vp-product", "cpo"),
        ("software-engineer", "product-manager"),
        ("ux-designer", "product-manager"),
        ("business-analyst", "product-owner"),
        ("student", "associate-pm"),
        ("program-manager", "product-manager"),
        ("product-manager", "program-manager"),
    ]
    for a, b in expected:
        transition = Transition.objects.get(from_role__slug=a, to_role__slug=b)
        assert 3 <= transition.steps.count() <= 6, transition
    for transition in Transition.objects.all():
        assert 3 <= transition.steps.count() <= 6, transition


def test_every_salary_names_its_source_and_year(default_content):
    with_salary = Role.objects.filter(salary_median__isnull=False)
    assert with_salary.filter(slug__in=["cpo", "head-of-product"]).count() == 2
    assert Role.objects.get(slug="cpo").salary_median == 145000
    assert Role.objects.get(slug="head-of-product").salary_median == 131000
    for role in with_salary:
        assert role.salary_source.strip() and role.salary_year, role.slug


def test_every_skill_says_how_to_grow_it(default_content):
    for skill in Competency.objects.filter(kind="skill"):
        assert len(skill.action_list()) >= 2, skill.slug


def test_loading_the_default_content_again_keeps_an_admins_edits(default_content):
    role = Role.objects.get(slug="product-owner")
    role.summary = "Edited by an admin"
    role.save()
    Question.objects.filter(slug="unused-feature").update(text="Edited question?")
    call_command("load_default_content", verbosity=0)
    assert Role.objects.get(slug="product-owner").summary == "Edited by an admin"
    assert Question.objects.get(slug="unused-feature").text == "Edited question?"
    assert Role.objects.filter(slug="product-owner").count() == 1
