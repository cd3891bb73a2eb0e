"""The scoring engine's formula on small hand-built banks, with the numbers worked out."""

import pytest

from quiz import engine
from quiz.engine import (
    Bank,
    CompetencyInfo,
    Expectation,
    OptionInfo,
    QuestionInfo,
    RoleInfo,
    StepInfo,
    TransitionInfo,
)
from quiz.engine.explain import explain, plan_words


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
    "a": CompetencyInfo("a", "Skill A", "skill", 0, tuple((n, f"Practise A to {n}") for n in (2, 3, 4))),
    "b": CompetencyInfo("b", "Skill B", "skill", 1, tuple((n, f"Practise B to {n}") for n in (2, 3, 4))),
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
    return {c: engine.Level(level, 1, (f"q{c}",)) for c, level in levels.items()}


def test_a_shortfall_costs_by_size_and_importance_a_small_surplus_costs_nothing(bank):
    # Role x: a expects 4 (importance 3), b 2 (1), p 2 (2); the person: a 3, b 3, p 3.
    # a: one level short, 3·1/2 = 1.5 lost; b: one level above, free; p: 2·1/2 = 1 lost.
    # match = 100·(1 − 2.5/6) = 58.33
    match = engine.match_role(bank.roles["x"], profile_of(a=3, b=3, p=3), COMPETENCIES)
    assert match.match == pytest.approx(100 * (1 - 2.5 / 6))


def test_a_surplus_beyond_one_level_costs_half(bank):
    # b: two levels above 2 → ½·(2 − 1) = 0.5 → 1·0.5/2 = 0.25 lost of 6.
    match = engine.match_role(bank.roles["x"], profile_of(a=4, b=4, p=2), COMPETENCIES)
    assert match.match == pytest.approx(100 * (1 - 0.25 / 6))


def test_a_preference_costs_in_both_directions(bank):
    above = engine.match_role(bank.roles["x"], profile_of(a=4, b=2, p=3), COMPETENCIES)
    below = engine.match_role(bank.roles["x"], profile_of(a=4, b=2, p=1), COMPETENCIES)
    # 2·1/2 = 1 lost out of 6 either way.
    assert above.match == below.match == pytest.approx(100 * (1 - 1 / 6))


def test_two_levels_short_loses_a_competencys_whole_weight():
    role_of_fours = role("four", a=(4, 2), b=(4, 2))
    assert engine.match_role(role_of_fours, profile_of(a=2, b=2), COMPETENCIES).match == 0.0
    assert engine.match_role(role_of_fours, profile_of(a=1, b=1), COMPETENCIES).match == 0.0
    assert engine.match_role(role_of_fours, profile_of(a=3, b=3), COMPETENCIES).match == pytest.approx(50.0)


def test_uncovered_competencies_neither_reward_nor_penalise(bank):
    # Only a is answered: a at 4 meets x's expectation, so x matches 100 on what is known.
    match = engine.match_role(bank.roles["x"], profile_of(a=4), COMPETENCIES)
    assert match.match == 100.0
    assert [c.competency for c in match.contributions] == ["a"]


def test_a_skill_the_role_does_not_expect_costs_only_well_above_it():
    r = role("r", a=(0, 3), b=(2, 1))
    # a at 1 is within one level of 0: free; b one level short: 1·1/2 = 0.5 lost of 4.
    assert engine.match_role(r, profile_of(a=1, b=1), COMPETENCIES).match == pytest.approx(87.5)
    # a at 2: ½·(2 − 0 − 1) = 0.5 → 3·0.5/2 = 0.75 more.
    assert engine.match_role(r, profile_of(a=2, b=1), COMPETENCIES).match == pytest.approx(
        100 * (1 - 1.25 / 4)
    )


EXPERIENCE = {"yr": CompetencyInfo("yr", "Years", "experience", 3, level_labels=("0", "1", "2", "3", "4"))}


