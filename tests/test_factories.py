"""The benchmarks' bulk writer makes the very rows of the factory the tests use."""

from datetime import timedelta

from django.utils import timezone

from quiz.models import Answer, Attempt, Result
from roles.models import Competency
from tests.factories import bulk_attempts, make_attempts, make_question, make_quiz


def _rows(quiz):
    attempts = Attempt.objects.filter(quiz=quiz)
    return (
        sorted(
            attempts.values_list(
                "owner_key", "is_preview", "answer_all", "at_least", "started_at", "completed_at"
            )
        ),
        sorted(
            Answer.objects.filter(attempt__in=attempts).values_list(
                "attempt__owner_key", "question__slug", "answered_at", "scale_value"
            )
        ),
        sorted(
            Result.objects.filter(attempt__in=attempts).values_list(
                "attempt__owner_key", "engine_version", "recommended_role_slug", "match", "snapshot"
            )
        ),
    )


def test_bulk_attempts_writes_what_make_attempts_writes(db):
    skill = Competency.objects.create(slug="s", name="S", kind="skill", description="d")
    start = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=5)
    rows = []
    for name, write in (("factory", make_attempts), ("bulk", bulk_attempts)):
        quiz = make_quiz(name)
        questions = [
            make_question(quiz, slug=f"q{i}", order=i, options=[("a", "A", {skill: 1})]) for i in range(3)
        ]
        # A small chunk: the chunks' seams are crossed.
        extra = {"chunk": 7} if write is bulk_attempts else {}
        write(quiz, questions, 50, answered=[50, 25, 10], completed_share=0.5, start=start, **extra)
        rows.append(_rows(quiz))
    attempts, answers, results = rows[1]
    assert len(attempts) == 50 and len(answers) == 85 and len(results) == 5
    assert rows[0] == rows[1]
