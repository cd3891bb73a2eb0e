"""Reading what attempts saved: the one place that decides which saved answers count.

An answer counts when its question is still active and it holds a scale value or at least
one chosen option that is still active. A question whose only chosen option an editor
deactivated since is therefore unanswered everywhere alike: in the progress bar, on the
summary, in scoring and in the re-score preview (it is asked again).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import engine
from .models import Answer, Attempt


@dataclass
class Saved:
    """One counted answer: the question's slug, its scale value and the chosen active
    options (ids and slugs, in the options' order)."""

    question_slug: str
    scale_value: int | None
    option_ids: tuple[int, ...] = ()
    option_slugs: tuple[str, ...] = ()

    @property
    def counts(self) -> bool:
        return self.scale_value is not None or bool(self.option_ids)

    def for_engine(self) -> engine.AnswerValue:
        """A scale value, or the chosen options (choice answers and a not-applicable
        answer to a scale)."""
        return self.scale_value if self.scale_value is not None else self.option_slugs


def saved_answers(answers) -> dict[int, dict[int, Saved]]:
    """The counted answers among ``answers`` (a QuerySet of Answer), by attempt id and
    question id, in one query."""
    rows = (
        answers.filter(question__active=True)
        .values_list(
            "attempt_id",
            "question_id",
            "question__slug",
            "scale_value",
            "choices__option_id",
            "choices__option__slug",
            "choices__option__active",
        )
        .order_by("attempt_id", "question_id", "choices__option__order", "choices__option__pk")
    )
    saved: dict[int, dict[int, Saved]] = defaultdict(dict)
    for attempt_id, question_id, slug, scale_value, option_id, option_slug, option_active in rows:
        entry = saved[attempt_id].setdefault(question_id, Saved(slug, scale_value))
        if option_id is not None and option_active:
            entry.option_ids += (option_id,)
            entry.option_slugs += (option_slug,)
    return {
        attempt_id: {qid: entry for qid, entry in questions.items() if entry.counts}
        for attempt_id, questions in saved.items()
    }


def attempt_answers(attempt: Attempt) -> dict[int, Saved]:
    """One attempt's counted answers, by question id."""
    return saved_answers(Answer.objects.filter(attempt=attempt)).get(attempt.pk, {})


def engine_answers(saved: dict[int, Saved]) -> dict[str, engine.AnswerValue]:
    """Counted answers as the scoring engine reads them, by question slug."""
    return {entry.question_slug: entry.for_engine() for entry in saved.values()}
