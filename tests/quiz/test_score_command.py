import json

import pytest
from django.core.management import CommandError, call_command

from quiz import engine
from quiz.bank import engine_bank
from quiz.content import QUIZ_SLUG, default_bank
from quiz.models import Attempt, Result
from roles.models import Role


@pytest.fixture
def answers_file(tmp_path):
    def write(content):
        path = tmp_path / "answers.json"
        path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
        return str(path)

    return write


def as_file_answers(role):
    bank = engine_bank(default_bank(), QUIZ_SLUG)
    answers = {}
    for slug, value in engine.answer_as_role(bank, role).items():
        question = bank.questions[slug]
        answers[slug] = (
            value if question.kind == "scale" else (list(value) if question.kind == "multiple" else value[0])
        )
    return answers


def test_score_prints_the_full_result_as_json(default_content, answers_file, capsys):
    answers = as_file_answers("head-of-product")
    answers["current-role"] = "senior-pm"
    call_command("score", quiz=QUIZ_SLUG, answers=answers_file(answers))
    out = json.loads(capsys.readouterr().out)
    assert out["recommended"] == "head-of-product"
    top = out["ranking"][0]
    assert (top["role"], top["name"], top["fit"], top["level_fit"]) == (
        "head-of-product",
        "Head of Product",
        "best",
        "level",
    )
    assert len(out["ranking"]) == Role.objects.recommendable().count()
    assert out["explanation"]["raised"] and out["explanation"]["change"]["runner_up"]
    assert out["plan"]["kind"] == "route" and out["plan"]["hops"][0]["from"] == "senior-pm"
    assert out["target"] == "head-of-product"
    assert isinstance(out["gaps"], list)


def test_score_with_a_target_shows_that_roles_gaps_and_plan(default_content, answers_file, capsys):
    answers = as_file_answers("product-owner")
    answers["current-role"] = "product-owner"
    call_command("score", quiz=QUIZ_SLUG, answers=answers_file(answers), target="cpo")
    out = json.loads(capsys.readouterr().out)
    assert out["recommended"] == "product-owner" and out["target"] == "cpo"
    assert out["gaps"][0]["priority"] >= out["gaps"][-1]["priority"]
    assert out["plan"]["to"] == "cpo" and out["plan"]["total_months"] > 0


@pytest.mark.parametrize(
    ("options", "content", "message"),
    [
        ({"quiz": "nope"}, {}, 'unknown quiz "nope"'),
        ({}, {"no-such-question": "x"}, 'unknown question "no-such-question"'),
        ({}, {"unused-feature": "dance"}, '"unused-feature": unknown option "dance"'),
        ({}, {"unused-feature": ["keep-or-remove"]}, '"unused-feature": expected one option slug'),
        ({}, {"done-recently": "none-yet"}, None),
        ({}, {"done-recently": ["none-yet", "pm-certificate"]}, "cannot be combined"),
        ({}, {"own-queries": 6}, '"own-queries": 6 is off the 1–5 scale'),
        ({}, {"own-queries": "5"}, '"own-queries": expected a whole number from 1 to 5'),
        ({}, "[1, 2]", "must be a JSON object"),
        ({}, "{oops", "not valid JSON"),
        # What json.loads refuses without a JSONDecodeError: quiz/jsonfile.py names them too.
        ({}, '{"own-queries": ' + "9" * 5000 + "}", "not valid JSON"),
        ({}, "[" * 100_000 + "]" * 100_000, "not valid JSON"),
        ({"target": "student"}, {}, 'non-recommendable role "student"'),
    ],
)
def test_bad_input_exits_with_one_clear_line_and_writes_nothing(
    default_content, answers_file, capsys, options, content, message
):
    args = {"quiz": QUIZ_SLUG, "answers": answers_file(content), **options}
    if message is None:
        call_command("score", **args)  # a single exclusive option on its own is fine
        assert json.loads(capsys.readouterr().out)["recommended"]
        return
    with pytest.raises(CommandError) as info:
        call_command("score", **args)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert Attempt.objects.count() == 0 and Result.objects.count() == 0
