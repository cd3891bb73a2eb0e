"""The default bank is content a job seeker learns from: these tests hold it to that."""

import itertools

import pytest
from django.core.management import call_command
from django.db import transaction

from quiz.bank import export_bank, load_bank
from quiz.engine import shortest_route
from quiz.models import Option, OptionScore, Question
from roles.models import Competency, Role, RoleCompetency, Transition, TransitionStep
from tests import bank_snapshot


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
    # Every skill and experience fact; preferences only where they apply.
    required = set(Competency.objects.exclude(kind="preference").values_list("slug", flat=True))
    for role in Role.objects.recommendable():
        assert required <= set(role.profile.values_list("competency__slug", flat=True)), role.slug


def _level(role, competency):
    return RoleCompetency.objects.get(role__slug=role, competency__slug=competency).level


@pytest.mark.parametrize(
    "ladder",
    [
        ["associate-pm", "product-manager", "senior-pm", "principal-pm"],
        ["senior-pm", "group-pm", "director-of-product", "vp-product", "cpo"],
        ["project-manager", "program-manager"],
    ],
)
def test_the_hierarchy_is_consistent_in_years_scope_and_people(default_content, ladder):
    for lower, higher in itertools.pairwise(ladder):
        for fact in ("experience-years", "scope-held", "people-managed", "people-leadership"):
            assert _level(lower, fact) <= _level(higher, fact), (lower, higher, fact)


def test_leaders_of_leaders_lead_more_than_the_head_of_a_small_team(default_content):
    assert _level("director-of-product", "people-leadership") > _level("head-of-product", "people-leadership")
    assert _level("senior-pm", "people-leadership") >= 2  # mentors other PMs
    assert _level("principal-pm", "people-management") == 0  # the senior individual-contributor track


def test_vp_and_cpo_differ_where_the_jobs_differ(default_content):
    assert _level("cpo", "managing-up") > _level("vp-product", "managing-up")
    assert _level("cpo", "business-acumen") > _level("vp-product", "business-acumen")
    assert _level("vp-product", "delivery-execution") > _level("cpo", "delivery-execution")


def test_no_two_roles_share_a_profile(default_content):
    profiles = {
        role.slug: tuple(role.profile.order_by("competency__slug").values_list("level", flat=True))
        for role in Role.objects.all()
    }
    for (a, pa), (b, pb) in itertools.combinations(profiles.items(), 2):
        assert pa != pb, f"{a} and {b} have the same profile"


def test_each_skill_and_wish_is_measured_by_at_least_two_questions(default_content):
    for competency in Competency.objects.exclude(kind="experience"):
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


def test_every_salary_names_one_dated_source_its_region_and_basis(default_content):
    with_salary = Role.objects.filter(salary_median__isnull=False)
    assert with_salary.exists()
    for role in with_salary:
        assert role.salary_source.startswith("U.S. Bureau of Labor Statistics"), role.slug
        assert role.salary_year == 2024 and role.salary_region and role.salary_basis, role.slug
    for role in Role.objects.filter(salary_median__isnull=True):
        assert role.pay_note.strip(), f"{role.slug} says neither a figure nor why there is none"


def test_every_recommendable_role_has_a_percentile_range_from_its_occupations_own_table(default_content):
    for role in Role.objects.recommendable():
        assert role.salary_low < role.salary_median < role.salary_high, role.slug
        assert (role.salary_low_percentile, role.salary_high_percentile) == (10, 90), role.slug
        code = role.salary_occupation.rpartition("SOC ")[2].rstrip(")").replace("-", "")
        assert role.salary_source_url == f"https://www.bls.gov/oes/2024/may/oes{code}.htm", role.slug
        assert role.salary_occupation.partition(" (SOC")[0] in role.salary_source, role.slug
        assert "United States" in role.salary_region and "Only United States figures" in role.pay_note
        if role.salary_proxy:
            assert "proxy" in role.pay_note or "nearest" in role.pay_note, role.slug


def test_claims_the_app_cannot_source_are_not_repeated(default_content):
    for role in Role.objects.all():
        text = " ".join([role.pay_note, role.summary, role.company_context])
        for figure in ("131,000", "145,000", "403,000"):
            assert figure not in text, (role.slug, figure)


def test_every_skill_says_how_to_grow_it_at_each_level(default_content):
    for skill in Competency.objects.filter(kind="skill"):
        assert set(skill.actions.values_list("level", flat=True)) == {2, 3, 4}, skill.slug
    for competency in Competency.objects.all():
        assert len(competency.level_label_list()) == 5, competency.slug


def test_every_transition_says_where_its_months_come_from(default_content):
    for transition in Transition.objects.all():
        assert transition.months_basis.strip(), transition


def test_every_step_marked_done_by_an_answer_points_at_a_real_answer(default_content):
    options = {f"{q}/{o}" for q, o in Option.objects.values_list("question__slug", "slug")}
    steps = TransitionStep.objects.exclude(done_when="")
    assert steps.exists()
    for step in steps:
        assert step.done_when in options, step


def test_every_role_page_says_whom_it_reports_to_and_how_experienced_it_is(default_content):
    for role in Role.objects.recommendable():
        assert role.reports_to and role.experience and role.alias_list(), role.slug
    for slug in ("group-pm", "head-of-product", "director-of-product", "vp-product", "cpo"):
        assert Role.objects.get(slug=slug).leadership_style, slug


def test_loading_the_default_content_again_keeps_an_admins_edits(default_content):
    role = Role.objects.get(slug="product-owner")
    role.summary = "Edited by an admin"
    role.save()
    Question.objects.filter(slug="unused-feature").update(text="Edited question?")
    call_command("load_default_content", verbosity=0)
    assert Role.objects.get(slug="product-owner").summary == "Edited by an admin"
    assert Question.objects.get(slug="unused-feature").text == "Edited question?"
    assert Role.objects.filter(slug="product-owner").count() == 1


class _RolledBack(Exception):
    pass


def test_the_tests_session_copy_is_exactly_the_default_bank(db):
    """Tests get the default bank from a copy taken once per session (tests/bank_snapshot.py);
    the copy exports to what a fresh `load_default_content` exports to."""
    try:
        with transaction.atomic():
            call_command("load_default_content", verbosity=0)
            fresh = export_bank()
            raise _RolledBack
    except _RolledBack:
        pass
    assert not Role.objects.exists()
    bank_snapshot.restore()
    assert export_bank() == fresh
