"""What the result page says, read as a job seeker reads it: each action once, a level of 0
in words, pay only where there is a figure, and no route from a role to itself."""

import html as html_lib
import re
import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse

from quiz.models import Attempt, Persona, Question, Result
from quiz.result_page import plan_for_page, plan_without_repeats, questions_to_check, unchecked_competencies
from quiz.services import AttemptIncomplete, answer_save, attempt_complete
from roles.models import Role, RoleCompetency
from tests.factories import answer_everything
from tests.test_html_valid import nu_errors


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


def plan_actions(snapshot, role, *, measured=True):
    """The actions of a role's plan for gaps the answers measured (or, with measured=False,
    for competencies no answer checked)."""
    entry = snapshot["plans"][role]
    unmeasured = {g["competency"] for g in entry["gaps"] if not g["measured"]}
    gaps = {g["action"] for g in entry["gaps"] if g.get("action") and g["measured"] == measured}
    listed = {
        a["action"] for a in entry["plan"]["gap_actions"] if (a.get("competency") in unmeasured) != measured
    }
    return gaps | listed


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
    """Once on the page: the first step on the first screen, the rest in the plan."""
    result = finished(default_content, "director-of-product", current="group-pm")
    text = page_text(client, result.get_absolute_url())
    actions = plan_actions(result.snapshot, "director-of-product")
    assert actions and {a for a in actions if text.count(a) != 1} == set()


def test_no_action_is_offered_for_a_competency_no_answer_checked(default_content, client):
    result = finished(default_content, "product-manager")
    # Engine 3.0: a competency no answer checked carries no action at all.
    unchecked = [g for e in result.snapshot["plans"].values() for g in e["gaps"] if not g["measured"]]
    assert unchecked, "the product manager's quiz leaves some competencies unchecked"
    assert all(g["action"] == "" for g in unchecked)
    for role, entry in result.snapshot["plans"].items():
        text = page_text(client, f"{result.get_absolute_url()}?role={role}")
        # A step of the route may say the same words: the route is the way there, not a gap.
        route = {step["detail"] for hop in entry["plan"]["hops"] for step in hop["steps"]}
        offered = plan_actions(result.snapshot, role, measured=False) - route
        assert [a for a in offered if a in text] == []


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
    assert "You: none yet · the role expects: " in text
    assert f"{skill['name']} 0 (none yet) " in text  # the chart's table
    assert "You 0 " not in text and "You: 0 " not in text


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


# --------------------------------------------------------------------------- plain words

# What a job seeker must never read on a result: the match's internal points, empty values
# leaking as "None", content markers such as "(J)", and numbers without a unit (3.3, 10.0).
# ("None: I mostly work on my own" is an answer's own words, and "none yet" a level's.)
JARGON = re.compile(
    r"(?i:(?<!story )\bpoints\b|\bpoints? (?:lost|behind)\b|\bnull\b)|\bNone\b(?!:)|\(J\)|\(reports:|\b\d+\.\d+\b"
)


def answer_as(attempt, answers):
    """Saves a persona's answers (question slug → option slug(s) or a scale value)."""
    questions = {q.slug: q for q in attempt.quiz.active_questions()}
    for slug, value in answers.items():
        question = questions.get(slug)
        if question is None:
            continue
        if isinstance(value, int):
            answer_save(attempt=attempt, question=question, scale_value=value)
        else:
            slugs = [value] if isinstance(value, str) else value
            answer_save(
                attempt=attempt, question=question, options=list(question.options.filter(slug__in=slugs))
            )


def completed_as_far_as_possible(attempt):
    """The attempt's result; a question the persona was written before (the quiz asks it,
    they have no answer) gets "not applicable", as a person who skips it would give."""
    while True:
        try:
            return attempt_complete(attempt=attempt)
        except AttemptIncomplete as missing:
            skip = missing.question.options.get(not_applicable=True)
            answer_save(attempt=attempt, question=missing.question, options=[skip])


def article_text(client, url):
    text = page_text(client, url)
    start = min(
        text.find(label) for label in ("The role", "The direction you asked about first") if label in text
    )
    return text[start : text.rindex("Retake the quiz")]


def test_no_persona_reads_points_nulls_markers_or_bare_numbers_on_their_result(default_content, client):
    """Every calibration persona of the default bank, through the quiz as they would answer
    it: the whole result page, every plan included, in plain words."""
    personas = list(Persona.objects.filter(quiz=default_content))
    assert len(personas) > 20, "the default bank has its calibration personas"
    found = {}
    for persona in personas:
        attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
        answer_as(attempt, persona.answers)
        text = article_text(client, completed_as_far_as_possible(attempt).get_absolute_url())
        leaks = sorted({m.group(0) for m in JARGON.finditer(text)})
        if leaks:
            found[persona.name] = leaks
    assert found == {}


