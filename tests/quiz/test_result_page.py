"""What the result page says, read as a job seeker reads it: each action once, a level of 0
in words, pay only where there is a figure, and no route from a role to itself."""

import html as html_lib
import re

import pytest

from quiz.models import Attempt, Question
from quiz.result_page import plan_without_repeats
from quiz.services import answer_save, attempt_complete
from roles.models import RoleCompetency
from tests.factories import answer_everything


def finished(quiz, role, *, current=None):
    """A completed result with the answers a person in ``role`` gives, now in ``current``."""
    attempt = Attempt.objects.create(quiz=quiz, owner_key="k")
    answer_everything(attempt, role)
    if current:
        question = Question.objects.get(quiz=quiz, slug="current-role")
        answer_save(attempt=attempt, question=question, options=[question.options.get(slug=current)])
    return attempt_complete(attempt=attempt)


def page_text(client, url):
    """The page's words as a reader sees them: tags dropped, entities decoded, spaces squeezed."""
    html = client.get(url).content.decode()
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html)))


def plan_actions(snapshot, role):
    entry = snapshot["plans"][role]
    gaps = {g["action"] for g in entry["gaps"] if g.get("action")}
    return gaps | {a["action"] for a in entry["plan"]["gap_actions"]}


def test_no_plan_on_the_result_page_says_the_same_action_twice(default_content, client):
    result = finished(default_content, "director-of-product", current="group-pm")
    repeated = {}
    for role in result.snapshot["plans"]:
        text = page_text(client, f"{result.get_absolute_url()}?role={role}")
        plan = text[text.index("Your plan") :]
        counts = {action: plan.count(action) for action in plan_actions(result.snapshot, role)}
        repeated.update({(role, action): n for action, n in counts.items() if n > 1})
    assert repeated == {}


def test_every_action_of_a_plan_is_still_on_the_page_once(default_content, client):
    result = finished(default_content, "director-of-product", current="group-pm")
    text = page_text(client, result.get_absolute_url())
    plan = text[text.index("Your plan") :]
    actions = plan_actions(result.snapshot, "director-of-product")
    assert actions and {a for a in actions if plan.count(a) != 1} == set()


def plan_entry(kind, *, gaps, listed):
    """A snapshot's plan entry: gaps and listed actions as {competency: action}; the first
    step is the first gap's action, as the engine chooses it for a plan without a route."""
    first = next(iter(gaps.items()))
    return {
        "gaps": [
            {"competency": c, "name": c.upper(), "measured": True, "action": a} for c, a in gaps.items()
        ],
        "plan": {
            "kind": kind,
            "first_step": {"title": first[0].upper(), "detail": first[1], "competency": first[0]},
            "gap_actions": [{"competency": c, "name": c.upper(), "action": a} for c, a in listed.items()],
        },
    }


def test_a_gap_whose_action_is_the_first_step_points_to_it_instead_of_repeating_it():
    both = {"a": "Do A.", "b": "Do B."}
    shown = plan_without_repeats(plan_entry("fallback", gaps=both, listed=both))
    assert [(g["action"], g["is_first_step"]) for g in shown["gaps"]] == [("", True), ("Do B.", False)]
    assert shown["plan"]["gap_actions"] == []


def test_growing_in_a_role_keeps_the_actions_no_gap_carries():
    entry = plan_entry("grow", gaps={"a": "Do A."}, listed={"a": "Do A.", "c": "Lead C."})
    assert [a["action"] for a in plan_without_repeats(entry)["plan"]["gap_actions"]] == ["Lead C."]


def test_a_skill_at_level_0_reads_none_yet_never_a_bare_0(default_content, client):
    result = finished(default_content, "director-of-product", current="group-pm")
    snapshot = result.snapshot
    gap = snapshot["plans"]["director-of-product"]["gaps"][0]
    gap.update(user=0.0, measured=True)
    skill = next(p for p in snapshot["profile"] if p["competency"] == gap["competency"])
    skill["user"] = 0.0
    result.snapshot = snapshot
    result.save()
    text = page_text(client, result.get_absolute_url() + "?role=director-of-product")
    assert "You: 0 (none yet) · the role expects: " in text
    assert f"{skill['name']} 0 (none yet) " in text  # the chart's table
    assert "You 0 " not in text and "You: 0 ·" not in text


def test_a_role_that_expects_a_skill_at_level_0_says_not_expected(default_content, client):
    unexpected = (
        RoleCompetency.objects.filter(level=0, competency__kind="skill")
        .select_related("role", "competency")
        .first()
    )
    assert unexpected is not None, "the default bank has a skill some role does not expect"
    text = page_text(client, unexpected.role.get_absolute_url())
    assert f"{unexpected.competency.name} 0 (not expected)" in text


def test_every_recommended_role_shows_a_sourced_pay_range(default_content, client):
    for slug in ("director-of-product", "project-manager"):
        Attempt.objects.all().delete()
        text = page_text(client, finished(default_content, slug).get_absolute_url())
        assert re.search(
            r"USD [\d,]+ a year, median; 10th to 90th percentile: USD [\d,]+ – USD [\d,]+", text
        ), slug
        assert "United States" in text and "Source:" in text, slug


@pytest.mark.parametrize("role", ["product-manager", "head-of-product"])
def test_a_person_already_in_the_role_grows_in_it_never_goes_from_it_to_itself(default_content, client, role):
    result = finished(default_content, role, current=role)
    assert result.snapshot["recommended"] == role
    text = page_text(client, result.get_absolute_url())
    name = result.snapshot["roles"][role]["name"]
    assert f"Growing as {name}" in text
    assert not re.search(rf"From {name} to {name}\b", text)