def test_experience_a_one_step_stretch_is_cheap_a_step_back_costs_from_the_first_level():
    role_at_2 = role("r", yr=(2, 2))
    competencies = {**COMPETENCIES, **EXPERIENCE}
    at_level = engine.match_role(role_at_2, profile_of(yr=2), competencies)
    stretch = engine.match_role(role_at_2, profile_of(yr=1), competencies)
    big_stretch = engine.match_role(role_at_2, profile_of(yr=0), competencies)
    step_back = engine.match_role(role_at_2, profile_of(yr=3), competencies)
    assert at_level.match == 100.0 and at_level.level_fit == "level"
    # Stretch: max(0, 2 − 1 − ½) = ½ → 2·½/2 = ½ lost of 2.
    assert stretch.match == pytest.approx(75.0) and stretch.level_fit == "next-step"
    assert big_stretch.match == pytest.approx(25.0) and big_stretch.level_fit == "stretch"
    # Step back: 3 − 2 = 1 → 2·1/2 = 1 lost of 2.
    assert step_back.match == pytest.approx(50.0) and step_back.level_fit == "step-back"


def test_the_profile_is_the_mean_of_the_answers_with_coverage(bank):
    profile = engine.build_profile(bank, {"qa": ("a1",), "qa2": ("a4",), "qp": 4})
    assert profile["a"].level == pytest.approx(2.5)
    assert profile["a"].coverage == 2
    # Scale 4 of 1–5 between anchors 0 and 4: 0 + 4·(4−1)/4 = 3.
    assert profile["p"].level == pytest.approx(3.0)
    assert "b" not in profile


CHECKLIST = QuestionInfo(
    "done",
    "?",
    "multiple",
    (
        OptionInfo("x", "X", {"a": 3, "b": 4}),
        OptionInfo("y", "Y", {"a": 1}),
        OptionInfo("none", "None", {}, exclusive=True),
    ),
)


def test_a_checklist_answer_is_a_floor_that_never_lowers_a_competency(bank):
    bank = Bank(COMPETENCIES, bank.roles, {**bank.questions, "done": CHECKLIST})
    # Without the checklist a is 4; ticking y (a at least 1) leaves it at 4.
    assert engine.build_profile(bank, {"qa": ("a4",), "done": ("y",)})["a"].level == 4
    # a at 2 from the ladder, at least 3 from x: 3. b only from the checklist: at least 4.
    profile = engine.build_profile(bank, {"qa": ("a2",), "done": ("x", "y")})
    assert profile["a"].level == 3 and profile["b"].level == 4


def test_a_not_applicable_answer_is_left_out_of_the_profile(bank):
    statement_with_na = QuestionInfo(
        "s",
        "?",
        "scale",
        (
            OptionInfo("lo", "lo", {"a": 0}),
            OptionInfo("hi", "hi", {"a": 4}),
            OptionInfo("na", "N/A", not_applicable=True),
        ),
    )
    ladder_with_na = QuestionInfo(
        "l", "?", "single", (*ladder("l", "a").options, OptionInfo("na", "N/A", not_applicable=True))
    )
    bank = Bank(COMPETENCIES, bank.roles, {"s": statement_with_na, "l": ladder_with_na})
    assert engine.build_profile(bank, {"s": ("na",), "l": ("na",)}) == {}
    assert engine.build_profile(bank, {"s": 5, "l": ("na",)})["a"].level == 4


def test_ranking_best_first_with_deterministic_ties(bank):
    profile = profile_of(a=4, b=4, p=4)
    ranking = engine.rank_roles(bank, profile)
    # x: b two above → 1·½/2 = .25; p 2 off → 2·1 = 2; 2.25 of 6 → 62.5.
    # y: a and b three above → each 2·1/2 = 1; p met; 2 of 7 → 71.43.
    assert [(m.role, round(m.match, 2)) for m in ranking] == [("y", 71.43), ("x", 62.5)]
    tie_bank = Bank(COMPETENCIES, {"m": role("m", 5, a=(1, 1)), "k": role("k", 5, a=(1, 1))}, {})
    assert [m.role for m in engine.rank_roles(tie_bank, profile_of(a=2))] == ["k", "m"]


