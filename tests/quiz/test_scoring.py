"""The scoring engine's formula on small hand-built banks, with the numbers worked out."""

import pytest

from quiz import scoring
from quiz.scoring import (
    Bank,
    CompetencyInfo,
    Expectation,
    OptionInfo,
    QuestionInfo,
    RoleInfo,
    StepInfo,
    TransitionInfo,
)


def ladder(slug, competency, kind="single"):
    """A question whose options a0..a4 score levels 0..4 of one competency."""
    return QuestionInfo(
        slug=slug,
        text=f"{slug}?",
        kind=kind,
        options=tuple(OptionInfo(f"a{level}", f"Answer {level}", {competency: level}) for level in range(5)),
    )


def statement(slug, competency):
    return QuestionInfo(
        slug=slug,
        text=f"{slug}?",
        kind="scale",
        options=(
            OptionInfo("disagree", "Disagree", {competency: 0}),
            OptionInfo("agree", "Agree", {competency: 4}),
        ),
    )


COMPETENCIES = {
    "a": CompetencyInfo("a", "Skill A", "skill", 0, ("Practise A",)),
    "b": CompetencyInfo("b", "Skill B", "skill", 1, ("Practise B",)),
    "p": CompetencyInfo("p", "Pref P", "preference", 2, (), "Low P", "High P"),
}


def role(slug, order=0, recommendable=True, **profile):
    return RoleInfo(
        slug=slug,
        name=slug.upper(),
        recommendable=recommendable,
        order=order,
        profile={c: Expectation(level, importance) for c, (level, importance) in profile.items()},
    )


@pytest.fixture
def bank():
    return Bank(
        competencies=COMPETENCIES,
        roles={
            "x": role("x", 0, a=(4, 3), b=(2, 1), p=(2, 2)),
            "y": role("y", 1, a=(1, 2), b=(1, 2), p=(4, 3)),
            "origin": role("origin", 2, recommendable=False, a=(1, 1), b=(1, 1), p=(0, 1)),
        },
        questions={
            "qa": ladder("qa", "a"),
            "qa2": ladder("qa2", "a"),
            "qb": ladder("qb", "b"),
            "qp": statement("qp", "p"),
        },
    )


def profile_of(**levels):
    return {c: scoring.Level(level, 1, (f"q{c}",)) for c, level in levels.items()}


def test_a_shortfall_costs_by_size_and_importance_a_surplus_costs_nothing(bank):
    # Role x: a expects 4 (importance 3), b 2 (1), p 2 (2); the user: a 2, b 3, p 4.
    # a: 3·(4−2)/4 = 1.5 lost; b: surplus, 0 lost; p: preference, 2·|2−4|/4 = 1 lost.
    # match = 100·(1 − 2.5/6) = 58.33
    match = scoring.match_role(bank.roles["x"], profile_of(a=2, b=3, p=4), COMPETENCIES)
    assert match.match == pytest.approx(100 * (1 - 2.5 / 6))


def test_a_preference_costs_in_both_directions(bank):
    above = scoring.match_role(bank.roles["x"], profile_of(a=4, b=2, p=3), COMPETENCIES)
    below = scoring.match_role(bank.roles["x"], profile_of(a=4, b=2, p=1), COMPETENCIES)
    # 2·1/4 = 0.5 lost out of 6 either way.
    assert above.match == below.match == pytest.approx(100 * (1 - 0.5 / 6))


def test_all_ones_against_a_role_of_all_fours_match_a_quarter():
    role_of_fours = role("four", a=(4, 2), b=(4, 2))
    match = scoring.match_role(role_of_fours, profile_of(a=1, b=1), COMPETENCIES)
    assert match.match == pytest.approx(25.0)


def test_uncovered_competencies_neither_reward_nor_penalise(bank):
    # Only a is answered: a at 4 meets x's expectation, so x matches 100 on what is known.
    match = scoring.match_role(bank.roles["x"], profile_of(a=4), COMPETENCIES)
    assert match.match == 100.0
    assert [c.competency for c in match.contributions] == ["a"]


def test_skills_not_expected_are_left_out():
    r = role("r", a=(0, 3), b=(2, 1))
    match = scoring.match_role(r, profile_of(a=0, b=1), COMPETENCIES)
    # Only b counts: 1·1/4 lost of 1 → 75.
    assert match.match == pytest.approx(75.0)


