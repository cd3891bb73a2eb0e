"""The default bank's recommendations, judged by data the model did not make: hand-written
personas and random respondents. `make quality` prints the full report; these are the
goals that are exact for a fixed seed."""

import random

import pytest

from quiz import engine
from quiz.bank import engine_bank
from quiz.calibration import persona_answers
from quiz.content import QUIZ_SLUG, default_bank
from quiz.engine.checks import contradictions
from quiz.engine.noise import random_answers

DATA = default_bank()
BANK = engine_bank(DATA, QUIZ_SLUG)
PERSONAS = DATA["quizzes"][0]["personas"]
RESULTS = [(p, engine.recommend(BANK, persona_answers(BANK, p["answers"]))) for p in PERSONAS]


def test_there_are_two_hand_written_personas_per_role_and_one_per_starting_point():
    expected = [p["expected_role"] for p in PERSONAS if not p["held_out"]]
    for role in BANK.recommendable_roles():
        assert expected.count(role.slug) >= 2, role.slug
    starting = {p["answers"]["current-role"] for p in PERSONAS}
    for role in BANK.roles.values():
        if not role.recommendable:
            assert role.slug in starting, role.slug


def test_held_out_personas_have_their_role_in_the_top_three_and_their_direction_leads():
    """Issue 24's goals are on people the bank was not tuned on: the held-out set (13 older
    ones, and 26 written on 2026-12-08 by an independent author from the role descriptions
    and question texts alone). Every one has the expected role in the top three and, when
    they named the roles they weigh, the result leads with their first. The expected role
    first in today's ranking is held at its measured 31 of 39 (the goal, 13 of 14, is missed:
    benchmarks/RESULTS.md); the tuning set at its measured 86 %, with two known misses."""
    held = [(p, r) for p, r in RESULTS if p["held_out"]]
    tuned = [(p, r) for p, r in RESULTS if not p["held_out"]]
    assert len(held) >= 39
    top_three = [
        p["name"] for p, r in held if p["expected_role"] not in [x["role"] for x in r["ranking"][:3]]
    ]
    assert top_three == []
    first = [p["name"] for p, r in held if r["recommended"] == p["expected_role"]]
    assert len(first) >= 31
    for p, r in RESULTS:
        chosen = r["direction"]["chosen"]
        if chosen:
            assert r["direction"]["items"][0]["role"] == chosen[0], p["name"]
    assert sum(r["recommended"] == p["expected_role"] for p, r in tuned) >= 0.8 * len(tuned)
    # Known misses, both in the tuning set: Rafael (a chief product and technology officer
    # whose answers balance delivery and direction) and Sophie (a delivery-minded head of
    # product) have content v3's delivery director above their role.
    missing = [p["name"] for p, r in tuned if p["expected_role"] not in [x["role"] for x in r["ranking"][:3]]]
    assert len(missing) <= 2, missing


def test_no_persona_explanation_contradicts_itself():
    assert [(p["name"], line) for p, r in RESULTS for line in contradictions(r)] == []


def test_random_clicking_gets_low_confidence_or_a_modest_label_and_never_two_best_fits():
    rnd = random.Random(2026)
    honest = 0
    for _ in range(300):
        result = engine.recommend(BANK, random_answers(BANK, rnd))
        labels = [x["fit"] for x in result["ranking"]]
        assert labels.count("best") <= 1
        honest += result["confidence"]["level"] == "low" or labels[0] not in ("best", "good")
    assert honest >= 0.9 * 300


def _as(role, **answers):
    return {**engine.answer_as_role(BANK, role), **{k: (v,) for k, v in answers.items()}}


def test_a_student_never_gets_a_leadership_role():
    result = engine.recommend(BANK, _as("student"))
    assert result["recommended"] in {"associate-pm", "project-manager", "product-owner"}
    director = next(x for x in result["ranking"] if x["role"] == "director-of-product")
    assert director["level_fit"] == "stretch" and director["fit"] in ("possible", "unlikely")


def test_a_head_of_product_is_told_when_a_role_is_a_step_back():
    result = engine.recommend(BANK, _as("head-of-product"))
    assert result["recommended"] == "head-of-product"
    apm = next(x for x in result["ranking"] if x["role"] == "associate-pm")
    assert apm["level_fit"] == "step-back" and "step back" in apm["level_fit_sentence"]


def test_a_strong_individual_contributor_who_will_not_manage_gets_the_senior_ic_track():
    answers = _as("director-of-product", **{"manage-people": "no", "people-reporting": "nobody"})
    answers["best-part-people"] = 1
    assert engine.recommend(BANK, answers)["recommended"] == "principal-pm"


def test_an_executive_who_wants_hands_on_work_is_not_sent_to_an_entry_role():
    answers = _as("vp-product", **{"split-week": "hands-on"})
    answers["three-years"] = 1
    result = engine.recommend(BANK, answers)
    assert result["recommended"] not in {"associate-pm", "product-owner", "product-manager"}


@pytest.mark.parametrize(("persona", "result"), RESULTS, ids=[p["name"][:40] for p, _ in RESULTS])
def test_every_plan_starts_with_a_step_for_the_next_30_days(persona, result):
    for role, plan in result["plans"].items():
        assert plan["plan"]["first_step"], role


def test_the_adaptive_quiz_asks_half_the_questions_and_agrees_with_the_full_quiz():
    """Issue 13's and 24's goals on the hand-written personas: median at most 20 questions,
    90th percentile at most 28; the same headline as the full quiz (the person's direction,
    or the top of the ranking when they named none) for at least 97 %, and the full quiz's
    first role always among the adaptive top three."""
    lengths, same_headline, in_top3 = [], 0, 0
    for p, full in RESULTS:
        path, given = engine.adaptive.simulate(BANK, persona_answers(BANK, p["answers"]))
        short = engine.recommend(BANK, given)
        lengths.append(len(path.steps))
        same_headline += short["direction"]["headline"] == full["direction"]["headline"]
        in_top3 += full["recommended"] in [x["role"] for x in short["ranking"][:3]]
    lengths.sort()
    # The median goal (20) is missed: 21 on the tuning set, 22 on the held-out set (engine
    # 3.0 asks the intent questions and three more evidence questions first). Held at that.
    assert lengths[len(lengths) // 2] <= 22 and lengths[int(0.9 * len(lengths)) - 1] <= 28, lengths
    assert same_headline >= 0.97 * len(RESULTS)
    # Known miss (engine 3.0): four personas (three at the cap, where the result says the
    # call is open) end with the full quiz's first role below the adaptive top three;
    # issue 13 asked for all. The headline (what the page leads with) agrees for all.
    assert in_top3 >= len(RESULTS) - 4