def test_origin_roles_are_never_ranked(bank):
    assert "origin" not in {m.role for m in engine.rank_roles(bank, profile_of(a=1, b=1, p=0))}


def _many_questions(n):
    return {f"q{i}": ladder(f"q{i}", "a" if i % 2 else "b") for i in range(n)}


def _confidence(bank, answers):
    profile = engine.build_profile(bank, answers)
    ranking = engine.rank_roles(bank, profile)
    return engine.assess(bank, answers, profile, ranking), ranking


TWO_ROLES = {"x": role("x", 0, a=(2, 2), b=(2, 2)), "y": role("y", 1, a=(4, 2), b=(0, 2))}


def test_flat_answers_give_low_confidence():
    bank = Bank(COMPETENCIES, TWO_ROLES, _many_questions(10))
    confidence, _ = _confidence(bank, {f"q{i}": ("a2",) for i in range(10)})
    assert confidence.level == "low" and "flat" in confidence.reasons


def test_answers_that_contradict_each_other_give_low_confidence():
    bank = Bank(COMPETENCIES, TWO_ROLES, _many_questions(12))
    # Each competency gets 0 and 4 in turn: the twin questions disagree.
    contradicting = {f"q{i}": ("a0",) if (i // 2) % 2 else ("a4",) for i in range(12)}
    confidence, _ = _confidence(bank, contradicting)
    assert confidence.level == "low" and "incoherent" in confidence.reasons
    assert engine.incoherence(engine.build_profile(bank, contradicting)) == pytest.approx(2.0)


def test_consistent_answers_give_high_confidence():
    bank = Bank(COMPETENCIES, TWO_ROLES, _many_questions(12))
    consistent = {f"q{i}": ("a4",) if i % 2 else ("a0",) for i in range(12)}  # a 4, b 0: role y
    confidence, ranking = _confidence(bank, consistent)
    assert ranking[0].role == "y" and confidence.level == "high", confidence


def test_too_few_answers_give_low_confidence():
    bank = Bank(COMPETENCIES, TWO_ROLES, _many_questions(10))
    confidence, _ = _confidence(bank, {"q1": ("a1",), "q2": ("a4",)})
    assert confidence.level == "low" and "few-answers" in confidence.reasons


def test_a_close_call_is_medium_and_no_role_is_labelled_best():
    bank = Bank(
        COMPETENCIES,
        {"x": role("x", 0, a=(3, 3)), "y": role("y", 1, a=(3, 3), b=(1, 1))},
        _many_questions(12),
    )
    answers = {f"q{i}": ("a3",) if i % 2 else ("a1",) for i in range(12)}  # a 3, b 1: both match 100
    confidence, ranking = _confidence(bank, answers)
    labels = engine.fit_labels(ranking, confidence)
    assert "close-call" in confidence.reasons and confidence.level == "medium"
    assert "best" not in labels and labels[:2] == ["good", "good"]


def test_at_most_one_role_is_labelled_best_and_low_confidence_caps_the_labels():
    ranking = [engine.RoleMatch(slug, match, (), 1.0) for slug, match in (("a", 95), ("b", 80), ("c", 79))]
    high = engine.Confidence("high", (), 15.0, 0.1, 1.0)
    low = engine.Confidence("low", ("incoherent",), 15.0, 1.2, 1.0)
    assert engine.fit_labels(ranking, high) == ["best", "possible", "possible"]
    assert engine.fit_labels(ranking, low) == ["possible", "possible", "possible"]


def test_gaps_are_ordered_by_gap_times_importance_with_the_next_levels_action(bank):
    bank = Bank(COMPETENCIES, {"t": role("t", a=(4, 1), b=(3, 3), p=(4, 3))}, {})
    gaps = engine.find_gaps(bank, profile_of(a=1, b=2, p=0), "t")
    # a: gap 3 × 1 = 3; b: gap 1 × 3 = 3; tie → higher importance first. Preferences are not gaps.
    assert [(g["competency"], g["priority"]) for g in gaps] == [("b", 3), ("a", 3)]
    # b is at 2: the action for level 3; a is at 1: the action for level 2, never one below.
    assert [g["action"] for g in gaps] == ["Practise B to 3", "Practise A to 2"]


def test_an_unassessed_skill_is_listed_without_a_made_up_gap():
    bank = Bank(COMPETENCIES, {"t": role("t", a=(2, 2))}, {})
    [gap] = engine.find_gaps(bank, {}, "t")
    assert gap["gap"] is None and gap["measured"] is False


def _graph(*edges):
    return tuple(TransitionInfo(a, b, months, steps=(StepInfo(f"{a}→{b}"),)) for a, b, months in edges)


def test_the_route_is_the_fastest_by_months_not_by_hops():
    transitions = _graph(("a", "c", 30), ("a", "b", 10), ("b", "c", 12))
    route = engine.shortest_route(transitions, "a", "c")
    assert [(t.from_role, t.to_role) for t in route] == [("a", "b"), ("b", "c")]


def test_equal_months_prefer_fewer_hops():
    transitions = _graph(("a", "b", 10), ("b", "c", 10), ("a", "c", 20))
    assert [(t.from_role, t.to_role) for t in engine.shortest_route(transitions, "a", "c")] == [("a", "c")]


def test_unreachable_and_same_role():
    transitions = _graph(("a", "b", 10))
    assert engine.shortest_route(transitions, "b", "a") is None
    assert engine.shortest_route(transitions, "a", "a") == []


@pytest.fixture
def route_bank():
    roles = {
        "start": role("start", 0, recommendable=False, a=(1, 1)),
        "mid": role("mid", 1, a=(2, 2), b=(1, 1)),
        "goal": role("goal", 2, a=(4, 3), b=(2, 2)),
        "island": role("island", 3, a=(3, 3)),
    }
    return Bank(COMPETENCIES, roles, {}, _graph(("start", "mid", 6), ("mid", "goal", 18)))


def _plan(bank, profile, current, target, answers=None):
    gaps = engine.find_gaps(bank, profile, target)
    return plan_words(bank, engine.plan_transition(bank, profile, answers or {}, gaps, current, target))


def test_a_plan_follows_the_route_then_the_gaps(route_bank):
    plan = _plan(route_bank, profile_of(a=2, b=2), "start", "goal")
    assert plan["kind"] == "route"
    assert [(h["from"], h["to"], h["months"]) for h in plan["hops"]] == [
        ("start", "mid", 6),
        ("mid", "goal", 18),
    ]
    assert plan["total_months"] == 24
    assert [a["competency"] for a in plan["gap_actions"]] == ["a"]
    assert plan["hops"][0]["steps"][0]["title"] == "start→mid"
    assert plan["first_step"]["title"] == "start→mid"


def test_steps_the_answers_show_done_are_marked_and_shorten_the_hop():
    done_by_answer = StepInfo("Get certified", done_when="done/x")
    done_by_level = StepInfo("Lead a team", competency="a", done_at_level=3)
    open_step = StepInfo("Ship something")
    bank = Bank(
        COMPETENCIES,
        {"s": role("s", 0, a=(1, 1)), "t": role("t", 1, a=(3, 2))},
        {"done": CHECKLIST},
        (TransitionInfo("s", "t", 24, steps=(done_by_answer, done_by_level, open_step)),),
    )
    plan = _plan(bank, profile_of(a=3), "s", "t", answers={"done": ("x",)})
    assert [s["done"] for s in plan["hops"][0]["steps"]] == [True, True, False]
    # Two of three steps done: 24 · (1 − ½·⅔) = 16 months.
    assert plan["hops"][0]["personal_months"] == 16 and plan["total_months"] == 16
    assert plan["first_step"]["title"] == "Ship something"
    assert "Typically 24 months" in plan["summary"]


def test_a_person_with_the_targets_experience_gets_a_shorter_hop():
    competencies = {**COMPETENCIES, **EXPERIENCE}
    bank = Bank(
        competencies,
        {"s": role("s", 0, yr=(1, 2)), "t": role("t", 1, yr=(2, 2))},
        {},
        (TransitionInfo("s", "t", 30, steps=(StepInfo("Step"),)),),
    )
    new = _plan(bank, profile_of(yr=1), "s", "t")
    experienced = _plan(bank, profile_of(yr=3), "s", "t")
    assert new["total_months"] == 30 and experienced["total_months"] == 18


def test_a_role_below_the_current_one_is_a_direct_move(route_bank):
    senior = RoleInfo("senior", "SENIOR", True, 9, seniority=3, profile={"a": Expectation(4, 3)})
    route_bank = Bank(COMPETENCIES, {**route_bank.roles, "senior": senior}, {}, route_bank.transitions)
    plan = _plan(route_bank, profile_of(a=4, b=2), "senior", "mid")
    assert plan["kind"] == "direct" and "step back" in plan["summary"]


def test_without_a_route_the_plan_falls_back_to_the_gaps(route_bank):
    plan = _plan(route_bank, profile_of(a=1), "start", "island")
    assert plan["kind"] == "fallback" and plan["hops"] == []
    assert plan["gap_actions"][0]["competency"] == "a"
    # a: gap 2 → 2 levels × 4 months.
    assert plan["total_months"] == 8
    assert "no usual route" in plan["summary"]


def test_the_fallback_plan_always_has_a_first_step(route_bank):
    plan = _plan(route_bank, profile_of(a=4), None, "island")
    assert plan["kind"] == "fallback" and plan["first_step"]
    assert "did not name" in plan["summary"]


def test_the_same_role_gets_a_plan_to_grow_without_listing_an_action_twice(route_bank):
    plan = _plan(route_bank, profile_of(a=3, b=2), "goal", "goal")
    assert plan["kind"] == "grow"
    assert [a["competency"] for a in plan["gap_actions"]] == ["a"]
    assert plan["gap_actions"][0]["action"] == "Practise A to 4"


def test_the_explanation_names_what_raised_and_lowered_the_match_and_the_runner_up(bank):
    answers = {"qa": ("a4",), "qa2": ("a4",), "qb": ("a1",), "qp": 3}
    profile = engine.build_profile(bank, answers)
    ranking = engine.rank_roles(bank, profile)
    # x: a met; b one short → 1·1/2 = .5; p met; of 6 → 91.67.
    # y: a three above → 2·1/2 = 1; b met; p two off → 3·1 = 3; of 7 → 42.86.
    assert [(m.role, round(m.match, 2)) for m in ranking] == [("x", 91.67), ("y", 42.86)]
    confidence = engine.assess(bank, answers, profile, ranking)
    explanation = explain(bank, answers, profile, ranking, confidence)
    assert explanation["raised"][0]["competency"] == "a"
    assert explanation["raised"][0]["answers"][0]["answer"] == "Answer 4"
    assert [item["competency"] for item in explanation["lowered"]] == ["b"]
    change = explanation["change"]
    assert change["runner_up"] == "y" and change["gap"] == pytest.approx(48.8, abs=0.05)
    assert [d["competency"] for d in change["decisive"]] == ["a", "p"]
    # The runner-up's own match, in per cent: never "points" of an unnamed scale.
    assert "Y comes next (a 43% match)" in change["sentence"] and "points" not in change["sentence"]


def test_the_result_holds_ranking_explanation_and_a_plan_for_every_role(route_bank):
    result = engine.recommend(route_bank, {})
    assert set(result["plans"]) == {"mid", "goal", "island"}
    assert result["engine_version"] == engine.ENGINE_VERSION
