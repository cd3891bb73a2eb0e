import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from quiz.models import Answer, AnswerChoice, Question
from roles.models import RoleCompetency
from tests.factories import make_attempt, make_competency, make_question, make_quiz, make_role


@pytest.fixture
def answered(db):
    quiz = make_quiz()
    skill = make_competency()
    question = make_question(quiz, options=[("a", "A", {skill: 1}), ("b", "B", {skill: 3})])
    attempt = make_attempt(quiz)
    answer = Answer.objects.create(attempt=attempt, question=question)
    AnswerChoice.objects.create(answer=answer, option=question.options.get(slug="a"))
    return attempt, question


def test_an_attempt_answers_each_question_once(answered):
    attempt, question = answered
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(attempt=attempt, question=question)


def test_an_answered_option_cannot_be_deleted(answered):
    _, question = answered
    with pytest.raises(ProtectedError):
        question.options.get(slug="a").delete()


def test_an_unanswered_option_can_be_deleted(answered):
    _, question = answered
    question.options.get(slug="b").delete()
    assert list(question.options.values_list("slug", flat=True)) == ["a"]


def test_an_answered_question_cannot_be_deleted(answered):
    _, question = answered
    with pytest.raises(ProtectedError):
        question.delete()
    assert Question.objects.filter(pk=question.pk).exists()


def test_a_scale_answer_stays_on_the_scale(answered):
    attempt, _ = answered
    scale = make_question(attempt.quiz, kind="scale")
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(attempt=attempt, question=scale, scale_value=6)


def test_a_role_has_one_expected_level_per_competency(db):
    skill = make_competency()
    role = make_role(profile={skill: (2, 2)})
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleCompetency.objects.create(role=role, competency=skill, level=3, importance=1)


def test_a_quiz_has_one_current_role_question(db):
    quiz = make_quiz()
    make_question(quiz, is_current_role=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_question(quiz, is_current_role=True)
