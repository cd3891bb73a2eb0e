"""The advice a hiring manager would sign: the person's direction first, levels only with
their evidence, reasons in the person's own words, years counted as a floor."""

import re

import pytest

from quiz import engine
from quiz.answers import AnswerFileError, parse_answer
from quiz.bank import engine_bank
from quiz.calibration import persona_answers
from quiz.content import QUIZ_SLUG, default_bank
from quiz.content.roles import PROFILES
from quiz.engine import adaptive
from quiz.engine.explain import answer_text
from quiz.engine.types import KIND_PREFERENCE

DATA = default_bank()
PERSONAS = DATA["quizzes"][0]["personas"]


@pytest.fixture(scope="module")
def bank():
    return engine_bank(DATA, QUIZ_SLUG)


@pytest.fixture(scope="module")
def results(bank):
    out = []
    for p in PERSONAS:
        answers = persona_answers(bank, p["answers"])
        out.append((p, answers, engine.recommend(bank, answers)))
    return out


def _sentences(result: dict) -> list[str]:
    """Every sentence the engine writes for a job seeker to read."""
    explanation = result["explanation"]
    texts = [*explanation["sentences"], explanation["level_fit"], result["confidence"]["message"]]
    texts += [r["words"] for r in explanation["raised"] + explanation["lowered"]]
    if explanation["change"]:
        texts.append(explanation["change"]["sentence"])
    texts += [r["level_fit_sentence"] for r in result["ranking"]]
    texts += [p["plan"]["summary"] for p in result["plans"].values()]
    direction = result["direction"]
    texts += [i["route"]["summary"] for i in direction["items"]]
    texts += [w["why"] for w in direction["worth_a_look"]]
    if direction["closest_today"]:
        texts.append(direction["closest_today"]["why"])
    texts.append(direction["entry_point"])
    texts += [r["experience"] for r in result["roles"].values()]
    return [t for t in texts if t]


def test_a_person_who_names_roles_gets_them_first_in_every_persona_result(bank, results):
    named = 0
    order = [o.slug for o in bank.questions["target-roles"].options]
    for p, _answers, result in results:
        # In the quiz's order of the roles (a form does not keep the order of the ticks).
        chosen = sorted((r for r in p["answers"].get("target-roles", []) if r != "not-sure"), key=order.index)
        direction = result["direction"]
        assert direction["chosen"] == chosen, p["name"]
        assert [i["role"] for i in direction["items"]] == chosen
        if chosen:
            named += 1
            assert direction["headline"] in chosen and not direction["open"], p["name"]
            assert result["target"] == direction["headline"]
        else:  # "Not sure yet": the ranking is the starting point
            assert direction["open"], p["name"]
    assert named >= len(results) - 2


def test_not_sure_leaves_the_ranking_as_a_starting_point(bank):
    answers = {**engine.answer_as_role(bank, "senior-pm"), "target-roles": ("not-sure",)}
    direction = engine.recommend(bank, answers)["direction"]
    assert direction["open"] and direction["items"] == [] and direction["asked"]
    assert direction["headline"] == engine.recommend(bank, answers)["recommended"]


def test_closest_today_is_the_top_of_the_ranking_and_worth_a_look_respects_the_wish_to_manage(bank):
    answers = {
        **engine.answer_as_role(bank, "senior-pm"),
        "target-roles": ("principal-pm",),
        "manage-or-ic": ("hands-on",),
    }
    result = engine.recommend(bank, answers)
    direction = result["direction"]
    assert direction["closest_today"]["role"] == result["ranking"][0]["role"]
    for other in direction["worth_a_look"]:
        assert bank.roles[other["role"]].profile["people-management"].level < 3, other
        assert other["why"]


def test_every_quote_in_a_reason_is_an_answer_the_person_gave(bank, results):
    checked = 0
    for p, answers, result in results:
        given = {answer_text(bank.questions[q], a) for q, a in answers.items()}
        explanation = result["explanation"]
        for reason in explanation["raised"] + explanation["lowered"]:
            for quote in re.findall(r"“([^”]*)”", reason["words"]):
                checked += 1
                assert quote in given, (p["name"], reason["words"])
            for e in reason["answers"]:
                assert e["answer"] == answer_text(bank.questions[e["question"]], answers[e["question"]])
    assert checked > 0


def test_no_sentence_speaks_of_points_markers_or_missing_values(results):
    for p, _answers, result in results:
        for text in _sentences(result):
            assert "(J)" not in text, (p["name"], text)
            assert not re.search(r"\bpoints\b", text), (p["name"], text)
            assert "None" not in text, (p["name"], text)
            assert "A close call. A close call" not in text


def test_every_level_stated_has_its_evidence_and_the_rest_are_not_assessed(results):
    for p, _answers, result in results:
        for entry in result["profile"]:
            if entry["assessed"]:
                assert entry["evidence"] and entry["user"] is not None, (p["name"], entry["competency"])
            else:
                assert entry["user"] is None and entry["evidence"] == []


def test_what_is_missing_for_a_named_role_is_measured_and_has_its_evidence(results):
    for p, _answers, result in results:
        for item in result["direction"]["items"]:
            for gap in item["missing"]:
                assert gap["evidence"], (p["name"], item["role"], gap["competency"])
                assert gap["you"] != gap["expected"]


def test_unassessed_skills_get_no_gap_action(bank):
    answers = {"current-role": ("product-manager",), "years-experience": ("3-5",)}
    result = engine.recommend(bank, answers)
    for entry in result["plans"].values():
        for gap in entry["gaps"]:
            if not gap["measured"]:
                assert gap["action"] == "" and gap["user"] is None


