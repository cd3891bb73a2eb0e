"""Scoring benchmark: time per score for the default bank and for a generated bank of
200 questions, 60 roles and 40 competencies. Pure engine, no database.

    make bench            (or: .venv/bin/python benchmarks/bench_scoring.py)

"Rank" is building the profile and ranking every recommendable role (what deciding the
recommendation costs); "full result" is the whole snapshot: ranking, explanation, and the
gaps and plan for every recommendable role.
"""

import os
import random
import statistics
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerquiz.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")

import django  # noqa: E402

django.setup()

from quiz import engine  # noqa: E402
from quiz.bank import engine_bank  # noqa: E402
from quiz.content import QUIZ_SLUG, default_bank  # noqa: E402
from quiz.engine import adaptive  # noqa: E402


def generated_bank(n_questions=200, n_roles=60, n_competencies=40, seed=7):
    rnd = random.Random(seed)
    competencies = {
        f"c{i}": engine.CompetencyInfo(
            f"c{i}", f"C{i}", "preference" if i % 5 == 4 else "skill", i, ((3, "Do it"),)
        )
        for i in range(n_competencies)
    }
    slugs = sorted(competencies)
    roles = {
        f"r{i}": engine.RoleInfo(
            f"r{i}",
            f"R{i}",
            i % 6 != 5,
            i,
            profile={c: engine.Expectation(rnd.randint(0, 4), rnd.randint(1, 3)) for c in slugs},
        )
        for i in range(n_roles)
    }
    questions = {}
    for q in range(n_questions):
        kind = ("single", "single", "scale", "multiple")[q % 4]
        n_options = 2 if kind == "scale" else 5
        options = tuple(
            engine.OptionInfo(f"o{o}", f"O{o}", {c: rnd.randint(0, 4) for c in rnd.sample(slugs, 2)})
            for o in range(n_options)
        )
        questions[f"q{q}"] = engine.QuestionInfo(f"q{q}", f"Q{q}?", kind, options)
    role_slugs = sorted(roles)
    transitions = tuple(
        engine.TransitionInfo(a, b, rnd.randint(6, 36))
        for a, b in {(rnd.choice(role_slugs), rnd.choice(role_slugs)) for _ in range(120)}
        if a != b
    )
    return engine.Bank(competencies, roles, questions, transitions)


def random_answers(bank, seed=11):
    rnd = random.Random(seed)
    answers = {}
    for q in bank.questions.values():
        if q.kind == "scale":
            answers[q.slug] = rnd.randint(1, 5)
        elif q.kind == "multiple":
            answers[q.slug] = tuple(o.slug for o in rnd.sample(q.options, 2))
        else:
            answers[q.slug] = (rnd.choice(q.options).slug,)
    return answers


def per_call_us(fn, min_time=0.5):
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    number = max(number, 1)
    runs = timer.repeat(repeat=7, number=number)
    return statistics.median(runs) / number * 1e6


def main():
    cases = [
        ("default bank", engine_bank(default_bank(), QUIZ_SLUG)),
        ("generated 200 q / 60 roles / 40 comp.", generated_bank()),
    ]
    print(f"{'bank':40} {'questions':>9} {'roles':>5} {'rank µs':>10} {'full result µs':>15}")
    for name, bank in cases:
        answers = (
            engine.answer_as_role(bank, "product-manager") if "default" in name else random_answers(bank)
        )
        rank = per_call_us(lambda b=bank, a=answers: engine.rank_roles(b, engine.build_profile(b, a)))
        full = per_call_us(lambda b=bank, a=answers: engine.recommend(b, a))
        print(
            f"{name:40} {len(bank.questions):>9} {len(bank.recommendable_roles()):>5} {rank:>10.0f} {full:>15.0f}"
        )
    print(f"\n{'adaptive quiz':40} {'next question µs':>17} {'stop check µs':>14} {'replay of 20 µs':>16}")
    for name, bank in cases:
        answers = (
            engine.answer_as_role(bank, "product-manager") if "default" in name else random_answers(bank)
        )
        adaptive.likelihoods(bank)  # once per bank version, kept with the bank
        walker = adaptive.Walker(bank)
        while len(walker.steps) < 20 and (step := walker.propose()) is not None:
            walker.answer(step, answers.get(step.question))
        asked = {s.question: answers[s.question] for s in walker.steps if s.question in answers}
        choose = per_call_us(walker.propose)
        stop = per_call_us(lambda b=bank, a=asked: adaptive.clear_leader(b, a, adaptive.Settings()))
        replay = per_call_us(lambda b=bank, a=asked: adaptive.walk(b, a, adaptive.Settings(max_questions=99)))
        print(f"{name:40} {choose:>17.0f} {stop:>14.0f} {replay:>16.0f}")


if __name__ == "__main__":
    main()
