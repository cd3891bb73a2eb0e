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
from .models import Answer, Attempt, Result


@dataclass
class Saved:
    """One counted answer: the question's slug, its scale value and the chosen active
    options (ids and slugs, in the options' order)."""

    question_slug: str
    scale_value: int | None
    option_ids: tuple[int, ...] = ()
    option_slugs: tuple[str, ...] = ()

    @classmethod
    def of(cls, question, scale_value: int | None, options) -> Saved:
        """The answer just given: a scale value or the chosen (active) options."""
        chosen = sorted(options, key=lambda o: (o.order, o.pk))
        return cls(question.slug, scale_value, tuple(o.pk for o in chosen), tuple(o.slug for o in chosen))

    @property
    def counts(self) -> bool:
        return self.scale_value is not None or bool(self.option_ids)

    def for_engine(self) -> engine.AnswerValue:
        """A scale value, or the chosen options (choice answers and a not-applicable
        answer to a scale)."""
        return self.scale_value if self.scale_value is not None else self.option_slugs


ANSWER_COLUMNS = (
    "question_id",
    "question__slug",
    "question__active",
    "scale_value",
    "choices__option_id",
    "choices__option__slug",
    "choices__option__active",
)
ANSWER_ORDER = ("question_id", "choices__option__order", "choices__option__pk")


def _collect(rows) -> dict[int, Saved]:
    """Counted answers from rows of ANSWER_COLUMNS (one per chosen option), in that order."""
    saved: dict[int, Saved] = {}
    for question_id, slug, question_active, scale_value, option_id, option_slug, option_active in rows:
        if question_id is None or not question_active:
            continue
        entry = saved.setdefault(question_id, Saved(slug, scale_value))
        if option_id is not None and option_active:
            entry.option_ids += (option_id,)
            entry.option_slugs += (option_slug,)
    return {qid: entry for qid, entry in saved.items() if entry.counts}


def saved_answers(answers) -> dict[int, dict[int, Saved]]:
    """The counted answers among ``answers`` (a QuerySet of Answer), by attempt id and
    question id, in one query."""
    rows = (
        answers.filter(question__active=True)
        .values_list("attempt_id", *ANSWER_COLUMNS)
        .order_by("attempt_id", *ANSWER_ORDER)
    )
    by_attempt: dict[int, list] = defaultdict(list)
    for attempt_id, *row in rows:
        by_attempt[attempt_id].append(row)
    collected = {attempt_id: _collect(rows) for attempt_id, rows in by_attempt.items()}
    return {attempt_id: saved for attempt_id, saved in collected.items() if saved}


def attempt_answers(attempt: Attempt) -> dict[int, Saved]:
    """One attempt's counted answers, by question id."""
    return saved_answers(Answer.objects.filter(attempt=attempt)).get(attempt.pk, {})


def attempt_with_answers(attempt_uuid) -> tuple[Attempt, dict[int, Saved]] | None:
    """The attempt with this public id, with its quiz, and its counted answers: two
    queries."""
    attempt = Attempt.objects.select_related("quiz").filter(uuid=attempt_uuid).first()
    if attempt is None:
        return None
    return attempt, attempt_answers(attempt)


def engine_answers(saved: dict[int, Saved]) -> dict[str, engine.AnswerValue]:
    """Counted answers as the scoring engine reads them, by question slug."""
    return {entry.question_slug: entry.for_engine() for entry in saved.values()}


def result_answers(result: Result) -> dict[str, engine.AnswerValue]:
    """The counted answers a result was computed from, by question slug: its attempt's
    answers; for an adaptive quiz, only those to the questions it asked (the snapshot
    records them), as ``services.attempt_complete`` scored them."""
    answers = engine_answers(attempt_answers(result.attempt))
    adaptive = result.snapshot.get("adaptive")
    if not adaptive:
        return answers
    asked = {step["question"] for step in adaptive["steps"]}
    return {slug: value for slug, value in answers.items() if slug in asked}
