"""Where a job seeker is in a quiz: pure navigation over the active questions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