def test_the_profile_is_the_mean_of_the_answers_with_coverage(bank):
    profile = scoring.build_profile(bank, {"qa": ("a1",), "qa2": ("a4",), "qp": 4})
    assert profile["a"].level == pytest.approx(2.5)
    assert profile["a"].coverage == 2
    # Scale 4 of 1–5 between anchors 0 and 4: 0 + 4·(4−1)/4 = 3.
    assert profile["p"].level == pytest.approx(3.0)
    assert "b" not in profile


def test_a_multiple_choice_answer_is_the_mean_of_its_chosen_options():
    question = QuestionInfo(
        "multi",
        "?",
        "multiple",
        (
            OptionInfo("x", "X", {"a": 1, "b": 4}),
            OptionInfo("y", "Y", {"a": 3}),
            OptionInfo("z", "Z", {"b": 0}),
        ),
    )
    assert scoring.question_values(question, ("x", "y")) == {"a": 2.0, "b": 4.0}
    assert scoring.question_values(question, ("x", "z")) == {"a": 1.0, "b": 2.0}


def test_ranking_best_first_with_deterministic_ties(bank):
    profile = profile_of(a=4, b=4, p=4)
    ranking = scoring.rank_roles(bank, profile)
    # x: only p differs, 2·2/4 = 1 lost of 6 → 83.33; y: 100.
    assert [(m.role, round(m.match, 2)) for m in ranking] == [("y", 100.0), ("x", 83.33)]
    tie_bank = Bank(COMPETENCIES, {"m": role("m", 5, a=(1, 1)), "k": role("k", 5, a=(1, 1))}, {})
    assert [m.role for m in scoring.rank_roles(tie_bank, profile_of(a=3))] == ["k", "m"]


def test_origin_roles_are_never_ranked(bank):
    assert "origin" not in {m.role for m in scoring.rank_roles(bank, profile_of(a=1, b=1, p=0))}


@pytest.mark.parametrize(
    ("match", "label"),
    [(100, "best"), (85, "best"), (84.9, "great"), (70, "great"), (55, "good"), (54.9, "partial")],
)
def test_fit_labels_follow_the_thresholds(match, label):
    assert scoring.fit_label(match) == label


def _many_questions(n):
    return {f"q{i}": ladder(f"q{i}", "a") for i in range(n)}


def test_flat_answers_make_a_weak_recommendation():
    bank = Bank(COMPETENCIES, {"x": role("x", a=(2, 1))}, _many_questions(10))
    flat = {f"q{i}": ("a2",) for i in range(10)}
    confidence = scoring.assess_confidence(bank, flat)
    assert confidence["weak"] and confidence["reason"] == "flat"
    assert "same point" in confidence["message"]
    varied = {f"q{i}": (f"a{i % 5}",) for i in range(10)}
    assert scoring.assess_confidence(bank, varied)["weak"] is False


def test_too_few_answers_make_a_weak_recommendation():
    bank = Bank(COMPETENCIES, {"x": role("x", a=(2, 1))}, _many_questions(10))
    confidence = scoring.assess_confidence(bank, {"q1": ("a1",), "q2": ("a4",)})
    assert confidence["weak"] and confidence["reason"] == "few-answers"


def test_gaps_are_ordered_by_gap_times_importance_with_actions(bank):
    bank = Bank(COMPETENCIES, {"t": role("t", a=(4, 1), b=(3, 3), p=(4, 3))}, {})
    gaps = scoring.find_gaps(bank, profile_of(a=1, b=2, p=0), "t")
    # a: gap 3 × 1 = 3; b: gap 1 × 3 = 3; tie → higher importance first. Preferences are not gaps.
    assert [(g["competency"], g["priority"]) for g in gaps] == [("b", 3), ("a", 3)]
    assert gaps[0]["actions"] == ["Practise B"]


def test_an_unmeasured_skill_is_a_gap_from_zero():
    bank = Bank(COMPETENCIES, {"t": role("t", a=(2, 2))}, {})
    [gap] = scoring.find_gaps(bank, {}, "t")
    assert gap["gap"] == 2 and gap["measured"] is False


def _graph(*edges):
    return tuple(TransitionInfo(a, b, months, steps=(StepInfo(f"{a}→{b}"),)) for a, b, months in edges)


def test_the_route_is_the_fastest_by_months_not_by_hops():
    transitions = _graph(("a", "c", 30), ("a", "b", 10), ("b", "c", 12))
    route = scoring.shortest_route(transitions, "a", "c")
    assert [(t.from_role, t.to_role) for t in route] == [("a", "b"), ("b", "c")]


