"""Properties of the engine that hold for any bank, checked on generated ones."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz import engine
from quiz.engine import Bank, CompetencyInfo, Expectation, OptionInfo, QuestionInfo, RoleInfo, TransitionInfo
from quiz.engine.checks import contradictions

LEVEL = st.integers(0, 4)


@st.composite
def banks(draw):
    n_skills = draw(st.integers(1, 4))
    n_prefs = draw(st.integers(0, 3))
    competencies = {f"s{i}": CompetencyInfo(f"s{i}", f"S{i}", "skill", i) for i in range(n_skills)}
    competencies.update(
        {f"p{i}": CompetencyInfo(f"p{i}", f"P{i}", "preference", 10 + i) for i in range(n_prefs)}
    )
    slugs = sorted(competencies)
    roles = {}
    for r in range(draw(st.integers(1, 5))):
        profile = {c: Expectation(draw(LEVEL), draw(st.integers(1, 3))) for c in slugs}
        roles[f"r{r}"] = RoleInfo(f"r{r}", f"R{r}", True, r, profile=profile)
    questions = {}
    for q in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["single", "multiple", "scale"]))
        n_options = 2 if kind == "scale" else draw(st.integers(2, 5))
        options = []
        for o in range(n_options):
            measured = draw(st.lists(st.sampled_from(slugs), min_size=1, max_size=3, unique=True))
            options.append(OptionInfo(f"o{o}", f"O{o}", {c: draw(LEVEL) for c in measured}))
        questions[f"q{q}"] = QuestionInfo(f"q{q}", f"Q{q}?", kind, tuple(options))
    return Bank(competencies, roles, questions)


@st.composite
def banks_and_answers(draw):
    bank = draw(banks())
    answers = {}
    for question in bank.questions.values():
        if not draw(st.booleans()):
            continue
        if question.kind == "scale":
            answers[question.slug] = draw(st.integers(1, 5))
        elif question.kind == "multiple":
            chosen = draw(st.lists(st.sampled_from(range(len(question.options))), min_size=1, unique=True))
            answers[question.slug] = tuple(question.options[i].slug for i in sorted(chosen))
        else:
            answers[question.slug] = (draw(st.sampled_from(question.options)).slug,)
    return bank, answers


@given(banks_and_answers())
def test_every_match_is_within_0_and_100(data):
    bank, answers = data
    for match in engine.rank_roles(bank, engine.build_profile(bank, answers)):
        assert 0 <= match.match <= 100


@given(banks_and_answers(), st.randoms(use_true_random=False))
def test_the_ranking_does_not_depend_on_the_order_answers_were_given(data, rnd):
    bank, answers = data
    items = list(answers.items())
    rnd.shuffle(items)
    first = engine.recommend(bank, answers)
    second = engine.recommend(bank, dict(items))
    assert first["ranking"] == second["ranking"]
    assert first["explanation"] == second["explanation"]


@given(banks_and_answers(), st.data())
def test_raising_a_skill_up_to_one_level_above_a_role_never_lowers_its_match(data, more):
    bank, answers = data
    profile = engine.build_profile(bank, answers)
    skills = [c for c in profile if bank.competencies[c].kind == "skill"]
    if not skills:
        return
    skill = more.draw(st.sampled_from(skills))
    raise_by = more.draw(st.floats(0.01, 4))
    old = profile[skill]
    raised = {**profile, skill: engine.Level(min(4.0, old.level + raise_by), old.coverage, old.questions)}
    for role in bank.roles.values():
        if skill in role.profile and raised[skill].level > role.profile[skill].level + 1:
            continue  # well above the role: a surplus may cost (see the formula)
        before = engine.match_role(role, profile, bank.competencies).match
        after = engine.match_role(role, raised, bank.competencies).match
        assert after >= before - 1e-9


@given(banks(), st.integers(1, 4), st.data())
def test_raising_a_skill_statement_never_lowers_the_match_of_a_role_that_expects_more(bank, value, more):
    # A 1–5 statement measuring one skill from 0 (disagree) to 4 (agree): answering it
    # higher can only help a role that expects at least the new level.
    skills = [c for c, info in bank.competencies.items() if info.kind == "skill"]
    skill = more.draw(st.sampled_from(skills))
    statement = QuestionInfo(
        "statement", "?", "scale", (OptionInfo("lo", "lo", {skill: 0}), OptionInfo("hi", "hi", {skill: 4}))
    )
    bank = Bank(bank.competencies, bank.roles, {**bank.questions, "statement": statement})
    low = engine.rank_roles(bank, engine.build_profile(bank, {"statement": value}))
    high = engine.rank_roles(bank, engine.build_profile(bank, {"statement": value + 1}))
    before = {m.role: m.match for m in low}
    for m in high:
        if bank.roles[m.role].profile[skill].level >= value:  # value + 1 → level value
            assert m.match >= before[m.role] - 1e-9


@given(banks(), st.data())
def test_a_profile_equal_to_a_roles_expected_profile_ranks_it_first(bank, more):
    target = more.draw(st.sampled_from(sorted(bank.roles)))
    profile = {c: engine.Level(float(e.level), 1, ("q",)) for c, e in bank.roles[target].profile.items()}
    ranking = engine.rank_roles(bank, profile)
    target_match = next(m for m in ranking if m.role == target)
    assert target_match.match == 100.0
    # First, or tied at 100 with roles that rank before it by the tie-break only.
    assert ranking[0].match == 100.0
    ahead = ranking[: ranking.index(target_match)]
    assert all(m.match == 100.0 for m in ahead)


@st.composite
def graphs(draw):
    nodes = [f"n{i}" for i in range(draw(st.integers(2, 6)))]
    pairs = [(a, b) for a in nodes for b in nodes if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    edges = tuple(TransitionInfo(a, b, draw(st.integers(1, 40))) for a, b in chosen)
    return nodes, edges


def _brute_force_shortest(nodes, edges, start, goal):
    by_pair = {(t.from_role, t.to_role): t.months for t in edges}
    best = None
    inner = [n for n in nodes if n not in (start, goal)]
    for k in range(len(inner) + 1):
        for middle in itertools.permutations(inner, k):
            path = (start, *middle, goal)
            hops = list(itertools.pairwise(path))
            if all(h in by_pair for h in hops):
                months = sum(by_pair[h] for h in hops)
                best = months if best is None else min(best, months)
    return best


@settings(max_examples=150)
@given(graphs(), st.data())
def test_routes_are_the_shortest_by_months(graph, more):
    nodes, edges = graph
    start = more.draw(st.sampled_from(nodes))
    goal = more.draw(st.sampled_from([n for n in nodes if n != start]))
    route = engine.shortest_route(edges, start, goal)
    expected = _brute_force_shortest(nodes, edges, start, goal)
    if expected is None:
        assert route is None
    else:
        assert route[0].from_role == start and route[-1].to_role == goal
        assert all(a.to_role == b.from_role for a, b in itertools.pairwise(route))
        assert sum(t.months for t in route) == expected


def test_the_brute_force_helper_finds_a_known_shortest_path():
    edges = (TransitionInfo("a", "b", 5), TransitionInfo("b", "c", 5), TransitionInfo("a", "c", 20))
    assert _brute_force_shortest(["a", "b", "c"], edges, "a", "c") == 10


@given(banks_and_answers())
def test_at_most_one_role_is_labelled_best(data):
    bank, answers = data
    result = engine.recommend(bank, answers)
    assert sum(1 for item in result["ranking"] if item["fit"] == "best") <= 1
    if result["confidence"]["level"] == "low":
        assert {item["fit"] for item in result["ranking"]} <= {"possible", "unlikely"}


@given(banks_and_answers())
def test_an_explanation_never_contradicts_itself(data):
    bank, answers = data
    assert contradictions(engine.recommend(bank, answers)) == []
