from quiz import scoring
from quiz.models import Answer, Attempt, Result
from quiz.services import answer_save, attempt_complete
from roles.models import RoleCompetency
from tests.factories import answer_everything


def test_completing_an_attempt_stores_the_snapshot_once(default_content):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "program-manager")
    result = attempt_complete(attempt=attempt)
    assert result.recommended_role_slug == "program-manager"
    assert result.engine_version == scoring.ENGINE_VERSION
    assert result.snapshot["recommended"] == "program-manager"
    assert attempt_complete(attempt=attempt) == result
    assert Result.objects.count() == 1
    attempt.refresh_from_db()
    assert attempt.completed_at is not None


def test_later_edits_of_the_bank_never_change_a_stored_result(default_content):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "program-manager")
    result = attempt_complete(attempt=attempt)
    before = result.snapshot
    RoleCompetency.objects.filter(role__slug="program-manager").update(level=0)
    result.refresh_from_db()
    assert result.snapshot == before


def test_changing_an_answer_replaces_it(default_content):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    question = default_content.active_questions().get(slug="done-this-year")
    answer_save(
        attempt=attempt,
        question=question,
        options=list(question.options.filter(slug__in=["business-case", "risk-register"])),
    )
    answer_save(attempt=attempt, question=question, options=list(question.options.filter(slug="none-yet")))
    answer = Answer.objects.get(attempt=attempt, question=question)
    assert [o.slug for o in answer.options.all()] == ["none-yet"]