def test_equal_months_prefer_fewer_hops():
    transitions = _graph(("a", "b", 10), ("b", "c", 10), ("a", "c", 20))
    assert [(t.from_role, t.to_role) for t in scoring.shortest_route(transitions, "a", "c")] == [("a", "c")]


def test_unreachable_and_same_role():
    transitions = _graph(("a", "b", 10))
    assert scoring.shortest_route(transitions, "b", "a") is None
    assert scoring.shortest_route(transitions, "a", "a") == []


@pytest.fixture
def route_bank():
    roles = {
        "start": role("start", 0, recommendable=False, a=(1, 1)),
        "mid": role("mid", 1, a=(2, 2), b=(1, 1)),
        "goal": role("goal", 2, a=(4, 3), b=(2, 2)),
        "island": role("island", 3, a=(3, 3)),
    }
    return Bank(COMPETENCIES, roles, {}, _graph(("start", "mid", 6), ("mid", "goal", 18)))


def test_a_plan_follows_the_route_then_the_gaps(route_bank):
    plan = scoring.plan_transition(
        route_bank, scoring.find_gaps(route_bank, profile_of(a=2, b=2), "goal"), "start", "goal"
    )
    assert plan["kind"] == "route"
    assert [(h["from"], h["to"], h["months"]) for h in plan["hops"]] == [
        ("start", "mid", 6),
        ("mid", "goal", 18),
    ]
    assert plan["total_months"] == 24
    assert [a["competency"] for a in plan["gap_actions"]] == ["a"]
    assert plan["hops"][0]["steps"][0]["title"] == "start→mid"


def test_without_a_route_the_plan_falls_back_to_the_gaps(route_bank):
    plan = scoring.plan_transition(
        route_bank, scoring.find_gaps(route_bank, profile_of(a=1), "island"), "start", "island"
    )
    assert plan["kind"] == "fallback" and plan["hops"] == []
    assert plan["gap_actions"][0]["competency"] == "a"
    # a: gap 2 → 2 levels × 4 months.
    assert plan["total_months"] == 8
    assert "no usual route" in plan["summary"]


def test_the_fallback_plan_is_never_empty(route_bank):
    plan = scoring.plan_transition(
        route_bank, scoring.find_gaps(route_bank, profile_of(a=4), "island"), None, "island"
    )
    assert plan["kind"] == "fallback" and plan["gap_actions"]
    assert "did not tell us" in plan["summary"]


def test_the_same_role_gets_a_plan_to_grow(route_bank):
    plan = scoring.plan_transition(
        route_bank, scoring.find_gaps(route_bank, profile_of(a=4, b=2), "goal"), "goal", "goal"
    )
    assert plan["kind"] == "grow" and plan["gap_actions"]
    assert plan["gap_actions"][0]["competency"] == "a"  # the most important strength to deepen


def test_the_explanation_names_what_raised_and_lowered_the_match_and_the_runner_up(bank):
    answers = {"qa": ("a4",), "qa2": ("a4",), "qb": ("a1",), "qp": 3}
    profile = scoring.build_profile(bank, answers)
    ranking = scoring.rank_roles(bank, profile)
    # x: a 4 ok; b 1 vs 2 → 1·1/4 = .25; p 2 vs 2 → 0; of 6 → 95.83.
    # y: a ok; b 1 ok; p 2 vs 4 → 3·2/4 = 1.5; of 7 → 78.57.
    assert [(m.role, round(m.match, 2)) for m in ranking] == [("x", 95.83), ("y", 78.57)]
    explanation = scoring.explain(bank, answers, profile, ranking)
    assert explanation["raised"][0]["competency"] == "a"
    assert explanation["raised"][0]["answers"][0]["answer"] == "Answer 4"
    assert [item["competency"] for item in explanation["lowered"]] == ["b"]
    change = explanation["change"]
    assert change["runner_up"] == "y" and change["gap"] == pytest.approx(17.3, abs=0.05)
    assert change["decisive"][0]["competency"] == "a"
    assert "YY" not in change["sentence"] and "Y is 17.3 points behind" in change["sentence"]


def test_the_result_holds_ranking_explanation_and_a_plan_for_every_role(route_bank):
    result = scoring.recommend(route_bank, {})
    assert set(result["plans"]) == {"mid", "goal", "island"}
    assert result["engine_version"] == scoring.ENGINE_VERSION