def test_the_current_role_is_never_a_step_up_or_back_from_itself(results):
    seen = 0
    for _p, _answers, result in results:
        for row in result["ranking"]:
            if row["role"] == result["current_role"]:
                seen += 1
                assert row["level_fit"] == "current" and row["level_fit_words"] == "your current role"
                assert row["level_fit_sentence"] == ""
    assert seen > 20


def test_more_years_in_product_never_lower_a_match(bank):
    for role in bank.recommendable_roles():
        answers = engine.answer_as_role(bank, role.slug)
        before = {m.role: m.match for m in engine.rank_roles(bank, engine.build_profile(bank, answers))}
        options = [o.slug for o in bank.questions["years-experience"].answer_options]
        for more in options[options.index(answers["years-experience"][0]) :]:
            after = engine.rank_roles(
                bank, engine.build_profile(bank, {**answers, "years-experience": (more,)})
            )
            for m in after:
                assert m.match >= before[m.role] - 1e-9, (role.slug, more, m.role)


def test_managing_managers_shows_people_leadership_of_at_least_managing_a_team(bank):
    answers = {"people-reporting": ("managers",), "developing-people": ("mentoring",)}
    profile = engine.build_profile(bank, answers)
    assert profile["people-leadership"].level >= 3
    result = engine.recommend(bank, answers)
    entry = next(e for e in result["profile"] if e["competency"] == "people-leadership")
    assert {e["question"] for e in entry["evidence"]} == {"people-reporting", "developing-people"}


def test_the_intent_questions_are_always_asked(bank):
    for role in bank.recommendable_roles():
        path, _ = adaptive.simulate(bank, engine.answer_as_role(bank, role.slug))
        for slug in ("target-roles", "manage-or-ic", "company-stage", "horizon"):
            assert slug in path.asked, (role.slug, slug)


def test_a_person_names_at_most_three_roles(bank):
    question = bank.questions["target-roles"]
    assert parse_answer(question, ["senior-pm", "group-pm", "principal-pm"])
    with pytest.raises(AnswerFileError, match="at most 3"):
        parse_answer(question, ["senior-pm", "group-pm", "principal-pm", "cpo"])
    with pytest.raises(AnswerFileError, match="cannot be combined"):
        parse_answer(question, ["senior-pm", "not-sure"])


def test_scenario_questions_score_preferences_never_skill_levels(bank):
    scenarios = ("shared-specialist", "competing-demands")
    for slug in scenarios:
        for option in bank.questions[slug].options:
            for comp in option.scores:
                assert bank.competencies[comp].kind == KIND_PREFERENCE, (slug, option.slug, comp)


def test_a_career_changer_is_told_where_people_enter(bank):
    answers = {
        **engine.answer_as_role(bank, "software-engineer"),
        "years-experience": ("under-3",),
        "adjacent-years": ("10-plus",),
    }
    assert "Associate Product Manager" in engine.recommend(bank, answers)["direction"]["entry_point"]
    answers["adjacent-years"] = ("none",)
    assert engine.recommend(bank, answers)["direction"]["entry_point"] == ""


# --------------------------------------------------------------------------- the ladder

LEADERSHIP_SKILLS = [
    "product-strategy",
    "stakeholder-communication",
    "business-acumen",
    "people-leadership",
    "cross-team-coordination",
    "decision-making",
    "managing-up",
]
MANAGEMENT_LADDER = ["senior-pm", "group-pm", "head-of-product", "director-of-product", "vp-product", "cpo"]


def _level(bank, role, comp):
    return bank.roles[role].profile[comp].level


def test_each_rung_of_the_management_ladder_expects_at_least_the_rung_below(bank):
    for lower, upper in zip(MANAGEMENT_LADDER, MANAGEMENT_LADDER[1:], strict=False):
        for comp in LEADERSHIP_SKILLS:
            assert _level(bank, upper, comp) >= _level(bank, lower, comp), (lower, upper, comp)


def test_principal_sits_at_group_scope_without_reports(bank):
    for comp in LEADERSHIP_SKILLS:
        assert _level(bank, "senior-pm", comp) <= _level(bank, "principal-pm", comp), comp
        assert _level(bank, "principal-pm", comp) <= _level(bank, "director-of-product", comp), comp
    assert _level(bank, "principal-pm", "people-managed") == 0
    assert _level(bank, "principal-pm", "people-management") == 0
    # Multi-year strategy across products is the executives' level, not the principal's.
    assert _level(bank, "principal-pm", "product-strategy") < _level(bank, "vp-product", "product-strategy")


def test_delivery_roles_expect_the_level_of_their_scope(bank):
    assert _level(bank, "project-manager", "planning-control") <= 3
    assert _level(bank, "program-manager", "cross-team-coordination") <= 3
    assert _level(bank, "technical-program-manager", "cross-team-coordination") <= 3
    assert _level(bank, "product-owner", "backlog-management") <= 3


def test_director_and_above_need_a_record_of_managing_managers(bank):
    for role in ("director-of-product", "vp-product", "cpo"):
        assert _level(bank, role, "people-managed") >= 3, role
    for role in ("group-pm", "head-of-product"):
        assert _level(bank, role, "people-managed") >= 2, role


def test_no_profile_uses_a_leadership_style_by_level():
    assert all(row[1][4] is None for row in PROFILES.values())
