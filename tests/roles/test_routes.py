"""Routes follow the ladders people really climb, and every starting point reaches the
roles the quiz would point it to."""

import pytest

from quiz.bank import load_bank
from quiz.engine import answer_as_role, build_profile, rank_roles, shortest_route
from roles.routes import COMMON, OCCASIONAL, USUAL, Edge


@pytest.fixture
def bank(default_content):
    return load_bank(default_content)


def _path(route):
    return [route[0].from_role] + [hop.to_role for hop in route]


def test_a_detour_must_be_clearly_shorter_than_the_usual_ladder_to_win():
    ladder = [Edge("a", "b", 20, commonness=USUAL), Edge("b", "c", 20, commonness=USUAL)]
    slightly_shorter_zigzag = [Edge("a", "c", 36, commonness=COMMON)]
    assert _path(shortest_route(ladder + slightly_shorter_zigzag, "a", "c")) == ["a", "b", "c"]
    much_shorter = [Edge("a", "c", 12, commonness=COMMON)]
    assert _path(shortest_route(ladder + much_shorter, "a", "c")) == ["a", "c"]
    rare_but_short = [Edge("a", "c", 12, commonness=OCCASIONAL)]
    assert _path(shortest_route(ladder + rare_but_short, "a", "c")) == ["a", "b", "c"]


def test_an_engineer_reaches_director_by_the_conventional_ladder_not_a_zigzag(bank):
    route = shortest_route(bank.edges, "software-engineer", "director-of-product")
    assert _path(route) == [
        "software-engineer",
        "product-manager",
        "senior-pm",
        "group-pm",
        "director-of-product",
    ]


@pytest.mark.parametrize(
    ("start", "goal"),
    [
        ("business-analyst", "associate-pm"),
        ("product-manager", "head-of-product"),
        ("technical-program-manager", "senior-pm"),
        ("program-manager", "director-of-program-management"),
        ("technical-program-manager", "director-of-program-management"),
        ("engineering-manager", "product-manager"),
        ("scrum-master", "product-owner"),
        ("product-marketing-manager", "product-manager"),
    ],
)
def test_the_common_direct_moves_exist(bank, start, goal):
    assert _path(shortest_route(bank.edges, start, goal)) == [start, goal]


def test_the_occasional_jump_from_senior_pm_to_director_exists_but_the_ladder_is_the_route(bank):
    assert any(t.to_role == "director-of-product" for t in bank.edges["senior-pm"])
    assert _path(shortest_route(bank.edges, "senior-pm", "director-of-product")) == [
        "senior-pm",
        "group-pm",
        "director-of-product",
    ]


def test_a_senior_program_manager_has_somewhere_to_grow_on_the_delivery_track(bank):
    leaders = [r for r in bank.recommendable_roles() if r.family == "delivery" and r.seniority >= 4]
    assert [r.slug for r in leaders] == ["director-of-program-management"]


def test_every_starting_point_has_a_route_to_each_of_its_top_three_roles(bank):
    for origin in (r for r in bank.roles.values() if not r.recommendable):
        ranking = rank_roles(bank, build_profile(bank, answer_as_role(bank, origin.slug)))
        for match in ranking[:3]:
            assert shortest_route(bank.edges, origin.slug, match.role), (origin.slug, match.role)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Technical Product Manager", "Product Manager"),
        ("Staff PM", "Principal Product Manager"),
        ("Scrum Master", "Scrum Master or agile delivery lead"),
        ("Engineering Manager", "Engineering Manager"),
        ("Senior Director", "Director of Product"),
        ("Head of PMO", "Director of Program Management"),
        ("SVP", "Chief Product Officer"),
        ("Portfolio Manager", "Director of Program Management"),
        ("Delivery Manager", "Scrum Master or agile delivery lead"),
    ],
)
def test_role_search_finds_the_titles_job_seekers_use(default_content, client, query, expected):
    found = client.get("/roles/", {"q": query}).context["found"]
    assert expected in [role.name for role in found]


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        ("Lead PM", {"Principal Product Manager", "Group Product Manager"}),
        ("Product Analyst", {"Data Analyst"}),
    ],
)
def test_an_ambiguous_title_finds_every_role_it_names_and_no_other(default_content, client, title, roles):
    found = client.get("/roles/", {"q": title}).context["found"]
    assert {role.name for role in found} == roles
