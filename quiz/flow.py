"""Where a job seeker is in a quiz: pure navigation over the active questions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .engine.adaptive import Path
from .models import Question

# What an attempt saved for one question: its scale value and chosen option ids.
SavedAnswer = tuple[int | None, tuple[int, ...]]


@dataclass(frozen=True)
class Progress:
    questions: Sequence[Question]
    saved: Mapping[int, SavedAnswer]  # by question id

    @property
    def answered(self) -> frozenset[int]:
        return frozenset(self.saved)

    def with_answer(self, question: Question, saved: SavedAnswer) -> Progress:
        return Progress(self.questions, {**self.saved, question.pk: saved})

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def answered_count(self) -> int:
        return sum(1 for q in self.questions if q.pk in self.answered)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.answered_count == self.total

    def find(self, slug: str) -> Question | None:
        return next((q for q in self.questions if q.slug == slug), None)

    def position(self, question: Question) -> int:
        """1-based position of the question among the active ones."""
        return next(i for i, q in enumerate(self.questions, 1) if q.pk == question.pk)

    def previous(self, question: Question) -> Question | None:
        index = self.position(question) - 1
        return self.questions[index - 1] if index > 0 else None

    def next(self, question: Question) -> Question | None:
        """The next question in order; past the last one, the first still unanswered."""
        index = self.position(question)
        if index < self.total:
            return self.questions[index]
        return self.first_unanswered()

    def first_unanswered(self) -> Question | None:
        return next((q for q in self.questions if q.pk not in self.answered), None)


@dataclass(frozen=True)
class AdaptiveProgress(Progress):
    """An adaptive quiz (quiz/engine/adaptive.py): ``questions`` are the ones asked so far,
    in the order asked, then the one to ask now. ``path`` says which is next or why the quiz
    stopped; ``more`` is about how many questions are still to come."""

    path: Path | None = None
    # "About N more" while the quiz is within its usual length; None past it, when ``at_most``
    # (the most that can remain) and ``deciding`` (the two roles still being told apart) are said.
    more: int | None = 0
    at_most: int = 0
    deciding: tuple[str, ...] = ()
    everything: Sequence[Question] = ()  # every active question, to tell "not asked" from unknown

    @property
    def total(self) -> int:
        if not (self.path and self.path.next):
            return len(self.questions)
        return len(self.questions) + (self.more if self.more is not None else self.at_most)

    @property
    def stopped(self) -> str | None:
        return self.path.stopped if self.path else None

    @property
    def complete(self) -> bool:
        return self.stopped is not None and all(q.pk in self.answered for q in self.questions)

    def first_unanswered(self) -> Question | None:
        return next((q for q in self.questions if q.pk not in self.answered), None)

    def next(self, question: Question) -> Question | None:
        """The next question asked after this one; past the last one asked, the question to
        ask now (None once the quiz stopped)."""
        index = self.position(question)
        if index is not None and index < len(self.questions):
            return self.questions[index]
        return self.first_unanswered()

    def position(self, question: Question) -> int | None:
        return next((i for i, q in enumerate(self.questions, 1) if q.pk == question.pk), None)

    def not_asked(self, slug: str) -> bool:
        """An active question of the quiz that this person's answers did not lead to."""
        return self.find(slug) is None and any(q.slug == slug for q in self.everything)