def test_the_plain_words_check_catches_what_the_engine_once_wrote(default_content, client):
    """The check above can fail: a snapshot with the old wording fails it until the page
    rewrites it."""
    result = finished(default_content, "director-of-product", current="group-pm")
    assert not JARGON.search(article_text(client, result.get_absolute_url()))
    assert JARGON.search("(3.3 points lost)") and JARGON.search("10.0 points behind")
    assert JARGON.search("(reports: None)") and JARGON.search("7–12 years (J)")


# --------------------------------------------------------------------------- not checked is not a gap


def test_a_top_role_with_unchecked_key_skills_has_its_fit_tempered(default_content, client):
    result = finished(default_content, "product-manager")
    key = [u for u in unchecked_competencies(result.snapshot, "product-manager") if u["key"]]
    assert key, "the short quiz leaves some of a product manager's key skills unchecked"
    text = page_text(client, result.get_absolute_url())
    assert f"Best fit so far {result.snapshot['ranking'][0]['match']:.0f}% match" in text
    assert f"{len(key)} of its key skills are not checked yet." in text


def test_a_top_role_whose_key_skills_were_all_checked_keeps_its_plain_fit_label(default_content, client):
    result = finished(default_content, "product-manager")
    snapshot = result.snapshot
    for entry in snapshot["profile"]:
        if entry["user"] is None:
            entry["user"] = entry["expected"].get("product-manager")
            entry["assessed"] = entry["user"] is not None
    Result.objects.filter(pk=result.pk).update(snapshot=snapshot)
    text = page_text(client, result.get_absolute_url())
    assert "Best fit " in text and "so far" not in text and "not checked yet" not in text


def test_unchecked_competencies_are_listed_as_not_checked_never_as_gaps(default_content, client):
    result = finished(default_content, "product-manager")
    unchecked = {u["name"] for u in unchecked_competencies(result.snapshot, "product-manager")}
    html = client.get(result.get_absolute_url()).content.decode()
    gap_names = set(re.findall(r'<li class="gap-item">\s*<h5 class="h6 mb-1">([^<]+)</h5>', html))
    assert gap_names and gap_names.isdisjoint(unchecked)
    not_checked = re.search(r'<p class="not-checked[^"]*">(.*?)</p>', html, re.S).group(1)
    assert all(name in not_checked for name in unchecked)


def test_the_engines_unmeasured_first_step_gives_way_to_a_measured_gap():
    entry = plan_entry("fallback", gaps={"a": "Do A.", "b": "Do B."}, listed={})
    entry["gaps"][0]["measured"] = False
    shown = plan_for_page(entry, {"a"})
    assert shown["plan"]["first_step"] == {"title": "B", "detail": "Do B.", "competency": "b"}
    assert [g["competency"] for g in shown["gaps"]] == ["b"]
    assert shown["not_checked"] == [{"competency": "a", "name": "A", "expected": None}]


def test_the_fewest_questions_that_check_what_is_missing():
    measures = {"q1": {"a"}, "q2": {"a", "b"}, "q3": {"c"}, "q4": {"b"}, "done": {"c"}}
    assert questions_to_check(measures, {"done"}, {"a", "b", "c"}) == ["q2", "q3"]
    assert questions_to_check(measures, set(), {"z"}) == []


# --------------------------------------------------------------------------- answer more to check them


def walked(quiz, role):
    """A completed result of a person in ``role`` who answered only the questions the
    adaptive quiz asked (tests.factories answers every one)."""
    result = finished(quiz, role)
    result.attempt.answers.exclude(question__slug__in=result.snapshot["answers"]).delete()
    return result


def check_url(result):
    return reverse("quiz:check", args=[result.uuid])


def owner_client(result):
    """A browser holding the owner cookie of the result's attempt."""
    from django.test import Client

    client = Client()
    client.post(reverse("quiz:start", args=[result.attempt.quiz.slug]))  # sets a cookie...
    key = Attempt.objects.exclude(pk=result.attempt.pk).latest("started_at").owner_key
    Attempt.objects.filter(pk=result.attempt.pk).update(owner_key=key)  # ...that now owns the result
    Attempt.objects.exclude(pk=result.attempt.pk).delete()
    result.attempt.refresh_from_db()
    return client


def test_the_result_links_to_answering_the_questions_that_check_its_unchecked_skills(default_content, client):
    result = finished(default_content, "product-manager")
    html = client.get(result.get_absolute_url()).content.decode()
    assert f'href="{check_url(result)}"' in html
    remaining = len(default_content.active_questions()) - len(result.snapshot["answers"])
    assert f"Answer {remaining} more questions to check them" in html


def test_answering_more_starts_a_new_attempt_with_the_answers_kept_and_the_result_unchanged(default_content):
    result = walked(default_content, "product-manager")
    before = Result.objects.get(pk=result.pk).snapshot
    client = owner_client(result)
    page = client.get(check_url(result))
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    response = client.post(check_url(result))
    again = Attempt.objects.exclude(pk=result.attempt.pk).get()
    assert response.status_code == 302 and f"/attempts/{again.uuid}/questions/" in response["Location"]
    assert again.owner_key == result.attempt.owner_key and again.completed_at is None
    kept = {a.question.slug for a in again.answers.all()}
    assert kept == {a.question.slug for a in result.attempt.answers.all()}
    assert again.answer_all, "every question not yet answered is asked"
    assert Result.objects.get(pk=result.pk).snapshot == before


def test_answering_the_questions_not_asked_checks_the_skills_that_were_not_checked(default_content):
    """Through the new attempt to its result, answering as the same person would: the top
    role's key skills are checked now."""
    result = walked(default_content, "product-manager")
    unchecked = [u for u in unchecked_competencies(result.snapshot, "product-manager") if u["key"]]
    assert unchecked
    owner_client(result).post(check_url(result))
    again = Attempt.objects.exclude(pk=result.attempt.pk).get()
    answer_everything(again, "product-manager")
    after = attempt_complete(attempt=again).snapshot
    assert [u for u in unchecked_competencies(after, "product-manager") if u["key"]] == []


def test_another_browser_cannot_add_answers_to_someone_elses_result(default_content, client):
    result = finished(default_content, "product-manager")
    assert client.get(check_url(result)).status_code == 403
    assert client.post(check_url(result)).status_code == 403
    assert Attempt.objects.count() == 1


def test_checking_an_unknown_result_is_a_404(default_content, client):
    assert client.get(reverse("quiz:check", args=[uuid.uuid4()])).status_code == 404


def test_the_check_page_is_valid_html(default_content, tmp_path):
    result = finished(default_content, "product-manager")
    html = owner_client(result).get(check_url(result)).content.decode()
    assert nu_errors({"check": html}, tmp_path) == []


# --------------------------------------------------------------------------- the person's direction


def test_a_snapshot_with_the_persons_direction_leads_with_it(default_content, client):
    """The page has one headline: the first role the person named (engine 3.0), with its
    route and first step, even when another role resembles their answers more; that one is
    said apart as closest to what they do today. Older snapshots lead with the ranking."""
    result = finished(default_content, "product-manager")
    snapshot = result.snapshot
    other = snapshot["ranking"][1]
    plan = snapshot["plans"][other["role"]]
    item = {
        "role": other["role"],
        "name": other["name"],
        "fit_words": "a good fit",
        "match": other["match"],
        "missing": [],
        "route": {"summary": plan["plan"]["summary"], "first_step": plan["plan"]["first_step"]},
        "is_current": False,
    }
    direction = {
        **snapshot["direction"],
        "chosen": [other["role"]],
        "items": [item],
        "headline": other["role"],
    }
    Result.objects.filter(pk=result.pk).update(
        snapshot={**snapshot, "direction": direction, "target": other["role"]}
    )
    cache.clear()
    html = client.get(result.get_absolute_url()).content.decode()
    hero = html.split('class="result-hero', 1)[1].split("</header>", 1)[0]
    assert "The direction you asked about first" in hero and other["name"] in hero
    assert html.index('class="result-hero') < html.index('class="direction')
    older = {k: v for k, v in snapshot.items() if k != "direction"}  # as engine 2.x wrote it
    Result.objects.filter(pk=result.pk).update(snapshot=older)
    cache.clear()
    html = client.get(result.get_absolute_url()).content.decode()
    assert 'class="direction' not in html
    assert snapshot["ranking"][0]["name"] in html.split('class="result-hero', 1)[1].split("</header>", 1)[0]


def test_every_plan_toward_a_new_role_ends_with_getting_hired(default_content, client):
    result = finished(default_content, "senior-pm", current="product-manager")
    for role in ("senior-pm", "group-pm", "technical-program-manager"):
        text = page_text(client, f"{result.get_absolute_url()}?role={role}#plan")
        plan = text.split("Show the plan", 1)[1]
        name = Role.objects.get(slug=role).name
        assert f"Last step: get hired as {name}" in plan, role
    # Growing in the role one already has needs no job search.
    grow = finished(default_content, "product-manager", current="product-manager")
    text = page_text(client, f"{grow.get_absolute_url()}?role=product-manager")
    assert "Last step: get hired as" not in text
